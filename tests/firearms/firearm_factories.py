"""Firearm records for tests, built from a realistic default that each test overrides where it cares."""

from __future__ import annotations

from datetime import date
from typing import Any

from interdict.firearms.models import Ammunition, Firearm, FirearmPart, read_ammunition, read_firearm, read_part


def make_firearm(**overrides: Any) -> Firearm:
    record: dict[str, Any] = {
        "firearm_id": "FA-1",
        "category": "pistol",
        "make": "Zastava",
        "model": "M70",
        "calibre": "7.65 mm",
        "serial": "AB123478",
        "recovered_on": date(2025, 3, 14),
        "country_of_recovery": "MK",
        "markings": {"country_of_manufacture": "RS", "import_marking": {"country": "AT", "year": 2003}},
    }
    record.update(overrides)
    return read_firearm(record)


def make_part(**overrides: Any) -> FirearmPart:
    record: dict[str, Any] = {"part_id": "PT-1", "kind": "firearm_part", "part_type": "slide_or_cylinder", "recovered_on": date(2025, 4, 1)}
    record.update(overrides)
    return read_part(record)


def make_ammunition(**overrides: Any) -> Ammunition:
    record: dict[str, Any] = {"ammunition_id": "AM-1", "calibre": "9mm Para", "quantity": 50, "recovered_on": date(2025, 5, 2)}
    record.update(overrides)
    return read_ammunition(record)
