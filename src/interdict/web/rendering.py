"""Pages rendered from Jinja2 templates, and errors shown the same way in pages and the API."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from interdict import __version__
from interdict.access.scope import PERMISSIONS
from interdict.access.sessions import NotSignedIn
from interdict.errors import InterdictError

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
# Templates ship with the package and do not change under a running server; checking each file's
# time on every render (and every row's include) cost a third of the hit list's rendering.
templates.env.auto_reload = False
templates.env.globals.update(version=__version__, PERMISSIONS=PERMISSIONS)
templates.env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True, "default": str}


def _grams(value: int | None) -> str:
    return "" if value is None else f"{value / 1000:,.3f} kg"


def _minor(value: int | None) -> str:
    return "" if value is None else f"{value / 100:,.2f}"


templates.env.filters.update(kg=_grams, money=_minor)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    signed_in = getattr(request.state, "signed_in", None)
    context |= {"viewer": signed_in.viewer if signed_in else None, "csrf_token": signed_in.csrf_token if signed_in else ""}
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def render_error(request: Request, error: InterdictError) -> Response:
    if wants_json(request):
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, NotSignedIn) else None
        return JSONResponse(error.as_dict(), status_code=error.status_code, headers=headers)
    if isinstance(error, NotSignedIn):
        target = request.url.path if request.method == "GET" else "/"
        if request.headers.get("HX-Request"):
            return Response(status_code=401, headers={"HX-Redirect": f"/login?next={quote(target)}"})
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    if request.headers.get("HX-Request"):
        return page(request, "_error.html", status_code=error.status_code, error=error.as_dict())
    return page(request, "error.html", status_code=error.status_code, error=error.as_dict())
