"""Benchmarks of the shipment risk model: training time, scoring throughput and peak memory on a
large synthetic feature table (`speed`), and the exploration simulation behind docs/model-exploration.png
(`exploration`).

    .venv/bin/python benchmarks/model.py speed --shipments 1000000 [--cache DIR] [--model FILE] [--repeat 3]
    .venv/bin/python benchmarks/model.py exploration --shipments 100000 --weeks 8 [--population auto|all|inspected] [--no-profiles]

`speed` does not generate and ingest a million shipments (about 12 minutes of ingest alone): it
builds a column-contract table of N shipments by resampling the rows of a generated, ingested
sample (parties and descriptions repeat as in real traffic) and spreads them over 8 weeks.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from interdict.ingest.service import ingest_path
from interdict.simulate import generate
from interdict.store.schema import ready_engine
from interdict.targeting.model import exploration, features, training
from interdict.targeting.model.evaluation import read_truth

START = datetime(2025, 3, 3, tzinfo=timezone.utc)


def _generated(*, shipments: int, days: int, seed: int, folder: Path):
    generate(shipments=shipments, days=days, seed=seed, out=folder)
    engine = ready_engine(f"sqlite:///{folder / 'store.db'}")
    for kind, name in (("shipments", "shipments.ndjson"), ("outcomes", "outcomes.ndjson")):
        ingest_path(folder / name, engine=engine, kind=kind)
    return engine


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _since(start: tuple[float, float]) -> str:
    cpu, wall = _clock()
    return f"{wall - start[1]:.1f} s wall, {cpu - start[0]:.1f} s CPU"


def _sample(args: argparse.Namespace) -> tuple[pa.Table, pa.Table]:
    """The generated, ingested sample; kept in --cache (Parquet) so that runs of two codes read the same."""
    cached = args.cache / f"sample-{args.sample}-{args.seed}" if args.cache else None
    if cached and (cached / "shipments.parquet").exists():
        return pq.read_table(cached / "shipments.parquet"), pq.read_table(cached / "outcomes.parquet")
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        engine = _generated(shipments=args.sample, days=56, seed=args.seed, folder=Path(tmp))
        sample = features.load_shipments(engine=engine)
        outcomes = features.load_outcomes(engine=engine)
        print(f"sample: {sample.num_rows:,} shipments generated and ingested in {time.perf_counter() - began:.0f} s")
    if cached:
        cached.mkdir(parents=True, exist_ok=True)
        pq.write_table(sample, cached / "shipments.parquet")
        pq.write_table(outcomes, cached / "outcomes.parquet")
    return sample, outcomes


def resampled(*, sample: pa.Table, outcomes: pa.Table, shipments: int, seed: int) -> tuple[pa.Table, pa.Table]:
    """`shipments` rows drawn from the sample, spread over 8 weeks in time order, with their outcomes."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, sample.num_rows, size=shipments)
    table = sample.take(pa.array(picks))
    # New keys so that (reporter, shipment_id) stays unique.
    offsets = np.sort(rng.integers(0, 56 * 86_400, size=shipments))
    table = table.set_column(table.schema.get_field_index("id"), "id", pa.array(np.arange(1, shipments + 1)))
    table = table.set_column(table.schema.get_field_index("shipment_id"), "shipment_id",
                             pc.binary_join_element_wise(table.column("shipment_id"), pa.array(picks.astype(str)),
                                                         pa.array(np.arange(shipments).astype(str)), "-"))
    times = pa.array((int(START.timestamp()) + offsets) * 1_000_000, pa.timestamp("us", tz="UTC"))
    table = table.set_column(table.schema.get_field_index("reported_at"), "reported_at", times)
    # Outcomes: the sample's inspections re-attached to the resampled copies of inspected shipments.
    inspected = {(r, s): o for r, s, o in zip(outcomes.column("reporter").to_pylist(),
                                               outcomes.column("shipment_id").to_pylist(), outcomes.to_pylist())}
    copied = []
    for n, (reporter, shipment_id, t) in enumerate(zip(sample.column("reporter").take(pa.array(picks)).to_pylist(),
                                                       sample.column("shipment_id").take(pa.array(picks)).to_pylist(),
                                                       offsets)):
        o = inspected.get((reporter, shipment_id))
        if o is not None:
            copied.append({**o, "shipment_id": f"{shipment_id}-{picks[n]}-{n}",
                           "inspected_at": datetime.fromtimestamp(int(START.timestamp() + t + 7200), tz=timezone.utc),
                           "findings": [{"category": c} for c in o["categories"] or []]})
    return table, features.outcomes_table(copied)


