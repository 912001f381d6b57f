"""The quarantine: list, show, export for correction, and take corrected records back.

An export carries each bad record with `_quarantine_id` and `_reasons`; the partner fixes the
record, leaves `_quarantine_id` in, and the file goes back through `resubmit`, which marks each
entry whose corrected record now passes as resubmitted.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any, TextIO

import orjson
from sqlalchemy import Engine, func, select

from interdict.errors import InvalidInput, NotFound, Problem
from interdict.ingest.models import QuarantinedRecord
from interdict.ingest.readers import ITEM_FIELDS, PARTY_FIELDS, SHIPMENT_FIELDS, SourceRecord, open_source
from interdict.ingest.service import IngestSummary, ingest_records
from interdict.reporting.cells import FORMULA_STARTS

_TABLE = QuarantinedRecord.__table__
EXPORT_FIELDS = ("_quarantine_id", "_reasons", "_raw")


def list_quarantined(
    *, engine: Engine, kind: str | None = None, status: str | None = "open", batch_id: int | None = None,
    reporters: frozenset[str] | None = None, limit: int = 100,
) -> list[dict[str, Any]]:  # fmt: skip
    query = select(_TABLE).order_by(_TABLE.c.id)
    if kind:
        query = query.where(_TABLE.c.kind == kind)
    if status:
        query = query.where(_TABLE.c.status == status)
    if batch_id is not None:
        query = query.where(_TABLE.c.batch_id == batch_id)
    if reporters is not None:
        query = query.where(_TABLE.c.reporter.in_(reporters))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query.limit(limit)).mappings()]


def count_quarantined(*, engine: Engine, status: str = "open") -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(_TABLE).where(_TABLE.c.status == status)).scalar_one()


def get_quarantined(*, engine: Engine, quarantine_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(select(_TABLE).where(_TABLE.c.id == quarantine_id)).mappings().first()
    if row is None:
        raise NotFound(
            f"no quarantined record {quarantine_id}",
            problems=[Problem("id", "exists", quarantine_id, "no such quarantined record")],
            hint="see `interdict quarantine list`",
        )
    return dict(row)


def reason_text(reason: dict[str, Any]) -> str:
    return f"{reason['field']}: {reason['message']} [rule {reason['rule']}, value {reason['value']!r}]"


def export_quarantined(entries: list[dict[str, Any]], *, out: TextIO, fmt: str) -> int:
    """Write entries for correction as NDJSON (nested records) or CSV (records.md's CSV form)."""
    if fmt == "ndjson":
        for entry in entries:
            out.write(orjson.dumps(_export_record(entry)).decode() + "\n")
        return len(entries)
    if fmt != "csv":
        raise InvalidInput(f"unknown export format {fmt!r}", problems=[Problem("--format", "one_of", fmt, "must be ndjson or csv")])
    rows = [row for entry in entries for row in _csv_rows(entry)]
    columns: list[str] = list(EXPORT_FIELDS)
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _neutralised(value) for name, value in row.items()})
    return len(entries)


# A cell a spreadsheet would run as a formula goes out with an apostrophe before it, and so does one
# that already starts with apostrophes before such a character: a corrected export coming back
# loses exactly one, and every value is again what the partner sent ('=x stays '=x).
_FORMULA_LIKE = re.compile("'*[" + re.escape("".join(FORMULA_STARTS)) + "]")


