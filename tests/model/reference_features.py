"""The feature builder as it was before it became columnar (main at 1575fcb): row by row, party history in
DuckDB windows, n-grams of every row. Kept verbatim (only its calls point at this module) as the
reference the columnar builder must equal, value for value: a model trained before the change scores
the same after it.
"""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from interdict.targeting.model import features as shipment_features
from interdict.targeting.model import table as model_table
from interdict.targeting.model.features import (
    CATEGORICAL, DAY, DISTINCT_COUNTS, DISTINCT_DAYS, EXTRA_PREFIXES, NGRAM_BITS, NGRAM_RANGE, PARTY_KEYS,
    RECENT_DAYS, TARGET_CATEGORIES, Labels, _seconds,
)
from interdict.targeting.model.table import (
    Encodings, Table, TableMapping, _encode_columns, _folds, _numbers, _rate, _text_columns, _words, learn_table,
)

def label_shipments(*, shipments: pa.Table, outcomes: pa.Table) -> Labels:
    """Join outcomes to shipments by (reporter, shipment_id); several inspections of one shipment add up."""
    n = shipments.num_rows
    where = {key: i for i, key in enumerate(zip(shipments.column("reporter").to_pylist(),
                                                 shipments.column("shipment_id").to_pylist()))}
    inspected = np.zeros(n, bool)
    target = np.zeros(n, bool)
    other = np.zeros(n, bool)
    at_random = np.zeros(n, bool)
    first = np.full(n, np.inf)
    category = np.full(n, "", dtype=object)
    times = _seconds(outcomes.column("inspected_at"))
    for reporter, shipment_id, t, result, categories, random_flag in zip(
        outcomes.column("reporter").to_pylist(), outcomes.column("shipment_id").to_pylist(), times,
        outcomes.column("result").to_pylist(), outcomes.column("categories").to_pylist(),
        outcomes.column("selected_at_random").to_pylist(),
    ):
        i = where.get((reporter, shipment_id))
        if i is None:
            continue
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


def _text(shipments: pa.Table, column: str) -> np.ndarray:
    if column not in shipments.column_names:
        return np.full(shipments.num_rows, "", dtype=object)
    return np.asarray(pc.fill_null(shipments.column(column).cast(pa.string()), "").to_numpy(zero_copy_only=False), dtype=object)


def _number(shipments: pa.Table, column: str) -> np.ndarray:
    if column not in shipments.column_names:
        return np.full(shipments.num_rows, np.nan)
    values = shipments.column(column)
    if pa.types.is_boolean(values.type):
        values = values.cast(pa.int8())
    return pc.cast(values, pa.float64()).to_numpy(zero_copy_only=False).astype(float)


def encoded_table(*, shipments: pa.Table) -> model_table.Table:
    """The text columns the table-path encodings read (categories, codes, route, descriptions)."""
    columns = {c: _text(shipments, c) for c in CATEGORICAL}
    codes = _text(shipments, "hs_codes")
    first_code = np.array([c.split("|", 1)[0] for c in codes.tolist()], dtype=object)
    columns["hs code"] = first_code
    columns["hs chapter"] = np.array([c[:2] for c in first_code.tolist()], dtype=object)
    columns["carrier"] = _text(shipments, "carrier")
    transit = _text(shipments, "transit_countries")
    columns["route"] = np.array(
        [f"{o}>{d}>{t}>{x}" for o, d, t, x in zip(columns["origin_country"].tolist(),
                                                   columns["departure_country"].tolist(), transit.tolist(),
                                                   columns["destination_country"].tolist())], dtype=object)
    columns["descriptions_norm"] = _text(shipments, "descriptions_norm")
    columns["id"] = _text(shipments, "id")
    return model_table.Table(columns, ["shipments"])


