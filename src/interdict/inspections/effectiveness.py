"""How well the hit list works: per reason, how many hits, how many were inspected and how many of
those found something; and, for coordinators, counts by jurisdiction without any shipment data.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, exists, func, select

from interdict.access.scope import Viewer, hits_in_scope, require, shipment_jurisdiction
from interdict.ingest.models import Shipment
from interdict.inspections.hits import Hit
from interdict.inspections.models import InspectionOutcome


def reason_effectiveness(*, engine: Engine, viewer: Viewer, limit: int = 50_000) -> list[dict[str, Any]]:
    """Per reason: hits, inspected, seizures, and the hit rate over inspected hits only (a rate over
    all hits would count the never-opened ones as clean). A hit counts as inspected when an outcome
    was recorded for its shipment, on the hit list or in a partner's outcome file (records.md §2)."""
    require(viewer, "profiles.view")
    same_shipment = (InspectionOutcome.reporter == Shipment.reporter) & (InspectionOutcome.shipment_id == Shipment.shipment_id)
    inspected = exists(select(InspectionOutcome.id).where(same_shipment))
    seized = exists(select(InspectionOutcome.id).where(same_shipment, InspectionOutcome.result == "seizure"))
    query = (
        select(Hit.reasons, Hit.status, inspected.label("inspected"), seized.label("seized"))
        .join(Shipment, Shipment.id == Hit.shipment_pk)
        .where(hits_in_scope(viewer)).limit(limit)
    )  # fmt: skip
    tally: dict[str, dict[str, int]] = defaultdict(lambda: {"hits": 0, "inspected": 0, "seizures": 0})
    with engine.connect() as conn:
        for reasons, status, was_inspected, was_seized in conn.execute(query):
            for reason in reasons or ["(no reason given)"]:
                row = tally[reason]
                row["hits"] += 1
                row["inspected"] += bool(was_inspected or status == "inspected")
                row["seizures"] += bool(was_seized)
    rows = [{"reason": reason, **counts, "hit_rate": counts["seizures"] / counts["inspected"] if counts["inspected"] else None}
            for reason, counts in tally.items()]  # fmt: skip
    return sorted(rows, key=lambda r: (-r["hits"], r["reason"]))


def jurisdiction_overview(*, engine: Engine, viewer: Viewer) -> list[dict[str, Any]]:
    """Shipments, hits and seizures per jurisdiction: figures only, for programme coordination."""
    require(viewer, "overview.view")
    where = shipment_jurisdiction().label("jurisdiction")
    with engine.connect() as conn:
        shipments = dict(conn.execute(select(where, func.count()).group_by(where)).all())
        hits = dict(conn.execute(select(where, func.count()).join(Hit, Hit.shipment_pk == Shipment.id).group_by(where)).all())
        seizures = dict(conn.execute(
            select(where, func.count()).join(InspectionOutcome, (InspectionOutcome.reporter == Shipment.reporter)
                                             & (InspectionOutcome.shipment_id == Shipment.shipment_id))
            .where(InspectionOutcome.result == "seizure").group_by(where)
        ).all())  # fmt: skip
    return [{"jurisdiction": j, "shipments": shipments.get(j, 0), "hits": hits.get(j, 0), "seizures": seizures.get(j, 0)}
            for j in sorted(shipments)]  # fmt: skip
