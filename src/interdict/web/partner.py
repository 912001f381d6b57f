"""The partner portal: a courier's or postal operator's own shipments, customs' hold requests to
act on, and reporting a suspicious parcel. Nothing of other partners, no scores, no reasons.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from interdict.access.dependencies import EngineDep, RowId, RowIdQuery
from interdict.access.scope import Viewer
from interdict.inspections.hits import confirm_hold, list_hits
from interdict.inspections.recording import parcel_reports, report_parcel
from interdict.inspections.shipment_view import find_shipment, list_shipments
from interdict.web.auth import allowed
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)
PartnerUser = Annotated[Viewer, allowed("partner.portal")]


@router.get("/partner")
def portal(request: Request, engine: EngineDep, viewer: PartnerUser, q: str | None = None, reported: RowIdQuery = None) -> Response:
    # Parcels still to hold first, oldest request first; never by score, which the partner must not infer.
    holds = sorted(list_hits(engine=engine, viewer=viewer, status=("open", "claimed"), limit=200),
                   key=lambda h: (h["held_at"] is not None, h["created_at"], h["id"]))  # fmt: skip
    shipments = list_shipments(engine=engine, viewer=viewer, search=q, limit=50)
    reports = [r for reporter in sorted(viewer.reporters) for r in parcel_reports(engine=engine, reporter=reporter, limit=20)]
    return page(request, "partner.html", holds=holds, shipments=shipments, reports=reports, q=q or "", reported=reported)


@router.post("/partner/holds/{hit_id}/confirm")
def hold_confirm(engine: EngineDep, viewer: PartnerUser, hit_id: RowId) -> Response:
    confirm_hold(engine=engine, hit_id=hit_id, user=viewer)
    return RedirectResponse("/partner", status_code=303)


@router.post("/partner/reports")
def parcel_report(
    engine: EngineDep,
    viewer: PartnerUser,
    reporter: Annotated[str, Form(max_length=64)],
    shipment_id: Annotated[str, Form(max_length=64)],
    reason: Annotated[str, Form(max_length=2000)],
) -> Response:
    find_shipment(engine=engine, viewer=viewer, reporter=reporter, shipment_id=shipment_id.strip())
    report_id = report_parcel(engine=engine, user=viewer, reporter=reporter, shipment_id=shipment_id, reason=reason)
    return RedirectResponse(f"/partner?reported={report_id}", status_code=303)
