"""National and regional watchlists (records.md §3): people, companies, addresses, phones and e-mails.
A few listed actors ship during the period, usually under a variant of the listed name; most entries
never appear; some have expired; common names have innocent namesakes in the traffic."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from benchmarks.heldout3.goods import CONTRABAND
from benchmarks.heldout3.people import format_phone, is_cyrillic, name_variant, strip_diacritics, to_cyrillic, to_latin
from benchmarks.heldout3.threats import (EU_DEST, INBOUND_COVERS, OUTBOUND_COVERS, WEIGHT_SIGNALS, Case, Context,
                                         _address_variant, _sig, finish, fresh_foreign, region_reporter, smuggle)
from benchmarks.heldout3.traffic import Population
from benchmarks.heldout3.world import REGION, Party, latin_name, make_org, make_person, pick

LISTS = {"RS-UC-RIZIK": ["RS"], "MK-CU-PROFILI": ["MK"], "BA-UIO-WL": ["BA"], "AL-DPD-RISK": ["AL"], "XK-DK-WL": ["XK"],
         "ME-UC-RIZIK": ["ME"], "BG-AM-RISK": ["BG"], "HR-CU-WL": ["HR"], "SEEU-FIREARMS-JOINT": REGION + ["DE", "AT", "SE", "CH"]}
REASONS = ["suspected firearms trafficking", "convicted: illicit trade in firearms (2021)", "firearms parts purchased online, investigation open",
           "ammunition seizure 2023, case pending", "linked to converted blank-firing pistols", "explosives (hand grenades) seizure",
           "drug trafficking network", "cannabis export, police intelligence", "cigarette smuggling", "customs fraud (undervaluation)",
           "money laundering, cash couriers", "member of organised crime group (police)", "address used by several suspects",
           "phone number used in firearms case", "e-mail used to order weapon parts"]


@dataclass
class Listed:
    entry: dict
    party: Party | None
    kind: str
    appears: bool
    expired: bool


def _birth(rng: random.Random, year: int) -> str:
    return dt.date(year, rng.randint(1, 12), rng.randint(1, 28)).isoformat()


def build(rng: random.Random, pop: Population, start: dt.date, days: int, n_shipments: int) -> list[Listed]:
    """The lists as the period starts. About one listed actor per 500 shipments is active in the traffic."""
    listed: list[Listed] = []
    n_active = max(4, n_shipments // 450)
    n_total = max(40, n_shipments // 40) + n_active
    counters: dict[str, int] = {}
    for i in range(n_total):
        active = i < n_active
        kind = pick(rng, {"person": 58, "organisation": 12, "address": 10, "phone": 12, "email": 8})
        country = rng.choice(REGION) if rng.random() < 0.85 else rng.choice(["DE", "AT", "SE", "CH"])
        list_id = rng.choice([lid for lid, cs in LISTS.items() if country in cs])
        counters[list_id] = counters.get(list_id, 0) + 1
        expired = not active and rng.random() < 0.15
        namesake = not active and kind == "person" and rng.random() < 0.12 and country in pop.residents
        if namesake:
            other = rng.choice(pop.residents[country])
            party = make_person(rng, country, lang=other.lang)
            party.name = other.name
        elif kind == "organisation":
            party = make_org(rng, country, trade=rng.choice(["Trade", "Impex", "Lov", "Hunting", "Sport", "Logistik", "Trans"]))
        else:
            party = make_person(rng, country)
        entry = {"list_id": list_id, "entry_id": f"{list_id}-{counters[list_id]:05d}", "kind": kind}
        if kind in ("person", "organisation"):
            entry["name"] = party.name
            aliases = []
            if kind == "person":
                if is_cyrillic(party.name):
                    aliases.append(latin_name(party))
                elif party.lang in ("sr", "me", "bs") and rng.random() < 0.5:
                    aliases.append(to_cyrillic(party.name))
                if rng.random() < 0.3:
                    aliases.append(rng.choice(["Kele", "Šone", "Bato", "Cigan", "Tiger", "Dr. Gun", "Mali", "Gjoni", "Beli", "Zeka"]))
                entry["birth_date"] = _birth(rng, party.birth_year)
            else:
                head = party.name.rsplit(" ", 1)[0]
                aliases.append(strip_diacritics(to_latin(head)).upper())
            entry["aliases"] = aliases
        elif kind == "address":
            entry["name"] = f"{party.street} {party.number}, {party.city}"
        elif kind == "phone":
            entry["name"] = format_phone(rng, party.phone, rng.choice([0, 1]))
        else:
            if not party.email:
                party.email = f"{strip_diacritics(latin_name(party)).lower().replace(' ', '.')}@gmail.com"
            entry["name"] = party.email
        entry["country"] = country
        if kind in ("person", "organisation", "address") or rng.random() < 0.5:
            entry["street"] = f"{party.street} {party.number}"
            entry["city"] = party.city
            entry["postcode"] = party.postcode
        own = {"address": REASONS[12], "phone": REASONS[13], "email": REASONS[14]}.get(kind)
        entry["reason"] = own if own and rng.random() < 0.6 else rng.choice(REASONS[:12])
        if expired:
            entry["valid_until"] = (start - dt.timedelta(days=rng.randint(20, 900))).isoformat()
        elif rng.random() < 0.5:
            entry["valid_until"] = (start + dt.timedelta(days=rng.randint(days + 30, 1200))).isoformat()
        listed.append(Listed(entry, party, kind, active, expired))
    rng.shuffle(listed)
    return listed


def known_actor(rng: random.Random, pop: Population, used: set, day: dt.date, actor: Listed) -> Case:
    """A listed person, company, address, phone or e-mail behind a shipment, usually written differently."""
    party = actor.party
    abroad = party.country not in REGION
    outbound = abroad or rng.random() < 0.45
    key = rng.choice(["pistol_dismantled", "rifle_m70", "ammo_pistol", "grenade", "smg"]) if outbound else \
        rng.choice(["slide", "barrel", "blank_pistol", "frame_kit", "ammo_pistol", "trigger_group", "synthetic"])
    c = CONTRABAND[key]
    ctx = Context(pop, used, [(c, rng.randint(*c.qty) if c.finding in ("ammunition",) else 1)], c.goods)
    if abroad:      # a listed receiver in the diaspora, weapons posted to him from the region
        origin = rng.choice(["BA", "RS", "XK", "AL", "MK"])
        rep = region_reporter(rng, [origin])
        direction, dest, role = "export", party.country, "consignee"
        other = make_person(rng, origin)
    elif outbound:
        rep = region_reporter(rng, [party.country])
        direction, origin, dest, role = "export", party.country, pick(rng, EU_DEST), "shipper"
        other = make_person(rng, dest, lang=rng.choice(["sr", "bs", "sq", "mk", "de"]))
    else:
        rep = region_reporter(rng, [party.country])
        origin = rng.choice(["US", "DE", "TR", "AT", "CZ", "NL", "SK", "IT"])
        direction, dest, role = "import", party.country, "consignee"
        other = fresh_foreign(rng, pop, origin)
    stand_in = party
    name = street = None
    detail = "exact"
    if actor.kind in ("person", "organisation"):
        r = rng.random()
        if r < 0.15:
            name = party.name
        elif r < 0.25 and actor.entry.get("aliases"):
            name, detail = rng.choice(actor.entry["aliases"]), "alias"
        elif actor.kind == "organisation":
            name, detail = name_variant(rng, party.name, party.lang, kinds=("legal_form", "upper", "diacritics", "typo", "script"))
        else:
            name, detail = name_variant(rng, party.name, party.lang)
    elif actor.kind == "address":
        stand_in = make_person(rng, party.country)
        stand_in.street, stand_in.number = party.street, party.number
        stand_in.city, stand_in.postcode, stand_in.city_cyr = party.city, party.postcode, party.city_cyr
        if rng.random() < 0.6:
            street, detail = _address_variant(rng, f"{party.street} {party.number}"), "written_differently"
    elif actor.kind in ("phone", "email"):
        stand_in = make_person(rng, party.country)
    common = dict(reporter=rep, direction=direction, origin=origin, destination=dest, day=day,
                  cover=rng.choice(OUTBOUND_COVERS if outbound else INBOUND_COVERS), business=False,
                  category=rng.choice(["gift", "sale_of_goods", "other", None]), payment=None)
    if role == "shipper":
        s = smuggle(rng, ctx, shipper=stand_in, consignee=other, shipper_name=name, **common)
        side = s.shipper
        if street:
            side["street"] = street
    else:
        s = smuggle(rng, ctx, shipper=other, consignee=stand_in, consignee_name=name, consignee_street=street, **common)
        side = s.consignee
    if rep.ascii_names and name:
        side["name"] = strip_diacritics(to_latin(name))
    if actor.kind == "phone":
        side["phone"] = format_phone(rng, party.phone)
    elif actor.kind == "email":
        side["email"] = party.email
    _sig(s, f"watchlist_{actor.kind}:{detail}")
    finish(rng, s, ctx, WEIGHT_SIGNALS + ["revealing_wording", "parcel_locker"], weights=(40, 40, 18, 2))
    return Case("known_actor", ctx.goods, [s])


def entries(listed: list[Listed]) -> list[dict]:
    return [l.entry for l in sorted(listed, key=lambda l: (l.entry["list_id"], l.entry["entry_id"]))]
