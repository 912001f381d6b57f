"""Analysts' pages: the risk profiles in force with each indicator's effectiveness on worked hits,
and the watchlists. The coordinator's overview of figures by jurisdiction is here too.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from interdict.access.dependencies import EngineDep
from interdict.access.scope import Viewer
from interdict.inspections.effectiveness import jurisdiction_overview, reason_effectiveness
from interdict.targeting.watchlists import WatchlistEntryRow
from interdict.web.auth import allowed
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/analyst/profiles")
def profiles(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("profiles.view")]) -> Response:
    from interdict.targeting import load_profiles

    loaded = load_profiles()
    return page(request, "profiles.html", profiles=loaded, effectiveness=reason_effectiveness(engine=engine, viewer=viewer))


@router.get("/analyst/watchlists")
def watchlists(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("watchlists.view")], q: str | None = None,
               page_no: int = 1) -> Response:  # fmt: skip
    from sqlalchemy import func, select

    table = WatchlistEntryRow.__table__
    query = select(table.c.list_id, table.c.entry_id, table.c.kind, table.c.name, table.c.aliases, table.c.country, table.c.reason,
                   table.c.valid_until).order_by(table.c.list_id, table.c.entry_id)  # fmt: skip
    if q:
        query = query.where(table.c.name.ilike(f"%{q.strip()[:100]}%"))
    page_no = max(1, min(page_no, 1000))
    with engine.connect() as conn:
        entries = [dict(r) for r in conn.execute(query.limit(100).offset((page_no - 1) * 100)).mappings()]
        by_list = conn.execute(select(table.c.list_id, func.count()).group_by(table.c.list_id).order_by(table.c.list_id)).all()
    return page(request, "watchlists.html", entries=entries, by_list=by_list, q=q or "", page_no=page_no)


@router.get("/overview")
def overview(request: Request, engine: EngineDep, viewer: Annotated[Viewer, allowed("overview.view")]) -> Response:
    return page(request, "overview.html", rows=jurisdiction_overview(engine=engine, viewer=viewer))
