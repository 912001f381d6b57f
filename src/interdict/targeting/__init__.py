"""Targeting: risk profiles as data, scored in batch (DuckDB, Spark) or one shipment at a time.

Load profiles, evaluate shipments, assign lanes within each unit's capacity, backtest on outcomes.
See docs/targeting.md for the profile format, the column contract and the engine design.
"""

from interdict.targeting.backtest import Backtest, backtest, indicator_effectiveness
from interdict.targeting.condition import Aggregate
from interdict.targeting.engine import ENGINES, BatchEngine, get_engine
from interdict.targeting.evaluation import (
    aggregates_needed, blend_model_score, context_for, evaluate, prepare_shipments, score_one, shipment_unit,
)
from interdict.targeting.lane import assign_lanes
from interdict.targeting.profile import PACKAGED_PROFILES, Indicator, Profile, load_profile, load_profiles

__all__ = [
    "Aggregate", "Backtest", "BatchEngine", "ENGINES", "Indicator", "PACKAGED_PROFILES", "Profile",
    "aggregates_needed", "assign_lanes", "backtest", "blend_model_score", "context_for", "evaluate",
    "get_engine", "indicator_effectiveness", "load_profile", "load_profiles", "prepare_shipments",
    "score_one", "shipment_unit",
]
