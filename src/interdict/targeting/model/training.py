"""Training and scoring the shipment-level risk model on inspection outcomes, corrected for who was inspected.

`fit` learns from the inspected shipments of a time window, each weighted by the inverse of its
chance of having been inspected (a propensity model over all shipments of the window); `score`
ranks shipments and, on request, gives each one's top contributing features (LightGBM tree
contributions). docs/model.md explains the method.
"""

from __future__ import annotations

import io
import json
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# LightGBM is imported where a model is trained or read: it brings scikit-learn and scipy, ~1.5 s
# of CPU that every other command (ingest, score without a model, --help) need not wait for.
if TYPE_CHECKING:
    import lightgbm

from interdict.errors import InvalidInput, Problem
from interdict.targeting.model import features as shipment_features
from interdict.targeting.model import table as model_table

MODEL_FORMAT = 1


@dataclass
class ModelSettings:
    """What an analyst may change about training; stored with every model version."""

    # "auto": "all" while the window holds fewer than INSPECTED_FROM seizures, then "inspected".
    # "all": every shipment of the window, uninspected ones as negatives, each seizure weighted by
    # 1 / its chance of inspection (capped at positive_max_weight). "inspected": learn from inspected
    # shipments only, each weighted by 1 / chance of inspection (capped at max_weight): unbiased, but
    # a few weeks of outcomes are a hundred-odd rows (docs/model.md, "Selection bias").
    population: str = "auto"
    # Seizures of goods that are not the target (cigarettes, counterfeits: finding category `other`):
    # real outcomes of the same mis-declaration; weight against firearms, ammunition, drugs, cash.
    other_contraband_weight: float = 1.0
    # The fewest seizures a model is trained from. Below the targeting blend's trust (service.py,
    # MODEL_CORRECTION_TRUST for a model grown from the profiles) its share of the score shrinks
    # and it makes no lane alone: with one or two seizures it stays near the profiles instead of
    # being refused (docs/model.md, "Session 6").
    min_seizures: int = 1
    # The floor of the inspection chance: every shipment could have been drawn at random.
    random_share: float = 0.005
    max_weight: float = 50.0
    positive_max_weight: float = 10.0
    negatives: int = 100_000
    rounds: int = 300
    learning_rate: float = 0.03
    num_leaves: int = 15
    min_data_in_leaf: int = 20
    feature_fraction: float = 0.7
    bagging_fraction: float = 0.8
    lambda_l2: float = 1.0
    # Boosters differing only in their random draws, averaged. One since 2026-11-29: three (the
    # table model's default) ranked the same on held-out traffic and cost three times the scoring
    # and the tree contributions; `exploration.simulate` asks for three, whose spread is its doubt
    # (docs/model.md, "Speed").
    seeds: int = 1
    threads: int = 2
    # The column whose calibrated log-odds the boosters start from (LightGBM's init_score), "" for
    # none: the trees then learn only where the profiles' ranking errs, and with a handful of
    # seizures the model cannot fall far below it (docs/model.md, "Session 5").
    start_from: str = "profile_score"

    def __post_init__(self) -> None:
        if self.population not in POPULATIONS:
            raise InvalidInput("unknown training population", problems=[Problem(
                "population", "one of " + ", ".join(POPULATIONS), self.population, "the rows a model learns from")])

    def booster(self) -> model_table.BoosterSettings:
        return model_table.BoosterSettings(
            learning_rate=self.learning_rate, num_leaves=self.num_leaves, min_data_in_leaf=self.min_data_in_leaf,
            feature_fraction=self.feature_fraction, bagging_fraction=self.bagging_fraction, lambda_l2=self.lambda_l2,
            rounds=self.rounds, early_stopping_rounds=None, seeds=self.seeds, threads=self.threads,
        )


