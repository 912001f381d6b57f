"""The matching form of goods descriptions: `fold`, with spelled-out and look-alike letters undone,
so that a keyword list written once finds "p i s t o l" and "pist0l" as it finds "pistol"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.text import fold, fold_description


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("P.I.S.T.O.L 9mm", "pistol 9mm"),
        ("p i s t o l j", "pistolj"),
        ("П И Ш Т О Љ", "pistolj"),
        ("pist0l", "pistol"),
        ("P1STOL barrel", "pistol barrel"),
        ("mun1c1ja", "municija"),
        ("Gl00ck 17", "gloock 17"),
        ("Pi$tolj", "pistolj"),
        ("gl@ss vase", "glass vase"),
    ],
)
def test_spelling_games_are_undone(written, folded):
    assert fold_description(written) == folded


@pytest.mark.parametrize(
    "written",
    ["AK-47", "Ammo 7.62x39", "12ga shells", "MP3 player", "H2O bottle", "T-shirt", "t shirt s m",
     "Size XL 42", "A4 paper", "US$ 20", "e-mail: ana@mail.mk", "4x4 parts", "Pištolj CZ 75"],
)
def test_ordinary_descriptions_fold_as_fold_does(written):
    """Calibres, models, sizes, two initials and symbols outside a word are not letters in disguise."""
    assert fold_description(written) == fold(written)


@given(st.text())
def test_fold_description_is_idempotent_and_plain_ascii(text):
    once = fold_description(text)
    assert fold_description(once) == once
    assert once.isascii() and once == once.strip() and "  " not in once


# Words of two or more letters, no digits, no symbols: nothing to undo, so nothing may change.
_PLAIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzčćšžđпиштољ", min_size=2, max_size=9)


@given(st.lists(_PLAIN_WORD, max_size=8).map(" ".join))
def test_descriptions_without_spelling_games_are_left_as_fold_leaves_them(text):
    assert fold_description(text) == fold(text)


@given(st.lists(st.sampled_from("abcdefgxyz"), min_size=3, max_size=8))
def test_letters_spelled_out_with_any_separator_are_one_word(letters):
    word = "".join(letters)
    for separator in (" ", ".", "-", " . "):
        assert fold_description(separator.join(letters)) == word
