"""Fixtures shared by every test: a real database on each store (SQLite and PostgreSQL).

Fixture strategy: one database per store per test session, migrated once with Alembic; each test
starts from empty tables. PostgreSQL is the server on 127.0.0.1:5432 (or INTERDICT_TEST_POSTGRES_URL);
when it cannot be reached the PostgreSQL half is skipped locally and fails in CI.
"""

from __future__ import annotations

import os

# Command output is read by the tests: a wide terminal, whatever runs them (xdist has no tty),
# set before any Rich console is created.
os.environ.setdefault("COLUMNS", "220")
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from interdict.settings import get_settings
from interdict.store.database import get_engine, make_engine
from interdict.store.schema import ensure_schema, load_models

POSTGRES_ADMIN_URL = os.environ.get(
    "INTERDICT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _postgres_database() -> Iterator[str]:
    name = f"interdict_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI and could not be reached: {error}")
        pytest.skip(f"no PostgreSQL server reachable at {POSTGRES_ADMIN_URL}")
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'interdict.db'}"
        engine = make_engine(url)
        ensure_schema(engine)
        engine.dispose()
        yield url
        return
    for url in _postgres_database():
        engine = make_engine(url)
        ensure_schema(engine)
        engine.dispose()
        yield url


def _empty_tables(engine: Engine) -> None:
    tables = load_models().metadata.sorted_tables
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(table.delete())


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated, empty database on each store."""
    engine = make_engine(database_url)
    _empty_tables(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def configured(engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Engine]:
    """The same database, also configured through INTERDICT_* variables for CLI and app tests."""
    monkeypatch.setenv("INTERDICT_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield engine
    get_settings.cache_clear()
    get_engine.cache_clear()
