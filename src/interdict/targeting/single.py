"""Scoring one shipment now, as the batch would: the same flattening as ingest, the active
profiles, and the cross-shipment figures counted over the related shipments in the store.

Real-time callers score many shipments with the same profiles, so per process the active
versions are compiled once into a plan (the keys counted by, the widest window, the query for the
related shipments); a request then costs two small indexed queries and the conditions in Python.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pyarrow as pa
from sqlalchemy import Connection, Engine, Select, and_, bindparam, select, union

from interdict.ingest.models import Shipment
from interdict.ingest.schemas import ShipmentRecord
from interdict.ingest.shipments import shipment_columns
from interdict.targeting.evaluation import HISTORY, STREET_OF, aggregates_needed, derived_needed, score_one
from interdict.targeting.norms import READS, TEXT_READS, TrafficNorms
from interdict.targeting.models import ProfileVersionRow
from interdict.targeting.profile import Profile
from interdict.targeting.registry import active_profiles

_TABLE = Shipment.__table__
_VERSIONS = ProfileVersionRow.__table__
_ACTIVE = select(_VERSIONS.c.path, _VERSIONS.c.content_hash).where(_VERSIONS.c.active.is_(True)).order_by(_VERSIONS.c.profile_id)


@dataclass
class _Plan:
    """What scoring with one set of profiles needs from the store, worked out once."""

    profiles: list[Profile]
    keys: tuple[str, ...]  # the stored columns cross-shipment figures count by
    columns: tuple[str, ...]  # what counting reads from a related shipment
    before: timedelta
    after: timedelta
    queries: dict[tuple[str, ...], Select]

    @classmethod
    def of(cls, profiles: list[Profile]) -> _Plan:
        needed = aggregates_needed(profiles)
        longest = timedelta(days=max((a.days for a in needed), default=0))
        counted = {a.per for a in needed} | {a.of for a in needed if a.of}
        counted |= {f for a in needed if a.match is not None for f in a.match.fields()}  # what linked figures test
        counted |= {street for address, street in STREET_OF.items() if address in counted}  # an address is its street
        return cls(profiles=profiles, keys=tuple(sorted(k for k in {a.per for a in needed} if k in _TABLE.c)),
                   columns=("id", "reporter", "shipment_id", "reported_at", *sorted(c for c in counted if c in _TABLE.c)),
                   before=min(HISTORY, longest), after=longest, queries={})

    def related_query(self, keys: tuple[str, ...]) -> Select:
        """Shipments sharing one of `keys` within the window, and the stored version of this one.

        One SELECT per key joined by UNION, so that every branch is an index lookup on both stores.
        """
        query = self.queries.get(keys)
        if query is None:
            columns = [_TABLE.c[name] for name in self.columns]
            window = and_(_TABLE.c.reported_at >= bindparam("since"), _TABLE.c.reported_at <= bindparam("until"))
            branches = [select(*columns).where(_TABLE.c[key] == bindparam(f"key_{key}"), window) for key in keys]
            branches.append(select(*columns).where(_TABLE.c.reporter == bindparam("reporter"),
                                                   _TABLE.c.shipment_id == bindparam("shipment_id")))
            query = self.queries[keys] = union(*branches) if len(branches) > 1 else branches[0]
        return query


_PLANS: dict[tuple, _Plan] = {}
_LOCK = threading.Lock()
_COMPILING = threading.Lock()


def _state(conn: Connection) -> tuple[tuple[Any, ...], ...]:
    """The active versions (path, content hash), as plain tuples: Row equality is slow to compare."""
    return tuple(tuple(r) for r in conn.execute(_ACTIVE).all())


def _known_plan(profiles: list[Profile] | None, conn: Connection) -> _Plan | None:
    """The plan for `profiles`, or for the active versions when compiled already; else None."""
    if profiles is not None:
        return _Plan.of(profiles)
    state = _state(conn)  # every request: an activation or rollback counts at once
    return _PLANS.get(state) if state else None


def _compiled_plan(engine: Engine) -> _Plan:
    """Compile the active versions (registering the starter library in a new store), one thread at
    a time: requests arriving together wait for one compilation rather than each doing it."""
    with _COMPILING:
        with engine.connect() as conn:
            state = _state(conn)
        plan = _PLANS.get(state) if state else None
        if plan is None:
            profiles = active_profiles(engine=engine)
            with engine.connect() as conn:
                state = _state(conn)
            plan = _Plan.of(profiles)
            with _LOCK:
                if len(_PLANS) > 64:
                    _PLANS.clear()
                _PLANS[state] = plan
        return plan


def related_shipments(*, engine: Engine, row: dict[str, Any], profiles: list[Profile]) -> list[dict[str, Any]]:
    """Stored shipments that share a counted key (phone, address, name…) with `row`, in the window."""
    with engine.connect() as conn:
        return _related(conn, row, _Plan.of(profiles))[1]


def _related(conn: Connection, row: dict[str, Any], plan: _Plan) -> tuple[int | None, list[dict[str, Any]]]:
    """(the stored id of this shipment or None, the other related shipments)."""
    keys = tuple(k for k in plan.keys if row.get(k) not in (None, ""))
    moment = row["reported_at"]
    values = {f"key_{k}": row[k] for k in keys}
    values.update(since=moment - plan.before, until=moment + plan.after, reporter=row["reporter"], shipment_id=row["shipment_id"])
    names = plan.columns  # the query's columns, in order: zip is cheaper than a RowMapping per row
    found = [dict(zip(names, r)) for r in conn.execute(plan.related_query(keys), values).all()]
    own = [r for r in found if r["reporter"] == row["reporter"] and r["shipment_id"] == row["shipment_id"]]
    return (own[0]["id"] if own else None), [r for r in found if not own or r["id"] != own[0]["id"]]


# What the traffic declares (norms.py: words per HS chapter, values per kg per chapter), from the
# store's latest shipments. Built on the first request of a process; when older than NORMS_SECONDS
# it is rebuilt in a background thread while requests go on with the one they have, so no request
# waits for it again. The batch judges against its own period instead: the two can differ slightly.
NORMS_SECONDS = 900
NORMS_ROWS = 200_000
_NORMS: dict[str, tuple[float, int, int, TrafficNorms]] = {}  # url -> (built, first id, last id, norms)
_REFRESHING: set[str] = set()


def _build_norms(engine: Engine, key: str) -> tuple[float, int, int, TrafficNorms]:
    query = select(_TABLE.c.id, *(_TABLE.c[c] for c in READS)).order_by(_TABLE.c.id.desc()).limit(NORMS_ROWS)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    ids = [r[0] for r in rows]
    columns = {c: pa.array([r[n + 1] for r in rows], pa.string() if c in TEXT_READS else pa.int64())
               for n, c in enumerate(READS)}
    built = (time.monotonic(), min(ids, default=0), max(ids, default=-1), TrafficNorms.of(columns))
    with _LOCK:
        _NORMS[key] = built
    return built


def _refresh_norms(engine: Engine, key: str) -> None:
    try:
        _build_norms(engine, key)
    finally:
        with _LOCK:
            _REFRESHING.discard(key)


def _store_norms(engine: Engine, own_id: int | None) -> tuple[TrafficNorms, bool]:
    """The store's norms, and whether they count the stored shipment `own_id`."""
    key = engine.url.render_as_string(hide_password=True)
    known = _NORMS.get(key)
    if known is None:
        known = _build_norms(engine, key)
    elif time.monotonic() - known[0] > NORMS_SECONDS:
        with _LOCK:
            start = key not in _REFRESHING
            _REFRESHING.add(key)
        if start:
            threading.Thread(target=_refresh_norms, args=(engine, key), name="norms-refresh", daemon=True).start()
    _, first, last, norms = known
    return norms, own_id is not None and first <= own_id <= last


def score_shipment(*, engine: Engine, record: ShipmentRecord | dict[str, Any], profiles: list[Profile] | None = None) -> dict[str, Any]:
    """`record` is a validated shipment or its flattened row (`shipment_columns`)."""
    row = dict(record) if isinstance(record, dict) else shipment_columns(record)[0]
    with engine.connect() as conn:  # one connection for both reads: a pool checkout costs as much as a query
        plan = _known_plan(profiles, conn)
        if plan is not None:
            row["id"], history = _related(conn, row, plan)
    if plan is None:  # compiled with the connection given back: compiling takes connections of its own
        plan = _compiled_plan(engine)
        with engine.connect() as conn:
            row["id"], history = _related(conn, row, plan)
    norms = _store_norms(engine, row["id"]) if derived_needed(plan.profiles) else None
    result = score_one(row, plan.profiles, history=history, norms=norms)
    result["profile_versions"] = [p.label for p in plan.profiles]
    return result