@dataclass
class ShipmentModel:
    """A trained model: its encodings, n-gram rates and boosters, and the report of how it was made."""

    settings: ModelSettings
    encodings: model_table.Encodings
    ngram_rates: shipment_features.NgramRates
    boosters: list[lightgbm.Booster]
    feature_names: list[str]
    report: dict[str, Any] = field(default_factory=dict)
    # (column, intercept, slope): the boosters add to intercept + slope x column, in log-odds.
    offset: tuple[str, float, float] | None = None

    def start(self, matrix: np.ndarray) -> np.ndarray:
        """Per row of a feature matrix, the log-odds the boosters start from (0 without an offset)."""
        if self.offset is None:
            return np.zeros(len(matrix))
        column, intercept, slope = self.offset
        return intercept + slope * np.nan_to_num(matrix[:, self.feature_names.index(column)], nan=0.0)


@dataclass
class Prepared:
    """Everything about a set of shipments that does not depend on a trained model."""

    shipments: pa.Table
    labels: shipment_features.Labels
    numbers: dict[str, np.ndarray]
    history: dict[str, np.ndarray]
    table: model_table.Table
    ngrams: shipment_features.Ngrams
    seconds: np.ndarray

    def rows_between(self, since: datetime | None, until: datetime | None) -> np.ndarray:
        keep = np.ones(len(self.seconds), bool)
        if since is not None:
            keep &= self.seconds >= int(since.timestamp())
        if until is not None:
            keep &= self.seconds <= int(until.timestamp())
        return np.flatnonzero(keep)


def prepare(*, shipments: pa.Table, outcomes: pa.Table, known_until: datetime | None = None) -> Prepared:
    """Labels and model-independent features of every shipment; outcomes after `known_until` are ignored."""
    shipment_features.check_shipments(shipments)
    if known_until is not None and outcomes.num_rows:
        outcomes = outcomes.filter(pc.less_equal(outcomes.column("inspected_at"),
                                                 pa.scalar(known_until.astimezone(timezone.utc), outcomes.column("inspected_at").type)))
    labels = shipment_features.label_shipments(shipments=shipments, outcomes=outcomes)
    # Party history is sorting and searching in numpy, which lets go of the interpreter: it runs
    # beside the per-value text work on the other core.
    with ThreadPoolExecutor(max_workers=1) as beside:
        history = beside.submit(shipment_features.party_history, shipments=shipments, outcomes=outcomes, labels=labels)
        numbers = shipment_features.shipment_numbers(shipments=shipments)
        table = shipment_features.encoded_table(shipments=shipments)
        ngrams = shipment_features.description_ngrams(table.columns["descriptions_norm"])
        return Prepared(shipments=shipments, labels=labels, numbers=numbers, history=history.result(), table=table,
                        ngrams=ngrams, seconds=shipment_features._seconds(shipments.column("reported_at")))


# ---------------------------------------------------------------------------------------------
# Selection bias


def inspection_propensity(*, prepared: Prepared, rows: np.ndarray, settings: ModelSettings) -> np.ndarray:
    """Each row's estimated chance of having been inspected, learned from who was inspected in `rows`.

    Every shipment of the window is a row (inspected or not), so this model needs no outcome. Its
    features are what the units' selection could have seen: the paperwork and the parties' history.
    The chance is never below the random share: any shipment could have been drawn at random.
    """
    import lightgbm
    inspected = prepared.labels.inspected[rows].astype(float)
    if inspected.sum() == 0:
        return np.ones(len(rows))
    names = [*prepared.numbers, *prepared.history]
    matrix = np.column_stack([prepared.numbers.get(n, prepared.history.get(n))[rows] for n in names]
                             + [_category_codes(prepared.table.columns[c][rows]) for c in shipment_features.CATEGORICAL])
    params = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 50,
              "feature_fraction": 0.8, "verbose": -1, "num_threads": settings.threads, "deterministic": True, "seed": 0}
    # Out of fold, so that a row's own inspection does not make its chance look like certainty.
    folds = np.random.default_rng(1).integers(0, 3, size=len(rows))
    chance = np.zeros(len(rows))
    for f in range(3):
        inside = folds == f
        data = lightgbm.Dataset(matrix[~inside], inspected[~inside], free_raw_data=False)
        booster = lightgbm.train(params, data, num_boost_round=150)
        chance[inside] = booster.predict(matrix[inside])
    return np.clip(chance, settings.random_share, 1.0)


