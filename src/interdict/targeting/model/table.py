"""The learned risk model on a table of past declarations in any schema, read through a column mapping.

An administration bootstraps the model from its own history: a YAML mapping names the id, date and
label columns and says which columns are categorical, identifiers, numeric or text; `fit` learns
leakage-free encodings and a LightGBM ensemble, `save_model` writes them to a folder, `score` ranks
new rows. Nothing here knows any particular schema: that lives in the mapping.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

# OpenMP threads that spin while waiting starve each other on a shared 2-core machine (a 45 s fit
# took over 10 minutes); passive waiting costs nothing when the machine is quiet.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# LightGBM is imported where a model is trained or read: it brings scikit-learn and scipy, ~1.5 s
# of CPU that every other command (ingest, score without a model, --help) need not wait for.
if TYPE_CHECKING:
    import lightgbm

from interdict.errors import InvalidInput, Problem

MAPPINGS_FOLDER = Path(__file__).parent / "mappings"
MODEL_FORMAT = 1

# The shares of the ranked table an analyst can inspect: the figures every report gives.
REPORTED_SHARES = (0.01, 0.05, 0.10)


# ---------------------------------------------------------------------------------------------
# The mapping


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LabelColumn(_Strict):
    """Which column holds the outcome and which of its values counts as a positive (a hit)."""

    column: str
    positive: str = "1"


class Prefix(_Strict):
    """Leading characters of a code column, e.g. the chapter and heading of a tariff code."""

    column: str
    lengths: list[int] = Field(min_length=1)


class Combination(_Strict):
    """Columns whose values, taken together, are encoded as one key (a route, a repeated goods line)."""

    columns: list[str] = Field(min_length=2)
    name: str | None = None

    @property
    def key_name(self) -> str:
        return self.name or " + ".join(self.columns)


class Ratio(_Strict):
    """One numeric column divided by another, e.g. a unit value (price per kilogram)."""

    name: str
    numerator: str
    denominator: str


class Product(_Strict):
    """Numeric columns multiplied together, e.g. declared value times tax rate (the duty at stake)."""

    name: str
    factors: list[str] = Field(min_length=2)


class EncodingSettings(_Strict):
    """How outcome rates per key are learned: smoothing towards the overall rate, and where a
    training row's own rates come from.

    `history: folds` (the default): from the other `folds` random folds of all training rows, later
    ones included. `history: past`: only from the training rows dated before it, so that a training
    row sees what a row scored later sees (earlier outcomes only: the first declaration of a goods
    line looks new, as it will when it is scored).
    """

    smoothing: float = Field(default=10.0, ge=0)
    history: Literal["folds", "past"] = "folds"
    folds: int = Field(default=5, ge=2)
    seed: int = 0


class BoosterSettings(_Strict):
    """LightGBM settings; `seeds` boosters differing only in their random draws are averaged."""

    learning_rate: float = Field(default=0.03, gt=0)
    num_leaves: int = Field(default=31, ge=2)
    min_data_in_leaf: int = Field(default=20, ge=1)
    feature_fraction: float = Field(default=0.7, gt=0, le=1)
    bagging_fraction: float = Field(default=0.8, gt=0, le=1)
    lambda_l2: float = Field(default=1.0, ge=0)
    cat_smooth: float = Field(default=10.0, ge=0)
    rounds: int = Field(default=600, ge=1)
    # None: a validation file only measures; the rounds stay fixed (safer when positives are few).
    early_stopping_rounds: int | None = Field(default=100, ge=1)
    seeds: int = Field(default=3, ge=1)
    # The first booster's random seed; the others take the next ones (vary it to measure the spread).
    seed: int = Field(default=0, ge=0)
    threads: int = Field(default=2, ge=1)


class TableMapping(_Strict):
    """How one table of past declarations maps onto the model: the file an analyst writes and versions.

    - `categorical`: few distinct values (an office, a transport mode); used as categories by the
      booster and also encoded by their outcome rate.
    - `identifiers`: many distinct values (an importer, a tariff code); encoded only (outcome rate,
      number of earlier rows), never used raw, so unseen values are simply "never seen before".
    - `numeric`: numbers; `ratios` and `products` derive more numbers from them.
    - `text`: free text (a goods description), already normalised at ingest; split into words whose
      outcome rates are encoded.
    - `prefixes` and `combinations` derive more encoded keys from the columns above.
    """

    name: str
    description: str = ""
    id: str
    date: str
    label: LabelColumn
    categorical: list[str] = []
    identifiers: list[str] = []
    numeric: list[str] = []
    text: list[str] = []
    prefixes: list[Prefix] = []
    combinations: list[Combination] = []
    ratios: list[Ratio] = []
    products: list[Product] = []
    encoding: EncodingSettings = EncodingSettings()
    booster: BoosterSettings = BoosterSettings()

    @model_validator(mode="after")
    def _columns_known(self) -> TableMapping:
        declared = set(self.categorical) | set(self.identifiers) | set(self.numeric) | set(self.text)
        problems = []
        for prefix in self.prefixes:
            if prefix.column not in declared:
                problems.append(f"prefix column {prefix.column!r} is not declared as categorical or identifier")
        for combination in self.combinations:
            problems += [f"combination column {c!r} is not declared" for c in combination.columns if c not in declared]
        numbers = set(self.numeric)
        for ratio in self.ratios:
            problems += [
                f"ratio {ratio.name!r} uses {c!r}, which is not declared numeric"
                for c in (ratio.numerator, ratio.denominator)
                if c not in numbers
            ]
        for product in self.products:
            problems += [
                f"product {product.name!r} uses {c!r}, which is not declared numeric"
                for c in product.factors
                if c not in numbers
            ]
        if self.label.column in declared or self.id in declared:
            problems.append("the label and id columns must not also be used as features")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def feature_columns(self) -> list[str]:
        """Every input column the features are built from, in a stable order."""
        seen: dict[str, None] = {}
        for column in [*self.categorical, *self.identifiers, *self.numeric, *self.text]:
            seen.setdefault(column, None)
        return list(seen)


def load_mapping(*, path: Path) -> TableMapping:
    """Read and check a mapping file; every mistake is reported with the field to fix."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(
            f"Mapping file {path} does not exist",
            problems=[Problem("config", "file_exists", str(path), "give the path of a mapping YAML file")],
        ) from None
    except yaml.YAMLError as err:
        raise InvalidInput(
            f"Mapping file {path} is not valid YAML",
            problems=[Problem("config", "yaml", str(path), str(err))],
        ) from None
    if not isinstance(raw, dict):
        raise InvalidInput(
            f"Mapping file {path} must be a YAML mapping (key: value lines)",
            problems=[Problem("config", "yaml_mapping", type(raw).__name__, "start from a shipped mapping")],
        )
    try:
        return TableMapping.model_validate(raw)
    except ValidationError as err:
        raise InvalidInput(
            f"Mapping file {path} does not follow the mapping schema",
            problems=[
                Problem(".".join(str(p) for p in e["loc"]) or "mapping", e["type"], e.get("input"), e["msg"])
                for e in err.errors()
            ],
            hint="compare with src/interdict/targeting/model/mappings/*.yaml",
        ) from None


