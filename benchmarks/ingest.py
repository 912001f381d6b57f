"""Ingest benchmark: N shipments from NDJSON and from CSV into SQLite and PostgreSQL.

Each run is `interdict ingest` in its own process on a fresh database, timed wall-clock and in CPU
seconds (on a shared machine the CPU time is the steadier figure), with its peak memory read from
the kernel. The process tree (forkserver and ingest workers included, which `getrusage` does not
see) is sampled twice a second for its summed resident size (RSS, and PSS, which counts shared
pages once) and CPU time. In the same session DuckDB merely loads the same file
into a table (what reading the bytes costs), and after each SQLite run the rows that ingest wrote
are inserted again, as plain tuples through `executemany`, into a fresh database with the same
tables and indexes: what SQLite itself costs for those rows, the floor under any ingest. Into
PostgreSQL (on this machine), the CPU of the server's backends serving the run is sampled as well
(its background writer, WAL writer and checkpointer are not counted).

    .venv/bin/python benchmarks/ingest.py --shipments 1000000
    .venv/bin/python benchmarks/ingest.py --shipments 100000 --stores sqlite --formats ndjson
    PYTHONPATH=/old/src .venv/bin/python benchmarks/ingest.py --label before   # another version of the code
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def generate(shipments: int, folder: Path) -> None:
    marker = folder / f".generated-{shipments}"
    if marker.exists():
        return
    from interdict.simulate.generator import generate as simulate

    print(f"generating {shipments:,} shipments into {folder} ...", flush=True)
    simulate(shipments=shipments, days=61, seed=11, out=folder, csv_encoding="utf-8")
    marker.touch()


def _tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    pids += _tree(int(child))
    except OSError:
        pass
    return pids


def _resident_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; PSS shares the pages a process shares with its kin."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


TREE_PEAK: dict[str, float] = {}


def run(command: list[str], env: dict[str, str] | None = None,
        server_pids: Callable[[], list[int]] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB over the process tree, and its output. The whole tree (the
    process, a forkserver and its workers) is also sampled twice a second: TREE_PEAK; so are the
    `server_pids` (PostgreSQL's backends serving the run), whose CPU goes to TREE_PEAK too."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peaks = {"rss": 0, "pss": 0}
    cpu_ticks: dict[int, int] = {}  # last seen user+system ticks of every process of the tree
    server_ticks: dict[int, int] = {}  # and of every server process seen serving it

    def ticks(pids: list[int], seen: dict[int, int]) -> None:
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                seen[pid] = int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                pass

    def sample() -> None:
        while process.poll() is None:
            pids = _tree(process.pid)
            ticks(pids, cpu_ticks)
            if server_pids is not None:
                ticks(server_pids(), server_ticks)
            sizes = [_resident_kib(pid) for pid in pids]
            peaks["rss"] = max(peaks["rss"], sum(r for r, _ in sizes))
            peaks["pss"] = max(peaks["pss"], sum(p for _, p in sizes))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    sampler.join()
    TREE_PEAK.update(rss_mb=peaks["rss"] / 1024, pss_mb=peaks["pss"] / 1024,
                     cpu_seconds=sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK"),
                     server_cpu_seconds=sum(server_ticks.values()) / os.sysconf("SC_CLK_TCK"))
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    # ru_maxrss of children: the largest process among those waited for so far (KiB on Linux);
    # runs go from the smallest expected footprint up, and each also reports its own below.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, output


def _backends(url: str) -> Callable[[], list[int]] | None:
    """The process ids of the PostgreSQL backends connected to `url`'s database (the server runs on
    this machine), asked from another session; None for SQLite."""
    if not url.startswith("postgresql"):
        return None
    admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = admin.url.database

    def pids() -> list[int]:
        with admin.connect() as conn:
            return list(conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()"),
                                     {"name": name}).scalars())  # fmt: skip

    return pids


def ingest_run(path: Path, url: str, home: Path, workers: int) -> dict[str, float | str]:
    env = {**os.environ, "INTERDICT_DATABASE_URL": url, "INTERDICT_HOME": str(home), "COLUMNS": "200",
           "INTERDICT_INGEST_WORKERS": str(workers)}  # fmt: skip
    probe = (
        "import resource, runpy, sys; sys.argv=['interdict','ingest',sys.argv[1]];"
        "from interdict.cli import main\n"
        "try:\n main()\nexcept SystemExit:\n pass\n"
        "me=resource.getrusage(resource.RUSAGE_SELF); kids=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu=me.ru_utime+me.ru_stime+kids.ru_utime+kids.ru_stime\n"
        "print(f'PEAK {me.ru_maxrss} {kids.ru_maxrss} {cpu}')"
    )
    seconds, _, output = run([PYTHON, "-c", probe, str(path)], env, server_pids=_backends(url))
    me, kids, cpu = output.rsplit("PEAK", 1)[1].split()
    summary = next(line for line in output.splitlines() if "batch" in line or "read " in line)
    return {"seconds": seconds, "cpu_seconds": float(cpu), "peak_mb": max(int(me), int(kids)) / 1024,
            "peak_main_mb": int(me) / 1024, "tree_rss_mb": TREE_PEAK["rss_mb"], "tree_pss_mb": TREE_PEAK["pss_mb"],
            "tree_cpu_seconds": TREE_PEAK["cpu_seconds"], "server_cpu_seconds": TREE_PEAK["server_cpu_seconds"],
            "summary": summary.strip()}  # fmt: skip


RAW_INSERT = """
import sqlite3, sys, time
from interdict.store.database import make_engine
from interdict.store.schema import ensure_schema
source, target = sys.argv[1], sys.argv[2]
engine = make_engine("sqlite:///" + target); ensure_schema(engine); engine.dispose()
src = sqlite3.connect(source); dst = sqlite3.connect(target, isolation_level=None)
for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "cache_size=-131072"):
    dst.execute("PRAGMA " + pragma)
