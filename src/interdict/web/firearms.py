"""Firearms pages for investigators and officers: seizure reports of the jurisdiction, firearm
identification added to a seizure with its matches shown at once, and tracing requests (list with
overdue flags, creation from a firearm, timeline, the answer). Services in `firearms.investigations`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from interdict.access.dependencies import ROW_ID_MAX, EngineDep, RowId, RowIdQuery
from interdict.access.scope import Viewer
from interdict.errors import InvalidInput, Problem
from interdict.firearms import investigations
from interdict.firearms.models import FirearmCategory, SerialStatus
from interdict.firearms.tracing import (
    AddresseeRole,
    IllicitGround,
    IntendedUse,
    TracingOutcome,
    TracingPriority,
    due_at,
    request_outcome,
)
from interdict.web.auth import allowed
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)
FirearmViewer = Annotated[Viewer, allowed("firearms.view")]
Identifier = Annotated[Viewer, allowed("firearms.identify")]
Tracer = Annotated[Viewer, allowed("tracing.work")]
MOVES = ("sent", "acknowledged", "closed")


def _ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def _text(form: Any, name: str, limit: int = 200) -> str | None:
    return str(form.get(name, "")).strip()[:limit] or None


def _year(form: Any, name: str) -> int | None:
    value = _text(form, name, 8)
    if value is None:
        return None
    if not value.isdigit():
        raise InvalidInput("the firearm identification cannot be saved", problems=[Problem(name, "year", value, "a year such as 1985")])
    return int(value)


@router.get("/firearms")
def seizure_reports(request: Request, engine: EngineDep, viewer: FirearmViewer) -> Response:
    rows = investigations.seizures_in_view(engine=engine, viewer=viewer)
    return page(request, "firearm_seizures.html", seizures=rows)


@router.post("/firearms/from-outcome/{outcome_id}")
def open_from_outcome(request: Request, engine: EngineDep, viewer: Identifier, outcome_id: RowId) -> Response:
    seizure_id = investigations.open_seizure_report(engine=engine, viewer=viewer, outcome_id=outcome_id)
    return RedirectResponse(f"/firearms/seizures/{seizure_id}", status_code=303)


@router.get("/firearms/seizures/{seizure_id}")
def seizure_report(request: Request, engine: EngineDep, viewer: FirearmViewer, seizure_id: RowId, identified: RowIdQuery = None) -> Response:
    seizure, history = investigations.seizure_in_view(engine=engine, viewer=viewer, seizure_id=seizure_id)
    matches = {stored_id: investigations.matches_in_view(engine=engine, viewer=viewer, stored_firearm_id=stored_id) for stored_id, _ in seizure.firearms}
    return page(request, "firearm_seizure.html", seizure=seizure, history=history, matches=matches, identified=identified,
                categories=list(FirearmCategory), statuses=list(SerialStatus), next_id=f"FA-{len(seizure.firearms) + 1}")


@router.post("/firearms/seizures/{seizure_id}/firearms")
async def identify(request: Request, engine: EngineDep, viewer: Identifier, seizure_id: RowId) -> Response:
    form = await request.form()
    import_marking = {"country": _text(form, "import_country", 8), "year": _year(form, "import_year")}
    markings = {
        "manufacturer": _text(form, "manufacturer"), "country_of_manufacture": _text(form, "country_of_manufacture", 8),
        "year_of_manufacture": _year(form, "year_of_manufacture"), "state_stock_marking": _text(form, "state_stock_marking"),
        "proof_marks": [m.strip() for m in str(form.get("proof_marks", "")).split(",") if m.strip()][:20],
        "other_text": _text(form, "other_text", 500),
        "import_marking": {k: v for k, v in import_marking.items() if v is not None} or None,
    }
    record = {
        "firearm_id": _text(form, "firearm_id") or "", "category": _text(form, "category") or "", "make": _text(form, "make"),
        "model": _text(form, "model"), "calibre": _text(form, "calibre", 100), "serial": _text(form, "serial", 100),
        "serial_status": _text(form, "serial_status", 16), "notes": _text(form, "notes", 2000),
        "markings": {k: v for k, v in markings.items() if v not in (None, [])},
    }
    stored_id = await run_in_threadpool(
        investigations.identify_firearm, engine=engine, viewer=viewer, seizure_id=seizure_id,
        firearm={k: v for k, v in record.items() if v is not None}, reason=_text(form, "reason", 2000) or "identified", ip=_ip(request),
    )
    return RedirectResponse(f"/firearms/seizures/{seizure_id}?identified={stored_id}#firearm-{stored_id}", status_code=303)


@router.get("/tracing")
def tracing_list(request: Request, engine: EngineDep, viewer: Tracer, status: str | None = None, overdue: bool = False) -> Response:
    status = status if status in ("draft", "sent", "acknowledged", "answered", "closed") else None
    entries = investigations.tracing_in_view(engine=engine, viewer=viewer, status=status, overdue_only=overdue)
    return page(request, "tracing_list.html", entries=entries, status=status or "", overdue=overdue, due_at=due_at)


@router.get("/tracing/new")
def tracing_form(request: Request, engine: EngineDep, viewer: Tracer, firearm: Annotated[int, Query(ge=1, le=ROW_ID_MAX)]) -> Response:
    matches = investigations.matches_in_view(engine=engine, viewer=viewer, stored_firearm_id=firearm)  # also checks the firearm is in scope
    from interdict.firearms.seizures import stored_firearm

    record, seizure_id = stored_firearm(engine=engine, stored_firearm_id=firearm)
    return page(request, "tracing_new.html", firearm=record, stored_firearm_id=firearm, seizure_id=seizure_id, matches=matches,
                grounds=list(IllicitGround), uses=list(IntendedUse), priorities=list(TracingPriority), roles=list(AddresseeRole))


@router.post("/tracing")
async def tracing_create(request: Request, engine: EngineDep, viewer: Tracer) -> Response:
    form = await request.form()
    firearm_text = _text(form, "stored_firearm_id", 12) or ""
    if not firearm_text.isdigit():
        raise InvalidInput("the tracing request cannot be created", problems=[Problem("stored_firearm_id", "required", firearm_text, "create it from a firearm")])
    details: dict[str, Any] = {
        "request_id": _text(form, "request_id") or "", "case_reference": _text(form, "case_reference") or "",
        "illicit_grounds": [str(g) for g in form.getlist("illicit_grounds")][:10], "illicit_grounds_detail": _text(form, "illicit_grounds_detail", 2000),
        "intended_use": _text(form, "intended_use", 40) or "", "priority": _text(form, "priority", 16) or "routine",
        "priority_justification": _text(form, "priority_justification", 2000),
    }
    extra_country = _text(form, "addressee_country", 8)
    if extra_country:
        from interdict.firearms.seizures import stored_firearm
        from interdict.firearms.tracing import TracingAddressee, addressees_from_markings

        record, _ = stored_firearm(engine=engine, stored_firearm_id=int(firearm_text))
        try:
            extra = TracingAddressee(country=extra_country, role=_text(form, "addressee_role", 32) or "other_transfer")
        except ValueError as error:
            raise InvalidInput("the addressee is not valid", problems=[Problem("addressee_country", "country", extra_country, str(error)[:200])]) from None
        details["addressees"] = [*addressees_from_markings(record), extra]
    problems = [Problem(name, "required", None, "fill it in") for name in ("request_id", "case_reference", "intended_use") if not details[name]]
    if not details["illicit_grounds"]:
        problems.append(Problem("illicit_grounds", "required", None, "say why the firearm is considered illicit"))
    if problems:
        raise InvalidInput("the tracing request cannot be created", problems=problems)
    pk = await run_in_threadpool(investigations.raise_request, engine=engine, viewer=viewer, stored_firearm_id=int(firearm_text), ip=_ip(request), **details)
    return RedirectResponse(f"/tracing/{pk}", status_code=303)


@router.get("/tracing/{pk}")
def tracing_detail(request: Request, engine: EngineDep, viewer: Tracer, pk: RowId) -> Response:
    entry = investigations.tracing_request_in_view(engine=engine, viewer=viewer, pk=pk)
    outcome = request_outcome(entry.request) if entry.request.responses else None
    return page(request, "tracing_request.html", entry=entry, r=entry.request, outcome=outcome, due=due_at(entry.request), moves=MOVES,
                outcomes=list(TracingOutcome))


@router.post("/tracing/{pk}/status")
async def tracing_move(request: Request, engine: EngineDep, viewer: Tracer, pk: RowId) -> Response:
    form = await request.form()
    to = _text(form, "to", 16) or ""
    if to not in MOVES:
        raise InvalidInput("the status cannot be changed", problems=[Problem("to", "one_of", to, ", ".join(MOVES) + " (an answer makes it answered)")])
    await run_in_threadpool(investigations.move_request, engine=engine, viewer=viewer, pk=pk, to=to, note=_text(form, "note", 2000), ip=_ip(request))
    return RedirectResponse(f"/tracing/{pk}", status_code=303)


@router.post("/tracing/{pk}/response")
async def tracing_answer(request: Request, engine: EngineDep, viewer: Tracer, pk: RowId) -> Response:
    form = await request.form()
    from interdict.store.database import now_utc

    response: dict[str, Any] = {"responding_country": _text(form, "responding_country", 8) or "", "responding_agency": _text(form, "responding_agency") or "",
                                "received_at": now_utc(), "outcome": _text(form, "outcome", 32) or "", "notes": _text(form, "notes", 2000)}  # fmt: skip
    holder = _text(form, "holder")
    if holder:
        response["last_legal_record"] = {k: v for k, v in {
            "holder": holder, "country": _text(form, "holder_country", 8) or response["responding_country"], "holder_type": _text(form, "holder_type", 32),
            "document_reference": _text(form, "document_reference")}.items() if v}  # fmt: skip
    diversion = _text(form, "diversion", 2000)
    if diversion:
        response["point_of_diversion"] = {k: v for k, v in {"description": diversion, "country": _text(form, "diversion_country", 8)}.items() if v}
    await run_in_threadpool(investigations.answer_request, engine=engine, viewer=viewer, pk=pk,
                            response={k: v for k, v in response.items() if v is not None}, ip=_ip(request))
    return RedirectResponse(f"/tracing/{pk}", status_code=303)
