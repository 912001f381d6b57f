"""The main job on a fresh machine: `interdict demo` runs the whole loop and says what it caught."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from interdict.cli import app


def test_demo_generates_ingests_targets_and_reports(configured: Engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from interdict.console import console

    monkeypatch.setattr(console, "width", 200)
    result = CliRunner().invoke(app, ["demo", "--shipments", "1500", "--days", "10", "--data", str(tmp_path / "demo"), "--no-serve"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "1,500 shipments" in text
    assert "shipments.ndjson (ndjson, utf-8)" in text and "quarantined 0" in text
    assert "The catch with profiles and watchlists:" in text and "red" in text
