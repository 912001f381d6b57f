"""Scoring one shipment now, as the batch would: the same flattening as ingest, the active
profiles, and the cross-shipment figures counted over the related shipments in the store."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, or_, select

from interdict.ingest.models import Shipment
from interdict.ingest.schemas import ShipmentRecord
from interdict.ingest.shipments import shipment_columns
from interdict.targeting.evaluation import aggregates_needed, score_one
from interdict.targeting.profile import Profile
from interdict.targeting.registry import active_profiles
from interdict.targeting.service import HISTORY, _CONTRACT

_TABLE = Shipment.__table__


def related_shipments(*, engine: Engine, row: dict[str, Any], profiles: list[Profile]) -> list[dict[str, Any]]:
    """Stored shipments that share a counted key (phone, address, name…) with `row`, in the window."""
    keys = {a.per for a in aggregates_needed(profiles)}
    longest = max((a.days for a in aggregates_needed(profiles)), default=0)
    matches = [_TABLE.c[k] == row[k] for k in sorted(keys) if k in _TABLE.c and row.get(k) not in (None, "")]
    if not matches:
        return []
    moment = row["reported_at"]
    query = select(*(_TABLE.c[name] for name in _CONTRACT)).where(
        or_(*matches),
        _TABLE.c.reported_at >= moment - min(HISTORY, timedelta(days=longest)),
        _TABLE.c.reported_at <= moment + timedelta(days=longest),
    )
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def score_shipment(*, engine: Engine, record: ShipmentRecord | dict[str, Any], profiles: list[Profile] | None = None) -> dict[str, Any]:
    """`record` is a validated shipment or its flattened row (`shipment_columns`)."""
    profiles = profiles if profiles is not None else active_profiles(engine=engine)
    row = dict(record) if isinstance(record, dict) else shipment_columns(record)[0]
    with engine.connect() as conn:
        stored = conn.execute(
            select(_TABLE.c.id).where(_TABLE.c.reporter == row["reporter"], _TABLE.c.shipment_id == row["shipment_id"])
        ).scalar()
    row["id"] = stored
    history = related_shipments(engine=engine, row=row, profiles=profiles)
    result = score_one(row, profiles, history=history)
    result["profile_versions"] = [p.label for p in profiles]
    return result
