"""Serial numbers as officers read them, turned into one form that two readings can be compared in.

A serial stamped on worn metal, copied by hand from a Cyrillic marking or read off an x-ray is
normalised once (`normalise_serial`), may be partial (`?` for one unreadable character, `*` for an
unreadable run) and is compared with `compare_serials`, which never lets a guess count as knowledge.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from interdict.errors import InvalidInput, Problem

UNKNOWN_CHARACTER = "?"
UNKNOWN_RUN = "*"  # at least one character
_WILDCARDS = frozenset(UNKNOWN_CHARACTER + UNKNOWN_RUN)
# Characters an officer types for "I could not read this": kept, as the two wildcards above.
_UNKNOWN_SPELLINGS = {"?": UNKNOWN_CHARACTER, "*": UNKNOWN_RUN, "…": UNKNOWN_RUN}
_KEPT = re.compile(r"[^0-9A-Z?*]+")


class SerialStatus(StrEnum):
    """What could be read of a firearm's serial number."""

    intact = "intact"
    partial = "partial"
    obliterated = "obliterated"
    restored = "restored"  # obliterated, then recovered by a laboratory (etching, magnetic)
    none = "none"  # never marked, e.g. home-made or unmarked parts


@dataclass(frozen=True, slots=True)
class _Tables:
    visual: dict[int, str]
    phonetic: dict[int, str]
    confusables: dict[int, str]


@cache
def _tables() -> _Tables:
    data = yaml.safe_load((Path(__file__).with_name("lookalikes.yaml")).read_text(encoding="utf-8"))
    other = data["cyrillic_other"]
    visual = {**other, **data["script_lookalikes"]}
    phonetic = {**visual, **data["cyrillic_phonetic"]}
    confusables = {}
    for group in data["confusable_groups"]:
        first = str(group[0])
        for member in group[1:]:
            confusables[str(member)] = first
    return _Tables(
        visual=str.maketrans(visual),
        phonetic=str.maketrans(phonetic),
        confusables=str.maketrans(confusables),
    )


# Matching normalises the same stored serials on every query: remember the recent ones.
@lru_cache(maxsize=200_000)
def _normalise(text: str | None, *, phonetic: bool = False) -> str:
    if not text:
        return ""
    tables = _tables()
    table = tables.phonetic if phonetic else tables.visual
    # NFKC first so full-width and compatibility digits become ASCII before anything else.
    upper = unicodedata.normalize("NFKC", text).upper().translate(table)
    # Diacritics are not part of a serial: Č, Ć and C are one stamped letter read three ways.
    plain = "".join(c for c in unicodedata.normalize("NFKD", upper) if not unicodedata.combining(c))
    plain = "".join(_UNKNOWN_SPELLINGS.get(c, c) for c in plain)
    folded = _KEPT.sub("", plain.translate(tables.confusables))
    return re.sub(r"\*+", UNKNOWN_RUN, folded)


def normalise_serial(text: str | None) -> str:
    """The matching form of a serial as read: 'ab-12 ol 7b' -> 'A8120178'.

    Upper case; separators and spaces dropped; Cyrillic and Greek letters that look like Latin
    ones read as those; characters confused on stamped metal (O/0, I/1/L, S/5, Z/2, B/8) folded to
    one; `?` (one unreadable character) and `*` (an unreadable run) kept. Idempotent.
    """
    return _normalise(text)


def serial_readings(text: str | None) -> tuple[str, ...]:
    """Every matching form of `text`: the visual one first, then, where the serial has Cyrillic
    letters, the form an officer transliterating by sound would have typed ('ВН' read 'VN')."""
    visual = normalise_serial(text)
    phonetic = _normalise(text, phonetic=True)
    return (visual,) if phonetic == visual else (visual, phonetic)


def apply_mask(*, serial: str, mask: str) -> str:
    """A partial serial from what was read and a mask of the same length marking unreadable
    positions with `?` (anything else is a readable position): ('AB120078', '....??..') -> 'A812??78'.
    """
    if len(serial) != len(mask):
        raise InvalidInput(
            "The mask must have one character for each character of the serial.",
            problems=[Problem("serial_mask", "same_length", mask, f"serial has {len(serial)} characters, mask {len(mask)}")],
            hint="Write the serial with a character at every position, e.g. 'AB12xx78', and '....??..' as mask.",
        )
    return normalise_serial("".join(UNKNOWN_CHARACTER if m == "?" else c for c, m in zip(serial, mask, strict=True)))


def known_characters(normalised: str) -> int:
    """How many characters of a normalised serial were actually read."""
    return sum(1 for c in normalised if c not in _WILDCARDS)


def is_partial(normalised: str) -> bool:
    return any(c in _WILDCARDS for c in normalised)


