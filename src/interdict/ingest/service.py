"""Taking in a file or an API body: read, validate, write, account for every record.

`accepted + amended + duplicates + stale + quarantined = read`, always: each chunk of records is
written in one transaction together with its quarantined records and the batch's counters.
"""

from __future__ import annotations

import gc
import json
import queue
import re
import traceback
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from datetime import tzinfo
from pathlib import Path
from multiprocessing import get_context
from typing import Any

import msgspec
import orjson
from sqlalchemy import Connection, Engine, func, insert, select, update

from interdict.errors import SURROGATE, InvalidInput, Problem, escaped_surrogate
from interdict.ingest.models import IngestBatch, QuarantinedRecord, Shipment
from interdict.ingest.pipeline import PreparedChunks
from interdict.ingest.readers import RECORD_LEVEL, SourceRecord, open_source
from interdict.ingest.shipments import shipment_values, stored_shipments, write_shipments
from interdict.ingest.validation import Checked, check
from interdict.settings import get_settings
from interdict.store.bulk import enlarge_cache, indexes_deferred, take_write_lock
from interdict.store.database import now_utc

KINDS = ("shipments", "outcomes", "watchlist")
PARALLEL_FROM_BYTES = 16 * 1024 * 1024  # below this, starting worker processes costs more than it saves
# A file this large, holding at least as many shipments as the store already has, is loaded with
# the secondary indexes of `shipments` built once at the end (store.bulk.indexes_deferred).
DEFER_INDEXES_FROM_BYTES = 32 * 1024 * 1024
BYTES_PER_SHIPMENT = 1024  # about 870 in NDJSON and 510 in CSV: a low estimate of a file's shipments
QUARANTINED = "quarantined"
_QUARANTINE = QuarantinedRecord.__table__
_KEY_FIELDS = {"shipments": ("reporter", "shipment_id"), "outcomes": ("reporter", "shipment_id"),
               "watchlist": ("list_id", "entry_id")}  # fmt: skip


@dataclass(slots=True)
class RecordStatus:
    location: str
    status: str  # accepted | amended | duplicate | stale | quarantined
    key: str | None = None
    reasons: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class IngestSummary:
    batch_id: int
    kind: str
    source: str
    format: str | None = None
    encoding: str | None = None
    counts: Counter[str] = field(default_factory=Counter)
    statuses: list[RecordStatus] | None = None

    @property
    def read(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "kind": self.kind,
            "source": self.source,
            "read": self.read,
            "accepted": self.counts["accepted"],
            "amended": self.counts["amended"],
            "duplicates": self.counts["duplicate"],
            "stale": self.counts["stale"],
            "quarantined": self.counts[QUARANTINED],
        }

    def line(self) -> str:
        d = self.as_dict()
        return (
            f"read {d['read']}, accepted {d['accepted']}, amended {d['amended']}, duplicates {d['duplicates']}, "
            f"stale {d['stale']}, quarantined {d['quarantined']}"
        )


Progress = Callable[[int, int], None]  # (records done, bytes read)


def ingest_path(
    path: Path,
    *,
    engine: Engine,
    kind: str,
    encoding: str | None = None,
    delimiter: str | None = None,
    assume_tz: tzinfo | None = None,
    submitted_by: str | None = None,
    progress: Progress | None = None,
    on_open: Callable[[int], None] | None = None,
    on_indexing: Callable[[], None] | None = None,
) -> IngestSummary:
    """Ingest one file; `on_open` receives its size in bytes, `progress` the running position,
    `on_indexing` is told when a large load has read everything and builds the indexes it deferred."""
    _check_kind(kind)
    settings = get_settings()
    source, records = open_source(path, kind=kind, encoding=encoding, delimiter=delimiter)
    if on_open:
        on_open(source.size)
    large = source.size >= PARALLEL_FROM_BYTES
    workers = settings.ingest_workers if large else 0
    pipelined = kind == "shipments" and large and not workers and settings.ingest_pipeline
    deferred = [Shipment.__table__] if kind == "shipments" and _large_load(engine, source.size) else []
    with ExitStack() as stack:
        dropped = stack.enter_context(indexes_deferred(engine, deferred))
        position = source.position
        prepared = None
        if pipelined:  # read and prepared in a second process, written here (ingest.pipeline)
            source.close()
            prepared = stack.enter_context(PreparedChunks(path, kind=kind, encoding=encoding, delimiter=delimiter,
                                                          assume_tz=assume_tz, chunk_size=settings.ingest_chunk))  # fmt: skip
            position = lambda: prepared.position  # noqa: E731
        stack.enter_context(collected_by_chunk())
        summary = ingest_records(
            records,
            engine=engine,
            kind=kind,
            source_name=str(path),
            fmt=source.format,
            encoding=source.encoding,
            assume_tz=assume_tz,
            submitted_by=submitted_by,
            progress=(lambda done, _pos: progress(done, position())) if progress else None,
            workers=workers,
            from_file=True,
            prepared=prepared,
        )
        if dropped and on_indexing:
            on_indexing()
    return summary


