"""Lanes respect each unit's daily capacity, put priority and risk first, and sample at random
reproducibly; backtests count hits, workload and the seizures a profile would have caught."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa
from factories import BASE_TIME, later, shipment, table
from typer.testing import CliRunner

from interdict.targeting import assign_lanes, backtest, evaluate
from interdict.targeting.cli import app
from interdict.targeting.lane import CARRY_DAYS


def traffic(n=500, hits=30):
    rows = [shipment(id=i, reported_at=later(hours=i % 10)) for i in range(1, n + 1)]
    for i in range(1, hits + 1):
        rows[i * 3].update(shipment(id=rows[i * 3]["id"], descriptions="Pistol barrel", reported_at=later(hours=1)))
    rows[7] = shipment(id=rows[7]["id"], descriptions="Socks", watchlist_hits=["EU:9"], gross_weight_g=2500,
                       category="gift", declared_value_eur_cents=100, reported_at=later(hours=2))
    return table(rows)


def test_red_lane_stays_within_two_percent_and_takes_the_riskiest(starter_profiles):
    laned = assign_lanes(evaluate(traffic(), starter_profiles), random_share=0).to_pylist()
    red = [r for r in laned if r["lane"] == "red"]
    assert len(red) == 10  # ceil(2 % of 500)
    assert min(r["score"] for r in red) >= max(r["score"] for r in laned if r["lane"] != "red" and r["red_eligible"])
    overflow = [r for r in laned if r["red_eligible"] and r["lane"] != "red"]
    assert overflow and all(r["lane"] == "yellow" for r in overflow)


def test_units_and_days_have_their_own_capacity(starter_profiles):
    rows = [shipment(id=i, descriptions="Pistol barrel", mode=("postal" if i % 2 else "express"),
                     reported_at=later(days=i % 2)) for i in range(1, 101)]
    laned = assign_lanes(evaluate(table(rows), starter_profiles), random_share=0).to_pylist()
    per_unit_day = Counter((r["unit"], r["day"]) for r in laned if r["lane"] == "red")
    assert sorted(per_unit_day.values()) == [1, 1]  # 50 shipments per unit-day -> 1 red each


def test_random_share_is_marked_reproducible_and_independent_of_row_order(starter_profiles):
    scored = evaluate(traffic(n=4000, hits=0), starter_profiles)
    first = assign_lanes(scored, random_share=0.005, seed=42)
    again = assign_lanes(scored.take(pa.array(range(scored.num_rows - 1, -1, -1))), random_share=0.005, seed=42)
    picked = {r["id"] for r in first.to_pylist() if r["selected_at_random"]}
    assert picked == {r["id"] for r in again.to_pylist() if r["selected_at_random"]}
    assert 5 <= len(picked) <= 45  # about 0.5 % of 4000
    assert all(r["lane"] == "red" for r in first.to_pylist() if r["selected_at_random"])
    other_seed = {r["id"] for r in assign_lanes(scored, random_share=0.005, seed=43).to_pylist() if r["selected_at_random"]}
    assert other_seed != picked


def test_one_strong_sign_outranks_a_pile_of_weak_ones_for_scarce_capacity(starter_profiles):
    rows = [shipment(id=i) for i in range(1, 51)]
    rows[0] = shipment(id=1, category="gift", gross_weight_g=3000, declared_value_eur_cents=100, items_net_weight_g=2500,
                       payment_method="cash_on_delivery", origin_country="US")  # many weak indicators
    rows[1] = shipment(id=2, descriptions="Pistol barrel")  # one strong indicator
    laned = {r["id"]: r for r in assign_lanes(evaluate(table(rows), starter_profiles), random_share=0).to_pylist()}
    assert len(laned[1]["indicators"]) >= 4
    assert laned[1]["score"] < laned[2]["score"]  # a pile of weak signals does not outweigh a named firearm part
    assert laned[2]["lane"] == "red" and laned[1]["lane"] != "red"


def outcomes(rows):
    return pa.Table.from_pylist(rows, schema=pa.schema([
        ("reporter", pa.string()), ("shipment_id", pa.string()), ("inspected_at", pa.timestamp("us", tz="UTC")),
        ("method", pa.string()), ("result", pa.string()),
        ("findings", pa.list_(pa.struct([("category", pa.string()), ("description", pa.string()), ("quantity", pa.int64())]))),
        ("office", pa.string())]))


def recorded(shipments):
    ids = shipments.column("shipment_id").to_pylist()
    return outcomes([
        {"reporter": "MKPOST", "shipment_id": ids[3], "inspected_at": BASE_TIME, "method": "xray", "result": "seizure",
         "findings": [{"category": "pistol", "description": "CZ 75", "quantity": 1}], "office": "POSTAL-SK"},
        {"reporter": "MKPOST", "shipment_id": ids[6], "inspected_at": BASE_TIME, "method": "physical", "result": "no_finding",
         "findings": None, "office": "POSTAL-SK"},
        {"reporter": "MKPOST", "shipment_id": ids[100], "inspected_at": BASE_TIME, "method": "xray", "result": "seizure",
         "findings": [{"category": "drugs", "description": "cannabis", "quantity": 1}], "office": "POSTAL-SK"},
    ])


def test_backtest_counts_hits_workload_and_caught_seizures(starter_profiles):
    shipments = traffic()
    result = backtest(starter_profiles, shipments, recorded(shipments))
    summary = result.summary()
    assert summary["shipments"] == 500 and summary["hits"] == 31
    assert summary["seizures_recorded"] == 2 and summary["seizures_caught"] == 1
    assert sum(result.workload.column("shipments").to_pylist()) == 500
    assert {r["category"]: (r["seizures"], r["caught"]) for r in result.caught_by_category.to_pylist()} == {"pistol": (1, 1), "drugs": (1, 0)}
    named = next(r for r in result.indicators.to_pylist() if r["indicator"] == "firearms_inbound.firearm_parts_named")
    assert (named["hits"], named["inspected"], named["seizures"], named["precision"]) == (30, 2, 1, 0.5)


def test_cli_validates_and_tests_a_profile_on_files(tmp_path, starter_profiles):
    import pyarrow.parquet as pq

    shipments = traffic()
    pq.write_table(shipments, tmp_path / "shipments.parquet")
    pq.write_table(recorded(shipments), tmp_path / "outcomes.parquet")
    inbound = next(p for p in starter_profiles if p.id == "firearms_inbound")
    profile = inbound.source
    runner = CliRunner()
    ok = runner.invoke(app, ["profile", "validate", profile])
    assert ok.exit_code == 0 and inbound.label in ok.output
    (tmp_path / "bad.yaml").write_text("id: Bad Id\nversion: 1\ntitle: x\nindicators: []\n")
    bad = runner.invoke(app, ["profile", "validate", str(tmp_path / "bad.yaml")])
    assert bad.exit_code == 1 and "bad.yaml:1" in bad.output
    tested = runner.invoke(app, ["profile", "test", profile, "--shipments", str(tmp_path / "shipments.parquet"),
                                 "--outcomes", str(tmp_path / "outcomes.parquet"), "--from", "2025-03-01"],
                           env={"COLUMNS": "200"})
    assert tested.exit_code == 0, tested.output
    assert "seizures_caught" in tested.output and "postal:MK" in tested.output


def test_unused_red_places_of_quiet_days_serve_a_burst_within_the_week(starter_profiles):
    quiet = [shipment(id=i, reported_at=later(days=d)) for d in range(3) for i in [100 * d + k for k in range(1, 51)]]
    burst = [shipment(id=1000 + i, descriptions="Pistol barrel", reported_at=later(days=3)) for i in range(1, 5)]
    burst += [shipment(id=2000 + i, reported_at=later(days=3)) for i in range(1, 47)]
    scored = evaluate(table(quiet + burst), starter_profiles)
    carried = assign_lanes(scored, random_share=0).to_pylist()
    assert sum(r["lane"] == "red" for r in carried if r["id"] > 1000) == 4  # 1 place a day, 3 unused before
    daily = assign_lanes(scored, random_share=0, carry_days=0).to_pylist()
    assert sum(r["lane"] == "red" for r in daily if r["id"] > 1000) == 1
    assert sum(r["lane"] == "red" for r in carried) <= 4  # never more than 2 % of the period's 200 shipments


def test_yellow_lane_is_bounded_and_takes_the_riskiest_of_the_rest(starter_profiles):
    rows = [shipment(id=i, reported_at=later(hours=i % 10)) for i in range(1, 501)]
    for i in range(120):  # documents that weigh: yellow-eligible, weak
        rows[i] = shipment(id=rows[i]["id"], category="documents", gross_weight_g=800, items_net_weight_g=700,
                           descriptions="Documents", hs_codes="4901", declared_value_eur_cents=5000)
    for i in range(100, 120):  # and a failed check digit: stronger, still below red
        rows[i]["id_check_valid"] = False
    scored = evaluate(table(rows), starter_profiles)
    laned = assign_lanes(scored, random_share=0).to_pylist()
    yellow = {r["id"] for r in laned if r["lane"] == "yellow"}
    assert len(yellow) == 40  # 8 % of the unit's 500 shipments that day
    assert {r["id"] for r in rows[100:120]} <= yellow
    unbounded = assign_lanes(scored, random_share=0, yellow_share=None).to_pylist()
    assert sum(r["lane"] == "yellow" for r in unbounded) == 120


def test_places_at_the_end_of_their_carry_go_to_the_riskiest_of_the_rest(starter_profiles):
    """A carry with nothing red-eligible: the first day's place, about to be lost, goes to the day's
    riskiest yellow-eligible shipment; a day's places are never spent twice."""
    last = CARRY_DAYS  # the first day's place is on the last day of its carry
    days = [[shipment(id=100 * d + k, reported_at=later(days=d)) for k in range(1, 51)] for d in range(last + 2)]
    days[last][0] = shipment(id=9001, reported_at=later(days=last), category="documents", gross_weight_g=800,
                             items_net_weight_g=700, descriptions="Documents", hs_codes="4901",
                             declared_value_eur_cents=5000, id_check_valid=False)  # heavy documents, failed check digit
    days[last][1] = shipment(id=9002, reported_at=later(days=last), gross_weight_g=2000, declared_value_eur_cents=500,
                             items_net_weight_g=1900)  # cheap for its weight: yellow-eligible, weaker
    scored = evaluate(table([r for day in days for r in day]), starter_profiles)
    laned = {r["id"]: r for r in assign_lanes(scored, random_share=0).to_pylist()}
    assert laned[9001]["lane"] == "red" and not laned[9001]["red_eligible"] and laned[9001]["reasons"]
    assert laned[9002]["lane"] == "yellow"  # one place expired that day, and the first was riskier
    assert sum(r["lane"] == "red" for r in laned.values()) == 1
    kept = {r["id"]: r for r in assign_lanes(scored, random_share=0, use_expiring=False).to_pylist()}
    assert kept[9001]["lane"] == "yellow"