def _category_codes(values: np.ndarray) -> np.ndarray:
    # Codes by first appearance are enough for the propensity model: it is refitted each time.
    _, codes = np.unique(values.astype(str), return_inverse=True)
    return codes.astype(float)


# With a few weeks of outcomes a model learns more from every shipment of the window with weighted
# seizures; once outcomes accumulate, learning from the inspected alone ranks better (docs/model.md,
# "Exploration"). Session 7 tried 12: +11 of 2,108 illicit shipments red on five held-out check
# folders, but -15 of 558 on a sixth (22 seizures) and behind `all` in the weekly simulation on two
# seeds, so it is 60 again ("Session 7: 12 tried, 60 kept").
INSPECTED_FROM = 60
POPULATIONS = ("auto", "all", "inspected")


def chosen_population(*, settings: ModelSettings, positives: int) -> str:
    """The training population `settings.population` stands for, with `positives` seizures."""
    if settings.population == "auto":
        return "all" if positives < INSPECTED_FROM else "inspected"
    return settings.population


def training_weights(*, prepared: Prepared, rows: np.ndarray, settings: ModelSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The training rows (indices into the prepared shipments), their labels and weights."""
    labels = prepared.labels
    positive = labels.target | labels.other_contraband
    value = np.where(labels.other_contraband, settings.other_contraband_weight, 1.0)
    chance = inspection_propensity(prepared=prepared, rows=rows, settings=settings)
    if chosen_population(settings=settings, positives=int(positive[rows].sum())) == "all":
        # Every shipment is a row; a seizure stands for the illicit shipments like it that nobody
        # opened, so it counts 1 / its chance of inspection (capped), the uninspected rows once.
        # Without this the model would learn mostly what the units chose to open.
        weights = np.where(positive[rows], np.minimum(1.0 / chance, settings.positive_max_weight), 1.0)
        # Beyond `negatives` uninspected rows, a random sample of them stands for all (weighted up):
        # the boosters' time then stays that of a window of a few weeks, however busy.
        unopened = ~labels.inspected[rows]
        keep = np.ones(len(rows), bool)
        if unopened.sum() > settings.negatives:
            drawn = np.random.default_rng(0).random(len(rows)) < settings.negatives / unopened.sum()
            keep = ~unopened | drawn
            weights = np.where(unopened, unopened.sum() / max(int((unopened & drawn).sum()), 1), weights)
        return rows[keep], positive[rows][keep].astype(np.int8), (weights * value[rows])[keep]
    inspected = labels.inspected[rows]
    weights = np.minimum(1.0 / chance[inspected], settings.max_weight)
    weights = weights / weights.mean()
    chosen = rows[inspected]
    return chosen, positive[chosen].astype(np.int8), weights * value[chosen]


# ---------------------------------------------------------------------------------------------
# Features of a trained model


def _contiguous(rows: np.ndarray) -> slice | None:
    # Scoring asks for every row, or a run of them, in order: a slice then reads without copying.
    if len(rows) and int(rows[-1]) - int(rows[0]) == len(rows) - 1 and bool(np.all(np.diff(rows) == 1)):
        return slice(int(rows[0]), int(rows[-1]) + 1)
    return None


def _features(*, prepared: Prepared, rows: np.ndarray, encodings: model_table.Encodings,
              ngram_rates: shipment_features.NgramRates) -> dict[str, np.ndarray]:
    mapping = shipment_features.shipment_mapping()
    at = _contiguous(rows)
    at = rows if at is None else at
    table = prepared.table.take(at)
    out = {name: values[at] for name, values in prepared.numbers.items()}
    out |= {name: values[at] for name, values in prepared.history.items()}
    out |= model_table.features_for_scoring(table=table, mapping=mapping, encodings=encodings)
    out |= shipment_features.ngram_features_of_rows(ngrams=prepared.ngrams, rows=rows, rates=ngram_rates)
    return out


def feature_matrix(*, model: ShipmentModel, prepared: Prepared, rows: np.ndarray) -> np.ndarray:
    """Rows x the model's features, column-major (LightGBM reads either layout; filling by column is cheap).

    A column the model was trained with but the scored table lacks (an optional profile or
    watchlist column) is missing, not zero: the trees then take their default branch.
    """
    features = _features(prepared=prepared, rows=rows, encodings=model.encodings, ngram_rates=model.ngram_rates)
    matrix = np.empty((len(model.feature_names), len(rows)))
    for j, name in enumerate(model.feature_names):
        matrix[j] = features[name] if name in features else np.nan
    return matrix.T


def _training_features(*, prepared: Prepared, rows: np.ndarray, labels: np.ndarray, weights: np.ndarray
                       ) -> tuple[dict[str, np.ndarray], model_table.Encodings, shipment_features.NgramRates]:
    mapping = shipment_features.shipment_mapping()
    table = prepared.table.take(rows)
    encodings = model_table.learn_encodings(table=table, labels=labels, mapping=mapping)
    out = {name: values[rows] for name, values in prepared.numbers.items()}
    out |= {name: values[rows] for name, values in prepared.history.items()}
    out |= model_table.features_for_training(table=table, labels=labels, mapping=mapping, encodings=encodings)
    matrix = prepared.ngrams.rows(rows)
    folds = np.random.default_rng(mapping.encoding.seed).integers(0, mapping.encoding.folds, size=len(rows))
    out |= shipment_features.ngram_features_out_of_fold(matrix=matrix, labels=labels.astype(float), weights=weights,
                                                        folds=folds)
    rates = shipment_features.learn_ngram_rates(matrix=matrix, labels=labels.astype(float), weights=weights)
    return out, encodings, rates


# ---------------------------------------------------------------------------------------------
# Fitting


def fit(*, prepared: Prepared, since: datetime | None = None, until: datetime | None = None,
        settings: ModelSettings | None = None, validate: bool = True) -> ShipmentModel:
    """Train on the outcomes of shipments reported in [since, until].

    With `validate`, the window is first split in time (the first three quarters train, the last
    quarter measures; never a random split) and the figures go into the report; then the model is
    trained again on the whole window, which is the one returned.
    """
    settings = settings or ModelSettings()
    window = prepared.rows_between(since, until)
    rows, labels, weights = training_weights(prepared=prepared, rows=window, settings=settings)
    least = max(settings.min_seizures, 1)  # from nothing nothing is learned
    if labels.sum() < least:
        raise InvalidInput(
            f"too few seizures to learn from in the training window: {int(labels.sum())} found, at least {least} needed",
            problems=[Problem("window", f"seizures_at_least_{least}", int(labels.sum()),
                              "widen the window or load more inspection outcomes")],
        )
    report: dict[str, Any] = {"format": MODEL_FORMAT, "settings": asdict(settings),
                              "window": _describe_window(prepared=prepared, rows=window, trained=rows, labels=labels)}
    if validate:
        report["validation"] = _validate(prepared=prepared, window=window, settings=settings)
    model = _fit_rows(prepared=prepared, rows=rows, labels=labels, weights=weights, settings=settings)
    report["window"]["score_at_top"] = _score_at_top(model=model, prepared=prepared, window=window)
    # What the boosters started from: the targeting blend trusts a correction of the profiles sooner.
    report["window"]["start_from"] = model.offset[0] if model.offset else None
    report["features"] = model.feature_names
    report["importance"] = importance(model=model)
    model.report = report
    return model


def _fit_rows(*, prepared: Prepared, rows: np.ndarray, labels: np.ndarray, weights: np.ndarray,
              settings: ModelSettings) -> ShipmentModel:
    import lightgbm
    features, encodings, rates = _training_features(prepared=prepared, rows=rows, labels=labels, weights=weights)
    names = list(features)
    categorical = [i for i, name in enumerate(names) if name.startswith("category(")]
    offset = None
    if settings.start_from and settings.start_from in features:
        offset = (settings.start_from, *calibrate(values=features[settings.start_from], labels=labels, weights=weights))
    model = ShipmentModel(settings, encodings, rates, [], names, offset=offset)
    matrix = np.column_stack([features[n].astype(float) for n in names])
    data = lightgbm.Dataset(matrix, labels, weight=weights, init_score=model.start(matrix),
                            feature_name=[model_table._safe(i, n) for i, n in enumerate(names)],
                            categorical_feature=categorical, free_raw_data=False)
    for seed in range(settings.seeds):
        params = model_table._booster_params(settings=settings.booster(), seed=seed)
        model.boosters.append(lightgbm.train(params, data, num_boost_round=settings.rounds))
    return model


def calibrate(*, values: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> tuple[float, float]:
    """(intercept, slope) of the weighted logistic regression of `labels` on `values`, so that
    intercept + slope x value is the value's log-odds of a seizure (L2-penalised on the standardised
    slope: a score that separates the few positives perfectly still gets a finite slope). The slope
    is never negative: a higher profile score never lowers where the boosters start."""
    from sklearn.linear_model import LogisticRegression

    x = np.nan_to_num(np.asarray(values, float), nan=0.0)
    y = np.asarray(labels, np.int8)
    w = np.asarray(weights, float)
    prior = float(np.clip((w * y).sum() / max(w.sum(), 1e-12), 1e-6, 1 - 1e-6))
    scale = float(np.std(x))
    if scale == 0 or y.min() == y.max():
        return math.log(prior / (1 - prior)), 0.0
    z = ((x - x.mean()) / scale)[:, None]
    fitted = LogisticRegression(C=1.0).fit(z, y, sample_weight=w)
    slope = float(fitted.coef_[0, 0]) / scale
    if slope <= 0:
        return math.log(prior / (1 - prior)), 0.0
    return float(fitted.intercept_[0]) - slope * float(x.mean()), slope


# Shares of traffic whose lowest model score the registry keeps (`window.score_at_top`): the
# targeting blend lets the model make a lane on its own from them (targeting/service.py).
TOP_SHARES = (0.005, 0.02)
_TOP_SAMPLE = 50_000


def _score_at_top(*, model: ShipmentModel, prepared: Prepared, window: np.ndarray) -> dict[str, int]:
    """The score the top 0.5 % and 2 % of the window's shipments reach: the model's own scale, which
    depends on how many seizures it saw, read as shares of traffic (a sample of the window suffices)."""
    rows = window if len(window) <= _TOP_SAMPLE else np.sort(np.random.default_rng(0).choice(window, _TOP_SAMPLE, replace=False))
    if not len(rows):
        return {}
    scores = score(model=model, prepared=prepared, rows=rows).score
    return {f"{share * 100:g}%": int(np.quantile(scores, 1 - share, method="higher")) for share in TOP_SHARES}


def _validate(*, prepared: Prepared, window: np.ndarray, settings: ModelSettings) -> dict[str, Any]:
    """Train on the first three quarters of the window (by time), measure on the last quarter's outcomes."""
    times = prepared.seconds[window]
    if len(times) == 0:
        return {}
    cut = np.quantile(times, 0.75)
    early, late = window[times < cut], window[times >= cut]
    rows, labels, weights = training_weights(prepared=prepared, rows=early, settings=settings)
    inspected_late = late[prepared.labels.inspected[late]]
    found = (prepared.labels.target | prepared.labels.other_contraband)[inspected_late]
    if labels.sum() < max(settings.min_seizures, 1) or found.sum() == 0:
        return {"skipped": "too few seizures on one side of the time split"}
    model = _fit_rows(prepared=prepared, rows=rows, labels=labels, weights=weights, settings=settings)
    scores = score(model=model, prepared=prepared, rows=late).probability
    # Outcomes exist only for inspected shipments: measured here is how high the model ranks the
    # seizures that were made, among all shipments of the later quarter.
    hits = np.zeros(len(late), np.int8)
    hits[np.isin(late, inspected_late[found])] = 1
    return {"trained_until": _iso(cut), "measured_from": _iso(cut), "measured_shipments": int(len(late)),
            "measured_seizures": int(hits.sum()), **ranking(labels=hits, scores=scores)}


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(float(seconds), tz=timezone.utc).isoformat()


