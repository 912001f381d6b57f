"""Lanes respect each unit's daily capacity, put priority and risk first, and sample at random
reproducibly; backtests count hits, workload and the seizures a profile would have caught."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta

import pyarrow as pa
import pytest
from factories import BASE_TIME, later, shipment, table
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from interdict.errors import InvalidInput
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
    # No bar: every red-eligible shipment wants a place (the bar is tested below).
    laned = assign_lanes(evaluate(traffic(), starter_profiles), random_share=0, horizon_days=None).to_pylist()
    red = [r for r in laned if r["lane"] == "red"]
    assert len(red) == 10  # ceil(2 % of 500)
    assert min(r["score"] for r in red) >= max(r["score"] for r in laned if r["lane"] != "red" and r["red_eligible"])
    overflow = [r for r in laned if r["red_eligible"] and r["lane"] != "red"]
    assert overflow and all(r["lane"] == "yellow" for r in overflow)


def test_units_and_days_have_their_own_capacity(starter_profiles):
    rows = [shipment(id=i, descriptions="Pistol barrel", mode=("postal" if i % 2 else "express"),
                     reported_at=later(days=i % 2)) for i in range(1, 101)]
    laned = assign_lanes(evaluate(table(rows), starter_profiles), random_share=0, horizon_days=None).to_pylist()
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
    assert bad.exit_code == 2 and "bad.yaml:1" in bad.output
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
    carried = assign_lanes(scored, random_share=0, horizon_days=None).to_pylist()
    assert sum(r["lane"] == "red" for r in carried if r["id"] > 1000) == 4  # 1 place a day, 3 unused before
    daily = assign_lanes(scored, random_share=0, carry_days=0, horizon_days=None).to_pylist()
    assert sum(r["lane"] == "red" for r in daily if r["id"] > 1000) == 1
    assert sum(r["lane"] == "red" for r in carried) <= 4  # never more than 2 % of the period's 200 shipments


def test_yellow_lane_is_bounded_and_takes_the_riskiest_of_the_rest(starter_profiles):
    rows = [shipment(id=i, reported_at=later(hours=i % 10)) for i in range(1, 501)]
    for i in range(120):  # a failed check digit: yellow-eligible, weak
        rows[i] = shipment(id=rows[i]["id"], id_check_valid=False)
    for i in range(100, 120):  # and documents that weigh: stronger, still below red
        rows[i] = shipment(id=rows[i]["id"], id_check_valid=False, category="documents", gross_weight_g=800,
                           items_net_weight_g=700, descriptions="Documents", hs_codes="4901", declared_value_eur_cents=5000)
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
    days[last][0] = shipment(id=9001, reported_at=later(days=last), descriptions="Business documents",
                             hs_codes="820559")  # a code no table allows for documents: yellow-eligible, weak
    days[last][1] = shipment(id=9002, reported_at=later(days=last), gross_weight_g=2000, declared_value_eur_cents=500,
                             items_net_weight_g=1900)  # cheap for its weight: under red_min_score, riskier
    scored = evaluate(table([r for day in days for r in day]), starter_profiles)
    laned = {r["id"]: r for r in assign_lanes(scored, random_share=0).to_pylist()}
    assert laned[9002]["score"] > laned[9001]["score"] > 0
    assert laned[9002]["lane"] == "red" and not laned[9002]["red_eligible"] and laned[9002]["reasons"]
    assert laned[9001]["lane"] == "yellow"  # one place expired that day, and the other was riskier
    assert sum(r["lane"] == "red" for r in laned.values()) == 1
    kept = {r["id"]: r for r in assign_lanes(scored, random_share=0, use_expiring=False).to_pylist()}
    assert kept[9002]["lane"] == "yellow"


def scored(rows):
    """What `evaluate` gives `assign_lanes`, written directly: (unit, day offset, score, red-eligible,
    yellow-eligible, priority) per shipment."""
    return pa.table({
        "id": pa.array(range(1, len(rows) + 1), pa.int64()), "reporter": ["MKPOST"] * len(rows),
        "shipment_id": [f"S{n}" for n in range(1, len(rows) + 1)], "unit": [r[0] for r in rows],
        "day": pa.array([date(2025, 3, 3) + timedelta(days=r[1]) for r in rows], pa.date32()),
        "score": pa.array([r[2] for r in rows], pa.int64()), "red_eligible": [r[3] for r in rows],
        "yellow_eligible": [r[4] for r in rows], "priority": [r[5] for r in rows]})


def test_a_units_places_wait_for_the_strong_shipments_instead_of_going_to_the_first_weak_ones():
    """One place a day; three weak red-eligible shipments every day for a week, then a burst of four
    strong ones. Spent as they come (no bar, no borrowing), the week's places go to the weak ones and
    one strong shipment gets the burst day's place; with the bar, the places wait for the burst."""
    rows = [("postal:MK", d, 0, False, False, False) for d in range(8) for _ in range(47)]
    rows += [("postal:MK", d, 38, True, True, False) for d in range(7) for _ in range(3)]
    rows += [("postal:MK", 7, 0, False, False, False)] * 3 + [("postal:MK", 7, 70, True, True, False)] * 4
    table = scored(rows)
    laned = assign_lanes(table, random_share=0).to_pylist()
    red = Counter(r["score"] for r in laned if r["lane"] == "red")
    assert red == {70: 4}
    spent = assign_lanes(table, random_share=0, horizon_days=None, borrow_share=None).to_pylist()
    assert Counter(r["score"] for r in spent if r["lane"] == "red") == {38: 7, 70: 1}
    assert all(r["lane"] == "yellow" for r in laned if r["score"] == 38)  # red-eligible, not red: yellow


