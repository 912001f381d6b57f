"""The threat picture of threats.md as this generator reads it: contraband hidden behind ordinary
descriptions, with a few of the signals the units report planted on each shipment, and innocent
shipments that carry the same signals for ordinary reasons. Every planted signal is written into the
truth so recall can be read by signal."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from benchmarks.heldout3.goods import CATALOG, CONTRABAND, LANG_OF, Contraband
from benchmarks.heldout3.people import (format_phone, is_cyrillic, name_variant, phone_number, strip_diacritics,
                                        to_cyrillic, to_latin)
from benchmarks.heldout3.traffic import (DIASPORA_HOSTS, Population, assemble, other_region, usual_payment,
                                         zipf_pick)
from benchmarks.heldout3.world import (REGION, REPORTERS, Line, Party, Reporter, Shipment, description_language,
                                       goods_lines, latin_name, make_locker, make_org, make_person, pick)

EU_DEST = {"DE": 26, "AT": 14, "SE": 12, "NL": 8, "FR": 6, "BE": 6, "CH": 10, "GB": 5, "IT": 6, "US": 3}
WEAPON_SOURCE = ["RS", "BA", "XK", "AL", "MK", "ME", "BA", "RS"]
RISK_ORIGIN = {
    "firearm_parts": ["US", "US", "CZ", "SK", "TR"], "converted_weapons": ["TR", "TR", "TR", "SK", "CZ"],
    "ammunition": ["US", "CZ", "TR", "UA"], "drugs_cocaine": ["EC", "BR", "CO"], "drugs_cannabis": ["AL", "AL", "MK", "XK"],
    "drugs_synthetic": ["NL", "NL", "BE", "PL"], "drug_precursors": ["CN", "CN", "IN"], "cigarettes": ["AE", "TR"],
    "counterfeit": ["CN", "TR"],
}
PLAIN_ORIGIN = {"firearm_parts": ["DE", "AT", "GB", "IT", "PL", "CN", "CN", "CN", "NL", "FR"], "converted_weapons": ["BG", "IT", "DE", "HU"],
                "ammunition": ["DE", "AT", "IT", "HU"], "drugs_synthetic": ["DE", "CZ", "AT"], "drug_precursors": ["DE", "PL"],
                "counterfeit": ["HU", "IT", "PL"], "cigarettes": ["BG", "GR"]}
RISK_TRANSIT = {"firearms": ["TR", "AL", "BG", "ME", "XK"], "drugs": ["NL", "BE", "ES", "TR", "AE"]}
ODD_DETOUR = ["TR", "AL", "ME", "AE", "UA", "MD", "GE", "CY", "MT"]
MISFIT_HS = ["930390", "930510", "930591", "9306", "7326", "8708", "9503", "3926", "6109", "8471", "4901", "2106",
             "8205", "9507", "6403", "8483"]
CHAPTER93 = ["930390", "930510", "930591", "930621", "9304", "930200"]
LOW_SCRUTINY = {"car_parts": ["870899", "870830", "8708"], "tools": ["8205", "820559", "8204"], "toys": ["9503", "950300"]}


@dataclass
class Case:
    """One smuggling act: one or several shipments with their truth."""
    pattern: str
    goods: str
    shipments: list = field(default_factory=list)


def _sig(s: Shipment, name: str) -> None:
    if name not in s.signals and name.split(":")[0] not in [x.split(":")[0] for x in s.signals]:
        s.signals.append(name)


# --- planting signals ------------------------------------------------------------------------------

def plant(rng: random.Random, s: Shipment, signal: str, ctx: "Context") -> bool:
    """Put one signal on a shipment, if it fits it; say whether it did."""
    lines = s.lines
    if signal == "low_value_for_weight":
        if s.gross_kg < 0.7 or s.value_eur is None:
            return False
        target = rng.uniform(0.5, 2.5) * max(1.0, s.gross_kg) ** 0.3
        _rescale_values(lines, target)
        s.value_eur = round(sum(l.value_eur for l in lines), 2)
    elif signal == "heavy_gift_or_documents":
        if s.gross_kg < 1.8:
            pad = rng.uniform(1.5, 4.0)
            lines[0].net_kg = round(lines[0].net_kg + pad, 3)
            s.gross_kg = round(s.gross_kg + pad, 3)
        if rng.random() < 0.25 and s.gross_kg < 6:
            s.category = "documents"
            docs = CATALOG["documents"]
            text = rng.choice(docs.words.get(lines[0].lang if lines[0].lang in docs.words else "en", docs.words["en"]))
            for l in lines:
                l.description, l.hs = text, None
        else:
            s.category = "gift"
        if s.value_eur is not None and s.value_eur > 40:
            _rescale_values(lines, rng.uniform(5, 30))
            s.value_eur = round(sum(l.value_eur for l in lines), 2)
    elif signal == "net_gross_mismatch":
        s.show_net = True
        share = rng.uniform(0.08, 0.4) if rng.random() < 0.8 else rng.uniform(1.5, 3.0)
        total = sum(l.net_kg for l in lines) or 1.0
        for l in lines:
            l.net_kg = round(max(0.01, l.net_kg / total * s.gross_kg * share), 3)
    elif signal == "hs_mismatch":
        s.show_hs = True
        line = rng.choice(lines)
        pool = CHAPTER93 if rng.random() < 0.3 else MISFIT_HS
        options = [h for h in pool if not (line.hs and h[:4] == line.hs[:4])]
        line.hs = rng.choice(options)
    elif signal == "low_scrutiny_hs_dense":
        cover = rng.choice(list(LOW_SCRUTINY))
        if s.gross_kg < 0.8:
            return False
        s.show_hs = True
        lang = lines[0].lang
        for l in lines:
            text, used = _describe(rng, cover, lang)
            l.description, l.hs, l.lang = text, rng.choice(LOW_SCRUTINY[cover]), used
            l.qty = rng.randint(1, 2)
        _rescale_values(lines, rng.uniform(4, 15))
        s.value_eur = round(sum(l.value_eur for l in lines), 2)
    elif signal == "revealing_wording":
        words = _revealing(rng, ctx.contraband[0][0], s)
        if not words:
            return False
        line = rng.choice(lines)
        line.description = words if rng.random() < 0.5 else f"{line.description} / {words}"
    elif signal == "risk_origin":
        return ctx.risk_origin
    elif signal == "risk_transit":
        pool = [c for c in RISK_TRANSIT["drugs" if ctx.goods.startswith("drug") else "firearms"] if c not in (s.origin, s.destination)]
        s.transit = [rng.choice(pool)] + ([] if rng.random() < 0.6 else s.transit[:1])
    elif signal == "indirect_route":
        detour = [c for c in ODD_DETOUR if c not in (s.origin, s.destination)]
        s.departure = rng.choice(detour)
        extra = rng.sample([c for c in detour if c != s.departure] + ["BG", "GR", "HU"], rng.randint(1, 2))
        s.transit = [c for c in dict.fromkeys(s.transit + extra) if c not in (s.origin, s.destination, s.departure)]
    elif signal == "cod_low_value":
        if s.reporter.mode not in ("express", "postal"):
            return False
        s.payment = "cash_on_delivery"
        _rescale_values(lines, rng.uniform(2, 12))
        s.value_eur = round(sum(l.value_eur for l in lines), 2)
        if s.currency is None:
            s.currency = "EUR"
    elif signal == "new_account":
        if s.reporter.mode != "express":
            return False
        opened = s.moment.date() - dt.timedelta(days=rng.randint(0, 12))
        s.extra["customer_account"] = f"{s.reporter.code.split('-')[0][:3]}{rng.randrange(10**5, 10**6)}"
        s.extra["account_opened"] = opened.isoformat()
    elif signal == "parcel_locker":
        if s.destination not in ctx.pop.lockers or s.consignee.get("country") != s.destination:
            return False
        line, city, postcode, city_cyr = rng.choice(ctx.pop.lockers[s.destination])
        s.consignee["street"] = line if not s.reporter.ascii_names else strip_diacritics(to_latin(line, "bg" if s.destination == "BG" else "mk" if s.destination == "MK" else "sr"))
        s.consignee["city"] = city if not (city_cyr and is_cyrillic(line)) else city_cyr
        s.consignee["postcode"] = postcode
    else:
        raise ValueError(signal)
    return True


def _describe(rng, key, lang):
    from benchmarks.heldout3.goods import describe
    return describe(rng, CATALOG[key], lang)


def _rescale_values(lines: list[Line], total: float) -> None:
    now = sum(l.value_eur for l in lines) or 1.0
    for l in lines:
        l.value_eur = round(max(0.5, l.value_eur / now * total), 2)


def _revealing(rng: random.Random, c: Contraband, s: Shipment) -> str | None:
    lang = LANG_OF.get(s.origin, "en")
    options = c.revealing.get(lang) or c.revealing.get("en") or next(iter(c.revealing.values()), None)
    if not options:
        return None
    return rng.choice(options)


@dataclass
class Context:
    pop: Population
    used: set
    contraband: list            # [(Contraband, qty)]
    goods: str
    risk_origin: bool = False


def pick_signals(rng: random.Random, pool: list[str], *, weights=(10, 38, 34, 15, 3)) -> list[str]:
    k = rng.choices(range(len(weights)), weights=weights)[0]
    return rng.sample(pool, min(k, len(pool)))


def smuggle(rng: random.Random, ctx: Context, *, reporter: Reporter, direction: str, origin: str, destination: str,
            day: dt.date, shipper: Party, consignee: Party, cover: str, category: str | None, payment: str | None,
            business: bool, lang: str | None = None, **kw) -> Shipment:
    """A shipment whose declared goods are the cover and whose weight is that of the contraband plus
    the cover goods packed around it."""
    lang = lang or description_language(rng, shipper.country, consignee.country, business=business)
    true_kg = sum(rng.uniform(*c.kg) * q for c, q in ctx.contraband)
    lines = goods_lines(rng, CATALOG[cover], lang, n_lines=rng.choices([1, 2, 3], weights=[64, 26, 10])[0])
    if payment not in ("cash_on_delivery", "account"):
        payment = usual_payment(rng, reporter.mode, origin, destination)
    padding = sum(l.net_kg for l in lines) * rng.uniform(0.05, 0.5)
    total = sum(l.net_kg for l in lines) or 1.0
    for l in lines:
        l.net_kg = round(l.net_kg / total * (true_kg + padding), 3)
    s = assemble(rng, ctx.used, reporter=reporter, direction=direction, origin=origin, destination=destination, day=day,
                 shipper=shipper, consignee=consignee, lines=lines, category=category, payment=payment, business=business,
                 foreign_system=(direction == "import" and business and origin not in REGION), **kw)
    s.illicit, s.goods, s.contraband = True, ctx.goods, list(ctx.contraband)
    return s


def _qty(rng, c: Contraband) -> int:
    return rng.randint(*c.qty)


# planting order: what rewrites the lines goes first, what adds to them last
ORDER = ["low_scrutiny_hs_dense", "heavy_gift_or_documents", "low_value_for_weight", "cod_low_value", "net_gross_mismatch",
         "hs_mismatch", "risk_transit", "indirect_route", "risk_origin", "parcel_locker", "new_account", "revealing_wording"]


def finish(rng: random.Random, s: Shipment, ctx: Context, pool: list[str], *, weights=(10, 38, 34, 15, 3)) -> None:
    chosen = set(pick_signals(rng, pool, weights=weights))
    if "low_scrutiny_hs_dense" in chosen:
        chosen.discard("hs_mismatch")
    for signal in [x for x in ORDER if x in chosen]:
        if plant(rng, s, signal, ctx):
            _sig(s, signal)


def region_reporter(rng: random.Random, countries: list[str], modes=("postal", "express")) -> Reporter:
    pool = [r for r in REPORTERS if r.country in countries and r.mode in modes]
    return rng.choices(pool, weights=[r.weight for r in pool])[0]


def fresh_foreign(rng: random.Random, pop: Population, country: str, *, org_share: float = 0.4) -> Party:
    """A sender abroad: often someone new, sometimes an established web shop or seller account."""
    if rng.random() < 0.3 and (country == "CN" or country in pop.eshops or country in pop.traders):
        return pop.foreign_seller(country)
    return make_org(rng, country) if rng.random() < org_share else make_person(rng, country)


# --- the patterns ----------------------------------------------------------------------------------

INBOUND_COVERS = ["car_parts", "tools", "metal_parts", "sports", "fishing", "machine_parts", "toys", "samples", "clothes",
                  "household", "bicycle_parts", "car_parts", "tools"]
OUTBOUND_COVERS = ["car_parts", "tools", "personal_effects", "food", "household", "clothes", "home_textiles", "machine_parts",
                   "car_parts", "food"]
WEIGHT_SIGNALS = ["low_value_for_weight", "net_gross_mismatch", "hs_mismatch", "low_scrutiny_hs_dense", "heavy_gift_or_documents"]


def _origin(rng, ctx: Context, key: str, risk_share: float) -> str:
    if rng.random() < risk_share or key not in PLAIN_ORIGIN:
        ctx.risk_origin = True
        return rng.choice(RISK_ORIGIN[key])
    return rng.choice(PLAIN_ORIGIN[key])


def parts_inbound(rng, pop, used, day) -> Case:
    items = rng.sample(["slide", "barrel", "frame_kit", "trigger_group", "solvent_trap", "barrel"], rng.choice([1, 1, 2]))
    ctx = Context(pop, used, [(CONTRABAND[k], _qty(rng, CONTRABAND[k])) for k in dict.fromkeys(items)], "firearm_parts")
    origin = _origin(rng, ctx, "firearm_parts", 0.55)
    rep = region_reporter(rng, REGION)
    consignee = pop.resident(rep.country) if rng.random() < 0.5 else make_person(rng, rep.country)
    shipper = fresh_foreign(rng, pop, origin) if rng.random() < 0.75 else pop.foreign_seller(origin)
    s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day, shipper=shipper,
                consignee=consignee, cover=rng.choice(INBOUND_COVERS), business=shipper.kind == "org",
                category=rng.choice(["sale_of_goods", "sale_of_goods", "gift", "commercial_sample", "other", None]),
                payment=rng.choice(["prepaid", "card", None]))
    finish(rng, s, ctx, WEIGHT_SIGNALS + ["revealing_wording", "indirect_route", "risk_transit", "parcel_locker", "new_account"]
           + (["risk_origin"] * 2 if ctx.risk_origin else []))
    return Case("parts_bought_online", "firearm_parts", [s])


def blank_firing_inbound(rng, pop, used, day) -> Case:
    c = CONTRABAND["blank_pistol"]
    mode = rng.choices(["postal", "express", "road"], weights=[45, 45, 10])[0]
    ctx = Context(pop, used, [(c, rng.randint(8, 30) if mode == "road" else rng.choices([1, 2, 3, 4], weights=[60, 25, 10, 5])[0])],
                  "converted_weapons")
    origin = _origin(rng, ctx, "converted_weapons", 0.7)
    rep = region_reporter(rng, REGION, (mode,)) if mode != "road" else region_reporter(rng, ["RS", "MK", "BG"], ("road",))
    if rep.country == origin:
        origin = "TR"
    consignee = (pop.resident(rep.country) if rng.random() < 0.4 else make_person(rng, rep.country)) if mode != "road" \
        else make_org(rng, rep.country)
    shipper = fresh_foreign(rng, pop, origin, org_share=0.5 if mode != "road" else 1.0)
    cover = rng.choice(["toys", "household", "tools", "clothes", "car_parts", "cosmetics", "shoes", "sports"]) if mode != "road" \
        else rng.choice(["household", "tools", "clothes"])
    s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day, shipper=shipper,
                consignee=consignee, cover=cover, business=shipper.kind == "org",
                category=rng.choice(["sale_of_goods", "gift", "other", None]),
                payment=rng.choice(["prepaid", "cash_on_delivery", "card", None]) if mode == "express" else None)
    finish(rng, s, ctx, ["revealing_wording", "revealing_wording", "hs_mismatch", "low_value_for_weight", "risk_transit",
                         "cod_low_value", "parcel_locker", "new_account", "net_gross_mismatch"]
           + (["risk_origin"] * 3 if ctx.risk_origin else []))
    return Case("convertible_pistols_inbound", "converted_weapons", [s])


def legacy_outbound(rng, pop, used, day) -> Case:
    key = rng.choices(["pistol_dismantled", "rifle_m70", "hunting_rifle", "carbine", "shotgun", "smg", "revolver"],
                      weights=[30, 22, 10, 8, 10, 12, 8])[0]
    stuff = [(CONTRABAND[key], 1)]
    if rng.random() < 0.25:
        a = CONTRABAND["ammo_pistol" if key in ("pistol_dismantled", "smg", "revolver") else "ammo_rifle"]
        stuff.append((a, rng.randint(20, 120)))
    ctx = Context(pop, used, stuff, "firearms")
    rep = region_reporter(rng, WEAPON_SOURCE)
    dest = pick(rng, EU_DEST)
    shipper = pop.resident(rep.country) if rng.random() < 0.6 else make_person(rng, rep.country)
    consignee = zipf_pick(rng, pop.diaspora[dest]) if dest in pop.diaspora and rng.random() < 0.5 else make_person(rng, dest)
    s = smuggle(rng, ctx, reporter=rep, direction="export", origin=rep.country, destination=dest, day=day, shipper=shipper,
                consignee=consignee, cover=rng.choice(OUTBOUND_COVERS), business=False,
                category=rng.choice(["gift", "gift", "other", None]),
                payment=rng.choice(["prepaid", None, None]))
    finish(rng, s, ctx, WEIGHT_SIGNALS + ["heavy_gift_or_documents", "revealing_wording", "indirect_route", "risk_transit"])
    return Case("legacy_weapons_outbound", "firearms", [s])


def ammunition(rng, pop, used, day) -> Case:
    inbound = rng.random() < 0.4
    key = rng.choice(["ammo_pistol", "ammo_rifle"])
    ctx = Context(pop, used, [(CONTRABAND[key], rng.randint(*CONTRABAND[key].qty))], "ammunition")
    cover = rng.choice(["metal_parts", "fishing", "tools", "car_parts", "food", "sports", "household", "machine_parts"])
    if inbound:
        origin = _origin(rng, ctx, "ammunition", 0.5)
        rep = region_reporter(rng, REGION)
        s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                    shipper=fresh_foreign(rng, pop, origin), consignee=pop.resident(rep.country) if rng.random() < 0.5 else make_person(rng, rep.country),
                    cover=cover, business=False, category=rng.choice(["gift", "sale_of_goods", "other", None]), payment=None)
    else:
        rep = region_reporter(rng, WEAPON_SOURCE)
        dest = pick(rng, EU_DEST)
        s = smuggle(rng, ctx, reporter=rep, direction="export", origin=rep.country, destination=dest, day=day,
                    shipper=pop.resident(rep.country), consignee=pop.private_abroad(dest) if dest in pop.diaspora else make_person(rng, dest),
                    cover=cover, business=False, category=rng.choice(["gift", "gift", "other", None]), payment=None)
    finish(rng, s, ctx, WEIGHT_SIGNALS + ["low_value_for_weight", "revealing_wording"] + (["risk_origin"] if ctx.risk_origin else []))
    return Case("ammunition_post", "ammunition", [s])


def _variants(rng: random.Random, party: Party, n: int) -> list[tuple[str, str]]:
    """n different spellings of one party's name, the first as the party writes it."""
    lang = party.lang
    base = party.name if not is_cyrillic(party.name) or rng.random() < 0.5 else latin_name(party)
    out = [(base, "as_written")]
    seen = {base}
    tries = 0
    while len(out) < n and tries < 30:
        tries += 1
        v, kind = name_variant(rng, rng.choice([o[0] for o in out]), lang)
        if v not in seen:
            seen.add(v)
            out.append((v, kind))
    while len(out) < n:
        out.append((base, "as_written"))
    return out


