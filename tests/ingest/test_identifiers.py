"""Shipment identifier check digits: the published examples, tolerance of how people type them,
and properties over every serial (what the constructors build, classify accepts; one wrong digit
is caught)."""


import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.errors import InvalidInput
from interdict.ingest.identifiers import (
    IdentifierCheck,
    awb_id,
    classify_identifier,
    container_id,
    s10_id,
)


@pytest.mark.parametrize(
    ("shipment_id", "kind", "valid"),
    [
        ("RR123456785MK", "s10", True),
        ("RR123456784MK", "s10", False),
        ("  rr123456785mk ", "s10", True),
        ("157-12345675", "awb", True),
        ("157 12345675", "awb", True),
        ("15712345675", "awb", True),
        ("157-12345674", "awb", False),
        ("CSQU3054383", "iso6346", True),
        ("csqu3054383", "iso6346", True),
        ("CSQU3054384", "iso6346", False),
        ("1Z999AA10123456784", "other", None),
        ("EXP0012345678", "other", None),
        ("", "other", None),
    ],
)
def test_known_forms_are_recognised_and_checked(shipment_id, kind, valid):
    assert classify_identifier(shipment_id) == IdentifierCheck(kind, valid)


def test_s10_check_digit_special_cases():
    # remainder 1 -> 10 -> 0 and remainder 0 -> 11 -> 5 are the cases implementations get wrong
    assert s10_id(service="RR", serial=0, country="MK") == "RR000000005MK"
    results = {s10_id(service="CP", serial=n, country="RS")[10] for n in range(200)}
    assert "0" in results and "5" in results


def test_container_check_digit_of_ten_maps_to_zero():
    # a remainder of 10 is written as 0 (ISO 6346 advises owners to avoid such serials, but they exist)
    assert any(container_id(owner="MSC", serial=n)[-1] == "0" for n in range(100))


@given(
    service=st.sampled_from(["RR", "CP", "EE", "LP", "UA"]),
    serial=st.integers(0, 99_999_999),
    country=st.sampled_from(["MK", "RS", "BA", "CN", "US"]),
)
def test_every_built_s10_id_is_valid_and_one_wrong_digit_is_caught(service, serial, country):
    built = s10_id(service=service, serial=serial, country=country)
    assert classify_identifier(built) == IdentifierCheck("s10", True)
    wrong = built[:10] + str((int(built[10]) + 1) % 10) + built[11:]
    assert classify_identifier(wrong).valid is False


@given(prefix=st.from_regex(r"\d{3}", fullmatch=True), serial=st.integers(0, 9_999_999))
def test_every_built_awb_is_valid_and_a_wrong_check_digit_is_caught(prefix, serial):
    built = awb_id(prefix=prefix, serial=serial)
    assert classify_identifier(built) == IdentifierCheck("awb", True)
    assert classify_identifier(built.replace("-", "")).valid is True
    wrong = built[:-1] + str((int(built[-1]) + 1) % 7)
    assert classify_identifier(wrong).valid is False


@given(
    owner=st.from_regex(r"[A-Z]{3}", fullmatch=True),
    serial=st.integers(0, 999_999),
    category=st.sampled_from("UJZ"),
    position=st.integers(4, 9),
    delta=st.integers(1, 9),
)
def test_every_built_container_is_valid_and_a_changed_digit_is_caught(owner, serial, category, position, delta):
    built = container_id(owner=owner, serial=serial, category=category)
    assert classify_identifier(built) == IdentifierCheck("iso6346", True)
    # powers of two mod 11 never vanish, so one changed digit changes the sum mod 11; only the
    # folding of 10 into 0 can hide it
    changed = built[:position] + str((int(built[position]) + delta) % 10) + built[position + 1 :]
    result = classify_identifier(changed)
    assert result.kind == "iso6346"
    assert result.valid is False or built[-1] == "0"


def test_constructors_explain_bad_arguments():
    with pytest.raises(InvalidInput) as caught:
        s10_id(service="R1", serial=123_456_789, country="MKD")
    assert {p.field for p in caught.value.problems} == {"service", "serial", "country"}
    with pytest.raises(InvalidInput):
        awb_id(prefix="15", serial=1)
    with pytest.raises(InvalidInput):
        container_id(owner="CSQ", serial=1, category="X")


def test_eleven_bare_digits_are_an_air_waybill_only_in_air_cargo():
    # A courier's plain serial must not carry a false "wrong check digit" signal.
    assert classify_identifier("15712345670", mode="express") == IdentifierCheck("other", None)
    assert classify_identifier("15712345670", mode="air_cargo") == IdentifierCheck("awb", False)
    assert classify_identifier("157-12345670", mode="express") == IdentifierCheck("awb", False)
