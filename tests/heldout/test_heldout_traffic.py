"""The held-out traffic generator keeps meeting the records.md contract: everything it writes is taken
in by the platform's ingest, nothing quarantined, and its deliberately wrong check digits are stored
as flags, not rejected."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import Engine, select

from benchmarks.heldout.generate import generate, iso6346_check, s10_check
from interdict.ingest.models import Shipment
from interdict.ingest.service import ingest_path


def own_check(shipment_id: str) -> bool | None:
    """Our own reading of the three identifier forms with a check digit the generator writes (UPU S10,
    AWB with its dash, ISO 6346): whether the digit is right, None for numbering without one."""
    if len(shipment_id) == 13 and shipment_id[:2].isalpha() and shipment_id[2:11].isdigit() and shipment_id[11:].isalpha():
        return s10_check(shipment_id[2:10]) == int(shipment_id[10])
    if len(shipment_id) == 12 and shipment_id[3] == "-" and shipment_id.replace("-", "").isdigit():
        return int(shipment_id[4:11]) % 7 == int(shipment_id[11])
    if len(shipment_id) == 11 and shipment_id[:4].isalpha() and shipment_id[4:].isdigit():
        return iso6346_check(shipment_id[:10]) == int(shipment_id[10])
    return None


def test_generated_folder_is_ingested_whole(engine: Engine, tmp_path: Path) -> None:
    summary = generate(shipments=600, days=14, seed=5, out=tmp_path, start=dt.date(2026, 1, 12), outcome_weeks=1,
                       bad_id_share=0.05)
    lines = [json.loads(line) for line in (tmp_path / "shipments.ndjson").read_text(encoding="utf-8").splitlines()]

    shipments = ingest_path(tmp_path / "shipments.ndjson", engine=engine, kind="shipments").as_dict()
    assert shipments["read"] == len(lines) == summary["records"]
    assert shipments["quarantined"] == 0
    assert shipments["accepted"] == summary["shipments"]
    assert shipments["amended"] + shipments["duplicates"] + shipments["stale"] == len(lines) - summary["shipments"]

    for kind, name, expected in (("watchlist", "watchlist.ndjson", summary["watchlist"]),
                                 ("outcomes", "outcomes.ndjson", summary["outcomes"])):
        d = ingest_path(tmp_path / name, engine=engine, kind=kind).as_dict()
        assert (d["read"], d["quarantined"]) == (expected, 0), kind

    with engine.connect() as conn:
        stored = {(r.reporter, r.shipment_id): r.id_check_valid
                  for r in conn.execute(select(Shipment.reporter, Shipment.shipment_id, Shipment.id_check_valid))}
    checked = {key: own_check(key[1]) for key in stored if own_check(key[1]) is not None}
    wrong = {key for key, right in checked.items() if not right}
    assert wrong, "the generator should plant some wrong check digits"
    # Courier numbers without a check digit are left out: the platform reads plain 11-digit
    # courier numbers (KURIRNET-HR) as air waybills and flags most of them.
    assert {key for key in checked if stored[key] is False} == wrong


def test_truth_has_one_line_per_shipment_and_outcomes_only_for_the_first_weeks(tmp_path: Path) -> None:
    summary = generate(shipments=2000, days=20, seed=3, out=tmp_path, start=dt.date(2026, 1, 12), outcome_weeks=1)
    truth = [json.loads(line) for line in (tmp_path / "truth.ndjson").read_text(encoding="utf-8").splitlines()]
    assert len({(t["reporter"], t["shipment_id"]) for t in truth}) == len(truth) == summary["shipments"]
    illicit = [t for t in truth if t["illicit"]]
    assert 0.005 <= len(illicit) / len(truth) <= 0.02
    assert all(t["pattern"] and t["goods"] for t in illicit)

    reported = {}
    for line in (tmp_path / "shipments.ndjson").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        when = dt.datetime.fromisoformat(rec["reported_at"].replace("Z", "+00:00")).astimezone(dt.timezone(dt.timedelta(hours=1)))
        reported.setdefault((rec["reporter"], rec["shipment_id"]), when.date())
    outcomes = [json.loads(line) for line in (tmp_path / "outcomes.ndjson").read_text(encoding="utf-8").splitlines()]
    assert outcomes and all(reported[(o["reporter"], o["shipment_id"])] < dt.date(2026, 1, 19) for o in outcomes)
    categories = {"pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle", "machine_gun",
                  "other_firearm", "firearm_part", "firearm_component", "ammunition", "converted_or_convertible_weapon",
                  "explosive", "drugs", "cash", "other"}
    for o in outcomes:
        assert o["result"] != "seizure" or (o["findings"] and {f["category"] for f in o["findings"]} <= categories)
    first_week = sum(1 for day in reported.values() if day < dt.date(2026, 1, 19))
    assert 0.01 * first_week <= len(outcomes) <= 0.04 * first_week
