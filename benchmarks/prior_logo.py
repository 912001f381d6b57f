"""Issue 7, session 9: does a *prior* model, trained on the ground truth of other generators' traffic,
help a unit whose own outcomes hold a handful of seizures? Measured leave-one-generator-out (LOGO):
train on the folders of two generators, measure on fresh folders of the third, all three ways.

Stores are those `benchmarks/heldout/recall.py DIR [--with-model] --keep HOME` leaves (the folder's
traffic ingested, the outcomes of its first 3 weeks, its truth.ndjson beside it). Each HOME's name
starts with the generator's letter (o: `interdict simulate`, h: heldout, t: heldout2) and lies
under $INTERDICT_PRIOR_LOGO/home (default /tmp/transfer); the cache goes to .../cache.

    PYTHONPATH=src:. python benchmarks/prior_logo.py prepare [--no-model] HOME [HOME ...]   # cache per store
    PYTHONPATH=src:. python benchmarks/prior_logo.py logo --train o2100,... --test o2130,... \
        [--variant generic|encoded|indicators] [--unit] [--start]

The prior learns from every shipment of the training stores, labelled by truth (illicit or not),
on the model's own generic features: the shipment's numbers and traffic norms, its parties'
history, the profiles' score and indicators (the platform's own, the same everywhere); `encoded`
adds the outcome-rate encodings of categories, HS codes, route and description words and n-grams
(learned from the training truth), `indicators` keeps only the profiles' score and indicators.
Never the reporter, carrier, id kind, hour of report or any raw id. `--start`: the prior grows from
the profiles' calibrated log-odds, as a unit's model does.

Printed per test store (aggregates only: the third generator is looked at no closer): illicit
shipments in the daily top 2 % of the period for the profiles' score, the unit's model (trained on
the outcome weeks as `model train` trains, blended as `score` blends), the prior alone and the prior
blended 50/50 with the profiles; the red lane (`assign_lanes`) of the profiles, of the unit's model
and of the prior blended in as a fully trusted model; with `--unit`, for stores of the held-out
generator, the unit's model grown from the prior's score (`start_from` = the prior's column)
instead of the profiles'. docs/model.md, "Session 9", has the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import pickle
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
from scipy import sparse

from benchmarks.blend_baseline import daily_top
from benchmarks.model_variants import Store, open_store, period_values, red_lane, unit_model
from interdict.errors import InvalidInput
from interdict.targeting import service
from interdict.targeting.evaluation import HISTORY
from interdict.targeting.lane import assign_lanes
from interdict.targeting.model import features, registry, table as model_table, training

# Where `prepare` keeps each store's figures and where the stores are (INTERDICT_PRIOR_LOGO to move both).
ROOT = Path(os.environ.get("INTERDICT_PRIOR_LOGO", "/tmp/transfer"))
CACHE = ROOT / "cache"
HOMES = ROOT / "home"
# The encodings the prior may use: no reporter (a unit's code), carrier (a generator's name list),
# id kind (a generator's id formats).
GENERIC_CATEGORICAL = ["mode", "direction", "category", "payment_method", "origin_country", "departure_country",
                       "destination_country", "shipper_country", "consignee_country"]
# Columns left out of every variant: where a generator's clock or id formats show through.
DROPPED = {"hour reported", "id check valid"}


_SHIPMENT_MAPPING = features.shipment_mapping


def generic_mapping() -> model_table.TableMapping:
    mapping = _SHIPMENT_MAPPING()
    return mapping.model_copy(update={
        "categorical": GENERIC_CATEGORICAL, "identifiers": ["hs code", "hs chapter", "route"],
        "combinations": [c for c in mapping.combinations if "reporter" not in c.columns]})


@contextlib.contextmanager
def generic_encodings():
    """The model's feature code, reading the generic mapping instead of the shipment mapping."""
    original = features.shipment_mapping
    features.shipment_mapping = generic_mapping
    try:
        yield
    finally:
        features.shipment_mapping = original


