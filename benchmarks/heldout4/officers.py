"""What the officers of heldout4's units inspected over the whole period, and what they found
(records.md §2): their own rules of thumb within a daily capacity, courier tip-offs and a small
random share; x-ray sees metal better than drugs, dogs smell drugs and cash, documents rarely find
anything."""

from __future__ import annotations

import collections
import datetime as dt
import random

from . import world

WORDS = ["pistol", "pištolj", "pistolj", "пиштол", "пиштољ", "gun", "ammo", "munic", "муниц", "cartridge", "patron",
         "airsoft", "replica", "starter", "startni", "alarm", "schreckschuss", "tabanca", "barrel", "slide", "trigger",
         "magazine", "okvir", "9mm", "9x19", "cbd", "hemp", "kush", "kanabis", "marihuana", "grenade", "bomba",
         "fireworks", "petarde", "vatromet", "cigare", "cash", "money", "kit 1/2x28", "solvent trap"]
DRUG_ORIGINS = {"BR", "EC", "CO", "PE", "BO", "DO", "JM", "VE"}
EU_DEST = {"SE", "NL", "DE", "AT", "DK", "FR", "BE", "GB", "CH"}
TOY_WORDS = ["toy", "igrač", "oyuncak", "spielzeug", "играч", "lodra", "sport", "spor"]
METAL = {"firearm", "firearm_part", "converted_weapon", "ammunition", "explosive"}
FIND = {  # method: probability of finding, by what is hidden
    "xray": {"metal": 0.85, "drugs": 0.3, "cash": 0.45, "cigarettes": 0.6, "counterfeit": 0.2, "other": 0.6},
    "physical": {"metal": 0.92, "drugs": 0.8, "cash": 0.85, "cigarettes": 0.95, "counterfeit": 0.8, "other": 0.9},
    "canine": {"metal": 0.05, "drugs": 0.82, "cash": 0.55, "cigarettes": 0.2, "counterfeit": 0.02, "other": 0.5},
    "documentary": {"metal": 0.04, "drugs": 0.03, "cash": 0.03, "cigarettes": 0.05, "counterfeit": 0.3, "other": 0.05},
    "other": {"metal": 0.4, "drugs": 0.4, "cash": 0.4, "cigarettes": 0.4, "counterfeit": 0.3, "other": 0.4},
}
CAPACITY = {"postal": 0.04, "express": 0.045, "air_cargo": 0.06, "road": 0.03, "sea": 0.05}


def listed_names(entries: list[dict]) -> set[str]:
    """Officers check names exactly as the list writes them (aliases too), expired or not."""
    out = set()
    for e in entries:
        if e["kind"] in ("person", "organisation"):
            for n in [e["name"], *e.get("aliases", [])]:
                out.add(n.casefold())
    return out


def rules(rec: dict, value_eur: float, names: set[str]) -> tuple[float, str]:
    score, method = 0.0, "xray"
    text = " ".join(i["description"] for i in rec["items"]).casefold()
    gross = rec["gross_weight_kg"]
    cat = rec.get("category")
    if rec["consignee"]["name"].casefold() in names or rec["shipper"]["name"].casefold() in names:
        score += 5
        method = "physical"
    if any(w in text for w in WORDS):
        score += 3
    if rec["origin_country"] == "TR" and gross >= 1 and any(w in text for w in TOY_WORDS):
        score += 2
    if rec["direction"] == "export" and cat == "gift" and gross >= 4 and rec["destination_country"] in EU_DEST:
        score += 2
    if rec["origin_country"] in DRUG_ORIGINS:
        score += 3
        method = "canine"
    if cat == "documents" and gross >= 0.8:
        score += 2
    if rec.get("payment_method") == "cash_on_delivery" and value_eur < 15 and gross >= 1:
        score += 1.5
    if "declared_value" in rec and gross >= 3 and value_eur / gross < 2 and rec["mode"] in ("postal", "express"):
        score += 1
    if rec["origin_country"] == "AL" and rec["direction"] == "export" and rec["mode"] in ("postal", "express"):
        score += 1.5
        method = "canine" if method != "physical" else method
    if rec["origin_country"] == "US" and any(w in text for w in ("part", "filter", "kit")):
        score += 2
    if rec["origin_country"] in ("TR", "CZ", "AT") and gross >= 1 and value_eur < 30 and \
            any(w in text for w in ("part", "teile", "delov", "dijel", "делов", "alat", "tool", "werkzeug", "parça")):
        score += 1.5
    return score, method


