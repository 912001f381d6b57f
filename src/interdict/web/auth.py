"""Who is calling, for pages and the JSON API alike: a partner's API key or a session cookie, and
for a cookie every state-changing request must carry the session's CSRF token. Routes declare
`allowed("permission")` and get a `Viewer`; what rows they see is decided in `access.scope`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, delete, func, insert, select

from interdict.access.dependencies import EngineDep, check_api_key
from interdict.access.models import LoginAttempt
from interdict.access.scope import Viewer, require
from interdict.access.sessions import NotSignedIn, SignedIn, csrf_matches, resume_session
from interdict.errors import AccessDenied, InterdictError, Problem
from interdict.store.database import now_utc

SESSION_COOKIE = "interdict_session"
LOGIN_COOKIE = "interdict_login"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_ATTEMPTS = LoginAttempt.__table__

_bearer = HTTPBearer(auto_error=False, description="a partner API key: `Authorization: Bearer idk_…`")
_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="a partner API key")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="a signed-in browser session")


async def current_viewer(
    request: Request,
    engine: EngineDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    key: Annotated[str | None, Depends(_key_header)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> Viewer:
    presented = (bearer.credentials if bearer else None) or key
    if presented:
        partner = await check_api_key(engine=engine, presented=presented)
        if partner is None:
            raise NotSignedIn("a valid, unrevoked API key is required (Authorization: Bearer idk_…)")
        return Viewer(name=f"apikey:{partner.prefix}", role="partner", reporters=partner.reporters, agency=partner.name)
    signed_in: SignedIn = await run_in_threadpool(resume_session, engine=engine, token=cookie)
    request.state.signed_in = signed_in
    if request.method not in SAFE_METHODS:
        presented_token = request.headers.get(CSRF_HEADER)
        if not presented_token and request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            presented_token = (await request.form()).get("csrf_token")  # type: ignore[assignment]
        if not csrf_matches(signed_in, presented_token if isinstance(presented_token, str) else None):
            raise AccessDenied("the form's security token is missing or wrong: reload the page and try again",
                               problems=[Problem("csrf_token", "matches_session", None, "reload the page")])  # fmt: skip
    return signed_in.viewer


CurrentUser = Annotated[Viewer, Depends(current_viewer)]


class Permission:
    """A route's required permission; the authorisation matrix test reads it from every route."""

    def __init__(self, permission: str):
        self.permission = permission

    async def __call__(self, viewer: CurrentUser) -> Viewer:
        require(viewer, self.permission)
        return viewer


def allowed(permission: str) -> Any:
    return Depends(Permission(permission))


class TooManyAttempts(InterdictError):
    status_code = 429


class LoginThrottle:
    """At most `limit` login attempts per address in `window` seconds, counted in the database so
    the limit holds across server processes. Two processes checking at the same instant may each
    let one more through; the per-account lock-out (users.authenticate) is exact.

    It slows a password-guessing client down before it reaches Argon2.
    """

    def __init__(self, limit: int = 20, window: float = 300.0):
        self.limit, self.window = limit, window

    def check(self, *, engine: Engine, address: str) -> None:
        now = now_utc()
        since = now - timedelta(seconds=self.window)
        with engine.begin() as conn:
            conn.execute(delete(_ATTEMPTS).where(_ATTEMPTS.c.at < since))  # only the window is kept
            attempts = conn.execute(select(func.count()).where(_ATTEMPTS.c.address == address, _ATTEMPTS.c.at >= since)).scalar_one()
            if attempts >= self.limit:
                raise TooManyAttempts("too many login attempts from your address: wait a few minutes",
                                      problems=[Problem("address", "rate_limit", address, f"at most {self.limit} attempts in {int(self.window / 60)} minutes")])  # fmt: skip
            conn.execute(insert(_ATTEMPTS).values(address=address[:64], at=now))
