"""Targeting on the store: load the shipments of a period (with their history), score them with
the active profiles, assign lanes, keep the run, and write records.md §4.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Engine, func, insert, select

from interdict.errors import InvalidInput, Problem
from interdict.ingest.models import Shipment
from interdict.inspections.hits import create_hits
from interdict.reporting.cells import neutralise_row
from interdict.store.bulk import bulk_writer
from interdict.store.database import now_utc
from interdict.targeting.condition import SHIPMENT_FIELDS
from interdict.targeting.evaluation import HISTORY, blend_model_score, evaluate
from interdict.targeting.lane import CARRY_DAYS, assign_lanes
from interdict.targeting.model.registry import ScoredShipments, active_version, active_window, score_shipments
from interdict.targeting.models import RiskScore, ScoringRun
from interdict.targeting.profile import Profile
from interdict.targeting.registry import active_profiles
from interdict.targeting.screening.hits import hit_kinds, screener_from_store
from interdict.targeting.screening.hits import watchlist_hits as screen_parties
from interdict.targeting.watchlists import WatchlistEntryRow

# Lanes carry unused red places for CARRY_DAYS and set their bar from the scores so far: a period's
# lanes are assigned from this long before it, so that a run over one day lanes it as a run over
# the weeks before would have, instead of starting with no places banked and no scores seen.
LANES_LEAD_IN = timedelta(days=CARRY_DAYS)
# A model learns what its seizures show it. Its share of the blended score grows with the seizures
# it was trained on, reaching the asked weight at MODEL_FULL_TRUST. Alone it may make a shipment
# red from MODEL_RED_TRUST seizures, when its score reaches what the top 0.5 % of its training
# window's shipments reached, and yellow from MODEL_YELLOW_TRUST at the top 2 % (`score_at_top`
# in the registry): a model's scale depends on its training, a share of traffic does not. A fixed
# score (70) let a model trained on a hundred inspected rows, whose median score was 42, make 2 %
# of traffic red-eligible (recall 0.373 -> 0.219, session 3; docs/model.md).
MODEL_FULL_TRUST, MODEL_RED_TRUST, MODEL_YELLOW_TRUST = 10, 5, 3
MODEL_RED_TOP, MODEL_YELLOW_TOP = "0.5%", "2%"
# A model that starts from the profiles' score (`window.start_from`, session 5) corrects their ranking
# rather than replacing it: it is trusted in full from the fewest seizures it may learn from.
MODEL_CORRECTION_TRUST = 3
# The model's share of the blended score `interdict score` asks for, before `model_trust`.
MODEL_WEIGHT_PERCENT = 50
# For models registered without `score_at_top`.
MODEL_RED_FROM, MODEL_YELLOW_FROM = 70, 25
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
    watchlist_hits: WatchlistHits | None = None, screen: bool = True, keep: bool = True,
    use_model: bool = True, model_weight_percent: int = MODEL_WEIGHT_PERCENT,
) -> tuple[int | None, pa.Table]:  # fmt: skip
    """Score and lane every shipment reported in [since, until]; returns (run id, scored table).

    Shippers and consignees are screened against the stored watchlists (entries valid at the end
    of the period) unless `screen` is false or `watchlist_hits` computes the column another way.
    With an active learned model, its score is blended in and its top features join the reasons.
    Lanes are assigned from LANES_LEAD_IN before `since`; only the period's shipments are returned.
    """
    if since and until and since > until:
        raise InvalidInput("the period is empty", problems=[Problem("--from", "before_to", since.isoformat(), "must not be after --to")])
    profiles = profiles if profiles is not None else active_profiles(engine=engine)
    shipments = shipments_table(engine=engine, since=since, until=until)
    lanes_since = since - LANES_LEAD_IN if since is not None else None
    if watchlist_hits is None and screen and shipments.num_rows:
        watchlist_hits = store_watchlist_hits(engine, shipments, until)
    if watchlist_hits is not None and shipments.num_rows:
        hits = _screened_from(watchlist_hits, shipments, lanes_since)
        shipments = shipments.append_column("watchlist_hits", hits).append_column("watchlist_hit_kinds", hit_kinds(hits))
    scored = evaluate(shipments, profiles, engine=engine_name, since=lanes_since) if shipments.num_rows else _empty()
    if "watchlist_hits" in shipments.column_names and scored.num_rows:
        scored = _name_watchlist_matches(scored, shipments)
    model_version = active_version(engine=engine) if use_model else None
    if model_version is not None and scored.num_rows:
        screened = shipments.select(["id", "watchlist_hits"]) if "watchlist_hits" in shipments.column_names else None
        scored = _blend_model(engine, scored, lanes_since, model_weight_percent, screened)
    laned = assign_lanes(scored, red_share=red_share, random_share=random_share, seed=seed)
    if since is not None and laned.num_rows:
        laned = laned.filter(pc.greater_equal(laned.column("reported_at"), pa.scalar(since, laned.column("reported_at").type)))
    laned = laned.take(pc.sort_indices(laned, [("score", "descending"), ("priority", "descending"), ("id", "ascending")])) if laned.num_rows else laned
    run_id = None
    if keep:
        run_id = _keep(engine, laned, profiles, since, until, engine_name, red_share, random_share, seed, model_version)
        _hit_list(engine, laned)
    return run_id, laned


def _screened_from(watchlist_hits: WatchlistHits, shipments: pa.Table, since: datetime | None) -> pa.Array:
    """The parties' watchlist hits of the shipments scored and laned (reported from `since`); the
    history before them only feeds cross-shipment counts, which never read hits (a linked
    shipment's condition may not: `profile.LINKED_UNREADABLE`), so it is not screened: a daily run
    screens its weeks, not half a year."""
    if since is None:
        return watchlist_hits(shipments)
    scored = pc.greater_equal(shipments.column("reported_at"), pa.scalar(since, shipments.column("reported_at").type))
    rows = np.flatnonzero(scored.to_numpy(zero_copy_only=False))
    if len(rows) == shipments.num_rows:
        return watchlist_hits(shipments)
    hits: list[list[str]] = [[] for _ in range(shipments.num_rows)]
    for row, found in zip(rows.tolist(), watchlist_hits(shipments.take(rows)).to_pylist(), strict=True):
        hits[row] = found or []
    return pa.array(hits, pa.list_(pa.string()))


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


def store_watchlist_hits(engine: Engine, shipments: pa.Table, until: datetime | None) -> WatchlistHits | None:
    """How `score` screens parties: against the stored watchlist entries valid at `until` (else at the
    last shipment); None when no entry is stored. The model's registry screens its training rows so too."""
    with engine.connect() as conn:
        if not conn.execute(select(func.count()).select_from(WatchlistEntryRow.__table__)).scalar_one():
            return None
    last = until or pc.max(shipments.column("reported_at")).as_py()
    screener = screener_from_store(engine=engine, as_of=last.date())
    return lambda table: screen_parties(table, screener=screener)


def _name_watchlist_matches(scored: pa.Table, shipments: pa.Table) -> pa.Table:
    """The profile's reason says a party is on a watchlist; say which entry, and how it matched."""
    hits = dict(zip(shipments.column("id").to_pylist(), shipments.column("watchlist_hits").to_pylist(), strict=True))
    reasons = []
    for pk, text, indicators in zip(scored.column("id").to_pylist(), scored.column("reasons").to_pylist(),
                                    scored.column("indicators").to_pylist(), strict=True):  # fmt: skip
        found = hits.get(pk) or []
        if found and any("watchlist" in i for i in indicators or []):
            text = "; ".join([*(r for r in (text or "").split("; ") if r), *(f"watchlist {h}" for h in found[:3])])
        reasons.append(text)
    return scored.set_column(scored.schema.get_field_index("reasons"), "reasons", pa.array(reasons, pa.string()))


def model_trust(window: dict[str, Any], weight: int) -> tuple[int, int | None, int | None]:
    """(blend weight %, score from which the model alone makes red, and yellow; None: never) for the
    model trained on `window` (the registry's), when `weight` % is asked for (see MODEL_FULL_TRUST)."""
    positives = int(window.get("positives", 0))
    full, red, yellow = (MODEL_CORRECTION_TRUST,) * 3 if window.get("start_from") else (
        MODEL_FULL_TRUST, MODEL_RED_TRUST, MODEL_YELLOW_TRUST)
    return (weight * min(positives, full) // full,
            _score_at_top(window, MODEL_RED_TOP, MODEL_RED_FROM) if positives >= red else None,
            _score_at_top(window, MODEL_YELLOW_TOP, MODEL_YELLOW_FROM) if positives >= yellow else None)


def _score_at_top(window: dict[str, Any], share: str, fallback: int) -> int:
    """The model score the top `share` of its training window reached (`fallback` for a model
    registered before the registry kept it)."""
    return (window.get("score_at_top") or {}).get(share, fallback)


def _explained_from(window: dict[str, Any]) -> int:
    """The model score from which a shipment's top features are worked out and shown: the top 2 %
    of traffic by the model's own scale (tree contributions cost several predictions each)."""
    return _score_at_top(window, MODEL_YELLOW_TOP, MODEL_YELLOW_FROM)


def _blend_model(engine: Engine, scored: pa.Table, since: datetime | None, weight: int, screened: pa.Table | None) -> pa.Table:
    """Blend the active model's score in, weighted by the seizures it learned from; a shipment a
    taught model ranks among the top of traffic may go red or yellow even when no profile reached
    its lane threshold (that is what the model is for)."""
    window = active_window(engine=engine)
    result = score_shipments(engine=engine, since=since, explain_from=_explained_from(window), screened=screened)
    return blend_scored(scored, result, window=window, weight=weight)


def blend_scored(scored: pa.Table, result: ScoredShipments, *, window: dict[str, Any], weight: int) -> pa.Table:
    """`scored` (the profiles') with the model's scores `result` blended in as the model trained on
    `window` is trusted (`model_trust`), its lanes and reasons added."""
    weight, red_from, yellow_from = model_trust(window, weight)
    explain_from = _explained_from(window)
    by_pk = {int(pk): (int(score), top) for pk, score, top in zip(result.shipment_pk, result.score, result.top_features, strict=True)}
    pks = scored.column("id").to_pylist()
    model = [by_pk.get(pk, (0, []))[0] for pk in pks]
    blended = blend_model_score(scored, model, model_weight_percent=weight)
    never = pa.scalar(False)
    strong = never if red_from is None else pc.greater_equal(blended.column("model_score"), red_from)
    fair = never if yellow_from is None else pc.greater_equal(blended.column("model_score"), yellow_from)
    reasons = [
        "; ".join([*(r for r in (text or "").split("; ") if r),
                   f"learned model {m}/100: " + ", ".join(name for name, _ in by_pk.get(pk, (0, []))[1])])
        if m >= explain_from else text
        for pk, m, text in zip(pks, model, blended.column("reasons").to_pylist(), strict=True)
    ]  # fmt: skip
    for name, value in (("red_eligible", pc.or_(blended.column("red_eligible"), strong)),
                        ("yellow_eligible", pc.or_(blended.column("yellow_eligible"), fair)),
                        ("reasons", pa.array(reasons, pa.string()))):  # fmt: skip
        blended = blended.set_column(blended.schema.get_field_index(name), name, value)
    return blended


def _empty() -> pa.Table:
    return pa.table({"id": pa.array([], pa.int64()), "reporter": pa.array([], pa.string()), "shipment_id": pa.array([], pa.string()),
                     "unit": pa.array([], pa.string()), "day": pa.array([], pa.date32()), "score": pa.array([], pa.int64()),
                     "reasons": pa.array([], pa.string()), "indicators": pa.array([], pa.list_(pa.string())),
                     "profiles": pa.array([], pa.list_(pa.string())), "priority": pa.array([], pa.int64())})  # fmt: skip


def _keep(engine: Engine, laned: pa.Table, profiles: list[Profile], since: datetime | None, until: datetime | None,
          engine_name: str, red_share: float, random_share: float, seed: int, model_version: int | None) -> int:  # fmt: skip
    lanes = laned.column("lane").to_pylist() if laned.num_rows else []
    with engine.begin() as conn:
        run_id = conn.execute(insert(ScoringRun.__table__).returning(ScoringRun.__table__.c.id), {
            "started_at": now_utc(), "since": since, "until": until, "engine": engine_name,
            "profiles": [f"{p.label}#{p.content_hash}" for p in profiles], "red_share": red_share,
            "model_version": None if model_version is None else str(model_version),
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
