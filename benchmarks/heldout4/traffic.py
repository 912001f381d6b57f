"""Ordinary traffic: who sends what to whom in heldout4's world, stream by stream, and the innocent
shipments that look like contraband for ordinary reasons (look-alikes)."""

from __future__ import annotations

import datetime as dt
import random

from . import goods, people, world

HOME_POOLS = {"RS": [("sr", 0.93), ("bs", 0.04), ("sq", 0.03)], "BA": [("bs", 0.9), ("sr", 0.1)],
              "MK": [("mk", 0.72), ("sq", 0.28)], "AL": [("sq", 1.0)], "ME": [("sr", 0.72), ("bs", 0.16), ("sq", 0.12)]}
LANGS = {"CN": ["en"], "HK": ["en"], "TW": ["en"], "JP": ["en"], "DE": ["de", "en"], "AT": ["de"], "CH": ["de", "en"],
         "TR": ["tr", "en"], "RS": ["sr"], "ME": ["sr"], "BA": ["sr"], "HR": ["sr"], "SI": ["sr", "en"], "MK": ["mk"],
         "AL": ["sq"], "BG": ["en"], "US": ["en"], "GB": ["en"], "NL": ["en", "nl"], "IT": ["en", "it"], "PL": ["en"],
         "CZ": ["en"], "IN": ["en"], "SE": ["en"], "FR": ["en"], "BR": ["pt", "en"], "CO": ["es", "en"],
         "EC": ["es", "en"], "PE": ["es", "en"], "AE": ["en"], "KE": ["en"], "CA": ["en"], "AU": ["en"]}
POOL_LANG = {"sr": "sr", "bs": "sr", "mk": "mk", "sq": "sq", "hr": "sr", "bg": "en", "tr": "tr"}
LOCKER_SHARE = {"RS": 0.1, "BA": 0.05, "MK": 0.03, "ME": 0.02, "AL": 0.02}
LOCKERS = {
    "RS": ["Paketomat BP-{n}, TC Ušće", "Paketomat BP-{n}, Maxi Zvezdara", "Paketomat {n}, Big Fashion Karaburma",
           "Paketomat DX{n}, Promenada", "Paketomat BP-{n}, Lidl Čukarica", "Paketomat {n}, Delta Planet Niš"],
    "BA": ["Paketomat EP-{n}, Bingo City Center", "Paketomat EP-{n}, SCC Sarajevo", "Paketomat {n}, Delta Banja Luka"],
    "MK": ["Пакетомат {n}, Рамстор Мол", "Paketomat {n}, Skopje City Mall", "Пакетомат {n}, Капиштец"],
    "ME": ["Paketomat {n}, Delta City Podgorica", "Paketomat {n}, Big Fashion Podgorica"],
    "AL": ["Pika Box {n}, TEG Tiranë", "Pika Box {n}, QTU Durrës", "Kutia Postare {n}"],
}
# post office boxes sit beside the lockers
LOCKERS["RS"].append("Poštanski fah {n}")
LOCKERS["BA"].append("Poštanski pretinac {n}")
LOCKERS["MK"].append("П. фах {n}")
LOCKERS["ME"].append("Poštanski fah {n}")
WORDS = {
    "cn": ["Huaqiang Electronic Trading", "Jinfeng Import & Export", "Meiyi Apparel", "Hengli Hardware", "Xinda Tech",
           "Yuexiu E-commerce", "Sunrise Smart Home", "Longgang Auto Accessories", "Kaili Toys", "Bluesea Outdoor",
           "Zhongtai Lighting", "Haoyu Cosmetics", "Tianhong Garments", "Mingda Tools", "Orient Fishing Tackle"],
    "tr": ["Moda Butik Tekstil", "Anadolu Ev Tekstili", "Kuyumcu Altınbaş", "Yıldız Ayakkabı", "Ege Kozmetik"],
    "rs": ["Tehnomanija Online", "Gigatron Shop", "Sport Vision Web", "Apoteka Zdravlje", "Moj Dom Online",
           "Bebi Shop Lane", "Auto Delovi Pančevo", "Lovac Shop", "Planeta Igračaka"],
    "mk": ["Нептун Онлајн", "Сетек Шоп", "Ramstore Online", "Аптека Зегин", "Мода Маркет"],
    "al": ["Neptun Shop Tiranë", "Albtelecom Shop", "Farmacia Alba", "Moda Shqip", "Global Shop"],
    "importer": ["Balkan Distribucija", "Vardar Trade", "Adria Import", "Bosna Pharm", "Iliria Trading",
                 "Sava Logistik",
                 "Drina Commerce", "Ohrid Fresh", "Medika Plus", "Lovćen Import", "Tetovo Tekstil", "Skenderbeu Trade"],
}