def _describe_window(*, prepared: Prepared, rows: np.ndarray, trained: np.ndarray, labels: np.ndarray) -> dict[str, Any]:
    t = prepared.seconds[rows]
    lab = prepared.labels
    return {
        "first_reported": _iso(t.min()) if len(t) else None,
        "last_reported": _iso(t.max()) if len(t) else None,
        "shipments": int(len(rows)),
        "inspected": int(lab.inspected[rows].sum()),
        "target_seizures": int(lab.target[rows].sum()),
        "other_seizures": int(lab.other_contraband[rows].sum()),
        "training_rows": int(len(trained)),
        "positives": int(labels.sum()),
    }


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Scores:
    """Per scored row: probability, score 0-100 and, when asked, the top contributing features."""

    rows: np.ndarray
    probability: np.ndarray
    score: np.ndarray
    top_features: list[list[tuple[str, float]]] | None = None


def score(*, model: ShipmentModel, prepared: Prepared, rows: np.ndarray | None = None,
          contributions: int = 0, explain_from: int = 0) -> Scores:
    """Score `rows` (all by default); with `contributions=k`, each row's k features that raised its score most.

    Contributions are LightGBM's tree contributions (`pred_contrib=True`, SHAP values in log-odds),
    averaged over the boosters. They cost several times the prediction, so they are worked out
    only for rows scoring at least `explain_from`; the others get an empty list.
    """
    rows = np.arange(prepared.shipments.num_rows) if rows is None else rows
    # In parts: while LightGBM (outside the interpreter) predicts one part, the next part's features
    # are built. At most one part waits, so memory holds two parts' matrices, not all rows'.
    parts = [rows[i:i + SCORING_ROWS] for i in range(0, len(rows), SCORING_ROWS)] or [rows]
    with ThreadPoolExecutor(max_workers=1) as predictor:
        running = []
        for part in parts:
            matrix = feature_matrix(model=model, prepared=prepared, rows=part)
            running.append(predictor.submit(_predict, model=model, matrix=matrix, contributions=contributions,
                                            explain_from=explain_from))
            del matrix
            if len(running) >= 2:
                running[-2].result()
        predicted = [r.result() for r in running]
    probability = np.concatenate([p for p, _ in predicted])
    result = Scores(rows, probability, score_0_100(probability))
    if contributions:
        result.top_features = [top for _, tops in predicted for top in tops]
    return result


