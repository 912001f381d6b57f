"""The embedded engine: DuckDB over Arrow, zero-copy, vectorised, no server.

The cross-shipment figures are counted in numpy before the query (`windows.count_windows`), not
by SQL window functions: the same numbers at a fraction of the cost on one machine.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from interdict.targeting.condition import Condition
from interdict.targeting.engine.base import (
    BatchEngine, aggregate_columns, indicator_query, linked_matches, match_columns_sql, text_leaves,
)
from interdict.targeting.engine.windows import count_windows
from interdict.targeting.profile import Profile


class DuckDBEngine(BatchEngine):
    name = "duckdb"

    def __init__(self, *, connection: duckdb.DuckDBPyConnection | None = None, threads: int | None = None):
        self.connection = connection or duckdb.connect()
        if threads:
            self.connection.execute(f"SET threads = {int(threads)}")

    def literal(self, text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    def regex_search(self, column_sql: str, pattern: str) -> str:
        return f"regexp_matches({column_sql}, {self.literal(pattern)})"

    def distinct_count(self, column_sql: str, *, over: str) -> str:
        return f"count(DISTINCT {column_sql}) {over}"

    def any_substring(self, column_sql: str, needles: list[str]) -> str:
        if len(needles) <= 2:
            return "(" + " OR ".join(f"contains({column_sql}, {self.literal(n)})" for n in needles) + ")"
        # One RE2 alternation scans the text once; OR-ed contains() scan it once per needle (15x slower).
        pattern = "|".join(re.sub(r"([^A-Za-z0-9 ])", r"\\\1", n) for n in needles)
        return f"regexp_matches({column_sql}, {self.literal(pattern)})"

    def fired(self, *, shipments: pa.Table, profiles: Sequence[Profile], since: int | None = None) -> pa.Table:
        decided = text_leaves(profiles)
        for alias, values in self.decide_per_distinct_value(shipments, decided).items():
            shipments = shipments.append_column(alias, values)
        aggregates = aggregate_columns(profiles)
        matches = linked_matches(aggregates)
        if matches:  # what linked figures count, per row, before they are counted
            matched = self.run(shipments=shipments, query=lambda table: "SELECT id, " + ", ".join(
                match_columns_sql(matches, dialect=self, decided=decided)) + f" FROM {table}")
            if not matched.column("id").equals(shipments.column("id")):  # a connection that does not keep row order
                matched = matched.take(pc.index_in(shipments.column("id"), matched.column("id")))
            for alias in matches.values():
                shipments = shipments.append_column(alias, matched.column(alias))
        for alias, counts in count_windows(shipments, aggregates, matched=matches).items():
            shipments = shipments.append_column(alias, counts)
        return self.run(shipments=shipments, query=lambda table: indicator_query(
            profiles=profiles, dialect=self, since=since, table=table, counted=True, decided=decided))

    def decide_per_distinct_value(self, shipments: pa.Table, leaves: dict[Condition, str]) -> dict[str, pa.ChunkedArray]:
        """The value of each text leaf (keywords, prefixes, list elements, regex) for every shipment,
        by its alias: the leaf's own SQL run once per distinct value of the column it reads, then
        spread back over the rows by the dictionary's indices.

        Descriptions, addresses and HS codes repeat (a few thousand distinct descriptions in a
        million shipments of the benchmark), and the regular expressions were most of the query.
        """
        by_column: dict[str, list[tuple[Condition, str]]] = {}
        for leaf, alias in leaves.items():
            by_column.setdefault(leaf.text_column(), []).append((leaf, alias))
        out: dict[str, pa.ChunkedArray] = {}
        con = self.connection.cursor()
        try:
            for name, group in by_column.items():
                encoded = pc.dictionary_encode(shipments.column(name).combine_chunks())
                distinct = encoded.dictionary
                values = pa.concat_arrays([distinct, pa.nulls(1, distinct.type)])  # a NULL text is decided as well
                where = encoded.indices.fill_null(len(distinct))
                con.register("distinct_values", pa.table({name: values, "_row": pa.array(range(len(values)), pa.int64())}))
                decided = con.sql("SELECT _row" + "".join(f", {leaf.sql(dialect=self, aggregates={})} AS {alias}" for leaf, alias in group)
                                  + " FROM distinct_values ORDER BY _row").to_arrow_table()
                con.unregister("distinct_values")
                for _leaf, alias in group:
                    out[alias] = pa.chunked_array([decided.column(alias).combine_chunks().take(where)])
        finally:
            con.close()
        return out

    def run(self, *, shipments: pa.Table, query: Callable[[str], str]) -> pa.Table:
        con = self.connection.cursor()  # a cursor per run: safe to share the engine between threads
        try:
            con.register("shipments", shipments)
            return con.sql(query("shipments")).to_arrow_table()
        finally:
            con.close()
