"""Reading alone (no validation, no store): `open_source` over the same CSV (quote all, quote
minimal) and NDJSON files, this tree's readers against those of another revision, alternating
in one run, median of the rounds.

    nice .venv/bin/python benchmarks/reading.py --base e8653e4 --shipments 40000 --rounds 7
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import interdict.ingest.readers as current  # noqa: E402
from tests.ingest.test_outsider_files import COLUMNS, EVERYONE, flat_rows  # noqa: E402


def _readers_at(revision: str, folder: Path):  # type: ignore[no-untyped-def]
    source = subprocess.run(["git", "show", f"{revision}:src/interdict/ingest/readers.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    path = folder / "readers_base.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("readers_base", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["readers_base"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _files(folder: Path, shipments: int) -> dict[str, Path]:
    records = [dict(EVERYONE[n % len(EVERYONE)], shipment_id=f"RR{n:09d}RS") for n in range(shipments)]
    files = {}
    for name, dialect in {"csv, quote all": {"quoting": csv.QUOTE_ALL}, "csv, quote minimal": {}}.items():
        text = io.StringIO(newline="")
        writer = csv.writer(text, **dialect)  # type: ignore[arg-type]
        writer.writerow(COLUMNS)
        writer.writerows([row.get(c, "") for c in COLUMNS] for row in flat_rows(records))
        files[name] = folder / f"{len(files)}.csv"
        files[name].write_bytes(text.getvalue().encode())
    files["ndjson"] = folder / "a.ndjson"
    files["ndjson"].write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return files


def _read(module, path: Path) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    _, records = module.open_source(path, kind="shipments")
    count = sum(1 for _ in records)
    return time.perf_counter() - start, count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="git revision whose readers.py is compared")
    parser.add_argument("--shipments", type=int, default=40000)
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = _readers_at(options.base, Path(folder))
        for name, path in _files(Path(folder), options.shipments).items():
            before, after = [], []
            for _ in range(options.rounds):
                (old, n_old), (new, n_new) = _read(base, path), _read(current, path)
                assert n_old == n_new, (name, n_old, n_new)
                before.append(old)
                after.append(new)
            b, a = statistics.median(before), statistics.median(after)
            print(f"{name}: {path.stat().st_size / 1e6:.1f} MB, {n_new} records; {options.base} {b:.3f} s, "
                  f"this tree {a:.3f} s (median of {options.rounds}), ratio {a / b:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
