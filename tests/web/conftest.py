"""An application on the test database, and browsers-without-a-browser signed in as each role."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
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


# The browser and the served site: one Chromium per test process, shared by every browser test
# module (a second sync_playwright in one process fails), hence here and not in a test module.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(engine: Engine) -> Iterator[str]:
    data = world(engine)
    all_roles(engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(engine=engine), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    assert data
