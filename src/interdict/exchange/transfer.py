"""Exporting a stored seizure as a signed bundle, and importing a received bundle into the store.

Import checks, in order: signature, trusted sender and format (`verify_bundle`), handling codes
(`enforce_handling`), replay (a bundle id already imported from that sender), then files every
document in one transaction, marked with the agency it came from. The bundle is kept as received.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, Integer, String, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from interdict.access import audit
from interdict.errors import AccessDenied, Conflict, InterdictError, InvalidInput, Problem
from interdict.exchange.bundles import build_bundle, document
from interdict.exchange.handling import HandlingDecision, check_onward_transfer, enforce_handling
from interdict.exchange.signing import AgencyKeys, TrustStore, sign_bundle, verify_bundle
from interdict.firearms.models import problems_from, read_firearm
from interdict.cases.referrals import list_referrals, read_referral, referral_document, store_referral
from interdict.firearms.seizures import get_seizure, record_seizure, seizure_report_document, store_firearm
from interdict.firearms.tables import FirearmRow, TracingRequestRow
from interdict.firearms.tracing import TracingRequest, TracingResponse
from interdict.firearms.tracing_requests import list_tracing_requests, store_tracing_request
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc, session_for

DEFAULT_HANDLING = ("TLP:AMBER",)


class ReceivedBundle(Base):
    """Every bundle imported, as received: the replay list and the record of what came from whom."""

    __tablename__ = "received_bundles"
    __table_args__ = (UniqueConstraint("sender_agency", "bundle_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36))
    sender_agency: Mapped[str] = mapped_column(String(64))
    sender_jurisdiction: Mapped[str] = mapped_column(String(8))
    originator_agency: Mapped[str] = mapped_column(String(64))
    received_by: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    bundle: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    filed: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)  # what became of each document


def export_seizure(
    *,
    engine: Engine,
    report_id: str,
    keys: AgencyKeys,
    to_agency: str | None = None,
    to_jurisdiction: str | None = None,
    handling_codes: Iterable[str] = DEFAULT_HANDLING,
    conditions: str | None = None,
    created_at: datetime | None = None,
) -> dict[str, Any]:
    """A bundle of the seizure report (firearms, parts and ammunition inside), the tracing
    requests raised for its firearms and the case referrals made of it, signed with the sending agency's keys.

    A named recipient makes the bundle releasable to that agency (and jurisdiction) only. A seizure
    received from another agency keeps its originator's handling, and is only passed on when that
    handling allows it (AccessDenied otherwise).
    """
    seizure = get_seizure(engine=engine, report_id=report_id)
    documents = [document("seizure_report", seizure_report_document(seizure))]
    requests = list_tracing_requests(engine=engine, stored_firearm_ids=[i for i, _ in seizure.firearms])
    documents += [document("tracing_request", request) for request in requests]
    referrals = list_referrals(engine=engine, seizure_ids=[seizure.seizure_id])
    documents += [document("case_referral", referral_document(r.referral)) for r in referrals]
    releasable: dict[str, list[str]] = {}
    if to_agency:
        releasable["agencies"] = [to_agency]
    if to_jurisdiction:
        releasable["jurisdictions"] = [to_jurisdiction]
    if seizure.handling is None:
        bundle = build_bundle(
            sender_agency=keys.agency, sender_jurisdiction=keys.jurisdiction, documents=documents,
            handling_codes=list(handling_codes), releasable_to=releasable or None, conditions=conditions, created_at=created_at,
        )
    else:
        bundle = _passed_on(seizure.handling, keys=keys, documents=documents, to_agency=to_agency, to_jurisdiction=to_jurisdiction,
                            created_at=created_at)
    signed = sign_bundle(bundle, keys=keys)
    audit.record(engine=engine, viewer=None, actor=keys.agency, action="export", subject=f"seizure:{seizure.report.report_id}",
                 detail={"bundle_id": signed["bundle_id"], "to_agency": to_agency, "to_jurisdiction": to_jurisdiction,
                         "documents": len(documents)})
    return signed


def _passed_on(handling: Mapping[str, Any], *, keys: AgencyKeys, documents: list[dict[str, Any]], to_agency: str | None,
               to_jurisdiction: str | None, created_at: datetime | None) -> dict[str, Any]:
    """A received seizure passed on: the originator's handling travels unchanged, and decides."""
    if not (to_agency and to_jurisdiction):
        raise AccessDenied(
            "A seizure received from another agency is only passed on to a named recipient.",
            problems=[Problem("to_agency", "named_recipient", to_agency, "give the receiving agency and its jurisdiction")],
        )
    check_onward_transfer({"handling": handling}, holding_agency=keys.agency, holding_jurisdiction=keys.jurisdiction,
                          to_agency=to_agency, to_jurisdiction=to_jurisdiction)
    originator = handling["originator"]
    return build_bundle(
        sender_agency=keys.agency, sender_jurisdiction=keys.jurisdiction, documents=documents, handling_codes=handling["codes"],
        releasable_to=handling.get("releasable_to"), onward_transfer=handling.get("onward_transfer"), conditions=handling.get("conditions"),
        originator_agency=originator["agency"], originator_jurisdiction=originator["jurisdiction"], created_at=created_at,
    )


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import kept: the bundle, its sender, and each document's fate in words."""

    bundle_id: str
    sender_agency: str
    decision: HandlingDecision
    filed: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    seizure_ids: tuple[int, ...] = ()


