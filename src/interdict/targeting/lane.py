"""Lanes: red (x-ray or physical), yellow (documentary), green (release), within each unit's capacity.

Red capacity is a share of each unit's daily traffic; the riskiest eligible shipments fill it, the
profiles' priority indicators first, and unused places are banked for a few weeks: a shipment takes
one only when its score reaches a bar set by how many places its unit holds for the traffic to come
(`_BankBar`), so a burst of strong shipments still finds places. A shipment among the strongest of
all traffic so far that meets its unit with no place left borrows one from the unit's coming days,
within a bound (`DEBT_PLACES`, `DEBT_DAYS`), and never goes green. A seeded random share is sent
red regardless of risk, so the baseline is known and the model sees shipments no rule would pick;
it is marked `selected_at_random`.
"""

from __future__ import annotations

import hashlib
import math
from typing import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from interdict.errors import InvalidInput, Problem

RED, YELLOW, GREEN = "red", "yellow", "green"


def random_draws(*, reporters: list, shipment_ids: list, seed: int) -> np.ndarray:
    """A uniform number in [0, 1) per shipment from (seed, reporter, shipment_id) alone.

    A hash rather than a generator stream: the draw of a shipment does not depend on the order of
    the rows or on which other shipments are in the batch, so a selection can be re-derived later.
    """
    out = np.empty(len(shipment_ids), dtype=np.float64)
    prefix = f"{seed}|".encode()
    for n, (reporter, shipment_id) in enumerate(zip(reporters, shipment_ids)):
        digest = hashlib.blake2b(prefix + f"{reporter}|{shipment_id}".encode(), digest_size=8).digest()
        out[n] = int.from_bytes(digest, "big") / 2**64
    return out


class _Demand:
    """Per unit and day, how many shipments want a red place when the bar is at a given score:
    red-eligible priority shipments always, the others when their score reaches the bar."""

    def __init__(self, *, group: np.ndarray, groups: int, score: np.ndarray, red_ok: np.ndarray,
                 priority: np.ndarray, yellow_ok: np.ndarray) -> None:
        self.first = np.bincount(group, weights=red_ok & priority, minlength=groups).astype(np.int64)
        self.red = np.bincount(group, weights=red_ok, minlength=groups).astype(np.int64)
        self.yellow = np.bincount(group, weights=yellow_ok & ~red_ok, minlength=groups).astype(np.int64)
        ranked = red_ok & ~priority
        order = np.lexsort((score[ranked], group[ranked]))
        self.scores = score[ranked][order]  # ascending within each group
        self.bounds = np.searchsorted(group[ranked][order], np.arange(groups + 1))

    def eligible(self, g: int, bar: int) -> int:
        low, high = self.bounds[g], self.bounds[g + 1]
        return int(self.first[g] + high - low - np.searchsorted(self.scores[low:high], bar))

    def rest(self, g: int, bar: int) -> int:
        """Shipments that may take a place otherwise lost tonight: yellow-eligible ones and
        red-eligible ones under the bar."""
        return int(self.yellow[g] + self.red[g] - self.eligible(g, bar))


class _BankBar:
    """The score a shipment needs for one of its unit's places today: the unit's places, spread
    over the shipments it expects in the next `horizon_days` days, should go to the riskiest that
    share of traffic, judged on every unit's scores so far (that day and the days before).

    Few places for the traffic to come: only the strongest take one, and the bursts that come later
    still find places. Many places (a quiet spell banked them): weaker shipments may take them
    before they expire. Scores are integers 0-100, so the scores so far are a histogram per day."""

    def __init__(self, *, score: np.ndarray, day: np.ndarray, horizon_days: int) -> None:
        self.days, which = np.unique(day, return_inverse=True)
        per_day = np.zeros((len(self.days), 102), dtype=np.int64)
        np.add.at(per_day, (which, np.clip(score, 0, 100)), 1)
        so_far = np.cumsum(per_day, axis=0)
        self.at_least = np.cumsum(so_far[:, ::-1], axis=1)[:, ::-1]  # [day, s]: scores so far >= s
        self.horizon = horizon_days

    def bar(self, day: int, places: int, per_day: float) -> int:
        at_least = self.at_least[np.searchsorted(self.days, day)]
        allowed = math.ceil(places / (per_day * self.horizon) * at_least[0])
        # The lowest score that no more than `allowed` shipments so far reached: shipments tied at
        # the edge are all in or all out, and with one place the strongest so far may take it.
        return int(np.argmax(at_least <= allowed))

    def top(self, day: int, share: float) -> int:
        """The lowest score that no more than `share` of all shipments scored so far reached (rounded
        up, as the bar: the strongest so far is in), and 100, the cap, is always in."""
        at_least = self.at_least[np.searchsorted(self.days, day)]
        return min(int(np.argmax(at_least <= math.ceil(share * at_least[0]))), 100)


