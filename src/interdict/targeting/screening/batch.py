"""The careful name score (`scoring.compare_names`) of many candidate pairs at once: word distances
at C speed (rapidfuzz), word similarities and the best pairing of words in numpy.

It gives exactly the score, word pairs and kinds of difference `compare_names` gives (the same
floating-point operations in the same order, a comparison test holds them equal), for names of
up to MAX_WORDS words; longer names (rare) are left to `compare_names`. Only the pairs that reach
the threshold are turned into `NameComparison`s, to be explained.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from interdict.targeting.screening.scoring import (
    DIFFERENT_NAMES,
    EXACT,
    GENDER,
    INITIAL,
    OTHER,
    TYPO,
    NameComparison,
    NameForm,
    gendered,
)
from interdict.text.names import different_given_names

# Names of more words than this are scored by `compare_names`; they are rare.
MAX_WORDS = 4
_NO_WORD = -1
_KINDS = (EXACT, INITIAL, TYPO, GENDER, OTHER)
_EXACT, _INITIAL, _TYPO, _GENDER, _OTHER = range(len(_KINDS))
# `compare_names` multiplies by these for words left unpaired (computed as it computes them).
_EXTRA_FACTOR = {(organisation, extra): (0.85 if organisation else 0.93) ** extra
                 for organisation in (False, True) for extra in range(2 * MAX_WORDS)}
# Every way to pair the words of a name of `small` words with those of one of `large` words, in
# the order `_align` tries them (it keeps the first best).
_CHOICES = {(small, large): np.array(list(itertools.permutations(range(large), small)), dtype=np.int64)
            for small in range(1, MAX_WORDS + 1) for large in range(small, MAX_WORDS + 1)}


@dataclass(frozen=True, slots=True)
class _Words:
    """Words by number: the strings (object array), their lengths and their first letters."""

    words: np.ndarray
    lengths: np.ndarray
    firsts: np.ndarray

    @classmethod
    def of(cls, words: list[str]) -> _Words:
        return cls(np.array(words, dtype=object), np.fromiter(map(len, words), dtype=np.int64, count=len(words)),
                   np.fromiter((ord(w[0]) for w in words), dtype=np.int64, count=len(words)))

    def __add__(self, other: _Words) -> _Words:
        return _Words(*(np.concatenate((a, b)) for a, b in zip(
            (self.words, self.lengths, self.firsts), (other.words, other.lengths, other.firsts))))


@dataclass(frozen=True, slots=True)
class EncodedNames:
    """Names as word numbers: skeleton and folded word ids (padded with -1) and word counts.

    A name of more than MAX_WORDS words has its count set and no ids."""

    skeletons: np.ndarray
    folded: np.ndarray
    counts: np.ndarray

    def take(self, rows: np.ndarray) -> EncodedNames:
        return EncodedNames(self.skeletons[rows], self.folded[rows], self.counts[rows])


class WordTable:
    """The words of the listed names by number; the words of a batch of queries are numbered after
    them for that batch only, so the table does not grow with the traffic."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._words: list[str] = []
        self._arrays = _Words.of([])

    def encode_listed(self, forms: list[NameForm]) -> EncodedNames:
        encoded, new = self._encode(forms, self._ids)
        self._words += new
        self._arrays = _Words.of(self._words)
        return encoded

    def encode_queries(self, forms: list[NameForm]) -> tuple[EncodedNames, _Words]:
        """The queries' word ids, and the words of the listed names and these queries by number."""
        encoded, new = self._encode(forms, dict(self._ids))
        return encoded, (self._arrays + _Words.of(new) if new else self._arrays)

    @staticmethod
    def _encode(forms: list[NameForm], ids: dict[str, int]) -> tuple[EncodedNames, list[str]]:
        """Numbers the words of `forms`; words not in `ids` are added to it, numbered after the
        others, and returned in that order."""
        first = len(ids)
        number = ids.setdefault
        padding = [_NO_WORD] * MAX_WORDS
        skeletons: list[int] = []
        folded: list[int] = []
        counts: list[int] = []
        for form in forms:
            words = len(form.skeleton)
            if words > MAX_WORDS:
                counts.append(MAX_WORDS + 1)
                skeletons += padding
                folded += padding
                continue
            counts.append(words)
            skeletons += [number(word, len(ids)) for word in form.skeleton]
            skeletons += padding[words:]
            folded += [number(word, len(ids)) for word in form.folded]
            folded += padding[words:]
        shape = (len(forms), MAX_WORDS)
        return EncodedNames(np.array(skeletons, dtype=np.int64).reshape(shape),
                            np.array(folded, dtype=np.int64).reshape(shape),
                            np.array(counts, dtype=np.int64)), list(itertools.islice(ids, first, None))


