"""Indicators of the starter library v6 (docs/targeting.md, "Tuning notes (starter library v6)"):
each with a shipment it must hit and a look-alike it must not, on every engine."""

from __future__ import annotations

from factories import later, shipment, table

from interdict.targeting import evaluate
from interdict.targeting.evaluation import combined_score

EXPORT = dict(direction="export", origin_country="MK", departure_country="MK", destination_country="DE",
              shipper_country="MK", consignee_country="DE", consignee_city="München", consignee_postcode="80331")


def scored_by_id(rows, profiles, engine):
    return {r["id"]: r for r in evaluate(table(rows), profiles, engine=engine).to_pylist()}


def test_an_unusual_code_of_a_low_scrutiny_chapter_is_the_cover_code(starter_profiles, engine):
    """Documents coded as hand tools (chapter 82) weigh more than documents coded as phones (85):
    both codes are unusual for the words, only the first is a low-scrutiny cover code."""
    peers = [shipment(descriptions="Business documents", hs_codes="4901") for _ in range(12)]
    tools = shipment(descriptions="Business documents", hs_codes="820559")
    phones = shipment(descriptions="Business documents", hs_codes="851712")
    gift = shipment(descriptions="Gift", hs_codes="870899")  # "gift" is declared under every chapter
    scored = scored_by_id([*peers, tools, phones, gift], starter_profiles, engine)
    key = "misdeclared_goods.hs_code_unusual_in_low_scrutiny_chapter"
    assert key in scored[tools["id"]]["indicators"]
    assert "misdeclared_goods.hs_code_unusual_for_description" in scored[phones["id"]]["indicators"]
    assert key not in scored[phones["id"]]["indicators"]
    assert key not in scored[gift["id"]]["indicators"]
    assert all(key not in scored[p["id"]]["indicators"] for p in peers)


def test_net_weights_are_checked_on_air_cargo_exports_too(starter_profiles, engine):
    """Net weights were checked on postal imports and EU exports only; an air cargo export to
    Sweden whose items are a third of the parcel is now seen, and one whose items add up is not."""
    light = shipment(mode="air_cargo", **{**EXPORT, "destination_country": "SE"}, gross_weight_g=3734,
                     items_net_weight_g=1257, descriptions="Chemicals", hs_codes="291400")
    full = shipment(mode="air_cargo", **{**EXPORT, "destination_country": "SE"}, gross_weight_g=3734,
                    items_net_weight_g=3500, descriptions="Chemicals", hs_codes="291400")
    scored = scored_by_id([light, full], starter_profiles, engine)
    assert "misdeclared_goods.net_weight_far_below_gross" in scored[light["id"]]["indicators"]
    assert not any("net_weight" in k for k in scored[full["id"]]["indicators"])


def test_one_net_weight_sign_on_an_eu_export_counts_once_at_the_export_weight(starter_profiles, engine):
    row = shipment(**EXPORT, gross_weight_g=4000, items_net_weight_g=1000, descriptions="Book", hs_codes="4901")
    hit = scored_by_id([row], starter_profiles, engine)[row["id"]]
    assert {"misdeclared_goods.net_weight_far_below_gross", "firearms_outbound.net_weight_far_below_gross",
            "misdeclared_goods.net_weight_under_30_percent"} <= set(hit["indicators"])
    indicators = {i.key: i for p in starter_profiles for i in p.indicators}
    assert hit["score"] == combined_score([indicators[k] for k in hit["indicators"]])
    net = [indicators[k].weight for k in hit["indicators"] if indicators[k].family == "net_weight"]
    assert max(net) == indicators["firearms_outbound.net_weight_far_below_gross"].weight


def test_two_senders_to_one_phone_in_the_eu_within_a_week_is_a_split_export(starter_profiles, engine):
    phone = "+4917612345"
    split = [shipment(id=101, shipper_name="Goran Petrovski", consignee_phone=phone, reported_at=later(days=0), **EXPORT),
             shipment(id=102, shipper_name="Ilija Stojanov", consignee_phone=phone, reported_at=later(days=3), **EXPORT)]
    # look-alikes: the same sender twice; two senders ten days apart; an import to one phone
    same = [shipment(id=111 + n, shipper_name="Vesna Ristova", consignee_phone="+4917600001", reported_at=later(days=n),
                     **EXPORT) for n in (0, 1)]
    apart = [shipment(id=121, shipper_name="A Sender", consignee_phone="+4917600002", reported_at=later(days=0), **EXPORT),
             shipment(id=122, shipper_name="B Sender", consignee_phone="+4917600002", reported_at=later(days=10), **EXPORT)]
    inbound = [shipment(id=131 + n, shipper_name=f"Shop {n}", consignee_phone="+38970111222", reported_at=later(days=n))
               for n in (0, 1)]
    scored = scored_by_id([*split, *same, *apart, *inbound], starter_profiles, engine)
    key = "firearms_outbound.senders_to_one_consignee_phone"
    assert key in scored[101]["indicators"] and key in scored[102]["indicators"]
    assert not any(key in scored[pk]["indicators"] for pk in (111, 112, 121, 122, 131, 132))


def test_two_senders_to_one_address_counts_but_not_to_a_parcel_locker(starter_profiles, engine):
    home = dict(consignee_street="Hauptstraße 102")
    locker = dict(consignee_street="Packstation 112")
    rows = [shipment(id=201, shipper_name="Goran P", consignee_phone="+491", **home, **EXPORT),
            shipment(id=202, shipper_name="Ilija S", consignee_phone="+492", reported_at=later(days=2), **home, **EXPORT),
            shipment(id=203, shipper_name="Marko T", consignee_phone="+493", **locker, **EXPORT),
            shipment(id=204, shipper_name="Sanja V", consignee_phone="+494", reported_at=later(days=2), **locker, **EXPORT)]
    scored = scored_by_id(rows, starter_profiles, engine)
    key = "firearms_outbound.senders_to_one_consignee_address"
    assert key in scored[201]["indicators"] and key in scored[202]["indicators"]
    assert key not in scored[203]["indicators"] and key not in scored[204]["indicators"]


def test_a_first_parcel_paid_on_delivery_is_one_sign_not_two(starter_profiles, engine):
    """Newcomers and payment (threats.md) share one family: the export's cash on delivery and the
    new sender's cash on delivery restate each other, so only the stronger counts."""
    row = shipment(payment_method="cash_on_delivery", **EXPORT)
    hit = scored_by_id([row], starter_profiles, engine)[row["id"]]
    indicators = {i.key: i for p in starter_profiles for i in p.indicators}
    fired = [indicators[k] for k in hit["indicators"]]
    assert {"firearms_outbound.private_sender_cash_on_delivery", "splitting_and_identity.new_sender_cash_on_delivery"} \
        <= set(hit["indicators"])
    assert {i.family for i in fired} == {"newcomer"}
    assert hit["score"] == max(i.weight for i in fired)


def test_drugs_named_on_an_export_and_cover_words_alone_are_not(starter_profiles, engine):
    named = shipment(mode="express", descriptions="Marihuana", hs_codes="1211", **EXPORT)
    coffee = shipment(mode="express", descriptions="Coffee", hs_codes="0901", **EXPORT)
    scored = scored_by_id([named, coffee], starter_profiles, engine)
    assert "drugs_air_express.drugs_named" in scored[named["id"]]["indicators"]
    assert scored[named["id"]]["red_eligible"]
    assert not any(k.startswith("drugs_air_express.") for k in scored[coffee["id"]]["indicators"])
