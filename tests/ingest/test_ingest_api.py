"""Partners sending data over HTTP: same rules as files, per-record status, own reporter only."""

from __future__ import annotations

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from interdict.access.keys import create_api_key, revoke_api_key
from interdict.web.app import create_app
from tests.factories import ndjson, shipment


@pytest.fixture
def client(engine: Engine) -> TestClient:
    return TestClient(create_app(engine=engine))


@pytest.fixture
def key(engine: Engine) -> str:
    return create_api_key(engine=engine, name="Macedonian Post", reporters=["MKPOST"])[1]


def test_json_array_with_a_bad_record_gets_a_status_for_each(client: TestClient, key: str) -> None:
    body = [shipment(1), shipment(2, destination_country="QQ"), shipment(1)]
    reply = client.post("/api/v1/shipments", json=body, headers={"Authorization": f"Bearer {key}"})
    assert reply.status_code == 200, reply.text
    data = reply.json()
    assert (data["read"], data["accepted"], data["quarantined"], data["duplicates"]) == (3, 1, 1, 1)
    assert [r["status"] for r in data["records"]] == ["accepted", "quarantined", "duplicate"]
    [reason] = data["records"][1]["reasons"]
    assert reason == {"field": "destination_country", "rule": "iso3166_alpha2", "value": "QQ",
                      "message": "unknown ISO 3166-1 alpha-2 country code"}  # fmt: skip


def test_ndjson_body_and_x_api_key_header(client: TestClient, key: str) -> None:
    reply = client.post(
        "/api/v1/shipments",
        content=ndjson([shipment(n) for n in range(4)]) + b"{broken\n",
        headers={"X-API-Key": key, "Content-Type": "application/x-ndjson"},
    )
    assert reply.json()["accepted"] == 4 and reply.json()["quarantined"] == 1


def test_a_partner_may_only_send_for_its_own_reporter_code(client: TestClient, key: str) -> None:
    body = [shipment(1, reporter="POSTA-RS")]
    data = client.post("/api/v1/shipments", json=body, headers={"X-API-Key": key}).json()
    assert data["quarantined"] == 1
    assert data["records"][0]["reasons"][0]["rule"] == "own_reporter_only"


@pytest.mark.parametrize("header", [{}, {"X-API-Key": "idk_nope_nope"}, {"Authorization": "Bearer nonsense"}])
def test_no_valid_key_no_entry(client: TestClient, header: dict[str, str]) -> None:
    assert client.post("/api/v1/shipments", json=[shipment(1)], headers=header).status_code == 401


def test_a_revoked_key_stops_working(engine: Engine, client: TestClient, key: str) -> None:
    revoke_api_key(engine=engine, prefix=key.split("_")[1])
    assert client.post("/api/v1/shipments", json=[shipment(1)], headers={"X-API-Key": key}).status_code == 401


def test_outcomes_endpoint(client: TestClient, key: str) -> None:
    outcome = {"reporter": "MKPOST", "shipment_id": "EX000000001", "inspected_at": "2026-10-02T09:00:00+02:00",
               "method": "xray", "result": "no_finding"}  # fmt: skip
    data = client.post("/api/v1/outcomes", content=orjson.dumps([outcome]), headers={"X-API-Key": key}).json()
    assert data["accepted"] == 1


def test_openapi_documents_the_ingest_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/shipments" in paths and "/api/v1/outcomes" in paths


def test_nul_characters_anywhere_are_quarantined_or_kept_never_a_server_error(client: TestClient, key: str) -> None:
    body = [shipment(1, reporter="MK\x00POST"), shipment(2, note="a\x00b"), shipment(3, consignee={"name": "A\x00", "country": "MK"})]
    reply = client.post("/api/v1/shipments", json=body, headers={"X-API-Key": key})
    assert reply.status_code == 200, reply.text
    assert [r["status"] for r in reply.json()["records"]] == ["quarantined", "accepted", "quarantined"]
