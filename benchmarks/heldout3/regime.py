"""What customs inspected before the platform came, and what they found (records.md §2): officers'
own simple rules, a small random draw, scarce capacity, and inspections that miss things."""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.heldout3.people import strip_diacritics, to_latin
from benchmarks.heldout3.world import EUR_RATE, Shipment, local_iso, utc_offset

OFFICER_WORDS = ["pistol", "gun", "weapon", "ammo", "airsoft", "holster", "scope", "barrel", "revolver", "pištolj", "пиштол",
                 "oružje", "оружје", "munition", "tabanca", "kurusıkı", "armë", "gas", "knife", "nož", "schreckschuss",
                 "plašljivac", "solvent trap", "slide", "rounds", "cev "]
PRIORITY = {"watchlist name": 0, "keyword": 0, "drug route": 1, "cheap and heavy": 1, "outbound heavy": 1, "heavy gift": 1,
            "cod low value": 2}
OFFICES = {("RS", "postal"): "CP-BEOGRAD-POSTA", ("RS", "express"): "CI-BEOGRAD-KURIRSKE", ("RS", "air_cargo"): "CI-AERODROM-BEG",
           ("RS", "road"): "CI-BATROVCI", ("BA", "postal"): "POSTAL-SA", ("BA", "express"): "EXPRESS-SA",
           ("BA", "air_cargo"): "CARGO-SJJ", ("MK", "postal"): "POSTAL-SKP", ("MK", "express"): "ACCU-SKP",
           ("MK", "air_cargo"): "CARGO-SKP", ("MK", "road"): "CI-BLACE", ("AL", "postal"): "DOG-POSTA-TR",
           ("AL", "express"): "DOG-EXPRESS-TR", ("AL", "air_cargo"): "DOG-RINAS", ("AL", "sea"): "DOG-DURRES",
           ("XK", "postal"): "DK-POSTA-PR", ("XK", "express"): "DK-EXPRESS-PR", ("ME", "postal"): "UC-POSTA-PG",
           ("ME", "express"): "UC-KURIR-PG", ("ME", "sea"): "UC-LUKA-BAR", ("BG", "postal"): "MP-SOFIA-POSHTA",
           ("BG", "express"): "MP-SOFIA-KURIER", ("BG", "air_cargo"): "MP-LETISHTE-SOF", ("BG", "road"): "MP-KAPITAN-ANDREEVO",
           ("HR", "postal"): "CI-ZAGREB-POSTA", ("HR", "express"): "CI-ZAGREB-BRZA", ("HR", "air_cargo"): "CI-ZRACNA-LUKA",
           ("HR", "sea"): "CI-PLOCE"}
DETECT = {  # chance an inspection of this method finds goods of this kind
    "xray": {"firearms": 0.85, "firearm_parts": 0.7, "converted_weapons": 0.85, "ammunition": 0.9, "explosives": 0.75,
             "drugs": 0.35, "drug_precursors": 0.2, "cash": 0.45, "cigarettes": 0.8, "counterfeit": 0.25},
    "physical": {"firearms": 0.95, "firearm_parts": 0.9, "converted_weapons": 0.93, "ammunition": 0.95, "explosives": 0.9,
                 "drugs": 0.85, "drug_precursors": 0.6, "cash": 0.9, "cigarettes": 0.95, "counterfeit": 0.7},
    "canine": {"drugs": 0.8, "cash": 0.55, "explosives": 0.6, "drug_precursors": 0.3},
    "documentary": {"counterfeit": 0.3, "drug_precursors": 0.15},
}
IRREGULARITIES = ["Declared value too low, duty reassessed", "Invoice missing", "Goods not as declared (quantity)",
                  "Wrong HS code", "Origin certificate missing", "Medicines above personal-use quantity"]


def _eur(rec: dict) -> float | None:
    if "declared_value" not in rec:
        return None
    return rec["declared_value"] / EUR_RATE.get(rec.get("currency", "EUR"), 1.0)


def _plain(text: str) -> str:
    return strip_diacritics(to_latin(text)).casefold()


