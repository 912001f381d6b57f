"""Every route of the application, for every role: allowed roles get through, the others get 403,
nobody unauthenticated gets anything. The routes and their required permission are read from the
application itself, so a new route without a permission fails this test."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from interdict.access.keys import create_api_key
from interdict.access.models import ROLES
from interdict.access.scope import PERMISSIONS
from interdict.web.app import ROUTERS
from interdict.web.auth import Permission
from tests.web.conftest import csrf_of

# Routes open to anyone (signing in) or to any signed-in user, or guarded by their own key check.
PUBLIC = {("GET", "/login"), ("POST", "/login")}
ANY_SIGNED_IN = {("POST", "/logout"), ("GET", "/"), ("GET", "/api/v1/me")}
PARTNER_KEY_ONLY = {("POST", "/api/v1/shipments"), ("POST", "/api/v1/outcomes"), ("POST", "/api/v1/score")}


def _permission(route: APIRoute) -> str | None:
    stack = list(route.dependant.dependencies)
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, Permission):
            return dep.call.permission
        stack.extend(dep.dependencies)
    return None


def _routes() -> list[tuple[str, str, str | None]]:
    found = []
    for router in ROUTERS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            for method in sorted(route.methods):
                found.append((method, route.path, _permission(route)))
    return found


def test_every_route_declares_who_may_use_it() -> None:
    for method, path, permission in _routes():
        key = (method, path)
        assert permission or key in PUBLIC | ANY_SIGNED_IN | PARTNER_KEY_ONLY, f"{method} {path} declares no permission"


def _fill(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def test_the_matrix(engine: Engine, app, populated: dict, clients: dict[str, TestClient]) -> None:  # noqa: ANN001
    mk_pk = populated["pks"][("MKPOST", "EX000000001")]
    hit_id = re.search(r"/hits/(\d+)/claim", clients["officer"].get("/hits").text).group(1)  # type: ignore[union-attr]
    prefix = create_api_key(engine=engine, name="Target", reporters=["MKPOST"])[0]
    values = {"hit_id": hit_id, "shipment_pk": str(mk_pk), "username": "nobody-such", "prefix": prefix,
              "reporter": "MKPOST", "shipment_id": "EX000000001", "outcome_id": "999999", "seizure_id": "999999", "pk": "999999"}  # fmt: skip
    tokens = {role: csrf_of(client) for role, client in clients.items()}
    anonymous = TestClient(app)
    checked = 0
    for method, path, permission in _routes():
        if (method, path) in PUBLIC | PARTNER_KEY_ONLY | {("POST", "/logout")}:
            continue  # signing out is tested in test_security; here it would end the sessions
        url = _fill(path, values)
        reply = anonymous.request(method, url, follow_redirects=False)
        assert reply.status_code in (401, 303), f"anonymous {method} {url}: {reply.status_code}"
        if reply.status_code == 303:
            assert reply.headers["location"].startswith("/login")
        for role in ROLES:
            headers = {"X-CSRF-Token": tokens[role]} if method != "GET" else {}
            body = {"reporter": "MKPOST", "shipment_id": "EX000000001", "reason": "x"} if path == "/api/v1/parcel-reports" else None
            reply = clients[role].request(method, url, headers=headers, json=body, follow_redirects=False)
            may = permission is None or role in PERMISSIONS[permission]
            if may:
                assert reply.status_code not in (401, 403) and reply.status_code < 500, f"{role} {method} {url}: {reply.status_code} {reply.text[:300]}"
            else:
                assert reply.status_code == 403, f"{role} {method} {url}: {reply.status_code} (should be refused)"
            checked += 1
    assert checked > 150
