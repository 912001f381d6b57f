"""Cross-shipment figures counted by sorting, in numpy: the numbers the query's window functions
give (`Aggregate.window_sql`), for the embedded engine, where a sorted array and a binary search
cost a small fraction of a SQL window over string partitions (BENCHMARKS.md, "Targeting").

Keys and counted values are replaced by integer codes first; a key and a time become one int64
(`code * span + time`), so "rows of the same key within [t - a, t + b]" is two `searchsorted`.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from interdict.targeting.condition import SECONDS_PER_DAY, Aggregate, Condition


def _codes(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """An integer per value, -1 for NULL and '' (a missing key is never a group of its own)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    encoded = pc.dictionary_encode(column)
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        empty = pc.index(encoded.dictionary, "").as_py()  # '' is no key either: its code becomes -1 (codes need not be dense)
        if empty >= 0:
            codes[codes == empty] = -1
    return codes


def count_windows(shipments: pa.Table, aggregates: dict[Aggregate, str],
                  matched: Mapping[Condition, str] | None = None) -> dict[str, pa.Array]:
    """One int64 column per aggregate (by its alias), NULL where the shipment has no key.

    count: shipments of the same key reported in the window (the shipment itself included).
    count_distinct: distinct non-empty values of `of` among them. count_linked: the other shipments
    among them whose `match` holds, read from the 0/1 column `matched[match]`. Windows are [t - days, t + days]
    ("around") or [t - days, t] ("before"), ends included, as the SQL's RANGE frames.
    """
    n = shipments.num_rows
    if n == 0:
        return {alias: pa.array([], pa.int64()) for alias in aggregates.values()}
    t = shipments.column("_t").to_numpy().astype(np.int64)
    longest = max((a.days for a in aggregates), default=0) * SECONDS_PER_DAY
    base = int(t.min()) - longest - 1
    stride = int(t.max()) - base + longest + 2  # room for every t +/- the widest window
    codes: dict[str, np.ndarray] = {}
    sorted_by: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    by_value: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
    out: dict[str, pa.Array] = {}
    for aggregate, alias in aggregates.items():
        for name in (aggregate.per, aggregate.of):
            if name and name not in codes:
                codes[name] = _codes(shipments.column(name))
        key = codes[aggregate.per]
        if aggregate.per not in sorted_by:
            if (int(key.max()) + 1) * stride >= 2**62:
                raise OverflowError("too many keys over too long a period to count in one int64")
            rows = np.flatnonzero(key >= 0)
            point = key[rows] * stride + (t[rows] - base)  # where each shipment sits among its key's
            order = np.argsort(point, kind="stable")
            sorted_by[aggregate.per] = rows[order], point[order]
        rows, point = sorted_by[aggregate.per]
        before = aggregate.days * SECONDS_PER_DAY
        after = before if aggregate.side == "around" else 0
        if aggregate.function == "count":
            counts = np.searchsorted(point, point + after, "right") - np.searchsorted(point, point - before, "left")
        elif aggregate.function == "count_linked":
            hits = shipments.column(matched[aggregate.match]).to_numpy().astype(np.int64)[rows]  # in `point` order
            running = np.concatenate(([0], np.cumsum(hits)))
            counts = (running[np.searchsorted(point, point + after, "right")]
                      - running[np.searchsorted(point, point - before, "left")] - hits)
        else:
            pairs = (aggregate.per, aggregate.of)
            if pairs not in by_value:  # the same key and value over other windows (3 and 7 days...) reuse the sort
                by_value[pairs] = _by_key_and_value(rows=rows, point=point, value=codes[aggregate.of], stride=stride)
            counts = _distinct_in_window(point=point, sorted_values=by_value[pairs], before=before, after=after)
        column = np.zeros(n, dtype=np.int64)
        column[rows] = counts
        out[alias] = pa.array(column, mask=key < 0)
    return out


def _by_key_and_value(*, rows: np.ndarray, point: np.ndarray, value: np.ndarray, stride: int) -> tuple[np.ndarray, np.ndarray]:
    """The shipments with a value, ordered by key, value, then time: (their values, their points)."""
    values = value[rows]
    known = np.flatnonzero(values >= 0)
    pair = (point[known] // stride) * (int(value.max()) + 1) + values[known]
    order = known[np.argsort(pair, kind="stable")]  # by key, value, then time (stable keeps time order)
    return values[order], point[order]


def _distinct_in_window(*, point: np.ndarray, sorted_values: tuple[np.ndarray, np.ndarray], before: int, after: int) -> np.ndarray:
    """Distinct values per key within [t - before, t + after], for the shipments in the order of
    `point` (key, then time), given their values ordered by key, value and time (`_by_key_and_value`).

    A value counts at time s when one of its shipments is within the window of s, i.e. s lies in
    [t_j - after, t_j + before] for one of them. Those spans are merged per key and value into
    disjoint islands; the distinct count at s is then the islands of the key that have started
    by s minus those that ended before s: two `searchsorted` again.
    """
    values, at = sorted_values
    new = np.ones(len(at), dtype=bool)
    new[1:] = (values[1:] != values[:-1]) | (at[1:] - at[:-1] > before + after)
    first = np.flatnonzero(new)  # a key change shows as a jump of at least `stride` in `at`
    last = np.append(first[1:], len(at))[: len(first)].astype(np.int64) - 1
    starts = np.sort(at[first] - after)
    ends = np.sort(at[last] + before)
    return np.searchsorted(starts, point, "right") - np.searchsorted(ends, point, "left")
