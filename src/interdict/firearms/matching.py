"""Matching a newly identified firearm against earlier records: has this gun been seen before?

`FirearmIndex` (in memory; the store does the same in SQL over `blocking_keys`) blocks earlier firearms by serial n-grams (both readings of a Cyrillic serial) and by
make and calibre, so a query compares a few hundred candidates, not every record; `rank_candidates`
scores those on serial, make, model and calibre and says why, best first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from interdict.firearms.makes import make_key
from interdict.firearms.models import Firearm
from interdict.firearms.serials import SerialComparison, compare_serials, known_characters, serial_ngrams, serial_readings
from interdict.text import fold

# How much each attribute counts where both firearms have it. Serial dominates: make, model and
# calibre only say the guns are alike, a serial says it may be the same gun.
WEIGHTS = {"serial": 0.6, "make": 0.15, "model": 0.1, "calibre": 0.15}
# Without a serial to compare, agreement on everything else still only makes a "look at this".
NO_SERIAL_CEILING = 0.5
# A serial with fewer readable characters than this is too weak to block on; use make and calibre.
MIN_KNOWN_FOR_SERIAL_BLOCKING = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier firearm that may be the same one, with the score (0 to 1) and the reasons."""

    firearm: Firearm
    score: float
    reasons: tuple[str, ...]
    serial: SerialComparison | None


class FirearmIndex:
    """Earlier firearm records, indexed for blocking. Add records as they are identified.

    `max_candidates` bounds the work of one query: candidates sharing the most serial n-grams are
    kept first; a serial n-gram found on more than `max_postings` records (e.g. '000') is only used
    when nothing rarer is shared.
    """

    def __init__(self, firearms: Iterable[Firearm] = (), *, max_candidates: int = 500, max_postings: int = 5000):
        self.max_candidates = max_candidates
        self.max_postings = max_postings
        self._firearms: list[Firearm] = []
        self._by_gram: dict[str, list[int]] = defaultdict(list)
        self._by_make_calibre: dict[tuple[str, str], list[int]] = defaultdict(list)
        for firearm in firearms:
            self.add(firearm)

    def __len__(self) -> int:
        return len(self._firearms)

    def add(self, firearm: Firearm) -> None:
        position = len(self._firearms)
        self._firearms.append(firearm)
        for gram in _grams(firearm):
            self._by_gram[gram].append(position)
        for key in _make_calibre_keys(firearm):
            self._by_make_calibre[key].append(position)

    def candidates(self, firearm: Firearm) -> list[Firearm]:
        """The earlier firearms worth scoring against `firearm` (never the record itself)."""
        grams = _grams(firearm)
        positions = self._serial_block(grams)
        # A serial too short or too broken up to give n-grams ('?33?33') still has a make and calibre.
        if not serial_is_blockable(firearm):
            for key in _make_calibre_keys(firearm):
                positions.extend(self._by_make_calibre.get(key, ())[: self.max_candidates])
        chosen = [self._firearms[p] for p in dict.fromkeys(positions)]
        return [c for c in chosen if c.firearm_id != firearm.firearm_id][: self.max_candidates]

    def _serial_block(self, grams: set[str]) -> list[int]:
        postings = [self._by_gram[g] for g in grams if g in self._by_gram]
        if not postings:
            return []
        usable = [p for p in postings if len(p) <= self.max_postings] or [min(postings, key=len)]
        shared = Counter(position for posting in usable for position in posting)
        return [position for position, _ in shared.most_common(self.max_candidates)]


def blocking_keys(firearm: Firearm) -> set[str]:
    """The keys the store indexes a firearm under (`firearm_blocking_keys`): 's:' and a serial
    n-gram of any reading, 'mc:' and a make|calibre pair or half."""
    return {f"s:{gram}" for gram in _grams(firearm)} | {f"mc:{make}|{calibre}" for make, calibre in _make_calibre_keys(firearm)}


def serial_is_blockable(firearm: Firearm) -> bool:
    """Whether the serial alone is enough to choose candidates by; otherwise make and calibre help."""
    return bool(_grams(firearm)) and known_characters(firearm.serial_normalised) >= MIN_KNOWN_FOR_SERIAL_BLOCKING


