"""Benchmark: POST /api/v1/score one request at a time, in process, on a store built by benchmarks/web.py.

Sends new parcels through the whole ASGI application (routing, body, validation, the API-key
check, the store round trips, scoring, the reply) by calling it directly on an asyncio loop, as
uvicorn would after parsing the HTTP, and reports the CPU time of one request (all threads: the
scoring runs in the thread pool), median of --rounds rounds: the figure that does not depend on
what else runs on the machine. No network and no HTTP parsing (uvicorn's share; see
benchmarks/score_api.py). With --profile, prints where the time goes (cProfile, cumulative; the
thread pool is bypassed so the profile sees everything). Works on a copy of --store.
Run: PYTHONPATH=src:. nice python benchmarks/score_request.py --store /tmp/store-10k.db [--requests 300] [--profile]
(builds the store with 10,000 shipments first if --store does not exist)
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.web import build, parcel, sign_in
from interdict.store.database import make_engine
from interdict.store.schema import ensure_schema
from interdict.web.app import create_app


async def post(app: Any, key: str, body: bytes) -> int:
    """One POST /api/v1/score through the ASGI app; returns the status."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/api/v1/score", "raw_path": b"/api/v1/score", "root_path": "", "query_string": b"",
             "headers": [(b"host", b"bench"), (b"content-type", b"application/json"), (b"authorization", f"Bearer {key}".encode()),
                         (b"content-length", str(len(body)).encode())],
             "client": ("127.0.0.1", 40000), "server": ("bench", 80), "state": {}}  # fmt: skip
    sent = False
    replies: list[dict] = []

    async def receive() -> dict:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)  # never disconnects
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        replies.append(message)

    await app(scope, receive, send)
    return replies[0]["status"]


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
    app = create_app(engine=engine)
    bodies = iter(json.dumps(parcel(10_000_000 + n)).encode() for n in range(10**9))

    async def requests(count: int) -> None:
        for _ in range(count):
            status = await post(app, key, next(bodies))
            if status != 200:
                raise SystemExit(f"POST /api/v1/score answered {status}")

    async def run() -> None:
        await requests(20)  # profiles compiled, statements cached: not measured
        cpus, walls = [], []
        for _ in range(args.rounds):
            cpu, wall = time.process_time(), time.perf_counter()
            await requests(args.requests)
            cpus.append((time.process_time() - cpu) / args.requests)
            walls.append((time.perf_counter() - wall) / args.requests)
        print(f"POST /api/v1/score in process, {args.rounds} x {args.requests} requests: "
              f"CPU {statistics.median(cpus) * 1000:.2f} ms a request (rounds {', '.join(f'{c * 1000:.2f}' for c in cpus)}), "
              f"wall {statistics.median(walls) * 1000:.2f} ms")
        if args.profile:
            import interdict.targeting.api as endpoint

            async def inline(function, *positional, **named):  # noqa: ANN001, ANN202
                return function(*positional, **named)

            endpoint.run_in_threadpool = inline
            profiler = cProfile.Profile()
            profiler.enable()
            await requests(args.requests)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)

    asyncio.run(run())
    engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
