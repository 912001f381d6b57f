"""Cells that are safe to open in a spreadsheet.

Data is stored exactly as given; only on the way out, a text cell that a spreadsheet would run as a
formula (it starts with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)"; numbers and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: neutralise(value) for key, value in row.items()}
