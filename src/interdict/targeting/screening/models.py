"""What screening reads and writes: watchlist entries (records.md §3), queries and shipment
parties to screen (§5 input), and the matches found, each with its score and explanation (§5 output).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from interdict.errors import InvalidInput, Problem

EntryKind = Literal["person", "organisation", "address", "phone", "email"]
ENTRY_KINDS: tuple[str, ...] = ("person", "organisation", "address", "phone", "email")
_ENTRY_FIELDS = ("list_id", "entry_id", "kind", "name", "aliases", "birth_date", "country", "street", "city",
                 "postcode", "reason", "valid_until")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(record: Mapping[str, Any], name: str, problems: list[Problem]) -> date | None:
    value = record.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        problems.append(Problem(name, "iso_date", value, "write the date as YYYY-MM-DD"))
        return None


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    """One listed person, company, address, phone or e-mail (records.md §3).

    For kind `phone` and `email` the number or address is in `name`; for kind `address` the
    address is in `street`, `postcode`, `city` (and `name` may repeat it as one line).
    """

    list_id: str
    entry_id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    birth_date: date | None = None
    country: str | None = None
    street: str | None = None
    city: str | None = None
    postcode: str | None = None
    reason: str | None = None
    valid_until: date | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def is_valid_on(self, day: date) -> bool:
        return self.valid_until is None or self.valid_until >= day

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> WatchlistEntry:
        """An entry from one NDJSON object or CSV row; InvalidInput says what is wrong with it."""
        problems: list[Problem] = []
        for required in ("list_id", "entry_id", "kind"):
            if not _text(record.get(required)):
                problems.append(Problem(required, "required", record.get(required), f"give the entry a {required}"))
        kind = (_text(record.get("kind")) or "").lower()
        if kind and kind not in ENTRY_KINDS:
            problems.append(Problem("kind", "one_of", record.get("kind"), f"use one of {', '.join(ENTRY_KINDS)}"))
        name = _text(record.get("name"))
        if not name and not (kind == "address" and _text(record.get("street"))):
            problems.append(Problem("name", "required", record.get("name"), "give the listed name, phone or e-mail"))
        aliases = record.get("aliases") or ()
        if isinstance(aliases, str):
            aliases = aliases.split("|")
        birth_date = _date(record, "birth_date", problems)
        valid_until = _date(record, "valid_until", problems)
        if problems:
            raise InvalidInput(
                f"watchlist entry {record.get('list_id')}/{record.get('entry_id')} is not valid", problems=problems
            )
        country = _text(record.get("country"))
        return cls(
            list_id=str(record["list_id"]).strip(),
            entry_id=str(record["entry_id"]).strip(),
            kind=kind,
            name=name or "",
            aliases=tuple(a for a in (_text(x) for x in aliases) if a),
            birth_date=birth_date,
            country=country.upper() if country else None,
            street=_text(record.get("street")),
            city=_text(record.get("city")),
            postcode=_text(record.get("postcode")),
            reason=_text(record.get("reason")),
            valid_until=valid_until,
            extra={k: v for k, v in record.items() if k not in _ENTRY_FIELDS},
        )


@dataclass(frozen=True, slots=True)
class Query:
    """One name to screen (records.md §5 input), or one shipment party (shipper, consignee).

    `phone` and `email` are not in §5 but shipment parties carry them and they are screened too.
    """

    query_id: str
    name: str | None
    country: str | None = None
    street: str | None = None
    city: str | None = None
    postcode: str | None = None
    kind: str | None = None
    phone: str | None = None
    email: str | None = None

    @classmethod
    def from_record(cls, record: Mapping[str, Any], *, line: int) -> Query:
        query_id = _text(record.get("query_id"))
        if not query_id:
            raise InvalidInput(
                f"query on line {line} has no query_id",
                problems=[Problem("query_id", "required", record.get("query_id"), "give every query a query_id")],
            )
        kind = (_text(record.get("kind")) or "").lower() or None
        if kind is not None and kind not in ENTRY_KINDS:
            raise InvalidInput(
                f"query {query_id} has an unknown kind",
                problems=[Problem("kind", "one_of", record.get("kind"), f"use one of {', '.join(ENTRY_KINDS)}")],
            )
        country = _text(record.get("country"))
        return cls(
            query_id=query_id,
            name=_text(record.get("name")),
            country=country.upper() if country else None,
            street=_text(record.get("street")),
            city=_text(record.get("city")),
            postcode=_text(record.get("postcode")),
            kind=kind,
            phone=_text(record.get("phone")),
            email=_text(record.get("email")),
        )


@dataclass(frozen=True, slots=True)
class Match:
    """One candidate match (records.md §5 output); `party_index` is the position of the query in
    the batch that was screened."""

    query_id: str | None
    party_index: int
    list_id: str
    entry_id: str
    matched_name: str
    score: float
    explanation: str

    def as_record(self) -> dict[str, Any]:
        return {
            "query_id": self.query_id,
            "list_id": self.list_id,
            "entry_id": self.entry_id,
            "matched_name": self.matched_name,
            "score": self.score,
            "explanation": self.explanation,
        }
