"""The quarantine round trip a partner goes through, and the commands that drive it."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from interdict.cli import app
from interdict.ingest import quarantine as q
from interdict.ingest.service import ingest_path
from tests.factories import csv_text, ndjson, shipment

runner = CliRunner()


def test_export_fix_and_resubmit_empties_the_quarantine(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(1), shipment(2, origin_country="XX"), shipment(3, gross_weight_kg=-2)]))
    ingest_path(path, engine=engine, kind="shipments")
    export = io.StringIO()
    assert q.export_quarantined(q.list_quarantined(engine=engine), out=export, fmt="ndjson") == 2

    corrected = []
    for line in export.getvalue().splitlines():
        record = orjson.loads(line)
        assert record["_reasons"]
        record["origin_country"] = "CN"
        record["gross_weight_kg"] = 2
        corrected.append(record)
    fixed = tmp_path / "fixed.ndjson"
    fixed.write_bytes(ndjson(corrected))
    summary = q.resubmit(fixed, engine=engine, kind="shipments")

    assert summary.as_dict()["accepted"] == 2
    assert q.list_quarantined(engine=engine) == []
    assert len(q.list_quarantined(engine=engine, status="resubmitted")) == 2


def test_csv_export_neutralises_formulas_but_the_store_keeps_them(engine: Engine, tmp_path: Path) -> None:
    record = shipment(1, origin_country="XX", consignee={"name": "=HYPERLINK(\"http://x\")", "country": "MK"})
    path = tmp_path / "in.csv"
    path.write_text(csv_text([record]), encoding="utf-8")
    ingest_path(path, engine=engine, kind="shipments")
    [entry] = q.list_quarantined(engine=engine)
    assert entry["record"]["consignee"]["name"] == '=HYPERLINK("http://x")'

    out = io.StringIO()
    q.export_quarantined([entry], out=out, fmt="csv")
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["consignee_name"] == '\'=HYPERLINK("http://x")'
    assert "origin_country" in row["_reasons"]


def test_cli_ingest_prints_the_accounting_line(configured: Engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from interdict.console import console

    monkeypatch.setattr(console, "width", 250)
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(1), shipment(1), shipment(2, mode="camel")]))
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    assert "read 3, accepted 1, amended 0, duplicates 1, stale 0, quarantined 1" in " ".join(result.output.split())

    listed = runner.invoke(app, ["quarantine", "list"])
    assert "mode: Input should be" in listed.output and "EX000000002" in listed.output


def test_cli_ingest_goes_on_past_a_refused_file_and_fails_at_the_end(configured: Engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from interdict.console import console

    monkeypatch.setattr(console, "width", 250)
    first, archive, last = tmp_path / "a.ndjson", tmp_path / "b.ndjson", tmp_path / "c.ndjson"
    first.write_bytes(ndjson([shipment(1)]))
    archive.write_bytes(b"PK\x03\x04" + ndjson([shipment(2)]))  # a ZIP sent under the file's name
    last.write_bytes(ndjson([shipment(3)]))

    result = runner.invoke(app, ["ingest", str(first), str(archive), str(last)])

    assert result.exit_code == 2, result.output  # a script sees that not everything went in
    output = " ".join(result.output.split())
    assert f"{archive}: refused" in output and "ZIP archive" in output
    assert "read 2, accepted 2" in output and "files refused: 1" in output  # the file after it went in


@pytest.mark.parametrize("module", ["interdict", "interdict.cli"])
def test_cli_reports_bad_options_as_errors_not_tracebacks(configured: Engine, tmp_path: Path, module: str) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(1)]))
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", module, "ingest", str(path), "--kind", "parcels"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "--kind" in done.stderr and "must be one of" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_quarantine_show_and_export(configured: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(1, destination_country="ZZ")]))
    runner.invoke(app, ["ingest", str(path)])
    shown = runner.invoke(app, ["quarantine", "show", "1"])
    assert "destination_country" in shown.output and "ZZ" in shown.output
    out = tmp_path / "bad.csv"
    exported = runner.invoke(app, ["quarantine", "export", "--format", "csv", "--output", str(out)])
    assert exported.exit_code == 0
    assert "ZZ" in out.read_text(encoding="utf-8")
