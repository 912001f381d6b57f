"""Local accounts: a user with a role in an agency of a jurisdiction, an Argon2 password hash, and
a lock-out after repeated failed logins. `create_demo_accounts` makes one account per role.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Engine, ForeignKey, Integer, String, func, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from interdict.access import audit
from interdict.access.models import ROLES, Agency
from interdict.access.scope import SYSTEM, Viewer
from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc

MAX_FAILED_LOGINS = 5
LOCK_OUT = timedelta(minutes=15)
MIN_PASSWORD = 12
_hasher = PasswordHasher()


@functools.cache
def dummy_hash() -> str:
    """Verified against when the username is unknown, so a miss costs as long as a wrong password.
    Made on first use, not at import (an Argon2 hash costs ~0.4 s, and every CLI command imports
    this module); the web app makes it at start-up, so no login pays for it."""
    return _hasher.hash(secrets.token_urlsafe(16))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    unit: Mapped[str | None] = mapped_column(String(64))  # officers: e.g. "postal:MK"
    reporters: Mapped[list[str]] = mapped_column(JSONValue, default=list)  # partners: their reporter codes
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


_USERS = User.__table__
_AGENCIES = Agency.__table__


@dataclass(frozen=True, slots=True)
class UserCreate:
    username: str
    full_name: str
    role: str
    agency: str  # agency code
    password: str
    unit: str | None = None
    reporters: tuple[str, ...] = ()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("the password is too short", problems=[
            Problem("password", "min_length", f"{len(password)} characters", f"use at least {MIN_PASSWORD} characters")])  # fmt: skip


def ensure_agency(*, engine: Engine, code: str, name: str, jurisdiction: str, kind: str) -> int:
    """The agency's id, created when it does not exist yet."""
    with engine.begin() as conn:
        found = conn.execute(select(_AGENCIES.c.id).where(_AGENCIES.c.code == code)).scalar()
        if found is not None:
            return found
        return conn.execute(insert(_AGENCIES).values(code=code, name=name, jurisdiction=jurisdiction.upper(), kind=kind)
                            .returning(_AGENCIES.c.id)).scalar_one()  # fmt: skip


def list_agencies(*, engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(_AGENCIES).order_by(_AGENCIES.c.code)).mappings()]


def create_user(*, engine: Engine, new: UserCreate, by: Viewer = SYSTEM) -> int:
    problems = []
    if new.role not in ROLES:
        problems.append(Problem("role", "one_of", new.role, f"one of {', '.join(ROLES)}"))
    if not new.username or len(new.username) > 64 or not new.username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        problems.append(Problem("username", "format", new.username, "letters, digits, '.', '-' and '_' only, at most 64"))
    if new.role == "partner" and not new.reporters:
        problems.append(Problem("reporters", "non_empty", [], "a partner account needs its reporter codes"))
    if problems:
        raise InvalidInput("the account cannot be created", problems=problems)
    _check_password(new.password)
    with engine.begin() as conn:
        agency_id = conn.execute(select(_AGENCIES.c.id).where(_AGENCIES.c.code == new.agency)).scalar()
        if agency_id is None:
            raise NotFound(f"no agency {new.agency!r}", problems=[Problem("agency", "exists", new.agency, "create the agency first")])
        if conn.execute(select(_USERS.c.id).where(_USERS.c.username == new.username)).scalar() is not None:
            raise Conflict(f"the username {new.username!r} is taken", problems=[Problem("username", "unique", new.username, "choose another")])
        user_id = conn.execute(insert(_USERS).values(
            username=new.username, full_name=new.full_name, role=new.role, agency_id=agency_id, unit=new.unit or None,
            reporters=sorted(set(new.reporters)), password_hash=_hasher.hash(new.password), created_at=now_utc(),
        ).returning(_USERS.c.id)).scalar_one()  # fmt: skip
    audit.record(engine=engine, viewer=by, action="create", subject=f"user:{new.username}",
                 detail={"role": new.role, "agency": new.agency, "unit": new.unit, "reporters": sorted(new.reporters)})  # fmt: skip
    return user_id


