"""Benchmark: POST /api/v1/score one request at a time, in process, on a store built by benchmarks/web.py.

Sends new parcels through the whole ASGI app (FastAPI TestClient, no network: routing, body
parsing, validation, the API-key check, the store round trips, scoring, the reply) and reports the
CPU time and wall time of one request, medians over --rounds rounds: the figure that does not
depend on what else runs on the machine. With --profile, prints where the time of the requests goes
(cProfile, sorted by cumulative time). Works on a copy of --store.
Run: PYTHONPATH=src:. nice python benchmarks/score_request.py --store /tmp/store-10k.db [--requests 300] [--profile]
(builds the store with 10,000 shipments first if --store does not exist)
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from benchmarks.web import build, parcel, sign_in
from interdict.store.database import make_engine
from interdict.store.schema import ensure_schema
from interdict.web.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True, help="a SQLite store built by benchmarks/web.py (built here if missing)")
    parser.add_argument("--requests", type=int, default=300, help="requests per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one more round")
    args = parser.parse_args()
    if not args.store.exists():
        build(f"sqlite:///{args.store}", 10_000)
    folder = Path(tempfile.mkdtemp(prefix="interdict-bench-"))
    shutil.copyfile(args.store, folder / "bench.db")
    url = f"sqlite:///{folder / 'bench.db'}"
    _sessions, key = sign_in(url, 1)
    engine = make_engine(url)
    ensure_schema(engine)
    client = TestClient(create_app(engine=engine))
    headers = {"Authorization": f"Bearer {key}"}
    sent = 0

    def one() -> None:
        nonlocal sent
        sent += 1
        reply = client.post("/api/v1/score", json=parcel(10_000_000 + sent), headers=headers)
        if reply.status_code != 200:
            raise SystemExit(f"{reply.status_code} {reply.text[:300]}")

    for _ in range(20):  # profiles compiled, statements cached: not measured
        one()
    cpus, walls = [], []
    for _ in range(args.rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.requests):
            one()
        cpus.append((time.process_time() - cpu) / args.requests)
        walls.append((time.perf_counter() - wall) / args.requests)
    print(f"POST /api/v1/score in process, {args.rounds} x {args.requests} requests: "
          f"CPU {statistics.median(cpus) * 1000:.2f} ms a request (rounds {', '.join(f'{c * 1000:.2f}' for c in cpus)}), "
          f"wall {statistics.median(walls) * 1000:.2f} ms")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            one()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    client.close()
    engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
