"""An application on the test database, and browsers-without-a-browser signed in as each role."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from interdict.access.scope import Viewer
from interdict.web.app import create_app
from tests.inspections.hit_factories import PASSWORD, all_roles, world


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> TestClient:
    """Sign in through the real form (login CSRF cookie included); the client keeps the cookie."""
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    reply = client.post("/login", data={"username": username, "password": password, "csrf_token": token}, follow_redirects=False)
    assert reply.status_code == 303, reply.text
    return client


def csrf_of(client: TestClient) -> str:
    page = client.get("/login")  # any page carries the meta tag; /login is always there
    page = client.get("/")
    match = re.search(r'<meta name="csrf-token" content="([^"]*)"', page.text)
    return match.group(1) if match else ""


@pytest.fixture
def app(engine: Engine):  # noqa: ANN201
    return create_app(engine=engine)


@pytest.fixture
def populated(engine: Engine) -> dict:
    return world(engine) | {"roles": all_roles(engine)}


@pytest.fixture
def clients(app, populated: dict) -> dict[str, TestClient]:  # noqa: ANN001
    roles: dict[str, Viewer] = populated["roles"]
    return {role: sign_in(TestClient(app), viewer.name) for role, viewer in roles.items()}