def import_bundle(
    *,
    engine: Engine,
    data: bytes | str | Mapping[str, Any],
    trust_store: TrustStore,
    receiving_agency: str,
    receiving_jurisdiction: str,
    received_at: datetime | None = None,
) -> ImportResult:
    """Verify a received bundle and file its documents in the store, or refuse it saying why:
    InvalidInput (changed after signing, not in the format, unknown handling code), AccessDenied
    (untrusted sender or key, not releasable to this agency), Conflict (already imported: replay;
    or a report the store already holds)."""
    verified = verify_bundle(data, trust_store=trust_store)
    bundle = verified.bundle
    decision = enforce_handling(bundle, receiving_agency=receiving_agency, receiving_jurisdiction=receiving_jurisdiction)
    sender = bundle["sender"]["agency"]
    origin = bundle["handling"]["originator"]["agency"]
    with session_for(engine) as session:
        _refuse_replay(session, bundle)
        filed: list[dict[str, Any]] = []
        seizure_ids: list[int] = []
        firearms_by_id: dict[str, int] = {}
        try:
            for entry in bundle["documents"]:
                kind, content = entry["document_type"], entry["content"]
                if kind == "seizure_report":
                    seizure_id = _file_seizure(session, engine, content, origin=origin, sender=sender, bundle=bundle,
                                               held_by=receiving_jurisdiction)
                    seizure_ids.append(seizure_id)
                    for row in session.scalars(select(FirearmRow).where(FirearmRow.seizure_id == seizure_id)):
                        firearms_by_id[row.firearm_id] = row.id
                    filed.append({**_entry(entry), "filed_as": f"seizure {seizure_id}"})
                elif kind == "firearm":
                    row = store_firearm(session, read_firearm(content), seizure_id=None, origin_agency=origin)
                    filed.append({**_entry(entry), "filed_as": f"firearm {row.id}"})
                elif kind == "tracing_request":
                    request = TracingRequest.model_validate(content)
                    stored = store_tracing_request(engine=engine, request=request, origin_agency=origin, bundle_id=bundle["bundle_id"],
                                                   stored_firearm_id=firearms_by_id.get(request.firearm.firearm_id), session=session)
                    filed.append({**_entry(entry), "filed_as": f"tracing request {stored}"})
                elif kind == "tracing_response":
                    filed.append({**_entry(entry), "filed_as": _file_response(session, TracingResponse.model_validate(content))})
                elif kind == "case_referral":
                    referral = read_referral(content)
                    stored = store_referral(engine=engine, referral=referral, by=sender, origin_agency=origin, bundle_id=bundle["bundle_id"],
                                            seizure_id=seizure_ids[0] if seizure_ids else None, session=session)
                    filed.append({**_entry(entry), "filed_as": f"case referral {stored}"})
                else:
                    filed.append({**_entry(entry), "filed_as": "kept with the bundle only (no store for this document type yet)"})
            session.add(ReceivedBundle(
                bundle_id=bundle["bundle_id"], sender_agency=sender, sender_jurisdiction=bundle["sender"]["jurisdiction"],
                originator_agency=origin, received_by=receiving_agency, received_at=received_at or datetime.now(UTC),
                bundle=bundle, filed=filed,
            ))
            session.commit()
        except IntegrityError:
            session.rollback()
            _refuse_replay(session, bundle)  # a concurrent import of the same bundle won the race
            raise
        except InterdictError:
            session.rollback()
            raise
        except ValidationError as error:
            session.rollback()
            raise InvalidInput("A document of the bundle breaks a rule of the records it holds.",
                               problems=problems_from(error, what="document"), hint="Ask the sender to correct it and send a new bundle.") from None
    audit.record(engine=engine, viewer=None, actor=receiving_agency, action="create", subject=f"bundle:{sender}/{bundle['bundle_id']}",
                 detail={"documents": [f["filed_as"] for f in filed]})
    return ImportResult(bundle["bundle_id"], sender, decision, tuple(filed), tuple(seizure_ids))


