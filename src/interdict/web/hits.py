"""Officers' pages: the unit's hit list (claim, release), the inspection and the seizure forms."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from interdict.access import audit
from interdict.access.dependencies import EngineDep, RowId
from interdict.access.scope import Viewer
from interdict.errors import InvalidInput, Problem
from interdict.inspections.hits import COUNT_CAP, claim_hit, clear_hit, count_hits, get_hit, list_hits, release_hit
from interdict.inspections.recording import FINDING_CATEGORIES, METHODS, InspectionCreate, record_inspection
from interdict.reporting.cells import neutralise
from interdict.web.auth import allowed
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)
HitViewer = Annotated[Viewer, allowed("hits.view")]
HitWorker = Annotated[Viewer, allowed("hits.work")]
FINDING_ROWS = 6
PAGE_SIZE = 50  # hits per page: a shift's worth to pick from, quick to render on a tablet
STATUS_CHOICES = {"open": ("open", "claimed"), "mine": ("claimed",), "all": ("open", "claimed", "inspected", "released")}


@router.get("/hits")
def hit_list(request: Request, engine: EngineDep, viewer: HitViewer, show: str = "open", lane: str | None = None, page_no: int = 1) -> Response:
    show = show if show in STATUS_CHOICES else "open"
    lane = lane if lane in ("red", "yellow") else None
    page_no = max(1, min(page_no, 1000))
    mine = viewer.name if show == "mine" else None
    # One more than a page tells whether there is a next page without counting everything.
    hits = list_hits(engine=engine, viewer=viewer, status=STATUS_CHOICES[show], lane=lane, claimed_by=mine,
                     limit=PAGE_SIZE + 1, offset=(page_no - 1) * PAGE_SIZE)  # fmt: skip
    return page(request, "hits.html", hits=hits[:PAGE_SIZE], more=len(hits) > PAGE_SIZE, show=show, lane=lane, page_no=page_no,
                page_size=PAGE_SIZE, counts=count_hits(engine=engine, viewer=viewer), count_cap=COUNT_CAP)  # fmt: skip


@router.get("/hits/export.csv")
def hit_export(request: Request, engine: EngineDep, viewer: HitViewer) -> Response:
    hits = list_hits(engine=engine, viewer=viewer, status=("open", "claimed"), limit=1000)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["reporter", "shipment_id", "unit", "lane", "score", "status", "claimed_by", "reasons"])
    for h in hits:
        writer.writerow([neutralise(value) for value in (h["reporter"], h["shipment_id"], h["unit"], h["lane"], h["score"],
                                                         h["status"], h["claimed_by"] or "", "; ".join(h["reasons"]))])  # fmt: skip
    audit.record(engine=engine, viewer=viewer, action="export", subject="hits", detail={"rows": len(hits)},
                 ip=request.client.host if request.client else None)  # fmt: skip
    return Response(out.getvalue(), media_type="text/csv", headers={"Content-Disposition": 'attachment; filename="hits.csv"'})


def _after_change(request: Request, hit: dict[str, Any]) -> Response:
    if request.headers.get("HX-Request"):
        return page(request, "_hit_row.html", hit=hit)
    return RedirectResponse("/hits", status_code=303)


@router.post("/hits/{hit_id}/claim")
def hit_claim(request: Request, engine: EngineDep, viewer: HitWorker, hit_id: RowId) -> Response:
    return _after_change(request, claim_hit(engine=engine, hit_id=hit_id, user=viewer))


@router.post("/hits/{hit_id}/release")
def hit_release(request: Request, engine: EngineDep, viewer: HitWorker, hit_id: RowId) -> Response:
    return _after_change(request, release_hit(engine=engine, hit_id=hit_id, user=viewer))


@router.post("/hits/{hit_id}/clear")
def hit_clear(engine: EngineDep, viewer: HitWorker, hit_id: RowId, reason: Annotated[str, Form(max_length=500)] = "") -> Response:
    clear_hit(engine=engine, hit_id=hit_id, user=viewer, reason=reason)
    return RedirectResponse("/hits", status_code=303)


@router.get("/hits/{hit_id}/inspection")
def inspection_form(request: Request, engine: EngineDep, viewer: HitWorker, hit_id: RowId) -> Response:
    hit = get_hit(engine=engine, viewer=viewer, hit_id=hit_id)
    return page(request, "inspection.html", hit=hit, methods=METHODS, values={})


@router.post("/hits/{hit_id}/inspection")
async def inspection_record(request: Request, engine: EngineDep, viewer: HitWorker, hit_id: RowId) -> Response:
    form = await request.form()
    new = InspectionCreate(method=str(form.get("method", "")), result=str(form.get("result", "")),
                           office=str(form.get("office", "")).strip()[:64] or None, note=str(form.get("note", "")).strip()[:2000] or None)  # fmt: skip
    if new.result == "seizure":
        raise InvalidInput("record a seizure on the seizure form", problems=[Problem("result", "not_seizure", "seizure", "use 'Record seizure'")])
    await run_in_threadpool(record_inspection, engine=engine, hit_id=hit_id, user=viewer, new=new)
    return RedirectResponse(f"/hits?show=open&recorded={hit_id}", status_code=303)


@router.get("/hits/{hit_id}/seizure")
def seizure_form(request: Request, engine: EngineDep, viewer: HitWorker, hit_id: RowId) -> Response:
    hit = get_hit(engine=engine, viewer=viewer, hit_id=hit_id)
    return page(request, "seizure.html", hit=hit, methods=METHODS, categories=FINDING_CATEGORIES, rows=range(FINDING_ROWS))


@router.post("/hits/{hit_id}/seizure")
async def seizure_record(request: Request, engine: EngineDep, viewer: HitWorker, hit_id: RowId) -> Response:
    form = await request.form()
    findings, problems = [], []
    for n in range(FINDING_ROWS):
        category = str(form.get(f"category_{n}", "")).strip()
        description = str(form.get(f"description_{n}", "")).strip()[:500]
        quantity_text = str(form.get(f"quantity_{n}", "")).strip()
        if not category and not description and not quantity_text:
            continue
        quantity = None
        if quantity_text:
            if not quantity_text.isdigit():
                problems.append(Problem(f"findings[{n}].quantity", "positive_integer", quantity_text, "a whole number"))
            else:
                quantity = int(quantity_text)
        findings.append({"category": category, "description": description or None, "quantity": quantity})
    if problems:
        raise InvalidInput("the seizure cannot be recorded", problems=problems)
    new = InspectionCreate(method=str(form.get("method", "")), result="seizure", findings=findings,
                           office=str(form.get("office", "")).strip()[:64] or None, note=str(form.get("note", "")).strip()[:2000] or None)  # fmt: skip
    outcome_id = await run_in_threadpool(record_inspection, engine=engine, hit_id=hit_id, user=viewer, new=new)
    return RedirectResponse(f"/seizures?recorded={outcome_id}", status_code=303)
