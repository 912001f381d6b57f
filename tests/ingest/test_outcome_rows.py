"""Inspection outcomes in the CSV (and flat Parquet) form: one row per finding, the inspection's
fields repeated, as a shipment has one row per item. A seizure of a pistol and its ammunition is
one inspection with two findings, not two inspections; and what is quarantined comes back the
same way after the partner corrects it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine

from interdict.ingest import quarantine as q
from interdict.ingest.quarantine import flatten_outcome
from interdict.inspections.models import InspectionOutcome
from tests.factories import outcome
from tests.ingest.test_ingest_files import ingest, reasons, rows

PISTOL = {"category": "pistol", "description": "Zastava M57", "quantity": 1}
ROUNDS = {"category": "ammunition", "description": "7.62x25", "quantity": 50}


def _csv(records: list[dict]) -> str:
    flat = [row for record in records for row in flatten_outcome(record)]
    columns = list(dict.fromkeys(c for row in flat for c in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


def _findings(engine: Engine) -> list[list[dict]]:
    return [row["findings"] for row in rows(engine, InspectionOutcome)]


def test_the_finding_rows_of_one_inspection_are_one_outcome_wherever_they_stand(engine: Engine, tmp_path: Path) -> None:
    seizure = outcome(findings=[PISTOL, ROUNDS])
    other = outcome(shipment_id="RR000000019MK", findings=[{"category": "drugs", "description": "cannabis", "quantity": 1}])
    header, pistol, rounds, drugs = _csv([seizure, other]).splitlines()
    path = tmp_path / "outcomes.csv"
    path.write_text("\r\n".join([header, pistol, drugs, rounds]) + "\r\n", encoding="utf-8")  # rows apart

    counts = ingest(engine, path, kind="outcomes")

    assert counts["read"] == 2 and counts["accepted"] == 2
    assert sorted(map(len, _findings(engine))) == [1, 2]
    assert [PISTOL, ROUNDS] in _findings(engine)


def test_a_findings_cell_holding_json_is_read_as_the_list(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    cell = orjson.dumps([PISTOL, ROUNDS]).decode().replace('"', '""')
    path.write_text("reporter,shipment_id,inspected_at,method,result,findings\r\n"
                    f'MKPOST,RR123456785MK,2026-10-02T09:30:00+02:00,xray,seizure,"{cell}"\r\n', encoding="utf-8")

    assert ingest(engine, path, kind="outcomes")["accepted"] == 1
    assert _findings(engine) == [[PISTOL, ROUNDS]]


def test_rows_of_one_inspection_that_disagree_name_both_values(engine: Engine, tmp_path: Path) -> None:
    text = _csv([outcome(findings=[PISTOL, ROUNDS])])
    lines = text.split("\r\n")
    lines[2] = lines[2].replace(",xray,", ",physical,")
    path = tmp_path / "outcomes.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")

    counts = ingest(engine, path, kind="outcomes")

    assert counts["read"] == 1 and counts["quarantined"] == 1
    [reason] = reasons(engine)
    assert (reason["field"], reason["rule"]) == ("method", "same_on_every_row")
    assert "'physical' on line 3" in reason["message"] and "'xray' on line 2" in reason["message"]


def test_a_quarantined_outcome_goes_out_and_back_one_row_per_finding(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text(_csv([outcome(findings=[PISTOL, {**ROUNDS, "category": "bullets"}])]), encoding="utf-8")
    assert ingest(engine, path, kind="outcomes")["quarantined"] == 1

    exported = io.StringIO()
    q.export_quarantined(q.list_quarantined(engine=engine, kind="outcomes"), out=exported, fmt="csv")
    assert exported.getvalue().count("\n") == 3 and "{'category'" not in exported.getvalue()  # rows, not a repr
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(exported.getvalue().replace(",bullets,", ",ammunition,"), encoding="utf-8")

    assert q.resubmit(fixed, engine=engine, kind="outcomes").as_dict()["accepted"] == 1
    assert _findings(engine) == [[PISTOL, ROUNDS]]
    assert q.list_quarantined(engine=engine, kind="outcomes") == []


def test_flat_parquet_outcomes_fold_like_the_csv(engine: Engine, tmp_path: Path) -> None:
    flat = flatten_outcome(outcome(findings=[PISTOL, ROUNDS]))
    path = tmp_path / "outcomes.parquet"
    pq.write_table(pa.Table.from_pylist(flat), path)

    assert ingest(engine, path, kind="outcomes")["accepted"] == 1
    assert _findings(engine) == [[PISTOL, ROUNDS]]
