"""Tracing requests and their answers, as the International Tracing Instrument (ITI) describes them.

A request is created from an identified firearm (`create_tracing_request`), carries what the
addressed States need to answer it (ITI §17: markings, type, calibre, why the firearm is illicit, the
circumstances, the use the answer will have, priority with reasons), moves through draft -> sent ->
acknowledged -> answered -> closed with each change on its timeline, and is flagged when overdue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator

from interdict.errors import Conflict, InvalidInput, Problem
from interdict.firearms.models import CountryCode, Firearm, Recovery, problems_from
from interdict.firearms.serials import known_characters


class TracingStatus(StrEnum):
    draft = "draft"
    sent = "sent"
    acknowledged = "acknowledged"
    answered = "answered"
    closed = "closed"


# Which status may follow which. A request can be closed without an answer (withdrawn, or the
# firearm turned out to be legal), and an acknowledged one can be answered late.
ALLOWED_TRANSITIONS: Mapping[TracingStatus, frozenset[TracingStatus]] = {
    TracingStatus.draft: frozenset({TracingStatus.sent, TracingStatus.closed}),
    TracingStatus.sent: frozenset({TracingStatus.acknowledged, TracingStatus.answered, TracingStatus.closed}),
    TracingStatus.acknowledged: frozenset({TracingStatus.answered, TracingStatus.closed}),
    TracingStatus.answered: frozenset({TracingStatus.closed}),
    TracingStatus.closed: frozenset(),
}


class TracingPriority(StrEnum):
    urgent = "urgent"
    high = "high"
    routine = "routine"


class IllicitGround(StrEnum):
    """Why the firearm is considered illicit (ITI §6 and the UN Firearms Protocol, art. 3)."""

    no_authorisation = "no_authorisation"
    smuggled_across_border = "smuggled_across_border"
    obliterated_or_altered_marking = "obliterated_or_altered_marking"
    unmarked = "unmarked"
    reported_stolen_or_lost = "reported_stolen_or_lost"
    illicitly_converted = "illicitly_converted"
    used_in_crime = "used_in_crime"
    other = "other"


class IntendedUse(StrEnum):
    """What the answer will be used for; the ITI (§22) lets the answering State limit its use."""

    criminal_investigation = "criminal_investigation"
    prosecution = "prosecution"
    intelligence_analysis = "intelligence_analysis"
    administrative_proceedings = "administrative_proceedings"
    statistics = "statistics"


class AddresseeRole(StrEnum):
    manufacture = "manufacture"
    last_legal_import = "last_legal_import"
    other_transfer = "other_transfer"


class TracingOutcome(StrEnum):
    traced = "traced"
    pending = "pending"
    insufficient_information = "insufficient_information"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TracingAddressee(_Record):
    country: CountryCode
    role: AddresseeRole
    agency: str | None = None


class SeizureCircumstances(_Record):
    recovered_on: date
    country: CountryCode
    place: str = Field(min_length=1, description="office, border crossing, address or parcel hub")
    recovery: Recovery = Recovery.seized
    description: str = Field(min_length=1, description="how and in what the firearm was found")


class StatusChange(_Record):
    status: TracingStatus
    at: AwareDatetime
    by: str = Field(min_length=1)
    note: str | None = None


class LastLegalRecord(_Record):
    """The last point at which the answering State knows the firearm was held legally."""

    holder: str = Field(min_length=1, description="manufacturer, dealer, state body or licence holder")
    holder_type: str | None = Field(default=None, description="manufacturer, dealer, state, private_person, other")
    country: CountryCode
    recorded_on: date | None = None
    document_reference: str | None = Field(default=None, description="licence, export or import authorisation")


class PointOfDiversion(_Record):
    """Where and how the firearm left the legal chain, as far as the answer establishes it."""

    country: CountryCode | None = None
    diverted_on: date | None = None
    description: str = Field(min_length=1, description="e.g. theft from state stock, unlicensed sale, loss in transit")


class TracingResponse(_Record):
    request_id: str = Field(min_length=1, description="the request answered")
    responding_country: CountryCode
    responding_agency: str = Field(min_length=1)
    received_at: AwareDatetime
    outcome: TracingOutcome
    last_legal_record: LastLegalRecord | None = None
    point_of_diversion: PointOfDiversion | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _traced_names_the_record(self) -> TracingResponse:
        if self.outcome == TracingOutcome.traced and self.last_legal_record is None:
            raise ValueError("a 'traced' answer must give the last legal record")
        return self


class TracingRequest(_Record):
    request_id: str = Field(min_length=1)
    requesting_agency: str = Field(min_length=1)
    requesting_country: CountryCode
    case_reference: str = Field(min_length=1)
    firearm: Firearm = Field(description="the firearm as identified when the request was made")
    illicit_grounds: list[IllicitGround] = Field(min_length=1)
    illicit_grounds_detail: str | None = None
    circumstances: SeizureCircumstances
    addressees: list[TracingAddressee] = Field(min_length=1)
    intended_use: IntendedUse
    priority: TracingPriority = TracingPriority.routine
    priority_justification: str | None = None
    status: TracingStatus = TracingStatus.draft
    timeline: list[StatusChange] = Field(default_factory=list)
    responses: list[TracingResponse] = Field(default_factory=list)

    @property
    def sent_at(self) -> datetime | None:
        return next((c.at for c in self.timeline if c.status == TracingStatus.sent), None)


def addressees_from_markings(firearm: Firearm) -> list[TracingAddressee]:
    """Whom to ask, read off the markings: the country of manufacture and of the last import."""
    markings = firearm.markings
    found = []
    if markings.country_of_manufacture:
        found.append(TracingAddressee(country=markings.country_of_manufacture, role=AddresseeRole.manufacture))
    if markings.import_marking and markings.import_marking.country:
        found.append(TracingAddressee(country=markings.import_marking.country, role=AddresseeRole.last_legal_import))
    return found


def create_tracing_request(
    *,
    firearm: Firearm,
    request_id: str,
    requesting_agency: str,
    requesting_country: str,
    case_reference: str,
    illicit_grounds: Iterable[IllicitGround | str],
    circumstances: SeizureCircumstances,
    intended_use: IntendedUse | str,
    created_by: str,
    created_at: datetime,
    priority: TracingPriority | str = TracingPriority.routine,
    priority_justification: str | None = None,
    illicit_grounds_detail: str | None = None,
    addressees: Iterable[TracingAddressee] | None = None,
) -> TracingRequest:
    """A draft tracing request for `firearm`, or InvalidInput listing everything still missing.

    Addressees default to the countries in the markings (manufacture, last legal import).
    Urgent and high priority need a justification (ITI §18).
    """
    chosen = list(addressees) if addressees is not None else addressees_from_markings(firearm)
    problems = []
    markings = firearm.markings
    if not known_characters(firearm.serial_normalised) and not (markings.manufacturer or markings.country_of_manufacture or markings.other_text):
        problems.append(Problem("firearm.markings", "identifying_information", None,
                                "neither a readable serial nor a manufacturer or other marking: nothing to trace by"))
    if not firearm.calibre:
        problems.append(Problem("firearm.calibre", "required", None, "the calibre is needed to trace a firearm"))
    if not chosen:
        problems.append(Problem("addressees", "required", None,
                                "no country to ask: record the country of manufacture or import marking, or name the addressees"))
    if priority != TracingPriority.routine and not (priority_justification or "").strip():
        problems.append(Problem("priority_justification", "required", priority, "an urgent or high-priority request must say why"))
    if created_at.tzinfo is None:
        problems.append(Problem("created_at", "timezone", created_at.isoformat(), "timestamps need a UTC offset"))
    if problems:
        raise InvalidInput("The tracing request cannot be created yet.", problems=problems,
                           hint="Complete the firearm identification or the request and try again.")
    try:
        return TracingRequest(
            request_id=request_id,
            requesting_agency=requesting_agency,
            requesting_country=requesting_country,
            case_reference=case_reference,
            firearm=firearm,
            illicit_grounds=list(illicit_grounds),
            illicit_grounds_detail=illicit_grounds_detail,
            circumstances=circumstances,
            addressees=chosen,
            intended_use=intended_use,
            priority=priority,
            priority_justification=priority_justification,
            timeline=[StatusChange(status=TracingStatus.draft, at=created_at, by=created_by)],
        )
    except ValidationError as error:
        raise InvalidInput("The tracing request is not valid.", problems=problems_from(error, what="tracing_request")) from None


def change_status(request: TracingRequest, *, to: TracingStatus | str, at: datetime, by: str, note: str | None = None) -> TracingRequest:
    """The request moved to status `to`, with the change on its timeline; Conflict if not allowed."""
    to = TracingStatus(to)
    if to not in ALLOWED_TRANSITIONS[request.status]:
        allowed = ", ".join(sorted(ALLOWED_TRANSITIONS[request.status])) or "none (the request is closed)"
        raise Conflict(
            f"A {request.status} tracing request cannot become {to}.",
            problems=[Problem("status", "allowed_transition", str(to), f"from {request.status} the next status may be: {allowed}")],
        )
    if at.tzinfo is None:
        raise InvalidInput("Timestamps need a UTC offset.", problems=[Problem("at", "timezone", at.isoformat(), "give the time with its offset")])
    if request.timeline and at < request.timeline[-1].at:
        raise InvalidInput(
            "A status change cannot precede the last one.",
            problems=[Problem("at", "chronological", at.isoformat(), f"the last change was at {request.timeline[-1].at.isoformat()}")],
        )
    change = StatusChange(status=to, at=at, by=by, note=note)
    return request.model_copy(update={"status": to, "timeline": [*request.timeline, change]})


def record_response(request: TracingRequest, *, response: TracingResponse, by: str) -> TracingRequest:
    """The request with an addressee's answer added; the first answer moves it to 'answered'.

    Later answers (a second addressee, or an update of a 'pending' answer) are added while the
    request is answered but not yet closed.
    """
    if request.status not in {TracingStatus.sent, TracingStatus.acknowledged, TracingStatus.answered}:
        raise Conflict(
            f"A {request.status} tracing request cannot receive an answer.",
            problems=[Problem("status", "answerable", str(request.status), "only a sent, acknowledged or answered request takes answers")],
        )
    if response.request_id != request.request_id:
        raise InvalidInput(
            "This answer is for another tracing request.",
            problems=[Problem("request_id", "same_request", response.request_id, f"this request is {request.request_id}")],
        )
    updated = request
    if request.status != TracingStatus.answered:
        updated = change_status(request, to=TracingStatus.answered, at=response.received_at, by=by,
                                note=f"answer from {response.responding_country}: {response.outcome}")
    return updated.model_copy(update={"responses": [*request.responses, response]})


def request_outcome(request: TracingRequest) -> TracingOutcome:
    """Traced when any answer traced the firearm; insufficient information when every answer said
    so; pending otherwise (no answer yet, or an answer still pending)."""
    outcomes = {r.outcome for r in request.responses}
    if TracingOutcome.traced in outcomes:
        return TracingOutcome.traced
    if outcomes == {TracingOutcome.insufficient_information}:
        return TracingOutcome.insufficient_information
    return TracingOutcome.pending


@cache
def default_overdue_days() -> dict[TracingPriority, int]:
    """Days an answer is expected in, by priority, from `tracing.yaml` beside this module."""
    data = yaml.safe_load(Path(__file__).with_name("tracing.yaml").read_text(encoding="utf-8"))
    return {TracingPriority(k): int(v) for k, v in data["overdue_days"].items()}


@dataclass(frozen=True, slots=True)
class OverdueRequest:
    request: TracingRequest
    due_at: datetime
    days_overdue: int


def due_at(request: TracingRequest, *, overdue_days: Mapping[TracingPriority, int] | None = None) -> datetime | None:
    """When an answer is expected, or None while the request has not been sent."""
    sent = request.sent_at
    if sent is None:
        return None
    days = {**default_overdue_days(), **(overdue_days or {})}[request.priority]
    return sent + timedelta(days=days)


def overdue(
    request: TracingRequest, *, now: datetime, overdue_days: Mapping[TracingPriority, int] | None = None
) -> OverdueRequest | None:
    """The overdue flag of a request still waiting for its answer, or None when it is not overdue."""
    if request.status not in {TracingStatus.sent, TracingStatus.acknowledged}:
        return None
    due = due_at(request, overdue_days=overdue_days)
    if due is None or now <= due:
        return None
    return OverdueRequest(request, due, (now - due).days)


def overdue_requests(
    requests: Iterable[TracingRequest], *, now: datetime, overdue_days: Mapping[TracingPriority, int] | None = None
) -> list[OverdueRequest]:
    """Every overdue request, longest overdue first."""
    flagged = [f for r in requests if (f := overdue(r, now=now, overdue_days=overdue_days))]
    return sorted(flagged, key=lambda f: f.due_at)