def _address_variant(rng: random.Random, street: str) -> str:
    swaps = [("Bulevar", "Bul."), ("Bulevardi", "Bul."), ("Rruga", "Rr."), ("ulica", "ul."), ("Ulica", "Ul."),
             ("бул.", "булевар"), ("ул.", "улица"), ("straße", "str."), ("Straße", "Str.")]
    for a, b in swaps:
        if a in street:
            return street.replace(a, b, 1)
    if rng.random() < 0.5:
        head, _, num = street.rpartition(" ")
        return f"{head} br. {num}" if head else street
    return strip_diacritics(street)


def ant_trade_split(rng, pop, used, day) -> Case:
    """One weapon or a batch in several parcels to one consignee, address, phone or locker under
    slightly different names, from different senders or reporters on close days."""
    inbound = rng.random() < 0.5
    n = rng.choices([2, 3, 4, 5], weights=[40, 35, 18, 7])[0]
    if inbound:
        home = rng.choice(REGION)
        parts = ["slide", "barrel", "frame_kit", "trigger_group", "blank_pistol", "solvent_trap"]
        goods = "firearm_parts"
        origin_pool = ["US", "DE", "AT", "CZ", "TR", "SK", "GB", "PL"]
        receiver = make_person(rng, home) if rng.random() < 0.6 else pop.resident(home)
    else:
        home = rng.choice(DIASPORA_HOSTS[:6])
        parts = ["barrel", "trigger_group", "slide", "ammo_pistol", "pistol_dismantled"]
        goods = "firearms"
        origin_pool = WEAPON_SOURCE
        receiver = make_person(rng, home, lang=rng.choice(["sr", "bs", "sq", "mk"]))
    locker = rng.random() < 0.4 and home in pop.lockers
    fronts = rng.random() < 0.3     # other people's names on the parcels, one address and phone behind them
    names = [(make_person(rng, home, lang=receiver.lang).name, "front") for _ in range(n)] if fronts \
        else _variants(rng, receiver, n)
    reps_country = None
    case = Case("ant_trade_split", goods)
    senders_same = rng.random() < 0.3
    sender0 = None
    for i in range(n):
        key = rng.choice(parts)
        c = CONTRABAND[key]
        ctx = Context(pop, used, [(c, 1 if c.finding != "ammunition" else rng.randint(20, 80))], goods)
        if inbound:
            origin = rng.choice(origin_pool)
            rep = region_reporter(rng, [home])
            direction, dest = "import", home
        else:
            reps_country = reps_country or rng.choice(origin_pool)
            origin = reps_country if rng.random() < 0.8 else rng.choice(origin_pool)
            rep = region_reporter(rng, [origin])
            direction, dest = "export", home
        if senders_same and sender0 is not None and sender0.country == origin:
            shipper = sender0
        else:
            shipper = make_person(rng, origin) if rng.random() < 0.7 else fresh_foreign(rng, pop, origin)
            sender0 = sender0 or shipper
        when = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 3, 4]))
        street = None
        if locker:
            street = pop.lockers[home][hash_index(receiver.name, len(pop.lockers[home]))][0]
        elif rng.random() < 0.4:
            street = _address_variant(rng, f"{receiver.street} {receiver.number}")
        s = smuggle(rng, ctx, reporter=rep, direction=direction, origin=origin, destination=dest, day=when, shipper=shipper,
                    consignee=receiver, cover=rng.choice(INBOUND_COVERS if inbound else OUTBOUND_COVERS), business=False,
                    category=rng.choice(["gift", "sale_of_goods", "other", None]), payment=None,
                    consignee_name=names[i][0] if not rep.ascii_names else strip_diacritics(to_latin(names[i][0])),
                    consignee_street=street)
        if receiver.phone and "phone" not in s.consignee and rng.random() < 0.4:
            s.consignee["phone"] = format_phone(rng, receiver.phone)
        case.shipments.append(s)
        finish(rng, s, ctx, WEIGHT_SIGNALS + ["revealing_wording"], weights=(45, 45, 10))
    _identity_signals(case, locker=locker, fronts=fronts)
    return case


