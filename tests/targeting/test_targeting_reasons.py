"""What an officer reads must be true: every reason given for a red shipment is an indicator whose
condition holds for that shipment (checked by the Python interpreter of the conditions, not by the
SQL that chose it), and the score is the one the documented arithmetic gives for those reasons."""

from __future__ import annotations

from factories import later, shipment, table
from test_targeting_parity import random_rows

from interdict.targeting import assign_lanes, evaluate, score_one
from interdict.targeting.condition import SHIPMENT_FIELDS
from interdict.targeting.evaluation import combined_score, context_for, derived_one
from interdict.targeting.norms import DERIVED


def _as_scored(row: dict) -> dict:
    """The shipment as conditions read it: list fields '|'-joined."""
    out = dict(row)
    for name, kind in SHIPMENT_FIELDS.items():
        if kind == "list" and isinstance(out.get(name), (list, tuple)):
            out[name] = "|".join(out[name])
    return out


def test_every_reason_of_a_red_shipment_is_true_of_it(starter_profiles):
    rows = random_rows(800, seed=23)
    laned = assign_lanes(evaluate(table(rows), starter_profiles), red_share=0.05, random_share=0)
    by_id = {r["id"]: r for r in rows}
    indicators = {i.key: i for p in starter_profiles for i in p.indicators}
    red = [r for r in laned.to_pylist() if r["lane"] == "red"]
    assert len(red) >= 30
    for scored in red:
        row = by_id[scored["id"]]
        row = {**row, **derived_one(row, DERIVED, history=rows)}  # the fields judged against the traffic
        context = context_for(row, history=rows, profiles=starter_profiles)
        fired = [indicators[key] for key in scored["indicators"]]
        assert fired, "a red shipment without a reason"
        for indicator in fired:
            assert indicator.condition.holds(_as_scored(row), context=context), (indicator.key, row)
        assert scored["reasons"] == "; ".join(i.reason for i in fired)
        assert scored["score"] == combined_score(fired)
        holding = [i.key for i in indicators.values() if i.condition.holds(_as_scored(row), context=context)]
        assert holding == scored["indicators"]  # and none that holds is left unsaid


def test_signs_of_one_family_count_once_and_independent_signs_add_up(starter_profiles):
    """Heavy for a gift and cheap for its weight are two facts; 'documents weighing 500 g' and
    'gift or documents weighing 2 kg' are one fact said twice and must not add up."""
    heavy_documents = shipment(category="documents", gross_weight_g=2500, declared_value_eur_cents=5000,
                               items_net_weight_g=2400, descriptions="Documents", hs_codes="4901")
    weight = {i.key: i.weight for p in starter_profiles for i in p.indicators}
    [scored] = evaluate(table([heavy_documents]), starter_profiles).to_pylist()
    assert set(scored["indicators"]) == {"ammunition.documents_that_weigh", "firearms_inbound.gift_or_documents_heavy"}
    heavy = max(weight["ammunition.documents_that_weigh"], weight["firearms_inbound.gift_or_documents_heavy"])
    assert scored["score"] == heavy  # the stronger of the two, not their sum
    cheap_too = dict(heavy_documents, id=None, declared_value_eur_cents=500)
    [scored] = evaluate(table([shipment(**{k: v for k, v in cheap_too.items() if k != "id"})]), starter_profiles).to_pylist()
    assert "firearms_inbound.very_low_value_per_kg" in scored["indicators"]
    assert scored["score"] == heavy + weight["firearms_inbound.very_low_value_per_kg"]


def test_hs_code_that_fits_no_described_goods_says_so(starter_profiles):
    rows = [shipment(descriptions="Kafa", hs_codes="950790"),  # coffee coded as fishing tackle
            shipment(descriptions="Kafa", hs_codes="090121"),
            shipment(descriptions="Пиштољ играчка", hs_codes="950300"),  # toy pistol coded as a toy: fits
            shipment(descriptions="Dokumenti", hs_codes="820559")]
    fired = {r["id"]: r["indicators"] for r in evaluate(table(rows), starter_profiles).to_pylist()}
    key = "misdeclared_goods.hs_code_does_not_fit_description"
    assert [key in fired[r["id"]] for r in rows] == [True, False, False, True]


def test_a_listed_name_at_the_listed_address_goes_first_a_homonym_does_not(starter_profiles):
    rows = [shipment(watchlist_hits=["EU/1: consignee name matches"], watchlist_hit_kinds=["name"]),
            shipment(watchlist_hits=["EU/1: consignee name and address match"], watchlist_hit_kinds=["name+address"]),
            shipment(watchlist_hits=["EU/2: shipper phone matches"], watchlist_hit_kinds=["phone"])]
    scored = {r["id"]: r for r in evaluate(table(rows), starter_profiles).to_pylist()}
    homonym, at_address, phone = (scored[r["id"]] for r in rows)
    assert not homonym["red_eligible"] and not homonym["yellow_eligible"]
    assert at_address["red_eligible"] and at_address["priority"]
    # a listed phone is a strong sign (a documentary check at least), red with one more
    assert phone["yellow_eligible"] and phone["score"] >= 30 and "phone or e-mail is on a watchlist" in phone["reasons"]


def test_a_detour_through_two_transit_countries_is_a_reason(starter_profiles, engine):
    rows = [shipment(transit_countries="TR|BG"), shipment(transit_countries="DE"), shipment(transit_countries=""),
            shipment(transit_countries="TR|BG", direction="export", destination_country="DE")]
    fired = {r["id"]: r["indicators"] for r in evaluate(table(rows), starter_profiles, engine=engine).to_pylist()}
    key = "routing.two_or_more_transit_countries"
    assert [key in fired[r["id"]] for r in rows] == [True, False, False, False]


def test_a_party_without_a_street_is_at_no_address(starter_profiles):
    # The fifth generator sends consignees with a city (or a country) and no street: their stored
    # address is then "1000 skopje mk", shared by a whole town, and three townsfolk were "three
    # differently written consignee names at one address" (interdict score on heldout4 traffic).
    town = dict(consignee_street=None, consignee_city="Skopje", consignee_postcode="1000")
    street = dict(consignee_street="Partizanska 7", consignee_city="Skopje", consignee_postcode="1000")
    rows = [shipment(id=900 + n, consignee_name=name, reported_at=later(hours=n), **(town if n < 3 else street))
            for n, name in enumerate(["Ana Petrova", "Boris Trajkov", "Vesna Ilievska", "Goran Ristov", "Dragan Pop", "Elena Kostova"])]
    rows[1]["consignee_street"] = " "  # blank is no street either
    key = "splitting_and_identity.names_per_consignee_address"
    fired = {r["id"]: r["indicators"] for r in evaluate(table(rows), starter_profiles).to_pylist()}
    assert [key in fired[900 + n] for n in range(6)] == [False] * 3 + [True] * 3  # the street still counts
    for row in rows:  # one shipment scored alone against the others says the same
        assert (key in score_one(row, starter_profiles, history=rows)["indicators"]) is (row["consignee_street"] == "Partizanska 7")