# Rows scored at a time (see `score`).
SCORING_ROWS = 200_000


def _predict(*, model: ShipmentModel, matrix: np.ndarray, contributions: int, explain_from: int
             ) -> tuple[np.ndarray, list[list[tuple[str, float]]]]:
    """Mean probability of the boosters for each row; with `contributions`, each row's top features."""
    start = model.start(matrix)
    # Each booster adds its trees to the start (log-odds); the boosters' probabilities are averaged.
    raw = [start + b.predict(matrix, raw_score=True, num_threads=model.settings.threads) for b in model.boosters]
    probability = np.mean([1 / (1 + np.exp(-np.clip(r, -500, 500))) for r in raw], axis=0)
    if not contributions:
        return probability, []
    explained = np.flatnonzero(score_0_100(probability) >= explain_from)
    contrib = np.mean([b.predict(matrix[explained], pred_contrib=True, num_threads=model.settings.threads)
                       for b in model.boosters], axis=0)[:, :-1] if len(explained) else np.zeros((0, len(model.feature_names)))
    top = np.argsort(-contrib, axis=1)[:, :contributions]
    names = model.feature_names
    tops: list[list[tuple[str, float]]] = [[] for _ in range(len(probability))]
    for k, i in enumerate(explained):
        tops[i] = [(names[j], round(float(contrib[k, j]), 3)) for j in top[k] if contrib[k, j] > 0]
    return probability, tops


