"""Command line for the learned risk model on tables of past declarations (`interdict model ...`).

`fit-table` trains from a mapping and CSV files, `score-table` ranks new rows, `evaluate-table`
measures a ranking against the known outcomes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import numpy as np
import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from interdict.errors import InterdictError, InvalidInput, Problem
from interdict.targeting.model import table as model_table

app = typer.Typer(help="Learned risk model: trained on the store's inspection outcomes, or on a table of past declarations through a column mapping.")
console = Console()


@contextmanager
def _user_errors() -> Iterator[None]:
    # The same rendering as every other command: the message, each problem, what to do; exit code 2.
    try:
        yield
    except InterdictError as err:
        console.print(f"[bold red]{type(err).__name__}[/]: {err}", highlight=False)
        raise typer.Exit(code=2) from None


@contextmanager
def _steps(title: str) -> Iterator[model_table.Progress]:
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task(title)
        yield lambda message: bar.update(task, description=f"{title}: {message}")
        bar.update(task, description=f"{title}: done")


def _report_table(title: str, report: dict) -> RichTable:
    shown = RichTable(title=title)
    shown.add_column("measure")
    shown.add_column("value", justify="right")
    for key, value in report.items():
        shown.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    return shown


@app.command("fit-table")
def fit_table(
    config: Annotated[Path, typer.Option("--config", help="Mapping YAML: id, date, label and feature columns.")],
    train: Annotated[list[Path], typer.Option("--train", help="CSV of past declarations with outcomes; repeatable.")],
    out: Annotated[Path, typer.Option("--out", help="Model folder to write.")],
    valid: Annotated[
        list[Path] | None,
        typer.Option("--valid", help="CSV of a LATER period: early stopping and reported metrics; repeatable."),
    ] = None,
    refit: Annotated[
        bool, typer.Option(help="After validating, retrain on train and valid together (the model kept).")
    ] = True,
) -> None:
    """Train the model on TRAIN (and VALID) and write it to OUT."""
    with _user_errors():
        mapping = model_table.load_mapping(path=config)
        with _steps("reading") as step:
            step(", ".join(str(p) for p in train))
            train_rows = model_table.read_table(paths=train, mapping=mapping, purpose="train")
            valid_rows = model_table.read_table(paths=valid, mapping=mapping, purpose="train") if valid else None
        with _steps("fitting") as step:
            model = model_table.fit(mapping=mapping, train=train_rows, valid=valid_rows, refit=refit, progress=step)
        model_table.save_model(model=model, folder=out)
    report = model.report
    console.print(
        f"Trained [bold]{mapping.name}[/] on {report['train']['rows']:,} rows "
        f"({report['train']['first_date']} to {report['train']['last_date']}, "
        f"{report['train']['positives']:,} positive); {len(model.boosters)} booster(s), "
        f"{report['rounds']} rounds, {len(model.feature_names)} features."
    )
    if "metrics_on_valid" in report:
        console.print(_report_table(f"On valid ({report['valid']['first_date']} to {report['valid']['last_date']})",
                                    report["metrics_on_valid"]))
        if report["refit_on_train_and_valid"]:
            console.print("The model written was then retrained on train and valid together.")
    console.print(f"Model folder: {out}")


@app.command("score-table")
def score_table(
    model: Annotated[Path, typer.Option("--model", help="Model folder written by fit-table.")],
    inputs: Annotated[list[Path], typer.Option("--input", help="CSV of declarations to rank; repeatable.")],
    output: Annotated[Path, typer.Option("--output", help="CSV to write: the id column and score, highest first.")],
) -> None:
    """Score every row of INPUT and write them, riskiest first, to OUTPUT."""
    with _user_errors():
        with _steps("scoring") as step:
            step("loading model")
            trained = model_table.load_model(folder=model)
            step("reading input")
            rows = model_table.read_table(paths=inputs, mapping=trained.mapping, purpose="score")
            step(f"scoring {len(rows):,} rows")
            scores = model_table.score(model=trained, table=rows)
            model_table.write_scores(
                path=output, ids=rows.columns[trained.mapping.id], scores=scores, id_column=trained.mapping.id
            )
    console.print(f"Scored {len(rows):,} rows with [bold]{trained.mapping.name}[/]; written to {output}")


@app.command("evaluate-table")
def evaluate_table(
    scores: Annotated[Path, typer.Option("--scores", help="CSV written by score-table.")],
    labels: Annotated[Path, typer.Option("--labels", help="CSV with the same ids and the known outcomes.")],
    model: Annotated[Path | None, typer.Option("--model", help="Model folder (its mapping names id and label).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Or the mapping YAML itself.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision at 1, 5 and 10 % and recall at 1 % of a scored file against the known outcomes."""
    with _user_errors():
        if (model is None) == (config is None):
            raise InvalidInput(
                "Give exactly one of --model and --config",
                problems=[Problem("--model/--config", "exactly_one", None, "they say which columns hold id and label")],
            )
        mapping = (
            model_table.load_model(folder=model).mapping if model else model_table.load_mapping(path=config)
        )
        report = evaluate(scores=scores, labels=labels, mapping=mapping)
    if as_json:
        console.print_json(json.dumps(report))
    else:
        console.print(_report_table(f"{scores.name} against {labels.name} ({mapping.label.column} = "
                                    f"{mapping.label.positive})", report))


