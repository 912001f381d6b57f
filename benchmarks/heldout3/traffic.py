"""Ordinary traffic: who sends what to whom in the region, and the routes, dates, money and paperwork
of each shipment. Contraband (threats.py) is built with the same functions, so what differs between
an innocent and an illicit parcel is what was planted, not how the record was made."""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.heldout3 import identifiers as ids
from benchmarks.heldout3.goods import CATALOG, ESHOP_GOODS, PRIVATE_GOODS, TRADER_GOODS
from benchmarks.heldout3.people import strip_diacritics, to_latin
from benchmarks.heldout3.world import (AIRPORT, BY_CODE, DIRECTIONS, EUR_RATE, EXPORT_DESTINATIONS, FLIGHT_PREFIX,
                                       FOREIGN_CURRENCY, HOME_CURRENCY, IMPORT_ORIGINS, MODE_SHARE, REGION, REPORTERS,
                                       Line, Party, Reporter, Shipment, description_language, goods_lines, local_date, local_iso,
                                       make_locker, make_org, make_person, new_id, pick, render_party, utc_offset)

DIASPORA_HOSTS = ["DE", "AT", "CH", "SE", "IT", "FR", "NL", "BE", "GB", "US"]
ESHOP_COUNTRIES = ["DE", "AT", "CH", "IT", "NL", "PL", "CZ", "TR", "US", "GB", "FR", "HU", "SK"]
HOME_COMMUNITY = {"RS": "sr", "BA": "bs", "ME": "me", "MK": "mk", "AL": "sq", "XK": "sq", "BG": "bg", "HR": "hr"}


def zipf_pick(rng: random.Random, pool: list, a: float = 0.3):
    """Some customers and shops appear again and again, most once or twice."""
    n = len(pool)
    i = min(n - 1, int(n * rng.random() ** (1 + a)))
    return pool[i]


class Population:
    """Everyone who sends or receives in ordinary traffic, made once per run from the seed."""

    def __init__(self, rng: random.Random, n_shipments: int, start: dt.date):
        self.rng = rng
        scale = max(1.0, n_shipments / 1000)
        self.residents = {c: [make_person(rng, c) for _ in range(int(170 * scale * w))]
                          for c, w in {"RS": 1.6, "BA": 1.0, "ME": 0.4, "MK": 0.8, "AL": 0.8, "XK": 0.7, "BG": 1.3, "HR": 0.9}.items()}
        self.diaspora = {h: [make_person(rng, h, lang=rng.choice(["sr", "bs", "sq", "mk", "hr", "me", "sr", "sq"]))
                             for _ in range(int(60 * scale))] for h in DIASPORA_HOSTS}
        self.locals_abroad = {h: [make_person(rng, h) for _ in range(int(20 * scale))] for h in DIASPORA_HOSTS + ["TR", "HU", "GR", "IT"]}
        self.cn_sellers = [make_org(rng, "CN") for _ in range(int(40 * scale))]
        self.eshops = {c: [make_org(rng, c, trade=rng.choice(["Shop", "Versand", "Store", "Online", "Handel", "Trade"]))
                           for _ in range(int(6 * scale) + 2)] for c in ESHOP_COUNTRIES}
        self.region_shops = {c: [make_org(rng, c, trade=rng.choice(["Shop", "Online", "Market", "Store"])) for _ in range(int(5 * scale) + 2)]
                             for c in REGION}
        self.traders = {c: [make_org(rng, c) for _ in range(int(5 * scale) + 2)] for c in REGION + ESHOP_COUNTRIES + ["CN", "IN", "AE", "GR"]}
        self.hobby_shops = [make_org(rng, c, trade=rng.choice(["Airsoft", "Jagd & Sport", "Lov i ribolov", "Outdoor", "Tactical"]))
                            for c in ["DE", "AT", "CZ", "SI", "HR", "RS", "HU", "PL", "IT", "BG"] for _ in range(2)]
        self.part_traders = [make_org(rng, c, trade=rng.choice(["Autoteile", "Auto delovi", "Auto Parts", "Autodijelovi", "Oto Parça"]))
                             for c in ["DE", "PL", "AT", "IT", "TR", "RS", "BA", "MK", "BG", "HR", "AL", "XK"] for _ in range(2)]
        self.lockers = {c: [make_locker(rng, c) for _ in range(max(6, int(8 * scale)))] for c in REGION + ["DE", "AT", "CH", "SE"]}
        self.start = start
        for shop in self.part_traders + self.hobby_shops:
            shop.tags = ("trade_shop",)

    def resident(self, country: str) -> Party:
        return zipf_pick(self.rng, self.residents[country])

    def private_abroad(self, country: str) -> Party:
        if country in self.diaspora and self.rng.random() < 0.65:
            return zipf_pick(self.rng, self.diaspora[country])
        if country in self.locals_abroad:
            return zipf_pick(self.rng, self.locals_abroad[country])
        return make_person(self.rng, country)

    def foreign_seller(self, country: str) -> Party:
        if country == "CN":
            return zipf_pick(self.rng, self.cn_sellers, 1.2)
        if country in self.eshops and self.rng.random() < 0.7:
            return zipf_pick(self.rng, self.eshops[country], 0.8)
        if country in self.traders:
            return self.rng.choice(self.traders[country])
        return make_org(self.rng, country)


