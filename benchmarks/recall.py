"""Recall of the red lane on generated traffic: the share of illicit shipments that land in red.

`prepare` generates (our generator) or takes a folder of records.md files with a truth.ndjson,
ingests it into a fresh SQLite store, screens every party against the watchlist once and keeps
the shipments (with their hits) as Parquet, so that `measure` can score the same traffic with
changed profiles in seconds. `measure` scores with the profiles, assigns lanes at 2 % and prints
recall and precision, per pattern and per indicator.

Run (from the worktree root):
  PYTHONPATH=src:. python benchmarks/recall.py prepare --seed 3 --out /tmp/recall/s3
  PYTHONPATH=src:. python benchmarks/recall.py measure /tmp/recall/s3 [/tmp/recall/s11 ...]
"""

from __future__ import annotations

import argparse
import glob
import math
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from interdict.simulate.truth import read_truth
from interdict.targeting.evaluation import evaluate
from interdict.targeting.lane import assign_lanes
from interdict.targeting.profile import load_profiles
from interdict.text import fold_description

PROFILES = sorted(glob.glob(str(Path(__file__).parents[1] / "src/interdict/targeting/profiles/*.yaml")))


def prepare(folder: Path, *, seed: int | None, shipments: int, days: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "INTERDICT_DATABASE_URL": f"sqlite:///{folder / 'store.db'}", "INTERDICT_HOME": str(folder)}
    cli = [sys.executable, "-m", "interdict"]
    if seed is not None and not (folder / "shipments.ndjson").exists():
        subprocess.run([*cli, "simulate", "--shipments", str(shipments), "--days", str(days), "--seed", str(seed),
                        "--out", str(folder)], check=True, env=env)  # fmt: skip
    if not (folder / "store.db").exists():
        for kind in ("watchlist", "shipments", "outcomes"):
            subprocess.run([*cli, "ingest", "--kind", kind, str(folder / f"{kind}.ndjson")], check=True, env=env)
    from sqlalchemy import create_engine

    from interdict.targeting.screening.hits import hit_kinds, screener_from_store, watchlist_hits
    from interdict.targeting.service import shipments_table

    engine = create_engine(env["INTERDICT_DATABASE_URL"])
    table = shipments_table(engine=engine)
    last = table.column("reported_at").to_pylist()[-1]
    hits = watchlist_hits(table, screener=screener_from_store(engine=engine, as_of=last.date()))
    table = table.append_column("watchlist_hits", hits).append_column("watchlist_hit_kinds", hit_kinds(hits))
    pq.write_table(table, folder / "screened.parquet")


def _with_model(folder: Path, *, profiles: list, red_share: float, table: pa.Table) -> pa.Table:
    """The whole period scored on the store with its active learned model blended in
    (targeting.service.score_period), the screening hits taken from `prepare`."""
    from sqlalchemy import create_engine

    from interdict.targeting.service import score_period

    hits = dict(zip(table.column("id").to_pylist(), table.column("watchlist_hits").to_pylist(), strict=True))
    _, laned = score_period(engine=create_engine(f"sqlite:///{folder / 'store.db'}"), profiles=profiles, keep=False,
                            red_share=red_share, watchlist_hits=lambda t: pa.array(
                                [hits.get(pk) or [] for pk in t.column("id").to_pylist()], pa.list_(pa.string())))
    return laned


def renormalised(table: pa.Table) -> pa.Table:
    """The descriptions' matching form as this version's ingest computes it (`db renormalise`),
    not as the code that prepared the folder did."""
    forms: dict[str, str] = {}
    norms = [forms.get(d) or forms.setdefault(d, " | ".join(fold_description(i) for i in d.split(" | ")))
             for d in table.column("descriptions").to_pylist()]
    at = table.schema.get_field_index("descriptions_norm")
    return table.set_column(at, "descriptions_norm", pa.array(norms, pa.string()))


