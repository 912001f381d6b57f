"""How well a trained model would have chosen the red lane in a later period, beside profiles and chance.

Against ground truth (`truth.ndjson` of generated traffic) every shipment has a label; against real
outcomes only inspected shipments do, so the figures then say how high the model ranked the
seizures that were actually made.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa

from interdict.errors import InvalidInput, Problem
from interdict.targeting.model import features as shipment_features
from interdict.targeting.model import training


def read_truth(*, path: Path) -> dict[tuple[str, str], str]:
    """(reporter, shipment_id) -> finding category of every illicit shipment in a truth.ndjson file."""
    path = Path(path)
    if not path.exists():
        raise InvalidInput(f"truth file {path} does not exist",
                           problems=[Problem("--truth", "file_exists", str(path), "give the truth.ndjson of the simulation")])
    out = {}
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                record = orjson.loads(line)
                if record.get("illicit"):
                    out[(record["reporter"], record["shipment_id"])] = record.get("category") or "other"
    return out


def evaluate_model(*, model: training.ShipmentModel, shipments: pa.Table, outcomes: pa.Table,
                   since: datetime, until: datetime | None = None, known_until: datetime | None = None,
                   truth: dict[tuple[str, str], str] | None = None, seed: int = 0) -> dict[str, Any]:
    """Precision and recall at 0.5, 1, 2 and 5 % of the shipments reported in [since, until],
    overall and per finding category, for the model, the profiles alone and random selection.

    Outcomes after `known_until` (default: `since`) are not used as history: the model is judged as
    it would have run, before those inspections happened.
    """
    if "profile_score" not in shipments.column_names:
        shipments = shipment_features.with_profile_indicators(shipments=shipments)
    prepared = training.prepare(shipments=shipments, outcomes=outcomes, known_until=known_until or since)
    rows = prepared.rows_between(since, until)
    if len(rows) == 0:
        raise InvalidInput("no shipments in the evaluation window",
                           problems=[Problem("--from/--to", "non_empty", f"{since} .. {until}", "choose a period with traffic")])
    if truth is not None:
        keys = zip(shipments.column("reporter").to_pylist(), shipments.column("shipment_id").to_pylist())
        category = np.array([truth.get(k, "") for k in keys], dtype=object)[rows]
        source = "truth"
    else:
        every = training.prepare(shipments=shipments, outcomes=outcomes)
        category = every.labels.category[rows]
        source = "outcomes (inspected shipments only)"
    model_scores = training.score(model=model, prepared=prepared, rows=rows).probability
    rng = np.random.default_rng(seed)
    # Ties among profile scores (most traffic scores 0) are broken at random, as lanes do.
    profile_scores = shipments.column("profile_score").to_numpy()[rows].astype(float) + rng.random(len(rows)) * 0.5
    random_scores = rng.random(len(rows))
    illicit = (category != "").astype(np.int8)
    target = np.isin(category, list(shipment_features.TARGET_CATEGORIES)).astype(np.int8)
    out: dict[str, Any] = {
        "labels": source,
        "shipments": int(len(rows)),
        "from": training._iso(prepared.seconds[rows].min()),
        "to": training._iso(prepared.seconds[rows].max()),
        "illicit": int(illicit.sum()),
        "target": int(target.sum()),
    }
    for name, scores in (("model", model_scores), ("profiles", profile_scores), ("random", random_scores)):
        out[name] = {
            "illicit": training.ranking(labels=illicit, scores=scores),
            "target": training.ranking(labels=target, scores=scores),
            "per_category": {c: training.ranking(labels=(category == c).astype(np.int8), scores=scores)
                             for c in sorted(set(category.tolist()) - {""})},
        }
    return out