# ---------------------------------------------------------------------------------------------
# Reading a table


@dataclass
class Table:
    """Rows of one or more files, every column as text exactly as written (codes keep leading zeros).

    `coded` may hold columns already factorised (codes, distinct values) by whoever built the table,
    so that the encodings need not hash the text again.
    """

    columns: dict[str, np.ndarray]
    sources: list[str]
    coded: dict[str, Coded] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def take(self, rows: np.ndarray) -> Table:
        return Table({name: values[rows] for name, values in self.columns.items()}, self.sources,
                     {name: (codes[rows], distinct) for name, (codes, distinct) in self.coded.items()})

    def codes(self, column: str) -> Coded:
        """The column as (each row's index among the distinct values, the distinct values)."""
        return self.coded[column] if column in self.coded else factorize(self.columns[column])


def _header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return next(csv.reader(handle), [])


def read_table(*, paths: Sequence[Path], mapping: TableMapping, purpose: str) -> Table:
    """Read CSV files holding the mapped columns; `purpose` is "train" (label needed) or "score".

    A column the mapping needs but the file lacks is an error naming the file and the column.
    """
    needed = [mapping.id, *mapping.feature_columns()]
    if purpose == "train":
        needed += [mapping.date, mapping.label.column]
    parts: list[dict[str, np.ndarray]] = []
    for path in (Path(p) for p in paths):
        if not path.exists():
            raise InvalidInput(
                f"Input file {path} does not exist",
                problems=[Problem("input", "file_exists", str(path), "check the path")],
            )
        present = _header(path)
        missing = [c for c in dict.fromkeys(needed) if c not in present]
        if missing:
            raise InvalidInput(
                f"{path} lacks {len(missing)} column(s) that mapping {mapping.name!r} needs",
                problems=[
                    Problem(c, "column_present", str(path), f"add column {c!r} to {path.name} or change the mapping")
                    for c in missing
                ],
                hint=f"columns found: {', '.join(present)}",
            )
        wanted = list(dict.fromkeys(c for c in [*needed, mapping.date] if c in present))
        arrow = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(encoding="utf8"),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in present},
                include_columns=wanted,
                strings_can_be_null=False,
            ),
        )
        parts.append(
            {c: np.array(arrow.column(c).fill_null("").to_pylist(), dtype=object) for c in wanted}
        )
    names = set.intersection(*(set(p) for p in parts))
    columns = {c: np.concatenate([p[c] for p in parts]) for c in names}
    table = Table(columns, [str(p) for p in paths])
    if purpose == "train":
        _check_label(table=table, mapping=mapping)
    return table


