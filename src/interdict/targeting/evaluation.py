"""Scoring shipments with profiles: in batch on an engine, or one shipment at a time.

Both paths decide the same indicators (the batch one in SQL, the single one in Python) and turn
them into the same score, reasons and profile versions. The score adds the weights of the
indicators that fired, the strongest of each family only, capped at 100; a learned model's score
can be blended in afterwards.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from interdict.errors import InvalidInput, Problem
from interdict.targeting.condition import (
    SECONDS_PER_DAY, SHIPMENT_FIELDS, Aggregate, All, Condition, Keywords, epoch_seconds,
)
from interdict.targeting.engine import BatchEngine, get_engine
from interdict.targeting.norms import DERIVED, READS, TrafficNorms, derived_columns, row_columns
from interdict.targeting.profile import Indicator, Profile, required_fields

# Cross-shipment figures, and the learned model's party history, look this far back before the
# shipments scored: what is older neither counts nor has to be read, however old the store.
HISTORY = timedelta(days=180)

_UNIT_FIELDS = ("mode", "direction", "destination_country", "departure_country", "origin_country")
_ARROW_TYPES = {"text": pa.string(), "number": pa.int64(), "bool": pa.bool_(), "list": pa.string()}


def shipment_unit(*, mode: str | None, direction: str | None, destination_country: str | None,
                  departure_country: str | None, origin_country: str | None) -> str:
    """The unit that inspects a shipment when the data names none: '<mode>:<country of the hub>'.

    Imports and transits are worked where they arrive (destination), exports where they leave.
    """
    if direction == "export":
        country = departure_country or origin_country
    else:
        country = destination_country
    return f"{mode or 'unknown'}:{country or 'XX'}"


def _to_seconds(column: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_timestamp(column.type):
        per_second = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[column.type.unit]
        raw = column.cast(pa.int64()).fill_null(0).to_numpy()
        return raw // per_second  # floor: the same second Python's timestamp() // 1 gives
    return column.cast(pa.int64()).fill_null(0).to_numpy()


def _keyword_fields(profiles: Sequence[Profile]) -> set[str]:
    found: set[str] = set()

    def walk(condition: Condition) -> None:
        if isinstance(condition, Keywords):
            found.add(condition.field)
        for part in condition.children():
            walk(part)

    for p in profiles:
        for i in p.indicators:
            walk(i.condition)
    return found


# An address is counted by its street: a party given with only a postcode, a city or a country
# shares that "address" with a whole town (heldout4's street-less consignees were "three
# differently written consignee names at one address", the address being "BA"). Counting and
# matching read such an address as none.
STREET_OF = {"shipper_address_norm": "shipper_street", "consignee_address_norm": "consignee_street"}


def _no_street(row: Mapping[str, Any]) -> dict[str, Any]:
    """`row` with the address of a party whose street is given and blank read as none."""
    out = dict(row)
    for address, street in STREET_OF.items():
        if street in out and not (out[street] or "").strip():
            out[address] = None
    return out


def prepare_shipments(shipments: pa.Table, *, profiles: Sequence[Profile], as_of: datetime | None = None) -> pa.Table:
    """The columns the profiles need, missing optional ones as NULL, plus `_t` (epoch seconds), `unit`, `day`."""
    names = set(shipments.column_names)
    for required in ("id", "reported_at"):
        if required not in names:
            raise InvalidInput("the shipments table lacks a column of the contract",
                               problems=[Problem(required, "required", None, "every shipment needs it")])
    n = shipments.num_rows
    needed = required_fields(profiles)
    padded = _keyword_fields(profiles)
    # a derived field reads its inputs even where no profile names them (norms.READS)
    inputs = set(READS) if needed & DERIVED else set()
    wanted = sorted(needed | inputs | {"reporter", "shipment_id", *_UNIT_FIELDS, "unit"})
    columns: dict[str, Any] = {"id": shipments.column("id").cast(pa.int64())}
    for name in wanted:
        kind = SHIPMENT_FIELDS.get(name, "text")
        if name not in names:
            columns[name] = pa.nulls(n, _ARROW_TYPES[kind])
            continue
        column = shipments.column(name)
        if kind == "list" and (pa.types.is_list(column.type) or pa.types.is_large_list(column.type)):
            column = pc.binary_join(column, "|")
        if kind == "number" and column.type != pa.int64():
            column = column.cast(pa.int64())
        if kind in ("text", "list") and column.type != pa.string():
            column = column.cast(pa.string())
        columns[name] = column
    derived = pc.binary_join_element_wise(
        pc.coalesce(columns["mode"], "unknown"),
        pc.coalesce(pc.if_else(pc.equal(pc.coalesce(columns["direction"], ""), "export"),
                               pc.coalesce(columns["departure_country"], columns["origin_country"]),
                               columns["destination_country"]), "XX"),
        ":")
    columns["unit"] = pc.coalesce(columns["unit"], derived)
    for address, street in STREET_OF.items():
        if address in columns and street in names:
            blank = pc.equal(pc.utf8_trim_whitespace(pc.coalesce(shipments.column(street).cast(pa.string()), "")), "")
            columns[address] = pc.if_else(blank, pa.scalar(None, pa.string()), columns[address])
    reported = shipments.column("reported_at")
    columns["reported_at"] = reported
    columns["_t"] = pa.array(_to_seconds(reported), pa.int64())
    columns["day"] = pa.array((_to_seconds(reported) // SECONDS_PER_DAY).astype("int32"), pa.int32()).cast(pa.date32())
    for name in wanted:
        # Padded once here, for every engine: a keyword at a word start is then one `contains`,
        # and one element of a '|'-list is '|x|' (docs/targeting.md, "matching").
        kind = SHIPMENT_FIELDS.get(name)
        if kind == "text" and name in padded:
            columns[f"_pad_{name}"] = pc.binary_join_element_wise(" ", pc.coalesce(columns[name], ""), " ", "")
        elif kind == "list":
            columns[f"_list_{name}"] = pc.binary_join_element_wise("|", pc.coalesce(columns[name], ""), "|", "")
    table = pa.table(columns)
    if as_of is not None:
        table = table.filter(pc.less_equal(table.column("_t"), epoch_seconds(as_of)))
    derive = (needed & DERIVED) - names
    if derive:  # judged against the other shipments of the batch (history included), for every engine alike
        for name, column in derived_columns({c: table.column(c) for c in table.column_names}, derive).items():
            table = table.set_column(table.schema.get_field_index(name), name, column)
    return table


def evaluate(shipments: pa.Table, profiles: Sequence[Profile], *, engine: str | BatchEngine = "duckdb",
             as_of: datetime | None = None, since: datetime | None = None) -> pa.Table:
    """Score every shipment reported in [since, as_of]; all shipments up to `as_of` are the history.

    Returns one row per shipment, riskiest first: id, reporter, shipment_id, reported_at, unit, day,
    score (0-100), reasons ('; '-joined), indicators (list of 'profile.indicator'), profiles (list of
    'id@version' that fired), red_eligible, yellow_eligible, priority (for `assign_lanes`).
    """
    runner = get_engine(engine) if isinstance(engine, str) else engine
    prepared = prepare_shipments(shipments, profiles=profiles, as_of=as_of)
    fired = runner.fired(shipments=prepared, profiles=profiles, since=epoch_seconds(since) if since else None)
    return explain(fired=fired, shipments=prepared, profiles=profiles)


def combined_score(fired: Sequence[Indicator]) -> int:
    """The score of a set of fired indicators: per family (one sign said several ways, e.g.
    "heavy for a gift" and "heavy for documents"), only the strongest weight counts; the families
    add up, capped at 100.

    Several indicators often restate one fact; summed, a pile of restatements outranked one strong,
    independent sign and filled the red lane with look-alikes. An officer can still check the
    arithmetic: the strongest reason of each kind, added.
    """
    strongest: dict[str, int] = {}
    for indicator in fired:
        strongest[indicator.sign] = max(strongest.get(indicator.sign, 0), indicator.weight)
    return min(100, sum(strongest.values()))


_MASK_BITS = 62  # indicators per BIGINT bit mask


def _describe(fired: list[tuple[Profile, Any]], profiles: Sequence[Profile]) -> dict[str, Any]:
    """Score, reasons, keys, profile labels and lane eligibility of one set of fired indicators.

    The one place where these are formed: batch (once per distinct combination) and single path.
    """
    score = combined_score([i for _, i in fired])
    hit = {id(p) for p, _ in fired}
    hit_profiles = [p for p in profiles if id(p) in hit]
    return {
        "score": score,
        "reasons": "; ".join(i.reason for _, i in fired),
        "indicators": [i.key for _, i in fired],
        "profiles": [p.label for p in hit_profiles],
        "red_eligible": any(score >= p.lanes.red_min_score for p in hit_profiles),
        "yellow_eligible": any(score >= p.lanes.yellow_min_score for p in hit_profiles),
        "priority": any(i.id in p.lanes.priority for p, i in fired),
    }


def _bits(mask: int) -> list[int]:
    """The positions of the set bits of `mask`, lowest first (a few of 62: skip the rest)."""
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def explain(*, fired: pa.Table, shipments: pa.Table, profiles: Sequence[Profile]) -> pa.Table:
    """Scores, reasons and lane eligibility from the indicator booleans, the same for every engine.

    The booleans are packed into bit masks; each distinct combination (thousands in a million
    shipments) is described once by `_describe`. Reasons, indicators and profiles are dictionary
    columns over those descriptions, so a million rows do not copy a million reason texts.
    """
    indicators = [(p, i) for p in profiles for i in p.indicators]
    if not indicators:
        raise InvalidInput("no indicators to score with", problems=[Problem("profiles", "non_empty", [], "load at least one profile")])
    chunks = [range(start, min(start + _MASK_BITS, len(indicators))) for start in range(0, len(indicators), _MASK_BITS)]
    masks = np.zeros((len(chunks), fired.num_rows), dtype=np.int64)
    for c, chunk in enumerate(chunks):
        for n in chunk:
            masks[c] |= fired.column(f"f{n}").fill_null(False).to_numpy(zero_copy_only=False).astype(np.int64) << (n - chunk.start)
    if len(chunks) == 1:
        combinations, which = np.unique(masks[0], return_inverse=True)
        combinations = combinations.reshape(-1, 1)
    else:  # the same as np.unique(masks.T, axis=0), whose sort of row records costs ~5x a lexsort
        order = np.lexsort(masks[::-1])
        ordered = masks[:, order]
        starts = np.ones(fired.num_rows, dtype=bool)
        starts[1:] = np.any(ordered[:, 1:] != ordered[:, :-1], axis=0)
        which = np.empty(fired.num_rows, dtype=np.int64)
        which[order] = np.cumsum(starts) - 1
        combinations = ordered[:, starts].T
    described = [_describe([indicators[chunk.start + b] for chunk, m in zip(chunks, combination.tolist()) for b in _bits(m)], profiles)
                 for combination in combinations]
    which = which.reshape(-1)
    score = np.array([d["score"] for d in described], dtype=np.int32)[which]
    ids = fired.column("id").to_numpy()
    order = np.lexsort((ids, -score))  # riskiest first; the id makes the order of ties repeatable
    which = pa.array(which[order].astype(np.int32))
    given = shipments.column("id").to_numpy()
    if len(given) == len(ids) and np.array_equal(given, ids):  # rows came back in the order given (DuckDB keeps it)
        where = pa.array(order)
    else:  # the engine may return rows in any order
        where = pc.index_in(pa.array(ids[order]), shipments.column("id"))
    columns = {name: shipments.column(name).take(where) for name in ("id", "reporter", "shipment_id", "reported_at", "unit", "day")}
    columns["score"] = pa.array(score[order])
    for name, kind in (("reasons", pa.string()), ("indicators", pa.list_(pa.string())), ("profiles", pa.list_(pa.string()))):
        columns[name] = pa.DictionaryArray.from_arrays(which, pa.array([d[name] for d in described], kind))
    for name in ("red_eligible", "yellow_eligible", "priority"):
        columns[name] = pa.array(np.array([d[name] for d in described], dtype=bool)[which.to_numpy()])
    return pa.table(columns)


# --- one shipment at a time ---------------------------------------------------------------------

def _per_profile(cache: dict[int, tuple[Profile, Any]], profile: Profile, compute: Callable[[Profile], Any]) -> Any:
    """`compute(profile)`, worked out once per profile object: walking the condition trees on every
    single-shipment request costs more than the scoring. Keyed by id(profile); the profile is kept
    in the cache, so the id stays its."""
    known = cache.get(id(profile))
    if known is None:
        if len(cache) > 1024:
            cache.clear()
        known = cache[id(profile)] = (profile, compute(profile))
    return known[1]


_AGGREGATES: dict[int, tuple[Profile, list[Aggregate]]] = {}
_DERIVED: dict[int, tuple[Profile, set[str]]] = {}


def aggregates_needed(profiles: Iterable[Profile]) -> list[Aggregate]:
    """The cross-shipment figures the profiles use: what a caller of `score_one` must provide."""
    seen: dict[Aggregate, None] = {}
    for p in profiles:
        for a in _per_profile(_AGGREGATES, p, Profile.aggregates):
            seen.setdefault(a)
    return list(seen)


def derived_needed(profiles: Iterable[Profile]) -> set[str]:
    """The fields judged against the traffic (norms.py) that these profiles read."""
    found: set[str] = set()
    for p in profiles:
        found |= _per_profile(_DERIVED, p, lambda q: required_fields([q]) & DERIVED)
    return found


def context_for(shipment: Mapping[str, Any], *, history: pa.Table | Sequence[Mapping[str, Any]],
                profiles: Sequence[Profile], as_of: datetime | None = None) -> dict[str, int | None]:
    """The cross-shipment figures of one shipment, counted over `history` (+ the shipment itself).

    `history` holds the other known shipments that share a key with it (same consignee phone,
    address, name, shipper...) within the longest window; the store selects them by those keys.
    """
    rows = history.to_pylist() if isinstance(history, pa.Table) else list(history)
    own_id = shipment.get("id")
    rows = [_no_street(r) for r in rows if own_id is None or r.get("id") != own_id] + [_no_street(shipment)]
    shipment = rows[-1]
    limit = epoch_seconds(as_of) if as_of is not None else None
    times = [epoch_seconds(r.get("reported_at")) for r in rows]
    t0 = epoch_seconds(shipment.get("reported_at"))
    out: dict[str, int | None] = {}
    sharing: dict[str, list[tuple[dict[str, Any], int | None]]] = {}  # by key column: the rows with the shipment's value
    for a in aggregates_needed(profiles):
        key = shipment.get(a.per)
        if key is None or key == "":
            out[a.name] = None
            continue
        if a.per not in sharing:
            sharing[a.per] = [(r, t) for r, t in zip(rows, times) if r.get(a.per) == key and (limit is None or t <= limit)]
        span = a.days * SECONDS_PER_DAY
        upper = t0 + span if a.side == "around" else t0
        members = [r for r, t in sharing[a.per] if t0 - span <= t <= upper]
        if a.function == "count":
            out[a.name] = len(members)
        elif a.function == "count_linked":  # the others only: the shipment itself is the last row
            out[a.name] = sum(1 for r in members if r is not rows[-1] and a.match.holds(r, context={}))
        else:
            out[a.name] = len({r.get(a.of) for r in members if r.get(a.of) not in (None, "")})
    return out


_GATES: dict[int, tuple[Profile, tuple[Condition | None, list[tuple[Indicator, Condition]]]]] = {}


def _gate(profile: Profile) -> tuple[Condition | None, list[tuple[Indicator, Condition]]]:
    """The condition every indicator of `profile` starts with (its `applies_to`), if they share
    one, and what is left of each indicator's condition after it."""
    conditions = [i.condition for i in profile.indicators]
    first = conditions[0].parts[0] if isinstance(conditions[0], All) and len(conditions[0].parts) == 2 else None
    if first is not None and all(isinstance(c, All) and len(c.parts) == 2 and c.parts[0] is first for c in conditions):
        return first, [(i, i.condition.parts[1]) for i in profile.indicators]
    return None, [(i, i.condition) for i in profile.indicators]


