"""Recording what an officer found on a hit: an inspection (x-ray, physical, …) and, when goods are
seized, its findings in the categories of records.md §2. The outcome goes in through the same
validation as a partner's outcome file, so it feeds back to targeting exactly like one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, get_args

import orjson
from sqlalchemy import Engine, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from interdict.access import audit
from interdict.access.scope import Viewer, outcomes_in_scope, require, shipments_in_scope
from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.ingest.models import Shipment
from interdict.ingest.readers import read_bytes
from interdict.ingest.schemas import FindingCategory, Method, Result
from interdict.ingest.service import ingest_records
from interdict.inspections.hits import close_hit, get_hit
from interdict.inspections.models import InspectionOutcome
from interdict.store.database import Base, UTCDateTime, now_utc

METHODS: tuple[str, ...] = get_args(Method)
RESULTS: tuple[str, ...] = get_args(Result)
FINDING_CATEGORIES: tuple[str, ...] = get_args(FindingCategory)


@dataclass(slots=True)
class InspectionCreate:
    method: str
    result: str
    findings: list[dict[str, Any]] = field(default_factory=list)  # {category, description, quantity}
    office: str | None = None
    note: str | None = None
    inspected_at: datetime | None = None


def _check(new: InspectionCreate) -> None:
    problems = []
    if new.method not in METHODS:
        problems.append(Problem("method", "one_of", new.method, f"one of {', '.join(METHODS)}"))
    if new.result not in RESULTS:
        problems.append(Problem("result", "one_of", new.result, f"one of {', '.join(RESULTS)}"))
    if new.result == "seizure" and not new.findings:
        problems.append(Problem("findings", "required_for_seizure", [], "list what was seized: at least one finding"))
    for n, finding in enumerate(new.findings):
        if finding.get("category") not in FINDING_CATEGORIES:
            problems.append(Problem(f"findings[{n}].category", "one_of", finding.get("category"), "pick a category from the list"))
        quantity = finding.get("quantity")
        if quantity is not None and (not isinstance(quantity, int) or quantity < 1 or quantity > 1_000_000):
            problems.append(Problem(f"findings[{n}].quantity", "positive_integer", quantity, "a whole number of at least 1"))
    if problems:
        raise InvalidInput("the inspection cannot be recorded", problems=problems)


def record_inspection(*, engine: Engine, hit_id: int, user: Viewer, new: InspectionCreate) -> int:
    """Record the inspection of a hit the officer holds; returns the outcome's id."""
    require(user, "hits.work")
    _check(new)
    hit = get_hit(engine=engine, viewer=user, hit_id=hit_id)
    if hit["status"] != "claimed" or hit["claimed_by"] != user.name:
        raise Conflict(f"hit {hit_id} is not held by you", problems=[Problem("hit_id", "claimed_by_you", hit_id, "claim the hit first")])
    record = {
        "reporter": hit["reporter"], "shipment_id": hit["shipment_id"],
        "inspected_at": (new.inspected_at or now_utc()).isoformat(), "method": new.method, "result": new.result,
        "findings": [{k: v for k, v in f.items() if v not in (None, "")} for f in new.findings] or None,
        "office": new.office or user.unit or user.agency, "recorded_by": user.name, "hit_id": hit_id,
        "note": new.note or None,
    }  # fmt: skip
    record = {k: v for k, v in record.items() if v is not None}
    _source, records = read_bytes(orjson.dumps([record]), name=f"web:{user.name}.json", kind="outcomes")
    summary = ingest_records(records, engine=engine, kind="outcomes", source_name=f"web:{user.name}", fmt="json",
                             submitted_by=f"user:{user.name}", keep_statuses=True)  # fmt: skip
    [status] = summary.statuses or [None]
    if status is None or status.status not in ("accepted", "duplicate"):
        reasons = status.reasons if status else []
        raise InvalidInput("the inspection was not accepted", problems=[Problem(r["field"], r["rule"], r["value"], r["message"]) for r in reasons])
    with engine.connect() as conn:
        outcome_id = conn.execute(
            select(InspectionOutcome.id).where(InspectionOutcome.reporter == hit["reporter"], InspectionOutcome.shipment_id == hit["shipment_id"])
            .order_by(InspectionOutcome.id.desc()).limit(1)
        ).scalar_one()  # fmt: skip
    close_hit(engine=engine, hit_id=hit_id, user=user, status="inspected", outcome_id=outcome_id)
    audit.record(engine=engine, viewer=user, action="create", subject=f"outcome:{outcome_id}",
                 detail={"hit": hit_id, "result": new.result, "method": new.method,
                         "findings": [f.get("category") for f in new.findings]})  # fmt: skip
    return outcome_id


def list_outcomes(*, engine: Engine, viewer: Viewer, result: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Outcomes of shipments in the viewer's scope, newest first."""
    if not viewer.can("seizures.view"):
        require(viewer, "outcomes.view")
    table = InspectionOutcome.__table__
    query = (
        select(table.c.id, table.c.reporter, table.c.shipment_id, table.c.inspected_at, table.c.method, table.c.result,
               table.c.office, table.c.findings, Shipment.id.label("shipment_pk"))
        .join(Shipment, (Shipment.reporter == table.c.reporter) & (Shipment.shipment_id == table.c.shipment_id))
        .where(outcomes_in_scope(viewer), shipments_in_scope(viewer))
        .order_by(table.c.inspected_at.desc(), table.c.id.desc()).limit(min(limit, 1000)).offset(offset)
    )  # fmt: skip
    if result:
        query = query.where(table.c.result == result)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


class ParcelReport(Base):
    """A partner's report of a suspicious parcel among its own shipments."""

    __tablename__ = "parcel_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reporter: Mapped[str] = mapped_column(String(64))
    shipment_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    reported_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


def report_parcel(*, engine: Engine, user: Viewer, reporter: str, shipment_id: str, reason: str) -> int:
    """A partner flags one of its own parcels; it shows on the shipment's page for customs."""
    require(user, "partner.portal")
    if not reason.strip():
        raise InvalidInput("say what is suspicious", problems=[Problem("reason", "non_empty", reason, "describe what you noticed")])
    if reporter not in user.reporters:
        raise NotFound(f"no shipment {reporter}/{shipment_id} of yours", problems=[Problem("shipment_id", "own_shipment", shipment_id, "a shipment you sent")])
    with engine.begin() as conn:
        table = ParcelReport.__table__
        report_id = conn.execute(table.insert().values(reporter=reporter, shipment_id=shipment_id.strip(), reason=reason.strip()[:2000],
                                                       reported_by=user.name, created_at=now_utc()).returning(table.c.id)).scalar_one()  # fmt: skip
    audit.record(engine=engine, viewer=user, action="create", subject=f"parcel_report:{report_id}",
                 detail={"reporter": reporter, "shipment_id": shipment_id})  # fmt: skip
    return report_id


def parcel_reports(*, engine: Engine, reporter: str, shipment_id: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    table = ParcelReport.__table__
    query = select(table).where(table.c.reporter == reporter).order_by(table.c.id.desc()).limit(limit)
    if shipment_id:
        query = query.where(table.c.shipment_id == shipment_id)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]