rows = wall = cpu = 0.0
for table in ("ingest_batches", "shipment_versions", "shipments", "shipment_items"):
    names = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
    statement = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    cursor = src.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY id")
    while chunk := cursor.fetchmany(2000):
        started, started_cpu = time.perf_counter(), time.process_time()
        dst.execute("BEGIN IMMEDIATE"); dst.executemany(statement, chunk); dst.execute("COMMIT")
        wall += time.perf_counter() - started; cpu += time.process_time() - started_cpu
        rows += len(chunk)
print(f"RAW {wall} {cpu} {int(rows)}")
"""


def raw_insert_run(database: Path, folder: Path) -> dict[str, float]:
    """Insert the rows an SQLite ingest wrote into a fresh database as plain tuples, timed."""
    target = folder / f"raw-{uuid.uuid4().hex[:6]}.db"
    try:
        _, _, output = run([PYTHON, "-c", RAW_INSERT, str(database), str(target)])
    finally:
        for leftover in folder.glob(target.name + "*"):
            leftover.unlink()
    wall, cpu, rows = output.rsplit("RAW", 1)[1].split()
    return {"raw_insert_seconds": float(wall), "raw_insert_cpu_seconds": float(cpu), "raw_insert_rows": int(rows)}


def duckdb_run(path: Path, fmt: str, folder: Path) -> float:
    database = folder / f"duck-{uuid.uuid4().hex[:6]}.duckdb"
    reader = f"read_json('{path}', format='newline_delimited')" if fmt == "ndjson" else f"read_csv('{path}')"
    code = f"import duckdb; c=duckdb.connect('{database}'); c.execute(\"create table t as select * from {reader}\"); c.close()"
    seconds, _, _ = run([PYTHON, "-c", code])
    database.unlink(missing_ok=True)
    return seconds


def fresh_database(store: str, folder: Path, admin_url: str) -> tuple[str, callable]:
    if store == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:6]}.db"
        return f"sqlite:///{path}", lambda: [p.unlink(missing_ok=True) for p in folder.glob(path.name + "*")]  # noqa: B023
    name = f"interdict_bench_{uuid.uuid4().hex[:6]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return admin.url.set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shipments", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "out" / "ingest")
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--formats", default="ndjson,csv")
    parser.add_argument("--workers", default="2", help="comma-separated worker counts to compare, e.g. 0,2")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each combination (the median is reported)")
    parser.add_argument("--no-raw-insert", action="store_true", help="skip the raw SQLite insert of the rows written")
    parser.add_argument("--label", default="", help="names this code version in the output and the results file")
    parser.add_argument("--postgres-url", default=os.environ.get("INTERDICT_TEST_POSTGRES_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"))  # fmt: skip
    args = parser.parse_args()
    folder = args.data / str(args.shipments)
    folder.mkdir(parents=True, exist_ok=True)
    generate(args.shipments, folder)
    files = {"ndjson": folder / "shipments.ndjson", "csv": folder / "shipments.csv"}
    item_rows = sum(1 for _ in open(files["csv"], "rb")) - 1
    records = sum(1 for _ in open(files["ndjson"], "rb"))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"input: {records:,} shipment records, {item_rows:,} item rows; "
          f"NDJSON {files['ndjson'].stat().st_size / 1e6:.0f} MB, CSV {files['csv'].stat().st_size / 1e6:.0f} MB")  # fmt: skip
    results = []
    for fmt in args.formats.split(","):
        reference = statistics.median(duckdb_run(files[fmt], fmt, folder) for _ in range(args.repeat))
        print(f"duckdb load of {fmt}: {reference:.1f} s", flush=True)
        for store in args.stores.split(","):
            for workers in (int(w) for w in args.workers.split(",")):
                runs = []
                for _ in range(args.repeat):
                    url, drop = fresh_database(store, folder, args.postgres_url)
                    try:
                        result = ingest_run(files[fmt], url, folder / "home", workers)
                        if store == "sqlite" and not args.no_raw_insert:
                            result.update(raw_insert_run(Path(url.removeprefix("sqlite:///")), folder))
                    finally:
                        drop()
                    runs.append(result)
                result = {key: statistics.median(r[key] for r in runs) if isinstance(runs[0][key], float) else runs[0][key]
                          for key in runs[0]}  # fmt: skip
                row = {"label": args.label, "format": fmt, "store": store, "workers": workers, "records": records, **result,
                       "runs": runs, "per_second": records / result["seconds"], "cpu_us_per_record": result["cpu_seconds"] / records * 1e6,
                       "duckdb_seconds": reference, "ratio_to_duckdb": result["seconds"] / reference}  # fmt: skip
                results.append(row)
                raw = f", raw SQLite insert of its rows {row['raw_insert_seconds']:.1f} s" if "raw_insert_seconds" in row else ""
                server = f"; PostgreSQL backends' CPU {row['server_cpu_seconds']:.1f} s" if store == "postgresql" else ""
                print(f"{args.label} {fmt:6} -> {store:10} workers={workers}: {row['seconds']:7.1f} s (CPU {row['cpu_seconds']:.1f} s, "
                      f"{row['cpu_us_per_record']:.0f} us/record), {row['per_second']:9,.0f} shipments/s, peak {row['peak_mb']:6.0f} MB "
                      f"(process tree {row['tree_rss_mb']:.0f} MB RSS, {row['tree_pss_mb']:.0f} MB PSS, CPU {row['tree_cpu_seconds']:.1f} s "
                      f"sampled: workers included{server}), "
                      f"{row['ratio_to_duckdb']:.1f}x DuckDB{raw}  [{row['summary']}]", flush=True)  # fmt: skip
    (folder / f"results{'-' + args.label if args.label else ''}.json").write_text(json.dumps(results, indent=2))
    print("\n| code | input | store | workers | seconds | CPU s | server CPU s | shipments/s | peak MB | DuckDB load s | ratio | raw SQLite insert s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        raw = f"{r['raw_insert_seconds']:.1f}" if "raw_insert_seconds" in r else ""
        server = f"{r['server_cpu_seconds']:.1f}" if r["store"] == "postgresql" else ""
        print(f"| {r['label']} | {r['format']} | {r['store']} | {r['workers']} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | {server} | "
              f"{r['per_second']:,.0f} | {r['peak_mb']:.0f} | {r['duckdb_seconds']:.1f} | {r['ratio_to_duckdb']:.1f}x | {raw} |")  # fmt: skip


if __name__ == "__main__":
    main()
