"""`interdict demo`: the whole loop on a fresh machine, on synthetic regional traffic.

It generates a couple of months of traffic from the threat picture, ingests it with progress,
scores it with the active risk profiles, shows the lanes and how many planted illicit shipments
the red lane caught, creates one account per role and serves the web application.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import func, select

from interdict.access.users import create_demo_accounts
from interdict.console import console
from interdict.errors import InvalidInput
from interdict.ingest.cli import ingest_one
from interdict.ingest.models import Shipment
from interdict.settings import get_settings
from interdict.simulate.generator import generate
from interdict.simulate.truth import catch
from interdict.store.schema import ready_engine
from interdict.targeting.model.registry import train_model
from interdict.targeting.service import score_period
from interdict.web.server import serve as run_server


def demo(
    shipments: Annotated[int, typer.Option(help="shipments to generate")] = 60_000,
    days: Annotated[int, typer.Option(help="days of traffic")] = 61,
    seed: Annotated[int, typer.Option(help="same seed, same traffic")] = 7,
    data: Annotated[Path | None, typer.Option(help="folder for the generated files (default: INTERDICT_HOME/demo)")] = None,
    serve: Annotated[bool, typer.Option(help="serve the web application on the demo data afterwards")] = True,
    host: Annotated[str, typer.Option(help="address to serve on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to serve on")] = 8000,
) -> None:
    """Generate two months of regional traffic, ingest it, and show what arrived."""
    settings = get_settings()
    folder = data or settings.home / "demo"
    engine = ready_engine()
    console.rule("[bold]Interdict demo")
    console.print(f"database: {engine.url.render_as_string(hide_password=True)}")
    with Progress(TextColumn("[bold]generating traffic"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console) as progress:  # fmt: skip
        task = progress.add_task("generate", total=shipments)
        summary = generate(shipments=shipments, days=days, seed=seed, out=folder,
                           on_progress=lambda done: progress.update(task, completed=done))  # fmt: skip
        progress.update(task, completed=shipments)
    console.print(
        f"{summary.shipments:,} shipments from {summary.start} to {summary.end} written to {folder}: "
        f"{summary.illicit:,} illicit planted among {summary.lookalikes:,} innocent look-alikes"
    )
    for kind, name in (("watchlist", "watchlist.ndjson"), ("shipments", "shipments.ndjson"), ("outcomes", "outcomes.ndjson")):
        ingest_one(folder / name, engine=engine, kind=kind)
    with engine.connect() as conn:
        by_mode = conn.execute(
            select(Shipment.mode, func.count(), func.sum(func.cast(Shipment.id_check_valid.is_(False), Shipment.item_count.type)))
            .group_by(Shipment.mode).order_by(func.count().desc())
        ).all()  # fmt: skip
    table = Table("mode", "shipments", "wrong check digit", title="Shipments in the store")
    for mode, count, wrong in by_mode:
        table.add_row(mode, f"{count:,}", f"{wrong or 0:,}")
    console.print(table)
    _target(engine, folder, title="profiles and watchlists")
    if _learn(engine):
        _target(engine, folder, title="profiles, watchlists and the learned model")
    accounts = create_demo_accounts(engine=engine)
    logins = Table("user", "role", "password", title="Demo accounts (passwords are new at every run)")
    for username, role, password in accounts:
        logins.add_row(username, role, password)
    console.print(logins)
    if serve:
        run_server(engine=engine, host=host, port=port)
    else:
        console.print("next: [bold]interdict serve[/] opens the web application; [bold]interdict quarantine list[/] "
                      "shows what was held back and why")  # fmt: skip


def _learn(engine) -> bool:  # type: ignore[no-untyped-def]
    """Train the learned model on the inspection outcomes so far and switch it on."""
    with console.status("learning from the inspection outcomes (LightGBM, corrected for who was inspected)"):
        try:
            version, model = train_model(engine=engine, activate=True, note="demo")
        except InvalidInput as error:  # too few seizures in a small demo to learn from
            console.print(f"[yellow]no learned model:[/] {error.message}")
            return False
    window = model.report["window"]
    console.print(f"learned model version {version}: {window['inspected']:,} inspections, "
                  f"{window['positives']:,} seizures learned from")  # fmt: skip
    return True


def _target(engine, folder: Path, *, title: str) -> None:  # type: ignore[no-untyped-def]
    """Score the whole period and compare the red lane with the generator's truth."""
    with console.status(f"targeting with {title}"):
        run_id, laned = score_period(engine=engine)
    lanes = Counter(laned.column("lane").to_pylist())
    result = catch(laned, truth_path=folder / "truth.ndjson")
    table = Table("lane", "shipments", "share", title=f"Lanes (scoring run {run_id}, red capacity 2 % + 0.5 % at random)")
    for lane in ("red", "yellow", "green"):
        table.add_row(lane, f"{lanes[lane]:,}", f"{lanes[lane] / max(laned.num_rows, 1):.1%}")
    console.print(table)
    caught = Table("threat pattern", "in red", "planted", title=f"The catch with {title}: {result.illicit_red} of {result.illicit} illicit "
                   f"shipments in the red lane ({result.recall:.0%}); {result.precision:.0%} of red shipments illicit")  # fmt: skip
    for threat, (hit, planted) in result.by_threat.items():
        caught.add_row(threat, str(hit), str(planted))
    console.print(caught)
