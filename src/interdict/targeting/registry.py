"""Which risk profiles are switched on: register a file at its version, activate, deactivate,
roll back to the version active before. Scoring uses the active versions only.

A registered file must not change under its version: its content hash is checked when loaded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from interdict.errors import Conflict, InvalidInput, NotFound, Problem
from interdict.store.database import now_utc
from interdict.targeting.models import ProfileVersionRow
from interdict.targeting.profile import PACKAGED_PROFILES, Profile, load_profile

_TABLE = ProfileVersionRow.__table__


def register_profile(*, engine: Engine, path: Path, activate: bool = False) -> Profile:
    profile = load_profile(path)
    _load.cache_clear()
    # Insert unless (profile, version) is there, then compare: two processes registering at once
    # (two workers' first requests in a new store) both succeed instead of one failing on the key.
    insert = (postgresql_insert if engine.dialect.name == "postgresql" else sqlite_insert)(_TABLE).values(
        profile_id=profile.id, version=profile.version, content_hash=profile.content_hash,
        path=str(Path(path).resolve()), title=getattr(profile, "title", None), active=False, registered_at=now_utc(),
    ).on_conflict_do_nothing(index_elements=["profile_id", "version"])  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert)
        existing = conn.execute(
            select(_TABLE).where(_TABLE.c.profile_id == profile.id, _TABLE.c.version == profile.version)
        ).mappings().first()
        if existing["content_hash"] != profile.content_hash:
            raise Conflict(
                f"profile {profile.label} is already registered with other content",
                problems=[Problem("version", "unique_per_content", profile.version, "this version exists with different rules")],
                hint="raise `version` in the file for a changed profile",
            )
    if activate:
        activate_profile(engine=engine, profile_id=profile.id, version=profile.version)
    return profile


def ensure_starter_library(*, engine: Engine) -> None:
    """Register the packaged starter profiles: all switched on in a new store; after an upgrade,
    a new packaged version replaces the active one only where the active one is also packaged
    (an analyst's own choice of version is left alone)."""
    with engine.connect() as conn:
        rows = conn.execute(select(_TABLE)).mappings().all()
    fresh = not rows
    known = {(r["profile_id"], r["version"]) for r in rows}
    packaged_root = str(PACKAGED_PROFILES.resolve())
    active_packaged = {r["profile_id"] for r in rows if r["active"] and r["path"].startswith(packaged_root)}
    for path in sorted(PACKAGED_PROFILES.glob("*.yaml")):
        profile = _load(str(path.resolve()), str(path.stat().st_mtime_ns))  # compiled once per file state
        if (profile.id, profile.version) in known:
            continue
        register_profile(engine=engine, path=path, activate=fresh or profile.id in active_packaged)


def activate_profile(*, engine: Engine, profile_id: str, version: int | None = None) -> dict[str, Any]:
    with engine.begin() as conn:
        query = select(_TABLE).where(_TABLE.c.profile_id == profile_id)
        query = query.where(_TABLE.c.version == version) if version is not None else query.order_by(_TABLE.c.version.desc())
        row = conn.execute(query).mappings().first()
        if row is None:
            raise NotFound(f"no registered profile {profile_id}" + (f" version {version}" if version else ""),
                           problems=[Problem("profile", "registered", profile_id, "register the file first")])  # fmt: skip
        conn.execute(update(_TABLE).where(_TABLE.c.profile_id == profile_id).values(active=False))
        conn.execute(update(_TABLE).where(_TABLE.c.id == row["id"]).values(active=True, activated_at=now_utc()))
    return dict(row)


def deactivate_profile(*, engine: Engine, profile_id: str) -> None:
    with engine.begin() as conn:
        done = conn.execute(update(_TABLE).where(_TABLE.c.profile_id == profile_id, _TABLE.c.active.is_(True)).values(active=False))
    if done.rowcount == 0:
        raise NotFound(f"profile {profile_id} is not active", problems=[Problem("profile", "active", profile_id, "nothing to deactivate")])


def rollback_profile(*, engine: Engine, profile_id: str) -> dict[str, Any]:
    """Switch back to the version that was activated before the current one."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(_TABLE).where(_TABLE.c.profile_id == profile_id, _TABLE.c.activated_at.is_not(None))
            .order_by(_TABLE.c.activated_at.desc())
        ).mappings().all()  # fmt: skip
    current = [r for r in rows if r["active"]]
    earlier = [r for r in rows if not r["active"] and (not current or r["version"] != current[0]["version"])]
    if not earlier:
        raise InvalidInput(f"profile {profile_id} has no earlier activated version to roll back to",
                           problems=[Problem("profile", "earlier_version", profile_id, "only one version was ever active")])  # fmt: skip
    return activate_profile(engine=engine, profile_id=profile_id, version=earlier[0]["version"])


def list_profiles(*, engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(_TABLE).order_by(_TABLE.c.profile_id, _TABLE.c.version)).mappings()]


@lru_cache(maxsize=256)
def _load(path: str, state: str) -> Profile:
    """Compiled once per file and state (its registered hash, or its modification time): the
    single-shipment path scores in milliseconds."""
    return load_profile(Path(path))


def active_profiles(*, engine: Engine) -> list[Profile]:
    ensure_starter_library(engine=engine)
    with engine.connect() as conn:
        rows = conn.execute(select(_TABLE).where(_TABLE.c.active.is_(True)).order_by(_TABLE.c.profile_id)).mappings().all()
    profiles = []
    for row in rows:
        profile = _load(row["path"], row["content_hash"])
        if profile.content_hash != row["content_hash"]:
            raise Conflict(
                f"profile file {row['path']} changed since {row['profile_id']}@{row['version']} was registered",
                problems=[Problem("content_hash", "unchanged", profile.content_hash, f"registered as {row['content_hash']}")],
                hint="give the changed file a new version and register it (interdict profile register)",
            )
        profiles.append(profile)
    return profiles