def _neutralised(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and _FORMULA_LIKE.match(value) else value


def _restored(value: Any) -> Any:
    """A value of a corrected CSV export as it was before `_neutralised`."""
    if isinstance(value, str):
        return value[1:] if value.startswith("'") and _FORMULA_LIKE.match(value, 1) else value
    if isinstance(value, dict):
        return {name: _restored(part) for name, part in value.items()}
    if isinstance(value, list):
        return [_restored(part) for part in value]
    return value


def _export_record(entry: dict[str, Any]) -> dict[str, Any]:
    record = entry["record"] if isinstance(entry["record"], dict) else {}
    exported = {"_quarantine_id": entry["id"], "_reasons": [reason_text(r) for r in entry["reasons"]], **record}
    if not record:
        exported["_raw"] = entry["raw"].decode("utf-8", "replace")
    return exported


def _csv_rows(entry: dict[str, Any]) -> list[dict[str, Any]]:
    head = {"_quarantine_id": entry["id"], "_reasons": "; ".join(reason_text(r) for r in entry["reasons"])}
    record = entry["record"]
    if not isinstance(record, dict):
        return [{**head, "_raw": entry["raw"].decode("utf-8", "replace").rstrip("\r\n")}]
    if entry["kind"] == "outcomes" and _list_of_dicts(record.get("findings")):
        return [{**head, **row} for row in flatten_outcome(record)]
    if entry["kind"] != "shipments" or not isinstance(record.get("items"), list):
        return [{**head, **{k: _cell(v) for k, v in record.items()}}]
    return [{**head, **row} for row in flatten_shipment(record)]


def flatten_outcome(record: dict[str, Any]) -> list[dict[str, Any]]:
    """An outcome as its CSV rows, as `ingest` reads them back: one per finding (`finding_category`,
    `finding_description`, `finding_quantity`), the inspection's fields repeated."""
    base = {k: _cell(v) for k, v in record.items() if k != "findings"}
    return [{**base, **{f"finding_{k}": _cell(v) for k, v in finding.items()}} for finding in record["findings"]]


def _list_of_dicts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _cell(value: Any) -> Any:
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return orjson.dumps(value).decode()  # JSON, not Python's repr: it must come back in
    if isinstance(value, list):
        return "|".join(map(str, value))
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    return value


def flatten_shipment(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The nested records.md form as its CSV rows: one per item, shipment fields repeated."""
    base: dict[str, Any] = {}
    for key, value in record.items():
        if key in ("shipper", "consignee") and isinstance(value, dict):
            for name, part in value.items():
                base[f"{key}_{name}"] = _cell(part)
        elif key != "items":
            base[key] = _cell(value)
    items = record.get("items") or [{}]
    rows = []
    for item in items:
        row = dict(base)
        for name, value in (item.items() if isinstance(item, dict) else []):
            row[f"item_{name}" if name in ITEM_FIELDS else name] = _cell(value)
        rows.append(row)
    return rows


def resubmit(
    path: Path, *, engine: Engine, kind: str, encoding: str | None = None, delimiter: str | None = None,
    assume_tz: tzinfo | None = None, submitted_by: str | None = None,
) -> IngestSummary:  # fmt: skip
    """Ingest a corrected export; entries whose record now passes are marked resubmitted."""
    source, records = open_source(path, kind=kind, encoding=encoding, delimiter=delimiter)
    return ingest_records(
        _corrected(records, spreadsheet=source.format == "csv"), engine=engine, kind=kind, source_name=f"resubmit:{path}", fmt=source.format,
        encoding=source.encoding, assume_tz=assume_tz, submitted_by=submitted_by,
    )  # fmt: skip


def _corrected(records: Iterator[SourceRecord], *, spreadsheet: bool = False) -> Iterator[SourceRecord]:
    """Corrected records without the export's own fields; from a CSV export, formula-like cells
    without the apostrophe the export put before them."""
    for record in records:
        if isinstance(parsed := record.parsed(), dict):
            record.data, record.json = parsed, None
        if spreadsheet and isinstance(record.data, dict):
            record.data = _restored(record.data)
        if isinstance(record.data, dict):
            marker = record.data.pop("_quarantine_id", None)
            for name in EXPORT_FIELDS[1:]:
                record.data.pop(name, None)
            for item in record.data.get("items") or []:
                if isinstance(item, dict):
                    for name in EXPORT_FIELDS:
                        item.pop(name, None)
            if marker is not None and str(marker).strip().isdigit():
                record.quarantine_id = int(str(marker).strip())
        yield record


__all__ = ["SHIPMENT_FIELDS", "PARTY_FIELDS", "export_quarantined", "resubmit", "list_quarantined", "get_quarantined"]