def other_region(rng: random.Random, home: str) -> str:
    return rng.choice([c for c in REGION if c != home])


def choose_reporter(rng: random.Random, mode: str | None = None) -> Reporter:
    mode = mode or pick(rng, MODE_SHARE)
    pool = [r for r in REPORTERS if r.mode == mode]
    return rng.choices(pool, weights=[r.weight for r in pool])[0]


def day_moment(rng: random.Random, reporter: Reporter, day: dt.date) -> dt.datetime:
    """A report time on that local day: office hours for posts and couriers, round the clock for airlines."""
    if reporter.mode in ("postal", "express"):
        hour = rng.choices(range(6, 23), weights=[1, 3, 6, 8, 8, 7, 6, 6, 7, 8, 8, 7, 5, 4, 3, 2, 1])[0]
    else:
        hour = rng.randrange(24)
    local = dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)))
    clock = reporter.clock if reporter.clock != "UTC" else ("EET" if reporter.country == "BG" else "CET")
    off = utc_offset(clock, dt.datetime.combine(day, dt.time(12), dt.timezone.utc))
    moment = (local - off).replace(tzinfo=dt.timezone.utc)
    # keep the reported local day equal to `day` whatever the clock writes
    if local_date(reporter.clock, moment) != day and reporter.clock == "UTC":
        moment = dt.datetime.combine(day, dt.time(rng.randrange(0, 22), rng.randrange(60)), dt.timezone.utc)
    return moment


def eur_to(currency: str, eur: float) -> float:
    return round(eur * EUR_RATE[currency], 2 if EUR_RATE[currency] < 20 else 0)


def currency_for(rng: random.Random, direction: str, origin: str, reporter: Reporter) -> str:
    if direction == "export":
        return HOME_CURRENCY[reporter.country] if rng.random() < 0.45 else "EUR"
    if origin in FOREIGN_CURRENCY:
        return rng.choice(FOREIGN_CURRENCY[origin])
    if origin in HOME_CURRENCY:
        return HOME_CURRENCY[origin] if rng.random() < 0.5 else "EUR"
    return "EUR"


def styles(rng: random.Random, reporter: Reporter, shipper: Party, consignee: Party, *, foreign_system: bool) -> tuple[str, str]:
    """How each name is written in this record: the reporter's system, and who typed it (a foreign web shop
    gets the buyer's name in Latin)."""
    if reporter.ascii_names:
        return "ascii", "ascii"

    def one(p: Party, typed_abroad: bool) -> str:
        if p.country != reporter.country or typed_abroad:
            return "latin" if rng.random() < 0.6 else "ascii"
        return "native" if rng.random() < 0.75 else ("latin" if rng.random() < 0.7 else "ascii")
    return one(shipper, False), one(consignee, foreign_system)


def ascii_latin(text: str, country: str) -> str:
    lang = {"MK": "mk", "BG": "bg"}.get(country, "sr")
    return strip_diacritics(to_latin(text, lang)) if not text.isascii() else text


