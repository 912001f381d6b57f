"""`interdict user add|disable|enable|list|agency` and `interdict audit verify|show`: accounts and
the audit trail from the command line of the server (acting as the system administrator)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from interdict.access import audit
from interdict.access.users import UserCreate, create_user, ensure_agency, list_agencies, list_users, set_disabled
from interdict.console import console
from interdict.store.schema import ready_engine

user_app = typer.Typer(help="Local user accounts: a role in an agency of a jurisdiction.")
audit_app = typer.Typer(help="The hash-chained audit trail.")


@user_app.command()
def add(
    username: str,
    role: Annotated[str, typer.Option(help="admin, analyst, officer, investigator, prosecutor, partner or coordinator")],
    agency: Annotated[str, typer.Option(help="agency code, e.g. CUSTOMS-MK (create it with `interdict user agency`)")],
    full_name: Annotated[str, typer.Option(help="the person's name")] = "",
    unit: Annotated[str | None, typer.Option(help="officers: the unit whose hits they work, e.g. postal:MK")] = None,
    reporter: Annotated[list[str] | None, typer.Option(help="partners: a reporter code; repeat for several")] = None,
) -> None:
    """Create an account; the password is asked for (never given on the command line)."""
    password = typer.prompt("password (at least 12 characters)", hide_input=True, confirmation_prompt=True)
    create_user(engine=ready_engine(), new=UserCreate(username, full_name or username, role, agency, password, unit, tuple(reporter or ())))
    console.print(f"account {username} ({role}, {agency}) created")


@user_app.command()
def agency(
    code: str,
    jurisdiction: Annotated[str, typer.Option(help="ISO 3166-1 alpha-2, e.g. MK")],
    kind: Annotated[str, typer.Option(help="customs, police, prosecution, partner or coordination")],
    name: Annotated[str, typer.Option(help="full name")] = "",
) -> None:
    """Create an agency (a no-op when the code exists)."""
    ensure_agency(engine=ready_engine(), code=code, name=name or code, jurisdiction=jurisdiction, kind=kind)
    console.print(f"agency {code} ({jurisdiction})")


@user_app.command()
def disable(username: str) -> None:
    """Disable an account; its sessions end at once."""
    set_disabled(engine=ready_engine(), username=username, disabled=True)
    console.print(f"account {username} disabled")


@user_app.command()
def enable(username: str) -> None:
    set_disabled(engine=ready_engine(), username=username, disabled=False)
    console.print(f"account {username} enabled")


@user_app.command("list")
def list_() -> None:
    """Accounts with role, agency and state."""
    engine = ready_engine()
    table = Table("username", "name", "role", "agency", "jurisdiction", "unit / reporters", "state", "last login")
    for u in list_users(engine=engine):
        state = "disabled" if u["disabled"] else ("locked" if u["locked_until"] else "active")
        table.add_row(u["username"], u["full_name"], u["role"], u["agency"], u["jurisdiction"], u["unit"] or ", ".join(u["reporters"]),
                      state, f"{u['last_login_at']:%Y-%m-%d %H:%M}" if u["last_login_at"] else "")  # fmt: skip
    console.print(table)
    console.print(f"agencies: {', '.join(a['code'] for a in list_agencies(engine=engine)) or 'none'}")


@audit_app.command()
def verify() -> None:
    """Recompute the whole chain; exit code 1 when any entry was edited, inserted or deleted."""
    check = audit.verify_audit(engine=ready_engine())
    if check.intact:
        console.print(f"[green]audit trail intact[/]: {check.entries:,} entries, head {check.head_seq} {check.head_hash}")
        console.print("keep the head hash somewhere else (a ticket, a printout) to detect a rollback later")
        return
    console.print(f"[red]audit trail tampered with[/]: {len(check.problems)} problem(s)")
    for problem in check.problems[:100]:
        console.print(f"  - {problem}", markup=False)
    sys.exit(1)


@audit_app.command()
def show(limit: Annotated[int, typer.Option(help="entries")] = 50, actor: Annotated[str | None, typer.Option()] = None) -> None:
    """The latest entries."""
    table = Table("#", "when (UTC)", "who", "action", "what", "detail")
    for e in audit.list_audit(engine=ready_engine(), limit=limit, actor=actor):
        table.add_row(str(e["seq"]), f"{e['at']:%Y-%m-%d %H:%M:%S}", e["actor"], e["action"], e["subject"] or "", str(e["detail"] or ""))
    console.print(table)
