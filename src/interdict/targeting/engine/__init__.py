"""Batch engines: where compiled profiles run. One small abstract class, one module per engine."""

from __future__ import annotations

from interdict.errors import InvalidInput, Problem
from interdict.targeting.engine.base import BatchEngine

ENGINES = ("duckdb", "spark")


def get_engine(name: str, **options) -> BatchEngine:
    """The engine called `name` ('duckdb' embedded, 'spark' for an existing cluster or local mode)."""
    if name == "duckdb":
        from interdict.targeting.engine.duckdb import DuckDBEngine

        return DuckDBEngine(**options)
    if name == "spark":
        from interdict.targeting.engine.spark import SparkEngine

        return SparkEngine(**options)
    raise InvalidInput("unknown engine", problems=[Problem("engine", "one_of", name, f"use one of {', '.join(ENGINES)}")])


__all__ = ["BatchEngine", "ENGINES", "get_engine"]
