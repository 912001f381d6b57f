"""The highest score the careful name comparison (`scoring.compare_names`) could give, for many
candidate pairs at once: word distances at C speed (rapidfuzz), pairing of words in numpy.

It is never below the careful score, so pairs whose bound misses the threshold are dropped
without changing any result; only the few that can still reach it are scored word by word.
"""

from __future__ import annotations

import itertools

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from interdict.targeting.screening.scoring import NameForm

# Names of more words than this get no bound (always scored carefully); they are rare.
MAX_WORDS = 4
_NO_WORD = -1
# The careful score is rounded to 0.1; a bound this close to the threshold is kept.
_ROUNDING = 0.1


class WordTable:
    """Every distinct word (skeleton or folded) seen so far, by number, with its length and first letter."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._words: list[str] = []

    def encode(self, forms: list[NameForm]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(skeleton word ids, folded word ids, word count) of each name; ids padded with -1.

        A name of more than MAX_WORDS words has its count set and no ids: it gets no bound.
        """
        ids = self._ids
        skeletons = np.full((len(forms), MAX_WORDS), _NO_WORD, dtype=np.int32)
        folded = np.full((len(forms), MAX_WORDS), _NO_WORD, dtype=np.int32)
        counts = np.zeros(len(forms), dtype=np.int8)
        for n, form in enumerate(forms):
            counts[n] = min(len(form.skeleton), MAX_WORDS + 1)
            if len(form.skeleton) > MAX_WORDS:
                continue
            for k, (skeleton, written) in enumerate(zip(form.skeleton, form.folded)):
                for word, row in ((skeleton, skeletons), (written, folded)):
                    number = ids.get(word)
                    if number is None:
                        number = ids[word] = len(self._words)
                        self._words.append(word)
                    row[n, k] = number
        return skeletons, folded, counts

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The words (object array), their lengths and their first letters' code points."""
        words = np.array(self._words, dtype=object)
        lengths = np.fromiter(map(len, self._words), dtype=np.int16, count=len(self._words))
        firsts = np.fromiter((ord(w[0]) for w in self._words), dtype=np.int32, count=len(self._words))
        return words, lengths, firsts