def assemble(rng: random.Random, used: set, *, reporter: Reporter, direction: str, origin: str, destination: str, day: dt.date,
             shipper: Party, consignee: Party, lines: list[Line], category: str | None, payment: str | None,
             business: bool, foreign_system: bool = False, consignee_street: str | None = None,
             consignee_name: str | None = None, shipper_name: str | None = None, phone_style: int | None = None) -> Shipment:
    """One shipment record from its parts: ids, names as written, weight and value, route and dates."""
    mode = reporter.mode
    s_style, c_style = styles(rng, reporter, shipper, consignee, foreign_system=foreign_system)
    phone_p = {"postal": 0.45, "express": 0.93, "air_cargo": 0.6, "road": 0.4, "sea": 0.5}[mode]
    email_p = {"postal": 0.2, "express": 0.65, "air_cargo": 0.45, "road": 0.2, "sea": 0.3}[mode]
    ship = render_party(rng, shipper, style=s_style, phone=rng.random() < phone_p * 0.8, email=rng.random() < email_p * 0.7,
                        postcode=rng.random() < 0.9, name=shipper_name)
    cons = render_party(rng, consignee, style=c_style, phone=rng.random() < phone_p, email=rng.random() < email_p,
                        id_number=(direction == "import" and rng.random() < {"express": 0.2, "air_cargo": 0.35}.get(mode, 0.03)),
                        postcode=rng.random() < 0.93, name=consignee_name, street=consignee_street, phone_style=phone_style)
    if reporter.ascii_names:   # the reporter's system keeps unaccented Latin only, whatever was typed
        for side in (ship, cons):
            for f in ("name", "street", "city"):
                side[f] = ascii_latin(side[f], side["country"])
    net = sum(line.net_kg for line in lines)
    docs = category == "documents"
    gross = net + (rng.uniform(0.01, 0.08) if docs else net * rng.uniform(0.03, 0.22) + rng.uniform(0.05, 0.45))
    if mode in ("air_cargo", "road", "sea"):
        gross = net * rng.uniform(1.02, 1.12) + rng.uniform(1, 25)
    value = sum(line.value_eur for line in lines)
    moment = day_moment(rng, reporter, day)
    sid = new_id(rng, reporter, origin, direction, used)
    s = Shipment(reporter, sid, moment, direction, origin, destination, ship, cons, lines, category, payment,
                 None, round(gross, 3), round(value, 2), parties=(shipper, consignee))
    s.show_net = rng.random() < {"postal": 0.8, "express": 0.45, "air_cargo": 0.7, "road": 0.6, "sea": 0.7}[mode]
    s.show_hs = rng.random() < (0.85 if shipper.country == "CN" else 0.97 if mode in ("air_cargo", "sea", "road")
                                else 0.6 if business else 0.25)
    if not docs or rng.random() < 0.3:
        s.currency = currency_for(rng, direction, origin, reporter)
    else:
        s.value_eur = None
    if mode == "air_cargo":
        s.pieces = rng.randint(1, 30)
    elif mode == "road":
        s.pieces = rng.randint(1, 33)
    elif mode == "express" and rng.random() < 0.06:
        s.pieces = rng.randint(2, 3)
    route(rng, s)
    if mode == "express" and rng.random() < 0.7:
        party = shipper
        if party.account is None:
            party.account = f"{reporter.code.split('-')[0][:3]}{rng.randrange(10**5, 10**6)}"
            back = rng.choices([rng.randint(400, 3000), rng.randint(30, 400), rng.randint(0, 30)], weights=[6, 3, 1])[0]
            party.account_opened = day - dt.timedelta(days=back)
        s.extra["customer_account"] = party.account
        s.extra["account_opened"] = party.account_opened.isoformat()
    return s


HUBS = {"CN": [["NL"], ["BE"], ["HU"], ["DE"], ["TR"]], "US": [["DE"], ["GB"], ["NL"]], "TR": [["BG"]],
        "IN": [["AE"]], "AE": [], "BR": [["PT"]], "EC": [["ES"], ["NL"]], "CO": [["ES"]]}


