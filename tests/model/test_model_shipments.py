"""The shipment-level model: labels from outcomes, party history from earlier data only, training with
inverse-propensity weights, scores with their contributing features, the registry and its commands.

Traffic comes from the generator (a few thousand shipments, seeded) ingested into the `engine`
fixture, so every test reads the store exactly as `interdict model train` does.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from typer.testing import CliRunner

from interdict.errors import InvalidInput, NotFound
from interdict.ingest.service import ingest_path
from interdict.simulate import generate
from interdict.targeting.model import evaluation, exploration, features, registry, training
from interdict.targeting.model.cli import app

START = datetime(2025, 3, 3, tzinfo=timezone.utc)
FAST = training.ModelSettings(rounds=60, seeds=2, learning_rate=0.1)


@pytest.fixture(scope="module")
def traffic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("traffic")
    generate(shipments=6000, days=28, seed=3, out=folder)
    return folder


def _ingest(engine, folder: Path) -> None:
    for kind, name in (("shipments", "shipments.ndjson"), ("outcomes", "outcomes.ndjson")):
        ingest_path(folder / name, engine=engine, kind=kind)


def _table(rows: list[dict]) -> pa.Table:
    base = {"reporter": "R", "mode": "postal", "direction": "import", "origin_country": "CN",
            "destination_country": "RS", "gross_weight_g": 1000, "descriptions_norm": "igracke", "hs_codes": "950300"}
    rows = [{**base, **r} for r in rows]
    columns = {k: [r.get(k) for r in rows] for k in {k for r in rows for k in r}}
    columns["reported_at"] = pa.array(columns["reported_at"], pa.timestamp("us", tz="UTC"))
    return pa.table(columns)


def test_history_counts_only_earlier_shipments_and_known_seizures():
    day = timedelta(days=1)
    shipments = _table([
        {"id": 1, "shipment_id": "a", "reported_at": START, "consignee_phone_norm": "+381601"},
        {"id": 2, "shipment_id": "b", "reported_at": START + day, "consignee_phone_norm": "+381601"},
        {"id": 3, "shipment_id": "c", "reported_at": START + 10 * day, "consignee_phone_norm": "+381601"},
        {"id": 4, "shipment_id": "d", "reported_at": START + 10 * day, "consignee_phone_norm": "+381999"},
    ])
    outcomes = features.outcomes_table([{"reporter": "R", "shipment_id": "a", "inspected_at": START + 2 * day,
                                         "result": "seizure", "findings": [{"category": "firearm_part"}]}])
    labels = features.label_shipments(shipments=shipments, outcomes=outcomes)
    assert labels.target.tolist() == [True, False, False, False]
    history = features.party_history(shipments=shipments, outcomes=outcomes, labels=labels)
    assert history["earlier shipments (consignee phone)"].tolist() == [0, 1, 2, 0]
    # The seizure of 'a' was made on day 2: 'b' (day 1) cannot know it, 'c' (day 10) does.
    assert history["earlier seizures (consignee phone)"].tolist() == [0, 0, 1, 0]
    assert history[f"shipments in last {features.RECENT_DAYS} days (consignee phone)"].tolist() == [0, 1, 0, 0]


def test_cash_is_a_target_finding_cigarettes_and_counterfeits_are_other_contraband():
    shipments = _table([{"id": i, "shipment_id": s, "reported_at": START} for i, s in enumerate("abcd", 1)])
    outcomes = features.outcomes_table([
        {"reporter": "R", "shipment_id": "a", "inspected_at": START, "result": "seizure", "findings": [{"category": "cash"}]},
        {"reporter": "R", "shipment_id": "b", "inspected_at": START, "result": "seizure",
         "findings": [{"category": "other"}, {"category": "ammunition"}]},
        {"reporter": "R", "shipment_id": "c", "inspected_at": START, "result": "irregularity"},
        {"reporter": "R", "shipment_id": "d", "inspected_at": START, "result": "seizure", "findings": [{"category": "other"}]},
    ])
    labels = features.label_shipments(shipments=shipments, outcomes=outcomes)
    assert labels.target.tolist() == [True, True, False, False]
    assert labels.other_contraband.tolist() == [False, False, False, True]
    assert labels.inspected.all()
    assert labels.category.tolist() == ["cash", "ammunition", "", "other"]


def test_train_score_register_activate_rollback(engine, traffic):
    _ingest(engine, traffic)
    shipments = features.load_shipments(engine=engine)
    outcomes = features.load_outcomes(engine=engine)
    cut = START + timedelta(days=18)
    prepared = training.prepare(shipments=shipments, outcomes=outcomes, known_until=cut)
    model = training.fit(prepared=prepared, until=cut, settings=FAST)
    window = model.report["window"]
    # Every shipment of the window is a row (the default population), the uninspected as negatives.
    assert window["training_rows"] == window["shipments"] > window["inspected"]
    assert "validation" in model.report and model.report["features"] == model.feature_names

    # The stored model scores exactly as the trained one.
    restored = training.model_from_bytes(training.model_to_bytes(model))
    later = prepared.rows_between(cut, None)
    assert np.allclose(training.score(model=model, prepared=prepared, rows=later).probability,
                       training.score(model=restored, prepared=prepared, rows=later).probability)

    first = registry.register_model(engine=engine, model=model, activate=True)
    second = registry.register_model(engine=engine, model=model, note="again")
    assert [v["version"] for v in registry.list_models(engine=engine)] == [second, first]
    registry.activate_model(engine=engine, version=second)
    assert registry.active_version(engine=engine) == second
    assert registry.rollback_model(engine=engine) == first
    assert registry.active_window(engine=engine)["positives"] == window["positives"] > 0
    with pytest.raises(NotFound):
        registry.activate_model(engine=engine, version=99)

    scored = registry.score_shipments(engine=engine, since=cut)
    assert len(scored.shipment_pk) == len(later)
    assert scored.score.min() >= 0 and scored.score.max() <= 100
    assert all(len(top) <= 3 for top in scored.top_features)
    riskiest = int(np.argmax(scored.score))
    assert scored.top_features[riskiest] and all(v > 0 for _, v in scored.top_features[riskiest])
    assert set(scored.shipment_pk.tolist()) <= set(shipments.column("id").to_pylist())
    # Explaining only the shipments that can reach a lane gives them the same features, the rest none.
    threshold = int(np.median(scored.score)) + 1
    partly = registry.score_shipments(engine=engine, since=cut, explain_from=threshold)
    assert partly.score.tolist() == scored.score.tolist()
    assert all(top == ([] if s < threshold else full)
               for s, top, full in zip(scored.score, partly.top_features, scored.top_features, strict=True))


def test_scoring_a_day_reads_the_party_history_of_the_look_back_only(engine, traffic, monkeypatch):
    # However old the store, scoring today reads HISTORY of it: the cost does not grow with its age.
    _ingest(engine, traffic)
    cut = START + timedelta(days=18)
    prepared = training.prepare(shipments=features.load_shipments(engine=engine),
                                outcomes=features.load_outcomes(engine=engine), known_until=cut)
    registry.register_model(engine=engine, model=training.fit(prepared=prepared, until=cut, settings=FAST), activate=True)
    read: list[pa.Table] = []
    real_prepare = training.prepare
    monkeypatch.setattr(training, "prepare", lambda *, shipments, **kw: read.append(shipments) or real_prepare(shipments=shipments, **kw))
    monkeypatch.setattr(registry, "HISTORY", timedelta(days=5))

    scored = registry.score_shipments(engine=engine, since=cut)

    [table] = read
    oldest = pc.min(table.column("reported_at")).as_py()
    assert cut - timedelta(days=5) <= oldest < cut - timedelta(days=4)  # five days of history, no more
    assert len(scored.shipment_pk) == len(prepared.rows_between(cut, None))  # every shipment since the cut


def test_a_seizure_counts_as_the_uninspected_shipments_like_it(engine, traffic):
    _ingest(engine, traffic)
    prepared = training.prepare(shipments=features.load_shipments(engine=engine), outcomes=features.load_outcomes(engine=engine))
    window = prepared.rows_between(None, START + timedelta(days=18))
    rows, labels, weights = training.training_weights(prepared=prepared, rows=window, settings=FAST)
    chance = training.inspection_propensity(prepared=prepared, rows=window, settings=FAST)
    assert rows.tolist() == window.tolist() and labels.sum() >= 3
    assert np.all(weights[labels == 0] == 1)
    # A seizure weighs 1 / its chance of inspection, capped: the less likely its kind is opened, the more.
    assert np.allclose(weights[labels == 1], np.minimum(1 / chance[labels == 1], FAST.positive_max_weight))


def test_auto_learns_from_every_shipment_while_seizures_are_few_then_from_the_inspected():
    auto = training.ModelSettings()
    assert auto.population == "auto"
    assert training.chosen_population(settings=auto, positives=training.INSPECTED_FROM - 1) == "all"
    assert training.chosen_population(settings=auto, positives=training.INSPECTED_FROM) == "inspected"
    fixed = training.ModelSettings(population="all")
    assert training.chosen_population(settings=fixed, positives=10 * training.INSPECTED_FROM) == "all"
    # A handful of seizures, or the tens of three weeks of a busy unit, train on every shipment
    # (docs/model.md, "Session 7: 12 tried, 60 kept").
    assert training.chosen_population(settings=auto, positives=7) == "all"
    assert training.chosen_population(settings=auto, positives=25) == "all"
    with pytest.raises(InvalidInput) as refused:
        training.ModelSettings(population="everything")
    assert refused.value.problems[0].field == "population" and refused.value.problems[0].value == "everything"


def test_a_model_is_trusted_as_far_as_the_seizures_it_learned_from():
    from interdict.targeting.service import MODEL_FULL_TRUST, MODEL_RED_TRUST, MODEL_YELLOW_TRUST, model_trust

    top = {"0.5%": 81, "2%": 64}
    assert model_trust({"positives": 0, "score_at_top": top}, 50) == (0, None, None)
    assert model_trust({"positives": MODEL_YELLOW_TRUST, "score_at_top": top}, 50)[1:] == (None, 64)
    assert model_trust({"positives": MODEL_RED_TRUST, "score_at_top": top}, 50)[1:] == (81, 64)
    full = model_trust({"positives": MODEL_FULL_TRUST, "score_at_top": top}, 50)
    assert full == model_trust({"positives": 10 * MODEL_FULL_TRUST, "score_at_top": top}, 50) == (50, 81, 64)
    assert model_trust({"positives": 1}, 50)[0] < full[0]


def test_a_model_knows_the_top_of_its_window_and_alone_lanes_only_that_naming_its_features(engine, traffic):
    from interdict.targeting.service import score_period

    _ingest(engine, traffic)
    cut = START + timedelta(days=18)
    prepared = training.prepare(shipments=features.load_shipments(engine=engine),
                                outcomes=features.load_outcomes(engine=engine), known_until=cut)
    model = training.fit(prepared=prepared, until=cut, settings=FAST, validate=False)
    top = model.report["window"]["score_at_top"]
    scores = training.score(model=model, prepared=prepared, rows=prepared.rows_between(None, cut)).score
    # About half a percent of the window's shipments score at least the 0.5 % mark, 2 % the other.
    assert np.mean(scores >= top["0.5%"]) >= 0.005 and np.mean(scores > top["0.5%"]) < 0.005
    assert np.mean(scores >= top["2%"]) >= 0.02 and np.mean(scores > top["2%"]) < 0.02

    registry.register_model(engine=engine, model=model, activate=True)
    _, laned = score_period(engine=engine, since=cut, keep=False, screen=False)
    rows = laned.to_pylist()
    explained = [r for r in rows if r["model_score"] >= top["2%"]]
    assert explained and all("learned model" in r["reasons"] for r in explained)
    assert not any("learned model" in (r["reasons"] or "") for r in rows if r["model_score"] < top["2%"])
    # Without a profile's red eligibility, only the model's top half percent may be red-eligible.
    alone = [r for r in rows if r["red_eligible"] and not r["profiles"]]
    assert all(r["model_score"] >= top["0.5%"] for r in alone)


def test_evaluation_against_truth_beats_random(engine, traffic):
    _ingest(engine, traffic)
    shipments = features.with_profile_indicators(shipments=features.load_shipments(engine=engine))
    outcomes = features.load_outcomes(engine=engine)
    cut = START + timedelta(days=18)
    model = training.fit(prepared=training.prepare(shipments=shipments, outcomes=outcomes, known_until=cut),
                         until=cut, settings=FAST, validate=False)
    assert any(n.startswith("indicator_") for n in model.feature_names)
    report = evaluation.evaluate_model(model=model, shipments=shipments, outcomes=outcomes, since=cut,
                                       truth=evaluation.read_truth(path=traffic / "truth.ndjson"))
    assert report["labels"] == "truth" and report["illicit"] > 0
    assert report["model"]["illicit"]["recall@5%"] > report["random"]["illicit"]["recall@5%"]
    assert set(report["model"]["per_category"]) <= set(features.TARGET_CATEGORIES | features.OTHER_CONTRABAND)


def test_exploration_spends_its_share_on_doubt():
    scores = np.array([0.9, 0.8, 0.1, 0.1, 0.1])
    unsure = np.array([0.0, 0.0, 0.1, 0.9, 0.2])
    assert exploration.select_for_inspection(scores=scores, unsure=unsure, capacity=2, exploration=0.5).tolist() == [0, 3]
    assert exploration.select_for_inspection(scores=scores, unsure=unsure, capacity=2, exploration=0).tolist() == [0, 1]


def test_simulated_weeks_name_the_seizures_their_retraining_learned_from(engine, traffic):
    _ingest(engine, traffic)
    shipments = features.load_shipments(engine=engine)
    outcomes = features.load_outcomes(engine=engine)
    first = outcomes.filter(pc.less(outcomes.column("inspected_at"),
                                    pa.scalar(START + timedelta(weeks=2), outcomes.column("inspected_at").type)))
    weeks = exploration.simulate(shipments=shipments, first_outcomes=first, start=START, weeks=4, settings=FAST,
                                 truth=evaluation.read_truth(path=traffic / "truth.ndjson"), exploration=0.2, seed=1)
    assert [w.week for w in weeks] == [3, 4]
    # Each week learns from every outcome so far: the regime's, then what the model's own lane found.
    assert 0 < weeks[0].seizures <= weeks[1].seizures
    for w in weeks:
        assert w.population == training.chosen_population(settings=FAST, positives=w.seizures)
        assert 0 <= w.found <= w.illicit and w.inspected == int(np.ceil(0.02 * w.shipments))

def test_commands(configured, traffic):
    _ingest(configured, traffic)
    runner = CliRunner()
    result = runner.invoke(app, ["train", "--to", "2025-03-20", "--activate", "--no-profiles"])
    assert result.exit_code == 0, result.output
    assert "version 1 (active)" in result.output
    assert runner.invoke(app, ["train", "--to", "2025-03-20", "--no-profiles"]).exit_code == 0
    listed = runner.invoke(app, ["list"])
    assert listed.exit_code == 0 and "yes" in listed.output
    assert runner.invoke(app, ["activate", "2"]).exit_code == 0
    rolled = runner.invoke(app, ["rollback"])
    assert rolled.exit_code == 0 and "version 1" in rolled.output
    evaluated = runner.invoke(app, ["evaluate", "--from", "2025-03-21", "--truth", str(traffic / "truth.ndjson"), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert '"random"' in evaluated.output
    missing = runner.invoke(app, ["activate", "7"])
    assert missing.exit_code == 2
    # One seizure by then (the traffic's first, inspected on 11 March): trained, and told how far it is trusted.
    few = runner.invoke(app, ["train", "--to", "2025-03-12"])
    assert few.exit_code == 0, few.output
    assert "1 seizure learned from" in few.output and "makes no shipment red on its own" in few.output
