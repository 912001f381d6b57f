"""`interdict db`: where the store is and which migration it is at."""

from __future__ import annotations

import typer

from interdict.console import console
from interdict.settings import get_settings
from interdict.store.database import get_engine
from interdict.store.schema import current_revision, ensure_schema, head_revision

db_app = typer.Typer(help="The database: upgrade to the latest schema, show where it is.")


@db_app.command()
def upgrade() -> None:
    """Apply every pending migration."""
    engine = get_engine()
    ensure_schema(engine)
    console.print(f"{engine.url.render_as_string(hide_password=True)} at revision {current_revision(engine)}")


@db_app.command()
def renormalise() -> None:
    """Recompute the stored matching forms of descriptions, names and addresses with this
    version's normalisers (after an upgrade that changed them); idempotent."""
    from interdict.ingest.shipments import renormalise as recompute

    engine = get_engine()
    with engine.begin() as conn:
        changed = recompute(conn)
    console.print(", ".join(f"{table}: {n} rows changed" for table, n in changed.items()))


@db_app.command()
def status() -> None:
    """The database URL (password hidden) and its revision against the latest."""
    engine = get_engine()
    console.print(f"url: {engine.url.render_as_string(hide_password=True)}")
    console.print(f"home: {get_settings().home}")
    console.print(f"revision: {current_revision(engine)} (latest {head_revision(engine)})")