def evaluate(*, scores: Path, labels: Path, mapping: model_table.TableMapping) -> dict:
    """Join a scored file to a labelled file by id and measure the ranking."""
    id_column, label_column = mapping.id, mapping.label.column
    scored = _read_columns(path=scores, columns=[id_column, "score"])
    known = _read_columns(path=labels, columns=[id_column, label_column])
    outcome = dict(zip(known[id_column].tolist(), (known[label_column] == mapping.label.positive).tolist()))
    missing = [i for i in scored[id_column].tolist() if i not in outcome]
    if missing:
        raise InvalidInput(
            f"{len(missing)} id(s) of {scores} are not in {labels}",
            problems=[Problem(id_column, "id_known", missing[0], "score and evaluate the same declarations")],
        )
    try:
        values = np.array([float(v) for v in scored["score"].tolist()])
    except ValueError as err:
        raise InvalidInput(
            f"Column 'score' of {scores} holds a non-number",
            problems=[Problem("score", "number", str(err), "give a file written by score-table")],
        ) from None
    hits = np.array([outcome[i] for i in scored[id_column].tolist()], dtype=np.int8)
    return model_table.ranking_report(labels=hits, scores=values)


def _read_columns(*, path: Path, columns: list[str]) -> dict[str, np.ndarray]:
    if not path.exists():
        raise InvalidInput(f"File {path} does not exist", problems=[Problem("file", "file_exists", str(path), "check the path")])
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        absent = [c for c in columns if c not in (reader.fieldnames or [])]
        if absent:
            raise InvalidInput(
                f"{path} lacks column(s) {', '.join(absent)}",
                problems=[Problem(c, "column_present", str(path), f"add column {c!r} to {path.name}") for c in absent],
            )
        rows = [[row[c] or "" for c in columns] for row in reader]
    return {c: np.array([r[i] for r in rows], dtype=object) for i, c in enumerate(columns)}


# ---------------------------------------------------------------------------------------------
# The shipment-level model, trained on the store's shipments and inspection outcomes


def _when(text: str | None):
    from datetime import datetime, timezone

    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput("not an ISO date or time", problems=[Problem("date", "iso_8601", text, "e.g. 2025-03-31")]) from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _store(database: str | None):
    from interdict.store.schema import ready_engine

    return ready_engine(database)


