"""How alike two names (or addresses) are, 0 to 100, and in words why.

Names are compared word by word on their spelling skeletons (see `interdict.text.spelling_skeleton`),
so script, diacritics and transliteration cost nothing; each word of one name is paired with the
most alike word of the other, in any order. An initial pairs with a word it begins; one typing
slip in a long word costs little, more slips or a short word cost more; Ivan/Ivana, Petar/Petra
and -ski/-ska are different people, not typos.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from interdict.text import fold, identifying_words, spelling_skeleton
from interdict.text.names import different_given_names
from interdict.text.addresses import Address

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name prepared once for comparison."""

    written: str
    folded: tuple[str, ...]  # words after `fold`, titles and legal forms dropped
    skeleton: tuple[str, ...]  # the same words with spellings of one sound merged
    cyrillic: bool
    plain_ascii: bool


@lru_cache(maxsize=1 << 18)
def name_form(written: str, kind: str | None = None) -> NameForm:
    return name_forms([(written, kind)])[0]


@lru_cache(maxsize=1 << 18)
def _folded_words(piece: str) -> tuple[str, ...]:
    return tuple(fold(piece).split())


def name_forms(names: Iterable[tuple[str, str | None]]) -> list[NameForm]:
    """`name_form` of many (name, kind) at once, without a cache per name: the words of a million
    different names are mostly the same few thousand, so folding is done (and kept) per word."""
    forms: list[NameForm] = []
    cyrillic = _CYRILLIC.search
    for written, kind in names:
        name_kind = kind if kind in ("person", "organisation") else None
        # Folding never joins what a plain space separates (other spaces, such as U+2028, it may
        # drop), so each piece between spaces is folded on its own.
        words = [w for piece in written.split(" ") if piece for w in _folded_words(piece)]
        folded = identifying_words(words, kind=name_kind)
        plain = written.isascii()
        forms.append(NameForm(written, folded, tuple(map(spelling_skeleton, folded)),
                              not plain and cyrillic(written) is not None, plain))
    return forms


