"""The abstract batch engine and the one SQL query every engine runs.

The query is written once in the subset of SQL that DuckDB and Spark SQL execute identically
(integers only, no division, no rounding, `contains`, window frames over integer seconds); the few
spellings that differ (string literals, regex search, distinct counts in windows) are the dialect.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Mapping, Sequence

import pyarrow as pa

from interdict.targeting.condition import Aggregate, Condition
from interdict.targeting.profile import Profile


class BatchEngine(ABC):
    """Runs the indicator query over an Arrow table of prepared shipments; returns Arrow."""

    name: str

    @abstractmethod
    def literal(self, text: str) -> str:
        """A SQL string literal holding `text` exactly."""

    @abstractmethod
    def regex_search(self, column_sql: str, pattern: str) -> str:
        """True where `pattern` is found anywhere in the column (not a full match)."""

    @abstractmethod
    def distinct_count(self, column_sql: str, *, over: str) -> str:
        """Number of distinct non-NULL values in the window `over` ('OVER (...)')."""

    @abstractmethod
    def any_substring(self, column_sql: str, needles: list[str]) -> str:
        """True where the column contains at least one of `needles` (plain text, not patterns)."""

    @abstractmethod
    def run(self, *, shipments: pa.Table, query: Callable[[str], str]) -> pa.Table:
        """Register `shipments` under a name of the engine's choosing and execute `query(name)`."""

    def fired(self, *, shipments: pa.Table, profiles: Sequence[Profile], since: int | None = None) -> pa.Table:
        """One row per shipment (reported at or after `since`): `id` and a boolean per indicator."""
        return self.run(shipments=shipments,
                        query=lambda table: indicator_query(profiles=profiles, dialect=self, since=since, table=table))


def aggregate_columns(profiles: Sequence[Profile]) -> dict[Aggregate, str]:
    """Every cross-shipment figure the profiles use, with the column name the query gives it."""
    aggregates: dict[Aggregate, str] = {}
    for indicator in (i for p in profiles for i in p.indicators):
        for aggregate in indicator.condition.aggregates():
            aggregates.setdefault(aggregate, f"_a{len(aggregates)}")
    return aggregates


def linked_matches(aggregates: Mapping[Aggregate, str]) -> dict[Condition, str]:
    """The per-row conditions that linked figures count (`Aggregate.match`), each once, with the
    name of its 0/1 column (`_m0`...)."""
    found: dict[Condition, str] = {}
    for aggregate in aggregates:
        if aggregate.match is not None:
            found.setdefault(aggregate.match, f"_m{len(found)}")
    return found


def match_columns_sql(matches: Mapping[Condition, str], *, dialect: BatchEngine,
                      decided: Mapping[Condition, str] | None = None) -> list[str]:
    """`CASE WHEN <match> THEN 1 ELSE 0 END AS _mN` for each linked figure's condition."""
    return [f"CASE WHEN {m.render(dialect=dialect, aggregates=dict(decided or {}))} THEN 1 ELSE 0 END AS {alias}"
            for m, alias in matches.items()]


def text_leaves(profiles: Sequence[Profile]) -> dict[Condition, str]:
    """The leaf conditions whose value depends on one text column only, each once, with the
    column name the engine may give its precomputed value (`_k0`...); those inside a linked
    figure's `match` too."""
    found: dict[Condition, str] = {}

    def walk(condition: Condition) -> None:
        if condition.text_column() is not None:
            found.setdefault(condition, f"_k{len(found)}")
        for part in condition.children():
            walk(part)

    for indicator in (i for p in profiles for i in p.indicators):
        walk(indicator.condition)
    return found


def indicator_query(*, profiles: Sequence[Profile], dialect: BatchEngine, since: int | None, table: str,
                    counted: bool = False, decided: Mapping[Condition, str] | None = None) -> str:
    """The query; with `counted`, the table already holds the cross-shipment figures (`_a0`...);
    `decided` names the columns that already hold the value of some leaf conditions."""
    indicators = [i for p in profiles for i in p.indicators]
    aggregates = aggregate_columns(profiles)
    matches = linked_matches(aggregates)
    windows = [] if counted else [f"{a.window_sql(dialect=dialect, matched=matches.get(a.match))} AS {alias}"
                                  for a, alias in aggregates.items()]
    columns = [f"{i.condition.render(dialect=dialect, aggregates={**aggregates, **(decided or {})})} AS f{n}" for n, i in enumerate(indicators)]
    where = f"WHERE _t >= {int(since)}" if since is not None else ""
    if not windows:
        return "SELECT id" + "".join(f",\n  {c}" for c in columns) + f"\nFROM {table} {where}"
    # Windows run over a narrow projection (id, time, keys) and are joined back by id: sorting the
    # wide rows once per window partitioning would cost more than all the indicators together.
    keys = sorted({a.per for a in aggregates} | {a.of for a in aggregates if a.of})
    keys += match_columns_sql(matches, dialect=dialect, decided=decided)
    return "\n".join([
        f"WITH narrow AS (SELECT id, _t, {', '.join(keys)} FROM {table}),",
        "windowed AS (SELECT id" + "".join(f", {w}" for w in windows) + " FROM narrow)",
        "SELECT s.id" + "".join(f",\n  {c}" for c in columns),
        f"FROM {table} s JOIN windowed w ON s.id = w.id {where.replace('_t', 's._t')}",
    ])
