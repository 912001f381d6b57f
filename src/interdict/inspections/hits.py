"""The hit list: shipments targeting put in the red or yellow lane for a unit, worked by officers.

A hit is claimed by one officer at a time: the claim is a single conditional UPDATE (status must
still be 'open'), so two officers pressing "claim" together can never both hold it, on SQLite or
PostgreSQL. Every claim, release and status change is in the audit trail.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Engine, ForeignKey, Index, Integer, String, UniqueConstraint, func, insert, select, text, update
from sqlalchemy.orm import Mapped, mapped_column

from interdict.access import audit
from interdict.access.scope import Viewer, hits_in_scope, require
from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.ingest.models import Shipment
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc

LANES = ("red", "yellow")
STATUSES = ("open", "claimed", "inspected", "released")
COUNT_CAP = 1000


class Hit(Base):
    __tablename__ = "hits"
    __table_args__ = (
        UniqueConstraint("shipment_pk", "unit"),
        # The hit list walks these in order (score high to low, then oldest) and stops at a page:
        # a unit's officers by unit and status, everyone else by status (migration 0002).
        Index("ix_hits_unit_status_rank", "unit", "status", text("score DESC"), "id"),
        Index("ix_hits_status_rank", "status", text("score DESC"), "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipment_pk: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    unit: Mapped[str] = mapped_column(String(64))
    lane: Mapped[str] = mapped_column(String(8))  # red | yellow
    score: Mapped[int] = mapped_column(Integer)  # 0-100
    reasons: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    selected_at_random: Mapped[bool] = mapped_column(Boolean, default=False)
    profile_versions: Mapped[Any] = mapped_column(JSONValue, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome_id: Mapped[int | None] = mapped_column(ForeignKey("inspection_outcomes.id", ondelete="SET NULL"))
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the partner confirmed the parcel is held
    held_by: Mapped[str | None] = mapped_column(String(100))


_HITS = Hit.__table__
_SHIPMENTS = Shipment.__table__


def create_hits(*, engine: Engine, scored: Sequence[dict[str, Any]]) -> int:
    """Hits from targeting results. Returns how many were new; an open hit of the same shipment and
    unit takes the new score and reasons; one already claimed or closed is left as it is."""
    problems = []
    for n, row in enumerate(scored):
        if row.get("lane") not in LANES:
            problems.append(Problem(f"scored[{n}].lane", "one_of", row.get("lane"), "red or yellow (green is not a hit)"))
        if not isinstance(row.get("score"), int | float) or not 0 <= row["score"] <= 100:
            problems.append(Problem(f"scored[{n}].score", "range", row.get("score"), "a score from 0 to 100"))
    if problems:
        raise InvalidInput("some scored shipments cannot become hits", problems=problems[:20])
    created = 0
    now = now_utc()
    with engine.begin() as conn:
        for start in range(0, len(scored), 500):
            chunk = scored[start : start + 500]
            keys = {(int(r["shipment_pk"]), r["unit"]) for r in chunk}
            existing = {
                (r.shipment_pk, r.unit): (r.id, r.status)
                for r in conn.execute(
                    select(_HITS.c.id, _HITS.c.shipment_pk, _HITS.c.unit, _HITS.c.status)
                    .where(_HITS.c.shipment_pk.in_({k[0] for k in keys}))
                )
            }  # fmt: skip
            fresh = []
            for r in chunk:
                values = {"lane": r["lane"], "score": int(round(r["score"])), "reasons": list(r.get("reasons") or []),
                          "selected_at_random": bool(r.get("selected_at_random")), "profile_versions": r.get("profile_versions") or {}}  # fmt: skip
                key = (int(r["shipment_pk"]), r["unit"])
                if key in existing:
                    hit_id, status = existing[key]
                    if status == "open":
                        conn.execute(update(_HITS).where(_HITS.c.id == hit_id, _HITS.c.status == "open").values(**values))
                    continue
                existing[key] = (None, "open")  # the same shipment twice in one call: the first wins
                fresh.append({"shipment_pk": key[0], "unit": key[1], "created_at": now, "status": "open", **values})
            if fresh:
                conn.execute(insert(_HITS), fresh)
                created += len(fresh)
    return created


_LIST_COLUMNS = (
    _HITS.c.id, _HITS.c.shipment_pk, _HITS.c.unit, _HITS.c.lane, _HITS.c.score, _HITS.c.reasons,
    _HITS.c.selected_at_random, _HITS.c.profile_versions, _HITS.c.status, _HITS.c.claimed_by, _HITS.c.claimed_at,
    _HITS.c.created_at, _HITS.c.held_at, _HITS.c.outcome_id, _SHIPMENTS.c.reporter, _SHIPMENTS.c.shipment_id,
    _SHIPMENTS.c.mode, _SHIPMENTS.c.direction, _SHIPMENTS.c.origin_country, _SHIPMENTS.c.destination_country,
    _SHIPMENTS.c.consignee_name, _SHIPMENTS.c.descriptions, _SHIPMENTS.c.reported_at,
)  # fmt: skip


def list_hits(*, engine: Engine, viewer: Viewer, status: Sequence[str] = ("open", "claimed"), lane: str | None = None,
              claimed_by: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
    """The viewer's hits, highest risk first (score, then oldest hit); no `status` means every status.

    One ordered walk per status, merged: on the (status, score, id) index each walk stops after
    `offset + limit` hits in scope, where one query with `status IN (…)` had to look up the
    shipment of every open hit in the jurisdiction and sort them all.
    """
    if not viewer.can("partner.portal"):
        require(viewer, "hits.view")
    limit = min(limit, 1000)
    query = select(*_LIST_COLUMNS).join(_SHIPMENTS, _SHIPMENTS.c.id == _HITS.c.shipment_pk).where(hits_in_scope(viewer))
    if lane:
        query = query.where(_HITS.c.lane == lane)
    if claimed_by:
        query = query.where(_HITS.c.claimed_by == claimed_by)
    walks = []
    with engine.connect() as conn:
        for one in dict.fromkeys(status or STATUSES):
            ranked = query.where(_HITS.c.status == one).order_by(_HITS.c.score.desc(), _HITS.c.id).limit(offset + limit)
            walks.append([dict(r) for r in conn.execute(ranked).mappings()])
    merged = heapq.merge(*walks, key=lambda h: (-h["score"], h["id"]))
    return list(itertools.islice(merged, offset, offset + limit))


def count_hits(*, engine: Engine, viewer: Viewer, status: Sequence[str] = ("open", "claimed"), cap: int = COUNT_CAP) -> dict[str, int]:
    """How many hits of each status the viewer has to work, counted up to `cap` (cap + 1 means
    "more than cap"): each hit counted is a look-up of its shipment's scope, so the count is bounded
    like the page. Closed hits are not counted by default: they only grow."""
    counts = {}
    with engine.connect() as conn:
        for one in dict.fromkeys(status):
            capped = select(_HITS.c.id).where(hits_in_scope(viewer), _HITS.c.status == one).limit(cap + 1).subquery()
            counts[one] = conn.execute(select(func.count()).select_from(capped)).scalar_one()
    return counts


def get_hit(*, engine: Engine, viewer: Viewer, hit_id: int) -> dict[str, Any]:
    """One hit the viewer may see; NotFound otherwise (never 'exists but not yours')."""
    query = select(*_LIST_COLUMNS).join(_SHIPMENTS, _SHIPMENTS.c.id == _HITS.c.shipment_pk).where(_HITS.c.id == hit_id, hits_in_scope(viewer))
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        raise NotFound(f"no hit {hit_id} in your scope", problems=[Problem("hit_id", "in_scope", hit_id, "check the hit list")])
    return dict(row)


def hits_of_shipment(*, engine: Engine, viewer: Viewer, shipment_pk: int) -> list[dict[str, Any]]:
    query = select(*_LIST_COLUMNS).join(_SHIPMENTS, _SHIPMENTS.c.id == _HITS.c.shipment_pk).where(
        _HITS.c.shipment_pk == shipment_pk, hits_in_scope(viewer)).order_by(_HITS.c.score.desc())  # fmt: skip
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def claim_hit(*, engine: Engine, hit_id: int, user: Viewer) -> dict[str, Any]:
    """Take a hit to work it. Conflict if another officer (or you) already holds it."""
    require(user, "hits.work")
    get_hit(engine=engine, viewer=user, hit_id=hit_id)
    now = now_utc()
    with engine.begin() as conn:
        done = conn.execute(
            update(_HITS).where(_HITS.c.id == hit_id, _HITS.c.status == "open").values(status="claimed", claimed_by=user.name, claimed_at=now)
        ).rowcount  # fmt: skip
    hit = get_hit(engine=engine, viewer=user, hit_id=hit_id)
    if done != 1:
        holder = f" by {hit['claimed_by']}" if hit["claimed_by"] else ""
        raise Conflict(f"hit {hit_id} is already {hit['status']}{holder}",
                       problems=[Problem("hit_id", "open", hit["status"], "pick another hit from the list")])  # fmt: skip
    audit.record(engine=engine, viewer=user, action="update", subject=f"hit:{hit_id}", detail={"status": "claimed"})
    return hit


def release_hit(*, engine: Engine, hit_id: int, user: Viewer) -> dict[str, Any]:
    """Give a claimed hit back to the list; only the officer holding it can."""
    require(user, "hits.work")
    get_hit(engine=engine, viewer=user, hit_id=hit_id)
    with engine.begin() as conn:
        done = conn.execute(
            update(_HITS).where(_HITS.c.id == hit_id, _HITS.c.status == "claimed", _HITS.c.claimed_by == user.name)
            .values(status="open", claimed_by=None, claimed_at=None)
        ).rowcount  # fmt: skip
    if done != 1:
        raise Conflict(f"hit {hit_id} is not held by you", problems=[Problem("hit_id", "claimed_by_you", hit_id, "only the officer holding a hit can release it")])
    audit.record(engine=engine, viewer=user, action="update", subject=f"hit:{hit_id}", detail={"status": "open"})
    return get_hit(engine=engine, viewer=user, hit_id=hit_id)


def clear_hit(*, engine: Engine, hit_id: int, user: Viewer, reason: str) -> dict[str, Any]:
    """Let the parcel go without inspection (status 'released'), with the reason, by its holder."""
    require(user, "hits.work")
    if not reason.strip():
        raise InvalidInput("say why the parcel is released", problems=[Problem("reason", "non_empty", reason, "give a reason")])
    close_hit(engine=engine, hit_id=hit_id, user=user, status="released", outcome_id=None)
    audit.record(engine=engine, viewer=user, action="update", subject=f"hit:{hit_id}", detail={"status": "released", "reason": reason[:500]})
    return get_hit(engine=engine, viewer=user, hit_id=hit_id)


def close_hit(*, engine: Engine, hit_id: int, user: Viewer, status: str, outcome_id: int | None) -> None:
    get_hit(engine=engine, viewer=user, hit_id=hit_id)
    with engine.begin() as conn:
        done = conn.execute(
            update(_HITS).where(_HITS.c.id == hit_id, _HITS.c.status == "claimed", _HITS.c.claimed_by == user.name)
            .values(status=status, closed_at=now_utc(), outcome_id=outcome_id)
        ).rowcount  # fmt: skip
    if done != 1:
        raise Conflict(f"hit {hit_id} is not held by you", problems=[Problem("hit_id", "claimed_by_you", hit_id, "claim the hit first")])


def confirm_hold(*, engine: Engine, hit_id: int, user: Viewer) -> dict[str, Any]:
    """A partner confirms it holds the parcel for customs."""
    require(user, "partner.portal")
    get_hit(engine=engine, viewer=user, hit_id=hit_id)
    with engine.begin() as conn:
        conn.execute(update(_HITS).where(_HITS.c.id == hit_id, _HITS.c.held_at.is_(None)).values(held_at=now_utc(), held_by=user.name))
    audit.record(engine=engine, viewer=user, action="update", subject=f"hit:{hit_id}", detail={"held": True})
    return get_hit(engine=engine, viewer=user, hit_id=hit_id)