def _check_label(*, table: Table, mapping: TableMapping) -> None:
    values = table.columns[mapping.label.column]
    seen = sorted(set(values.tolist()))
    if mapping.label.positive not in seen:
        raise InvalidInput(
            f"No row of {', '.join(table.sources)} has label {mapping.label.column!r} = {mapping.label.positive!r}",
            problems=[
                Problem(
                    "label.positive",
                    "value_present",
                    mapping.label.positive,
                    f"values found in {mapping.label.column!r}: {seen[:10]}; set label.positive to one of them",
                )
            ],
        )
    if "" in seen:
        empty = int((values == "").sum())
        raise InvalidInput(
            f"{empty} row(s) of {', '.join(table.sources)} have no value in label column {mapping.label.column!r}",
            problems=[Problem(mapping.label.column, "not_empty", "", "drop rows without an outcome before training")],
        )


def labels_of(*, table: Table, mapping: TableMapping) -> np.ndarray:
    """1 where the label column holds the positive value, else 0."""
    return (table.columns[mapping.label.column] == mapping.label.positive).astype(np.int8)


# ---------------------------------------------------------------------------------------------
# Features


def _numbers(*, table: Table, column: str) -> np.ndarray:
    raw = table.columns[column]
    out = np.full(len(raw), np.nan)
    bad: list[str] = []
    for i, text in enumerate(raw):
        if text == "":
            continue
        try:
            out[i] = float(text)
        except ValueError:
            bad.append(text)
    if bad:
        raise InvalidInput(
            f"Column {column!r} of {', '.join(table.sources)} is mapped as numeric but holds {len(bad)} non-number(s)",
            problems=[Problem(column, "number", bad[0], "fix the values or map the column as categorical")],
        )
    return out


def _canonical_numbers(values: np.ndarray) -> np.ndarray:
    # "2009.10" and "2009.1" are one amount: keys built from numbers must not depend on formatting.
    def canon(text: str) -> str:
        try:
            return repr(float(text))
        except ValueError:
            return text

    return per_distinct(values, lambda distinct: np.array([canon(v) for v in distinct.tolist()], dtype=object))


# ---------------------------------------------------------------------------------------------
# Work on distinct values: a column of a million rows holds a few thousand distinct values; what is
# worked out once per distinct value and spread back by index is what working on each row gives.


Coded = tuple[np.ndarray, np.ndarray]  # (index of each row's value among the distinct values, the distinct values)


def factorize(values: np.ndarray | pa.Array | pa.ChunkedArray) -> Coded:
    """Each row's index among the distinct values, and the distinct values in order of first appearance.

    Hash-based (Arrow), not sorted; a missing value (None) is one distinct value of its own.
    """
    array = values if isinstance(values, pa.Array | pa.ChunkedArray) else pa.array(values, pa.string())
    if pa.types.is_integer(array.type) and array.null_count == 0:
        encoded = pc.dictionary_encode(array)
        return encoded.indices.to_numpy().astype(np.int64), encoded.dictionary.to_numpy()
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks else pa.array([], array.type)
    encoded = pc.dictionary_encode(array, null_encoding="encode")
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    return codes, np.asarray(encoded.dictionary.to_numpy(zero_copy_only=False), dtype=object)