def _entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {"document_type": entry["document_type"], "document_id": entry["document_id"]}


def _refuse_replay(session: Session, bundle: Mapping[str, Any]) -> None:
    sender = bundle["sender"]["agency"]
    earlier = session.scalars(
        select(ReceivedBundle).where(ReceivedBundle.sender_agency == sender, ReceivedBundle.bundle_id == bundle["bundle_id"])
    ).first()
    if earlier is not None:
        raise Conflict(
            f"Bundle {bundle['bundle_id']} from {sender} was already imported.",
            problems=[Problem("bundle_id", "replay", bundle["bundle_id"], f"imported on {earlier.received_at.isoformat()}")],
            hint="Nothing to do: its documents are in the store. Ask the sender for a new bundle if something changed.",
        )


def _file_seizure(session: Session, engine: Engine, content: Mapping[str, Any], *, origin: str, sender: str, bundle: Mapping[str, Any],
                  held_by: str) -> int:
    report = {k: v for k, v in content.items() if k not in {"firearms", "parts", "ammunition"}}
    # Derived fields are recomputed from what was read (our tables, not the sender's), never trusted.
    return record_seizure(
        engine=engine, seizure=report, firearms=content.get("firearms", []), parts=content.get("parts", []),
        ammunition=content.get("ammunition", []), origin_agency=origin, received_from=sender, bundle_id=bundle["bundle_id"],
        handling=bundle["handling"], held_by_jurisdiction=held_by, session=session,
    )


def _file_response(session: Session, response: TracingResponse) -> str:
    """An answer to one of our requests is added to it; any other is kept with the bundle."""
    from interdict.firearms.tracing import record_response

    row = session.scalars(
        select(TracingRequestRow).where(TracingRequestRow.request_id == response.request_id, TracingRequestRow.origin_agency.is_(None))
    ).first()
    if row is None:
        return "kept with the bundle only (no request of ours with this id)"
    updated = record_response(TracingRequest.model_validate(row.record), response=response, by=response.responding_agency)
    row.status, row.record = str(updated.status), updated.model_dump(mode="json", exclude_none=True)
    if response.outcome == "traced" and row.firearm_row_id is not None and (firearm := session.get(FirearmRow, row.firearm_row_id)):
        firearm.status = "traced"
    return f"answer to our tracing request {row.request_id}"


def received_bundles(*, engine: Engine) -> list[ReceivedBundle]:
    """Every bundle imported, oldest first."""
    with session_for(engine) as session:
        return list(session.scalars(select(ReceivedBundle).order_by(ReceivedBundle.id)))

