"""Targeting on the store: load the shipments of a period (with their history), score them with
the active profiles, assign lanes, keep the run, and write records.md §4.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Engine, insert, select

from interdict.errors import InvalidInput, Problem
from interdict.ingest.models import Shipment
from interdict.inspections.hits import create_hits
from interdict.reporting.cells import neutralise_row
from interdict.store.bulk import bulk_writer
from interdict.store.database import now_utc
from interdict.targeting.condition import SHIPMENT_FIELDS
from interdict.targeting.evaluation import evaluate
from interdict.targeting.lane import assign_lanes
from interdict.targeting.models import RiskScore, ScoringRun
from interdict.targeting.profile import Profile
from interdict.targeting.registry import active_profiles

HISTORY = timedelta(days=180)  # the longest window of the starter library's cross-shipment indicators
_TABLE = Shipment.__table__
_CONTRACT = ["id", "reported_at", *(name for name in SHIPMENT_FIELDS if name in _TABLE.c and name != "id")]
_ARROW = {"text": pa.string(), "list": pa.string(), "number": pa.int64(), "bool": pa.bool_()}
WatchlistHits = Callable[[pa.Table], pa.Array]


def shipments_table(*, engine: Engine, since: datetime | None = None, until: datetime | None = None) -> pa.Table:
    """Shipments reported from `since - HISTORY` to `until`, in the targeting column contract."""
    query = select(*(_TABLE.c[name] for name in _CONTRACT)).order_by(_TABLE.c.reported_at, _TABLE.c.id)
    if since is not None:
        query = query.where(_TABLE.c.reported_at >= since - HISTORY)
    if until is not None:
        query = query.where(_TABLE.c.reported_at <= until)
    columns: list[list[Any]] = [[] for _ in _CONTRACT]
    with engine.connect() as conn:
        for row in conn.execution_options(yield_per=20_000).execute(query):
            for values, value in zip(columns, row, strict=True):
                values.append(value)
    arrays = {
        "id": pa.array(columns[0], pa.int64()),
        "reported_at": pa.array(columns[1], pa.timestamp("us", tz="UTC")),
    }
    for name, values in zip(_CONTRACT[2:], columns[2:], strict=True):
        arrays[name] = pa.array(values, _ARROW[SHIPMENT_FIELDS[name]])
    return pa.table(arrays)


def score_period(
    *, engine: Engine, since: datetime | None = None, until: datetime | None = None, profiles: list[Profile] | None = None,
    engine_name: str = "duckdb", red_share: float = 0.02, random_share: float = 0.005, seed: int = 0,
    watchlist_hits: WatchlistHits | None = None, keep: bool = True,
) -> tuple[int | None, pa.Table]:  # fmt: skip
    """Score and lane every shipment reported in [since, until]; returns (run id, scored table)."""
    if since and until and since > until:
        raise InvalidInput("the period is empty", problems=[Problem("--from", "before_to", since.isoformat(), "must not be after --to")])
    profiles = profiles if profiles is not None else active_profiles(engine=engine)
    shipments = shipments_table(engine=engine, since=since, until=until)
    if watchlist_hits is not None and shipments.num_rows:
        shipments = shipments.append_column("watchlist_hits", watchlist_hits(shipments))
    scored = evaluate(shipments, profiles, engine=engine_name, since=since) if shipments.num_rows else _empty()
    laned = assign_lanes(scored, red_share=red_share, random_share=random_share, seed=seed)
    laned = laned.take(pc.sort_indices(laned, [("score", "descending"), ("priority", "descending"), ("id", "ascending")])) if laned.num_rows else laned
    run_id = None
    if keep:
        run_id = _keep(engine, laned, profiles, since, until, engine_name, red_share, random_share, seed)
        _hit_list(engine, laned)
    return run_id, laned


def _hit_list(engine: Engine, laned: pa.Table) -> None:
    """Red and yellow shipments become hits on their unit's list, with their reasons."""
    if not laned.num_rows:
        return
    wanted = laned.filter(pc.is_in(laned.column("lane"), pa.array(["red", "yellow"])))
    create_hits(engine=engine, scored=[
        {"shipment_pk": r["id"], "unit": r["unit"], "lane": r["lane"], "score": r["score"],
         "reasons": [part for part in (r["reasons"] or "").split("; ") if part],
         "selected_at_random": r["selected_at_random"], "profile_versions": r["profiles"]}
        for r in wanted.select(["id", "unit", "lane", "score", "reasons", "selected_at_random", "profiles"]).to_pylist()
    ])  # fmt: skip


def _empty() -> pa.Table:
    return pa.table({"id": pa.array([], pa.int64()), "reporter": pa.array([], pa.string()), "shipment_id": pa.array([], pa.string()),
                     "unit": pa.array([], pa.string()), "day": pa.array([], pa.date32()), "score": pa.array([], pa.int64()),
                     "reasons": pa.array([], pa.string()), "indicators": pa.array([], pa.list_(pa.string())),
                     "profiles": pa.array([], pa.list_(pa.string())), "priority": pa.array([], pa.int64())})  # fmt: skip


