"""Third, independent generator of regional shipment traffic with planted illicit shipments, as a
yardstick for targeting. Written only from records.md, threats.md and knowledge of the region.

    python -m benchmarks.heldout2.generate --shipments 15000 --days 60 --seed 1 --out /tmp/h2/s1

Writes shipments.ndjson, outcomes.ndjson, watchlist.ndjson, truth.ndjson and period.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.heldout2 import identifiers as ids
from benchmarks.heldout2 import world
from benchmarks.heldout2.parties import Party, People, block, render_name, render_phone

# EUR -> currency, autumn 2026, rounded.
RATES = {"EUR": 1.0, "RSD": 117.1, "MKD": 61.5, "BAM": 1.95583, "ALL": 98.5, "TRY": 49.0, "USD": 1.16, "CHF": 0.94,
         "SEK": 11.1, "GBP": 0.87, "PLN": 4.27, "CZK": 24.5, "HUF": 392.0, "DKK": 7.46, "AED": 4.26, "BGN": 1.95583,
         "XDR": 0.85}
RISK_GOODS_FINDING = {"firearm_parts": "firearm_part", "converted_pistol": "converted_or_convertible_weapon",
                      "pistol": "pistol", "rifle": "rifle", "assault_rifle": "assault_rifle",
                      "submachine_gun": "submachine_gun", "ammunition": "ammunition", "explosives": "explosive",
                      "drugs_cannabis": "drugs", "cocaine": "drugs", "synthetics": "drugs", "cash": "cash",
                      "cigarettes": "other", "counterfeit": "other"}
FINDING_TEXT = {
    "firearm_parts": ["pistol slide and barrel", "trigger group and recoil spring", "AR-15 upper receiver parts",
                      "barrels for blank-firing pistols (converter kit)", "Glock-pattern frame and slide parts", "solvent trap kit with drilled cups"],
    "converted_pistol": ["blank-firing pistol converted to fire 9 mm, Zoraki 917", "Ekol Firat gas pistol, bored barrel",
                         "Retay alarm pistol converted", "blank-firing pistols, barrels drilled"],
    "pistol": ["Zastava M57 pistol, dismantled", "Zastava M70 pistol 7.65 mm", "CZ 75 pistol in parts", "Zastava M88 pistol"],
    "rifle": ["Mauser M48 rifle, stock removed", "hunting rifle, barrel and action separated", "Zastava M59/66 SKS parts"],
    "assault_rifle": ["Zastava M70 AB2 receiver, barrel and bolt carrier", "Zastava M70 rifle, dismantled in three parts"],
    "submachine_gun": ["Zastava M84 Škorpion submachine gun", "M56 submachine gun parts"],
    "ammunition": ["9x19 mm cartridges", "7.62x39 mm cartridges", "7.65 mm Browning cartridges", ".22 LR cartridges"],
    "explosives": ["TNT blocks 200 g", "M75 hand grenades", "detonators, electric", "plastic explosive PEP-500"],
    "drugs_cannabis": ["cannabis herb, vacuum packed", "cannabis resin", "skunk, vacuum bags"],
    "cocaine": ["cocaine bricks", "cocaine in banana boxes", "cocaine, liquid in bottles"],
    "synthetics": ["MDMA tablets", "amphetamine paste", "APAA precursor", "methamphetamine crystals", "ketamine"],
    "cash": ["undeclared EUR banknotes", "USD and EUR banknotes in clothing", "banknotes wrapped in carbon paper"],
    "cigarettes": ["cigarettes without excise stamps", "cigarettes, cartons hidden in clothing", "water pipe tobacco"],
    "counterfeit": ["counterfeit branded trainers", "counterfeit perfumes", "counterfeit watches", "fake designer bags"],
}
# Goods whose description, when used as cover, threats.md lists as classic.
CLASSIC_COVER = ["car_parts", "tools", "machine_parts", "fishing", "sporting", "toys", "clothes", "food_gift", "home_food"]
OTHER_COVER = ["cosmetics", "books", "phone_acc", "led", "shoes", "supplements", "electronics", "watches", "bike_parts"]
LOW_SCRUTINY_HS = ["870899", "870830", "8708", "820420", "8205", "820559", "950300", "9503", "731815", "7326"]
UNRELATED_HS = ["071290", "640399", "330499", "852872", "610910", "480256", "392690", "732393", "940540", "490199"]


@dataclasses.dataclass
class Plan:
    """One shipment before it is written: everything the record and the truth need."""
    reporter: dict
    day: int
    origin: str
    destination: str
    shipper: Party
    consignee: Party
    goods: list[str]                           # innocent goods keys declared
    quantities: list[int] | None = None        # per goods key, when the weight was drawn from them
    category: str | None = None
    payment: str | None = None
    transit: list[str] = dataclasses.field(default_factory=list)
    departure: str | None = None
    # overrides used by the plants and by look-alikes
    gross_kg: float | None = None
    value_eur: float | None = None
    hs_override: str | None = None
    net_factor: float = 1.0
    shipper_variant: str | None = None
    consignee_variant: str | None = None
    consignee_street: str | None = None
    consignee_phone: str | None = None
    shipper_phone: str | None = None
    consignee_email: str | None = None
    address_variant: bool = False
    description_lang: str | None = None
    pieces: int | None = None
    # truth
    illicit: bool = False
    pattern: str | None = None
    goods_truth: str | None = None
    signals: list[str] | None = None


class Generator:
    def __init__(self, *, shipments: int, days: int, seed: int, start: dt.date, outcome_weeks: int):
        self.n, self.days, self.seed, self.start, self.outcome_weeks = shipments, days, seed, start, outcome_weeks
        self.rng = random.Random(seed)
        self.people = People(self.rng)
        self.plans: list[Plan] = []
        self.serials: dict[str, int] = {}
        self.reporters = world.REPORTERS
        self.by_code = {r["code"]: r for r in self.reporters}
        # parties who come back: online sellers, diaspora families, firms
        self.sellers: dict[str, list[Party]] = {}
        self.families: list[tuple[Party, Party]] = []
        self.firms: dict[str, list[Party]] = {}
        self.watch_actors: list[tuple[Party, str]] = []      # (party, reason) listed and active in the traffic
        self.watch_phones: list[tuple[str, str]] = []
        self.watch_addresses: list[Party] = []
        self.namesakes: list[Party] = []
        self.day_weights = self._day_weights()

    # ------------------------------------------------------------------ time
    def _day_weights(self) -> list[float]:
        out = []
        for d in range(self.days):
            day = self.start + dt.timedelta(days=d)
            w = [1.12, 1.1, 1.05, 1.04, 1.0, 0.5, 0.28][day.weekday()]
            out.append(w * (1 + 0.12 * d / max(1, self.days)))
        return out

    def pick_day(self) -> int:
        return self.rng.choices(range(self.days), self.day_weights)[0]

    # ------------------------------------------------------------------ parties
    def seller(self, country: str) -> Party:
        pool = self.sellers.setdefault(country, [])
        limit = {"CN": 120, "DE": 60, "US": 40, "TR": 40}.get(country, 15)
        if len(pool) < limit and (not pool or self.rng.random() < 0.25):
            pool.append(self.people.organisation(country))
        # a few big sellers carry most volume
        return pool[min(len(pool) - 1, int(self.rng.paretovariate(1.3)) - 1)]

    def firm(self, country: str) -> Party:
        pool = self.firms.setdefault(country, [])
        if len(pool) < 25 and (not pool or self.rng.random() < 0.3):
            pool.append(self.people.organisation(country))
        return self.rng.choice(pool)

    def family(self, home: str, abroad: str) -> tuple[Party, Party]:
        """A household at home and a relative abroad; reused so some pairs send often."""
        if self.families and self.rng.random() < 0.35:
            pair = self.rng.choice(self.families)
            if pair[0].country == home:
                return pair
        at_home = self.people.person(home)
        rel = self.people.person(abroad, at_home.lang if at_home.lang in world.NAMES else None)
        if self.rng.random() < 0.6 and at_home.lang == rel.lang:
            rel.last = at_home.last
            rel.email = self.people.email_for(rel) if rel.email else ""
        pair = (at_home, rel)
        self.families.append(pair)
        return pair

    # ------------------------------------------------------------------ innocent traffic
    def pick_reporter(self) -> dict:
        return self.rng.choices(self.reporters, [r["share"] for r in self.reporters])[0]

    def innocent(self) -> Plan:
        rng = self.rng
        rep = self.pick_reporter()
        day = self.pick_day()
        mode, home = rep["mode"], rep["home"]
        if mode == "postal" and home is None:
            abroad = rep["origin"]
            dest = rng.choice(["RS", "RS", "BA", "BA", "MK", "XK", "AL", "ME", "HR", "BG", "GR", "TR"])
            if rng.random() < 0.55:
                at_home, rel = self.family(dest, abroad)
                return Plan(rep, day, abroad, dest, rel, at_home, self.goods_for("diaspora_in"), category="gift")
            return Plan(rep, day, abroad, dest, self.seller(abroad), self.people.person(dest), self.goods_for("eu_ecom"),
                        category="sale_of_goods", payment=rng.choice(["prepaid", "card", "card"]))
        if mode == "postal":
            r = rng.random()
            if r < 0.22:
                transit = rng.choice([[], [], ["BE"], ["NL"], ["DE"], ["HU"]])
                return Plan(rep, day, "CN", home, self.seller("CN"), self.people.person(home), self.goods_for("cn_ecom", 1),
                            category=rng.choice(["sale_of_goods", "sale_of_goods", "gift", "other"]), transit=transit,
                            departure=transit[0] if transit and rng.random() < 0.5 else None)
            if r < 0.36:
                src = rng.choice(["DE", "DE", "PL", "CZ", "CZ", "SK", "SI", "IT", "GB", "US", "NL", "AT", "HR", "HU"])
                if src == home:
                    src = "DE"
                return Plan(rep, day, src, home, self.seller(src), self.people.person(home), self.goods_for("eu_ecom"),
                            category="sale_of_goods", payment=rng.choice([None, "prepaid", "card"]))
            if r < 0.42:
                return Plan(rep, day, "TR" if home != "TR" else "DE", home, self.seller("TR" if home != "TR" else "DE"),
                            self.people.person(home), self.goods_for("tr_ecom"), category="sale_of_goods")
            if r < 0.58:
                abroad = rng.choice(world.DIASPORA[:6] + ["DE", "AT", "CH"])
                at_home, rel = self.family(home, abroad)
                return Plan(rep, day, abroad, home, rel, at_home, self.goods_for("diaspora_in"), category="gift")
            if r < 0.82:
                abroad = rng.choice(world.DIASPORA[:6] + ["DE", "AT", "CH", "US"])
                at_home, rel = self.family(home, abroad)
                return Plan(rep, day, home, abroad, at_home, rel, self.goods_for("diaspora_out"),
                            category=rng.choice(["gift", "gift", "gift", "documents", "other"]))
            other = rng.choice([c for c in world.REGION if c != home])
            if rng.random() < 0.5:
                return Plan(rep, day, other, home, self.people.person(other), self.people.person(home), self.goods_for("regional"),
                            category=rng.choice(["gift", "sale_of_goods", "other", "documents"]))
            return Plan(rep, day, home, other, self.people.person(home), self.people.person(other), self.goods_for("regional"),
                        category=rng.choice(["sale_of_goods", "gift", "returned_goods", "commercial_sample"]))
        if mode == "express":
            if home is None:
                src = rng.choice(["US", "GB", "DE", "CN", "TR", "NL", "CH", "IT"])
                dest = rng.choice(["RS", "MK", "BA", "AL", "XK", "BG", "ME", "GR", "TR"])
                if src == dest:
                    src = "DE"
                if rng.random() < 0.45:
                    return Plan(rep, day, src, dest, self.firm(src), self.firm(dest), self.goods_for("business"),
                                category=rng.choice(["commercial_sample", "documents", "sale_of_goods"]), payment="account")
                return Plan(rep, day, src, dest, self.seller(src), self.people.person(dest), self.goods_for("eu_ecom"),
                            category="sale_of_goods", payment=rng.choice(["prepaid", "card"]))
            r = rng.random()
            if r < 0.32:   # regional e-shops, cash on delivery
                other = rng.choice([c for c in ("RS", "BA", "MK", "ME", "HR", "BG", "XK", "AL", "SI", "GR") if c != home])
                inbound = rng.random() < 0.6
                seller = self.seller(other if inbound else home)
                buyer = self.people.person(home if inbound else other)
                return Plan(rep, day, seller.country, buyer.country, seller, buyer, self.goods_for("regional"),
                            category="sale_of_goods", payment=rng.choice(["cash_on_delivery"] * 3 + ["card", "prepaid"]))
            if r < 0.55:
                other = rng.choice(["DE", "IT", "AT", "TR", "CN", "US", "GB", "CH", "SI", "GR"])
                inbound = rng.random() < 0.6
                a, b = (self.firm(other), self.firm(home)) if inbound else (self.firm(home), self.firm(other))
                return Plan(rep, day, a.country, b.country, a, b, self.goods_for("business"),
                            category=rng.choice(["commercial_sample", "documents", "sale_of_goods"]), payment="account")
            if r < 0.8:
                src = rng.choice(["DE", "DE", "US", "GB", "CN", "TR", "PL", "NL", "IT", "CZ", "SK", "AT"])
                if src == home:
                    src = "DE"
                return Plan(rep, day, src, home, self.seller(src), self.people.person(home), self.goods_for("eu_ecom"),
                            category="sale_of_goods", payment=rng.choice(["prepaid", "card", "card", "cash_on_delivery"]))
            abroad = rng.choice(["DE", "AT", "CH", "SE", "NL"])
            at_home, rel = self.family(home, abroad)
            if rng.random() < 0.5:
                return Plan(rep, day, home, abroad, at_home, rel, self.goods_for("diaspora_out"), category="gift", payment="prepaid")
            return Plan(rep, day, abroad, home, rel, at_home, self.goods_for("diaspora_in"), category="gift", payment="prepaid")
        if mode == "air_cargo":
            r = rng.random()
            if r < 0.6:
                src = rng.choice(["DE", "IT", "CN", "TR", "US", "NL", "IN", "CH", "AE"])
                if src == home:
                    src = "DE"
                transit = ["TR"] if src in ("CN", "IN", "AE", "US") and rng.random() < 0.4 and home != "TR" else []
                return Plan(rep, day, src, home, self.firm(src), self.firm(home), self.goods_for("air_in", 1), transit=transit,
                            departure=transit[0] if transit else None, payment="account")
            if r < 0.9 or home != "TR":
                dest = rng.choice(["DE", "IT", "AT", "US", "FR", "GB", "CH", "NL"])
                return Plan(rep, day, home, dest, self.firm(home), self.firm(dest), self.goods_for("air_out", 1), payment="account")
            src, dest = rng.choice(["CN", "IN", "AE"]), rng.choice(["RS", "MK", "BA", "AL", "XK", "BG"])
            return Plan(rep, day, src, dest, self.firm(src), self.firm(dest), self.goods_for("air_in", 1), payment="account")
        if mode == "road":
            r = rng.random()
            if r < 0.45:
                dest = rng.choice(["DE", "AT", "IT", "SI", "HR", "HU", "NL", "CZ", "PL"])
                return Plan(rep, day, home, dest, self.firm(home), self.firm(dest), self.goods_for("road", 1), payment="account",
                            transit=self.road_transit(home, dest))
            if r < 0.8:
                src = rng.choice(["TR", "DE", "IT", "GR", "AT", "PL", "HU"])
                if src == home:
                    src = "DE"
                return Plan(rep, day, src, home, self.firm(src), self.firm(home), self.goods_for("road", 1), payment="account",
                            transit=self.road_transit(src, home))
            src, dest = rng.choice([("TR", "DE"), ("TR", "AT"), ("GR", "DE"), ("TR", "NL"), ("GR", "HU"), ("TR", "IT")])
            return Plan(rep, day, src, dest, self.firm(src), self.firm(dest), self.goods_for("road", 1), payment="account",
                        transit=self.road_transit(src, dest, via=home))
        # sea
        src = rng.choice(["CN", "CN", "TR", "EC", "IT", "EG", "IN", "BR", "CO"]) if rng.random() < 0.8 else home
        if src == home:
            dest = rng.choice(["IT", "DE", "US", "TR", "EG"])
            return Plan(rep, day, home, dest, self.firm(home), self.firm(dest), self.goods_for("sea", 1), payment="account")
        goods = ["bananas"] if src in ("EC", "CO") and rng.random() < 0.8 else self.goods_for("sea", 1)
        return Plan(rep, day, src if src in world.COUNTRIES else "CN", home, self.firm(src if src in world.COUNTRIES else "CN"),
                    self.firm(home), goods, payment="account")

    def road_transit(self, a: str, b: str, via: str | None = None) -> list[str]:
        corridor = {"TR": ["BG", "RS", "HU", "AT"], "GR": ["MK", "RS", "HU", "AT"], "MK": ["RS", "HU", "AT"],
                    "RS": ["HU", "AT"], "BA": ["HR", "SI", "AT"], "BG": ["RS", "HU", "AT"]}
        path = corridor.get(a, [])
        out = [c for c in path if c not in (a, b)][: self.rng.randint(1, 3)]
        if via and via not in out and via not in (a, b):
            out.insert(0, via)
        return out

    def goods_for(self, flow: str, most: int = 3) -> list[str]:
        pool = world.FLOW_GOODS[flow]
        k = 1 if most == 1 else self.rng.choices([1, 2, 3], [0.55, 0.3, 0.15])[0]
        return [self.rng.choice(pool) for _ in range(k)]

    # ------------------------------------------------------------------ look-alikes
    def lookalike(self, kind: str) -> Plan:
        rng = self.rng
        if kind == "hunting":
            home = rng.choice(["RS", "MK", "BA", "BG", "ME"])
            dealer = self.people.organisation(home)
            dealer.org = {"RS": "Lovačka radnja ", "BA": "Lovački centar ", "ME": "Lovačka radnja ", "MK": "Ловечки центар ",
                          "BG": "Ловен магазин "}[home] + dealer.org
            src = rng.choice(["IT", "DE", "CZ", "TR", "AT", "US"])
            rep = self.pick_kind("air_cargo" if rng.random() < 0.5 else "express", home)
            goods = ["hunting_arms"] if rep["mode"] == "air_cargo" else ["hunting_acc"]
            return Plan(rep, self.pick_day(), src, rep["home"] or home, self.firm(src), dealer, goods,
                        category="sale_of_goods", payment="account", pattern="lookalike_hunting")
        if kind == "airsoft":
            home = rng.choice(["RS", "MK", "BA", "BG", "AL", "XK"])
            src = rng.choice(["CN", "CN", "TR", "DE", "CZ"])
            rep = self.pick_kind(rng.choice(["postal", "express"]), home)
            goods = ["airsoft"] if rng.random() < 0.75 else ["blank_pistol_legal"]
            return Plan(rep, self.pick_day(), src, rep["home"] or home, self.seller(src), self.people.person(rep["home"] or home),
                        goods, category="sale_of_goods", payment=rng.choice(["card", "cash_on_delivery", "prepaid"]),
                        pattern="lookalike_airsoft")
        if kind == "heavy_metal":
            home = rng.choice(["RS", "MK", "BA", "BG", "AL", "XK", "ME"])
            src = rng.choice(["CN", "DE", "PL", "TR"])
            rep = self.pick_kind(rng.choice(["postal", "express"]), home)
            p = Plan(rep, self.pick_day(), src, rep["home"] or home, self.seller(src), self.people.person(rep["home"] or home),
                     ["metal_heavy"], category=rng.choice(["sale_of_goods", "gift"]), payment=rng.choice(["card", "cash_on_delivery"]),
                     pattern="lookalike_heavy_metal")
            return p
        if kind == "gift":   # heavy diaspora gift parcel, cheap used clothes and food
            abroad = rng.choice(["DE", "AT", "CH", "SE"])
            home = rng.choice(["RS", "BA", "MK", "XK", "AL"])
            rep = self.pick_kind("postal", home)
            at_home, rel = self.family(rep["home"] or home, abroad if rep["home"] else rep.get("origin", abroad))
            p = Plan(rep, self.pick_day(), rel.country, at_home.country, rel, at_home, ["clothes", "food_gift", "shoes"],
                     category="gift", pattern="lookalike_gift")
            p.gross_kg = round(rng.uniform(8, 25), 2)
            p.value_eur = rng.choice([20, 30, 50, 50, 100])
            return p
        if kind == "namesake":
            person = rng.choice(self.namesakes)
            rep = self.pick_kind(rng.choice(["postal", "express"]), person.country)
            src = rng.choice(["DE", "CN", "AT", "US"])
            return Plan(rep, self.pick_day(), src, person.country, self.seller(src), person, self.goods_for("eu_ecom"),
                        category="sale_of_goods", payment="card", pattern="lookalike_namesake")
        raise ValueError(kind)

    def pick_kind(self, mode: str, home: str | None) -> dict:
        cands = [r for r in self.reporters if r["mode"] == mode and r["home"] == home]
        if not cands:
            cands = [r for r in self.reporters if r["mode"] == mode and r["home"]]
        return self.rng.choices(cands, [r["share"] for r in cands])[0]

    def reseller_and_locker_lookalikes(self, count: int) -> list[Plan]:
        """E-commerce resellers and lockers: one address receiving many parcels from unrelated senders."""
        rng = self.rng
        plans = []
        while len(plans) < count:
            home = rng.choice(["RS", "MK", "BG", "BA", "XK", "AL"])
            locker = rng.random() < 0.5
            owner = self.people.person(home) if locker else self.people.organisation(home)
            street = rng.choice(world.LOCKERS.get(home, ["Paketomat {n}"])).format(n=rng.randint(100, 999)) if locker else None
            base = self.pick_day()
            for _ in range(rng.randint(4, 9)):
                src = rng.choice(["CN", "CN", "DE", "TR", "PL", "US"])
                rep = self.pick_kind(rng.choice(["postal", "express"]), home)
                p = Plan(rep, min(self.days - 1, base + rng.randint(0, 12)), src, rep["home"] or home, self.seller(src),
                         owner if not locker or rng.random() < 0.5 else self.people.person(home), self.goods_for("cn_ecom"),
                         category="sale_of_goods", payment=rng.choice(["card", "cash_on_delivery", "prepaid"]),
                         pattern="lookalike_locker" if locker else "lookalike_reseller")
                p.consignee_street = street
                if not locker:
                    p.consignee_variant = rng.choice([None, None, "caps", "ascii"])
                plans.append(p)
        return plans

    # ------------------------------------------------------------------ illicit plants
    def plant_all(self, budget: int) -> list[Plan]:
        rng = self.rng
        mix = [("inbound_parts", 17), ("inbound_convertible", 12), ("outbound_legacy", 16), ("ammunition", 9),
               ("splitting", 5), ("identity_games", 3), ("known_actor", 7), ("drugs_cannabis", 8), ("cocaine", 6),
               ("synthetics", 6), ("cash_courier", 4), ("explosives", 3), ("cigarettes", 6), ("counterfeit", 6)]
        plans: list[Plan] = []
        guard = 0
        planted = 0
        while planted < budget and guard < budget * 3:
            guard += 1
            pattern = rng.choices([m for m, _ in mix], [w for _, w in mix])[0]
            new = getattr(self, f"plant_{pattern}")()
            planted += sum(p.illicit for p in new)
            plans.extend(new)
        return plans

    def strength(self) -> int:
        """How many signals to plant: weak cases with 0-1, most with 2-3, some with 4-5."""
        return self.rng.choices([0, 1, 2, 3, 4, 5], [0.08, 0.18, 0.28, 0.24, 0.14, 0.08])[0]

    def choose(self, eligible: list[str], k: int, always: tuple[str, ...] = ()) -> list[str]:
        pool = [s for s in eligible if s not in always]
        return list(always) + self.rng.sample(pool, min(len(pool), max(0, k - len(always))))

    def apply(self, p: Plan, signals: list[str], *, contraband_kg: float, cover: str | None = None) -> Plan:
        """Make the record carry exactly the chosen signals (and not the others, as far as the plan allows)."""
        rng = self.rng
        p.illicit = True
        p.signals = sorted(set(signals))
        if "cover_description" in signals:
            p.goods = [cover or rng.choice(CLASSIC_COVER)]
            pool = CLASSIC_COVER
        elif not p.goods:
            p.goods = [rng.choice(OTHER_COVER)]
            pool = OTHER_COVER
        else:
            pool = []
        # a cover has as many item lines as honest parcels do
        for _ in range(rng.choices([0, 1, 2], [0.55, 0.3, 0.15])[0] if pool else 0):
            p.goods.append(rng.choice(pool))
        cover_kg = rng.uniform(0.1, 1.0)
        p.gross_kg = round(contraband_kg + cover_kg, 2)
        if "heavy_gift_or_documents" in signals:
            p.category = rng.choice(["gift", "gift", "documents"])
            p.gross_kg = max(p.gross_kg, round(rng.uniform(2.5, 6), 2))
        elif p.category in ("gift", "documents") and p.gross_kg > 2:
            p.category = rng.choice(["sale_of_goods", "other", None])
        if "low_value_for_weight" in signals:
            p.value_eur = round(rng.uniform(3, 12) * max(1, p.gross_kg / 4), 2)
        else:
            p.value_eur = round(rng.uniform(12, 35) * max(1.0, p.gross_kg), 2)
        if "hs_mismatch" in signals:
            p.hs_override = rng.choice(UNRELATED_HS)
        elif "low_scrutiny_hs_dense" in signals:
            p.hs_override = rng.choice(LOW_SCRUTINY_HS)
            p.pieces = 1
            p.gross_kg = max(p.gross_kg, round(rng.uniform(3, 9), 2))
        if "net_gross_mismatch" in signals:
            p.net_factor = rng.choice([rng.uniform(0.08, 0.3), rng.uniform(1.25, 2.0)])
        if "cod_low_value" in signals:
            p.payment = "cash_on_delivery"
            p.value_eur = min(p.value_eur, round(rng.uniform(5, 25), 2))
        elif p.payment == "cash_on_delivery":
            p.payment = rng.choice(["prepaid", "card"])
        return p

    def newcomer_or_regular(self, p: Plan, signals: list[str]) -> list[Plan]:
        """Without the newcomer signals, the actors have innocent-looking history earlier in the period."""
        history = []
        for side, sig in (("shipper", "first_time_sender"), ("consignee", "first_time_consignee")):
            if sig in signals:
                continue
            party = getattr(p, side)
            for _ in range(self.rng.randint(1, 2)):
                if p.day < 3:
                    break
                h = self.innocent()
                h.day = self.rng.randint(0, max(0, p.day - 1))
                setattr(h, side, party)
                if side == "shipper":
                    h.origin = party.country
                else:
                    h.destination = party.country
                if h.origin == h.destination:
                    continue
                h.reporter = self.reporter_for(h.origin, h.destination, h.reporter["mode"] if h.reporter["mode"] in ("postal", "express") else "postal")
                history.append(h)
        return history

    def reporter_for(self, origin: str, destination: str, mode: str) -> dict:
        rng = self.rng
        cands = [r for r in self.reporters if r["mode"] == mode and r["home"] in (origin, destination)]
        if mode == "postal":
            cands += [r for r in self.reporters if r["mode"] == "postal" and r.get("origin") == origin and destination in world.REGION]
        if mode == "express":
            cands += [r for r in self.reporters if r["mode"] == "express" and r["home"] is None
                      and destination in world.REGION and origin not in world.REGION]
        if not cands:
            cands = [r for r in self.reporters if r["mode"] == mode and r["home"] in (origin, destination)] or \
                    [r for r in self.reporters if r["mode"] == "postal" and r["home"] in (origin, destination)] or \
                    [r for r in self.reporters if r["home"] in (origin, destination)] or [self.by_code["GLOBEX"]]
        return rng.choices(cands, [r["share"] for r in cands])[0]

    def route(self, p: Plan, signals: list[str], risky: list[str], plain: list[str], inbound_home: str | None = None) -> None:
        if "risky_origin" in signals:
            p.origin = self.rng.choice(risky)
        else:
            p.origin = self.rng.choice(plain)
        if "indirect_route" in signals:
            hubs = [c for c in ["TR", "AE", "HU", "AT", "BG", "GR", "CZ", "BE"] if c not in (p.origin, p.destination)]
            p.transit = self.rng.sample(hubs, self.rng.randint(1, 2))
            p.departure = p.transit[-1] if self.rng.random() < 0.6 else None

    FIREARM_SIGNALS = ["cover_description", "hs_mismatch", "low_scrutiny_hs_dense", "low_value_for_weight",
                       "heavy_gift_or_documents", "net_gross_mismatch", "first_time_sender", "first_time_consignee",
                       "cod_low_value", "risky_origin", "indirect_route"]

    def plant_inbound_parts(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["RS", "RS", "BA", "MK", "ME", "AL", "XK", "BG"])
        signals = self.choose(self.FIREARM_SIGNALS, self.strength())
        p = Plan(self.by_code["GLOBEX"], self.pick_day(), "US", home, None, self.people.person(home), [], category="sale_of_goods",
                 payment=rng.choice(["card", "prepaid"]))
        self.route(p, signals, ["US", "US", "TR", "CZ", "SK", "AT"], ["DE", "PL", "GB", "CN", "NL", "IT"])
        p.shipper = self.people.person(p.origin) if rng.random() < 0.5 else self.seller(p.origin)
        p.reporter = self.reporter_for(p.origin, home, rng.choice(["postal", "express", "express"]))
        goods = "firearm_parts"
        self.apply(p, signals, contraband_kg=rng.uniform(0.3, 2.5), cover=rng.choice(["car_parts", "tools", "machine_parts", "fishing", "sporting"]))
        p.pattern, p.goods_truth = "inbound_parts", goods
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_inbound_convertible(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["RS", "BA", "MK", "XK", "AL", "ME", "BG", "GR"])
        signals = self.choose(self.FIREARM_SIGNALS, self.strength())
        p = Plan(self.by_code["GLOBEX"], self.pick_day(), "TR", home, None, self.people.person(home), [], category="sale_of_goods",
                 payment=rng.choice(["card", "prepaid", "cash_on_delivery"]))
        self.route(p, signals, ["TR", "TR", "SK", "CZ", "IT"], ["DE", "BG", "CN", "PL", "HU"])
        p.shipper = self.people.person(p.origin)
        p.reporter = self.reporter_for(p.origin, home, rng.choice(["postal", "express"]))
        n = rng.randint(1, 4)
        self.apply(p, signals, contraband_kg=n * rng.uniform(0.65, 1.1), cover=rng.choice(["toys", "tools", "clothes", "sporting"]))
        p.pattern, p.goods_truth = "inbound_convertible", "converted_pistol"
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_outbound_legacy(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["RS", "RS", "BA", "BA", "MK", "XK", "ME", "AL"])
        dest = rng.choice(["DE", "DE", "AT", "SE", "NL", "FR", "BE", "CH", "DK"])
        goods, kg = rng.choice([("pistol", (0.8, 1.4)), ("pistol", (0.8, 1.4)), ("assault_rifle", (3.2, 4.2)),
                                ("rifle", (3.5, 4.6)), ("submachine_gun", (1.3, 1.9)), ("firearm_parts", (0.8, 3.0))])
        signals = self.choose(self.FIREARM_SIGNALS + ["name_variant"], self.strength())
        sender, rel = self.family(home, dest) if rng.random() < 0.5 else (self.people.person(home), self.people.person(dest))
        p = Plan(self.by_code["POSTA-RS"], self.pick_day(), home, dest, sender, rel, [], category=rng.choice(["gift", "other", "sale_of_goods"]),
                 payment="prepaid")
        if "risky_origin" in signals:
            p.origin = rng.choice(["BA", "XK", "RS", "AL"])
            p.shipper = self.people.person(p.origin)
        if "indirect_route" in signals:
            p.transit = rng.sample([c for c in ["HU", "SI", "HR", "AT", "BG", "GR", "IT"] if c != dest], rng.randint(1, 2))
        p.reporter = self.reporter_for(p.origin, dest, rng.choice(["postal", "postal", "express"]))
        if "name_variant" in signals:
            p.shipper_variant = rng.choice(["script", "translit", "order", "typo", "initial"])
        self.apply(p, signals, contraband_kg=rng.uniform(*kg), cover=rng.choice(CLASSIC_COVER))
        p.pattern, p.goods_truth = "outbound_legacy", goods
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_ammunition(self) -> list[Plan]:
        rng = self.rng
        outbound = rng.random() < 0.55
        home = rng.choice(["RS", "BA", "MK", "ME", "XK", "AL", "BG"])
        other = rng.choice(["DE", "AT", "SE", "NL", "CH"]) if outbound else rng.choice(["US", "CZ", "TR", "SK", "DE"])
        signals = self.choose(self.FIREARM_SIGNALS, self.strength())
        a, b = (self.people.person(home), self.people.person(other)) if outbound else (self.people.person(other), self.people.person(home))
        p = Plan(self.by_code["POSTA-RS"], self.pick_day(), a.country, b.country, a, b, [], category=rng.choice(["gift", "sale_of_goods", "other"]),
                 payment="prepaid")
        if not outbound:
            self.route(p, signals, ["US", "CZ", "TR", "SK"], ["DE", "PL", "IT", "HU"])
            p.shipper = self.people.person(p.origin)
        p.reporter = self.reporter_for(p.origin, p.destination, rng.choice(["postal", "express"]))
        self.apply(p, signals, contraband_kg=rng.uniform(1.0, 9.0), cover=rng.choice(["machine_parts", "tools", "fishing", "sporting", "car_parts"]))
        p.pattern, p.goods_truth = "ammunition", "ammunition"
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_splitting(self) -> list[Plan]:
        """One weapon or a batch in several parcels, different senders or reporters, close days, one receiver."""
        rng = self.rng
        inbound = rng.random() < 0.55
        home = rng.choice(["RS", "BA", "MK", "XK", "AL", "ME", "BG"])
        if inbound:
            receiver = self.people.person(home)
            src_countries = rng.sample(["US", "DE", "TR", "CZ", "AT", "PL", "SK", "NL", "HU"], rng.randint(1, 3))
        else:
            receiver = self.people.person(rng.choice(["DE", "AT", "SE", "NL", "CH", "FR"]), rng.choice(["sr", "bs", "sq", "mk"]))
            src_countries = [home]
        goods = rng.choice(["firearm_parts", "firearm_parts", "pistol", "assault_rifle", "ammunition", "converted_pistol"])
        locker = rng.random() < 0.35
        street = rng.choice(world.LOCKERS.get(receiver.country, ["Paketomat {n}"])).format(n=rng.randint(100, 999)) if locker else None
        base = self.pick_day()
        parcels = rng.randint(2, 5)
        shared_phone = rng.random() < 0.6
        out = []
        for i in range(parcels):
            signals = ["split_consignment"]
            extra = self.choose([s for s in self.FIREARM_SIGNALS if s not in ("risky_origin", "indirect_route")], rng.randint(0, 2))
            src = rng.choice(src_countries)
            sender = self.people.person(src)
            p = Plan(self.by_code["POSTA-RS"], min(self.days - 1, base + rng.randint(0, 4)), src, receiver.country, sender, receiver, [],
                     category=rng.choice(["gift", "sale_of_goods", "other"]), payment=rng.choice(["prepaid", "card"]))
            p.reporter = self.reporter_for(src, receiver.country, rng.choice(["postal", "express"]))
            if i > 0 or rng.random() < 0.5:
                p.consignee_variant = rng.choice(["script", "translit", "order", "typo", "initial", "ascii", "caps"])
                signals.append("name_variant")
            if locker:
                p.consignee_street = street
                signals.append("locker_or_pobox")
            elif rng.random() < 0.6:
                p.address_variant = True
            if shared_phone:
                p.consignee_phone = receiver.phone
                signals.append("shared_phone")
            self.apply(p, signals + extra, contraband_kg=rng.uniform(0.3, 2.2), cover=rng.choice(CLASSIC_COVER))
            p.pattern, p.goods_truth = "splitting", goods
            out.append(p)
        return out

    def plant_identity_games(self) -> list[Plan]:
        """Several names behind one phone or e-mail or address, receiving over weeks."""
        rng = self.rng
        home = rng.choice(["RS", "BA", "MK", "BG", "XK", "AL"])
        anchor = self.people.person(home)
        fronts = [self.people.person(home) for _ in range(rng.randint(1, 3))] + [anchor]
        out = []
        for _ in range(rng.randint(2, 4)):
            front = rng.choice(fronts)
            src = rng.choice(["US", "TR", "DE", "CZ", "AT", "SK"])
            signals = ["shared_phone" if rng.random() < 0.6 else "shared_email"]
            p = Plan(self.by_code["GLOBEX"], self.pick_day(), src, home, self.people.person(src), front, [],
                     category="sale_of_goods", payment=rng.choice(["card", "cash_on_delivery", "prepaid"]))
            p.reporter = self.reporter_for(src, home, rng.choice(["postal", "express"]))
            if signals[0] == "shared_phone":
                p.consignee_phone = anchor.phone
            else:
                p.consignee_email = anchor.email or self.people.email_for(anchor)
            if rng.random() < 0.5:
                p.consignee_street = self.render_address(anchor, home)
                signals.append("busy_address")
            if front is anchor and rng.random() < 0.7:
                p.consignee_variant = rng.choice(["script", "translit", "order", "typo", "initial"])
                signals.append("name_variant")
            extra = self.choose(self.FIREARM_SIGNALS, rng.randint(0, 2))
            self.apply(p, signals + extra, contraband_kg=rng.uniform(0.3, 2.5), cover=rng.choice(CLASSIC_COVER))
            p.pattern, p.goods_truth = "identity_games", rng.choice(["firearm_parts", "converted_pistol", "ammunition"])
            out.append(p)
        return out

    def render_address(self, party: Party, writer: str) -> str:
        from benchmarks.heldout2.parties import render_street
        return render_street(party, writer, self.rng)

    def plant_known_actor(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["RS", "BA", "MK", "XK", "AL", "ME", "BG"])
        actor = self.people.person(home) if rng.random() < 0.8 else self.people.organisation(home)
        outbound = rng.random() < 0.5
        other = rng.choice(["DE", "AT", "SE", "NL", "CH"]) if outbound else rng.choice(["US", "TR", "DE", "CZ", "AT"])
        kinds = rng.sample(["watchlisted_name", "watchlisted_phone", "watchlisted_address"], rng.choice([1, 1, 2]))
        reason = rng.choice(["firearms trafficking", "illegal possession of weapons", "smuggling of ammunition",
                             "organised crime group", "arms brokering"])
        if "watchlisted_name" in kinds:
            self.watch_actors.append((actor, reason))
        if "watchlisted_phone" in kinds:
            self.watch_phones.append((actor.phone, reason))
        if "watchlisted_address" in kinds:
            self.watch_addresses.append(actor)
        out = []
        for _ in range(rng.choice([1, 1, 2])):
            signals = list(kinds) + self.choose(self.FIREARM_SIGNALS, self.strength() // 2)
            counterpart = self.people.person(other)
            a, b = (actor, counterpart) if outbound else (counterpart, actor)
            p = Plan(self.by_code["GLOBEX"], self.pick_day(), a.country, b.country, a, b, [], category=rng.choice(["gift", "sale_of_goods", "other"]),
                     payment=rng.choice(["prepaid", "card"]))
            p.reporter = self.reporter_for(a.country, b.country, rng.choice(["postal", "express"]))
            variant = rng.choice(["script", "translit", "order", "typo", "initial", None]) if "watchlisted_name" in kinds else None
            if outbound:
                p.shipper_variant = variant
                if "watchlisted_phone" in kinds:
                    p.shipper_phone = actor.phone
            else:
                p.consignee_variant = variant
                if "watchlisted_phone" in kinds:
                    p.consignee_phone = actor.phone
            if variant:
                signals.append("name_variant")
            goods = rng.choice(["firearm_parts", "pistol", "ammunition", "assault_rifle", "converted_pistol"])
            self.apply(p, signals, contraband_kg=rng.uniform(0.5, 4.0), cover=rng.choice(CLASSIC_COVER))
            p.pattern, p.goods_truth = "known_actor", goods
            out.append(p)
        return out

    DRUG_SIGNALS = ["cover_description", "hs_mismatch", "low_value_for_weight", "net_gross_mismatch", "first_time_sender",
                    "first_time_consignee", "risky_origin", "indirect_route", "heavy_gift_or_documents", "cod_low_value"]

    def plant_drugs_cannabis(self) -> list[Plan]:
        rng = self.rng
        src_home = rng.choice(["AL", "AL", "MK", "XK", "ME", "BA", "RS"])
        dest = rng.choice(["DE", "GR", "CH", "SE", "AT", "NL", "GB", "IT", "HR", "BG"])
        signals = self.choose(self.DRUG_SIGNALS, self.strength())
        a, b = self.people.person(src_home), self.people.person(dest)
        road = rng.random() < 0.2
        p = Plan(self.by_code["POSTA-AL"], self.pick_day(), src_home, dest, a if not road else self.firm(src_home),
                 b if not road else self.firm(dest), [], category=rng.choice(["gift", "other", "sale_of_goods"]), payment="prepaid")
        if "risky_origin" not in signals and not road:
            p.origin = rng.choice(["RS", "BG", "HR", "MK"])
            p.shipper = self.people.person(p.origin)
        if road:
            p.reporter = rng.choice([r for r in self.reporters if r["mode"] == "road"])
            p.goods = ["fruit"]
            p.payment = "account"
            signals = [s for s in signals if s not in ("heavy_gift_or_documents", "cod_low_value", "cover_description")]
            self.apply(p, signals, contraband_kg=0)
            p.category = None
            p.gross_kg = round(rng.uniform(9000, 21000), 0)
            p.value_eur = round(p.gross_kg * rng.uniform(0.25, 0.9), 2) if "low_value_for_weight" not in signals else round(p.gross_kg * 0.08, 2)
        else:
            p.reporter = self.reporter_for(p.origin, dest, rng.choice(["postal", "express"]))
            self.apply(p, signals, contraband_kg=rng.uniform(0.5, 5.0), cover=rng.choice(["clothes", "food_gift", "home_food", "cosmetics"]))
        if "indirect_route" in signals:
            p.transit = rng.sample([c for c in ["GR", "IT", "BG", "RS", "HU", "AT"] if c not in (p.origin, dest)], rng.randint(1, 2))
        p.pattern, p.goods_truth = "drugs_parcel" if not road else "drugs_road", "drugs_cannabis"
        return [p] + (self.newcomer_or_regular(p, signals) if not road else [])

    def plant_cocaine(self) -> list[Plan]:
        rng = self.rng
        signals = self.choose(self.DRUG_SIGNALS[:-2], self.strength())
        sea = rng.random() < 0.45
        if sea:
            rep = rng.choice([self.by_code[c] for c in ("PORT-BAR", "PORT-DURRES", "PORT-THESS", "PORT-VARNA", "PORT-PLOCE")])
            importer = self.people.organisation(rep["home"])
            p = Plan(rep, self.pick_day(), "EC", rep["home"], self.firm("EC"), importer, ["bananas"], payment="account")
            if "risky_origin" not in signals:
                p.origin = rng.choice(["TR", "EG", "IT"])
                p.goods = [rng.choice(["tiles", "steel", "furniture"])]
                p.shipper = self.firm(p.origin)
            if "indirect_route" in signals:
                p.transit = rng.sample(["PA", "ES", "MA", "MT", "GR", "TR"], 2)
            p.illicit, p.signals = True, sorted(set(s for s in signals if s not in ("cover_description", "net_gross_mismatch", "hs_mismatch", "heavy_gift_or_documents")))
            if "low_value_for_weight" in signals:
                p.value_eur = round(rng.uniform(1500, 4000), 2)
        else:
            home = rng.choice(["RS", "MK", "BG", "AL", "TR", "BA", "XK"])
            rep = self.reporter_for("BR", home, "air_cargo")
            home = rep["home"] or home
            p = Plan(rep, self.pick_day(), "BR", home, self.firm("BR"), self.people.organisation(home) if rng.random() < 0.6 else self.people.person(home),
                     [], payment=rng.choice(["account", "prepaid"]))
            self.route(p, signals, ["BR", "CO", "EC"], ["ES", "NL", "DE", "TR"])
            p.shipper = self.firm(p.origin)
            if "indirect_route" not in signals and home != "TR" and rng.random() < 0.5:
                p.transit = ["TR"]
            self.apply(p, signals, contraband_kg=rng.uniform(2, 30), cover=rng.choice(["machine_parts", "food_gift", "car_parts", "clothes"]))
        p.pattern, p.goods_truth = "cocaine_sea" if sea else "cocaine_air", "cocaine"
        if sea:   # an importer with history has had clean containers through the same port before
            history = []
            if "first_time_consignee" not in signals:
                for _ in range(rng.randint(1, 3)):
                    h = Plan(p.reporter, rng.randint(0, max(0, p.day - 1)), p.origin, p.destination, self.firm(p.origin), p.consignee,
                             list(p.goods), payment="account")
                    history.append(h)
            return [p] + history
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_synthetics(self) -> list[Plan]:
        rng = self.rng
        signals = self.choose(self.DRUG_SIGNALS, self.strength())
        precursor = rng.random() < 0.3
        home = rng.choice(["RS", "BG", "MK", "BA", "TR", "AL"] + ([] if precursor else ["HR", "GR"]))
        if precursor:
            rep = self.reporter_for("CN", home, "air_cargo")
            home = rep["home"] or home
            p = Plan(rep, self.pick_day(), "CN", home, self.firm("CN"), self.people.organisation(home), ["chemicals"], payment="account")
            self.route(p, signals, ["CN", "IN"], ["DE", "TR", "PL"])
            p.shipper = self.firm(p.origin)
            self.apply(p, [s for s in signals if s not in ("cod_low_value", "heavy_gift_or_documents")], contraband_kg=rng.uniform(20, 400),
                       cover=rng.choice(["machine_parts", "food_gift"]))
            if "cover_description" not in signals:
                p.goods = ["chemicals"]
        else:
            p = Plan(self.by_code["GLOBEX"], self.pick_day(), "NL", home, None, self.people.person(home), [],
                     category=rng.choice(["gift", "sale_of_goods"]), payment=rng.choice(["prepaid", "card", "cash_on_delivery"]))
            self.route(p, signals, ["NL", "BE", "DE", "PL"], ["FR", "IT", "AT", "CZ"])
            p.shipper = self.people.person(p.origin)
            p.reporter = self.reporter_for(p.origin, home, rng.choice(["postal", "express"]))
            self.apply(p, signals, contraband_kg=rng.uniform(0.1, 2.0), cover=rng.choice(["cosmetics", "supplements", "toys", "clothes", "food_gift"]))
        p.pattern, p.goods_truth = "synthetics_precursors" if precursor else "synthetics_parcel", "synthetics"
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_cash_courier(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["RS", "MK", "BA", "XK", "AL", "BG", "ME"])
        dest = rng.choice(["TR", "CH", "AE", "DE", "AT"])
        signals = self.choose(["heavy_gift_or_documents", "first_time_sender", "first_time_consignee", "indirect_route",
                               "low_value_for_weight", "cover_description", "net_gross_mismatch"], self.strength())
        p = Plan(self.by_code["GLOBEX"], self.pick_day(), home, dest, self.people.person(home), self.people.person(dest) if rng.random() < 0.6
                 else self.people.organisation(dest), [], category=rng.choice(["documents", "gift", "commercial_sample"]), payment="prepaid")
        p.reporter = self.reporter_for(home, dest, "express")
        self.apply(p, signals, contraband_kg=rng.uniform(0.3, 2.0), cover=rng.choice(["clothes", "food_gift", "books"]))
        if "heavy_gift_or_documents" not in signals and p.category == "documents":
            p.goods = ["documents"]
            p.category = "documents"
            p.gross_kg = round(rng.uniform(0.3, 1.2), 2)
        if "indirect_route" in signals:
            p.transit = rng.sample([c for c in ["HU", "AT", "BG", "GR", "IT"] if c not in (home, dest)], 1)
        p.pattern, p.goods_truth = "cash_courier", "cash"
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_explosives(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["BA", "RS", "XK", "ME", "MK", "AL"])
        dest = rng.choice(["DE", "AT", "SE", "DK", "NL", "HR", "GR"])
        signals = self.choose(self.FIREARM_SIGNALS, self.strength())
        p = Plan(self.by_code["GLOBEX"], self.pick_day(), home, dest, self.people.person(home), self.people.person(dest), [],
                 category=rng.choice(["gift", "other"]), payment="prepaid")
        p.reporter = self.reporter_for(home, dest, rng.choice(["postal", "express"]))
        self.apply(p, signals, contraband_kg=rng.uniform(0.5, 4), cover=rng.choice(["tools", "machine_parts", "home_food", "car_parts"]))
        p.pattern, p.goods_truth = "explosives", "explosives"
        return [p] + self.newcomer_or_regular(p, signals)

    def plant_cigarettes(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["ME", "BA", "XK", "MK", "RS", "AL", "BG", "TR"])
        dest = rng.choice(["DE", "AT", "SE", "GB", "HR", "GR", "NL", "CH"])
        signals = self.choose(["cover_description", "low_value_for_weight", "heavy_gift_or_documents", "first_time_sender",
                               "net_gross_mismatch", "hs_mismatch"], self.strength())
        p = Plan(self.by_code["GLOBEX"], self.pick_day(), home, dest, self.people.person(home), self.people.person(dest), [],
                 category=rng.choice(["gift", "other", "sale_of_goods"]), payment="prepaid")
        p.reporter = self.reporter_for(home, dest, rng.choice(["postal", "express"]))
        self.apply(p, signals, contraband_kg=rng.uniform(1, 8), cover=rng.choice(["clothes", "food_gift", "home_food", "books"]))
        p.pattern, p.goods_truth = "cigarettes", "cigarettes"
        return [p]

    def plant_counterfeit(self) -> list[Plan]:
        rng = self.rng
        home = rng.choice(["RS", "MK", "BA", "AL", "XK", "BG", "GR", "HR"])
        src = rng.choice(["TR", "TR", "CN", "CN", "AE"])
        goods = rng.choice(["clothes", "shoes", "cosmetics", "watches"])
        signals = self.choose(["low_value_for_weight", "first_time_sender", "cod_low_value", "risky_origin"], self.strength() // 2)
        p = Plan(self.by_code["GLOBEX"], self.pick_day(), src, home, self.seller(src), self.people.person(home), [goods],
                 category="sale_of_goods", payment=rng.choice(["card", "cash_on_delivery"]))
        p.reporter = self.reporter_for(src, home, rng.choice(["postal", "express"]))
        self.apply(p, signals, contraband_kg=rng.uniform(0.5, 4), cover=goods)
        p.goods = [goods] * rng.randint(1, 2)
        p.pattern, p.goods_truth = "counterfeit", "counterfeit"
        return [p]

    # ------------------------------------------------------------------ records
    def next_id(self, rep: dict, origin: str) -> tuple[str, str]:
        rng = self.rng
        code = rep["code"]
        self.serials[code] = self.serials.get(code, rng.randint(10_000_000, 60_000_000)) + rng.randint(1, 40)
        serial = self.serials[code]
        kind = rep["id"]
        if kind == "s10":
            country = rep.get("origin") or (origin if origin in world.COUNTRIES and len(origin) == 2 else rep["home"])
            service = rng.choice(["RR", "RA", "RB", "CP", "CA", "LX", "LZ", "UA", "EE", "CB"])
            ident = ids.s10(service, serial % 100_000_000, country if country != "XK" else "KS")
        elif kind == "awb":
            prefix = rng.choice(world.AIRLINES)[0]
            ident = ids.awb(prefix, serial % 10_000_000)
        elif kind == "iso6346":
            owner = rng.choice(world.SHIPPING_LINES)[0]
            ident = ids.iso6346(owner, serial % 1_000_000)
        elif kind == "mod7_10":
            ident = ids.mod7_10(serial % 1_000_000_000 + 300_000_000)
        elif kind == "luhn11":
            ident = ids.luhn11(serial + 5_000_000_000)
        elif kind == "num12":
            ident = f"{rng.choice(['31', '32', '40'])}{serial:010d}"
        else:   # road: CMR consignment note number
            ident = f"CMR-{rep['home']}-{serial % 10_000_000:07d}"
        pos = ids.check_position(kind, ident)
        if pos is not None and rng.random() < 0.005:
            ident = ids.spoil(ident, rng, pos)
        return ident, kind

    def items(self, p: Plan, writer_lang: str, gross: float, value_eur: float, currency: str) -> list[dict]:
        rng = self.rng
        keys = p.goods
        shares = [rng.uniform(0.5, 1.5) for _ in keys]
        total = sum(shares)
        out = []
        quantities = p.quantities or [None] * len(keys)
        for key, share, known_qty in zip(keys, shares, quantities):
            g = world.GOODS[key]
            lang = writer_lang
            descs = g["d"].get(lang.replace("_cyr", "").replace("_lat", "")) or g["d"]["en"]
            desc = rng.choice(descs)
            if lang == "sr_cyr":
                desc = world.sr_latin_to_cyrillic(desc)
            elif lang == "mk_lat":
                desc = world.to_latin(desc, "mk", rng.choice([0, 1]))
            if rng.random() < 0.06:
                desc = desc.upper()
            item = {"description": desc}
            if p.hs_override:
                item["hs_code"] = p.hs_override
            elif g["hs"] and rng.random() < (0.97 if p.reporter["mode"] in ("air_cargo", "sea", "road") else 0.62):
                hs = rng.choice(g["hs"])
                if rng.random() < 0.03:     # sloppy codes happen in honest data too
                    hs = rng.choice(UNRELATED_HS)
                item["hs_code"] = hs
            qty = known_qty or rng.randint(*g["q"])
            if rng.random() < 0.85:
                item["quantity"] = qty
            net = gross * 0.88 * share / total * p.net_factor
            if rng.random() < 0.02:
                net *= rng.choice([0.3, 1.6, 10])
            if rng.random() < 0.7:
                item["net_weight_kg"] = round(max(0.001, net), 3)
            v = value_eur * share / total * RATES[currency]
            if value_eur > 0 or key != "documents":
                item["value"] = round(v, 2) if currency not in ("RSD", "MKD", "ALL", "HUF") else round(v)
                item["currency"] = currency
            if rng.random() < 0.2:
                item["origin_country"] = p.origin
            out.append(item)
        return out

    def natural_weight_value(self, p: Plan) -> tuple[float, float]:
        rng = self.rng
        gross, value = 0.0, 0.0
        p.quantities = []
        for key in p.goods:
            g = world.GOODS[key]
            q = rng.randint(*g["q"])
            p.quantities.append(q)
            gross += q * rng.uniform(*g["kg"])
            value += q * rng.uniform(*g["eur"])
        gross = gross * rng.uniform(1.05, 1.25) + rng.uniform(0.05, 0.4)
        if p.category == "gift" and rng.random() < 0.5:
            value *= rng.uniform(0.2, 0.7)      # gifts are declared low
        return round(gross, 3 if gross < 30 else 1), round(value, 2)

    def currency_for(self, p: Plan) -> str:
        rng = self.rng
        c = world.COUNTRIES.get(p.origin, {}).get("cur", "EUR")
        if p.origin == "BG" and rng.random() < 0.08:
            return "BGN"      # old systems after the 2026 changeover
        if p.reporter["mode"] == "postal" and rng.random() < 0.03:
            return "XDR"
        if p.reporter["mode"] in ("air_cargo", "sea") and rng.random() < 0.5:
            return rng.choice(["EUR", "USD"])
        if c in ("RSD", "MKD", "BAM", "ALL", "TRY") and rng.random() < 0.35:
            return "EUR"
        return c

    def reported_at(self, p: Plan, hour_shift: float = 0) -> dt.datetime:
        rng = self.rng
        rep = p.reporter
        zone_country = rep["home"] or rep.get("origin") or "DE"
        zone = "UTC" if rep["code"] in ("GLOBEX", "SKYPAK-INTL") else world.COUNTRIES[zone_country]["zone"]
        day = self.start + dt.timedelta(days=p.day)
        if rep["mode"] == "postal":
            hour = rng.choice([1, 2, 6, 13, 14, 18, 22]) + rng.random()
        else:
            hour = rng.uniform(6, 23)
        local = dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(zone)) + dt.timedelta(hours=hour + hour_shift)
        return local.replace(microsecond=0)

    def record(self, p: Plan) -> dict:
        rng = self.rng
        rep = p.reporter
        mode = rep["mode"]
        home = rep["home"]
        dest_admin = home or p.destination
        direction = "import" if p.destination == dest_admin else "export" if p.origin == dest_admin else "transit"
        if p.origin == p.destination:
            p.destination = "DE" if p.origin != "DE" else "AT"
        writer = p.shipper.country
        if p.gross_kg is None or p.value_eur is None:
            g, v = self.natural_weight_value(p)
            p.gross_kg = p.gross_kg if p.gross_kg is not None else g
            p.value_eur = p.value_eur if p.value_eur is not None else v
        if p.category == "documents" and p.goods == ["documents"]:
            p.value_eur = 0.0
        currency = self.currency_for(p)
        langs = world.DESC_LANG.get(writer, world.DESC_LANG["*"])
        if p.shipper.kind == "person" and p.shipper.lang in ("sr", "bs", "me", "mk", "sq", "bg") and writer not in world.REGION and rng.random() < 0.5:
            langs = {"sr": [("sr", 1)], "bs": [("sr", 1)], "me": [("sr", 1)], "mk": [("mk", 1), ("mk_lat", 1)], "sq": [("sq", 1)],
                     "bg": [("bg", 1)]}[p.shipper.lang]
        writer_lang = p.description_lang or rng.choices([l for l, _ in langs], [w for _, w in langs])[0]
        ident, _kind = self.next_id(rep, p.origin)
        when = self.reported_at(p)
        rec: dict = {"reporter": rep["code"], "shipment_id": ident, "reported_at": when.isoformat(), "mode": mode, "direction": direction}
        if mode in ("postal", "express") and p.category and rng.random() < 0.92:
            rec["category"] = p.category
        rec["origin_country"] = p.origin
        if p.departure or rng.random() < 0.5:
            rec["departure_country"] = p.departure or p.origin
        if p.transit:
            rec["transit_countries"] = p.transit
        rec["destination_country"] = p.destination
        dep = self.start + dt.timedelta(days=p.day + rng.choice([-2, -1, 0, 0, 1]))
        if rng.random() < 0.7:
            rec["departure_date"] = dep.isoformat()
        if rng.random() < 0.5:
            transit_days = {"postal": (3, 12), "express": (1, 3), "air_cargo": (0, 2), "road": (1, 4), "sea": (12, 30)}[mode]
            rec["arrival_date"] = (dep + dt.timedelta(days=rng.randint(*transit_days))).isoformat()
        if mode == "air_cargo":
            prefix, iata, name = rng.choice(world.AIRLINES)
            rec["carrier"] = name
            rec["conveyance_ref"] = f"{iata}{rng.randint(100, 1999)}"
            if rng.random() < 0.6:
                rec["master_ref"] = ids.awb(prefix, rng.randint(0, 9_999_999))
        elif mode == "sea":
            rec["carrier"] = dict(world.SHIPPING_LINES)[ident[:4]] if ident[:4] in dict(world.SHIPPING_LINES) else "MSC"
            rec["conveyance_ref"] = f"{rng.choice(['MSC', 'MAERSK', 'CMA CGM', 'EVER'])} {rng.choice(['ANNA', 'BARI', 'ROSA', 'LEO', 'ADRIA'])} {rng.randint(100, 999)}{rng.choice('NSEW')}"
            rec["master_ref"] = f"{rng.choice(['MEDU', 'MAEU', 'CMDU', 'HLCU'])}{rng.randint(10 ** 7, 10 ** 8 - 1)}"
        elif mode == "road":
            rec["carrier"] = self.firm(home or p.origin).org if rng.random() < 0.7 else "TIR transport"
            rec["conveyance_ref"] = self.plate(home or p.origin)
        elif mode == "express":
            rec["carrier"] = rep["code"].split("-")[0].title()
        elif mode == "postal" and rng.random() < 0.3:
            rec["master_ref"] = f"{p.origin}{rng.choice(['BEG', 'SKP', 'SJJ', 'TIA', 'FRA', 'VIE', 'ZRH', 'SOF'])}A{p.destination}" \
                                f"{rng.choice(['AA', 'BA', 'CN', 'UN'])}{rng.randint(60000, 69999)}{rng.randint(1, 999):03d}"
        phone_p = {"postal": 0.35, "express": 0.9, "air_cargo": 0.6, "road": 0.5, "sea": 0.4}[mode]
        mail_p = {"postal": 0.15, "express": 0.55, "air_cargo": 0.5, "road": 0.3, "sea": 0.4}[mode]
        rec["shipper"] = block(p.shipper, writer, rng, variant=p.shipper_variant, with_phone=phone_p * 0.7, with_email=mail_p,
                               phone=p.shipper_phone)
        street = p.consignee_street
        if street and writer not in world.CYRILLIC_PLACES and p.consignee.country in world.CYRILLIC_PLACES:
            street = world.to_latin(street, "mk" if p.consignee.country == "MK" else "bg", 1)
        rec["consignee"] = block(p.consignee, writer, rng, variant=p.consignee_variant, address_variant=p.address_variant,
                                 street=street, with_phone=phone_p, with_email=mail_p * 0.8,
                                 id_number=mode in ("air_cargo", "sea") and rng.random() < 0.3,
                                 phone=p.consignee_phone, email=p.consignee_email)
        if p.consignee_phone:
            rec["consignee"]["phone"] = render_phone(p.consignee_phone, rng)
        if p.pieces or rng.random() < 0.7:
            rec["pieces"] = p.pieces or (1 if mode in ("postal", "express") else rng.randint(1, 40))
        rec["gross_weight_kg"] = p.gross_kg
        if p.value_eur > 0 or rng.random() < 0.5:
            rec["declared_value"] = round(p.value_eur * RATES[currency], 2) if currency not in ("RSD", "MKD", "ALL", "HUF") \
                else round(p.value_eur * RATES[currency])
            rec["currency"] = currency
        # posts' CN 22/23 data rarely say how the goods were paid, except cash on delivery
        payment = p.payment or (rng.choice(["prepaid", "card", "other"]) if rng.random() < 0.3 else None)
        keep = 0.9 if mode != "postal" or payment == "cash_on_delivery" else 0.2
        if payment and rng.random() < keep:
            rec["payment_method"] = payment
        rec["items"] = self.items(p, writer_lang, p.gross_kg, p.value_eur, currency)
        return rec

    def plate(self, country: str) -> str:
        rng = self.rng
        L = "ABCEJKMNPRSTX"
        return {"RS": f"BG {rng.randint(100, 9999)}-{rng.choice(L)}{rng.choice(L)}", "MK": f"SK {rng.randint(1000, 9999)} {rng.choice(L)}{rng.choice(L)}",
                "BG": f"CB {rng.randint(1000, 9999)} {rng.choice(L)}{rng.choice(L)}", "BA": f"{rng.choice(L)}{rng.randint(10, 99)}-{rng.choice(L)}-{rng.randint(100, 999)}",
                "TR": f"34 {rng.choice(L)}{rng.choice(L)} {rng.randint(100, 9999)}"}.get(country, f"{country}-{rng.randint(10000, 99999)}")

    def amend(self, rec: dict) -> dict:
        rng = self.rng
        new = json.loads(json.dumps(rec))
        when = dt.datetime.fromisoformat(rec["reported_at"]) + dt.timedelta(hours=rng.uniform(1, 30))
        new["reported_at"] = when.replace(microsecond=0).isoformat()
        what = rng.choice(["weight", "phone", "arrival", "value", "description"])
        if what == "weight":
            new["gross_weight_kg"] = round(rec["gross_weight_kg"] * rng.uniform(0.9, 1.15), 3)
        elif what == "phone" and "phone" not in new["consignee"]:
            new["consignee"]["phone"] = "+" + "".join(str(rng.randint(0, 9)) for _ in range(11))
        elif what == "arrival":
            dep = dt.date.fromisoformat(rec.get("departure_date") or when.date().isoformat())
            new["arrival_date"] = (dep + dt.timedelta(days=rng.randint(1, 5))).isoformat()
        elif what == "value" and "declared_value" in rec:
            new["declared_value"] = round(rec["declared_value"] * rng.uniform(1.0, 1.5), 2)
        else:
            new["items"][0]["description"] = new["items"][0]["description"] + rng.choice([" (corrected)", ", used", " x1", " - ispravka"])
        return new

    # ------------------------------------------------------------------ outcomes
    def officer_score(self, rec: dict, listed_names: set[str], seen: set[str]) -> float:
        """The inspecting units' own simple rules of thumb, blind to the truth."""
        rng = self.rng
        s = rng.random() * 0.8
        w = rec["gross_weight_kg"]
        cur = rec.get("currency", "EUR")
        v = rec.get("declared_value", 0) / RATES.get(cur, 1)
        text = " ".join(i["description"].lower() for i in rec["items"])
        if rec.get("category") in ("gift", "documents") and w > 3:
            s += 1.5
        if rec["mode"] in ("postal", "express") and w > 1.5 and v / w < 3:
            s += 1.5
        if rec["origin_country"] in ("TR", "US", "CZ", "SK") and any(k in text for k in ("part", "teil", "del", "tool", "alat", "parça", "дел", "toy", "игр", "metal")):
            s += 1.2
        if rec.get("payment_method") == "cash_on_delivery" and v < 25:
            s += 0.8
        if rec["mode"] in ("air_cargo", "sea") and rec["origin_country"] in ("EC", "CO", "BR"):
            s += 2.5
        if rec["origin_country"] in ("NL", "BE") and rec["mode"] in ("postal", "express"):
            s += 0.8
        if rec["direction"] == "export" and rec["destination_country"] in ("DE", "AT", "SE", "NL", "CH", "FR", "BE", "DK") and w > 2.5 \
                and rec["mode"] in ("postal", "express"):
            s += 0.6
        if rec["mode"] in ("postal", "express") and w > 1 and seen and self.officer_key(rec["shipper"]) not in seen \
                and self.officer_key(rec["consignee"]) not in seen:
            s += 0.5
        if rec["consignee"]["name"] in listed_names or rec["shipper"]["name"] in listed_names:
            s += 4
        if rec.get("transit_countries") and rec["mode"] in ("postal", "express"):
            s += 0.4
        nets = [i.get("net_weight_kg") for i in rec["items"]]
        if all(n is not None for n in nets) and (sum(nets) > w * 1.05 or sum(nets) < w * 0.4) and w > 1:
            s += 1.0
        if rec["mode"] in ("postal", "express") and w > 2 and rec.get("pieces", 1) == 1 and \
                any(k in text for k in ("part", "teil", "del", "tool", "alat", "parça", "дел", "metal", "sample", "igračk", "toy")):
            s += 0.7
        return s

    def outcomes(self, recs: list[tuple[Plan, dict]], listed_names: set[str]) -> list[dict]:
        rng = self.rng
        end = self.outcome_weeks * 7
        by_day: dict[int, list[tuple[Plan, dict]]] = {}
        for p, rec in recs:
            if p.day < end:
                by_day.setdefault(p.day, []).append((p, rec))
        out = []
        seen: set[str] = set()    # the unit's memory of names it has seen in earlier days' data
        for day in sorted(by_day):
            todays = by_day[day]
            chosen = {}
            # each unit (post office, express hub, airport, border crossing, port) fills its own capacity
            units: dict[str, list] = {}
            for pr in todays:
                units.setdefault(pr[1]["mode"], []).append(pr)
            for unit in units.values():
                n = len(unit)
                capacity = int(n * rng.uniform(0.015, 0.02) + rng.random())
                ranked = sorted(unit, key=lambda pr: -self.officer_score(pr[1], listed_names, seen))
                chosen.update((id(pr[1]), pr) for pr in ranked[:capacity])
                for pr in rng.sample(unit, int(n * 0.005 + rng.random())):
                    chosen.setdefault(id(pr[1]), pr)
            for pr in todays:     # intelligence tip-offs
                if pr[0].illicit and rng.random() < 0.08:
                    chosen.setdefault(id(pr[1]), pr)
            for p, rec in chosen.values():
                out.append(self.inspect(p, rec))
            seen.update(self.officer_key(rec["shipper"]) for _, rec in todays)
            seen.update(self.officer_key(rec["consignee"]) for _, rec in todays)
        return out

    @staticmethod
    def officer_key(party: dict) -> str:
        return world.strip_diacritics(party["name"]).lower()

    def inspect(self, p: Plan, rec: dict) -> dict:
        rng = self.rng
        mode = rec["mode"]
        methods = {"postal": ([("xray", 70), ("physical", 18), ("documentary", 7), ("canine", 5)]),
                   "express": ([("xray", 65), ("physical", 20), ("documentary", 10), ("canine", 5)]),
                   "air_cargo": ([("xray", 45), ("canine", 25), ("physical", 25), ("documentary", 5)]),
                   "road": ([("xray", 40), ("physical", 35), ("documentary", 20), ("canine", 5)]),
                   "sea": ([("xray", 50), ("physical", 30), ("documentary", 15), ("canine", 5)])}[mode]
        method = rng.choices([m for m, _ in methods], [w for _, w in methods])[0]
        when = dt.datetime.fromisoformat(rec["reported_at"]) + dt.timedelta(hours=rng.uniform(4, 60))
        home = p.reporter["home"] or rec["destination_country"]
        office = world.OFFICES.get(home, {}).get(mode) or f"CUSTOMS-{home}"
        out = {"reporter": rec["reporter"], "shipment_id": rec["shipment_id"], "inspected_at": when.replace(microsecond=0).isoformat(),
               "method": method}
        found = False
        if p.illicit:
            drugs = p.goods_truth in ("drugs_cannabis", "cocaine", "synthetics")
            base = {"xray": 0.55 if drugs else 0.82, "physical": 0.9, "documentary": 0.2, "canine": 0.85 if drugs else 0.3,
                    "other": 0.5}[method]
            if mode == "sea":
                base *= 0.7
            found = rng.random() < base
        if found:
            qty = 1 if p.goods_truth not in ("ammunition", "cash", "cigarettes", "counterfeit", "drugs_cannabis", "cocaine", "synthetics") \
                else rng.randint(20, 2000)
            finding = {"category": RISK_GOODS_FINDING[p.goods_truth], "description": rng.choice(FINDING_TEXT[p.goods_truth]),
                       "quantity": qty}
            out["result"] = "seizure"
            out["findings"] = [finding]
            if p.goods_truth == "firearm_parts" and rng.random() < 0.3:
                out["findings"][0]["category"] = "firearm_component"
            if p.goods_truth in ("pistol", "assault_rifle") and rng.random() < 0.35:
                out["findings"].append({"category": "ammunition", "description": rng.choice(FINDING_TEXT["ammunition"]),
                                        "quantity": rng.randint(10, 200)})
        elif rng.random() < (0.08 if not p.illicit else 0.15):
            out["result"] = "irregularity"
        else:
            out["result"] = "no_finding"
        out["office"] = office
        return out

    # ------------------------------------------------------------------ watchlist
    def watchlist(self) -> list[dict]:
        rng = self.rng
        entries = []
        lists = ["RS-MUP-ORG", "MK-MVR-OPKK", "BG-GDBOP", "BA-SIPA", "REG-SEE-FIREARMS", "XK-PK-DHK", "AL-PSH"]
        counter = [0]

        def entry(kind, name, aliases, country, reason, party=None, valid_until=None):
            counter[0] += 1
            aliases = [a for a in aliases if a != name]
            lst = rng.choice(lists)
            e = {"list_id": lst, "entry_id": f"{lst}-{counter[0]:05d}", "kind": kind, "name": name, "aliases": aliases}
            if party is not None and kind == "person" and rng.random() < 0.7:
                e["birth_date"] = party.birth_date
            e["country"] = country
            if party is not None and kind in ("person", "organisation", "address") and rng.random() < 0.6:
                e["street"] = f"{party.street} {party.number}"
                e["city"] = party.city
                e["postcode"] = party.postcode
            e["reason"] = reason
            if valid_until:
                e["valid_until"] = valid_until
            entries.append(e)

        def aliases_of(p: Party) -> list[str]:
            out = set()
            for v in rng.sample(["script", "ascii", "translit", "order", "initial"], rng.randint(1, 3)):
                out.add(render_name(p, p.country, rng, v))
            return sorted(out)

        period_end = self.start + dt.timedelta(days=self.days)
        for p, reason in self.watch_actors:
            listed = render_name(p, p.country, rng, rng.choice([None, "script", "ascii"]))
            valid = None if rng.random() < 0.8 else (period_end + dt.timedelta(days=rng.randint(30, 900))).isoformat()
            entry(p.kind, listed, aliases_of(p) if rng.random() < 0.7 else [], p.country, reason, p, valid)
        for phone, reason in self.watch_phones:
            entry("phone", render_phone(phone, rng), [render_phone(phone, rng)] if rng.random() < 0.4 else [], "", reason)
        for p in self.watch_addresses:
            entry("address", f"{p.street} {p.number}, {p.city}", [], p.country, "address used by trafficking group", p)
        for p in self.namesakes:   # listed people who share a name with innocent people in the traffic
            twin = dataclasses.replace(p, street="", birth_date=f"{rng.randint(1950, 1990)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
            twin.city, twin.postcode = rng.choice(world.COUNTRIES[p.country]["cities"])
            twin.street = rng.choice(world.COUNTRIES[p.country]["streets"])
            entry("person", render_name(twin, p.country, rng, None), aliases_of(twin), p.country,
                  rng.choice(["firearms trafficking", "drug trafficking", "smuggling"]), twin)
        # the many who never appear; some expired
        for _ in range(max(300, self.n // 25)):
            country = rng.choice(world.REGION[:7] + ["DE", "AT", "TR"])
            r = rng.random()
            expired = (self.start - dt.timedelta(days=rng.randint(1, 1500))).isoformat() if rng.random() < 0.15 else None
            if r < 0.6:
                p = self.people.person(country)
                entry("person", render_name(p, country, rng, rng.choice([None, None, "ascii", "script"])), aliases_of(p) if rng.random() < 0.6 else [],
                      country, rng.choice(["firearms trafficking", "drug trafficking", "smuggling of migrants", "money laundering",
                                           "illegal possession of weapons", "excise fraud"]), p, expired)
            elif r < 0.75:
                p = self.people.organisation(country)
                entry("organisation", p.org, [world.strip_diacritics(p.org)] if rng.random() < 0.3 else [], country,
                      rng.choice(["front company", "arms brokering", "excise fraud", "sanctions"]), p, expired)
            elif r < 0.88:
                p = self.people.person(country)
                entry("phone", render_phone(p.phone, rng), [], country, "phone used by trafficking group", None, expired)
            elif r < 0.95:
                p = self.people.person(country)
                entry("address", f"{p.street} {p.number}, {p.city}", [], country, "address used by trafficking group", p, expired)
            else:
                p = self.people.person(country)
                entry("email", self.people.email_for(p), [], country, "contact of trafficking group", None, expired)
        # a few active actors whose listing has expired
        for e in rng.sample(entries[: len(self.watch_actors)], k=min(len(self.watch_actors), max(1, len(self.watch_actors) // 8))):
            e["valid_until"] = (self.start - dt.timedelta(days=rng.randint(10, 400))).isoformat()
        rng.shuffle(entries)
        return entries

    # ------------------------------------------------------------------ run
    def run(self, out: Path) -> dict:
        rng = self.rng
        started = time.perf_counter()
        budget = max(3, round(self.n * 0.0095))
        illicit = self.plant_all(budget)
        looks = [self.lookalike(k) for k in ["hunting"] * max(2, self.n // 1200) + ["airsoft"] * max(2, self.n // 900)
                 + ["heavy_metal"] * max(2, self.n // 700) + ["gift"] * max(2, self.n // 600)]
        looks += self.reseller_and_locker_lookalikes(max(6, self.n // 250))
        # namesakes: innocent people who share a listed name
        for _ in range(max(2, self.n // 1500)):
            self.namesakes.append(self.people.person(rng.choice(["RS", "BA", "MK", "BG", "XK"])))
        looks += [self.lookalike("namesake") for _ in range(len(self.namesakes))]
        plans = illicit + looks
        while len(plans) < self.n:
            plans.append(self.innocent())
        plans = plans[: max(self.n, len(illicit) + len(looks))]
        rng.shuffle(plans)
        recs = []
        for p in plans:
            p.day = min(max(0, p.day), self.days - 1)
            if p.origin == p.destination:
                p.destination = rng.choice(["DE", "AT"]) if p.origin not in ("DE", "AT") else "RS"
            recs.append((p, self.record(p)))
        lines = []
        for p, rec in recs:
            lines.append(rec)
            r = rng.random()
            if r < 0.015:
                lines.append(self.amend(rec))
            elif r < 0.025:
                lines.append(json.loads(json.dumps(rec)))
        lines.sort(key=lambda r: dt.datetime.fromisoformat(r["reported_at"]))
        watch = self.watchlist()
        listed = {e["name"] for e in watch if e["kind"] == "person"}
        outcomes = self.outcomes(recs, listed)
        out.mkdir(parents=True, exist_ok=True)
        write_ndjson(out / "shipments.ndjson", lines)
        write_ndjson(out / "outcomes.ndjson", sorted(outcomes, key=lambda o: o["inspected_at"]))
        write_ndjson(out / "watchlist.ndjson", watch)
        truth = [{"reporter": rec["reporter"], "shipment_id": rec["shipment_id"], "illicit": p.illicit, "pattern": p.pattern,
                  "goods": p.goods_truth, "signals": p.signals} for p, rec in recs]
        write_ndjson(out / "truth.ndjson", truth)
        first = self.start
        period = {"first_day": first.isoformat(), "last_day": (first + dt.timedelta(days=self.days - 1)).isoformat(),
                  "outcome_weeks": self.outcome_weeks,
                  "outcome_weeks_end": (first + dt.timedelta(days=7 * self.outcome_weeks - 1)).isoformat(),
                  "seed": self.seed, "shipments": len(recs), "records": len(lines), "illicit": sum(p.illicit for p, _ in recs),
                  "lookalikes": sum(1 for p, _ in recs if (p.pattern or "").startswith("lookalike")),
                  "outcomes": len(outcomes), "seizures": sum(o["result"] == "seizure" for o in outcomes),
                  "watchlist_entries": len(watch), "reporters": len({r["reporter"] for r in lines}),
                  "seconds": round(time.perf_counter() - started, 1)}
        (out / "period.json").write_text(json.dumps(period, indent=1) + "\n", encoding="utf-8")
        return period


def write_ndjson(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shipments", type=int, default=15000)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 9, 7))
    ap.add_argument("--outcome-weeks", type=int, default=3)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    if a.shipments < 100 or a.days < 7 * a.outcome_weeks:
        ap.error("need at least 100 shipments and more days than the outcome weeks")
    period = Generator(shipments=a.shipments, days=a.days, seed=a.seed, start=a.start, outcome_weeks=a.outcome_weeks).run(a.out)
    print(json.dumps(period))


if __name__ == "__main__":
    main()
