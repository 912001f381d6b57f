"""Fast bulk inserts behind one small interface, one implementation per database.

Ingest writes millions of rows; SQLAlchemy's per-row parameter handling would cost more than the
database itself. Rows go in as tuples: `executemany` on SQLite, `COPY` on PostgreSQL. Values pass
through the columns' own SQLAlchemy bind processors first, so what is stored is exactly what the
ORM would have stored. Primary keys are allocated up front so child rows can refer to them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, text

from interdict.store.database import json_text


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


class SQLiteBulkWriter(BulkWriter):
    def __init__(self, table: Table, columns: Sequence[str], conn: Connection):
        super().__init__(table, columns, conn)
        names = ", ".join(f'"{c}"' for c in self.columns)
        self._statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" for _ in self.columns)})'

    def allocate_ids(self, conn: Connection, count: int) -> list[int]:
        # A write statement that changes nothing takes SQLite's single write lock for the rest of
        # the transaction, so no other writer can take the same numbers between max() and insert.
        conn.execute(text(f'UPDATE "{self.table.name}" SET id = id WHERE 0'))
        top = conn.execute(text(f'SELECT coalesce(max(id), 0) FROM "{self.table.name}"')).scalar_one()
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


def bulk_writer(conn: Connection, table: Table, columns: Sequence[str]) -> BulkWriter:
    kind = {"sqlite": SQLiteBulkWriter, "postgresql": PostgresBulkWriter}.get(conn.dialect.name)
    if kind is None:
        raise NotImplementedError(f"no bulk writer for {conn.dialect.name}")
    return kind(table, columns, conn)


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
