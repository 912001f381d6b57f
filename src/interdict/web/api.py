"""The JSON API, version 1: what partners and integrations need — shipments, scores, hits, holds,
outcomes — scoped exactly as the pages are (a partner's key sees its own shipments only).
Authenticate with a partner API key (`Authorization: Bearer idk_…`) or a browser session (then
state-changing calls need the `X-CSRF-Token` header).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from interdict.access.dependencies import EngineDep, RowId
from interdict.access.scope import Viewer
from interdict.inspections.hits import claim_hit, confirm_hold, list_hits, release_hit
from interdict.inspections.recording import list_outcomes, report_parcel
from interdict.inspections.shipment_view import find_shipment, list_shipments, shipment_detail
from interdict.web.auth import CurrentUser, allowed

router = APIRouter(prefix="/api/v1", tags=["v1"])
_ERRORS: dict[int | str, dict[str, Any]] = {401: {"description": "no valid key or session"}, 403: {"description": "not allowed for your role"},
                                            404: {"description": "not found in your scope"}, 409: {"description": "conflict"}}  # fmt: skip


class ShipmentSummary(BaseModel):
    id: int
    reporter: str
    shipment_id: str
    reported_at: datetime
    mode: str
    direction: str
    origin_country: str
    destination_country: str
    consignee_name: str
    shipper_name: str
    gross_weight_g: int
    descriptions: str
    version_count: int


class ShipmentPublic(BaseModel):
    shipment: dict[str, Any]
    items: list[dict[str, Any]]
    versions: list[dict[str, Any]]
    hits: list[dict[str, Any]]
    outcomes: list[dict[str, Any]]


class HitPublic(BaseModel):
    id: int
    reporter: str
    shipment_id: str
    shipment_pk: int
    unit: str
    lane: str
    score: int = Field(ge=0, le=100)
    reasons: list[str]
    selected_at_random: bool
    status: str
    claimed_by: str | None
    claimed_at: datetime | None
    created_at: datetime


class ScorePublic(BaseModel):
    """records.md §4, for the shipments that became hits."""

    reporter: str
    shipment_id: str
    score: int
    lane: str
    reasons: str
    selected_at_random: bool


class HoldRequestPublic(BaseModel):
    """What a partner is told: hold this parcel for customs. Never the score or the reasons."""

    id: int
    reporter: str
    shipment_id: str
    status: str
    held_at: datetime | None
    created_at: datetime


class OutcomePublic(BaseModel):
    id: int
    reporter: str
    shipment_id: str
    inspected_at: datetime
    method: str
    result: str
    office: str | None
    findings: list[dict[str, Any]]


NO_NUL = r"^[^\x00]*$"  # PostgreSQL keeps no NUL in text: refuse it as invalid, not as a 500


class ParcelReportCreate(BaseModel):
    reporter: str = Field(max_length=64, pattern=NO_NUL)
    shipment_id: str = Field(max_length=64, pattern=NO_NUL)
    reason: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)


class Me(BaseModel):
    name: str
    role: str
    jurisdiction: str | None
    reporters: list[str]


Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


@router.get("/me", response_model=Me, responses=_ERRORS)
def me(viewer: CurrentUser) -> Me:
    return Me(name=viewer.name, role=viewer.role, jurisdiction=viewer.jurisdiction, reporters=sorted(viewer.reporters))


@router.get("/shipments", response_model=list[ShipmentSummary], responses=_ERRORS)
def shipments(engine: EngineDep, viewer: Annotated[Viewer, allowed("shipments.view")], search: Annotated[str | None, Query(max_length=64)] = None,
              limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:  # fmt: skip
    """Shipments in your scope, latest first (a partner: its own reporter codes only)."""
    return list_shipments(engine=engine, viewer=viewer, search=search, limit=limit, offset=offset)


@router.get("/shipments/{reporter}/{shipment_id}", response_model=ShipmentPublic, responses=_ERRORS)
def shipment(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("shipments.view")], reporter: str, shipment_id: str) -> dict[str, Any]:
    """One shipment with every version; the access is in the audit trail."""
    pk = find_shipment(engine=engine, viewer=viewer, reporter=reporter, shipment_id=shipment_id)
    return shipment_detail(engine=engine, viewer=viewer, shipment_pk=pk, ip=request.client.host if request.client else None)


@router.get("/hits", response_model=list[HitPublic], responses=_ERRORS)
def hits(engine: EngineDep, viewer: Annotated[Viewer, allowed("hits.view")], status: Annotated[list[Literal["open", "claimed", "inspected", "released"]] | None, Query()] = None,
         lane: Annotated[str | None, Query(pattern="^(red|yellow)$")] = None, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:  # fmt: skip
    """Your unit's hits, highest risk first (default: open and claimed)."""
    return list_hits(engine=engine, viewer=viewer, status=status or ("open", "claimed"), lane=lane, limit=limit, offset=offset)


