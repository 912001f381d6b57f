"""Linked shipments: a parcel that says nothing is judged by what its siblings (other parcels to the
same phone, address or locker within days) say — on DuckDB, on Spark and one shipment at a time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import BASE_TIME, shipment, table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_targeting_parity import OUTPUT, fast_and_plain, random_rows

from interdict.errors import InvalidInput
from interdict.targeting import evaluate, get_engine, load_profiles, score_one

PROFILE = """
id: linked_test
version: 1
title: Linked shipments
lanes: {red_min_score: 10, yellow_min_score: 5}
indicators:
  - id: parts_named
    weight: 30
    reason: Firearm or firearm parts named
    when: {field: descriptions_norm, keywords: [{list: firearm_parts}, {list: firearm_terms}]}
  - id: sibling_named_parts
    weight: 20
    reason: Another parcel to the same consignee phone within 7 days before named a firearm or its parts
    when: {linked: {per: consignee_phone_norm, within_days: 7, matching: {indicator: parts_named}}, ge: 1}
  - id: heavy_siblings_around
    weight: 5
    reason: Two other parcels to the same address within 3 days either side weigh 2 kg or more
    when:
      linked:
        per: consignee_address_norm
        within_days: 3
        side: around
        matching: {all: [{field: gross_weight_g, ge: 2000}, {field: hs_codes, prefix_in: ["87", "95"]}]}
      ge: 2
"""


@pytest.fixture(scope="module")
def linked_profiles(tmp_path_factory):
    path = tmp_path_factory.mktemp("profiles") / "linked_test.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return load_profiles([path])


def _by_id(scored):
    return {r["id"]: r for r in scored.to_pylist()}


def test_a_quiet_parcel_after_a_sibling_that_named_parts_says_why(linked_profiles, engine):
    phone = "+38970111222"
    rows = [
        shipment(id=1, consignee_phone=phone, shipper_name="Ana", descriptions="Pistol slide", reported_at=BASE_TIME),
        shipment(id=2, consignee_phone=phone, shipper_name="Boris", descriptions="Auto parts",
                 reported_at=BASE_TIME + timedelta(days=3)),
        # look-alikes: the same phone too late, another phone on the same day, the loud parcel itself
        shipment(id=3, consignee_phone=phone, shipper_name="Cvetan", descriptions="Auto parts",
                 reported_at=BASE_TIME + timedelta(days=7, seconds=1)),
        shipment(id=4, consignee_phone="+38970999999", shipper_name="Dragan", descriptions="Auto parts",
                 reported_at=BASE_TIME + timedelta(days=1)),
    ]
    scored = _by_id(evaluate(table(rows), linked_profiles, engine=engine))
    assert scored[2]["indicators"] == ["linked_test.sibling_named_parts"]
    assert "Another parcel to the same consignee phone within 7 days before named a firearm or its parts" in scored[2]["reasons"]
    assert scored[1]["indicators"] == ["linked_test.parts_named"]  # its own sign only: it is not its own sibling
    assert scored[3]["score"] == 0 and scored[4]["score"] == 0


def test_a_sibling_counts_before_the_parcel_only_unless_around(linked_profiles, engine):
    address = dict(consignee_street="Ilindenska 12", consignee_city="Skopje")
    heavy = dict(gross_weight_g=2500, hs_codes="8708")
    rows = [
        shipment(id=11, reported_at=BASE_TIME, **address, **heavy),
        shipment(id=12, reported_at=BASE_TIME + timedelta(days=1), **address),
        shipment(id=13, reported_at=BASE_TIME + timedelta(days=2), **address, **heavy),
        shipment(id=14, reported_at=BASE_TIME + timedelta(days=2), **address, gross_weight_g=2500, hs_codes="4901"),
    ]
    scored = _by_id(evaluate(table(rows), linked_profiles, engine=engine))
    assert "linked_test.heavy_siblings_around" in scored[12]["indicators"]  # 11 before and 13 after
    assert "linked_test.heavy_siblings_around" in scored[14]["indicators"]
    assert scored[11]["score"] == 0 and scored[13]["score"] == 0  # each has one heavy sibling besides itself


def test_linked_conditions_are_checked_at_load(tmp_path):
    bad = PROFILE.replace("{indicator: parts_named}", "{indicator: nowhere}").replace(
        "{field: gross_weight_g, ge: 2000}", "{field: hs_code_unusual, eq: true}")
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_profiles([path])
    rules = {(p.rule, str(p.value)) for p in caught.value.problems}
    assert ("unknown_indicator", "nowhere") in rules
    assert ("linked", "['hs_code_unusual']") in rules


@pytest.mark.spark
def test_duckdb_and_spark_agree_on_linked_figures(linked_profiles, starter_profiles, spark_session):
    profiles = [*starter_profiles, *linked_profiles]
    shipments = table(random_rows(400, seed=17))
    on_duckdb = evaluate(shipments, profiles, engine=get_engine("duckdb")).select(OUTPUT).to_pylist()
    on_spark = evaluate(shipments, profiles, engine=get_engine("spark", session=spark_session)).select(OUTPUT).to_pylist()
    assert sum("linked_test.sibling_named_parts" in r["indicators"] for r in on_duckdb) > 5
    assert on_spark == on_duckdb


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_linked_counts_in_numpy_equal_the_sql_windows_and_the_single_path(linked_profiles, seed):
    rows = random_rows(80, seed=seed)
    for row in rows[::9]:
        row.update(descriptions=None, descriptions_norm=None, consignee_phone=None, consignee_phone_norm=None)
    fast, plain = fast_and_plain(rows, linked_profiles)
    assert fast == plain
    batch = _by_id(evaluate(table(rows), linked_profiles))
    for row in rows[::4]:
        alone = score_one(row, linked_profiles, history=rows)
        assert {k: alone[k] for k in OUTPUT} == {k: batch[row["id"]][k] for k in OUTPUT}

