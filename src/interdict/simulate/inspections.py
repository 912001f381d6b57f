"""The inspection regime the synthetic outcomes come from (records.md §2).

A realistic unit inspects 1-3 % of traffic: mostly chosen by a few crude heuristics that see only
what the paperwork says (so their aim is imperfect), plus a 0.5 % random share. Inspected illicit
parcels are found with high but not perfect probability, depending on the method.
"""

from __future__ import annotations

from random import Random
from typing import Any

from interdict.simulate.catalogue import WeightedChoice
from interdict.simulate.traffic import Parcel, Traffic

RANDOM_SHARE = 0.005
# chance of a risk-based inspection by the number of crude signals the paperwork shows
SELECT_BY_SIGNALS = (0.0, 0.003, 0.025, 0.12, 0.35, 0.55, 0.8)
METHOD_BY_RISK = WeightedChoice({"xray": 62, "physical": 28, "documentary": 5, "canine": 5})
METHOD_AT_RANDOM = WeightedChoice({"xray": 75, "physical": 15, "documentary": 10})
# chance that a method finds what is there; canines find drugs, x-ray finds metal
FINDS = {
    "xray": {"drugs": 0.55, "cash": 0.4, "other": 0.7, "default": 0.82},
    "physical": {"default": 0.95},
    "documentary": {"default": 0.08},
    "canine": {"drugs": 0.9, "explosive": 0.8, "cash": 0.5, "default": 0.3},
    "other": {"default": 0.5},
}
SUSPICIOUS_CLASSES = frozenset({"parts", "tools", "toys", "fishing", "samples", "sporting"})
RISKY_ORIGINS = frozenset({"TR", "US", "EC", "CO", "BR", "NL", "CZ"})


def crude_signals(p: Parcel, *, listed_names: frozenset[str]) -> int:
    """How many of the unit's crude indicators the paperwork of `p` trips."""
    signals = 0
    gross = p.gross_kg or 0.0
    value = p.value_eur
    if gross > 1 and value / gross < 5:
        signals += 1
    if p.category in ("gift", "documents") and gross > 2:
        signals += 1
    if gross > 1.5 and any(SUSPICIOUS_CLASSES.intersection(item.good.classes) for item in p.items):
        signals += 1
    if p.origin in RISKY_ORIGINS:
        signals += 1
    if p.transit and len(p.transit) >= 2:
        signals += 1
    if p.payment == "cash_on_delivery" and value < 20:
        signals += 1
    if not p.id_valid:
        signals += 1
    if (p.consignee_name or p.consignee.name) in listed_names or (p.shipper_name or p.shipper.name) in listed_names:
        signals += 3
    return signals


class InspectionRegime:
    """Decides which parcels a unit inspects, and what the officer finds."""

    def __init__(self, *, traffic: Traffic, rng: Random, listed_names: frozenset[str]):
        self.traffic = traffic
        self.rng = rng
        self.listed_names = listed_names

    def inspect(self, p: Parcel) -> dict[str, Any] | None:
        """The records.md §2 outcome if `p` is inspected, else None."""
        rng = self.rng
        signals = crude_signals(p, listed_names=self.listed_names)
        by_risk = rng.random() < SELECT_BY_SIGNALS[min(signals, len(SELECT_BY_SIGNALS) - 1)]
        at_random = rng.random() < RANDOM_SHARE
        if not (by_risk or at_random):
            return None
        method = (METHOD_BY_RISK if by_risk else METHOD_AT_RANDOM).pick(rng)
        if method == "canine" and p.lane.mode not in ("air_cargo", "express"):
            method = "xray"
        outcome: dict[str, Any] = {
            "reporter": p.lane.reporter,
            "shipment_id": p.shipment_id,
            "inspected_at": self.traffic.timestamp(p.day, p.seconds + rng.randrange(3_600, 40 * 3_600)),
            "method": method,
        }
        found = []
        for category, description, quantity in p.hidden or ():
            chances = FINDS[method]
            if rng.random() < chances.get(category, chances["default"]):
                found.append({"category": category, "description": description, "quantity": quantity})
        if found:
            outcome["result"] = "seizure"
            outcome["findings"] = found
        elif rng.random() < (0.12 if p.gross_kg and p.value_eur / max(p.gross_kg, 0.1) < 5 else 0.04):
            outcome["result"] = "irregularity"  # undervaluation, wrong tariff code: not what was sought
        else:
            outcome["result"] = "no_finding"
        outcome["office"] = p.lane.office
        return outcome