def hash_index(text: str, n: int) -> int:
    """A stable index from a string (Python's hash() is salted per process)."""
    return sum(ord(ch) * (i + 1) for i, ch in enumerate(text)) % n


def _identity_signals(case: Case, *, locker: bool = False, fronts: bool = False) -> None:
    ships = case.shipments
    names = [s.consignee.get("name", "") for s in ships]
    phones = [s.consignee.get("phone") for s in ships]
    reporters = {s.reporter.code for s in ships}
    for s in ships:
        _sig(s, f"split_parcels:{len(ships)}")
        if len(set(names)) > 1:
            _sig(s, "shared_address" if fronts else "name_variant")
        if s.consignee.get("phone") and sum(1 for p in phones if p) > 1 and len(set(names)) > 1:
            _sig(s, "shared_phone")
        if len(reporters) > 1:
            _sig(s, "multi_reporter")
        if locker:
            _sig(s, "parcel_locker")


def identity_games(rng, pop, used, day, span_days: int) -> Case:
    """One receiver over weeks under changing spellings, with the same phone or e-mail and the address
    written differently."""
    home = rng.choice(REGION)
    receiver = make_person(rng, home)
    if receiver.email is None:
        receiver.email = f"{strip_diacritics(latin_name(receiver)).lower().replace(' ', '')}{rng.randint(1, 99)}@gmail.com"
    n = rng.randint(3, 6)
    drop = rng.random() < 0.4       # a drop address: parcels for several unrelated names from unrelated senders
    names = [(make_person(rng, home, lang=receiver.lang).name, "front") for _ in range(n)] if drop \
        else _variants(rng, receiver, n)
    goods_key = rng.choice(["firearm_parts", "converted_weapons", "ammunition"])
    case = Case("identity_games", goods_key)
    box = not drop and rng.random() < 0.3
    for i in range(n):
        when = day + dt.timedelta(days=min(span_days - 1, rng.randint(0, 40)))
        key = {"firearm_parts": rng.choice(["slide", "barrel", "frame_kit", "trigger_group"]),
               "converted_weapons": "blank_pistol", "ammunition": "ammo_pistol"}[goods_key]
        c = CONTRABAND[key]
        ctx = Context(pop, used, [(c, _qty(rng, c) if goods_key != "converted_weapons" else 1)], goods_key)
        origin = rng.choice(["US", "DE", "TR", "CZ", "AT", "SK", "IT", "GB"])
        rep = region_reporter(rng, [home])
        street = None
        if box:
            street = rng.choice(pop.lockers[home])[0]
        elif i and rng.random() < (0.6 if not drop else 0.25):
            street = _address_variant(rng, f"{receiver.street} {receiver.number}")
        s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=home, day=when,
                    shipper=fresh_foreign(rng, pop, origin, org_share=0.5), consignee=receiver,
                    cover=rng.choice(INBOUND_COVERS), business=False, category=rng.choice(["sale_of_goods", "gift", None]),
                    payment=None, consignee_name=names[i][0] if not rep.ascii_names else strip_diacritics(to_latin(names[i][0])),
                    consignee_street=street)
        if rng.random() < (0.6 if not drop else 0.4):
            s.consignee["phone"] = format_phone(rng, receiver.phone)
        elif drop:
            s.consignee.pop("phone", None)
        if not drop and rng.random() < 0.6:
            s.consignee["email"] = receiver.email
        elif drop:
            s.consignee.pop("email", None)
        case.shipments.append(s)
        finish(rng, s, ctx, WEIGHT_SIGNALS + ["revealing_wording"], weights=(55, 40, 5))
    emails = [s.consignee.get("email") for s in case.shipments]
    for s in case.shipments:
        if drop:
            _sig(s, "hub_address")
        elif len({x.consignee.get("name") for x in case.shipments}) > 1:
            _sig(s, "name_variant")
        if s.consignee.get("phone") and sum(1 for x in case.shipments if x.consignee.get("phone")) > 1:
            _sig(s, "shared_phone")
        if s.consignee.get("email") and sum(1 for e in emails if e) > 1:
            _sig(s, "shared_email")
        if box:
            _sig(s, "parcel_locker")
        elif not drop and len({x.consignee.get("street") for x in case.shipments}) > 1:
            _sig(s, "shared_address")
    return case


