"""Fields judged against the traffic itself rather than a fixed table: the norms of the traffic.

`hs_code_unusual` (hs_fit.py), `value_per_kg_permille` (value_norms.py) and `route_unusual`
(route_norms.py) say how a shipment's declaration compares with what the other shipments declare. The batch computes them over its own
period for every engine alike (before the engine sees the table); one shipment at a time is
compared with the store's recent traffic or with a given history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import pyarrow as pa

from interdict.targeting.hs_fit import HsReference, build_reference, unusual_hs_code
from interdict.targeting.route_norms import RouteReference, build_route_reference, route_unusual
from interdict.targeting.value_norms import ValueReference, build_value_reference, value_per_kg_permille

DERIVED = {"hs_code_unusual", "value_per_kg_permille", "route_unusual"}
ROUTE = ("origin_country", "departure_country", "destination_country", "transit_countries")
READS = ("descriptions_norm", "hs_codes", "declared_value_eur_cents", "gross_weight_g", *ROUTE)
TEXT_READS = {"descriptions_norm", "hs_codes", *ROUTE}


@dataclass(frozen=True)
class TrafficNorms:
    """What the compared traffic declares: words per HS chapter, values per kg per chapter, the
    countries each origin's shipments pass through."""

    hs: HsReference
    value: ValueReference
    route: RouteReference

    @classmethod
    def of(cls, columns: Mapping[str, Any]) -> TrafficNorms:
        """From columns (arrays) named as in READS."""
        return cls(hs=build_reference(columns["descriptions_norm"], columns["hs_codes"]),
                   value=build_value_reference(columns["hs_codes"], columns["declared_value_eur_cents"],
                                               columns["gross_weight_g"]),
                   route=build_route_reference(*(columns[c] for c in ROUTE)))

    @classmethod
    def of_rows(cls, rows: Sequence[Mapping[str, Any]]) -> TrafficNorms:
        return cls.of(row_columns(rows))


def row_columns(rows: Sequence[Mapping[str, Any]]) -> dict[str, pa.Array]:
    """The READS columns of row dicts ('|'-joining list codes as the column contract does)."""
    def joined(value: Any) -> Any:
        return "|".join(value) if isinstance(value, (list, tuple)) else value

    return {"descriptions_norm": pa.array([r.get("descriptions_norm") for r in rows], pa.string()),
            "hs_codes": pa.array([joined(r.get("hs_codes")) for r in rows], pa.string()),
            **{c: pa.array([joined(r.get(c)) for r in rows], pa.string()) for c in ROUTE},
            "declared_value_eur_cents": pa.array([r.get("declared_value_eur_cents") for r in rows], pa.int64()),
            "gross_weight_g": pa.array([r.get("gross_weight_g") for r in rows], pa.int64())}


def derived_columns(columns: Mapping[str, Any], wanted: set[str], *, norms: TrafficNorms | None = None,
                    counted_in_norms: bool = False) -> dict[str, pa.Array]:
    """The wanted derived fields of the shipments in `columns`: against `norms` if given (holding
    these shipments only if `counted_in_norms`), else against each other."""
    out: dict[str, pa.Array] = {}
    if "hs_code_unusual" in wanted:
        out["hs_code_unusual"] = unusual_hs_code(columns["descriptions_norm"], columns["hs_codes"],
                                                 reference=norms.hs if norms else None,
                                                 counted_in_reference=counted_in_norms)
    if "value_per_kg_permille" in wanted:
        out["value_per_kg_permille"] = value_per_kg_permille(
            columns["hs_codes"], columns["declared_value_eur_cents"], columns["gross_weight_g"],
            reference=norms.value if norms else None, counted_in_reference=counted_in_norms)
    if "route_unusual" in wanted:
        out["route_unusual"] = route_unusual(*(columns[c] for c in ROUTE), reference=norms.route if norms else None,
                                             counted_in_reference=counted_in_norms)
    return out
