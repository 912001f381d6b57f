"""heldout4's reading of threats.md: illicit schemes, each from blatant to subtle. An act draws none
to a few signals from what fits its scheme; the shipment is built so that those signals (and, where
the disguise allows, no others) are visible. Some acts show nothing at all."""

from __future__ import annotations

import datetime as dt
import random

from . import goods, people, world
from .traffic import SEA_SHIPPERS, Population, company_bank, langs_for, spec_for

EU_RISK = ["SE", "NL", "DE", "AT", "FR", "BE", "GB", "DK"]
# scheme: goods, direction, modes, origins/destinations that the trade is known for (risk) and others,
# covers, signals that fit, units of contraband, calendar factor, share among acts
SCHEMES: dict[str, dict] = {
    "parts_mail_order": dict(goods="firearm_part", way="in", modes={"postal": 0.6, "express": 0.4},
                             risk=["US", "TR", "CZ", "AT"], other=["CN", "PL", "GB", "IT", "DE", "SI"],
                             signals=["hs_mismatch", "low_scrutiny_hs_dense", "giveaway_word", "generic_description",
                                      "risk_origin", "weight_value_mismatch", "net_gross_mismatch", "newcomer",
                                      "odd_routing", "cod_low_value", "amended_description"],
                             units=(1, 4), share=0.12),
    "suppressor_kits": dict(goods="firearm_part", way="in", modes={"postal": 0.7, "express": 0.3},
                            risk=["US", "CN"], other=["HK", "GB", "PL"],
                            covers=["car_parts", "tools", "spare_parts"],
                            signals=["giveaway_word", "hs_mismatch", "risk_origin", "newcomer", "generic_description"],
                            units=(1, 2), share=0.04),
    "blank_pistols": dict(goods="converted_weapon", way="in", modes={"express": 0.5, "postal": 0.3, "road": 0.2},
                          risk=["TR"], other=["BG", "IT", "GR", "DE"],
                          signals=["giveaway_word", "risk_origin", "hs_mismatch", "weight_value_mismatch",
                                   "cod_low_value", "newcomer", "new_account", "odd_routing", "locker",
                                   "amended_description"],
                          units=(1, 3), share=0.12),
    "converted_regional": dict(goods="converted_weapon", way="region", modes={"express": 1.0},
                               risk=["ME", "BA"], other=["RS", "MK", "AL"],
                               signals=["cod_low_value", "new_account", "newcomer", "generic_description", "locker",
                                        "weight_value_mismatch"], units=(1, 2), share=0.04),
    "legacy_outbound": dict(goods="firearm", way="out", modes={"postal": 0.45, "express": 0.3, "road": 0.25},
                            risk=["SE", "NL", "FR", "BE", "DK"], other=["DE", "AT", "CH", "IT", "SI"],
                            signals=["heavy_gift", "weight_value_mismatch", "generic_description", "giveaway_word",
                                     "net_gross_mismatch", "newcomer", "low_scrutiny_hs_dense", "risk_destination",
                                     "hs_mismatch"], units=(1, 2), share=0.12),
    "ammo_outbound": dict(goods="ammunition", way="out", modes={"postal": 0.5, "road": 0.3, "express": 0.2},
                          risk=["SE", "NL", "DK", "FR"], other=["DE", "AT", "CH", "SI", "IT"],
                          signals=["heavy_gift", "weight_value_mismatch", "giveaway_word", "newcomer",
                                   "net_gross_mismatch", "risk_destination", "generic_description"],
                          units=(4, 12), share=0.06),
    "ammo_inbound": dict(goods="ammunition", way="in", modes={"express": 0.6, "postal": 0.4},
                         risk=["US", "CZ", "TR"], other=["DE", "AT", "IT", "HU"],
                         covers=["fishing", "tools", "sporting", "spare_parts"],
                         signals=["giveaway_word", "hs_mismatch", "weight_value_mismatch", "risk_origin", "newcomer"],
                         units=(2, 6), share=0.03),
    "grenades_outbound": dict(goods="explosive", way="out", modes={"postal": 0.6, "express": 0.4},
                              risk=["SE", "DK", "NL"], other=["DE", "AT", "CH"],
                              signals=["generic_description", "giveaway_word", "heavy_gift", "newcomer",
                                       "weight_value_mismatch", "risk_destination"], units=(1, 3), share=0.04),
    "cannabis_outbound": dict(goods="drugs", way="out", modes={"postal": 0.4, "express": 0.35, "road": 0.25},
                              risk=["GB", "SE", "CH", "DE"], other=["AT", "IT", "SI", "NL", "GR"],
                              origins_home={"AL": 0.5, "MK": 0.2, "ME": 0.15, "RS": 0.1, "BA": 0.05},
                              covers=["clothes", "tea_herbs", "food_home", "cosmetics", "shoes", "sweets_coffee"],
                              signals=["giveaway_word", "heavy_gift", "weight_value_mismatch", "newcomer",
                                       "generic_description", "risk_destination", "name_variant"],
                              units=(1, 4), season="cannabis", share=0.08),
    "cocaine_air": dict(goods="drugs", way="in", modes={"air_cargo": 0.5, "express": 0.5},
                        risk=["BR", "EC", "CO", "PE"], other=["ES", "NL", "IT"],
                        covers=["coffee_beans", "handicrafts", "food_home", "books", "documents", "clothes"],
                        signals=["risk_origin", "odd_routing", "newcomer", "weight_value_mismatch",
                                 "generic_description", "heavy_documents"], units=(1, 4), share=0.04),
    "cocaine_sea": dict(goods="drugs", way="sea", modes={"sea": 1.0}, risk=["EC", "CO"], other=["TR"],
                        signals=["risk_origin"], units=(20, 120), share=0.01),
    "synthetic_darknet": dict(goods="drugs", way="in", modes={"postal": 0.8, "express": 0.2},
                              risk=["NL", "DE", "BE"], other=["ES", "PL", "CZ", "GB"],
                              covers=["documents", "cosmetics", "clothes", "books", "sweets_coffee"],
                              signals=["locker", "newcomer", "generic_description", "risk_origin", "name_variant"],
                              units=(1, 1), light=True, share=0.04),
    "precursors": dict(goods="drugs", way="in", modes={"air_cargo": 0.5, "express": 0.5},
                       risk=["CN", "IN"], other=["HK", "TR"], covers=["chemicals"],
                       signals=["hs_mismatch", "newcomer", "generic_description", "odd_routing", "giveaway_word",
                                "risk_origin"], units=(5, 25), share=0.03),
    "tramadol_pills": dict(goods="drugs", way="in", modes={"postal": 0.7, "express": 0.3},
                           risk=["IN"], other=["AE", "TR"], covers=["medicines", "tea_herbs"],
                           signals=["risk_origin", "weight_value_mismatch", "newcomer", "odd_routing"],
                           units=(1, 3), share=0.02),
    "cash_outbound": dict(goods="cash", way="out", modes={"express": 0.8, "postal": 0.2},
                          risk=["TR", "AE"], other=["CH", "DE", "AT"],
                          covers=["documents", "clothes", "books"],
                          signals=["heavy_documents", "newcomer", "generic_description", "weight_value_mismatch",
                                   "risk_destination"], units=(1, 2), share=0.04),
    "pyrotechnics": dict(goods="other", way="in", modes={"road": 0.5, "express": 0.5},
                         risk=["CN", "BG", "PL"], other=["TR", "HU"], covers=["toys", "christmas", "home_goods"],
                         signals=["hs_mismatch", "weight_value_mismatch", "giveaway_word", "newcomer", "risk_origin"],
                         units=(5, 40), season="fireworks", share=0.04),
    "cigarettes_outbound": dict(goods="cigarettes", way="out", modes={"postal": 0.5, "road": 0.5},
                                risk=["GB", "DE", "SE"], other=["AT", "IT", "FR"],
                                signals=["heavy_gift", "weight_value_mismatch", "newcomer", "generic_description"],
                                units=(10, 60), share=0.04),
    "counterfeit_inbound": dict(goods="counterfeit", way="in", modes={"express": 0.6, "postal": 0.4},
                                risk=["TR", "CN"], other=["HK", "AE"],
                                signals=["risk_origin", "weight_value_mismatch", "newcomer", "giveaway_word"],
                                units=(3, 20), share=0.03),
}
CASES = {"ant_trade": 0.05, "identity_games": 0.025, "known_actor": 0.08, "drop_address": 0.02}

