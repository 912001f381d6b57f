"""Names of people and companies in the form the watchlist matcher compares.

`normalise_name` folds a name and drops what does not identify its bearer (titles such as "Dr.",
"г-дин"; legal forms such as "d.o.o.", "DOOEL", "GmbH"); `spelling_skeleton` then merges the
spellings that stand for one sound (Đ/Dj/D, Ch/C, Y/J, double letters), so variants meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from interdict.text.scripts import fold

NameKind = Literal["person", "organisation"]

_DATA = Path(__file__).parent / "data"


def _phrases(file: str) -> frozenset[tuple[str, ...]]:
    """Every phrase of a data file, folded to words; dots and hyphens inside a word are dropped,
    so "d.o.o." is both ("doo",) and ("d", "o", "o")."""
    groups = yaml.safe_load((_DATA / file).read_text(encoding="utf-8"))
    phrases: set[tuple[str, ...]] = set()
    for written in (p for group in groups.values() for p in group):
        written = str(written)
        phrases.add(tuple(fold(written).split()))
        phrases.add(tuple(fold(word.replace(".", "").replace("-", "")) for word in written.split()))
        phrases.add((fold(written).replace(" ", ""),))
    phrases.discard(())
    return frozenset(phrases)


_HONORIFICS = _phrases("honorifics.yaml")
_COMPANY_FORMS = _phrases("company_forms.yaml")
_SEATS = frozenset(tuple(fold(str(town)).split()) for towns in
                   yaml.safe_load((_DATA / "company_seats.yaml").read_text(encoding="utf-8")).values()
                   for town in towns)
_LONGEST = max(len(p) for p in _HONORIFICS | _COMPANY_FORMS)
# Words that can start a title or a legal form, by kind: a name with none of them (and without
# two short words in a row, which could be a form written "d. o. o.") has nothing to drop.
_PHRASE_WORDS = {
    phrases: frozenset(w for p in phrases for w in p) for phrases in (_HONORIFICS, _COMPANY_FORMS)
}

_ANY_PHRASE_WORD = _PHRASE_WORDS[_HONORIFICS] | _PHRASE_WORDS[_COMPANY_FORMS]

_VARIANTS: list[tuple[str, str]] = [
    (str(a), str(b)) for a, b in yaml.safe_load((_DATA / "spelling_variants.yaml").read_text(encoding="utf-8"))
]
_DOUBLE_LETTER = re.compile(r"([a-z])\1+")
_EQUIVALENT_WORDS: dict[str, str] = {
    fold(str(written)): fold(str(word))
    for word, spellings in yaml.safe_load((_DATA / "word_equivalents.yaml").read_text(encoding="utf-8")).items()
    for written in spellings
}


def _drop_phrases(words: list[str], phrases: frozenset[tuple[str, ...]]) -> list[str]:
    if _PHRASE_WORDS[phrases].isdisjoint(words) and not any(
        len(a) <= 3 and len(b) <= 3 for a, b in zip(words, words[1:])
    ):
        return words
    kept: list[str] = []
    i = 0
    while i < len(words):
        for length in range(min(_LONGEST, len(words) - i), 0, -1):
            run = tuple(words[i : i + length])
            # "d o o" (from "d. o. o.") is the same form as "doo"; only short pieces are joined,
            # so that real words are never glued into a legal form by accident.
            # Not when the run is a phrase and an initial ("Mr S. Petrović" is not "Mrs Petrović").
            if run in phrases or (length > 1 and max(map(len, run)) <= 3 and ("".join(run),) in phrases
                                  and not (len(run[-1]) == 1 and ("".join(run[:-1]),) in phrases)):
                i += length
                break
        else:
            kept.append(words[i])
            i += 1
    return kept


@lru_cache(maxsize=1 << 18)
def name_tokens(text: str | None, *, kind: NameKind | None = None) -> tuple[str, ...]:
    """The words of a name that identify its bearer, folded: 'Dr. Đorđe PETROVIĆ' -> ('djordje', 'petrovic').

    `kind` "person" drops titles, "organisation" drops legal forms and a town ending the name
    (`data/company_seats.yaml`); None (unknown) drops all of them.
    A name that is nothing but a title or a form keeps its words, so it is never emptied.
    """
    return identifying_words(fold(text).split(), kind=kind)


def identifying_words(words: list[str], *, kind: NameKind | None = None) -> tuple[str, ...]:
    """`name_tokens` of a name already folded into words."""
    if not words:
        return ()
    if (_ANY_PHRASE_WORD.isdisjoint(words) and (len(words) < 2 or (kind == "person" or not _ends_in_seat(words)))
            and not any(len(a) <= 3 and len(b) <= 3 for a, b in zip(words, words[1:]))):
        return tuple(words)  # nothing to drop (what `_drop_phrases` and `_drop_seat` would find)
    kept = words
    if kind != "organisation":
        kept = _drop_phrases(kept, _HONORIFICS)
    if kind != "person":
        # ... and a company's seat written after its name (no person's name ends in a town).
        kept = _drop_seat(_drop_phrases(kept, _COMPANY_FORMS))
    return tuple(kept or words)


def _ends_in_seat(words: list[str]) -> bool:
    return (words[-1],) in _SEATS or (len(words) > 2 and tuple(words[-2:]) in _SEATS)


def _drop_seat(words: list[str]) -> list[str]:
    for length in (2, 1):
        if len(words) > length and tuple(words[-length:]) in _SEATS:
            return words[:-length]
    return words


def normalise_name(text: str | None, *, kind: NameKind | None = None) -> str:
    """A name as one comparable string: 'BALKAN TRADE d.o.o. ' -> 'balkan trade', 'г-дин Ђорђе' -> 'djordje'."""
    return " ".join(name_tokens(text, kind=kind))


@lru_cache(maxsize=1 << 18)
def spelling_skeleton(word: str) -> str:
    """One folded word with spellings of one sound merged: 'djordjevich' -> 'dordevic', 'hassan' -> 'hasan'.

    Applied to both sides of a comparison, it only ever makes variants meet; it is not for display.
    Company words written phonetically ("trejd") compare as their usual spelling ("trade").
    """
    return _merge_sounds(_EQUIVALENT_WORDS.get(word, word))


# Anything `_merge_sounds` could change: a word without any of it is its own skeleton.
_MERGEABLE = re.compile("|".join([*(re.escape(written) for written, _ in _VARIANTS), r"([a-z])\1"]))


def _merge_sounds(word: str) -> str:
    # Repeated until nothing changes: one merge can make another possible ("dy" -> "dj" -> "d").
    # A round over a word with nothing mergeable would change nothing, so it is not run.
    while _MERGEABLE.search(word) is not None:
        before = word
        for written, compared in _VARIANTS:
            if written in word:
                word = word.replace(written, compared)
        word = _DOUBLE_LETTER.sub(_first_letter, word)
        if word == before:
            return word
    return word


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)


def _given_name_groups() -> dict[str, int]:
    groups: dict[str, int] = {}
    lines = yaml.safe_load((_DATA / "given_names.yaml").read_text(encoding="utf-8"))
    for number, spellings in enumerate(lines):
        for written in spellings:
            for word in (fold(str(written)), spelling_skeleton(fold(str(written)))):
                groups.setdefault(word, number)
    return groups


_GIVEN_NAMES = _given_name_groups()


def different_given_names(a: str, b: str) -> bool:
    """Whether two words (folded or skeletons) are two different known given names
    (`data/given_names.yaml`): "mario"/"dario", "zoran"/"goran", but not "aleksandar"/"aleksander"."""
    group_a = _GIVEN_NAMES.get(a)
    return group_a is not None and (group_b := _GIVEN_NAMES.get(b)) is not None and group_a != group_b
