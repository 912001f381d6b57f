"""Signing in and out, and the start page that sends each role to its daily work."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from interdict.access import audit
from interdict.access.dependencies import EngineDep
from interdict.access.sessions import ABSOLUTE, end_session, start_session
from interdict.access.users import LoginRefused, authenticate
from interdict.errors import AccessDenied, Problem
from interdict.web.auth import LOGIN_COOKIE, SESSION_COOKIE, CurrentUser
from interdict.web.rendering import page

router = APIRouter(include_in_schema=False)

HOME = {"officer": "/hits", "analyst": "/hits", "investigator": "/seizures", "prosecutor": "/seizures",
        "partner": "/partner", "coordinator": "/overview", "admin": "/admin/users"}  # fmt: skip


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _safe_next(target: str | None) -> str:
    # Only paths on this site: "//evil.example" and "https://…" would send the user elsewhere.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login")
def login_form(request: Request, next: str | None = None, message: str | None = None) -> Response:  # noqa: A002
    token = secrets.token_urlsafe(24)
    response = page(request, "login.html", login_token=token, next=_safe_next(next), message=message)
    response.set_cookie(LOGIN_COOKIE, token, max_age=1800, httponly=True, samesite="strict", secure=_secure(request), path="/login")
    return response


@router.post("/login")
async def login(
    request: Request,
    engine: EngineDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    csrf_token: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",  # noqa: A002
) -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf_token):
        raise AccessDenied("the sign-in form expired or was not sent from this site: reload it and try again",
                           problems=[Problem("csrf_token", "matches_cookie", None, "reload the sign-in page")])  # fmt: skip
    address = request.client.host if request.client else "unknown"
    await run_in_threadpool(request.app.state.login_throttle.check, engine=engine, address=address)
    try:
        user_id = await run_in_threadpool(authenticate, engine=engine, username=username.strip(), password=password, ip=address)
    except LoginRefused as refused:
        message = "Wrong username or password, or the account is disabled."
        if refused.locked_until:
            message = "Too many failed attempts: this account is locked for 15 minutes."
        request.state.signed_in = None
        response = page(request, "login.html", status_code=401, login_token=expected, next=_safe_next(next), message=message,
                        username=username)  # fmt: skip
        return response
    token = await run_in_threadpool(start_session, engine=engine, user_id=user_id, ip=address, user_agent=request.headers.get("user-agent"))
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(ABSOLUTE.total_seconds()), httponly=True, samesite="lax",
                        secure=_secure(request), path="/")  # fmt: skip
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, engine: EngineDep, viewer: CurrentUser) -> Response:
    end_session(engine=engine, token=request.cookies.get(SESSION_COOKIE))
    audit.record(engine=engine, viewer=viewer, action="logout", ip=request.client.host if request.client else None)
    response = RedirectResponse("/login?message=You+are+signed+out.", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
def home(viewer: CurrentUser) -> Response:
    return RedirectResponse(HOME.get(viewer.role, "/login"), status_code=303)
