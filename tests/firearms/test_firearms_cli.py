"""`interdict firearms`: an investigator records seizures from files and sees the same firearm
matched across serials read in different scripts; statistics go to a workbook."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import Engine
from typer.testing import CliRunner

from interdict.cli import app
from tests.firearms.firearm_factories import make_firearm

runner = CliRunner()


def seizure_file(tmp_path: Path, report_id: str, serial: str) -> Path:
    document = {
        "report_id": report_id, "reporting_agency": "MK-CUSTOMS", "jurisdiction": "MK",
        "seized_at": "2025-03-14T09:30:00+01:00", "place": {"country": "MK", "office": "ACCU-SKP"},
        "firearms": [make_firearm(firearm_id="FA-1", serial=serial).model_dump(mode="json", exclude_none=True)],
    }  # fmt: skip
    path = tmp_path / f"{report_id}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_recording_a_seizure_matches_its_firearm_against_earlier_ones(configured: Engine, tmp_path: Path) -> None:
    first = runner.invoke(app, ["firearms", "record", str(seizure_file(tmp_path, "SR-A", "BH-40512"))])
    assert first.exit_code == 0, first.output
    assert "no earlier firearm matches" in first.output
    second = runner.invoke(app, ["firearms", "record", str(seizure_file(tmp_path, "SR-B", "ВН 4О512"))])
    assert second.exit_code == 0, second.output
    assert "SR-A" in second.output and "identical serial" in second.output

    listed = runner.invoke(app, ["firearms", "list"])
    assert "SR-A" in listed.output and "SR-B" in listed.output

    book = tmp_path / "stats.xlsx"
    assert runner.invoke(app, ["firearms", "statistics", "--out", str(book)]).exit_code == 0
    assert load_workbook(book).sheetnames


def test_a_file_that_is_not_a_seizure_is_refused_with_the_reason(configured: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = runner.invoke(app, ["firearms", "record", str(bad)])
    assert result.exit_code != 0