def newcomer_cod(rng, pop, used, day) -> Case:
    key = rng.choice(["blank_pistol", "slide", "trigger_group", "ammo_pistol", "barrel"])
    c = CONTRABAND[key]
    goods = {"blank_pistol": "converted_weapons", "ammo_pistol": "ammunition"}.get(key, "firearm_parts")
    ctx = Context(pop, used, [(c, _qty(rng, c) if key.startswith("ammo") else rng.randint(1, 2))], goods)
    rep = region_reporter(rng, REGION, ("express",))
    origin = rng.choice([other_region(rng, rep.country), "TR", "BG", other_region(rng, rep.country)])
    if origin == rep.country:
        origin = "TR"
    shipper = make_org(rng, origin, trade=rng.choice(["Shop", "Online", "Store", "Market"])) if rng.random() < 0.5 else make_person(rng, origin)
    s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day, shipper=shipper,
                consignee=make_person(rng, rep.country), cover=rng.choice(["toys", "household", "clothes", "tools", "car_parts", "cosmetics"]),
                business=shipper.kind == "org", category=rng.choice(["sale_of_goods", "other", None]), payment="cash_on_delivery")
    planted = [x for x in ["cod_low_value", "new_account"] if rng.random() < 0.85 and plant(rng, s, x, ctx)]
    for x in planted:
        _sig(s, x)
    _sig(s, "newcomer")
    finish(rng, s, ctx, ["parcel_locker", "revealing_wording", "low_value_for_weight", "net_gross_mismatch"], weights=(55, 35, 10))
    return Case("newcomer_cash_on_delivery", goods, [s])


