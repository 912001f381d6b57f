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
  deletions — for names written with initials ("M. Petrović", "T. Đirđević"). Only queries with
  an initial or a single whole word look these up; a query of whole words looks up only the
  listed names that were themselves written with initials (`word<!initial`), which keeps the
  blocks small;
- `single`: a name of one word (companies), with its one-letter deletions — survives one typo.
"""

from __future__ import annotations

from functools import lru_cache


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
            if len(b) == 1 and listed:
                keys.add(f"{a}<!{b}")
            elif not listed and not with_initials:
                keys.add(f"{a}<!{b[0]}")
    return keys, rests
