"""Writing validated shipments: versions, amendments, duplicates and stale re-sends.

`(reporter, shipment_id)` identifies a shipment. A later `reported_at` is an amendment (applied,
the older version kept as superseded); an identical re-send is a duplicate and changes nothing; a
different version that is not later than the stored one is stale: kept in history, never applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Row, bindparam, delete, select, update

from interdict.ingest.identifiers import classify_identifier
from interdict.ingest.models import Shipment, ShipmentItem, ShipmentVersion
from interdict.ingest.reference import to_eur_cents, to_minor_units
from interdict.ingest.schemas import Party, ShipmentRecord
from interdict.ingest.validation import Checked
from interdict.store.bulk import bulk_writer
from interdict.store.database import now_utc
from interdict.text import fold, fold_description, normalise_email, normalise_phone
from interdict.text.addresses import address_line, address_parts

ACCEPTED, AMENDED, DUPLICATE, STALE = "accepted", "amended", "duplicate", "stale"
_VERSIONS = ShipmentVersion.__table__
_SHIPMENTS = Shipment.__table__
_ITEMS = ShipmentItem.__table__
_VERSION_COLUMNS = ("id", "reporter", "shipment_id", "reported_at", "record_hash", "record", "state", "batch_id", "received_at")
_SHIPMENT_COLUMNS = tuple(c.name for c in _SHIPMENTS.columns)


def _grams(kg: Decimal | None) -> int | None:
    return None if kg is None else int((kg * 1000).to_integral_value())


# Names, addresses and descriptions repeat a great deal in a feed (the same shops, the same
# goods); each normaliser runs once per distinct value. Bounded, so memory stays flat on any file.
_name_norm = lru_cache(maxsize=1 << 16)(fold)
_description_norm = lru_cache(maxsize=1 << 14)(fold_description)


# Addresses repeat at longer distances than names: in a simulated 1,000,000-shipment file, 247,664
# distinct addresses recur 2 million times, and a cache of 65,536 missed 884,603 times (each miss a
# full normalisation, the costliest one); with 262,144 entries only the first sight of each misses.
# About 540 bytes an entry: ~140 MB when full.
# These caches hold whole results, so they call the normalisers past their own caches (which would
# only hold the same values a second time, and cost a keyword key and an eviction on every miss).
_address_parts = address_parts.__wrapped__
_normalise_phone = normalise_phone.__wrapped__


@lru_cache(maxsize=1 << 18)
def _address_norm(street: str | None, postcode: str | None, city: str | None, country: str) -> str:
    return address_line(_address_parts(street=street, postcode=postcode, city=city, country=country))


@lru_cache(maxsize=1 << 16)
def _phone_norm(phone: str | None, country: str) -> str | None:
    return _normalise_phone(phone, country=country)


_PARTY_FIELDS = ("name", "street", "city", "postcode", "country", "phone", "email",
                 "name_norm", "address_norm", "phone_norm", "email_norm")  # fmt: skip
# The flattened row's names, in the order `shipment_columns` gives its values.
ROW_KEYS = (
    "reporter", "shipment_id", "reported_at", "mode", "direction", "category", "origin_country", "departure_country",
    "transit_countries", "destination_country", "departure_date", "arrival_date", "carrier", "conveyance_ref", "master_ref",
    *(f"{side}_{name}" for side in ("shipper", "consignee") for name in _PARTY_FIELDS),
    "consignee_id_number", "pieces", "gross_weight_g", "declared_value_minor", "currency", "declared_value_eur_cents",
    "payment_method", "item_count", "items_net_weight_g", "descriptions", "descriptions_norm", "hs_codes", "id_kind",
    "id_check_valid", "extra",
)  # fmt: skip
# An item row's names, in the order `shipment_columns` writes them.
ITEM_KEYS = ("line_no", "description", "description_norm", "hs_code", "quantity", "net_weight_g", "value_minor", "currency",
             "origin_country", "extra")  # fmt: skip
# What a new shipment's insert names: the version it stands for, then the flattened row as it comes.
_VERSION_OF_ROW = ("version_id", "version_count", "record_hash", "batch_id")
_INSERTED = ("id", *_VERSION_OF_ROW, *ROW_KEYS)
_ITEM_COLUMNS = ("shipment_pk", *ITEM_KEYS)  # the item's own id: numbered by the database
_REPORTER, _SHIPMENT_ID, _REPORTED_AT = (ROW_KEYS.index(name) for name in ("reporter", "shipment_id", "reported_at"))


def _party(party: Party) -> tuple[Any, ...]:
    """A party's values in `_PARTY_FIELDS` order (a tuple: the row is built from one, by name)."""
    name, street, city, postcode, country, phone, email = (
        party.name, party.street, party.city, party.postcode, party.country, party.phone, party.email,
    )  # fmt: skip
    return (
        name, street, city, postcode, country, phone, email, _name_norm(name), _address_norm(street, postcode, city, country),
        _phone_norm(phone, country) if phone else None, normalise_email(email) if email else None,
    )  # fmt: skip