def odd_routing(rng, pop, used, day) -> Case:
    key = rng.choice(["slide", "barrel", "blank_pistol", "pistol_dismantled", "frame_kit", "trigger_group"])
    c = CONTRABAND[key]
    goods = {"blank_pistol": "converted_weapons", "pistol_dismantled": "firearms"}.get(key, "firearm_parts")
    ctx = Context(pop, used, [(c, 1)], goods)
    origin = _origin(rng, ctx, "converted_weapons" if goods == "converted_weapons" else "firearm_parts", 0.6)
    rep = region_reporter(rng, REGION, ("postal", "express", "air_cargo") if rng.random() < 0.15 else ("postal", "express"))
    s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                shipper=fresh_foreign(rng, pop, origin), consignee=make_person(rng, rep.country) if rng.random() < 0.5 else pop.resident(rep.country),
                cover=rng.choice(INBOUND_COVERS), business=False, category=rng.choice(["sale_of_goods", "gift", "other", None]),
                payment=None)
    for x in rng.sample(["indirect_route", "risk_transit"], rng.randint(1, 2)):
        if plant(rng, s, x, ctx):
            _sig(s, x)
    if ctx.risk_origin:
        _sig(s, "risk_origin")
    finish(rng, s, ctx, WEIGHT_SIGNALS, weights=(50, 40, 10))
    return Case("odd_routing", goods, [s])


