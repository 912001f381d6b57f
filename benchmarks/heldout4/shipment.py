"""From a shipment as the world made it (a spec: parties, goods, route, day) to the record a
reporter sends (records.md §1): its identifier, its clock, its scripts, the fields it leaves out."""

from __future__ import annotations

import datetime as dt
import random

from . import identifiers, people, world
from .traffic import direction

EUR_RATES = {"EUR": 1.0, "RSD": 117.2, "MKD": 61.5, "BAM": 1.95583, "ALL": 98.4, "BGN": 1.95583, "CHF": 0.94,
             "SEK": 11.3, "USD": 1.08, "GBP": 0.85, "TRY": 37.2, "CNY": 7.8, "PLN": 4.3, "CZK": 25.2, "HUF": 405.0,
             "INR": 90.0, "AED": 3.97, "BRL": 6.1, "COP": 4500.0, "PEN": 4.05, "HKD": 8.4, "CAD": 1.48, "AUD": 1.65,
             "JPY": 162.0, "TWD": 35.0, "KES": 140.0, "DKK": 7.46}

CARRIERS = {"TK-CARGO": ("Turkish Airlines Cargo", "TK"), "QR-CARGO": ("Qatar Airways Cargo", "QR"),
            "LH-CARGO": ("Lufthansa Cargo", "LH"), "JU-CARGO": ("Air Serbia", "JU")}
S10_SERVICE = {"letter": ["RR", "RX", "RB"], "ecom": ["LB", "LY", "UA", "UB", "UM", "RB"], "parcel": ["CP", "CX", "CV"],
               "ems": ["EE", "EA", "EM"]}


class Reporters:
    def __init__(self, rng: random.Random, start: dt.date):
        self.rng = rng
        self.start = start
        self.used: set[tuple[str, str]] = set()
        self.masters: dict[tuple, str] = {}

    def choose(self, spec: dict) -> dict:
        prefer, mode, station = spec.get("reporter"), spec["mode"], spec["station"]
        if prefer:
            return next(r for r in world.REPORTERS if r["code"] == prefer)
        ends = {spec["origin"], spec.get("departure"), spec["destination"]}
        cands = [r for r in world.REPORTERS if r["mode"] == mode and r["station"] in (station, None)
                 and ("lanes" not in r or r["lanes"] & ends)] or \
                [r for r in world.REPORTERS if r["mode"] == mode and r["station"] in (station, None)]
        weights = [3.0 if r["station"] == station else 1.0 for r in cands]
        return self.rng.choices(cands, weights)[0]

    def new_id(self, rep: dict, spec: dict) -> str:
        rng = self.rng
        while True:
            fam = rep["ids"]
            if fam == "s10":
                kind = spec.get("service") or ("letter" if spec["category"] == "documents" else "parcel")
                post = spec["departure"] if spec["direction"] == "import" else spec["station"]
                if post not in world.PLACES:
                    post = spec["origin"]
                sid = identifiers.s10(rng, rng.choice(S10_SERVICE[kind]), post)
            elif fam.startswith("awb"):
                sid = identifiers.awb(rng, fam[3:])
            elif fam == "container":
                sid = identifiers.container(rng, rng.choice(["MSC", "MAE", "CMA", "TGH", "ZIM", "EVG", "HLX"]))
            else:
                sid = identifiers.tracking(rng, fam, world.AIRPORTS.get(spec["station"]))
            if (rep["code"], sid) not in self.used:
                self.used.add((rep["code"], sid))
                return sid

    def master(self, rep: dict, spec: dict, day: dt.date) -> str | None:
        """Consolidations: one master air waybill a flight day, one receptacle a dispatch, one van a trip."""
        src = spec["departure"] if spec["direction"] == "import" else spec["station"]
        dst = spec["station"] if spec["direction"] == "import" else spec["destination"]
        key = (rep["code"], src, dst, day)
        if key not in self.masters:
            rng = self.rng
            if rep["mode"] == "air_cargo":
                self.masters[key] = identifiers.awb(rng, rng.choice(["235", "157", "020", "176", "115"]))
            elif rep["mode"] == "postal":
                self.masters[key] = identifiers.receptacle(rng, src, dst, day, spec.get("service") or "parcel")
            elif rep["mode"] == "road":
                plate = rng.choice(["SG", "ZH", "LU", "M", "S", "W", "BG", "SK"])
                self.masters[key] = f"{plate} {rng.randint(100, 9999)}-" \
                                    f"{rng.choice('ABCDEFGHJKLMNPRSTZ')}{rng.choice('ABCDEFGHJKLMNPRSTZ')}"
            elif rep["mode"] == "sea":
                self.masters[key] = f"BL{rng.randint(10 ** 8, 10 ** 9 - 1)}"
            else:
                self.masters[key] = None
        return self.masters[key]


