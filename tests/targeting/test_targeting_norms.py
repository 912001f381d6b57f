"""Fields judged against the traffic itself (targeting/norms.py): an HS code unusual for the words
of its description, and the declared value per kg among the shipments of the same chapter."""

from __future__ import annotations

import threading

from factories import later, shipment, table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.targeting import evaluate
from interdict.targeting.evaluation import derived_one
from interdict.targeting.norms import DERIVED, TrafficNorms, derived_columns, row_columns
from interdict.targeting.profile import load_profile


def derived(rows):
    return derived_columns(row_columns(rows), DERIVED)


def test_documents_coded_as_hand_tools_are_unusual_and_a_vague_gift_never_is():
    rows = [shipment(descriptions="Business documents", hs_codes="4901") for _ in range(12)]
    rows += [shipment(descriptions="Gift", hs_codes=code) for code in ("4901", "8205", "9503", "6109", "0901", "8708",
                                                                      "4202", "7113", "3304", "8517")]
    rows.append(shipment(descriptions="Business documents", hs_codes="820559"))
    rows.append(shipment(descriptions="Gift", hs_codes="930190"))
    flags = derived(rows)["hs_code_unusual"].to_pylist()
    assert flags[-2] is True  # "documents" is declared under chapter 49 by the 12 others
    assert flags[-1] is False  # "gift" is declared under every chapter: no expectation to break
    assert not any(flags[:12])


def test_a_word_too_rare_to_judge_and_codes_that_cannot_be_paired_say_nothing():
    rows = [shipment(descriptions="Business documents", hs_codes="4901") for _ in range(12)]
    rows.append(shipment(descriptions="Obscure widget", hs_codes="9999"))  # no word seen on 8 other items
    rows.append(shipment(descriptions=["Business documents", "Letters"], hs_codes="8205"))  # 2 descriptions, 1 code
    flags = derived(rows)["hs_code_unusual"].to_pylist()
    assert flags[-2] is False
    assert flags[-1] is None


def test_a_big_consignment_with_one_odd_code_is_not_unusual_but_half_odd_is():
    rows = [shipment(descriptions=word, hs_codes=code) for word, code in
            [("Bolts", "7318")] * 10 + [("Coffee", "0901")] * 10]
    rows.append(shipment(descriptions=["Bolts"] * 5 + ["Coffee"], hs_codes="7318|7318|7318|7318|7318|8517"))
    rows.append(shipment(descriptions=["Bolts", "Coffee"], hs_codes="7318|9503"))
    flags = derived(rows)["hs_code_unusual"].to_pylist()
    assert flags[-2] is False and flags[-1] is True


def test_value_per_kg_among_the_chapter_peers():
    peers = [shipment(hs_codes="8517", gross_weight_g=1000, declared_value_eur_cents=1000 * (n + 1)) for n in range(40)]
    rows = [*peers, shipment(hs_codes="8517", gross_weight_g=2000, declared_value_eur_cents=100),
            shipment(hs_codes="9503", gross_weight_g=2000, declared_value_eur_cents=100),
            shipment(hs_codes="8517", gross_weight_g=None, declared_value_eur_cents=100)]
    permille = derived(rows)["value_per_kg_permille"].to_pylist()
    assert permille[-3] == 0  # the cheapest of its chapter
    assert permille[39] == 1000 * 40 // 40  # the dearest: every one of the 40 others is cheaper
    assert permille[-2] is None  # chapter 95 has no peers to compare with
    assert permille[-1] is None  # no weight, no value per kg


def test_a_price_many_declare_is_mid_rank_not_the_cheapest():
    rows = [shipment(hs_codes="4901", gross_weight_g=400, declared_value_eur_cents=2500) for _ in range(50)]
    rows.append(shipment(hs_codes="4901", gross_weight_g=2000, declared_value_eur_cents=500))
    permille = derived(rows)["value_per_kg_permille"].to_pylist()
    assert permille[-1] == 0
    assert permille[0] == (1000 * (2 * 1 + 49)) // (2 * 50)  # one cheaper, 49 at the same price


