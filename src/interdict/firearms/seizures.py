"""Seizures in the store: record one with its firearms, ammunition and parts (from an inspection
outcome, or standalone when found or surrendered), read them back, and match a firearm against
every firearm stored before it — has this gun been seen in an earlier seizure, here or abroad?
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.firearms.matching import blocking_keys, compare_firearms, serial_is_blockable
from interdict.firearms.models import (
    Ammunition,
    CountryCode,
    Firearm,
    FirearmPart,
    Recovery,
    read_model,
    read_ammunition,
    read_firearm,
    read_part,
)
from interdict.firearms.tables import AmmunitionRow, FirearmBlockingKey, FirearmRow, PartRow, SeizureAmendment, SeizureRow
from interdict.store.database import now_utc, session_for, storing

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
    return read_model(SeizureReport, data, what="seizure", title="The seizure report is not valid.")


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
    held_by_jurisdiction: str | None = None,
    session: Session | None = None,
) -> int:
    """Store a seizure report with its items; returns the seizure's id.

    Conflict when the reporting agency already has a report with this id (or an item id repeats).
    `origin_agency`, `received_from` and `bundle_id` mark a report received from another agency, and
    `held_by_jurisdiction` says whose investigators see it (default: the report's jurisdiction).
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

    def conflict() -> Conflict:
        return Conflict(
            f"{report.reporting_agency} already has a seizure report {report.report_id}.",
            problems=[Problem("report_id", "unique", report.report_id, "report ids are unique within the reporting agency")],
            hint="Use a new report id, or amend the stored report.",
        )

    with storing(engine, session, conflict=conflict) as session:
        if report.outcome_id is not None:
            report = _outcome_fill(session, report)
        row = SeizureRow(
            report_id=report.report_id, reporting_agency=report.reporting_agency, jurisdiction=report.jurisdiction,
            seized_at=report.seized_at, country=report.place.country, recovery=str(report.recovery), outcome_id=report.outcome_id,
            record=report.model_dump(mode="json", exclude_none=True), origin_agency=origin_agency, received_from=received_from,
            bundle_id=bundle_id, handling=dict(handling) if handling else None,
            held_by_jurisdiction=held_by_jurisdiction or report.jurisdiction,
        )
        session.add(row)
        session.flush()
        for firearm in guns:
            # Items carry the report they belong to, so a firearm sent on its own still says where it came from.
            firearm = firearm.model_copy(update={"seizure_reference": firearm.seizure_reference or report.report_id})
            store_firearm(session, firearm, seizure_id=row.id, origin_agency=origin_agency)
        for lot in lots:
            session.add(AmmunitionRow(seizure_id=row.id, ammunition_id=lot.ammunition_id, calibre_canonical=lot.calibre_canonical,
                                      quantity=lot.quantity, record=lot.model_dump(mode="json", exclude_none=True)))
        for part in pieces:
            session.add(PartRow(seizure_id=row.id, part_id=part.part_id, part_type=str(part.part_type),
                                serial_normalised=part.serial_normalised, record=part.model_dump(mode="json", exclude_none=True)))
        session.flush()
        seizure_id = row.id
    return seizure_id


def store_firearm(session: Session, firearm: Firearm, *, seizure_id: int | None, origin_agency: str | None) -> FirearmRow:
    """Add a firearm to the session with the keys matching finds it by; flushed, so its id is set."""
    row = firearm_row(firearm, seizure_id=seizure_id, origin_agency=origin_agency)
    session.add(row)
    session.flush()
    session.add_all(FirearmBlockingKey(firearm_row_id=row.id, key=key) for key in sorted(blocking_keys(firearm)))
    return row


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


# A query compares at most this many earlier firearms (those sharing the most serial n-grams);
# an n-gram found on more records than MAX_POSTINGS ('000', '123') only counts when nothing rarer is shared.
MAX_CANDIDATES = 500
MAX_POSTINGS = 5000


def _candidate_ids(session: Session, firearm: Firearm, *, exclude_firearm_id: int | None, in_scope: ColumnElement[bool] | None) -> list[int]:
    """Stored firearms worth scoring against `firearm`, chosen through the indexed blocking keys."""
    keys = blocking_keys(firearm)
    serial_keys = sorted(k for k in keys if k.startswith("s:"))
    other_keys = sorted(k for k in keys if k.startswith("mc:"))
    K = FirearmBlockingKey
    narrowed = []
    if exclude_firearm_id is not None:
        narrowed.append(K.firearm_row_id != exclude_firearm_id)
    if in_scope is not None:
        narrowed.append(K.firearm_row_id.in_(select(FirearmRow.id).join(SeizureRow, SeizureRow.id == FirearmRow.seizure_id).where(in_scope)))
    chosen: list[int] = []
    if serial_keys:
        postings = dict(session.execute(select(K.key, func.count()).where(K.key.in_(serial_keys)).group_by(K.key)).all())
        usable = [k for k, n in postings.items() if n <= MAX_POSTINGS] or ([min(postings, key=postings.__getitem__)] if postings else [])
        if usable:
            shared = func.count().label("shared")
            query = (select(K.firearm_row_id, shared).where(K.key.in_(usable), *narrowed).group_by(K.firearm_row_id)
                     .order_by(shared.desc(), K.firearm_row_id).limit(MAX_CANDIDATES))
            chosen = [row_id for row_id, _ in session.execute(query)]
    if not serial_is_blockable(firearm):
        # A serial too short or too broken up to give n-grams ('?33?33') still has a make and calibre.
        for key in other_keys:
            chosen += session.scalars(select(K.firearm_row_id).where(K.key == key, *narrowed).order_by(K.firearm_row_id.desc()).limit(MAX_CANDIDATES))
    return list(dict.fromkeys(chosen))[:MAX_CANDIDATES]


def match_firearm(
    *, engine: Engine, firearm: Firearm, exclude_seizure_id: int | None = None, exclude_firearm_id: int | None = None,
    limit: int = 10, min_score: float = 0.4, in_scope: ColumnElement[bool] | None = None,
) -> list[FirearmMatch]:
    """Stored firearms most likely to be `firearm`, best first, with reasons (serial read in any
    script, look-alike characters, make, model, calibre). `in_scope` (a condition on seizures)
    limits the search to what the viewer may see."""
    with session_for(engine) as session:
        ids = _candidate_ids(session, firearm, exclude_firearm_id=exclude_firearm_id, in_scope=in_scope)
        query = (select(FirearmRow, SeizureRow.report_id).join(SeizureRow, SeizureRow.id == FirearmRow.seizure_id, isouter=True)
                 .where(FirearmRow.id.in_(ids)))
        if exclude_seizure_id is not None:
            query = query.where((FirearmRow.seizure_id != exclude_seizure_id) | FirearmRow.seizure_id.is_(None))
        rows = session.execute(query).all() if ids else []
    found = []
    for row, report_id in rows:
        earlier = read_firearm(row.record)
        candidate = compare_firearms(firearm, earlier)
        if candidate.score >= min_score:
            found.append(FirearmMatch(row.id, earlier, row.seizure_id, report_id, row.origin_agency, candidate.score, candidate.reasons))
    found.sort(key=lambda m: (-m.score, m.stored_firearm_id))
    return found[:limit]


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



@dataclass(frozen=True, slots=True)
class Amendment:
    """One correction of a stored seizure, as kept in its history."""

    item_type: str
    item_id: str | None
    change: str
    amended_at: Any
    amended_by: str
    reason: str
    before: dict[str, Any] | None
    after: dict[str, Any]


def _own_seizure(session: Session, seizure_id: int) -> SeizureRow:
    row = session.get(SeizureRow, seizure_id)
    if row is None:
        raise NotFound(f"No seizure {seizure_id}.", problems=[Problem("seizure", "exists", seizure_id, "list seizures with list_seizures")])
    if row.received_from is not None:
        raise Conflict(
            f"Seizure {row.report_id} was received from {row.origin_agency}: only its originator amends it.",
            problems=[Problem("seizure", "ours", row.report_id, f"ask {row.origin_agency} for a corrected report")],
        )
    return row


def amend_firearm(
    *, engine: Engine, seizure_id: int, firearm: Firearm | Mapping[str, Any], by: str, reason: str, at: Any = None,
) -> int:
    """Correct the identification of a firearm of a stored seizure (same `firearm_id`), or add one
    identified later; the record before and after is kept in the seizure's history. Returns the
    stored firearm's id. Matching finds the firearm by its corrected serial from now on."""
    corrected = firearm if isinstance(firearm, Firearm) else read_firearm(firearm)
    if not reason.strip():
        raise InvalidInput("Say why the seizure is amended.", problems=[Problem("reason", "required", reason, "e.g. 'serial re-read under magnification'")])
    with session_for(engine) as session:
        seizure = _own_seizure(session, seizure_id)
        corrected = corrected.model_copy(update={"seizure_reference": corrected.seizure_reference or seizure.report_id})
        row = session.scalars(select(FirearmRow).where(FirearmRow.seizure_id == seizure_id, FirearmRow.firearm_id == corrected.firearm_id)).first()
        after = corrected.model_dump(mode="json", exclude_none=True)
        if row is None:
            before, change = None, "added"
            row = store_firearm(session, corrected, seizure_id=seizure_id, origin_agency=None)
        else:
            before, change = row.record, "corrected"
            fresh = firearm_row(corrected, seizure_id=seizure_id, origin_agency=row.origin_agency)
            for column in ("category", "make", "model", "calibre", "calibre_canonical", "serial", "serial_normalised", "serial_status", "record"):
                setattr(row, column, getattr(fresh, column))
            session.execute(FirearmBlockingKey.__table__.delete().where(FirearmBlockingKey.firearm_row_id == row.id))
            session.add_all(FirearmBlockingKey(firearm_row_id=row.id, key=key) for key in sorted(blocking_keys(corrected)))
        record = dict(seizure.record)
        record["findings"] = _recount(session, seizure_id, record.get("findings", []), before=before, after=after)
        seizure.record = record
        session.add(SeizureAmendment(seizure_id=seizure_id, item_type="firearm", item_id=corrected.firearm_id, change=change,
                                     amended_at=at or now_utc(), amended_by=by, reason=reason.strip(), before=before, after=after))
        session.commit()
        return row.id


def _recount(session: Session, seizure_id: int, findings: list[dict[str, Any]], *, before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings after an identification: a corrected category moves one firearm from the old
    category to the new; a firearm identified later is already counted when the officer's findings
    listed enough of its category, and adds one otherwise."""
    counts: Counter[str] = Counter({f["category"]: f["quantity"] for f in findings})
    if before is not None:
        if before["category"] != after["category"]:
            counts[before["category"]] -= 1
            counts[after["category"]] += 1
    else:
        identified = session.scalar(select(func.count()).select_from(FirearmRow).where(
            FirearmRow.seizure_id == seizure_id, FirearmRow.category == after["category"]))
        counts[after["category"]] = max(counts[after["category"]], identified or 0)
    described = {f["category"]: f.get("description") for f in findings}
    return [{"category": c, "quantity": q, **({"description": described[c]} if described.get(c) else {})} for c, q in counts.items() if q > 0]


def seizure_history(*, engine: Engine, seizure_id: int) -> list[Amendment]:
    """Every amendment of a seizure, oldest first."""
    with session_for(engine) as session:
        rows = session.scalars(select(SeizureAmendment).where(SeizureAmendment.seizure_id == seizure_id).order_by(SeizureAmendment.id))
        return [Amendment(r.item_type, r.item_id, r.change, r.amended_at, r.amended_by, r.reason, r.before, r.after) for r in rows]


def seizure_for_outcome(*, engine: Engine, outcome_id: int, reporting_agency: str, jurisdiction: str) -> int:
    """The seizure report of an inspection outcome, created on first use (a web seizure records
    findings first; firearm identification is added to the report afterwards)."""
    from interdict.inspections.models import InspectionOutcome

    with session_for(engine) as session:
        existing = session.scalars(select(SeizureRow.id).where(SeizureRow.outcome_id == outcome_id).order_by(SeizureRow.id)).first()
        if existing is not None:
            return existing
        outcome = session.get(InspectionOutcome, outcome_id)
        if outcome is None or outcome.result != "seizure":
            raise NotFound(f"No seizure outcome {outcome_id}.", problems=[Problem("outcome_id", "seizure_outcome", outcome_id, "open a seizure from the seizures list")])
        findings = [{"category": f["category"], "quantity": f.get("quantity") or 1, **({"description": f["description"]} if f.get("description") else {})}
                    for f in outcome.findings or []]
    return record_seizure(engine=engine, seizure={
        "report_id": f"SZ-{outcome_id}", "reporting_agency": reporting_agency, "jurisdiction": jurisdiction, "seized_at": outcome.inspected_at,
        "place": {"country": jurisdiction[:2], **({"office": outcome.office} if outcome.office else {})}, "outcome_id": outcome_id,
        "findings": findings or [{"category": "other", "quantity": 1}],
    })
