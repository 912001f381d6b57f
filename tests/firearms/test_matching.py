"""Matching: a firearm seen before is found among earlier records, ranked first, with reasons; and
blocking keeps each query to a small set of candidates."""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.firearms.firearm_factories import make_firearm
from interdict.firearms.matching import FirearmIndex, compare_firearms, match_firearm, rank_candidates


def _earlier() -> list:
    return [
        make_firearm(firearm_id="E1", serial="AB123478"),
        make_firearm(firearm_id="E2", serial="AB123479", make="Beretta", calibre="9mm"),
        make_firearm(firearm_id="E3", serial="XK990011"),
        make_firearm(firearm_id="E4", serial=None, serial_status="obliterated"),
    ]


def test_the_same_firearm_read_differently_ranks_first_with_reasons() -> None:
    new = make_firearm(firearm_id="N1", serial="ab-12 3478", make="Crvena Zastava", calibre="7,65mm")
    ranked = match_firearm(new, earlier=_earlier())
    assert ranked[0].firearm.firearm_id == "E1"
    assert ranked[0].score == 1.0
    assert any("identical serial" in r for r in ranked[0].reasons)
    assert "same make (Zastava)" in ranked[0].reasons


def test_a_partial_serial_finds_the_firearm_it_fits() -> None:
    new = make_firearm(firearm_id="N1", serial="AB12??78")
    ranked = match_firearm(new, earlier=_earlier())
    assert ranked[0].firearm.firearm_id == "E1"
    assert ranked[0].serial is not None and ranked[0].serial.consistent


def test_different_make_and_calibre_count_against() -> None:
    new = make_firearm(firearm_id="N1", serial="AB123479")
    ranked = {c.firearm.firearm_id: c for c in match_firearm(new, earlier=_earlier(), min_score=0)}
    # E2 has the identical serial but another make and calibre; E1 is one character off but alike.
    assert ranked["E2"].score < 1.0
    assert "calibre differs" in " ".join(ranked["E2"].reasons)


def test_without_serial_a_match_is_only_a_lead() -> None:
    new = make_firearm(firearm_id="N1", serial=None, serial_status="obliterated")
    candidate = compare_firearms(new, _earlier()[0])
    assert candidate.score <= 0.5 and "no serial to compare" in candidate.reasons


def test_obliterated_serial_is_blocked_by_make_and_calibre() -> None:
    index = FirearmIndex(_earlier())
    new = make_firearm(firearm_id="N1", serial=None, serial_status="obliterated")
    assert {f.firearm_id for f in index.candidates(new)} >= {"E1", "E3", "E4"}


def test_a_record_never_matches_itself() -> None:
    index = FirearmIndex(_earlier())
    assert all(c.firearm.firearm_id != "E1" for c in rank_candidates(_earlier()[0], index=index, min_score=0))


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ACDEFGHJKMNPRTUVWXY3467", min_size=6, max_size=10), st.data())
def test_a_partial_reading_of_an_indexed_serial_is_always_a_candidate(serial: str, data: st.DataObject) -> None:
    index = FirearmIndex([make_firearm(firearm_id="TARGET", serial=serial), make_firearm(firearm_id="OTHER", serial="ZZ000000")])
    hidden = data.draw(st.sets(st.integers(0, len(serial) - 1), max_size=2))
    partial = "".join("?" if i in hidden else c for i, c in enumerate(serial))
    ranked = rank_candidates(make_firearm(firearm_id="N", serial=partial), index=index)
    assert ranked and ranked[0].firearm.firearm_id == "TARGET"


def test_blocking_bounds_the_work_of_a_query() -> None:
    rng = random.Random(3)
    firearms = [
        make_firearm(firearm_id=f"E{i}", serial="".join(rng.choice(string.ascii_uppercase) for _ in range(2)) + f"{rng.randrange(10**6):06d}")
        for i in range(5000)
    ]
    index = FirearmIndex(firearms, max_candidates=200)
    target = firearms[1234]
    query = make_firearm(firearm_id="N", serial=target.serial[:-2] + "??")
    ranked = rank_candidates(query, index=index)
    assert len(index.candidates(query)) <= 200
    assert ranked[0].firearm.firearm_id == "E1234"
