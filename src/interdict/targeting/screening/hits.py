"""Watchlist hits of shipments for the targeting engine: the shipper and the consignee of every
shipment screened against the stored watchlists, as one readable reason per hit.

Each reason starts with `LIST/ENTRY`, so that a profile's `watchlist_hit: [LIST, ...]` (a
prefix of the hit) fires on the lists it names.
"""

from __future__ import annotations

import re

from datetime import date
from typing import Any

import pyarrow as pa
from sqlalchemy import Engine

from interdict.targeting.screening.matcher import DEFAULT_MIN_SCORE, Screener
from interdict.targeting.screening.models import Match, WatchlistEntry
from interdict.targeting.watchlists import active_entries
from interdict.text import fold
from interdict.text.addresses import address_line, address_parts

ROLES = ("shipper", "consignee")
_PARTY_COLUMNS = ("name", "street", "city", "postcode", "country", "phone_norm", "email_norm")
_ENTRY_COLUMNS = ("list_id", "entry_id", "kind", "name", "aliases", "birth_date", "country", "street", "city",
                  "postcode", "reason", "valid_until")


def screener_from_store(*, engine: Engine, as_of: date | None = None) -> Screener:
    """A screener over the stored watchlist entries valid on `as_of` (default today)."""
    with engine.connect() as conn:
        rows = active_entries(conn, on=as_of)
    entries = []
    for row in rows:
        record: dict[str, Any] = dict(row.get("extra") or {})
        record.update({column: row.get(column) for column in _ENTRY_COLUMNS})
        entries.append(WatchlistEntry.from_record(record))
    return Screener(entries, as_of=as_of)


def _what(explanation: str, *, entry: WatchlistEntry | None, city: Any, postcode: Any, country: Any) -> str:
    """Which of the party's details matched: a contact, the address, or the name with what else
    of the listed entry agrees with the party (its address, city or postcode, country).

    A listed name alone is shared by many people (homonyms were ~6 % of generated traffic); the
    same name in the listed person's own town is far more specific, so targeting can weigh it.
    """
    if explanation.startswith("phone"):
        return "phone"
    if explanation == "e-mail":
        return "e-mail"
    if explanation == "address":
        return "address"
    if explanation.endswith("; address"):
        return "name and address"
    if entry is not None:
        if (entry.postcode and postcode and str(postcode).replace(" ", "") == entry.postcode.replace(" ", "")) or (
                entry.city and city and fold(str(city)) == fold(entry.city)):
            return "name and city"
        if entry.country and country and str(country).upper() == entry.country.upper():
            return "name and country"
    return "name"


# A listed name borne in the screened traffic by parties at this many different addresses is a
# common name: the name alone (or with the country) says nothing of who the party is, and is not
# reported; with the listed town, address, phone or e-mail it still is.
COMMON_NAME_ADDRESSES = 3
_UNCORROBORATED = ("name", "name and country")


def watchlist_hits(shipments: pa.Table, *, screener: Screener, min_score: float = DEFAULT_MIN_SCORE,
                   common_name_addresses: int | None = COMMON_NAME_ADDRESSES) -> pa.Array:
    """Per shipment, the hits of its shipper and consignee (list<string>), best first, e.g.
    "NATIONAL-MK/P-001: consignee name matches 'Петровић Марко' (94: transliteration, token order)".

    Columns `shipper_name`, `shipper_street`, … `shipper_phone_norm`, `shipper_email_norm` and the
    same for `consignee_` are read; a column that is absent counts as empty. A name that parties
    at `common_name_addresses` or more addresses of these shipments share with a listed entry is
    reported only with more of the entry (town, address); None reports every name.
    """
    rows = shipments.num_rows

    def column(name: str) -> list[Any]:
        return shipments.column(name).to_pylist() if name in shipments.column_names else [None] * rows

    parties = {field: [] for field in _PARTY_COLUMNS}  # shippers, then consignees
    for role in ROLES:
        for field in _PARTY_COLUMNS:
            values = column(f"{role}_{field}")
            if field in ("phone_norm", "email_norm") and f"{role}_{field[:-5]}" in shipments.column_names:
                # What ingest could not read (a national number of another country) as written.
                values = [norm or raw for norm, raw in zip(values, column(f"{role}_{field[:-5]}"), strict=True)]
            parties[field].extend(values)
    matches = screener.screen_parties(
        names=parties["name"], streets=parties["street"], cities=parties["city"], postcodes=parties["postcode"],
        countries=parties["country"], phones=parties["phone_norm"], emails=parties["email_norm"],
        min_score=min_score, workers=2,
    )
    listed = {(e.list_id, e.entry_id): e for e in screener.entries}
    described = [(match, _what(match.explanation, entry=listed.get((match.list_id, match.entry_id)),
                           city=parties["city"][match.party_index], postcode=parties["postcode"][match.party_index],
                           country=parties["country"][match.party_index]))
             for match in matches]
    common = _common_names(described, parties, common_name_addresses)
    hits: list[list[tuple[float, str]]] = [[] for _ in range(rows)]
    for match, what in described:
        if what in _UNCORROBORATED and (match.list_id, match.entry_id) in common:
            continue
        role = ROLES[match.party_index // rows]
        # "|" separates the hits where the engine joins them into one string.
        verb = "match" if " and " in what else "matches"
        reason = (f"{match.list_id}/{match.entry_id}: {role} {what} {verb} "
                  f"'{match.matched_name}' ({match.score:.0f}: {match.explanation.replace('; ', ', ')})")
        hits[match.party_index % rows].append((match.score, reason.replace("|", "/")))
    return pa.array([[reason for _, reason in sorted(found, key=lambda h: -h[0])] for found in hits],
                    type=pa.list_(pa.string()))


_KIND = re.compile(r": (?:shipper|consignee) (name and address|name and city|name and country|name|phone|e-mail|address)"
                   r" match(?:es)? ")
KINDS = {"name": "name", "name and country": "name+country", "name and city": "name+city",
         "name and address": "name+address", "phone": "phone", "e-mail": "e-mail", "address": "address"}


def _common_names(found: list[tuple[Match, str]], parties: dict[str, list[Any]], addresses: int | None) -> set[tuple[str, str]]:
    """The listed entries whose name parties at `addresses` or more different addresses bear."""
    if addresses is None:
        return set()
    seen: dict[tuple[str, str], set[str]] = {}
    for match, what in found:
        if not what.startswith("name"):
            continue
        p = match.party_index
        home = address_line(address_parts(street=parties["street"][p], postcode=parties["postcode"][p],
                                          city=parties["city"][p], country=parties["country"][p]))
        seen.setdefault((match.list_id, match.entry_id), set()).add(home or f"{fold(parties['name'][p])}|")
    return {entry for entry, homes in seen.items() if len(homes) >= addresses}


def hit_kinds(hits: pa.Array) -> pa.Array:
    """Per shipment, which details matched a watchlist: `name` (alone), `name+country`,
    `name+city` (city or postcode), `name+address`, `phone`, `e-mail`, `address`, so that a
    profile can weigh a listed phone, e-mail or a name at the listed address above a name that
    many people share."""
    kinds = []
    for found in hits.to_pylist():
        seen: list[str] = []
        for reason in found or []:
            match = _KIND.search(reason)
            if match and KINDS[match.group(1)] not in seen:
                seen.append(KINDS[match.group(1)])
        kinds.append(seen)
    return pa.array(kinds, type=pa.list_(pa.string()))