def set_disabled(*, engine: Engine, username: str, disabled: bool = True, by: Viewer = SYSTEM) -> None:
    """Disabling also ends the user's sessions at once."""
    from interdict.access.sessions import end_sessions_of

    with engine.begin() as conn:
        done = conn.execute(update(_USERS).where(_USERS.c.username == username).values(disabled=disabled, failed_logins=0, locked_until=None))
    if done.rowcount == 0:
        raise NotFound(f"no user {username!r}", problems=[Problem("username", "exists", username, "see `interdict user list`")])
    if disabled:
        end_sessions_of(engine=engine, username=username)
    audit.record(engine=engine, viewer=by, action="disable" if disabled else "update", subject=f"user:{username}",
                 detail={"disabled": disabled})  # fmt: skip


def set_password(*, engine: Engine, username: str, password: str, by: Viewer = SYSTEM) -> None:
    _check_password(password)
    with engine.begin() as conn:
        done = conn.execute(update(_USERS).where(_USERS.c.username == username).values(password_hash=_hasher.hash(password)))
    if done.rowcount == 0:
        raise NotFound(f"no user {username!r}")
    audit.record(engine=engine, viewer=by, action="update", subject=f"user:{username}", detail={"password": "changed"})


def list_users(*, engine: Engine) -> list[dict[str, Any]]:
    query = (
        select(_USERS.c.id, _USERS.c.username, _USERS.c.full_name, _USERS.c.role, _USERS.c.unit, _USERS.c.reporters,
               _USERS.c.disabled, _USERS.c.locked_until, _USERS.c.created_at, _USERS.c.last_login_at,
               _AGENCIES.c.code.label("agency"), _AGENCIES.c.jurisdiction)
        .join(_AGENCIES, _AGENCIES.c.id == _USERS.c.agency_id).order_by(_USERS.c.username)
    )  # fmt: skip
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def viewer_for(*, engine: Engine, user_id: int) -> Viewer | None:
    """The signed-in user as a `Viewer`, or None when the account is gone or disabled."""
    query = (
        select(_USERS.c.id, _USERS.c.username, _USERS.c.role, _USERS.c.unit, _USERS.c.reporters, _USERS.c.disabled,
               _AGENCIES.c.code, _AGENCIES.c.jurisdiction)
        .join(_AGENCIES, _AGENCIES.c.id == _USERS.c.agency_id).where(_USERS.c.id == user_id)
    )  # fmt: skip
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.disabled:
        return None
    return Viewer(name=row.username, role=row.role, jurisdiction=row.jurisdiction, unit=row.unit,
                  reporters=frozenset(row.reporters or ()), user_id=row.id, agency=row.code)  # fmt: skip


class LoginRefused(Exception):
    """Wrong name or password, a disabled or a locked account: the page says only that it failed."""

    def __init__(self, reason: str, locked_until: datetime | None = None):
        super().__init__(reason)
        self.reason = reason
        self.locked_until = locked_until


def authenticate(*, engine: Engine, username: str, password: str, ip: str | None = None) -> int:
    """The user's id when name and password match an enabled, unlocked account; else LoginRefused.

    Every attempt is in the audit trail; the fifth failure in a row locks the account for 15 minutes.
    """
    with engine.connect() as conn:
        row = conn.execute(select(_USERS).where(_USERS.c.username == username)).mappings().first()
    now = now_utc()
    if row is None:
        _verify(dummy_hash(), password)
        audit.record(engine=engine, viewer=None, actor=username[:100] or "?", action="login_failed", ip=ip, detail={"reason": "unknown user"})
        raise LoginRefused("unknown user")
    if row["disabled"]:
        audit.record(engine=engine, viewer=None, actor=username, action="login_failed", ip=ip, detail={"reason": "disabled"})
        raise LoginRefused("disabled")
    if row["locked_until"] and row["locked_until"] > now:
        audit.record(engine=engine, viewer=None, actor=username, action="login_failed", ip=ip, detail={"reason": "locked"})
        raise LoginRefused("locked", row["locked_until"])
    if not _verify(row["password_hash"], password):
        with engine.begin() as conn:
            failures = conn.execute(
                update(_USERS).where(_USERS.c.id == row["id"]).values(failed_logins=_USERS.c.failed_logins + 1)
                .returning(_USERS.c.failed_logins)
            ).scalar_one()  # fmt: skip
            locked = failures >= MAX_FAILED_LOGINS
            if locked:
                conn.execute(update(_USERS).where(_USERS.c.id == row["id"]).values(locked_until=now + LOCK_OUT, failed_logins=0))
        audit.record(engine=engine, viewer=None, actor=username, action="login_failed", ip=ip,
                     detail={"reason": "wrong password", "locked": locked})  # fmt: skip
        raise LoginRefused("wrong password", now + LOCK_OUT if locked else None)
    with engine.begin() as conn:
        conn.execute(update(_USERS).where(_USERS.c.id == row["id"]).values(failed_logins=0, locked_until=None, last_login_at=now))
    audit.record(engine=engine, viewer=None, actor=username, action="login", ip=ip, detail={"role": row["role"]})
    return row["id"]


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