def score_0_100(probability: np.ndarray) -> np.ndarray:
    """Probabilities as integer scores 0-100 on a log scale: 1 in 10,000 is 0, certainty is 100.

    Seizures are rare, so nearly every probability is small; a linear scale would put almost all
    traffic at 0 and leave nothing to blend with the rules' score.
    """
    p = np.clip(np.asarray(probability, float), 1e-4, 1.0)
    return np.round(100 * (np.log10(p) + 4) / 4).astype(np.int64)


def importance(*, model: ShipmentModel, top: int = 25) -> list[tuple[str, float]]:
    gain = np.sum([b.feature_importance(importance_type="gain") for b in model.boosters], axis=0)
    order = np.argsort(-gain)[:top]
    return [(model.feature_names[i], round(float(gain[i]), 1)) for i in order]


# ---------------------------------------------------------------------------------------------
# Measuring


REPORTED_RATES = (0.005, 0.01, 0.02, 0.05)


def ranking(*, labels: np.ndarray, scores: np.ndarray, rates: tuple[float, ...] = REPORTED_RATES) -> dict[str, Any]:
    """Precision and recall if the top `rate` of shipments by score were inspected, for each rate."""
    out: dict[str, Any] = {"positives": int(np.sum(labels))}
    for rate in rates:
        pct = f"{rate * 100:g}%"
        out[f"precision@{pct}"] = round(model_table.precision_at(labels=labels, scores=scores, share=rate), 4)
        recall = model_table.recall_at(labels=labels, scores=scores, share=rate)
        out[f"recall@{pct}"] = None if math.isnan(recall) else round(recall, 4)
    return out


