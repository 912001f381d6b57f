"""The outsider's "quick blend" (issue 7): a yardstick for the learned model, written plainly as an
analyst with the store and an afternoon would write it, not with the platform's model code.

On a store kept by `benchmarks/heldout/recall.py DIR --with-model --keep HOME` (traffic ingested,
outcomes of the first 3 weeks, profiles scored):

1. label: the inspected shipments of the outcome weeks, positive when an inspection seized target
   goods or other contraband (`features.label_shipments`, the finding categories as docs/model.md
   decides them); irregularities and no finding are negatives;
2. features: the shipment's categorical columns as LightGBM categories, its numbers, how many
   shipments each party has in the store (all of them, or only earlier ones with `--counts past`),
   a bag of description words and character 3-5-grams, and the profiles' score;
3. a plain LightGBM on those rows (out-of-fold predictions for the training rows themselves);
4. blended with the profiles' score by rank average, or by a logistic stack of the two on the
   training rows;
5. the top 2 % of each day's traffic by the blend red; recall = illicit shipments red / illicit.

Printed per store, beside the same per-day top 2 % for the profiles' score alone and for the
platform's own model (trained in-process as `interdict model train` trains, blended as `interdict
score` blends), and the red lane (`assign_lanes`) of the profiles alone and with our model, which
are recall.py's figures. Only aggregates are printed (the third generator is looked at no closer).

    PYTHONPATH=src:. python benchmarks/blend_baseline.py HOME [HOME ...] [--population inspected|all]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse
from scipy.stats import rankdata

from benchmarks.model_variants import Store, open_store, red_lane, unit_model
from interdict.errors import InvalidInput
from interdict.targeting.lane import assign_lanes
from interdict.targeting.model import features

CATEGORIES = ("mode", "direction", "category", "payment_method", "origin_country", "departure_country",
              "destination_country", "shipper_country", "consignee_country", "reporter", "id_kind", "carrier")
PARTIES = ("consignee_name_norm", "consignee_phone_norm", "consignee_address_norm", "consignee_email_norm",
           "shipper_name_norm", "shipper_phone_norm", "shipper_address_norm")
RED_SHARE = 0.02


def numbers(shipments: pa.Table) -> dict[str, np.ndarray]:
    def num(c: str) -> np.ndarray:
        return pc.cast(shipments.column(c), pa.float64()).to_numpy(zero_copy_only=False).astype(float)

    gross, value, net = num("gross_weight_g") / 1000, num("declared_value_eur_cents") / 100, num("items_net_weight_g") / 1000
    hs = [s or "" for s in shipments.column("hs_codes").to_pylist()]
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "gross kg": gross, "value eur": value, "value per kg": value / gross, "net / gross": net / gross,
            "items": num("item_count"), "pieces": num("pieces"),
            "hs chapter": np.array([float(h[:2]) if h[:2].isdigit() else np.nan for h in hs]),
            "hs codes": np.array([len([c for c in h.split("|") if c]) for h in hs], float),
            "transit countries": np.array([len([c for c in (t or "").split("|") if c])
                                           for t in shipments.column("transit_countries").to_pylist()], float),
            "id check valid": pc.cast(shipments.column("id_check_valid"), pa.float64()).to_numpy(zero_copy_only=False),
        }


def party_counts(shipments: pa.Table, *, past: bool) -> dict[str, np.ndarray]:
    """Shipments per party value (missing values count nothing): in the whole store, or only earlier ones."""
    out = {}
    for column in PARTIES:
        values = np.array([v or "" for v in shipments.column(column).to_pylist()], dtype=object)
        _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
        if past:  # rows are oldest first: the running count before this row
            seen: dict[int, int] = {}
            before = np.empty(len(values))
            for i, k in enumerate(inverse.tolist()):
                before[i] = seen.get(k, 0)
                seen[k] = before[i] + 1
            counted = before
        else:
            counted = counts[inverse].astype(float)
        out[f"count {column}"] = np.where(values == "", np.nan, counted)
    return out


def description_bags(shipments: pa.Table) -> tuple[sparse.csr_matrix, list[str]]:
    """Words and character 3-5-grams of the normalised descriptions present in at least 10 shipments."""
    from sklearn.feature_extraction.text import CountVectorizer

    texts = [t or "" for t in shipments.column("descriptions_norm").to_pylist()]
    words = CountVectorizer(min_df=10, max_features=1000, binary=True)
    chars = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=10, max_features=3000, binary=True)
    bag = sparse.hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr().astype(np.float32)
    names = [f"word {w}" for w in words.get_feature_names_out()] + [f"chars {c}" for c in chars.get_feature_names_out()]
    return bag, names


GROUPS = ("categories", "numbers", "counts", "profile", "words")


def analyst_matrix(shipments: pa.Table, profile: np.ndarray, *, past: bool, without: frozenset[str] = frozenset()
                   ) -> tuple[sparse.csr_matrix, list[str], list[int]]:
    """Rows x (categories as codes, numbers, party counts, profile score, description bag), less the
    GROUPS named in `without` (to see what each brings)."""
    dense = {}
    if "categories" not in without:
        for column in CATEGORIES:
            values = np.array([v or "" for v in shipments.column(column).to_pylist()], dtype=object)
            dense[f"cat {column}"] = np.unique(values, return_inverse=True)[1].astype(float)
    categorical = list(range(len(dense)))
    dense |= {} if "numbers" in without else numbers(shipments)
    dense |= {} if "counts" in without else party_counts(shipments, past=past)
    dense |= {} if "profile" in without else {"profile score": profile}
    bag, bag_names = description_bags(shipments) if "words" not in without else (sparse.csr_matrix((len(profile), 0)), [])
    matrix = sparse.hstack([sparse.csr_matrix(np.column_stack(list(dense.values()))), bag]).tocsr()
    return matrix, [*dense, *bag_names], categorical


PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 5,
          "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
          "min_data_per_group": 5, "cat_smooth": 10, "verbose": -1, "num_threads": 2, "seed": 0}


def fit_predict(matrix: sparse.csr_matrix, names: list[str], categorical: list[int], rows: np.ndarray,
                labels: np.ndarray, weights: np.ndarray, rounds: int = 200) -> np.ndarray:
    """A plain LightGBM on `rows`; its probability for every row, the training rows out of fold (5)."""
    import lightgbm

    def train(on: np.ndarray):
        data = lightgbm.Dataset(matrix[rows[on]], labels[on], weight=weights[on], feature_name=[f"f{i}" for i in range(len(names))],
                                categorical_feature=categorical, free_raw_data=False)
        return lightgbm.train(PARAMS, data, num_boost_round=rounds)

    out = train(np.ones(len(rows), bool)).predict(matrix)
    folds = np.random.default_rng(0).integers(0, 5, size=len(rows))
    for f in range(5):
        inside = folds == f
        if labels[~inside].sum() > 0:
            out[rows[inside]] = train(~inside).predict(matrix[rows[inside]])
    return out


def stack(profile: np.ndarray, gbm: np.ndarray, rows: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """A logistic regression of the label on (profile score, GBM log-odds), fitted on the training rows."""
    from sklearn.linear_model import LogisticRegression

    p = np.clip(gbm, 1e-6, 1 - 1e-6)
    x = np.column_stack([profile, np.log(p / (1 - p))])
    mean, scale = x[rows].mean(axis=0), x[rows].std(axis=0) + 1e-9
    fitted = LogisticRegression(C=1.0).fit((x[rows] - mean) / scale, labels, sample_weight=weights)
    return fitted.decision_function((x - mean) / scale)


def rank_average(*values: np.ndarray) -> np.ndarray:
    return np.mean([rankdata(v) / len(v) for v in values], axis=0)


def daily_top(values: np.ndarray, days: np.ndarray, share: float = RED_SHARE) -> np.ndarray:
    """The `share` of each day's rows ranked highest by `values` (ties at random), as a mask."""
    red = np.zeros(len(values), bool)
    tie = np.random.default_rng(0).random(len(values))
    for day in np.unique(days):
        at = np.flatnonzero(days == day)
        take = int(round(share * len(at)))
        red[at[np.lexsort((tie[at], -values[at]))[:take]]] = True
    return red