@contextmanager
def collected_by_chunk() -> Iterator[None]:
    """The cyclic garbage collector during a load: once a chunk (`chunk_written`), not by counts.

    A load makes millions of short-lived containers, freed by reference counting as soon as their
    chunk is written. Run by allocation counts, the collector kept finding a chunk's records alive
    half-way and moved them along its generations, and each pass of the oldest one walked the whole
    heap: modules, SQLAlchemy's metadata, the normalisers' caches (filled during the load): ~8 us a
    record in the reading process at 200,000 records. Here it runs only when `chunk_written` is
    called, on the youngest generation, when the chunk's records are already freed (~3 us): a cycle
    a chunk makes is still freed at its end. The objects that exist before the load are frozen
    (skipped by the collector). All goes back as it was when the load ends.
    """
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


def chunk_written() -> None:
    """A chunk is done with: collect what it left (see `collected_by_chunk`)."""
    gc.collect(0)


def _large_load(engine: Engine, size: int) -> bool:
    """Whether a file of `size` bytes is large for the store: then index maintenance row by row
    costs more than building the indexes again over the whole table at the end."""
    if size < DEFER_INDEXES_FROM_BYTES:
        return False
    with engine.connect() as conn:
        stored = conn.execute(select(func.max(Shipment.__table__.c.id))).scalar() or 0
    return size // BYTES_PER_SHIPMENT >= stored


def ingest_records(
    records: Iterable[SourceRecord],
    *,
    engine: Engine,
    kind: str,
    source_name: str,
    fmt: str | None = None,
    encoding: str | None = None,
    assume_tz: tzinfo | None = None,
    submitted_by: str | None = None,
    allowed_reporters: frozenset[str] | None = None,
    keep_statuses: bool = False,
    progress: Progress | None = None,
    workers: int = 0,
    from_file: bool = False,
    prepared: Iterable[list[Checked]] | None = None,
) -> IngestSummary:
    """Ingest records from any reader (a file, an HTTP body) with the same rules and accounting.

    `from_file`: nobody is told a record's fate before the whole load ends, so on PostgreSQL a
    chunk's commit need not wait for its log to reach the disk (`_write_and_count`).
    `prepared`: the records' chunks already validated and flattened (`ingest.pipeline`), written
    instead of `records`.
    """
    _check_kind(kind)
    with engine.begin() as conn:
        batch_id = conn.execute(
            insert(IngestBatch.__table__).returning(IngestBatch.__table__.c.id),
            {"kind": kind, "source": source_name[:500], "format": fmt, "encoding": encoding,
             "submitted_by": submitted_by, "started_at": now_utc()},
        ).scalar_one()  # fmt: skip
    summary = IngestSummary(batch_id, kind, source_name, fmt, encoding, statuses=[] if keep_statuses else None)
    chunk_size = get_settings().ingest_chunk
    if workers > 0 and allowed_reporters is None and not keep_statuses:
        summary.counts.update(_ingest_partitioned(records, engine=engine, kind=kind, batch_id=batch_id,
                                                  assume_tz=assume_tz, workers=workers, chunk_size=chunk_size, progress=progress,
                                                  from_file=from_file))  # fmt: skip
    else:
        done = 0
        if prepared is None:
            prepared = ([prepare(r, kind=kind, assume_tz=assume_tz) for r in chunk] for chunk in chunked(records, chunk_size))
        for checked in prepared:
            if allowed_reporters is not None:
                _enforce_reporters(checked, allowed_reporters)
            statuses = _write_and_count(engine, checked, kind=kind, batch_id=batch_id, from_file=from_file)
            summary.counts.update(statuses)
            if summary.statuses is not None:
                summary.statuses.extend(
                    RecordStatus(c.source.location, s, _key_text(c), [p.as_dict() for p in c.problems])
                    for c, s in zip(checked, statuses, strict=True)
                )
            done += len(checked)
            if progress:
                progress(done, 0)
            del checked
            chunk_written()
    with engine.begin() as conn:
        conn.execute(update(IngestBatch.__table__).where(IngestBatch.__table__.c.id == batch_id).values(finished_at=now_utc()))
    return summary


