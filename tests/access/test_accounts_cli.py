"""`interdict user add|disable|list` and `interdict audit verify`, driven through the Typer apps on
each store (the `configured` fixture points INTERDICT_DATABASE_URL and INTERDICT_HOME at it).

Fixture strategy: the commands run as an administrator would run them on the server; the audit
table is then edited with plain SQL, as someone with database access but without the audit key.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, delete, select, update
from typer.testing import CliRunner

from interdict.access.accounts_cli import audit_app, user_app
from interdict.access.audit import AuditEntry
from interdict.access.sessions import resume_session, start_session, NotSignedIn
from interdict.access.users import authenticate, list_users
from interdict.errors import InterdictError

PASSWORD = "correct horse battery staple"
runner = CliRunner()


def _agency() -> None:
    result = runner.invoke(user_app, ["agency", "CUSTOMS-MK", "--jurisdiction", "MK", "--kind", "customs", "--name", "Customs MK"])
    assert result.exit_code == 0, result.output


def _add(username: str, *extra: str, password: str = PASSWORD) -> object:
    return runner.invoke(user_app, ["add", username, "--role", "officer", "--agency", "CUSTOMS-MK", *extra],
                         input=f"{password}\n{password}\n")  # fmt: skip


def test_user_add_then_list_and_sign_in(configured: Engine) -> None:
    _agency()
    result = _add("ana.petrovska", "--full-name", "Ana Petrovska", "--unit", "postal:MK")
    assert result.exit_code == 0, result.output
    assert "account ana.petrovska (officer, CUSTOMS-MK) created" in result.output
    assert PASSWORD not in result.output  # the prompt hides it
    [row] = list_users(engine=configured)
    assert (row["username"], row["role"], row["agency"], row["jurisdiction"], row["unit"]) == ("ana.petrovska", "officer", "CUSTOMS-MK", "MK", "postal:MK")
    assert authenticate(engine=configured, username="ana.petrovska", password=PASSWORD) == row["id"]

    listed = runner.invoke(user_app, ["list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert "ana.petrovska" in listed.output and "postal:MK" in listed.output and "active" in listed.output
    assert "agencies: CUSTOMS-MK" in listed.output


def test_user_add_refuses_a_short_password_and_an_unknown_agency(configured: Engine) -> None:
    _agency()
    short = _add("short.pw", password="too-short")
    assert short.exit_code != 0 and isinstance(short.exception, InterdictError)
    assert "password" in str(short.exception)
    nowhere = runner.invoke(user_app, ["add", "x.y", "--role", "officer", "--agency", "NO-SUCH"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert nowhere.exit_code != 0 and isinstance(nowhere.exception, InterdictError)
    assert list_users(engine=configured) == []


def test_user_disable_ends_sessions_and_shows_in_the_list(configured: Engine) -> None:
    _agency()
    assert _add("boris.s").exit_code == 0
    user_id = list_users(engine=configured)[0]["id"]
    token = start_session(engine=configured, user_id=user_id)
    resume_session(engine=configured, token=token)

    result = runner.invoke(user_app, ["disable", "boris.s"])
    assert result.exit_code == 0, result.output
    assert "account boris.s disabled" in result.output
    with pytest.raises(NotSignedIn):
        resume_session(engine=configured, token=token)
    assert "disabled" in runner.invoke(user_app, ["list"], env={"COLUMNS": "200"}).output

    missing = runner.invoke(user_app, ["disable", "nobody"])
    assert missing.exit_code != 0 and isinstance(missing.exception, InterdictError)


def test_audit_verify_passes_then_fails_after_an_edit(configured: Engine) -> None:
    _agency()
    assert _add("c.officer").exit_code == 0
    assert runner.invoke(user_app, ["disable", "c.officer"]).exit_code == 0
    assert runner.invoke(user_app, ["enable", "c.officer"]).exit_code == 0

    intact = runner.invoke(audit_app, ["verify"])
    assert intact.exit_code == 0, intact.output
    assert "audit trail intact" in intact.output
    with configured.connect() as conn:
        entries = conn.execute(select(AuditEntry.seq, AuditEntry.actor).order_by(AuditEntry.seq)).all()
    assert len(entries) >= 3

    with configured.begin() as conn:  # behind the application's back: rewrite who did it
        conn.execute(update(AuditEntry).where(AuditEntry.seq == entries[1].seq).values(actor="somebody-else"))
    tampered = runner.invoke(audit_app, ["verify"])
    assert tampered.exit_code == 1, tampered.output
    assert "tampered" in tampered.output and f"entry {entries[1].seq}: content or hash was changed" in tampered.output


def test_audit_verify_finds_a_deleted_last_entry(configured: Engine) -> None:
    _agency()
    assert _add("d.officer").exit_code == 0
    assert runner.invoke(user_app, ["disable", "d.officer"]).exit_code == 0
    with configured.begin() as conn:
        last = conn.execute(select(AuditEntry.seq).order_by(AuditEntry.seq.desc())).scalars().first()
        conn.execute(delete(AuditEntry).where(AuditEntry.seq == last))
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 1, result.output
    assert "the head says" in result.output
