"""Whether a shipment came by a route the traffic from its origin does not take.

threats.md: "indirect routes that make no commercial sense for the declared goods". A fixed rule
("two or more transit countries") knows one way of writing a detour; the traffic knows which ways
goods from each origin really come. A shipment's *intermediate* countries are its departure
country (where it differs from the origin) and its transit countries, leaving out the origin and
the destination themselves. `route_unusual` is true when one of them is a country that fewer than
1 in `RARE_PER` (0.5 %) of the other shipments from the same origin country passed through (as
departure or transit): a parcel from Germany through the UAE, goods from the Czech Republic
leaving from Bulgaria. False for a direct route or one through the origin's usual hubs; null
without an origin, or where fewer than `MIN_PEERS` other shipments came from that origin (too few
to know its usual routes).

The batch compares each shipment with the others of its period; one shipment at a time compares
with the store's recent traffic (`RouteReference`). Both count with the same code: each distinct
route (origin, departure, destination, transit) is decided once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MIN_PEERS = 20  # other shipments from the origin before its usual routes are trusted
RARE_PER = 200  # an intermediate country used by fewer than 1 in 200 of them is off the usual routes


@dataclass(frozen=True)
class RouteReference:
    """Shipments counted per origin, and per (origin, intermediate country)."""

    from_origin: Counter
    via: Counter


def _text(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
        column = pc.binary_join(column, "|")
    return pc.coalesce(column.cast(pa.string()), "")


def _routes(origin, departure, destination, transit) -> tuple[np.ndarray, list[tuple[str, frozenset[str]]], np.ndarray]:
    """(route index per shipment, each distinct route as (origin, intermediate countries), shipments
    per distinct route)."""
    key = pc.binary_join_element_wise(_text(origin), _text(departure), _text(destination), _text(transit), "/")
    encoded = pc.dictionary_encode(key)
    index = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    routes = []
    for text in encoded.dictionary.to_pylist():
        o, d, dest, tr = text.split("/", 3)
        passed = {c for c in tr.split("|") if c} | ({d} if d else set())
        routes.append((o, frozenset(passed - {o, dest})))
    return index, routes, np.bincount(index, minlength=len(routes))


def _reference(routes: list[tuple[str, frozenset[str]]], counts: np.ndarray) -> RouteReference:
    from_origin, via = Counter(), Counter()
    for (origin, passed), n in zip(routes, counts.tolist(), strict=True):
        if origin and n:
            from_origin[origin] += n
            for country in passed:
                via[(origin, country)] += n
    return RouteReference(from_origin, via)


def build_route_reference(origin, departure, destination, transit) -> RouteReference:
    _, routes, counts = _routes(origin, departure, destination, transit)
    return _reference(routes, counts)


def _judge(origin: str, passed: frozenset[str], reference: RouteReference, own: int) -> bool | None:
    """The rule, for one route; `own` = 1 where the reference counts the shipment itself."""
    if not origin:
        return None
    others = reference.from_origin[origin] - own
    if others < MIN_PEERS:
        return None
    return any((reference.via[(origin, country)] - own) * RARE_PER < others for country in passed)


def route_unusual(origin, departure, destination, transit, *, reference: RouteReference | None = None,
                  counted_in_reference: bool = False) -> pa.BooleanArray:
    """Whether each shipment passed through a country its origin's traffic hardly ever passes (see
    module). Without `reference` the shipments are compared with each other; a given `reference`
    holds them only if `counted_in_reference` (they are then left out of their own comparison)."""
    index, routes, counts = _routes(origin, departure, destination, transit)
    own = 1 if reference is None or counted_in_reference else 0
    reference = reference if reference is not None else _reference(routes, counts)
    decided = [_judge(o, passed, reference, own) for o, passed in routes]
    return pa.array(decided, pa.bool_()).take(pa.array(index)) if len(index) else pa.array([], pa.bool_())
