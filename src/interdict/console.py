"""The terminal side shared by every command: one Rich console, errors rendered one way, and the
progress bar long work shows."""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from interdict.errors import InterdictError, InvalidInput, Problem

console = Console()
errors = Console(stderr=True)
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def render_error(error: InterdictError) -> None:
    errors.print(f"[bold red]error:[/] {error.message}", highlight=False, markup=True)
    for problem in error.problems:
        errors.print(f"  - {problem}", highlight=False, markup=False)
    if error.hint:
        errors.print(f"  [dim]hint:[/] {error.hint}", highlight=False)


def byte_progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[records]:>10,} records"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def parse_timezone(value: str | None) -> tzinfo | None:
    """'+01:00', 'UTC' or 'Europe/Skopje' -> a tzinfo; a clear error otherwise."""
    if not value:
        return None
    if match := _OFFSET.match(value.strip()):
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"unknown time zone {value!r}",
            problems=[Problem("--assume-tz", "time_zone", value, "is neither an offset like +01:00 nor a zone name")],
            hint="e.g. --assume-tz Europe/Skopje or --assume-tz +01:00",
        ) from None
