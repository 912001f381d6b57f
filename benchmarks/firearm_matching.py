"""Benchmark of matching a new firearm against every stored one, at 5,000 and 50,000 stored firearms.

Two ways, in the same run on the same database: the store's (candidates chosen by an indexed query
over `firearm_blocking_keys`, only those records read) and the earlier one kept here as the
reference (every stored record read and an in-memory index rebuilt for each query). Prints the
median seconds per query of each, the ratio, and whether both found the same best match.
Run: .venv/bin/python benchmarks/firearm_matching.py [--sizes 5000,50000] [--stores sqlite,postgresql]
     [--queries 30] [--reference-queries 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, select, text

from interdict.firearms.matching import FirearmIndex, rank_candidates
from interdict.firearms.models import read_firearm
from interdict.firearms.seizures import match_firearm, record_seizure
from interdict.firearms.tables import FirearmRow
from interdict.store.database import make_engine, session_for
from interdict.store.schema import ensure_schema

MAKES = [("Zastava", ["M70", "M57", "M88", "CZ99"]), ("Glock", ["17", "19", "26"]), ("CZ", ["75", "83", "Scorpion"]),
         ("Beretta", ["92", "M9"]), ("Makarov", ["PM"]), ("Tokarev", ["TT-33"]), ("Walther", ["PPK", "P99"])]
CALIBRES = ["9mm Para", "7.65 mm", "7.62x25", "9x18", ".22 LR", "7.62x39"]
LOOKALIKE = str.maketrans({"0": "О", "B": "В", "H": "Н", "1": "I", "5": "S", "K": "К", "A": "А", "P": "Р", "C": "С"})


def _serial(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCHKMPTX") for _ in range(rng.randint(0, 2)))
    return letters + ("-" if letters and rng.random() < 0.3 else "") + str(rng.randint(10_000, 9_999_999))


def _firearm(rng: random.Random, n: int) -> dict:
    make, models = rng.choice(MAKES)
    return {"firearm_id": f"FA-{n}", "category": rng.choice(["pistol", "pistol", "revolver", "rifle", "assault_rifle"]), "make": make,
            "model": rng.choice(models), "calibre": rng.choice(CALIBRES), "serial": _serial(rng) if rng.random() < 0.93 else None}


def fill(engine, size: int, rng: random.Random) -> list[dict]:
    stored, per_seizure = [], 50
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for s in range(size // per_seizure):
        firearms = [_firearm(rng, s * per_seizure + i) for i in range(per_seizure)]
        record_seizure(engine=engine, seizure={"report_id": f"SR-{s}", "reporting_agency": "MK-CUSTOMS", "jurisdiction": "MK",
                                               "seized_at": start + timedelta(hours=s), "place": {"country": "MK"}}, firearms=firearms)
        stored += firearms
    return stored


def queries(stored: list[dict], count: int, rng: random.Random) -> list:
    chosen = []
    for n in range(count):
        if n % 3 == 2:
            record = _firearm(rng, 10_000_000 + n)  # a firearm never seen
        else:
            record = dict(rng.choice([s for s in stored[:5000] if s["serial"]]))
            record["serial"] = record["serial"].translate(LOOKALIKE)  # read again, in look-alike Cyrillic
        chosen.append(read_firearm({**record, "firearm_id": "QUERY"}))
    return chosen


def reference_match(engine, firearm):
    """As before: read every stored firearm, index them all, then rank."""
    with session_for(engine) as session:
        rows = session.execute(select(FirearmRow.id, FirearmRow.record)).all()
    index = FirearmIndex(read_firearm({**record, "firearm_id": f"#{row_id}"}) for row_id, record in rows)
    return rank_candidates(firearm, index=index, limit=10, min_score=0.4)


def _timed(function, items) -> tuple[list[float], list]:
    times, results = [], []
    for item in items:
        started = time.perf_counter()
        results.append(function(item))
        times.append(time.perf_counter() - started)
    return times, results


def _engine(store: str, workdir: str):
    if store == "sqlite":
        return make_engine(f"sqlite:///{workdir}/bench-{uuid.uuid4().hex[:6]}.db"), None
    name = f"interdict_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_engine(admin.url.set(database=name).render_as_string(hide_password=False)), (admin, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,50000")
    parser.add_argument("--stores", default="sqlite")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--reference-queries", type=int, default=5)
    args = parser.parse_args()
    print("| store | stored firearms | store query (median s) | reference (median s) | ratio | same best match |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for store in args.stores.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                rng = random.Random(size)
                engine, cleanup = _engine(store, workdir)
                ensure_schema(engine)
                started = time.perf_counter()
                stored = fill(engine, size, rng)
                filled = time.perf_counter() - started
                asked = queries(stored, args.queries, rng)
                new_times, new_results = _timed(lambda q: match_firearm(engine=engine, firearm=q), asked)
                subset = asked[: args.reference_queries]
                old_times, old_results = _timed(lambda q: reference_match(engine, q), subset)
                same = sum((n[0].score if n else None) == (o[0].score if o else None) for n, o in zip(new_results, old_results, strict=False))
                new, old = statistics.median(new_times), statistics.median(old_times)
                print(f"| {store} | {size:,} (filled in {filled:.0f} s) | {new:.4f} | {old:.3f} | {old / new:.0f}x | {same}/{len(subset)} |", flush=True)
                engine.dispose()
                if cleanup:
                    admin, name = cleanup
                    with admin.connect() as conn:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    admin.dispose()


if __name__ == "__main__":
    main()