def shipment_numbers(*, shipments: pa.Table) -> dict[str, np.ndarray]:
    """Weights, values and their ratios, counts of items, codes and transit countries, time of report."""
    gross_kg = _number(shipments, "gross_weight_g") / 1000
    value_eur = _number(shipments, "declared_value_eur_cents") / 100
    net_kg = _number(shipments, "items_net_weight_g") / 1000
    codes = _text(shipments, "hs_codes")
    transit = _text(shipments, "transit_countries")
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
            "distinct hs chapters": np.array([len({c[:2] for c in s.split("|") if c}) for s in codes.tolist()], float),
            "transit countries": np.array([len([c for c in s.split("|") if c]) for s in transit.tolist()], float),
            "id check valid": _number(shipments, "id_check_valid"),
            "hour reported": ((t % DAY) // 3600).astype(float),
        }
    for name in shipments.column_names:
        if name.startswith(EXTRA_PREFIXES):
            out[name] = _number(shipments, name)
    return out


def party_history(*, shipments: pa.Table, outcomes: pa.Table, labels: Labels) -> dict[str, np.ndarray]:
    """Per shipment and party key: earlier shipments, those of the last week, earlier inspections and
    seizures (known before this shipment was reported), distinct senders or names behind one contact.

    Everything counts strictly earlier rows, so a newcomer has zeros and no shipment sees its own fate.
    """
    n = shipments.num_rows
    t = _seconds(shipments.column("reported_at"))
    order = np.arange(n)
    seized = labels.target | labels.other_contraband
    data = {"row": order, "t": t, "inspected_t": np.where(labels.inspected, labels.inspected_at, -1).astype(np.int64),
            "seized": seized}
    for key in {*PARTY_KEYS, *(c for _, c in DISTINCT_COUNTS)}:
        values = _text(shipments, key)
        data[key] = np.where(values == "", None, values)
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        con.register("s", pa.table({k: pa.array(v) for k, v in data.items()}))
        out: dict[str, np.ndarray] = {}
        for key in PARTY_KEYS:
            name = key.removesuffix("_norm").replace("_", " ")
            # Events: shipments (kind 0) and inspection results (kind 1, at the inspection time),
            # ordered so that a result at the very second of a report is not yet known to it.
            frame = con.sql(f"""
                WITH events AS (
                    SELECT {key} AS k, t, 0 AS kind, row, 0 AS inspected, 0 AS seized FROM s WHERE {key} IS NOT NULL
                    UNION ALL
                    SELECT {key}, inspected_t, 1, row, 1, CAST(seized AS INT) FROM s
                    WHERE {key} IS NOT NULL AND inspected_t >= 0
                ), counted AS (
                    SELECT row, kind,
                        COUNT(*) FILTER (WHERE kind = 0) OVER w_all AS earlier,
                        SUM(inspected) OVER w_all AS inspections,
                        SUM(seized) OVER w_all AS seizures
                    FROM events
                    WINDOW w_all AS (PARTITION BY k ORDER BY t, kind, row ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                ), recent AS (
                    SELECT row, COUNT(*) OVER (PARTITION BY {key} ORDER BY t
                        RANGE BETWEEN {RECENT_DAYS * DAY} PRECEDING AND CURRENT ROW) - 1 AS recent
                    FROM s WHERE {key} IS NOT NULL
                )
                SELECT c.row, c.earlier, c.inspections, c.seizures, r.recent
                FROM counted c JOIN recent r USING (row) WHERE c.kind = 0
            """).fetchnumpy()
            rows = frame["row"].astype(np.int64)
            for column, label in (("earlier", "earlier shipments"), ("inspections", "earlier inspections"),
                                  ("seizures", "earlier seizures"), ("recent", f"shipments in last {RECENT_DAYS} days")):
                values = np.full(n, np.nan)
                values[rows] = np.asarray(frame[column], dtype=float)
                out[f"{label} ({name})"] = np.nan_to_num(values, nan=0.0) if column != "earlier" else values
        for key, other in DISTINCT_COUNTS:
            frame = con.sql(f"""
                SELECT row, COUNT(DISTINCT {other}) OVER (PARTITION BY {key} ORDER BY t
                    RANGE BETWEEN {DISTINCT_DAYS * DAY} PRECEDING AND CURRENT ROW) AS distinct_count
                FROM s WHERE {key} IS NOT NULL
            """).fetchnumpy()
            values = np.full(n, np.nan)
            values[frame["row"].astype(np.int64)] = np.asarray(frame["distinct_count"], dtype=float)
            label = f"distinct {other.removesuffix('_norm').replace('_', ' ')}s per {key.removesuffix('_norm').replace('_', ' ')}"
            out[f"{label} ({DISTINCT_DAYS} days)"] = values
    finally:
        con.close()
    return out


