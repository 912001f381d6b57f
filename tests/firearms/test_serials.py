"""Serial numbers: the same stamped serial, however it was read, meets itself; partial serials meet
the full ones they fit; and nothing unread counts as a match."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.errors import InvalidInput
from interdict.firearms.serials import (
    SerialStatus,
    apply_mask,
    compare_serials,
    infer_serial_status,
    normalise_serial,
    serial_ngrams,
)

# The characters officers actually type when copying a serial: Latin, digits, the look-alikes of
# lookalikes.yaml in Cyrillic and Greek, lower case, and separators.
LATIN = "ABCDEFGHJKMNPRTUVWXY0123456789OISZBL"
LOOKALIKE_SOURCE = LATIN + "АВЕКМНОРСТХУ" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" + "abcdefghijklmnopqrstuvwxyz"
SEPARATORS = " -./_\t"
serials = st.text(alphabet=LATIN, min_size=1, max_size=12)


def _lookalikes() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for character in LOOKALIKE_SOURCE:
        groups.setdefault(normalise_serial(character), []).append(character)
    return groups


LOOKALIKES = _lookalikes()


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("AB-12 OL 7B", "A8120178"),
        ("ab.12.ol.7b", "A8120178"),
        ("ВН 1234", "8H1234"),  # Cyrillic В and Н copied by eye
        ("５Ｚ１２", "5212"),  # full-width characters from a scanned form
        ("Č-123", "C123"),
        ("AB12??78", "A812??78"),
        ("**5678", "*5678"),
        ("", ""),
    ],
)
def test_normalise_serial_reads_what_officers_type(read: str, expected: str) -> None:
    assert normalise_serial(read) == expected


@given(st.text(alphabet=LOOKALIKE_SOURCE + SEPARATORS + "?*", max_size=20))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_serial(text)
    assert normalise_serial(once) == once


@given(serials, st.data())
def test_normalisation_ignores_lookalike_substitution(serial: str, data: st.DataObject) -> None:
    substituted = "".join(data.draw(st.sampled_from(LOOKALIKES[normalise_serial(c)])) for c in serial)
    assert normalise_serial(substituted) == normalise_serial(serial)


@given(serials, st.lists(st.sampled_from(SEPARATORS), max_size=12), st.randoms())
def test_normalisation_ignores_separators_and_spaces(serial: str, separators: list[str], random) -> None:
    characters = list(serial)
    for separator in separators:
        characters.insert(random.randint(0, len(characters)), separator)
    assert normalise_serial("".join(characters)) == normalise_serial(serial)


@given(serials, st.data())
def test_a_partial_serial_matches_the_full_serial_it_was_read_from(serial: str, data: st.DataObject) -> None:
    hidden = data.draw(st.sets(st.integers(0, len(serial) - 1)))
    partial = "".join("?" if i in hidden else c for i, c in enumerate(serial))
    comparison = compare_serials(partial, serial)
    assert comparison.consistent
    known = len(serial) - len(hidden)
    assert comparison.score == pytest.approx((known / len(serial)) ** 0.5)


@given(serials, st.data())
def test_an_obliterated_run_matches_the_full_serial(serial: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(serial) - 1))
    end = data.draw(st.integers(start + 1, len(serial)))
    partial = serial[:start] + "*" + serial[end:]
    assert compare_serials(partial, serial).consistent


@given(serials, serials)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    forward, backward = compare_serials(a, b), compare_serials(b, a)
    assert forward.score == pytest.approx(backward.score)
    assert 0.0 <= forward.score <= 1.0


@given(serials)
def test_a_serial_is_identical_to_itself(serial: str) -> None:
    assert compare_serials(serial, serial).score == 1.0


def test_a_misread_serial_scores_below_identical_but_above_unrelated() -> None:
    typo = compare_serials("AB123478", "AB123479")
    swapped = compare_serials("AB123478", "AB124378")
    unrelated = compare_serials("AB123478", "XK990011")
    assert 0.8 < typo.score < 1.0 and typo.reason == "one character differs"
    assert swapped.reason == "two neighbouring characters swapped"
    assert unrelated.score < 0.3


def test_partial_serial_that_contradicts_scores_below_one_that_fits() -> None:
    fits = compare_serials("AB12??78", "AB123478")
    contradicts = compare_serials("AB12??79", "AB123478")
    assert fits.consistent and not contradicts.consistent
    assert contradicts.score < fits.score


def test_cyrillic_serial_copied_by_sound_meets_the_original() -> None:
    comparison = compare_serials("VN 40512", "ВН40512")
    assert comparison.score == 1.0
    assert "by sound" in comparison.reason


def test_nothing_readable_is_not_a_match() -> None:
    assert compare_serials("????", "AB12").score == 0.0
    assert compare_serials(None, "AB12").score == 0.0


def test_mask_marks_unreadable_positions() -> None:
    assert apply_mask(serial="AB120078", mask="....??..") == "A812??78"
    with pytest.raises(InvalidInput) as raised:
        apply_mask(serial="AB12", mask="..?")
    assert raised.value.problems[0].rule == "same_length"


def test_status_follows_from_what_was_read() -> None:
    assert infer_serial_status("AB1234") == SerialStatus.intact
    assert infer_serial_status("AB??34") == SerialStatus.partial
    assert infer_serial_status("****") == SerialStatus.obliterated
    assert infer_serial_status(None) == SerialStatus.none


def test_ngrams_never_span_an_unreadable_position() -> None:
    assert serial_ngrams("A812??78") == {"A81", "812"}
    assert serial_ngrams("12") == {"12"}
