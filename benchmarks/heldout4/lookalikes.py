"""Innocent shipments that carry a scheme's signals for ordinary reasons: licensed hunting ammunition,
airsoft, car parts that are car parts, heavy family parcels, collectors, pharmacy orders, coffee from
Brazil, laboratory reagents, orders in several boxes, shared family phones, namesakes of listed
people and listings that have expired."""

from __future__ import annotations

import datetime as dt
import random

from . import goods, people, world
from .traffic import TRADE, Population, home, langs_for, pick, spec_for

GUN_SHOPS = {"RS": ["Lovac Užice", "Oružar Kragujevac", "Srna Lov", "Jelen Sport"],
             "BA": ["Lovačka Kuća Tuzla", "Bosna Lov"],
             "MK": ["Ловец Скопје", "Оружарница Струмица"], "AL": ["Armë Gjuetie Tiranë"], "ME": ["Lovac Nikšić"]}
SHARES = {  # look-alike: share among look-alikes
    "hunting_ammo": 0.06, "hunting_gear": 0.07, "airsoft": 0.06, "car_parts_dense": 0.1, "heavy_gift": 0.1,
    "heavy_documents": 0.04, "collectors": 0.05, "dense_sporting": 0.04, "cod_newcomer": 0.08, "split_order": 0.07,
    "shared_phone": 0.05, "two_scripts": 0.04, "namesake": 0.04, "expired_listing": 0.03, "latam_coffee": 0.03,
    "chemicals": 0.03, "hub_route": 0.05, "sloppy_declaration": 0.05, "fireworks_licensed": 0.02,
    "tools_to_relatives": 0.06, "herbal_tea": 0.04, "shared_address": 0.04,
}


