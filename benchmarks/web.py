"""Benchmark: 50 concurrent clients on the hit list page and the score API for 60 seconds.

Builds a SQLite store (or uses --database-url) with --shipments shipments, a red or yellow hit on
one in ten, 50 officers' sessions and one partner's API key (--store PATH builds the store there once
and runs every time on a fresh copy of it, so runs of two versions compare on the same data); starts `uvicorn
interdict.web.app:create_app --factory` in a separate process (--workers, default 2) on a free port
of 127.0.0.1; then 50 httpx async clients rotate GET /hits (the page, session cookie), GET
/api/v1/scores (JSON, session cookie) and POST /api/v1/score (one shipment scored in real time,
partner key); --routes hits,scores picks some of them. Prints p50 and p99 latency per route and the
error count (anything but 200).
Run: PYTHONPATH=src:. nice python benchmarks/web.py [--clients 50] [--seconds 60] [--shipments 20000] [--workers 2]
     [--routes hits,scores,score] [--store /tmp/web-20k.db]
Target: zero errors; p99 under one second for 50 clients on two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.factories builds the records

from interdict.access.keys import create_api_key
from interdict.access.sessions import start_session
from interdict.access.users import User, UserCreate, create_user, ensure_agency
from interdict.ingest.models import Shipment
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


def build(url: str, shipments: int) -> None:
    """The store: shipments, hits on one in ten, an officer and its agency."""
    engine = make_engine(url)
    ensure_schema(engine)
    rng = random.Random(7)
    records = [parcel(n) for n in range(shipments)]
    _source, rows = read_bytes(ndjson(records), name="bench.ndjson", kind="shipments")
    ingest_records(rows, engine=engine, kind="shipments", source_name="bench")
    with engine.connect() as conn:
        pks = list(conn.execute(select(Shipment.id)).scalars())
    scored = [{"shipment_pk": pk, "unit": "postal:MK", "lane": rng.choice(["red", "yellow"]), "score": rng.randint(25, 100),
               "reasons": ["pistol parts described as car parts", "newcomer consignee"], "selected_at_random": False,
               "profile_versions": {"firearms_inbound": 1}} for pk in pks[::10]]  # fmt: skip
    create_hits(engine=engine, scored=scored)
    ensure_agency(engine=engine, code="CUSTOMS-MK", name="Customs MK", jurisdiction="MK", kind="customs")
    create_user(engine=engine, new=UserCreate("bench-officer", "Bench Officer", "officer", "CUSTOMS-MK", "benchmark-password-1"))
    engine.dispose()


def sign_in(url: str, clients: int) -> tuple[list[str], str]:
    """The officers' session cookies and the partner's API key, on a store built by `build`."""
    engine = make_engine(url)
    ensure_schema(engine)  # a store built by an older version is brought up to this one's schema
    with engine.connect() as conn:
        user_id = conn.execute(select(User.id).where(User.username == "bench-officer")).scalar_one()
    sessions = [start_session(engine=engine, user_id=user_id) for _ in range(clients)]
    _prefix, key = create_api_key(engine=engine, name="bench partner", reporters=["MKPOST"])
    engine.dispose()
    return sessions, key


ROUTES = {"hits": "GET /hits", "scores": "GET /api/v1/scores", "score": "POST /api/v1/score"}


async def client(number: int, base: str, token: str, key: str, until: float, routes: list[str], timings: dict[str, list[float]],
                 errors: list[str]) -> None:  # fmt: skip
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        n = number  # clients start on different routes
        while time.perf_counter() < until:
            route = routes[n % len(routes)]
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
    # `interdict serve`, as deployed (not bare uvicorn: it sets TCP_NODELAY on the workers' socket)
    command = [sys.executable, "-m", "interdict", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 600  # two cores shared with others: importing alone can take a minute
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
    raise SystemExit("the server did not start within 600 s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--shipments", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url")
    parser.add_argument("--store", type=Path, help="a SQLite store built once (if missing) and copied for each run")
    parser.add_argument("--routes", default="hits,scores,score", help=f"some of {','.join(ROUTES)}")
    args = parser.parse_args()
    routes = [ROUTES[name] for name in args.routes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="interdict-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    if args.store and not args.store.exists():
        print(f"building {args.shipments:,} shipments in {args.store} …")
        build(f"sqlite:///{args.store}", args.shipments)
    if args.store:
        shutil.copyfile(args.store, folder / "bench.db")
    else:
        print(f"building {args.shipments:,} shipments in {url} …")
        build(url, args.shipments)
    sessions, key = sign_in(url, args.clients)
    port = free_port()
    server = start_server(url, folder / "home", port, args.workers)
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=300) as warm:  # first requests load profiles and templates: not measured
            for token in sessions[: args.workers * 2]:
                warm.get("/hits", cookies={"interdict_session": token})
                warm.post("/api/v1/score", json=parcel(999_999), headers={"Authorization": f"Bearer {key}"})
        until = time.perf_counter() + args.seconds

        async def run() -> None:
            await asyncio.gather(*(client(i, base, token, key, until, routes, timings, errors) for i, token in enumerate(sessions)))

        asyncio.run(run())
    finally:
        server.terminate()  # uvicorn lets requests in flight finish: give it a minute, then kill
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # the parent and its worker processes
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)
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
