"""`interdict profile ...`: check profile files and try them on past traffic before switching them on.

Works on files for now (profiles as YAML, shipments and outcomes as Parquet); the store-backed
commands are gathered in interdict.cli.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import pyarrow.parquet as pq
import typer
from rich.console import Console
from rich.table import Table

from interdict.console import render_error
from interdict.errors import InvalidInput
from interdict.targeting.backtest import backtest
from interdict.targeting.profile import load_profile, load_profiles

app = typer.Typer(help="Risk profiles: validate, test on past traffic.", no_args_is_help=True)
profile_app = typer.Typer(help="Work with risk profile files.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")
console = Console()


def _fail(err: InvalidInput) -> None:
    """As every command: the error printed as `interdict` prints them, exit status 2 (README)."""
    render_error(err)
    raise typer.Exit(code=2)


def _when(text: Optional[str]) -> Optional[datetime]:
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


@profile_app.command("validate")
def validate(files: Annotated[list[Path], typer.Argument(help="profile YAML files or folders", exists=True)]) -> None:
    """Check profile files; print each with its version and content hash, or every problem with its line."""
    try:
        profiles = load_profiles(files)
    except InvalidInput as err:
        _fail(err)
    table = Table("profile", "indicators", "content hash", "file")
    for p in profiles:
        table.add_row(p.label, str(len(p.indicators)), p.content_hash[:16], p.source)
    console.print(table)


@profile_app.command("test")
def test(
    profile: Annotated[Path, typer.Argument(help="the profile YAML to try", exists=True)],
    shipments: Annotated[Optional[Path], typer.Option("--shipments", help="Parquet file of shipments in the column contract (default: the store)", exists=True)] = None,
    outcomes: Annotated[Optional[Path], typer.Option("--outcomes", help="Parquet file of inspection outcomes (default: the store's)", exists=True)] = None,
    since: Annotated[Optional[str], typer.Option("--from", help="first report time, ISO 8601")] = None,
    until: Annotated[Optional[str], typer.Option("--to", help="last report time, ISO 8601")] = None,
    engine: Annotated[str, typer.Option(help="duckdb or spark")] = "duckdb",
    red_share: Annotated[float, typer.Option(help="red capacity as a share of each unit's daily traffic")] = 0.02,
) -> None:
    """How many shipments the profile would hit, the daily workload per unit, the seizures it would catch."""
    import pyarrow as pa

    try:
        profiles = [load_profile(profile)]
        if shipments is None:  # the store: this administration's own past traffic and outcomes
            from interdict.store.schema import ready_engine
            from interdict.targeting.service import outcomes_table, shipments_table

            store = ready_engine()
            traffic = shipments_table(engine=store, since=_when(since), until=_when(until))
        else:
            traffic = pq.read_table(shipments)
        if outcomes is not None:
            recorded = pq.read_table(outcomes)
        elif shipments is None:
            recorded = outcomes_table(engine=store)
        else:
            recorded = pa.table({"reporter": pa.array([], pa.string()), "shipment_id": pa.array([], pa.string()),
                                 "result": pa.array([], pa.string()),
                                 "findings": pa.array([], pa.list_(pa.struct([("category", pa.string())])))})
        result = backtest(profiles, traffic, recorded, engine=engine, since=_when(since), until=_when(until), red_share=red_share)
    except InvalidInput as err:
        _fail(err)
    summary = Table("figure", "value", title=f"{profiles[0].label} on {shipments.name if shipments else 'the store'}")
    for key, value in result.summary().items():
        summary.add_row(key, str(value))
    console.print(summary)
    workload = Table("unit", "day", "shipments", "hits", "red lane", title="workload per unit and day")
    for row in result.workload.to_pylist():
        workload.add_row(row["unit"], str(row["day"]), str(row["shipments"]), str(row["hits"]), str(row["red_lane"]))
    console.print(workload)
    indicators = Table("indicator", "weight", "hits", "inspected", "seizures", "precision", title="indicators")
    for row in result.indicators.to_pylist():
        precision = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        indicators.add_row(row["indicator"], str(row["weight"]), str(row["hits"]), str(row["inspected"]),
                           str(row["seizures"]), precision)
    console.print(indicators)


@profile_app.command("effectiveness")
def effectiveness(run: Annotated[Optional[int], typer.Option("--run", help="scoring run (default: the latest)")] = None) -> None:
    """Per indicator of a kept scoring run: hits, inspected, seizures and precision from recorded outcomes."""
    from interdict.store.schema import ready_engine
    from interdict.targeting.backtest import indicator_effectiveness
    from interdict.targeting.registry import active_profiles
    from interdict.targeting.service import outcomes_table, run_indicators

    store = ready_engine()
    try:
        run_id, scored = run_indicators(engine=store, run_id=run)
    except InvalidInput as err:
        _fail(err)
    rows = indicator_effectiveness(scored, outcomes_table(engine=store), profiles=active_profiles(engine=store)).to_pylist()
    table = Table("indicator", "weight", "hits", "inspected", "seizures", "precision", title=f"indicator effectiveness, scoring run {run_id}")
    for row in sorted(rows, key=lambda r: -(r["hits"] or 0)):
        precision = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        table.add_row(row["indicator"], str(row["weight"]), str(row["hits"]), str(row["inspected"]), str(row["seizures"]), precision)
    console.print(table)
