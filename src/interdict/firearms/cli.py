"""`interdict firearms`: record a seizure with its firearms (each matched at once against every
earlier one), list seizures, match a stored firearm, and export the UNODC-category statistics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from interdict.console import console
from interdict.errors import InvalidInput, Problem
from interdict.firearms.seizures import FirearmMatch, list_seizures, match_stored_firearm, record_seizure, get_seizure
from interdict.firearms.statistics import compute_statistics, export_statistics_xlsx
from interdict.firearms.tracing_requests import list_tracing_requests
from interdict.store.schema import ready_engine

firearms_app = typer.Typer(help="Seized firearms: record, match across seizures, statistics.", no_args_is_help=True)


def _print_matches(matches: list[FirearmMatch], *, title: str) -> None:
    if not matches:
        console.print(f"{title}: no earlier firearm matches")
        return
    table = Table("stored firearm", "seizure", "from agency", "score", "why", title=title)
    for match in matches:
        table.add_row(str(match.stored_firearm_id), match.report_id or "", match.origin_agency or "(ours)",
                      f"{match.score:.2f}", "; ".join(match.reasons))  # fmt: skip
    console.print(table)


@firearms_app.command()
def record(path: Annotated[Path, typer.Argument(help="JSON: a seizure report with its firearms, ammunition and parts lists")]) -> None:
    """Record a seizure; every firearm in it is matched at once against all earlier ones."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InvalidInput(f"cannot read {path}", problems=[Problem("PATH", "json", str(path), str(error))]) from None
    if not isinstance(document, dict):
        raise InvalidInput(f"{path} is not a seizure report", problems=[Problem("(record)", "json_object", type(document).__name__, "must be a JSON object")])
    items = {name: document.pop(name, []) for name in ("firearms", "ammunition", "parts")}
    engine = ready_engine()
    seizure_id = record_seizure(engine=engine, seizure=document, **items)
    stored = get_seizure(engine=engine, seizure_id=seizure_id)
    console.print(f"seizure {stored.report.report_id} recorded as {seizure_id}: {len(stored.firearms)} firearm(s), "
                  f"{len(stored.ammunition)} ammunition and {len(stored.parts)} part record(s)")  # fmt: skip
    for firearm_id, firearm in stored.firearms:
        label = f"firearm {firearm_id} ({firearm.make or '?'} {firearm.model or ''}, serial {firearm.serial or '-'})"
        _print_matches(match_stored_firearm(engine=engine, stored_firearm_id=firearm_id), title=label)


@firearms_app.command("list")
def list_(received: Annotated[bool | None, typer.Option(help="only received (or, with --no-received, only ours)")] = None) -> None:
    """Seizures, newest first, with their firearms."""
    table = Table("id", "report", "agency", "seized", "recovery", "firearms (stored id: make model serial)")
    for s in list_seizures(engine=ready_engine(), received=received):
        guns = "; ".join(f"{fid}: {f.make or '?'} {f.model or ''} {f.serial or '-'}" for fid, f in s.firearms)
        table.add_row(str(s.seizure_id), s.report.report_id, s.origin_agency or s.report.reporting_agency,
                      f"{s.report.seized_at:%Y-%m-%d}", str(s.report.recovery.value), guns)  # fmt: skip
    console.print(table)


@firearms_app.command()
def match(stored_firearm_id: int) -> None:
    """Earlier firearms that may be this one, best first, with the reasons."""
    _print_matches(match_stored_firearm(engine=ready_engine(), stored_firearm_id=stored_firearm_id),
                   title=f"firearm {stored_firearm_id}")  # fmt: skip


@firearms_app.command()
def statistics(
    out: Annotated[Path, typer.Option("--out", "-o", help="Excel workbook to write")],
    year: Annotated[int | None, typer.Option(help="only this year")] = None,
) -> None:
    """Seized, found and surrendered firearms, parts, ammunition and tracing outcomes in the
    categories of UNODC's illicit arms flows questionnaire, to Excel."""
    engine = ready_engine()
    seizures = list_seizures(engine=engine, limit=10_000_000)
    figures = compute_statistics(
        firearms=[f for s in seizures for _, f in s.firearms],
        parts=[p for s in seizures for p in s.parts],
        ammunition=[a for s in seizures for a in s.ammunition],
        tracing_requests=list_tracing_requests(engine=engine),
        year=year,
    )
    export_statistics_xlsx(figures, path=out)
    console.print(f"statistics of {len(seizures)} seizure(s) written to {out}")
