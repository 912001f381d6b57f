"""What an analyst expects of the starter profiles, on every engine (DuckDB and Spark)."""

from __future__ import annotations

import pyarrow as pa
import pytest
from factories import BASE_TIME, later, shipment, table

from interdict.targeting import evaluate
from interdict.targeting.evaluation import combined_score


def scored_by_id(rows, profiles, engine, **kwargs):
    return {r["id"]: r for r in evaluate(table(rows), profiles, engine=engine, **kwargs).to_pylist()}


@pytest.mark.parametrize("description", [
    "Pištolj CZ 75", "Пиштољ ЦЗ 75", "пиштол", "Pistoletë", "Schreckschuss Pistole", "Kurusıkı tabanca",
    "glock barrel", "Ударна игла", "PRIGUŠIVAČ", "munícija 9x19",
])
def test_firearm_words_in_any_script_are_named_and_checked(description, starter_profiles, engine):
    """Honest words for arms are found in every script; alone they earn a documentary check of
    the licence (yellow), since licensed trade declares them too (docs/targeting.md)."""
    rows = [shipment(id=1, descriptions=["Socks", description], hs_codes="6115"),
            shipment(id=2, descriptions="Socks", hs_codes="6115")]
    scored = scored_by_id(rows, starter_profiles, engine)
    named = [k for k in scored[1]["indicators"] if k.endswith(("firearm_named", "firearm_parts_named", "convertible_named",
                                                                "ammunition_named"))]
    assert named and scored[1]["yellow_eligible"], scored[1]
    assert scored[2]["score"] == 0 and scored[2]["reasons"] == ""


def test_a_named_part_goes_red_alone_and_a_named_firearm_with_signs_that_it_is_hidden(starter_profiles, engine):
    rows = [shipment(id=1, descriptions="Pistol barrel"),
            shipment(id=2, descriptions="Pištolj"),
            shipment(id=3, descriptions=["Auto delovi", "Pištolj"], category="gift", gross_weight_g=3000,
                     items_net_weight_g=900, declared_value_eur_cents=300, id_check_valid=False)]
    scored = scored_by_id(rows, starter_profiles, engine)
    assert scored[1]["red_eligible"] and "Description names firearm parts" in scored[1]["reasons"]
    assert not scored[2]["red_eligible"] and scored[2]["yellow_eligible"]
    assert scored[3]["red_eligible"] and "undeclared mass" in scored[3]["reasons"]


def test_everyday_words_that_contain_weapon_words_do_not_fire(starter_profiles, engine):
    rows = [shipment(id=1, descriptions=["Waffeleisen", "Glue gun", "Fashion magazine", "Printer cartridge", "Ammonia cleaner"])]
    assert scored_by_id(rows, starter_profiles, engine)[1]["score"] == 0


def test_heavy_gift_of_little_value_says_why(starter_profiles, engine):
    rows = [shipment(id=1, category="gift", gross_weight_g=3500, declared_value_eur_cents=1000, items_net_weight_g=3000)]
    hit = scored_by_id(rows, starter_profiles, engine)[1]
    assert "Declared as a gift or documents but weighs 2 kg or more" in hit["reasons"].split("; ")
    assert "Declared value under 5 EUR per kg on a parcel of 1 kg or more" in hit["reasons"].split("; ")
    assert next(p.label for p in starter_profiles if p.id == "firearms_inbound") in hit["profiles"]
    indicators = {i.key: i for p in starter_profiles for i in p.indicators}
    assert hit["score"] == combined_score([indicators[k] for k in hit["indicators"]]) > 0
    assert not hit["red_eligible"]  # weak signals alone (weight, value) do not earn a red place


def test_value_per_kg_is_exact_at_the_threshold(starter_profiles, engine):
    # 5.00 EUR per kg exactly is not "under 5 EUR per kg": no rounding anywhere.
    rows = [shipment(id=1, gross_weight_g=2000, declared_value_eur_cents=1000),
            shipment(id=2, gross_weight_g=2000, declared_value_eur_cents=999)]
    scored = scored_by_id(rows, starter_profiles, engine)
    assert "firearms_inbound.very_low_value_per_kg" not in scored[1]["indicators"]
    assert "firearms_inbound.very_low_value_per_kg" in scored[2]["indicators"]


def test_parcels_from_different_senders_to_one_phone_within_days_are_a_split(starter_profiles, engine):
    phone = "+38970555444"
    rows = [shipment(id=i, shipper_name=f"Sender {i}", consignee_name=name, consignee_phone=phone, reported_at=later(days=i))
            for i, name in enumerate(["Marko Markovski", "Markovski Marko", "M. Markovski"], start=1)]
    rows.append(shipment(id=9, shipper_name="Sender 9", consignee_phone=phone, reported_at=later(days=20)))
    scored = scored_by_id(rows, starter_profiles, engine)
    for pk in (1, 2, 3):
        assert "splitting_and_identity.split_to_consignee_phone" in scored[pk]["indicators"]
        assert "splitting_and_identity.names_per_consignee_phone" in scored[pk]["indicators"]
    assert "splitting_and_identity.split_to_consignee_phone" not in scored[9]["indicators"]