def _daily_limits(*, sizes: np.ndarray, group_unit: np.ndarray, group_day: np.ndarray,
                  red_share: float, capacity: Mapping[str, int] | None, demand: _Demand | None = None,
                  carry_days: int = 0, bank_bar: _BankBar | None = None,
                  use_expiring: bool = False, strong: np.ndarray | None = None,
                  debt_days: int = 0, debt_places: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Red places per unit and day. A share of a small day's traffic is a fraction of a place:
    the fractions carry over from day to day within a unit (largest-remainder rounding of the
    running total), so over a period each unit gets red_share of its traffic, no more, no less.

    With `carry_days` > 0, places a unit left unused (fewer shipments wanting one than places)
    stay available for the next `carry_days` days, oldest first: a burst of split parcels on one
    day can then use the places of the quiet days before it. A unit never gets more red places
    over a period than its share of that period's traffic, but for what it borrows (below).

    With `bank_bar`, a red-eligible shipment wants a place only when its score reaches the bar of
    its unit and day (see `_BankBar`); without, every red-eligible shipment wants one. With
    `use_expiring`, places reaching the end of their carry go to the shipments `demand.rest`
    counts.

    With `strong` (a score per group), shipments reaching it always want a place, whatever the bar,
    and when the unit has none left they borrow from its coming days: the unit's next places repay
    the debt first, and it never owes more than `debt_places` places or `debt_days` days of its
    places (at its mean daily traffic so far), whichever is more. So a unit sends at most red_share
    of its traffic so far plus that bound red. Days are taken in order and each day's decision
    reads only that day and the days before. Groups are a unit's day: `group_unit` and `group_day`
    (days since the epoch) name them. Returns (places for red-eligible shipments, expiring places
    for the rest, bars)."""
    limits = np.zeros(len(sizes), dtype=np.int64)
    spare = np.zeros(len(sizes), dtype=np.int64)
    bars = np.zeros(len(sizes), dtype=np.int64)
    running: dict[str, int] = {}
    first_day: dict[str, int] = {}
    banked: dict[str, list[list]] = {}  # unit -> [[day, unused places], ...] oldest first
    owed: dict[str, int] = {}  # unit -> places borrowed from its coming days, not yet repaid
    for g in np.lexsort((group_day, group_unit)).tolist():  # each unit's days in order
        unit, day = group_unit[g], int(group_day[g])
        before = running.get(unit, 0)
        running[unit] = before + int(sizes[g])
        base = math.floor(red_share * running[unit] + 0.5) - math.floor(red_share * before + 0.5)
        if capacity and unit in capacity:
            limits[g] = capacity[unit]
            continue
        if carry_days <= 0 or demand is None:  # a place unused today is lost: no bar, nothing banked
            limits[g] = base
            if use_expiring and demand is not None:
                spare[g] = min(demand.rest(g, 0), base - min(demand.eligible(g, 0), base))
            continue
        bank = [entry for entry in banked.get(unit, []) if day - entry[0] <= carry_days and entry[1] > 0]
        repaid = min(base, owed.get(unit, 0))
        base -= repaid
        owed[unit] = owed.get(unit, 0) - repaid
        own = base + sum(entry[1] for entry in bank)
        per_day = running[unit] / (day - first_day.setdefault(unit, day) + 1)
        if bank_bar is not None:
            bars[g] = bank_bar.bar(day, own, per_day)
        limits[g] = own
        if strong is not None:
            bars[g] = min(int(bars[g]), int(strong[g]))
            bound = max(debt_places, math.ceil(debt_days * red_share * per_day - 1e-9))
            borrowed = min(max(demand.eligible(g, int(strong[g])) - own, 0), max(bound - owed[unit], 0))
            limits[g] += borrowed
            owed[unit] += borrowed
        need = min(demand.eligible(g, int(bars[g])), own)
        for entry in bank:  # the oldest places expire first, so they are used first
            take = min(entry[1], need)
            entry[1] -= take
            need -= take
        bank.append([day, base - need])
        if use_expiring:  # places on their last day go to the best of the rest, not to waste
            give = min(demand.rest(g, int(bars[g])), sum(entry[1] for entry in bank if day - entry[0] >= carry_days))
            spare[g] = give
            for entry in bank:
                if day - entry[0] >= carry_days:
                    take = min(entry[1], give)
                    entry[1] -= take
                    give -= take
        banked[unit] = bank
    return limits, spare, bars


CARRY_DAYS = 21  # unused red places of a unit stay available this many days (see `_daily_limits`)
HORIZON_DAYS = 10  # a unit's banked places are spread over the traffic of this many days (see `_BankBar`)
# A shipment among this share of the highest scores of all traffic so far (and any of 100) always
# wants a red place; one that meets its unit with none left borrows from the unit's coming days,
# while the unit owes no more than DEBT_PLACES places or DEBT_DAYS days of its places, whichever is
# more; and it never goes green (see docs/targeting.md, session 8 lanes).
BORROW_SHARE = 0.01
DEBT_PLACES = 2
DEBT_DAYS = 5
# Documentary checks take minutes, not an x-ray and an opening, but they are not free either: the
# riskiest of the rest, up to this share of a unit's day, go yellow (30 % of traffic did before).
YELLOW_SHARE = 0.08


def assign_lanes(scored: pa.Table, *, red_share: float = 0.02, random_share: float = 0.005, seed: int = 0,
                 capacity: Mapping[str, int] | None = None, carry_days: int = CARRY_DAYS,
                 yellow_share: float | None = YELLOW_SHARE, use_expiring: bool = True,
                 horizon_days: int | None = HORIZON_DAYS, borrow_share: float | None = BORROW_SHARE,
                 debt_places: int = DEBT_PLACES, debt_days: int = DEBT_DAYS) -> pa.Table:
    """Add `lane`, `selected_at_random` and `draw` to the output of `evaluate`.

    Per unit and day: red capacity is red_share of the day's shipments, fractions carried over
    from day to day (see `_daily_limits`), unless `capacity` names the unit's daily number.
    Places a unit left unused stay available for `carry_days` days (0: a day's places are lost
    at midnight). Then each remaining shipment whose draw is below `random_share` goes red at
    random. Places that would be lost tonight (their carry ends; with `carry_days=0`, the
    day's unused places) go to the riskiest yellow-eligible shipments of the day, unless
    `use_expiring` is false: they still score at least `yellow_min_score` and say why. Of the
    eligible shipments left (red-eligible beyond capacity first, then by priority
    and score), at most `yellow_share` of the unit's day go yellow (None: all of them).

    With a carry, a red-eligible shipment (not a priority one) takes a place only when its score
    reaches its unit's bar that day: the score that the riskiest share of all traffic so far
    reached, that share being the unit's places over its expected traffic of the next
    `horizon_days` days (`_BankBar`; None: no bar). Red-eligible shipments under the bar go yellow
    or take expiring places like the yellow-eligible ones.

    With a carry and `borrow_share`, a red-eligible shipment whose score is among the top
    `borrow_share` of all traffic so far is strong: it wants a place whatever its unit's bar, and
    when its unit has none left it borrows one from the unit's coming days (repaid from its next
    places; the unit never owes more than `debt_places` places or `debt_days` days of its places,
    whichever is more; both 0: no borrowing; a unit of `capacity` does not borrow). A strong
    shipment that still finds no place goes yellow beyond the yellow share, never green.
    """
    shares = (("red_share", red_share), ("random_share", random_share), ("yellow_share", yellow_share or 0),
              ("borrow_share", borrow_share or 0))
    problems = [Problem(name, "0..1", value, "a share between 0 and 1") for name, value in shares if not 0 <= value <= 1]
    if horizon_days is not None and horizon_days < 1:
        problems.append(Problem("horizon_days", "positive", horizon_days, "a number of days from 1, or None for no bar"))
    problems += [Problem(name, "not negative", value, "a number from 0") for name, value in
                 (("debt_places", debt_places), ("debt_days", debt_days)) if value < 0]
    if problems:
        raise InvalidInput("lane settings out of range", problems=problems)
    n = scored.num_rows
    if n == 0:
        return scored.append_column("lane", pa.array([], pa.string())).append_column(
            "selected_at_random", pa.array([], pa.bool_())).append_column("draw", pa.array([], pa.float64()))
    draw = random_draws(reporters=scored.column("reporter").to_pylist(),
                        shipment_ids=scored.column("shipment_id").to_pylist(), seed=seed)
    units = scored.column("unit").to_numpy(zero_copy_only=False).astype(str)
    group_keys = pc.binary_join_element_wise(scored.column("unit"), scored.column("day").cast(pa.string()), "|")
    encoded = pc.dictionary_encode(group_keys).combine_chunks()
    group = encoded.indices.to_numpy()
    sizes = np.bincount(group)
    day = scored.column("day").to_numpy(zero_copy_only=False).astype("datetime64[D]").astype(np.int64)
    # Every row of a group has its unit and day: one assignment per row names the groups'.
    group_unit, group_day = np.empty(len(sizes), dtype=units.dtype), np.empty(len(sizes), dtype=np.int64)
    group_unit[group], group_day[group] = units, day
    score = scored.column("score").to_numpy().astype(np.int64)
    red_ok = scored.column("red_eligible").to_numpy(zero_copy_only=False).astype(bool)
    yellow_ok = scored.column("yellow_eligible").to_numpy(zero_copy_only=False).astype(bool)
    priority = scored.column("priority").to_numpy(zero_copy_only=False).astype(bool)
    demand = _Demand(group=group, groups=len(sizes), score=score, red_ok=red_ok, priority=priority, yellow_ok=yellow_ok)
    so_far = _BankBar(score=score, day=day, horizon_days=horizon_days or 1)  # the bar, and the strong score
    strong = None
    if borrow_share and carry_days > 0:
        strong = np.array([so_far.top(int(d), borrow_share) for d in group_day], dtype=np.int64)
    limits, spare, bars = _daily_limits(
        sizes=sizes, group_unit=group_unit, group_day=group_day, red_share=red_share,
        capacity=capacity, demand=demand, carry_days=carry_days, use_expiring=use_expiring,
        bank_bar=so_far if horizon_days is not None else None, strong=strong, debt_days=debt_days,
        debt_places=debt_places)
    wants = red_ok & (priority | (score >= bars[group]))  # red-eligible and at the bar of its unit and day
    # Within a group: those wanting a place first, then priority, then score, then the draw breaks ties fairly.
    order = np.lexsort((draw, -score, ~priority, ~wants, group))
    starts = np.zeros(len(sizes), dtype=np.int64)
    starts[1:] = np.cumsum(sizes)[:-1]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - starts[group[order]]
    red = wants & (rank < limits[group])
    if use_expiring:
        rest = (yellow_ok | red_ok) & ~wants
        order = np.lexsort((draw, -score, ~priority, ~rest, group))
        rank[order] = np.arange(n) - starts[group[order]]
        red |= rest & (rank < spare[group])
    at_random = ~red & (draw < random_share)
    yellow = (yellow_ok | red_ok) & ~red & ~at_random
    if yellow_share is not None:
        yellow_limits, _, _ = _daily_limits(sizes=sizes, group_unit=group_unit, group_day=group_day,
                                            red_share=yellow_share, capacity=None)
        order = np.lexsort((draw, -score, ~priority, ~red_ok, ~yellow, group))
        rank[order] = np.arange(n) - starts[group[order]]
        yellow &= rank < yellow_limits[group]
    if strong is not None:  # a strong shipment left without a place is at least checked on paper
        yellow |= red_ok & (score >= strong[group]) & ~red & ~at_random
    lane = np.where(red | at_random, RED, np.where(yellow, YELLOW, GREEN))
    return (scored.append_column("lane", pa.array(lane, pa.string()))
            .append_column("selected_at_random", pa.array(at_random))
            .append_column("draw", pa.array(draw)))
