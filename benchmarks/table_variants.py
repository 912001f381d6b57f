"""Booster variants for a table mapping, compared on the same features: time-ordered folds inside the
training file, then train -> valid. The study behind "Tried in session 5" in docs/model-table.md.

    PYTHONPATH=src:. nice .venv/bin/python benchmarks/table_variants.py \
        --config src/interdict/targeting/model/mappings/customs_critical_fraud.yaml \
        --train ../shared/data/customs-declarations/df_syn_train_eng.csv \
        --valid ../shared/data/customs-declarations/df_syn_valid_eng.csv \
        --also-label Fraud=1 --variants rounds800,rounds400,aux,xendcg

Each split's features are built once with the mapping (table.py: encodings, training features
without leakage, scoring features), then every variant trains `booster.seeds` boosters on them and
is measured by the positives it puts in the top 0.5, 1, 2 and 5 % of the measured rows. Scores are
the boosters' mean raw score (the shipped model averages probabilities; the order may differ by a
tie). `--also-label COLUMN=VALUE` adds, for variant `aux`, every key's rate and positives of that
other label (e.g. any fraud beside critical fraud), learned the same way: a two-stage model in
encoding form.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.table_model import data_arguments
from interdict.targeting.model import table as model_table

import lightgbm  # noqa: E402  (after table.py, which sets OMP_WAIT_POLICY)

SHARES = (0.005, 0.01, 0.02, 0.05)

# name: (LightGBM parameters over the mapping's, rounds (None: the mapping's), other label's encodings)
VARIANTS: dict[str, tuple[dict, int | None, bool]] = {
    "base": ({}, None, False),
    "rounds400": ({}, 400, False),
    "rounds800": ({}, 800, False),
    "aux": ({}, None, True),
    "weight5": ({"scale_pos_weight": 5.0}, None, False),
    "leaves15": ({"num_leaves": 15, "min_data_in_leaf": 40}, None, False),
    "xendcg": ({"objective": "rank_xendcg"}, None, False),
    "extra_trees": ({"extra_trees": True}, None, False),
}


def _features(*, mapping, train, test) -> tuple[dict, dict]:
    labels = model_table.labels_of(table=train, mapping=mapping)
    encodings = model_table.learn_encodings(table=train, labels=labels, mapping=mapping)
    return (model_table.features_for_training(table=train, labels=labels, mapping=mapping, encodings=encodings),
            model_table.features_for_scoring(table=test, mapping=mapping, encodings=encodings))


def _top(scores: np.ndarray, share: float) -> np.ndarray:
    return np.argsort(-scores, kind="stable")[: max(1, math.ceil(len(scores) * share))]


def main() -> None:
    parser = data_arguments(__doc__)
    parser.add_argument("--also-label", help="COLUMN=VALUE: the other label whose encodings variant 'aux' adds")
    parser.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, of {', '.join(VARIANTS)}")
    args = parser.parse_args()
    chosen = args.variants.split(",")
    unknown = [v for v in chosen if v not in VARIANTS]
    if unknown or ("aux" in chosen and not args.also_label):
        parser.error(f"unknown variant(s) {unknown}" if unknown else "variant 'aux' needs --also-label COLUMN=VALUE")

    mapping = model_table.load_mapping(path=args.config)
    other = None
    if args.also_label:
        column, _, value = args.also_label.partition("=")
        other = mapping.model_copy(update={"label": model_table.LabelColumn(column=column, positive=value or "1")})

    def read(path: Path) -> model_table.Table:
        table = model_table.read_table(paths=[path], mapping=mapping, purpose="train")
        if other is not None:
            table.columns[other.label.column] = model_table.read_table(
                paths=[path], mapping=other, purpose="train").columns[other.label.column]
        return table

    train = read(args.train)
    splits = [(f"fold {i + 1}", train.take(a), train.take(b))
              for i, (a, b) in enumerate(model_table.time_ordered_folds(table=train, mapping=mapping, folds=args.folds))]
    if args.valid:
        splits.append(("train -> valid", train, read(args.valid)))

    built = []
    for name, fit_rows, test_rows in splits:
        own_train, own_test = _features(mapping=mapping, train=fit_rows, test=test_rows)
        names = list(own_train)
        item = {"name": name, "names": names, "train": model_table._matrix(own_train, names),
                "test": model_table._matrix(own_test, names),
                "y_train": model_table.labels_of(table=fit_rows, mapping=mapping),
                "y_test": model_table.labels_of(table=test_rows, mapping=mapping)}
        if other is not None:
            aux_train, aux_test = _features(mapping=other, train=fit_rows, test=test_rows)
            aux = [n for n in aux_train if n.startswith(("rate(", "positives("))]
            item["aux_train"], item["aux_test"] = model_table._matrix(aux_train, aux), model_table._matrix(aux_test, aux)
        # A ranking objective needs the rows grouped: one group per date, in date order.
        item["order"] = np.argsort(fit_rows.columns[mapping.date].astype(str), kind="stable")
        item["groups"] = np.unique(fit_rows.columns[mapping.date].astype(str), return_counts=True)[1]
        built.append(item)

    print("positives in the top " + "/".join(f"{100 * x:g}" for x in SHARES) + " % of each split's measured rows")
    for variant in chosen:
        overrides, rounds, use_aux = VARIANTS[variant]
        cpu, cells = time.process_time(), []
        for item in built:
            x_train, x_test = item["train"], item["test"]
            if use_aux:
                x_train, x_test = np.hstack([x_train, item["aux_train"]]), np.hstack([x_test, item["aux_test"]])
            y, extra = item["y_train"], {}
            if overrides.get("objective", "").startswith("rank"):
                x_train, y, extra = x_train[item["order"]], y[item["order"]], {"group": item["groups"]}
            data = lightgbm.Dataset(x_train, y, free_raw_data=False, **extra, categorical_feature=[
                i for i, n in enumerate(item["names"]) if n.startswith("category(")])
            scores = np.mean([
                lightgbm.train(
                    model_table._booster_params(settings=mapping.booster, seed=mapping.booster.seed + k) | overrides,
                    data, num_boost_round=rounds or mapping.booster.rounds,
                ).predict(x_test, raw_score=True)
                for k in range(mapping.booster.seeds)
            ], axis=0)
            found = [int(item["y_test"][_top(scores, share)].sum()) for share in SHARES]
            cells.append(f"{item['name']}: {'/'.join(map(str, found))} of {int(item['y_test'].sum())}")
        print(f"{variant:12} " + "  ".join(cells) + f"   cpu {time.process_time() - cpu:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