def gendered(a: str, b: str) -> bool:
    """Ivan/Ivana, Jovanov/Jovanova, Petrovski/Petrovska, Petar/Petra, Gëzim/Gëzime: a man's and a
    woman's name."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long == short + "a" and len(short) >= 3:
        return True
    # Albanian women's names add -e to a man's name ending in a consonant (Mërgim/Mërgime).
    if long == short + "e" and len(short) >= 4 and short[-1] not in "aeiou":
        return True
    if len(a) == len(b) >= 4 and a[:-1] == b[:-1]:
        ends = {a[-1], b[-1]}
        # Branko/Branka, Zdravko/Zdravka; Petrovski/Petrovska
        if ends == {"o", "a"} or (ends == {"i", "a"} and a[-3:-1] in ("sk", "ck", "sc")):
            return True
    for male in (a, b):
        female = b if male is a else a
        if male.endswith(("ar", "er")) and female == male[:-2] + male[-1] + "a":
            return True
    return False


# Similarity of two words, and what kind of difference it was.
EXACT, INITIAL, TYPO, GENDER, OTHER = "exact", "initial", "typo", "gender", "other"
# Two known given names a slip or two apart ("Mario"/"Dario") are two people: as alike as a man's
# and a woman's form of one name, a little less.
DIFFERENT_NAMES = 0.3


@lru_cache(maxsize=1 << 20)
def word_similarity(a: str, b: str, folded_a: str, folded_b: str) -> tuple[float, str]:
    """Similarity of two words on their skeletons, or on their folded forms where a slip of the
    fingers changed the skeleton more than the word ("biljaan" has the skeleton "biljan")."""
    on_skeleton = _similarity(a, b)
    if on_skeleton[1] == EXACT or folded_a == a and folded_b == b:
        return on_skeleton
    on_folded = _similarity(folded_a, folded_b)
    return on_folded if on_folded[0] > on_skeleton[0] else on_skeleton


def _similarity(a: str, b: str) -> tuple[float, str]:
    if a == b:
        return 1.0, EXACT
    if len(a) == 1 or len(b) == 1:
        return (0.9, INITIAL) if a[0] == b[0] else (0.0, OTHER)
    if gendered(a, b):
        return 0.35, GENDER
    longest = max(len(a), len(b))
    edits = OSA.distance(a, b)
    if edits <= 2 and different_given_names(a, b):
        return DIFFERENT_NAMES, OTHER  # Mario/Dario, Zoran/Goran: two names, not a typo
    if edits == 1:
        # One slip in a short word is as likely another name (Ilić/Ivić) as a typo.
        return (0.4 if longest <= 3 else 0.65 if longest == 4 else 0.78 if longest == 5 else
                0.86 if longest <= 7 else 0.9), TYPO
    if edits == 2:
        return (0.8 if longest >= 12 else 0.72 if longest >= 8 else 0.55 if longest >= 6 else 0.2), TYPO
    return max(0.0, 1.0 - edits / longest) * 0.5, OTHER


@lru_cache(maxsize=1 << 16)
def _weight(a: str, b: str) -> int:
    # Long words say more about identity than short ones; an initial counts as a short word.
    return max(4, min(len(a), len(b)) if min(len(a), len(b)) == 1 else max(len(a), len(b)))


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float
    pairs: tuple[tuple[int, int, float, str], ...]  # (word in query, word in entry, similarity, kind)
    extra_words: int


def _align(
    q: tuple[str, ...], e: tuple[str, ...], q_folded: tuple[str, ...] | None = None, e_folded: tuple[str, ...] | None = None
) -> tuple[float, tuple[tuple[int, int, float, str], ...]]:
    swap = len(q) > len(e)
    q_folded, e_folded = q_folded or q, e_folded or e
    small, large = (e, q) if swap else (q, e)
    small_folded, large_folded = (e_folded, q_folded) if swap else (q_folded, e_folded)
    sims = [
        [word_similarity(s, l, small_folded[i], large_folded[j]) for j, l in enumerate(large)]
        for i, s in enumerate(small)
    ]
    best_total, best_pairs = -1.0, ()
    if len(large) <= 6:
        choices = itertools.permutations(range(len(large)), len(small))
    else:  # long company names: pair greedily
        order: list[int] = []
        for i in range(len(small)):
            free = [j for j in range(len(large)) if j not in order]
            order.append(max(free, key=lambda j: sims[i][j][0]))
        choices = [tuple(order)]
    for choice in choices:
        total = weight = 0.0
        for i, j in enumerate(choice):
            w = _weight(small[i], large[j])
            total += w * sims[i][j][0]
            weight += w
        if total / weight > best_total:
            best_total = total / weight
            best_pairs = tuple((j, i, *sims[i][j]) if swap else (i, j, *sims[i][j]) for i, j in enumerate(choice))
    return best_total, best_pairs


def compare_names(query: NameForm, entry: NameForm, *, organisation: bool = False) -> NameComparison:
    """Score 0-100 of one name against one listed name."""
    q, e = query.skeleton, entry.skeleton
    if not q or not e:
        return NameComparison(0.0, (), 0)
    aligned, pairs = _align(q, e, query.folded, entry.folded)
    # On the written (folded) words, from both sides: "aa" has the skeleton "a" but is no initial.
    if not any(kind in (EXACT, TYPO) and len(query.folded[i]) > 1 and len(entry.folded[j]) > 1
               for i, j, _, kind in pairs):
        aligned = min(aligned, 0.5)  # initials alone identify no one
    extra = len(q) + len(e) - 2 * len(pairs)
    if extra:
        if len(pairs) == 1:
            aligned *= 0.75  # one word of a longer name, e.g. a surname alone
        else:
            aligned *= (0.85 if organisation else 0.93) ** extra
    return NameComparison(round(100.0 * aligned, 1), pairs, extra)


@lru_cache(maxsize=1 << 16)  # a listed name is explained again for every party it matches
def _stripped_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def explain_names(query: NameForm, entry: NameForm, comparison: NameComparison) -> list[str]:
    """What matched, in the words of §5: transliteration, diacritics, token order, initials, typo."""
    reasons: list[str] = []
    if query.cyrillic != entry.cyrillic:
        reasons.append("transliteration Cyrillic/Latin")
    elif query.plain_ascii != entry.plain_ascii or (
        query.written != entry.written and (
            query.written.lower() == entry.written.lower() if query.plain_ascii  # ASCII has no accents to strip
            else _stripped_accents(query.written) == _stripped_accents(entry.written))
    ):
        reasons.append("diacritics")
    if query.folded != entry.folded and sorted(query.skeleton) == sorted(entry.skeleton):
        reasons.append("spelling variant")
    order = [j for _, j, _, _ in sorted(comparison.pairs)]
    if order != sorted(order):
        reasons.append("token order")
    for i, j, _, kind in comparison.pairs:
        if kind == INITIAL:
            reasons.append(f"initial {query.skeleton[i][0].upper()}.")
        elif kind == TYPO:
            reasons.append(f"typo {query.folded[i]!r}~{entry.folded[j]!r}")
        elif kind == GENDER:
            reasons.append(f"different form {query.folded[i]!r}/{entry.folded[j]!r}")
        elif kind == OTHER:
            reasons.append(f"different word {query.folded[i]!r}/{entry.folded[j]!r}")
    if comparison.extra_words:
        reasons.append(f"{comparison.extra_words} word(s) unmatched")
    if _words_dropped(query.written, query.folded) or _words_dropped(entry.written, entry.folded):
        reasons.append("title or legal form ignored")
    if not reasons:
        reasons.append("same name")
    return reasons


@lru_cache(maxsize=1 << 16)  # the listed names' answers are kept
def _words_dropped(written: str, folded: tuple[str, ...]) -> bool:
    """Whether a title or legal form was dropped from the written name."""
    return fold(written).split() != list(folded)


def compare_addresses(query: Address, entry: Address) -> float:
    """0-100: the same house (street words, number, and city or postcode) in the same country; a
    flat given by both must be the same flat; a flat given by one only is the same house (85)."""
    if not query.street or not entry.street:
        return 0.0
    if query.country and entry.country and query.country != entry.country:
        return 0.0
    same_place = (query.postcode and query.postcode == entry.postcode) or (query.city and query.city == entry.city)
    if not same_place:
        if query.city and entry.city and OSA.distance(query.city, entry.city) <= 1:
            same_place = True
        elif query.city or query.postcode:
            return 0.0
    if query.number != entry.number:
        return 0.0
    if query.unit != entry.unit:
        if query.unit and entry.unit:
            return 0.0  # two flats of one house: two households
        # One gives a flat, the other not: the same house, perhaps not the same household; with
        # the listed name that is the listed person's home, alone it is not enough.
        flat = 0.85
    else:
        flat = 1.0
    words, _ = _align(query.street, entry.street)
    extra = len(query.street) + len(entry.street) - 2 * min(len(query.street), len(entry.street))
    return round(100.0 * words * 0.9**extra * (1.0 if same_place else 0.9) * flat, 1)
