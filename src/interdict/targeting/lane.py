"""Lanes: red (x-ray or physical), yellow (documentary), green (release), within each unit's capacity.

Red capacity is a share of each unit's daily traffic; the riskiest eligible shipments fill it, the
profiles' priority indicators first. A seeded random share is sent red regardless of risk, so the
baseline is known and the model sees shipments no rule would pick; it is marked `selected_at_random`.
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


def _daily_limits(*, group: np.ndarray, sizes: np.ndarray, first_unit: dict, days: pa.ChunkedArray,
                  red_share: float, capacity: Mapping[str, int] | None, eligible: np.ndarray | None = None,
                  carry_days: int = 0, second: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Red places per unit and day. A share of a small day's traffic is a fraction of a place:
    the fractions carry over from day to day within a unit (largest-remainder rounding of the
    running total), so over a period each unit gets red_share of its traffic, no more, no less.

    With `carry_days` > 0, places a unit left unused (fewer red-eligible shipments than places)
    stay available for the next `carry_days` days, oldest first: a burst of split parcels on one
    day can then use the places of the quiet days before it. A unit never gets more red places
    over a period than its share of that period's traffic.

    `second` counts, per unit and day, the shipments that may take a place that would otherwise
    be lost tonight (yellow-eligible ones): places reaching the end of their carry are given to
    them. Returns (places for red-eligible shipments, expiring places for the second tier)."""
    day_of = {}
    for g, d in zip(group, days.to_numpy(zero_copy_only=False)):
        day_of.setdefault(g, d)
    limits = np.zeros(len(sizes), dtype=np.int64)
    spare = np.zeros(len(sizes), dtype=np.int64)
    running: dict[str, int] = {}
    banked: dict[str, list[list]] = {}  # unit -> [[day, unused places], ...] oldest first
    for g in sorted(range(len(sizes)), key=lambda g: (first_unit[g], day_of[g])):
        unit = first_unit[g]
        if capacity and unit in capacity:
            limits[g] = capacity[unit]
            continue
        before = running.get(unit, 0)
        running[unit] = before + int(sizes[g])
        base = math.floor(red_share * running[unit] + 0.5) - math.floor(red_share * before + 0.5)
        if carry_days <= 0 or eligible is None:
            limits[g] = base
            if second is not None and eligible is not None:
                spare[g] = min(int(second[g]), base - min(int(eligible[g]), base))
            continue
        day = int(np.datetime64(day_of[g], "D").astype(np.int64))
        bank = [entry for entry in banked.get(unit, []) if day - entry[0] <= carry_days and entry[1] > 0]
        limits[g] = base + sum(entry[1] for entry in bank)
        need = min(int(eligible[g]), int(limits[g]))
        for entry in bank:  # the oldest places expire first, so they are used first
            take = min(entry[1], need)
            entry[1] -= take
            need -= take
        bank.append([day, base - need])
        if second is not None:  # places on their last day go to the best of the rest, not to waste
            give = min(int(second[g]), sum(entry[1] for entry in bank if day - entry[0] >= carry_days))
            spare[g] = give
            for entry in bank:
                if day - entry[0] >= carry_days:
                    take = min(entry[1], give)
                    entry[1] -= take
                    give -= take
        banked[unit] = bank
    return limits, spare


CARRY_DAYS = 21  # unused red places of a unit stay available this many days (see `_daily_limits`)
# Documentary checks take minutes, not an x-ray and an opening, but they are not free either: the
# riskiest of the rest, up to this share of a unit's day, go yellow (30 % of traffic did before).
YELLOW_SHARE = 0.08


def assign_lanes(scored: pa.Table, *, red_share: float = 0.02, random_share: float = 0.005, seed: int = 0,
                 capacity: Mapping[str, int] | None = None, carry_days: int = CARRY_DAYS,
                 yellow_share: float | None = YELLOW_SHARE, use_expiring: bool = True) -> pa.Table:
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
    """
    shares = (("red_share", red_share), ("random_share", random_share), ("yellow_share", yellow_share or 0))
    problems = [Problem(name, "0..1", value, "a share between 0 and 1") for name, value in shares if not 0 <= value <= 1]
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
    first_unit = {}
    for g, u in zip(group, units):
        first_unit.setdefault(g, u)
    score = scored.column("score").to_numpy().astype(np.int64)
    red_ok = scored.column("red_eligible").to_numpy(zero_copy_only=False).astype(bool)
    yellow_ok = scored.column("yellow_eligible").to_numpy(zero_copy_only=False).astype(bool)
    second_ok = yellow_ok & ~red_ok
    limits, spare = _daily_limits(
        group=group, sizes=sizes, first_unit=first_unit, days=scored.column("day"), red_share=red_share,
        capacity=capacity, eligible=np.bincount(group, weights=red_ok, minlength=len(sizes)), carry_days=carry_days,
        second=np.bincount(group, weights=second_ok, minlength=len(sizes)) if use_expiring else None)
    priority = scored.column("priority").to_numpy(zero_copy_only=False).astype(bool)
    # Within a group: eligible first, then priority, then score, then the draw breaks ties fairly.
    order = np.lexsort((draw, -score, ~priority, ~red_ok, group))
    starts = np.zeros(len(sizes), dtype=np.int64)
    starts[1:] = np.cumsum(sizes)[:-1]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - starts[group[order]]
    red = red_ok & (rank < limits[group])
    if use_expiring:
        order = np.lexsort((draw, -score, ~priority, ~second_ok, group))
        rank[order] = np.arange(n) - starts[group[order]]
        red |= second_ok & (rank < spare[group])
    at_random = ~red & (draw < random_share)
    yellow = (yellow_ok | red_ok) & ~red & ~at_random
    if yellow_share is not None:
        yellow_limits, _ = _daily_limits(group=group, sizes=sizes, first_unit=first_unit, days=scored.column("day"),
                                         red_share=yellow_share, capacity=None)
        order = np.lexsort((draw, -score, ~priority, ~red_ok, ~yellow, group))
        rank[order] = np.arange(n) - starts[group[order]]
        yellow &= rank < yellow_limits[group]
    lane = np.where(red | at_random, RED, np.where(yellow, YELLOW, GREEN))
    return (scored.append_column("lane", pa.array(lane, pa.string()))
            .append_column("selected_at_random", pa.array(at_random))
            .append_column("draw", pa.array(draw)))