OTHER_GIVEAWAYS = {"cigarettes": ["cigarettes", "cigare", "Zigaretten", "cigara"],
                   "counterfeit": ["Nike Air replica", "Gucci bag copy", "Rolex (AAA)"],
                   "other": ["fireworks", "petarde", "pyrotechnics", "vatromet", "Feuerwerk"]}
GENERIC = ["Parts", "Samples", "Gift", "Goods", "Stvari", "Пакет", "Paket", "Metal parts", "Personal items", "Sende",
           "Mallra", "Stuff", "Diverse"]
UNRELATED_HS = ["870899", "820559", "950300", "392690", "730890", "848210", "610910", "090121", "490199", "691110"]
FINDING = {"firearm": ["rifle", "pistol", "carbine", "shotgun", "assault_rifle", "submachine_gun"],
           "firearm_part": ["firearm_part", "firearm_component"],
           "converted_weapon": ["converted_or_convertible_weapon"],
           "ammunition": ["ammunition"], "explosive": ["explosive"], "drugs": ["drugs"], "cash": ["cash"],
           "cigarettes": ["other"], "counterfeit": ["other"], "other": ["other"]}
TRUE_DESC = {"firearm": ["Zastava M70 assault rifle, dismantled", "M48 Mauser rifle, dismantled", "CZ 99 pistol",
                         "Hunting shotgun, barrel cut", "M56 submachine gun, dismantled", "TT-33 pistol"],
             "firearm_part": ["pistol barrel 9x19", "AR-15 trigger group", "Glock slide",
                              "solvent trap kit (suppressor)",
                              "M70 bolt carrier", "magazines"],
             "converted_weapon": ["Ekol blank pistol, converted", "Zoraki 914 alarm pistol, barrel drilled",
                                  "Retay gas pistol, convertible"],
             "ammunition": ["7.62x39 cartridges", "9x19 cartridges", "7.65 Browning cartridges"],
             "explosive": ["M75 hand grenade", "M52 hand grenade", "TNT block 200 g"],
             "drugs": ["cannabis", "cocaine", "MDMA tablets", "amphetamine", "tramadol tablets", "BMK glycidate"],
             "cash": ["EUR banknotes", "CHF banknotes"], "cigarettes": ["cigarettes without excise stamps"],
             "counterfeit": ["counterfeit branded goods"], "other": ["category F4 fireworks"]}