def route(rng: random.Random, s: Shipment) -> None:
    """Departure, transit, carrier, conveyance, master reference and dates as each mode reports them."""
    mode, r = s.reporter.mode, s.reporter
    s.departure = s.origin
    if mode in ("postal", "express", "air_cargo") and s.origin in HUBS and HUBS[s.origin] and rng.random() < 0.25:
        s.transit = list(rng.choice(HUBS[s.origin]))
    if mode == "express" and r.code.startswith("UNIX") and s.origin not in ("DE",) and rng.random() < 0.4:
        s.transit = ["DE"]
    if mode == "road":
        if s.direction == "transit":
            path = {"RS": ["BG", "RS", "HU"], "BG": ["BG", "RO"], "MK": ["GR", "MK", "RS"]}[r.country]
            s.transit = [c for c in path if c not in (s.origin, s.destination)]
        s.conveyance = rng.choice([f"{rng.randint(10, 81)} {''.join(rng.choice('ABCDEFGHKLMNPRSTVYZ') for _ in range(3))} {rng.randint(100, 999)}",
                                   f"BG{rng.randint(1000, 9999)}{rng.choice(['AB', 'KK', 'CA'])}",
                                   f"BG {rng.randint(100, 999)}-{rng.choice('ABCDEK')}{rng.choice('ABCDEK')}"])
    elif mode == "sea":
        s.departure = s.origin
        s.transit = rng.choice([[], ["GR"], ["IT"], ["MT"], ["ES"]]) if s.origin not in ("GR", "IT") else []
        s.conveyance = f"{rng.choice(['MSC ANNA', 'MAERSK KOLKATA', 'CMA CGM TIGRIS', 'ADRIA FEEDER', 'ZIM VIRGINIA'])} {rng.randint(100, 999)}{rng.choice('EWNS')}"
        s.master_ref = s.shipment_id
        s.extra["bill_of_lading"] = f"{s.shipment_id[:4]}{rng.randrange(10**8, 10**9)}"
    else:
        here = AIRPORT.get(r.country, "BEG")
        there = AIRPORT.get(s.origin if s.direction != "export" else s.destination, "FRA")
        airline = FLIGHT_PREFIX.get(r.scheme[4:], rng.choice(["JU", "TK", "LH", "OS", "W6", "QR"])) if mode == "air_cargo" \
            else rng.choice(["JU", "TK", "LH", "OS", "QR", "LX", "FZ"])
        s.conveyance = f"{airline} {rng.randint(100, 1999)}" if rng.random() < 0.8 else f"{airline}{rng.randint(100, 1999)}"
        if mode == "postal" and rng.random() < 0.7:
            origin_office = (s.origin if s.direction != "export" else r.country) + (there if s.direction != "export" else here) + "A"
            dest_office = (r.country if s.direction != "export" else s.destination) + (here if s.direction != "export" else there) + "A"
            s.master_ref = ids.receptacle(rng, origin_office[:6], dest_office[:6], s.moment.year, s.gross_kg * 8)
        elif mode == "air_cargo" and r.scheme == "hawb":
            s.master_ref = ids.awb(rng, rng.choice(["115", "235", "020", "157", "176", "057"]))
        elif mode == "express" and rng.random() < 0.3:
            s.master_ref = f"{r.code[:4]}-BAG-{rng.randrange(10**6):06d}"
        if mode == "air_cargo" and s.direction == "transit":
            s.transit = [r.country]
    day = s.moment.date()
    if s.direction == "export":
        dep = day + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
        arr = dep + dt.timedelta(days=rng.randint(1, 9))
    else:
        travel = {"postal": (5, 20) if s.origin == "CN" else (2, 9), "express": (1, 5), "air_cargo": (0, 2),
                  "road": (1, 4), "sea": (12, 30)}[mode]
        arr = day + dt.timedelta(days=rng.randint(0, 3))
        dep = arr - dt.timedelta(days=rng.randint(*travel))
    if rng.random() < {"postal": 0.55, "express": 0.8, "air_cargo": 0.95, "road": 0.9, "sea": 0.95}[mode]:
        s.departure_date = dep
    if rng.random() < {"postal": 0.35, "express": 0.6, "air_cargo": 0.9, "road": 0.7, "sea": 0.9}[mode]:
        s.arrival_date = arr


