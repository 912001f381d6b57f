"""Who is who: agencies in jurisdictions, their users with a role, and partners' API keys; and
the recent sign-in attempts by address that the login rate limit counts.

Keys are stored as hashes only; the key itself is shown once, when created.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc

ROLES = ("admin", "analyst", "officer", "investigator", "prosecutor", "partner", "coordinator")


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    jurisdiction: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2, XK included
    kind: Mapped[str] = mapped_column(String(32))  # customs | police | prosecution | partner | coordination


class ApiKey(Base):
    """A partner's key: scoped to reporter codes, revocable, never stored in clear."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)  # shown in lists, finds the row
    key_hash: Mapped[str] = mapped_column(String(64))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    reporters: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginAttempt(Base):
    """One sign-in attempt from an address, kept for the rate limit's window only. In the database
    so that every server process (uvicorn workers) counts the same attempts."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_address_at", "address", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
