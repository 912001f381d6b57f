"""The store's tables for seizures and what they held: firearms, ammunition, parts, tracing requests.

Key fields are columns (for lists, matching and overdue queries); the full pydantic record travels in
`record` as JSON, so nothing an investigator identified is lost between store and exchange bundle.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc


class SeizureRow(Base):
    """One seizure report: from an inspection outcome, or standalone (found or surrendered).

    `origin_agency` and `bundle_id` are set on reports received from another agency; both are empty
    for seizures recorded here.
    """

    __tablename__ = "seizures"
    __table_args__ = (UniqueConstraint("reporting_agency", "report_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(String(200))
    reporting_agency: Mapped[str] = mapped_column(String(64))
    jurisdiction: Mapped[str] = mapped_column(String(8))
    seized_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    country: Mapped[str] = mapped_column(String(2))
    recovery: Mapped[str] = mapped_column(String(16))
    outcome_id: Mapped[int | None] = mapped_column(ForeignKey("inspection_outcomes.id", ondelete="SET NULL"), index=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSONValue)  # the seizure report without its items
    origin_agency: Mapped[str | None] = mapped_column(String(64))
    received_from: Mapped[str | None] = mapped_column(String(64))
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    handling: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)  # as received, for passing it on
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    # Whose investigators see it: the reporting jurisdiction for ours, the receiving one for a
    # report received from abroad (its own `jurisdiction` stays the sender's).
    held_by_jurisdiction: Mapped[str | None] = mapped_column(String(8), index=True)


class FirearmRow(Base):
    __tablename__ = "firearms"
    __table_args__ = (
        UniqueConstraint("seizure_id", "firearm_id"),
        Index("ix_firearms_serial_normalised", "serial_normalised"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seizure_id: Mapped[int | None] = mapped_column(ForeignKey("seizures.id", ondelete="CASCADE"), index=True)
    firearm_id: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40))
    make: Mapped[str | None] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(200))
    calibre: Mapped[str | None] = mapped_column(String(100))
    calibre_canonical: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    serial_normalised: Mapped[str] = mapped_column(String(100))
    serial_status: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="identified")  # identified, traced
    record: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    origin_agency: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


class FirearmBlockingKey(Base):
    """The keys matching looks an earlier firearm up by (serial n-grams in every reading, make and
    calibre), one row each, so candidates are chosen by an indexed query, not by reading every record."""

    __tablename__ = "firearm_blocking_keys"
    __table_args__ = (Index("ix_firearm_blocking_keys_key", "key", "firearm_row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    firearm_row_id: Mapped[int] = mapped_column(ForeignKey("firearms.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(120))


class SeizureAmendment(Base):
    """One correction of a stored seizure or of one of its items, with the record before and after:
    the history an investigator (or a court) reads back; rows are only ever added."""

    __tablename__ = "seizure_amendments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seizure_id: Mapped[int] = mapped_column(ForeignKey("seizures.id", ondelete="CASCADE"), index=True)
    item_type: Mapped[str] = mapped_column(String(16))  # seizure, firearm, ammunition, part
    item_id: Mapped[str | None] = mapped_column(String(200))
    change: Mapped[str] = mapped_column(String(16))  # added, corrected
    amended_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    amended_by: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(String(2000))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    after: Mapped[dict[str, Any]] = mapped_column(JSONValue)


class AmmunitionRow(Base):
    __tablename__ = "seized_ammunition"
    __table_args__ = (UniqueConstraint("seizure_id", "ammunition_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seizure_id: Mapped[int] = mapped_column(ForeignKey("seizures.id", ondelete="CASCADE"), index=True)
    ammunition_id: Mapped[str] = mapped_column(String(200))
    calibre_canonical: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(JSONValue)


class PartRow(Base):
    __tablename__ = "seized_parts"
    __table_args__ = (UniqueConstraint("seizure_id", "part_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seizure_id: Mapped[int] = mapped_column(ForeignKey("seizures.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[str] = mapped_column(String(200))
    part_type: Mapped[str] = mapped_column(String(32))
    serial_normalised: Mapped[str] = mapped_column(String(100))
    record: Mapped[dict[str, Any]] = mapped_column(JSONValue)


class TracingRequestRow(Base):
    """A tracing request; its status timeline and answers are in `record` (a TracingRequest)."""

    __tablename__ = "tracing_requests"
    __table_args__ = (UniqueConstraint("requesting_agency", "request_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(200))
    requesting_agency: Mapped[str] = mapped_column(String(64))
    firearm_row_id: Mapped[int | None] = mapped_column(ForeignKey("firearms.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    priority: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    record: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    origin_agency: Mapped[str | None] = mapped_column(String(64))
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
