"""Reading watchlists and screening queries from NDJSON or CSV, and writing matches (records.md §5).

A small reader of its own for now; UTF-8 (with or without BOM), `,` or `;` separated.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from interdict.errors import InvalidInput, Problem
from interdict.targeting.screening.models import Match, Query, WatchlistEntry


def _is_ndjson(path: Path, first_line: str) -> bool:
    return path.suffix.lower() in (".ndjson", ".jsonl", ".json") or first_line.lstrip().startswith("{")


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Each record of an NDJSON or CSV file as a dict."""
    if not path.exists():
        raise InvalidInput(f"{path} does not exist", problems=[Problem("path", "exists", str(path), "check the path")])
    with open(path, encoding="utf-8-sig", newline="") as file:
        first = file.readline()
        file.seek(0)
        if _is_ndjson(path, first):
            for line_number, line in enumerate(file, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InvalidInput(
                        f"{path} line {line_number} is not JSON",
                        problems=[Problem("line", "json", line[:80], str(error))],
                    ) from None
                if isinstance(record, dict):
                    yield record
            return
        delimiter = ";" if first.count(";") > first.count(",") else ","
        yield from csv.DictReader(file, delimiter=delimiter)


def read_watchlist(path: Path) -> list[WatchlistEntry]:
    entries, problems = [], []
    for record in read_records(path):
        try:
            entries.append(WatchlistEntry.from_record(record))
        except InvalidInput as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInput(f"{path}: {len(problems)} problems in watchlist entries", problems=problems[:50])
    return entries


def read_queries(path: Path) -> list[Query]:
    return [Query.from_record(record, line=i) for i, record in enumerate(read_records(path), start=1)]


def write_matches(matches: Iterable[Match], path: Path) -> int:
    """Writes §5 output rows, NDJSON for .ndjson/.jsonl and CSV otherwise; returns the row count."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as file:
        if path.suffix.lower() in (".ndjson", ".jsonl", ".json"):
            for match in matches:
                file.write(json.dumps(match.as_record(), ensure_ascii=False) + "\n")
                count += 1
        else:
            writer = csv.DictWriter(file, fieldnames=["query_id", "list_id", "entry_id", "matched_name", "score", "explanation"])
            writer.writeheader()
            for match in matches:
                writer.writerow(match.as_record())
                count += 1
    return count
