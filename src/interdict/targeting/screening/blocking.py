"""Blocking keys: which listed names are worth comparing with a query at all.

A query is compared only with the listed names that share at least one key with it, so the work
grows with the number of near neighbours, not with the size of the list. One family of keys
loses true matches (a typo, an initial, a swapped order each break some); several families
together lose almost none, which `benchmarks/screen.py` measures against comparing everything.

Families, on the words' spelling skeletons (single letters are initials, never keys by
themselves):
- `pair`: two whole words, in alphabetical order — survives script, diacritics and word order;
- `prefixes`: the first three letters of two words — survives a typo after them in each word;
- `word+rest`: a whole word and another without its first one or two letters, also with one
  more letter deleted — survives a typo in the first letters of the other word, and a second
  one inside it ("Djiaovski"/"Biroevski");
- `word+ends`: a whole word and the first and last letters of another (of three letters or
  more) — survives a typo inside the other word;
- `written`: `word+rest` and `word+ends` again on the folded (written) form of a word whose
  skeleton a slip changed more than the word ("Saea" has the skeleton "sa", "Saša" "sasa");
- `word+initial`: a whole word and the first letter of another, with the word's one-letter
  deletions (also of its written form where a slip changed its skeleton more, "M. Stynković")
  — for names written with initials ("M. Petrović", "T. Đirđević"). Only queries with
  an initial or a single whole word look these up; a query of whole words looks up only the
  listed names that were themselves written with initials (`word<!initial`), which keeps the
  blocks small;
- `single`: a name of one word (companies), with its one-letter deletions — survives one typo.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


@lru_cache(maxsize=1 << 18)
def _tails(word: str) -> frozenset[str]:
    """The `word+rest` forms of a word: without its first one or two letters, and those with one
    more letter deleted (a typo in the first letters and another inside the word)."""
    tails = {word[1:], word[2:]}
    if len(word) >= 5:
        tails.update(_deletions(word[1:]))
    if len(word) >= 6:
        tails.update(_deletions(word[2:]))
    return frozenset(tails)


@lru_cache(maxsize=1 << 18)
def _singles(word: str) -> tuple[str, ...]:
    return ("=" + word, *("=" + d for d in _deletions(word))) if len(word) >= 5 else ("=" + word,)


def name_keys(words: tuple[str, ...], *, listed: bool, folded: tuple[str, ...] | None = None) -> set[str]:
    """Blocking keys of one name's skeleton words; `listed` is True for watchlist names.

    `folded` (the same words before their spellings were merged) adds the `word+rest` and
    `word+ends` keys of words whose skeleton a slip changed more than the word ("saea" -> "sa").
    A query also emits the `single` keys of each of its words, so that a one-word listed company
    is found inside a longer query name ("Kometal Skopje" finds "Kometal").
    """
    keys, rests = key_parts(words, listed=listed, folded=folded)
    return keys | {f"{a}>{rest}" for a, tails in rests.items() for rest in tails}


def key_parts(
    words: tuple[str, ...], *, listed: bool, folded: tuple[str, ...] | None = None
) -> tuple[set[str], dict[str, frozenset[str]]]:
    """`name_keys` in two parts: the keys of every family but `word+rest`, and the `word+rest`
    keys as {whole word: rests of the other words}, so that a lookup skips a word's rests at once
    when no listed name has that word."""
    whole = [w for w in dict.fromkeys(words) if len(w) > 1][:6]
    keys: set[str] = set()
    if not listed or (len(whole) == 1 and len(words) == 1):
        for word in whole:
            keys.update(_singles(word))
    for i, a in enumerate(whole):
        for b in whole[i + 1 :]:
            first, second = (a, b) if a < b else (b, a)
            keys.add(f"{first} {second}")
            keys.add(f"{min(a[:3], b[:3])}^{max(a[:3], b[:3])}")
    with_initials = len(whole) < 2 or len(whole) < len(words)
    written = dict(zip(words, folded)) if folded is not None and len(folded) == len(words) else {}
    rests: dict[str, frozenset[str]] = {}
    for a in whole:
        for b in words:
            if b == a:
                continue
            if len(b) >= 4:
                rests[a] = rests[a] | _tails(b) if a in rests else _tails(b)
            if len(b) >= 3:
                keys.add(f"{a}|{b[0]}{b[-1]}")
            # A slip can change a word's skeleton more than the word ("saea" has the skeleton
            # "sa"): the written word gives the same keys.
            other = written.get(b, b)
            if other != b and len(other) >= 3:
                keys.add(f"{a}|{other[0]}{other[-1]}")
                if len(other) >= 4:
                    rests[a] = rests[a] | _tails(other) if a in rests else _tails(other)
            if listed or with_initials:
                keys.add(f"{a}<{b[0]}")
                if len(a) >= 4:
                    keys.update(f"{d}<{b[0]}" for d in _deletions(a))
                # ... and on the written word where a slip changed its skeleton more ("M. Stynković":
                # "stynkovic" has the skeleton "scnkovic", two letters from "stankovic").
                written_a = written.get(a, a)
                if written_a != a:
                    keys.add(f"{written_a}<{b[0]}")
                    if len(written_a) >= 4:
                        keys.update(f"{d}<{b[0]}" for d in _deletions(written_a))
            if len(b) == 1 and listed:
                keys.add(f"{a}<!{b}")
            elif not listed and not with_initials:
                keys.add(f"{a}<!{b[0]}")
    return keys, rests


# ---- the same keys as numbers, many names at once ---------------------------------------------
# `name_keys` builds dozens of strings per name in Python; a million names need the keys built by
# numpy. Every string a key is made of (a word, a rest, a deletion, a prefix) is replaced by a
# 64-bit polynomial hash computed for all words of a batch at once, deletions and rests included
# (a deletion's hash comes from the word's prefix sums). A key is a hash of (family, part, part).
# Two different keys sharing a hash only add a candidate, which scoring then rejects; no key is
# lost. Per name, Python only lists the ordered pairs of its words.
_PAIR, _PREFIX, _REST, _ENDS, _INITIAL, _NOT_INITIAL, _SINGLE = range(1, 8)
_MAX_LETTERS = 24  # longer words are cut, on both sides alike
_P = 0x100000001B3
_LENGTH_MIX = np.uint64(0x9E3779B97F4A7C15)
_FAMILY_MIX = np.uint64(0xC2B2AE3D27D4EB4F)
_PART_MIX = np.uint64(0x165667B19E3779F9)
_POWERS = np.array([pow(_P, i, 1 << 64) for i in range(_MAX_LETTERS + 1)], dtype=np.uint64)
_INVERSES = np.array([pow(pow(_P, -1, 1 << 64), i, 1 << 64) for i in range(_MAX_LETTERS + 2)], dtype=np.uint64)


class _WordHashes:
    """Hashes of the parts of many distinct words: the word, its first three letters, first and
    last letters, first letter, deletions, rests (`_tails`) and `single` forms, as matrices with
    a validity mask where a word has fewer parts than the widest."""

    def __init__(self, words: list[str]):
        n = len(words)
        raw = b"".join(w.encode("ascii", "replace")[:_MAX_LETTERS].ljust(_MAX_LETTERS, b"\0") for w in words)
        letters = np.frombuffer(raw, dtype=np.uint8).reshape(n, _MAX_LETTERS).astype(np.uint64)
        length = np.minimum(np.fromiter(map(len, words), dtype=np.int64, count=n), _MAX_LETTERS)
        self.length = length
        with np.errstate(over="ignore"):
            prefix = np.zeros((n, _MAX_LETTERS + 1), dtype=np.uint64)
            np.cumsum(letters * _POWERS[:_MAX_LETTERS], axis=1, out=prefix[:, 1:])
            total = prefix[:, -1:]
            self.word = self._mix(total[:, 0], length)
            three = np.minimum(length, 3)
            self.prefix = self._mix(prefix[np.arange(n), three], three)
            rows = np.arange(n)
            self.ends = letters[:, 0] * np.uint64(256) + letters[rows, np.maximum(length - 1, 0)] + np.uint64(1 << 20)
            self.first = letters[:, 0] + np.uint64(1 << 30)
            k = np.arange(_MAX_LETTERS)
            # deletion of letter k: the letters before it, then those after it shifted down by one
            after = (total - prefix[:, 1:]) * _INVERSES[1]
            self.deletions = self._mix(prefix[:, :-1] + after, length[:, None] - 1)
            self.deletions_valid = (k[None, :] < length[:, None]) & (length[:, None] >= 4)
            # rests: without the first one or two letters, and those with one more letter deleted
            tails, valid = [], []
            for start, least in ((1, 5), (2, 6)):
                rest = (total[:, 0] - prefix[:, start]) * _INVERSES[start]
                tails.append(self._mix(rest, length - start)[:, None])
                valid.append((length >= 4)[:, None])
                deleted = ((prefix[:, :-1] - prefix[:, start : start + 1]) * _INVERSES[start]
                           + (total - prefix[:, 1:]) * _INVERSES[start + 1])
                tails.append(self._mix(deleted, length[:, None] - start - 1))
                valid.append((k[None, :] >= start) & (k[None, :] < length[:, None]) & (length[:, None] >= least))
            self.tails = np.concatenate(tails, axis=1)
            self.tails_valid = np.concatenate(valid, axis=1)
            self.singles = np.concatenate([self.word[:, None], self.deletions], axis=1)
            self.singles_valid = np.concatenate(
                [np.ones((n, 1), bool), self.deletions_valid & (length[:, None] >= 5)], axis=1)

    @staticmethod
    def _mix(value: np.ndarray, length: np.ndarray) -> np.ndarray:
        return value + length.astype(np.uint64) * _LENGTH_MIX


def _key(family: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return (a * _PART_MIX) ^ (b + np.uint64(family) * _FAMILY_MIX)


def _spread(owner: np.ndarray, parts: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner, part) for every valid part of each row of `parts`."""
    rows, columns = np.nonzero(valid)
    return owner[rows], parts[rows, columns]