def reported_time(rng: random.Random, rep: dict, spec: dict, day: dt.date) -> dt.datetime:
    """When the reporter sends: postal batches at night, couriers at their afternoon cut-off, airlines
    before the flight, vans at the border, ships a day ahead."""
    mode = rep["mode"]
    if mode == "postal":
        hour = rng.choice([1, 2, 2, 3, 4, 5]) if spec["direction"] == "import" else rng.randint(8, 18)
    elif mode == "express":
        hour = rng.choice([14, 15, 16, 17, 17, 18, 19, 20, 21]) if rng.random() < 0.8 else rng.randint(7, 13)
    elif mode == "air_cargo":
        hour = rng.randint(0, 23)
    elif mode == "road":
        hour = rng.choice([20, 21, 22, 23, 0, 1, 2, 3, 4, 5]) if rep["ids"] == "kombi" else rng.randint(0, 23)
    else:
        hour = rng.randint(6, 17)
    local = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59), rng.randint(0, 59)))
    off = world.offset_hours(spec["station"], day)
    return local.replace(tzinfo=dt.timezone(dt.timedelta(hours=off)))


def iso(moment: dt.datetime, clock: str, rng: random.Random) -> str:
    if clock == "utc":
        u = moment.astimezone(dt.timezone.utc)
        return u.strftime("%Y-%m-%dT%H:%M:%SZ") if rng.random() < 0.6 else u.isoformat()
    return moment.isoformat()


def money(eur: float, currency: str) -> float:
    return round(eur * EUR_RATES[currency], 2 if currency not in ("JPY", "COP", "HUF") else 0)


def party_fields(rng: random.Random, party: dict, rep: dict, spec: dict, role: str) -> dict:
    """A party as this reporter writes it, optional fields missing as they often are."""
    # a local system writes local people in its script; foreigners keep theirs
    script_of = rep.get("station") or spec["station"]
    if party["country"] not in world.HOME and script_of in ("RS", "MK"):
        script_of = "HR"
    name = party.get("written") or people.written_for_system(party["name"], script_of, rng,
                                                              ascii_only=rep.get("ascii", False))
    out = {"name": name}
    ascii_only = rep.get("ascii", False)
    for key, missing in (("street", 0.03), ("city", 0.01), ("postcode", 0.15)):
        v = party.get(key)
        if v and rng.random() >= missing:
            if ascii_only:
                v = people.ascii_fold(people.latin(v)).upper()
            elif people.is_cyrillic(v) and rep["code"] not in ("MKPOST",) and rng.random() < 0.6:
                v = people.cyr_to_lat(v)
            out[key] = v
    out["country"] = party["country"]
    phone = party.get("phone")
    if phone and (rng.random() >= (0.1 if role == "consignee" else 0.3) or party.get("phone_written")):
        out["phone"] = party.get("phone_written") or people.phone_written(rng, phone, party["country"])
    email = party.get("email")
    if email and (rng.random() >= 0.35 or party.get("force_email")):
        out["email"] = email if rng.random() > 0.1 else email.upper() if ascii_only else email.capitalize()
    if role == "consignee" and party.get("id_number") and rng.random() < 0.5:
        out["id_number"] = party["id_number"]
    return out