def speed(args: argparse.Namespace) -> None:
    sample, outcomes = _sample(args)
    table, outcome_table = resampled(sample=sample, outcomes=outcomes, shipments=args.shipments, seed=args.seed)
    print(f"table: {table.num_rows:,} shipments, {outcome_table.num_rows:,} inspections; peak memory so far {_peak_mb():,.0f} MB")

    cut = START + timedelta(days=28)
    if args.model and args.model.exists():
        model = training.model_from_bytes(args.model.read_bytes())
        print(f"model: read from {args.model} (training not measured)")
    else:
        began = _clock()
        prepared = training.prepare(shipments=table, outcomes=outcome_table, known_until=cut)
        prepare_s = _since(began)
        fitting = _clock()
        model = training.fit(prepared=prepared, until=cut, validate=not args.no_validate)
        print(f"training on {model.report['window']['shipments']:,} shipments of the window "
              f"({model.report['window']['training_rows']:,} training rows, "
              f"{model.report['window']['inspected']:,} inspected): features {prepare_s}, "
              f"fit {_since(fitting)}; total {_since(began)}; peak memory {_peak_mb():,.0f} MB")
        del prepared
        if args.model:
            args.model.write_bytes(training.model_to_bytes(model))

    for run in range(args.repeat):
        began = _clock()
        scoring = training.prepare(shipments=table, outcomes=outcome_table, known_until=cut)
        prepare_s = _since(began)
        scoring_began = _clock()
        scores = training.score(model=model, prepared=scoring)
        score_s = _since(scoring_began)
        total = time.perf_counter() - began[1]
        print(f"scoring {len(scores.score):,} shipments, run {run + 1}: {_since(began)} "
              f"({len(scores.score) / total:,.0f} shipments/s; party history, encodings and n-grams {prepare_s}; "
              f"per-row features and {len(model.boosters)} boosters' predict {score_s}); peak memory {_peak_mb():,.0f} MB")
    # LightGBM alone, on the very matrix scoring built (both codes have `_features`).
    built = training._features(prepared=scoring, rows=np.arange(table.num_rows), encodings=model.encodings,
                               ngram_rates=model.ngram_rates)
    matrix = np.column_stack([built[n].astype(float) if n in built else np.full(table.num_rows, np.nan)
                              for n in model.feature_names])
    del built
    predicting = _clock()
    for booster in model.boosters:
        booster.predict(matrix, num_threads=model.settings.threads)
    print(f"of which LightGBM's predict alone ({len(model.boosters)} boosters x {model.settings.rounds} rounds, "
          f"{model.settings.threads} threads): {_since(predicting)}")
    del matrix
    top = np.argsort(-scores.probability)[: max(1, len(scores.score) // 50)]
    began = _clock()
    training.score(model=model, prepared=scoring, rows=top, contributions=3)
    print(f"top contributing features for the top 2 % ({len(top):,}): {_since(began)}")


def exploration_run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine = _generated(shipments=args.shipments, days=7 * args.weeks, seed=args.seed, folder=folder)
        shipments = features.load_shipments(engine=engine)
        outcomes = features.load_outcomes(engine=engine)
        truth = read_truth(path=folder / "truth.ndjson")
    if args.profiles:
        # As `interdict model train` reads them (without watchlist hits): the boosters then start from
        # the profiles' score and read their indicators.
        began = time.perf_counter()
        shipments = features.with_profile_indicators(shipments=shipments)
        print(f"profiles' score and indicators: {time.perf_counter() - began:.0f} s")
    first = outcomes.filter(pc.less(outcomes.column("inspected_at"),
                                    pa.scalar(START + timedelta(weeks=2), outcomes.column("inspected_at").type)))
    runs = {}
    for share in (0.0, args.exploration):
        began = time.perf_counter()
        weeks = exploration.simulate(shipments=shipments, first_outcomes=first, truth=truth, start=START,
                                     weeks=args.weeks, exploration=share, seed=args.seed,
                                     settings=training.ModelSettings(seeds=3, rounds=200, population=args.population))
        label = f"exploration {share:.0%} of capacity" if share else "no exploration"
        runs[label] = weeks
        print(f"{label} ({time.perf_counter() - began:.0f} s):")
        for w in weeks:
            print(f"  week {w.week}: {w.found}/{w.illicit} illicit found = recall {w.recall:.2f}"
                  f" (retrained on {w.seizures} seizures, population {w.population})")
    exploration.recall_chart(runs=runs, path=args.out,
                             title=f"Recall at 2 % capacity, outcomes fed back weekly ({args.shipments:,} shipments)")
    print(f"chart: {args.out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--shipments", type=int, default=1_000_000)
    s.add_argument("--sample", type=int, default=100_000)
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("--no-validate", action="store_true")
    s.add_argument("--cache", type=Path, help="folder keeping the generated sample between runs")
    s.add_argument("--model", type=Path, help="model file: written after training, or read to skip training")
    s.add_argument("--repeat", type=int, default=1, help="scoring runs")
    e = sub.add_parser("exploration")
    e.add_argument("--shipments", type=int, default=120_000)
    e.add_argument("--weeks", type=int, default=8)
    e.add_argument("--exploration", type=float, default=0.2)
    e.add_argument("--population", choices=training.POPULATIONS, default="auto", help="the training rows (docs/model.md)")
    e.add_argument("--seed", type=int, default=5)
    e.add_argument("--profiles", action=argparse.BooleanOptionalAction, default=True,
                   help="the profiles' score and indicators as features, as the product's training has them "
                        "(--no-profiles: without, as until session 7; docs/model.md)")
    e.add_argument("--out", type=Path, default=Path("docs/model-exploration.png"))
    args = parser.parse_args()
    (speed if args.what == "speed" else exploration_run)(args)


if __name__ == "__main__":
    sys.exit(main())
