"""`POST /api/v1/score`: one shipment scored now, agreeing with the batch on the same store."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from interdict.access.keys import create_api_key
from interdict.ingest.schemas import ShipmentRecord
from interdict.ingest.service import ingest_path
from interdict.targeting.service import score_period
from interdict.web.app import create_app
from tests.factories import ndjson, shipment


@pytest.fixture
def client(engine: Engine) -> TestClient:
    return TestClient(create_app(engine=engine))


def _split_consignment(n: int) -> dict:
    # One consignee phone, several senders, close days: the "ant trade" of threats.md.
    return shipment(n, reported_at=f"2026-10-0{1 + n % 3}T10:00:00+02:00",
                    shipper={"name": f"Sender {n}", "country": "TR"},
                    consignee={"name": "Petar Petrović", "phone": "+38970111222", "street": "Ilindenska 5", "city": "Skopje", "country": "MK"},
                    items=[{"description": "Spare parts", "hs_code": "847990", "net_weight_kg": 1.4}], gross_weight_kg=1.5)  # fmt: skip


def test_single_score_agrees_with_the_batch(engine: Engine, client: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    records = [_split_consignment(n) for n in range(5)] + [shipment(100 + n) for n in range(20)]
    path.write_bytes(ndjson(records))
    ingest_path(path, engine=engine, kind="shipments")
    _, laned = score_period(engine=engine, keep=False)
    batch = {r["shipment_id"]: r for r in laned.to_pylist()}
    key = create_api_key(engine=engine, name="post", reporters=["MKPOST"])[1]

    for record in (records[0], records[4], records[7]):
        reply = client.post("/api/v1/score", json=record, headers={"X-API-Key": key})
        assert reply.status_code == 200, reply.text
        single = reply.json()
        assert single["score"] == batch[record["shipment_id"]]["score"]
        assert sorted(single["indicators"]) == sorted(batch[record["shipment_id"]]["indicators"])


def test_score_refuses_bad_records_and_other_reporters(engine: Engine, client: TestClient) -> None:
    key = create_api_key(engine=engine, name="post", reporters=["MKPOST"])[1]
    bad = client.post("/api/v1/score", json=shipment(1, origin_country="XX"), headers={"X-API-Key": key})
    assert bad.status_code == 422 and any(p["field"] == "origin_country" for p in bad.json()["problems"])
    other = client.post("/api/v1/score", json=shipment(1, reporter="POSTA-RS"), headers={"X-API-Key": key})
    assert other.status_code == 403
    assert client.post("/api/v1/score", json=shipment(1)).status_code == 401


LINKED = """
id: linked_store
version: 1
title: A parcel after one to its address whose weights did not add up
indicators:
  - id: earlier_parcel_net_weight_off
    weight: 40
    reason: An earlier parcel to this address within 7 days declared items under half its gross weight
    when:
      linked:
        per: consignee_address_norm
        within_days: 7
        matching: {ratio: {of: items_net_weight_g, to: gross_weight_g}, lt: 0.5}
      ge: 1
"""


def test_linked_shipments_are_read_from_the_store_as_the_batch_reads_them(engine: Engine, tmp_path: Path) -> None:
    from interdict.targeting.profile import load_profile
    from interdict.targeting.single import score_shipment

    (tmp_path / "linked.yaml").write_text(LINKED, encoding="utf-8")
    profiles = [load_profile(tmp_path / "linked.yaml")]
    first = _split_consignment(0)
    first["items"][0]["net_weight_kg"] = 0.5  # a third of the parcel: undeclared mass
    records = [first, _split_consignment(1), _split_consignment(2)] + [shipment(100 + n) for n in range(10)]
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson(records))
    ingest_path(path, engine=engine, kind="shipments")
    _, laned = score_period(engine=engine, profiles=profiles, keep=False)
    batch = {r["shipment_id"]: r for r in laned.to_pylist()}
    for record in records[:4]:
        single = score_shipment(engine=engine, record=ShipmentRecord.model_validate(record), profiles=profiles)
        assert (single["score"], single["reasons"]) == (batch[record["shipment_id"]]["score"], batch[record["shipment_id"]]["reasons"])
    assert batch[records[1]["shipment_id"]]["score"] == 40 and batch[records[0]["shipment_id"]]["score"] == 0
