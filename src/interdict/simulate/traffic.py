"""Ordinary shipments: who sends what to whom, by which reporter, and how it is written down.

Every shipment, innocent or not, is drawn as a `Parcel` by `Traffic.parcel` and written by
`Traffic.render`: the threat scenarios only change the parcel's parties, goods, weights and route.
That is what keeps illicit records free of generator artefacts (no field only they set).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random
from typing import Any

from interdict.ingest.identifiers import awb_id, container_id, s10_id
from interdict.simulate.catalogue import Catalogue, Good, WeightedChoice
from interdict.simulate.identities import Party, PartyFactory, Population, format_phone

# Shares of ordinary traffic. Postal operators see mostly small e-commerce packets; express
# couriers more cash on delivery; air cargo, sea and road are business to business.
ITEM_COUNTS = WeightedChoice({1: 65, 2: 22, 3: 9, 4: 3, 5: 1})
CATEGORY_PERSON_TO_PERSON = WeightedChoice(
    {"gift": 55, "sale_of_goods": 15, "documents": 8, "other": 10, "returned_goods": 2, None: 10}
)
CATEGORY_FROM_BUSINESS = WeightedChoice(
    {"sale_of_goods": 72, "commercial_sample": 5, "gift": 6, "other": 5, "returned_goods": 2, None: 10}
)
CATEGORY_CARGO = WeightedChoice({"sale_of_goods": 45, "commercial_sample": 8, "other": 12, None: 35})
PAYMENT_EXPRESS = WeightedChoice(
    {"cash_on_delivery": 30, "prepaid": 35, "card": 20, "account": 5, "other": 2, None: 8}
)
PAYMENT_POSTAL = WeightedChoice({"prepaid": 62, "card": 12, "cash_on_delivery": 7, "other": 2, None: 17})
PAYMENT_CARGO = WeightedChoice({"account": 55, "prepaid": 25, "other": 5, None: 15})
S10_SMALL = WeightedChoice({"LP": 4, "UA": 3, "RR": 3, "LX": 1})
S10_LARGE = WeightedChoice({"CP": 6, "CX": 1, "EE": 2, "RR": 1})
ENGLISH_WRITERS = {"CN", "US", "GB", "NL", "SE", "FR", "IT", "CZ", "EC", "CO", "BR", "BG", "GR", "SI"}
WRONG_CHECK_DIGIT = 0.015


@dataclass(frozen=True, slots=True, eq=False)
class Lane:
    """One reporter's data about one administration's traffic."""

    reporter: str
    mode: str
    country: str
    office: str
    spec: dict[str, Any]


class Item:
    __slots__ = ("good", "description", "hs", "quantity", "net_kg", "value_eur")

    def __init__(self, good: Good, description: str, hs: str | None, quantity: int, net_kg: float, value_eur: float):
        self.good = good
        self.description = description
        self.hs = hs
        self.quantity = quantity
        self.net_kg = net_kg
        self.value_eur = value_eur


class Parcel:
    """One shipment before it is written: the facts, and how its paperwork will read."""

    __slots__ = (
        "day", "seconds", "lane", "direction", "origin", "destination", "departure", "transit",
        "shipper", "consignee", "shipper_name", "consignee_name", "consignee_address",
        "consignee_phone", "consignee_email", "items", "category", "payment", "gross_kg", "currency",
        "id_valid", "shipment_id", "pieces", "shows", "hidden", "truth", "scale",
    )

    def __init__(self):
        for slot in self.__slots__:
            setattr(self, slot, None)

    @property
    def value_eur(self) -> float:
        return sum(item.value_eur for item in self.items)

    def declared_gross(self) -> float:
        if self.gross_kg is not None:
            return self.gross_kg
        return sum(item.net_kg for item in self.items)


# Which optional fields a reporter fills in is a property of its feed, decided per record at
# random and identically for every parcel: shows[i] is one of these.
SHOWS = (
    "dates", "carrier", "master_ref", "shipper_phone", "shipper_email", "consignee_phone",
    "consignee_email", "id_number", "net_weights", "item_origin", "item_value", "item_currency",
    "pieces", "departure", "shipper_street",
)
SHOW_RATES = (0.65, 0.5, 0.35, 0.5, 0.35, 0.88, 0.6, 0.25, 0.6, 0.3, 0.85, 0.7, 0.7, 0.55, 0.9)


class Traffic:
    """Draws and writes ordinary shipments; the scenarios in `threats` build on it."""

    def __init__(self, *, catalogue: Catalogue, rng: Random, start: date, days: int, shipments: int):
        self.cat = catalogue
        self.rng = rng
        self.start = start
        self.days = days
        self.factory = PartyFactory(catalogue, rng)
        self._lanes = self._build_lanes()
        self._ordinary_goods = WeightedChoice({g: g.share for g in catalogue.goods.values() if g.share > 0})
        self._gift_goods = [g for g in catalogue.goods.values() if "gift" in g.classes or "food" in g.classes]
        self._currencies = {c: WeightedChoice(spec["currencies"]) for c, spec in catalogue.countries.items()}
        self._serials: dict[tuple[str, str], int] = {}
        self._day_prefix: dict[int, tuple[str, str]] = {}
        self.residents, self.diaspora, self.foreigners, self.businesses = self._build_populations(shipments)
        self.origins = {mode: catalogue.choice(f"{mode}_origins") for mode in ("postal", "express", "air_cargo", "sea", "road")}
        self.diaspora_countries = catalogue.choice("diaspora")

    # -- set-up -----------------------------------------------------------------------------------
    def _build_lanes(self) -> WeightedChoice[Lane]:
        weights = {}
        offices = self.cat.reporters["air_cargo_offices"]
        for mode in ("postal", "express", "air_cargo", "sea", "road"):
            for reporter, spec in self.cat.reporters[mode].items():
                total = sum(spec["countries"].values())
                for country, weight in spec["countries"].items():
                    office = spec.get("office") or offices[country]
                    weights[Lane(reporter, mode, country, office, spec)] = spec["share"] * weight / total
        return WeightedChoice(weights)

    def _build_populations(self, shipments: int):
        factory = self.factory
        region = self.cat.groups["region"]
        share = {"RS": 30, "MK": 17, "BA": 20, "AL": 15, "ME": 6, "HR": 12}
        size = min(max(shipments // 3, 3000), 300_000)
        residents = {}
        for country in region:
            count = max(200, size * share[country] // 100)
            parties = [factory.person(country) for _ in range(count)]
            residents[country] = Population(parties, skew=2.2)
        diaspora = {}
        for country in self.cat.groups["diaspora"]:
            count = min(max(shipments // 60, 150), 20_000)
            diaspora[country] = Population(
                [factory.person(self.rng.choice(region), home=country) for _ in range(count)], skew=2.0
            )
        foreigners, businesses = {}, {}
        for country in self.cat.countries:
            count = min(max(shipments // 200, 60), 5_000)
            foreigners[country] = Population([factory.person(country) for _ in range(count // 2)], skew=1.5)
            merchants = count * (4 if country == "CN" else 1)
            businesses[country] = Population([factory.company(country) for _ in range(merchants)], skew=2.5)
        return residents, diaspora, foreigners, businesses

    # -- drawing ------------------------------------------------------------------------------------
    def lane(self, *, mode: str | None = None, country: str | None = None, modes: tuple[str, ...] | None = None) -> Lane:
        for _ in range(200):
            lane = self._lanes.pick(self.rng)
            if (mode is None or lane.mode == mode) and (country is None or lane.country == country) and (
                modes is None or lane.mode in modes
            ):
                return lane
        raise LookupError(f"no reporter carries {mode or modes} traffic for {country}")

    def currency(self, country: str) -> str:
        """A currency a shipper in `country` declares in."""
        return self._currencies[country if country in self._currencies else "DE"].pick(self.rng)

    def resident(self, country: str) -> Party:
        return self.residents[country].draw(self.rng)

    def business(self, country: str) -> Party:
        return self.businesses[country].draw(self.rng)

    def parcel(self, day: int, *, lane: Lane | None = None, direction: str | None = None) -> Parcel:
        """An ordinary shipment on `day` (0 = the first day of the period)."""
        rng = self.rng
        cat = self.cat
        lane = lane or self._lanes.pick(rng)
        if direction is None:
            u = rng.random()
            direction = "import" if u < 0.78 else "export" if u < 0.96 else "transit"
        p = Parcel()
        p.day = day
        p.seconds = int(21_600 + 61_200 * rng.random() ** 1.3)
        p.lane = lane
        p.direction = direction
        home = lane.country
        if direction == "import":
            origin = self.origins[lane.mode].pick(rng)
            if origin == home:
                origin = "DE"
            p.origin, p.destination = origin, home
            p.shipper = self._sender_from(origin, home)
            p.consignee = self.resident(home) if rng.random() < 0.9 or lane.mode == "postal" else self.business(home)
        elif direction == "export":
            destination = self.diaspora_countries.pick(rng) if rng.random() < 0.8 else rng.choice(cat.groups["region"])
            if destination == home:
                destination = "AT"
            p.origin, p.destination = home, destination
            p.shipper = self.resident(home) if rng.random() < 0.85 else self.business(home)
            if destination in self.diaspora and rng.random() < 0.65:
                p.consignee = self.diaspora[destination].draw(rng)
            elif rng.random() < 0.7:
                p.consignee = self.foreigners[destination].draw(rng) if destination in self.foreigners else self.resident(destination)
            else:
                p.consignee = self.business(destination)
        else:
            origin = self.origins[lane.mode].pick(rng)
            destination = rng.choice(("HR", "SI", "AT", "DE", "ME", "AL", "MK", "BA", "RS"))
            if origin in (home, destination):
                origin = "TR"
            if destination == home:
                destination = "HR" if home != "HR" else "SI"
            p.origin, p.destination = origin, destination
            p.transit = [home]
            p.shipper = self.business(origin)
            p.consignee = self.resident(destination) if destination in self.residents else self.foreigners[destination].draw(rng)
        if p.origin != home and rng.random() < 0.08:
            hub = rng.choice(("DE", "AT", "HU", "SI", "TR", "NL"))
            if hub not in (p.origin, p.destination):
                p.transit = [hub] + (p.transit or [])
        p.shows = [rng.random() < rate for rate in SHOW_RATES]
        business_sender = p.shipper.kind == "organisation"
        if lane.mode in ("air_cargo", "sea", "road"):
            p.category = CATEGORY_CARGO.pick(rng)
            p.payment = PAYMENT_CARGO.pick(rng)
            p.scale = {"air_cargo": 20, "sea": 400, "road": 80}[lane.mode]
        else:
            p.category = (CATEGORY_FROM_BUSINESS if business_sender else CATEGORY_PERSON_TO_PERSON).pick(rng)
            p.payment = (PAYMENT_EXPRESS if lane.mode == "express" else PAYMENT_POSTAL).pick(rng)
            if p.payment == "cash_on_delivery" and direction != "import":
                p.payment = "prepaid"
            p.scale = 1
        if p.category == "documents":
            p.items = [self.item(cat.goods["documents"], p)]
        elif p.category == "gift" and rng.random() < 0.7:
            p.items = [self.item(rng.choice(self._gift_goods), p) for _ in range(ITEM_COUNTS.pick(rng))]
        else:
            p.items = [self.item(self._ordinary_goods.pick(rng), p) for _ in range(ITEM_COUNTS.pick(rng))]
        p.currency = self.currency(p.origin)
        p.id_valid = rng.random() >= WRONG_CHECK_DIGIT
        p.pieces = 1 if p.scale == 1 or rng.random() < 0.3 else rng.randrange(2, 12)
        return p

    def _sender_from(self, origin: str, home: str) -> Party:
        rng = self.rng
        u = rng.random()
        if origin == "CN":
            return self.business("CN") if u < 0.85 else self.foreigners["CN"].draw(rng)
        if origin in self.diaspora:
            if u < 0.5:
                return self.diaspora[origin].draw(rng)
            return self.business(origin) if u < 0.85 else self.foreigners[origin].draw(rng)
        if origin in self.residents:
            return self.resident(origin) if u < 0.7 else self.business(origin)
        return self.business(origin) if u < 0.65 else self.foreigners[origin].draw(rng)

    def language(self, writer: Party) -> str:
        """The language (and script) `writer` declares goods in."""
        rng = self.rng
        country = writer.country
        u = rng.random()
        if writer.cyrillic is not None:  # a resident of RS, MK, BA or ME
            if country == "MK":
                return "mk" if writer.writes_cyrillic or u < 0.3 else ("mk_latn" if u < 0.7 else "en")
            if writer.writes_cyrillic:
                return "sr_cyrl"
            return ("sr" if country == "RS" else "hr") if u < 0.85 else "en"
        if country in ("HR", "BA", "ME"):
            return "hr" if u < 0.85 else "en"
        if country == "RS":
            return "sr" if u < 0.85 else "en"
        if country == "AL":
            return "sq" if u < 0.7 else "en"
        if country in ("DE", "AT", "CH"):
            if writer.kind == "person" and writer.surname and writer.surname in self._regional_surnames():
                return rng.choice(("hr", "sr", "sr", "de", "en")) if u < 0.7 else "de"
            return "de" if u < 0.6 else "en"
        if country == "TR":
            return "tr" if u < 0.6 else "en"
        return "en"

    def _regional_surnames(self) -> set[str]:
        cached = getattr(self, "_regional", None)
        if cached is None:
            cached = {s for c in self.cat.groups["region"] for s in self.cat.names[c]["surnames"]}
            self._regional = cached
        return cached

    def item(self, good: Good, parcel: Parcel, *, language: str | None = None) -> Item:
        """One declared item line of `good`, written the way `parcel`'s shipper writes."""
        rng = self.rng
        lang = language or self.language(parcel.shipper)
        description = good.descriptions[lang]
        if rng.random() < 0.08:
            description = description.upper()
        elif rng.random() < 0.05:
            description = description.lower()
        quantity = rng.randint(*good.qty) * (1 if parcel.scale == 1 else rng.randint(1, parcel.scale))
        net = round(quantity * rng.uniform(*good.net_kg), 3)
        value = quantity * rng.uniform(*good.value_eur)
        if parcel.shipper.kind == "organisation" and parcel.origin in ("CN", "TR") and rng.random() < 0.4:
            value *= rng.uniform(0.2, 0.8)  # ordinary e-commerce undervaluation: noise every rule meets
        return Item(good, description, self.hs_code(good), quantity, net, round(value, 2))

    def hs_code(self, good: Good) -> str | None:
        """The HS code as declared: usually the fitting one, at 4 to 10 digits, sometimes missing or wrong."""
        u = self.rng.random()
        hs = good.hs
        if u < 0.08:
            return None
        if u < 0.11:
            hs = self._ordinary_goods.pick(self.rng).hs
        u = self.rng.random()
        if u < 0.1:
            return hs[:4]
        if u < 0.18:
            return hs + "00"
        if u < 0.22:
            return hs + "0000"
        return hs

    # -- identifiers --------------------------------------------------------------------------------
    def _serial(self, key: tuple[str, str], *, limit: int, step: int) -> int:
        # Operators issue numbers in sequence: unique without remembering every one issued.
        current = self._serials.get(key)
        if current is None:
            current = self.rng.randrange(limit // 3)
        current += self.rng.randint(1, step)
        if current >= limit:
            current = 1 + self.rng.randrange(step)
        self._serials[key] = current
        return current

    def assign_id(self, p: Parcel) -> None:
        """Give `p` its reporter's identifier (with a wrong check digit if `p.id_valid` is False)."""
        rng = self.rng
        lane = p.lane
        spec = lane.spec
        if lane.mode == "postal":
            service = (S10_LARGE if p.declared_gross() > 2 else S10_SMALL).pick(rng)
            country = p.origin if p.direction != "export" else lane.country
            if country not in self.cat.countries:
                country = lane.country
            serial = self._serial((lane.reporter, service + country), limit=100_000_000, step=9)
            shipment_id = s10_id(service=service, serial=serial, country=country)
            if not p.id_valid:
                shipment_id = shipment_id[:10] + _wrong_digit(shipment_id[10], rng) + shipment_id[11:]
        elif lane.mode == "air_cargo":
            prefix = rng.choice(spec["awb_prefixes"])
            shipment_id = awb_id(prefix=prefix, serial=self._serial((lane.reporter, prefix), limit=10_000_000, step=4))
            if not p.id_valid:
                shipment_id = shipment_id[:-1] + str((int(shipment_id[-1]) + rng.randint(1, 6)) % 7)
        elif lane.mode == "sea":
            owner = rng.choice(spec["owners"])
            shipment_id = container_id(owner=owner, serial=self._serial((lane.reporter, owner), limit=1_000_000, step=7))
            if not p.id_valid:
                shipment_id = shipment_id[:-1] + _wrong_digit(shipment_id[-1], rng)
        else:
            serial = self._serial((lane.reporter, "tracking"), limit=10**9, step=30)
            digits = f"{serial:018d}"
            template = spec["tracking"]
            count = template.count("#")
            filled = iter(digits[-count:])
            shipment_id = "".join(next(filled) if c == "#" else c for c in template)
        p.shipment_id = shipment_id

    # -- writing ------------------------------------------------------------------------------------
    def day_parts(self, day: int) -> tuple[str, str]:
        parts = self._day_prefix.get(day)
        if parts is None:
            today = self.start + timedelta(days=day)
            parts = (today.isoformat(), central_european_offset(today))
            self._day_prefix[day] = parts
        return parts

    def timestamp(self, day: int, seconds: int) -> str:
        day += seconds // 86_400
        seconds %= 86_400
        iso, offset = self.day_parts(day)
        return f"{iso}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{offset}"

    def party_record(self, party: Party, *, name: str | None, address: tuple[str, str, str] | None,
                     phone: str | None, email: str | None, show_street: bool, show_phone: bool,
                     show_email: bool) -> dict[str, Any]:
        cyrillic = party.writes_cyrillic
        record: dict[str, Any] = {"name": name or (party.cyrillic if cyrillic else party.name)}
        if address is not None:
            record["street"], record["city"], record["postcode"] = address
        else:
            if show_street:
                record["street"] = party.street_cyrillic if cyrillic else party.street
            record["city"] = party.city_cyrillic if cyrillic else party.city
            record["postcode"] = party.postcode
        record["country"] = party.country
        if phone is not None:
            record["phone"] = phone
        elif show_phone:
            record["phone"] = format_phone(party, self.cat, style=None if self.rng.random() < 0.85 else self.rng.randrange(5))
        if email is not None:
            record["email"] = email
        elif show_email and party.email:
            record["email"] = party.email
        return record

    def render(self, p: Parcel) -> dict[str, Any]:
        """The records.md §1 shipment record of `p`."""
        rng = self.rng
        lane = p.lane
        shows = p.shows
        rate = self.cat.rates_per_eur[p.currency]
        record: dict[str, Any] = {
            "reporter": lane.reporter,
            "shipment_id": p.shipment_id,
            "reported_at": self.timestamp(p.day, p.seconds),
            "mode": lane.mode,
            "direction": p.direction,
        }
        if p.category:
            record["category"] = p.category
        record["origin_country"] = p.origin
        if shows[13]:
            record["departure_country"] = p.departure or (p.transit[-1] if p.transit else p.origin)
        if p.transit:
            record["transit_countries"] = p.transit
        record["destination_country"] = p.destination
        if shows[0]:
            iso_departure, _ = self.day_parts(p.day - (1 + int(rng.random() * (12 if p.origin == "CN" else 4))))
            iso_arrival, _ = self.day_parts(p.day + int(rng.random() * 2.5))
            record["departure_date"] = iso_departure
            record["arrival_date"] = iso_arrival
        if shows[1] or lane.mode in ("air_cargo", "sea"):
            record["carrier"] = lane.spec.get("carrier") or lane.spec.get("owners", ["MSC"])[0]
        if lane.mode == "air_cargo":
            record["conveyance_ref"] = f"{lane.spec['flight']}{100 + (p.day * 7 + p.seconds // 3600) % 1800}"
            if shows[2]:
                record["master_ref"] = awb_id(prefix=lane.spec["awb_prefixes"][0], serial=rng.randrange(10_000_000))
        elif lane.mode == "sea":
            record["conveyance_ref"] = f"FX{p.day // 7 + 410}E"
            if shows[2]:
                record["master_ref"] = f"{lane.spec['owners'][0]}U{rng.randrange(10**9):09d}"
        elif lane.mode == "postal" and shows[2]:
            record["master_ref"] = f"{p.origin}XXA{lane.country}YYA{'UN' if p.gross_kg < 2 else 'CN'}{p.day % 10}{rng.randrange(10_000):04d}"
        record["shipper"] = self.party_record(
            p.shipper, name=p.shipper_name, address=None, phone=None, email=None,
            show_street=shows[14], show_phone=shows[3], show_email=shows[4],
        )
        consignee = self.party_record(
            p.consignee, name=p.consignee_name, address=p.consignee_address, phone=p.consignee_phone,
            email=p.consignee_email, show_street=True, show_phone=shows[5], show_email=shows[6],
        )
        if shows[7] and p.consignee.kind == "person" and p.direction == "import":
            consignee["id_number"] = _id_number(p.consignee)
        record["consignee"] = consignee
        if shows[12] or p.pieces > 1:
            record["pieces"] = p.pieces
        record["gross_weight_kg"] = p.gross_kg
        value = p.value_eur
        record["declared_value"] = round(value * rate, 2)
        record["currency"] = p.currency
        if p.payment:
            record["payment_method"] = p.payment
        items = []
        for item in p.items:
            line: dict[str, Any] = {"description": item.description}
            if item.hs:
                line["hs_code"] = item.hs
            line["quantity"] = item.quantity
            if shows[8]:
                line["net_weight_kg"] = item.net_kg
            if shows[10]:
                line["value"] = round(item.value_eur * rate, 2)
                if shows[11]:
                    line["currency"] = p.currency
            if shows[9]:
                line["origin_country"] = p.origin
            items.append(line)
        record["items"] = items
        return record

    def finish(self, p: Parcel, *, packaging: bool = True) -> Parcel:
        """Weigh `p` (unless a scenario set its gross weight) and give it its identifier."""
        if p.gross_kg is None:
            net = sum(item.net_kg for item in p.items)
            p.gross_kg = round(net * self.rng.uniform(1.02, 1.2) + (self.rng.uniform(0.05, 0.4) if packaging else 0), 3)
        self.assign_id(p)
        return p


def _wrong_digit(digit: str, rng: Random) -> str:
    return str((int(digit) + rng.randint(1, 9)) % 10)


def _id_number(party: Party) -> str:
    # a stable national id per person (the same person shows the same number every time), derived
    # from the name without Python's per-process string hash so that runs stay reproducible
    seed = sum(i * ord(c) for i, c in enumerate(party.name + (party.street or ""), 1))
    if party.country == "AL":
        return f"{chr(65 + seed % 26)}{seed * 7919 % 10**8:08d}{chr(65 + seed // 26 % 26)}"
    return f"{seed * 104729 % 10**13:013d}"


def central_european_offset(day: date) -> str:
    """The region's UTC offset on `day`: summer time from the last Sunday of March to that of October."""
    if 3 < day.month < 10:
        return "+02:00"
    if day.month in (3, 10):
        last_sunday = 31 - (date(day.year, day.month, 31).weekday() + 1) % 7
        summer = day.day >= last_sunday if day.month == 3 else day.day < last_sunday
        return "+02:00" if summer else "+01:00"
    return "+01:00"
