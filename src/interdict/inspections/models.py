"""Inspection outcomes as partners and officers report them (records.md §2) and their findings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc


class InspectionOutcome(Base):
    __tablename__ = "inspection_outcomes"
    __table_args__ = (
        Index("ix_inspection_outcomes_key", "reporter", "shipment_id"),
        Index("ix_inspection_outcomes_record_hash", "record_hash", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reporter: Mapped[str] = mapped_column(String(64))
    shipment_id: Mapped[str] = mapped_column(String(64))
    inspected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(16))
    office: Mapped[str | None] = mapped_column(String(64))
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    record_hash: Mapped[str] = mapped_column(String(32))
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


class OutcomeFinding(Base):
    """One finding of an outcome, in its own row so statistics need no JSON parsing."""

    __tablename__ = "outcome_findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outcome_id: Mapped[int] = mapped_column(ForeignKey("inspection_outcomes.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[int | None] = mapped_column(Integer)