def finalize(rng: random.Random, reporters: Reporters, spec: dict) -> tuple[dict, dict]:
    """The record (records.md §1) and its meta (truth and what the officers can see)."""
    day = spec["day"]
    spec["direction"] = direction(spec["station"], spec["origin"], spec.get("departure"), spec["destination"])
    rep = reporters.choose(spec)
    sid = reporters.new_id(rep, spec)
    when = reported_time(rng, rep, spec, day)
    items = spec["items"]
    kg = sum(i["_kg"] for i in items)
    gross = spec["gross"] if spec.get("gross") is not None else round(kg * rng.uniform(1.03, 1.15) + 0.05, 3)
    value_eur = spec["value_eur"] if spec.get("value_eur") is not None else sum(i["_eur"] for i in items)
    currency = spec.get("currency") or "EUR"
    rec: dict = {"reporter": rep["code"], "shipment_id": sid, "reported_at": iso(when, rep["clock"], rng),
                 "mode": spec["mode"], "direction": spec["direction"]}
    if spec.get("category") and rng.random() < (0.97 if rep["mode"] == "postal" else 0.6):
        rec["category"] = spec["category"]
    rec["origin_country"] = spec["origin"]
    if spec.get("departure") and (spec["departure"] != spec["origin"] or rng.random() < 0.5):
        rec["departure_country"] = spec["departure"]
    if spec.get("transit"):
        rec["transit_countries"] = list(spec["transit"])
    elif rng.random() < 0.05:
        rec["transit_countries"] = []
    rec["destination_country"] = spec["destination"]
    if rep["mode"] in ("air_cargo", "road", "sea") or rng.random() < 0.3:
        rec["departure_date"] = (day - dt.timedelta(days=rng.choice([0, 0, 1, 2]))).isoformat()
        if rng.random() < 0.7:
            rec["arrival_date"] = (day + dt.timedelta(days=rng.choice([0, 1, 1, 2, 3]))).isoformat()
    if rep["code"] in CARRIERS:
        name, code = CARRIERS[rep["code"]]
        rec["carrier"] = name
        rec["conveyance_ref"] = f"{code}{rng.randint(1000, 1999) if code != 'JU' else rng.randint(100, 999)}"
    elif rep["mode"] == "air_cargo":
        rec["carrier"] = rng.choice(["Turkish Airlines", "Wizz Air", "Austrian Airlines", "Qatar Airways"])
    elif rep["mode"] == "sea":
        rec["carrier"] = rng.choice(["MSC", "Maersk", "CMA CGM", "Arkas", "ZIM"])
        vessel = rng.choice(["MSC ADRIANA", "ARKAS BAR", "ZIM DURRES", "MAERSK KOTOR"])
        rec["conveyance_ref"] = f"{vessel} / {rng.randint(100, 999)}W"
    elif rep["mode"] == "express" and rng.random() < 0.5:
        rec["carrier"] = rep["code"].split("-")[0].title()
    consolidated = rep["mode"] in ("air_cargo", "road", "sea") or \
        (rep["mode"] == "postal" and spec["direction"] == "import" and rng.random() < 0.7)
    if spec.get("master_ref", True) and consolidated:
        m = reporters.master(rep, spec, day)
        if m:
            rec["master_ref"] = m
    rec["shipper"] = party_fields(rng, spec["shipper"], rep, spec, "shipper")
    rec["consignee"] = party_fields(rng, spec["consignee"], rep, spec, "consignee")
    pieces = spec.get("pieces") or (1 if gross < 30 else max(1, int(gross / rng.uniform(15, 40))))
    if rng.random() < 0.85:
        rec["pieces"] = pieces
    rec["gross_weight_kg"] = round(gross, 3 if gross < 100 else 1)
    if rng.random() >= spec.get("value_missing", 0.02):
        rec["declared_value"] = money(value_eur, currency)
        rec["currency"] = currency
    if spec.get("payment") and rng.random() < (0.9 if spec["payment"] == "cash_on_delivery" else 0.5):
        rec["payment_method"] = spec["payment"]
    net_rate = spec.get("net_rate", 0.45 if rep["mode"] != "postal" else 0.55)
    scale = spec.get("net_scale", 1.0)
    show_values = rng.random() < 0.75
    lines = []
    for it in items:
        line = {k: v for k, v in it.items() if not k.startswith("_")}
        if rng.random() < net_rate or spec.get("net_scale"):
            line["net_weight_kg"] = round(it["_kg"] * scale, 3)
        if show_values and len(items) > 1 or rng.random() < 0.4:
            share = it["_eur"] / max(sum(i["_eur"] for i in items), 0.01)
            line["value"] = money(value_eur * share, currency)
            if rng.random() < 0.3:
                line["currency"] = currency
        lines.append(line)
    rec["items"] = lines
    rec.update(spec.get("extras", {}))
    if rep.get("accounts"):
        # one account per sender and courier, opened long before the period unless the spec says new
        accounts = spec["shipper"].setdefault("_accounts", {})
        if rep["code"] not in accounts:
            age = spec.get("account_age_days")
            if age is not None:
                opened = day - dt.timedelta(days=age)
            elif rng.random() < 0.05:  # shops and buyers open accounts all the time: some just before the period
                opened = reporters.start - dt.timedelta(days=rng.randint(0, 25))
            else:
                opened = reporters.start - dt.timedelta(days=int(rng.expovariate(1 / 500)) + 1)
            accounts[rep["code"]] = (f"{rep['code'][:2]}{rng.randint(100000, 999999)}", opened)
        rec["account_id"], opened = accounts[rep["code"]]
        rec["account_opened"] = opened.isoformat()
    truth = {"reporter": rec["reporter"], "shipment_id": sid, "illicit": bool(spec.get("illicit")),
             "pattern": spec.get("pattern"), "goods": spec.get("goods"), "signals": list(spec.get("signals", [])),
             "lookalike": bool(spec.get("lookalike"))}
    if spec.get("case"):
        truth["case"] = spec["case"]
    meta = {"when": when, "spec": spec, "value_eur": value_eur, "gross": gross, "rep": rep}
    return rec, {"truth": truth, **meta}
