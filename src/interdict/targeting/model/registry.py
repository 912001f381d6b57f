"""The model registry: every trained version of the shipment risk model with its data window, metrics and
features; one is active, and `score_shipments` scores with it. Activation and rollback are logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pyarrow as pa
from sqlalchemy import Boolean, Engine, ForeignKey, Integer, LargeBinary, String, Text, select, update
from sqlalchemy.orm import Mapped, mapped_column

from interdict.errors import InvalidInput, NotFound, Problem
from interdict.store.database import Base, JSONValue, UTCDateTime, now_utc
from interdict.targeting.evaluation import HISTORY
from interdict.targeting.model import features as shipment_features
from interdict.targeting.model import training
from interdict.targeting.screening.hits import hit_kinds


class RiskModelVersion(Base):
    """One trained model: what it learned from, how well it did, and the model itself."""

    __tablename__ = "risk_model_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    created_by: Mapped[str | None] = mapped_column(String(100))
    data_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    data_to: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    window: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    metrics: Mapped[dict[str, Any] | None] = mapped_column(JSONValue)
    settings: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    features: Mapped[list[str]] = mapped_column(JSONValue)
    artefact: Mapped[bytes] = mapped_column(LargeBinary)


class RiskModelActivation(Base):
    """Each switch of the active model, so a rollback knows what was active before."""

    __tablename__ = "risk_model_activations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("risk_model_versions.id"))
    activated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    activated_by: Mapped[str | None] = mapped_column(String(100))


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def train_model(
    *, engine: Engine, since: datetime | None = None, until: datetime | None = None, population: str = "auto",
    other_weight: float = 1.0, profiles: bool = True, activate: bool = False, note: str | None = None,
    progress: Any = None,
) -> tuple[int, training.ShipmentModel]:  # fmt: skip
    """Train a model on the store's shipments and inspection outcomes and register it as the next version.
    The window's parties' history reaches back HISTORY before `since`, as when its shipments are scored."""
    step = progress or (lambda _message: None)
    step("reading shipments and outcomes")
    shipments = shipment_features.load_shipments(engine=engine, since=since - HISTORY if since else None, until=until)
    outcomes = shipment_features.load_outcomes(engine=engine)
    if profiles:
        step("profile indicators")
        shipments = with_profiles(shipments=shipments, screened=store_screening(engine=engine, since=since, until=until))
    step("features")
    prepared = training.prepare(shipments=shipments, outcomes=outcomes, known_until=until)
    step("boosters")
    settings = training.ModelSettings(population=population, other_contraband_weight=other_weight)
    model = training.fit(prepared=prepared, since=since, until=until, settings=settings)
    return register_model(engine=engine, model=model, activate=activate, note=note), model


def register_model(*, engine: Engine, model: training.ShipmentModel, activate: bool = False,
                   created_by: str | None = None, note: str | None = None) -> int:
    """Store a trained model as the next version; return the version number."""
    window = model.report.get("window", {})
    with engine.begin() as conn:
        latest = conn.execute(select(RiskModelVersion.version).order_by(RiskModelVersion.version.desc()).limit(1)).scalar()
        version = (latest or 0) + 1
        conn.execute(RiskModelVersion.__table__.insert().values(
            version=version, created_at=now_utc(), created_by=created_by,
            data_from=_parse(window.get("first_reported")), data_to=_parse(window.get("last_reported")),
            active=False, note=note, window=window, metrics=model.report.get("validation"),
            settings=model.report.get("settings", {}), features=model.feature_names,
            artefact=training.model_to_bytes(model),
        ))
    if activate:
        activate_model(engine=engine, version=version, activated_by=created_by)
    return version


def list_models(*, engine: Engine) -> list[dict[str, Any]]:
    """Every version, newest first, without the model itself."""
    columns = [c for c in RiskModelVersion.__table__.columns if c.name != "artefact"]
    with engine.connect() as conn:
        rows = conn.execute(select(*columns).order_by(RiskModelVersion.version.desc())).mappings().all()
    return [dict(r) for r in rows]


def activate_model(*, engine: Engine, version: int, activated_by: str | None = None) -> None:
    """Make `version` the one `score_shipments` uses."""
    with engine.begin() as conn:
        model_id = conn.execute(select(RiskModelVersion.id).where(RiskModelVersion.version == version)).scalar()
        if model_id is None:
            raise NotFound(f"no model version {version}",
                           problems=[Problem("version", "exists", version, "see `interdict model list`")])
        conn.execute(update(RiskModelVersion).values(active=False))
        conn.execute(update(RiskModelVersion).where(RiskModelVersion.id == model_id).values(active=True))
        conn.execute(RiskModelActivation.__table__.insert().values(model_id=model_id, activated_at=now_utc(),
                                                                   activated_by=activated_by))


def rollback_model(*, engine: Engine, activated_by: str | None = None) -> int:
    """Re-activate the version that was active before the current one; return its number."""
    with engine.connect() as conn:
        history = conn.execute(
            select(RiskModelVersion.version).join(RiskModelActivation, RiskModelActivation.model_id == RiskModelVersion.id)
            .order_by(RiskModelActivation.id.desc())).scalars().all()
    current = active_version(engine=engine)
    earlier = [v for v in history if v != current]
    if not earlier:
        raise NotFound("no earlier active model to roll back to",
                       problems=[Problem("version", "earlier_activation", current, "activate a version by number instead")])
    activate_model(engine=engine, version=earlier[0], activated_by=activated_by)
    return earlier[0]


def active_version(*, engine: Engine) -> int | None:
    with engine.connect() as conn:
        return conn.execute(select(RiskModelVersion.version).where(RiskModelVersion.active.is_(True))).scalar()


def active_window(*, engine: Engine) -> dict[str, Any]:
    """The data window of the active model (shipments, inspected, positives...), {} without one."""
    with engine.connect() as conn:
        window = conn.execute(select(RiskModelVersion.window).where(RiskModelVersion.active.is_(True))).scalar()
    return dict(window or {})


def load_registered(*, engine: Engine, version: int | None = None) -> training.ShipmentModel:
    """A stored model: `version`, or the active one."""
    query = select(RiskModelVersion.artefact)
    query = query.where(RiskModelVersion.version == version) if version is not None else query.where(RiskModelVersion.active.is_(True))
    with engine.connect() as conn:
        artefact = conn.execute(query).scalar()
    if artefact is None:
        what = f"model version {version}" if version is not None else "active model"
        raise NotFound(f"no {what}", problems=[Problem("version", "exists", version,
                                                       "train one with `interdict model train` and activate it")])
    return training.model_from_bytes(artefact)


def store_screening(*, engine: Engine, since: datetime | None = None, until: datetime | None = None) -> pa.Table | None:
    """`id` and `watchlist_hits` of the store's shipments reported from `since - HISTORY` to `until`,
    screened against the watchlist entries valid then, as `interdict score` screens them; None
    without stored entries."""
    from interdict.targeting import service  # which imports this module

    contract = service.shipments_table(engine=engine, since=since, until=until)
    screen = service.store_watchlist_hits(engine, contract, until) if contract.num_rows else None
    if screen is None:
        return None
    return pa.table({"id": contract.column("id"), "watchlist_hits": screen(contract)})


def with_profiles(*, shipments: pa.Table, screened: pa.Table | None = None) -> pa.Table:
    """The shipments with the profiles' score and indicators (`features.with_profile_indicators`),
    decided with the parties' watchlist hits in `screened` (`id`, `watchlist_hits`) when given: the
    profile score a model learns from and starts from is then the one the lanes see."""
    if screened is not None:
        by_id = dict(zip(screened.column("id").to_pylist(), screened.column("watchlist_hits").to_pylist(), strict=True))
        hits = pa.array([by_id.get(pk) or [] for pk in shipments.column("id").to_pylist()], pa.list_(pa.string()))
        shipments = shipments.append_column("watchlist_hits", hits).append_column("watchlist_hit_kinds", hit_kinds(hits))
    out = shipment_features.with_profile_indicators(shipments=shipments)
    # The hits themselves are lists, not features; what the profiles made of them is.
    return out.drop_columns([c for c in ("watchlist_hits", "watchlist_hit_kinds") if c in out.column_names])


@dataclass
class ScoredShipments:
    """Aligned arrays: shipment primary key, model score 0-100, top contributing features (name, log-odds)."""

    shipment_pk: np.ndarray
    score: np.ndarray
    top_features: list[list[tuple[str, float]]]

    def reasons(self) -> list[str]:
        """Top features as one readable string per shipment."""
        return ["; ".join(f"{name} (+{value:.2f})" for name, value in top) for top in self.top_features]


def score_shipments(*, engine: Engine | None = None, table: pa.Table | None = None,
                    model: training.ShipmentModel | int | None = None, outcomes: pa.Table | None = None,
                    since: datetime | None = None, top: int = 3, explain_from: int = 0,
                    screened: pa.Table | None = None) -> ScoredShipments:
    """Score shipments with `model` (a model, a version number, or the active one by default).

    From the store (`engine`) or a table in the column contract (`table`, its own history); the
    outcomes known feed the parties' history. `since`: score only shipments reported from then on,
    the earlier ones being history. The result is what `blend_model_score` takes. Top features
    are worked out for shipments scoring at least `explain_from` (the others' lists are empty).
    `screened` (`id`, `watchlist_hits`): the parties' watchlist hits the profile indicators use.
    """
    if (engine is None) == (table is None):
        raise InvalidInput("give exactly one of engine and table",
                           problems=[Problem("engine/table", "exactly_one", None, "score from the store or from a table")])
    if not isinstance(model, training.ShipmentModel):
        if engine is None:
            raise InvalidInput("a stored model needs the store",
                               problems=[Problem("model", "model_object", model, "pass a trained model with a table")])
        model = load_registered(engine=engine, version=model)
    if table is None:  # the party history of the shipments scored reaches back HISTORY, as the profiles'
        table = shipment_features.load_shipments(engine=engine, since=since - HISTORY if since else None)
        outcomes = shipment_features.load_outcomes(engine=engine) if outcomes is None else outcomes
    if outcomes is None:
        outcomes = shipment_features.outcomes_table([])
    if any(n.startswith("indicator_") for n in model.feature_names) and "profile_score" not in table.column_names:
        table = with_profiles(shipments=table, screened=screened)
    prepared = training.prepare(shipments=table, outcomes=outcomes)
    rows = prepared.rows_between(since, None)
    scored = training.score(model=model, prepared=prepared, rows=rows, contributions=top, explain_from=explain_from)
    pks = table.column("id").to_numpy(zero_copy_only=False)[rows].astype(np.int64)
    return ScoredShipments(pks, scored.score, scored.top_features or [[] for _ in rows])