class BlockingIndex:
    """The listed names by blocking key (the families of `name_keys`), looked up for many queries
    at once: `candidates` gives the pairs that intersecting `name_keys` sets would give (a hash
    collision may add one), at numpy speed."""

    def __init__(self, names: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]):
        """`names`: (skeleton words, folded words) of each listed name, in variant order."""
        self.size = len(names)
        owners, keys, whole = [], [], []
        for start in range(0, len(names), _CHUNK):
            owner, key, words = self._keys(names[start : start + _CHUNK], listed=True)
            owners.append(owner + start)
            keys.append(key)
            whole.append(words)
        owner = np.concatenate(owners) if owners else np.empty(0, np.int64)
        key = np.concatenate(keys) if keys else np.empty(0, np.uint64)
        order = np.argsort(key, kind="stable")
        key, owner = key[order], owner[order]
        self.keys, starts = np.unique(key, return_index=True)
        self._starts = np.append(starts, len(key)).astype(np.int64)
        self._variants = owner.astype(np.int32)
        # A bitmap of the keys' top bits: most of a query's keys are not in the list, and a lookup
        # in it costs far less than a binary search.
        self._present = np.zeros(1 << _PRESENT_BITS, dtype=bool)
        self._present[self.keys >> np.uint64(64 - _PRESENT_BITS)] = True
        # Keys made of a query's whole word are looked up only when the list has that word.
        self._listed_words = np.unique(np.concatenate(whole)) if whole else np.empty(0, np.uint64)

    def __len__(self) -> int:
        return len(self.keys)

    def _keys(self, names, *, listed: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(name index, key) of every key of the names, with repeats; and the names' whole words."""
        skeletons = [words for words, _ in names]
        counts = np.fromiter(map(len, skeletons), dtype=np.int64, count=len(names))
        flat = list(chain.from_iterable(skeletons))
        # The written form of each word (for keys on a word a slip changed more than its letters)
        written = list(chain.from_iterable(
            folded if folded is not None and len(folded) == len(words) else words for words, folded in names))
        number = {w: i for i, w in enumerate(dict.fromkeys(chain(flat, written)))}
        word = np.fromiter(map(number.__getitem__, flat), dtype=np.int64, count=len(flat))
        other = np.fromiter(map(number.__getitem__, written), dtype=np.int64, count=len(flat))
        empty = np.empty(0, np.uint64)
        if not number:
            return np.empty(0, np.int64), empty, empty
        h = _WordHashes(list(number))
        name = np.repeat(np.arange(len(names), dtype=np.int64), counts)
        total = len(word)
        # whole words: of two letters or more, each once, the first six of a name
        same = name * len(number) + word
        _, first_at = np.unique(same, return_index=True)
        whole = np.zeros(total, bool)
        whole[first_at] = True
        whole &= h.length[word] > 1
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        seen = np.cumsum(whole)
        whole &= seen - np.repeat(np.concatenate(([0], seen))[starts], counts) <= 6
        whole_count = np.bincount(name[whole], minlength=len(names))
        # `dict(zip(words, folded))`: a word written twice takes its last written form
        _, last_reversed = np.unique(same[::-1], return_index=True)
        last_at = total - 1 - last_reversed
        by_word = np.empty(total, np.int64)
        order = np.argsort(same, kind="stable")
        group = np.cumsum(np.r_[True, same[order][1:] != same[order][:-1]]) - 1
        by_word[order] = other[last_at][group]
        other = np.where(by_word != word, by_word, -1)

        names_out: list[np.ndarray] = []
        keys_out: list[np.ndarray] = []

        def emit(family: int, owner: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
            names_out.append(owner)
            keys_out.append(_key(family, a, b))

        single = whole if not listed else whole & (counts[name] == 1)
        owner, part = _spread(name[single], h.singles[word[single]], h.singles_valid[word[single]])
        emit(_SINGLE, owner, np.zeros(len(part), np.uint64), part)
        # every ordered pair of positions (a, b) of one name, a a whole word, b any other word
        first_list, second_list = [], []
        for step in range(1, int(counts.max(initial=0))):
            at = np.arange(total - step)
            at = at[name[at] == name[at + step]]
            first_list += [at, at + step]
            second_list += [at + step, at]
        if first_list:
            pa, pb = np.concatenate(first_list), np.concatenate(second_list)
            keep = whole[pa] & (word[pa] != word[pb])
            pa, pb = pa[keep], pb[keep]
            p_name = name[pa]
            # pair and prefixes: unordered pairs of whole words
            both = whole[pb] & (pa < pb)
            x, y = h.word[word[pa[both]]], h.word[word[pb[both]]]
            emit(_PAIR, p_name[both], np.minimum(x, y), np.maximum(x, y))
            x, y = h.prefix[word[pa[both]]], h.prefix[word[pb[both]]]
            emit(_PREFIX, p_name[both], np.minimum(x, y), np.maximum(x, y))
            a, b, other_b = word[pa], word[pb], other[pb]
            if listed:
                init = np.ones(len(pa), bool)
            else:
                init = (whole_count[p_name] < 2) | (whole_count[p_name] < counts[p_name])
            a_word = h.word[a]
            # A query's keys on a whole word the list does not have cannot match: skip them early.
            a_listed = np.ones(len(a), bool) if listed else np.isin(a_word, self._listed_words)
            for seen_b in (b, other_b):
                rows = np.flatnonzero((seen_b >= 0) & a_listed)
                rows = rows[h.length[seen_b[rows]] >= 3]
                emit(_ENDS, p_name[rows], a_word[rows], h.ends[seen_b[rows]])
                rows = rows[h.length[seen_b[rows]] >= 4]
                owner, part = _spread(rows, h.tails[seen_b[rows]], h.tails_valid[seen_b[rows]])
                emit(_REST, p_name[owner], a_word[owner], part)
            rows = np.flatnonzero(init)
            emit(_INITIAL, p_name[rows], a_word[rows], h.first[b[rows]])
            owner, part = _spread(rows, h.deletions[a[rows]], h.deletions_valid[a[rows]])
            emit(_INITIAL, p_name[owner], part, h.first[b[owner]])
            other_a = other[pa]
            rows = rows[other_a[rows] >= 0]
            emit(_INITIAL, p_name[rows], h.word[other_a[rows]], h.first[b[rows]])
            owner, part = _spread(rows, h.deletions[other_a[rows]], h.deletions_valid[other_a[rows]])
            emit(_INITIAL, p_name[owner], part, h.first[b[owner]])
            if listed:
                rows = np.flatnonzero(h.length[b] == 1)
            else:
                rows = np.flatnonzero(~init & a_listed)
            emit(_NOT_INITIAL, p_name[rows], a_word[rows], h.first[b[rows]])
        return np.concatenate(names_out), np.concatenate(keys_out), h.word[word[whole]]

    def candidates(self, names: Sequence[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[np.ndarray, np.ndarray]:
        """(query index, listed name index) pairs sharing a key, each once, sorted."""
        firsts: list[np.ndarray] = []
        seconds: list[np.ndarray] = []
        for start in range(0, len(names), _CHUNK):
            owner, keys, _ = self._keys(names[start : start + _CHUNK], listed=False)
            if len(keys) == 0 or len(self.keys) == 0:
                continue
            maybe = np.flatnonzero(self._present[keys >> np.uint64(64 - _PRESENT_BITS)])
            # In key order, each binary search starts near the last one (in cache).
            maybe = maybe[np.argsort(keys[maybe])]
            owner, keys = owner[maybe], keys[maybe]
            at = np.searchsorted(self.keys, keys)
            at[at == len(self.keys)] = 0
            hit = np.flatnonzero(self.keys[at] == keys)
            owner, at = owner[hit], at[hit]
            counts = self._starts[at + 1] - self._starts[at]
            total = int(counts.sum())
            ends = np.cumsum(counts)
            offsets = np.repeat(self._starts[at] - (ends - counts), counts) + np.arange(total)
            pairs = np.sort((np.repeat(owner, counts) + start) * self.size + self._variants[offsets])
            pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
            firsts.append((pairs // self.size).astype(np.int32))
            seconds.append((pairs % self.size).astype(np.int32))
        if not firsts:
            return np.empty(0, np.int32), np.empty(0, np.int32)
        return np.concatenate(firsts), np.concatenate(seconds)


_CHUNK = 50_000
_PRESENT_BITS = 25