def description_ngrams(descriptions: np.ndarray):
    """Rows x hashed character n-grams (3 to 5, within words) of the folded descriptions, 0/1.

    Only distinct descriptions are vectorised: traffic repeats the same few tens of thousands.
    """
    from sklearn.feature_extraction.text import HashingVectorizer

    distinct, inverse = np.unique(descriptions.astype(str), return_inverse=True)
    vectorizer = HashingVectorizer(analyzer="char_wb", ngram_range=NGRAM_RANGE, n_features=2**NGRAM_BITS,
                                   binary=True, alternate_sign=False, norm=None, dtype=np.float32)
    return vectorizer.transform(distinct.tolist())[inverse].tocsr()


# ---------------------------------------------------------------------------------------------
# The table path's encodings


def _canonical_numbers(values: np.ndarray) -> np.ndarray:
    # "2009.10" and "2009.1" are one amount: keys built from numbers must not depend on formatting.
    def canon(text: str) -> str:
        try:
            return repr(float(text))
        except ValueError:
            return text

    return np.array([canon(v) for v in values], dtype=object)


def encoded_keys(*, table: Table, mapping: TableMapping) -> dict[str, np.ndarray]:
    """The key columns whose outcome rates and frequencies are learned, by encoding name."""
    numeric = set(mapping.numeric)
    base = {
        c: (_canonical_numbers(table.columns[c]) if c in numeric else table.columns[c])
        for c in mapping.feature_columns()
        if c not in mapping.text
    }
    keys: dict[str, np.ndarray] = {c: base[c] for c in [*mapping.categorical, *mapping.identifiers]}
    for prefix in mapping.prefixes:
        for length in prefix.lengths:
            keys[f"{prefix.column}[:{length}]"] = np.array([v[:length] for v in base[prefix.column]], dtype=object)
    for combination in mapping.combinations:
        parts = [base[c] for c in combination.columns]
        # The unit separator never occurs in declaration text, so joined keys cannot collide.
        keys[combination.key_name] = np.array(["\x1f".join(row) for row in zip(*parts)], dtype=object)
    return keys


def numeric_features(*, table: Table, mapping: TableMapping) -> dict[str, np.ndarray]:
    """Numbers as given, ratios, products and, for text columns, their length in words."""
    numbers = {c: _numbers(table=table, column=c) for c in mapping.numeric}
    out = dict(numbers)
    with np.errstate(divide="ignore", invalid="ignore"):
        for ratio in mapping.ratios:
            denominator = numbers[ratio.denominator]
            out[ratio.name] = np.where(denominator > 0, numbers[ratio.numerator] / denominator, np.nan)
        for product in mapping.products:
            out[product.name] = np.prod(np.vstack([numbers[c] for c in product.factors]), axis=0)
    for column in mapping.text:
        out[f"words({column})"] = np.array([len(_words(v)) for v in table.columns[column]], dtype=float)
    return out