def infer_serial_status(text: str | None) -> SerialStatus:
    """The status a serial implies when the officer gave none: nothing read, part read, all read."""
    normalised = normalise_serial(text)
    if known_characters(normalised) == 0:
        return SerialStatus.obliterated if normalised else SerialStatus.none
    return SerialStatus.partial if is_partial(normalised) else SerialStatus.intact


def serial_ngrams(normalised: str, *, n: int = 3) -> set[str]:
    """Blocking keys for a normalised serial: n-grams of each readable stretch (never across an
    unreadable position, which would invent a neighbour). A short complete serial is its own key."""
    if not is_partial(normalised) and 0 < len(normalised) < n:
        return {normalised}
    grams: set[str] = set()
    for stretch in re.split(r"[?*]", normalised):
        grams.update(stretch[i : i + n] for i in range(len(stretch) - n + 1))
    return grams


@dataclass(frozen=True, slots=True)
class SerialComparison:
    """How alike two serials are: `score` 0 to 1; `consistent` when no readable character of one
    contradicts the other (a partial serial that fits a full one); `reason` in an officer's words."""

    score: float
    consistent: bool
    reason: str


def compare_serials(a: str | None, b: str | None) -> SerialComparison:
    """Compare two serials as read (or already normalised), respecting what is unknown.

    - both complete: 1.0 when identical after normalisation, else 1 - edits/length (a swap of two
      neighbouring characters is one edit);
    - one or both partial and the readable characters fit: sqrt(known / length), so a serial with
      6 of 8 characters read scores 0.87 and '????????' scores 0;
    - partial and contradicting: at most 0.6 times the share of agreeing characters.
    Symmetric. Where one serial has Cyrillic letters, the better of the visual and the phonetic
    reading counts, and the reason says so.
    """
    readings_a, readings_b = serial_readings(a), serial_readings(b)
    if known_characters(readings_a[0]) == 0 or known_characters(readings_b[0]) == 0:
        return SerialComparison(0.0, True, "no readable serial on one side")
    best: SerialComparison | None = None
    for i, x in enumerate(readings_a):
        for j, y in enumerate(readings_b):
            found = _compare_normalised(x, y)
            if i or j:
                found = SerialComparison(found.score, found.consistent, f"{found.reason} (Cyrillic letters read by sound)")
            if best is None or found.score > best.score:
                best = found
    assert best is not None
    return best


def serial_similarity(a: str | None, b: str | None) -> float:
    """`compare_serials(a, b).score`."""
    return compare_serials(a, b).score


def _compare_normalised(x: str, y: str) -> SerialComparison:
    if not is_partial(x) and not is_partial(y):
        return _compare_complete(x, y)
    if UNKNOWN_RUN not in x + y and len(x) == len(y):
        return _compare_positions(x, y)
    if not is_partial(x) or not is_partial(y):
        partial, full = (x, y) if is_partial(x) else (y, x)
        if _pattern(partial).fullmatch(full):
            return _fits(known_characters(partial), len(full))
    return _contradicts(x, y)


def _compare_complete(x: str, y: str) -> SerialComparison:
    if x == y:
        return SerialComparison(1.0, True, "identical serial")
    edits = OSA.distance(x, y)
    score = max(0.0, 1.0 - edits / max(len(x), len(y)))
    if edits == 1 and Levenshtein.distance(x, y) == 2:
        reason = "two neighbouring characters swapped"
    elif edits == 1 and len(x) != len(y):
        reason = "one character missing"
    elif edits == 1:
        reason = "one character differs"
    else:
        reason = f"{edits} characters differ"
    return SerialComparison(score, False, reason)


def _compare_positions(x: str, y: str) -> SerialComparison:
    agree = disagree = 0
    for cx, cy in zip(x, y, strict=True):
        if UNKNOWN_CHARACTER in (cx, cy):
            continue
        if cx == cy:
            agree += 1
        else:
            disagree += 1
    if disagree == 0:
        return _fits(agree, len(x))
    return SerialComparison(
        0.6 * agree / len(x), False, f"{disagree} readable character{'s disagree' if disagree > 1 else ' disagrees'}"
    )


def _fits(known: int, length: int) -> SerialComparison:
    return SerialComparison(math.sqrt(known / length) if length else 0.0, True, f"partial serial fits ({known} of {length} characters read)")


def _contradicts(x: str, y: str) -> SerialComparison:
    # Neither position nor pattern lines up: compare what was read, discounted, so that a partial
    # that does not fit never outranks one that does.
    literal_x, literal_y = re.sub(r"[?*]", "", x), re.sub(r"[?*]", "", y)
    return SerialComparison(0.6 * ratio(literal_x, literal_y) / 100, False, "partial serial does not fit")


@cache
def _pattern(partial: str) -> re.Pattern[str]:
    return re.compile("".join("." if c == "?" else ".+" if c == "*" else re.escape(c) for c in partial))
