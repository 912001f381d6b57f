"""HTTP ingestion: partners POST shipments or outcomes as a JSON array or NDJSON body.

Same validation and accounting as files, a status per record in the reply, and a partner's key
may only send records under its own reporter codes (others are quarantined with that reason).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from interdict.access.dependencies import EngineDep, PartnerKey
from interdict.ingest.readers import read_bytes
from interdict.ingest.service import ingest_records

router = APIRouter(prefix="/api/v1", tags=["ingest"])
MAX_BODY = 64 * 1024 * 1024


class RecordReply(BaseModel):
    location: str
    status: str
    key: str | None
    reasons: list[dict[str, Any]]


class IngestReply(BaseModel):
    batch_id: int
    read: int
    accepted: int
    amended: int
    duplicates: int
    stale: int
    quarantined: int
    records: list[RecordReply]


_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
            "application/x-ndjson": {"schema": {"type": "string", "description": "one JSON object per line"}},
        },
    }
}


async def _ingest(request: Request, engine: Any, partner: Any, kind: str) -> IngestReply:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY} bytes: send a file")
    source, records = read_bytes(body, name=f"api:{partner.name}", kind=kind)
    summary = await run_in_threadpool(
        ingest_records, records, engine=engine, kind=kind, source_name=f"api:{partner.prefix}", fmt=source.format,
        encoding=source.encoding, submitted_by=f"apikey:{partner.prefix}", allowed_reporters=partner.reporters,
        keep_statuses=True,
    )  # fmt: skip
    return IngestReply(
        **summary.as_dict() | {"records": [RecordReply.model_validate(s, from_attributes=True) for s in summary.statuses or []]}
    )


@router.post("/shipments", response_model=IngestReply, openapi_extra=_BODY_DOC)
async def post_shipments(request: Request, engine: EngineDep, partner: PartnerKey) -> IngestReply:
    """Advance shipment data (records.md §1) as a JSON array or NDJSON."""
    return await _ingest(request, engine, partner, "shipments")


@router.post("/outcomes", response_model=IngestReply, openapi_extra=_BODY_DOC)
async def post_outcomes(request: Request, engine: EngineDep, partner: PartnerKey) -> IngestReply:
    """Inspection outcomes (records.md §2) as a JSON array or NDJSON."""
    return await _ingest(request, engine, partner, "outcomes")
