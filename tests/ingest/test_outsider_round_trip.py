"""The quarantine round trip as a partner does it with their own tools: `interdict quarantine export`,
the file corrected in a spreadsheet or an editor (Python's csv module with Excel's habits, json.dumps
pretty-printed), and `interdict quarantine resubmit`: the corrected records go in exactly as meant,
formula-like text included, and leave the quarantine."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from interdict.cli import app
from interdict.ingest import quarantine as q
from interdict.ingest.models import Shipment
from tests.ingest.test_ingest_files import rows
from tests.ingest.test_outsider_files import EVERYONE, write_csv

runner = CliRunner()
FORMULAS = {"shipper": "=HYPERLINK(\"http://x\")", "consignee": "@Љубица Ђокић", "phone": "+381 11 123 456", "item": "-2 pcs; 'quoted'"}


def _broken_file(tmp_path: Path) -> Path:
    records = [dict(r) for r in EVERYONE]
    records[0] = dict(records[0], origin_country="XX", shipper={"name": FORMULAS["shipper"], "country": "TR"},
                      items=[{"description": FORMULAS["item"], "quantity": 2}])  # fmt: skip
    records[3] = dict(records[3], gross_weight_kg=-1, consignee={"name": FORMULAS["consignee"], "country": "RS",
                                                                 "phone": FORMULAS["phone"]})  # fmt: skip
    path = tmp_path / "in.csv"
    columns = ["reporter", "shipment_id", "reported_at", "mode", "direction", "origin_country", "destination_country",
               "shipper_name", "shipper_country", "consignee_name", "consignee_country", "consignee_phone",
               "gross_weight_kg", "item_description", "item_quantity"]  # fmt: skip
    return write_csv(path, records, columns=columns, delimiter=";", encoding="utf-8-sig")


def _resubmitted(engine: Engine, corrected: Path) -> dict[str, dict]:
    """Resubmits the corrected file: the quarantine is empty after it and the names are as sent."""
    result = runner.invoke(app, ["quarantine", "resubmit", str(corrected)])
    assert result.exit_code == 0, result.output
    assert q.list_quarantined(engine=engine) == []
    stored = {r["shipment_id"]: r for r in rows(engine, Shipment)}
    assert stored["RR000000001RS"]["shipper_name"] == FORMULAS["shipper"]
    assert stored["RR000000011RS"]["consignee_name"] == FORMULAS["consignee"]
    return stored


def test_a_csv_export_corrected_in_a_spreadsheet_comes_back_as_meant(configured: Engine, tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest", str(_broken_file(tmp_path))]).exit_code == 0
    exported = tmp_path / "quarantine.csv"
    assert runner.invoke(app, ["quarantine", "export", "--format", "csv", "--output", str(exported)]).exit_code == 0
    with exported.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert table[0]["shipper_name"] == "'" + FORMULAS["shipper"]  # neutralised for the spreadsheet
    for row in table:  # the partner corrects what the reasons name, and saves as Excel does
        row["origin_country"] = "TR" if row["origin_country"] == "XX" else row["origin_country"]
        row["gross_weight_kg"] = "1,25" if row["gross_weight_kg"] == "'-1" else row["gross_weight_kg"]
    corrected = tmp_path / "corrected.csv"
    with corrected.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write("sep=;\r\n")
        writer = csv.DictWriter(handle, fieldnames=list(table[0]), delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(table)

    stored = _resubmitted(configured, corrected)

    assert stored["RR000000001RS"]["descriptions"] == FORMULAS["item"]
    assert stored["RR000000011RS"]["consignee_phone"] == FORMULAS["phone"]


def test_an_ndjson_export_corrected_and_pretty_printed_comes_back(configured: Engine, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(_broken_file(tmp_path))])
    exported = tmp_path / "quarantine.ndjson"
    runner.invoke(app, ["quarantine", "export", "--output", str(exported)])
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record["origin_country"] = "TR" if record["origin_country"] == "XX" else record["origin_country"]
        record["gross_weight_kg"] = 1.25 if record["gross_weight_kg"] in ("-1", -1) else record["gross_weight_kg"]
    corrected = tmp_path / "corrected.json"
    corrected.write_text("\n".join(json.dumps(r, ensure_ascii=False, indent=2) for r in records), encoding="utf-8")

    _resubmitted(configured, corrected)
