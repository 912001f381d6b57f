"""Records in the records.md formats, built with sensible defaults and overridable fields."""

from __future__ import annotations

import copy
import csv
import io
from typing import Any

import orjson

from interdict.ingest.quarantine import flatten_shipment

_SHIPMENT: dict[str, Any] = {
    "reporter": "MKPOST",
    "shipment_id": "RR123456785MK",
    "reported_at": "2026-10-01T10:00:00+02:00",
    "mode": "postal",
    "direction": "import",
    "category": "sale_of_goods",
    "origin_country": "CN",
    "destination_country": "MK",
    "shipper": {"name": "Shenzhen Trading Co", "city": "Shenzhen", "country": "CN"},
    "consignee": {
        "name": "Марко Петровић",
        "street": "ул. Партизанска 12",
        "city": "Скопје",
        "postcode": "1000",
        "country": "MK",
        "phone": "070 123 456",
    },
    "pieces": 1,
    "gross_weight_kg": 2.35,
    "declared_value": 12.5,
    "currency": "USD",
    "payment_method": "prepaid",
    "items": [{"description": "Car parts", "hs_code": "870899", "quantity": 2, "net_weight_kg": 2.1}],
}


def shipment(n: int | None = None, **overrides: Any) -> dict[str, Any]:
    record = copy.deepcopy(_SHIPMENT)
    if n is not None:
        record["shipment_id"] = f"EX{n:09d}"
    for key, value in overrides.items():
        if value is None:
            record.pop(key, None)
        else:
            record[key] = value
    return record


def outcome(**overrides: Any) -> dict[str, Any]:
    record = {
        "reporter": "MKPOST",
        "shipment_id": "RR123456785MK",
        "inspected_at": "2026-10-02T09:30:00+02:00",
        "method": "xray",
        "result": "seizure",
        "findings": [{"category": "firearm_part", "description": "slide and barrel", "quantity": 2}],
        "office": "POSTAL-SK",
    }
    record.update(overrides)
    return record


def watch_entry(**overrides: Any) -> dict[str, Any]:
    record = {
        "list_id": "NATIONAL-MK",
        "entry_id": "P-001",
        "kind": "person",
        "name": "Петровић Марко",
        "aliases": ["Marko Petrovic", "M. Petrović"],
        "country": "MK",
        "reason": "firearms trafficking",
    }
    record.update(overrides)
    return record


def ndjson(records: list[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def csv_text(records: list[dict[str, Any]], *, delimiter: str = ",") -> str:
    rows = [row for record in records for row in flatten_shipment(record)]
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