def _word_similarities(a: np.ndarray, b: np.ndarray, table: _Words) -> tuple[np.ndarray, np.ndarray]:
    """`scoring._similarity` (value, kind code) of word id pairs, computed once per distinct pair."""
    size = len(table.words)
    distinct, back = np.unique(a * size + b, return_inverse=True)
    a, b = distinct // size, distinct % size
    la, lb = table.lengths[a], table.lengths[b]
    longest = np.maximum(la, lb)
    value = np.zeros(len(distinct), dtype=np.float64)
    kind = np.full(len(distinct), _OTHER, dtype=np.int8)
    equal = a == b
    initial = ~equal & (np.minimum(la, lb) == 1)
    same_first = initial & (table.firsts[a] == table.firsts[b])
    value[same_first], kind[same_first] = 0.9, _INITIAL
    apart = np.flatnonzero(~equal & ~initial)
    if len(apart):
        edits = process.cpdist(table.words[a[apart]], table.words[b[apart]], scorer=OSA.distance,
                               dtype=np.int64, workers=1)
        long_ = longest[apart]
        one = np.select([long_ <= 3, long_ == 4, long_ == 5, long_ <= 7], [0.4, 0.65, 0.78, 0.86], 0.9)
        two = np.select([long_ >= 12, long_ >= 8, long_ >= 6], [0.8, 0.72, 0.55], 0.2)
        other = np.maximum(0.0, 1.0 - edits / long_) * 0.5
        value[apart] = np.where(edits == 1, one, np.where(edits == 2, two, other))
        kind[apart] = np.where(edits <= 2, _TYPO, _OTHER)
        # A man's and a woman's form of a name differ by one letter (added, changed or swapped).
        close = apart[edits == 1]
        words = table.words
        forms = np.fromiter((gendered(x, y) for x, y in zip(words[a[close]], words[b[close]])), dtype=bool,
                            count=len(close))
        value[close[forms]], kind[close[forms]] = 0.35, _GENDER
        # Two known given names (Mario/Dario) are two names, as `scoring._similarity` says.
        near = apart[(edits <= 2) & ~np.isin(apart, close[forms])]
        names = np.fromiter((different_given_names(x, y) for x, y in zip(words[a[near]], words[b[near]])),
                            dtype=bool, count=len(near))
        value[near[names]], kind[near[names]] = DIFFERENT_NAMES, _OTHER
    value[equal], kind[equal] = 1.0, _EXACT
    back = back.ravel()
    return value[back], kind[back]


@dataclass(frozen=True, slots=True)
class BatchScores:
    """`compare_names` of candidate pairs: `raw` is 100 × the score before rounding (NaN for pairs
    left to `compare_names`); `comparison(k)` builds the k-th pair's `NameComparison`."""

    raw: np.ndarray
    _query_counts: np.ndarray
    _entry_counts: np.ndarray
    _chosen: np.ndarray  # (pair, word of the shorter name): the paired word of the longer one
    _values: np.ndarray  # (pair, word of the shorter name): similarity of the chosen pairing
    _kinds: np.ndarray

    def comparison(self, k: int) -> NameComparison:
        m, n = int(self._query_counts[k]), int(self._entry_counts[k])
        small = min(m, n)
        chosen = self._chosen[k, :small].tolist()
        values = self._values[k, :small].tolist()
        kinds = [_KINDS[c] for c in self._kinds[k, :small].tolist()]
        if m > n:
            pairs = tuple(zip(chosen, range(small), values, kinds))
        else:
            pairs = tuple(zip(range(small), chosen, values, kinds))
        return NameComparison(round(float(self.raw[k]), 1), pairs, m + n - 2 * small)


