"""Fast bulk inserts behind one small interface, one implementation per database.

Ingest writes millions of rows; SQLAlchemy's per-row parameter handling would cost more than the
database itself. Rows go in as tuples: `executemany` on SQLite, `COPY` on PostgreSQL. Values pass
through the columns' own SQLAlchemy bind processors first, so what is stored is exactly what the
ORM would have stored. Primary keys are allocated up front so child rows can refer to them.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import JSON, Connection, Engine, Index, Table, text
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex, DropIndex

from interdict.store.database import UTCDateTime, json_text


class BulkWriter(ABC):
    def __init__(self, table: Table, columns: Sequence[str], conn: Connection):
        self.table = table
        self.columns = list(columns)
        dialect = conn.dialect
        self._processors = []
        for index, name in enumerate(self.columns):
            column_type = table.c[name].type
            if isinstance(column_type, JSON):
                self._processors.append((index, json_text))
            elif isinstance(column_type, UTCDateTime) and dialect.name == "sqlite":
                self._processors.append((index, _SQLiteMoments().text))
            elif (processor := column_type.bind_processor(dialect)) is not None:
                self._processors.append((index, processor))

    def prepare(self, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        if not self._processors:
            return [tuple(row) for row in rows]
        prepared = []
        for row in rows:
            values = list(row)
            for index, processor in self._processors:
                if values[index] is not None:
                    values[index] = processor(values[index])
            prepared.append(tuple(values))
        return prepared

    @abstractmethod
    def allocate_ids(self, conn: Connection, count: int) -> list[int]:
        """`count` fresh primary keys for this table; the caller holds the write transaction."""

    @abstractmethod
    def insert(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows given as sequences in `self.columns` order."""


class _SQLiteMoments:
    """A UTC timestamp as SQLite stores it: the text that `UTCDateTime` and pysqlite's datetime
    adapter make of it (`astimezone(UTC).isoformat(" ")`), in one call instead of three Python
    functions and an adapter lookup. The same moment bound again (a run's one `received_at` on
    every version) is not formatted again."""

    __slots__ = ("_last", "_last_text")

    def __init__(self) -> None:
        self._last: datetime | None = None
        self._last_text = ""

    def text(self, value: datetime) -> str:
        if value is self._last:  # held here, so no other object can have its identity meanwhile
            return self._last_text
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store: timestamps must carry an offset")
        self._last, self._last_text = value, value.astimezone(UTC).isoformat(" ")
        return self._last_text