def prepare(source: SourceRecord, *, kind: str, assume_tz: tzinfo | None, keep_record: bool = True) -> Checked:
    """Validate one record and, for a shipment, flatten it into the columns it is stored in."""
    checked = check(source, kind=kind, assume_tz=assume_tz)
    if checked.valid and kind == "shipments":
        checked.values = shipment_values(checked.record)  # type: ignore[arg-type]
        if not keep_record:
            checked.record = None
    return checked


def _write_and_count(engine: Engine, checked: list[Checked], *, kind: str, batch_id: int, from_file: bool = False) -> list[str]:
    """One chunk in one transaction, with the batch's counters: a crash loses no accounting.

    `from_file` (PostgreSQL): the commit returns without waiting for the disk. A crash of the
    server may then lose the last chunks written, but each whole, rows and counters together, so
    the batch still adds up; and the load's last statement (its `finished_at`) commits as usual,
    which writes every earlier commit to disk before the summary is shown.
    """
    with engine.begin() as conn:
        if from_file and conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        take_write_lock(conn)
        enlarge_cache(conn)
        statuses = _write_chunk(conn, checked, kind=kind, batch_id=batch_id)
        _add_counts(conn, batch_id, Counter(statuses))
    return statuses


def _partition(record: SourceRecord, *, kind: str, workers: int) -> int:
    """The worker for a record: by its identity, so every version of one shipment (or entry) goes
    to the same worker, in file order, and amendments are judged as a single process would."""
    data = _key_of(record, kind)
    if isinstance(data, dict):
        key = "\x1f".join(str(data.get(name)) for name in _KEY_FIELDS[kind])
    else:
        key = record.location
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % workers


class _ShipmentKey(msgspec.Struct):
    reporter: Any = None
    shipment_id: Any = None


class _EntryKey(msgspec.Struct):
    list_id: Any = None
    entry_id: Any = None


_KEY_DECODERS = {"shipments": msgspec.json.Decoder(_ShipmentKey), "outcomes": msgspec.json.Decoder(_ShipmentKey),
                 "watchlist": msgspec.json.Decoder(_EntryKey)}  # fmt: skip


def _key_of(record: SourceRecord, kind: str) -> Any:
    """The record's identifying fields; from JSON text only those two are decoded (the reading
    process partitions every record, so it must not parse whole records)."""
    if record.json is not None and record.data is None:
        try:
            return msgspec.structs.asdict(_KEY_DECODERS[kind].decode(record.json))
        except msgspec.MsgspecError:
            pass
    return record.parsed()


def _partition_worker(url: str, kind: str, batch_id: int, assume_tz: tzinfo | None, from_file: bool, tasks: Any, results: Any) -> None:
    from interdict.store.database import make_engine

    engine = make_engine(url)
    try:
        with collected_by_chunk():
            while (chunk := tasks.get()) is not None:
                checked = [prepare(r, kind=kind, assume_tz=assume_tz) for r in chunk]
                statuses = _write_and_count(engine, checked, kind=kind, batch_id=batch_id, from_file=from_file)
                results.put(("counts", dict(Counter(statuses))))
                del checked
                chunk_written()
        results.put(("done", None))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        results.put(("error", traceback.format_exc()))
    finally:
        engine.dispose()


