"""Phones, e-mails and addresses: one key per line, mailbox or house, however it was written."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.text import normalise_address, normalise_email, normalise_phone


@pytest.mark.parametrize(
    ("raw", "country", "e164"),
    [
        ("070 123 456", "MK", "+38970123456"),
        ("070/123-456", "mk", "+38970123456"),
        ("00389 70 123 456", None, "+38970123456"),
        ("+389 (0)70 123 456", None, "+38970123456"),
        ("+389 070 123 456", None, "+38970123456"),
        ("38970123456", "MK", "+38970123456"),
        ("064 123 4567", "RS", "+381641234567"),
        ("+381 64 123 4567", "MK", "+381641234567"),
        ("061 234 567", "BA", "+38761234567"),
        ("+385 91 234 5678", None, "+385912345678"),
        ("069 123 456", "AL", "+35569123456"),
        ("044 123 456", "XK", "+38344123456"),
        ("0532 123 45 67", "TR", "+905321234567"),
        ("+49 30 1234567 ext. 12", None, "+49301234567"),
        ("02 3123 456", "MK", "+38923123456"),
        ("tel. 064 123 4567", "RS", "+381641234567"),
        ("Mob: +389 70 123 456", None, "+38970123456"),
        ("064 123 4567; 011 222 3333", "RS", "+381641234567"),
        ("+381 64 123 4567 / +381 11 222 333", None, "+381641234567"),
        ("069 1234 5678", "GR", "+306912345678"),
        ("0601 234 567", "PL", "+48601234567"),
    ],
)
def test_phones_become_e164(raw, country, e164):
    assert normalise_phone(raw, country=country) == e164


@pytest.mark.parametrize(
    ("raw", "country"),
    [(None, None), ("", "MK"), ("n/a", "MK"), ("070 123 456", None), ("12", "MK"), ("marko@mail.mk", None),
     ("+389 70 12", None), ("070 123 456 789 123", "MK")],
)
def test_what_cannot_be_a_phone_is_none(raw, country):
    assert normalise_phone(raw, country=country) is None


@given(st.text(alphabet="0123456789 +-()/", max_size=24), st.sampled_from([None, "MK", "RS", "DE"]))
def test_normalise_phone_is_idempotent(raw, country):
    once = normalise_phone(raw, country=country)
    if once is not None:
        assert once.startswith("+") and once[1:].isdigit() and 8 <= len(once) - 1 <= 15
        assert normalise_phone(once, country=country) == once


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Marko.Petrovic@Mail.MK", "marko.petrovic@mail.mk"),
        ("<Marko.Petrovic+shop@GoogleMail.com>", "markopetrovic@gmail.com"),
        ("mailto:info@balkan-trade.rs", "info@balkan-trade.rs"),
        ("marko (at) mail [dot] mk", "marko@mail.mk"),
        ("n/a", None),
        ("marko@", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_email(raw, normalised):
    assert normalise_email(raw) == normalised


@given(st.emails())
def test_normalise_email_is_idempotent(raw):
    once = normalise_email(raw)
    if once is not None:
        assert normalise_email(once) == once


@pytest.mark.parametrize(
    "written",
    [
        dict(street="ул. Македонија бр. 12", postcode="1000", city="Скопје", country="MK"),
        dict(street="Ulica Makedonija 12", postcode="MK-1000", city="Skopje", country="mk"),
        dict(street="MAKEDONIJA br.12", postcode="1000", city="SKOPJE", country="MK"),
        dict(street="Makedonija 12", postcode=None, city="1000 Skopje", country="MK"),
        dict(street="Makedonija 12, 1000 Skopje", postcode=None, city=None, country="MK"),
        dict(street="Makedonija 12, 1000 Skopje, North Macedonia", postcode=None, city=None, country="MK"),
        dict(street="Ул. Македонија бр.12", postcode=None, city="Skopje 1000", country="MK"),
        dict(street="Makedonija No. 12", postcode="MK-1000", city="Skopia", country="MK"),
    ],
)
def test_one_address_written_many_ways_is_one_key(written):
    assert normalise_address(**written) == "makedonija 12, 1000 skopje, MK"


def test_addresses_keep_what_distinguishes_them():
    street = normalise_address(street="ul. Partizanska 5", city="Skopje", country="MK")
    assert street != normalise_address(street="bul. Partizanska 5", city="Skopje", country="MK")
    assert street != normalise_address(street="ul. Partizanska 7", city="Skopje", country="MK")
    assert normalise_address(street="Bulevar Kralja Aleksandra b.b.", city="Beograd", country="RS") == (
        "bul kralja alexandra bb, beograd, RS"
    )
    assert normalise_address(street="Đure Đakovića 12 a", city="Novi Sad", country="RS") == (
        normalise_address(street="Дуре Даковића 12а", city="Нови Сад", country="RS")
    )
    assert normalise_address(street=None) == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (dict(street="Goethestraße 38", city="D-47051 Duisburg"), dict(street="Goethe Str. 38", postcode="47051", city="Duisburg")),
        (dict(street="Aleja Sv. Save br. 83", city="Bihać"), dict(street="Алеја Светог Саве 83", city="Бихаћ")),
        (dict(street="Bulevar Kralja Aleksandra 22", city="Belgrade"), dict(street="Бул. краља Александра 22", city="Београд")),
        (dict(street="Orce Nikolov 26/12", city="Prilep"), dict(street="Orce Nikolov 26, stan 12", city="Prilep")),
        (dict(street="29. novembra 12", city="Beograd"), dict(street="ul. 29. Novembra br. 12", city="Beograd")),
        (dict(street="Rruga Myslym Shyri 3", city="Shkodër"), dict(street="Rr. Myslym Shyri, Nr. 3", city="Shkodra")),
    ],
)
def test_one_address_written_two_ways_is_one_key(a, b):
    assert normalise_address(**a) == normalise_address(**b)


def test_a_flat_is_kept_apart_from_the_house_and_a_street_number_in_the_name():
    assert normalise_address(street="Makedonija 12/3", city="Skopje") == "makedonija 12 3, skopje"
    assert normalise_address(street="29. novembra 12", city="Beograd") == "29 novembra 12, beograd"
    assert normalise_address(street="Makedonija 12/3", city="Skopje") != normalise_address(
        street="Makedonija 12/4", city="Skopje")
