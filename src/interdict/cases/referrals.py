"""Case referrals: a seizure (and the firearms and tracing requests it rests on) passed to the police
or the prosecutor, kept with its status timeline (referred -> accepted or declined -> closed), sent
and received in the exchange format's `case_referral` document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import Engine, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.firearms.models import read_model
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc, session_for, storing

__all__ = [
    "CaseReferral",
    "ReferralStatus",
    "StoredReferral",
    "change_referral_status",
    "get_referral",
    "list_referrals",
    "read_referral",
    "refer_case",
    "store_referral",
]


class ReferralStatus(StrEnum):
    referred = "referred"
    accepted = "accepted"
    declined = "declined"
    closed = "closed"


ALLOWED_TRANSITIONS = {
    ReferralStatus.referred: {ReferralStatus.accepted, ReferralStatus.declined, ReferralStatus.closed},
    ReferralStatus.accepted: {ReferralStatus.closed},
    ReferralStatus.declined: {ReferralStatus.closed},
    ReferralStatus.closed: set(),
}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Offence(_Record):
    description: str = Field(min_length=1)
    legal_basis: str | None = None


class Person(_Record):
    name: str = Field(min_length=1)
    role: str = Field(pattern=r"^(suspect|shipper|consignee|witness|other)$")
    birth_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    nationality: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    id_number: str | None = None


class Evidence(_Record):
    description: str = Field(min_length=1)
    custody_reference: str | None = None


class CaseReferral(_Record):
    """The exchange `case_referral` document (schemas/v1/case_referral.schema.json)."""

    referral_id: str = Field(min_length=1, max_length=200)
    case_reference: str = Field(min_length=1)
    from_agency: str = Field(pattern=r"^[A-Z0-9][A-Z0-9._-]{1,63}$")
    to_agency: str = Field(pattern=r"^[A-Z0-9][A-Z0-9._-]{1,63}$")
    to_role: str | None = Field(default=None, pattern=r"^(customs|police|prosecutor|court|other)$")
    jurisdiction: str = Field(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
    referred_at: AwareDatetime
    summary: str = Field(min_length=1)
    suspected_offences: list[Offence] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    seizure_report_ids: list[str] = Field(default_factory=list)
    firearm_ids: list[str] = Field(default_factory=list)
    tracing_request_ids: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    requested_action: str | None = None
    extensions: dict[str, Any] = Field(default_factory=dict)


def read_referral(data: Mapping[str, Any]) -> CaseReferral:
    return read_model(CaseReferral, data, what="case_referral", title="The case referral is not valid.")


def referral_document(referral: CaseReferral) -> dict[str, Any]:
    """The referral as the exchange format carries it: absent values omitted, never empty."""
    body = referral.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in body.items() if v not in ([], {}, "")}


class CaseReferralRow(Base):
    """A referral, ours or received; its status timeline is in `timeline`."""

    __tablename__ = "case_referrals"
    __table_args__ = (UniqueConstraint("from_agency", "referral_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[str] = mapped_column(String(200))
    from_agency: Mapped[str] = mapped_column(String(64))
    to_agency: Mapped[str] = mapped_column(String(64), index=True)
    jurisdiction: Mapped[str] = mapped_column(String(8))
    case_reference: Mapped[str] = mapped_column(String(200))
    seizure_id: Mapped[int | None] = mapped_column(ForeignKey("seizures.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    referred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    record: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    timeline: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    origin_agency: Mapped[str | None] = mapped_column(String(64))  # set when received
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)


class StoredReferral(BaseModel):
    referral: CaseReferral
    status: ReferralStatus
    timeline: list[dict[str, Any]]
    seizure_id: int | None
    origin_agency: str | None


def _stored(row: CaseReferralRow) -> StoredReferral:
    return StoredReferral(referral=CaseReferral.model_validate(row.record), status=ReferralStatus(row.status), timeline=row.timeline,
                          seizure_id=row.seizure_id, origin_agency=row.origin_agency)


def store_referral(
    *, engine: Engine, referral: CaseReferral, by: str, seizure_id: int | None = None, origin_agency: str | None = None,
    bundle_id: str | None = None, session: Session | None = None,
) -> int:
    """Keep a referral (ours, or received when `origin_agency` is given); Conflict on a repeated id."""
    from interdict.firearms.tables import SeizureRow

    def conflict() -> Conflict:
        return Conflict(f"{referral.from_agency} already has a case referral {referral.referral_id}.",
                        problems=[Problem("referral_id", "unique", referral.referral_id, "referral ids are unique within the referring agency")])

    with storing(engine, session, conflict=conflict) as session:
        if seizure_id is None and referral.seizure_report_ids:
            seizure_id = session.scalars(select(SeizureRow.id).where(SeizureRow.report_id.in_(referral.seizure_report_ids))
                                         .order_by(SeizureRow.received_from.is_not(None), SeizureRow.id)).first()
        row = CaseReferralRow(
            referral_id=referral.referral_id, from_agency=referral.from_agency, to_agency=referral.to_agency,
            jurisdiction=referral.jurisdiction, case_reference=referral.case_reference, seizure_id=seizure_id,
            status=str(ReferralStatus.referred), referred_at=referral.referred_at, record=referral_document(referral),
            timeline=[{"status": "referred", "at": referral.referred_at.isoformat(), "by": by}],
            origin_agency=origin_agency, bundle_id=bundle_id,
        )
        session.add(row)
        session.flush()
    return row.id


def refer_case(
    *, engine: Engine, seizure_id: int, referral_id: str, to_agency: str, to_role: str, summary: str, by: str,
    referred_at: datetime | None = None, case_reference: str | None = None, from_agency: str | None = None,
    suspected_offences: Iterable[Mapping[str, Any]] = (), requested_action: str | None = None,
) -> int:
    """Refer a stored seizure (its firearms and tracing requests named in the referral) to the police
    or the prosecutor; returns the stored referral's id."""
    from interdict.firearms.seizures import get_seizure
    from interdict.firearms.tracing_requests import list_tracing_requests

    seizure = get_seizure(engine=engine, seizure_id=seizure_id)
    report = seizure.report
    requests = list_tracing_requests(engine=engine, stored_firearm_ids=[i for i, _ in seizure.firearms])
    referral = read_referral({
        "referral_id": referral_id, "case_reference": case_reference or report.case_reference or report.report_id,
        "from_agency": from_agency or report.reporting_agency, "to_agency": to_agency, "to_role": to_role,
        "jurisdiction": report.jurisdiction, "referred_at": referred_at or now_utc(), "summary": summary,
        "suspected_offences": list(suspected_offences), "seizure_report_ids": [report.report_id],
        "firearm_ids": [f.firearm_id for _, f in seizure.firearms], "tracing_request_ids": [r.request_id for r in requests],
        **({"requested_action": requested_action} if requested_action else {}),
    })
    return store_referral(engine=engine, referral=referral, by=by, seizure_id=seizure_id)