def _ingest_partitioned(
    records: Iterable[SourceRecord], *, engine: Engine, kind: str, batch_id: int, assume_tz: tzinfo | None,
    workers: int, chunk_size: int, progress: Progress | None, from_file: bool,
) -> Counter[str]:  # fmt: skip
    """Validate and write in `workers` processes, each owning the shipments whose key hashes to it.

    Only raw records cross to the workers (cheap to send); each validates its own and writes in
    its own transactions, so validation, the costly part, runs on every core.
    """
    context = get_context("forkserver")
    tasks = [context.Queue(maxsize=3) for _ in range(workers)]
    results = context.Queue()
    url = engine.url.render_as_string(hide_password=False)
    processes = [context.Process(target=_partition_worker, args=(url, kind, batch_id, assume_tz, from_file, tasks[n], results), daemon=True)
                 for n in range(workers)]  # fmt: skip
    for process in processes:
        process.start()
    counts: Counter[str] = Counter()
    finished = 0

    def drain(block: bool) -> None:
        nonlocal finished
        while True:
            try:
                what, value = results.get(block=block, timeout=1 if block else None)
            except queue.Empty:
                return
            if what == "error":
                for process in processes:
                    process.kill()
                raise RuntimeError(f"an ingest worker failed:\n{value}")
            if what == "done":
                finished += 1
            else:
                counts.update(value)
                if progress:
                    progress(sum(counts.values()), 0)
            block = False

    def send(n: int, item: list[SourceRecord] | None) -> None:
        while True:
            try:
                tasks[n].put(item, timeout=1)
                return
            except queue.Full:
                drain(block=False)
                if not processes[n].is_alive():
                    drain(block=True)
                    raise RuntimeError("an ingest worker stopped unexpectedly")

    buffers: list[list[SourceRecord]] = [[] for _ in range(workers)]
    try:
        for record in records:
            n = _partition(record, kind=kind, workers=workers)
            buffers[n].append(record)
            if len(buffers[n]) >= chunk_size:
                send(n, buffers[n])
                buffers[n] = []
                drain(block=False)
        for n in range(workers):
            if buffers[n]:
                send(n, buffers[n])
            send(n, None)
        while finished < workers:
            drain(block=True)
            if finished < workers and not any(p.is_alive() for p in processes):
                drain(block=False)
                if finished < workers:
                    raise RuntimeError("ingest workers stopped before finishing")
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    return counts


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(
            f"unknown kind {kind!r}",
            problems=[Problem("--kind", "one_of", kind, f"must be one of {', '.join(KINDS)}")],
        )