def _pool_of(party: dict) -> str:
    """The name pool a party's relatives and straw names come from."""
    return party["pool"] if party.get("pool") in people.NAMES else "sr"


def n_signals(rng: random.Random) -> int:
    return rng.choices([0, 1, 2, 3, 4], [0.14, 0.3, 0.3, 0.18, 0.08])[0]


class Acts:
    """Illicit acts: each returns the specs of its shipments."""

    def __init__(self, rng: random.Random, pop: Population, lists, start: dt.date, days: int, pick_day):
        self.rng = rng
        self.pick_day = pick_day
        self.pop = pop
        self.lists = lists
        self.start = start
        self.days = days
        self.case_no = 0
        self.actor_cursor = 0

    def day(self, factor: str | None = None, mode: str = "express") -> dt.date:
        return self.pick_day(mode, factor)

    def case(self, pattern: str) -> str:
        self.case_no += 1
        return f"{pattern}-{self.case_no:03d}"

    def one(self) -> list[dict]:
        rng = self.rng
        table = {**{k: v["share"] for k, v in SCHEMES.items()}, **CASES}
        pattern = rng.choices(list(table), list(table.values()))[0]
        if pattern in CASES:
            return getattr(self, pattern)()
        return [self.simple(pattern)]

    # -- building blocks -------------------------------------------------------------------------

    def contents(self, spec: dict, goods_kind: str, units: tuple[int, int], covers: list[str]) -> None:
        """Put the contraband under cover goods: the items declare the cover, the weight is the truth."""
        rng = self.rng
        n = rng.randint(*units)
        lo, hi = goods.UNIT_KG[goods_kind]
        hidden_kg = n * rng.uniform(lo, hi)
        sender = spec["shipper"]
        keys = [rng.choice(covers) for _ in range(rng.choice([1, 1, 1, 1, 2, 2, 3]))]
        items = [goods.item(rng, k, langs_for(sender), hs_rate=0.6) for k in keys]
        cover_kg = sum(i["_kg"] for i in items)
        # the declared goods take some of the weight; the contraband the rest
        if spec.get("light"):
            hidden_kg = rng.uniform(0.02, 0.25)
        total = hidden_kg + cover_kg * rng.uniform(0.2, 0.6)
        for i in items:
            i["_kg"] = round(max(0.05, total * i["_kg"] / cover_kg), 3)
        spec["items"] = items
        spec["hidden"] = {"goods": goods_kind, "units": n, "kg": hidden_kg,
                          "category": rng.choice(FINDING[goods_kind]), "description": rng.choice(TRUE_DESC[goods_kind])}
        if goods_kind == "drugs" and spec["pattern"] in ("cannabis_outbound",):
            spec["hidden"]["description"] = "cannabis (vacuum-packed)"
        if spec["pattern"] == "cocaine_air" or spec["pattern"] == "cocaine_sea":
            spec["hidden"]["description"] = "cocaine"
        if spec["pattern"] == "precursors":
            spec["hidden"]["description"] = "BMK glycidate (precursor)"
        if spec["pattern"] == "tramadol_pills":
            spec["hidden"]["description"] = "tramadol tablets 225 mg"

    def plant(self, spec: dict, signals: list[str]) -> None:
        """Make each chosen signal visible on the shipment."""
        rng = self.rng
        items = spec["items"]
        kg = sum(i["_kg"] for i in items)
        hidden = spec["hidden"]["goods"]
        for s in signals:
            if s == "weight_value_mismatch":
                if kg < 2:
                    for i in items:
                        i["_kg"] *= 2.2 / max(kg, 0.1)
                    kg = sum(i["_kg"] for i in items)
                spec["value_eur"] = round(rng.uniform(1, min(8, kg * 1.2)), 2)
            elif s == "heavy_gift":
                spec["category"] = "gift"
                if kg < 3:
                    for i in items:
                        i["_kg"] *= rng.uniform(3.2, 6) / max(kg, 0.1)
            elif s == "heavy_documents":
                spec["category"] = "documents"
                items[0]["description"] = goods.describe(rng, "documents", langs_for(spec["shipper"]))
                items[0].pop("hs_code", None)
                items[0]["_kg"] = rng.uniform(1.0, 3.5)
                del items[1:]
                spec["value_eur"] = 0.0 if rng.random() < 0.6 else rng.uniform(1, 10)
            elif s == "net_gross_mismatch":
                spec["net_scale"] = rng.choice([0.2, 0.3, 0.4, 1.8, 2.5])
            elif s == "hs_mismatch":
                own = goods.CATALOGUE[items[0]["_key"]][0]
                items[0]["hs_code"] = rng.choice([h for h in UNRELATED_HS if h[:2] not in {c[:2] for c in own}])
            elif s == "low_scrutiny_hs_dense":
                key = rng.choice(["car_parts", "tools", "toys", "spare_parts"])
                items[0].update({"description": goods.describe(rng, key, langs_for(spec["shipper"])),
                                 "hs_code": rng.choice(goods.CATALOGUE[key][0]), "_key": key, "quantity": 1})
                spec["pieces"] = 1
                if kg < 2:
                    items[0]["_kg"] += rng.uniform(2, 4)
            elif s == "giveaway_word":
                word = rng.choice(goods.GIVEAWAYS[hidden] if hidden in goods.GIVEAWAYS else OTHER_GIVEAWAYS[hidden])
                it = rng.choice(items)
                it["description"] = rng.choice([f"{it['description']} ({word})", f"{it['description']}, {word}", word])
            elif s == "generic_description":
                if spec["category"] == "sale_of_goods" and rng.random() < 0.3:
                    spec["category"] = "commercial_sample"
                for it in items:
                    it["description"] = rng.choice(GENERIC)
                    if rng.random() < 0.6:
                        it.pop("hs_code", None)
            elif s == "cod_low_value":
                spec["payment"] = "cash_on_delivery"
                spec["value_eur"] = round(rng.uniform(3, 15), 2)
            elif s == "new_account":
                spec["account_age_days"] = rng.randint(0, 6)
                st = spec["station"]
                spec["reporter"] = {"RS": "BRZIPAKET-RS", "BA": "EUROPAKET-BA", "AL": "SHPEJT-AL"}.get(st)
                if not spec["reporter"]:
                    spec["station"] = spec["destination"] = rng.choice(["RS", "BA", "AL"])
                    spec["reporter"] = {"RS": "BRZIPAKET-RS", "BA": "EUROPAKET-BA", "AL": "SHPEJT-AL"}[spec["station"]]
                    spec["consignee"] = self.pop.consumer(spec["station"], new=True)
                spec["mode"] = "express"
            elif s == "locker":
                c = dict(spec["consignee"])
                if c["country"] in world.HOME:
                    c["street"] = self.pop.locker(c["country"])
                else:
                    c["street"] = rng.choice(["Packstation 112", "Postfach 1204", "Paketbox 77", "Box 4410"])
                c["locker"] = True
                spec["consignee"] = c
            elif s == "odd_routing":
                ends = (spec["origin"], spec["destination"])
                hops = rng.sample(["TR", "BG", "AE", "AL", "GR", "HU", "RO", "MK", "ME"], rng.choice([1, 2, 3]))
                spec["transit"] = [t for t in hops if t not in ends] or ["AE"]
                if rng.random() < 0.4:
                    spec["departure"] = rng.choice(["TR", "AE", "BG"])
            elif s == "name_variant":
                c = dict(spec["consignee"])
                c["written"] = people.name_variant(rng, c["name"])[0]
                spec["consignee"] = c
            elif s == "amended_description":
                spec["amend_to"] = goods.describe(rng, rng.choice(["car_parts", "toys", "spare_parts"]),
                                                  langs_for(spec["shipper"]))
        if not {"weight_value_mismatch", "cod_low_value", "heavy_documents"} & set(signals):
            kg = sum(i["_kg"] for i in items)
            if spec.get("value_eur") is None:
                spec["value_eur"] = max(sum(i["_eur"] for i in items), kg * rng.uniform(3, 9))

    def parties(self, spec_way: str, origin: str, dest: str, newcomer: bool) -> tuple[dict, dict]:
        rng, pop = self.rng, self.pop
        if spec_way == "in":
            if newcomer:
                shipper = people.new_person(rng, origin) if rng.random() < 0.6 else people.new_company(
                    rng, origin, company_bank(origin, rng))
                consignee = pop.consumer(dest, new=True)
            else:
                # an established seller's name: a marketplace shop, a web shop of the trade, or a private seller
                kind = "cn" if origin in ("CN", "HK") else "tr" if origin == "TR" else "eu"
                if kind != "eu" or origin in ("DE", "AT", "NL", "PL", "IT", "GB", "CZ", "FR"):
                    shipper = pop.company(kind, origin, reuse=0.9, trade=rng.choice(["auto", "sport", "general"]))
                else:
                    shipper = people.new_person(rng, origin)
                consignee = pop.existing_consumer(dest)
        elif spec_way == "out":
            if newcomer:
                shipper = pop.consumer(origin, new=True)
                consignee = people.new_person(rng, dest, rng.choice(["sr", "bs", "sq", "mk"]))
            else:
                away, kin = pop.family(origin, dest)
                shipper, consignee = kin, away
        else:
            shipper = pop.consumer(origin, new=newcomer, reuse=0.5)
            consignee = pop.consumer(dest, new=newcomer, reuse=0.5)
        return shipper, consignee

    def simple(self, pattern: str, *, day: dt.date | None = None, shipper=None, consignee=None,
               signals: list[str] | None = None, case: str | None = None, extra_signals=(),
               origin: str | None = None, dest: str | None = None) -> dict:
        rng = self.rng
        cfg = SCHEMES[pattern]
        chosen = list(signals) if signals is not None else \
            rng.sample(cfg["signals"], min(n_signals(rng), len(cfg["signals"])))
        way = cfg["way"]
        mode = rng.choices(list(cfg["modes"]), list(cfg["modes"].values()))[0]
        risky = "risk_origin" in chosen or "risk_destination" in chosen
        fixed_origin, fixed_dest = origin, dest
        if way == "in":
            origin = rng.choice(cfg["risk"] if "risk_origin" in chosen or
                                ("risk_origin" not in cfg["signals"] and rng.random() < 0.5) else cfg["other"])
            st = rng.choices(list(world.HOME), list(world.HOME.values()))[0]
            dest = st
        elif way == "out":
            homes = cfg.get("origins_home", world.HOME)
            origin = rng.choices(list(homes), list(homes.values()))[0]
            dest = rng.choice(cfg["risk"] if "risk_destination" in chosen else cfg["other"])
            st = origin
        elif way == "region":
            origin = rng.choice(cfg["risk"] if rng.random() < 0.6 else cfg["other"])
            dest = rng.choice([c for c in world.HOME if c != origin])
            st = dest
        else:  # sea
            origin = rng.choice(cfg["risk"] if "risk_origin" in chosen else cfg["other"])
            st = dest = rng.choice(["ME", "AL"])
        if fixed_origin:
            origin = fixed_origin
            st = origin if way == "out" else st
        if fixed_dest:
            dest = fixed_dest
            st = dest if way != "out" else st
        if way == "region" and origin == dest:
            origin = rng.choice([c for c in world.HOME if c != dest])
        if "risk_origin" in chosen and way != "in":
            chosen.remove("risk_origin")
        if mode == "road" and way == "in" and origin not in ("TR", "BG", "GR", "IT", "HU", "DE", "PL"):
            mode = "express"
        newcomer = "newcomer" in chosen
        if shipper is None or consignee is None:
            s, c = self.parties(way if way in ("out", "region") else "in", origin, dest, newcomer)
            shipper, consignee = shipper or s, consignee or c
        if way == "sea":
            shipper = people.new_company(rng, origin, SEA_SHIPPERS)
            consignee = self.pop.company("importer", st)
        day = day or self.day(cfg.get("season"), mode)
        spec = spec_for(day=day, mode=mode, station=st, origin=origin, destination=dest, shipper=shipper,
                        consignee=consignee, items=[], illicit=True, pattern=pattern, goods=cfg["goods"],
                        category={"in": "sale_of_goods", "out": "gift", "sea": "sale_of_goods",
                                  "region": rng.choice(["sale_of_goods", "other"])}[way],
                        payment="prepaid" if way != "region" else rng.choice(["prepaid", "cash_on_delivery"]),
                        currency="EUR" if rng.random() < 0.6 else world.PLACES[origin]["currency"],
                        light=cfg.get("light", False), case=case, stream=pattern)
        if way == "out" and mode == "postal":
            spec["service"] = "parcel"
        if way == "in" and mode == "postal":
            spec["service"] = "ecom" if rng.random() < 0.6 else "parcel"
        covers = cfg.get("covers") or goods.COVERS[cfg["goods"]]
        if way == "sea":
            spec["items"] = [goods.item(rng, "bananas", ["en", "es"], qty=1, hs_rate=1.0)]
            spec["hidden"] = {"goods": "drugs", "units": rng.randint(*cfg["units"]), "kg": 0, "category": "drugs",
                              "description": "cocaine (rip-on bags in banana boxes)"}
            spec["value_eur"] = None
        else:
            self.contents(spec, cfg["goods"], cfg["units"], covers)
            if mode in ("air_cargo",) and cfg["goods"] == "drugs":
                for i in spec["items"]:
                    i["_kg"] *= rng.uniform(3, 10)  # a consolidated consignment, the drugs inside one carton
        if risky and "risk_origin" in chosen and way == "in" and origin in ("BR", "EC", "CO", "PE") \
                and rng.random() < 0.6:
            spec["transit"] = rng.choice([["ES"], ["NL"], ["TR"], ["DE"], ["PT"]])
        if "new_account" in chosen and mode != "express":
            spec["mode"] = "express"
        kg = sum(i["_kg"] for i in spec["items"])
        if spec["mode"] == "postal" and kg > 28:  # a postal parcel stops at 30 kg
            for i in spec["items"]:
                i["_kg"] *= 28 / kg
        self.plant(spec, chosen)
        spec["signals"] = sorted(set(chosen) | set(extra_signals))
        return spec

    # -- acts spanning several shipments ---------------------------------------------------------

    def ant_trade(self) -> list[dict]:
        """One weapon or batch over several parcels, senders and reporters, close days, one receiver."""
        rng, pop = self.rng, self.pop
        case = self.case("ant_trade")
        outbound = rng.random() < 0.45
        if outbound:
            origin = rng.choices(list(world.HOME), list(world.HOME.values()))[0]
            dest = rng.choice(EU_RISK)
            receiver = people.new_person(rng, dest, rng.choice(["sr", "bs", "sq"]))
            pattern_src = "legacy_outbound"
        else:
            dest = rng.choices(list(world.HOME), list(world.HOME.values()))[0]
            origin = None
            receiver = pop.consumer(dest, new=True)
            pattern_src = "parts_mail_order"
        use_locker = rng.random() < 0.35
        if use_locker:
            receiver["street"] = pop.locker(dest) if dest in world.HOME else "Packstation 1" + str(rng.randint(10, 99))
            receiver["locker"] = True
        first = self.day(None, "express")
        n = rng.randint(2, 5)
        out = []
        for k in range(n):
            d = min(first + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3])),
                    self.start + dt.timedelta(days=self.days - 1))
            c = dict(receiver)
            sig = ["split"]
            if k > 0 and rng.random() < 0.7:
                c["written"] = people.name_variant(rng, receiver["name"])[0]
                sig.append("name_variant")
            if rng.random() < 0.5:
                c["phone_written"] = people.phone_written(rng, receiver["phone"], receiver["country"])
                sig.append("shared_phone")
            if use_locker:
                sig.append("locker")
            src = origin or rng.choice(["AT", "DE", "CZ", "SI", "HR", "TR", "US"])
            if outbound:
                shipper = pop.consumer(src, new=True)
            else:
                shipper = people.new_person(rng, src)
            extra = rng.sample(["weight_value_mismatch", "generic_description", "hs_mismatch", "low_scrutiny_hs_dense",
                                "newcomer"], rng.choice([0, 0, 1, 1, 2]))
            if not outbound and src in SCHEMES["parts_mail_order"]["risk"]:
                sig.append("risk_origin")
            spec = self.simple(pattern_src, day=d, shipper=shipper, consignee=c, signals=extra, case=case,
                               extra_signals=sig, origin=src, dest=dest)
            spec["pattern"] = "ant_trade"
            spec["goods"] = "firearm_part"
            spec["hidden"]["goods"] = "firearm_part"
            spec["hidden"]["category"] = "firearm_part"
            spec["hidden"]["description"] = rng.choice(["M70 receiver", "M70 barrel", "bolt and carrier",
                                                        "stock and grip",
                                                        "pistol frame", "pistol slide", "magazines"])
            out.append(spec)
        return out

    def identity_games(self) -> list[dict]:
        """One receiver over weeks, in changing scripts and spellings, one phone or e-mail behind them."""
        rng, pop = self.rng, self.pop
        case = self.case("identity_games")
        dest = rng.choices(list(world.HOME), list(world.HOME.values()))[0]
        receiver = pop.consumer(dest, new=True)
        if not receiver.get("email"):
            receiver["email"] = people.email_for(rng, receiver["name"])
        pattern = rng.choice(["blank_pistols", "parts_mail_order", "ammo_inbound"])
        days = sorted(self.day(None, "express") for _ in range(rng.randint(3, 6)))
        out = []
        for d in days:
            c = dict(receiver)
            sig = []
            r = rng.random()
            if r < 0.15:  # a straw name behind the same phone or e-mail
                c["written"] = people.person_name(rng, _pool_of(receiver))
                sig.append("other_name_same_contact")
            elif r < 0.8:
                c["written"] = people.name_variant(rng, receiver["name"])[0]
                sig.append("name_variant")
            if rng.random() < 0.5:
                st = c["street"]
                c["street"] = rng.choice([people.ascii_fold(people.latin(st)), people.typo(rng, st),
                                          people.cyr_to_lat(st) if people.is_cyrillic(st) else people.lat_to_cyr(st),
                                          st.replace("ul. ", "").replace("Bulevar", "Bul.").replace("бул.", "булевар")])
                sig.append("address_variant")
            if rng.random() < 0.6:
                c["phone_written"] = people.phone_written(rng, receiver["phone"], dest)
                sig.append("shared_phone")
            else:
                c["phone"] = people.phone_number(rng, dest)
                sig.append("shared_email")
            spec = self.simple(pattern, day=d, consignee=c, case=case, extra_signals=sig + ["repeat_receiver"],
                               signals=rng.sample(SCHEMES[pattern]["signals"], rng.choice([0, 0, 1, 1, 2])), dest=dest)
            spec["pattern"] = "identity_games"
            out.append(spec)
        return out

    def drop_address(self) -> list[dict]:
        """One flat receiving over weeks for several unrelated names: straw receivers of one group."""
        rng, pop = self.rng, self.pop
        case = self.case("drop_address")
        dest = rng.choices(list(world.HOME), list(world.HOME.values()))[0]
        flat = people.address(rng, dest)
        pattern = rng.choice(["parts_mail_order", "blank_pistols", "synthetic_darknet", "ammo_inbound"])
        out = []
        for _ in range(rng.randint(3, 6)):
            straw = people.new_person(rng, dest, pop.pool_for(dest))
            straw.update(flat)
            if rng.random() < 0.4:  # the flat written another way
                straw["street"] = rng.choice([people.ascii_fold(flat["street"]), flat["street"] + ", stan 7",
                                              flat["street"].replace(" ", "  ", 1)])
            spec = self.simple(pattern, day=self.day(None, "postal"), consignee=straw, case=case, dest=dest,
                               extra_signals=["shared_address"],
                               signals=rng.sample(SCHEMES[pattern]["signals"], rng.choice([0, 0, 1, 2])))
            spec["pattern"] = "drop_address"
            out.append(spec)
        return out

    def known_actor(self) -> list[dict]:
        """A listed person or company shipping under a variant of the listed name, or behind a listed
        phone, address or e-mail under another name."""
        rng = self.rng
        actors = self.lists.actors
        if not actors:
            return [self.simple("parts_mail_order")]
        actor = actors[self.actor_cursor % len(actors)]
        self.actor_cursor += 1
        case = self.case("known_actor")
        pattern = rng.choice(["blank_pistols", "legacy_outbound", "parts_mail_order", "cannabis_outbound",
                              "ammo_outbound", "cash_outbound", "converted_regional"])
        out = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            party = dict(actor)
            kinds = actor["listed_kinds"] + (["person"] * 2 if actor.get("kind") == "person" else [])
            how = rng.choice(kinds)
            sig = []
            if how in ("person", "organisation"):
                r = rng.random()
                if r < 0.2:  # exactly as the list writes it
                    party["written"] = actor["entry"]["name"]
                    sig.append("watchlist_name_exact")
                else:
                    party["written"] = people.name_variant(rng, actor["name"])[0]
                    sig.append("watchlist_name")
            elif how == "phone":
                party["name"] = people.person_name(rng, _pool_of(actor))
                party["written"] = None
                party["phone_written"] = people.phone_written(rng, actor["phone"], actor["country"])
                sig.append("watchlist_phone")
            elif how == "email":
                party["name"] = people.person_name(rng, _pool_of(actor))
                party["written"] = None
                sig.append("watchlist_email")
            else:
                party["name"] = people.person_name(rng, _pool_of(actor))
                party["written"] = None
                sig.append("watchlist_address")
            party.pop("entry", None)
            if how == "email":
                party["force_email"] = True
            way = SCHEMES[pattern]["way"]
            chosen = rng.sample(SCHEMES[pattern]["signals"], rng.choice([0, 1, 1, 2]))
            if way == "out":
                spec = self.simple(pattern, shipper=party, case=case, extra_signals=sig, signals=chosen,
                                   origin=actor["country"])
            else:
                spec = self.simple(pattern, consignee=party, case=case, extra_signals=sig, signals=chosen,
                                   dest=actor["country"])
            spec["pattern"] = "known_actor"
            out.append(spec)
        return out