def test_parcel_locker_split_counts_by_phone_not_by_the_shared_locker_address(starter_profiles, engine):
    locker = dict(consignee_street="Paketomat 12", consignee_city="Beograd", consignee_postcode="11000", consignee_country="RS")
    rows = [shipment(id=1, shipper_name="A", consignee_phone="+381601", reported_at=later(hours=1), **locker),
            shipment(id=2, shipper_name="B", consignee_phone="+381601", reported_at=later(hours=5), **locker),
            shipment(id=3, shipper_name="C", consignee_phone="+381602", reported_at=later(hours=6), **locker),
            shipment(id=4, shipper_name="D", consignee_phone="+381603", reported_at=later(hours=7), **locker)]
    scored = scored_by_id(rows, starter_profiles, engine)
    assert "splitting_and_identity.split_via_parcel_locker" in scored[1]["indicators"]
    assert "splitting_and_identity.split_via_parcel_locker" not in scored[3]["indicators"]
    assert all("splitting_and_identity.split_to_consignee_address" not in s["indicators"] for s in scored.values())


def test_shipments_without_a_phone_are_not_pooled_together(starter_profiles, engine):
    rows = [shipment(id=i, shipper_name=f"S{i}", consignee_phone=None) for i in range(1, 6)]
    scored = scored_by_id(rows, starter_profiles, engine)
    assert all(s["score"] == 0 for s in scored.values())


def test_watchlist_hits_fire_when_present_and_the_column_may_be_absent(starter_profiles, engine):
    rows = [shipment(id=1, watchlist_hits=["UN-ARMS:123"]), shipment(id=2, watchlist_hits=[])]
    scored = scored_by_id(rows, starter_profiles, engine)
    assert "splitting_and_identity.watchlist_hit" in scored[1]["indicators"]
    assert scored[2]["score"] == 0
    without = table(rows).drop_columns(["watchlist_hits"])
    assert {r["score"] for r in evaluate(without, starter_profiles, engine=engine).to_pylist()} == {0}


def test_first_time_sender_and_later_shipments_of_the_same_sender(starter_profiles, engine):
    rows = [shipment(id=i, shipper_name="Global Parts LLC", origin_country="US", reported_at=later(days=i)) for i in (1, 2)]
    scored = scored_by_id(rows, starter_profiles, engine)
    assert "firearms_inbound.first_shipment_of_sender_from_parts_origin" in scored[1]["indicators"]
    assert "firearms_inbound.first_shipment_of_sender_from_parts_origin" not in scored[2]["indicators"]


def test_since_and_as_of_limit_what_is_scored_and_what_is_known(starter_profiles, engine):
    phone = "+38970999"
    rows = [shipment(id=i, shipper_name=f"S{i}", consignee_phone=phone, reported_at=later(days=i * 0.5)) for i in (1, 2, 3)]
    scored = evaluate(table(rows), starter_profiles, engine=engine, since=later(days=1), as_of=later(days=1.2)).to_pylist()
    assert [r["id"] for r in scored] == [2]  # 1 is history, 3 is not yet known
    assert "splitting_and_identity.split_to_consignee_phone" not in scored[0]["indicators"]  # only 2 senders known


def test_score_is_capped_at_100_and_output_is_riskiest_first(starter_profiles, engine):
    rows = [shipment(id=1), shipment(id=2, descriptions=["Pistol", "ammunition 9x19", "glock barrel", "gas pistol"],
                                     hs_codes="930200|930690", watchlist_hits=["X:1"])]
    scored = evaluate(table(rows), starter_profiles, engine=engine).to_pylist()
    assert [r["id"] for r in scored] == [2, 1]
    assert scored[0]["score"] == 100
    assert scored[0]["unit"] == "postal:MK"


def test_unit_comes_from_the_data_when_given(starter_profiles, engine):
    rows = [shipment(id=1), shipment(id=2, direction="export", origin_country="RS", departure_country="RS")]
    t = table(rows).append_column("unit", pa.array(["ACCU-SKP", None]))
    units = {r["id"]: r["unit"] for r in evaluate(t, starter_profiles, engine=engine).to_pylist()}
    assert units == {1: "ACCU-SKP", 2: "postal:RS"}


def test_reported_time_is_in_utc_days(starter_profiles, engine):
    rows = [shipment(id=1, reported_at=BASE_TIME.replace(hour=23, minute=59))]
    assert str(evaluate(table(rows), starter_profiles, engine=engine).column("day")[0]) == "2025-03-03"