def chunked(records: Iterable[SourceRecord], size: int) -> Iterator[list[SourceRecord]]:
    chunk: list[SourceRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _enforce_reporters(checked: list[Checked], allowed: frozenset[str]) -> None:
    for item in checked:
        if item.valid and item.reporter not in allowed:
            item.reject(Problem("reporter", "own_reporter_only", item.reporter,
                                f"this API key may only send records for {', '.join(sorted(allowed))}"))  # fmt: skip


def _key_text(item: Checked) -> str | None:
    return "/".join(item.key) if item.valid else None


def _write_chunk(conn: Connection, checked: list[Checked], *, kind: str, batch_id: int) -> list[str]:
    """Statuses in input order. Valid records are written in runs whose keys are unique, so that
    a re-send inside one chunk is judged against the version just written before it."""
    statuses: list[str | None] = [None] * len(checked)
    quarantine = [(i, c) for i, c in enumerate(checked) if not c.valid]
    if quarantine:
        conn.execute(insert(_QUARANTINE), [_quarantine_row(c, kind=kind, batch_id=batch_id) for _, c in quarantine])
        for i, _ in quarantine:
            statuses[i] = QUARANTINED
    write = _writer(kind)
    if kind == "shipments":  # what is stored under the chunk's keys, asked once for all its runs
        stored = stored_shipments(conn, list({c.key: None for c in checked if c.valid}))  # type: ignore[arg-type]
        write = partial(write_shipments, stored=stored)
    run: list[int] = []
    seen: set[tuple[str, ...]] = set()
    for i, item in enumerate(checked):
        if not item.valid:
            continue
        # Outcomes have no identity of their own: only an identical one is the "same" outcome.
        key = (item.record_hash,) if kind == "outcomes" else item.key
        if key in seen:
            _write_run(conn, write, checked, run, statuses, batch_id=batch_id)
            run, seen = [], set()
        run.append(i)
        seen.add(key)
    _write_run(conn, write, checked, run, statuses, batch_id=batch_id)
    _resolve_resubmitted(conn, checked, statuses, batch_id=batch_id)
    return [s or QUARANTINED for s in statuses]


def _write_run(conn: Connection, write: Callable[..., list[str]], checked: list[Checked], run: list[int],
               statuses: list[str | None], *, batch_id: int) -> None:  # fmt: skip
    if not run:
        return
    for i, status in zip(run, write(conn, [checked[i] for i in run], batch_id=batch_id), strict=True):
        statuses[i] = status


def _writer(kind: str) -> Callable[..., list[str]]:
    # Imported when needed: the watchlist brings in the targeting engines (DuckDB among them),
    # which an ingest worker process for shipments should not carry.
    if kind == "shipments":
        return write_shipments
    if kind == "outcomes":
        from interdict.inspections.outcomes import write_outcomes

        return write_outcomes
    from interdict.targeting.watchlists import write_watchlist

    return write_watchlist


def _quarantine_row(item: Checked, *, kind: str, batch_id: int) -> dict[str, Any]:
    source = item.source
    parsed = source.parsed()
    reporter = parsed.get("reporter") if isinstance(parsed, dict) else None
    key = None
    if isinstance(parsed, dict):
        parts = [parsed.get(name) for name in _KEY_FIELDS[kind]]
        key = "/".join(str(p) for p in parts) if all(p is not None for p in parts) else None
    return {
        "batch_id": batch_id,
        "kind": kind,
        "reporter": _nul_free(str(reporter)[:64]) if reporter is not None else None,
        "record_key": _nul_free(key[:200]) if key else None,
        "location": _nul_free(source.location[:200]),
        "raw": source.raw,
        "record": _storable(parsed),
        "reasons": _storable([p.as_dict() for p in item.problems] or [Problem(RECORD_LEVEL, "unknown", None, "rejected").as_dict()]),
        "status": "open",
        "created_at": now_utc(),
    }


def _nul_free(text: str) -> str:
    """Storable text: no NUL, and no byte its file's encoding could not read (a lone surrogate)."""
    return SURROGATE.sub("\ufffd", text.replace("\x00", "\ufffd"))


def _storable(value: Any) -> Any:
    """JSON-safe and NUL-free (PostgreSQL text cannot hold NUL); the raw bytes keep the original."""
    if value is None:
        return None
    try:
        text = orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # an integer beyond 64 bits, nesting beyond 254 levels, or lone surrogates: see below
        text = json.dumps(value, default=str, ensure_ascii=False)
        return json.loads(SURROGATE.sub(_escaped_surrogate, text).replace("\\u0000", "\\ufffd"))
    return orjson.loads(text.replace("\\u0000", "\\ufffd"))


def _escaped_surrogate(match: re.Match[str]) -> str:
    """`escaped_surrogate` inside JSON text, where its backslash is written twice."""
    return escaped_surrogate(match).replace("\\", "\\\\")


def _resolve_resubmitted(conn: Connection, checked: list[Checked], statuses: list[str | None], *, batch_id: int) -> None:
    resolved = [
        item.source.quarantine_id
        for item, status in zip(checked, statuses, strict=True)
        if status != QUARANTINED and item.source.quarantine_id is not None
    ]
    if resolved:
        conn.execute(
            update(_QUARANTINE)
            .where(_QUARANTINE.c.id.in_(resolved))
            .values(status="resubmitted", resolved_batch_id=batch_id)
        )


def _add_counts(conn: Connection, batch_id: int, counts: Counter[str]) -> None:
    table = IngestBatch.__table__
    conn.execute(
        update(table)
        .where(table.c.id == batch_id)
        .values(
            read=table.c.read + sum(counts.values()),
            accepted=table.c.accepted + counts["accepted"],
            amended=table.c.amended + counts["amended"],
            duplicates=table.c.duplicates + counts["duplicate"],
            stale=table.c.stale + counts["stale"],
            quarantined=table.c.quarantined + counts[QUARANTINED],
        )
    )


def batch(conn: Connection, batch_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(IngestBatch.__table__).where(IngestBatch.__table__.c.id == batch_id)).mappings().first()
    return dict(row) if row else None