def per_distinct(values: np.ndarray, function: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """`function` (array in, array out, element by element) applied to the distinct values only."""
    codes, distinct = factorize(values)
    return np.asarray(function(distinct))[codes]


def combine(columns: Sequence[Coded]) -> tuple[np.ndarray, np.ndarray]:
    """One code per distinct combination of several coded columns, and for each code a row that has it."""
    combined = np.zeros(len(columns[0][0]), dtype=np.int64)
    for codes, distinct in columns:
        # Compacted after each column, so the mixed-radix code stays below rows x distinct values.
        combined = factorize(pa.array(combined * (len(distinct) + 1) + codes, pa.int64()))[0]
    first = np.full(int(combined.max()) + 1 if len(combined) else 0, -1, dtype=np.int64)
    first[combined[::-1]] = np.arange(len(combined))[::-1]
    return combined, first


def joined(columns: Sequence[np.ndarray], separator: str) -> Coded:
    """Row-wise `separator.join` of text columns, worked out once per distinct combination."""
    return joined_codes([factorize(c) for c in columns], separator)


def joined_codes(columns: Sequence[Coded], separator: str) -> Coded:
    """`joined` of columns given as (codes, distinct values)."""
    combined, first = combine(columns)
    distinct = np.array([separator.join(d[c[i]] for c, d in columns) for i in first.tolist()], dtype=object)
    return combined, distinct


def encoded_key_codes(*, table: Table, mapping: TableMapping) -> dict[str, Coded]:
    """The key columns whose outcome rates and frequencies are learned, by encoding name, as (codes, distinct)."""
    numeric = set(mapping.numeric)
    base: dict[str, Coded] = {}
    for c in mapping.feature_columns():
        if c not in mapping.text:
            codes, distinct = table.codes(c)
            base[c] = (codes, _canonical_numbers(distinct) if c in numeric else distinct)
    keys = {c: base[c] for c in [*mapping.categorical, *mapping.identifiers]}
    for prefix in mapping.prefixes:
        codes, distinct = base[prefix.column]
        for length in prefix.lengths:
            keys[f"{prefix.column}[:{length}]"] = (codes, np.array([v[:length] for v in distinct.tolist()], dtype=object))
    for combination in mapping.combinations:
        # The unit separator never occurs in declaration text, so joined keys cannot collide.
        keys[combination.key_name] = joined_codes([base[c] for c in combination.columns], "\x1f")
    return keys


def encoded_keys(*, table: Table, mapping: TableMapping) -> dict[str, np.ndarray]:
    """The key columns whose outcome rates and frequencies are learned, by encoding name."""
    return {name: distinct[codes] for name, (codes, distinct) in encoded_key_codes(table=table, mapping=mapping).items()}


_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return sorted(set(_WORD.findall(text.lower())))


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
        out[f"words({column})"] = per_distinct(
            table.columns[column], lambda distinct: np.array([len(_words(v)) for v in distinct.tolist()], dtype=float))
    return out


@dataclass
class EncodingTable:
    """For one key: how many training rows had each value, and how many of them were positive."""

    values: np.ndarray
    rows: np.ndarray
    positives: np.ndarray

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self.lookup_coded(factorize(keys))

    def lookup_coded(self, keys: Coded) -> tuple[np.ndarray, np.ndarray]:
        """Rows and positives of each key given as (codes, distinct values); 0 and 0 for a key never seen."""
        codes, distinct = keys
        rows, positives = self.lookup_distinct(distinct)
        return rows[codes], positives[codes]

    def lookup_distinct(self, distinct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        found = pc.index_in(pa.array(distinct, pa.string()), value_set=pa.array(self.values, pa.string()))
        at = found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        known = at >= 0
        rows = np.where(known, self.rows[np.maximum(at, 0)], 0).astype(float)
        positives = np.where(known, self.positives[np.maximum(at, 0)], 0).astype(float)
        return rows, positives


def learn_table(*, keys: np.ndarray, labels: np.ndarray) -> EncodingTable:
    values, inverse = np.unique(keys.astype(str), return_inverse=True)
    rows = np.bincount(inverse, minlength=len(values))
    positives = np.bincount(inverse, weights=labels, minlength=len(values)).round().astype(np.int64)
    return EncodingTable(values.astype(object), rows, positives)


def _word_pairs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (row, word) pair of a text column: row numbers, word codes, the distinct words."""
    codes, distinct = factorize(values)
    per = [_words(text) for text in distinct.tolist()]
    lengths = np.array([len(words) for words in per], dtype=np.int64)
    word_codes, words = factorize(np.array([w for ws in per for w in ws], dtype=object))
    starts = np.cumsum(lengths) - lengths
    row_lengths = lengths[codes]
    row_of = np.repeat(np.arange(len(codes)), row_lengths)
    within = np.arange(len(row_of)) - np.repeat(np.cumsum(row_lengths) - row_lengths, row_lengths)
    return row_of, word_codes[np.repeat(starts[codes], row_lengths) + within], words


def _word_keys(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (row, word) pair of a text column, as row numbers and word keys."""
    row_of, word_codes, words = _word_pairs(values)
    return row_of, words[word_codes]


def _rate(rows: np.ndarray, positives: np.ndarray, *, prior: float, smoothing: float) -> np.ndarray:
    return (positives + prior * smoothing) / (rows + smoothing) if smoothing > 0 else np.where(
        rows > 0, positives / np.maximum(rows, 1), prior
    )


def _encode_columns(
    *, name: str, rows: np.ndarray, positives: np.ndarray, prior: float, smoothing: float
) -> dict[str, np.ndarray]:
    return {
        f"rate({name})": _rate(rows, positives, prior=prior, smoothing=smoothing),
        f"rows({name})": rows,
        f"positives({name})": positives,
    }


def _text_columns(
    *, name: str, n: int, row_of: np.ndarray, rows: np.ndarray, positives: np.ndarray, prior: float, smoothing: float
) -> dict[str, np.ndarray]:
    rate = _rate(rows, positives, prior=prior, smoothing=smoothing)
    best = np.full(n, prior)
    np.maximum.at(best, row_of, rate)
    total = np.bincount(row_of, weights=rate, minlength=n)
    count = np.bincount(row_of, minlength=n)
    return {f"max word rate({name})": best, f"mean word rate({name})": np.where(count > 0, total / np.maximum(count, 1), prior)}


@dataclass
class Encodings:
    """Everything learned from training outcomes that scoring needs: rate tables and categories."""

    prior: float
    smoothing: float
    tables: dict[str, EncodingTable]
    word_tables: dict[str, EncodingTable]
    categories: dict[str, list[str]]


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


def _categorical_codes(*, table: Table, encodings: Encodings, coded: dict[str, Coded] | None = None) -> dict[str, np.ndarray]:
    out = {}
    for column, vocabulary in encodings.categories.items():
        index = {v: i for i, v in enumerate(vocabulary)}
        codes, distinct = coded[column] if coded and column in coded else table.codes(column)
        # An unseen category becomes missing: LightGBM then sends it down the default branch.
        out[f"category({column})"] = np.array([index.get(v, np.nan) for v in distinct.tolist()], float)[codes]
    return out


def _text_features(*, column: str, values: np.ndarray, table: EncodingTable, prior: float, smoothing: float) -> dict[str, np.ndarray]:
    # A row's word rates depend on its text alone: worked out once per distinct text.
    codes, distinct = factorize(values)
    row_of, word_codes, words = _word_pairs(distinct)
    rows, positives = table.lookup_coded((word_codes, words))
    out = _text_columns(name=column, n=len(distinct), row_of=row_of, rows=rows, positives=positives,
                        prior=prior, smoothing=smoothing)
    return {name: per_text[codes] for name, per_text in out.items()}


def features_for_scoring(*, table: Table, mapping: TableMapping, encodings: Encodings) -> dict[str, np.ndarray]:
    """Features of rows the model has never seen, from tables learned on all training rows."""
    out = numeric_features(table=table, mapping=mapping)
    coded = encoded_key_codes(table=table, mapping=mapping)
    out |= _categorical_codes(table=table, encodings=encodings, coded=coded)
    for name, (codes, distinct) in coded.items():
        # Rates depend on the key alone: worked out once per distinct key.
        rows, positives = encodings.tables[name].lookup_distinct(distinct)
        encoded = _encode_columns(name=name, rows=rows, positives=positives, prior=encodings.prior,
                                  smoothing=encodings.smoothing)
        out |= {column: values[codes] for column, values in encoded.items()}
    for column in mapping.text:
        out |= _text_features(column=column, values=table.columns[column], table=encodings.word_tables[column],
                              prior=encodings.prior, smoothing=encodings.smoothing)
    return out


def _folds(*, n: int, folds: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, folds, size=n)


def earlier_counts(*, codes: np.ndarray, day: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row: how many rows with the same key (code) have an earlier day, and how many of
    those were positive. Rows of the same day never count each other (their outcomes come together)."""
    n = len(codes)
    order = np.lexsort((day, codes))
    key, when = codes[order], day[order]
    changes = np.r_[True, key[1:] != key[:-1]] if n else np.zeros(0, bool)
    group = changes | (np.r_[True, when[1:] != when[:-1]] if n else np.zeros(0, bool))
    index = np.arange(n)
    first_of_key = np.maximum.accumulate(np.where(changes, index, 0)) if n else index
    first_of_group = np.maximum.accumulate(np.where(group, index, 0)) if n else index
    cumulative = np.r_[0, np.cumsum(labels[order], dtype=np.float64)]
    rows, positives = np.empty(n), np.empty(n)
    rows[order] = first_of_group - first_of_key
    positives[order] = cumulative[first_of_group] - cumulative[first_of_key]
    return rows, positives


def _out_of_fold_counts(*, codes: np.ndarray, fold: np.ndarray, folds: int, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row: rows with the same key in the other folds, and positives among them."""
    size = int(codes.max()) + 1 if len(codes) else 0
    rows, positives = np.zeros(len(codes)), np.zeros(len(codes))
    for f in range(folds):
        inside = fold == f
        other_rows = np.bincount(codes[~inside], minlength=size)
        other_positives = np.bincount(codes[~inside], weights=labels[~inside], minlength=size)
        rows[inside], positives[inside] = other_rows[codes[inside]], other_positives[codes[inside]]
    return rows, positives


def features_for_training(
    *, table: Table, labels: np.ndarray, mapping: TableMapping, encodings: Encodings
) -> dict[str, np.ndarray]:
    """Features of the training rows without leaking their own outcome.

    With `encoding.history: folds`, a row's outcome rate comes only from the other folds and its
    row count counts the *other* training rows with the same key. With `history: past`, both come
    only from the rows dated before it, so no later outcome reaches an earlier row: a training row
    sees exactly what a row scored later sees, the outcomes of declarations before it.
    """
    n = len(table)
    prior, smoothing = encodings.prior, encodings.smoothing
    settings = mapping.encoding
    labels = np.asarray(labels, dtype=np.float64)
    fold = _folds(n=n, folds=settings.folds, seed=settings.seed)
    # Only history "past" needs the dates (the shipment model's tables carry none).
    day = (np.unique(table.columns[mapping.date].astype(str), return_inverse=True)[1].astype(np.int64)
           if settings.history == "past" else None)

    def counts(codes: np.ndarray, row_of: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Rows with the same key that a row may learn from, and positives among them."""
        where = np.arange(n) if row_of is None else row_of
        if day is not None:
            return earlier_counts(codes=codes, day=day[where], labels=labels[where])
        return _out_of_fold_counts(codes=codes, fold=fold[where], folds=settings.folds, labels=labels[where])

    out = numeric_features(table=table, mapping=mapping)
    out |= _categorical_codes(table=table, encodings=encodings)
    for name, (codes, distinct) in encoded_key_codes(table=table, mapping=mapping).items():
        # Distinct texts may be one key (numbers written two ways): one code per key.
        codes = factorize(distinct)[0][codes]
        rows, positives = counts(codes)
        encoded = _encode_columns(name=name, rows=rows, positives=positives, prior=prior, smoothing=smoothing)
        if settings.history == "folds":
            # Scoring counts every training row: here the other rows, and positives scaled from the
            # (k-1)/k of the rows that the other folds hold.
            encoded[f"rows({name})"] = np.bincount(codes)[codes] - 1.0
            encoded[f"positives({name})"] = positives * (settings.folds / (settings.folds - 1))
        out |= encoded
    for column in mapping.text:
        row_of, word_codes, _ = _word_pairs(table.columns[column])
        rows, positives = counts(word_codes, row_of)
        out |= _text_columns(
            name=column, n=n, row_of=row_of, rows=rows, positives=positives, prior=prior, smoothing=smoothing
        )
    return out


def _matrix(features: dict[str, np.ndarray], names: list[str]) -> np.ndarray:
    return np.column_stack([features[name].astype(float) for name in names])


# ---------------------------------------------------------------------------------------------
# Metrics


def _top(*, scores: np.ndarray, share: float) -> np.ndarray:
    count = max(1, math.ceil(len(scores) * share))
    # Stable order: ties are broken by file order, the same on every run.
    return np.argsort(-np.asarray(scores, dtype=float), kind="stable")[:count]


def precision_at(*, labels: np.ndarray, scores: np.ndarray, share: float) -> float:
    """Share of positives among the top `share` of rows by score (what inspecting them would find)."""
    return float(np.asarray(labels)[_top(scores=scores, share=share)].mean())


def recall_at(*, labels: np.ndarray, scores: np.ndarray, share: float) -> float:
    """Share of all positives that fall in the top `share` of rows by score."""
    labels = np.asarray(labels)
    total = labels.sum()
    return float(labels[_top(scores=scores, share=share)].sum() / total) if total else float("nan")


def ranking_report(*, labels: np.ndarray, scores: np.ndarray) -> dict[str, Any]:
    """Precision and recall at 1, 5 and 10 % of rows, with the counts behind them."""
    report: dict[str, Any] = {"rows": int(len(labels)), "positives": int(np.sum(labels))}
    for share in REPORTED_SHARES:
        pct = f"{round(share * 100)}%"
        report[f"precision@{pct}"] = round(precision_at(labels=labels, scores=scores, share=share), 4)
        report[f"recall@{pct}"] = round(recall_at(labels=labels, scores=scores, share=share), 4)
    return report


# ---------------------------------------------------------------------------------------------
# Fitting and scoring


@dataclass
class TableModel:
    """A trained model: the mapping it was trained with, its encodings and its boosters."""

    mapping: TableMapping
    encodings: Encodings
    boosters: list[lightgbm.Booster]
    feature_names: list[str]
    report: dict[str, Any] = field(default_factory=dict)


Progress = Callable[[str], None]


def _booster_params(*, settings: BoosterSettings, seed: int) -> dict[str, Any]:
    return {
        "objective": "binary",
        "learning_rate": settings.learning_rate,
        "num_leaves": settings.num_leaves,
        "min_data_in_leaf": settings.min_data_in_leaf,
        "feature_fraction": settings.feature_fraction,
        "bagging_fraction": settings.bagging_fraction,
        "bagging_freq": 1 if settings.bagging_fraction < 1 else 0,
        "lambda_l2": settings.lambda_l2,
        "cat_smooth": settings.cat_smooth,
        "seed": seed,
        "deterministic": True,
        "num_threads": settings.threads,
        "verbose": -1,
    }


def _train_boosters(
    *,
    mapping: TableMapping,
    table: Table,
    labels: np.ndarray,
    rounds: int,
    progress: Progress,
    stage: str,
    valid: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[list[lightgbm.Booster], list[str], Encodings, list[int]]:
    import lightgbm
    progress(f"{stage}: encoding {len(table):,} rows")
    encodings = learn_encodings(table=table, labels=labels, mapping=mapping)
    features = features_for_training(table=table, labels=labels, mapping=mapping, encodings=encodings)
    names = list(features)
    categorical = [name for name in names if name.startswith("category(")]
    data = lightgbm.Dataset(
        _matrix(features, names), labels, feature_name=[_safe(i, n) for i, n in enumerate(names)],
        categorical_feature=[names.index(n) for n in categorical], free_raw_data=False,
    )
    boosters, best = [], []
    for number in range(mapping.booster.seeds):
        progress(f"{stage}: booster {number + 1} of {mapping.booster.seeds}")
        params = _booster_params(settings=mapping.booster, seed=mapping.booster.seed + number)
        if valid is None or mapping.booster.early_stopping_rounds is None:
            booster = lightgbm.train(params, data, num_boost_round=rounds)
            best.append(rounds)
        else:
            x_valid, y_valid = valid[0], valid[1]
            checked = lightgbm.Dataset(x_valid(encodings, names), y_valid, reference=data)
            booster = lightgbm.train(
                params | {"metric": "average_precision"},
                data,
                num_boost_round=rounds,
                valid_sets=[checked],
                callbacks=[lightgbm.early_stopping(mapping.booster.early_stopping_rounds, verbose=False)],
            )
            best.append(booster.best_iteration or rounds)
        boosters.append(booster)
    return boosters, names, encodings, best


def _safe(index: int, name: str) -> str:
    # LightGBM refuses some characters in feature names; the readable name is kept in metrics.json.
    return f"f{index}_" + re.sub(r"[^0-9A-Za-z_]+", "_", name)


def _window(*, table: Table, mapping: TableMapping, labels: np.ndarray) -> dict[str, Any]:
    dates = sorted(d for d in table.columns[mapping.date].tolist() if d)
    return {
        "files": table.sources,
        "rows": len(table),
        "positives": int(labels.sum()),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
    }


def fit(
    *,
    mapping: TableMapping,
    train: Table,
    valid: Table | None = None,
    refit: bool = True,
    progress: Progress = lambda message: None,
) -> TableModel:
    """Train on `train`; with `valid`, stop early on it, report on it, then (if `refit`) retrain on both.

    The refit uses the number of rounds found on `valid`, scaled by how much more data there is, and
    re-learns every encoding on train and valid together, so that scoring a later period uses all
    history available.
    """
    y_train = labels_of(table=train, mapping=mapping)
    report: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "mapping": mapping.name,
        "label": {"column": mapping.label.column, "positive": mapping.label.positive},
        "train": _window(table=train, mapping=mapping, labels=y_train),
    }
    if valid is None:
        boosters, names, encodings, _ = _train_boosters(
            mapping=mapping, table=train, labels=y_train, rounds=mapping.booster.rounds,
            progress=progress, stage="training",
        )
        report["rounds"] = mapping.booster.rounds
        report["refit_on_train_and_valid"] = False
        report["fitted_on"] = report["train"]
        return TableModel(mapping, encodings, boosters, names, report)

    y_valid = labels_of(table=valid, mapping=mapping)
    report["valid"] = _window(table=valid, mapping=mapping, labels=y_valid)
    _check_later(train=report["train"], valid=report["valid"])

    def valid_matrix(encodings: Encodings, names: list[str]) -> np.ndarray:
        return _matrix(features_for_scoring(table=valid, mapping=mapping, encodings=encodings), names)

    boosters, names, encodings, best = _train_boosters(
        mapping=mapping, table=train, labels=y_train, rounds=mapping.booster.rounds,
        progress=progress, stage="training on train", valid=(valid_matrix, y_valid),
    )
    validation_model = TableModel(mapping, encodings, boosters, names)
    scores = score(model=validation_model, table=valid)
    report["metrics_on_valid"] = ranking_report(labels=y_valid, scores=scores)
    report["best_rounds_on_valid"] = best
    if not refit:
        report["rounds"] = best
        report["refit_on_train_and_valid"] = False
        report["fitted_on"] = report["train"]
        validation_model.report = report
        return validation_model

    both = Table({c: np.concatenate([train.columns[c], valid.columns[c]]) for c in train.columns}, train.sources + valid.sources)
    rounds = (
        mapping.booster.rounds
        if mapping.booster.early_stopping_rounds is None
        # More rows take proportionally more rounds to fit to the same depth.
        else max(1, round(float(np.mean(best)) * len(both) / len(train)))
    )
    boosters, names, encodings, _ = _train_boosters(
        mapping=mapping, table=both, labels=labels_of(table=both, mapping=mapping), rounds=rounds,
        progress=progress, stage="refit on train and valid",
    )
    report["rounds"] = rounds
    report["refit_on_train_and_valid"] = True
    report["fitted_on"] = _window(table=both, mapping=mapping, labels=labels_of(table=both, mapping=mapping))
    return TableModel(mapping, encodings, boosters, names, report)


def _check_later(*, train: dict[str, Any], valid: dict[str, Any]) -> None:
    # A random or overlapping split flatters the model: it is judged on the period it learned from.
    # ISO dates compare correctly as text.
    if train["last_date"] and valid["first_date"] and valid["first_date"] < train["last_date"]:
        raise InvalidInput(
            "The validation rows must come after the training rows",
            problems=[
                Problem(
                    "--valid",
                    "later_than_train",
                    f"valid from {valid['first_date']}, train to {train['last_date']}",
                    "validate on a later period (e.g. the last quarter) and train on what came before",
                )
            ],
        )


def time_ordered_folds(*, table: Table, mapping: TableMapping, folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Rolling-origin folds: the rows, cut by date into `folds` + 1 periods of about equal size;
    fold i trains on periods 0..i and is measured on period i+1 (row numbers of each side).

    A cut never splits one date, so no measured row is older than a training row.
    """
    if folds < 1:
        raise InvalidInput(
            "At least one time-ordered fold is needed",
            problems=[Problem("folds", "at_least_one", str(folds), "give 1 or more folds (3 splits a year into quarters)")],
        )
    dates = table.columns[mapping.date].astype(str)
    order = np.argsort(dates, kind="stable")
    ordered = dates[order]
    # A cut may only fall where the date changes, so that a date lies wholly on one side.
    starts = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
    if len(starts) < folds:
        raise InvalidInput(
            f"{folds} time-ordered folds need {folds + 1} distinct dates; the rows have {len(starts) + 1}",
            problems=[Problem("folds", "distinct_dates", str(folds), "use fewer folds")],
        )
    cuts: list[int] = []
    for part in range(1, folds + 1):
        # Nearest date change to an equal share of rows, leaving one for every later cut.
        low = np.searchsorted(starts, cuts[-1], side="right") if cuts else 0
        allowed = starts[low : len(starts) - (folds - part)]
        cuts.append(int(allowed[np.argmin(np.abs(allowed - len(order) * part / (folds + 1)))]))
    bounds = [0, *cuts, len(order)]
    out = []
    for i in range(folds):
        train, test = order[: bounds[i + 1]], order[bounds[i + 1] : bounds[i + 2]]
        out.append((np.sort(train), np.sort(test)))
    return out


def score(*, model: TableModel, table: Table) -> np.ndarray:
    """Risk scores (mean predicted probability of the boosters) for each row of `table`."""
    features = features_for_scoring(table=table, mapping=model.mapping, encodings=model.encodings)
    matrix = _matrix(features, model.feature_names)
    return np.mean([booster.predict(matrix) for booster in model.boosters], axis=0)


def importance(*, model: TableModel, top: int = 20) -> list[tuple[str, float]]:
    """Features by total gain over the boosters, largest first: what the ranking mostly rests on."""
    gain = np.sum([b.feature_importance(importance_type="gain") for b in model.boosters], axis=0)
    order = np.argsort(-gain)[:top]
    return [(model.feature_names[i], round(float(gain[i]), 1)) for i in order]


# ---------------------------------------------------------------------------------------------
# The model folder


def save_model(*, model: TableModel, folder: Path) -> None:
    """Write boosters, encoding tables, the mapping and metrics.json to `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("booster-*.txt"):
        old.unlink()
    for i, booster in enumerate(model.boosters):
        booster.save_model(str(folder / f"booster-{i}.txt"))
    (folder / "mapping.yaml").write_text(
        yaml.safe_dump(model.mapping.model_dump(mode="json"), sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    _write_tables(folder / "encodings.parquet", model.encodings.tables)
    _write_tables(folder / "word-encodings.parquet", model.encodings.word_tables)
    (folder / "categories.json").write_text(json.dumps(model.encodings.categories, ensure_ascii=False), encoding="utf-8")
    metrics = dict(model.report)
    metrics["prior"] = model.encodings.prior
    metrics["smoothing"] = model.encodings.smoothing
    metrics["boosters"] = len(model.boosters)
    metrics["features"] = model.feature_names
    metrics["importance"] = importance(model=model)
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8")


def _write_tables(path: Path, tables: dict[str, EncodingTable]) -> None:
    names, values, rows, positives = [], [], [], []
    for name, t in tables.items():
        names += [name] * len(t.values)
        values += t.values.tolist()
        rows += t.rows.tolist()
        positives += t.positives.tolist()
    pq.write_table(
        pa.table({"encoding": pa.array(names, pa.string()), "value": pa.array(values, pa.string()),
                  "rows": pa.array(rows, pa.int64()), "positives": pa.array(positives, pa.int64())}),
        path,
    )


def _read_tables(path: Path) -> dict[str, EncodingTable]:
    data = pq.read_table(path).to_pydict()
    grouped: dict[str, tuple[list, list, list]] = {}
    for name, value, rows, positives in zip(data["encoding"], data["value"], data["rows"], data["positives"]):
        g = grouped.setdefault(name, ([], [], []))
        g[0].append(value)
        g[1].append(rows)
        g[2].append(positives)
    return {
        name: EncodingTable(np.array(v, dtype=object), np.array(r, dtype=np.int64), np.array(p, dtype=np.int64))
        for name, (v, r, p) in grouped.items()
    }


def load_model(*, folder: Path) -> TableModel:
    """Read a model folder written by `save_model`."""
    import lightgbm
    folder = Path(folder)
    metrics_path = folder / "metrics.json"
    if not metrics_path.exists():
        raise InvalidInput(
            f"{folder} is not a model folder (no metrics.json)",
            problems=[Problem("model", "model_folder", str(folder), "give the --out folder of fit-table")],
        )
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    mapping = load_mapping(path=folder / "mapping.yaml")
    encodings = Encodings(
        prior=metrics["prior"],
        smoothing=metrics["smoothing"],
        tables=_read_tables(folder / "encodings.parquet"),
        word_tables=_read_tables(folder / "word-encodings.parquet"),
        categories=json.loads((folder / "categories.json").read_text(encoding="utf-8")),
    )
    boosters = [lightgbm.Booster(model_file=str(folder / f"booster-{i}.txt")) for i in range(metrics["boosters"])]
    return TableModel(mapping, encodings, boosters, metrics["features"], metrics)


def write_scores(*, path: Path, ids: np.ndarray, scores: np.ndarray, id_column: str) -> None:
    """The id column and `score`, highest risk first."""
    order = np.argsort(-scores, kind="stable")
    pacsv.write_csv(
        pa.table({id_column: pa.array(ids[order].tolist(), pa.string()), "score": pa.array(scores[order], pa.float64())}),
        path,
    )
