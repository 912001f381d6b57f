"""Brings every capability's tables onto the metadata and the database up to the latest migration.

Commands call `ensure_schema` before touching the store, so a newcomer never runs migrations by hand.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from interdict.store.bulk import deferrable_indexes, restore_indexes
from interdict.store.database import Base

MIGRATIONS = Path(__file__).parent / "migrations"


def load_models() -> type[Base]:
    """Import every module that declares tables, so the metadata is complete."""
    import interdict.access.audit  # noqa: F401
    import interdict.access.models  # noqa: F401
    import interdict.access.sessions  # noqa: F401
    import interdict.access.users  # noqa: F401
    import interdict.cases.referrals  # noqa: F401
    import interdict.exchange.transfer  # noqa: F401
    import interdict.firearms.tables  # noqa: F401
    import interdict.ingest.models  # noqa: F401
    import interdict.inspections.hits  # noqa: F401
    import interdict.inspections.models  # noqa: F401
    import interdict.inspections.recording  # noqa: F401
    import interdict.targeting.models  # noqa: F401
    import interdict.targeting.model.registry  # noqa: F401
    import interdict.targeting.watchlists  # noqa: F401

    return Base


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database to head if it is behind, and build any index that a bulk load which
    did not finish left dropped (`store.bulk.indexes_deferred`); two queries when all is current."""
    if current_revision(engine) != head_revision(engine):
        command.upgrade(alembic_config(engine), "head")
    restore_indexes(engine, deferrable_indexes(Base.metadata.tables.values()), unless_loading=True)


def ready_engine(url: str | None = None) -> Engine:
    """The configured database, migrated to the latest schema."""
    from interdict.store.database import get_engine

    engine = get_engine(url)
    ensure_schema(engine)
    return engine
