"""The bad input of issue 2 sent over HTTP as a partner's client sends it: an answer per record, or the
whole body refused with its reason (4xx), never a server error; names kept exactly."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zipfile

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from interdict.access.keys import create_api_key
from interdict.ingest.models import Shipment
from interdict.web.app import create_app
from tests.ingest.test_ingest_files import rows
from tests.ingest.test_outsider_files import EVERYONE, csv_bytes

GOOD = [json.dumps(r, ensure_ascii=False).encode() for r in EVERYONE]


def _lines(*lines: bytes) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def _with(**fields: object) -> bytes:
    return json.dumps({**EVERYONE[0], **fields}, ensure_ascii=False).encode()


def _zip() -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("shipments.ndjson", _lines(*GOOD))
    return packed.getvalue()


# name: (body, records read, records quarantined); read None: refused whole with 400
BODIES: dict[str, tuple[bytes, int | None, int]] = {
    "truncated line": (_lines(GOOD[0][:70], *GOOD[1:]), 5, 1),
    "wrong types": (_lines(_with(gross_weight_kg="heavy"), _with(pieces=[1]), _with(items={"a": 1}), *GOOD[1:]), 7, 3),
    "missing and empty required fields": (_lines(_with(reporter=""), _with(items=[]), _with(consignee={"country": "RS"})), 3, 3),
    "unknown country and currency": (_lines(_with(origin_country="XX"), _with(currency="EUROS")), 2, 2),
    "negative weight": (_lines(_with(gross_weight_kg=-0.5)), 1, 1),
    "1e309": (_lines(GOOD[0].replace(b'"gross_weight_kg": 1.25', b'"gross_weight_kg": 1e309'), *GOOD[1:]), 5, 1),
    "1e309 in an array": (b"[" + GOOD[0].replace(b'"gross_weight_kg": 1.25', b'"gross_weight_kg": 1e309') + b"," + b",".join(GOOD[1:]) + b"]", 5, 1),
    "invalid UTF-8": (_lines(GOOD[0].replace("Žarko".encode(), b"\xffarko"), *GOOD[1:]), 5, 1),
    "NUL bytes": (_lines(GOOD[0].replace(b"Beograd", b"Beo\x00grad"), b"\x00\x00", *GOOD[1:]), 6, 2),
    "mixed line endings": (GOOD[0] + b"\r\n" + GOOD[1] + b"\r" + GOOD[2] + b"\n" + GOOD[3] + b"\r\n", 4, 0),
    "empty body": (b"", 0, 0),
    "gzip": (gzip.compress(_lines(*GOOD)), 5, 0),
    "byte order mark before an array": (codecs.BOM_UTF8 + json.dumps(EVERYONE, ensure_ascii=False).encode(), 5, 0),
    "pretty-printed object": (json.dumps(EVERYONE[0], indent=2, ensure_ascii=False).encode(), 1, 0),
    "array with a trailing comma": (b"[" + b",".join(GOOD) + b",]", 5, 0),
    "CSV with an unbalanced quote": (csv_bytes(EVERYONE, delimiter=";").replace(b"Kuhinjski pribor", b'"Kuhinjski pribor', 1), 5, 1),
    "CSV header only": (csv_bytes(EVERYONE, delimiter=";").split(b"\r\n", 1)[0] + b"\r\n", 0, 0),
    "100 KB description": (_lines(_with(items=[{"description": "Ж" * 50_000 + "x"}])), 1, 0),
    "2,000 items": (_lines(_with(items=[{"description": f"дио {n}", "quantity": 1} for n in range(2000)])), 1, 0),
    "a ZIP archive": (_zip(), None, 0),
    "CSV without a header": (csv_bytes(EVERYONE, delimiter=";").split(b"\r\n", 1)[1], None, 0),
}


@pytest.fixture
def client(engine: Engine) -> tuple[TestClient, str]:
    key = create_api_key(engine=engine, name="Posta Srbije", reporters=["POSTA-RS"])[1]
    return TestClient(create_app(engine=engine), raise_server_exceptions=False), key


@pytest.mark.parametrize("name", list(BODIES))
def test_bad_bodies_get_a_status_per_record_or_a_reason(client: tuple[TestClient, str], name: str) -> None:
    body, read, quarantined = BODIES[name]
    web, key = client

    reply = web.post("/api/v1/shipments", content=body, headers={"X-API-Key": key, "Content-Type": "application/x-ndjson"})

    if read is None:
        assert reply.status_code == 400, reply.text
        assert reply.json()["problems"][0]["rule"]
        return
    assert reply.status_code == 200, reply.text
    data = reply.json()
    assert (data["read"], data["quarantined"]) == (read, quarantined), data["records"]
    assert data["accepted"] + data["amended"] + data["duplicates"] + data["stale"] + data["quarantined"] == data["read"]
    for record in data["records"]:
        assert record["status"] != "quarantined" or all(r["field"] and r["rule"] and "value" in r for r in record["reasons"])


def test_names_sent_over_http_are_stored_exactly(engine: Engine, client: tuple[TestClient, str]) -> None:
    web, key = client
    names = ["محمد 😀 אברהם\u200f", "Zoë 👨‍👩‍👧 \u202eevil", "=HYPERLINK(\"x\")", "<script>alert(1)</script>", "Ђорђе Љубичић"]
    body = [{**EVERYONE[0], "shipment_id": f"RR{n:09d}RS", "consignee": {"name": name, "country": "RS"}} for n, name in enumerate(names)]

    reply = web.post("/api/v1/shipments", json=body, headers={"X-API-Key": key})

    assert reply.json()["accepted"] == len(names)
    assert sorted(r["consignee_name"] for r in rows(engine, Shipment)) == sorted(names)
