"""Browser sessions: a random token in an HttpOnly cookie, stored only as its SHA-256 hash, with
an idle and an absolute expiry, a CSRF token bound to it, and ended for good at logout (a copied
or replayed cookie of an ended session opens nothing).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, ForeignKey, String, delete, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from interdict.access.users import User, viewer_for
from interdict.access.scope import Viewer
from interdict.errors import InterdictError
from interdict.store.database import Base, UTCDateTime, now_utc

IDLE = timedelta(minutes=30)
ABSOLUTE = timedelta(hours=10)  # one shift and a little more
_TOUCH_EVERY = timedelta(seconds=60)  # write last_seen at most once a minute, not on every request
# A resumed session is remembered in this process for a few seconds: two queries fewer per request.
# Sign-out and disabling in this process forget it at once; in another worker process they take
# effect within CACHE_SECONDS.
CACHE_SECONDS = 5.0
_CACHE: dict[tuple[int, str], tuple[float, SignedIn]] = {}
_CACHE_LOCK = threading.Lock()


class NotSignedIn(InterdictError):
    status_code = 401


class WebSession(Base):
    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))


_SESSIONS = WebSession.__table__


@dataclass(frozen=True, slots=True)
class SignedIn:
    viewer: Viewer
    csrf_token: str
    token_hash: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(*, engine: Engine, user_id: int, ip: str | None = None, user_agent: str | None = None) -> str:
    """A new session for the user; returns the cookie value (shown to nobody else, stored hashed)."""
    token = secrets.token_urlsafe(32)
    now = now_utc()
    with engine.begin() as conn:
        conn.execute(insert(_SESSIONS).values(
            token_hash=_hash(token), user_id=user_id, csrf_token=secrets.token_urlsafe(32), created_at=now,
            last_seen_at=now, expires_at=now + ABSOLUTE, ip=ip, user_agent=(user_agent or "")[:300],
        ))  # fmt: skip
    return token


def resume_session(*, engine: Engine, token: str | None) -> SignedIn:
    """The session behind a cookie; NotSignedIn when forged, ended, idle too long or expired."""
    if not token or len(token) > 100:
        raise NotSignedIn("please sign in")
    token_hash = _hash(token)
    cached = _CACHE.get((id(engine), token_hash))
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    with engine.connect() as conn:
        row = conn.execute(select(_SESSIONS).where(_SESSIONS.c.token_hash == token_hash)).mappings().first()
    now = now_utc()
    if row is None or row["ended_at"] is not None or row["expires_at"] <= now or row["last_seen_at"] + IDLE <= now:
        raise NotSignedIn("your session has ended: please sign in again")
    viewer = viewer_for(engine=engine, user_id=row["user_id"])
    if viewer is None:
        raise NotSignedIn("this account is disabled")
    if now - row["last_seen_at"] >= _TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(update(_SESSIONS).where(_SESSIONS.c.token_hash == token_hash).values(last_seen_at=now))
    signed_in = SignedIn(viewer, row["csrf_token"], token_hash)
    with _CACHE_LOCK:
        if len(_CACHE) > 10_000:
            _CACHE.clear()
        _CACHE[(id(engine), token_hash)] = (min(time.monotonic() + CACHE_SECONDS, time.monotonic() + (row["expires_at"] - now).total_seconds()), signed_in)
    return signed_in


def forget_sessions() -> None:
    """Drop what this process remembers of resumed sessions (after a sign-out or a disabled account)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def csrf_matches(signed_in: SignedIn, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(signed_in.csrf_token.encode(), (presented or "").encode())


def end_session(*, engine: Engine, token: str | None) -> None:
    if not token:
        return
    with engine.begin() as conn:
        conn.execute(update(_SESSIONS).where(_SESSIONS.c.token_hash == _hash(token)).values(ended_at=now_utc()))
    forget_sessions()


def end_sessions_of(*, engine: Engine, username: str) -> None:
    with engine.begin() as conn:
        user_ids = select(User.id).where(User.username == username)
        conn.execute(update(_SESSIONS).where(_SESSIONS.c.user_id.in_(user_ids), _SESSIONS.c.ended_at.is_(None)).values(ended_at=now_utc()))
    forget_sessions()


def purge_sessions(*, engine: Engine, older_than: timedelta = timedelta(days=30)) -> int:
    with engine.begin() as conn:
        return conn.execute(delete(_SESSIONS).where(_SESSIONS.c.expires_at < now_utc() - older_than)).rowcount
