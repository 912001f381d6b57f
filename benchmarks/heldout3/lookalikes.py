"""Innocent shipments that carry the same signals as the contraband, for the ordinary reasons they do in
the region: heavy family parcels, car-part traders, hobby shops, parcel lockers, cash on delivery,
orders sent in several boxes, names written in two scripts, hub routes."""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.heldout3.goods import CATALOG
from benchmarks.heldout3.people import format_phone, strip_diacritics, to_cyrillic, to_latin
from benchmarks.heldout3.threats import Context, _sig, plant, region_reporter
from benchmarks.heldout3.traffic import (DIASPORA_HOSTS, Population, ascii_latin, assemble, ordinary, usual_payment,
                                         zipf_pick)
from benchmarks.heldout3.world import REGION, Line, Shipment, description_language, goods_lines, make_org, make_person

SHARES = {  # share of all shipments
    "heavy_gift": 0.015, "documents_heavy": 0.003, "car_parts_trader": 0.01, "hobby_shop": 0.008, "parcel_locker": 0.03,
    "eshop_hub": 0.005, "cod_newcomer": 0.02, "split_order": 0.006, "name_scripts": 0.005, "shared_phone": 0.003,
    "indirect_route": 0.012, "risk_origin": 0.01, "sloppy_declaration": 0.015, "dense_low_scrutiny": 0.007,
}


def _ctx(pop, used, risk=False) -> Context:
    return Context(pop, used, [], "none", risk_origin=risk)


def _mark(s: Shipment, kind: str, goods: str | None = None) -> Shipment:
    s.pattern = f"lookalike_{kind}"
    s.goods = goods or s.goods
    return s


def _rep(rng, countries, modes=("postal", "express")):
    return region_reporter(rng, countries, modes)