def _word_bounds(a: np.ndarray, b: np.ndarray, words: np.ndarray, lengths: np.ndarray,
                 firsts: np.ndarray) -> np.ndarray:
    """Upper bound of `scoring._similarity` for word id pairs (a, b), both valid."""
    bound = np.zeros(len(a), dtype=np.float32)
    if len(a) == 0:
        return bound
    la, lb = lengths[a].astype(np.int32), lengths[b].astype(np.int32)
    shortest, longest = np.minimum(la, lb), np.maximum(la, lb)
    equal = a == b
    initial = (shortest == 1) & ~equal
    bound[initial] = np.where(firsts[a[initial]] == firsts[b[initial]], 0.9, 0.0)
    words_apart = ~equal & ~initial
    if words_apart.any():
        # OSA distance, computed once per distinct pair of words; above 3 it is read as 3, which
        # only raises the bound.
        keys = a[words_apart].astype(np.int64) * len(words) + b[words_apart]
        distinct, back = np.unique(keys, return_inverse=True)
        distances = process.cpdist(words[distinct // len(words)], words[distinct % len(words)],
                                   scorer=OSA.distance, score_cutoff=3, dtype=np.int32, workers=-1)
        edits = np.minimum(distances[back.ravel()], 3).astype(np.float32)
        long_ = longest[words_apart]
        one = np.select([long_ <= 3, long_ == 4, long_ == 5, long_ <= 7], [0.4, 0.65, 0.78, 0.86], 0.9)
        two = np.select([long_ >= 12, long_ >= 8, long_ >= 6], [0.8, 0.72, 0.55], 0.2)
        other = np.maximum(0.0, 1.0 - edits / long_) * 0.5
        value = np.where(edits <= 1, one, np.where(edits == 2, two, other))
        # A man's and a woman's form of a name (0.35) differ by at most one letter in length.
        gendered = (np.abs(la - lb)[words_apart] <= 1) & (shortest[words_apart] >= 2)
        bound[words_apart] = np.where(gendered, np.maximum(value, 0.35), value)
    bound[equal] = 1.0
    return bound


def upper_bounds(
    query_words: tuple[np.ndarray, np.ndarray, np.ndarray],
    entry_words: tuple[np.ndarray, np.ndarray, np.ndarray],
    *,
    organisation: np.ndarray,
    table: WordTable,
) -> np.ndarray:
    """Per candidate pair, a score (0-100, or +inf for long names) never below `compare_names`.

    `query_words` and `entry_words` are `WordTable.encode` rows, already gathered pair by pair.
    """
    q_skel, q_fold, q_count = query_words
    e_skel, e_fold, e_count = entry_words
    pairs = len(q_count)
    bounds = np.zeros(pairs, dtype=np.float64)
    if pairs == 0:
        return bounds
    words, lengths, firsts = table.arrays()
    if len(words) == 0:  # only names too long for a bound
        bounds[(q_count > MAX_WORDS) | (e_count > MAX_WORDS)] = np.inf
        return bounds
    valid = (q_skel[:, :, None] != _NO_WORD) & (e_skel[:, None, :] != _NO_WORD)
    shape = (pairs, MAX_WORDS, MAX_WORDS)
    a_skel, b_skel = np.broadcast_to(q_skel[:, :, None], shape), np.broadcast_to(e_skel[:, None, :], shape)
    a_fold, b_fold = np.broadcast_to(q_fold[:, :, None], shape), np.broadcast_to(e_fold[:, None, :], shape)
    similarity = np.zeros(shape, dtype=np.float32)
    similarity[valid] = _word_bounds(a_skel[valid], b_skel[valid], words, lengths, firsts)
    # A slip can change the skeleton more than the word: the careful score takes the better of both.
    differs = valid & ((a_fold != a_skel) | (b_fold != b_skel)) & (a_skel != b_skel)
    if differs.any():
        similarity[differs] = np.maximum(similarity[differs],
                                         _word_bounds(a_fold[differs], b_fold[differs], words, lengths, firsts))
    # Word weights as in `scoring._weight`, on skeletons.
    la = np.where(a_skel >= 0, lengths[np.maximum(a_skel, 0)], 0)
    lb = np.where(b_skel >= 0, lengths[np.maximum(b_skel, 0)], 0)
    weight = np.where(np.minimum(la, lb) == 1, 4, np.maximum(4, np.maximum(la, lb))).astype(np.float32)

    for m in range(1, MAX_WORDS + 1):
        for n in range(1, MAX_WORDS + 1):
            rows = np.nonzero((q_count == m) & (e_count == n))[0]
            if len(rows) == 0:
                continue
            sims, weights = similarity[rows, :m, :n], weight[rows, :m, :n]
            if m > n:  # pair each word of the shorter name, as `_align` does
                sims, weights = sims.transpose(0, 2, 1), weights.transpose(0, 2, 1)
            small, large = min(m, n), max(m, n)
            best = np.zeros(len(rows), dtype=np.float64)
            for choice in itertools.permutations(range(large), small):
                picked = (np.arange(small), list(choice))
                w = weights[:, picked[0], picked[1]]
                total = (w * sims[:, picked[0], picked[1]]).sum(axis=1) / w.sum(axis=1)
                np.maximum(best, total, out=best)
            extra = m + n - 2 * small
            if extra:
                if small == 1:
                    best *= 0.75
                else:
                    best *= np.where(organisation[rows], 0.85, 0.93) ** extra
            bounds[rows] = 100.0 * best + _ROUNDING
    bounds[(q_count > MAX_WORDS) | (e_count > MAX_WORDS)] = np.inf
    return bounds
