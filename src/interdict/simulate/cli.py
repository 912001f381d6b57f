"""`interdict simulate`: write a period of synthetic regional traffic into a folder."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from interdict.errors import InvalidInput
from interdict.simulate.generator import CSV_ENCODINGS, generate

app = typer.Typer(help="Generate synthetic shipment traffic from the threat picture.")
PROGRESS_FROM = 50_000  # shipments; smaller runs finish before a bar would help


@app.command()
def simulate(
    shipments: Annotated[int, typer.Option(help="How many shipments to generate.")] = 10_000,
    days: Annotated[int, typer.Option(help="Length of the period in days.")] = 30,
    seed: Annotated[int, typer.Option(help="Same seed, same files.")] = 1,
    out: Annotated[Path, typer.Option(help="Folder to write the files into.")] = Path("simulated"),
    start: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD (default 2025-03-03).")] = None,
    csv_encoding: Annotated[
        str | None, typer.Option(help=f"Also write shipments.csv in this encoding ({', '.join(CSV_ENCODINGS)}).")
    ] = None,
) -> None:
    """Write shipments, outcomes, watchlist and ground truth (records.md formats) into OUT."""
    console = Console()
    try:
        first_day = _parse_day(start)
        if shipments >= PROGRESS_FROM:
            with Progress(
                TextColumn("generating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console
            ) as progress:
                task = progress.add_task("shipments", total=shipments)
                summary = generate(
                    shipments=shipments, days=days, seed=seed, out=out, start=first_day, csv_encoding=csv_encoding,
                    on_progress=lambda done: progress.update(task, completed=done),
                )
        else:
            summary = generate(shipments=shipments, days=days, seed=seed, out=out, start=first_day, csv_encoding=csv_encoding)
    except InvalidInput as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(code=2) from error
    table = Table(title=f"Simulated traffic {summary.start} to {summary.end}", show_header=False)
    table.add_row("shipments", f"{summary.shipments:,}")
    table.add_row("records (with amendments, re-sends)", f"{summary.records:,}")
    table.add_row("illicit planted", f"{summary.illicit:,} ({summary.illicit / summary.shipments:.2%})")
    table.add_row("innocent look-alikes", f"{summary.lookalikes:,}")
    table.add_row("inspected", f"{summary.inspections:,} ({summary.inspections / summary.shipments:.2%})")
    table.add_row("seizures", f"{summary.seizures:,}")
    table.add_row("watchlist entries", f"{summary.watchlist_entries:,}")
    table.add_row("speed", f"{summary.shipments_per_second:,.0f} shipments/s")
    for path in summary.files:
        table.add_row("wrote", str(path))
    console.print(table)
    threats = Table("pattern", "shipments", title="Planted patterns")
    for name, count in summary.threats.items():
        threats.add_row(name, str(count))
    console.print(threats)


def _parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError as error:
        from interdict.errors import Problem

        raise InvalidInput("cannot read the start day", problems=[Problem("start", "iso_date", text, "write the day as YYYY-MM-DD")]) from error