# ---------------------------------------------------------------------------------------------
# Storing


def model_to_bytes(model: ShipmentModel) -> bytes:
    """The whole model as one compressed archive: boosters as text, tables as arrays, report as JSON."""
    arrays: dict[str, np.ndarray] = {
        "ngram_rows": model.ngram_rates.rows.astype(np.float32),
        "ngram_positives": model.ngram_rates.positives.astype(np.float32),
    }
    for i, (name, t) in enumerate(model.encodings.tables.items()):
        arrays[f"table{i}_values"] = t.values.astype(str)
        arrays[f"table{i}_rows"], arrays[f"table{i}_positives"] = t.rows, t.positives
    for i, (name, t) in enumerate(model.encodings.word_tables.items()):
        arrays[f"words{i}_values"] = t.values.astype(str)
        arrays[f"words{i}_rows"], arrays[f"words{i}_positives"] = t.rows, t.positives
    meta = {
        "format": MODEL_FORMAT,
        "settings": asdict(model.settings),
        "feature_names": model.feature_names,
        "report": model.report,
        "prior": model.encodings.prior, "smoothing": model.encodings.smoothing,
        "tables": list(model.encodings.tables), "word_tables": list(model.encodings.word_tables),
        "categories": model.encodings.categories,
        "ngram_prior": model.ngram_rates.prior, "ngram_smoothing": model.ngram_rates.smoothing,
        "boosters": [b.model_to_string() for b in model.boosters],
        "offset": model.offset,
    }
    arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def model_from_bytes(data: bytes) -> ShipmentModel:
    import lightgbm
    arrays = np.load(io.BytesIO(data), allow_pickle=False)
    meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))

    def tables(kind: str, names: list[str]) -> dict[str, model_table.EncodingTable]:
        return {name: model_table.EncodingTable(arrays[f"{kind}{i}_values"].astype(object), arrays[f"{kind}{i}_rows"],
                                                arrays[f"{kind}{i}_positives"]) for i, name in enumerate(names)}

    encodings = model_table.Encodings(prior=meta["prior"], smoothing=meta["smoothing"],
                                      tables=tables("table", meta["tables"]), word_tables=tables("words", meta["word_tables"]),
                                      categories=meta["categories"])
    rates = shipment_features.NgramRates(arrays["ngram_rows"].astype(float), arrays["ngram_positives"].astype(float),
                                         meta["ngram_prior"], meta["ngram_smoothing"])
    boosters = [lightgbm.Booster(model_str=text) for text in meta["boosters"]]
    offset = meta.get("offset")
    # Models stored before `start_from` existed start from nothing.
    return ShipmentModel(ModelSettings(**{"start_from": "", **meta["settings"]}), encodings, rates, boosters,
                         meta["feature_names"], meta["report"],
                         offset=None if offset is None else (offset[0], float(offset[1]), float(offset[2])))
