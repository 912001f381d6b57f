"""`interdict firearms trace ...`, `interdict firearms amend|history` and `interdict cases ...`: an
investigator raises a tracing request from a stored firearm, sees it flagged overdue, files the
answer; corrects a misread serial with the history kept; refers the seizure to the prosecutor."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from interdict.cli import app
from interdict.firearms.seizures import get_seizure
from tests.firearms.firearm_factories import make_firearm
from tests.firearms.test_firearms_cli import seizure_file

runner = CliRunner()


def _run(*arguments: str) -> str:
    result = runner.invoke(app, list(arguments), env={"INTERDICT_USER": "inv-1", "INTERDICT_AGENCY": "MK-MVR"})
    assert result.exit_code == 0, result.output
    return result.output


def _record(tmp_path: Path, report_id: str, serial: str) -> None:
    _run("firearms", "record", str(seizure_file(tmp_path, report_id, serial)))


def test_a_tracing_request_from_draft_to_answer_with_its_overdue_flag(configured: Engine, tmp_path: Path) -> None:
    _record(tmp_path, "SR-A", "BH-40512")
    (firearm_id, _), = get_seizure(engine=configured, report_id="SR-A").firearms
    created = _run("firearms", "trace", "create", str(firearm_id), "--id", "TR-1", "--country", "MK", "--case", "KO-1/25",
                   "--ground", "smuggled_across_border", "--use", "criminal_investigation", "--at", "2025-03-15T10:00:00+01:00")
    assert "RS (manufacture)" in created and "AT (last_legal_import)" in created
    _run("firearms", "trace", "send", "TR-1", "--at", "2025-03-16T10:00:00+01:00")

    overdue = _run("firearms", "trace", "list", "--overdue")
    assert "TR-1" in overdue and "OVERDUE" in overdue  # routine: 60 days, long past
    _run("firearms", "trace", "acknowledge", "TR-1", "--note", "RS acknowledged by e-mail")
    _run("firearms", "trace", "respond", "TR-1", "--outcome", "traced", "--country", "RS", "--responding-agency", "RS-MUP",
         "--last-holder", "Zastava Oruzje", "--last-holder-type", "manufacturer", "--diversion", "stolen from a dealer in 2011")
    shown = _run("firearms", "trace", "show", "TR-1")
    assert "draft" in shown and "sent" in shown and "acknowledged" in shown and "answered" in shown
    assert "Zastava Oruzje" in shown and "stolen from a dealer" in shown and "outcome: traced" in shown
    assert "OVERDUE" not in _run("firearms", "trace", "list")
    _run("firearms", "trace", "close", "TR-1")

    refused = runner.invoke(app, ["firearms", "trace", "send", "TR-1", "--by", "inv-1"])
    assert refused.exit_code != 0 and "cannot become sent" in str(refused.exception)


def test_a_corrected_serial_is_kept_in_the_history_and_matched(configured: Engine, tmp_path: Path) -> None:
    _record(tmp_path, "SR-OLD", "BH-40512")
    _record(tmp_path, "SR-NEW", "8H-4")
    seizure_id = get_seizure(engine=configured, report_id="SR-NEW").seizure_id
    corrected = tmp_path / "fa.json"
    corrected.write_text(json.dumps(make_firearm(firearm_id="FA-1", serial="ВН-4О512").model_dump(mode="json", exclude_none=True),
                                    ensure_ascii=False), encoding="utf-8")
    amended = _run("firearms", "amend", str(seizure_id), str(corrected), "--reason", "serial re-read")
    assert "SR-OLD" in amended and "identical serial" in amended
    history = _run("firearms", "history", str(seizure_id))
    assert "serial re-read" in history and "8H-4 -> ВН-4О512" in history


def test_a_seizure_is_referred_and_its_referral_moves_on(configured: Engine, tmp_path: Path) -> None:
    _record(tmp_path, "SR-A", "BH-40512")
    seizure_id = get_seizure(engine=configured, report_id="SR-A").seizure_id
    _run("cases", "refer", str(seizure_id), "--id", "REF-1", "--to-agency", "MK-JO-SKOPJE", "--to-role", "prosecutor",
         "--summary", "Pistol in an air-cargo parcel declared as car parts.", "--offence", "illicit trafficking in firearms")
    listed = _run("cases", "list")
    assert "REF-1" in listed and "MK-JO-SKOPJE" in listed and "SR-A" in listed and "referred" in listed
    _run("cases", "status", "REF-1", "accepted")
    assert "accepted" in _run("cases", "list", "--status", "accepted")
    refused = runner.invoke(app, ["cases", "status", "REF-1", "declined", "--by", "x"])
    assert refused.exit_code != 0