class SQLiteBulkWriter(BulkWriter):
    def __init__(self, table: Table, columns: Sequence[str], conn: Connection):
        super().__init__(table, columns, conn)
        names = ", ".join(f'"{c}"' for c in self.columns)
        self._statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" for _ in self.columns)})'

    def allocate_ids(self, conn: Connection, count: int) -> list[int]:
        # A write statement that changes nothing takes SQLite's single write lock for the rest of
        # the transaction, so no other writer can take the same numbers between max() and insert.
        # On the driver's cursor, as the inserts: a load allocates twice for every run of records.
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(f'UPDATE "{self.table.name}" SET id = id WHERE 0')
        top = cursor.execute(f'SELECT coalesce(max(id), 0) FROM "{self.table.name}"').fetchone()[0]
        cursor.close()
        return list(range(top + 1, top + 1 + count))

    def insert(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(self._statement, self.prepare(rows))
        cursor.close()


class PostgresBulkWriter(BulkWriter):
    def allocate_ids(self, conn: Connection, count: int) -> list[int]:
        query = text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
        return list(conn.execute(query, {"table": self.table.name, "count": count}).scalars())

    def insert(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        names = ", ".join(f'"{c}"' for c in self.columns)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f'COPY "{self.table.name}" ({names}) FROM STDIN') as copy:
            for row in self.prepare(rows):
                copy.write_row(row)
        cursor.close()


# Writers by dialect, then by (table, columns): a writer asks each column for its bind processor
# when made, which costs more than a chunk's small inserts; it holds nothing of a connection.
_WRITERS: WeakKeyDictionary[Dialect, dict[tuple[Table, tuple[str, ...]], BulkWriter]] = WeakKeyDictionary()


def bulk_writer(conn: Connection, table: Table, columns: Sequence[str]) -> BulkWriter:
    writers = _WRITERS.setdefault(conn.dialect, {})
    key = (table, tuple(columns))
    if (writer := writers.get(key)) is None:
        kind = {"sqlite": SQLiteBulkWriter, "postgresql": PostgresBulkWriter}.get(conn.dialect.name)
        if kind is None:
            raise NotImplementedError(f"no bulk writer for {conn.dialect.name}")
        writer = writers[key] = kind(table, columns, conn)
    return writer


BULK_CACHE_KIB = 128 * 1024


def take_write_lock(conn: Connection) -> None:
    """On SQLite, hold the database's single write lock from the first statement of a transaction.

    A transaction that reads first and writes later fails at once (SQLITE_BUSY, no waiting) in WAL
    mode if another writer committed in between; taking the lock first makes it wait its turn.
    PostgreSQL needs nothing: its writers lock rows, not the database.
    """
    if conn.dialect.name == "sqlite":
        conn.execute(text('UPDATE "ingest_batches" SET id = id WHERE 0'))


def enlarge_cache(conn: Connection) -> None:
    """SQLite: a page cache fit for a bulk load on this connection.

    A load inserts into a dozen indexes at scattered places; with SQLite's default 2 MB cache
    nearly every insert reads its pages back from the file. Memory is taken only as pages are
    used, and is bounded whatever the file's size.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")


DEFERRABLE_INDEXES = "deferrable_indexes"  # Table.info flag: its secondary indexes may wait out a bulk load


def deferrable_indexes(tables: Iterable[Table]) -> list[Index]:
    """The secondary indexes of the flagged tables: what a bulk load may build once at its end.
    Unique constraints are not among them (they are constraints, and they judge the load)."""
    return sorted((i for t in tables if t.info.get(DEFERRABLE_INDEXES) for i in t.indexes if not i.unique),
                  key=lambda i: str(i.name))  # fmt: skip


# PostgreSQL: a large load holds this session-level advisory lock while the indexes it dropped are
# away; the server releases it when the loading session ends, however it ends.
LOADING_LOCK = 0x1D_B0_0C  # "interdict bulk load", any constant no other code locks


@contextmanager
def indexes_deferred(engine: Engine, tables: Iterable[Table]) -> Iterator[list[Index]]:
    """Drop the secondary indexes of `tables` for a large load and build each once at the end.

    Inserting a million rows into an index one by one touches pages all over it; sorting the
    finished column once is several times cheaper. The indexes come back however the load ends:
    here when it returns or raises, and if the process dies in between, `restore_indexes` (run by
    `ensure_schema` before any command touches the store) builds whatever is missing. While the
    load runs, the database names the loader, so that another command started meanwhile does not
    build the indexes under it: SQLite's `user_version` holds the loading process's pid; on
    PostgreSQL the loader's own session holds an advisory lock (`LOADING_LOCK`), which the server
    lets go when that session ends. A second large load on PostgreSQL while one runs keeps the
    indexes as it finds them (the first builds them at its end). Queries that run during the load
    see the same rows, only without those indexes.
    """
    wanted = deferrable_indexes(tables) if engine.dialect.name in ("sqlite", "postgresql") else []
    if not wanted:
        yield []
        return
    if engine.dialect.name == "postgresql":
        with _postgres_loader(engine) as loader:
            if loader is None:  # another large load holds them
                yield []
                return
            with loader.begin():
                _drop(loader, wanted)
            yield from _built_at_end(wanted, lambda: _create_indexes(loader, wanted))
        return
    with engine.begin() as conn:
        take_write_lock(conn)
        conn.exec_driver_sql(f"PRAGMA user_version = {os.getpid()}")
        _drop(conn, wanted)
    yield from _built_at_end(wanted, lambda: restore_indexes(engine, wanted))


def _drop(conn: Connection, indexes: Iterable[Index]) -> None:
    for index in indexes:
        conn.execute(DropIndex(index, if_exists=True))


def _built_at_end(indexes: list[Index], build: Callable[[], object]) -> Iterator[list[Index]]:
    """The body of a load: `build` runs when it ends, however it ends."""
    try:
        yield indexes
    finally:
        build()


@contextmanager
def _postgres_loader(engine: Engine) -> Iterator[Connection | None]:
    """A session holding `LOADING_LOCK` for as long as the block runs, or None if another has it."""
    with engine.connect() as conn:
        taken = conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOADING_LOCK}).scalar_one()
        conn.commit()
        if not taken:
            yield None
            return
        try:
            yield conn
        finally:
            conn.rollback()
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOADING_LOCK})
            conn.commit()


def _create_indexes(conn: Connection, indexes: Iterable[Index]) -> None:
    """Build `indexes` (those missing) in one transaction on a PostgreSQL session, with the memory
    for sorting that one sort over a whole column wants."""
    with conn.begin():
        conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
        for index in indexes:
            conn.execute(CreateIndex(index, if_not_exists=True))


def restore_indexes(engine: Engine, indexes: Iterable[Index], *, unless_loading: bool = False) -> list[str]:
    """Build those of `indexes` that the database lacks; their names. `unless_loading`: not while
    another live process is in the middle of a large load (it builds them itself)."""
    wanted = list(indexes)
    if engine.dialect.name == "postgresql" and wanted:
        return _restore_postgres(engine, wanted, unless_loading=unless_loading)
    if engine.dialect.name != "sqlite" or not wanted:
        return []
    with engine.begin() as conn:
        present = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
        tables = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars())
        missing = _missing(wanted, present, tables)
        if not missing:
            return []
        if unless_loading and _loading_elsewhere(conn.exec_driver_sql("PRAGMA user_version").scalar_one()):
            return []
        take_write_lock(conn)
        enlarge_cache(conn)
        # Each index is one sort of the whole column: SQLite may sort in helper threads (the
        # other cores are idle by now); the connection goes back to the pool as it was.
        conn.exec_driver_sql(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
        try:
            for index in missing:
                conn.execute(CreateIndex(index, if_not_exists=True))
        finally:
            conn.exec_driver_sql("PRAGMA threads = 0")
        conn.exec_driver_sql("PRAGMA user_version = 0")
    return [str(i.name) for i in missing]


def _missing(wanted: list[Index], present: set[str], tables: set[str]) -> list[Index]:
    return [i for i in wanted if i.name not in present and i.table is not None and i.table.name in tables]


def _restore_postgres(engine: Engine, wanted: list[Index], *, unless_loading: bool) -> list[str]:
    with engine.connect() as conn:
        if not _missing_postgres(conn, wanted):
            return []
    # Taking the loaders' lock tells a live loader (which builds them itself) from a dead one.
    with _postgres_loader(engine) as loader:
        if loader is None and unless_loading:
            return []
        with engine.connect() if loader is None else nullcontext(loader) as conn:
            missing = _missing_postgres(conn, wanted)  # again: a loader may have just finished
            if missing:
                _create_indexes(conn, missing)
    return [str(i.name) for i in missing]


def _missing_postgres(conn: Connection, wanted: list[Index]) -> list[Index]:
    present = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")).scalars())
    tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    conn.commit()
    return _missing(wanted, present, tables)


def _loading_elsewhere(pid: int) -> bool:
    """Whether `pid` (a loader recorded in the database) is another process still running."""
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True
