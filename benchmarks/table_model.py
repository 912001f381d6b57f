"""Ranking quality of the table model over time: time-ordered folds inside the training file, then
train -> valid once, the figures behind the table in docs/model-table.md.

    PYTHONPATH=src:. .venv/bin/python benchmarks/table_model.py \
        --config src/interdict/targeting/model/mappings/customs_critical_fraud.yaml \
        --train ../shared/data/customs-declarations/df_syn_train_eng.csv \
        --valid ../shared/data/customs-declarations/df_syn_valid_eng.csv --folds 3 --known "goods line"

`--known KEY` also reports, per fold, the share of measured positives whose KEY (an encoded key of
the mapping, e.g. a combination) already had a positive among the training rows: the part of the
positives that the history of known keys can find, against which recall at 1 % is to be read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from interdict.targeting.model import table as model_table

SHOWN = ("precision@1%", "precision@5%", "precision@10%", "recall@1%")


def _known_share(*, mapping, train, test, key: str) -> float:
    train_keys = model_table.encoded_keys(table=train, mapping=mapping)[key]
    test_keys = model_table.encoded_keys(table=test, mapping=mapping)[key]
    hit = set(train_keys[model_table.labels_of(table=train, mapping=mapping) == 1].tolist())
    positives = test_keys[model_table.labels_of(table=test, mapping=mapping) == 1]
    return float(np.mean([k in hit for k in positives.tolist()])) if len(positives) else float("nan")


def _spread(measure: str, values: list[float]) -> str:
    """One line: a measure's values and their min, median and max."""
    return (f"  {measure:14} " + "  ".join(f"{v:.3f}" for v in values)
            + f"   min {min(values):.3f} median {statistics.median(values):.3f} max {max(values):.3f}")


def _reseeded(mapping: model_table.TableMapping, repeat: int) -> model_table.TableMapping:
    """The mapping with its random seeds moved on by `repeat` (0: as written)."""
    if not repeat:
        return mapping
    return mapping.model_copy(update={
        "encoding": mapping.encoding.model_copy(update={"seed": mapping.encoding.seed + repeat}),
        "booster": mapping.booster.model_copy(update={"seed": mapping.booster.seed + repeat * mapping.booster.seeds}),
    })


def data_arguments(description: str) -> argparse.ArgumentParser:
    """A parser with the mapping, the training and validation files and the number of folds."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--valid", type=Path)
    parser.add_argument("--folds", type=int, default=3)
    return parser


def main() -> None:
    parser = data_arguments(__doc__)
    parser.add_argument("--known", help="encoded key whose known positives bound recall (e.g. 'goods line')")
    parser.add_argument("--booster", default="{}", help="JSON overriding booster settings, e.g. '{\"seeds\": 1}'")
    parser.add_argument("--repeats", type=int, default=1, help="fits of train -> valid, each with other seeds")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()

    mapping = model_table.load_mapping(path=args.config)
    mapping = mapping.model_copy(update={"booster": mapping.booster.model_copy(update=json.loads(args.booster))})
    train = model_table.read_table(paths=[args.train], mapping=mapping, purpose="train")
    rows = []
    # --folds 0: only train -> valid (e.g. for the spread over seeds).
    folds = model_table.time_ordered_folds(table=train, mapping=mapping, folds=args.folds) if args.folds else []
    for i, (train_rows, test_rows) in enumerate(folds):
        rows.append((f"fold {i + 1}", train.take(train_rows), train.take(test_rows), 0))
    if args.valid:
        valid = model_table.read_table(paths=[args.valid], mapping=mapping, purpose="train")
        rows += [(f"train -> valid{f' (seeds +{r})' if r else ''}", train, valid, r) for r in range(args.repeats)]

    results = []
    for name, fit_rows, test_rows, repeat in rows:
        began, cpu = time.perf_counter(), time.process_time()
        model = model_table.fit(mapping=_reseeded(mapping, repeat), train=fit_rows)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        labels = model_table.labels_of(table=test_rows, mapping=mapping)
        metrics = model_table.ranking_report(labels=labels, scores=model_table.score(model=model, table=test_rows))
        dates = test_rows.columns[mapping.date]
        result = {"name": name, "train_rows": len(fit_rows), "measured": f"{dates.min()} to {dates.max()}",
                  "fit_seconds": round(seconds, 1), "fit_cpu_seconds": round(cpu, 1), **metrics}
        if args.known:
            result["known_share"] = round(_known_share(mapping=mapping, train=fit_rows, test=test_rows, key=args.known), 4)
        results.append(result)
        print(json.dumps(result), flush=True)

    fold_results = [r for r in results if r["name"].startswith("fold")]
    if fold_results:
        print(f"\n{mapping.name}: {len(fold_results)} time-ordered folds inside {args.train.name}")
    for measure in (*SHOWN, *(["known_share"] if args.known else [])) if fold_results else ():
        line = _spread(measure, [r[measure] for r in fold_results])
        if args.valid:
            line += f"   train -> valid {results[len(fold_results)][measure]:.3f}"
        print(line)
    repeated = [r for r in results if r["name"].startswith("train -> valid")]
    if len(repeated) > 1:
        print(f"\n{mapping.name}: train -> valid over {len(repeated)} sets of seeds")
        for measure in SHOWN:
            print(_spread(measure, [r[measure] for r in repeated]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
