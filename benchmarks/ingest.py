"""Ingest benchmark: N shipments from NDJSON and from CSV into SQLite and PostgreSQL.

Each run is `interdict ingest` in its own process on a fresh database, timed wall-clock, with its
peak memory (the process and its worker processes) read from the kernel. In the same session
DuckDB merely loads the same file into a table: the reference for what reading the bytes costs.

    .venv/bin/python benchmarks/ingest.py --shipments 1000000
    .venv/bin/python benchmarks/ingest.py --shipments 100000 --stores sqlite --formats ndjson
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

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


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB over the process tree, and its output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    # ru_maxrss of children: the largest process among those waited for so far (KiB on Linux);
    # runs go from the smallest expected footprint up, and each also reports its own below.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, output


def ingest_run(path: Path, url: str, home: Path, workers: int) -> dict[str, float | str]:
    env = {**os.environ, "INTERDICT_DATABASE_URL": url, "INTERDICT_HOME": str(home), "COLUMNS": "200",
           "INTERDICT_INGEST_WORKERS": str(workers)}  # fmt: skip
    probe = (
        "import resource, runpy, sys; sys.argv=['interdict','ingest',sys.argv[1]];"
        "from interdict.cli import main\n"
        "try:\n main()\nexcept SystemExit:\n pass\n"
        "me=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; kids=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(f'PEAK {me} {kids}')"
    )
    seconds, _, output = run([PYTHON, "-c", probe, str(path)], env)
    me, kids = (int(x) for x in output.rsplit("PEAK", 1)[1].split())
    summary = next(line for line in output.splitlines() if "batch" in line or "read " in line)
    return {"seconds": seconds, "peak_mb": max(me, kids) / 1024, "peak_main_mb": me / 1024, "summary": summary.strip()}


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
        return f"sqlite:///{path}", lambda: [p.unlink(missing_ok=True) for p in folder.glob(path.name + "*")]
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
        reference = duckdb_run(files[fmt], fmt, folder)
        print(f"duckdb load of {fmt}: {reference:.1f} s", flush=True)
        for store in args.stores.split(","):
            for workers in (int(w) for w in args.workers.split(",")):
                url, drop = fresh_database(store, folder, args.postgres_url)
                try:
                    result = ingest_run(files[fmt], url, folder / "home", workers)
                finally:
                    drop()
                row = {"format": fmt, "store": store, "workers": workers, "records": records, **result,
                       "per_second": records / result["seconds"], "duckdb_seconds": reference,
                       "ratio_to_duckdb": result["seconds"] / reference}  # fmt: skip
                results.append(row)
                print(f"{fmt:6} -> {store:10} workers={workers}: {row['seconds']:7.1f} s, {row['per_second']:9,.0f} shipments/s, "
                      f"peak {row['peak_mb']:6.0f} MB, {row['ratio_to_duckdb']:.1f}x DuckDB  [{row['summary']}]", flush=True)  # fmt: skip
    (folder / "results.json").write_text(json.dumps(results, indent=2))
    print("\n| input | store | workers | seconds | shipments/s | peak MB | DuckDB load s | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['format']} | {r['store']} | {r['workers']} | {r['seconds']:.1f} | {r['per_second']:,.0f} | "
              f"{r['peak_mb']:.0f} | {r['duckdb_seconds']:.1f} | {r['ratio_to_duckdb']:.1f}x |")  # fmt: skip


if __name__ == "__main__":
    main()
