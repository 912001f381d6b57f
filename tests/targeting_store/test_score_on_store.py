"""Targeting on the store: `interdict score`, kept runs, §4 output, and the profile registry."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from interdict.cli import app
from interdict.errors import Conflict, InvalidInput
from interdict.ingest.service import ingest_path
from interdict.targeting import registry
from interdict.targeting.models import RiskScore, ScoringRun
from interdict.targeting.profile import PACKAGED_PROFILES
from interdict.targeting.service import score_period
from tests.factories import ndjson, shipment

runner = CliRunner()


def _traffic(engine: Engine, tmp_path: Path) -> None:
    ordinary = [shipment(n, items=[{"description": "Cotton T-shirts", "hs_code": "610910", "net_weight_kg": 0.4}],
                         gross_weight_kg=0.5, declared_value=25, currency="EUR") for n in range(60)]  # fmt: skip
    gun = shipment(1000, category="gift", gross_weight_kg=2.4, declared_value=3, currency="EUR", payment_method="cash_on_delivery",
                   items=[{"description": "Pistol slide and barrel / navlaka i cev za pištolj", "hs_code": "930599", "net_weight_kg": 2.2}])  # fmt: skip
    path = tmp_path / "traffic.ndjson"
    path.write_bytes(ndjson([*ordinary, gun]))
    ingest_path(path, engine=engine, kind="shipments")


def test_a_firearm_part_shipment_goes_red_with_true_reasons(engine: Engine, tmp_path: Path) -> None:
    _traffic(engine, tmp_path)
    run_id, laned = score_period(engine=engine, random_share=0)
    top = laned.slice(0, 1).to_pylist()[0]
    assert top["shipment_id"] == "EX000001000"
    assert top["lane"] == "red" and top["score"] > 0
    assert "93" in top["reasons"] or "firearm" in top["reasons"].lower()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RiskScore.__table__).where(RiskScore.__table__.c.run_id == run_id)).scalar_one() == 61
        [profiles] = conn.execute(select(ScoringRun.__table__.c.profiles)).scalars().all()
    assert any(label.startswith("firearms_inbound@") for label in profiles)


def test_score_command_writes_records_md_section_4(configured: Engine, tmp_path: Path) -> None:
    _traffic(configured, tmp_path)
    out = tmp_path / "scores.csv"
    result = runner.invoke(app, ["score", "--output", str(out), "--random-share", "0"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["reporter", "shipment_id", "score", "lane", "reasons", "selected_at_random"]
    scores = [int(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and len(rows) == 61
    assert {r["selected_at_random"] for r in rows} == {"false"}


def test_a_bare_to_date_scores_the_whole_of_that_day(configured: Engine, tmp_path: Path) -> None:
    _traffic(configured, tmp_path)  # every shipment reported 2026-10-01 at 08:00 UTC
    out = tmp_path / "scores.csv"
    result = runner.invoke(app, ["score", "--from", "2026-10-01", "--to", "2026-10-01", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 61


def test_bad_period_is_refused(engine: Engine) -> None:
    from datetime import UTC, datetime

    with pytest.raises(InvalidInput, match="period is empty"):
        score_period(engine=engine, since=datetime(2026, 2, 1, tzinfo=UTC), until=datetime(2026, 1, 1, tzinfo=UTC))


def test_profiles_activate_deactivate_and_roll_back(engine: Engine, tmp_path: Path) -> None:
    registry.ensure_starter_library(engine=engine)
    starter = {p.id for p in registry.active_profiles(engine=engine)}
    assert "firearms_inbound" in starter

    copy = tmp_path / "profiles"
    shutil.copytree(PACKAGED_PROFILES, copy)
    source = (copy / "firearms_inbound.yaml").read_text(encoding="utf-8")
    assert "version: 1" in source or "version: " in source
    changed = copy / "firearms_inbound.yaml"
    import re

    old_version = int(re.search(r"^version:\s*(\d+)", source, re.M).group(1))
    changed.write_text(re.sub(r"^version:\s*\d+", f"version: {old_version + 1}", source, flags=re.M), encoding="utf-8")
    registry.register_profile(engine=engine, path=changed, activate=True)
    active = {p.id: p.version for p in registry.active_profiles(engine=engine)}
    assert active["firearms_inbound"] == old_version + 1

    registry.rollback_profile(engine=engine, profile_id="firearms_inbound")
    assert {p.id: p.version for p in registry.active_profiles(engine=engine)}["firearms_inbound"] == old_version

    registry.deactivate_profile(engine=engine, profile_id="firearms_inbound")
    assert "firearms_inbound" not in {p.id for p in registry.active_profiles(engine=engine)}

    changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited after registration\n", encoding="utf-8")
    with pytest.raises(Conflict):
        registry.register_profile(engine=engine, path=changed)


def test_backtest_and_effectiveness_read_the_store(configured: Engine, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from interdict.targeting.cli import console as targeting_console

    monkeypatch.setattr(targeting_console, "width", 220)
    _traffic(configured, tmp_path)
    outcomes = tmp_path / "outcomes.ndjson"
    outcomes.write_bytes(ndjson([{"reporter": "MKPOST", "shipment_id": "EX000001000", "inspected_at": "2026-10-02T09:00:00+02:00",
                                  "method": "physical", "result": "seizure", "findings": [{"category": "firearm_part", "quantity": 2}]}]))  # fmt: skip
    ingest_path(outcomes, engine=configured, kind="outcomes")
    tested = runner.invoke(app, ["profile", "test", str(PACKAGED_PROFILES / "firearms_inbound.yaml")])
    assert tested.exit_code == 0, tested.output
    assert "seizures_caught" in tested.output and "the store" in tested.output

    assert runner.invoke(app, ["score"]).exit_code == 0
    shown = runner.invoke(app, ["profile", "effectiveness"])
    assert shown.exit_code == 0, shown.output
    line = next(l for l in shown.output.splitlines() if "firearms_inbound." in l and " 1 " in l)
    assert "1.00" in line  # the one inspected hit was a seizure


def test_watchlist_reasons_name_the_entry_and_how_it_matched(engine: Engine, tmp_path: Path) -> None:
    from tests.factories import watch_entry

    _traffic(engine, tmp_path)
    listed = tmp_path / "watch.ndjson"
    listed.write_bytes(ndjson([watch_entry(entry_id="P-777", name="Petrović Marko", aliases=[])]))
    ingest_path(listed, engine=engine, kind="watchlist")
    _, laned = score_period(engine=engine, keep=False)
    reasons = laned.column("reasons").to_pylist()
    named = [r for r in reasons if "NATIONAL-MK/P-777" in (r or "")]
    assert named, reasons[:3]
    assert "transliteration" in named[0] or "token order" in named[0]


def test_a_listed_phone_weighs_more_than_a_shared_name(engine: Engine, tmp_path: Path) -> None:
    from tests.factories import watch_entry

    _traffic(engine, tmp_path)
    listed = tmp_path / "watch.ndjson"
    listed.write_bytes(ndjson([watch_entry(entry_id="PH-1", kind="phone", name="+389 70 123 456", aliases=[])]))
    ingest_path(listed, engine=engine, kind="watchlist")
    _, laned = score_period(engine=engine, keep=False)
    fired = [set(i) for i in laned.column("indicators").to_pylist()]
    assert any("splitting_and_identity.watchlist_contact_hit" in f for f in fired)
    reasons = " ".join(r or "" for r in laned.column("reasons").to_pylist())
    assert "NATIONAL-MK/PH-1: consignee phone matches" in reasons


def test_a_run_screens_the_weeks_it_lanes_not_the_history_and_scores_alike(engine: Engine, tmp_path: Path) -> None:
    """History before a run's lanes feeds cross-shipment counts, which never read watchlist hits:
    screening it would make a daily run screen half a year. Its scores stay those of a run that
    screened everything."""
    from interdict.targeting.screening.hits import screener_from_store, watchlist_hits
    from tests.factories import watch_entry

    rows = [shipment(100 * day + n, reported_at=f"2026-10-{day:02d}T10:00:00+02:00", consignee={"name": "Petrović Marko", "country": "MK"},
                     items=[{"description": "Cotton T-shirts", "hs_code": "610910", "net_weight_kg": 0.4}])
            for day in range(1, 29) for n in range(3)]  # fmt: skip
    path = tmp_path / "traffic.ndjson"
    path.write_bytes(ndjson(rows))
    ingest_path(path, engine=engine, kind="shipments")
    listed = tmp_path / "watch.ndjson"
    listed.write_bytes(ndjson([watch_entry(entry_id="P-777", name="Petrović Marko", aliases=[])]))
    ingest_path(listed, engine=engine, kind="watchlist")
    screener = screener_from_store(engine=engine, as_of=datetime(2026, 10, 28).date())
    seen: list[int] = []
    counting = lambda table: seen.append(table.num_rows) or watchlist_hits(table, screener=screener)  # noqa: E731

    since, until = datetime(2026, 10, 25, tzinfo=timezone.utc), datetime(2026, 10, 28, 23, 59, tzinfo=timezone.utc)
    _, period = score_period(engine=engine, since=since, until=until, watchlist_hits=counting, keep=False)
    _, everything = score_period(engine=engine, watchlist_hits=counting, keep=False)

    assert seen == [3 * (4 + 21), 3 * 28]  # the period and the lanes' lead-in; then the whole store
    whole = {r["shipment_id"]: (r["score"], r["reasons"]) for r in everything.to_pylist()}
    assert {r["shipment_id"]: (r["score"], r["reasons"]) for r in period.to_pylist()} == {
        s: whole[s] for s in period.column("shipment_id").to_pylist()}
    assert all("P-777" in (r or "") for r in period.column("reasons").to_pylist())


def test_workers_registering_the_starter_library_at_once_all_succeed(engine: Engine) -> None:
    """Two uvicorn workers' first requests in a new store register the library together: neither
    may fail on the (profile, version) key; each version is registered once, all switched on."""
    from concurrent.futures import ThreadPoolExecutor

    from interdict.targeting.models import ProfileVersionRow

    with ThreadPoolExecutor(max_workers=6) as pool:
        for done in [pool.submit(registry.ensure_starter_library, engine=engine) for _ in range(6)]:
            done.result()
    with engine.connect() as conn:
        rows = conn.execute(select(ProfileVersionRow.profile_id, ProfileVersionRow.version, ProfileVersionRow.active)).all()
    assert len(rows) == len({(p, v) for p, v, _ in rows}) == len(list(PACKAGED_PROFILES.glob("*.yaml")))
    assert all(active for _, _, active in rows)


def test_a_run_over_one_day_lanes_it_as_a_run_over_the_weeks_before(engine: Engine, tmp_path: Path) -> None:
    """Lanes carry unused places and set their bar from the scores so far: scoring the last day
    alone must not start from an empty bank (it would keep places for days the run never sees)."""
    rows = []
    for day in range(1, 12):
        rows += [shipment(100 * day + n, reported_at=f"2026-10-{day:02d}T10:00:00+02:00",
                          items=[{"description": "Cotton T-shirts", "hs_code": "610910", "net_weight_kg": 0.4}],
                          gross_weight_kg=0.5, declared_value=25, currency="EUR") for n in range(60)]  # fmt: skip
    rows += [shipment(9000 + n, reported_at="2026-10-11T11:00:00+02:00", category="gift", gross_weight_kg=2.4,
                      declared_value=3, currency="EUR", payment_method="cash_on_delivery",
                      items=[{"description": "Pistol slide and barrel", "hs_code": "930599", "net_weight_kg": 2.2}])
             for n in range(3)]  # fmt: skip
    path = tmp_path / "traffic.ndjson"
    path.write_bytes(ndjson(rows))
    ingest_path(path, engine=engine, kind="shipments")
    _, whole = score_period(engine=engine, random_share=0, keep=False)
    _, last_day = score_period(engine=engine, random_share=0, keep=False, since=datetime(2026, 10, 11, tzinfo=timezone.utc),
                               until=datetime(2026, 10, 11, 23, 59, 59, tzinfo=timezone.utc))  # fmt: skip
    lanes = {r["shipment_id"]: r["lane"] for r in whole.to_pylist()}
    assert last_day.num_rows == 63
    assert {r["shipment_id"]: r["lane"] for r in last_day.to_pylist()} == {s: lanes[s] for s in last_day.column("shipment_id").to_pylist()}
    assert [lanes[f"EX{9000 + n:09d}"] for n in range(3)] == ["red"] * 3  # the places of the quiet days waited for them