def _grams(firearm: Firearm) -> set[str]:
    grams: set[str] = set()
    for reading in serial_readings(firearm.serial_as_compared):
        grams |= serial_ngrams(reading)
    return grams


def _make_calibre_keys(firearm: Firearm) -> list[tuple[str, str]]:
    make = make_key(firearm.make or firearm.markings.manufacturer)
    calibre = firearm.calibre_canonical or fold(firearm.calibre)
    if not make and not calibre:
        return []
    # Indexed under the pair and under each half, so a query missing one half still finds a block.
    keys = [(make, calibre)]
    if make and calibre:
        keys += [(make, ""), ("", calibre)]
    return keys


def compare_firearms(new: Firearm, earlier: Firearm) -> Candidate:
    """Score how likely `earlier` is the same firearm as `new`, with the reasons."""
    parts: dict[str, float] = {}
    reasons: list[str] = []
    serial: SerialComparison | None = None

    if known_characters(new.serial_normalised) and known_characters(earlier.serial_normalised):
        serial = compare_serials(new.serial_as_compared, earlier.serial_as_compared)
        parts["serial"] = serial.score
        reasons.append(f"serial {earlier.serial}: {serial.reason} ({serial.score:.2f})")
    else:
        reasons.append("no serial to compare")

    new_make, old_make = make_key(new.make or new.markings.manufacturer), make_key(earlier.make or earlier.markings.manufacturer)
    if new_make and old_make:
        parts["make"] = 1.0 if new_make == old_make else ratio(new_make, old_make) / 100
        reasons.append(f"same make ({old_make})" if new_make == old_make else f"make differs ({new_make} / {old_make})")

    new_model, old_model = _model_key(new.model), _model_key(earlier.model)
    if new_model and old_model:
        parts["model"] = 1.0 if new_model == old_model else ratio(new_model, old_model) / 100
        reasons.append(f"same model ({earlier.model})" if new_model == old_model else f"model differs ({new.model} / {earlier.model})")

    new_calibre = new.calibre_canonical or fold(new.calibre)
    old_calibre = earlier.calibre_canonical or fold(earlier.calibre)
    if new_calibre and old_calibre:
        parts["calibre"] = 1.0 if new_calibre == old_calibre else 0.0
        reasons.append(f"same calibre ({old_calibre})" if new_calibre == old_calibre else f"calibre differs ({new_calibre} / {old_calibre})")

    if not parts:
        return Candidate(earlier, 0.0, tuple(reasons), serial)
    score = sum(WEIGHTS[name] * value for name, value in parts.items()) / sum(WEIGHTS[name] for name in parts)
    if serial is None:
        score = min(score, NO_SERIAL_CEILING)
    if new.category != earlier.category:
        # Categories are often misjudged at first sight (a converted pistol recorded as a pistol):
        # a hint against, not a veto.
        score *= 0.9
        reasons.append(f"category differs ({new.category} / {earlier.category})")
    return Candidate(earlier, round(score, 4), tuple(reasons), serial)


def rank_candidates(firearm: Firearm, *, index: FirearmIndex, limit: int = 10, min_score: float = 0.4) -> list[Candidate]:
    """The earlier firearms most likely to be `firearm`, best first, each with its reasons."""
    scored = (compare_firearms(firearm, earlier) for earlier in index.candidates(firearm))
    kept = [c for c in scored if c.score >= min_score]
    kept.sort(key=lambda c: (-c.score, c.firearm.firearm_id))
    return kept[:limit]


def match_firearm(firearm: Firearm, *, earlier: Iterable[Firearm], limit: int = 10, min_score: float = 0.4) -> list[Candidate]:
    """`rank_candidates` over a list of earlier firearms, for one-off questions (builds an index)."""
    return rank_candidates(firearm, index=FirearmIndex(earlier), limit=limit, min_score=min_score)


def _model_key(model: str | None) -> str:
    return fold(model).replace(" ", "")