# --- ordinary shipments ----------------------------------------------------------------------------

def ordinary(rng: random.Random, pop: Population, used: set, day: dt.date, *, reporter: Reporter | None = None) -> Shipment:
    """One innocent shipment of the kind that fills the reporters' feeds."""
    reporter = reporter or choose_reporter(rng)
    mode, home = reporter.mode, reporter.country
    direction = pick(rng, DIRECTIONS[mode])
    if mode in ("air_cargo", "sea", "road"):
        return _cargo(rng, pop, used, day, reporter, direction)
    if direction == "import":
        origin = pick(rng, IMPORT_ORIGINS[mode])
        if origin == "*":
            origin = other_region(rng, home)
        destination = home
        consignee = pop.resident(home)
        r = rng.random()
        if origin in REGION:
            shipper = pop.region_shops[origin][0] if r < 0.3 else pop.resident(origin)
            shipper = rng.choice(pop.region_shops[origin]) if r < 0.3 else shipper
            business = r < 0.3
        elif origin in DIASPORA_HOSTS and r < (0.45 if mode == "postal" else 0.3):
            shipper, business = pop.private_abroad(origin), False
        else:
            shipper, business = pop.foreign_seller(origin), True
        if business and rng.random() < 0.03:
            consignee = rng.choice(pop.traders[home])
    else:
        origin, destination = home, pick(rng, EXPORT_DESTINATIONS)
        if destination == "*":
            destination = other_region(rng, home)
        r = rng.random()
        shipper = pop.resident(home) if r < 0.72 else rng.choice(pop.region_shops[home] + pop.traders[home])
        business = r >= 0.72
        if destination in REGION:
            consignee = pop.resident(destination)
        elif destination in pop.diaspora and rng.random() < 0.7:
            consignee = zipf_pick(rng, pop.diaspora[destination])
        else:
            consignee = pop.private_abroad(destination) if not business or rng.random() < 0.6 else pop.foreign_seller(destination)
    if shipper.country == "CN" or (business and shipper.kind == "org"):
        kinds = ESHOP_GOODS if not (shipper in pop.traders.get(shipper.country, [])) else TRADER_GOODS
    else:
        kinds = PRIVATE_GOODS
    goods = CATALOG[rng.choice(kinds)]
    lang = description_language(rng, shipper.country, consignee.country, business=business)
    lines = goods_lines(rng, goods, lang, n_lines=rng.choices([1, 2, 3, 4], weights=[62, 24, 10, 4])[0] if goods.key != "documents" else 1)
    if len(lines) > 1 and rng.random() < 0.6:   # a parcel of mixed goods
        extra = CATALOG[rng.choice(kinds)]
        if extra.key != "documents":
            lines[-1:] = goods_lines(rng, extra, lang)
    if goods.key == "documents":
        category = "documents"
    elif business:
        category = rng.choices(["sale_of_goods", "commercial_sample", "other", "returned_goods", None], weights=[70, 4, 8, 3, 15])[0]
    else:
        category = rng.choices(["gift", "other", "sale_of_goods", "returned_goods", None], weights=[62, 12, 8, 4, 14])[0]
    payment = usual_payment(rng, mode, origin, destination)
    s = assemble(rng, used, reporter=reporter, direction=direction, origin=origin, destination=destination, day=day,
                 shipper=shipper, consignee=consignee, lines=lines, category=category, payment=payment, business=business,
                 foreign_system=(direction == "import" and business and origin not in REGION))
    s.goods = goods.key
    return s


def usual_payment(rng: random.Random, mode: str, origin: str, destination: str) -> str | None:
    """How parcels are paid: cash on delivery is everyday practice for couriers inside the region."""
    if mode == "express":
        cod = 0.45 if origin in REGION and destination in REGION else 0.08
        return rng.choices(["cash_on_delivery", "prepaid", "card", "account", None], weights=[cod * 100, 30, 25, 15, 10])[0]
    if rng.random() < 0.3:
        return rng.choice(["prepaid", "prepaid", "card", "other"])
    return None