def drugs(rng, pop, used, day) -> Case:
    kind = rng.choices(["cannabis", "cocaine", "synthetic", "precursor"], weights=[35, 25, 28, 12])[0]
    c = CONTRABAND[kind]
    goods = "drug_precursors" if kind == "precursor" else "drugs"
    ctx = Context(pop, used, [(c, _qty(rng, c))], goods)
    if kind == "cannabis":
        ctx.risk_origin = rng.random() < 0.6
        origin = rng.choice(RISK_ORIGIN["drugs_cannabis"]) if ctx.risk_origin else rng.choice(["BA", "RS", "ME"])
        rep = region_reporter(rng, [origin])
        dest = rng.choice(["DE", "AT", "CH", "IT", "GB", "SE", "GR", "HR" if origin != "HR" else "SI"])
        s = smuggle(rng, ctx, reporter=rep, direction="export", origin=origin, destination=dest, day=day,
                    shipper=make_person(rng, origin), consignee=make_person(rng, dest),
                    cover=rng.choice(["clothes", "food", "cosmetics", "home_textiles", "personal_effects", "supplements"]),
                    business=False, category=rng.choice(["gift", "gift", "other", None]), payment=None)
        pool = ["low_value_for_weight", "net_gross_mismatch", "heavy_gift_or_documents", "indirect_route"]
    elif kind == "cocaine":
        ctx.risk_origin = True
        origin = rng.choice(RISK_ORIGIN["drugs_cocaine"])
        mode = rng.choice(["air_cargo", "air_cargo", "sea", "express"])
        rep = region_reporter(rng, ["ME", "AL", "HR"] if mode == "sea" else REGION, (mode,))
        importer = make_org(rng, rep.country, trade=rng.choice(["Fruit", "Trade", "Import", "Food"]))
        exporter = make_org(rng, origin, name=f"{rng.choice(['Frutas', 'Exportadora', 'Agro', 'Comercial'])} {rng.choice(['del Pacífico', 'Andina', 'Tropical', 'Santa Rosa', 'La Costa'])} S.A.")
        cover = "produce" if mode != "express" else rng.choice(["food", "cosmetics", "books"])
        s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                    shipper=exporter, consignee=importer if mode != "express" else make_person(rng, rep.country), cover=cover,
                    business=True, category=rng.choice(["sale_of_goods", "commercial_sample"]), payment=None, lang="en")
        _sig(s, "risk_origin")
        _sig(s, "newcomer")
        pool = ["risk_transit", "indirect_route", "net_gross_mismatch"]
    elif kind == "synthetic":
        origin = _origin(rng, ctx, "drugs_synthetic", 0.6)
        rep = region_reporter(rng, REGION)
        s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                    shipper=fresh_foreign(rng, pop, origin), consignee=make_person(rng, rep.country) if rng.random() < 0.6 else pop.resident(rep.country),
                    cover=rng.choice(["food", "supplements", "cosmetics", "toys", "clothes", "books"]), business=False,
                    category=rng.choice(["gift", "sale_of_goods", "other", None]), payment=None)
        pool = ["hs_mismatch", "net_gross_mismatch", "parcel_locker", "low_value_for_weight", "new_account"] + (["risk_origin"] * 2 if ctx.risk_origin else [])
    else:
        origin = _origin(rng, ctx, "drug_precursors", 0.75)
        rep = region_reporter(rng, ["RS", "MK", "BA", "BG", "AL"], ("air_cargo", "express"))
        s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                    shipper=make_org(rng, origin) if origin in ("CN", "DE", "PL") else make_org(rng, "CN"),
                    consignee=make_org(rng, rep.country), cover="chemicals", business=True, category="sale_of_goods", payment=None, lang="en")
        _sig(s, "newcomer")
        pool = ["hs_mismatch", "indirect_route", "low_value_for_weight"] + (["risk_origin"] * 2 if ctx.risk_origin else [])
    finish(rng, s, ctx, pool, weights=(20, 45, 30, 5))
    return Case({"cannabis": "cannabis_outbound", "cocaine": "cocaine_cargo", "synthetic": "synthetic_drugs_inbound",
                 "precursor": "drug_precursors"}[kind], goods, [s])


