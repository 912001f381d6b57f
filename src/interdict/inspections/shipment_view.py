"""A shipment as the people allowed to see it see it: every version received, parties, items, its
hits with the score explanation, watchlist matches, outcomes and partners' reports. Reading a
shipment's detail is recorded in the audit trail.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Engine, func, or_, select

from interdict.access import audit
from interdict.access.scope import Viewer, require, shipments_in_scope
from interdict.errors import NotFound, Problem
from interdict.ingest.models import Shipment, ShipmentItem, ShipmentVersion
from interdict.inspections.hits import hits_of_shipment
from interdict.inspections.models import InspectionOutcome
from interdict.inspections.recording import parcel_reports

SUMMARY_COLUMNS = (
    Shipment.id, Shipment.reporter, Shipment.shipment_id, Shipment.reported_at, Shipment.mode, Shipment.direction,
    Shipment.origin_country, Shipment.destination_country, Shipment.consignee_name, Shipment.shipper_name,
    Shipment.gross_weight_g, Shipment.descriptions, Shipment.version_count,
)  # fmt: skip


def list_shipments(*, engine: Engine, viewer: Viewer, search: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Shipments in the viewer's scope, latest reported first; `search` matches the shipment id."""
    require(viewer, "shipments.view")
    query = select(*SUMMARY_COLUMNS).where(shipments_in_scope(viewer)).order_by(Shipment.reported_at.desc(), Shipment.id.desc())
    if search:
        query = query.where(Shipment.shipment_id.ilike(f"%{search.strip()[:64]}%"))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query.limit(min(limit, 500)).offset(offset)).mappings()]


def find_shipment(*, engine: Engine, viewer: Viewer, reporter: str, shipment_id: str) -> int:
    require(viewer, "shipments.view")
    with engine.connect() as conn:
        pk = conn.execute(select(Shipment.id).where(Shipment.reporter == reporter, Shipment.shipment_id == shipment_id,
                                                    shipments_in_scope(viewer))).scalar()  # fmt: skip
    if pk is None:
        raise NotFound(f"no shipment {reporter}/{shipment_id} in your scope", problems=[Problem("shipment_id", "in_scope", shipment_id, "check the reporter code and id")])
    return pk


def shipment_detail(*, engine: Engine, viewer: Viewer, shipment_pk: int, ip: str | None = None) -> dict[str, Any]:
    """Everything about one shipment in the viewer's scope; NotFound for one outside it."""
    require(viewer, "shipments.view")
    with engine.connect() as conn:
        row = conn.execute(select(Shipment.__table__).where(Shipment.id == shipment_pk, shipments_in_scope(viewer))).mappings().first()
        if row is None:
            raise NotFound(f"no shipment {shipment_pk} in your scope", problems=[Problem("shipment", "in_scope", shipment_pk, "check the link or the hit list")])
        shipment = dict(row)
        items = [dict(r) for r in conn.execute(select(ShipmentItem.__table__).where(ShipmentItem.shipment_pk == shipment_pk).order_by(ShipmentItem.line_no)).mappings()]
        versions = [
            dict(r) | {"record": orjson.loads(r["record"])}
            for r in conn.execute(select(ShipmentVersion.__table__).where(
                ShipmentVersion.reporter == shipment["reporter"], ShipmentVersion.shipment_id == shipment["shipment_id"]
            ).order_by(ShipmentVersion.reported_at.desc(), ShipmentVersion.id.desc())).mappings()
        ]  # fmt: skip
        outcomes = [] if viewer.role == "partner" else [
            dict(r) for r in conn.execute(select(InspectionOutcome.__table__).where(
                InspectionOutcome.reporter == shipment["reporter"], InspectionOutcome.shipment_id == shipment["shipment_id"]
            ).order_by(InspectionOutcome.inspected_at.desc())).mappings()
        ]  # fmt: skip
        watchlist = [] if viewer.role == "partner" else _watchlist_matches(conn, shipment)
    hits = hits_of_shipment(engine=engine, viewer=viewer, shipment_pk=shipment_pk)
    if viewer.role == "partner":
        # Partners learn that customs wants a parcel held, never why: reasons would tip off.
        hits = [{k: h[k] for k in ("id", "lane", "status", "held_at", "created_at")} for h in hits]
    audit.record(engine=engine, viewer=viewer, action="view", subject=f"shipment:{shipment['reporter']}/{shipment['shipment_id']}", ip=ip)
    return {"shipment": shipment, "items": items, "versions": versions, "hits": hits, "outcomes": outcomes,
            "watchlist": watchlist, "reports": parcel_reports(engine=engine, reporter=shipment["reporter"], shipment_id=shipment["shipment_id"])}  # fmt: skip


def _watchlist_matches(conn: Any, shipment: dict[str, Any]) -> list[dict[str, Any]]:
    """Entries whose name, phone or e-mail equals the shipment's parties' (normalised). The fuzzy
    screening (transliteration, typos, aliases) is targeting's and shows in the hit's reasons."""
    from interdict.targeting.watchlists import WatchlistEntryRow as Entry
    from interdict.text.names import normalise_name

    names = {shipment.get("shipper_name_norm"), shipment.get("consignee_name_norm")} - {None, ""}
    raw = {shipment.get("shipper_name"), shipment.get("consignee_name")} - {None, ""}
    wanted = names | {normalise_name(n) for n in raw}
    if not wanted:
        return []
    candidates = conn.execute(select(Entry.list_id, Entry.entry_id, Entry.kind, Entry.name, Entry.aliases, Entry.reason, Entry.country)
                              .where(or_(func.lower(Entry.name).in_([n.lower() for n in raw]), Entry.kind.in_(["person", "organisation"])))
                              .limit(5000)).mappings()  # fmt: skip
    found = []
    for entry in candidates:
        forms = {normalise_name(entry["name"]), *(normalise_name(a) for a in entry["aliases"] or [])}
        if forms & wanted:
            found.append(dict(entry))
    return found[:20]