def build(rng: random.Random, pop: Population, used: set, day: dt.date, kind: str, last_day: dt.date) -> list[Shipment]:
    ctx = _ctx(pop, used)
    if kind == "heavy_gift":
        export = rng.random() < 0.55
        rep = _rep(rng, REGION)
        host = rng.choice(DIASPORA_HOSTS[:6])
        home_party = pop.resident(rep.country)
        abroad = zipf_pick(rng, pop.diaspora[host])
        goods = CATALOG[rng.choice(["food", "drinks", "home_textiles", "personal_effects", "food"])]
        lang = description_language(rng, rep.country if export else host, host if export else rep.country, business=False)
        lines = goods_lines(rng, goods, lang, n_lines=rng.randint(1, 4))
        total = sum(l.net_kg for l in lines)
        target = rng.uniform(4, 18)
        for l in lines:
            l.net_kg = round(l.net_kg / total * target, 3)
            l.qty = max(l.qty, int(l.net_kg))
        s = assemble(rng, used, reporter=rep, direction="export" if export else "import", origin=rep.country if export else host,
                     destination=host if export else rep.country, day=day, shipper=home_party if export else abroad,
                     consignee=abroad if export else home_party, lines=lines, category="gift", payment=None, business=False)
        s.value_eur = round(sum(l.value_eur for l in lines), 2)
        _sig(s, "heavy_gift_or_documents")
        if s.value_eur and s.value_eur / s.gross_kg < 3:
            _sig(s, "low_value_for_weight")
        return [_mark(s, kind, goods.key)]
    if kind == "documents_heavy":
        s = ordinary(rng, pop, used, day, reporter=_rep(rng, REGION))
        docs = CATALOG["documents"]
        for l in s.lines:
            l.description = rng.choice(["Tender documents", "Catalogues", "Printed matter", "Court files", "University documents",
                                        "Dokumentacija za tender", "Katalozi", "Документација"])
            l.hs = None
        s.lines = s.lines[:1]
        s.lines[0].net_kg = round(rng.uniform(1.5, 4.5), 3)
        s.gross_kg = round(s.lines[0].net_kg + 0.1, 3)
        s.category = "documents"
        _sig(s, "heavy_gift_or_documents")
        return [_mark(s, kind, docs.key)]
    if kind == "car_parts_trader":
        shop = rng.choice(pop.part_traders)
        rep = _rep(rng, [c for c in REGION if c != shop.country])
        consignee = rng.choice(pop.traders[rep.country]) if rng.random() < 0.5 else pop.resident(rep.country)
        lines = goods_lines(rng, CATALOG["car_parts"], description_language(rng, shop.country, rep.country, business=True),
                            n_lines=rng.randint(1, 3), scale=1.6)
        s = assemble(rng, used, reporter=rep, direction="import", origin=shop.country, destination=rep.country, day=day,
                     shipper=shop, consignee=consignee, lines=lines, category="sale_of_goods",
                     payment=rng.choice(["cash_on_delivery", "account", "prepaid"]), business=True)
        s.show_hs = True
        for l in s.lines:
            l.hs = rng.choice(["8708", "870830", "870899"])
        _sig(s, "low_scrutiny_hs_dense")
        if rng.random() < 0.5 and plant(rng, s, "low_value_for_weight", ctx):   # used parts, cheap and heavy
            _sig(s, "low_value_for_weight")
        return [_mark(s, kind, "car_parts")]
    if kind == "hobby_shop":
        shop = rng.choice(pop.hobby_shops)
        rep = _rep(rng, [c for c in REGION if c != shop.country])
        goods = CATALOG[rng.choice(["airsoft", "hunting_accessories"])]
        lines = goods_lines(rng, goods, description_language(rng, shop.country, rep.country, business=True), n_lines=rng.randint(1, 2))
        s = assemble(rng, used, reporter=rep, direction="import", origin=shop.country, destination=rep.country, day=day,
                     shipper=shop, consignee=pop.resident(rep.country), lines=lines, category="sale_of_goods",
                     payment=usual_payment(rng, rep.mode, shop.country, rep.country), business=True)
        s.show_hs = True
        _sig(s, "revealing_wording")
        return [_mark(s, kind, goods.key)]
    if kind == "parcel_locker":
        rep = _rep(rng, REGION, ("express", "postal"))
        for _ in range(5):
            s = ordinary(rng, pop, used, day, reporter=rep)
            if s.direction == "import":
                break
        if s.direction != "import" or not plant(rng, s, "parcel_locker", ctx):
            return [s]
        _sig(s, "parcel_locker")
        return [_mark(s, kind)]
    if kind == "eshop_hub":
        home = rng.choice(REGION)
        shop = rng.choice(pop.region_shops[home])
        rep = _rep(rng, [home], ("express",))
        sender = pop.resident(rng.choice([c for c in REGION if c != home]))
        goods = CATALOG[rng.choice(["clothes", "shoes", "phone_accessories", "electronics", "household"])]
        lines = goods_lines(rng, goods, description_language(rng, sender.country, home, business=False))
        s = assemble(rng, used, reporter=rep, direction="import", origin=sender.country, destination=home, day=day,
                     shipper=sender, consignee=shop, lines=lines, category="returned_goods", payment="prepaid", business=False)
        _sig(s, "hub_address")
        return [_mark(s, kind, goods.key)]
    if kind == "cod_newcomer":
        rep = _rep(rng, REGION, ("express",))
        origin = rng.choice([c for c in REGION if c != rep.country] + ["TR", "HU"])
        shop = pop.region_shops[origin][0] if origin in pop.region_shops and rng.random() < 0.5 else \
            (rng.choice(pop.region_shops[origin]) if origin in pop.region_shops else pop.foreign_seller(origin))
        if rng.random() < 0.3:
            shop = make_person(rng, origin)
        goods = CATALOG[rng.choice(["phone_accessories", "cosmetics", "clothes", "toys", "jewellery", "household"])]
        lines = goods_lines(rng, goods, description_language(rng, origin, rep.country, business=True))
        s = assemble(rng, used, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                     shipper=shop, consignee=make_person(rng, rep.country), lines=lines, category="sale_of_goods",
                     payment="cash_on_delivery", business=True)
        for sig in ["cod_low_value"] + (["new_account"] if rng.random() < 0.4 else []):
            if plant(rng, s, sig, ctx):
                _sig(s, sig)
        _sig(s, "newcomer")
        return [_mark(s, kind, goods.key)]
    if kind == "split_order":
        home = rng.choice(REGION)
        origin = rng.choice(["DE", "CN", "AT", "IT", "PL", "TR"] + [c for c in REGION if c != home])
        shop = pop.foreign_seller(origin) if origin not in REGION else rng.choice(pop.region_shops[origin])
        buyer = pop.resident(home)
        out = []
        reps = [_rep(rng, [home]) for _ in range(2)]
        goods = CATALOG[rng.choice(["household", "sports", "tools", "car_parts", "clothes", "electronics"])]
        for i in range(rng.randint(2, 3)):
            lines = goods_lines(rng, goods, description_language(rng, origin, home, business=True))
            s = assemble(rng, used, reporter=reps[i % 2] if rng.random() < 0.4 else reps[0], direction="import", origin=origin,
                         destination=home, day=min(last_day, day + dt.timedelta(days=rng.choice([0, 0, 1]))), shipper=shop,
                         consignee=buyer, lines=lines, category="sale_of_goods", payment=usual_payment(rng, reps[0].mode, origin, home),
                         business=True, foreign_system=origin not in REGION)
            out.append(_mark(s, kind, goods.key))
        for s in out:
            _sig(s, f"split_parcels:{len(out)}")
            if len({x.consignee["name"] for x in out}) > 1:
                _sig(s, "name_variant")
        return out
    if kind == "name_scripts":
        home = rng.choice(["RS", "MK", "BG", "BA", "ME"])
        buyer = pop.resident(home)
        out = []
        for rep in [_rep(rng, [home], ("postal",)), _rep(rng, [home], ("express",))]:
            s = _import(rng, pop, used, min(last_day, day + dt.timedelta(days=rng.randint(0, 10))), rep)
            if s is None:
                continue
            s.parties = (s.parties[0], buyer)
            s.consignee = {"name": to_cyrillic(buyer.name) if buyer.lang in ("sr", "me") and rep.mode == "postal"
                           else (buyer.name if rep.mode == "postal" else strip_diacritics(to_latin(buyer.name, buyer.lang)).upper()),
                           "street": f"{buyer.street} {buyer.number}", "city": buyer.city, "postcode": buyer.postcode,
                           "country": home}
            _ascii(s)
            out.append(_mark(s, kind))
        for s in out:
            if len(out) > 1:
                _sig(s, "name_variant")
        return out
    if kind == "shared_phone":
        home = rng.choice(["RS", "BA", "ME", "HR", "AL", "XK"])   # surnames that do not change with gender
        head = pop.resident(home)
        surname = head.name.split()[-1]
        out = []
        for i in range(rng.randint(2, 3)):
            member = make_person(rng, home, lang=head.lang)
            first = member.name.split()[0]
            rep = _rep(rng, [home])
            s = _import(rng, pop, used, min(last_day, day + dt.timedelta(days=rng.randint(0, 20))), rep)
            if s is None:
                continue
            s.consignee.update({"name": f"{first} {surname}" if i else head.name, "street": f"{head.street} {head.number}",
                                "city": head.city, "postcode": head.postcode, "phone": format_phone(rng, head.phone)})
            _ascii(s)
            out.append(_mark(s, kind))
        for s in out:
            if len(out) > 1:
                _sig(s, "shared_phone")
        return out or [ordinary(rng, pop, used, day)]
    if kind == "indirect_route":
        s = ordinary(rng, pop, used, day, reporter=_rep(rng, REGION, ("postal", "express", "air_cargo")))
        if s.direction == "export":
            return [s]
        s.departure = rng.choice(["TR", "AE", "HU", "NL"] if s.origin != "TR" else ["BG", "AE"])
        s.transit = [rng.choice(["TR", "BG", "AE", "GR"])] if rng.random() < 0.6 else []
        s.transit = [c for c in s.transit if c not in (s.origin, s.destination, s.departure)]
        _sig(s, "indirect_route")
        if any(c in ("TR", "AL", "BG", "ME", "XK") for c in s.transit):
            _sig(s, "risk_transit")
        return [_mark(s, kind)]
    if kind == "risk_origin":
        choice = rng.choice(["tr_goods", "us_hunting", "al_herbs", "ec_fruit", "nl_bulbs", "cn_chem"])
        if choice == "tr_goods":
            rep = _rep(rng, REGION)
            seller = pop.foreign_seller("TR")
            goods = CATALOG[rng.choice(["clothes", "home_textiles", "toys", "household", "food", "car_parts"])]
            lines = goods_lines(rng, goods, description_language(rng, "TR", rep.country, business=True))
            s = assemble(rng, used, reporter=rep, direction="import", origin="TR", destination=rep.country, day=day, shipper=seller,
                         consignee=pop.resident(rep.country), lines=lines, category="sale_of_goods", payment=rng.choice(["prepaid", "cash_on_delivery"]),
                         business=True)
        elif choice == "us_hunting":
            rep = _rep(rng, REGION)
            goods = CATALOG[rng.choice(["hunting_accessories", "supplements", "fishing"])]
            lines = goods_lines(rng, goods, "en")
            s = assemble(rng, used, reporter=rep, direction="import", origin="US", destination=rep.country, day=day,
                         shipper=pop.foreign_seller("US"), consignee=pop.resident(rep.country), lines=lines, category="sale_of_goods",
                         payment="card", business=True, foreign_system=True)
        elif choice == "al_herbs":
            rep = _rep(rng, ["AL", "XK", "MK"])
            dest = rng.choice(["DE", "IT", "CH", "GB"])
            lines = [_line(rng, rng.choice(["Çaj mali", "Herbal tea", "Erëza", "Mountain tea", "Sage leaves", "Oregano"]), "0902", 0.3, 3, 5)]
            s = assemble(rng, used, reporter=rep, direction="export", origin=rep.country, destination=dest, day=day,
                         shipper=pop.resident(rep.country), consignee=pop.private_abroad(dest), lines=lines, category="gift",
                         payment=None, business=False)
        elif choice == "nl_bulbs":
            rep = _rep(rng, REGION)
            lines = [_line(rng, rng.choice(["Flower bulbs", "Tulip bulbs", "Seeds"]), "0601", 0.2, 2.0, 20)]
            s = assemble(rng, used, reporter=rep, direction="import", origin="NL", destination=rep.country, day=day,
                         shipper=pop.foreign_seller("NL"), consignee=pop.resident(rep.country), lines=lines, category="sale_of_goods",
                         payment="card", business=True, foreign_system=True)
        else:
            rep = _rep(rng, ["RS", "MK", "BG", "AL", "HR"], ("air_cargo",))
            origin = "EC" if choice == "ec_fruit" else "CN"
            goods = CATALOG["produce" if origin == "EC" else "chemicals"]
            lines = goods_lines(rng, goods, "en", n_lines=rng.randint(1, 2))
            s = assemble(rng, used, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                         shipper=pop.foreign_seller(origin) if origin == "CN" else make_org(
                             rng, "EC", name=f"{rng.choice(['Frutas', 'Agro', 'Exportadora'])} {rng.choice(['Andina', 'del Sol', 'Costa Verde'])} S.A."),
                         consignee=rng.choice(pop.traders[rep.country]), lines=lines, category="sale_of_goods", payment="account",
                         business=True)
        _sig(s, "risk_origin")
        return [_mark(s, kind, s.goods or {"al_herbs": "herbs", "nl_bulbs": "flower_bulbs"}.get(choice))]
    if kind == "sloppy_declaration":
        s = ordinary(rng, pop, used, day)
        sig = rng.choice(["net_gross_mismatch", "hs_mismatch", "net_gross_mismatch"])
        if plant(rng, s, sig, ctx):
            _sig(s, sig)
            return [_mark(s, kind)]
        return [s]
    if kind == "dense_low_scrutiny":
        rep = _rep(rng, REGION)
        origin = rng.choice(["CN", "DE", "PL", "TR", "IT"])
        key = rng.choice(["sports", "fishing", "tools", "car_parts", "metal_parts"])
        lines = goods_lines(rng, CATALOG[key], description_language(rng, origin, rep.country, business=True))
        for l in lines:
            l.net_kg = round(max(l.net_kg, rng.uniform(2.0, 12.0)), 3)
            l.value_eur = round(rng.uniform(5, 25), 2)
        s = assemble(rng, used, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                     shipper=pop.foreign_seller(origin), consignee=pop.resident(rep.country), lines=lines, category="sale_of_goods",
                     payment=usual_payment(rng, rep.mode, origin, rep.country), business=True, foreign_system=origin not in REGION)
        s.show_hs = True
        if key in ("tools", "car_parts"):
            _sig(s, "low_scrutiny_hs_dense")
        if s.value_eur / max(s.gross_kg, 0.1) < 3:
            _sig(s, "low_value_for_weight")
        return [_mark(s, kind, key)]
    raise ValueError(kind)


def _ascii(s: Shipment) -> None:
    if s.reporter.ascii_names:
        for side in (s.shipper, s.consignee):
            for f in ("name", "street", "city"):
                side[f] = ascii_latin(side[f], side["country"])


def _import(rng, pop, used, day, rep) -> Shipment | None:
    """An ordinary shipment of this reporter that comes into the country (None if it keeps sending exports)."""
    for _ in range(8):
        s = ordinary(rng, pop, used, day, reporter=rep)
        if s.direction == "import" and s.reporter.mode in ("postal", "express"):
            return s
        used.discard(s.key)
    return None


def _line(rng, text, hs, kg_lo, kg_hi, eur):
    kg = round(rng.uniform(kg_lo, kg_hi), 3)
    return Line(text, hs, rng.randint(1, 5), kg, round(eur * rng.uniform(0.5, 2.0), 2), None, "en")