def cash(rng, pop, used, day) -> Case:
    c = CONTRABAND["cash"]
    ctx = Context(pop, used, [(c, 1)], "cash")
    inbound = rng.random() < 0.6
    if inbound:
        origin = rng.choice(["CH", "DE", "AT", "SE"])
        rep = region_reporter(rng, ["XK", "AL", "MK", "RS", "BA"], ("express", "postal"))
        shipper, consignee, direction, dest = pop.private_abroad(origin), pop.resident(rep.country), "import", rep.country
    else:
        rep = region_reporter(rng, ["RS", "XK", "AL", "MK", "BA", "ME"], ("express",))
        origin, dest, direction = rep.country, rng.choice(["TR", "AE", "CH", "AE"]), "export"
        shipper, consignee = make_person(rng, origin), make_org(rng, dest) if dest == "CH" else make_person(rng, dest)
        ctx.risk_origin = dest in ("AE", "TR")
    cover = rng.choice(["documents", "documents", "books", "clothes"])
    s = smuggle(rng, ctx, reporter=rep, direction=direction, origin=origin, destination=dest, day=day, shipper=shipper,
                consignee=consignee, cover=cover, business=False, category="documents" if cover == "documents" else "gift",
                payment=rng.choice(["prepaid", None]))
    if ctx.risk_origin:
        _sig(s, "risk_destination")
    finish(rng, s, ctx, ["heavy_gift_or_documents", "new_account", "indirect_route"], weights=(40, 45, 15))
    return Case("cash_in_parcels", "cash", [s])


