"""`interdict ingest` and `interdict quarantine`: files in, bad records out for correction."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from interdict.console import byte_progress, console, parse_timezone, render_error
from interdict.errors import InvalidInput
from interdict.ingest import quarantine as q
from interdict.ingest.service import KINDS, IngestSummary, ingest_path
from interdict.store.schema import ready_engine

KindOption = Annotated[str, typer.Option("--kind", "-k", help=f"one of {', '.join(KINDS)}")]
EncodingOption = Annotated[
    str | None, typer.Option(help="utf-8, cp1250 or cp1251; detected from the bytes when not given")
]
DelimiterOption = Annotated[str | None, typer.Option(help="CSV delimiter; detected from the header when not given")]
AssumeTzOption = Annotated[
    str | None, typer.Option("--assume-tz", help="zone for timestamps without offset, e.g. Europe/Skopje")
]


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="NDJSON, CSV or Parquet files, plain or gzip")],
    kind: KindOption = "shipments",
    encoding: EncodingOption = None,
    delimiter: DelimiterOption = None,
    assume_tz: AssumeTzOption = None,
) -> None:
    """Take in records.md files: validate, store, quarantine what breaks a rule, account for all."""
    engine = ready_engine()
    zone = parse_timezone(assume_tz)
    total = IngestSummary(0, kind, "all files")
    refused: list[Path] = []
    for path in paths:
        try:
            summary = ingest_one(path, engine=engine, kind=kind, encoding=encoding, delimiter=delimiter, assume_tz=zone)
        except InvalidInput as error:
            if len(paths) == 1:
                raise
            console.print(f"[red]{path}: refused[/], nothing of it stored; the other files go on")
            render_error(error)
            refused.append(path)
            continue
        total.counts.update(summary.counts)
    if len(paths) > 1:
        console.print(f"[bold]total[/]: {total.line()}" + (f"; files refused: {len(refused)}" if refused else ""))
    if total.counts["quarantined"]:
        console.print("[yellow]see the reasons with[/] interdict quarantine list")
    if refused:
        raise typer.Exit(2)


def ingest_one(path: Path, *, engine, kind: str, encoding=None, delimiter=None, assume_tz=None) -> IngestSummary:  # type: ignore[no-untyped-def]
    """One file with a progress bar on bytes read, then its summary line."""
    with byte_progress() as progress:
        task = progress.add_task(path.name, total=None, records=0)
        summary = ingest_path(
            path, engine=engine, kind=kind, encoding=encoding, delimiter=delimiter, assume_tz=assume_tz,
            submitted_by="cli",
            on_open=lambda size: progress.update(task, total=size),
            progress=lambda done, position: progress.update(task, completed=position, records=done),
            on_indexing=lambda: progress.update(task, description=f"{path.name}: building indexes"),
        )  # fmt: skip
        progress.update(task, completed=progress.tasks[0].total or 0)
    details = f"{summary.format}" + (f", {summary.encoding}" if summary.encoding else "")
    console.print(f"{path} ({details}) batch {summary.batch_id}: {summary.line()}", highlight=False)
    return summary


quarantine_app = typer.Typer(help="Records that broke a rule: list, show, export for correction, resubmit.")


@quarantine_app.command("list")
def list_(
    kind: Annotated[str | None, typer.Option(help="shipments, outcomes or watchlist")] = None,
    status: Annotated[str, typer.Option(help="open, resubmitted or all")] = "open",
    batch: Annotated[int | None, typer.Option(help="only this ingest batch")] = None,
    limit: int = 50,
) -> None:
    """Quarantined records with their first reason."""
    entries = q.list_quarantined(
        engine=ready_engine(), kind=kind, status=None if status == "all" else status, batch_id=batch, limit=limit
    )
    table = Table("id", "batch", "kind", "where", "record", "reason", "status")
    for entry in entries:
        reasons = entry["reasons"]
        first = q.reason_text(reasons[0]) + (f" (+{len(reasons) - 1} more)" if len(reasons) > 1 else "")
        table.add_row(str(entry["id"]), str(entry["batch_id"]), entry["kind"], entry["location"],
                      entry["record_key"] or "", first, entry["status"])  # fmt: skip
    console.print(table)
    console.print(f"{len(entries)} shown; open in all: {q.count_quarantined(engine=ready_engine())}")


@quarantine_app.command()
def show(quarantine_id: int) -> None:
    """One quarantined record: every reason and the record as received."""
    entry = q.get_quarantined(engine=ready_engine(), quarantine_id=quarantine_id)
    console.print(f"[bold]quarantined record {entry['id']}[/] ({entry['kind']}, batch {entry['batch_id']}, "
                  f"{entry['location']}, {entry['status']})")  # fmt: skip
    for reason in entry["reasons"]:
        console.print(f"  - {q.reason_text(reason)}", markup=False, highlight=False)
    console.print("[dim]as received:[/]")
    console.print(entry["raw"].decode("utf-8", "replace"), markup=False, highlight=False)


@quarantine_app.command()
def export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file to write; standard output if not given")] = None,
    fmt: Annotated[str, typer.Option("--format", help="ndjson or csv")] = "ndjson",
    kind: Annotated[str, typer.Option(help="shipments, outcomes or watchlist")] = "shipments",
    batch: Annotated[int | None, typer.Option(help="only this ingest batch")] = None,
) -> None:
    """Write the open quarantined records with their reasons, for the partner to correct."""
    entries = q.list_quarantined(engine=ready_engine(), kind=kind, batch_id=batch, limit=10_000_000)
    if output is None:
        q.export_quarantined(entries, out=sys.stdout, fmt=fmt)
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        count = q.export_quarantined(entries, out=handle, fmt=fmt)
    console.print(f"{count} quarantined records written to {output}")


@quarantine_app.command()
def resubmit(
    path: Path,
    kind: KindOption = "shipments",
    encoding: EncodingOption = None,
    delimiter: DelimiterOption = None,
    assume_tz: AssumeTzOption = None,
) -> None:
    """Ingest a corrected export; corrected entries leave the quarantine."""
    summary = q.resubmit(path, engine=ready_engine(), kind=kind, encoding=encoding, delimiter=delimiter,
                         assume_tz=parse_timezone(assume_tz), submitted_by="cli")  # fmt: skip
    console.print(f"{path} batch {summary.batch_id}: {summary.line()}", highlight=False)