def batch_scores(queries: EncodedNames, entries: EncodedNames, *, organisation: np.ndarray,
                 table: _Words) -> BatchScores:
    """`compare_names` of each pair (queries[k], entries[k]) of names up to MAX_WORDS words."""
    pairs = len(queries.counts)
    raw = np.full(pairs, np.nan, dtype=np.float64)
    chosen = np.zeros((pairs, MAX_WORDS), dtype=np.int64)
    values = np.zeros((pairs, MAX_WORDS), dtype=np.float64)
    kinds = np.zeros((pairs, MAX_WORDS), dtype=np.int8)
    result = BatchScores(raw, queries.counts, entries.counts, chosen, values, kinds)
    if pairs == 0:
        return result
    # Pairs grouped by their names' word counts (m, n); every (query word, entry word) cell of
    # every group in one flat array, so that word similarities are computed in one go.
    q_count, e_count = queries.counts, entries.counts
    groups = []
    cells: list[tuple[np.ndarray, ...]] = []
    for m in range(1, MAX_WORDS + 1):
        for n in range(1, MAX_WORDS + 1):
            rows = np.flatnonzero((q_count == m) & (e_count == n))
            if len(rows):
                groups.append((m, n, rows))
                shape = (len(rows), m, n)
                cells.append(tuple(np.broadcast_to(x, shape).ravel() for x in (
                    queries.skeletons[rows, :m, None], entries.skeletons[rows, None, :n],
                    queries.folded[rows, :m, None], entries.folded[rows, None, :n])))
    if not groups:
        return result
    a_skel, b_skel, a_fold, b_fold = (np.concatenate(parts) for parts in zip(*cells))
    # `word_similarity`: on the skeletons, or on the folded words where a slip changed the skeleton
    # more than the word and the folded words are more alike.
    value, kind = _word_similarities(a_skel, b_skel, table)
    unsure = np.flatnonzero((kind != _EXACT) & ((a_fold != a_skel) | (b_fold != b_skel)))
    if len(unsure):
        on_folded, folded_kind = _word_similarities(a_fold[unsure], b_fold[unsure], table)
        better = on_folded > value[unsure]
        value[unsure[better]], kind[unsure[better]] = on_folded[better], folded_kind[better]
    # A pair of written words both longer than one letter, alike or a typo apart: initials alone
    # identify no one.
    lengths = table.lengths
    strong = ((kind == _EXACT) | (kind == _TYPO)) & (lengths[a_fold] > 1) & (lengths[b_fold] > 1)
    # `scoring._weight`, on the skeletons
    la, lb = lengths[a_skel], lengths[b_skel]
    weight = np.where(np.minimum(la, lb) == 1, 4, np.maximum(4, np.maximum(la, lb))).astype(np.float64)

    at = 0
    for m, n, rows in groups:
        size = len(rows) * m * n
        sims, weights, strongs, group_kinds = (x[at : at + size].reshape(len(rows), m, n)
                                               for x in (value, weight, strong, kind))
        at += size
        if m > n:  # the words of the shorter name are paired, as `_align` does
            sims, weights, strongs, group_kinds = (x.transpose(0, 2, 1) for x in
                                                   (sims, weights, strongs, group_kinds))
        small, large = min(m, n), max(m, n)
        best = np.full(len(rows), -1.0)
        best_choice = np.zeros(len(rows), dtype=np.int64)
        for number, choice in enumerate(_CHOICES[small, large].tolist()):
            total = weights[:, 0, choice[0]] * sims[:, 0, choice[0]]
            weight_sum = weights[:, 0, choice[0]]
            for i in range(1, small):
                total = total + weights[:, i, choice[i]] * sims[:, i, choice[i]]
                weight_sum = weight_sum + weights[:, i, choice[i]]
            ratio = total / weight_sum
            better = ratio > best
            best[better] = ratio[better]
            best_choice[better] = number
        columns = _CHOICES[small, large][best_choice]
        picked = np.arange(len(rows))[:, None], np.arange(small)[None, :], columns
        aligned = np.where(strongs[picked].any(axis=1), best, np.minimum(best, 0.5))
        extra = m + n - 2 * small
        if extra:
            if small == 1:
                aligned = aligned * 0.75
            else:
                aligned = aligned * np.where(organisation[rows], _EXTRA_FACTOR[True, extra],
                                             _EXTRA_FACTOR[False, extra])
        raw[rows] = 100.0 * aligned
        chosen[rows, :small] = columns
        values[rows, :small] = sims[picked]
        kinds[rows, :small] = group_kinds[picked]
    return result
