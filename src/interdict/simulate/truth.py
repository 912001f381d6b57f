"""How targeting did against the generator's ground truth: the share of illicit shipments that
landed in the red lane, overall and per threat pattern (truth.ndjson, see generator.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pyarrow as pa


@dataclass
class Catch:
    shipments: int
    red: int
    illicit: int
    illicit_red: int
    by_threat: dict[str, tuple[int, int]] = field(default_factory=dict)  # threat -> (in red, planted)

    @property
    def recall(self) -> float:
        return self.illicit_red / self.illicit if self.illicit else 0.0

    @property
    def precision(self) -> float:
        return self.illicit_red / self.red if self.red else 0.0


def read_truth(path: Path) -> dict[tuple[str, str], dict]:
    truth = {}
    with open(path, "rb") as handle:
        for line in handle:
            record = orjson.loads(line)
            if record.get("illicit"):
                truth[(record["reporter"], record["shipment_id"])] = record
    return truth


def catch(laned: pa.Table, *, truth_path: Path) -> Catch:
    truth = read_truth(truth_path)
    keys = list(zip(laned.column("reporter").to_pylist(), laned.column("shipment_id").to_pylist(), strict=True))
    red = {key for key, lane in zip(keys, laned.column("lane").to_pylist(), strict=True) if lane == "red"}
    scored = set(keys)
    planted = {key: t for key, t in truth.items() if key in scored}
    total = Counter(t["threat"] for t in planted.values())
    hit = Counter(t["threat"] for key, t in planted.items() if key in red)
    return Catch(len(keys), len(red), len(planted), sum(hit.values()),
                 {threat: (hit[threat], count) for threat, count in total.most_common()})  # fmt: skip
