"""`interdict score` and the store-backed `interdict profile` commands (register, list, activate,
deactivate, rollback)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from interdict.console import console
from interdict.errors import InvalidInput, Problem
from interdict.store.schema import ready_engine
from interdict.targeting import registry
from interdict.targeting.service import score_period, write_scores


def _moment(value: str | None, option: str, *, end_of_day: bool = False) -> datetime | None:
    """A timestamp as given, or a bare date (UTC): its first moment, or with `end_of_day` its last,
    so that `--to 2026-03-31` scores the whole of that day."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{option} is not a date", problems=[Problem(option, "iso8601", value, "use YYYY-MM-DD or a full timestamp")]) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if end_of_day and len(value.strip()) == 10:
        moment += timedelta(days=1, microseconds=-1)
    return moment


def score(
    from_: Annotated[str | None, typer.Option("--from", help="first day (or timestamp) to score; default: everything")] = None,
    to: Annotated[str | None, typer.Option("--to", help="last day (whole day, UTC) or timestamp to score; default: everything")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="records.md §4 file: .csv or .ndjson")] = None,
    red_share: Annotated[float, typer.Option(help="red capacity as a share of each unit's daily traffic")] = 0.02,
    random_share: Annotated[float, typer.Option(help="share sent red at random for compliance sampling")] = 0.005,
    seed: Annotated[int, typer.Option(help="seed of the random compliance draw")] = 0,
    engine_name: Annotated[str, typer.Option("--engine", help="duckdb (embedded) or spark")] = "duckdb",
) -> None:
    """Score shipments with the active profiles, assign lanes, keep the run and write the scores."""
    engine = ready_engine()
    run_id, laned = score_period(engine=engine, since=_moment(from_, "--from"), until=_moment(to, "--to", end_of_day=True),
                                 engine_name=engine_name, red_share=red_share, random_share=random_share, seed=seed)  # fmt: skip
    lanes = laned.column("lane").to_pylist() if laned.num_rows else []
    console.print(f"run {run_id}: {laned.num_rows:,} shipments scored — red {lanes.count('red'):,} "
                  f"(of which at random {sum(laned.column('selected_at_random').to_pylist()) if laned.num_rows else 0:,}), "
                  f"yellow {lanes.count('yellow'):,}, green {lanes.count('green'):,}")  # fmt: skip
    if output:
        count = write_scores(laned, path=output)
        console.print(f"{count:,} scores written to {output}, riskiest first")


def register(
    paths: Annotated[list[Path], typer.Argument(help="profile YAML files")],
    activate: Annotated[bool, typer.Option(help="switch the registered versions on")] = False,
) -> None:
    """Register profile files at their version (validated first)."""
    engine = ready_engine()
    registry.ensure_starter_library(engine=engine)
    for path in paths:
        profile = registry.register_profile(engine=engine, path=path, activate=activate)
        console.print(f"registered {profile.label}" + (" (active)" if activate else ""))


def list_() -> None:
    """Every registered profile version and which are active."""
    engine = ready_engine()
    registry.ensure_starter_library(engine=engine)
    table = Table("profile", "version", "active", "hash", "activated", "file")
    for row in registry.list_profiles(engine=engine):
        table.add_row(row["profile_id"], str(row["version"]), "yes" if row["active"] else "", row["content_hash"][:12],
                      f"{row['activated_at']:%Y-%m-%d %H:%M}" if row["activated_at"] else "", row["path"])  # fmt: skip
    console.print(table)


def activate(profile_id: str, version: Annotated[int | None, typer.Option(help="default: the highest registered")] = None) -> None:
    """Switch a profile version on (the profile's other versions off)."""
    row = registry.activate_profile(engine=ready_engine(), profile_id=profile_id, version=version)
    console.print(f"{row['profile_id']}@{row['version']} is active")


def deactivate(profile_id: str) -> None:
    """Switch a profile off."""
    registry.deactivate_profile(engine=ready_engine(), profile_id=profile_id)
    console.print(f"{profile_id} is off")


def rollback(profile_id: str) -> None:
    """Switch back to the version active before the current one."""
    row = registry.rollback_profile(engine=ready_engine(), profile_id=profile_id)
    console.print(f"{row['profile_id']} rolled back to version {row['version']}")


def mount(profile_app: typer.Typer) -> None:
    profile_app.command()(register)
    profile_app.command("list")(list_)
    profile_app.command()(activate)
    profile_app.command()(deactivate)
    profile_app.command()(rollback)
