"""Fixtures for targeting tests: the starter profiles and one batch engine per engine kind.

Every test that takes `engine` runs on DuckDB and on Spark (local mode, one session for the whole
test run because Spark is slow to start); `-m "not spark"` skips the Spark half.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the factories module beside the tests

from interdict.targeting import get_engine, load_profiles  # noqa: E402


@pytest.fixture(scope="session")
def starter_profiles():
    return load_profiles()


@pytest.fixture(scope="session")
def spark_session():
    pyspark = pytest.importorskip("pyspark")
    del pyspark
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("interdict-tests")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .getOrCreate())
    yield session
    session.stop()


@pytest.fixture(params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def engine(request):
    if request.param == "spark":
        return get_engine("spark", session=request.getfixturevalue("spark_session"))
    return get_engine("duckdb")
