"""A large load takes faster paths (secondary indexes built once at the end, on SQLite and on
PostgreSQL); what it stores must be exactly what the ordinary path stores, and the indexes must come
back however the load ends."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine, select, text

from interdict.ingest import service
from interdict.ingest.models import IngestBatch, QuarantinedRecord, Shipment, ShipmentItem, ShipmentVersion
from interdict.ingest.readers import read_bytes
from interdict.settings import get_settings
from interdict.simulate.generator import generate
from interdict.store.bulk import LOADING_LOCK, deferrable_indexes
from interdict.store.schema import ensure_schema
from tests.factories import ndjson, shipment

# Columns that differ between two loads of the same file by nature: when a row was written.
_MOMENTS = {"received_at", "created_at", "started_at", "finished_at"}


@pytest.fixture(scope="module")
def mixed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Simulated traffic (amendments and re-sends included) with stale versions and bad records."""
    folder = tmp_path_factory.mktemp("traffic")
    generate(shipments=400, days=3, seed=5, out=folder, csv_encoding="utf-8")
    lines = (folder / "shipments.ndjson").read_bytes().splitlines()
    stale = []
    for line in lines[:40:4]:
        record = orjson.loads(line)
        record["reported_at"] = "2020-01-01T00:00:00+00:00"
        record["carrier"] = "stale copy"
        stale.append(orjson.dumps(record))
    bad = [b"{broken", ndjson([shipment(1, origin_country="XX")]).strip(), b'{"reporter": "MKPOST"}', b"\xff\xfe{}"]
    body = lines[:150] + stale[:5] + bad[:2] + lines[150:] + stale[5:] + bad[2:] + lines[10:20]
    path = folder / "mixed.ndjson"
    path.write_bytes(b"\n".join(body) + b"\n")
    return path


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("INTERDICT_INGEST_CHUNK", "64")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _large_from_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "DEFER_INDEXES_FROM_BYTES", 0)
    monkeypatch.setattr(service, "BYTES_PER_SHIPMENT", 1)


