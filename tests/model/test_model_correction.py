"""The model as a correction of the profiles' score (session 5): the boosters start from the profile
score's calibrated log-odds; traffic norms as numbers; the profile score decided with the parties'
watchlist hits, as the lanes see it.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.errors import InvalidInput
from interdict.ingest.service import ingest_path
from interdict.simulate import generate
from interdict.store.schema import ready_engine
from interdict.targeting.model import features, registry, training

START = datetime(2025, 3, 3, tzinfo=timezone.utc)
CUT = START + timedelta(days=18)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[pa.Table, pa.Table]:
    """(shipments with the profiles' indicators, outcomes) of a small generated store."""
    folder = tmp_path_factory.mktemp("correction")
    generate(shipments=6000, days=28, seed=3, out=folder)
    engine = ready_engine(f"sqlite:///{folder / 'store.db'}")
    for kind in ("shipments", "outcomes"):
        ingest_path(folder / f"{kind}.ndjson", engine=engine, kind=kind)
    shipments = features.with_profile_indicators(shipments=features.load_shipments(engine=engine))
    outcomes = features.load_outcomes(engine=engine)
    engine.dispose()
    return shipments, outcomes


@pytest.fixture(scope="module")
def prepared(stored) -> training.Prepared:
    shipments, outcomes = stored
    return training.prepare(shipments=shipments, outcomes=outcomes, known_until=CUT)


def test_calibration_recovers_a_logistic_relation_and_never_slopes_down():
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 100, 20_000)
    y = (rng.random(len(x)) < 1 / (1 + np.exp(-(-6 + 0.05 * x)))).astype(np.int8)
    intercept, slope = training.calibrate(values=x, labels=y, weights=np.ones(len(x)))
    assert abs(slope - 0.05) < 0.01 and abs(intercept + 6) < 0.5
    # A score that goes the wrong way, or no positive at all: the start is the prior, flat.
    assert training.calibrate(values=x, labels=y[::-1].copy() * 0 + (x < 5), weights=np.ones(len(x)))[1] == 0.0
    intercept, slope = training.calibrate(values=x, labels=np.zeros(len(x), np.int8), weights=np.ones(len(x)))
    assert slope == 0.0 and math.isfinite(intercept)


def test_seven_seizures_perfectly_separated_give_a_finite_start():
    x = np.r_[np.random.default_rng(1).gamma(1, 9, 4950), [60, 70, 80, 90, 95, 99, 100.0]]
    y = np.r_[np.zeros(4950, np.int8), np.ones(7, np.int8)]
    w = np.r_[np.ones(4950), np.full(7, 10.0)]
    intercept, slope = training.calibrate(values=x, labels=y, weights=w)
    assert 0 < slope < 1 and -20 < intercept < 0


def test_a_model_with_few_rounds_ranks_as_the_profiles_and_keeps_its_start_when_stored(prepared):
    few = training.ModelSettings(rounds=1, learning_rate=0.001, seeds=1)
    model = training.fit(prepared=prepared, until=CUT, settings=few, validate=False)
    assert model.offset is not None and model.offset[0] == "profile_score" and model.offset[2] > 0
    later = prepared.rows_between(CUT, None)
    scored = training.score(model=model, prepared=prepared, rows=later)
    profile = prepared.numbers["profile_score"][later]
    # The boosters barely moved it: the model's ranking is the profiles' ranking.
    ranks = [np.argsort(np.argsort(v, kind="stable")) for v in (scored.probability, profile)]
    assert np.corrcoef(*ranks)[0, 1] > 0.95
    again = training.model_from_bytes(training.model_to_bytes(model))
    assert again.offset == model.offset
    assert np.allclose(training.score(model=again, prepared=prepared, rows=later).probability, scored.probability)

    plain = training.fit(prepared=prepared, until=CUT, settings=training.ModelSettings(rounds=1, learning_rate=0.001,
                                                                                       seeds=1, start_from=""),
                         validate=False)
    assert plain.offset is None
    assert np.ptp(training.score(model=plain, prepared=prepared, rows=later).probability) < 1e-3


def test_traffic_norms_are_numbers_of_every_shipment(prepared):
    numbers = prepared.numbers
    for name in features.TRAFFIC_NORMS:
        values = numbers[name]
        assert len(values) == prepared.shipments.num_rows
        known = values[~np.isnan(values)]
        assert len(known) and known.min() >= 0 and known.max() <= 1, name


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.one_of(st.none(), st.integers(0, 6))), min_size=0, max_size=60),
       st.integers(0, 5))
