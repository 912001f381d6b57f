"""The planted patterns of spec/threats.md, their weak variants and their innocent look-alikes.

Each scenario draws ordinary parcels from `Traffic` and changes only what a trafficker (or an
innocent family, hunting shop, car mechanic) would change: parties, goods, weights, values, route.
Every parcel gets a random subset of the tell-tale signals, often just one, so no rule is perfect.
"""

from __future__ import annotations

from random import Random
from typing import Any, Callable

from interdict.simulate.catalogue import Catalogue, WeightedChoice
from interdict.simulate.identities import Party, format_phone, name_variant, to_latin, without_diacritics
from interdict.simulate.traffic import Item, Lane, Parcel, Traffic
from interdict.simulate.watchlist import Watchlist, disguised_name

# How many extra signals a planted parcel shows beyond its (heavy, mis-described) contents.
EXTRA_SIGNALS = WeightedChoice({0: 15, 1: 32, 2: 30, 3: 18, 4: 5})
SIGNALS = ("hs_mismatch", "low_value", "net_mismatch", "gift_category", "cash_on_delivery", "bad_id")
WRONG_CHECK_DIGIT = 0.06
PARCEL_MODES = ("postal", "express")


class Scenarios:
    """Plants one event of a named pattern; returns its parcels (possibly on later days)."""

    def __init__(self, *, traffic: Traffic, rng: Random, watchlist: Watchlist):
        self.traffic = traffic
        self.cat: Catalogue = traffic.cat
        self.rng = rng
        self.watchlist = watchlist
        threats = self.cat.threats
        self.patterns = WeightedChoice(threats["patterns"])
        self.contraband = WeightedChoice(threats["contraband"])
        self.lookalikes = WeightedChoice(threats["lookalikes"])
        self.carries = {name: WeightedChoice(w) for name, w in threats["carries"].items()}
        self.cover = threats["cover"]
        self.findings = threats["findings"]
        self.low_scrutiny_hs = threats["low_scrutiny_hs"]
        self.goods_by_class: dict[str, list] = {}
        for good in self.cat.goods.values():
            for cls in good.classes:
                self.goods_by_class.setdefault(cls, []).append(good)
        self.groups = 0
        self.run: dict[str, Callable[[int], list[Parcel]]] = {
            name: getattr(self, name) for name in (*threats["patterns"], *threats["contraband"], *threats["lookalikes"])
        }

    def plant(self, name: str, day: int) -> list[Parcel]:
        return self.run[name](day)

    # -- building blocks ----------------------------------------------------------------------------
    def _hidden(self, pattern: str, *, category: str | None = None, contains: str | None = None) -> tuple[list, float]:
        rng = self.rng
        category = category or self.carries[pattern].pick(rng)
        options = self.findings[category]
        if contains:
            options = [o for o in options if contains in o["description"]] or options
        spec = rng.choice(options)
        quantity = rng.randint(*spec["qty"])
        kg = quantity * rng.uniform(*spec["kg"])
        return [(category, spec["description"], quantity)], kg

    def _lane(self, *, modes: tuple[str, ...] = PARCEL_MODES, country: str | None = None) -> Lane:
        return self.traffic.lane(modes=modes, country=country)

    def _inbound(self, day: int, *, origins: str, modes: tuple[str, ...] = PARCEL_MODES,
                 country: str | None = None, shipper: Party | None = None) -> Parcel:
        rng = self.rng
        t = self.traffic
        lane = self._lane(modes=modes, country=country)
        p = t.parcel(day, lane=lane, direction="import")
        origin = self.cat.choice(origins).pick(rng)
        if origin == lane.country:
            origin = "DE"
        p.origin = origin
        p.transit = None
        if shipper is None:
            if origin in t.diaspora and rng.random() < 0.3:
                shipper = t.diaspora[origin].draw(rng)
            elif rng.random() < 0.55:
                shipper = t.business(origin)
            else:
                shipper = t.factory.person(origin)
        p.shipper = shipper
        p.currency = t.currency(origin)
        return p

    def _outbound(self, day: int, *, destinations: str, modes: tuple[str, ...] = PARCEL_MODES,
                  shipper: Party | None = None, country: str | None = None) -> Parcel:
        rng = self.rng
        t = self.traffic
        lane = self._lane(modes=modes, country=country)
        p = t.parcel(day, lane=lane, direction="export")
        destination = self.cat.choice(destinations).pick(rng)
        p.destination = destination
        p.shipper = shipper or (t.resident(lane.country) if rng.random() < 0.6 else t.factory.person(lane.country))
        if destination in t.diaspora and rng.random() < 0.7:
            p.consignee = t.diaspora[destination].draw(rng)
        else:
            p.consignee = t.foreigners[destination].draw(rng)
        p.currency = t.currency(lane.country)
        if p.payment == "cash_on_delivery":
            p.payment = "prepaid"
        return p

    def _cover_items(self, p: Parcel, pattern: str) -> list[Item]:
        rng = self.rng
        cover_class = rng.choice(self.cover[pattern])
        goods = self.goods_by_class[cover_class]
        return [self.traffic.item(rng.choice(goods), p) for _ in range(1 if rng.random() < 0.7 else 2)]

    def _disguise(self, p: Parcel, *, pattern: str, hidden: list, hidden_kg: float, signals: int | None = None) -> Parcel:
        """Hide `hidden` in `p` under cover goods, showing a few of the tell-tale signals."""
        rng = self.rng
        p.items = self._cover_items(p, pattern)
        p.hidden = hidden
        chosen = rng.sample(SIGNALS, EXTRA_SIGNALS.pick(rng) if signals is None else signals)
        if "gift_category" in chosen:
            if rng.random() < 0.25:
                p.items = [self.traffic.item(self.cat.goods["documents"], p)]
                p.category = "documents"
            else:
                p.category = "gift"
        cover_net = sum(item.net_kg for item in p.items)
        packaging = rng.uniform(0.08, 0.5)
        p.gross_kg = round(cover_net * rng.uniform(0.0, 0.5) + hidden_kg + packaging, 3)
        declared_net = p.gross_kg - packaging
        if "net_mismatch" in chosen:
            declared_net *= rng.uniform(0.15, 0.5)
        else:
            declared_net *= rng.uniform(0.88, 0.99)
        _rescale(p.items, net_kg=declared_net)
        if "low_value" in chosen:
            _rescale(p.items, value_eur=rng.uniform(2, 15))
        if "hs_mismatch" in chosen:
            for item in p.items:
                item.hs = rng.choice([hs for hs in self.low_scrutiny_hs if hs != item.good.hs])
        if "cash_on_delivery" in chosen and p.direction == "import" and p.lane.mode in PARCEL_MODES:
            p.payment = "cash_on_delivery"
        p.id_valid = "bad_id" not in chosen and rng.random() >= WRONG_CHECK_DIGIT
        return p

    def _truth(self, p: Parcel, threat: str, *, illicit: bool = True, group: str | None = None) -> Parcel:
        truth: dict[str, Any] = {"illicit": illicit, "threat": threat}
        if illicit:
            truth["category"] = p.hidden[0][0]
        else:
            truth["lookalike"] = True
        if group:
            truth["group"] = group
        p.truth = truth
        return self.traffic.finish(p)

    def _group(self) -> str:
        self.groups += 1
        return f"G{self.groups:05d}"

    def _locker(self, country: str, near: Party) -> tuple[str, str, str]:
        template = self.rng.choice(self.cat.places[country]["locker"])
        return template.format(n=self.rng.randrange(1, 400)), near.city, near.postcode

    def _offsets(self, count: int, *, spread: int) -> list[int]:
        return sorted(self.rng.randint(0, spread) for _ in range(count))

    # -- firearms and drugs -------------------------------------------------------------------------
    def parts_inbound_misdeclared(self, day: int) -> list[Parcel]:
        p = self._inbound(day, origins="parts_sources")
        hidden, kg = self._hidden("parts_inbound_misdeclared")
        return [self._truth(self._disguise(p, pattern="parts_inbound_misdeclared", hidden=hidden, hidden_kg=kg), "parts_inbound_misdeclared")]

    def convertible_pistol(self, day: int) -> list[Parcel]:
        p = self._inbound(day, origins="blank_pistol_sources")
        hidden, kg = self._hidden("convertible_pistol")
        return [self._truth(self._disguise(p, pattern="convertible_pistol", hidden=hidden, hidden_kg=kg), "convertible_pistol")]

    def ammunition_inbound(self, day: int) -> list[Parcel]:
        p = self._inbound(day, origins="parts_sources")
        hidden, kg = self._hidden("ammunition_inbound")
        return [self._truth(self._disguise(p, pattern="ammunition_inbound", hidden=hidden, hidden_kg=kg), "ammunition_inbound")]

    def split_to_consignee(self, day: int) -> list[Parcel]:
        """One batch as several parcels, different senders, close days, one consignee under variants."""
        rng = self.rng
        t = self.traffic
        country = rng.choice(self.cat.groups["region"])
        base = t.factory.person(country) if rng.random() < 0.4 else t.resident(country)
        locker = self._locker(country, base) if rng.random() < 0.3 else None
        same_phone = rng.random() < 0.75
        group = self._group()
        parcels = []
        for offset in self._offsets(rng.randint(2, 5), spread=3):
            p = self._inbound(day + offset, origins="parts_sources", country=country)
            p.consignee = base
            p.consignee_name = base.name if not parcels and rng.random() < 0.5 else name_variant(base, rng)
            p.consignee_address = locker
            if same_phone:
                p.consignee_phone = format_phone(base, self.cat, style=rng.randrange(5))
            hidden, kg = self._hidden("split_to_consignee")
            parcels.append(self._truth(self._disguise(p, pattern="split_to_consignee", hidden=hidden, hidden_kg=kg), "split_to_consignee", group=group))
        return parcels

    def outbound_legacy_weapon(self, day: int) -> list[Parcel]:
        """A legacy military or hunting weapon posted to the EU, often dismantled over 1-3 parcels."""
        rng = self.rng
        pieces = 1 if rng.random() < 0.55 else rng.randint(2, 3)
        first = self._outbound(day, destinations="outbound_weapon_destinations")
        hidden, kg = self._hidden("outbound_legacy_weapon")
        group = self._group() if pieces > 1 else None
        parcels = []
        for index, offset in enumerate(self._offsets(pieces, spread=2)):
            p = first if index == 0 else self._outbound(
                day + offset, destinations="outbound_weapon_destinations", shipper=first.shipper, country=first.lane.country
            )
            if index:
                p.destination, p.consignee = first.destination, first.consignee
                p.consignee_name = name_variant(first.consignee, rng)
            self._disguise(p, pattern="outbound_legacy_weapon", hidden=hidden, hidden_kg=kg / pieces)
            parcels.append(self._truth(p, "outbound_legacy_weapon", group=group))
        return parcels

    def watchlisted_actor(self, day: int) -> list[Parcel]:
        rng = self.rng
        if not self.watchlist.actors:
            return self.parts_inbound_misdeclared(day)
        kind, actor = rng.choice(self.watchlist.actors)
        parcels = []
        for offset in self._offsets(1 if rng.random() < 0.6 else 2, spread=10):
            if kind in ("person", "organisation") and rng.random() < 0.3:
                p = self._outbound(day + offset, destinations="outbound_weapon_destinations", country=actor.country)
                p.shipper = actor
                p.shipper_name = disguised_name(actor, rng)
            else:
                p = self._inbound(day + offset, origins="parts_sources", country=actor.country)
                p.consignee = actor
                if kind in ("person", "organisation"):
                    p.consignee_name = disguised_name(actor, rng)
                elif kind == "phone":
                    p.consignee_phone = format_phone(actor, self.cat, style=rng.randrange(5))
                elif kind == "email":
                    p.consignee_email = actor.email
                else:
                    p.consignee = self.traffic.factory.person(actor.country)
                    p.consignee_address = (actor.street, actor.city, actor.postcode)
            hidden, kg = self._hidden("watchlisted_actor")
            parcels.append(self._truth(self._disguise(p, pattern="watchlisted_actor", hidden=hidden, hidden_kg=kg), "watchlisted_actor"))
        return parcels

    def cyrillic_latin_identity(self, day: int) -> list[Parcel]:
        """The same consignee written once in Cyrillic, once in Latin (with or without diacritics)."""
        rng = self.rng
        t = self.traffic
        country = rng.choice(("RS", "MK", "BA", "ME"))
        base = t.resident(country) if rng.random() < 0.6 else t.factory.person(country)
        if base.cyrillic is None:
            base = t.factory.person(country)
        cyrillic_address = (base.street_cyrillic, base.city_cyrillic, base.postcode)
        latin_address = (base.street, base.city, base.postcode)
        forms = [
            (base.cyrillic, cyrillic_address),
            (base.name if rng.random() < 0.5 else without_diacritics(base.name), latin_address),
            (to_latin(base.cyrillic) if rng.random() < 0.5 else name_variant(base, rng), latin_address),
        ]
        rng.shuffle(forms)
        group = self._group()
        parcels = []
        for (name, address), offset in zip(forms[: rng.randint(2, 3)], self._offsets(3, spread=10)):
            p = self._inbound(day + offset, origins="parts_sources", country=country)
            p.consignee, p.consignee_name, p.consignee_address = base, name, address
            hidden, kg = self._hidden("cyrillic_latin_identity")
            parcels.append(self._truth(self._disguise(p, pattern="cyrillic_latin_identity", hidden=hidden, hidden_kg=kg), "cyrillic_latin_identity", group=group))
        return parcels

    def shared_contact(self, day: int) -> list[Parcel]:
        """Different names, one phone (written in different ways) and often one e-mail."""
        rng = self.rng
        t = self.traffic
        country = rng.choice(self.cat.groups["region"])
        owner = t.factory.person(country)
        share_email = rng.random() < 0.5
        group = self._group()
        parcels = []
        for offset in self._offsets(rng.randint(2, 4), spread=14):
            front = t.factory.person(country)
            p = self._inbound(day + offset, origins="parts_sources", country=country)
            p.consignee = front
            p.consignee_phone = format_phone(owner, self.cat, style=rng.randrange(5))
            if share_email:
                p.consignee_email = owner.email
            hidden, kg = self._hidden("shared_contact")
            parcels.append(self._truth(self._disguise(p, pattern="shared_contact", hidden=hidden, hidden_kg=kg), "shared_contact", group=group))
        return parcels

    def drop_address(self, day: int) -> list[Parcel]:
        """An address receiving from many unrelated senders under many names."""
        rng = self.rng
        t = self.traffic
        country = rng.choice(self.cat.groups["region"])
        host = t.resident(country)
        address = (host.street, host.city, host.postcode)
        group = self._group()
        parcels = []
        for offset in self._offsets(rng.randint(3, 6), spread=20):
            p = self._inbound(day + offset, origins=rng.choice(("parts_sources", "postal_origins")), country=country)
            p.consignee = t.factory.person(country)
            p.consignee_address = address
            hidden, kg = self._hidden("drop_address")
            parcels.append(self._truth(self._disguise(p, pattern="drop_address", hidden=hidden, hidden_kg=kg), "drop_address", group=group))
        return parcels

    def newcomer_cash_on_delivery(self, day: int) -> list[Parcel]:
        rng = self.rng
        p = self._inbound(day, origins="parts_sources", modes=("express",))
        p.consignee = self.traffic.factory.person(p.lane.country)
        hidden, kg = self._hidden("newcomer_cash_on_delivery")
        self._disguise(p, pattern="newcomer_cash_on_delivery", hidden=hidden, hidden_kg=kg)
        p.payment = "cash_on_delivery"
        if rng.random() < 0.7:
            _rescale(p.items, value_eur=rng.uniform(5, 25))
        return [self._truth(p, "newcomer_cash_on_delivery")]

    def indirect_route(self, day: int) -> list[Parcel]:
        rng = self.rng
        p = self._inbound(day, origins="parts_sources")
        hubs = self.cat.choice("indirect_hubs")
        transit = []
        for _ in range(rng.randint(2, 3)):
            hub = hubs.pick(rng)
            if hub not in transit and hub not in (p.origin, p.lane.country):
                transit.append(hub)
        p.transit = transit or ["BG", "GR"]
        hidden, kg = self._hidden("indirect_route")
        return [self._truth(self._disguise(p, pattern="indirect_route", hidden=hidden, hidden_kg=kg), "indirect_route")]

    def drugs_air_cargo(self, day: int) -> list[Parcel]:
        """Cocaine by air from South America, cannabis out of the region, synthetics in."""
        rng = self.rng
        t = self.traffic
        u = rng.random()
        if u < 0.45:
            p = self._inbound(day, origins="cocaine_origins", modes=("air_cargo", "air_cargo", "express"))
            p.shipper = t.business(p.origin)
            p.transit = [t.cat.choice("drug_transit_hubs").pick(rng)]
            if rng.random() < 0.6:
                p.consignee = t.business(p.lane.country) if rng.random() < 0.5 else t.factory.person(p.lane.country)
            hidden, kg = self._hidden("drugs_air_cargo", category="drugs", contains="cocaine")
        elif u < 0.8:
            p = self._outbound(day, destinations="outbound_weapon_destinations", modes=("express", "postal", "air_cargo"))
            hidden, kg = self._hidden("drugs_air_cargo", category="drugs", contains="cannabis")
        else:
            p = self._inbound(day, origins="synthetic_drug_origins", modes=("express", "postal", "air_cargo"))
            hidden, kg = self._hidden("drugs_air_cargo", category="drugs", contains=rng.choice(("MDMA", "amphetamine", "precursor")))
        return [self._truth(self._disguise(p, pattern="drugs_air_cargo", hidden=hidden, hidden_kg=kg), "drugs_air_cargo")]

    def explosives_postal(self, day: int) -> list[Parcel]:
        p = self._inbound(day, origins="postal_origins", modes=("postal",))
        if p.origin not in self.cat.groups["region"]:
            p.origin = self.rng.choice([c for c in self.cat.groups["region"] if c != p.lane.country])
            p.shipper = self.traffic.factory.person(p.origin)
            p.currency = self.traffic.currency(p.origin)
        hidden, kg = self._hidden("explosives_postal")
        return [self._truth(self._disguise(p, pattern="explosives_postal", hidden=hidden, hidden_kg=kg), "explosives_postal")]

    # -- other contraband ---------------------------------------------------------------------------
    def cigarettes(self, day: int) -> list[Parcel]:
        p = self._outbound(day, destinations="outbound_weapon_destinations")
        hidden, kg = self._hidden("cigarettes", category="other", contains="cigarettes")
        return [self._truth(self._disguise(p, pattern="cigarettes", hidden=hidden, hidden_kg=kg), "cigarettes")]

    def counterfeit_goods(self, day: int) -> list[Parcel]:
        rng = self.rng
        p = self._inbound(day, origins="postal_origins", modes=("postal", "express", "air_cargo"))
        p.origin = rng.choice(("CN", "CN", "TR"))
        p.shipper = self.traffic.business(p.origin)
        p.currency = self.traffic.currency(p.origin)
        hidden, _ = self._hidden("counterfeit_goods", category="other", contains="counterfeit")
        good = {"handbags": "handbag", "watches": "watch", "shoes": "sneakers"}[hidden[0][1].split()[-1]]
        item = self.traffic.item(self.cat.goods[good], p)
        item.quantity = hidden[0][2]
        item.net_kg = round(item.quantity * rng.uniform(*self.cat.goods[good].net_kg), 3)
        item.value_eur = round(item.quantity * rng.uniform(1, 6), 2)  # brand goods declared at no-name prices
        p.items = [item]
        p.hidden = hidden
        p.category = "sale_of_goods" if rng.random() < 0.6 else "gift"
        p.id_valid = rng.random() >= WRONG_CHECK_DIGIT
        return [self._truth(p, "counterfeit_goods")]

    def cash_in_parcel(self, day: int) -> list[Parcel]:
        rng = self.rng
        if rng.random() < 0.6:
            p = self._outbound(day, destinations="diaspora", modes=("express", "postal"))
        else:
            p = self._inbound(day, origins="diaspora", modes=("express", "postal"))
        hidden, kg = self._hidden("cash_in_parcel", category="cash")
        return [self._truth(self._disguise(p, pattern="cash_in_parcel", hidden=hidden, hidden_kg=kg), "cash_in_parcel")]

    # -- innocent look-alikes -----------------------------------------------------------------------
    def heavy_car_parts(self, day: int) -> list[Parcel]:
        rng = self.rng
        t = self.traffic
        p = self._inbound(day, origins="road_origins", modes=("postal", "express", "road"))
        p.shipper = t.business(p.origin)
        good = self.cat.goods[rng.choice(("brake_discs", "brake_discs", "car_parts"))]
        p.items = [t.item(good, p)]
        p.items[0].quantity = rng.randint(2, 4)
        p.items[0].net_kg = round(p.items[0].quantity * rng.uniform(*good.net_kg), 3)
        p.category = "sale_of_goods"
        return [self._truth(p, "heavy_car_parts", illicit=False)]

    def hunting_shop_commercial(self, day: int) -> list[Parcel]:
        rng = self.rng
        t = self.traffic
        origin = rng.choice(("AT", "DE", "IT", "CZ", "TR", "US"))
        lane = self._lane(modes=("express", "road", "air_cargo"))
        p = t.parcel(day, lane=lane, direction="import")
        p.origin = origin
        p.transit = None
        p.shipper = t.factory.company(origin, hunting=True)
        p.consignee = t.factory.company(lane.country, hunting=True)
        p.currency = t.currency(origin)
        goods = self.goods_by_class["hunting"]
        p.items = [t.item(rng.choice(goods), p) for _ in range(rng.randint(1, 3))]
        p.category = "sale_of_goods"
        p.payment = "account"
        return [self._truth(p, "hunting_shop_commercial", illicit=False)]

    def family_gifts(self, day: int) -> list[Parcel]:
        """A family abroad sending heavy home food and clothes to one address, often, under variants."""
        rng = self.rng
        t = self.traffic
        country = rng.choice(self.cat.groups["region"])
        parent = t.resident(country)
        abroad = self.cat.choice("diaspora").pick(rng)
        family = []
        for _ in range(rng.randint(1, 3)):
            child = t.factory.person(country, home=abroad)
            child.surname = parent.surname
            child.name = f"{child.given} {parent.surname}"
            family.append(child)
        group = self._group()
        parcels = []
        gifts = [self.cat.goods[k] for k in ("homemade_food", "clothes", "sweets", "coffee", "kitchenware")]
        for offset in self._offsets(rng.randint(2, 5), spread=25):
            lane = self._lane(modes=PARCEL_MODES, country=country)
            p = t.parcel(day + offset, lane=lane, direction="import")
            p.origin = abroad
            p.transit = None
            p.shipper = rng.choice(family)
            p.consignee = parent
            p.consignee_name = name_variant(parent, rng) if rng.random() < 0.5 else None
            p.currency = t.currency(abroad)
            p.items = [t.item(rng.choice(gifts), p) for _ in range(rng.randint(1, 3))]
            p.category = "gift"
            parcels.append(self._truth(p, "family_gifts", illicit=False, group=group))
        return parcels

    def heavy_tools_low_value(self, day: int) -> list[Parcel]:
        rng = self.rng
        t = self.traffic
        p = self._inbound(day, origins="postal_origins")
        p.origin = "CN"
        p.shipper = t.business("CN")
        p.currency = t.currency("CN")
        good = self.cat.goods[rng.choice(("dumbbells", "hand_tools", "drill", "kitchenware"))]
        item = t.item(good, p)
        item.value_eur = round(item.value_eur * rng.uniform(0.1, 0.4), 2)
        p.items = [item]
        return [self._truth(p, "heavy_tools_low_value", illicit=False)]

    def cash_on_delivery_newcomer(self, day: int) -> list[Parcel]:
        rng = self.rng
        t = self.traffic
        p = self._inbound(day, origins="express_origins", modes=("express",))
        p.consignee = t.factory.person(p.lane.country)
        goods = self.goods_by_class[rng.choice(("toys", "clothes", "sporting"))]
        p.items = [t.item(rng.choice(goods), p)]
        _rescale(p.items, value_eur=rng.uniform(5, 25))
        p.payment = "cash_on_delivery"
        return [self._truth(p, "cash_on_delivery_newcomer", illicit=False)]


def _rescale(items: list[Item], *, net_kg: float | None = None, value_eur: float | None = None) -> None:
    """Scale the items' net weights (or values) so that they add up to the given total."""
    if net_kg is not None:
        total = sum(item.net_kg for item in items) or 1.0
        for item in items:
            item.net_kg = max(0.001, round(item.net_kg * net_kg / total, 3))
    if value_eur is not None:
        total = sum(item.value_eur for item in items) or 1.0
        for item in items:
            item.value_eur = round(item.value_eur * value_eur / total, 2)