def _stored(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    tables = {"batches": IngestBatch, "versions": ShipmentVersion, "shipments": Shipment, "items": ShipmentItem,
              "quarantine": QuarantinedRecord}  # fmt: skip
    stored = {}
    with engine.connect() as conn:
        for name, model in tables.items():
            table = model.__table__
            rows = conn.execute(select(table).order_by(table.c.id)).mappings()
            stored[name] = [{k: v for k, v in row.items() if k not in _MOMENTS} for row in rows]
    return stored


def _index_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
        return set(conn.execute(text("SELECT indexname FROM pg_indexes")).scalars())


_DEFERRED = {str(i.name) for i in deferrable_indexes([Shipment.__table__])}


def _empty(engine: Engine) -> None:
    from tests.conftest import _empty_tables

    _empty_tables(engine)


def test_a_large_load_stores_exactly_what_the_ordinary_path_stores(
    engine: Engine, mixed_file: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ordinary = service.ingest_path(mixed_file, engine=engine, kind="shipments")
    expected = _stored(engine)
    _empty(engine)
    _large_from_any_size(monkeypatch)
    seen_during: list[set[str]] = []
    told: list[bool] = []

    large = service.ingest_path(mixed_file, engine=engine, kind="shipments",
                                progress=lambda done, _pos: seen_during.append(_index_names(engine)),
                                on_indexing=lambda: told.append(True))  # fmt: skip

    assert large.as_dict() == ordinary.as_dict()
    counts = large.as_dict()
    assert min(counts["accepted"], counts["amended"], counts["duplicates"], counts["stale"], counts["quarantined"]) > 0
    assert _stored(engine) == expected
    assert _DEFERRED <= _index_names(engine)
    # the indexes were really away during the load
    assert seen_during and all(not (_DEFERRED & names) for names in seen_during)
    assert told == [True]  # the progress bar says what the wait at the end is
    assert not _loader_named(engine)  # and the database no longer names a loader


def test_a_large_load_on_a_store_already_larger_keeps_its_indexes(
    engine: Engine, mixed_file: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.ingest_path(mixed_file, engine=engine, kind="shipments")
    monkeypatch.setattr(service, "DEFER_INDEXES_FROM_BYTES", 0)
    monkeypatch.setattr(service, "BYTES_PER_SHIPMENT", mixed_file.stat().st_size)  # "one shipment" in the file
    seen_during: list[set[str]] = []
    service.ingest_path(mixed_file, engine=engine, kind="shipments",
                        progress=lambda done, _pos: seen_during.append(_index_names(engine)))  # fmt: skip
    assert seen_during and all(_DEFERRED <= names for names in seen_during)


def test_a_load_that_fails_leaves_the_indexes_in_place(
    engine: Engine, mixed_file: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _large_from_any_size(monkeypatch)

    def fail(done: int, _position: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        service.ingest_path(mixed_file, engine=engine, kind="shipments", progress=fail)

    assert _DEFERRED <= _index_names(engine)
    with engine.connect() as conn:  # what was committed before the failure stands, accounted for
        batch = conn.execute(select(IngestBatch.__table__)).mappings().one()
        stored = conn.execute(select(ShipmentVersion.__table__.c.id)).all()
    assert 0 < batch["read"] < 700 and len(stored) <= batch["read"]


def _loader_named(engine: Engine) -> bool:
    """Whether the database names a loader: SQLite's user_version, PostgreSQL's advisory lock."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return conn.execute(text("PRAGMA user_version")).scalar_one() != 0
        return conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :key"),
                            {"key": LOADING_LOCK}).scalar_one() > 0  # fmt: skip


@contextmanager
def _a_loader(engine: Engine, *, alive: bool) -> Iterator[None]:
    """What a large load leaves while it runs (`alive`) or after it was killed: the deferred
    indexes dropped, and the loader named (a process id, or a session holding the lock)."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)" if alive else "pass"])
    if not alive:
        process.wait()
    session = engine.connect() if engine.dialect.name == "postgresql" else None
    try:
        if session is not None and alive:
            assert session.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOADING_LOCK}).scalar_one()
            session.commit()
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.execute(text('UPDATE "ingest_batches" SET id = id WHERE 0'))
                conn.execute(text(f"PRAGMA user_version = {process.pid}"))
            for name in _DEFERRED:
                conn.execute(text(f'DROP INDEX "{name}"'))
        assert not (_DEFERRED & _index_names(engine))
        yield
    finally:
        process.kill()
        process.wait()
        if session is not None:  # the server lets the lock go with the session (not kept in the pool)
            session.invalidate()
            session.close()


def test_indexes_a_killed_load_left_dropped_are_built_before_the_next_command(engine: Engine) -> None:
    with _a_loader(engine, alive=False):
        ensure_schema(engine)

        assert _DEFERRED <= _index_names(engine)
        assert not _loader_named(engine)


def test_a_command_started_during_a_large_load_leaves_the_indexes_to_the_loader(engine: Engine) -> None:
    with _a_loader(engine, alive=True):
        ensure_schema(engine)
        assert not (_DEFERRED & _index_names(engine))
    ensure_schema(engine)
    assert _DEFERRED <= _index_names(engine)


def test_a_second_large_load_during_one_leaves_the_indexes_to_the_first(
    engine: Engine, mixed_file: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes one writer at a time: its loads do not overlap")
    _large_from_any_size(monkeypatch)
    with _a_loader(engine, alive=True):
        summary = service.ingest_path(mixed_file, engine=engine, kind="shipments")
        assert not (_DEFERRED & _index_names(engine))  # not built under the first load
    assert summary.read > 0
    ensure_schema(engine)
    assert _DEFERRED <= _index_names(engine)


def test_a_file_load_on_postgresql_commits_without_waiting_for_the_disk_and_an_api_body_waits(
    engine: Engine, mixed_file: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL setting")
    seen: list[str] = []
    write_chunk = service._write_chunk

    def spying(conn: Any, *args: Any, **kwargs: Any) -> list[str]:
        seen.append(conn.execute(text("SHOW synchronous_commit")).scalar_one())
        return write_chunk(conn, *args, **kwargs)

    monkeypatch.setattr(service, "_write_chunk", spying)
    service.ingest_path(mixed_file, engine=engine, kind="shipments")
    from_file, seen[:] = list(seen), []
    _, records = read_bytes(mixed_file.read_bytes(), name="body.ndjson", kind="shipments")
    service.ingest_records(records, engine=engine, kind="shipments", source_name="api")

    assert from_file and set(from_file) == {"off"}
    assert seen and set(seen) == {"on"}
    with engine.connect() as conn:  # and it was only for those transactions
        assert conn.execute(text("SHOW synchronous_commit")).scalar_one() == "on"


def _pipelined(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(service, "PARALLEL_FROM_BYTES", 0)  # a large file at any size
    monkeypatch.setenv("INTERDICT_INGEST_PIPELINE", "true" if on else "false")
    get_settings.cache_clear()


@pytest.mark.parametrize("name", ["mixed.ndjson", "shipments.csv"])
def test_a_file_prepared_in_a_second_process_is_stored_as_one_process_stores_it(
    engine: Engine, mixed_file: Path, name: str, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mixed_file.parent / name
    _large_from_any_size(monkeypatch)
    _pipelined(monkeypatch, False)
    one = service.ingest_path(path, engine=engine, kind="shipments")
    expected = _stored(engine)
    _empty(engine)
    _pipelined(monkeypatch, True)
    prepared_in: list[str] = []
    real = service.PreparedChunks.__iter__
    monkeypatch.setattr(service.PreparedChunks, "__iter__", lambda self: prepared_in.append(name) or real(self))
    positions: list[int] = []

    two = service.ingest_path(path, engine=engine, kind="shipments", progress=lambda _done, position: positions.append(position))

    assert prepared_in == [name]
    assert two.as_dict() == one.as_dict() and two.format == one.format and two.encoding == one.encoding
    assert _stored(engine) == expected
    assert positions == sorted(positions) and 0 < positions[-1] <= path.stat().st_size


def test_a_file_the_second_process_cannot_read_fails_as_in_one_process(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interdict.errors import InvalidInput

    path = tmp_path / "twice.csv"
    path.write_text("reporter,shipment_id,reporter\nA,1,A\n", encoding="utf-8")
    _pipelined(monkeypatch, True)
    with pytest.raises(InvalidInput) as raised:
        service.ingest_path(path, engine=engine, kind="shipments")
    assert raised.value.problems[0].rule == "duplicate_column"


def test_a_load_that_fails_while_a_second_process_reads_stops_that_process(
    engine: Engine, mixed_file: Path, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _large_from_any_size(monkeypatch)
    _pipelined(monkeypatch, True)
    readers: list[Any] = []
    real = service.PreparedChunks.__iter__
    monkeypatch.setattr(service.PreparedChunks, "__iter__", lambda self: readers.append(self._process) or real(self))

    def fail(done: int, _position: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        service.ingest_path(mixed_file, engine=engine, kind="shipments", progress=fail)

    assert len(readers) == 1 and readers[0].poll() is not None  # ended, not left reading
    assert _DEFERRED <= _index_names(engine)
