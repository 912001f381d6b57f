"""Blocking at numpy speed finds exactly the listed names that the blocking keys, written out as
strings one name at a time, say are worth comparing: a faster lookup must not lose a match."""

from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.targeting.screening.blocking import BlockingIndex, name_keys

# A small alphabet and short words, so that names share words, rests, ends and initials often.
_word = st.text(alphabet="abdeijo", min_size=1, max_size=7)
_name = st.lists(st.tuples(_word, _word), min_size=1, max_size=5).map(
    lambda words: (tuple(s for s, _ in words), tuple(f for _, f in words)))


def _by_strings(listed, queries):
    listed_keys = [name_keys(words, listed=True, folded=folded) for words, folded in listed]
    return {(q, v) for q, (words, folded) in enumerate(queries)
            for v, keys in enumerate(listed_keys) if keys & name_keys(words, listed=False, folded=folded)}


@settings(max_examples=300, deadline=None)
@given(st.lists(_name, min_size=1, max_size=12), st.lists(_name, min_size=1, max_size=12))
def test_numpy_blocking_gives_the_same_candidates_as_the_string_keys(listed, queries):
    first, second = BlockingIndex(listed).candidates(queries)
    assert set(zip(first.tolist(), second.tolist())) == _by_strings(listed, queries)


def test_typos_initials_and_swapped_words_find_the_listed_name():
    listed = [(("marko", "petrovic"), ("marko", "petrovic")), (("kometal",), ("kometal",))]
    queries = [("petrovic", "marko"), ("m", "petrovic"), ("marko", "ptrovic"), ("mrako", "petrovic"),
               ("kometal", "skopje"), ("ivan", "horvat")]
    first, second = BlockingIndex(listed).candidates([(q, q) for q in queries])
    assert set(zip(first.tolist(), second.tolist())) == {(0, 0), (1, 0), (2, 0), (3, 0), (4, 1)}
