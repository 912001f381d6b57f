"""Annual statistics in the categories of UNODC's Illicit Arms Flows Questionnaire: firearms, parts and
components and ammunition by how they were recovered (seized, found, surrendered), and tracing
outcomes; computed from lists of records and written to an Excel workbook a coordinator can send.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Font

from interdict.firearms.models import Ammunition, Firearm, FirearmCategory, FirearmPart
from interdict.firearms.tracing import TracingOutcome, TracingRequest, TracingStatus, request_outcome
from interdict.reporting.cells import neutralise

UNKNOWN_CALIBRE = "unknown calibre"
# A cell starting with one of these is read by spreadsheet programs as a formula (or DDE command):
# a make typed as '=HYPERLINK(...)' must arrive as text. Tab and carriage return too (OWASP).


@cache
def _rows() -> dict[str, Any]:
    return yaml.safe_load(Path(__file__).with_name("unodc_categories.yaml").read_text(encoding="utf-8"))


@dataclass
class ArmsFlowStatistics:
    """Counts for one period (a year, or everything when `year` is None) and one country or all.

    Each table maps a questionnaire row to counts by recovery ('seized', 'found', 'surrendered').
    Firearms count items; parts and ammunition count pieces and rounds (their `quantity`).
    """

    year: int | None
    country: str | None
    firearms: dict[str, Counter[str]] = field(default_factory=dict)
    converted_weapons: Counter[str] = field(default_factory=Counter)
    parts_and_components: dict[str, Counter[str]] = field(default_factory=dict)
    ammunition: dict[str, Counter[str]] = field(default_factory=dict)
    tracing: Counter[str] = field(default_factory=Counter)

    def total(self, table: str) -> Counter[str]:
        """Column totals of one of the tables ('firearms', 'parts_and_components', 'ammunition')."""
        summed: Counter[str] = Counter()
        for counts in getattr(self, table).values():
            summed.update(counts)
        return summed


def _in_period(recovered_on: date | None, country_of_recovery: str | None, *, year: int | None, country: str | None) -> bool:
    if year is not None and (recovered_on is None or recovered_on.year != year):
        return False
    return country is None or country_of_recovery == country


def compute_statistics(
    *,
    firearms: Iterable[Firearm] = (),
    parts: Iterable[FirearmPart] = (),
    ammunition: Iterable[Ammunition] = (),
    tracing_requests: Iterable[TracingRequest] = (),
    year: int | None = None,
    country: str | None = None,
) -> ArmsFlowStatistics:
    """The questionnaire's tables for `year` (by date recovered; tracing by date sent) and `country`
    (of recovery; tracing by requesting country). Records without a date are left out of a year."""
    rows = _rows()
    stats = ArmsFlowStatistics(year=year, country=country)
    # Every row is present even when zero: a questionnaire distinguishes 0 from "not reported".
    for row in rows["firearm_rows"].values():
        stats.firearms.setdefault(row, Counter())
    for row in rows["part_rows"].values():
        stats.parts_and_components.setdefault(row, Counter())

    for firearm in firearms:
        if _in_period(firearm.recovered_on, firearm.country_of_recovery, year=year, country=country):
            stats.firearms[rows["firearm_rows"][str(firearm.category)]][str(firearm.recovery)] += 1
            if firearm.category == FirearmCategory.converted_or_convertible_weapon:
                stats.converted_weapons[str(firearm.recovery)] += 1
    for part in parts:
        if _in_period(part.recovered_on, part.country_of_recovery, year=year, country=country):
            stats.parts_and_components[rows["part_rows"][str(part.part_type)]][str(part.recovery)] += part.quantity
    for lot in ammunition:
        if _in_period(lot.recovered_on, lot.country_of_recovery, year=year, country=country):
            row = lot.calibre_canonical or (lot.calibre or UNKNOWN_CALIBRE)
            stats.ammunition.setdefault(row, Counter())[str(lot.recovery)] += lot.quantity
    for request in tracing_requests:
        sent = request.sent_at
        if sent is None or request.status == TracingStatus.draft:
            continue
        if _in_period(sent.date(), request.requesting_country, year=year, country=country):
            stats.tracing["requests_sent"] += 1
            stats.tracing[str(request_outcome(request))] += 1
    stats.ammunition = dict(sorted(stats.ammunition.items()))
    return stats


def export_statistics_xlsx(statistics: ArmsFlowStatistics, *, path: Path | str) -> Path:
    """Write the statistics to an Excel workbook at `path`, one sheet per questionnaire section."""
    recoveries = [str(r) for r in _rows()["recoveries"]]
    workbook = Workbook()
    about = workbook.active
    about.title = "About"
    _write(about, [
        ["Illicit arms flows statistics (UNODC questionnaire categories)"],
        ["Year", statistics.year if statistics.year is not None else "all years"],
        ["Country", statistics.country or "all countries"],
        ["Firearms count items; parts and components count pieces; ammunition counts rounds."],
        ["Converted or convertible weapons are included under 'Other firearms'", sum(statistics.converted_weapons.values())],
    ])
    for title, table, unit in (
        ("Firearms", "firearms", "firearms"),
        ("Parts and components", "parts_and_components", "pieces"),
        ("Ammunition", "ammunition", "rounds"),
    ):
        counts: dict[str, Counter[str]] = getattr(statistics, table)
        totals = statistics.total(table)
        rows = [[f"{title} ({unit})", *recoveries, "total"]]
        rows += [[row, *(c[r] for r in recoveries), sum(c[r] for r in recoveries)] for row, c in counts.items()]
        rows.append(["Total", *(totals[r] for r in recoveries), sum(totals[r] for r in recoveries)])
        _write(workbook.create_sheet(title), rows)
    outcomes = [str(o) for o in TracingOutcome]
    _write(workbook.create_sheet("Tracing"), [
        ["Tracing requests", "count"],
        ["requests_sent", statistics.tracing["requests_sent"]],
        *([o, statistics.tracing[o]] for o in outcomes),
    ])
    target = Path(path)
    workbook.save(target)
    return target


def _write(sheet: Any, rows: list[list[Any]]) -> None:
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = max(12, *(len(str(r[0])) + 2 for r in rows))