# Demo: one account per role, in agencies of the jurisdiction with the most hits (or North Macedonia).
def create_demo_accounts(*, engine: Engine) -> list[tuple[str, str, str]]:
    """One account per role with a random password; returns (username, role, password) to print."""
    jurisdiction, unit, reporter = _demo_focus(engine)
    codes = {
        "customs": (f"CUSTOMS-{jurisdiction}", f"Customs administration {jurisdiction}"),
        "police": (f"POLICE-{jurisdiction}", f"Criminal police {jurisdiction}"),
        "prosecution": (f"PROSECUTION-{jurisdiction}", f"Public prosecutor {jurisdiction}"),
        "partner": (f"PARTNER-{reporter}", f"{reporter} (partner)"),
        "coordination": ("COORDINATION", "Regional programme coordination"),
    }
    for kind, (code, name) in codes.items():
        ensure_agency(engine=engine, code=code, name=name, jurisdiction=jurisdiction, kind=kind)
    plan = [
        ("demo-admin", "admin", "customs", "Demo Administrator", None, ()),
        ("demo-analyst", "analyst", "customs", "Demo Risk Analyst", None, ()),
        ("demo-officer", "officer", "customs", "Demo Customs Officer", unit, ()),
        ("demo-investigator", "investigator", "police", "Demo Police Investigator", None, ()),
        ("demo-prosecutor", "prosecutor", "prosecution", "Demo Prosecutor", None, ()),
        ("demo-partner", "partner", "partner", f"Demo {reporter} dispatcher", None, (reporter,)),
        ("demo-coordinator", "coordinator", "coordination", "Demo Programme Coordinator", None, ()),
    ]
    accounts = []
    for username, role, agency, full_name, user_unit, reporters in plan:
        password = "-".join(secrets.token_urlsafe(6) for _ in range(3))
        with engine.connect() as conn:
            exists = conn.execute(select(_USERS.c.id).where(_USERS.c.username == username)).scalar() is not None
        if exists:
            set_password(engine=engine, username=username, password=password)
            set_disabled(engine=engine, username=username, disabled=False)
        else:
            create_user(engine=engine, new=UserCreate(username, full_name, role, codes[agency][0], password, user_unit, reporters))
        accounts.append((username, role, password))
    return accounts


def _demo_focus(engine: Engine) -> tuple[str, str | None, str]:
    """(jurisdiction, officer unit, partner reporter) where the demo's hits are."""
    from interdict.access.scope import shipment_jurisdiction
    from interdict.ingest.models import Shipment
    from interdict.inspections.hits import Hit

    with engine.connect() as conn:
        top = conn.execute(
            select(shipment_jurisdiction().label("j"), Hit.unit, func.count().label("n"))
            .join(Shipment, Shipment.id == Hit.shipment_pk).group_by("j", Hit.unit).order_by(func.count().desc()).limit(1)
        ).first()  # fmt: skip
        jurisdiction, unit = (top.j, top.unit) if top else ("MK", None)
        reporter = conn.execute(
            select(Shipment.reporter).join(Hit, Hit.shipment_pk == Shipment.id).where(shipment_jurisdiction() == jurisdiction)
            .group_by(Shipment.reporter).order_by(func.count().desc()).limit(1)
        ).scalar()  # fmt: skip
        if reporter is None:
            reporter = conn.execute(select(Shipment.reporter).where(shipment_jurisdiction() == jurisdiction)
                                    .group_by(Shipment.reporter).order_by(func.count().desc()).limit(1)).scalar()  # fmt: skip
    return jurisdiction, unit, reporter or "MKPOST"