@router.post("/hits/{hit_id}/claim", response_model=HitPublic, responses=_ERRORS)
def hit_claim(engine: EngineDep, viewer: Annotated[Viewer, allowed("hits.work")], hit_id: RowId) -> dict[str, Any]:
    """Claim a hit; 409 when someone holds it already."""
    return claim_hit(engine=engine, hit_id=hit_id, user=viewer)


@router.post("/hits/{hit_id}/release", response_model=HitPublic, responses=_ERRORS)
def hit_release(engine: EngineDep, viewer: Annotated[Viewer, allowed("hits.work")], hit_id: RowId) -> dict[str, Any]:
    return release_hit(engine=engine, hit_id=hit_id, user=viewer)


@router.get("/scores", response_model=list[ScorePublic], responses=_ERRORS)
def scores(engine: EngineDep, viewer: Annotated[Viewer, allowed("scores.view")], limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
    """Scores of the shipments in your scope that were targeted, highest first (records.md §4)."""
    rows = list_hits(engine=engine, viewer=viewer, status=(), limit=limit, offset=offset)
    return [{"reporter": r["reporter"], "shipment_id": r["shipment_id"], "score": r["score"], "lane": r["lane"],
             "reasons": "; ".join(r["reasons"]), "selected_at_random": r["selected_at_random"]} for r in rows]  # fmt: skip


@router.get("/holds", response_model=list[HoldRequestPublic], responses=_ERRORS)
def holds(engine: EngineDep, viewer: Annotated[Viewer, allowed("partner.portal")], limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
    """Parcels of yours that customs asks you to hold."""
    return list_hits(engine=engine, viewer=viewer, status=("open", "claimed"), limit=limit, offset=offset)


@router.post("/holds/{hit_id}/confirm", response_model=HoldRequestPublic, responses=_ERRORS)
def hold_confirm(engine: EngineDep, viewer: Annotated[Viewer, allowed("partner.portal")], hit_id: RowId) -> dict[str, Any]:
    """Confirm the parcel is held for customs."""
    return confirm_hold(engine=engine, hit_id=hit_id, user=viewer)


@router.post("/parcel-reports", status_code=201, responses=_ERRORS)
def parcel_report(engine: EngineDep, viewer: Annotated[Viewer, allowed("partner.portal")], body: ParcelReportCreate) -> dict[str, int]:
    """Report a suspicious parcel among your own shipments."""
    find_shipment(engine=engine, viewer=viewer, reporter=body.reporter, shipment_id=body.shipment_id)
    return {"id": report_parcel(engine=engine, user=viewer, reporter=body.reporter, shipment_id=body.shipment_id, reason=body.reason)}


@router.get("/outcomes", response_model=list[OutcomePublic], responses=_ERRORS)
def outcomes(engine: EngineDep, viewer: Annotated[Viewer, allowed("outcomes.view")],
             result: Annotated[str | None, Query(pattern="^(no_finding|seizure|irregularity)$")] = None,
             limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:  # fmt: skip
    """Inspection outcomes of shipments in your scope, newest first."""
    return list_outcomes(engine=engine, viewer=viewer, result=result, limit=limit, offset=offset)
