"""Model settings compared on the red lane: each variant is trained in-process on a kept store, as
`interdict model train` trains, and the whole period is laned as `interdict score` lanes it
(targeting.service: the profiles' scores, `blend_scored`, `assign_lanes`), so that many variants cost
one ingest. The stores are those `benchmarks/heldout/recall.py DIR --with-model --keep HOME` leaves.

    PYTHONPATH=src:. python benchmarks/model_variants.py HOME [HOME ...] --variant default \
        --variant r100:rounds=100 --variant few:days=9 --variant half:weight=25

A variant is `name[:key=value,...]`: keys are ModelSettings fields, `weight` (the blend weight asked
of score_period, default 50) and `days` (train on the first DAYS days instead of the outcome weeks).
Printed per store and variant: the red lane's illicit shipments (recall), the seizures learned
from, and the share of illicit shipments among the 2 % of the period's shipments the model alone
ranks highest, beside the profiles' score alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import create_engine

from interdict.errors import InvalidInput
from interdict.targeting import service
from interdict.targeting.evaluation import evaluate
from interdict.targeting.lane import assign_lanes
from interdict.targeting.model import features, registry, training
from interdict.targeting.registry import active_profiles
from interdict.targeting.screening.hits import hit_kinds

UTC = dt.timezone.utc


@dataclasses.dataclass
class Store:
    name: str
    engine: object
    scored: pa.Table  # the profiles' scores from the lanes' lead-in on, as score_period computes them
    screened: pa.Table
    illicit: np.ndarray  # per row of `period`
    period: pa.Table  # the scored rows of the period itself
    since: dt.datetime
    outcomes_until: dt.datetime


def open_store(home: Path) -> Store:
    """The store and the period `benchmarks/heldout/recall.py` scored, and its truth."""
    run = json.loads((home / "recall.json").read_text())
    first, last, end = (dt.date.fromisoformat(run[k]) for k in ("first_day", "last_day", "outcome_weeks_end"))
    since = dt.datetime.combine(first - dt.timedelta(days=1), dt.time(), UTC)
    until = dt.datetime.combine(last + dt.timedelta(days=3), dt.time(), UTC)
    engine = create_engine(f"sqlite:///{home / 'interdict.db'}")
    shipments = service.shipments_table(engine=engine, since=since, until=until)
    hits = service.store_watchlist_hits(engine, shipments, until)(shipments)
    shipments = shipments.append_column("watchlist_hits", hits).append_column("watchlist_hit_kinds", hit_kinds(hits))
    scored = evaluate(shipments, active_profiles(engine=engine), since=since - service.LANES_LEAD_IN)
    scored = service._name_watchlist_matches(scored, shipments)
    truth = {}
    with open(Path(run["folder"]) / "truth.ndjson", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)
            truth[(t["reporter"], t["shipment_id"])] = bool(t.get("illicit"))
    period = _in_period(scored, since)
    illicit = np.array([truth.get(k, False) for k in zip(period.column("reporter").to_pylist(),
                                                         period.column("shipment_id").to_pylist())])
    # `model train --to DATE`: the outcome weeks' last day at midnight, as recall.py passes it
    return Store(Path(run["folder"]).name, engine, scored, shipments.select(["id", "watchlist_hits"]), illicit,
                 period, since, dt.datetime.combine(end, dt.time(), UTC))


def _in_period(table: pa.Table, since: dt.datetime) -> pa.Table:
    return table.filter(pc.greater_equal(table.column("reported_at"), pa.scalar(since, table.column("reported_at").type)))


def red_lane(store: Store, laned: pa.Table) -> int:
    """Illicit shipments made red by risk (not drawn at random) in the period."""
    laned = _in_period(laned, store.since)
    position = {pk: i for i, pk in enumerate(store.period.column("id").to_pylist())}
    red = pc.and_(pc.equal(laned.column("lane"), "red"), pc.invert(laned.column("selected_at_random"))).to_pylist()
    return sum(1 for pk, r in zip(laned.column("id").to_pylist(), red, strict=True) if r and store.illicit[position[pk]])


def top_share(store: Store, values: np.ndarray, share: float = 0.02) -> float:
    """The share of the period's illicit shipments among its `share` ranked highest (ties at random)."""
    order = np.lexsort((np.random.default_rng(0).random(len(values)), -values))[: int(share * len(values))]
    return float(store.illicit[order].sum() / max(store.illicit.sum(), 1))


