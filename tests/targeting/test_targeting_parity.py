"""The same profiles give identical scores, reasons and profile versions on DuckDB and Spark,
and the single-shipment path agrees with batch (a Hypothesis property)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from factories import BASE_TIME, shipment, table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.targeting import evaluate, get_engine, score_one

DESCRIPTIONS = ["Book", "Auto delovi", "Пиштољ", "glock barrel", "Kurusıkı tabanca", "Coffee", "Kafa | Spices",
                "Municija 9x19", "Igračka", "Metal parts", "Gas pistol", "cannabis", "Tools | Alat", "Waffeleisen"]
COUNTRIES = ["DE", "US", "TR", "CN", "CO", "MK", "RS", "AT", "NL"]
OUTPUT = ["id", "score", "reasons", "indicators", "profiles", "unit", "day", "red_eligible", "yellow_eligible", "priority"]


def random_rows(n: int, *, seed: int) -> list[dict]:
    rnd = random.Random(seed)
    phones = [f"+3897{i:05d}" for i in range(n // 4 + 1)] + [None]
    names = ["Ana Petrova", "Ана Петрова", "Petrova Ana", "Marko Ilic", "Марко Илић", "Ivan Horvat"]
    streets = ["Paketomat 7", "Partizanska 3", "Ilindenska 12", "PO Box 55", None]
    rows = []
    for i in range(1, n + 1):
        weight = rnd.choice([80, 400, 999, 1000, 2000, 3500, 12000])
        rows.append(shipment(
            id=i, reported_at=BASE_TIME + timedelta(hours=rnd.randint(0, 24 * 20), seconds=rnd.randint(0, 59)),
            mode=rnd.choice(["postal", "express", "air_cargo", "road"]),
            direction=rnd.choice(["import", "import", "export", "transit"]),
            category=rnd.choice(["gift", "documents", "sale_of_goods", "commercial_sample", "other", None]),
            origin_country=rnd.choice(COUNTRIES), destination_country=rnd.choice(["MK", "RS", "DE", "AT"]),
            transit_countries=rnd.choice(["", "", "TR", "CO|DE"]),
            shipper_name=f"Sender {rnd.randint(1, n // 3 + 1)}", consignee_name=rnd.choice(names),
            consignee_street=rnd.choice(streets), consignee_phone=rnd.choice(phones),
            consignee_email=rnd.choice([None, "a@x.test", "b@x.test"]),
            gross_weight_g=weight, items_net_weight_g=rnd.choice([None, weight // 3, weight - 1, weight + 10]),
            declared_value_eur_cents=rnd.choice([None, 0, 500, 999, 1000, 2999, 25000]),
            payment_method=rnd.choice(["prepaid", "card", "cash_on_delivery"]),
            descriptions=rnd.choice(DESCRIPTIONS), hs_codes=rnd.choice(["", "8708", "930200", "9503|8205", "0901", "4901"]),
            item_count=rnd.choice([1, 1, 2]),
            pieces=rnd.choice([1, 2]), id_check_valid=rnd.choice([True, False, None]),
            **rnd.choice([{}, {}, {"watchlist_hits": ["EU:1"], "watchlist_hit_kinds": ["name"]},
                          {"watchlist_hits": ["EU:2"], "watchlist_hit_kinds": ["name+address"]},
                          {"watchlist_hits": ["EU:3"], "watchlist_hit_kinds": ["phone", "name+city"]}]),
        ))
    return rows


@pytest.mark.spark
def test_duckdb_and_spark_give_identical_results(starter_profiles, spark_session):
    shipments = table(random_rows(600, seed=11))
    on_duckdb = evaluate(shipments, starter_profiles, engine=get_engine("duckdb")).select(OUTPUT).to_pylist()
    on_spark = evaluate(shipments, starter_profiles, engine=get_engine("spark", session=spark_session)).select(OUTPUT).to_pylist()
    assert sum(1 for r in on_duckdb if r["score"] > 0) > 100  # the data exercise the indicators
    assert on_spark == on_duckdb


_ROWS = random_rows(120, seed=5)
_TABLE = table(_ROWS)


@pytest.fixture(scope="module")
def batch(starter_profiles):
    return {r["id"]: r for r in evaluate(_TABLE, starter_profiles).to_pylist()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pick=st.integers(min_value=0, max_value=len(_ROWS) - 1),
       weight=st.integers(min_value=0, max_value=20_000),
       value=st.one_of(st.none(), st.integers(min_value=0, max_value=100_000)),
       net=st.one_of(st.none(), st.integers(min_value=0, max_value=25_000)),
       description=st.sampled_from(DESCRIPTIONS), category=st.sampled_from(["gift", "documents", "other", None]))
def test_single_shipment_path_agrees_with_batch(starter_profiles, pick, weight, value, net, description, category):
    changed = dict(_ROWS[pick], gross_weight_g=weight, declared_value_eur_cents=value, items_net_weight_g=net,
                   category=category, descriptions=description)
    changed = shipment(**{k: v for k, v in changed.items() if not k.endswith("_norm")})
    rows = [changed if r["id"] == changed["id"] else r for r in _ROWS]
    in_batch = next(r for r in evaluate(table(rows), starter_profiles).to_pylist() if r["id"] == changed["id"])
    alone = score_one(changed, starter_profiles, history=[r for r in rows if r["id"] != changed["id"]])
    assert {k: alone[k] for k in OUTPUT} == {k: in_batch[k] for k in OUTPUT}


def test_every_shipment_scored_alone_matches_the_batch(starter_profiles, batch):
    for row in _ROWS:
        alone = score_one(row, starter_profiles, history=_ROWS)
        assert {k: alone[k] for k in OUTPUT} == {k: batch[row["id"]][k] for k in OUTPUT}


def test_single_path_without_history_says_what_is_missing(starter_profiles):
    from interdict.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        score_one(_ROWS[0], starter_profiles)
    assert any("per consignee_phone_norm" in str(p.value) for p in caught.value.problems)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_text_leaves_decided_per_distinct_value_equal_the_plain_query(starter_profiles, seed):
    """The embedded engine decides keyword, prefix and regex leaves once per distinct text and
    counts windows in numpy; the plain query (the one Spark runs) does both in SQL, row by row."""
    rows = random_rows(60, seed=seed)
    for row in rows[::7]:  # missing texts are decided too
        row.update(descriptions=None, descriptions_norm=None, hs_codes=None, transit_countries=None, consignee_address_norm=None)
    fast, plain = fast_and_plain(rows, starter_profiles)
    assert fast == plain


def fast_and_plain(rows: list[dict], profiles) -> tuple[list[dict], list[dict]]:
    """The indicators of `rows` as the embedded engine decides them (text leaves per distinct
    value, windows in numpy) and as the plain query does (Spark's way), both by id."""
    from interdict.targeting.engine.base import indicator_query
    from interdict.targeting.evaluation import prepare_shipments

    prepared = prepare_shipments(table(rows), profiles=profiles)
    engine = get_engine("duckdb")
    fast = engine.fired(shipments=prepared, profiles=profiles).sort_by("id")
    plain = engine.run(shipments=prepared, query=lambda name: indicator_query(
        profiles=profiles, dialect=engine, since=None, table=name)).sort_by("id")
    return fast.to_pylist(), plain.to_pylist()