# European web shops by trade, and the trade of each catalogue good
EU_SHOPS = {"auto": ["Autoteile Schneider", "Teile-Profi Nord", "Werkzeug-Direkt", "Kfz-Teile Krause",
                     "Motorparts Centrum"],
            "fashion": ["Modehaus Klein", "Parfümerie Lang", "Schuhhaus Becker", "Fashion Outlet Nord"],
            "electro": ["ElektroVersand Weber", "Technik-Direkt", "Handy Center Ost"],
            "sport": ["Sportversand Bauer", "Bike & Outdoor Wolf", "Angel- und Jagdbedarf Huber", "Fitness-Shop Meyer"],
            "pharmacy": ["Drogerie Express", "Versandapotheke Sonne", "Apotheke am Markt"],
            "general": ["Babywelt Fischer", "Haushaltswaren Koch", "Buch & Spiel Richter", "Versandhaus Lehmann"]}
TRADE = {"car_parts": "auto", "tools": "auto", "spare_parts": "auto", "bearings": "auto", "clothes": "fashion",
         "shoes": "fashion", "bags": "fashion", "perfume": "fashion", "cosmetics": "fashion", "jewellery": "fashion",
         "electronics_small": "electro", "phone_accessories": "electro", "sporting": "sport", "fishing": "sport",
         "hunting_optics": "sport", "hunting_clothes": "sport", "knives": "sport", "medicines": "pharmacy"}


SEA_SHIPPERS = ["Export Group", "Trading", "Frutera del Pacífico", "Bananera Export", "Ceramics",
                "Furniture Manufacturing", "Agro Trading"]


