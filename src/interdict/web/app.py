"""The FastAPI application: every capability's router and page, errors rendered one way, assets
served from this package (no CDN), and the security headers every response carries."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.datastructures import URL, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from interdict import __version__
from interdict.access.users import dummy_hash
from interdict.errors import InterdictError, Problem
from interdict.ingest.api import router as ingest_router
from interdict.store.schema import ready_engine
from interdict.targeting.api import router as targeting_router
from interdict.web import admin, analyst, api, firearms, hits, login, partner, shipments
from interdict.web.auth import LoginThrottle
from interdict.web.rendering import HERE, page, render_error, wants_json

# Scripts, styles and images only from this server; no framing; no referrer leaves the site.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}  # fmt: skip


# Every router the application serves; the authorisation matrix test walks all of their routes.
ROUTERS = (ingest_router, targeting_router, api.router, login.router, hits.router, shipments.router, partner.router, analyst.router, admin.router,
           firearms.router)


def create_app(*, engine: Engine | None = None) -> FastAPI:
    app = FastAPI(
        title="Interdict",
        version=__version__,
        description="Advance shipment data in, risk scores and hits out. Partners authenticate with an API key "
        "(`Authorization: Bearer idk_…`); browser sessions use a cookie and an `X-CSRF-Token` header.",
    )
    app.state.engine = engine or ready_engine()
    app.state.login_throttle = LoginThrottle()
    dummy_hash()  # before the first login, so an unknown name's refusal takes no longer than a wrong password's
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_middleware(_SecurityHeaders)

    @app.exception_handler(InterdictError)
    async def _interdict_error(request: Request, error: InterdictError) -> Response:
        return render_error(request, error)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = [Problem(".".join(str(p) for p in e.get("loc", ())), e.get("type", "invalid"), _plain(e.get("input")), e.get("msg", ""))
                    for e in error.errors()]  # fmt: skip
        failure = InterdictError("the request is not valid", problems=problems)
        failure.status_code = 422
        return render_error(request, failure)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        if wants_json(request) or request.url.path.startswith("/static/"):
            return JSONResponse({"error": "HTTPError", "message": str(error.detail), "problems": [], "hint": None},
                                status_code=error.status_code, headers=getattr(error, "headers", None))  # fmt: skip
        return page(request, "error.html", status_code=error.status_code,
                    error={"error": "HTTPError", "message": str(error.detail), "problems": [], "hint": None})  # fmt: skip

    return app


class _SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response; answers 400 to an address holding a NUL.

    A plain ASGI middleware: it only edits the response's start message. (Starlette's
    `@app.middleware("http")` streamed every body through a task group and an in-memory channel:
    about a fifth of the CPU of a small API call.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = URL(scope=scope).path
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name == "Cache-Control" and path.startswith("/static/"):
                        continue
                    if name == "Content-Security-Policy" and path in ("/docs", "/redoc"):
                        continue  # the interactive API docs need their own scripts
                    headers.setdefault(name, value)
                if https:
                    headers.setdefault("Strict-Transport-Security", "max-age=31536000")
            await send(message)

        if _has_nul(path, scope.get("query_string", b"")):  # no store keeps a NUL in text (PostgreSQL refuses it): say so, not 500
            failure = InterdictError("the address contains a NUL character",
                                     problems=[Problem("url", "no_nul", None, "remove %00 from the address")])  # fmt: skip
            failure.status_code = 400
            await render_error(Request(scope, receive), failure)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _has_nul(path: str, query: bytes) -> bool:
    return "\x00" in path or b"\x00" in query or b"%00" in query


def _plain(value: object) -> object:
    return value if isinstance(value, str | int | float | bool | type(None)) else repr(value)[:200]
