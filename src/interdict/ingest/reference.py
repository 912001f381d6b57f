"""Reference data the validation checks against: ISO 3166-1 countries (and XK for Kosovo),
ISO 4217 currencies with their minor-unit digits, and approximate euro rates for indicators.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@cache
def countries() -> frozenset[str]:
    return frozenset(row["alpha_2"] for row in _rows("countries.csv"))


@cache
def currency_digits() -> dict[str, int]:
    return {row["code"]: int(row["minor_unit_digits"]) for row in _rows("currencies.csv")}


@cache
def eur_per_unit() -> dict[str, Decimal]:
    return {row["currency"]: Decimal(row["eur_per_unit"]) for row in _rows("eur_rates.csv")}


def to_minor_units(amount: Decimal, currency: str | None) -> int:
    """12.34 EUR -> 1234; half-even at the currency's last digit, the rule of ISO 4217 amounts."""
    digits = currency_digits().get(currency or "", 2)
    return int((amount * (10**digits)).to_integral_value())


def to_eur_cents(amount: Decimal, currency: str | None) -> int | None:
    rate = eur_per_unit().get(currency or "")
    if rate is None:
        return None
    return int((amount * rate * 100).to_integral_value())
