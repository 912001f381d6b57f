"""The single-shipment keyword test (word starts and startswith) finds exactly what the batch's
definition finds: ' stem' or ' word ' as a substring of the text padded with spaces."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.targeting import load_profiles
from interdict.targeting.condition import Keywords

# A small alphabet with spaces and '|' so that words, stems and separators collide often.
TEXT = st.text(alphabet="ab |xy", max_size=14)
TERM = st.text(alphabet="ab |xy", min_size=0, max_size=4)


def by_definition(condition: Keywords, text: str | None) -> bool:
    padded = " " + (text or "") + " "
    return any(needle in padded for needle in condition._needles())


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.none(), TEXT), stems=st.lists(TERM, max_size=4), words=st.lists(TERM, max_size=4))
def test_keywords_hold_exactly_where_a_needle_is_a_substring(text, stems, words):
    condition = Keywords("descriptions_norm", tuple(dict.fromkeys(stems)), tuple(dict.fromkeys(words)))
    assert condition.holds({"descriptions_norm": text}, context={}) == by_definition(condition, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["glock", "barrel", "pistolj", "auto", "delovi", "kafa", "paketomat", "box",
                                       "9x19", "municija", "gas", "pistol", "|", "a", ""]), max_size=6))
def test_starter_library_keywords_agree_with_the_definition(starter_keywords, words):
    text = " ".join(words)
    for key, condition in starter_keywords:
        assert condition.holds({condition.field: text}, context={}) == by_definition(condition, text), (key, text)


@pytest.fixture(scope="module")
def starter_keywords() -> list[tuple[str, Keywords]]:
    return [(i.key, c) for p in load_profiles() for i in p.indicators for c in _keyword_leaves(i.condition)]


def _keyword_leaves(condition):
    if isinstance(condition, Keywords):
        yield condition
    for part in getattr(condition, "parts", ()):
        yield from _keyword_leaves(part)
    if hasattr(condition, "part"):
        yield from _keyword_leaves(condition.part)