def _keep(engine: Engine, laned: pa.Table, profiles: list[Profile], since: datetime | None, until: datetime | None,
          engine_name: str, red_share: float, random_share: float, seed: int) -> int:  # fmt: skip
    lanes = laned.column("lane").to_pylist() if laned.num_rows else []
    with engine.begin() as conn:
        run_id = conn.execute(insert(ScoringRun.__table__).returning(ScoringRun.__table__.c.id), {
            "started_at": now_utc(), "since": since, "until": until, "engine": engine_name,
            "profiles": [f"{p.label}#{p.content_hash}" for p in profiles], "red_share": red_share,
            "random_share": random_share, "seed": seed, "shipments": laned.num_rows,
            "red": lanes.count("red"), "yellow": lanes.count("yellow"),
        }).scalar_one()  # fmt: skip
        columns = ("run_id", "shipment_pk", "unit", "day", "score", "lane", "selected_at_random", "reasons", "indicators", "profiles")
        rows = zip(
            [run_id] * laned.num_rows, *(laned.column(c).to_pylist() for c in
            ("id", "unit", "day", "score", "lane", "selected_at_random", "reasons", "indicators", "profiles")),
        )  # fmt: skip
        bulk_writer(conn, RiskScore.__table__, columns).insert(conn, list(rows))
    return run_id


def write_scores(laned: pa.Table, *, path: Path) -> int:
    """records.md §4, riskiest first: CSV (formula-safe) or NDJSON by the file's ending."""
    rows = [
        {"reporter": r, "shipment_id": s, "score": score, "lane": lane, "reasons": reasons, "selected_at_random": rnd}
        for r, s, score, lane, reasons, rnd in zip(*(laned.column(c).to_pylist() for c in
            ("reporter", "shipment_id", "score", "lane", "reasons", "selected_at_random")), strict=True)
    ]  # fmt: skip
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        with open(path, "wb") as handle:
            for row in rows:
                handle.write(orjson.dumps(row) + b"\n")
        return len(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["reporter", "shipment_id", "score", "lane", "reasons", "selected_at_random"])
        writer.writeheader()
        for row in rows:
            writer.writerow(neutralise_row({**row, "selected_at_random": "true" if row["selected_at_random"] else "false"}))
    return len(rows)


def outcomes_table(*, engine: Engine) -> pa.Table:
    """Recorded inspection outcomes (records.md §2) as the backtests read them."""
    from interdict.inspections.models import InspectionOutcome

    table = InspectionOutcome.__table__
    query = select(table.c.reporter, table.c.shipment_id, table.c.inspected_at, table.c.method, table.c.result,
                   table.c.findings, table.c.office)  # fmt: skip
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    finding = pa.struct([("category", pa.string()), ("description", pa.string()), ("quantity", pa.int64())])
    return pa.table({
        "reporter": pa.array([r["reporter"] for r in rows], pa.string()),
        "shipment_id": pa.array([r["shipment_id"] for r in rows], pa.string()),
        "inspected_at": pa.array([r["inspected_at"] for r in rows], pa.timestamp("us", tz="UTC")),
        "method": pa.array([r["method"] for r in rows], pa.string()),
        "result": pa.array([r["result"] for r in rows], pa.string()),
        "findings": pa.array([[{"category": f.get("category"), "description": f.get("description"), "quantity": f.get("quantity")}
                               for f in (r["findings"] or [])] for r in rows], pa.list_(finding)),
        "office": pa.array([r["office"] for r in rows], pa.string()),
    })  # fmt: skip


def run_indicators(*, engine: Engine, run_id: int | None = None) -> tuple[int, pa.Table]:
    """The indicators each shipment fired in a kept scoring run (the latest by default)."""
    runs = ScoringRun.__table__
    scores = RiskScore.__table__
    with engine.connect() as conn:
        run_id = run_id or conn.execute(select(runs.c.id).order_by(runs.c.id.desc()).limit(1)).scalar()
        if run_id is None:
            raise InvalidInput("no scoring run yet", problems=[Problem("--run", "exists", None, "run `interdict score` first")])
        rows = conn.execute(
            select(_TABLE.c.reporter, _TABLE.c.shipment_id, scores.c.indicators)
            .join(_TABLE, _TABLE.c.id == scores.c.shipment_pk).where(scores.c.run_id == run_id)
        ).all()  # fmt: skip
    return run_id, pa.table({
        "reporter": pa.array([r[0] for r in rows], pa.string()),
        "shipment_id": pa.array([r[1] for r in rows], pa.string()),
        "indicators": pa.array([list(r[2] or []) for r in rows], pa.list_(pa.string())),
    })  # fmt: skip
