"""The firearms work of a signed-in investigator or officer, with access checked on every query:
seizure reports held by the viewer's jurisdiction, firearm identification added to them, matches
among what the viewer may see, and tracing requests raised, moved along and answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, or_, select

from interdict.access import audit
from interdict.access.scope import Viewer, firearm_seizures_in_scope, outcomes_in_scope, require
from interdict.errors import NotFound, Problem
from interdict.firearms.models import Firearm
from interdict.firearms.seizures import (
    FirearmMatch,
    StoredSeizure,
    amend_firearm,
    get_seizure,
    match_firearm,
    seizure_for_outcome,
    seizure_history,
    stored_firearm,
)
from interdict.firearms.tables import FirearmRow, SeizureRow, TracingRequestRow
from interdict.firearms.tracing import OverdueRequest, TracingRequest, TracingResponse, overdue
from interdict.firearms.tracing_requests import change_tracing_status, raise_tracing_request, record_tracing_response
from interdict.store.database import now_utc, session_for


@dataclass(frozen=True, slots=True)
class SeizureSummary:
    seizure_id: int
    report_id: str
    reporting_agency: str
    seized_at: datetime
    recovery: str
    country: str
    origin_agency: str | None
    firearms: int


def _role_may_see(handling: Mapping[str, Any] | None, viewer: Viewer) -> bool:
    """A received report whose handling names the roles that may see it is shown to those roles only."""
    roles = ((handling or {}).get("releasable_to") or {}).get("roles") or ()
    return not roles or viewer.role in roles


def seizures_in_view(*, engine: Engine, viewer: Viewer, limit: int = 200) -> list[SeizureSummary]:
    """Seizure reports the viewer's jurisdiction holds, newest first, with how many firearms each has."""
    require(viewer, "firearms.view")
    with session_for(engine) as session:
        rows = session.scalars(select(SeizureRow).where(firearm_seizures_in_scope(viewer))
                               .order_by(SeizureRow.seized_at.desc(), SeizureRow.id.desc()).limit(min(limit, 1000))).all()
        per_seizure: dict[int, int] = {}
        for seizure_id in session.scalars(select(FirearmRow.seizure_id).where(FirearmRow.seizure_id.in_([r.id for r in rows]))):
            per_seizure[seizure_id] = per_seizure.get(seizure_id, 0) + 1
        return [SeizureSummary(r.id, r.report_id, r.reporting_agency, r.seized_at, r.recovery, r.country, r.origin_agency, per_seizure.get(r.id, 0))
                for r in rows if _role_may_see(r.handling, viewer)]


def _check_seizure(engine: Engine, viewer: Viewer, seizure_id: int | None) -> None:
    with session_for(engine) as session:
        found = session.execute(select(SeizureRow.id, SeizureRow.handling).where(SeizureRow.id == seizure_id, firearm_seizures_in_scope(viewer))).first()
    if found is None or not _role_may_see(found.handling, viewer):
        raise NotFound(f"No seizure {seizure_id} in your jurisdiction.", problems=[Problem("seizure", "in_scope", seizure_id, "see /firearms")])


def seizure_in_view(*, engine: Engine, viewer: Viewer, seizure_id: int) -> tuple[StoredSeizure, list[Any]]:
    """A seizure the viewer may see, with its amendment history; NotFound otherwise (never 'forbidden',
    which would say that it exists)."""
    require(viewer, "firearms.view")
    _check_seizure(engine, viewer, seizure_id)
    return get_seizure(engine=engine, seizure_id=seizure_id), seizure_history(engine=engine, seizure_id=seizure_id)


def open_seizure_report(*, engine: Engine, viewer: Viewer, outcome_id: int) -> int:
    """The seizure report of an inspection outcome in the viewer's scope, created on first use."""
    require(viewer, "firearms.identify")
    from interdict.inspections.models import InspectionOutcome

    with session_for(engine) as session:
        visible = session.scalar(select(InspectionOutcome.id).where(InspectionOutcome.id == outcome_id, outcomes_in_scope(viewer)))
    if not visible or not viewer.agency or not viewer.jurisdiction:
        raise NotFound(f"No seizure outcome {outcome_id} in your jurisdiction.", problems=[Problem("outcome_id", "in_scope", outcome_id, "see /seizures")])
    seizure_id = seizure_for_outcome(engine=engine, outcome_id=outcome_id, reporting_agency=viewer.agency, jurisdiction=viewer.jurisdiction)
    return seizure_id


def identify_firearm(*, engine: Engine, viewer: Viewer, seizure_id: int, firearm: Firearm | Mapping[str, Any], reason: str,
                     ip: str | None = None) -> int:
    """Add (or correct) a firearm identification on a seizure the viewer may see; the stored firearm's id."""
    require(viewer, "firearms.identify")
    _check_seizure(engine, viewer, seizure_id)
    stored_id = amend_firearm(engine=engine, seizure_id=seizure_id, firearm=firearm, by=viewer.name, reason=reason)
    audit.record(engine=engine, viewer=viewer, action="update", subject=f"seizure:{seizure_id}", detail={"firearm": stored_id, "reason": reason}, ip=ip)
    return stored_id


