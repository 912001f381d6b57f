"""Seizures in the store: record one with its firearms, ammunition and parts (from an inspection
outcome, or standalone when found or surrendered), read them back, and match a firearm against
every firearm stored before it — has this gun been seen in an earlier seizure, here or abroad?
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.firearms.matching import FirearmIndex, rank_candidates
from interdict.firearms.models import (
    Ammunition,
    CountryCode,
    Firearm,
    FirearmPart,
    Recovery,
    problems_from,
    read_ammunition,
    read_firearm,
    read_part,
)
from interdict.firearms.tables import AmmunitionRow, FirearmRow, PartRow, SeizureRow
from interdict.store.database import session_for

__all__ = [
    "FirearmMatch",
    "SeizurePlace",
    "SeizureReport",
    "StoredSeizure",
    "get_seizure",
    "list_seizures",
    "match_firearm",
    "match_stored_firearm",
    "read_seizure_report",
    "record_seizure",
    "seizure_report_document",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SeizurePlace(_Record):
    country: CountryCode
    office: str | None = None
    description: str | None = None


class Finding(_Record):
    category: str
    quantity: int = Field(ge=1)
    description: str | None = None


class ShipmentReference(_Record):
    reporter: str = Field(min_length=1)
    shipment_id: str = Field(min_length=1)
    mode: str | None = None
    origin_country: CountryCode | None = None
    destination_country: CountryCode | None = None


class SeizureReport(_Record):
    """What was seized, found or surrendered, where and when (the exchange `seizure_report`, without
    its firearms, parts and ammunition, which are recorded beside it). Findings left empty are
    counted from the items."""

    report_id: str = Field(min_length=1, max_length=200)
    reporting_agency: str = Field(pattern=r"^[A-Z0-9][A-Z0-9._-]{1,63}$")
    jurisdiction: str = Field(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
    seized_at: AwareDatetime
    place: SeizurePlace
    recovery: Recovery = Recovery.seized
    shipment: ShipmentReference | None = None
    inspection_method: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    case_reference: str | None = None
    notes: str | None = None
    extensions: dict[str, Any] = Field(default_factory=dict)
    outcome_id: int | None = Field(default=None, description="the inspection outcome it came from; not exchanged")

    @model_validator(mode="after")
    def _inspection_means_seized(self) -> SeizureReport:
        if self.outcome_id is not None and self.recovery != Recovery.seized:
            raise ValueError("a seizure from an inspection outcome is 'seized'; 'found' and 'surrendered' are standalone")
        return self


def read_seizure_report(data: Mapping[str, Any]) -> SeizureReport:
    try:
        return SeizureReport.model_validate(dict(data))
    except ValidationError as error:
        raise InvalidInput("The seizure report is not valid.", problems=problems_from(error, what="seizure"),
                           hint="Correct the fields named and submit again.") from None


@dataclass(frozen=True, slots=True)
class StoredSeizure:
    """A seizure as stored, with its items; `origin_agency` is set when it was received."""

    seizure_id: int
    report: SeizureReport
    firearms: tuple[tuple[int, Firearm], ...]  # (stored firearm id, record)
    ammunition: tuple[Ammunition, ...]
    parts: tuple[FirearmPart, ...]
    origin_agency: str | None
    received_from: str | None
    bundle_id: str | None
    handling: dict[str, Any] | None


def _findings(firearms: list[Firearm], ammunition: list[Ammunition], parts: list[FirearmPart]) -> list[Finding]:
    counts: Counter[str] = Counter()
    for firearm in firearms:
        counts[str(firearm.category)] += 1
    for part in parts:
        counts[str(part.kind)] += part.quantity
    for lot in ammunition:
        counts["ammunition"] += lot.quantity
    return [Finding(category=c, quantity=q) for c, q in counts.items()]


def _outcome_fill(session: Session, report: SeizureReport) -> SeizureReport:
    """Shipment, method and office taken from the inspection outcome the seizure came from."""
    from interdict.inspections.models import InspectionOutcome

    outcome = session.get(InspectionOutcome, report.outcome_id)
    if outcome is None:
        raise NotFound("No such inspection outcome.", problems=[Problem("outcome_id", "exists", report.outcome_id, "record the seizure from a stored outcome, or standalone")])
    update: dict[str, Any] = {}
    if report.shipment is None:
        update["shipment"] = ShipmentReference(reporter=outcome.reporter, shipment_id=outcome.shipment_id)
    if report.inspection_method is None and outcome.method in {"xray", "physical", "documentary", "canine", "other"}:
        update["inspection_method"] = outcome.method
    if report.place.office is None and outcome.office:
        update["place"] = report.place.model_copy(update={"office": outcome.office})
    return report.model_copy(update=update)


def record_seizure(
    *,
    engine: Engine,
    seizure: SeizureReport | Mapping[str, Any],
    firearms: Iterable[Firearm | Mapping[str, Any]] = (),
    ammunition: Iterable[Ammunition | Mapping[str, Any]] = (),
    parts: Iterable[FirearmPart | Mapping[str, Any]] = (),
    origin_agency: str | None = None,
    received_from: str | None = None,
    bundle_id: str | None = None,
    handling: Mapping[str, Any] | None = None,
    session: Session | None = None,
) -> int:
    """Store a seizure report with its items; returns the seizure's id.

    Conflict when the reporting agency already has a report with this id (or an item id repeats).
    `origin_agency`, `received_from` and `bundle_id` mark a report received from another agency.
    Pass `session` to take part in a larger transaction (the caller commits).
    """
    report = seizure if isinstance(seizure, SeizureReport) else read_seizure_report(seizure)
    guns = [f if isinstance(f, Firearm) else read_firearm(f) for f in firearms]
    lots = [a if isinstance(a, Ammunition) else read_ammunition(a) for a in ammunition]
    pieces = [p if isinstance(p, FirearmPart) else read_part(p) for p in parts]
    for what, ids in (("firearm_id", [f.firearm_id for f in guns]), ("ammunition_id", [a.ammunition_id for a in lots]), ("part_id", [p.part_id for p in pieces])):
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise InvalidInput("An item id appears twice in one seizure.", problems=[Problem(what, "unique", repeated[0], "each item of a seizure needs its own id")])
    if not report.findings:
        report = report.model_copy(update={"findings": _findings(guns, lots, pieces)})
    if not report.findings:
        raise InvalidInput("A seizure report says what was found.",
                           problems=[Problem("findings", "required", None, "give findings, or the firearms, parts or ammunition seized")])

    own = session is None
    session = session or session_for(engine)
    try:
        if report.outcome_id is not None:
            report = _outcome_fill(session, report)
        row = SeizureRow(
            report_id=report.report_id, reporting_agency=report.reporting_agency, jurisdiction=report.jurisdiction,
            seized_at=report.seized_at, country=report.place.country, recovery=str(report.recovery), outcome_id=report.outcome_id,
            record=report.model_dump(mode="json", exclude_none=True), origin_agency=origin_agency, received_from=received_from,
            bundle_id=bundle_id, handling=dict(handling) if handling else None,
        )
        session.add(row)
        session.flush()
        for firearm in guns:
            # Items carry the report they belong to, so a firearm sent on its own still says where it came from.
            firearm = firearm.model_copy(update={"seizure_reference": firearm.seizure_reference or report.report_id})
            session.add(firearm_row(firearm, seizure_id=row.id, origin_agency=origin_agency))
        for lot in lots:
            session.add(AmmunitionRow(seizure_id=row.id, ammunition_id=lot.ammunition_id, calibre_canonical=lot.calibre_canonical,
                                      quantity=lot.quantity, record=lot.model_dump(mode="json", exclude_none=True)))
        for part in pieces:
            session.add(PartRow(seizure_id=row.id, part_id=part.part_id, part_type=str(part.part_type),
                                serial_normalised=part.serial_normalised, record=part.model_dump(mode="json", exclude_none=True)))
        session.flush()
        seizure_id = row.id
        if own:
            session.commit()
    except IntegrityError:
        session.rollback()
        raise Conflict(
            f"{report.reporting_agency} already has a seizure report {report.report_id}.",
            problems=[Problem("report_id", "unique", report.report_id, "report ids are unique within the reporting agency")],
            hint="Use a new report id, or amend the stored report.",
        ) from None
    finally:
        if own:
            session.close()
    return seizure_id


def firearm_row(firearm: Firearm, *, seizure_id: int | None, origin_agency: str | None) -> FirearmRow:
    return FirearmRow(
        seizure_id=seizure_id, firearm_id=firearm.firearm_id, category=str(firearm.category), make=firearm.make, model=firearm.model,
        calibre=firearm.calibre, calibre_canonical=firearm.calibre_canonical, serial=firearm.serial,
        serial_normalised=firearm.serial_normalised, serial_status=str(firearm.serial_status) if firearm.serial_status else None,
        record=firearm.model_dump(mode="json", exclude_none=True), origin_agency=origin_agency,
    )


def _stored(session: Session, row: SeizureRow) -> StoredSeizure:
    guns = session.scalars(select(FirearmRow).where(FirearmRow.seizure_id == row.id).order_by(FirearmRow.id)).all()
    lots = session.scalars(select(AmmunitionRow).where(AmmunitionRow.seizure_id == row.id).order_by(AmmunitionRow.id)).all()
    pieces = session.scalars(select(PartRow).where(PartRow.seizure_id == row.id).order_by(PartRow.id)).all()
    return StoredSeizure(
        seizure_id=row.id,
        report=SeizureReport.model_validate({**row.record, "outcome_id": row.outcome_id}),
        firearms=tuple((g.id, read_firearm(g.record)) for g in guns),
        ammunition=tuple(read_ammunition(a.record) for a in lots),
        parts=tuple(read_part(p.record) for p in pieces),
        origin_agency=row.origin_agency, received_from=row.received_from, bundle_id=row.bundle_id, handling=row.handling,
    )


def get_seizure(*, engine: Engine, seizure_id: int | None = None, report_id: str | None = None, reporting_agency: str | None = None) -> StoredSeizure:
    """A stored seizure by its id, or by its report id (ours first, then one received; narrow with
    `reporting_agency`); NotFound otherwise."""
    with session_for(engine) as session:
        if seizure_id is not None:
            row = session.get(SeizureRow, seizure_id)
        else:
            query = select(SeizureRow).where(SeizureRow.report_id == report_id)
            if reporting_agency:
                query = query.where(SeizureRow.reporting_agency == reporting_agency)
            # Our own report first; a received one when we have none of that id.
            row = session.scalars(query.order_by(SeizureRow.received_from.is_not(None), SeizureRow.id)).first()
        if row is None:
            shown = seizure_id if seizure_id is not None else report_id
            raise NotFound(f"No seizure {shown}.", problems=[Problem("seizure", "exists", shown, "list seizures with list_seizures")])
        return _stored(session, row)


def list_seizures(*, engine: Engine, received: bool | None = None, limit: int = 100) -> list[StoredSeizure]:
    """Seizures, newest first; `received=True` only those from other agencies, False only ours."""
    with session_for(engine) as session:
        query = select(SeizureRow)
        if received is not None:
            query = query.where(SeizureRow.received_from.is_not(None) if received else SeizureRow.received_from.is_(None))
        rows = session.scalars(query.order_by(SeizureRow.seized_at.desc(), SeizureRow.id.desc()).limit(limit)).all()
        return [_stored(session, row) for row in rows]


def seizure_report_document(seizure: StoredSeizure) -> dict[str, Any]:
    """The seizure as an exchange `seizure_report`, its firearms, parts and ammunition inside."""
    body = seizure.report.model_dump(mode="json", exclude_none=True, exclude={"outcome_id"})
    if not body.get("extensions"):
        body.pop("extensions", None)
    for key, items in (("firearms", [f for _, f in seizure.firearms]), ("parts", seizure.parts), ("ammunition", seizure.ammunition)):
        if items:
            body[key] = [_document_body(item) for item in items]
    return body


def _document_body(item: Any) -> dict[str, Any]:
    body = item.model_dump(mode="json", exclude_none=True)
    # Empty lists and objects are absent values too; the format omits them.
    return {k: v for k, v in body.items() if v not in ([], {}, "")}


@dataclass(frozen=True, slots=True)
class FirearmMatch:
    """A stored firearm that may be the one asked about, with where it was seized and why."""

    stored_firearm_id: int
    firearm: Firearm
    seizure_id: int | None
    report_id: str | None
    origin_agency: str | None
    score: float
    reasons: tuple[str, ...]


def match_firearm(
    *, engine: Engine, firearm: Firearm, exclude_seizure_id: int | None = None, exclude_firearm_id: int | None = None,
    limit: int = 10, min_score: float = 0.4,
) -> list[FirearmMatch]:
    """Stored firearms most likely to be `firearm`, best first, with reasons (serial read in any
    script, look-alike characters, make, model, calibre)."""
    with session_for(engine) as session:
        query = select(FirearmRow, SeizureRow.report_id).join(SeizureRow, SeizureRow.id == FirearmRow.seizure_id, isouter=True)
        if exclude_seizure_id is not None:
            query = query.where((FirearmRow.seizure_id != exclude_seizure_id) | FirearmRow.seizure_id.is_(None))
        if exclude_firearm_id is not None:
            query = query.where(FirearmRow.id != exclude_firearm_id)
        rows = session.execute(query).all()
    # Firearm ids are only unique within a seizure and an agency: the index gets the store's row ids,
    # so two agencies' "FA-1" are never taken for the same record.
    by_key = {f"#{row.id}": (row, report_id) for row, report_id in rows}
    index = FirearmIndex(read_firearm({**row.record, "firearm_id": key}) for key, (row, _) in by_key.items())
    query_firearm = firearm.model_copy(update={"firearm_id": "#query"})
    found = []
    for candidate in rank_candidates(query_firearm, index=index, limit=limit, min_score=min_score):
        row, report_id = by_key[candidate.firearm.firearm_id]
        found.append(FirearmMatch(row.id, read_firearm(row.record), row.seizure_id, report_id, row.origin_agency, candidate.score, candidate.reasons))
    return found


def match_stored_firearm(*, engine: Engine, stored_firearm_id: int, limit: int = 10, min_score: float = 0.4) -> list[FirearmMatch]:
    """`match_firearm` for a stored firearm, against the firearms of every other seizure."""
    with session_for(engine) as session:
        row = session.get(FirearmRow, stored_firearm_id)
        if row is None:
            raise NotFound("No such stored firearm.", problems=[Problem("stored_firearm_id", "exists", stored_firearm_id, "see the seizure's firearms")])
        firearm, seizure_id = read_firearm(row.record), row.seizure_id
    return match_firearm(engine=engine, firearm=firearm, exclude_seizure_id=seizure_id, exclude_firearm_id=stored_firearm_id,
                         limit=limit, min_score=min_score)


def stored_firearm(*, engine: Engine, stored_firearm_id: int) -> tuple[Firearm, int | None]:
    """A stored firearm's record and the seizure it belongs to."""
    with session_for(engine) as session:
        row = session.get(FirearmRow, stored_firearm_id)
        if row is None:
            raise NotFound("No such stored firearm.", problems=[Problem("stored_firearm_id", "exists", stored_firearm_id, "see the seizure's firearms")])
        return read_firearm(row.record), row.seizure_id

