"""Writing inspection outcomes (records.md §2): an identical re-send is a duplicate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select

from interdict.ingest.schemas import OutcomeRecord
from interdict.ingest.validation import Checked
from interdict.inspections.models import InspectionOutcome, OutcomeFinding

_OUTCOMES = InspectionOutcome.__table__
_FINDINGS = OutcomeFinding.__table__


def write_outcomes(conn: Connection, checked: Sequence[Checked], *, batch_id: int) -> list[str]:
    hashes = [c.record_hash for c in checked]
    known = set(conn.execute(select(_OUTCOMES.c.record_hash).where(_OUTCOMES.c.record_hash.in_(hashes))).scalars())
    statuses: list[str] = []
    rows: list[dict[str, Any]] = []
    records: list[OutcomeRecord] = []
    for item in checked:
        if item.record_hash in known:
            statuses.append("duplicate")
            continue
        statuses.append("accepted")
        record: OutcomeRecord = item.record  # type: ignore[assignment]
        records.append(record)
        rows.append(
            {
                "reporter": record.reporter,
                "shipment_id": record.shipment_id,
                "inspected_at": record.inspected_at,
                "method": record.method,
                "result": record.result,
                "office": record.office,
                "findings": [f.model_dump(mode="json", exclude_none=True) for f in record.findings or ()],
                "extra": record.extras,
                "record_hash": item.record_hash,
                "batch_id": batch_id,
            }
        )
    if rows:
        ids = conn.execute(insert(_OUTCOMES).returning(_OUTCOMES.c.id, sort_by_parameter_order=True), rows).scalars().all()
        findings = [
            {"outcome_id": outcome_id, "category": f.category, "description": f.description, "quantity": f.quantity}
            for outcome_id, record in zip(ids, records, strict=True)
            for f in record.findings or ()
        ]
        if findings:
            conn.execute(insert(_FINDINGS), findings)
    return statuses