def explosives(rng, pop, used, day) -> Case:
    key = rng.choice(["grenade", "grenade", "plastic_explosive"])
    c = CONTRABAND[key]
    ctx = Context(pop, used, [(c, _qty(rng, c))], "explosives")
    rep = region_reporter(rng, ["BA", "RS", "XK", "MK", "AL", "ME"])
    dest = rng.choice(["SE", "SE", "DE", "AT", "NL", "BE", "CH"])
    s = smuggle(rng, ctx, reporter=rep, direction="export", origin=rep.country, destination=dest, day=day,
                shipper=pop.resident(rep.country) if rng.random() < 0.5 else make_person(rng, rep.country),
                consignee=make_person(rng, dest, lang=rng.choice(["bs", "sr", "sq"]) if rng.random() < 0.7 else None), cover=rng.choice(OUTBOUND_COVERS),
                business=False, category=rng.choice(["gift", "other", None]), payment=None)
    if dest == "SE":
        _sig(s, "risk_destination")
    finish(rng, s, ctx, ["heavy_gift_or_documents", "low_value_for_weight", "net_gross_mismatch", "indirect_route", "hs_mismatch"])
    return Case("explosives_outbound", "explosives", [s])


def cigarettes(rng, pop, used, day) -> Case:
    c = CONTRABAND["cigarettes"]
    road = rng.random() < 0.2
    ctx = Context(pop, used, [(c, rng.randint(400, 3000) if road else _qty(rng, c))], "cigarettes")
    if road:
        rep = region_reporter(rng, ["RS", "MK", "BG"], ("road",))
        origin = rng.choice(["TR", "AE", "TR"])
        ctx.risk_origin = True
        dest = rng.choice(["HU", "AT", "DE"])
        s = smuggle(rng, ctx, reporter=rep, direction="transit", origin=origin, destination=dest, day=day,
                    shipper=make_org(rng, origin), consignee=make_org(rng, dest), cover="household", business=True,
                    category="sale_of_goods", payment="account", lang="en")
    else:
        rep = region_reporter(rng, ["BA", "ME", "MK", "XK", "RS", "BG", "AL"])
        dest = pick(rng, EU_DEST)
        s = smuggle(rng, ctx, reporter=rep, direction="export", origin=rep.country, destination=dest, day=day,
                    shipper=pop.resident(rep.country), consignee=pop.private_abroad(dest) if dest in pop.diaspora else make_person(rng, dest),
                    cover=rng.choice(["food", "clothes", "household", "personal_effects"]), business=False,
                    category=rng.choice(["gift", "gift", "other"]), payment=None)
    if ctx.risk_origin:
        _sig(s, "risk_origin")
    finish(rng, s, ctx, ["low_value_for_weight", "net_gross_mismatch", "heavy_gift_or_documents"])
    return Case("cigarette_smuggling", "cigarettes", [s])


def counterfeit(rng, pop, used, day, resellers: list) -> Case:
    c = CONTRABAND["counterfeit"]
    ctx = Context(pop, used, [(c, _qty(rng, c))], "counterfeit")
    origin = _origin(rng, ctx, "counterfeit", 0.85)
    rep = region_reporter(rng, REGION)
    if not resellers or rng.random() < 0.3:
        resellers.append(make_person(rng, rep.country) if rng.random() < 0.6 else make_org(rng, rep.country, trade="Shop"))
    reseller = rng.choice([r for r in resellers if r.country == rep.country] or [make_person(rng, rep.country)])
    s = smuggle(rng, ctx, reporter=rep, direction="import", origin=origin, destination=rep.country, day=day,
                shipper=fresh_foreign(rng, pop, origin, org_share=0.8), consignee=reseller,
                cover=rng.choice(["clothes", "shoes", "cosmetics", "jewellery", "phone_accessories"]), business=True,
                category=rng.choice(["sale_of_goods", "gift", None]), payment=None)
    if rng.random() < 0.35:
        line = rng.choice(s.lines)
        line.description = rng.choice(["Sneakers AAA quality", "Replica bag 1:1", "Designer style watch", "Brand T-shirts (copy)",
                                       "Patike replika", "Çanta (marka)"])
        _sig(s, "revealing_wording")
    if ctx.risk_origin:
        _sig(s, "risk_origin")
    finish(rng, s, ctx, ["low_value_for_weight", "net_gross_mismatch"], weights=(40, 45, 15))
    return Case("counterfeit_goods", "counterfeit", [s])


PATTERNS = {  # share of illicit shipments (a split case makes several)
    "parts_bought_online": 13, "convertible_pistols_inbound": 10, "legacy_weapons_outbound": 9, "ant_trade_split": 3,
    "ammunition_post": 8, "identity_games": 1, "known_actor": 8, "newcomer_cash_on_delivery": 6, "odd_routing": 5,
    "drugs": 14, "cash_in_parcels": 4, "explosives_outbound": 3, "cigarette_smuggling": 4, "counterfeit_goods": 6,
}