unit_days = st.lists(st.tuples(st.sampled_from(["postal:MK", "express:MK", "road:RS"]), st.integers(0, 40),
                               st.integers(0, 100), st.booleans(), st.booleans(), st.integers(0, 30)),
                     min_size=150, max_size=400)


def _shipments(drawn):
    return [(unit, day, score, red_ok and score >= 20, yellow_ok or red_ok, red_ok and rare == 0)
            for unit, day, score, red_ok, yellow_ok, rare in drawn]


@settings(max_examples=40, deadline=None)
@given(unit_days, st.floats(0.01, 0.3), st.sampled_from([0, 3, CARRY_DAYS]), st.sampled_from([None, 3, 10]),
       st.sampled_from([None, 0.01, 0.1]), st.sampled_from([0, 1, 2]), st.sampled_from([0, 5]))
def test_no_unit_ever_gets_more_red_places_than_its_share_of_the_traffic_so_far(drawn, share, carry, horizon,
                                                                               borrow, debt_places, debt_days):
    """Every unit and every day: the shipments it sent red by risk up to that day are at most
    red_share of its traffic up to that day (rounded half up), plus what it may borrow from its
    coming days (`debt_places`, or `debt_days` of its largest day's places so far if more; none
    without borrowing or carry), whatever the scores, carry and bar."""
    rows = _shipments(drawn)
    laned = assign_lanes(scored(rows), red_share=share, random_share=0.05, carry_days=carry, horizon_days=horizon,
                         borrow_share=borrow, debt_places=debt_places, debt_days=debt_days)
    by_risk = Counter((r["unit"], r["day"]) for r in laned.to_pylist() if r["lane"] == "red" and not r["selected_at_random"])
    traffic = Counter((r["unit"], r["day"]) for r in laned.to_pylist())
    for unit in {u for u, _ in traffic}:
        sent = seen = largest = 0
        for day in sorted(d for u, d in traffic if u == unit):
            sent += by_risk[unit, day]
            seen += traffic[unit, day]
            largest = max(largest, traffic[unit, day])
            debt = max(debt_places, math.ceil(debt_days * share * largest)) if borrow and carry else 0
            assert sent <= int(share * seen + 0.5) + debt, (unit, day, sent, seen, debt)


@settings(max_examples=40, deadline=None)
@given(unit_days, st.integers(0, 40), st.sampled_from([None, 10]), st.sampled_from([0.01, 0.1]))
def test_a_days_lanes_depend_only_on_that_day_and_the_days_before(drawn, cut, horizon, borrow):
    """The lanes of the days up to `cut` are the same whether or not the later days exist (places
    borrowed from a unit's coming days included: a day never waits for them)."""
    rows = _shipments(drawn)
    full = assign_lanes(scored(rows), red_share=0.1, horizon_days=horizon, borrow_share=borrow).to_pylist()
    known = [r for r in rows if r[1] <= cut]
    if not known:
        return
    ids = [n for n, r in enumerate(rows, start=1) if r[1] <= cut]
    early = scored(known).set_column(0, "id", pa.array(ids, pa.int64())).set_column(
        2, "shipment_id", pa.array([f"S{n}" for n in ids]))
    then = {r["id"]: (r["lane"], r["selected_at_random"])
            for r in assign_lanes(early, red_share=0.1, horizon_days=horizon, borrow_share=borrow).to_pylist()}
    assert then == {r["id"]: (r["lane"], r["selected_at_random"]) for r in full if r["id"] in then}


