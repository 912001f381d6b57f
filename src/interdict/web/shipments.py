"""Shipment pages: search in scope and the full detail of one shipment; seizures for the police."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from interdict.access.dependencies import EngineDep, RowId
from interdict.access.scope import Viewer
from interdict.inspections.recording import list_outcomes
from interdict.inspections.shipment_view import list_shipments, shipment_detail
from interdict.web.auth import allowed
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/shipments")
def shipment_list(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("shipments.view")], q: str | None = None,
                  page_no: int = 1) -> Response:  # fmt: skip
    page_no = max(1, min(page_no, 1000))
    rows = list_shipments(engine=engine, viewer=viewer, search=q, limit=50, offset=(page_no - 1) * 50)
    return page(request, "shipments.html", shipments=rows, q=q or "", page_no=page_no)


@router.get("/shipments/{shipment_pk}")
def shipment_page(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("shipments.view")], shipment_pk: RowId) -> Response:
    detail = shipment_detail(engine=engine, viewer=viewer, shipment_pk=shipment_pk, ip=request.client.host if request.client else None)
    return page(request, "shipment.html", **detail)


@router.get("/seizures")
def seizure_list(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("seizures.view")], show: str = "seizure",
                 recorded: int | None = None) -> Response:  # fmt: skip
    result = show if show in ("seizure", "irregularity", "no_finding") else None
    rows = list_outcomes(engine=engine, viewer=viewer, result=result, limit=200)
    return page(request, "seizures.html", outcomes=rows, show=show, recorded=recorded)
