"""Firearm, part and ammunition records: what an investigator types is kept, the matching forms are
derived from it, and a record that breaks a rule says which field and why."""

from __future__ import annotations

import pytest

from tests.firearms.firearm_factories import make_ammunition, make_firearm, make_part
from interdict.errors import InvalidInput
from interdict.firearms.calibres import known_calibres, normalise_calibre
from interdict.firearms.makes import normalise_make
from interdict.firearms.models import Alphabet, SerialStatus


@pytest.mark.parametrize("read", ["9mm", "9x19", "9 mm Luger", "9mm Para", "9 MM PARABELLUM", "9x19mm"])
def test_every_spelling_of_9x19_is_one_calibre(read: str) -> None:
    assert normalise_calibre(read) == "9x19mm Parabellum"


@pytest.mark.parametrize(
    ("read", "canonical"),
    [("7.62x39", "7.62x39mm"), ("7,62 × 39", "7.62x39mm"), (".22 LR", ".22 LR"), ("22lr", ".22 LR"),
     ("12/70", "12 gauge"), ("9mm P.A.K.", "9mm P.A.K. (blank/gas)"), ("9 mm kurz", "9x17mm (.380 ACP)")],
)
def test_calibre_spellings(read: str, canonical: str) -> None:
    assert normalise_calibre(read) == canonical


def test_unknown_calibre_is_kept_as_read() -> None:
    firearm = make_firearm(calibre="5x5 experimental")
    assert firearm.calibre == "5x5 experimental" and firearm.calibre_canonical is None


def test_calibre_table_has_one_canonical_name_per_spelling() -> None:
    assert len(known_calibres()) == len(set(known_calibres())) > 20


def test_make_spellings_and_scripts_meet() -> None:
    assert normalise_make("Crvena Zastava") == normalise_make("Застава") == normalise_make("ZCZ") == "Zastava"


def test_firearm_keeps_what_was_read_and_derives_matching_forms() -> None:
    firearm = make_firearm(serial="ab-12 ol 7b", calibre="9 mm Luger")
    assert firearm.serial == "ab-12 ol 7b"
    assert firearm.serial_normalised == "A8120178"
    assert firearm.serial_status == SerialStatus.intact
    assert firearm.calibre_canonical == "9x19mm Parabellum"


def test_derived_fields_cannot_be_forged() -> None:
    firearm = make_firearm(serial="AB1234", serial_normalised="ZZZZ", calibre_canonical="bogus")
    assert firearm.serial_normalised == "A81234" and firearm.calibre_canonical == "7.65x17mm (.32 ACP)"


def test_partial_serial_with_mask() -> None:
    firearm = make_firearm(serial="AB120078", serial_mask="....??..")
    assert firearm.serial_normalised == "A812??78" and firearm.serial_status == SerialStatus.partial


def test_obliterated_and_restored_serials() -> None:
    assert make_firearm(serial=None, serial_status="obliterated").serial_status == SerialStatus.obliterated
    assert make_firearm(serial="AB1234", serial_status="restored").serial_status == SerialStatus.restored


def test_status_contradicting_the_serial_is_refused() -> None:
    with pytest.raises(InvalidInput):
        make_firearm(serial="AB??34", serial_status="intact")


def test_invalid_record_names_each_field() -> None:
    with pytest.raises(InvalidInput) as raised:
        make_firearm(category="bazooka", markings={"country_of_manufacture": "Serbia"}, serail="x")
    fields = {p.field for p in raised.value.problems}
    assert {"category", "markings.country_of_manufacture", "serail"} <= fields


def test_markings_alphabet_is_detected() -> None:
    assert make_firearm(markings={"other_text": "Застава Крагујевац"}).markings.alphabet == Alphabet.cyrillic
    assert make_firearm(markings={"other_text": "Made in Yugoslavia"}).markings.alphabet == Alphabet.latin


def test_country_codes_are_upper_cased() -> None:
    assert make_firearm(country_of_recovery="mk").country_of_recovery == "MK"


def test_parts_and_ammunition_are_their_own_records() -> None:
    part = make_part(serial="123456", part_type="frame_or_receiver")
    assert part.essential and part.serial_normalised == "123456"
    assert not make_part(part_type="magazine").essential
    lot = make_ammunition(calibre="7,62x39", headstamp="ППУ 7.62", quantity=120)
    assert lot.calibre_canonical == "7.62x39mm" and lot.quantity == 120
    with pytest.raises(InvalidInput):
        make_ammunition(quantity=0)