def test_a_horizon_under_one_day_is_refused_naming_the_setting():
    with pytest.raises(InvalidInput) as refused:
        assign_lanes(scored([("postal:MK", 0, 50, True, True, False)]), horizon_days=0)
    assert [p.field for p in refused.value.problems] == ["horizon_days"]


def test_a_strong_shipment_at_a_unit_with_no_place_left_borrows_one_within_the_debt_bound():
    """road:RS has 5 shipments a day: a red place every ten days (its first on day 4). A score-90
    shipment on its first day borrows a place of the days to come; on day 2 a score-95 one borrows
    the second the unit may owe and a score-90 one finds the debt at its bound and goes yellow,
    though the unit has no yellow place that day either; day 4's place repays a debt, so on day 9
    another borrows. Without borrowing, the first three go green."""
    strong = [(0, 90), (2, 95), (2, 90), (9, 90)]
    rows = [("postal:MK", d, k % 40, False, False, False) for d in range(10) for k in range(200)]  # scores so far
    rows += [("road:RS", d, s, True, True, False) for d, s in strong]
    rows += [("road:RS", d, 0, False, False, False) for d in range(10) for _ in range(5 - sum(d == e for e, _ in strong))]
    table = scored(rows)

    def lanes(**settings):
        laned = assign_lanes(table, random_share=0, **settings).to_pylist()
        return [next(r["lane"] for r in laned if (r["day"], r["score"], r["unit"]) == (date(2025, 3, 3) + timedelta(days=d), s, "road:RS"))
                for d, s in strong]

    assert lanes() == ["red", "red", "yellow", "red"]  # at most 2 places owed (5 days' places: 0.5)
    assert lanes(borrow_share=None) == ["green", "green", "green", "red"]
    assert lanes(debt_places=1) == ["red", "yellow", "yellow", "red"]
    assert lanes(debt_places=0, debt_days=0) == ["yellow", "yellow", "yellow", "red"]  # strong: never green
    laned = assign_lanes(table, random_share=0).to_pylist()
    assert sum(r["lane"] == "red" for r in laned if r["unit"] == "road:RS") == 3  # 2 % of 50, plus 2 owed


@settings(max_examples=40, deadline=None)
@given(unit_days, st.sampled_from([None, 10]), st.sampled_from([0.01, 0.1]))
def test_a_red_eligible_shipment_among_the_top_scores_so_far_never_goes_green(drawn, horizon, borrow):
    """Scores among the top `borrow_share` of all traffic so far (that day and the days before): red,
    or yellow when its unit owes all it may borrow, whatever the yellow share left that day."""
    rows = _shipments(drawn)
    laned = assign_lanes(scored(rows), random_share=0, horizon_days=horizon, borrow_share=borrow).to_pylist()
    for r in laned:
        so_far = [s for _, day, s, *_ in rows if date(2025, 3, 3) + timedelta(days=day) <= r["day"]]
        top = min(s for s in range(102) if sum(x >= s for x in so_far) <= borrow * len(so_far))
        if r["red_eligible"] and r["score"] >= top:
            assert r["lane"] in ("red", "yellow"), (r["unit"], r["day"], r["score"], top)


def test_a_negative_debt_is_refused_naming_the_setting():
    with pytest.raises(InvalidInput) as refused:
        assign_lanes(scored([("postal:MK", 0, 50, True, True, False)]), debt_days=-1, borrow_share=1.5)
    assert [(p.field, p.value) for p in refused.value.problems] == [("borrow_share", 1.5), ("debt_days", -1)]


def test_a_score_of_100_is_strong_even_on_a_runs_first_day_and_when_many_reach_it():
    """50 shipments so far, 3 of them at 100 (6 %, not the top 1 %): the cap is strong all the same.
    road:RS has no place yet (20 shipments); it borrows the two it may owe and the third goes yellow."""
    rows = [("postal:MK", 0, 0, False, False, False)] * 30 + [("road:RS", 0, 0, False, False, False)] * 17
    rows += [("road:RS", 0, 100, True, True, False)] * 3
    laned = assign_lanes(scored(rows), random_share=0).to_pylist()
    assert sorted(r["lane"] for r in laned if r["score"] == 100) == ["red", "red", "yellow"]
