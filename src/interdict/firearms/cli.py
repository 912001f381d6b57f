"""`interdict firearms`: record a seizure with its firearms (each matched at once against every
earlier one), amend it with history, list seizures, match a stored firearm, raise and follow
tracing requests (`interdict firearms trace ...`), and export the UNODC-category statistics."""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from interdict.console import console
from interdict.errors import InvalidInput, Problem
from interdict.firearms.seizures import (
    FirearmMatch,
    amend_firearm,
    get_seizure,
    list_seizures,
    match_stored_firearm,
    record_seizure,
    seizure_history,
)
from interdict.firearms.statistics import compute_statistics, export_statistics_xlsx
from interdict.firearms.tracing import (
    IllicitGround,
    IntendedUse,
    TracingOutcome,
    TracingPriority,
    TracingStatus,
    due_at,
    overdue,
    request_outcome,
)
from interdict.firearms.tracing_requests import (
    change_tracing_status,
    get_tracing_request,
    list_tracing_requests,
    raise_tracing_request,
    record_tracing_response,
)
from interdict.store.schema import ready_engine

firearms_app = typer.Typer(help="Seized firearms: record, match across seizures, statistics.", no_args_is_help=True)


def _print_matches(matches: list[FirearmMatch], *, title: str) -> None:
    if not matches:
        console.print(f"{title}: no earlier firearm matches")
        return
    table = Table("stored firearm", "seizure", "from agency", "score", "why", title=title)
    for match in matches:
        table.add_row(str(match.stored_firearm_id), match.report_id or "", match.origin_agency or "(ours)",
                      f"{match.score:.2f}", "; ".join(match.reasons))  # fmt: skip
    console.print(table)


@firearms_app.command()
def record(path: Annotated[Path, typer.Argument(help="JSON: a seizure report with its firearms, ammunition and parts lists")]) -> None:
    """Record a seizure; every firearm in it is matched at once against all earlier ones."""
    document = _read_json(path)
    items = {name: document.pop(name, []) for name in ("firearms", "ammunition", "parts")}
    engine = ready_engine()
    seizure_id = record_seizure(engine=engine, seizure=document, **items)
    stored = get_seizure(engine=engine, seizure_id=seizure_id)
    console.print(f"seizure {stored.report.report_id} recorded as {seizure_id}: {len(stored.firearms)} firearm(s), "
                  f"{len(stored.ammunition)} ammunition and {len(stored.parts)} part record(s)")  # fmt: skip
    for firearm_id, firearm in stored.firearms:
        label = f"firearm {firearm_id} ({firearm.make or '?'} {firearm.model or ''}, serial {firearm.serial or '-'})"
        _print_matches(match_stored_firearm(engine=engine, stored_firearm_id=firearm_id), title=label)


@firearms_app.command("list")
def list_(received: Annotated[bool | None, typer.Option(help="only received (or, with --no-received, only ours)")] = None) -> None:
    """Seizures, newest first, with their firearms."""
    table = Table("id", "report", "agency", "seized", "recovery", "firearms (stored id: make model serial)")
    for s in list_seizures(engine=ready_engine(), received=received):
        guns = "; ".join(f"{fid}: {f.make or '?'} {f.model or ''} {f.serial or '-'}" for fid, f in s.firearms)
        table.add_row(str(s.seizure_id), s.report.report_id, s.origin_agency or s.report.reporting_agency,
                      f"{s.report.seized_at:%Y-%m-%d}", str(s.report.recovery.value), guns)  # fmt: skip
    console.print(table)


@firearms_app.command()
def match(stored_firearm_id: int) -> None:
    """Earlier firearms that may be this one, best first, with the reasons."""
    _print_matches(match_stored_firearm(engine=ready_engine(), stored_firearm_id=stored_firearm_id),
                   title=f"firearm {stored_firearm_id}")  # fmt: skip


@firearms_app.command()
def statistics(
    out: Annotated[Path, typer.Option("--out", "-o", help="Excel workbook to write")],
    year: Annotated[int | None, typer.Option(help="only this year")] = None,
) -> None:
    """Seized, found and surrendered firearms, parts, ammunition and tracing outcomes in the
    categories of UNODC's illicit arms flows questionnaire, to Excel."""
    engine = ready_engine()
    seizures = list_seizures(engine=engine, limit=10_000_000)
    figures = compute_statistics(
        firearms=[f for s in seizures for _, f in s.firearms],
        parts=[p for s in seizures for p in s.parts],
        ammunition=[a for s in seizures for a in s.ammunition],
        tracing_requests=list_tracing_requests(engine=engine),
        year=year,
    )
    export_statistics_xlsx(figures, path=out)
    console.print(f"statistics of {len(seizures)} seizure(s) written to {out}")


