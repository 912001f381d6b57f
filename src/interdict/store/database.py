"""Engine, sessions and the declarative base shared by every capability's tables.

SQLite gets the pragmas that make it a decent single-machine store (WAL, foreign keys, a busy
timeout); PostgreSQL needs nothing special. Tables are created by Alembic migrations only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import JSON, DateTime, Engine, MetaData, String, create_engine, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from interdict.settings import get_settings

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator):
    """Timestamps stored in UTC and always handed back with their offset (SQLite forgets it)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store: timestamps must carry an offset")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def json_text(value: Any) -> str:
    """How the store writes a JSON column: orjson, or the standard library where orjson refuses."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # an integer beyond 64 bits or nesting beyond 254 levels: the standard library takes both
        return json.dumps(value, ensure_ascii=False)


def make_engine(url: str | None = None) -> Engine:
    url = url or get_settings().resolved_database_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, json_serializer=json_text, json_deserializer=json.loads)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, json_serializer=json_text, pool_pre_ping=True)


def _null(_value: None) -> None:
    return None


# pysqlite binds int, float, str and bytes as they are; any other value, None included, is first
# looked up among the registered adapters and, when none is found, asked for `__adapt__` and
# `__conform__`: two failed attribute lookups (~0.28 us) for every NULL bound. A bulk load binds
# some 13 NULLs a shipment; with this adapter each is one dictionary lookup and a call, and is
# stored as NULL exactly as before.
sqlite3.register_adapter(type(None), _null)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """One engine per URL for the life of the process."""
    return make_engine(url)


def session_for(engine: Engine) -> Session:
    return sessionmaker(engine, expire_on_commit=False)()


@contextmanager
def storing(engine: Engine, session: Session | None, *, conflict: Callable[[], Exception]) -> Iterator[Session]:
    """The caller's session (its transaction is the caller's to end), or one of our own committed
    at the end; a unique key already taken rolls back and raises `conflict()`."""
    own = session is None
    session = session or session_for(engine)
    try:
        yield session
        if own:
            session.commit()
    except IntegrityError:
        session.rollback()
        raise conflict() from None
    finally:
        if own:
            session.close()


# Shared column types, so every table spells them the same way.
Code = String(32)
Text200 = String(200)
JSONValue = JSON(none_as_null=True)
__all__ = ["Base", "UTCDateTime", "JSONValue", "Code", "now_utc", "make_engine", "get_engine", "session_for", "storing"]