def _gated(profile: Profile, row: Mapping[str, Any], context: Mapping[str, int | None]) -> list[tuple[Indicator, Condition]]:
    """The indicators of `profile` still to decide for `row`, each with what is left of its condition.

    A profile's `applies_to` is the first part of every indicator's condition (`All((gate,
    when))`, the same object): decided once here, not once per indicator. All(gate, when) holds
    exactly when the gate and `when` hold, so the indicators that fire are the same.
    """
    gate, rest = _per_profile(_GATES, profile, _gate)
    return rest if gate is None or gate.holds(row, context=context) else []


def derived_one(shipment: Mapping[str, Any], wanted: set[str], *, norms: tuple[TrafficNorms, bool] | None = None,
                history: pa.Table | Sequence[Mapping[str, Any]] | None = None,
                as_of: datetime | None = None) -> dict[str, Any]:
    """The derived fields (norms.py) of one shipment, judged against `norms` (the store's recent
    traffic, and whether it counts this shipment) or else against `history` without the shipment
    itself, as `evaluate` judges each shipment of a batch against the others."""
    if norms is None:
        rows = history.to_pylist() if isinstance(history, pa.Table) else list(history or [])
        own_id, limit = shipment.get("id"), epoch_seconds(as_of) if as_of is not None else None
        rows = [r for r in rows if (own_id is None or r.get("id") != own_id)
                and (limit is None or epoch_seconds(r.get("reported_at")) <= limit)]
        norms = (TrafficNorms.of_rows(rows), False)
    found = derived_columns(row_columns([shipment]), wanted, norms=norms[0], counted_in_norms=norms[1])
    return {name: column[0].as_py() for name, column in found.items()}


