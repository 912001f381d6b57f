"""The watchlist matcher: finds the listed people, companies, addresses, phones and e-mails
behind the names and contacts of shipment parties, scored 0-100 and explained.

Two implementations of one surface: `Screener` (blocking keys, for production) and
`BruteForceScreener` (every query against every listed name, the reference that measures what
blocking loses). Both take many parties at once: the work is done once per distinct folded
name, the cheap C-speed comparison (rapidfuzz) first, then the careful score of every remaining
pair at once (`batch.py`, the same scores as `scoring.compare_names`); only the pairs that reach
the threshold are explained.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from interdict.targeting.screening.blocking import BlockingIndex
from interdict.targeting.screening.batch import WordTable, batch_scores
from interdict.targeting.screening.models import Match, Query, WatchlistEntry
from interdict.targeting.screening.scoring import (
    NameComparison,
    NameForm,
    compare_addresses,
    compare_names,
    explain_names,
    name_form,
    name_forms,
)
from interdict.text import normalise_email, normalise_phone
from interdict.text.addresses import Address, address_parts

# Pairs below this quick score (token-sorted Indel ratio of the skeletons or of the folded
# names) are not scored carefully. Set from the labelled pairs: true matches written without
# initials score 70 or more on it (one exception at 59); with initials, 62 or more.
PREFILTER = 70.0
PREFILTER_WITH_INITIALS = 55.0
# With initials, the token-set ratio (the words two names share) stands in for the token-sorted
# one, discounted: sharing a surname is less than being alike letter by letter.
_SHARED_WORDS = 0.7
# Without initials, sharing whole words stands in for the sorted letters only when nearly every
# letter is shared: a word sorted to the other side by a slip, not a namesake.
_SHARED_SORTED = 0.8
# With initials and a slip in the surname, the best alignment of its words within the other name
# (`fuzz.partial_token_set_ratio`), discounted; another surname stays under the filter.
_SLIPPED_WORDS = 0.75
# Serves both labelled sets (ours and the independent one): F1 0.990 and 0.961 at 87; at 85 a
# company with one more word ("Delta Sport Plus" for "Delta Sport", exactly 85.0) is a match.
DEFAULT_MIN_SCORE = 87.0
# A listed person's or company's address matching the party's adds this much (and says so).
ADDRESS_BONUS = 5.0
# At the listed address a name needs less likeness to be the listed one: two slips, a surname
# with an initial in another order. Below this, the address alone is reported (kind `address`).
NAME_AT_ADDRESS = 75.0
# A party's address is the listed one from this score of `compare_addresses` on.
SAME_ADDRESS = 85.0
PHONE_SCORE, PHONE_DIGITS_SCORE, EMAIL_SCORE = 100.0, 90.0, 100.0
# Distinct names scored together (the arrays of a batch stay in the processor's cache).
_BATCH = 10_000
# Scores are rounded to 0.1; a raw score this close below the threshold may round up to it.
_ROUNDING = 0.1
_NAME_KINDS = ("person", "organisation")


@dataclass(frozen=True, slots=True)
class _Variant:
    """One spelling under which an entry is listed: its name or one of its aliases."""

    entry: int
    written: str
    alias: bool
    form: NameForm


def _kinds_compatible(query_kind: str | None, entry_kind: str) -> bool:
    return query_kind is None or query_kind == entry_kind or query_kind not in _NAME_KINDS


def _address(street: str | None, postcode: str | None, city: str | None, country: str | None) -> Address | None:
    if not street:
        return None
    parts = address_parts(street=street, postcode=postcode, city=city, country=country)
    return parts if parts.street else None


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Screening makes millions of small objects and no reference cycles: the cycle collector
    would walk them, and every listed name, again and again for nothing (~15 % of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sorted_words(names: Iterable[tuple[str, ...]]) -> np.ndarray:
    """Each name's words sorted and joined by spaces: `fuzz.ratio` of two of them is the
    `fuzz.token_sort_ratio` of the names, without sorting each name again for every pair."""
    return np.array([" ".join(sorted(words)) for words in names], dtype=object)


def _phone_digits(e164: str) -> str:
    return e164[-8:]


def _written_digits(raw: str) -> str | None:
    """The last 8 digits of a phone that cannot be read as E.164 (a national form without its
    country, or written for another country): enough to meet the same number written in full."""
    digits = "".join(c for c in raw if c.isdigit())
    return digits[-8:] if len(digits) >= 8 else None


class Matcher(ABC):
    """Screens parties against the entries valid on `as_of` (default: today)."""

    def __init__(self, entries: Iterable[WatchlistEntry], *, as_of: date | None = None):
        day = as_of or date.today()
        self.entries: list[WatchlistEntry] = [e for e in entries if e.is_valid_on(day)]
        self.variants: list[_Variant] = []
        self._phones: dict[str, list[int]] = defaultdict(list)
        self._phone_digits: dict[str, list[int]] = defaultdict(list)
        self._emails: dict[str, list[int]] = defaultdict(list)
        self._addresses: dict[str, list[int]] = defaultdict(list)
        self._entry_address: dict[int, Address] = {}
        for index, entry in enumerate(self.entries):
            if entry.kind in _NAME_KINDS:
                for written, alias in ((entry.name, False), *((a, True) for a in entry.aliases)):
                    form = name_form(written, entry.kind)
                    if form.skeleton:
                        self.variants.append(_Variant(index, written, alias, form))
            elif entry.kind == "phone":
                for written in (entry.name, *entry.aliases):
                    phone = normalise_phone(written, country=entry.country)
                    if phone:
                        self._phones[phone].append(index)
                        self._phone_digits[_phone_digits(phone)].append(index)
                    elif (digits := _written_digits(written)) is not None:
                        self._phone_digits[digits].append(index)
            elif entry.kind == "email":
                for written in (entry.name, *entry.aliases):
                    email = normalise_email(written)
                    if email:
                        self._emails[email].append(index)
            address = _address(entry.street or (entry.name if entry.kind == "address" else None),
                                entry.postcode, entry.city, entry.country)
            if address is not None:
                self._entry_address[index] = address
                for key in self._address_keys(address):
                    self._addresses[key].append(index)
        self._skeletons = _sorted_words([v.form.skeleton for v in self.variants])
        self._folded = _sorted_words([v.form.folded for v in self.variants])
        self._variant_organisation = np.fromiter(
            (self.entries[v.entry].kind == "organisation" for v in self.variants), dtype=bool, count=len(self.variants))
        self._word_table = WordTable()
        self._variant_words = self._word_table.encode_listed([v.form for v in self.variants])
        self._variant_initials = self._has_initials([v.form for v in self.variants])
        self._build()

    @staticmethod
    def _has_initials(forms: Sequence[NameForm]) -> np.ndarray:
        return np.fromiter((any(len(w) == 1 for w in f.skeleton) for f in forms), dtype=bool, count=len(forms))

    @staticmethod
    def _address_keys(address: Address) -> set[str]:
        return {f"{address.number}|{w}" for w in address.street if len(w) >= 3}

    @abstractmethod
    def _build(self) -> None:
        """Prepare whatever finds candidates quickly."""

    @abstractmethod
    def _candidates(self, forms: Sequence[NameForm]) -> tuple[np.ndarray, np.ndarray]:
        """(form index, variant index) pairs worth comparing, possibly with repeats."""

    # ---- names --------------------------------------------------------------------------------
    def _name_scores(
        self, forms: Sequence[NameForm], *, min_score: float, careful: bool = False
    ) -> list[tuple[int, int, NameComparison]]:
        """(form index, variant index, comparison) for every pair scoring at or above `min_score`.

        Names written differently but alike once folded (scripts, diacritics, case, titles) are
        scored once: the score depends on the folded words only.
        """
        distinct: dict[tuple[str, ...], int] = {}
        same_as = np.fromiter((distinct.setdefault(f.folded, len(distinct)) for f in forms), dtype=np.int64,
                              count=len(forms))
        first_of = np.full(len(distinct), -1, dtype=np.int64)
        first_of[same_as[::-1]] = np.arange(len(forms) - 1, -1, -1)
        unique = [forms[i] for i in first_of.tolist()]
        scored = self._distinct_name_scores(unique, min_score=min_score, careful=careful)
        if len(unique) == len(forms):
            return scored
        members: dict[int, list[int]] = defaultdict(list)
        for f, slot in enumerate(same_as.tolist()):
            members[slot].append(f)
        return [(f, v, score) for slot, v, score in scored for f in members[slot]]

    def _distinct_name_scores(
        self, forms: Sequence[NameForm], *, min_score: float, careful: bool = False
    ) -> list[tuple[int, int, NameComparison]]:
        """`_name_scores` of distinct names, a batch at a time (arrays of a batch stay in cache)."""
        scored: list[tuple[int, int, NameComparison]] = []
        for start in range(0, len(forms), _BATCH):
            batch = forms[start : start + _BATCH]
            scored += [(f + start, v, comparison) for f, v, comparison in
                       self._batch_name_scores(batch, min_score=min_score, careful=careful)]
        return scored

    def _batch_name_scores(
        self, forms: Sequence[NameForm], *, min_score: float, careful: bool
    ) -> list[tuple[int, int, NameComparison]]:
        form_index, variant_index = self._candidates(forms)
        if len(form_index) == 0:
            return []
        # The token-sorted Indel ratio (`fuzz.token_sort_ratio`), on words sorted once per name.
        query_skeletons = _sorted_words([f.skeleton for f in forms])

        def on_skeletons(rows: Any, scorer: Any) -> np.ndarray:
            """`scorer` of the pairs `rows`, on the names' skeletons (words sorted)."""
            return process.cpdist(query_skeletons[form_index[rows]], self._skeletons[variant_index[rows]],
                                  scorer=scorer, workers=1)

        quick = on_skeletons(slice(None), fuzz.ratio)
        # A typo can change a skeleton more than the word; the folded forms get a second look.
        unsure = np.nonzero(quick < PREFILTER)[0]
        if len(unsure):
            query_folded = _sorted_words([f.folded for f in forms])
            quick[unsure] = process.cpdist(query_folded[form_index[unsure]], self._folded[variant_index[unsure]],
                                           scorer=fuzz.ratio, workers=1)
            # A slip in a word's first letters can sort it to the other side of the name ("Jaovanović
            # Jelena" against "Jelena Jovanović"): the words the two names share, letter by letter.
            unsure = unsure[quick[unsure] < PREFILTER]
            quick[unsure] = np.maximum(quick[unsure], on_skeletons(unsure, fuzz.token_set_ratio) * _SHARED_SORTED)
        initials = self._has_initials(forms)[form_index] | self._variant_initials[variant_index]
        # An initial and a surname ("S. Šćekić" for "Snežana Šćekić") share little of the sorted
        # letters of a name whose given name is long: with initials, the words they share count.
        short = np.flatnonzero(initials & (quick < PREFILTER_WITH_INITIALS))
        if len(short):
            quick[short] = on_skeletons(short, fuzz.token_set_ratio) * _SHARED_WORDS
            # A slip in the surname too ("L. Lubičić", "Nkolić N."): its best alignment within the name.
            slipped = short[quick[short] < PREFILTER_WITH_INITIALS]
            if len(slipped):
                quick[slipped] = on_skeletons(slipped, fuzz.partial_token_set_ratio) * _SLIPPED_WORDS
        keep = np.nonzero(quick >= np.where(initials, PREFILTER_WITH_INITIALS, PREFILTER))[0]
        form_index, variant_index = form_index[keep], variant_index[keep]
        variants = self.variants
        organisation = self._variant_organisation
        scored: list[tuple[int, int, NameComparison]] = []
        if careful:  # the reference: every pair word by word
            for f, v in zip(form_index.tolist(), variant_index.tolist()):
                comparison = compare_names(forms[f], variants[v].form, organisation=bool(organisation[v]))
                if comparison.score >= min_score:
                    scored.append((f, v, comparison))
            return scored
        # The careful score of every pair at C speed; names too long for it are scored word by word.
        queries, words = self._word_table.encode_queries(list(forms))
        scores = batch_scores(queries.take(form_index), self._variant_words.take(variant_index),
                              organisation=organisation[variant_index], table=words)
        left = np.isnan(scores.raw)
        for k in np.flatnonzero(left | (scores.raw >= min_score - _ROUNDING)).tolist():
            f, v = int(form_index[k]), int(variant_index[k])
            if left[k]:
                comparison = compare_names(forms[f], variants[v].form, organisation=bool(organisation[v]))
            else:
                comparison = scores.comparison(k)
            if comparison.score >= min_score:
                scored.append((f, v, comparison))
        return scored

    def _name_matches(
        self, names: Sequence[tuple[str, str | None]], *, min_score: float
    ) -> list[tuple[int, int, float, str]]:
        """(name index, variant index, score, explanation) of distinct (name, kind) pairs: the
        whole work on names, done where the names are (in a worker process for big batches).

        A pair is kept when it reaches `min_score`, or the lower `NAME_AT_ADDRESS` if the entry
        has a listed address (the party's may be it)."""
        forms = name_forms(names)
        found = []
        with_address = self._entry_address
        lowest = min(min_score, NAME_AT_ADDRESS) if with_address else min_score
        for f, v, comparison in self._name_scores(forms, min_score=lowest):
            variant = self.variants[v]
            if comparison.score < min_score and variant.entry not in with_address:
                continue
            if not _kinds_compatible(names[f][1], self.entries[variant.entry].kind):
                continue
            explanation = explain_names(forms[f], variant.form, comparison)
            if variant.alias:
                explanation.insert(0, "alias")
            found.append((f, v, comparison.score, "; ".join(explanation)))
        return found

    def _name_matches_in_parallel(
        self, names: Sequence[tuple[str, str | None]], *, min_score: float, workers: int
    ) -> list[tuple[int, int, float, str]]:
        if workers <= 1 or len(names) < 20_000 or os.name != "posix":
            return self._name_matches(names, min_score=min_score)
        global _FORKED
        _FORKED = self  # inherited by the forked workers, not pickled
        chunk = -(-len(names) // (workers * 4))
        starts = list(range(0, len(names), chunk))
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            parts = pool.map(_match_chunk, [(names[s : s + chunk], s, min_score) for s in starts])
            return [found for part in parts for found in part]

    # ---- the public surface -------------------------------------------------------------------
    def screen(self, queries: Sequence[Query], *, min_score: float = DEFAULT_MIN_SCORE, workers: int = 1) -> list[Match]:
        """Matches of §5 queries, best first within each query."""
        return self.screen_parties(
            names=[q.name for q in queries],
            query_ids=[q.query_id for q in queries],
            kinds=[q.kind for q in queries],
            countries=[q.country for q in queries],
            streets=[q.street for q in queries],
            cities=[q.city for q in queries],
            postcodes=[q.postcode for q in queries],
            phones=[q.phone for q in queries],
            emails=[q.email for q in queries],
            min_score=min_score,
            workers=workers,
        )

    def screen_parties(
        self,
        *,
        names: Sequence[str | None],
        query_ids: Sequence[str | None] | None = None,
        kinds: Sequence[str | None] | None = None,
        countries: Sequence[str | None] | None = None,
        streets: Sequence[str | None] | None = None,
        cities: Sequence[str | None] | None = None,
        postcodes: Sequence[str | None] | None = None,
        phones: Sequence[str | None] | None = None,
        emails: Sequence[str | None] | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
        workers: int = 1,
    ) -> list[Match]:
        """Matches of many shipment parties at once; `Match.party_index` is the position in `names`.

        Every sequence given must be as long as `names`. A party's name, address, phone and
        e-mail are each screened; a name found with the same address says so and scores higher.
        """
        with _without_cycle_collection():
            return self._screen_parties(names, query_ids, kinds, countries, streets, cities, postcodes, phones,
                                        emails, min_score, workers)

    def _screen_parties(
        self,
        names: Sequence[str | None],
        query_ids: Sequence[str | None] | None,
        kinds: Sequence[str | None] | None,
        countries: Sequence[str | None] | None,
        streets: Sequence[str | None] | None,
        cities: Sequence[str | None] | None,
        postcodes: Sequence[str | None] | None,
        phones: Sequence[str | None] | None,
        emails: Sequence[str | None] | None,
        min_score: float,
        workers: int,
    ) -> list[Match]:
        count = len(names)
        none = [None] * count

        def column(values: Sequence[str | None] | None) -> Sequence[str | None]:
            return none if values is None else values

        ids, kinds_, countries_ = column(query_ids), column(kinds), column(countries)
        streets_, cities_, postcodes_ = column(streets), column(cities), column(postcodes)
        phones_, emails_ = column(phones), column(emails)
        names_ = list(names)
        phones_ = list(phones_)
        emails_ = list(emails_)
        streets_ = list(streets_)
        # A query of kind phone / e-mail / address carries it in `name` (records.md §5 has no
        # other field for it).
        for i, kind in enumerate(() if kinds is None else kinds):
            if kind == "phone":
                phones_[i], names_[i] = phones_[i] or names_[i], None
            elif kind == "email":
                emails_[i], names_[i] = emails_[i] or names_[i], None
            elif kind == "address":
                streets_[i], names_[i] = streets_[i] or names_[i], None

        # The best (score, name matched, explanation) of each (party, entry index).
        best: dict[tuple[int, int], tuple[float, str, str]] = {}

        def offer(party: int, entry_index: int, written: str, score: float, explanation: str) -> None:
            key = (party, entry_index)
            held = best.get(key)
            if held is None or score > held[0]:
                best[key] = (round(min(score, 100.0), 1), written, explanation)

        # Names: once per distinct (name, kind).
        distinct: dict[tuple[str, str | None], int] = {}
        parties_of: list[list[int]] = []
        for party, name in enumerate(names_):
            if not name:
                continue
            kind = kinds_[party] if kinds is not None and kinds_[party] in _NAME_KINDS else None
            slot = distinct.setdefault((name, kind), len(distinct))
            if slot == len(parties_of):
                parties_of.append([party])
            else:
                parties_of[slot].append(party)
        party_address: dict[int, Address | None] = {}
        entry_address = self._entry_address
        for slot, v, score, explanation in self._name_matches_in_parallel(
            list(distinct), min_score=min_score, workers=workers
        ):
            variant = self.variants[v]
            listed_address = entry_address.get(variant.entry)
            if listed_address is None:
                if score >= min_score:
                    for party in parties_of[slot]:
                        offer(party, variant.entry, variant.written, score, explanation)
                continue
            for party in parties_of[slot]:
                reasons, total = explanation, score
                if party not in party_address:
                    party_address[party] = _address(streets_[party], postcodes_[party], cities_[party],
                                                    countries_[party])
                if party_address[party] is not None and compare_addresses(party_address[party],
                                                                          listed_address) >= SAME_ADDRESS:
                    # The name at the listed address: the bonus, and a weaker name is enough.
                    reasons = f"{explanation}; address"
                    total = max(score + ADDRESS_BONUS, min_score)
                if total >= min_score:
                    offer(party, variant.entry, variant.written, total, reasons)

        # Phones, e-mails and addresses: exact keys after normalisation.
        contacts = phones is not None or emails is not None or streets is not None or kinds is not None
        for party in range(count if contacts else 0):
            if phones_[party]:
                phone = normalise_phone(phones_[party], country=countries_[party])
                if phone:
                    for e in self._phones.get(phone, ()):
                        offer(party, e, self.entries[e].name, PHONE_SCORE, "phone")
                digits = _phone_digits(phone) if phone else _written_digits(phones_[party])
                for e in self._phone_digits.get(digits, ()) if digits else ():
                    offer(party, e, self.entries[e].name, PHONE_DIGITS_SCORE, "phone (same last 8 digits)")
            if emails_[party]:
                email = normalise_email(emails_[party])
                for e in self._emails.get(email, ()) if email else ():
                    offer(party, e, self.entries[e].name, EMAIL_SCORE, "e-mail")
            if streets_[party] and self._addresses:
                address = party_address.get(party) or _address(streets_[party], postcodes_[party],
                                                               cities_[party], countries_[party])
                if address is None:
                    continue
                seen: set[int] = set()
                for key in self._address_keys(address):
                    for e in self._addresses.get(key, ()):
                        # A listed person's or company's address under another name is no hit:
                        # many people live in one house (on generated traffic such parties
                        # were innocent 124 times out of 126).
                        if e in seen or self.entries[e].kind != "address":
                            continue
                        seen.add(e)
                        score = compare_addresses(address, self._entry_address[e])
                        if score >= min_score:
                            offer(party, e, self.entries[e].name or self.entries[e].street or "", score, "address")

        entries = self.entries
        matches = [Match(ids[party], party, entries[e].list_id, entries[e].entry_id, written, score, explanation)
                   for (party, e), (score, written, explanation) in best.items()]
        return sorted(matches, key=lambda m: (m.party_index, -m.score, m.list_id, m.entry_id))


_FORKED: Matcher | None = None


def _match_chunk(job: tuple[Sequence[tuple[str, str | None]], int, float]) -> list[tuple[int, int, float, str]]:
    names, start, min_score = job
    assert _FORKED is not None
    gc.disable()  # in the worker process only (see `_without_cycle_collection`)
    return [(f + start, v, score, reasons) for f, v, score, reasons in _FORKED._name_matches(names, min_score=min_score)]


class Screener(Matcher):
    """Compares each name only with the listed names that share a blocking key with it."""

    def _build(self) -> None:
        self._index = BlockingIndex([(v.form.skeleton, v.form.folded) for v in self.variants])

    def _candidates(self, forms: Sequence[NameForm]) -> tuple[np.ndarray, np.ndarray]:
        return self._index.candidates([(f.skeleton, f.folded) for f in forms])


class BruteForceScreener(Matcher):
    """Compares every name with every listed name: the reference for what blocking loses."""

    def _build(self) -> None:
        pass

    def _candidates(self, forms: Sequence[NameForm]) -> tuple[np.ndarray, np.ndarray]:
        if not forms or not self.variants:
            return np.empty(0, np.int32), np.empty(0, np.int32)
        queries = list(_sorted_words([f.skeleton for f in forms]))
        quick = process.cdist(queries, list(self._skeletons), scorer=fuzz.ratio,
                              score_cutoff=PREFILTER_WITH_INITIALS, dtype=np.uint8, workers=-1)
        # Pairs with initials may pass on the words they share (see `_batch_name_scores`).
        shared = process.cdist(queries, list(self._skeletons), scorer=fuzz.token_set_ratio,
                               score_cutoff=PREFILTER_WITH_INITIALS / _SHARED_WORDS, dtype=np.uint8, workers=-1)
        initials = self._has_initials(forms)[:, None] | self._variant_initials[None, :]
        rows, cols = np.nonzero(quick | (shared & initials))
        return rows.astype(np.int32), cols.astype(np.int32)
