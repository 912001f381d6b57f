"""Tracing requests in the store: raise one for a stored firearm, move it along its status timeline,
file the answers, and list the requests whose answer is overdue. The rules are those of `tracing.py`;
this module only keeps the requests, so they survive the session and can be exchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from interdict.errors import Conflict, NotFound, Problem
from interdict.firearms.models import read_model
from interdict.firearms.seizures import stored_firearm
from interdict.firearms.tables import FirearmRow, SeizureRow, TracingRequestRow
from interdict.firearms.tracing import (
    IllicitGround,
    IntendedUse,
    OverdueRequest,
    SeizureCircumstances,
    TracingOutcome,
    TracingPriority,
    TracingRequest,
    TracingResponse,
    TracingStatus,
    change_status,
    create_tracing_request,
    overdue_requests,
    record_response,
    request_outcome,
)
from interdict.store.database import now_utc, session_for, storing

__all__ = [
    "change_tracing_status",
    "get_tracing_request",
    "list_overdue_tracing_requests",
    "list_tracing_requests",
    "raise_tracing_request",
    "record_tracing_response",
    "store_tracing_request",
]


def _circumstances(session: Session, seizure_id: int | None) -> SeizureCircumstances | None:
    """Where and how the firearm was recovered, read off its seizure report."""
    row = session.get(SeizureRow, seizure_id) if seizure_id is not None else None
    if row is None:
        return None
    place = row.record.get("place", {})
    shipment = row.record.get("shipment")
    description = row.record.get("notes") or (
        f"found in shipment {shipment['shipment_id']} ({shipment['reporter']})" if shipment else f"{row.recovery} firearm, report {row.report_id}"
    )
    return SeizureCircumstances(
        recovered_on=row.seized_at.date(), country=row.country, place=place.get("office") or place.get("description") or row.country,
        recovery=row.recovery, description=description,
    )


def raise_tracing_request(
    *,
    engine: Engine,
    stored_firearm_id: int,
    request_id: str,
    requesting_agency: str,
    requesting_country: str,
    case_reference: str,
    illicit_grounds: Iterable[IllicitGround | str],
    intended_use: IntendedUse | str,
    created_by: str,
    created_at: datetime,
    circumstances: SeizureCircumstances | None = None,
    priority: TracingPriority | str = TracingPriority.routine,
    priority_justification: str | None = None,
    **more: object,
) -> TracingRequest:
    """A draft tracing request for a stored firearm, stored; the circumstances default to its seizure.

    InvalidInput lists what is still missing (see `create_tracing_request`); Conflict when the
    agency already has a request with this id.
    """
    firearm, seizure_id = stored_firearm(engine=engine, stored_firearm_id=stored_firearm_id)
    with session_for(engine) as session:
        circumstances = circumstances or _circumstances(session, seizure_id)
    if circumstances is None:
        raise NotFound("The firearm has no seizure to take the circumstances from.",
                       problems=[Problem("circumstances", "required", None, "say when, where and how it was recovered")])
    request = create_tracing_request(
        firearm=firearm, request_id=request_id, requesting_agency=requesting_agency, requesting_country=requesting_country,
        case_reference=case_reference, illicit_grounds=illicit_grounds, circumstances=circumstances, intended_use=intended_use,
        created_by=created_by, created_at=created_at, priority=priority, priority_justification=priority_justification, **more,  # type: ignore[arg-type]
    )
    store_tracing_request(engine=engine, request=request, stored_firearm_id=stored_firearm_id)
    return request


def _row_values(request: TracingRequest) -> dict[str, object]:
    return {
        "status": str(request.status), "priority": str(request.priority), "sent_at": request.sent_at,
        "record": request.model_dump(mode="json", exclude_none=True), "updated_at": now_utc(),
    }


def store_tracing_request(
    *, engine: Engine, request: TracingRequest, stored_firearm_id: int | None = None, origin_agency: str | None = None,
    bundle_id: str | None = None, session: Session | None = None,
) -> int:
    """Keep `request` (ours, or received when `origin_agency` is given); Conflict on a repeated id."""
    def conflict() -> Conflict:
        return Conflict(
            f"{request.requesting_agency} already has a tracing request {request.request_id}.",
            problems=[Problem("request_id", "unique", request.request_id, "request ids are unique within the requesting agency")],
        )

    with storing(engine, session, conflict=conflict) as session:
        row = TracingRequestRow(request_id=request.request_id, requesting_agency=request.requesting_agency, firearm_row_id=stored_firearm_id,
                                origin_agency=origin_agency, bundle_id=bundle_id, **_row_values(request))
        session.add(row)
        session.flush()
    return row.id


def _row(session: Session, request_id: str, requesting_agency: str | None) -> TracingRequestRow:
    query = select(TracingRequestRow).where(TracingRequestRow.request_id == request_id)
    query = query.where(TracingRequestRow.requesting_agency == requesting_agency) if requesting_agency else query.where(TracingRequestRow.origin_agency.is_(None))
    row = session.scalars(query).first()
    if row is None:
        raise NotFound(f"No tracing request {request_id}.", problems=[Problem("request_id", "exists", request_id, "see list_tracing_requests")])
    return row


def get_tracing_request(*, engine: Engine, request_id: str, requesting_agency: str | None = None) -> TracingRequest:
    """A stored tracing request with its timeline and answers (ours unless `requesting_agency`)."""
    with session_for(engine) as session:
        return TracingRequest.model_validate(_row(session, request_id, requesting_agency).record)


def _update(engine: Engine, request_id: str, requesting_agency: str | None, change) -> TracingRequest:  # noqa: ANN001
    with session_for(engine) as session:
        row = _row(session, request_id, requesting_agency)
        updated = change(TracingRequest.model_validate(row.record))
        for key, value in _row_values(updated).items():
            setattr(row, key, value)
        if updated.responses and request_outcome(updated) == TracingOutcome.traced and row.firearm_row_id is not None:
            firearm = session.get(FirearmRow, row.firearm_row_id)
            if firearm is not None:
                firearm.status = "traced"
        session.commit()
        return updated


def change_tracing_status(
    *, engine: Engine, request_id: str, to: TracingStatus | str, at: datetime, by: str, note: str | None = None,
    requesting_agency: str | None = None,
) -> TracingRequest:
    """Move a stored request to status `to` (its timeline records who and when); Conflict if not allowed."""
    return _update(engine, request_id, requesting_agency, lambda r: change_status(r, to=to, at=at, by=by, note=note))


def record_tracing_response(
    *, engine: Engine, request_id: str, response: TracingResponse | Mapping[str, object], by: str, requesting_agency: str | None = None,
) -> TracingRequest:
    """File an addressee's answer to a stored request; the first answer makes it 'answered', and
    a 'traced' answer marks the stored firearm traced."""
    answer = response if isinstance(response, TracingResponse) else read_model(
        TracingResponse, response, what="tracing_response", title="The answer is not valid.",
        hint="Correct the fields named and file it again.")
    return _update(engine, request_id, requesting_agency, lambda r: record_response(r, response=answer, by=by))


def list_tracing_requests(*, engine: Engine, status: TracingStatus | str | None = None, stored_firearm_ids: Iterable[int] | None = None) -> list[TracingRequest]:
    """Stored tracing requests, oldest first; optionally of one status or for some stored firearms."""
    with session_for(engine) as session:
        query = select(TracingRequestRow)
        if status is not None:
            query = query.where(TracingRequestRow.status == str(TracingStatus(status)))
        if stored_firearm_ids is not None:
            query = query.where(TracingRequestRow.firearm_row_id.in_(list(stored_firearm_ids)))
        return [TracingRequest.model_validate(row.record) for row in session.scalars(query.order_by(TracingRequestRow.id))]


def list_overdue_tracing_requests(
    *, engine: Engine, now: datetime, overdue_days: Mapping[TracingPriority, int] | None = None,
) -> list[OverdueRequest]:
    """Our requests still waiting for an answer past their due date, longest overdue first."""
    with session_for(engine) as session:
        rows = session.scalars(
            select(TracingRequestRow).where(
                TracingRequestRow.status.in_([str(TracingStatus.sent), str(TracingStatus.acknowledged)]),
                TracingRequestRow.origin_agency.is_(None),
            )
        ).all()
        requests = [TracingRequest.model_validate(row.record) for row in rows]
    return overdue_requests(requests, now=now, overdue_days=overdue_days)
