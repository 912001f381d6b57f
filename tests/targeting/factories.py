"""Factories for shipments in the column contract (docs/targeting.md), as dicts and Arrow tables.

Tests state only what matters to them (`shipment(descriptions="Pištolj")`); the rest is an
ordinary, harmless parcel. `*_norm` columns are derived as ingest would (`fold_description` for
descriptions, `fold` for the rest).
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pyarrow as pa

from interdict.text import fold, fold_description

_ids = itertools.count(1)
BASE_TIME = datetime(2025, 3, 3, 8, 0, tzinfo=timezone.utc)

SCHEMA = pa.schema([
    ("id", pa.int64()), ("reporter", pa.string()), ("shipment_id", pa.string()),
    ("reported_at", pa.timestamp("us", tz="UTC")), ("mode", pa.string()), ("direction", pa.string()),
    ("category", pa.string()), ("origin_country", pa.string()), ("departure_country", pa.string()),
    ("destination_country", pa.string()), ("transit_countries", pa.string()),
    ("departure_date", pa.date32()), ("arrival_date", pa.date32()),
    ("carrier", pa.string()), ("conveyance_ref", pa.string()), ("master_ref", pa.string()),
    *[(f"{p}_{f}", pa.string()) for p in ("shipper", "consignee")
      for f in ("name", "street", "city", "postcode", "country", "phone", "email")],
    ("consignee_id_number", pa.string()),
    *[(f"{p}_{f}_norm", pa.string()) for p in ("shipper", "consignee") for f in ("name", "address", "phone", "email")],
    ("pieces", pa.int32()), ("gross_weight_g", pa.int64()), ("declared_value_minor", pa.int64()),
    ("currency", pa.string()), ("declared_value_eur_cents", pa.int64()), ("payment_method", pa.string()),
    ("item_count", pa.int32()), ("items_net_weight_g", pa.int64()), ("descriptions", pa.string()),
    ("descriptions_norm", pa.string()), ("hs_codes", pa.string()), ("id_kind", pa.string()),
    ("id_check_valid", pa.bool_()), ("version_count", pa.int32()),
    ("watchlist_hits", pa.list_(pa.string())), ("watchlist_hit_kinds", pa.list_(pa.string())),
])


def shipment(**overrides: Any) -> dict[str, Any]:
    """One shipment row; give `descriptions` as a list or ' | '-joined and the norm follows."""
    pk = overrides.pop("id", None) or next(_ids)
    row: dict[str, Any] = {
        "id": pk, "reporter": "MKPOST", "shipment_id": f"RR{pk:09d}MK",
        "reported_at": BASE_TIME, "mode": "postal", "direction": "import", "category": "sale_of_goods",
        "origin_country": "DE", "departure_country": "DE", "destination_country": "MK", "transit_countries": "",
        "departure_date": date(2025, 3, 2), "arrival_date": date(2025, 3, 4),
        "carrier": None, "conveyance_ref": None, "master_ref": None,
        "shipper_name": f"Shop {pk}", "shipper_street": "Hauptstr. 1", "shipper_city": "Berlin",
        "shipper_postcode": "10115", "shipper_country": "DE", "shipper_phone": None, "shipper_email": None,
        "consignee_name": f"Petar Petrovski {pk}", "consignee_street": f"Partizanska {pk}", "consignee_city": "Skopje",
        "consignee_postcode": "1000", "consignee_country": "MK", "consignee_phone": f"+3897000{pk:04d}",
        "consignee_email": None, "consignee_id_number": None,
        "pieces": 1, "gross_weight_g": 400, "declared_value_minor": 2500, "currency": "EUR",
        "declared_value_eur_cents": 2500, "payment_method": "prepaid", "item_count": 1, "items_net_weight_g": 350,
        "descriptions": "Book", "hs_codes": "4901", "id_kind": "s10", "id_check_valid": True, "version_count": 1,
        "watchlist_hits": [], "watchlist_hit_kinds": [],
    }
    row.update(overrides)
    if isinstance(row["descriptions"], list):
        row["descriptions"] = " | ".join(row["descriptions"])
    row.setdefault("descriptions_norm", None)
    if "descriptions_norm" not in overrides:
        row["descriptions_norm"] = " | ".join(fold_description(d) for d in (row["descriptions"] or "").split(" | "))
    for party in ("shipper", "consignee"):
        if f"{party}_name_norm" not in overrides:
            row[f"{party}_name_norm"] = fold(row[f"{party}_name"]) or None
        if f"{party}_address_norm" not in overrides:
            parts = [row[f"{party}_{f}"] for f in ("street", "postcode", "city", "country")]
            row[f"{party}_address_norm"] = fold(" ".join(p for p in parts if p)) or None
        if f"{party}_phone_norm" not in overrides:
            row[f"{party}_phone_norm"] = row[f"{party}_phone"]
        if f"{party}_email_norm" not in overrides:
            row[f"{party}_email_norm"] = (row[f"{party}_email"] or "").lower() or None
    return row


def later(days: float = 0, hours: float = 0) -> datetime:
    return BASE_TIME + timedelta(days=days, hours=hours)


def table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)