def measure(folder: Path, *, profiles: list, red_share: float, detail: bool, model: bool = False,
            since: str | None = None, **lanes) -> tuple[float, float]:
    table = renormalised(pq.read_table(folder / "screened.parquet"))
    truth = read_truth(folder / "truth.ndjson")
    if model:
        laned = _with_model(folder, profiles=profiles, red_share=red_share, table=table)
    else:
        laned = assign_lanes(evaluate(table, profiles), red_share=red_share, **lanes)
    if since:  # only the weeks after the learned model's training window count
        import pyarrow.compute as pc

        laned = laned.filter(pc.greater_equal(pc.cast(laned.column("day"), pa.string()), since))
    rows = laned.select(["reporter", "shipment_id", "unit", "lane", "selected_at_random", "indicators", "score"]).to_pylist()
    red = [r for r in rows if r["lane"] == "red" and not r["selected_at_random"]]
    hit = [r for r in red if (r["reporter"], r["shipment_id"]) in truth]
    illicit = [r for r in rows if (r["reporter"], r["shipment_id"]) in truth]
    recall, precision = len(hit) / max(len(illicit), 1), len(hit) / max(len(red), 1)
    yellow = sum(r["lane"] == "yellow" for r in rows) / len(rows)
    print(f"{folder}: recall {recall:.3f} ({len(hit)}/{len(illicit)}), precision {precision:.3f}, "
          f"red {len(red)} of {len(rows)}, yellow {yellow:.1%}")  # fmt: skip
    traffic, sent = Counter(r["unit"] for r in rows), Counter(r["unit"] for r in red)
    places = {unit: math.floor(red_share * n + 0.5) for unit, n in traffic.items()}  # the period's share per unit
    strong_missed = Counter(r["lane"] for r in illicit if r["score"] >= 80 and r["lane"] != "red")
    print(f"  red by risk {len(red) / len(rows):.2%} of traffic; places unused {sum(max(places[u] - sent[u], 0) for u in traffic)}"
          f" of {sum(places.values())}; most over a unit's share {max(sent[u] - places[u] for u in traffic)}; illicit"
          f" scoring 80+ not red: {dict(strong_missed) or 0}")  # fmt: skip
    if detail:
        def kind(row: dict) -> str:  # `interdict simulate` says threat, the held-out generator pattern
            found = truth[(row["reporter"], row["shipment_id"])]
            return found.get("threat") or found.get("pattern") or "?"

        planted = Counter(kind(r) for r in illicit)
        caught = Counter(kind(r) for r in hit)
        print("  " + ", ".join(f"{t} {caught[t]}/{n}" for t, n in planted.most_common()))
        fired, fired_illicit = Counter(), Counter()
        for r in rows:
            bad = (r["reporter"], r["shipment_id"]) in truth
            for key in r["indicators"] or []:
                fired[key] += 1
                fired_illicit[key] += bad
        for key, n in sorted(fired.items()):
            print(f"  {key:70s} {100 * n / len(rows):6.2f} % fired, {fired_illicit[key] / n:.2f} illicit")
    return recall, precision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--seed", type=int)
    p.add_argument("--shipments", type=int, default=60_000)
    p.add_argument("--days", type=int, default=61)
    p.add_argument("--out", type=Path, required=True)
    m = sub.add_parser("measure")
    m.add_argument("folders", type=Path, nargs="+")
    m.add_argument("--profiles", nargs="*", default=PROFILES)
    m.add_argument("--red-share", type=float, default=0.02)
    m.add_argument("--detail", action="store_true")
    m.add_argument("--red-min-score", type=int, help="try another red_min_score in every profile")
    m.add_argument("--no-expiring", action="store_true", help="lose places at the end of their carry")
    m.add_argument("--horizon-days", type=int, help="spread banked red places over this many days' traffic (0: no bar)")
    m.add_argument("--borrow-share", type=float, help="strong = top share of scores so far, borrows places (0: none)")
    m.add_argument("--debt-places", type=int, help="a unit owes at most this many borrowed places (or --debt-days)")
    m.add_argument("--debt-days", type=int, help="... or this many days of its places, whichever is more")
    m.add_argument("--model", action="store_true", help="score on the store with its active learned model")
    m.add_argument("--since", help="count only shipments of days from YYYY-MM-DD (after the training window)")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.out, seed=args.seed, shipments=args.shipments, days=args.days)
        return
    profiles = load_profiles(args.profiles)
    if args.red_min_score is not None:
        for profile in profiles:
            profile.lanes.red_min_score = args.red_min_score
    lanes = {"use_expiring": False} if args.no_expiring else {}
    if args.horizon_days is not None:
        lanes["horizon_days"] = args.horizon_days or None  # 0: no bar, as before session 5
    if args.borrow_share is not None:
        lanes["borrow_share"] = args.borrow_share or None  # 0: no borrowing, as before session 8
    lanes.update({k: v for k, v in (("debt_places", args.debt_places), ("debt_days", args.debt_days)) if v is not None})
    lanes.update(model=args.model, since=args.since)
    results = [measure(f, profiles=profiles, red_share=args.red_share, detail=args.detail, **lanes) for f in args.folders]
    print(f"mean recall {sum(r for r, _ in results) / len(results):.3f}, "
          f"mean precision {sum(p for _, p in results) / len(results):.3f}")


if __name__ == "__main__":
    main()