def prepare_store(home: Path, *, with_unit_model: bool = True) -> dict:
    """Everything the LOGO runs need of one store, computed once: the prepared features of all its
    shipments, truth per row, the period's profile scores and lanes, and the unit model's figures."""
    store = open_store(home)
    shipments = features.load_shipments(engine=store.engine)
    shipments = registry.with_profiles(shipments=shipments, screened=store.screened)
    prepared = training.prepare(shipments=shipments, outcomes=features.load_outcomes(engine=store.engine))
    truth = dict(zip(store.period.column("id").to_pylist(), store.illicit.tolist(), strict=True))
    pks = shipments.column("id").to_numpy(zero_copy_only=False).astype(np.int64)
    labels = np.array([truth.get(pk, False) for pk in pks.tolist()], np.int8)
    profile = np.array(store.period.column("score").to_pylist(), float)
    days = np.array([str(d) for d in store.period.column("day").to_pylist()])
    out = {"name": home.name, "generator": home.name[0], "prepared": prepared, "labels": labels, "pks": pks,
           "profile": profile, "days": days,
           "store": dataclasses.replace(store, engine=None),
           "profiles_lane": red_lane(store, assign_lanes(store.scored))}
    try:
        if not with_unit_model:
            raise InvalidInput("not asked (a training store)")
        model, laned, ours, weight = unit_model(store)
        out |= {"model_lane": red_lane(store, laned), "model_scores": ours, "model_weight": weight,
                "seizures": model.report["window"]["positives"]}
    except InvalidInput as refused:
        out |= {"model_lane": out["profiles_lane"], "model_scores": None, "model_weight": 0, "seizures": 0,
                "refused": str(refused)[:60]}
    return out


def merged(parts: list[training.Prepared]) -> training.Prepared:
    """Several stores' prepared shipments as one (each keeps the party history of its own store)."""
    names = list(dict.fromkeys(n for p in parts for n in p.numbers))
    hist = list(dict.fromkeys(n for p in parts for n in p.history))

    def column(p: training.Prepared, source: dict, name: str) -> np.ndarray:
        return source.get(name, np.full(len(p.seconds), np.nan))

    table = model_table.Table({c: np.concatenate([p.table.columns[c] for p in parts]) for c in parts[0].table.columns},
                              ["shipments"], {})
    offsets = np.cumsum([0] + [p.ngrams.matrix.shape[0] for p in parts])
    ngrams = features.Ngrams(sparse.vstack([p.ngrams.matrix for p in parts]).tocsr(),
                             np.concatenate([p.ngrams.of_row + o for p, o in zip(parts, offsets)]))
    return training.Prepared(shipments=None, labels=None,
                             numbers={n: np.concatenate([column(p, p.numbers, n) for p in parts]) for n in names},
                             history={n: np.concatenate([column(p, p.history, n) for p in parts]) for n in hist},
                             table=table, ngrams=ngrams, seconds=np.concatenate([p.seconds for p in parts]))


# The variants' features: "generic" numbers, norms, history, profiles; "encoded" + outcome-rate
# encodings; "indicators" the profiles' score and indicators alone.
VARIANTS = ("generic", "encoded", "indicators")
# The prior's booster: every shipment of the training stores is a row (tens of thousands, hundreds
# of them illicit), hence more rows a leaf and a faster rate than a unit's model.
PRIOR_SETTINGS = training.ModelSettings(rounds=300, learning_rate=0.05, num_leaves=15, min_data_in_leaf=50,
                                        start_from="")


