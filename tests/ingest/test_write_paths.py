"""The writer's shortcuts on SQLite (timestamps formatted by the bulk writer itself, stored keys read
on the driver's cursor) must store and read exactly what SQLAlchemy's own statements do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select

from interdict.ingest import shipments
from interdict.ingest.models import IngestBatch, ShipmentVersion
from interdict.ingest.service import ingest_records
from interdict.ingest.readers import read_bytes
from interdict.store.bulk import bulk_writer
from interdict.store.database import now_utc
from tests.factories import ndjson, shipment

_VERSIONS = ShipmentVersion.__table__
_MOMENTS = [
    datetime(2025, 3, 3, 5, 0, 4, tzinfo=UTC),
    datetime(2025, 3, 3, 5, 0, 4, 120, tzinfo=UTC),  # microseconds
    datetime(2025, 3, 3, 1, 0, 0, tzinfo=timezone(timedelta(hours=2))),  # an offset: stored in UTC
    datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
]


def _version(n: int, moment: datetime, received: datetime, batch_id: int) -> dict[str, Any]:
    return {"id": n, "reporter": "MKPOST", "shipment_id": f"S{n}", "reported_at": moment, "record_hash": f"h{n}",
            "record": "{}", "state": "applied", "batch_id": batch_id, "received_at": received}  # fmt: skip


def _stored_moments(engine: Engine) -> list[tuple[Any, ...]]:
    """The timestamps as the driver returns them (on SQLite, the very text stored)."""
    with engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql("SELECT reported_at, received_at FROM shipment_versions ORDER BY id")]


def test_the_bulk_writer_stores_a_timestamp_as_the_columns_own_processor_and_the_driver_store_it(engine: Engine) -> None:
    received = datetime(2026, 11, 29, 13, 9, 21, 39613, tzinfo=UTC)
    with engine.begin() as conn:
        batch_id = conn.execute(insert(IngestBatch.__table__).returning(IngestBatch.__table__.c.id),
                                {"kind": "shipments", "source": "test", "started_at": now_utc()}).scalar_one()  # fmt: skip
    rows = [_version(n, m, received, batch_id) for n, m in enumerate(_MOMENTS, start=1)]
    columns = list(rows[0])
    with engine.begin() as conn:  # what the bulk writer bound before: each column's bind processor, then the driver
        processors = {name: _VERSIONS.c[name].type.bind_processor(conn.dialect) for name in ("reported_at", "received_at")}
        bound = [{k: processors[k](v) if k in processors else v for k, v in row.items()} for row in rows]
        conn.exec_driver_sql(f"INSERT INTO shipment_versions ({', '.join(columns)}) VALUES ({', '.join(['%s' if engine.dialect.name == 'postgresql' else '?'] * len(columns))})",
                             [tuple(row.values()) for row in bound])  # fmt: skip
    expected = _stored_moments(engine)
    with engine.begin() as conn:
        conn.execute(_VERSIONS.delete())
        writer = bulk_writer(conn, _VERSIONS, columns)
        writer.insert(conn, [tuple(row.values()) for row in rows])  # one received moment on every row, as in a run

    assert _stored_moments(engine) == expected
    assert len({text for _, text in expected}) == 1
    with engine.begin() as conn, pytest.raises(ValueError, match="naive datetime"):
        writer.insert(conn, [tuple(_version(9, datetime(2025, 1, 1), received, batch_id).values())])


def test_stored_keys_read_on_the_drivers_cursor_are_what_sqlalchemy_reads(engine: Engine) -> None:
    records = [shipment(n, reported_at=m.isoformat()) for n, m in enumerate(_MOMENTS)]
    records.append(shipment(1, reported_at=(_MOMENTS[1] + timedelta(days=1)).isoformat()))  # an amendment: two versions
    other = shipment(7, reporter="ALPOST")
    ingest_records(read_bytes(ndjson([*records, other]), name="t.ndjson", kind="shipments")[1], engine=engine, kind="shipments", source_name="t")
    keys = [(r["reporter"], r["shipment_id"]) for r in [*records, other]] + [("MKPOST", "not stored"), ("NOBODY", "x")]
    keys = list(dict.fromkeys(keys))
    with engine.connect() as conn:
        found = shipments.stored_shipments(conn, keys)
        hashes = shipments._version_hashes(conn, keys)
        by_sqlalchemy = dict.fromkeys(keys)
        for row in shipments._by_key(conn, shipments._CURRENT, keys):
            by_sqlalchemy[(row.reporter, row.shipment_id)] = row._asdict()
        hashes_by_sqlalchemy = {tuple(row) for row in shipments._by_key(conn, shipments._HASHES, keys)}
        versions = conn.execute(select(_VERSIONS.c.id)).all()

    assert found == by_sqlalchemy
    assert [list(v) for v in found.values() if v] == [list(v) for v in by_sqlalchemy.values() if v]  # columns in order
    assert all(type(a) is type(b) for k in keys if found[k] for a, b in zip(found[k].values(), by_sqlalchemy[k].values()))  # type: ignore[union-attr]
    assert found[("MKPOST", "not stored")] is None and found[("NOBODY", "x")] is None
    assert found[(records[1]["reporter"], records[1]["shipment_id"])]["version_count"] == 2  # type: ignore[index]
    assert hashes == hashes_by_sqlalchemy and len(hashes) == len(versions) == 6


def test_stored_keys_are_read_in_lists_the_database_takes(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shipments, "_IN_LIST", 3)
    records = [shipment(n) for n in range(8)]
    ingest_records(read_bytes(ndjson(records), name="t.ndjson", kind="shipments")[1], engine=engine, kind="shipments", source_name="t")
    keys = [(r["reporter"], r["shipment_id"]) for r in records] + [("MKPOST", "none")]
    with engine.connect() as conn:
        found = shipments.stored_shipments(conn, keys)
    assert [k for k, v in found.items() if v is not None] == keys[:-1]
