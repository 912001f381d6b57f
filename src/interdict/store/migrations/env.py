"""Alembic environment: the engine comes from the caller (interdict.store.schema), never a file."""

from alembic import context

from interdict.store.database import get_engine
from interdict.store.schema import load_models

target_metadata = load_models().metadata
config = context.config
engine = config.attributes.get("engine") or get_engine()

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