def train_prior(stores: list[dict], variant: str, settings: training.ModelSettings = PRIOR_SETTINGS
                ) -> training.ShipmentModel:
    import lightgbm

    prepared = merged([s["prepared"] for s in stores])
    labels = np.concatenate([s["labels"] for s in stores])
    rows = np.arange(len(labels))
    weights = np.ones(len(labels))
    with generic_encodings():
        feats, encodings, rates = training._training_features(prepared=prepared, rows=rows, labels=labels, weights=weights)
    base = [*prepared.numbers, *prepared.history]
    if variant == "indicators":  # the platform's own profiles only, re-weighted by other generators' truth
        base = [n for n in base if n == "profile_score" or n.startswith("indicator_")]
    names = [n for n in (feats if variant == "encoded" else base) if n not in DROPPED]
    offset = None
    if settings.start_from:
        offset = (settings.start_from, *training.calibrate(values=feats[settings.start_from], labels=labels, weights=weights))
    model = training.ShipmentModel(settings, encodings, rates, [], names, offset=offset)
    matrix = np.column_stack([feats[n].astype(float) for n in names])
    categorical = [i for i, n in enumerate(names) if n.startswith("category(")]
    data = lightgbm.Dataset(matrix, labels, weight=weights, init_score=model.start(matrix),
                            feature_name=[model_table._safe(i, n) for i, n in enumerate(names)],
                            categorical_feature=categorical, free_raw_data=False)
    params = model_table._booster_params(settings=settings.booster(), seed=0)
    model.boosters.append(lightgbm.train(params, data, num_boost_round=settings.rounds))
    model.report = {"importance": training.importance(model=model, top=20), "rows": int(len(labels)),
                    "positives": int(labels.sum())}
    return model


def score_prior(model: training.ShipmentModel, store: dict) -> np.ndarray:
    """The prior's 0-100 score per shipment of the store (aligned with store["pks"])."""
    with generic_encodings():
        return training.score(model=model, prepared=store["prepared"]).score


def prior_lane(store: dict, values: np.ndarray, *, weight: int = 50) -> int:
    """The red lane with the prior blended in as a fully trusted model whose own top 0.5 % / 2 % of
    the period may go red / yellow alone (as `score` treats a model)."""
    s: Store = store["store"]
    window = {"positives": 100, "start_from": "prior",
              "score_at_top": {f"{share * 100:g}%": int(np.quantile(values, 1 - share, method="higher"))
                               for share in training.TOP_SHARES}}
    result = registry.ScoredShipments(s.period.column("id").to_numpy(zero_copy_only=False).astype(np.int64),
                                      values.astype(np.int64), [[] for _ in values])
    return red_lane(s, assign_lanes(service.blend_scored(s.scored, result, window=window, weight=weight)))


PRIOR_COLUMN = "profile_prior"  # a `profile_` column: the model reads it as a feature and may start from it


def with_prior(shipments: pa.Table, by_pk: dict[int, int]) -> pa.Table:
    return shipments.append_column(PRIOR_COLUMN, pa.array([by_pk.get(pk, 0) for pk in shipments.column("id").to_pylist()],
                                                          pa.int64()))


def unit_on_prior(store: dict, prior_all: np.ndarray) -> tuple[int, np.ndarray, int] | None:
    """The unit's model grown from the prior's calibrated log-odds instead of the profiles' (trained
    on the store's outcome weeks as `model train` trains): (red lane, its scores on the period,
    blend weight), or None when it refuses (no seizure)."""
    from sqlalchemy import create_engine

    s: Store = store["store"]
    engine = create_engine(f"sqlite:///{HOMES / store['name'] / 'interdict.db'}")
    by_pk = dict(zip(store["pks"].tolist(), prior_all.astype(int).tolist(), strict=True))
    until = s.outcomes_until
    shipments = features.load_shipments(engine=engine, until=until)
    screened = registry.store_screening(engine=engine, until=until)
    shipments = with_prior(registry.with_profiles(shipments=shipments, screened=screened), by_pk)
    outcomes = features.load_outcomes(engine=engine)
    prepared = training.prepare(shipments=shipments, outcomes=outcomes, known_until=until)
    try:
        model = training.fit(prepared=prepared, since=s.since, until=until, validate=False,
                             settings=training.ModelSettings(start_from=PRIOR_COLUMN))
    except InvalidInput:
        return None
    since = s.since - service.LANES_LEAD_IN
    table = features.load_shipments(engine=engine, since=since - HISTORY)
    table = with_prior(registry.with_profiles(shipments=table, screened=s.screened), by_pk)
    result = registry.score_shipments(table=table, model=model, outcomes=outcomes, since=since, explain_from=101)
    laned = assign_lanes(service.blend_scored(s.scored, result, window=model.report["window"], weight=50))
    weight = service.model_trust(model.report["window"], service.MODEL_WEIGHT_PERCENT)[0]
    return red_lane(s, laned), period_values(s, result.shipment_pk, result.score), weight