def inspect(rng: random.Random, shipments: list[tuple[dict, dict]], entries: list[dict]) -> list[dict]:
    """shipments: (latest record, meta) of every valid shipment. Returns the outcome records."""
    names = listed_names(entries)
    by_unit = collections.defaultdict(list)
    for rec, meta in shipments:
        spec = meta["spec"]
        by_unit[(spec["station"], rec["mode"], spec["day"])].append((rec, meta))
    outcomes = []
    for (station, mode, day), group in sorted(by_unit.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        cap = max(1, round(len(group) * CAPACITY[mode] * rng.uniform(0.7, 1.3))) if len(group) >= 8 else \
            (1 if rng.random() < len(group) * CAPACITY[mode] * 2 else 0)
        scored = []
        for rec, meta in group:
            s, method = rules(rec, meta["value_eur"], names)
            if s >= 2:
                scored.append((s + rng.random(), method, rec, meta))
        scored.sort(key=lambda t: -t[0])
        chosen = [(m, rec, meta, False) for _, m, rec, meta in scored[:cap]]
        picked = {id(r) for _, r, _, _ in chosen}
        for rec, meta in group:
            # couriers under the memorandum report some suspicious parcels; a few tips are wrong
            if id(rec) not in picked and rng.random() < (0.12 if meta["spec"].get("illicit") else 0.001):
                chosen.append(("physical", rec, meta, False))
                picked.add(id(rec))
        for rec, meta in group:
            if id(rec) not in picked and rng.random() < 0.008:
                chosen.append(("xray" if mode in ("postal", "express") else rng.choice(["documentary", "physical"]),
                               rec, meta, True))
        for method, rec, meta, _random in chosen:
            if mode in ("air_cargo", "sea", "road") and method == "xray" and rng.random() < 0.35:
                method = rng.choice(["documentary", "physical"])
            elif method == "xray" and rng.random() < 0.12:
                method = "physical"
            outcomes.append(outcome(rng, rec, meta, method))
    return outcomes


def outcome(rng: random.Random, rec: dict, meta: dict, method: str) -> dict:
    spec = meta["spec"]
    when = meta["when"] + dt.timedelta(hours=rng.uniform(2, 40))
    off = world.offset_hours(spec["station"], when.date())
    when = when.astimezone(dt.timezone(dt.timedelta(hours=off)))
    out = {"reporter": rec["reporter"], "shipment_id": rec["shipment_id"],
           "inspected_at": when.replace(microsecond=0).isoformat(), "method": method}
    hidden = spec.get("hidden")
    if spec.get("illicit") and hidden:
        g = hidden["goods"]
        key = "metal" if g in METAL else g if g in FIND["xray"] else "other"
        p = FIND[method][key]
        if rec["mode"] == "sea":
            p *= 0.6
        if rng.random() < p:
            out["result"] = "seizure"
            qty = hidden["units"]
            if g == "cigarettes":
                qty = max(1, round(hidden.get("kg") or hidden["units"]))
            if g == "drugs":
                qty = max(1, round((hidden.get("kg") or hidden["units"]) * 1000))  # grams
            if g == "cash":
                qty = rng.choice([5000, 10000, 20000, 35000, 50000, 80000])
            out["findings"] = [{"category": hidden["category"], "description": hidden["description"], "quantity": qty}]
        else:
            out["result"] = "irregularity" if rng.random() < 0.08 else "no_finding"
    else:
        p_irr = 0.1 if spec.get("extras", {}).get("licence_no") else 0.05
        out["result"] = "irregularity" if rng.random() < p_irr else "no_finding"
    if rng.random() < 0.9:
        out["office"] = world.OFFICES.get((spec["station"], rec["mode"]), f"CUSTOMS-{spec['station']}")
    return out
