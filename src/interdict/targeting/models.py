"""Targeting as stored: which profile versions exist and are active, each scoring run, and the
score, lane and reasons it gave every shipment (with the profile versions that produced them).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc


class ProfileVersionRow(Base):
    """A profile file registered at a version; at most one version of a profile is active."""

    __tablename__ = "profile_versions"
    __table_args__ = (UniqueConstraint("profile_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ScoringRun(Base):
    __tablename__ = "scoring_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    engine: Mapped[str] = mapped_column(String(16))
    profiles: Mapped[list[str]] = mapped_column(JSONValue)  # id@version#hash of every profile used
    model_version: Mapped[str | None] = mapped_column(String(64))
    red_share: Mapped[float] = mapped_column(Float)
    random_share: Mapped[float] = mapped_column(Float)
    seed: Mapped[int] = mapped_column(Integer)
    shipments: Mapped[int] = mapped_column(Integer, default=0)
    red: Mapped[int] = mapped_column(Integer, default=0)
    yellow: Mapped[int] = mapped_column(Integer, default=0)


class RiskScore(Base):
    __tablename__ = "risk_scores"
    __table_args__ = (Index("ix_risk_scores_run_lane", "run_id", "lane"), Index("ix_risk_scores_shipment_pk", "shipment_pk"))

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("scoring_runs.id", ondelete="CASCADE"))
    shipment_pk: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    lane: Mapped[str] = mapped_column(String(8))
    selected_at_random: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[str] = mapped_column(Text)
    indicators: Mapped[list[str]] = mapped_column(JSONValue)
    profiles: Mapped[list[str]] = mapped_column(JSONValue)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
