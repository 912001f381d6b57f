"""`POST /api/v1/score`: one shipment scored in real time with the active profiles."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Body
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from interdict.access.dependencies import EngineDep, PartnerKey
from interdict.errors import AccessDenied, InvalidInput, Problem
from interdict.ingest.readers import SourceRecord
from interdict.ingest.service import prepare
from interdict.targeting.single import score_shipment

router = APIRouter(prefix="/api/v1", tags=["targeting"])


class ScoreReply(BaseModel):
    reporter: str
    shipment_id: str
    unit: str
    day: date | None
    reported_at: datetime
    score: int
    reasons: str
    indicators: list[str]
    profiles: list[str]
    red_eligible: bool
    yellow_eligible: bool
    profile_versions: list[str]


@router.post("/score", response_model=ScoreReply)
async def post_score(engine: EngineDep, partner: PartnerKey, shipment: dict[str, Any] = Body(...)) -> Any:  # noqa: B008
    """Score one shipment (records.md §1) as the batch would; the shipment is not stored."""
    checked = prepare(SourceRecord(location="body", raw=b"", data=shipment), kind="shipments", assume_tz=None)
    if not checked.valid:
        error = InvalidInput("the shipment breaks the rules of records.md", problems=checked.problems)
        error.status_code = 422
        raise error
    if checked.reporter not in partner.reporters:
        raise AccessDenied(
            "this API key may not score that reporter's shipments",
            problems=[Problem("reporter", "own_reporter_only", checked.reporter, f"allowed: {', '.join(sorted(partner.reporters))}")],
        )
    row, _items = checked.columns
    return await run_in_threadpool(score_shipment, engine=engine, record=row)
