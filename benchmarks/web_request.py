"""Benchmark: one page or API request at a time, in process, on a store built by benchmarks/web.py.

Times GET /hits and GET /api/v1/scores?limit=100 through the ASGI app (FastAPI TestClient, no
network) as the store's officer: what one request costs in the server, without queueing. Works on
a copy of --store, so two versions compare on the same data.
Run: PYTHONPATH=src:. nice python benchmarks/web_request.py --store /tmp/web-20k.db [--requests 40]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from interdict.access.sessions import start_session
from interdict.access.users import User
from interdict.store.database import make_engine
from interdict.store.schema import ensure_schema
from interdict.web.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True, help="a SQLite store built by benchmarks/web.py --store")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="interdict-bench-"))
    shutil.copyfile(args.store, folder / "bench.db")
    engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
    ensure_schema(engine)
    with engine.connect() as conn:
        user_id = conn.execute(select(User.id).where(User.username == "bench-officer")).scalar_one()
    client = TestClient(create_app(engine=engine), cookies={"interdict_session": start_session(engine=engine, user_id=user_id)})
    for path in ("/hits", "/api/v1/scores?limit=100"):
        client.get(path)  # templates compiled, statements cached: not measured
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            reply = client.get(path)
            times.append(time.perf_counter() - start)
            if reply.status_code != 200:
                raise SystemExit(f"{path}: {reply.status_code} {reply.text[:200]}")
        print(f"{path:<28} median {statistics.median(times) * 1000:7.1f} ms  min {min(times) * 1000:6.1f} ms  {len(reply.content):,} bytes")
    engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