def test_the_cheapest_of_its_chapter_says_why(starter_profiles):
    peers = [shipment(hs_codes="8517", descriptions="Mobile phone", gross_weight_g=500,
                      declared_value_eur_cents=20000 + 100 * n) for n in range(40)]
    cheap = shipment(hs_codes="8517", descriptions="Mobile phone", gross_weight_g=3000, declared_value_eur_cents=300)
    scored = {r["id"]: r for r in evaluate(table([*peers, cheap]), starter_profiles).to_pylist()}
    assert "misdeclared_goods.value_far_below_chapter_peers" in scored[cheap["id"]]["indicators"]
    assert "lowest 2 % of the traffic under the same HS chapter" in scored[cheap["id"]]["reasons"]


WORDS = ["documents", "coffee", "bolts", "gift", "toys", "car parts", "phone", "letra", "поклон"]
CODES = ["4901", "0901", "7318", "8708", "9503", "8517", "6109", "8205", ""]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
                          st.lists(st.sampled_from(CODES), min_size=1, max_size=3),
                          st.integers(0, 5000), st.integers(1, 20000)), min_size=1, max_size=60))
def test_one_shipment_judged_alone_agrees_with_the_batch(specs):
    rows = [shipment(id=n + 1, descriptions=words, hs_codes="|".join(codes).strip("|"), declared_value_eur_cents=value,
                     gross_weight_g=weight, reported_at=later(hours=n))
            for n, (words, codes, value, weight) in enumerate(specs)]
    batch = derived(rows)
    for n, row in enumerate(rows):
        alone = derived_one(row, DERIVED, history=rows)
        assert alone == {name: batch[name][n].as_py() for name in DERIVED}
        # against norms built from the others, as the store path does
        others = TrafficNorms.of_rows([r for r in rows if r["id"] != row["id"]])
        assert derived_one(row, DERIVED, norms=(others, False)) == alone
        # and against norms that count the shipment itself
        assert derived_one(row, DERIVED, norms=(TrafficNorms.of_rows(rows), True)) == alone


def test_the_batch_field_reaches_every_engine_alike(starter_profiles, engine):
    rows = [shipment(descriptions="Business documents", hs_codes="4901") for _ in range(12)]
    odd = shipment(descriptions="Business documents", hs_codes="820559")
    scored = {r["id"]: r for r in evaluate(table([*rows, odd]), starter_profiles, engine=engine).to_pylist()}
    assert "misdeclared_goods.hs_code_unusual_for_description" in scored[odd["id"]]["indicators"]
    assert not any("hs_code_unusual" in i for r in rows for i in scored[r["id"]]["indicators"])


def test_the_store_path_builds_its_norms_once_and_refreshes_them_without_making_a_request_wait(tmp_path, monkeypatch):
    from sqlalchemy import create_engine

    from interdict.store.schema import ensure_schema
    from interdict.targeting import single

    engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    ensure_schema(engine)
    first = single._store_norms(engine, None)[0]
    assert single._store_norms(engine, None)[0] is first  # cached
    key = engine.url.render_as_string(hide_password=True)
    built, low, high, norms = single._NORMS[key]
    single._NORMS[key] = (built - single.NORMS_SECONDS - 1, low, high, norms)  # grown old
    assert single._store_norms(engine, None)[0] is first  # the request goes on with what it has
    for thread in [t for t in threading.enumerate() if t.name == "norms-refresh"]:
        thread.join(timeout=30)
    assert single._NORMS[key][3] is not first and key not in single._REFRESHING


