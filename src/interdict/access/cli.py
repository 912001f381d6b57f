"""`interdict apikey`: partners' keys, created, listed and revoked by an administrator."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from interdict.access.keys import create_api_key, list_api_keys, revoke_api_key
from interdict.console import console
from interdict.store.schema import ready_engine

apikey_app = typer.Typer(help="Partner API keys, scoped to reporter codes.")


@apikey_app.command()
def create(
    name: Annotated[str, typer.Option(help="who the key is for, e.g. 'EXPRESSCO Skopje'")],
    reporter: Annotated[list[str], typer.Option(help="reporter code it may send for; repeat for several")],
) -> None:
    """Create a key; it is printed once and stored only as a hash."""
    prefix, key = create_api_key(engine=ready_engine(), name=name, reporters=reporter)
    console.print(f"API key {prefix} for {name} ({', '.join(reporter)}):")
    console.print(key, markup=False, highlight=False)
    console.print("[yellow]store it now: it cannot be shown again[/]")


@apikey_app.command("list")
def list_() -> None:
    """Keys with their scope and last use (never the keys themselves)."""
    table = Table("prefix", "name", "reporters", "revoked", "created", "last used")
    for key in list_api_keys(engine=ready_engine()):
        table.add_row(key["prefix"], key["name"], ", ".join(key["reporters"]), "yes" if key["revoked"] else "",
                      f"{key['created_at']:%Y-%m-%d %H:%M}", f"{key['last_used_at']:%Y-%m-%d %H:%M}" if key["last_used_at"] else "")  # fmt: skip
    console.print(table)


@apikey_app.command()
def revoke(prefix: str) -> None:
    """Revoke a key at once."""
    revoke_api_key(engine=ready_engine(), prefix=prefix)
    console.print(f"API key {prefix} revoked")
