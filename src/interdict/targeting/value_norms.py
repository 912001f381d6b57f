"""Where a shipment's declared value per kilogram stands among the traffic of its HS chapter.

threats.md: "Very low declared value for the weight". A fixed bar (under 5 EUR a kg) is wrong for
most goods: cheap for electronics, dear for fishing weights. The traffic knows what each chapter is
usually worth a kilogram; `value_per_kg_permille` is the share, in thousandths, of the *other*
shipments of the same chapter (of the first item's HS code) declared at a lower value per kilogram,
those at the very same value counting half (a price many declare is mid-rank, not the cheapest).
0 is the cheapest of its chapter; null where the value, weight or code is missing or the
chapter has fewer than `MIN_PEERS` other shipments to compare with.

The batch compares each shipment with the others of its period; one shipment at a time compares
with the store's recent traffic (`ValueReference`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MIN_PEERS = 30


@dataclass(frozen=True)
class ValueReference:
    """Per chapter, the sorted values per kilogram of the shipments counted."""

    by_chapter: dict[str, np.ndarray]


def _chapter_and_value(hs_codes: pa.Array | pa.ChunkedArray, value_cents: pa.Array | pa.ChunkedArray,
                       gross_g: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray]:
    """(chapter index per shipment, the chapters, value per kg, whether all three are known)."""
    codes = pc.utf8_slice_codeunits(pc.coalesce(hs_codes, ""), 0, 2)
    encoded = pc.dictionary_encode(codes.combine_chunks() if isinstance(codes, pa.ChunkedArray) else codes)
    chapter = encoded.indices.to_numpy().astype(np.int64)
    value = pc.cast(value_cents, pa.float64()).to_numpy(zero_copy_only=False)
    gross = pc.cast(gross_g, pa.float64()).to_numpy(zero_copy_only=False)
    known = pc.equal(pc.utf8_length(codes), 2).to_numpy(zero_copy_only=False)
    known &= ~np.isnan(value) & ~np.isnan(gross) & (np.nan_to_num(gross) > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_kg = value / gross  # cents a gram: the same float in every path
    return chapter, encoded.dictionary.to_pylist(), per_kg, known


def sorted_in_groups(group: np.ndarray, values: np.ndarray, known: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The known rows sorted by (group, value), e.g. shipments by (chapter, value per kg), and
    where each group starts in that order."""
    rows = np.flatnonzero(known)
    order = rows[np.lexsort((values[rows], group[rows]))]
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = group[order][1:] != group[order][:-1]
    return order, new_group


def peers_below(order: np.ndarray, new_group: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For rows sorted by (group, value) (`order`, `new_group` where each group starts): per sorted
    row, how many others of its group have a lower value, how many the same value, and how many
    others the group has. One pass over the sort, no loop over rows."""
    v, m = values[order], len(order)
    new_run = new_group.copy()
    new_run[1:] |= v[1:] != v[:-1]
    group_start, group_of = np.flatnonzero(new_group), np.cumsum(new_group) - 1
    run_start, run_of = np.flatnonzero(new_run), np.cumsum(new_run) - 1
    others = np.diff(np.append(group_start, m))[group_of] - 1
    lower = run_start[run_of] - group_start[group_of]
    same = np.diff(np.append(run_start, m))[run_of] - 1
    return lower, same, others


def build_value_reference(hs_codes: pa.Array | pa.ChunkedArray, value_cents: pa.Array | pa.ChunkedArray,
                          gross_g: pa.Array | pa.ChunkedArray) -> ValueReference:
    chapter, names, per_kg, known = _chapter_and_value(hs_codes, value_cents, gross_g)
    order, new_chapter = sorted_in_groups(chapter, per_kg, known)
    starts = np.flatnonzero(new_chapter)
    return ValueReference({names[chapter[order[start]]]: per_kg[order[start:end]]
                           for start, end in zip(starts.tolist(), [*starts[1:].tolist(), len(order)])})


def _within(hs_codes: pa.Array | pa.ChunkedArray, value_cents: pa.Array | pa.ChunkedArray,
            gross_g: pa.Array | pa.ChunkedArray) -> pa.Int64Array:
    """`value_per_kg_permille` of a batch against itself in one sort (the same rule as the reference
    path, which a property test holds it to): within each chapter, sorted by value per kg, the
    others cheaper are those before the run of equal values, the others as dear the run less one."""
    chapter, _, per_kg, known = _chapter_and_value(hs_codes, value_cents, gross_g)
    out = np.zeros(len(per_kg), dtype=np.int64)
    valid = np.zeros(len(per_kg), dtype=bool)
    order, new_chapter = sorted_in_groups(chapter, per_kg, known)
    if len(order):
        cheaper, same, others = peers_below(order, new_chapter, per_kg)
        enough = others >= MIN_PEERS
        out[order[enough]] = (1000 * (2 * cheaper[enough] + same[enough])) // (2 * others[enough])
        valid[order[enough]] = True
    return pa.array(out, pa.int64(), mask=~valid)


def value_per_kg_permille(hs_codes: pa.Array | pa.ChunkedArray, value_cents: pa.Array | pa.ChunkedArray,
                          gross_g: pa.Array | pa.ChunkedArray, *, reference: ValueReference | None = None,
                          counted_in_reference: bool = False) -> pa.Int64Array:
    """Thousandths of the other shipments of the chapter declared cheaper a kilogram (see module).

    Without `reference`, the shipments are compared with each other; a given `reference` holds
    them only if `counted_in_reference` (they are then left out of their own comparison)."""
    if reference is None:
        return _within(hs_codes, value_cents, gross_g)
    own = 1 if counted_in_reference else 0
    chapter, names, per_kg, known = _chapter_and_value(hs_codes, value_cents, gross_g)
    out: list[int | None] = []
    for c, x, k in zip(chapter.tolist(), per_kg.tolist(), known.tolist()):
        peers = reference.by_chapter.get(names[c]) if k else None
        if peers is None or len(peers) - own < MIN_PEERS:
            out.append(None)
            continue
        cheaper = int(np.searchsorted(peers, x, side="left"))  # strictly lower: itself never counts
        same = int(np.searchsorted(peers, x, side="right")) - cheaper - own  # others at the very same price
        out.append((1000 * (2 * cheaper + same)) // (2 * (len(peers) - own)))  # ties count half: mid-rank
    return pa.array(out, pa.int64())