def test_a_profile_naming_only_a_derived_field_gets_the_columns_it_is_judged_from(tmp_path, engine):
    # value_per_kg_permille reads hs_codes, values and weights, which this profile does not name itself
    path = tmp_path / "cheap.yaml"
    path.write_text("id: cheap\nversion: 1\ntitle: Cheap for its chapter\nindicators:\n  - id: cheapest\n"
                    "    weight: 30\n    reason: Among the cheapest of its chapter\n"
                    "    when: {field: value_per_kg_permille, le: 20}\n", encoding="utf-8")
    peers = [shipment(hs_codes="8517", gross_weight_g=500, declared_value_eur_cents=20000 + 100 * n) for n in range(40)]
    cheap = shipment(hs_codes="8517", gross_weight_g=3000, declared_value_eur_cents=300)
    scored = {r["id"]: r for r in evaluate(table([*peers, cheap]), [load_profile(path)], engine=engine).to_pylist()}
    assert scored[cheap["id"]]["indicators"] == ["cheap.cheapest"]
    assert not any(scored[p["id"]]["indicators"] for p in peers)


def test_a_country_the_origins_traffic_does_not_pass_through_is_off_its_routes():
    usual = [shipment(origin_country="DE", departure_country="DE", transit_countries=via) for via in ["", "AT"] * 20]
    odd = shipment(origin_country="DE", departure_country="DE", transit_countries="AE")
    through_hub = shipment(origin_country="DE", departure_country="DE", transit_countries="AT")
    from_a_third_country = shipment(origin_country="DE", departure_country="BG", transit_countries="")
    direct = shipment(origin_country="DE", departure_country="DE", transit_countries="")
    via_destination = shipment(origin_country="DE", departure_country="DE", transit_countries="MK")  # not a detour
    rare_origin = shipment(origin_country="UA", departure_country="UA", transit_countries="AE")  # no others to compare
    rows = [*usual, odd, through_hub, from_a_third_country, direct, via_destination, rare_origin]
    flags = derived(rows)["route_unusual"].to_pylist()
    assert not any(flags[:40])
    assert flags[40:] == [True, False, True, False, False, None]


def test_an_odd_route_says_why(starter_profiles):
    usual = [shipment(origin_country="GB", departure_country="GB", transit_countries="NL") for _ in range(30)]
    odd = shipment(origin_country="GB", departure_country="GB", transit_countries="UA")
    scored = {r["id"]: r for r in evaluate(table([*usual, odd]), starter_profiles).to_pylist()}
    assert "routing.route_unusual_for_origin" in scored[odd["id"]]["indicators"]
    assert "hardly any other shipment from its origin passes through" in scored[odd["id"]]["reasons"]
    assert not any("routing.route_unusual_for_origin" in scored[r["id"]]["indicators"] for r in usual)


COUNTRIES = ["DE", "CN", "TR", "AT", "AE", "MK", "RS", ""]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(COUNTRIES[:3]), st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES),
                          st.lists(st.sampled_from(COUNTRIES[:-1]), max_size=3)), min_size=1, max_size=60))
def test_a_route_judged_alone_agrees_with_the_batch(specs):
    rows = [shipment(id=n + 1, origin_country=origin, departure_country=departure or None,
                     destination_country=destination or None, transit_countries="|".join(transit),
                     reported_at=later(hours=n))
            for n, (origin, departure, destination, transit) in enumerate(specs * 8)]  # enough peers to judge
    batch = derived_columns(row_columns(rows), {"route_unusual"})["route_unusual"].to_pylist()
    for n, row in enumerate(rows[:len(specs)]):
        alone = derived_one(row, {"route_unusual"}, history=rows)["route_unusual"]
        assert alone == batch[n]
        others = TrafficNorms.of_rows([r for r in rows if r["id"] != row["id"]])
        assert derived_one(row, {"route_unusual"}, norms=(others, False))["route_unusual"] == alone
        assert derived_one(row, {"route_unusual"}, norms=(TrafficNorms.of_rows(rows), True))["route_unusual"] == alone