def _read_json(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InvalidInput(f"cannot read {path}", problems=[Problem("PATH", "json", str(path), str(error))]) from None
    if not isinstance(document, dict):
        raise InvalidInput(f"{path} is not a JSON object", problems=[Problem("(record)", "json_object", type(document).__name__, "must be a JSON object")])
    return document


By = Annotated[str, typer.Option("--by", envvar="INTERDICT_USER", default_factory=getpass.getuser, help="who does it (kept on the record)")]


@firearms_app.command()
def amend(
    seizure_id: int,
    path: Annotated[Path, typer.Argument(help="JSON: the firearm record as corrected (same firearm_id), or one identified later")],
    reason: Annotated[str, typer.Option("--reason", help="why it is amended, kept in the history")],
    by: By,
) -> None:
    """Correct a firearm identification of a stored seizure (or add one); the history keeps both."""
    engine = ready_engine()
    stored_id = amend_firearm(engine=engine, seizure_id=seizure_id, firearm=_read_json(path), by=by, reason=reason)
    console.print(f"seizure {seizure_id} amended: firearm {stored_id}")
    _print_matches(match_stored_firearm(engine=engine, stored_firearm_id=stored_id), title=f"firearm {stored_id}")


@firearms_app.command()
def history(seizure_id: int) -> None:
    """The amendments of a seizure, oldest first, with what was corrected."""
    table = Table("when", "by", "item", "change", "reason", "what changed")
    for a in seizure_history(engine=ready_engine(), seizure_id=seizure_id):
        changed = ", ".join(f"{k}: {(a.before or {}).get(k, '-')} -> {a.after.get(k, '-')}" for k in sorted(set(a.after) | set(a.before or {}))
                            if (a.before or {}).get(k) != a.after.get(k)) if a.before else "new record"
        table.add_row(f"{a.amended_at:%Y-%m-%d %H:%M}", a.amended_by, f"{a.item_type} {a.item_id or ''}", a.change, a.reason, changed)
    console.print(table)


trace_app = typer.Typer(help="Tracing requests (International Tracing Instrument): create, send, answer, close.", no_args_is_help=True)
firearms_app.add_typer(trace_app, name="trace")
Agency = Annotated[str, typer.Option("--agency", envvar="INTERDICT_AGENCY", help="the requesting agency's code")]
At = Annotated[datetime | None, typer.Option("--at", help="when (ISO 8601 with offset; default now)")]


def _when(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(UTC)
    if at.tzinfo is None:
        raise InvalidInput("Timestamps need a UTC offset.", problems=[Problem("--at", "timezone", at.isoformat(), "e.g. 2025-03-15T10:00:00+01:00")])
    return at


@trace_app.command("create")
def trace_create(
    stored_firearm_id: Annotated[int, typer.Argument(help="the stored firearm (see `interdict firearms list`)")],
    request_id: Annotated[str, typer.Option("--id", help="the request's id within your agency")],
    agency: Agency,
    country: Annotated[str, typer.Option("--country", help="the requesting country (ISO alpha-2)")],
    case_reference: Annotated[str, typer.Option("--case", help="your case reference")],
    grounds: Annotated[list[IllicitGround], typer.Option("--ground", help="why the firearm is illicit (repeat)")],
    intended_use: Annotated[IntendedUse, typer.Option("--use", help="what the answer will be used for")],
    by: By,
    priority: Annotated[TracingPriority, typer.Option("--priority")] = TracingPriority.routine,
    justification: Annotated[str | None, typer.Option("--justification", help="why urgent or high")] = None,
    detail: Annotated[str | None, typer.Option("--detail", help="more on why it is illicit")] = None,
    at: At = None,
) -> None:
    """A draft tracing request for a stored firearm; addressees are read off its markings."""
    request = raise_tracing_request(
        engine=ready_engine(), stored_firearm_id=stored_firearm_id, request_id=request_id, requesting_agency=agency, requesting_country=country,
        case_reference=case_reference, illicit_grounds=grounds, intended_use=intended_use, created_by=by, created_at=_when(at),
        priority=priority, priority_justification=justification, illicit_grounds_detail=detail,
    )
    console.print(f"tracing request {request.request_id} drafted, to " + ", ".join(f"{a.country} ({a.role})" for a in request.addressees))


@trace_app.command("list")
def trace_list(
    status: Annotated[TracingStatus | None, typer.Option("--status")] = None,
    overdue_only: Annotated[bool, typer.Option("--overdue", help="only those waiting past their due date")] = False,
) -> None:
    """Tracing requests with their status, due date and overdue flag."""
    engine, now = ready_engine(), datetime.now(UTC)
    table = Table("request", "agency", "firearm", "priority", "status", "sent", "due", "overdue", "outcome")
    for request in list_tracing_requests(engine=engine, status=status):
        flag = overdue(request, now=now)
        if overdue_only and flag is None:
            continue
        due = due_at(request)
        firearm = request.firearm
        table.add_row(request.request_id, request.requesting_agency, f"{firearm.make or '?'} {firearm.model or ''} {firearm.serial or '-'}",
                      str(request.priority), str(request.status), f"{request.sent_at:%Y-%m-%d}" if request.sent_at else "",
                      f"{due:%Y-%m-%d}" if due else "", f"OVERDUE {flag.days_overdue} d" if flag else "",
                      str(request_outcome(request)) if request.responses else "")
    console.print(table)


@trace_app.command("show")
def trace_show(request_id: str, agency: Annotated[str | None, typer.Option("--agency", help="a received request: its agency")] = None) -> None:
    """One tracing request: what it asks, its timeline and its answers."""
    request = get_tracing_request(engine=ready_engine(), request_id=request_id, requesting_agency=agency)
    firearm = request.firearm
    flag = overdue(request, now=datetime.now(UTC))
    console.print(f"[bold]{request.request_id}[/] · {request.requesting_agency} ({request.requesting_country}) · case {request.case_reference}",
                  highlight=False)
    console.print(f"status {request.status}{' · OVERDUE by ' + str(flag.days_overdue) + ' days' if flag else ''} · priority {request.priority}"
                  f"{' (' + request.priority_justification + ')' if request.priority_justification else ''}", highlight=False)
    console.print(f"firearm: {firearm.category} {firearm.make or '?'} {firearm.model or ''}, calibre {firearm.calibre or '?'}, "
                  f"serial {firearm.serial or '-'} ({firearm.serial_status})", highlight=False)
    console.print("illicit: " + ", ".join(request.illicit_grounds) + (f" — {request.illicit_grounds_detail}" if request.illicit_grounds_detail else ""))
    c = request.circumstances
    console.print(f"recovered {c.recovered_on} in {c.country}, {c.place} ({c.recovery}): {c.description}", highlight=False)
    console.print("addressees: " + ", ".join(f"{a.country} ({a.role})" for a in request.addressees) + f" · answer for {request.intended_use}")
    timeline = Table("when", "status", "by", "note", title="timeline")
    for change in request.timeline:
        timeline.add_row(f"{change.at:%Y-%m-%d %H:%M}", str(change.status), change.by, change.note or "")
    console.print(timeline)
    for answer in request.responses:
        record = answer.last_legal_record
        console.print(f"answer from {answer.responding_country} ({answer.responding_agency}) on {answer.received_at:%Y-%m-%d}: {answer.outcome}"
                      + (f"; last legal holder {record.holder} ({record.country})" if record else "")
                      + (f"; diverted: {answer.point_of_diversion.description}" if answer.point_of_diversion else ""), highlight=False)
    if request.responses:
        console.print(f"outcome: {request_outcome(request)}")


def _move(request_id: str, to: TracingStatus, by: str, note: str | None, at: datetime | None) -> None:
    request = change_tracing_status(engine=ready_engine(), request_id=request_id, to=to, at=_when(at), by=by, note=note)
    console.print(f"tracing request {request.request_id} is {request.status}")


Note = Annotated[str | None, typer.Option("--note")]


@trace_app.command("send")
def trace_send(request_id: str, by: By, note: Note = None, at: At = None) -> None:
    """Mark a draft request sent (the overdue clock starts)."""
    _move(request_id, TracingStatus.sent, by, note, at)


@trace_app.command("acknowledge")
def trace_acknowledge(request_id: str, by: By, note: Note = None, at: At = None) -> None:
    """Record that the addressee acknowledged the request."""
    _move(request_id, TracingStatus.acknowledged, by, note, at)


@trace_app.command("close")
def trace_close(request_id: str, by: By, note: Note = None, at: At = None) -> None:
    """Close a request (answered, withdrawn, or no longer needed)."""
    _move(request_id, TracingStatus.closed, by, note, at)


@trace_app.command("respond")
def trace_respond(
    request_id: str,
    by: By,
    outcome: Annotated[TracingOutcome, typer.Option("--outcome")],
    country: Annotated[str, typer.Option("--country", help="the answering country")],
    responding_agency: Annotated[str, typer.Option("--responding-agency")],
    holder: Annotated[str | None, typer.Option("--last-holder", help="last legal holder (required when traced)")] = None,
    holder_country: Annotated[str | None, typer.Option("--last-holder-country")] = None,
    holder_type: Annotated[str | None, typer.Option("--last-holder-type", help="manufacturer, dealer, state, private_person, other")] = None,
    document: Annotated[str | None, typer.Option("--document", help="licence or export/import authorisation")] = None,
    diversion: Annotated[str | None, typer.Option("--diversion", help="how it left the legal chain")] = None,
    diversion_country: Annotated[str | None, typer.Option("--diversion-country")] = None,
    notes: Annotated[str | None, typer.Option("--notes")] = None,
    at: At = None,
) -> None:
    """File an addressee's answer: outcome, last legal record, point of diversion."""
    response: dict = {"request_id": request_id, "responding_country": country, "responding_agency": responding_agency,
                      "received_at": _when(at), "outcome": outcome, "notes": notes}  # fmt: skip
    if holder:
        response["last_legal_record"] = {"holder": holder, "country": holder_country or country, "holder_type": holder_type, "document_reference": document}
    if diversion:
        response["point_of_diversion"] = {"description": diversion, "country": diversion_country}
    request = record_tracing_response(engine=ready_engine(), request_id=request_id, response=_without_none(response), by=by)
    console.print(f"answer filed; tracing request {request.request_id} is {request.status}, outcome {request_outcome(request)}")


def _without_none(record: dict) -> dict:
    return {k: _without_none(v) if isinstance(v, dict) else v for k, v in record.items() if v is not None}