class Lookalikes:
    def __init__(self, rng: random.Random, pop: Population, lists, pick_day):
        self.rng = rng
        self.pop = pop
        self.lists = lists
        self.day = pick_day
        self.namesake_i = 0
        self.expired_i = 0

    def one(self) -> list[dict]:
        name = self.rng.choices(list(SHARES), list(SHARES.values()))[0]
        specs = getattr(self, name)()
        for s in specs:
            s["lookalike"] = True
            s["pattern"] = "lookalike_" + name
        return specs

    def _web_shop(self, origin: str, trade: str = "general") -> dict:
        kind = "cn" if origin == "CN" else "tr" if origin == "TR" else "eu"
        return self.pop.company(kind, origin, trade=trade)

    def _items(self, key, sender, n=1, **kw):
        return [goods.item(self.rng, key, langs_for(sender), **kw) for _ in range(n)]

    def _shop(self, country: str) -> dict:
        rng = self.rng
        names = GUN_SHOPS.get(country, ["Jagd & Sport", "Waffen Outdoor", "Hunting Supply"])
        return _shop_pool(self.pop, rng, country, names)

    def hunting_ammo(self):
        rng = self.rng
        if rng.random() < 0.5:  # the region's ammunition maker exports to dealers abroad
            shipper = _shop_pool(self.pop, rng, "RS", ["Municija Užice a.d.", "Balkan Cartridge Works"])
            dest = rng.choice(["DE", "AT", "CZ", "US", "IT", "SI", "HU"])
            consignee = _shop_pool(self.pop, rng, dest, ["Jagd & Sport", "Waffen Outdoor", "Hunting Supply", "Armeria"])
            st, origin, mode = "RS", "RS", rng.choice(["road", "air_cargo", "express"])
            qty = rng.randint(20, 200)
        else:
            origin = rng.choice(["CZ", "IT", "DE", "AT", "TR"])
            st = home(rng)
            shipper = _shop_pool(self.pop, rng, origin, ["Sellier Export", "Munizioni Sport", "Jagdpatronen Versand"])
            consignee = self._shop(st)
            dest, mode = st, rng.choice(["road", "express"])
            qty = rng.randint(10, 80)
        its = [goods.item(rng, "ammunition_legal", ["en", "sr", "de"], qty=qty, hs_rate=1.0)]
        return [spec_for(day=self.day(mode, "hunting"), mode=mode, station=st, origin=origin, destination=dest,
                         shipper=shipper, consignee=consignee, items=its, category="sale_of_goods", payment="account",
                         extras={"licence_no": f"{st}-{rng.randint(100, 999)}/{rng.randint(2019, 2026)}",
                                 "dangerous_goods": "UN0012 1.4S"},
                         signals=["giveaway_word", "dense_heavy"])]

    def hunting_gear(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["DE", "AT", "CZ", "US", "GB"])
        shop = self.pop.company("eu", origin, trade="sport")
        its = [goods.item(rng, rng.choice(["hunting_optics", "hunting_clothes", "knives"]), langs_for(shop))
               for _ in range(rng.choice([1, 1, 2]))]
        return [spec_for(day=self.day("express", "hunting"), mode=rng.choice(["express", "postal"]), station=st,
                         origin=origin, destination=st, shipper=shop, consignee=self.pop.consumer(st),
                         items=its, category="sale_of_goods", payment="card", service="ecom",
                         signals=["hunting_goods"])]

    def airsoft(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["CN", "HK", "TW", "JP", "DE"])
        if rng.random() < 0.4:
            shop = people.new_company(rng, origin, ["Airsoft Depot", "Tactical Hobby", "Softair Shop"])
        else:
            seat = origin if origin not in ("TW", "JP") else "HK"
            shop = self.pop.company("cn" if origin in ("CN", "HK") else "eu", seat, trade="sport")
        its = [goods.item(rng, "airsoft", ["en", "de", "sr"], hs_rate=0.8) for _ in range(rng.choice([1, 1, 2]))]
        return [spec_for(day=self.day("express"), mode=rng.choice(["express", "postal", "air_cargo"]), station=st,
                         origin=shop["country"], destination=st, shipper=shop, consignee=self.pop.consumer(st),
                         items=its, category="sale_of_goods", payment="card", service="ecom",
                         signals=["giveaway_word", "risk_origin"])]

    def car_parts_dense(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["DE", "DE", "PL", "AT", "IT", "CZ"])
        shop = self.pop.company("eu", origin, trade="auto")
        its = self._items("car_parts", shop, n=rng.choice([1, 2]), hs_rate=0.9)
        for i in its:
            i["_kg"] = rng.uniform(4, 14)
        return [spec_for(day=self.day("express"), mode=rng.choice(["express", "road", "postal"]), station=st,
                         origin=origin, destination=st, shipper=shop, consignee=self.pop.consumer(st), items=its,
                         category="sale_of_goods", payment=rng.choice(["cash_on_delivery", "card"]),
                         value_eur=rng.uniform(8, 35), signals=["weight_value_mismatch", "low_scrutiny_hs_dense"])]

    def heavy_gift(self):
        rng = self.rng
        st = home(rng)
        abroad = pick(rng, world.DIASPORA)
        away, kin = self.pop.family(st, abroad)
        outbound = rng.random() < 0.55
        keys = ["food_home", "alcohol_home", "tea_herbs"] if outbound else ["detergent", "sweets_coffee", "clothes"]
        sender = kin if outbound else away
        its = [goods.item(rng, rng.choice(keys), langs_for(sender), hs_rate=0.1) for _ in range(rng.randint(3, 6))]
        for i in its:
            i["_kg"] *= rng.uniform(2, 4)
        return [spec_for(day=self.day("postal", "diaspora"), mode=rng.choice(["postal", "road", "road"]), station=st,
                         origin=st if outbound else abroad, destination=abroad if outbound else st,
                         shipper=sender, consignee=away if outbound else kin, items=its, category="gift",
                         payment="prepaid", value_eur=rng.uniform(5, 30),
                         signals=["heavy_gift", "weight_value_mismatch"])]

    def heavy_documents(self):
        rng = self.rng
        st = home(rng)
        a = self.pop.company("importer", st)
        b = people.new_company(rng, rng.choice(["DE", "AT", "CH", "IT"]),
                               ["Rechtsanwälte", "Notariat", "Studio Legale"])
        its = [goods.item(rng, "documents", langs_for(a), qty=1, hs_rate=0.1)]
        its[0]["_kg"] = rng.uniform(1.0, 3.0)
        inbound = rng.random() < 0.5
        s, c = (b, a) if inbound else (a, b)
        return [spec_for(day=self.day("express"), mode="express", station=st, origin=s["country"],
                         destination=c["country"], shipper=s, consignee=c, items=its, category="documents",
                         payment="account", value_eur=0.0, signals=["heavy_documents"])]

    def collectors(self):
        rng = self.rng
        st = home(rng)
        seller = people.new_person(rng, rng.choice(["DE", "AT", "US", "GB", "RS", "HR"]))
        buyer = self.pop.consumer(st)
        if seller["country"] == st:
            seller = people.new_person(rng, "DE")
        its = self._items("collectibles", seller, n=rng.choice([1, 2]))
        extras = {}
        if rng.random() < 0.15:
            its = [{"description": "Deactivated rifle Mauser K98 (EU deactivation certificate)", "hs_code": "970500",
                    "quantity": 1, "_kg": 3.9, "_eur": 450.0, "_key": "collectibles"}]
            extras = {"deactivation_certificate": f"DE-BKA-{rng.randint(10000, 99999)}"}
        return [spec_for(day=self.day("postal"), mode=rng.choice(["postal", "express"]), station=st,
                         origin=seller["country"], destination=st, shipper=seller, consignee=buyer, items=its,
                         category=rng.choice(["sale_of_goods", "other"]), payment="prepaid", extras=extras,
                         signals=["collector_goods"] + (["giveaway_word"] if extras else []))]

    def dense_sporting(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["CN", "DE", "PL", "TR"])
        shop = self.pop.company("cn" if origin == "CN" else "tr" if origin == "TR" else "eu", origin, trade="sport")
        its = self._items("sporting", shop, n=1, hs_rate=0.9)
        its[0]["_kg"] = rng.uniform(8, 25)
        return [spec_for(day=self.day("express"), mode="express", station=st, origin=origin, destination=st,
                         shipper=shop, consignee=self.pop.consumer(st), items=its, category="sale_of_goods",
                         payment="cash_on_delivery", value_eur=rng.uniform(12, 30), signals=["weight_value_mismatch"])]

    def cod_newcomer(self):
        rng = self.rng
        st = rng.choice(["RS", "BA", "AL"])
        a = rng.choice([c for c in world.HOME if c != st])
        seller = people.new_company(rng, a, ["Web Shop", "Online Prodaja", "Dyqan Online", "Mini Market"])
        its = self._items(rng.choice(["phone_accessories", "cosmetics", "toys", "clothes"]), seller)
        return [spec_for(day=self.day("express"), mode="express", station=st, origin=a, destination=st, shipper=seller,
                         consignee=self.pop.consumer(st, new=True), items=its, category="sale_of_goods",
                         payment="cash_on_delivery", value_eur=rng.uniform(4, 14), account_age_days=rng.randint(0, 5),
                         reporter={"RS": "BRZIPAKET-RS", "BA": "EUROPAKET-BA", "AL": "SHPEJT-AL"}[st],
                         signals=["cod_low_value", "new_account", "newcomer"])]

    def split_order(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["DE", "CN", "PL", "NL"])
        key = rng.choice(["home_goods", "car_parts", "sporting", "electronics_small", "tools"])
        shop = self.pop.company("cn" if origin == "CN" else "eu", origin, trade=TRADE.get(key, "general"))
        buyer = self.pop.consumer(st)
        d = self.day("express")
        mode = rng.choice(["express", "postal"])
        return [spec_for(day=d + dt.timedelta(days=rng.choice([0, 0, 1])), mode=mode, station=st, origin=origin,
                         destination=st, shipper=shop, consignee=buyer, items=self._items(key, shop), service="ecom",
                         category="sale_of_goods", payment="card", signals=["split"])
                for _ in range(rng.randint(2, 4))]

    def shared_phone(self):
        rng = self.rng
        st = home(rng)
        head = self.pop.consumer(st, new=True)
        out = []
        surname = head["name"].split()[-1]
        for _ in range(rng.randint(2, 4)):
            member = dict(head)
            first = people.person_name(rng, head.get("pool") if head.get("pool") in people.NAMES else "sr").split()[0]
            member["name"] = f"{first} {surname}"
            member["phone_written"] = people.phone_written(rng, head["phone"], st)
            origin = rng.choice(["CN", "DE", "TR"])
            shop = self._web_shop(origin)
            out.append(spec_for(day=self.day("express"), mode=rng.choice(["express", "postal"]), station=st,
                                origin=origin, destination=st, shipper=shop, consignee=member,
                                items=self._items(rng.choice(["clothes", "toys", "cosmetics"]), shop), service="ecom",
                                category="sale_of_goods", payment="card", signals=["shared_phone"]))
        return out

    def two_scripts(self):
        rng = self.rng
        st = rng.choice(["RS", "MK", "RS", "ME"])
        buyer = self.pop.consumer(st, new=True)
        out = []
        for k in range(rng.randint(2, 4)):
            c = dict(buyer)
            c["written"] = buyer["name"] if k == 0 else people.name_variant(rng, buyer["name"], "script")[0]
            origin = rng.choice(["CN", "DE", "TR"])
            shop = self._web_shop(origin)
            out.append(spec_for(day=self.day("postal"), mode=rng.choice(["postal", "express"]), station=st,
                                origin=origin, destination=st, shipper=shop, consignee=c, service="ecom",
                                items=self._items(rng.choice(["clothes", "electronics_small", "books"]), shop),
                                category="sale_of_goods", payment="card", signals=["name_variant"]))
        return out

    def namesake(self):
        rng = self.rng
        listed = self.lists.namesakes
        if not listed:
            return self.hub_route()
        who = listed[self.namesake_i % len(listed)]
        self.namesake_i += 1
        st = who["country"]
        person = people.new_person(rng, st, who.get("pool"))
        person["name"] = who["name"]
        while person["city"] == who["city"] and len(world.PLACES[st]["cities"]) > 1:
            person.update(people.address(rng, st))
        origin = rng.choice(["CN", "DE", "AT", "TR"])
        shop = self.pop.company("cn" if origin == "CN" else "tr" if origin == "TR" else "eu", origin)
        return [spec_for(day=self.day("postal"), mode=rng.choice(["postal", "express"]), station=st, origin=origin,
                         destination=st, shipper=shop, consignee=person, service="ecom",
                         items=self._items(rng.choice(["clothes", "home_goods", "car_parts"]), shop),
                         category="sale_of_goods", payment="card", signals=["watchlist_name"])]

    def expired_listing(self):
        rng = self.rng
        listed = self.lists.expired
        if not listed:
            return self.hub_route()
        who = dict(listed[self.expired_i % len(listed)])
        self.expired_i += 1
        who.pop("entry", None)
        st = who["country"]
        origin = rng.choice(["DE", "AT", "CH"])
        away = people.new_person(rng, origin, who.get("pool"))
        return [spec_for(day=self.day("postal", "diaspora"), mode=rng.choice(["postal", "road"]), station=st,
                         origin=origin, destination=st, shipper=away, consignee=who,
                         items=self._items(rng.choice(["clothes", "sweets_coffee"]), away, n=2), category="gift",
                         payment="prepaid", signals=["watchlist_name_expired"])]

    def latam_coffee(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["BR", "CO", "PE", "EC"])
        shipper = people.new_company(rng, origin, ["Café Especial", "Tostadores Andinos", "Artesanías del Sur"]) \
            if rng.random() < 0.6 else people.new_person(rng, origin)
        key = rng.choice(["coffee_beans", "coffee_beans", "handicrafts"])
        return [spec_for(day=self.day("air_cargo"), mode=rng.choice(["express", "air_cargo", "postal"]), station=st,
                         origin=origin, destination=st, shipper=shipper,
                         consignee=self.pop.consumer(st) if rng.random() < 0.5 else self.pop.company("importer", st),
                         items=self._items(key, shipper, n=rng.choice([1, 2])),
                         transit=rng.choice([[], ["ES"], ["DE"], ["TR"]]),
                         category=rng.choice(["sale_of_goods", "commercial_sample", "gift"]), payment="prepaid",
                         currency=rng.choice(["EUR", "USD", world.PLACES[origin]["currency"]]),
                         signals=["risk_origin"])]

    def chemicals(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["CN", "IN", "DE", "DE"])
        shipper = people.new_company(rng, origin, ["Chemical Reagents", "Fine Chemicals", "Laborbedarf"])
        consignee = people.new_company(rng, st, ["Farmaceutski fakultet", "Hemofarm Lab", "Alkaloid Лабораторија",
                                                 "Institut za javno zdravlje", "Universiteti Bujqësor"])
        return [spec_for(day=self.day("air_cargo"), mode=rng.choice(["air_cargo", "express"]), station=st,
                         origin=origin, destination=st, shipper=shipper, consignee=consignee,
                         items=self._items("chemicals", shipper, n=rng.choice([1, 2, 3]), hs_rate=0.95),
                         category="sale_of_goods", payment="account", signals=["precursor_like"])]

    def hub_route(self):
        rng = self.rng
        st = home(rng)
        origin, transit, dep = rng.choice([("CN", ["AE"], "CN"), ("CN", ["TR"], "TR"), ("CN", [], "HU"),
                                           ("US", ["DE"], "DE"), ("CN", [], "BE"), ("US", ["GB"], "GB")])
        shop = self.pop.company("cn" if origin == "CN" else "eu", origin if origin == "CN" else "GB")
        shop = dict(shop, country=origin) if origin == "US" else shop
        return [spec_for(day=self.day("postal"), mode=rng.choice(["postal", "express", "air_cargo"]), station=st,
                         origin=origin, departure=dep, transit=transit, destination=st, shipper=shop,
                         consignee=self.pop.consumer(st), service="ecom",
                         items=self._items(rng.choice(["electronics_small", "clothes", "tools", "spare_parts"]), shop),
                         category="sale_of_goods", payment="card", signals=["odd_routing"])]

    def sloppy_declaration(self):
        rng = self.rng
        st = home(rng)
        shop = self.pop.company("cn", "CN")
        key = rng.choice(["phone_accessories", "clothes", "home_goods", "toys"])
        its = self._items(key, shop, n=rng.choice([1, 2]))
        spec = spec_for(day=self.day("postal", "ecom"), mode="postal", station=st, origin="CN", destination=st,
                        shipper=shop, consignee=self.pop.consumer(st), items=its, category="sale_of_goods",
                        payment="prepaid", service="ecom", currency="USD")
        if rng.random() < 0.5:
            # what a seller's tool filled in
            its[0]["hs_code"] = rng.choice(["870899", "850440", "999999", "0000", "8400"])
            spec["signals"] = ["hs_mismatch"]
        else:
            spec["net_scale"] = rng.choice([1000.0, 0.001, 3.0])  # grams typed as kilograms, or the other way
            spec["signals"] = ["net_gross_mismatch"]
        return [spec]

    def fireworks_licensed(self):
        rng = self.rng
        st = home(rng)
        origin = rng.choice(["CN", "PL", "BG", "CZ"])
        shipper = people.new_company(rng, origin, ["Pyro Export", "Fireworks Trading", "Pirotehnika"])
        consignee = people.new_company(rng, st, ["Pirotehnika Vatromet", "Festa Pyro", "Fishekzjarre Import"])
        its = [{"description": rng.choice(["Fireworks F2 (licensed)", "Pyrotechnic articles cat. F2", "Vatromet F2"]),
                "hs_code": "360410", "quantity": rng.randint(50, 400), "_kg": rng.uniform(300, 2500),
                "_eur": rng.uniform(1500, 12000), "_key": "christmas"}]
        return [spec_for(day=self.day("road", "fireworks"), mode="road", station=st, origin=origin, destination=st,
                         shipper=shipper, consignee=consignee, items=its, category="sale_of_goods", payment="account",
                         extras={"licence_no": f"PIRO-{st}-{rng.randint(10, 99)}/{rng.choice([2025, 2026])}",
                                 "dangerous_goods": "UN0336 1.4G"},
                         signals=["giveaway_word"])]

    def tools_to_relatives(self):
        rng = self.rng
        st = home(rng)
        abroad = pick(rng, world.DIASPORA)
        away, kin = self.pop.family(st, abroad)
        its = [goods.item(rng, rng.choice(["tools", "car_parts", "spare_parts"]), langs_for(kin), hs_rate=0.3)
               for _ in range(rng.randint(1, 3))]
        for i in its:
            i["_kg"] = rng.uniform(1.5, 5)
        return [spec_for(day=self.day("postal"), mode=rng.choice(["postal", "road", "express"]), station=st, origin=st,
                         destination=abroad, shipper=kin, consignee=away, items=its, category="gift", payment="prepaid",
                         value_eur=rng.uniform(5, 25), signals=["heavy_gift", "weight_value_mismatch"])]

    def shared_address(self):
        """A student hall, a block of flats or an office where many unrelated people receive parcels."""
        rng = self.rng
        st = home(rng)
        place = people.address(rng, st)
        where = rng.choice(["Studentski dom ", "Studentski grad, blok ", "Poslovni centar ", ""])
        place["street"] = where + place["street"]
        out = []
        for _ in range(rng.randint(3, 6)):
            who = people.new_person(rng, st, self.pop.pool_for(st))
            who.update(place)
            origin = rng.choice(["CN", "DE", "TR"])
            shop = self._web_shop(origin, "fashion")
            out.append(spec_for(day=self.day("postal"), mode=rng.choice(["postal", "express"]), station=st,
                                origin=origin, destination=st, shipper=shop, consignee=who, service="ecom",
                                items=self._items(rng.choice(["clothes", "books", "electronics_small", "cosmetics"]),
                                                  shop),
                                category="sale_of_goods", payment=rng.choice(["card", "cash_on_delivery"]),
                                signals=["shared_address"]))
        return out

    def herbal_tea(self):
        rng = self.rng
        st = rng.choice(["AL", "MK", "ME", "RS"])
        abroad = pick(rng, world.DIASPORA)
        away, kin = self.pop.family(st, abroad)
        its = [goods.item(rng, "tea_herbs", langs_for(kin), hs_rate=0.2) for _ in range(rng.randint(1, 3))]
        return [spec_for(day=self.day("postal", "cannabis"), mode=rng.choice(["postal", "express"]), station=st,
                         origin=st, destination=abroad, shipper=kin, consignee=away, items=its, category="gift",
                         payment="prepaid", signals=["herbal_outbound"])]


def _shop_pool(pop: Population, rng: random.Random, country: str, names: list[str]) -> dict:
    lst = pop.companies.setdefault(("licensed", country), [])
    if len(lst) >= 3 and rng.random() < 0.85:
        return rng.choice(lst)
    shop = people.new_company(rng, country, names)
    lst.append(shop)
    return shop
