"""The learned model on a table of past declarations: mapping checks, leakage-free encodings,
ranking quality on planted risk, the model folder and the three commands.

Rows are built by `declarations()`, a small factory with known risk planted in it (a risky importer,
a repeated goods line, a risky word), so each test can say exactly what the model must find.
"""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml
from typer.testing import CliRunner

from interdict.errors import InvalidInput
from interdict.targeting.model import table as model_table
from interdict.targeting.model.cli import app

# shared/ lies beside the repository, on every machine and in CI.
DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "customs-declarations"

MAPPING = {
    "name": "test-declarations",
    "id": "id",
    "date": "date",
    "label": {"column": "outcome", "positive": "seized"},
    "categorical": ["office", "origin"],
    "identifiers": ["importer", "hs"],
    "numeric": ["mass", "price"],
    "text": ["goods"],
    "prefixes": [{"column": "hs", "lengths": [2]}],
    "combinations": [{"name": "goods line", "columns": ["hs", "mass", "price"]}],
    "ratios": [{"name": "unit value", "numerator": "price", "denominator": "mass"}],
    "booster": {"rounds": 40, "seeds": 1, "learning_rate": 0.1, "min_data_in_leaf": 5},
}


def declarations(
    *, rows: int, start_day: int, seed: int, days: int = 30, new_importers: bool = False
) -> list[dict[str, str]]:
    """Declarations with planted risk: importer I-RISK, goods line 930190/2.5/990 and the word "pistol"."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(rows):
        kind = rng.random()
        importer = f"I{rng.integers(0, 40 if not new_importers else 4000)}"
        hs, mass, price, goods = f"{rng.integers(10, 99)}{rng.integers(1000, 9999)}", f"{rng.integers(1, 500)}.0", f"{rng.integers(10, 9000)}.0", "toys and clothes"
        risky = False
        if kind < 0.05:
            importer, risky = "I-RISK", rng.random() < 0.9
        elif kind < 0.10:
            hs, mass, price, risky = "930190", "2.5", "990.0", rng.random() < 0.9
        elif kind < 0.15:
            goods, risky = "spare pistol parts", rng.random() < 0.9
        else:
            risky = rng.random() < 0.02
        out.append({
            "id": f"D{seed}-{i:05d}",
            "date": (date(2020, 1, 1) + timedelta(days=start_day + i * days // rows)).isoformat(),
            "office": f"O{rng.integers(0, 5)}",
            "origin": rng.choice(["CN", "TR", "DE", "RS"]),
            "importer": importer,
            "hs": hs,
            "mass": mass,
            "price": price,
            "goods": goods,
            "outcome": "seized" if risky else "cleared",
        })
    return out


def write_csv(path: Path, rows: list[dict[str, str]], *, drop: tuple[str, ...] = ()) -> Path:
    fields = [f for f in rows[0] if f not in drop]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(yaml.safe_dump(MAPPING), encoding="utf-8")
    return {
        "mapping": mapping,
        "train": write_csv(tmp_path / "train.csv", declarations(rows=1500, start_day=0, days=300, seed=1)),
        "valid": write_csv(tmp_path / "valid.csv", declarations(rows=600, start_day=300, seed=2, new_importers=True)),
        "later": write_csv(tmp_path / "later.csv", declarations(rows=600, start_day=330, seed=3, new_importers=True)),
    }


def test_precision_and_recall_at_share_count_the_top_rows():
    labels = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    scores = np.array([0.9, 0.8, 0.7, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05])
    assert model_table.precision_at(labels=labels, scores=scores, share=0.3) == pytest.approx(2 / 3)
    assert model_table.recall_at(labels=labels, scores=scores, share=0.3) == pytest.approx(2 / 3)
    # 1 % of 10 rows still means one row inspected.
    assert model_table.precision_at(labels=labels, scores=scores, share=0.01) == 1.0


def test_a_mapping_with_an_undeclared_column_names_what_to_fix(tmp_path: Path):
    bad = dict(MAPPING, prefixes=[{"column": "tariff", "lengths": [2]}])
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        model_table.load_mapping(path=path)
    assert str(path) in caught.value.message
    assert "tariff" in str(caught.value)


def test_an_unknown_mapping_key_is_refused(tmp_path: Path):
    path = tmp_path / "typo.yaml"
    path.write_text(yaml.safe_dump(dict(MAPPING, numerics=["mass"])), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        model_table.load_mapping(path=path)
    assert caught.value.problems[0].field == "numerics"


def test_a_label_value_that_never_occurs_is_an_error_listing_the_values_found(files):
    mapping = model_table.load_mapping(path=files["mapping"]).model_copy(
        update={"label": model_table.LabelColumn(column="outcome", positive="1")}
    )
    with pytest.raises(InvalidInput) as caught:
        model_table.read_table(paths=[files["train"]], mapping=mapping, purpose="train")
    problem = caught.value.problems[0]
    assert problem.field == "label.positive"
    assert "seized" in problem.message


def test_a_training_row_never_sees_its_own_outcome(files):
    mapping = model_table.load_mapping(path=files["mapping"])
    rows = declarations(rows=400, start_day=0, seed=5)
    rows[0].update(importer="ONLY-ONCE", outcome="seized")
    table = model_table.read_table(paths=[write_csv(files["train"].parent / "t.csv", rows)], mapping=mapping, purpose="train")
    labels = model_table.labels_of(table=table, mapping=mapping)
    encodings = model_table.learn_encodings(table=table, labels=labels, mapping=mapping)
    features = model_table.features_for_training(table=table, labels=labels, mapping=mapping, encodings=encodings)
    # The importer is seen only on this row: its rate must be the overall rate, its count of others 0.
    assert features["rate(importer)"][0] == pytest.approx(encodings.prior)
    assert features["rows(importer)"][0] == 0
    assert features["positives(importer)"][0] == 0
    # While a new row from the same importer, scored later, does learn from it.
    assert encodings.tables["importer"].lookup(np.array(["ONLY-ONCE"], dtype=object))[1][0] == 1


def test_the_model_finds_planted_risk_in_a_later_period_and_survives_the_model_folder(files, tmp_path):
    mapping = model_table.load_mapping(path=files["mapping"])
    train = model_table.read_table(paths=[files["train"]], mapping=mapping, purpose="train")
    valid = model_table.read_table(paths=[files["valid"]], mapping=mapping, purpose="train")
    model = model_table.fit(mapping=mapping, train=train, valid=valid)
    assert model.report["refit_on_train_and_valid"] is True
    assert model.report["fitted_on"]["rows"] == 2100
    # The planted patterns are 15 % of rows with a 90 % hit rate; random ordering would give ~15 %.
    assert model.report["metrics_on_valid"]["precision@5%"] >= 0.8

    model_table.save_model(model=model, folder=tmp_path / "model")
    again = model_table.load_model(folder=tmp_path / "model")
    later = model_table.read_table(paths=[files["later"]], mapping=mapping, purpose="score")
    np.testing.assert_allclose(model_table.score(model=again, table=later), model_table.score(model=model, table=later))
    metrics = json.loads((tmp_path / "model" / "metrics.json").read_text())
    assert {"train", "valid", "metrics_on_valid", "features"} <= set(metrics)
    assert (tmp_path / "model" / "mapping.yaml").exists() and (tmp_path / "model" / "encodings.parquet").exists()


def test_validation_on_rows_older_than_training_is_refused(files):
    mapping = model_table.load_mapping(path=files["mapping"])
    train = model_table.read_table(paths=[files["valid"]], mapping=mapping, purpose="train")
    earlier = model_table.read_table(paths=[files["train"]], mapping=mapping, purpose="train")
    with pytest.raises(InvalidInput) as caught:
        model_table.fit(mapping=mapping, train=train, valid=earlier)
    assert caught.value.problems[0].field == "--valid"


def test_unseen_categories_and_words_are_scored_not_refused(files):
    mapping = model_table.load_mapping(path=files["mapping"])
    train = model_table.read_table(paths=[files["train"]], mapping=mapping, purpose="train")
    model = model_table.fit(mapping=mapping, train=train)
    rows = declarations(rows=20, start_day=0, seed=9)
    for row in rows:
        row.update(office="NEW-OFFICE", origin="XX", importer="NEVER-SEEN", hs="000000", goods="zzz qqq")
    path = write_csv(files["train"].parent / "unseen.csv", rows, drop=("outcome",))
    scores = model_table.score(model=model, table=model_table.read_table(paths=[path], mapping=mapping, purpose="score"))
    assert np.isfinite(scores).all() and len(scores) == 20


def test_the_commands_fit_score_and_evaluate(files, tmp_path):
    runner = CliRunner()
    model_dir, scored = tmp_path / "model", tmp_path / "scores.csv"
    fitted = runner.invoke(app, ["fit-table", "--config", str(files["mapping"]), "--train", str(files["train"]),
                                 "--valid", str(files["valid"]), "--out", str(model_dir)])
    assert fitted.exit_code == 0, fitted.output
    scored_run = runner.invoke(app, ["score-table", "--model", str(model_dir), "--input", str(files["later"]),
                                     "--output", str(scored)])
    assert scored_run.exit_code == 0, scored_run.output
    with scored.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "score"] and len(rows) == 600
    values = [float(r["score"]) for r in rows]
    assert values == sorted(values, reverse=True)
    evaluated = runner.invoke(app, ["evaluate-table", "--scores", str(scored), "--labels", str(files["later"]),
                                    "--model", str(model_dir), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert json.loads(evaluated.output)["precision@5%"] >= 0.8


def test_scoring_a_file_without_a_mapped_column_names_file_and_column(files, tmp_path):
    runner = CliRunner()
    model_dir = tmp_path / "model"
    assert runner.invoke(app, ["fit-table", "--config", str(files["mapping"]), "--train", str(files["train"]),
                               "--out", str(model_dir)]).exit_code == 0
    lacking = write_csv(tmp_path / "no-mass.csv", declarations(rows=50, start_day=0, seed=4), drop=("mass",))
    result = runner.invoke(app, ["score-table", "--model", str(model_dir), "--input", str(lacking),
                                 "--output", str(tmp_path / "s.csv")])
    assert result.exit_code == 2
    assert "'mass'" in result.output and "no-mass.csv" in result.output


@pytest.mark.parametrize("name", ["customs_fraud", "customs_critical_fraud"])
def test_shipped_mappings_load_and_fit_the_published_columns(name):
    mapping = model_table.load_mapping(path=model_table.MAPPINGS_FOLDER / f"{name}.yaml")
    train_file = DATA / "df_syn_train_eng.csv"
    if not train_file.exists():
        pytest.skip("customs declarations data set not present")
    with train_file.open(newline="") as handle:
        header = next(csv.reader(handle))
    assert set(mapping.feature_columns()) | {mapping.id, mapping.date, mapping.label.column} <= set(header)


def test_time_ordered_folds_train_on_the_past_and_measure_the_next_period(files):
    mapping = model_table.load_mapping(path=files["mapping"])
    table = model_table.read_table(paths=[files["train"]], mapping=mapping, purpose="train")
    dates = table.columns["date"]
    folds = model_table.time_ordered_folds(table=table, mapping=mapping, folds=3)
    assert len(folds) == 3
    measured = np.concatenate([test for _, test in folds])
    # The three measured periods do not overlap and cover about the last three quarters of the rows.
    assert len(set(measured.tolist())) == len(measured) == pytest.approx(len(table) * 3 / 4, abs=20)
    for (train, test), (later_train, _) in zip(folds, folds[1:]):
        assert set(train.tolist()) | set(test.tolist()) == set(later_train.tolist())
    for train, test in folds:
        # Not one measured row is as old as the newest training row: no date lies on both sides.
        assert dates[train].max() < dates[test].min()


def test_more_folds_than_dates_is_an_error_naming_folds(files, tmp_path):
    mapping = model_table.load_mapping(path=files["mapping"])
    rows = declarations(rows=200, start_day=0, seed=6, days=2)
    table = model_table.read_table(paths=[write_csv(tmp_path / "two-days.csv", rows)], mapping=mapping, purpose="train")
    with pytest.raises(InvalidInput) as caught:
        model_table.time_ordered_folds(table=table, mapping=mapping, folds=3)
    assert caught.value.problems[0].field == "folds"


def test_fit_table_without_valid_trains_on_every_file_given(files, tmp_path):
    # What an evaluator runs for a later quarter: both periods as training data, no --valid.
    runner = CliRunner()
    model_dir = tmp_path / "model"
    fitted = runner.invoke(app, ["fit-table", "--config", str(files["mapping"]), "--train", str(files["train"]),
                                 "--train", str(files["valid"]), "--out", str(model_dir)])
    assert fitted.exit_code == 0, fitted.output
    metrics = json.loads((model_dir / "metrics.json").read_text())
    assert metrics["fitted_on"]["rows"] == 2100 and "metrics_on_valid" not in metrics
    assert metrics["fitted_on"]["last_date"] > "2020-10-27"


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=120),
    folds=st.integers(min_value=1, max_value=6),
)
def test_time_ordered_folds_never_put_one_date_on_both_sides(days, folds):
    mapping = model_table.TableMapping.model_validate(MAPPING)
    dates = np.array([(date(2020, 1, 1) + timedelta(days=d)).isoformat() for d in days], dtype=object)
    table = model_table.Table({"date": dates}, ["generated"])
    try:
        split = model_table.time_ordered_folds(table=table, mapping=mapping, folds=folds)
    except InvalidInput as refused:
        # Refused only when there are too few distinct dates to give every period one.
        assert refused.problems[0].field == "folds"
        assert len(set(days)) <= folds
        return
    assert len(set(days)) > folds and len(split) == folds
    for i, (train, test) in enumerate(split):
        assert len(train) and len(test)
        assert dates[train].max() < dates[test].min()
        if i + 1 < folds:
            assert set(split[i + 1][0].tolist()) == set(train.tolist()) | set(test.tolist())


def _past_mapping(path: Path) -> model_table.TableMapping:
    mapping = model_table.load_mapping(path=path)
    return mapping.model_copy(update={"encoding": mapping.encoding.model_copy(update={"history": "past"})})


def _training_features(mapping: model_table.TableMapping, table: model_table.Table) -> dict[str, np.ndarray]:
    labels = model_table.labels_of(table=table, mapping=mapping)
    encodings = model_table.learn_encodings(table=table, labels=labels, mapping=mapping)
    return model_table.features_for_training(table=table, labels=labels, mapping=mapping, encodings=encodings)


def test_with_past_history_no_later_outcome_reaches_an_earlier_row(files, tmp_path):
    mapping = _past_mapping(files["mapping"])
    rows = declarations(rows=400, start_day=0, seed=7, days=40)
    table = model_table.read_table(paths=[write_csv(tmp_path / "a.csv", rows)], mapping=mapping, purpose="train")
    # The outcomes after day 20 dealt out again to other rows of that period (the overall rate, the
    # one number every rate is smoothed towards, stays the same): the rows up to day 20 must not notice.
    later = [i for i, r in enumerate(rows) if r["date"] > "2020-01-21"]
    dealt = np.random.default_rng(0).permutation([rows[i]["outcome"] for i in later])
    shuffled = [dict(r) for r in rows]
    for i, outcome in zip(later, dealt.tolist()):
        shuffled[i]["outcome"] = outcome
    other = model_table.read_table(paths=[write_csv(tmp_path / "b.csv", shuffled)], mapping=mapping, purpose="train")
    early = table.columns["date"] <= "2020-01-21"
    assert 100 < early.sum() < 300
    before, after = _training_features(mapping, table), _training_features(mapping, other)
    changed = [name for name in before if not np.array_equal(before[name][early], after[name][early], equal_nan=True)]
    assert changed == []
    # While with random folds, later outcomes do reach earlier rows.
    folds = model_table.load_mapping(path=files["mapping"])
    assert not np.array_equal(_training_features(folds, table)["rate(importer)"][early],
                              _training_features(folds, other)["rate(importer)"][early])
    # The later rows do learn from the earlier ones: the planted goods line is known by then.
    line = (table.columns["hs"] == "930190") & ~early
    assert line.any() and (before["positives(goods line)"][line] > 0).all()


def test_with_past_history_a_goods_line_counts_only_earlier_days(files, tmp_path):
    mapping = _past_mapping(files["mapping"])
    rows = declarations(rows=60, start_day=0, seed=8, days=30)
    line = {"hs": "111111", "mass": "1.0", "price": "5.0"}
    for i, (day, outcome) in enumerate([("2020-03-01", "seized"), ("2020-03-01", "seized"),
                                        ("2020-03-02", "cleared"), ("2020-03-05", "seized")]):
        rows.append(dict(rows[0], id=f"L{i}", date=day, outcome=outcome, **line))
    table = model_table.read_table(paths=[write_csv(tmp_path / "l.csv", rows)], mapping=mapping, purpose="train")
    features = _training_features(mapping, table)
    at = np.flatnonzero(table.columns["hs"] == "111111")
    # Two the same day see nothing; the next day sees both (2 seized); three days later, three rows.
    assert features["rows(goods line)"][at].tolist() == [0, 0, 2, 3]
    assert features["positives(goods line)"][at].tolist() == [0, 0, 2, 2]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 6), st.booleans()), min_size=0, max_size=60))
def test_earlier_counts_count_the_same_key_on_earlier_days(rows):
    codes = np.array([r[0] for r in rows], dtype=np.int64)
    day = np.array([r[1] for r in rows], dtype=np.int64)
    labels = np.array([r[2] for r in rows], dtype=np.float64)
    counted, positives = model_table.earlier_counts(codes=codes, day=day, labels=labels)
    for i in range(len(rows)):
        earlier = (codes == codes[i]) & (day < day[i])
        assert counted[i] == earlier.sum() and positives[i] == labels[earlier].sum()


def test_an_unknown_encoding_history_is_refused_naming_the_field(tmp_path: Path):
    path = tmp_path / "history.yaml"
    path.write_text(yaml.safe_dump(dict(MAPPING, encoding={"history": "future"})), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        model_table.load_mapping(path=path)
    assert caught.value.problems[0].field == "encoding.history"
    assert "past" in caught.value.problems[0].message


def test_with_past_history_the_model_still_finds_planted_risk_in_a_later_period(files):
    mapping = _past_mapping(files["mapping"])
    train = model_table.read_table(paths=[files["train"]], mapping=mapping, purpose="train")
    later = model_table.read_table(paths=[files["later"]], mapping=mapping, purpose="train")
    model = model_table.fit(mapping=mapping, train=train)
    labels = model_table.labels_of(table=later, mapping=mapping)
    # The planted goods line, word and importer make up most positives: the top 5 % are nearly all hits.
    assert model_table.precision_at(labels=labels, scores=model_table.score(model=model, table=later), share=0.05) >= 0.8