def test_rank_in_group_is_the_share_of_the_others_below(rows, least):
    group = np.array([g for g, _ in rows], np.int64)
    values = np.array([np.nan if v is None else float(v) for _, v in rows])
    got = features.rank_in_group(group=group, values=values, least=least)
    for i, (g, v) in enumerate(rows):
        others = [w for j, (h, w) in enumerate(rows) if j != i and h == g and w is not None]
        if v is None or len(others) < least or not others:
            assert np.isnan(got[i])
        else:
            expected = (sum(w < v for w in others) + sum(w == v for w in others) / 2) / len(others)
            assert got[i] == pytest.approx(expected)


def test_the_profile_score_is_decided_with_the_parties_watchlist_hits():
    row = {"id": 1, "reporter": "R", "shipment_id": "S1", "reported_at": START, "mode": "postal", "direction": "import",
           "origin_country": "CN", "destination_country": "RS", "gross_weight_g": 1000, "descriptions_norm": "igracke",
           "hs_codes": "950300", "consignee_name_norm": "petrovic marko"}
    table = pa.table({k: pa.array([v], pa.timestamp("us", tz="UTC")) if k == "reported_at" else pa.array([v])
                      for k, v in row.items()})
    hit = "NATIONAL/P-1: consignee name matches 'Petrović Marko' (94: transliteration)"
    plain = registry.with_profiles(shipments=table)
    screened = registry.with_profiles(shipments=table, screened=pa.table({"id": [1], "watchlist_hits": [[hit]]}))
    assert screened.column("profile_score")[0].as_py() > plain.column("profile_score")[0].as_py()
    assert screened.column("indicator_splitting_and_identity.watchlist_hit")[0].as_py() == 1
    # The lists themselves are not features (the model reads numbers); what the profiles made of them is.
    assert not {"watchlist_hits", "watchlist_hit_kinds"} & set(screened.column_names)


def test_a_correction_of_the_profiles_is_trusted_from_the_fewest_seizures():
    from interdict.targeting.service import MODEL_CORRECTION_TRUST, MODEL_FULL_TRUST, model_trust

    top = {"0.5%": 81, "2%": 64}
    few = {"positives": MODEL_CORRECTION_TRUST, "score_at_top": top}
    assert MODEL_CORRECTION_TRUST < MODEL_FULL_TRUST
    assert model_trust({**few, "start_from": "profile_score"}, 50) == (50, 81, 64)
    # The same seizures, a model grown from nothing (or stored before session 5): a share, no red.
    assert model_trust(few, 50)[0] < 50 and model_trust(few, 50)[1] is None
    assert model_trust({**few, "start_from": None}, 50) == model_trust(few, 50)


@pytest.mark.parametrize("kept", [1, 2])
def test_one_or_two_seizures_give_a_model_shrunk_toward_the_profiles_and_none_is_refused(stored, kept):
    from interdict.targeting.service import model_trust

    shipments, outcomes = stored
    seizure = np.array([r == "seizure" for r in outcomes.column("result").to_pylist()])
    # All inspections stay, but only the first `kept` seizures: a third generator's outcome weeks.
    keep = ~seizure | (np.cumsum(seizure) <= kept)
    few = training.prepare(shipments=shipments, outcomes=outcomes.filter(pa.array(keep)), known_until=CUT)
    model = training.fit(prepared=few, until=CUT, settings=training.ModelSettings(rounds=30, seeds=1), validate=False)
    window = model.report["window"]
    assert window["positives"] == kept and window["start_from"] == "profile_score"
    # Its share of the blend shrinks with the seizures, and alone it may make no lane.
    weight, red_from, yellow_from = model_trust(window, 50)
    assert 0 < weight < 50 and red_from is None and yellow_from is None
    later = few.rows_between(CUT, None)
    ranks = [np.argsort(np.argsort(v, kind="stable")) for v in
             (training.score(model=model, prepared=few, rows=later).probability, few.numbers["profile_score"][later])]
    assert np.corrcoef(*ranks)[0, 1] > 0.8

    none = training.prepare(shipments=shipments, outcomes=outcomes.filter(pa.array(~seizure)), known_until=CUT)
    with pytest.raises(InvalidInput) as refused:
        training.fit(prepared=none, until=CUT, validate=False)
    assert refused.value.problems[0].value == 0 and "at least 1" in str(refused.value)


def test_n_grams_learned_without_a_positive_say_nothing_rather_than_minus_infinity():
    # An out-of-fold part of a few seizures may hold none of them.
    ngrams = features.description_ngrams(np.array(["pistolj delovi", "igracke", "pistolj"], dtype=object))
    matrix = ngrams.rows(np.arange(3))
    rates = features.learn_ngram_rates(matrix=matrix, labels=np.zeros(3), weights=np.ones(3))
    out = features.ngram_features(matrix=matrix, rates=rates)
    assert all(np.isfinite(values).all() for values in out.values())
    assert np.all(out["description n-grams: summed lift"] == 0)