def _cargo(rng: random.Random, pop: Population, used: set, day: dt.date, reporter: Reporter, direction: str) -> Shipment:
    home, mode = reporter.country, reporter.mode
    if direction == "import":
        origin = pick(rng, IMPORT_ORIGINS[mode])
        origin = other_region(rng, home) if origin == "*" else origin
        destination = home
    elif direction == "export":
        origin, destination = home, rng.choice(["DE", "IT", "AT", "TR", "CH", "NL", "US", "GR", "HU", "FR"])
    else:
        origin = rng.choice(["TR", "TR", "CN", "AE", "IN", "GR"]) if mode != "road" else "TR"
        destination = rng.choice(["HU", "AT", "DE", "CZ", "SK", "PL"]) if mode == "road" else other_region(rng, home)
    shipper = pop.foreign_seller(origin) if origin not in REGION else rng.choice(pop.traders[origin])
    if origin in pop.traders and rng.random() < 0.6:
        shipper = rng.choice(pop.traders[origin])
    consignee = rng.choice(pop.traders[destination]) if destination in pop.traders else make_org(rng, destination)
    goods = CATALOG["bulk" if mode in ("sea", "road") else rng.choice(["industrial", "industrial", "fabric", "machine_parts", "electronics"])]
    lines = goods_lines(rng, goods, "en" if rng.random() < 0.8 else "tr" if origin == "TR" else "de",
                        n_lines=rng.choices([1, 2, 3], weights=[60, 30, 10])[0],
                        scale=1.0 if goods.key in ("industrial", "fabric", "bulk") else 8.0)
    s = assemble(rng, used, reporter=reporter, direction=direction, origin=origin, destination=destination, day=day,
                 shipper=shipper, consignee=consignee, lines=lines,
                 category=rng.choice(["sale_of_goods", "sale_of_goods", "other", None]),
                 payment=rng.choice(["account", "prepaid", None]), business=True)
    s.goods = goods.key
    return s


# --- the record ------------------------------------------------------------------------------------

def to_record(rng: random.Random, s: Shipment, moment: dt.datetime | None = None) -> dict:
    """records.md §1, fields in a stable order; money converted to the declared currency."""
    r = s.reporter
    rec: dict = {"reporter": r.code, "shipment_id": s.shipment_id,
                 "reported_at": _stamp(r, moment or s.moment), "mode": r.mode, "direction": s.direction}
    if s.category:
        rec["category"] = s.category
    rec["origin_country"] = s.origin
    if s.departure:
        rec["departure_country"] = s.departure
    if s.transit:
        rec["transit_countries"] = list(s.transit)
    rec["destination_country"] = s.destination
    if s.departure_date:
        rec["departure_date"] = s.departure_date.isoformat()
    if s.arrival_date:
        rec["arrival_date"] = s.arrival_date.isoformat()
    rec["carrier"] = r.carrier if r.mode != "road" else "road haulier"
    if s.conveyance:
        rec["conveyance_ref"] = s.conveyance
    if s.master_ref:
        rec["master_ref"] = s.master_ref
    rec["shipper"] = dict(s.shipper)
    rec["consignee"] = dict(s.consignee)
    rec["pieces"] = s.pieces
    rec["gross_weight_kg"] = round(s.gross_kg, 3 if s.gross_kg < 100 else 1)
    if s.value_eur is not None and s.currency:
        rec["declared_value"] = eur_to(s.currency, s.value_eur)
        rec["currency"] = s.currency
    if s.payment:
        rec["payment_method"] = s.payment
    items = []
    for line in s.lines:
        item: dict = {"description": line.description}
        if s.show_hs and line.hs:
            item["hs_code"] = line.hs
        item["quantity"] = line.qty
        if s.show_net:
            item["net_weight_kg"] = round(line.net_kg, 3)
        if s.currency and s.value_eur is not None:
            item["value"] = eur_to(s.currency, line.value_eur)
            if rng.random() < 0.5:
                item["currency"] = s.currency
        if line.origin:
            item["origin_country"] = line.origin
        items.append(item)
    rec["items"] = items
    rec.update(s.extra)
    return rec


def _stamp(r: Reporter, moment: dt.datetime) -> str:
    return local_iso(r.clock, moment, zulu=r.mode == "air_cargo")
