"""Cyrillic and Latin spellings of the region's names and words, and the one folded form they share.

`to_latin` / `to_cyrillic` give the official spelling in the other script (Serbian or Macedonian);
`fold` gives the plain-ASCII form that rules, keyword lists and the watchlist matcher compare.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from anyascii import anyascii

from interdict.errors import InvalidInput, Problem

Language = Literal["sr", "mk"]

_DATA = Path(__file__).parent / "data"
_TABLES = yaml.safe_load((_DATA / "cyrillic.yaml").read_text(encoding="utf-8"))
_LANGUAGE_TABLE = {"sr": "serbian", "mk": "macedonian"}


def _with_upper_case(table: dict[str, str]) -> dict[str, str]:
    both = dict(table)
    for lower, latin in table.items():
        both[lower.upper()] = latin.capitalize()
    return both


def _checked(language: str) -> str:
    if language not in _LANGUAGE_TABLE:
        raise InvalidInput(
            f"unknown language {language!r} for transliteration",
            problems=[Problem("language", "one_of", language, "use 'sr' (Serbian) or 'mk' (Macedonian)")],
        )
    return language


# ---- Cyrillic -> Latin -------------------------------------------------------------------------
# Each language also reads the other's letters (a Serbian text may quote a Macedonian name), so no
# Cyrillic letter of the region is ever left behind; its own spelling wins where both have one.
_TO_LATIN = {
    lang: _with_upper_case({**_TABLES[other], **_TABLES[name]})
    for (lang, name), other in zip(_LANGUAGE_TABLE.items(), ("macedonian", "serbian"))
}
# Letters written with two Latin letters: upper case depends on the neighbours (Љубиша -> Ljubiša,
# ЉУБИША -> LJUBIŠA).
_DIGRAPH_CAPITALS = {
    lang: {c: latin.upper() for c, latin in table.items() if c.isupper() and len(latin) > 1}
    for lang, table in _TO_LATIN.items()
}


def to_latin(text: str, *, language: Language = "sr") -> str:
    """Serbian or Macedonian Cyrillic in the official Latin spelling: 'Ђорђе Њего' -> 'Đorđe Njego'.

    Characters that are not Cyrillic letters of the language pass through unchanged.
    """
    table = _TO_LATIN[_checked(language)]
    capitals = _DIGRAPH_CAPITALS[language]
    out: list[str] = []
    last = len(text) - 1
    for i, char in enumerate(text):
        latin = table.get(char)
        if latin is None:
            out.append(char)
        elif char in capitals:
            after = text[i + 1] if i < last else ""
            before = text[i - 1] if i > 0 else ""
            all_capitals = after.isupper() or (not after.isalpha() and before.isupper())
            out.append(capitals[char] if all_capitals else latin)
        else:
            out.append(latin)
    return "".join(out)


# ---- Latin -> Cyrillic -------------------------------------------------------------------------
def _reverse(language: str) -> tuple[dict[str, str], re.Pattern[str]]:
    own = _TABLES[_LANGUAGE_TABLE[language]]
    other = _TABLES["macedonian" if language == "sr" else "serbian"]
    # The other language's own letters (đ, ć in Macedonian; ǵ, ḱ in Serbian) are read too; its
    # digraphs are not, since "dz" is two letters in Serbian and one in Macedonian.
    table = {**{c: l for c, l in other.items() if len(l) == 1 and l not in own.values()}, **own}
    reverse: dict[str, str] = {}
    for cyrillic, latin in table.items():
        reverse[latin] = cyrillic
        reverse[latin.capitalize()] = cyrillic.upper()
        reverse[latin.upper()] = cyrillic.upper()
    # Longest first, so that "lj" is read as љ before "l" as л.
    alternatives = sorted(reverse, key=len, reverse=True)
    return reverse, re.compile("|".join(map(re.escape, alternatives)))


_TO_CYRILLIC = {lang: _reverse(lang) for lang in _LANGUAGE_TABLE}


def to_cyrillic(text: str, *, language: Language = "sr") -> str:
    """Serbian or Macedonian Latin in Cyrillic: 'Đorđe Njegoš' -> 'Ђорђе Његош'.

    Reads lj, nj, dž (and Macedonian dz) as one letter, as the official spelling does; letters
    outside the alphabet (q, w, x, y) and other characters pass through unchanged.
    """
    reverse, pattern = _TO_CYRILLIC[_checked(language)]
    return pattern.sub(lambda m: reverse[m.group(0)], unicodedata.normalize("NFC", text))


# ---- folding -----------------------------------------------------------------------------------
_FOLD_TABLE = str.maketrans({**_TABLES["matching"], **_TABLES["latin_matching"]})
_GREEK_TABLE = str.maketrans(_TABLES["greek_matching"])
_GREEK_DIGRAPHS = {"ου": "ou", "αυ": "av", "ευ": "ev", "γγ": "ng", "μπ": "b", "ντ": "d"}
# μπ and ντ are b and d at the start of a word (μπαρούτι: barouti), mb and nt inside (λάμπα: lampa).
_GREEK_DIGRAPH = re.compile(r"ου|αυ|ευ|γγ|(?<![α-ω])(?:μπ|ντ)")
_GREEK_LETTER = re.compile(r"[α-ω]")
_WORD = re.compile(r"[0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")


def _fold_greek(text: str) -> str:
    """Greek letters (accents already dropped, lower case) in the matching form of the table."""
    if not _GREEK_LETTER.search(text):
        return text
    return _GREEK_DIGRAPH.sub(lambda m: _GREEK_DIGRAPHS[m.group(0)], text).translate(_GREEK_TABLE)


@lru_cache(maxsize=1 << 16)
def _fold_other_script(text: str) -> str:
    # Greek, Arabic, Chinese and the rest: rare in the region's data, so the general library
    # (slower) is only asked after the explicit table and decomposition have done their part.
    return anyascii(text).lower()


def fold(text: str | None) -> str:
    """The matching form of `text`: 'Пиштољ, Ćevapi-ĐORĐE' -> 'pistolj cevapi djordje'.

    Lower-case ASCII words separated by single spaces; Serbian and Macedonian Cyrillic
    transliterated; diacritics dropped; Latin đ and Cyrillic ђ both "dj"; Greek as Greeks write
    it in Latin ('Όπλο' -> 'oplo').
    """
    return " ".join(fold_words(text))


def fold_words(text: str | None) -> list[str]:
    """The words of `fold(text)`, for a caller that takes them apart again."""
    if not text:
        return []
    if text.isascii():
        return _WORD.findall(text.lower())
    lowered = text.casefold().translate(_FOLD_TABLE)
    if not lowered.isascii():
        lowered = _fold_greek(_COMBINING.sub("", unicodedata.normalize("NFKD", lowered)))
        if not lowered.isascii():
            lowered = _fold_other_script(lowered)
    return _WORD.findall(lowered)
