"""Blocking keys: which listed names are worth comparing with a query at all.

A query is compared only with the listed names that share at least one key with it, so the work
grows with the number of near neighbours, not with the size of the list. One family of keys
loses true matches (a typo, an initial, a swapped order each break some); several families
together lose almost none, which `benchmarks/screen.py` measures against comparing everything.

Families, on the words' spelling skeletons (single letters are initials, never keys by
themselves):
- `pair`: two whole words, in alphabetical order — survives script, diacritics and word order;
- `prefixes`: the first three letters of two words — survives a typo after them in each word;
- `word+rest`: a whole word and another without its first one or two letters — survives a typo
  in the first letters of the other word;
- `word+ends`: a whole word and the first and last letters of another — survives a typo inside
  the other word;
- `word+initial`: a whole word and the first letter of another, with the word's one-letter
  deletions — for names written with initials ("M. Petrović", "T. Đirđević"). Only queries with
  an initial or a single whole word look these up; a query of whole words looks up only the
  listed names that were themselves written with initials (`word<!initial`), which keeps the
  blocks small;
- `single`: a name of one word (companies), with its one-letter deletions — survives one typo.
"""

from __future__ import annotations

from collections.abc import Iterator


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def name_keys(words: tuple[str, ...], *, listed: bool, folded: tuple[str, ...] | None = None) -> set[str]:
    """Blocking keys of one name's skeleton words; `listed` is True for watchlist names.

    A query also emits the `single` keys of each of its words, so that a one-word listed company
    is found inside a longer query name ("Kometal Skopje" finds "Kometal").
    """
    whole = [w for w in dict.fromkeys(words) if len(w) > 1][:6]
    keys: set[str] = set()
    if not listed or (len(whole) == 1 and len(words) == 1):
        for word in whole:
            keys.add("=" + word)
            if len(word) >= 5:
                keys.update("=" + d for d in _deletions(word))
    for i, a in enumerate(whole):
        for b in whole[i + 1 :]:
            first, second = (a, b) if a < b else (b, a)
            keys.add(f"{first} {second}")
            keys.add(f"{min(a[:3], b[:3])}^{max(a[:3], b[:3])}")
    with_initials = len(whole) < 2 or len(whole) < len(words)
    for a in whole:
        for b in words:
            if b == a:
                continue
            if len(b) >= 4:
                keys.add(f"{a}>{b[1:]}")
                keys.add(f"{a}>{b[2:]}")
                keys.add(f"{a}|{b[0]}{b[-1]}")
            if listed or with_initials:
                keys.add(f"{a}<{b[0]}")
                if len(a) >= 4:
                    keys.update(f"{d}<{b[0]}" for d in _deletions(a))
            if len(b) == 1 and listed:
                keys.add(f"{a}<!{b}")
            elif not listed and not with_initials:
                keys.add(f"{a}<!{b[0]}")
    return keys