def shipment_values(record: ShipmentRecord) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The flattened current-version row and its item rows as values in `ROW_KEYS` and `ITEM_KEYS`
    order: what ingest writes (tuples all the way to the insert: no names to build and drop)."""
    identifier = classify_identifier(record.shipment_id, mode=record.mode)
    items = []
    net_total = 0
    net_known = True  # only a total over every item: a partial sum would look like missing weight
    for line_no, item in enumerate(record.items, start=1):
        net = _grams(item.net_weight_kg)
        if net is not None:
            net_total += net
        else:
            net_known = False
        value, currency = item.value, item.currency or record.currency
        description = item.description
        items.append((
            line_no, description, _description_norm(description), item.hs_code, item.quantity, net,
            None if value is None else to_minor_units(value, currency), currency if value is not None else item.currency,
            item.origin_country, item.extras,
        ))  # fmt: skip
    value = record.declared_value
    extra = record.extras or {}
    for side in ("shipper", "consignee"):
        if (nested := getattr(record, side).extras) is not None:
            extra = {**extra, side: nested}
    consignee = record.consignee
    row = (
        record.reporter, record.shipment_id, record.reported_at.astimezone(UTC), record.mode, record.direction,
        record.category, record.origin_country, record.departure_country, "|".join(record.transit_countries or ()),
        record.destination_country, record.departure_date, record.arrival_date, record.carrier, record.conveyance_ref,
        record.master_ref, *_party(record.shipper), *_party(consignee), consignee.id_number, record.pieces,
        _grams(record.gross_weight_kg), None if value is None else to_minor_units(value, record.currency), record.currency,
        None if value is None else to_eur_cents(value, record.currency), record.payment_method, len(items),
        net_total if net_known else None, " | ".join([i[1] for i in items]), " | ".join([i[2] for i in items]),
        "|".join([i[3] or "" for i in items]).strip("|"), identifier.kind, identifier.valid, extra or None,
    )  # fmt: skip
    return row, items


def shipment_columns(record: ShipmentRecord) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The flattened current-version row and its item rows, in the targeting column contract."""
    return as_columns(shipment_values(record))


