"""Watchlists as stored: the current entry per (list_id, entry_id) and every version received.

Entries past `valid_until` stay in the store (history) but are not screened against.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from collections.abc import Sequence

from sqlalchemy import Connection, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, insert, select, tuple_, update
from sqlalchemy.orm import Mapped, mapped_column

from interdict.ingest.schemas import WatchlistRecord
from interdict.ingest.validation import Checked
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc


class WatchlistEntryRow(Base):
    __tablename__ = "watchlist_entries"
    __table_args__ = (UniqueConstraint("list_id", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[str] = mapped_column(String(64))
    entry_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    birth_date: Mapped[date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(2))
    street: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    valid_until: Mapped[date | None] = mapped_column(Date)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    record_hash: Mapped[str] = mapped_column(String(32))
    version_count: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


class WatchlistEntryVersion(Base):
    __tablename__ = "watchlist_entry_versions"
    __table_args__ = (Index("ix_watchlist_entry_versions_key", "list_id", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[str] = mapped_column(String(64))
    entry_id: Mapped[str] = mapped_column(String(64))
    record_hash: Mapped[str] = mapped_column(String(32))
    record: Mapped[str] = mapped_column(Text)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


def write_watchlist(conn: Connection, checked: Sequence[Checked], *, batch_id: int) -> list[str]:
    """New entries are accepted; a changed entry is amended (the latest received wins)."""
    table = WatchlistEntryRow.__table__
    keys = [(c.record.list_id, c.record.entry_id) for c in checked]  # type: ignore[union-attr]
    stored = {
        (row.list_id, row.entry_id): row
        for row in conn.execute(
            select(table.c.id, table.c.list_id, table.c.entry_id, table.c.record_hash, table.c.version_count).where(
                tuple_(table.c.list_id, table.c.entry_id).in_(keys)
            )
        )
    }
    statuses: list[str] = []
    versions: list[dict[str, Any]] = []
    fresh: list[dict[str, Any]] = []
    for item, key in zip(checked, keys, strict=True):
        record: WatchlistRecord = item.record  # type: ignore[assignment]
        current = stored.get(key)
        if current is not None and current.record_hash == item.record_hash:
            statuses.append("duplicate")
            continue
        row = {
            "list_id": record.list_id, "entry_id": record.entry_id, "kind": record.kind, "name": record.name,
            "aliases": record.aliases or [], "birth_date": record.birth_date, "country": record.country,
            "street": record.street, "city": record.city, "postcode": record.postcode, "reason": record.reason,
            "valid_until": record.valid_until, "extra": record.extras, "record_hash": item.record_hash,
            "updated_at": now_utc(),
        }  # fmt: skip
        versions.append({"list_id": record.list_id, "entry_id": record.entry_id, "record_hash": item.record_hash,
                         "record": item.record_json.decode(), "batch_id": batch_id})  # fmt: skip
        if current is None:
            statuses.append("accepted")
            fresh.append(row)
        else:
            statuses.append("amended")
            conn.execute(
                update(table).where(table.c.id == current.id).values(**row, version_count=current.version_count + 1)
            )
    if fresh:
        conn.execute(insert(table), fresh)
    if versions:
        conn.execute(insert(WatchlistEntryVersion.__table__), versions)
    return statuses


def active_entries(conn: Connection, *, on: date | None = None) -> list[dict[str, Any]]:
    """Entries to screen against: those whose `valid_until` has not passed."""
    table = WatchlistEntryRow.__table__
    day = on or date.today()
    query = select(table).where((table.c.valid_until.is_(None)) | (table.c.valid_until >= day))
    return [dict(row) for row in conn.execute(query).mappings()]
