"""Backtesting: what a profile would have done on past traffic, judged by recorded outcomes.

Answers the analyst's questions before a profile is switched on: how many shipments it hits, the
workload it puts on each unit per day, how many recorded seizures it would have caught, and how
well each indicator has done (hits, inspected, seizures, precision).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

import duckdb
import pyarrow as pa

from interdict.targeting.engine import BatchEngine
from interdict.targeting.evaluation import evaluate
from interdict.targeting.lane import assign_lanes
from interdict.targeting.profile import Profile


@dataclass(frozen=True)
class Backtest:
    shipments: int
    hits: int  # red-eligible: the profile would send them to inspection if capacity allowed
    yellow: int
    flagged: int  # at least one indicator fired
    seizures_recorded: int
    seizures_caught: int  # recorded seizures among the hits
    seizures_caught_within_capacity: int  # ... and still red once unit capacity is applied
    workload: pa.Table  # unit, day, shipments, hits, red_capacity_lane
    caught_by_category: pa.Table  # finding category, seizures, caught
    indicators: pa.Table  # see indicator_effectiveness

    def summary(self) -> dict[str, int | float]:
        return {
            "shipments": self.shipments, "hits": self.hits, "yellow": self.yellow, "flagged": self.flagged,
            "hit_share": round(self.hits / self.shipments, 4) if self.shipments else 0.0,
            "seizures_recorded": self.seizures_recorded, "seizures_caught": self.seizures_caught,
            "seizures_caught_within_capacity": self.seizures_caught_within_capacity,
        }


def _outcomes_by_shipment(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE OR REPLACE TEMP TABLE outcome_by_shipment AS
        SELECT reporter, shipment_id, true AS inspected, bool_or(result = 'seizure') AS seized
        FROM outcomes GROUP BY reporter, shipment_id""")


def indicator_effectiveness(scored: pa.Table, outcomes: pa.Table, *, profiles: Sequence[Profile]) -> pa.Table:
    """Per indicator: hits, inspected hits, seizures among them, precision = seizures / inspected.

    Precision is only over inspected shipments: most hits were never opened, and a rate over all
    hits would count the unopened ones as clean.
    """
    con = duckdb.connect()
    try:
        con.register("scored", scored.select(["reporter", "shipment_id", "indicators"]))
        con.register("outcomes", outcomes.select(["reporter", "shipment_id", "result"]))
        con.register("catalogue", pa.table({
            "indicator": [i.key for p in profiles for i in p.indicators],
            "profile": [p.label for p in profiles for _ in p.indicators],
            "weight": [i.weight for p in profiles for i in p.indicators],
            "reason": [i.reason for p in profiles for i in p.indicators]}))
        _outcomes_by_shipment(con)
        return con.sql("""
            WITH hit AS (
              SELECT s.reporter, s.shipment_id, unnest(s.indicators) AS indicator FROM scored s),
            judged AS (
              SELECT h.indicator, coalesce(o.inspected, false) AS inspected, coalesce(o.seized, false) AS seized
              FROM hit h LEFT JOIN outcome_by_shipment o USING (reporter, shipment_id)),
            per AS (
              SELECT indicator, count(*) AS hits, count(*) FILTER (WHERE inspected) AS inspected,
                     count(*) FILTER (WHERE seized) AS seizures FROM judged GROUP BY indicator)
            SELECT c.indicator, c.profile, c.weight, c.reason,
                   coalesce(p.hits, 0) AS hits, coalesce(p.inspected, 0) AS inspected,
                   coalesce(p.seizures, 0) AS seizures,
                   CASE WHEN p.inspected > 0 THEN p.seizures / p.inspected END AS precision
            FROM catalogue c LEFT JOIN per p USING (indicator)
            ORDER BY seizures DESC, hits DESC, c.indicator""").to_arrow_table()
    finally:
        con.close()


def backtest(profiles: Sequence[Profile], shipments: pa.Table, outcomes: pa.Table, *,
             engine: str | BatchEngine = "duckdb", since: datetime | None = None, until: datetime | None = None,
             red_share: float = 0.02, random_share: float = 0.0, seed: int = 0) -> Backtest:
    """Score `shipments` reported in [since, until] with `profiles` and compare with `outcomes`."""
    scored = evaluate(shipments, profiles, engine=engine, as_of=until, since=since)
    laned = assign_lanes(scored, red_share=red_share, random_share=random_share, seed=seed)
    con = duckdb.connect()
    try:
        con.register("laned", laned.select(["reporter", "shipment_id", "unit", "day", "score", "red_eligible",
                                            "yellow_eligible", "lane"]))
        con.register("outcomes", outcomes.select(["reporter", "shipment_id", "result", "findings"]))
        _outcomes_by_shipment(con)
        totals = con.sql("""
            SELECT count(*) AS shipments,
                   count(*) FILTER (WHERE red_eligible) AS hits,
                   count(*) FILTER (WHERE yellow_eligible AND NOT red_eligible) AS yellow,
                   count(*) FILTER (WHERE score > 0) AS flagged,
                   count(*) FILTER (WHERE o.seized) AS seizures_recorded,
                   count(*) FILTER (WHERE o.seized AND red_eligible) AS seizures_caught,
                   count(*) FILTER (WHERE o.seized AND red_eligible AND lane = 'red') AS caught_within
            FROM laned l LEFT JOIN outcome_by_shipment o USING (reporter, shipment_id)""").fetchall()[0]
        workload = con.sql("""
            SELECT unit, day, count(*) AS shipments, count(*) FILTER (WHERE red_eligible) AS hits,
                   count(*) FILTER (WHERE lane = 'red') AS red_lane
            FROM laned GROUP BY unit, day ORDER BY unit, day""").to_arrow_table()
        caught = con.sql("""
            WITH seized AS (
              SELECT o.reporter, o.shipment_id, unnest(o.findings).category AS category
              FROM outcomes o WHERE o.result = 'seizure' AND o.findings IS NOT NULL)
            SELECT s.category, count(DISTINCT (s.reporter, s.shipment_id)) AS seizures,
                   count(DISTINCT (s.reporter, s.shipment_id)) FILTER (WHERE l.red_eligible) AS caught
            FROM seized s JOIN laned l USING (reporter, shipment_id)
            GROUP BY s.category ORDER BY seizures DESC, s.category""").to_arrow_table()
    finally:
        con.close()
    return Backtest(shipments=totals[0], hits=totals[1], yellow=totals[2], flagged=totals[3],
                    seizures_recorded=totals[4], seizures_caught=totals[5], seizures_caught_within_capacity=totals[6],
                    workload=workload, caught_by_category=caught,
                    indicators=indicator_effectiveness(scored, outcomes, profiles=profiles))