def score_one(shipment: Mapping[str, Any], profiles: Sequence[Profile], *,
              context: Mapping[str, int | None] | None = None,
              history: pa.Table | Sequence[Mapping[str, Any]] | None = None,
              as_of: datetime | None = None, norms: tuple[TrafficNorms, bool] | None = None) -> dict[str, Any]:
    """Score one shipment (a dict in the column contract) as `evaluate` would in a batch.

    Cross-shipment indicators need either `context` (figures by `Aggregate.name`, e.g. from the
    store) or `history` (the related shipments, counted here). Without either they cannot be
    decided, and an error says so rather than scoring as if the shipment were the first ever seen.
    Fields judged against the traffic (norms.py), where a profile asks for them and the row lacks
    them, are judged against `norms` (the store's, and whether they count this shipment) or else
    against `history` (see `derived_one`).
    """
    needed = aggregates_needed(profiles)
    if history is not None:
        context = {**context_for(shipment, history=history, profiles=profiles, as_of=as_of), **(context or {})}
    context = dict(context or {})
    missing = [a.name for a in needed if a.name not in context]
    if missing:
        raise InvalidInput("cross-shipment figures are missing for this shipment",
                           problems=[Problem("context", "required", name, "give it in context or pass history") for name in missing],
                           hint="pass history=<related shipments> or context=context_for(...)")
    row = dict(shipment)
    derive = derived_needed(profiles) - set(row)
    if derive:
        row.update(derived_one(shipment, derive, norms=norms, history=history, as_of=as_of))
    for name, kind in SHIPMENT_FIELDS.items():
        if kind == "list" and isinstance(row.get(name), (list, tuple)):
            row[name] = "|".join(row[name])
    row["unit"] = row.get("unit") or shipment_unit(**{k: row.get(k) for k in _UNIT_FIELDS})
    fired = [(p, i) for p in profiles for i, condition in _gated(p, row, context) if condition.holds(row, context=context)]
    t = epoch_seconds(row.get("reported_at"))
    return {
        "id": row.get("id"), "reporter": row.get("reporter"), "shipment_id": row.get("shipment_id"),
        "reported_at": row.get("reported_at"), "unit": row["unit"],
        "day": datetime.fromtimestamp(t - t % SECONDS_PER_DAY, tz=timezone.utc).date() if t is not None else None,
        **_describe(fired, profiles),
    }


def blend_model_score(scored: pa.Table, model_score: pa.Array | Sequence[int], *, model_weight_percent: int = 50) -> pa.Table:
    """Hook for the learned model: score = (rules*(100-w) + model*w) / 100, in integers (floor).

    The rules' score stays in `rule_score` and the model's in `model_score`, so both stay explainable.
    """
    if not 0 <= model_weight_percent <= 100:
        raise InvalidInput("model weight out of range", problems=[Problem("model_weight_percent", "0..100", model_weight_percent, "a percentage")])
    rules = scored.column("score").to_numpy().astype(np.int64)
    model = np.clip(np.asarray(pa.array(model_score).to_numpy(zero_copy_only=False), dtype=np.int64), 0, 100)
    blended = (rules * (100 - model_weight_percent) + model * model_weight_percent) // 100
    out = scored.set_column(scored.schema.get_field_index("score"), "score", pa.array(blended.astype(np.int32)))
    return out.append_column("rule_score", pa.array(rules.astype(np.int32))).append_column("model_score", pa.array(model.astype(np.int32)))