@app.command("train")
def train_command(
    since: Annotated[str | None, typer.Option("--from", help="First report date of the training window (ISO).")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last report date of the training window (ISO).")] = None,
    population: Annotated[str, typer.Option(
        help="all (every shipment, seizures weighted by inverse chance of inspection), "
             "inspected (inspected only, each so weighted) or auto (all below 60 seizures, "
             "then inspected).")] = "auto",
    other_weight: Annotated[float, typer.Option(
        help="Weight of seizures of other goods (cigarettes, counterfeits) "
             "against firearms, ammunition, drugs, explosives, cash.")] = 1.0,
    profiles: Annotated[bool, typer.Option(help="Use the profiles' indicators and score as features.")] = True,
    activate: Annotated[bool, typer.Option(help="Make the new version the active one.")] = False,
    note: Annotated[str | None, typer.Option(help="A note kept with the version.")] = None,
    database: Annotated[str | None, typer.Option(help="Database URL (default: the configured store).")] = None,
) -> None:
    """Train a model version on the store's shipments and inspection outcomes and register it."""

    from interdict.targeting.model.registry import train_model

    with _user_errors():
        engine = _store(database)
        with _steps("training") as step:
            version, model = train_model(engine=engine, since=_when(since), until=_when(until), population=population,
                                         other_weight=other_weight, profiles=profiles, activate=activate, note=note,
                                         progress=step)  # fmt: skip
    window = model.report["window"]
    console.print(f"Registered model version [bold]{version}[/]{' (active)' if activate else ''}: "
                  f"{window['shipments']:,} shipments {window['first_reported']} to {window['last_reported']}, "
                  f"{window['inspected']:,} inspected, {window['positives']:,} seizure{'' if window['positives'] == 1 else 's'} learned from.")
    _say_trust(window)
    validation = model.report.get("validation") or {}
    if any(k.startswith("recall@") for k in validation):
        console.print(_report_table("Time-ordered validation (last quarter of the window)", validation))


def _say_trust(window: dict) -> None:
    """Below the seizures it is trusted in full from, say what the model may do in `interdict score`."""
    from interdict.targeting.service import MODEL_WEIGHT_PERCENT, model_trust

    weight, red_from, _ = model_trust(window, MODEL_WEIGHT_PERCENT)
    if weight < MODEL_WEIGHT_PERCENT or red_from is None:
        console.print(f"Trained on few seizures: `interdict score` gives it {weight} % of the blended score instead of "
                      f"{MODEL_WEIGHT_PERCENT} %" + ("" if red_from is not None else ", and it makes no shipment red on its own")
                      + "; its share grows with the seizures of the next version.")


@app.command("evaluate")
def evaluate_command(
    since: Annotated[str, typer.Option("--from", help="First report date of the later window measured (ISO).")],
    until: Annotated[str | None, typer.Option("--to", help="Last report date measured (ISO).")] = None,
    version: Annotated[int | None, typer.Option(help="Model version (default: the active one).")] = None,
    truth: Annotated[Path | None, typer.Option(help="truth.ndjson of generated traffic: labels for every shipment.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    database: Annotated[str | None, typer.Option(help="Database URL (default: the configured store).")] = None,
) -> None:
    """Precision and recall at 0.5, 1, 2, 5 % inspection rates on a later window: model, profiles, random."""
    from interdict.targeting.model import evaluation, features, registry

    with _user_errors():
        engine = _store(database)
        model = registry.load_registered(engine=engine, version=version)
        start, end = _when(since), _when(until)
        shipments = features.load_shipments(engine=engine, until=end)
        outcomes = features.load_outcomes(engine=engine)
        report = evaluation.evaluate_model(
            model=model, shipments=shipments, outcomes=outcomes, since=start, until=end,
            truth=evaluation.read_truth(path=truth) if truth else None,
        )
    if as_json:
        console.print_json(json.dumps(report))
        return
    console.print(f"{report['shipments']:,} shipments {report['from']} to {report['to']}; labels from {report['labels']}: "
                  f"{report['illicit']:,} illicit, {report['target']:,} firearms/ammunition/explosives/drugs.")
    shown = RichTable(title="recall (precision) at inspection rate")
    shown.add_column("selection / label")
    rates = [k.removeprefix("recall@") for k in report["model"]["illicit"] if k.startswith("recall@")]
    for rate in rates:
        shown.add_column(rate, justify="right")
    for name in ("model", "profiles", "random"):
        for label, figures in [("illicit", report[name]["illicit"]), ("target", report[name]["target"]),
                               *(((f"  {c}", f) for c, f in report[name]["per_category"].items()) if name == "model" else [])]:
            shown.add_row(f"{name}: {label}", *(f"{figures[f'recall@{r}'] or 0:.2f} ({figures[f'precision@{r}']:.2f})" for r in rates))
    console.print(shown)


@app.command("list")
def list_command(
    database: Annotated[str | None, typer.Option(help="Database URL (default: the configured store).")] = None,
) -> None:
    """Every model version with its data window and validation figures; the active one marked."""
    from interdict.targeting.model import registry

    with _user_errors():
        versions = registry.list_models(engine=_store(database))
    shown = RichTable("version", "active", "created", "data from", "data to", "seizures", "recall@2% (valid)", "note")
    for v in versions:
        metrics = v["metrics"] or {}
        shown.add_row(str(v["version"]), "yes" if v["active"] else "", v["created_at"].isoformat(timespec="minutes"),
                      str(v["data_from"] or ""), str(v["data_to"] or ""), str(v["window"].get("positives", "")),
                      str(metrics.get("recall@2%", "")), v["note"] or "")
    console.print(shown)


@app.command("activate")
def activate_command(
    version: Annotated[int, typer.Argument(help="The version to make active.")],
    database: Annotated[str | None, typer.Option(help="Database URL (default: the configured store).")] = None,
) -> None:
    """Make VERSION the model that scores shipments."""
    from interdict.targeting.model import registry

    with _user_errors():
        registry.activate_model(engine=_store(database), version=version)
    console.print(f"Model version {version} is active.")


@app.command("rollback")
def rollback_command(
    database: Annotated[str | None, typer.Option(help="Database URL (default: the configured store).")] = None,
) -> None:
    """Re-activate the version that was active before the current one."""
    from interdict.targeting.model import registry

    with _user_errors():
        version = registry.rollback_model(engine=_store(database))
    console.print(f"Rolled back: model version {version} is active again.")
