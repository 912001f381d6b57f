"""The columnar feature builder gives exactly the features of the row-by-row one it replaced
(`reference_features.py`, the code as it was): on generated traffic as ingested, on the same traffic
with every report and inspection moved onto shared seconds (ties everywhere), on random small party
histories (Hypothesis), and on the table path's declarations. Equal means equal value for value,
missing where missing: a model trained before the change scores the same after it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.ingest.service import ingest_path
from interdict.simulate import generate
from interdict.store.schema import ready_engine
from interdict.targeting.model import features, training
from interdict.targeting.model import table as model_table
from tests.model import reference_features as reference
from tests.model.test_model_table import MAPPING, declarations

START = datetime(2025, 3, 3, tzinfo=timezone.utc)
CUT = START + timedelta(days=18)
FAST = training.ModelSettings(rounds=30, seeds=2, learning_rate=0.1)
DAY = features.DAY


@pytest.fixture(scope="module")
def traffic(tmp_path_factory: pytest.TempPathFactory) -> tuple[pa.Table, pa.Table]:
    folder: Path = tmp_path_factory.mktemp("fast-features")
    generate(shipments=6000, days=28, seed=3, out=folder)
    engine = ready_engine(f"sqlite:///{folder / 'store.db'}")
    for kind, name in (("shipments", "shipments.ndjson"), ("outcomes", "outcomes.ndjson")):
        ingest_path(folder / name, engine=engine, kind=kind)
    shipments = features.with_profile_indicators(shipments=features.load_shipments(engine=engine))
    outcomes = features.load_outcomes(engine=engine)
    engine.dispose()
    return shipments, outcomes


def test_profile_indicator_columns_equal_the_row_by_row_ones(traffic):
    shipments, _ = traffic
    plain = shipments.drop_columns([c for c in shipments.column_names if c.startswith(("profile_score", "indicator_"))])
    assert shipments.equals(features.with_profile_indicators(shipments=plain))
    assert shipments.equals(reference.with_profile_indicators(shipments=plain))
    assert pc.sum(shipments.column("profile_score")).as_py() > 0


def _on_the_hour(table: pa.Table, column: str) -> pa.Table:
    floored = pc.floor_temporal(table.column(column), unit="hour")
    return table.set_column(table.schema.get_field_index(column), column, floored)


def _equal(new: dict[str, np.ndarray], old: dict[str, np.ndarray]) -> None:
    assert list(new) == list(old)
    for name in old:
        a, b = np.asarray(new[name]), np.asarray(old[name])
        if a.dtype == object or b.dtype == object:
            assert a.tolist() == b.tolist(), name
        else:
            assert np.array_equal(a.astype(float), b.astype(float), equal_nan=True), name


def _without_norms(columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {name: values for name, values in columns.items() if name not in features.TRAFFIC_NORMS}


@pytest.mark.parametrize("times", ["as generated", "all on the hour"])
def test_columnar_features_equal_the_row_by_row_ones(traffic, times, monkeypatch):
    shipments, outcomes = traffic
    if times == "all on the hour":
        # Reports and inspections share seconds: order by row, and an inspection at the very second
        # of a report is not yet known to it.
        shipments, outcomes = _on_the_hour(shipments, "reported_at"), _on_the_hour(outcomes, "inspected_at")
    new = training.prepare(shipments=shipments, outcomes=outcomes, known_until=CUT)
    old = reference.prepare(shipments=shipments, outcomes=outcomes, known_until=CUT)
    for field in ("inspected", "target", "other_contraband", "at_random", "inspected_at", "category"):
        assert getattr(new.labels, field).tolist() == getattr(old["labels"], field).tolist(), field
    # The traffic norms (session 5) came after the replaced code: the features it had are compared.
    _equal(_without_norms(new.numbers), old["numbers"])
    _equal(new.history, old["history"])
    _equal(new.table.columns, old["table"].columns)
    assert new.labels.target.sum() > 0 and np.nanmax(new.history["earlier seizures (consignee phone)"]) > 0

    # What training sees: out-of-fold encodings and n-gram rates of the inspected rows.
    window = new.rows_between(None, CUT)
    rows, labels, weights = training.training_weights(prepared=new, rows=window, settings=FAST)
    fitted, encodings, rates = training._training_features(prepared=new, rows=rows, labels=labels, weights=weights)
    fitted_before, encodings_before, rates_before = reference.training_features(prepared=old, rows=rows, labels=labels,
                                                                                weights=weights)
    _equal(_without_norms(fitted), fitted_before)
    assert np.array_equal(rates.rows, rates_before.rows) and np.array_equal(rates.positives, rates_before.positives)
    for name, t in encodings_before.tables.items():
        assert encodings.tables[name].values.tolist() == t.values.tolist(), name
        assert np.array_equal(encodings.tables[name].positives, t.positives), name

    # What scoring sees, for the later shipments and for all of them (the path without a copy).
    model = training.fit(prepared=new, until=CUT, settings=FAST, validate=False)
    for scored in (new.rows_between(CUT, None), np.arange(shipments.num_rows)):
        features_now = training._features(prepared=new, rows=scored, encodings=model.encodings, ngram_rates=model.ngram_rates)
        features_before = reference.scoring_features(prepared=old, rows=scored, encodings=model.encodings,
                                                     ngram_rates=model.ngram_rates)
        _equal(_without_norms(features_now), features_before)
        matrix = training.feature_matrix(model=model, prepared=new, rows=scored)
        before = np.column_stack([(features_before[n] if n in features_before else features_now[n]).astype(float)
                                  for n in model.feature_names])
        assert np.array_equal(matrix, before, equal_nan=True)
        # The boosters grow from the profile score's calibrated log-odds (`offset`), in raw scores.
        start = model.offset[1] + model.offset[2] * features_before["profile_score"]
        probability = np.mean([1 / (1 + np.exp(-(start + b.predict(before, raw_score=True)))) for b in model.boosters], axis=0)
        assert np.allclose(training.score(model=model, prepared=new, rows=scored).probability, probability, rtol=1e-12)

    # Scored in parts (the next part's features built while one is predicted): the same scores and
    # the same top features as in one piece.
    whole = training.score(model=model, prepared=new, contributions=3, explain_from=30)
    monkeypatch.setattr(training, "SCORING_ROWS", 701)
    parts = training.score(model=model, prepared=new, contributions=3, explain_from=30)
    assert np.array_equal(parts.probability, whole.probability) and parts.top_features == whole.top_features
    assert any(parts.top_features) and not all(parts.top_features)


# Reports on days whose differences hit the 7- and 30-day bounds exactly (and a second either side).
_when = st.tuples(st.sampled_from([0, 1, 6, 7, 8, 23, 29, 30, 31, 37, 38, 60]), st.sampled_from([0, 0, 1])).map(
    lambda d: d[0] * DAY + d[1])
_party = st.sampled_from(["", "a", "b", "c", None])
_shipment = st.fixed_dictionaries({
    "t": _when, "consignee_phone_norm": _party, "consignee_address_norm": _party, "consignee_name_norm": _party,
    "shipper_name_norm": _party,
    # None: not inspected; else seconds after the report (negative: before it, as bad data may say).
    "inspected_after": st.one_of(st.none(), st.sampled_from([-1, 0, 1, DAY, 10 * DAY])),
    "seized": st.booleans(),
})


@settings(max_examples=60, deadline=None)
@given(st.lists(_shipment, min_size=1, max_size=40))
def test_party_history_equals_the_window_queries(rows):
    stamp = [START + timedelta(seconds=r["t"]) for r in rows]
    shipments = pa.table({
        "reporter": ["R"] * len(rows), "shipment_id": [f"s{i}" for i in range(len(rows))],
        "reported_at": pa.array(stamp, pa.timestamp("us", tz="UTC")),
        **{key: [r[key] for r in rows] for key in ("consignee_phone_norm", "consignee_address_norm",
                                                   "consignee_name_norm", "shipper_name_norm")},
    })
    outcomes = features.outcomes_table([
        {"reporter": "R", "shipment_id": f"s{i}", "inspected_at": stamp[i] + timedelta(seconds=r["inspected_after"]),
         "result": "seizure" if r["seized"] else "no_finding", "findings": [{"category": "pistol"}] if r["seized"] else []}
        for i, r in enumerate(rows) if r["inspected_after"] is not None
    ])
    labels = features.label_shipments(shipments=shipments, outcomes=outcomes)
    before = reference.label_shipments(shipments=shipments, outcomes=outcomes)
    assert labels.inspected.tolist() == before.inspected.tolist() and labels.target.tolist() == before.target.tolist()
    _equal(features.party_history(shipments=shipments, outcomes=outcomes, labels=labels),
           reference.party_history(shipments=shipments, outcomes=outcomes, labels=labels))


_words = st.lists(st.sampled_from(["pistol", "Pistol", "dio", "dijelovi", "пиштољ", "ß", "", "9mm", "a-b"]), max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(_words.map(" ".join), min_size=1, max_size=30), st.lists(st.text(max_size=6), max_size=10))
def test_word_pairs_and_lookups_equal_the_row_by_row_ones(texts, known):
    values = np.array(texts, dtype=object)
    rows, words = model_table._word_keys(values)
    rows_before, words_before = reference._word_keys(values)
    assert rows.tolist() == rows_before.tolist() and words.tolist() == words_before.tolist()
    table = model_table.learn_table(keys=np.array(known + texts[:3], dtype=object), labels=np.ones(len(known) + min(3, len(texts))))
    looked = table.lookup(values)
    looked_before = reference.lookup(table, values)
    assert looked[0].tolist() == looked_before[0].tolist() and looked[1].tolist() == looked_before[1].tolist()


def test_table_path_features_equal_the_row_by_row_ones():
    mapping = model_table.TableMapping(**MAPPING)
    rows = declarations(rows=800, start_day=0, days=200, seed=4)
    # The same amount written two ways must stay one key.
    for r in rows[::7]:
        r["mass"] = r["mass"].removesuffix(".0")
    train = model_table.Table({c: np.array([r[c] for r in rows[:600]], dtype=object) for c in rows[0]}, ["train"])
    later = model_table.Table({c: np.array([r[c] for r in rows[600:]], dtype=object) for c in rows[0]}, ["later"])
    labels = model_table.labels_of(table=train, mapping=mapping)
    encodings = model_table.learn_encodings(table=train, labels=labels, mapping=mapping)
    before = reference.learn_encodings(table=train, labels=labels, mapping=mapping)
    assert encodings.categories == before.categories
    for name, t in before.tables.items():
        assert encodings.tables[name].values.tolist() == t.values.tolist(), name
    _equal(model_table.encoded_keys(table=later, mapping=mapping), reference.encoded_keys(table=later, mapping=mapping))
    _equal(model_table.features_for_training(table=train, labels=labels, mapping=mapping, encodings=encodings),
           reference.features_for_training(table=train, labels=labels, mapping=mapping, encodings=before))
    _equal(model_table.features_for_scoring(table=later, mapping=mapping, encodings=encodings),
           reference.features_for_scoring(table=later, mapping=mapping, encodings=before))


def test_an_empty_table_prepares_to_empty_columns(traffic):
    prepared = training.prepare(shipments=traffic[0].slice(0, 0), outcomes=features.outcomes_table([]))
    assert len(prepared.seconds) == 0 and prepared.ngrams.matrix.shape[0] == 0
    assert all(len(v) == 0 for v in [*prepared.history.values(), *prepared.numbers.values()])


def _plus_microseconds(table: pa.Table, column: str, micros: int) -> pa.Table:
    """`column` moved `micros` microseconds later, as a partner that sends fractions of a second writes it."""
    shifted = pc.add(table.column(column), pa.scalar(timedelta(microseconds=micros), pa.duration("us")))
    return table.set_column(table.schema.get_field_index(column), column, shifted)


def test_fractions_of_a_second_prepare_and_train_as_whole_seconds(traffic):
    """A fifth generator's traffic carried microseconds in `reported_at`: training failed on it
    ("casting ... would lose data"). A time is its whole second, as with times on the second."""
    shipments, outcomes = traffic
    whole = training.prepare(shipments=_on_the_hour(shipments, "reported_at"),
                             outcomes=_on_the_hour(outcomes, "inspected_at"), known_until=CUT)
    fractional = training.prepare(shipments=_plus_microseconds(_on_the_hour(shipments, "reported_at"), "reported_at", 250_001),
                                  outcomes=_plus_microseconds(_on_the_hour(outcomes, "inspected_at"), "inspected_at", 999_999),
                                  known_until=CUT)
    assert np.array_equal(fractional.seconds, whole.seconds)
    _equal(fractional.history, whole.history)
    model = training.fit(prepared=fractional, until=CUT, settings=FAST, validate=False)
    assert training.score(model=model, prepared=fractional).probability.shape == (shipments.num_rows,)