def figures(store: dict, prior: np.ndarray, prior_all: np.ndarray | None = None) -> dict:
    illicit = store["store"].illicit
    days, profile = store["days"], store["profile"]

    def top(values: np.ndarray) -> int:
        return int(daily_top(values, days)[illicit].sum())

    out = {"store": store["name"], "illicit": int(illicit.sum()), "seizures": store["seizures"],
           "profiles top": top(profile), "profiles lane": store["profiles_lane"], "model lane": store["model_lane"]}
    if store["model_scores"] is not None:
        w = store["model_weight"]
        out["model top"] = top((profile * (100 - w) + store["model_scores"] * w) // 100)
    else:
        out["model top"] = out["profiles top"]
    out["prior alone top"] = top(prior)
    out["prior blend top"] = top((profile * 50 + prior * 50) // 100)
    out["prior lane"] = prior_lane(store, prior)
    if prior_all is not None:
        unit = unit_on_prior(store, prior_all)
        if unit is None:  # no seizure: the prior alone, as above
            out["unit on prior lane"], out["unit on prior top"] = out["prior lane"], out["prior blend top"]
        else:
            lane, values, w = unit
            # with fewer than 3 seizures the unit model's share shrinks: the prior keeps the rest
            out["unit on prior lane"] = lane
            out["unit on prior top"] = top((profile * 50 + values * w + prior * (50 - w)) // 100)
    return out


def load(name: str) -> dict:
    while not (CACHE / f"{name}.pkl").exists():  # still being prepared
        time.sleep(10)
    with open(CACHE / f"{name}.pkl", "rb") as fh:
        return pickle.load(fh)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare")
    prep.add_argument("homes", type=Path, nargs="+")
    prep.add_argument("--no-model", action="store_true", help="skip the unit's model (stores the prior trains on)")
    logo = sub.add_parser("logo")
    logo.add_argument("--train", required=True, help="store names, comma-separated")
    logo.add_argument("--test", required=True, help="store names, comma-separated")
    logo.add_argument("--variant", default="generic", choices=VARIANTS)
    logo.add_argument("--start", action="store_true", help="the prior starts from the profiles' calibrated log-odds")
    logo.add_argument("--rounds", type=int, default=300)
    logo.add_argument("--unit", action="store_true", help="also the unit's model grown from the prior (out of generator)")
    args = parser.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.command == "prepare":
        for home in args.homes:
            if (CACHE / f"{home.name}.pkl").exists():
                continue
            started = time.perf_counter()
            data = prepare_store(home, with_unit_model=not args.no_model)
            with open(CACHE / f"{home.name}.part", "wb") as fh:
                pickle.dump(data, fh)
            (CACHE / f"{home.name}.part").rename(CACHE / f"{home.name}.pkl")  # whole or not at all
            print(f"{home.name}: {time.perf_counter() - started:.0f} s, seizures {data['seizures']}", flush=True)
        return
    train = [load(n) for n in args.train.split(",")]
    started = time.perf_counter()
    settings = dataclasses.replace(PRIOR_SETTINGS, rounds=args.rounds, start_from="profile_score" if args.start else "")
    prior = train_prior(train, args.variant, settings)
    print(f"prior on {args.train}: {prior.report['rows']} rows, {prior.report['positives']} illicit, "
          f"{len(prior.feature_names)} features, {time.perf_counter() - started:.0f} s", flush=True)
    print("  importance (gain):", "; ".join(f"{n} {g:.0f}" for n, g in prior.report["importance"]), flush=True)
    trained_on = {s["generator"] for s in train}
    for name in args.test.split(","):
        store = load(name)
        scores = score_prior(prior, store)
        inside = store["generator"] in trained_on
        row = figures(store, period_values(store["store"], store["pks"], scores),
                      None if inside or not args.unit else scores)
        row["in generator"] = inside
        print("  " + ", ".join(f"{k} {v}" for k, v in row.items()), flush=True)


if __name__ == "__main__":
    main()