class Population:
    """Recurring and one-off parties: consumers, diaspora families, shops, sellers, importers."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.consumers: dict[str, list] = {}
        self.families: dict[tuple, list] = {}
        self.companies: dict[tuple, list] = {}
        self.lockers: dict[str, list] = {c: [] for c in LOCKERS}

    def pool_for(self, country: str) -> str:
        pools = HOME_POOLS.get(country)
        if not pools:
            return world.PLACES[country]["pool"]
        return self.rng.choices([p for p, _ in pools], [w for _, w in pools])[0]

    def _reuse(self, items: list, p: float, skew: float = 2.2):
        """An existing party with probability p, early ones (big sellers, keen buyers) more often."""
        if items and self.rng.random() < p:
            return items[int(len(items) * self.rng.random() ** skew)]
        return None

    def locker(self, country: str) -> str:
        lst = self.lockers[country]
        if len(lst) < 8 or self.rng.random() < 0.05:
            lst.append(self.rng.choice(LOCKERS[country]).format(n=self.rng.randint(10, 480)))
        return self.rng.choice(lst)

    def id_number(self, country: str) -> str | None:
        rng = self.rng
        if country in ("RS", "BA", "ME", "MK"):
            return "".join(rng.choice("0123456789") for _ in range(13))
        if country == "AL":
            return f"{rng.choice('IJKL')}{rng.randint(10000000, 99999999)}{rng.choice('ABCDEFGHIJKLMNOPRSTUVWXYZ')}"
        return None

    def consumer(self, country: str, reuse: float = 0.45, new: bool = False) -> dict:
        lst = self.consumers.setdefault(country, [])
        got = None if new else self._reuse(lst, reuse, 1.4)
        if got:
            return got
        party = people.new_person(self.rng, country, self.pool_for(country) if country in HOME_POOLS else None)
        if country in LOCKER_SHARE and self.rng.random() < LOCKER_SHARE[country]:
            party["street"] = self.locker(country)
            party["locker"] = True
        if self.rng.random() < 0.3:
            party["id_number"] = self.id_number(country)
        lst.append(party)
        return party

    def existing_consumer(self, country: str) -> dict:
        """Anyone who has received before: what an illicit act borrows when it is not a newcomer."""
        lst = self.consumers.get(country)
        return self.rng.choice(lst) if lst else self.consumer(country)

    def family(self, home: str, abroad: str) -> tuple[dict, dict]:
        """A diaspora member abroad and a relative at home with the same surname."""
        lst = self.families.setdefault((home, abroad), [])
        got = self._reuse(lst, 0.55)
        if got:
            return got
        pool = self.pool_for(home)
        rng = self.rng
        away = people.new_person(rng, abroad, pool)
        kin = people.new_person(rng, home, pool)
        surname = away["name"].split()[-1]
        first = kin["name"].split()[0]
        kin["name"] = f"{first} {surname}"
        if pool == "mk" and first[-1] in "аa" and surname.endswith("ски"):
            kin["name"] = f"{first} {surname[:-3]}ска"
        if rng.random() < 0.4:
            away["email"] = people.email_for(rng, away["name"])
        pair = (away, kin)
        lst.append(pair)
        return pair

    def company(self, kind: str, country: str, reuse: float = 0.8, trade: str = "general") -> dict:
        """A seller, shop or importer of a kind (and, for European shops, a trade) in a country."""
        lst = self.companies.setdefault((kind, country, trade if kind == "eu" else None), [])
        got = self._reuse(lst, reuse) if len(lst) >= 3 else None
        if got:
            return got
        if kind == "cn" and self.rng.random() < 0.35:
            party = people.new_person(self.rng, country, "zh")  # marketplace sellers ship under a person's name
        else:
            party = people.new_company(self.rng, country, EU_SHOPS[trade] if kind == "eu" else WORDS[kind])
        lst.append(party)
        return party


def company_bank(country: str, rng: random.Random) -> list[str]:
    """The words ordinary companies of a country are named from."""
    if country in ("CN", "HK"):
        return WORDS["cn"]
    if country == "TR":
        return WORDS["tr"]
    return EU_SHOPS[rng.choice(list(EU_SHOPS))]


def langs_for(party: dict) -> list[str]:
    pool = party.get("pool")
    if pool in POOL_LANG and party["country"] not in HOME_POOLS:
        return [POOL_LANG[pool], POOL_LANG[pool]] + LANGS.get(party["country"], ["en"])
    return LANGS.get(party["country"], ["en"])


def direction(station: str, origin: str, departure: str | None, destination: str) -> str:
    if destination == station:
        return "import"
    if origin == station or departure == station:
        return "export"
    return "transit"


def spec_for(*, day, mode, station, origin, destination, shipper, consignee, items, category=None, payment=None,
             departure=None, transit=(), currency=None, **more) -> dict:
    departure = departure or origin
    spec = {"day": day, "mode": mode, "station": station, "origin": origin, "departure": departure,
            "transit": list(transit), "destination": destination, "shipper": shipper, "consignee": consignee,
            "items": items, "category": category, "payment": payment, "currency": currency or "EUR",
            "direction": direction(station, origin, departure, destination), "signals": []}
    spec.update(more)
    return spec


def pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), list(weights.values()))[0]


def home(rng: random.Random) -> str:
    return pick(rng, world.HOME)


def local_currency(rng: random.Random, country: str, p: float = 0.3) -> str:
    return world.PLACES[country]["currency"] if rng.random() < p else "EUR"


class Streams:
    """Each method makes the specs of one ordinary shipment (or of one order sent in several boxes)."""

    def __init__(self, rng: random.Random, pop: Population):
        self.rng = rng
        self.pop = pop

    def items(self, keys: list[str], sender: dict, n: int | None = None, **kw) -> list[dict]:
        rng = self.rng
        n = n or rng.choice([1, 1, 1, 1, 2, 2, 3])
        return [goods.item(rng, rng.choice(keys), langs_for(sender), **kw) for _ in range(n)]

    def cn_ecom_post(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        seller = pop.company("cn", "CN")
        dep = rng.choices(["CN", "CN", "CN", "BE", "HU", "NL"], k=1)[0]
        keys = ["phone_accessories", "electronics_small", "clothes", "toys", "home_goods", "cosmetics", "shoes",
                "bags", "jewellery", "tools", "fishing", "christmas", "sporting", "spare_parts"]
        its = self.items(keys, seller, hs_rate=0.8)
        cat = rng.choices(["sale_of_goods", "gift", "other", None], [0.7, 0.1, 0.1, 0.1])[0]
        return [spec_for(day=day, mode="postal", station=st, origin="CN", departure=dep, destination=st,
                         shipper=seller, consignee=pop.consumer(st), items=its, category=cat, payment="prepaid",
                         currency=rng.choice(["USD", "USD", "EUR", "CNY"]), service="ecom", stream="cn_ecom_post")]

    def cn_consol_air(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        seller = pop.company("cn", rng.choice(["CN", "CN", "HK"]))
        keys = ["phone_accessories", "electronics_small", "clothes", "toys", "home_goods", "cosmetics", "shoes",
                "bags", "christmas"]
        its = self.items(keys, seller, hs_rate=0.95)
        transit = rng.choice([["TR"], ["AE"], ["HU"], [], ["DE"]])
        return [spec_for(day=day, mode="air_cargo", station=st, origin=seller["country"], destination=st,
                         transit=transit, shipper=seller, consignee=pop.consumer(st), items=its,
                         category="sale_of_goods", payment="prepaid", currency="USD",
                         reporter="SINOLINK-CONSOL" if rng.random() < 0.7 else None, stream="cn_consol_air")]

    def eu_shop(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        origin = pick(rng, {"DE": 0.45, "AT": 0.1, "NL": 0.1, "PL": 0.1, "IT": 0.08, "GB": 0.07, "CZ": 0.05,
                            "FR": 0.05})
        trade = pick(rng, {"fashion": 0.35, "electro": 0.15, "auto": 0.15, "sport": 0.12, "general": 0.15,
                           "pharmacy": 0.08})
        keys = [k for k, t in TRADE.items() if t == trade and k not in ("hunting_optics", "hunting_clothes", "knives")]
        keys = keys or ["toys", "home_goods", "books", "christmas"]
        shop = pop.company("eu", origin, trade=trade)
        its = self.items(keys, shop, hs_rate=0.6)
        for i in its:
            if rng.random() < 0.2:
                i["origin_country"] = rng.choice(["CN", "CN", "VN", "BD", "TR", "IN"])  # made elsewhere
        mode = "express" if rng.random() < 0.7 else "postal"
        return [spec_for(day=day, mode=mode, station=st, origin=origin, destination=st, shipper=shop,
                         consignee=pop.consumer(st), items=its, category="sale_of_goods",
                         payment=rng.choice(["card", "card", "prepaid", "account"]), stream="eu_shop",
                         currency=world.PLACES[origin]["currency"] if rng.random() < 0.5 else "EUR",
                         service="ecom" if mode == "postal" else None)]

    def tr_shop(self, day):
        rng, pop = self.rng, self.pop
        st = pick(rng, {"BA": 0.3, "MK": 0.25, "AL": 0.2, "RS": 0.15, "ME": 0.1})
        shop = pop.company("tr", "TR")
        its = self.items(["clothes", "shoes", "home_goods", "jewellery", "cosmetics", "bags", "perfume", "toys"], shop)
        return [spec_for(day=day, mode="express", station=st, origin="TR", destination=st, shipper=shop,
                         transit=rng.choice([[], [], ["BG"], ["BG", "RS"] if st != "RS" else ["BG"]]),
                         consignee=pop.consumer(st), items=its, category="sale_of_goods",
                         payment=rng.choice(["card", "cash_on_delivery", "prepaid"]),
                         currency=rng.choice(["EUR", "TRY", "USD"]),
                         reporter="ANADOLU-KARGO" if rng.random() < 0.6 else None, stream="tr_shop")]

    def diaspora_in(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        abroad = pick(rng, world.DIASPORA)
        away, kin = pop.family(st, abroad)
        keys = ["clothes", "sweets_coffee", "detergent", "medicines", "toys", "shoes", "cosmetics", "car_parts",
                "home_goods", "electronics_small"]
        its = self.items(keys, away, n=rng.choice([2, 3, 3, 4, 5]), hs_rate=0.25)
        overseas = abroad in ("US", "CA", "AU")
        mode = "postal" if overseas else pick(rng, {"postal": 0.45, "road": 0.3, "express": 0.25})
        value = rng.uniform(20, 160)
        return [spec_for(day=day, mode=mode, station=st, origin=abroad, destination=st, shipper=away, consignee=kin,
                         items=its, category="gift", payment="prepaid", value_eur=value, stream="diaspora_in",
                         currency=world.PLACES[abroad]["currency"] if rng.random() < 0.6 else "EUR",
                         transit=(["AT"] if abroad == "DE" and mode == "road" and rng.random() < 0.5 else []))]

    def diaspora_out(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        abroad = pick(rng, world.DIASPORA)
        away, kin = pop.family(st, abroad)
        keys = ["food_home", "food_home", "tea_herbs", "clothes", "alcohol_home", "sweets_coffee", "documents",
                "medicines", "books"]
        its = self.items(keys, kin, n=rng.choice([1, 2, 3, 3, 4]), hs_rate=0.15)
        overseas = abroad in ("US", "CA", "AU")
        mode = "postal" if overseas else pick(rng, {"postal": 0.55, "road": 0.25, "express": 0.2})
        return [spec_for(day=day, mode=mode, station=st, origin=st, destination=abroad, shipper=kin, consignee=away,
                         items=its, category="gift", payment=rng.choice(["prepaid", "cash_on_delivery", None]),
                         value_eur=rng.uniform(8, 70), currency=local_currency(rng, st, 0.5), stream="diaspora_out")]

    def regional_c2c(self, day):
        rng, pop = self.rng, self.pop
        a, b = rng.sample(list(world.HOME), 2)
        sender = pop.consumer(a, reuse=0.2)
        its = self.items(["used_phones", "clothes", "car_parts", "tools", "shoes", "electronics_small", "books",
                          "sporting", "fishing", "collectibles"], sender, n=1, hs_rate=0.2)
        return [spec_for(day=day, mode="express", station=b if rng.random() < 0.7 else a, origin=a, destination=b,
                         shipper=sender, consignee=pop.consumer(b), items=its,
                         category=rng.choice(["sale_of_goods", "gift", "other", None]),
                         payment=rng.choice(["cash_on_delivery", "cash_on_delivery", "prepaid"]),
                         currency=local_currency(rng, a, 0.6), stream="regional_c2c")]

    def regional_b2c(self, day):
        rng, pop = self.rng, self.pop
        a = pick(rng, {"RS": 0.55, "MK": 0.2, "AL": 0.15, "BA": 0.1})
        b = rng.choice([c for c in world.HOME if c != a])
        shop = pop.company({"RS": "rs", "MK": "mk", "AL": "al", "BA": "rs"}[a], a)
        its = self.items(["electronics_small", "clothes", "cosmetics", "medicines", "toys", "home_goods",
                          "sporting", "shoes"], shop, hs_rate=0.5)
        return [spec_for(day=day, mode="express", station=b, origin=a, destination=b, shipper=shop,
                         consignee=pop.consumer(b), items=its, category="sale_of_goods",
                         payment=rng.choice(["cash_on_delivery"] * 3 + ["card"]),
                         currency=local_currency(rng, a, 0.5), stream="regional_b2c")]

    def returns(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        origin = pick(rng, {"DE": 0.6, "NL": 0.15, "PL": 0.15, "IT": 0.1})
        shop = pop.company("eu", origin, trade="fashion")
        its = self.items(["clothes", "shoes", "bags"], shop, n=1)
        return [spec_for(day=day, mode=rng.choice(["express", "postal"]), station=st, origin=st, destination=origin,
                         shipper=pop.consumer(st), consignee=shop, items=its,
                         category="returned_goods", payment="prepaid", stream="returns")]

    def documents(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        abroad = pick(rng, {**world.DIASPORA, "GB": 0.05, "TR": 0.03})
        inbound = rng.random() < 0.5
        a = pop.consumer(st, reuse=0.2) if rng.random() < 0.6 else pop.company("importer", st)
        if rng.random() >= 0.5 and abroad in world.DIASPORA:
            b = pop.family(st, abroad)[0]
        else:
            b = people.new_person(rng, abroad)
        shipper, consignee = (b, a) if inbound else (a, b)
        its = [goods.item(rng, "documents", langs_for(shipper), qty=1, hs_rate=0.1)]
        return [spec_for(day=day, mode=rng.choice(["postal", "express", "express"]), station=st,
                         origin=shipper["country"], destination=consignee["country"], shipper=shipper,
                         consignee=consignee, items=its, category="documents", payment="prepaid", value_eur=0.0,
                         service="letter", stream="documents", gross=0.0 if rng.random() < 0.01 else None)]

    def b2b_samples(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        partner = pick(rng, {"IT": 0.3, "DE": 0.3, "TR": 0.2, "AT": 0.1, "SI": 0.1})
        local = pop.company("importer", st)
        foreign = pop.company("eu" if partner != "TR" else "tr", partner)
        inbound = rng.random() < 0.5
        shipper, consignee = (foreign, local) if inbound else (local, foreign)
        its = self.items(["fabric", "bearings", "spare_parts", "clothes", "shoes", "chemicals"], shipper, hs_rate=0.85)
        return [spec_for(day=day, mode="express", station=st, origin=shipper["country"],
                         destination=consignee["country"], shipper=shipper, consignee=consignee, items=its,
                         category="commercial_sample", payment="account", value_eur=rng.uniform(5, 120),
                         stream="b2b_samples")]

    def air_cargo_general(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        kind = pick(rng, {"electronics_bulk": 0.35, "pharma_bulk": 0.25, "flowers": 0.15, "bearings": 0.15,
                          "fabric": 0.1})
        origin = {"electronics_bulk": rng.choice(["CN", "HK", "AE", "DE"]),
                  "pharma_bulk": rng.choice(["DE", "IN", "CH", "IT"]),
                  "flowers": rng.choice(["NL", "KE", "NL"]), "bearings": rng.choice(["DE", "CN", "IT"]),
                  "fabric": rng.choice(["IT", "TR", "CN"])}[kind]
        shipper = people.new_company(rng, origin, ["Global Supply", "Euro Pharma Logistics", "Flora Holland Export",
                                                   "Precision Parts", "Asia Electronics"]) if rng.random() < 0.3 \
            else pop.company("eu" if origin not in ("CN", "HK", "KE", "IN", "AE") else "cn", origin)
        qty = rng.randint(10, 120) if kind not in ("pharma_bulk", "flowers") else 1
        its = [goods.item(rng, kind, langs_for(shipper), qty=qty, hs_rate=0.98)]
        transit = {"KE": ["NL"], "CN": rng.choice([["TR"], ["AE"], ["DE"]]), "HK": [rng.choice(["QA", "TR"])],
                   "IN": [rng.choice(["AE", "TR"])]}.get(origin, [])
        return [spec_for(day=day, mode="air_cargo", station=st, origin=origin, destination=st, transit=transit,
                         shipper=shipper, consignee=pop.company("importer", st), items=its, category="sale_of_goods",
                         payment="account", currency=rng.choice(["EUR", "USD"]), stream="air_cargo_general",
                         pieces=rng.randint(1, 30))]

    def road_freight(self, day):
        rng, pop = self.rng, self.pop
        r = rng.random()
        if r < 0.4:  # Turkish trucks through the region to the EU
            st = rng.choice(["RS", "MK", "RS"])
            origin, dest = "TR", rng.choice(["DE", "AT", "NL", "IT", "HU"])
            transit = ["BG", st] if st == "RS" else ["GR", "MK", "RS"] if rng.random() < 0.5 else ["BG", "MK", "RS"]
            kind = rng.choice(["textile_bulk", "furniture", "fruit_veg", "tiles"])
        elif r < 0.75:
            st = home(rng)
            origin, dest, transit = rng.choice(["TR", "IT", "DE", "GR", "HU"]), st, []
            kind = rng.choice(["textile_bulk", "furniture", "tiles", "pharma_bulk"])
        else:
            st = rng.choice(["AL", "MK", "RS"])
            origin, dest, transit = st, rng.choice(["DE", "AT", "PL", "CZ", "HR", "SI"]), []
            kind = rng.choice(["fruit_veg", "textile_bulk", "furniture"])
        shipper = people.new_company(rng, origin, ["Tekstil Sanayi", "Agro Export", "Mobilya Fabrikası", "Fresh Fruit",
                                                   "Ceramic Works", "Logistik Trans"]) if origin not in world.HOME \
            else pop.company("importer", origin)
        consignee = pop.company("importer", dest) if dest in world.HOME else people.new_company(
            rng, dest, ["Handelshaus", "Import Centrale", "Frischmarkt", "Logistics Hub"])
        its = [goods.item(rng, kind, langs_for(shipper), qty=1, hs_rate=0.98)]
        return [spec_for(day=day, mode="road", station=st, origin=origin, destination=dest, transit=transit,
                         shipper=shipper, consignee=consignee, items=its, category="sale_of_goods", payment="account",
                         stream="road_freight", pieces=rng.randint(10, 33),
                         reporter=rng.choice([r["code"] for r in world.REPORTERS
                                              if r["ids"] == "cmr" and r["station"] == st] or [None]))]

    def sea(self, day):
        rng, pop = self.rng, self.pop
        st = rng.choice(["ME", "AL", "AL"])
        kind, origin = rng.choice([("tiles", "TR"), ("tiles", "CN"), ("furniture", "CN"), ("furniture", "TR"),
                                   ("bananas", "EC"), ("bananas", "CO"), ("textile_bulk", "CN")])
        shipper = people.new_company(rng, origin, SEA_SHIPPERS)
        its = [goods.item(rng, kind, langs_for(shipper), qty=1, hs_rate=1.0)]
        transit = rng.choice([["GR"], ["IT"], []]) if origin != "EC" else rng.choice([["ES"], ["IT"], ["PA"], []])
        return [spec_for(day=day, mode="sea", station=st, origin=origin, destination=st, transit=transit,
                         shipper=shipper, consignee=pop.company("importer", st), items=its, category="sale_of_goods",
                         payment="account", currency="USD", stream="sea", pieces=1)]

    def private_abroad(self, day):
        """Private people abroad buying and selling second-hand online, or sending a present: a sender
        (or receiver) with no shop behind it, from anywhere in Europe and beyond."""
        rng, pop = self.rng, self.pop
        st = home(rng)
        abroad = pick(rng, {"DE": 0.14, "AT": 0.07, "IT": 0.08, "HU": 0.07, "GR": 0.07, "PL": 0.06, "CZ": 0.06,
                            "HR": 0.08, "SI": 0.06, "BG": 0.05, "FR": 0.04, "ES": 0.04, "NL": 0.04, "BE": 0.02,
                            "DK": 0.02, "GB": 0.04, "US": 0.04, "TR": 0.03, "AE": 0.01, "IN": 0.01, "SE": 0.02})
        person = people.new_person(rng, abroad)
        local = pop.consumer(st)
        inbound = rng.random() < 0.7
        shipper, consignee = (person, local) if inbound else (local, person)
        its = self.items(["used_phones", "clothes", "car_parts", "tools", "books", "collectibles", "sporting",
                          "fishing", "electronics_small", "toys", "shoes", "spare_parts"], shipper, n=1, hs_rate=0.3)
        return [spec_for(day=day, mode=pick(rng, {"postal": 0.55, "express": 0.45}), station=st,
                         origin=shipper["country"], destination=consignee["country"], shipper=shipper,
                         consignee=consignee, items=its, category=rng.choice(["sale_of_goods", "gift", "other", None]),
                         payment=rng.choice(["prepaid", "prepaid", "card", "other"]), stream="private_abroad",
                         currency=local_currency(rng, shipper["country"], 0.5) if shipper["country"] in world.PLACES
                         else "EUR")]

    def pharmacy(self, day):
        rng, pop = self.rng, self.pop
        st = home(rng)
        origin = rng.choice(["IN", "DE", "DE", "GB", "NL"])
        shop = pop.company("eu", origin, trade="pharmacy") if origin != "IN" else people.new_company(
            rng, "IN", ["Healthcare Pharmacy", "Life Meds Export", "Sun Generic Remedies"])
        its = self.items(["medicines"], shop, n=rng.choice([1, 2, 3]), hs_rate=0.7)
        return [spec_for(day=day, mode=rng.choice(["postal", "express"]), station=st, origin=origin, destination=st,
                         shipper=shop, consignee=pop.consumer(st), items=its, category="sale_of_goods",
                         payment="card", stream="pharmacy", service="ecom",
                         currency=rng.choice(["EUR", "USD", world.PLACES[origin]["currency"]]),
                         transit=(["AE"] if origin == "IN" and rng.random() < 0.5 else []),
                         pattern="lookalike_pharmacy", lookalike=True, signals=["medicines_by_post"])]


ORDINARY = {  # stream: (share of ordinary traffic, calendar factor)
    "cn_ecom_post": (0.20, ("ecom", "cn")), "cn_consol_air": (0.07, ("ecom", "cn")), "eu_shop": (0.12, "ecom"),
    "tr_shop": (0.06, "ecom"), "diaspora_in": (0.12, "diaspora"), "diaspora_out": (0.08, "diaspora"),
    "regional_c2c": (0.09, None), "regional_b2c": (0.065, "ecom"), "returns": (0.03, "ecom"),
    "documents": (0.05, None), "b2b_samples": (0.04, None), "air_cargo_general": (0.035, None),
    "road_freight": (0.025, None), "sea": (0.01, None), "pharmacy": (0.015, None), "private_abroad": (0.035, None),
}
WEEKDAY = {  # Monday .. Sunday
    "postal": [1.25, 1.15, 1.1, 1.1, 1.05, 0.45, 0.05], "express": [1.2, 1.1, 1.1, 1.05, 1.15, 0.55, 0.08],
    "air_cargo": [1.0, 1.15, 0.9, 1.15, 1.0, 1.15, 0.6], "road": [0.9, 1.0, 1.0, 1.0, 1.0, 1.2, 0.9],
    "sea": [0.2, 2.4, 0.2, 2.0, 0.2, 0.8, 0.2],
}
STREAM_MODE = {"cn_ecom_post": "postal", "cn_consol_air": "air_cargo", "eu_shop": "express", "tr_shop": "express",
               "diaspora_in": "road", "diaspora_out": "postal", "regional_c2c": "express", "regional_b2c": "express",
               "returns": "express", "documents": "postal", "b2b_samples": "express", "air_cargo_general": "air_cargo",
               "road_freight": "road", "sea": "sea", "pharmacy": "postal", "private_abroad": "postal"}


def day_weights(start: dt.date, days: int, factor, mode: str) -> list[float]:
    """Relative volume of a stream on each day: its mode's weekday rhythm times its calendar factors."""
    factors = (factor,) if isinstance(factor, str) else factor or ()
    out = []
    for i in range(days):
        d = start + dt.timedelta(days=i)
        w = WEEKDAY[mode][d.weekday()]
        for f in factors:
            w *= world.season(d)[f]
        if d.month == 1 and d.day in (1, 2) or d.month == 12 and d.day == 25 and mode != "air_cargo":
            w *= 0.25  # public holidays
        out.append(w)
    return out
