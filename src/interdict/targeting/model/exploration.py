"""Exploration: a share of red-lane capacity for the shipments the model is least sure of, and a
simulation over successive weeks, outcomes fed back, that shows what it does to recall.

A model trained only on what was inspected learns nothing about what nobody opens; spending a little
capacity where its boosters disagree most brings back outcomes from those corners.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import Any

import numpy as np
import pyarrow as pa

from interdict.errors import InvalidInput, Problem
from interdict.targeting.model import features as shipment_features
from interdict.targeting.model import training


def uncertainty(*, model: training.ShipmentModel, prepared: training.Prepared, rows: np.ndarray) -> np.ndarray:
    """How unsure the model is of each row: the spread of its boosters' log-odds (each saw another
    random draw of rows and features), highest where the training outcomes say least."""
    scored = training.score(model=model, prepared=prepared, rows=rows)
    features = training._features(prepared=prepared, rows=rows, encodings=model.encodings, ngram_rates=model.ngram_rates)
    missing = np.full(len(rows), np.nan)
    matrix = np.column_stack([features.get(n, missing).astype(float) for n in model.feature_names])
    logits = np.array([b.predict(matrix, raw_score=True) for b in model.boosters])
    spread = logits.std(axis=0) if len(model.boosters) > 1 else np.zeros(len(rows))
    # Equal spreads: the less certain of innocence first (probability nearer the middle).
    return spread + 1e-3 * scored.probability


def select_for_inspection(*, scores: np.ndarray, unsure: np.ndarray, capacity: int, exploration: float) -> np.ndarray:
    """Positions chosen: the riskiest (1 - exploration) of capacity, then the least sure of the rest."""
    if not 0 <= exploration <= 1:
        raise InvalidInput("exploration share out of range",
                           problems=[Problem("exploration", "0..1", exploration, "a share of capacity, e.g. 0.1")])
    explore = int(round(capacity * exploration))
    by_risk = np.argsort(-scores, kind="stable")[: capacity - explore]
    rest = np.setdiff1d(np.arange(len(scores)), by_risk)
    by_doubt = rest[np.argsort(-unsure[rest], kind="stable")[:explore]]
    return np.concatenate([by_risk, by_doubt])


@dataclass
class Week:
    week: int
    shipments: int
    illicit: int
    found: int
    inspected: int
    explored: int
    seizures: int = 0  # the seizures (target and other contraband) the week's retraining learned from
    population: str = ""  # the training rows the retraining used ("all" or "inspected")

    @property
    def recall(self) -> float:
        return self.found / self.illicit if self.illicit else float("nan")


def simulate(*, shipments: pa.Table, first_outcomes: pa.Table, truth: dict[tuple[str, str], str], start: datetime,
             weeks: int, capacity: float = 0.02, exploration: float = 0.1, random_share: float = 0.005,
             finds: float = 0.85, regime_weeks: int = 2, settings: training.ModelSettings | None = None, seed: int = 0) -> list[Week]:
    """The first `regime_weeks` are inspected by the existing regime (`first_outcomes`); from then on, each week the
    model is retrained on every outcome so far, fills `capacity` of the week's shipments (a share
    `exploration` of it by doubt) plus a random share, and the officers find what `truth` says is
    there with probability `finds`. Returns each week's recall against the truth.
    """
    settings = settings or training.ModelSettings(seeds=3, rounds=200)
    rng = Random(seed)
    keys = list(zip(shipments.column("reporter").to_pylist(), shipments.column("shipment_id").to_pylist()))
    seconds = shipment_features._seconds(shipments.column("reported_at"))
    outcomes = [{**o, "findings": [{"category": c} for c in o.get("categories") or []]} for o in first_outcomes.to_pylist()]
    result: list[Week] = []
    for week in range(regime_weeks, weeks):
        begin = start + timedelta(weeks=week)
        end = begin + timedelta(weeks=1)
        seen = shipments.filter(pa.array(seconds < int(end.timestamp())))
        prepared = training.prepare(shipments=seen, outcomes=shipment_features.outcomes_table(outcomes),
                                    known_until=begin)
        model = training.fit(prepared=prepared, until=begin, settings=settings, validate=False)
        rows = prepared.rows_between(begin, end - timedelta(microseconds=1))
        scores = training.score(model=model, prepared=prepared, rows=rows).probability
        unsure = uncertainty(model=model, prepared=prepared, rows=rows) if exploration else np.zeros(len(rows))
        count = int(np.ceil(capacity * len(rows)))
        chosen = set(rows[select_for_inspection(scores=scores, unsure=unsure, capacity=count, exploration=exploration)].tolist())
        drawn = {int(r) for r in rows if rng.random() < random_share} - chosen
        illicit = found = 0
        for r in rows.tolist():
            key = keys[r]
            category = truth.get(key)
            illicit += category is not None
            if r not in chosen and r not in drawn:
                continue
            seized = category is not None and rng.random() < finds
            found += seized and r in chosen
            outcomes.append({
                "reporter": key[0], "shipment_id": key[1],
                "inspected_at": datetime.fromtimestamp(int(seconds[r]) + 6 * 3600, tz=begin.tzinfo),
                "result": "seizure" if seized else "no_finding",
                "findings": [{"category": category}] if seized else [],
                "selected_at_random": r in drawn,
            })
        learned = model.report["window"]  # what the week's retraining counted, not counted again
        positives = learned["target_seizures"] + learned["other_seizures"]
        result.append(Week(week + 1, len(rows), illicit, found, len(chosen), int(round(count * exploration)),
                           positives, training.chosen_population(settings=settings, positives=positives)))
    return result


def recall_chart(*, runs: dict[str, list[Week]], path: Any, title: str) -> None:
    """A PNG of recall per week, one line per run (needs matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4))
    for label, weeks in runs.items():
        axes.plot([w.week for w in weeks], [w.recall for w in weeks], marker="o", label=label)
    axes.set_xlabel("week (model retrained each week on all outcomes so far)")
    axes.set_ylabel("share of illicit shipments in the red lane")
    axes.set_ylim(0, 1)
    axes.grid(alpha=0.3)
    axes.legend()
    axes.set_title(title)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
