"""The batched name score (`batch.py`) is the careful one (`compare_names`), pair for pair: the
same score, the same word pairs and kinds of difference, so the same matches and explanations."""

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.targeting.screening import Screener, WatchlistEntry, compare_names
from interdict.targeting.screening.batch import MAX_WORDS, WordTable, batch_scores
from interdict.targeting.screening.evaluation import (
    INDEPENDENT_PAIRS,
    LABELLED_PAIRS,
    _person_variant,
    load_names,
    read_pairs,
    typo,
)
from interdict.targeting.screening.scoring import name_forms

# Words that exercise every branch of the word similarity: initials, a man's and a woman's form,
# slips that change the skeleton more than the word ("saea" -> "sa"), spellings of one sound.
_SPECIAL = ["a", "m", "aa", "ivan", "ivana", "petar", "petra", "branko", "branka", "petrovski", "petrovska",
            "mergim", "mergime", "sasa", "saea", "saša", "djordje", "đorđe", "gjorgji", "hoxha", "hodža", "ilic",
            "ivic", "radosavljevic", "radoslavjevic"]
_WORDS = st.text(alphabet="abcdeijklmnoprstuvzčćšžđ", min_size=1, max_size=9) | st.sampled_from(_SPECIAL)
_NAMES = st.lists(_WORDS, min_size=1, max_size=MAX_WORDS + 1).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_NAMES, _NAMES, st.booleans()), min_size=1, max_size=8))
def test_batched_scores_are_the_careful_scores(pairs):
    queries = name_forms([(q, None) for q, _, _ in pairs])
    listed = name_forms([(e, None) for _, e, _ in pairs])
    table = WordTable()
    listed_words = table.encode_listed(listed)
    query_words, words = table.encode_queries(queries)
    organisation = np.array([o for _, _, o in pairs])
    scores = batch_scores(query_words, listed_words, organisation=organisation, table=words)
    for k, (query, entry) in enumerate(zip(queries, listed)):
        careful = compare_names(query, entry, organisation=bool(organisation[k]))
        if not 0 < len(query.skeleton) <= MAX_WORDS or not 0 < len(entry.skeleton) <= MAX_WORDS:
            assert np.isnan(scores.raw[k])  # left to the careful score
            continue
        assert scores.comparison(k) == careful, (query.written, entry.written)


def _generated_traffic(seed: int) -> tuple[list[WatchlistEntry], list[str]]:
    """A watchlist of the labelled sets' listed names and generated people and companies; parties
    that are their variants (scripts, order, initials, typos, middle names) and other people."""
    rng = random.Random(seed)
    names = load_names()
    firsts = names["first_names"] + [n for pair in names["first_names_paired"] for n in pair]
    labelled = read_pairs(LABELLED_PAIRS) + read_pairs(INDEPENDENT_PAIRS)
    entries = [WatchlistEntry(list_id="L", entry_id=f"P{i}", kind=pair.kind or "person", name=pair.listed)
               for i, pair in enumerate({p.listed: p for p in labelled}.values())]
    people = [(rng.choice(firsts), rng.choice(names["surnames"])) for _ in range(1_500)]
    entries += [WatchlistEntry(list_id="L", entry_id=f"G{i}", kind="person", name=f"{first} {last}",
                               aliases=(f"{last} {rng.choice(firsts)}",) if i % 10 == 0 else ())
                for i, (first, last) in enumerate(people)]
    entries += [WatchlistEntry(list_id="L", entry_id=f"C{i}", kind="organisation",
                               name=f"{rng.choice(names['company_words'])} {rng.choice(names['company_activities'])} "
                                    f"{rng.choice(names['company_forms'])}") for i in range(300)]
    parties = [p.query for p in labelled]
    parties += [_person_variant(first, last, rng)[0] for first, last in rng.sample(people, 1_000)]
    parties += [f"{rng.choice(firsts)} {typo(rng.choice(names['surnames']), rng)}" for _ in range(1_000)]
    parties += [f"{rng.choice(firsts)} {rng.choice(['M.', 'Ali', 'Jovan'])} {rng.choice(names['surnames'])} "
                f"{rng.choice(names['surnames'])}" for _ in range(200)]
    return entries, parties


@pytest.mark.parametrize("seed", [1, 2])
def test_the_screener_finds_the_same_matches_with_batched_and_careful_scores(seed):
    entries, parties = _generated_traffic(seed)
    screener = Screener(entries)
    forms = name_forms([(p, None) for p in parties])
    for min_score in (50.0, 75.0, 87.0):
        batched = screener._name_scores(forms, min_score=min_score)
        careful = screener._name_scores(forms, min_score=min_score, careful=True)
        assert len(careful) > 500  # the comparison says something
        assert batched == careful


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6), st.lists(_WORDS, min_size=1, max_size=6))
def test_the_quick_filter_on_sorted_words_is_the_token_sort_ratio(a, b):
    from rapidfuzz import fuzz

    from interdict.targeting.screening.matcher import _sorted_words

    one, other = _sorted_words([tuple(a), tuple(b)])
    assert fuzz.ratio(one, other) == fuzz.token_sort_ratio(" ".join(a), " ".join(b))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_names_need_no_accent_stripping(text):
    # `explain_names` compares ASCII names by lower case alone: what stripping accents gives them.
    from interdict.targeting.screening.scoring import _stripped_accents

    assert _stripped_accents(text) == text.lower()