def lookup(self: model_table.EncodingTable, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    index = {v: i for i, v in enumerate(self.values.tolist())}
    at = np.array([index.get(k, -1) for k in keys.tolist()], dtype=np.int64)
    known = at >= 0
    rows = np.where(known, self.rows[np.maximum(at, 0)], 0)
    positives = np.where(known, self.positives[np.maximum(at, 0)], 0)
    return rows.astype(float), positives.astype(float)




def _word_keys(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (row, word) pair of a text column, as row numbers and word keys."""
    rows, words = [], []
    for i, text in enumerate(values.tolist()):
        for word in _words(text):
            rows.append(i)
            words.append(word)
    return np.array(rows, dtype=np.int64), np.array(words, dtype=object)


def learn_encodings(*, table: Table, labels: np.ndarray, mapping: TableMapping) -> Encodings:
    """Tables from all training rows: what a future, unseen row is encoded with."""
    keys = encoded_keys(table=table, mapping=mapping)
    words = {c: _word_keys(table.columns[c]) for c in mapping.text}
    return Encodings(
        prior=float(labels.mean()),
        smoothing=mapping.encoding.smoothing,
        tables={name: learn_table(keys=k, labels=labels) for name, k in keys.items()},
        word_tables={c: learn_table(keys=w, labels=labels[r]) for c, (r, w) in words.items()},
        categories={c: sorted(set(table.columns[c].tolist())) for c in mapping.categorical},
    )


def _categorical_codes(*, table: Table, encodings: Encodings) -> dict[str, np.ndarray]:
    out = {}
    for column, vocabulary in encodings.categories.items():
        index = {v: i for i, v in enumerate(vocabulary)}
        # An unseen category becomes missing: LightGBM then sends it down the default branch.
        out[f"category({column})"] = np.array([index.get(v, np.nan) for v in table.columns[column].tolist()], float)
    return out


def features_for_scoring(*, table: Table, mapping: TableMapping, encodings: Encodings) -> dict[str, np.ndarray]:
    """Features of rows the model has never seen, from tables learned on all training rows."""
    out = numeric_features(table=table, mapping=mapping)
    out |= _categorical_codes(table=table, encodings=encodings)
    for name, keys in encoded_keys(table=table, mapping=mapping).items():
        rows, positives = lookup(encodings.tables[name], keys)
        out |= _encode_columns(
            name=name, rows=rows, positives=positives, prior=encodings.prior, smoothing=encodings.smoothing
        )
    for column in mapping.text:
        row_of, words = _word_keys(table.columns[column])
        rows, positives = lookup(encodings.word_tables[column], words)
        out |= _text_columns(
            name=column, n=len(table), row_of=row_of, rows=rows, positives=positives,
            prior=encodings.prior, smoothing=encodings.smoothing,
        )
    return out


def features_for_training(
    *, table: Table, labels: np.ndarray, mapping: TableMapping, encodings: Encodings
) -> dict[str, np.ndarray]:
    """Features of the training rows without leaking their own outcome.

    A row's outcome rate comes only from the other folds; its row count counts the *other* training
    rows with the same key. So a training row sees what a future row will see at scoring time: the
    outcomes of declarations other than itself.
    """
    n = len(table)
    prior, smoothing = encodings.prior, encodings.smoothing
    fold = _folds(n=n, folds=mapping.encoding.folds, seed=mapping.encoding.seed)
    out = numeric_features(table=table, mapping=mapping)
    out |= _categorical_codes(table=table, encodings=encodings)
    scale = mapping.encoding.folds / (mapping.encoding.folds - 1)
    for name, keys in encoded_keys(table=table, mapping=mapping).items():
        all_rows, _ = lookup(encodings.tables[name], keys)
        positives = np.zeros(n)
        rows_in_folds = np.zeros(n)
        for f in range(mapping.encoding.folds):
            inside = fold == f
            other = learn_table(keys=keys[~inside], labels=labels[~inside])
            rows_in_folds[inside], positives[inside] = lookup(other, keys[inside])
        encoded = _encode_columns(name=name, rows=rows_in_folds, positives=positives, prior=prior, smoothing=smoothing)
        encoded[f"rows({name})"] = all_rows - 1
        # Other folds hold (k-1)/k of the rows; scale positives so that they match what scoring sees.
        encoded[f"positives({name})"] = positives * scale
        out |= encoded
    for column in mapping.text:
        row_of, words = _word_keys(table.columns[column])
        rows = np.zeros(len(words))
        positives = np.zeros(len(words))
        for f in range(mapping.encoding.folds):
            inside_rows = fold == f
            inside = inside_rows[row_of]
            other = learn_table(keys=words[~inside], labels=labels[row_of[~inside]])
            rows[inside], positives[inside] = lookup(other, words[inside])
        out |= _text_columns(
            name=column, n=n, row_of=row_of, rows=rows, positives=positives, prior=prior, smoothing=smoothing
        )
    return out


def with_profile_indicators(*, shipments: pa.Table, profiles=None) -> pa.Table:
    """The shipments with `profile_score` and one 0/1 column `indicator_<profile>.<indicator>` per indicator,
    as the targeting engine's `evaluate` decides them (history: the shipments given).

    The model reads them like any other feature: analysts' knowledge for the patterns too rare in
    the outcomes to be learned.
    """
    from interdict.targeting import evaluate, load_profiles

    profiles = load_profiles() if profiles is None else profiles
    scored = evaluate(shipments, profiles)
    position = {int(pk): i for i, pk in enumerate(shipments.column("id").to_pylist())}
    n = shipments.num_rows
    score = np.zeros(n, np.int64)
    keys = [i.key for p in profiles for i in p.indicators]
    flags = {k: np.zeros(n, np.int8) for k in keys}
    for pk, value, fired in zip(scored.column("id").to_pylist(), scored.column("score").to_pylist(),
                                scored.column("indicators").to_pylist()):
        i = position[int(pk)]
        score[i] = value
        for key in fired or ():
            flags[key][i] = 1
    out = shipments
    for name in [c for c in shipments.column_names if c.startswith(("profile_score", "indicator_"))]:
        out = out.drop_columns([name])
    out = out.append_column("profile_score", pa.array(score))
    for key, values in flags.items():
        out = out.append_column(f"indicator_{key}", pa.array(values))
    return out


# ---------------------------------------------------------------------------------------------
# training.py's prepare, _features and _training_features, on the functions above


def prepare(*, shipments: pa.Table, outcomes: pa.Table, known_until: datetime | None = None) -> dict:
    if known_until is not None and outcomes.num_rows:
        outcomes = outcomes.filter(pc.less_equal(outcomes.column("inspected_at"),
                                                 pa.scalar(known_until.astimezone(timezone.utc), outcomes.column("inspected_at").type)))
    labels = label_shipments(shipments=shipments, outcomes=outcomes)
    return {
        "labels": labels,
        "numbers": shipment_numbers(shipments=shipments),
        "history": party_history(shipments=shipments, outcomes=outcomes, labels=labels),
        "table": encoded_table(shipments=shipments),
        "ngrams": description_ngrams(_text(shipments, "descriptions_norm")),
    }


def scoring_features(*, prepared: dict, rows: np.ndarray, encodings: Encodings,
                     ngram_rates: shipment_features.NgramRates) -> dict[str, np.ndarray]:
    mapping = shipment_features.shipment_mapping()
    table = prepared["table"].take(rows)
    out = {name: values[rows] for name, values in prepared["numbers"].items()}
    out |= {name: values[rows] for name, values in prepared["history"].items()}
    out |= features_for_scoring(table=table, mapping=mapping, encodings=encodings)
    out |= shipment_features.ngram_features(matrix=prepared["ngrams"][rows], rates=ngram_rates)
    return out


def training_features(*, prepared: dict, rows: np.ndarray, labels: np.ndarray, weights: np.ndarray):
    mapping = shipment_features.shipment_mapping()
    table = prepared["table"].take(rows)
    encodings = learn_encodings(table=table, labels=labels, mapping=mapping)
    out = {name: values[rows] for name, values in prepared["numbers"].items()}
    out |= {name: values[rows] for name, values in prepared["history"].items()}
    out |= features_for_training(table=table, labels=labels, mapping=mapping, encodings=encodings)
    matrix = prepared["ngrams"][rows]
    folds = np.random.default_rng(mapping.encoding.seed).integers(0, mapping.encoding.folds, size=len(rows))
    out |= shipment_features.ngram_features_out_of_fold(matrix=matrix, labels=labels.astype(float), weights=weights,
                                                        folds=folds)
    rates = shipment_features.learn_ngram_rates(matrix=matrix, labels=labels.astype(float), weights=weights)
    return out, encodings, rates
