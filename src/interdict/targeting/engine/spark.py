"""The scale-out engine: the same query on Spark SQL (an existing session, or local mode).

Spark 4 runs ANSI mode: the query never divides and casts before multiplying, so nothing raises.
The session time zone is forced to UTC so that no timestamp is read in local time.
"""

from __future__ import annotations

from typing import Callable

import pyarrow as pa

from interdict.targeting.engine.base import BatchEngine


class SparkEngine(BatchEngine):
    name = "spark"

    def __init__(self, *, session=None, master: str = "local[2]"):
        if session is None:
            from pyspark.sql import SparkSession

            session = (SparkSession.builder.master(master).appName("interdict-targeting")
                       .config("spark.sql.session.timeZone", "UTC")
                       .config("spark.sql.shuffle.partitions", "4")
                       .config("spark.ui.enabled", "false")
                       .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                       .getOrCreate())
        self.session = session
        self.session.conf.set("spark.sql.session.timeZone", "UTC")

    def literal(self, text: str) -> str:
        # Spark reads backslash escapes inside literals: double them so a regex's \d arrives intact.
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"

    def regex_search(self, column_sql: str, pattern: str) -> str:
        return f"({column_sql} RLIKE {self.literal(pattern)})"

    def distinct_count(self, column_sql: str, *, over: str) -> str:
        # Spark has no DISTINCT in window functions; the size of the collected set is the same number.
        return f"size(collect_set({column_sql}) {over})"

    def any_substring(self, column_sql: str, needles: list[str]) -> str:
        # Java regex has no automaton for long alternations; Spark's contains() is a plain byte search.
        return "(" + " OR ".join(f"contains({column_sql}, {self.literal(n)})" for n in needles) + ")"

    def run(self, *, shipments: pa.Table, query: Callable[[str], str]) -> pa.Table:
        frame = self.session.createDataFrame(shipments)
        view = f"shipments_{id(frame)}"
        frame.createOrReplaceTempView(view)
        try:
            result = self.session.sql(query(view)).toArrow()
        finally:
            self.session.catalog.dropTempView(view)
        return result