def as_columns(values: tuple[tuple[Any, ...], list[tuple[Any, ...]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """`shipment_values` by name: the row and item rows as dicts."""
    row, items = values
    return dict(zip(ROW_KEYS, row, strict=True)), [dict(zip(ITEM_KEYS, i, strict=True)) for i in items]


Stored = dict[tuple[str, str], dict[str, Any] | None]  # key -> its current row (id, reported_at, hash, version), or None


def write_shipments(conn: Connection, checked: Sequence[Checked], *, batch_id: int, stored: Stored | None = None) -> list[str]:
    """Write valid shipments (keys unique within `checked`); returns each one's status in order.

    `stored` (from `stored_shipments`) saves asking the database again for the same keys: the
    caller writing a chunk in several runs passes one, and it is kept up to date here.
    """
    stored = {} if stored is None else stored
    missing = [c.key for c in checked if c.key not in stored]
    if missing:
        stored.update(stored_shipments(conn, missing))  # type: ignore[arg-type]
    # A version differing from the current one may still be a re-send of an older one: those keys'
    # stored versions, asked once for the run.
    differing = [c.key for c in checked if (current := stored[c.key]) is not None and current["record_hash"] != c.record_hash]
    older = _version_hashes(conn, differing) if differing else set()  # type: ignore[arg-type]
    statuses: list[str] = []
    received = now_utc()
    new_versions: list[tuple[Any, ...]] = []
    plans: list[tuple[str, Checked]] = []
    for item in checked:
        row = item.values[0]
        key = (row[_REPORTER], row[_SHIPMENT_ID])
        current = stored[key]
        if current is None:
            status = ACCEPTED
        elif current["record_hash"] == item.record_hash or (*key, item.record_hash) in older:
            status = DUPLICATE
        elif row[_REPORTED_AT] > current["reported_at"]:
            status = AMENDED
        else:
            status = STALE
        statuses.append(status)
        if status == DUPLICATE:
            continue
        plans.append((status, item))
        new_versions.append(
            (*key, row[_REPORTED_AT], item.record_hash, item.record_json.decode(), "stale" if status == STALE else "applied",
             batch_id, received)
        )  # fmt: skip
    if not new_versions:
        return statuses
    versions = bulk_writer(conn, _VERSIONS, _VERSION_COLUMNS)
    version_ids = versions.allocate_ids(conn, len(new_versions))
    versions.insert(conn, [(vid, *row) for vid, row in zip(version_ids, new_versions, strict=True)])
    fresh: list[tuple[int, Checked]] = []
    amended: list[tuple[dict[str, Any], dict[str, Any], list[tuple[Any, ...]]]] = []
    for (status, item), version_id in zip(plans, version_ids, strict=True):
        if status == ACCEPTED:
            fresh.append((version_id, item))
        elif status == AMENDED:
            row = dict(zip(ROW_KEYS, item.values[0], strict=True))
            row.update(version_id=version_id, batch_id=batch_id, record_hash=item.record_hash)
            amended.append((stored[(row["reporter"], row["shipment_id"])], row, item.values[1]))  # type: ignore[arg-type]
    if amended:
        _amend(conn, amended)
        for current, row, _items in amended:
            stored[(row["reporter"], row["shipment_id"])] = _current_row(
                current["id"], row["reporter"], row["shipment_id"], row["reported_at"], row["record_hash"], row["version_id"],
                row["version_count"])  # fmt: skip
    if fresh:
        shipments = bulk_writer(conn, _SHIPMENTS, _INSERTED)
        pks = shipments.allocate_ids(conn, len(fresh))
        shipments.insert(conn, [(pk, version_id, 1, item.record_hash, batch_id, *item.values[0])
                                for pk, (version_id, item) in zip(pks, fresh, strict=True)])  # fmt: skip
        bulk_writer(conn, _ITEMS, _ITEM_COLUMNS).insert(
            conn, [(pk, *line) for pk, (_, item) in zip(pks, fresh, strict=True) for line in item.values[1]])
        for pk, (version_id, item) in zip(pks, fresh, strict=True):
            row = item.values[0]
            stored[(row[_REPORTER], row[_SHIPMENT_ID])] = _current_row(
                pk, row[_REPORTER], row[_SHIPMENT_ID], row[_REPORTED_AT], item.record_hash, version_id, 1)
    return statuses


def _current_row(pk: int, reporter: str, shipment_id: str, reported_at: datetime, record_hash: str, version_id: int,
                 version_count: int) -> dict[str, Any]:  # fmt: skip
    """What `stored_shipments` would now read back for the row just written."""
    return {"id": pk, "reporter": reporter, "shipment_id": shipment_id, "reported_at": reported_at,
            "record_hash": record_hash, "version_id": version_id, "version_count": version_count}  # fmt: skip


_CURRENT_COLUMNS = ("id", "reporter", "shipment_id", "reported_at", "record_hash", "version_id", "version_count")
_CURRENT = select(*(_SHIPMENTS.c[name] for name in _CURRENT_COLUMNS)).where(
    _SHIPMENTS.c.reporter == bindparam("reporter"), _SHIPMENTS.c.shipment_id.in_(bindparam("ids", expanding=True)))
_HASHES = select(_VERSIONS.c.reporter, _VERSIONS.c.shipment_id, _VERSIONS.c.record_hash).where(
    _VERSIONS.c.reporter == bindparam("reporter"), _VERSIONS.c.shipment_id.in_(bindparam("ids", expanding=True)))  # fmt: skip
_IN_LIST = 400  # ids a query names at most: bounded IN lists for every dialect


def stored_shipments(conn: Connection, keys: Sequence[tuple[str, str]]) -> Stored:
    """The stored current row of each key, None for a key not stored yet."""
    found: Stored = dict.fromkeys(keys)
    if conn.dialect.name == "sqlite":
        (reported_at,) = _result_processors(conn, ("reported_at",))
        for row in _sqlite_by_key(conn, _SHIPMENTS.name, _CURRENT_COLUMNS, keys):
            current = dict(zip(_CURRENT_COLUMNS, row, strict=True))
            current["reported_at"] = reported_at(current["reported_at"])
            found[(current["reporter"], current["shipment_id"])] = current
        return found
    for row in _by_key(conn, _CURRENT, keys):
        found[(row.reporter, row.shipment_id)] = row._asdict()
    return found


def _version_hashes(conn: Connection, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(reporter, shipment_id, record_hash) of every stored version of the keys."""
    if conn.dialect.name == "sqlite":
        return set(_sqlite_by_key(conn, _VERSIONS.name, ("reporter", "shipment_id", "record_hash"), keys))
    return {tuple(row) for row in _by_key(conn, _HASHES, keys)}  # type: ignore[misc]


def _ids_by_reporter(keys: Sequence[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """The keys' shipment ids by reporter, in lists of at most `_IN_LIST`.

    One reporter at a time: `reporter = ? AND shipment_id IN (...)` walks the unique index, where
    SQLite answers a list of (reporter, shipment_id) pairs by scanning the whole table."""
    ids_by_reporter: dict[str, list[str]] = {}
    for reporter, shipment_id in keys:
        ids_by_reporter.setdefault(reporter, []).append(shipment_id)
    for reporter, ids in ids_by_reporter.items():
        for start in range(0, len(ids), _IN_LIST):
            yield reporter, ids[start : start + _IN_LIST]


def _by_key(conn: Connection, query: Any, keys: Sequence[tuple[str, str]]) -> Iterator[Row[Any]]:
    """The rows of `query` (taking a reporter and a list of shipment ids) for the keys."""
    for reporter, ids in _ids_by_reporter(keys):
        yield from conn.execute(query, {"reporter": reporter, "ids": ids})


def _sqlite_by_key(conn: Connection, table: str, columns: tuple[str, ...], keys: Sequence[tuple[str, str]]) -> Iterator[tuple[Any, ...]]:
    """`_by_key` on SQLite's own cursor, as the values the driver returns: a load asks this for
    every chunk, and SQLAlchemy's expanding of each IN list cost more than SQLite's answer."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for reporter, ids in _ids_by_reporter(keys):
            yield from cursor.execute(_sqlite_key_query(table, columns, len(ids)), (reporter, *ids))
    finally:
        cursor.close()


@lru_cache(maxsize=64)
def _sqlite_key_query(table: str, columns: tuple[str, ...], count: int) -> str:
    names = ", ".join(f'"{name}"' for name in columns)
    return f'SELECT {names} FROM "{table}" WHERE reporter = ? AND shipment_id IN ({", ".join("?" * count)})'


def _result_processors(conn: Connection, columns: tuple[str, ...]) -> list[Callable[[Any], Any]]:
    """What SQLAlchemy does to each column's value as the driver returns it (identity when nothing)."""
    processors = []
    for name in columns:
        column = _SHIPMENTS.c[name]
        processor = column.type._cached_result_processor(conn.dialect, None)  # noqa: SLF001 - what a select applies
        processors.append(processor or (lambda value: value))
    return processors


# Built once: an amendment is rare but comes in thousands on a big file, and building a statement
# of sixty columns costs more than running it.
_SUPERSEDE = update(_VERSIONS).where(_VERSIONS.c.id == bindparam("_version_id")).values(state="superseded")
_UPDATE_SHIPMENT = update(_SHIPMENTS).where(_SHIPMENTS.c.id == bindparam("_pk")).values(
    {name: bindparam(name) for name in _SHIPMENT_COLUMNS[1:]}
)
_DELETE_ITEMS = delete(_ITEMS).where(_ITEMS.c.shipment_pk == bindparam("_pk"))


def _amend(conn: Connection, amended: list[tuple[dict[str, Any], dict[str, Any], list[tuple[Any, ...]]]]) -> None:
    """Apply amendments (stored row, new row, new item rows in `ITEM_KEYS` order): old versions
    superseded and rows updated in one statement each; items replaced one shipment after the other,
    in input order (SQLite numbers each item after the highest id left by the delete before it)."""
    conn.execute(_SUPERSEDE, [{"_version_id": stored["version_id"]} for stored, _row, _items in amended])
    for stored, row, _items in amended:
        row["version_count"] = stored["version_count"] + 1
    conn.execute(_UPDATE_SHIPMENT, [{**row, "_pk": stored["id"]} for stored, row, _items in amended])
    item_writer = bulk_writer(conn, _ITEMS, _ITEM_COLUMNS)
    for stored, _row, items in amended:
        conn.execute(_DELETE_ITEMS, {"_pk": stored["id"]})
        item_writer.insert(conn, [(stored["id"], *line) for line in items])


def renormalise(conn: Connection, *, batch: int = 5_000) -> dict[str, int]:
    """Recompute the stored matching forms (item and shipment descriptions, party names, addresses
    and phones) with the normalisers of this version, for a store ingested by an older one.

    Only rows whose form changes are written; a second run writes nothing. Scores already kept
    are not touched: they say what the rules saw then. Returns the rows changed per table.
    """
    changed: set[int] = set()  # shipments with an item whose form changed
    item_updates = []
    for item_id, shipment_pk, description, stored in conn.execute(
            select(_ITEMS.c.id, _ITEMS.c.shipment_pk, _ITEMS.c.description, _ITEMS.c.description_norm)):
        norm = _description_norm(description)
        if norm != stored:
            item_updates.append({"_id": item_id, "_norm": norm})
            changed.add(shipment_pk)
    _update_by_id(conn, _ITEMS, {"description_norm": bindparam("_norm")}, item_updates, batch=batch)
    shipment_updates = []
    pks = sorted(changed)
    for start in range(0, len(pks), batch):
        chunk = pks[start:start + batch]
        lines: dict[int, list[tuple[int, str]]] = {pk: [] for pk in chunk}
        for pk, line_no, norm in conn.execute(select(_ITEMS.c.shipment_pk, _ITEMS.c.line_no, _ITEMS.c.description_norm)
                                              .where(_ITEMS.c.shipment_pk.in_(chunk))):
            lines[pk].append((line_no, norm))
        shipment_updates += [{"_id": pk, "_norm": " | ".join(n for _, n in sorted(found))} for pk, found in lines.items()]
    _update_by_id(conn, _SHIPMENTS, {"descriptions_norm": bindparam("_norm")}, shipment_updates, batch=batch)
    party_updates = []
    party_columns = [_SHIPMENTS.c[f"{side}_{part}"] for side in ("shipper", "consignee")
                     for part in ("name", "street", "city", "postcode", "country", "phone", "name_norm", "address_norm",
                                  "phone_norm")]
    for pk, *values in conn.execute(select(_SHIPMENTS.c.id, *party_columns)):
        update_row = {}
        for side, (name, street, city, postcode, country, phone, name_norm, address_norm, phone_norm) in zip(
                ("shipper", "consignee"), (values[:9], values[9:]), strict=True):
            if (new := _name_norm(name)) != name_norm:
                update_row[f"{side}_name_norm"] = new
            if (new := _address_norm(street, postcode, city, country)) != address_norm:
                update_row[f"{side}_address_norm"] = new
            if (new := _phone_norm(phone, country)) != phone_norm:
                update_row[f"{side}_phone_norm"] = new
        if update_row:
            party_updates.append((pk, update_row))
    for pk, values in party_updates:
        conn.execute(update(_SHIPMENTS).where(_SHIPMENTS.c.id == pk).values(**values))
    return {"shipment_items": len(item_updates), "shipments": len(changed | {pk for pk, _ in party_updates})}


def _update_by_id(conn: Connection, table, values: dict, rows: list[dict], *, batch: int) -> None:
    statement = update(table).where(table.c.id == bindparam("_id")).values(**values)
    for start in range(0, len(rows), batch):
        conn.execute(statement, rows[start:start + batch])
