"""Reading watchlists and screening queries (NDJSON, CSV or Parquet, plain or gzip), and writing
matches (records.md §5). Files are read by the ingest readers, so Windows-1250/1251 CSV, a BOM and
`;` separators are told from the bytes, and no name is mangled.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from interdict.errors import InvalidInput, Problem
from interdict.ingest.readers import open_source
from interdict.reporting.cells import neutralise_row
from interdict.targeting.screening.models import Match, Query, WatchlistEntry


def read_records(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> Iterator[dict[str, Any]]:
    """Each record of a watchlist or query file as a dict; InvalidInput names a line that cannot be read."""
    # Queries are read the same way: "watchlist" only chooses the flat CSV layout; the records
    # are checked here, as entries or as queries, not by ingest.
    _, records = open_source(path, kind="watchlist", encoding=encoding, delimiter=delimiter)
    for record in records:
        if record.problems:
            raise InvalidInput(f"{path} {record.location} cannot be read", problems=record.problems[:50])
        if record.data is not None:
            yield record.data
            continue
        try:
            data = json.loads(record.json or record.raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InvalidInput(
                f"{path} {record.location} is not JSON",
                problems=[Problem("line", "json", record.raw[:80].decode("utf-8", "replace"), str(error))],
            ) from None
        if isinstance(data, dict):
            yield data


def read_watchlist(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> list[WatchlistEntry]:
    """The entries of a watchlist file (records.md §3); InvalidInput lists what is wrong with them."""
    entries, problems = [], []
    for record in read_records(path, encoding=encoding, delimiter=delimiter):
        try:
            entries.append(WatchlistEntry.from_record(record))
        except InvalidInput as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInput(f"{path}: {len(problems)} problems in watchlist entries", problems=problems[:50])
    return entries


def read_queries(path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> list[Query]:
    """The queries of a screening input file (records.md §5)."""
    records = read_records(path, encoding=encoding, delimiter=delimiter)
    return [Query.from_record(record, line=i) for i, record in enumerate(records, start=1)]


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
                writer.writerow(neutralise_row(match.as_record()))  # names as listed; a spreadsheet must not run them
                count += 1
    return count
