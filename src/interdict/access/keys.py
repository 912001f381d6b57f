"""Partners' API keys: created once and shown once, stored as SHA-256 hashes, scoped to the
reporter codes the partner may send for, revocable.

Keys are long random tokens, so a fast hash is the right one here (Argon2 is for passwords).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select, update

from interdict.access.models import ApiKey
from interdict.errors import InvalidInput, NotFound, Problem
from interdict.store.database import now_utc

_TABLE = ApiKey.__table__
PREFIX = "idk"
# A verified key is remembered in this process for a few seconds (one query fewer per call, and
# last_used_at written at most once a minute). Revoking in this process forgets it at once; in
# another worker process the revocation takes effect within CACHE_SECONDS.
CACHE_SECONDS = 5.0
_TOUCH_EVERY = 60.0
_CACHE: dict[tuple[int, str], tuple[float, "Partner"]] = {}
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Partner:
    """Who is calling with a key: the key's name and the reporter codes it may speak for."""

    key_id: int
    name: str
    prefix: str
    reporters: frozenset[str]


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(*, engine: Engine, name: str, reporters: list[str]) -> tuple[str, str]:
    """Returns (prefix, key). The key is shown to the caller now and never again."""
    clean = sorted({r.strip() for r in reporters if r.strip()})
    if not clean:
        raise InvalidInput(
            "an API key needs at least one reporter code",
            problems=[Problem("--reporter", "non_empty", reporters, "name the reporter codes this partner sends for")],
        )
    prefix = secrets.token_hex(4)
    key = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    with engine.begin() as conn:
        conn.execute(insert(_TABLE).values(name=name, prefix=prefix, key_hash=_hash(key), reporters=clean, created_at=now_utc()))
    return prefix, key


def revoke_api_key(*, engine: Engine, prefix: str) -> None:
    with engine.begin() as conn:
        done = conn.execute(update(_TABLE).where(_TABLE.c.prefix == prefix).values(revoked=True))
    with _CACHE_LOCK:
        _CACHE.clear()
    if done.rowcount == 0:
        raise NotFound(f"no API key with prefix {prefix!r}", problems=[Problem("prefix", "exists", prefix, "no such key")])


def list_api_keys(*, engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        query = select(_TABLE.c.prefix, _TABLE.c.name, _TABLE.c.reporters, _TABLE.c.revoked, _TABLE.c.created_at,
                       _TABLE.c.last_used_at).order_by(_TABLE.c.id)  # fmt: skip
        return [dict(row) for row in conn.execute(query).mappings()]


def recently_verified(*, engine: Engine, presented: str) -> Partner | None:
    """The partner behind a presented key if this process verified the same key against the store
    within CACHE_SECONDS, else None (then call `verify_api_key`). No I/O: an async route can call
    it without a thread. The presented key is hashed on every call, and only its full SHA-256
    digest finds the cached entry."""
    parts = presented.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    cached = _CACHE.get((id(engine), _hash(presented.strip())))
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    return None


def verify_api_key(*, engine: Engine, presented: str) -> Partner | None:
    """The partner behind a presented key, or None for an unknown, malformed or revoked key."""
    parts = presented.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    known = recently_verified(engine=engine, presented=presented)
    if known is not None:
        return known
    key_hash = _hash(presented.strip())
    with engine.connect() as conn:
        row = conn.execute(select(_TABLE).where(_TABLE.c.prefix == parts[1])).mappings().first()
    if row is None or row["revoked"] or not hmac.compare_digest(row["key_hash"], key_hash):
        return None
    now = now_utc()
    if row["last_used_at"] is None or (now - row["last_used_at"]).total_seconds() >= _TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(update(_TABLE).where(_TABLE.c.id == row["id"]).values(last_used_at=now))
    partner = Partner(row["id"], row["name"], row["prefix"], frozenset(row["reporters"]))
    with _CACHE_LOCK:
        if len(_CACHE) > 10_000:
            _CACHE.clear()
        _CACHE[(id(engine), key_hash)] = (time.monotonic() + CACHE_SECONDS, partner)
    return partner
