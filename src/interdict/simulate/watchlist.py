"""The synthetic watchlist (records.md §3) and the listed actors who then ship under variants.

Entries are persons, organisations, addresses, phones and e-mails from national lists and a joint
customs list. Some listed persons and organisations are `actors`: the threat scenarios send their
parcels, writing the listed name the way traffickers do (another script, typos, initials).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random
from typing import Any

from interdict.simulate.identities import Party, format_phone, name_variant, to_latin, without_diacritics
from interdict.simulate.traffic import Traffic

KINDS = {"person": 55, "organisation": 14, "address": 13, "phone": 10, "email": 8}


@dataclass
class Watchlist:
    entries: list[dict[str, Any]]
    actors: list[tuple[str, Party]]  # (entry kind, party) of listed actors who ship in the traffic
    listed_names: frozenset[str]  # exact listed names and aliases (what a naive exact match sees)


def build_watchlist(*, traffic: Traffic, rng: Random, start: date, size: int = 300) -> Watchlist:
    cat = traffic.cat
    lists = cat.threats["watchlist_lists"]
    reasons = cat.threats["watchlist_reasons"]
    region = cat.groups["region"]
    entries: list[dict[str, Any]] = []
    actors: list[tuple[str, Party]] = []
    kinds = list(KINDS)
    weights = list(KINDS.values())
    for number in range(1, size + 1):
        list_id = rng.choice(list(lists))
        country = lists[list_id] or rng.choice(region)
        kind = rng.choices(kinds, weights)[0]
        party = traffic.factory.company(country) if kind == "organisation" else traffic.factory.person(country)
        entry: dict[str, Any] = {"list_id": list_id, "entry_id": f"{list_id}-{number:05d}", "kind": kind}
        if kind in ("person", "organisation"):
            entry["name"] = party.name
            aliases = []
            if party.cyrillic:
                aliases.append(party.cyrillic)
            if kind == "person":
                if rng.random() < 0.5:
                    aliases.append(f"{party.surname} {party.given}")
                if rng.random() < 0.3:
                    aliases.append(without_diacritics(party.name))
                if rng.random() < 0.25:  # a nickname the police know him by
                    aliases.append(f"{party.given} \"{rng.choice(['Crni', 'Mali', 'Švabo', 'Doktor', 'Kum', 'Ljubo', 'Topi'])}\" {party.surname}")
                birth = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
                entry["birth_date"] = birth.isoformat()
            entry["aliases"] = list(dict.fromkeys(a for a in aliases if a != party.name))
        elif kind == "address":
            entry["name"] = party.street
            entry["aliases"] = [party.street_cyrillic] if party.street_cyrillic else []
        elif kind == "phone":
            entry["name"] = format_phone(party, cat, style=0)
            entry["aliases"] = [format_phone(party, cat, style=1)]
        else:
            entry["name"] = party.email
            entry["aliases"] = []
        entry["country"] = country
        if kind in ("person", "organisation", "address") and rng.random() < 0.8:
            entry["street"], entry["city"], entry["postcode"] = party.street, party.city, party.postcode
        entry["reason"] = rng.choice(reasons[kind])
        if rng.random() < 0.4:
            entry["valid_until"] = (start + timedelta(days=rng.randrange(90, 900))).isoformat()
        entries.append(entry)
        # about one listed actor in four is still active, and ships
        if rng.random() < 0.25:
            actors.append((kind, party))
    names = set()
    for entry in entries:
        if entry["kind"] in ("person", "organisation"):
            names.add(entry["name"])
            names.update(entry["aliases"])
    return Watchlist(entries=entries, actors=actors, listed_names=frozenset(names))


def disguised_name(actor: Party, rng: Random) -> str:
    """The name an active listed actor writes on a parcel: rarely as listed, usually a variant."""
    if rng.random() < 0.15:
        return actor.name
    variant = name_variant(actor, rng)
    if variant == actor.name or variant == actor.cyrillic:
        variant = to_latin(actor.cyrillic) if actor.cyrillic and rng.random() < 0.5 else without_diacritics(actor.name)
    return variant