def places_used(store: Store, laned: pa.Table) -> int:
    """Shipments of the period the lanes made red by risk (not drawn at random)."""
    laned = laned.filter(pc.greater_equal(laned.column("reported_at"), pa.scalar(store.since, laned.column("reported_at").type)))
    return int(pc.sum(pc.and_(pc.equal(laned.column("lane"), "red"), pc.invert(laned.column("selected_at_random")))).as_py() or 0)


def measure(store: Store, *, variants: list[tuple[str, str]], rounds: int, without: frozenset[str] = frozenset(),
            ours: bool = True) -> dict[str, str]:
    """The figures of one store; `variants`: (population, counts) of the quick blend to run."""
    period = store.period
    pks = np.array(period.column("id").to_pylist())
    profile = np.array(period.column("score").to_pylist(), float)
    days = np.array([str(d) for d in period.column("day").to_pylist()])
    after = np.array(pc.greater(period.column("reported_at"),
                                pa.scalar(store.outcomes_until, period.column("reported_at").type)).to_pylist(), bool)
    illicit = store.illicit

    # The analyst's rows: the period's shipments, as the store holds them (oldest first).
    shipments = features.load_shipments(engine=store.engine)
    position = {pk: i for i, pk in enumerate(shipments.column("id").to_pylist())}
    shipments = shipments.take(pa.array([position[pk] for pk in pks.tolist()], pa.int64()))
    outcomes = features.load_outcomes(engine=store.engine, until=store.outcomes_until)
    labelled = features.label_shipments(shipments=shipments, outcomes=outcomes)
    positive = (labelled.target | labelled.other_contraband).astype(np.int8)

    def figure(red: np.ndarray) -> str:
        return (f"{red[illicit].sum() / illicit.sum():.3f} ({int(red[illicit].sum())}/{int(illicit.sum())}); "
                f"after {red[illicit & after].sum() / max((illicit & after).sum(), 1):.3f}")

    laned = assign_lanes(store.scored)
    # The lanes leave places unused: the same ranking with only as many red places as they filled.
    used = places_used(store, laned) / len(profile)
    out = {"profiles: lanes": f"{red_lane(store, laned) / illicit.sum():.3f} ({used:.2%} of traffic red by risk)",
           "profiles: daily top 2%": figure(daily_top(profile, days)),
           "profiles: daily top at the lanes' share": figure(daily_top(profile, days, used))}
    try:
        if not ours:
            raise InvalidInput("not asked (--no-ours)")
        _, laned, ours, weight = unit_model(store)
        out["our model: lanes"] = f"{red_lane(store, laned) / illicit.sum():.3f}"
        blend = (profile * (100 - weight) + ours * weight) // 100
        out["our model: daily top 2% of blend"] = figure(daily_top(blend, days))
        used = places_used(store, laned) / len(profile)
        out["our model: daily top of blend at its lanes' share"] = figure(daily_top(blend, days, used))
        out["our model: daily top 2% of rank average"] = figure(daily_top(rank_average(profile, ours), days))
        out["our model alone: daily top 2%"] = figure(daily_top(ours, days))
    except InvalidInput as refused:
        out["our model"] = f"refused: {str(refused)[:60]}"
    for population, counts in variants:
        rows = np.flatnonzero(~after & (labelled.inspected if population == "inspected" else True))
        if not positive[rows].any():
            out[f"quick blend on {population} rows"] = "no seizure to learn from"
            continue
        weights = np.ones(len(rows))
        matrix, names, categorical = analyst_matrix(shipments, profile, past=counts == "past", without=without)
        gbm = fit_predict(matrix, names, categorical, rows, positive[rows], weights, rounds=rounds)
        out[f"quick blend on {population} rows, counts {counts}: rows (positives)"] = f"{len(rows)} ({int(positive[rows].sum())})"
        for name, values in {"GBM alone": gbm, "rank average": rank_average(profile, gbm),
                             "logistic stack": stack(profile, gbm, rows, positive[rows], weights)}.items():
            out[f"  {population}/{counts} {name}: daily top 2%"] = figure(daily_top(values, days))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("homes", type=Path, nargs="+", help="INTERDICT_HOME kept by heldout/recall.py --keep")
    parser.add_argument("--population", choices=("inspected", "all"), action="append",
                        help="train on the inspected shipments (default) or on every shipment of the outcome weeks; repeatable")
    parser.add_argument("--counts", choices=("all", "past"), action="append",
                        help="party counts over the whole store (default: the quick way) or over earlier shipments only; repeatable")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--without", choices=GROUPS, action="append", default=[], help="leave a feature group out")
    parser.add_argument("--no-ours", action="store_true", help="skip training the platform's model")
    args = parser.parse_args(argv)
    for home in args.homes:
        started = dt.datetime.now()
        store = open_store(home)
        variants = [(p, c) for p in args.population or ["inspected"] for c in args.counts or ["all"]]
        figures = measure(store, variants=variants, rounds=args.rounds, without=frozenset(args.without), ours=not args.no_ours)
        print(f"{store.name} ({(dt.datetime.now() - started).seconds} s)", flush=True)
        for name, value in figures.items():
            print(f"  {name:50} {value}", flush=True)


if __name__ == "__main__":
    main()