def rule(rec: dict, listed_names: set) -> tuple[str, str] | None:
    """The officers' own rule that picks this record (rule, method), if any."""
    text = " ".join(i["description"] for i in rec["items"]).casefold()
    value = _eur(rec)
    weight = rec["gross_weight_kg"]
    mode, direction = rec["mode"], rec["direction"]
    route = {rec["origin_country"], rec.get("departure_country")} | set(rec.get("transit_countries", []))
    names = {_plain(rec["shipper"]["name"]), _plain(rec["consignee"]["name"])}
    if names & listed_names:
        return "watchlist name", "physical"
    if any(w in text for w in OFFICER_WORDS):
        return "keyword", "xray"
    if route & {"EC", "BR", "CO", "PE"} and mode in ("air_cargo", "sea", "express"):
        return "drug route", "canine"
    if rec.get("category") in ("gift", "documents") and weight >= 3 and mode in ("postal", "express"):
        return "heavy gift", "xray"
    if (direction == "import" and rec["origin_country"] in ("TR", "US", "CZ", "SK") and value is not None and value < 15
            and weight >= 0.8):
        return "cheap and heavy", "xray"
    if (direction == "export" and rec["destination_country"] in ("SE", "DE", "AT", "CH", "NL", "BE") and mode in ("postal", "express")
            and rec["origin_country"] in ("BA", "RS", "XK", "AL", "MK", "ME") and weight >= 2
            and rec.get("category") in ("gift", "other", None) and (value is None or value <= 30)):
        return "outbound heavy", "xray"
    if rec.get("payment_method") == "cash_on_delivery" and value is not None and value < 5:
        return "cod low value", "documentary"
    return None


def inspections(rng: random.Random, final: dict, shipments: list[Shipment], listed_names: set, first_day: dt.date,
                until: dt.date, first_days: dict) -> list[dict]:
    """Outcomes of the inspections made in the outcome weeks, in the order they were made."""
    chosen: dict[tuple, list] = {}
    for s in shipments:
        if first_days[s.key] > until:
            continue
        rec = final[s.key]
        hit = rule(rec, listed_names)
        if hit is None and rng.random() < 0.005:
            hit = ("random", rng.choice(["xray", "xray", "physical"]))
        if hit:
            chosen.setdefault((s.reporter.country, first_days[s.key]), []).append((s, hit))
    by_day_count: dict[tuple, int] = {}
    for s in shipments:
        k = (s.reporter.country, first_days[s.key])
        by_day_count[k] = by_day_count.get(k, 0) + 1
    out = []
    for k in sorted(chosen):
        picks = chosen[k]
        cap = max(1, int(by_day_count[k] * 0.05 + rng.random()))
        if len(picks) > cap:   # the strongest rules are served first; random draws always are
            randoms = [p for p in picks if p[1][0] == "random"]
            rules = sorted((p for p in picks if p[1][0] != "random"), key=lambda p: (PRIORITY[p[1][0]], rng.random()))
            picks = rules[:cap] + randoms
        for s, (why, method) in picks:
            out.append(_outcome(rng, s, method))
    out.sort(key=lambda o: (o["_moment"], o["reporter"], o["shipment_id"]))
    for o in out:
        del o["_moment"]
    return out


def _outcome(rng: random.Random, s: Shipment, method: str) -> dict:
    moment = s.moment + dt.timedelta(hours=rng.uniform(4, 70))
    clock = s.reporter.clock if s.reporter.clock != "UTC" else ("EET" if s.reporter.country == "BG" else "CET")
    local_hour = (moment + utc_offset(clock, moment)).hour
    if not 7 <= local_hour < 19:   # offices inspect in working hours: the next morning
        moment += dt.timedelta(hours=(31 - local_hour) % 24 + rng.uniform(0, 3))
    rec = {"reporter": s.reporter.code, "shipment_id": s.shipment_id, "inspected_at": local_iso(clock, moment), "method": method}
    found = s.illicit and rng.random() < DETECT.get(method, {}).get(s.goods, 0.1 if method == "documentary" else 0.05)
    if found and method == "xray" and rng.random() < 0.5:
        rec["method"] = "physical"   # the x-ray image made them open it; the report names the opening
    if found:
        rec["result"] = "seizure"
        rec["findings"] = [{"category": c.finding, "description": rng.choice(c.descriptions) + _weight_note(rng, c, q),
                            "quantity": q} for c, q in s.contraband]
    elif rng.random() < (0.12 if not s.illicit else 0.05):
        rec["result"] = "irregularity"
        if rng.random() < 0.5:
            rec["findings"] = [{"category": "other", "description": rng.choice(IRREGULARITIES), "quantity": 1}]
    else:
        rec["result"] = "no_finding"
    rec["office"] = OFFICES.get((s.reporter.country, s.reporter.mode), f"{s.reporter.country}-{s.reporter.mode.upper()}")
    rec["_moment"] = moment
    return rec


def _weight_note(rng, c, q) -> str:
    if c.finding in ("drugs", "cash"):
        return f", approx. {q * rng.uniform(*c.kg):.1f} kg" if c.finding == "drugs" else ""
    return ""