def matches_in_view(*, engine: Engine, viewer: Viewer, stored_firearm_id: int, limit: int = 10) -> list[FirearmMatch]:
    """Earlier firearms the viewer may see that may be this one, best first, with reasons."""
    require(viewer, "firearms.view")
    firearm, seizure_id = stored_firearm(engine=engine, stored_firearm_id=stored_firearm_id)
    _check_seizure(engine, viewer, seizure_id)
    found = match_firearm(engine=engine, firearm=firearm, exclude_seizure_id=seizure_id, exclude_firearm_id=stored_firearm_id,
                          limit=limit, in_scope=firearm_seizures_in_scope(viewer))
    with session_for(engine) as session:
        handling = dict(session.execute(select(SeizureRow.id, SeizureRow.handling).where(SeizureRow.id.in_([m.seizure_id for m in found]))).all())
    return [m for m in found if _role_may_see(handling.get(m.seizure_id), viewer)]


@dataclass(frozen=True, slots=True)
class TracingEntry:
    pk: int
    request: TracingRequest
    stored_firearm_id: int | None
    seizure_id: int | None
    origin_agency: str | None
    overdue: OverdueRequest | None


def _tracing_scope(viewer: Viewer):  # noqa: ANN202
    in_scope = select(FirearmRow.id).join(SeizureRow, SeizureRow.id == FirearmRow.seizure_id).where(firearm_seizures_in_scope(viewer))
    return or_(TracingRequestRow.firearm_row_id.in_(in_scope), TracingRequestRow.requesting_agency == (viewer.agency or ""))


def _entries(engine: Engine, viewer: Viewer, *conditions: Any) -> list[TracingEntry]:
    require(viewer, "tracing.work")
    now = now_utc()
    with session_for(engine) as session:
        rows = session.execute(
            select(TracingRequestRow, FirearmRow.seizure_id).join(FirearmRow, FirearmRow.id == TracingRequestRow.firearm_row_id, isouter=True)
            .where(_tracing_scope(viewer), *conditions).order_by(TracingRequestRow.updated_at.desc(), TracingRequestRow.id.desc())
        ).all()
        found = []
        for row, seizure_id in rows:
            request = TracingRequest.model_validate(row.record)
            flag = overdue(request, now=now) if row.origin_agency is None else None
            found.append(TracingEntry(row.id, request, row.firearm_row_id, seizure_id, row.origin_agency, flag))
        return found


def tracing_in_view(*, engine: Engine, viewer: Viewer, status: str | None = None, overdue_only: bool = False) -> list[TracingEntry]:
    """Tracing requests the viewer may work on (of firearms held by the jurisdiction, or the agency's own)."""
    conditions = [TracingRequestRow.status == status] if status else []
    entries = _entries(engine, viewer, *conditions)
    return [e for e in entries if e.overdue] if overdue_only else entries


def tracing_request_in_view(*, engine: Engine, viewer: Viewer, pk: int) -> TracingEntry:
    found = _entries(engine, viewer, TracingRequestRow.id == pk)
    if not found:
        raise NotFound(f"No tracing request {pk} for you.", problems=[Problem("tracing_request", "in_scope", pk, "see /tracing")])
    return found[0]


def raise_request(*, engine: Engine, viewer: Viewer, stored_firearm_id: int, ip: str | None = None, **details: Any) -> int:
    """A draft tracing request from a firearm the viewer may see, in the name of the viewer's agency."""
    require(viewer, "tracing.work")
    _firearm, seizure_id = stored_firearm(engine=engine, stored_firearm_id=stored_firearm_id)
    _check_seizure(engine, viewer, seizure_id)
    if not viewer.agency or not viewer.jurisdiction:
        raise NotFound("Your account has no agency to send a tracing request from.", problems=[Problem("agency", "required", None, "ask an administrator")])
    request = raise_tracing_request(engine=engine, stored_firearm_id=stored_firearm_id, requesting_agency=viewer.agency,
                                    requesting_country=viewer.jurisdiction[:2], created_by=viewer.name, created_at=now_utc(), **details)
    with session_for(engine) as session:
        pk = session.scalar(select(TracingRequestRow.id).where(TracingRequestRow.request_id == request.request_id,
                                                               TracingRequestRow.requesting_agency == request.requesting_agency,
                                                               TracingRequestRow.origin_agency.is_(None)))
    audit.record(engine=engine, viewer=viewer, action="create", subject=f"tracing_request:{pk}", detail={"firearm": stored_firearm_id}, ip=ip)
    return int(pk)


def move_request(*, engine: Engine, viewer: Viewer, pk: int, to: str, note: str | None = None, ip: str | None = None) -> TracingRequest:
    entry = tracing_request_in_view(engine=engine, viewer=viewer, pk=pk)
    request = change_tracing_status(engine=engine, request_id=entry.request.request_id, requesting_agency=entry.request.requesting_agency,
                                    to=to, at=now_utc(), by=viewer.name, note=note)
    audit.record(engine=engine, viewer=viewer, action="update", subject=f"tracing_request:{pk}", detail={"status": str(request.status)}, ip=ip)
    return request


def answer_request(*, engine: Engine, viewer: Viewer, pk: int, response: TracingResponse | Mapping[str, Any], ip: str | None = None) -> TracingRequest:
    entry = tracing_request_in_view(engine=engine, viewer=viewer, pk=pk)
    request = record_tracing_response(engine=engine, request_id=entry.request.request_id, requesting_agency=entry.request.requesting_agency,
                                      response={**dict(response), "request_id": entry.request.request_id} if isinstance(response, Mapping) else response,
                                      by=viewer.name)
    audit.record(engine=engine, viewer=viewer, action="update", subject=f"tracing_request:{pk}", detail={"answer": True}, ip=ip)
    return request
