"""What the shipment-level risk model sees: the shipment, its items, its parties' history, its outcome.

Shipments come in the column contract (`interdict.ingest.models.Shipment`), outcomes as records.md
§2; party history is counted only from data earlier than each shipment, so a training row sees what
a new shipment would see. The generic encodings come from `table.py`, the same machinery as the
table path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Engine, select

from interdict.errors import InvalidInput, Problem
from interdict.targeting.model import table as model_table
from interdict.targeting.value_norms import peers_below, sorted_in_groups

# Finding categories the platform exists for (threats.md: firearms, parts, ammunition, and the
# drugs, cash couriers and explosives the same units target): the model's target.
TARGET_CATEGORIES = frozenset({
    "pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle", "machine_gun",
    "other_firearm", "firearm_part", "firearm_component", "ammunition", "converted_or_convertible_weapon",
    "explosive", "drugs", "cash",
})
# Real seizures of goods that are not the target: cigarettes, counterfeits (`other`).
OTHER_CONTRABAND = frozenset({"other"})

# Columns of the contract the model reads; any other numeric column passed in is an extra feature.
SHIPMENT_COLUMNS = (
    "id", "reporter", "shipment_id", "reported_at", "mode", "direction", "category", "origin_country",
    "consignee_street", "consignee_postcode", "consignee_city", "shipper_city",
    "departure_country", "transit_countries", "destination_country", "carrier", "shipper_country",
    "consignee_country", "shipper_name_norm", "consignee_name_norm", "shipper_address_norm",
    "consignee_address_norm", "shipper_phone_norm", "consignee_phone_norm", "shipper_email_norm",
    "consignee_email_norm", "pieces", "gross_weight_g", "declared_value_eur_cents", "payment_method",
    "item_count", "items_net_weight_g", "descriptions_norm", "hs_codes", "id_kind", "id_check_valid",
)
# Optional columns the targeting engine may add (profile score, watchlist score, indicator flags).
EXTRA_PREFIXES = ("profile_", "watchlist_", "indicator_", "rule_")

CATEGORICAL = (
    "mode", "direction", "category", "payment_method", "origin_country", "departure_country",
    "destination_country", "reporter", "id_kind", "shipper_country", "consignee_country",
)

# Parties whose history is counted: who sends, who receives, and the contacts that tie them.
PARTY_KEYS = (
    "consignee_name_norm", "consignee_phone_norm", "consignee_address_norm", "consignee_email_norm",
    "shipper_name_norm", "shipper_phone_norm", "shipper_address_norm",
)
# (key, the other column whose distinct values are counted): many senders to one address, many
# names behind one phone.
DISTINCT_COUNTS = (
    ("consignee_address_norm", "shipper_name_norm"),
    ("consignee_phone_norm", "shipper_name_norm"),
    ("consignee_phone_norm", "consignee_name_norm"),
    ("consignee_address_norm", "consignee_name_norm"),
    ("shipper_phone_norm", "shipper_name_norm"),
)
RECENT_DAYS = 7
DISTINCT_DAYS = 30
DAY = 86_400


def shipment_mapping() -> model_table.TableMapping:
    """The table-path mapping of the shipment features it encodes: categories, codes, routes, words."""
    return model_table.TableMapping(
        name="shipments",
        id="id",
        date="reported_at",
        label={"column": "label", "positive": "1"},
        categorical=list(CATEGORICAL),
        identifiers=["hs code", "hs chapter", "carrier", "route"],
        text=["descriptions_norm"],
        prefixes=[{"column": "hs code", "lengths": [4]}],
        combinations=[
            {"name": "origin + hs chapter", "columns": ["origin_country", "hs chapter"]},
            {"name": "category + hs chapter", "columns": ["category", "hs chapter"]},
            {"name": "mode + direction + payment", "columns": ["mode", "direction", "payment_method"]},
        ],
        # Encodings are per key, smoothed strongly: positives are few (tens per month).
        encoding={"smoothing": 20, "folds": 5},
    )


# ---------------------------------------------------------------------------------------------
# Reading from the store


def load_shipments(*, engine: Engine, since: datetime | None = None, until: datetime | None = None) -> pa.Table:
    """Current shipments reported in [since, until] in the column contract, oldest first."""
    from interdict.ingest.models import Shipment

    columns = [getattr(Shipment, c) for c in SHIPMENT_COLUMNS]
    query = select(*columns).order_by(Shipment.reported_at, Shipment.id)
    if since is not None:
        query = query.where(Shipment.reported_at >= since)
    if until is not None:
        query = query.where(Shipment.reported_at <= until)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    data = {c: [r[i] for r in rows] for i, c in enumerate(SHIPMENT_COLUMNS)}
    data["reported_at"] = [t.astimezone(timezone.utc) if t.tzinfo else t.replace(tzinfo=timezone.utc) for t in data["reported_at"]]
    return pa.table({c: pa.array(v, type=pa.timestamp("us", tz="UTC")) if c == "reported_at" else pa.array(v)
                     for c, v in data.items()}) if rows else _empty_shipments()


def _empty_shipments() -> pa.Table:
    return pa.table({c: pa.array([], pa.timestamp("us", tz="UTC") if c == "reported_at" else pa.int64()
                                 if c in ("id", "pieces", "gross_weight_g", "declared_value_eur_cents", "item_count",
                                          "items_net_weight_g") else pa.string()) for c in SHIPMENT_COLUMNS})


def load_outcomes(*, engine: Engine, until: datetime | None = None) -> pa.Table:
    """Inspection outcomes known by `until`: reporter, shipment_id, inspected_at, result, categories,
    selected_at_random (from the outcome's extra attributes when the unit recorded it, else null)."""
    from interdict.inspections.models import InspectionOutcome

    query = select(InspectionOutcome.reporter, InspectionOutcome.shipment_id, InspectionOutcome.inspected_at,
                   InspectionOutcome.result, InspectionOutcome.findings, InspectionOutcome.extra)
    if until is not None:
        query = query.where(InspectionOutcome.inspected_at <= until)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return outcomes_table([
        {"reporter": r[0], "shipment_id": r[1], "inspected_at": r[2], "result": r[3], "findings": r[4] or [],
         "selected_at_random": (r[5] or {}).get("selected_at_random")}
        for r in rows
    ])


def outcomes_table(records: list[Mapping]) -> pa.Table:
    """Outcome records (records.md §2 dicts) as the table the model reads."""
    def utc(t):
        if isinstance(t, str):
            t = datetime.fromisoformat(t)
        return t.astimezone(timezone.utc) if t.tzinfo else t.replace(tzinfo=timezone.utc)

    return pa.table({
        "reporter": pa.array([r["reporter"] for r in records], pa.string()),
        "shipment_id": pa.array([r["shipment_id"] for r in records], pa.string()),
        "inspected_at": pa.array([utc(r["inspected_at"]) for r in records], pa.timestamp("us", tz="UTC")),
        "result": pa.array([r["result"] for r in records], pa.string()),
        "categories": pa.array([[f.get("category") for f in (r.get("findings") or [])] for r in records],
                               pa.list_(pa.string())),
        "selected_at_random": pa.array([r.get("selected_at_random") for r in records], pa.bool_()),
    })


# ---------------------------------------------------------------------------------------------
# Labels


@dataclass
class Labels:
    """Per shipment (aligned with the shipments table): inspected or not, and what was found."""

    inspected: np.ndarray  # bool
    target: np.ndarray  # bool: a finding of a target category
    other_contraband: np.ndarray  # bool: a seizure of cash or other goods, and no target finding
    at_random: np.ndarray  # bool: the unit recorded the inspection as a random draw
    inspected_at: np.ndarray  # epoch seconds of the first inspection, or +inf
    category: np.ndarray  # the first target (else other) finding category, or ""


def label_shipments(*, shipments: pa.Table, outcomes: pa.Table) -> Labels:
    """Join outcomes to shipments by (reporter, shipment_id); several inspections of one shipment add up."""
    n = shipments.num_rows
    inspected = np.zeros(n, bool)
    target = np.zeros(n, bool)
    other = np.zeros(n, bool)
    at_random = np.zeros(n, bool)
    first = np.full(n, np.inf)
    category = np.full(n, "", dtype=object)
    times = _seconds(outcomes.column("inspected_at"))
    at = _shipment_of(shipments=shipments, outcomes=outcomes)
    matched = np.flatnonzero(at >= 0)
    chosen = outcomes.take(pa.array(matched, pa.int64()))
    for i, t, result, categories, random_flag in zip(
        at[matched].tolist(), times[matched].tolist(), chosen.column("result").to_pylist(),
        chosen.column("categories").to_pylist(), chosen.column("selected_at_random").to_pylist(),
    ):
        inspected[i] = True
        first[i] = min(first[i], t)
        at_random[i] |= bool(random_flag)
        if result != "seizure":
            continue
        found = [c for c in categories or [] if c]
        hits = [c for c in found if c in TARGET_CATEGORIES]
        if hits:
            target[i] = True
            category[i] = hits[0]
        elif found:
            other[i] = True
            category[i] = category[i] or found[0]
    other &= ~target
    return Labels(inspected, target, other, at_random, first, category)


def _shipment_of(*, shipments: pa.Table, outcomes: pa.Table) -> np.ndarray:
    """Per outcome, the row of the shipment with its (reporter, shipment_id) (the last such row), or -1."""
    # Only shipments whose id some outcome names can match: few, so a dictionary of them is cheap.
    candidates = np.flatnonzero(pc.is_in(shipments.column("shipment_id"),
                                         value_set=pc.unique(outcomes.column("shipment_id"))).to_numpy(zero_copy_only=False))
    chosen = shipments.take(pa.array(candidates, pa.int64()))
    where = dict(zip(zip(chosen.column("reporter").to_pylist(), chosen.column("shipment_id").to_pylist()),
                     candidates.tolist()))
    return np.array([where.get(key, -1) for key in zip(outcomes.column("reporter").to_pylist(),
                                                       outcomes.column("shipment_id").to_pylist())], dtype=np.int64)


def _seconds(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    if len(column) == 0:
        return np.zeros(0, dtype=np.int64)
    # A time is its whole second: partners may send fractions, which a safe cast refuses.
    seconds = pc.cast(column, pa.timestamp("s", tz="UTC"), safe=False)
    return pc.cast(seconds, pa.int64()).to_numpy(zero_copy_only=False)


# ---------------------------------------------------------------------------------------------
# Features


def _coded_text(shipments: pa.Table, column: str) -> model_table.Coded:
    """A text column as (codes, distinct values), missing as ""."""
    if column not in shipments.column_names:
        return np.zeros(shipments.num_rows, dtype=np.int64), np.array([""], dtype=object)
    return model_table.factorize(pc.fill_null(shipments.column(column).cast(pa.string()), ""))


def _text(shipments: pa.Table, column: str) -> np.ndarray:
    codes, distinct = _coded_text(shipments, column)
    return distinct[codes]


def _number(shipments: pa.Table, column: str) -> np.ndarray:
    if column not in shipments.column_names:
        return np.full(shipments.num_rows, np.nan)
    values = shipments.column(column)
    if pa.types.is_boolean(values.type):
        values = values.cast(pa.int8())
    return pc.cast(values, pa.float64()).to_numpy(zero_copy_only=False).astype(float)


def _per_distinct(shipments: pa.Table, column: str, function, dtype) -> np.ndarray:
    codes, distinct = _coded_text(shipments, column)
    return np.array([function(v) for v in distinct.tolist()], dtype=dtype)[codes]


# The columns of `encoded_table`, in the order the encodings read them.
ENCODED_COLUMNS = (*CATEGORICAL, "hs code", "hs chapter", "carrier", "route", "descriptions_norm", "id")


def encoded_table(*, shipments: pa.Table) -> model_table.Table:
    """The text columns the table-path encodings read (categories, codes, route, descriptions)."""
    coded = {c: _coded_text(shipments, c) for c in (*CATEGORICAL, "carrier", "descriptions_norm")}
    codes, distinct = _coded_text(shipments, "hs_codes")
    coded["hs code"] = _distinct_codes(codes, np.array([c.split("|", 1)[0] for c in distinct.tolist()], dtype=object))
    codes, distinct = coded["hs code"]
    coded["hs chapter"] = _distinct_codes(codes, np.array([c[:2] for c in distinct.tolist()], dtype=object))
    coded["route"] = model_table.joined_codes([coded["origin_country"], coded["departure_country"],
                                               _coded_text(shipments, "transit_countries"),
                                               coded["destination_country"]], ">")
    columns = {c: distinct[codes] for c, (codes, distinct) in coded.items()}
    columns["id"] = _text(shipments, "id")
    return model_table.Table({c: columns[c] for c in ENCODED_COLUMNS}, ["shipments"], coded)


def _distinct_codes(codes: np.ndarray, values: np.ndarray) -> model_table.Coded:
    """(codes, values of the distinct values) made distinct again: two values may map to one."""
    again, distinct = model_table.factorize(values)
    return again[codes], distinct


def shipment_numbers(*, shipments: pa.Table) -> dict[str, np.ndarray]:
    """Weights, values and their ratios, counts of items, codes and transit countries, time of report."""
    gross_kg = _number(shipments, "gross_weight_g") / 1000
    value_eur = _number(shipments, "declared_value_eur_cents") / 100
    net_kg = _number(shipments, "items_net_weight_g") / 1000
    t = _seconds(shipments.column("reported_at"))
    with np.errstate(divide="ignore", invalid="ignore"):
        out = {
            "gross weight kg": gross_kg,
            "declared value eur": value_eur,
            "value per kg": np.where(gross_kg > 0, value_eur / gross_kg, np.nan),
            "net / gross weight": np.where(gross_kg > 0, net_kg / gross_kg, np.nan),
            "items": _number(shipments, "item_count"),
            "pieces": _number(shipments, "pieces"),
            "weight per item kg": gross_kg / np.maximum(_number(shipments, "item_count"), 1),
            "distinct hs chapters": _per_distinct(shipments, "hs_codes",
                                                  lambda s: len({c[:2] for c in s.split("|") if c}), float),
            "transit countries": _per_distinct(shipments, "transit_countries",
                                               lambda s: len([c for c in s.split("|") if c]), float),
            "id check valid": _number(shipments, "id_check_valid"),
            "hour reported": ((t % DAY) // 3600).astype(float),
        }
        out |= traffic_norms(shipments=shipments, gross_kg=gross_kg, value_eur=value_eur)
    for name in shipments.column_names:
        if name.startswith(EXTRA_PREFIXES):
            out[name] = _number(shipments, name)
    return out


# The features `traffic_norms` adds, by name.
TRAFFIC_NORMS = ("hs code unusual for its words", "value per kg among its hs chapter", "value per kg among its category",
                 "weight per item among its category")


def traffic_norms(*, shipments: pa.Table, gross_kg: np.ndarray, value_eur: np.ndarray) -> dict[str, np.ndarray]:
    """How a shipment compares with the rest of the traffic given (threats.md: an HS code that does not
    fit the words, a value and a weight that do not fit the goods), as numbers: the profiles' derived
    fields (targeting/norms.py, each shipment judged against the others; NaN where they cannot be
    judged) and where its value per kg and weight per item stand among the shipments of its CN 23
    category, as a share (0 the lowest)."""
    from interdict.targeting.norms import DERIVED, READS, derived_columns

    derived = derived_columns({c: shipments.column(c).combine_chunks() for c in READS}, DERIVED) \
        if shipments.num_rows and all(c in shipments.column_names for c in READS) else {}
    category = _coded_text(shipments, "category")[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        per_kg = np.where(gross_kg > 0, value_eur / gross_kg, np.nan)
        per_item = gross_kg / np.maximum(_number(shipments, "item_count"), 1)

    def number(name: str) -> np.ndarray:
        return _number(pa.table({"x": derived[name]}), "x") if name in derived else np.full(shipments.num_rows, np.nan)

    return dict(zip(TRAFFIC_NORMS, (number("hs_code_unusual"), number("value_per_kg_permille") / 1000,
                                    rank_in_group(group=category, values=per_kg),
                                    rank_in_group(group=category, values=per_item)), strict=True))


def rank_in_group(*, group: np.ndarray, values: np.ndarray, least: int = 30) -> np.ndarray:
    """Per row, the share of the other rows of its group with a lower value (equal values count half):
    0 the lowest, 1 the highest; NaN where the value is missing or the group has fewer than `least`
    other rows with a value. One sort, no loop over rows."""
    out = np.full(len(values), np.nan)
    order, new_group = sorted_in_groups(group, values, ~np.isnan(values))
    if not len(order):
        return out
    lower, same, others = peers_below(order, new_group, values)
    enough = (others >= least) & (others > 0)
    out[order[enough]] = (lower[enough] + same[enough] / 2) / others[enough]
    return out


def party_history(*, shipments: pa.Table, outcomes: pa.Table, labels: Labels) -> dict[str, np.ndarray]:
    """Per shipment and party key: earlier shipments, those of the last week, earlier inspections and
    seizures (known before this shipment was reported), distinct senders or names behind one contact.

    Everything counts strictly earlier rows, so a newcomer has zeros and no shipment sees its own fate:
    "earlier" is earlier in (time reported, row) order; an inspection counts from the second after it
    was made (one made at the very second of a report is not yet known to it). Counted with sorted
    arrays and binary search per party key, never row by row.
    """
    n = shipments.num_rows
    t = _seconds(shipments.column("reported_at")).astype(np.int64)
    inspected = labels.inspected & (np.where(labels.inspected, labels.inspected_at, -1) >= 0)
    inspected_t = np.where(inspected, labels.inspected_at, -1).astype(np.int64)
    seized = (labels.target | labels.other_contraband).astype(np.int64)
    # Every time that is compared, as its rank among all of them: keys and ranks then combine into
    # one integer (key x ranks + rank) that sorts by key, then time.
    ranks = np.unique(np.concatenate([t, inspected_t, t - RECENT_DAYS * DAY, t - DISTINCT_DAYS * DAY]),
                      return_inverse=True)[1].astype(np.int64).ravel()
    span = int(ranks.max()) + 1 if len(ranks) else 1
    rank_t, rank_inspected, rank_recent, rank_distinct = (ranks[i * n:(i + 1) * n] for i in range(4))
    codes = {key: _party_codes(shipments, key) for key in {*PARTY_KEYS, *(c for _, c in DISTINCT_COUNTS)}}
    out: dict[str, np.ndarray] = {}
    for key in PARTY_KEYS:
        name = key.removesuffix("_norm").replace("_", " ")
        code = codes[key]
        present = np.flatnonzero(code >= 0)
        # Rows of this key in (key, time, row) order: every search below then asks in sorted order.
        present = present[np.lexsort((present, code[present] * span + rank_t[present]))]
        group = code[present] * span
        at = group + rank_t[present]
        first = np.searchsorted(at, group, side="left")
        earlier = np.arange(len(present)) - first
        recent = np.searchsorted(at, at, side="right") - np.searchsorted(at, group + rank_recent[present], side="left") - 1
        # Inspections and seizures made strictly before the shipment was reported.
        made = present[inspected[present]]
        events = code[made] * span + rank_inspected[made]
        event_order = np.argsort(events, kind="stable")
        events = events[event_order]
        seizures_before = np.concatenate([[0], np.cumsum(seized[made][event_order])])
        low = np.searchsorted(events, group, side="left")
        high = np.searchsorted(events, at, side="left")
        for label, values, missing in (("earlier shipments", earlier, np.nan), ("earlier inspections", high - low, 0.0),
                                       ("earlier seizures", seizures_before[high] - seizures_before[low], 0.0),
                                       (f"shipments in last {RECENT_DAYS} days", recent, 0.0)):
            column = np.full(n, missing)
            column[present] = values
            out[f"{label} ({name})"] = column
    for key, other in DISTINCT_COUNTS:
        label = f"distinct {other.removesuffix('_norm').replace('_', ' ')}s per {key.removesuffix('_norm').replace('_', ' ')}"
        out[f"{label} ({DISTINCT_DAYS} days)"] = _distinct_in_window(
            key=codes[key], other=codes[other], t=t, rank_t=rank_t, rank_from=rank_distinct, span=span)
    return out


def _party_codes(shipments: pa.Table, key: str) -> np.ndarray:
    """Each row's party as a number; -1 where the party is not given (missing or empty)."""
    codes, distinct = _coded_text(shipments, key)
    return np.where(distinct == "", -1, np.arange(len(distinct)))[codes].astype(np.int64)


def _distinct_in_window(*, key: np.ndarray, other: np.ndarray, t: np.ndarray, rank_t: np.ndarray,
                        rank_from: np.ndarray, span: int) -> np.ndarray:
    """Per row with a key: the distinct `other` values given on rows of the same key reported within
    [t - window, t] (rank_from is the rank of t - window); NaN without a key.

    Each (key, other) pair's reports, merged into runs where consecutive reports lie at most a window
    apart, cover one interval each, [first report, last report + window]; a row at time u counts the
    pairs of its key whose interval holds u: those begun by u less those ended before it.
    """
    n = len(key)
    result = np.full(n, np.nan)
    present = np.flatnonzero(key >= 0)
    if not len(present):
        return result
    pairs = present[other[present] >= 0]
    if not len(pairs):
        result[present] = 0
        return result
    window = DISTINCT_DAYS * DAY
    pair = np.unique(key[pairs] * (int(other.max()) + 1) + other[pairs], return_inverse=True)[1].ravel()
    order = np.lexsort((t[pairs], pair))
    pair, rows = pair[order], pairs[order]
    starts_run = np.ones(len(rows), bool)
    starts_run[1:] = (pair[1:] != pair[:-1]) | (t[rows][1:] - t[rows][:-1] > window)
    ends_run = np.append(starts_run[1:], True)
    begun = np.sort(key[rows[starts_run]] * span + rank_t[rows[starts_run]])
    # A run's interval ends at last + window, before u exactly when last < u - window.
    ended = np.sort(key[rows[ends_run]] * span + rank_t[rows[ends_run]])
    present = present[np.lexsort((rank_t[present], key[present]))]  # searched in sorted order
    group = key[present] * span
    count = (np.searchsorted(begun, group + rank_t[present], side="right")
             - np.searchsorted(ended, group + rank_from[present], side="left"))
    result[present] = count
    return result


def check_shipments(shipments: pa.Table) -> None:
    """The contract columns the model cannot do without."""
    needed = ("id", "reporter", "shipment_id", "reported_at", "mode", "direction", "origin_country",
              "destination_country", "gross_weight_g", "descriptions_norm", "hs_codes")
    missing = [c for c in needed if c not in shipments.column_names]
    if missing:
        raise InvalidInput(
            "the shipments table lacks columns of the contract the model needs",
            problems=[Problem(c, "required", None, "load shipments with features.load_shipments") for c in missing],
        )


# ---------------------------------------------------------------------------------------------
# Descriptions as character n-grams


NGRAM_BITS = 20  # hashed n-gram slots: 1M, few collisions among the few hundred thousand n-grams seen
NGRAM_RANGE = (3, 5)


@dataclass
class Ngrams:
    """Hashed character n-grams, 0/1, of each distinct description (`matrix`), and each row's description."""

    matrix: Any  # scipy CSR matrix: distinct descriptions x 2^NGRAM_BITS
    of_row: np.ndarray

    def rows(self, rows: np.ndarray):
        """The n-grams of the given rows, one matrix row each."""
        return self.matrix[self.of_row[rows]].tocsr()


def description_ngrams(descriptions: np.ndarray) -> Ngrams:
    """Hashed character n-grams (3 to 5, within words) of the folded descriptions, 0/1.

    Only distinct descriptions are vectorised: traffic repeats the same few tens of thousands.
    """
    from sklearn.feature_extraction.text import HashingVectorizer

    codes, distinct = model_table.factorize(descriptions)
    vectorizer = HashingVectorizer(analyzer="char_wb", ngram_range=NGRAM_RANGE, n_features=2**NGRAM_BITS,
                                   binary=True, alternate_sign=False, norm=None, dtype=np.float32)
    if not len(distinct):  # no shipments: HashingVectorizer refuses an empty list
        from scipy.sparse import csr_matrix

        return Ngrams(csr_matrix((0, 2**NGRAM_BITS), dtype=np.float32), codes)
    return Ngrams(vectorizer.transform([str(d) for d in distinct.tolist()]).tocsr(), codes)


@dataclass
class NgramRates:
    """Per hashed n-gram: weighted rows and positives of the training shipments that contain it."""

    rows: np.ndarray
    positives: np.ndarray
    prior: float
    smoothing: float = 20.0


def learn_ngram_rates(*, matrix, labels: np.ndarray, weights: np.ndarray, smoothing: float = 20.0) -> NgramRates:
    rows = np.asarray(matrix.T @ weights).ravel()
    positives = np.asarray(matrix.T @ (weights * labels)).ravel()
    prior = float((weights * labels).sum() / max(weights.sum(), 1e-9))
    return NgramRates(rows, positives, prior, smoothing)


def ngram_features_of_rows(*, ngrams: Ngrams, rows: np.ndarray, rates: NgramRates) -> dict[str, np.ndarray]:
    """`ngram_features` of the given rows, worked out once per distinct description among them."""
    used, of_row = np.unique(ngrams.of_row[rows], return_inverse=True)
    per_description = ngram_features(matrix=ngrams.matrix[used], rates=rates)
    return {name: values[of_row.ravel()] for name, values in per_description.items()}


def ngram_features(*, matrix, rates: NgramRates) -> dict[str, np.ndarray]:
    """The highest and mean smoothed positive rate of a description's n-grams, and their summed lift."""
    rate = (rates.positives + rates.prior * rates.smoothing) / (rates.rows + rates.smoothing)
    # Without a positive (an out-of-fold part that holds none of a few seizures) no n-gram says more
    # than any other: no lift, where the log of a zero rate would be minus infinity.
    lift = np.log(rate / rates.prior) if rates.prior > 0 else np.zeros(len(rate))
    weighted = matrix.multiply(rate.astype(np.float32)[None, :]).tocsr()
    count = np.asarray(matrix.sum(axis=1)).ravel()
    best = np.asarray(weighted.max(axis=1).todense()).ravel()
    with np.errstate(invalid="ignore", divide="ignore"):
        return {
            "description n-grams: highest rate": np.where(count > 0, best, rates.prior),
            "description n-grams: mean rate": np.where(count > 0, np.asarray(weighted.sum(axis=1)).ravel() / count, rates.prior),
            "description n-grams: summed lift": np.asarray(matrix @ lift.astype(np.float32)).ravel(),
        }


def ngram_features_out_of_fold(*, matrix, labels: np.ndarray, weights: np.ndarray, folds: np.ndarray,
                               smoothing: float = 20.0) -> dict[str, np.ndarray]:
    """Training rows' n-gram features from the other folds only: a row's outcome never rates its own n-grams."""
    out: dict[str, np.ndarray] = {}
    for f in np.unique(folds):
        inside = folds == f
        rates = learn_ngram_rates(matrix=matrix[~inside], labels=labels[~inside], weights=weights[~inside],
                                  smoothing=smoothing)
        part = ngram_features(matrix=matrix[inside], rates=rates)
        for name, values in part.items():
            out.setdefault(name, np.zeros(len(labels)))[inside] = values
    return out


# ---------------------------------------------------------------------------------------------
# What the targeting engine knows: optional extra columns


def with_profile_indicators(*, shipments: pa.Table, profiles=None) -> pa.Table:
    """The shipments with `profile_score` and one 0/1 column `indicator_<profile>.<indicator>` per indicator,
    as the targeting engine's `evaluate` decides them (history: the shipments given).

    The model reads them like any other feature: analysts' knowledge for the patterns too rare in
    the outcomes to be learned.
    """
    from interdict.targeting import evaluate, load_profiles

    profiles = load_profiles() if profiles is None else profiles
    scored = evaluate(shipments, profiles)
    n = shipments.num_rows
    # Each scored row's place in the shipments table, by primary key.
    position = pc.index_in(scored.column("id"), value_set=shipments.column("id")).to_numpy(zero_copy_only=False)
    score = np.zeros(n, np.int64)
    score[position.astype(np.int64)] = scored.column("score").to_numpy(zero_copy_only=False)
    keys = [i.key for p in profiles for i in p.indicators]
    fired = scored.column("indicators").combine_chunks() if scored.num_rows else pa.array([], pa.list_(pa.string()))
    if pa.types.is_dictionary(fired.type):
        fired = fired.dictionary_decode()
    codes, fired_keys = model_table.factorize(pc.list_flatten(fired))
    fired_at = position.astype(np.int64)[pc.list_parent_indices(fired).to_numpy(zero_copy_only=False)]
    flags = {k: np.zeros(n, np.int8) for k in keys}
    for code, key in enumerate(fired_keys.tolist()):
        flags[key][fired_at[codes == code]] = 1
    out = shipments
    for name in [c for c in shipments.column_names if c.startswith(("profile_score", "indicator_"))]:
        out = out.drop_columns([name])
    out = out.append_column("profile_score", pa.array(score))
    for key, values in flags.items():
        out = out.append_column(f"indicator_{key}", pa.array(values))
    return out
