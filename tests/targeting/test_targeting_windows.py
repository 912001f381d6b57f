"""Cross-shipment figures counted in numpy (the embedded engine's way) are the numbers the SQL
window functions give (the Spark engine's way), for every kind of figure, edge cases included:
missing and empty keys, shipments at the same second, windows ending exactly on a shipment."""

from __future__ import annotations

import duckdb
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.targeting.condition import SECONDS_PER_DAY, Aggregate
from interdict.targeting.engine.duckdb import DuckDBEngine
from interdict.targeting.engine.windows import count_windows

KEYS = st.sampled_from(["a", "b", "c", "", None])
AGGREGATES = [Aggregate(function, "value" if function == "count_distinct" else None, "key", days, side)
              for function in ("count", "count_distinct") for days in (0, 1, 3) for side in ("around", "before")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(KEYS, KEYS, st.integers(0, 6 * SECONDS_PER_DAY)), max_size=40),
       st.sampled_from([0, SECONDS_PER_DAY // 2, 3 * SECONDS_PER_DAY]))
def test_numpy_counts_equal_the_sql_windows(rows, step) -> None:
    # `step` snaps times to whole days or half days so that window ends fall exactly on shipments.
    times = [t - t % step if step else t for _, _, t in rows]
    shipments = pa.table({"id": pa.array(range(len(rows)), pa.int64()),
                          "key": pa.array([k for k, _, _ in rows], pa.string()),
                          "value": pa.array([v for _, v, _ in rows], pa.string()),
                          "_t": pa.array([1_700_000_000 + t for t in times], pa.int64())})
    aliases = {a: f"_a{n}" for n, a in enumerate(AGGREGATES)}
    counted = count_windows(shipments, aliases)
    con = duckdb.connect()
    con.register("shipments", shipments)
    windows = ", ".join(f"{a.window_sql(dialect=DuckDBEngine(connection=con))} AS {alias}" for a, alias in aliases.items())
    expected = con.sql(f"SELECT {windows} FROM shipments ORDER BY id").to_arrow_table()
    for alias in aliases.values():
        assert counted[alias].to_pylist() == expected.column(alias).to_pylist(), alias
