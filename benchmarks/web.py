"""Benchmark: 50 concurrent clients on the hit list page and the score API for 60 seconds.

Builds a SQLite store (or uses --database-url) with --shipments shipments, a red or yellow hit on
one in ten, 50 officers' sessions and one partner's API key; starts `uvicorn
interdict.web.app:create_app --factory` in a separate process (--workers, default 2) on a free port
of 127.0.0.1; then 50 httpx async clients rotate GET /hits (the page, session cookie), GET
/api/v1/scores (JSON, session cookie) and POST /api/v1/score (one shipment scored in real time,
partner key). Prints p50 and p99 latency per route and the error count (anything but 200).
Run: PYTHONPATH=. .venv/bin/python benchmarks/web.py [--clients 50] [--seconds 60] [--shipments 20000] [--workers 2]
Target: zero errors; p99 under one second for 50 clients on two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.factories builds the records

from interdict.access.keys import create_api_key
from interdict.access.sessions import start_session
from interdict.access.users import UserCreate, create_user, ensure_agency
from interdict.ingest.readers import read_bytes
from interdict.ingest.service import ingest_records
from interdict.inspections.hits import create_hits
from interdict.store.database import make_engine
from interdict.store.schema import ensure_schema
from tests.factories import ndjson, shipment


def parcel(n: int) -> dict:
    """A shipment with its own consignee and shipper (a few hundred repeat customers, as in life)."""
    return shipment(n, consignee={"name": f"Consignee {n % 977}", "street": f"Street {n % 977}", "city": "Skopje", "postcode": "1000",
                                  "country": "MK", "phone": f"070 {n % 977:06d}"},
                    shipper={"name": f"Trading Co {n % 1499}", "city": "Shenzhen", "country": "CN"})  # fmt: skip


def build(url: str, shipments: int, clients: int) -> tuple[list[str], str]:
    """The store; returns the officers' session cookies and the partner's API key."""
    engine = make_engine(url)
    ensure_schema(engine)
    rng = random.Random(7)
    records = [parcel(n) for n in range(shipments)]
    _source, rows = read_bytes(ndjson(records), name="bench.ndjson", kind="shipments")
    ingest_records(rows, engine=engine, kind="shipments", source_name="bench")
    from sqlalchemy import select

    from interdict.ingest.models import Shipment

    with engine.connect() as conn:
        pks = list(conn.execute(select(Shipment.id)).scalars())
    scored = [{"shipment_pk": pk, "unit": "postal:MK", "lane": rng.choice(["red", "yellow"]), "score": rng.randint(25, 100),
               "reasons": ["pistol parts described as car parts", "newcomer consignee"], "selected_at_random": False,
               "profile_versions": {"firearms_inbound": 1}} for pk in pks[::10]]  # fmt: skip
    create_hits(engine=engine, scored=scored)
    ensure_agency(engine=engine, code="CUSTOMS-MK", name="Customs MK", jurisdiction="MK", kind="customs")
    user_id = create_user(engine=engine, new=UserCreate("bench-officer", "Bench Officer", "officer", "CUSTOMS-MK", "benchmark-password-1"))
    sessions = [start_session(engine=engine, user_id=user_id) for _ in range(clients)]
    _prefix, key = create_api_key(engine=engine, name="bench partner", reporters=["MKPOST"])
    engine.dispose()
    return sessions, key


ROUTES = ("GET /hits", "GET /api/v1/scores", "POST /api/v1/score")


async def client(number: int, base: str, token: str, key: str, until: float, timings: dict[str, list[float]], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        n = number  # clients start on different routes
        while time.perf_counter() < until:
            route = ROUTES[n % len(ROUTES)]
            n += 1
            start = time.perf_counter()
            try:
                if route == "POST /api/v1/score":  # a new parcel, scored now with the active profiles
                    body = parcel(1_000_000 + number * 100_000 + n)
                    reply = await http.post("/api/v1/score", json=body, headers={"Authorization": f"Bearer {key}"})
                else:
                    path = route.split()[1] + ("?limit=100" if "scores" in route else "")
                    reply = await http.get(path, cookies={"interdict_session": token})
                if reply.status_code != 200:
                    errors.append(f"{route}: {reply.status_code} {reply.text[:200]}")
            except httpx.HTTPError as error:
                errors.append(f"{route}: {error!r}")
            timings.setdefault(route, []).append(time.perf_counter() - start)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, home: Path, port: int, workers: int) -> subprocess.Popen:
    env = os.environ | {"INTERDICT_DATABASE_URL": url, "INTERDICT_HOME": str(home)}
    command = [sys.executable, "-m", "uvicorn", "interdict.web.app:create_app", "--factory", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--backlog", "2048"]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--shipments", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="interdict-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    print(f"building {args.shipments:,} shipments in {url} …")
    sessions, key = build(url, args.shipments, args.clients)
    port = free_port()
    server = start_server(url, folder / "home", port, args.workers)
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base) as warm:  # first requests load profiles and templates: not measured
            for token in sessions[: args.workers * 2]:
                warm.get("/hits", cookies={"interdict_session": token})
                warm.post("/api/v1/score", json=parcel(999_999), headers={"Authorization": f"Bearer {key}"})
        until = time.perf_counter() + args.seconds

        async def run() -> None:
            await asyncio.gather(*(client(i, base, token, key, until, timings, errors) for i, token in enumerate(sessions)))

        asyncio.run(run())
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(t) for t in timings.values())
    print(f"{args.clients} clients, {args.seconds:.0f} s, {args.workers} uvicorn worker(s), {total:,} requests "
          f"({total / args.seconds:,.0f}/s), errors: {len(errors)}")  # fmt: skip
    for route, values in sorted(timings.items()):
        values.sort()
        p50 = statistics.median(values) * 1000
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
        print(f"  {route:<22} n={len(values):>7,}  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms")
    if errors:
        print("first errors:", errors[:5])
        sys.exit(1)


if __name__ == "__main__":
    main()