def train_and_lane(store: Store, settings: training.ModelSettings, *, weight: int = 50, days: int | None = None
                   ) -> tuple[training.ShipmentModel, registry.ScoredShipments, pa.Table]:
    """Train as `interdict model train` on the outcome weeks (or the first `days` days), score the
    period and lane it as `interdict score` does: (model, its scores, the laned table). Raises
    InvalidInput when training refuses."""
    until = store.since + dt.timedelta(days=days) if days else store.outcomes_until
    shipments = features.load_shipments(engine=store.engine, until=until)
    shipments = registry.with_profiles(shipments=shipments, screened=registry.store_screening(engine=store.engine, until=until))
    prepared = training.prepare(shipments=shipments, outcomes=features.load_outcomes(engine=store.engine), known_until=until)
    model = training.fit(prepared=prepared, since=store.since, until=until, settings=settings, validate=False)
    result = registry.score_shipments(engine=store.engine, model=model, since=store.since - service.LANES_LEAD_IN,
                                      explain_from=101, screened=store.screened)
    laned = assign_lanes(service.blend_scored(store.scored, result, window=model.report["window"], weight=weight))
    return model, result, laned


def unit_model(store: Store, settings: training.ModelSettings | None = None
               ) -> tuple[training.ShipmentModel, pa.Table, np.ndarray, int]:
    """The unit's model trained and laned as `train_and_lane` does: (model, the laned table, its
    scores per row of the period, the blend weight `score` gives it)."""
    model, result, laned = train_and_lane(store, settings or training.ModelSettings())
    weight = service.model_trust(model.report["window"], service.MODEL_WEIGHT_PERCENT)[0]
    return model, laned, period_values(store, result.shipment_pk, result.score), weight


def period_values(store: Store, pks: np.ndarray, values: np.ndarray) -> np.ndarray:
    """`values` (aligned with shipment keys `pks`) per row of the store's period, 0 where missing."""
    by_pk = dict(zip(np.asarray(pks).tolist(), np.asarray(values).tolist(), strict=True))
    return np.array([by_pk.get(pk, 0) for pk in store.period.column("id").to_pylist()], float)


def run_variant(store: Store, settings: training.ModelSettings, *, weight: int, days: int | None) -> dict:
    try:
        model, result, laned = train_and_lane(store, settings, weight=weight, days=days)
    except InvalidInput as refused:  # as recall.py: the profiles alone
        return {"lane": red_lane(store, assign_lanes(store.scored)), "refused": str(refused)[:70]}
    model_scores = period_values(store, result.shipment_pk, result.score)
    return {"lane": red_lane(store, laned), "seizures": model.report["window"]["positives"],
            "model top 2%": round(top_share(store, model_scores), 3)}


def parse_variant(text: str) -> tuple[str, training.ModelSettings, int, int | None]:
    name, _, rest = text.partition(":")
    fields = {f.name: f.type for f in dataclasses.fields(training.ModelSettings)}
    values, weight, days = {}, 50, None
    for part in filter(None, rest.split(",")):
        key, _, value = part.partition("=")
        if key == "weight":
            weight = int(value)
        elif key == "days":
            days = int(value)
        elif key in fields:
            values[key] = type(getattr(training.ModelSettings(), key))(value)
        else:
            raise SystemExit(f"unknown variant key {key!r}: a ModelSettings field, weight or days")
    return name, training.ModelSettings(**values), weight, days


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("homes", type=Path, nargs="+", help="INTERDICT_HOME kept by heldout/recall.py --keep")
    parser.add_argument("--variant", action="append", default=[], help="name[:key=value,...] (default: `default`)")
    args = parser.parse_args(argv)
    variants = [parse_variant(v) for v in args.variant or ["default"]]
    for home in args.homes:
        store = open_store(home)
        profiles = np.array(store.period.column("score").to_pylist(), float)
        print(f"{store.name}: illicit {int(store.illicit.sum())}, profiles alone lane {red_lane(store, assign_lanes(store.scored))}, "
              f"profiles top 2% {top_share(store, profiles):.3f}", flush=True)
        for name, settings, weight, days in variants:
            print(f"  {name:16} {run_variant(store, settings, weight=weight, days=days)}", flush=True)


if __name__ == "__main__":
    main()