def _row(session: Session, referral_id: str, from_agency: str | None) -> CaseReferralRow:
    query = select(CaseReferralRow).where(CaseReferralRow.referral_id == referral_id)
    if from_agency:
        query = query.where(CaseReferralRow.from_agency == from_agency)
    row = session.scalars(query.order_by(CaseReferralRow.origin_agency.is_not(None), CaseReferralRow.id)).first()
    if row is None:
        raise NotFound(f"No case referral {referral_id}.", problems=[Problem("referral_id", "exists", referral_id, "see list_referrals")])
    return row


def get_referral(*, engine: Engine, referral_id: str, from_agency: str | None = None) -> StoredReferral:
    with session_for(engine) as session:
        return _stored(_row(session, referral_id, from_agency))


def change_referral_status(
    *, engine: Engine, referral_id: str, to: ReferralStatus | str, by: str, at: datetime | None = None, note: str | None = None,
    from_agency: str | None = None,
) -> StoredReferral:
    """Move a referral along referred -> accepted/declined -> closed; Conflict when not allowed."""
    try:
        target = ReferralStatus(to)
    except ValueError:
        raise InvalidInput("Unknown referral status.", problems=[Problem("status", "one_of", to, ", ".join(ReferralStatus))]) from None
    with session_for(engine) as session:
        row = _row(session, referral_id, from_agency)
        current = ReferralStatus(row.status)
        if target not in ALLOWED_TRANSITIONS[current]:
            allowed = ", ".join(sorted(ALLOWED_TRANSITIONS[current])) or "none (the referral is closed)"
            raise Conflict(f"A {current} referral cannot become {target}.",
                           problems=[Problem("status", "allowed_transition", str(target), f"from {current} the next status may be: {allowed}")])
        row.status = str(target)
        row.timeline = [*row.timeline, {"status": str(target), "at": (at or now_utc()).isoformat(), "by": by, **({"note": note} if note else {})}]
        row.updated_at = now_utc()
        session.commit()
        return _stored(row)


def list_referrals(*, engine: Engine, status: str | None = None, seizure_ids: Iterable[int] | None = None) -> list[StoredReferral]:
    """Referrals, newest first; optionally of one status or for some seizures."""
    with session_for(engine) as session:
        query = select(CaseReferralRow)
        if status:
            query = query.where(CaseReferralRow.status == status)
        if seizure_ids is not None:
            query = query.where(CaseReferralRow.seizure_id.in_(list(seizure_ids)))
        return [_stored(row) for row in session.scalars(query.order_by(CaseReferralRow.referred_at.desc(), CaseReferralRow.id.desc()))]
