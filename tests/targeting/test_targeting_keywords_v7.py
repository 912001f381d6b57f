"""Keyword lists v7: the words of the region's other languages (Bulgarian, Romanian, Greek), the
inflected forms (pušku, tüfeği, municiju, патрона), calibres written out and spelling games find
what they name, and the everyday goods that share their letters do not fire (docs/targeting.md,
tuning notes v7). Every list changed in v7 has a hit and a look-alike here, on every engine."""

from __future__ import annotations

import pytest
from factories import shipment, table

from interdict.targeting import evaluate

# (description, the indicator it must fire) — each on an import, except where the profile is
# about exports (firearms_outbound).
HITS = [
    ("Pušku lovačku", "firearms_inbound.firearm_named"),
    ("Av tüfeği", "firearms_inbound.firearm_named"),
    ("Пистолет Макаров", "firearms_inbound.firearm_named"),
    ("Πυροβόλο όπλο", "firearms_inbound.firearm_named"),
    ("Arme de foc", "firearms_inbound.firearm_named"),
    ("Karabin", "firearms_inbound.firearm_named"),
    ("p i s t o l", "firearms_inbound.firearm_named"),
    ("Dijelovi za pušku", "firearms_inbound.firearm_parts_named"),
    ("Pistolenlauf 9mm", "firearms_inbound.firearm_parts_named"),
    ("Части за пистолет", "firearms_inbound.firearm_parts_named"),
    ("Γεμιστήρας", "firearms_inbound.firearm_parts_named"),
    ("Tabanca parçası", "firearms_inbound.firearm_parts_named"),
    ("Piese pentru pistol", "firearms_inbound.firearm_parts_named"),
    ("Patrona 20 kom", "ammunition.ammunition_named"),
    ("Municiju", "ammunition.ammunition_named"),
    ("Streljivo", "ammunition.ammunition_named"),
    ("Fişeği", "ammunition.ammunition_named"),
    ("Боеприпаси", "ammunition.ammunition_named"),
    ("Πυρομαχικά", "ammunition.ammunition_named"),
    ("Muniții", "ammunition.ammunition_named"),
    ("Poklon (kal. 7,62)", "ammunition.ammunition_named"),
    ("Calibre 12 | socks", "ammunition.ammunition_named"),
    ("FMJ 115gr", "ammunition.ammunition_named"),
    ("Gas revolver", "convertible_weapons.convertible_named"),
    ("Газов пистолет", "convertible_weapons.convertible_named"),
    ("Πιστόλι κρότου", "convertible_weapons.convertible_named"),
    ("Взрив", "explosives_and_cash.explosive_named"),
    ("Εκρηκτικά", "explosives_and_cash.explosive_named"),
    ("Κάνναβη", "drugs_air_express.drugs_named"),
    ("Gandža", "drugs_air_express.drugs_named"),
]

# Everyday goods whose words start like a weapon word, or hold a number like a calibre.
LOOK_ALIKES = [
    "Karabiner hooks", "Karabiner Haken", "Puškin, sabrana dela", "Pompalı termos", "Pompalı sabunluk",
    "Druckerpatronen", "Schrott", "Uhrwerk Kaliber 2824", "Digital caliper 150 mm", "Armatura", "Municipal map",
    "Oplata za zid", "Metkovic suvenir", "Patronat", "Drogerie Artikel", "Drug test kit", "Λάμπα", "Φωτογραφίες",
    "T-shirt size S M L", "e-mail: ana@mail.mk", "Kalendar 2025", "Σφαίρες μπιλιάρδου",
]


def _fired(rows, engine, profiles):
    return {r["id"]: set(r["indicators"]) for r in evaluate(table(rows), profiles, engine=engine).to_pylist()}


def test_v7_words_find_what_they_name(starter_profiles, engine):
    rows = [shipment(id=i, descriptions=text, hs_codes="") for i, (text, _) in enumerate(HITS, start=1)]
    fired = _fired(rows, engine, starter_profiles)
    missed = [(text, key) for i, (text, key) in enumerate(HITS, start=1) if key not in fired[i]]
    assert missed == []


def test_v7_words_do_not_fire_on_everyday_look_alikes(starter_profiles, engine):
    rows = [shipment(id=i, descriptions=text, hs_codes="") for i, text in enumerate(LOOK_ALIKES, start=1)]
    fired = _fired(rows, engine, starter_profiles)
    named = {LOOK_ALIKES[i - 1]: sorted(k for k in keys if k.endswith("_named")) for i, keys in fired.items()}
    assert {text: keys for text, keys in named.items() if keys} == {}


@pytest.mark.parametrize("profile_id", ["firearms_outbound"])
def test_a_firearm_in_another_language_leaving_for_the_eu_is_named(starter_profiles, engine, profile_id):
    rows = [shipment(id=1, descriptions="Τουφέκι κυνηγετικό", direction="export", origin_country="MK",
                     departure_country="MK", destination_country="DE", hs_codes="")]
    assert f"{profile_id}.firearm_named" in _fired(rows, engine, starter_profiles)[1]


def test_a_description_of_nothing_but_generic_words_is_vague_and_one_that_names_goods_is_not(starter_profiles, engine):
    vague = ["Spare parts", "Spare parts 2 pcs", "Delovi | Poklon", "Uzorci 3 kom", "Yedek parça", "Ersatzteile",
             "Резервни делови", "Samples | Accessories", "Резервни части", "Piese de schimb 2 buc", "Δώρο"]
    specific = ["Spare parts for Bosch drill", "Brake pads", "Delovi za usisivač", "Gift: wool socks", "Parts | Book"]
    rows = [shipment(id=i, descriptions=text) for i, text in enumerate(vague + specific, start=1)]
    fired = _fired(rows, engine, starter_profiles)
    said_vague = {text for i, text in enumerate(vague + specific, start=1)
                  if "misdeclared_goods.vague_description_only" in fired[i]}
    assert said_vague == set(vague)
