"""Formula-like text a partner sent (= + - @ at the start) is stored as given and neutralised in
every CSV that goes out: the hit list's export and the screening matches, as the quarantine's."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from interdict.ingest.models import Shipment
from interdict.inspections.hits import create_hits
from interdict.targeting.screening.files import write_matches
from interdict.targeting.screening.models import Match
from interdict.web.app import create_app
from tests.inspections.hit_factories import ingest, user
from tests.ingest.test_outsider_files import EVERYONE
from tests.web.conftest import sign_in

FORMULA = '=HYPERLINK("http://evil.example","open")'


def test_the_hit_list_export_neutralises_a_formula_like_shipment_id(engine: Engine) -> None:
    record = {**json.loads(json.dumps(EVERYONE[0])), "reporter": "MKPOST", "shipment_id": FORMULA, "destination_country": "MK"}
    pks = ingest(engine, [record])
    create_hits(engine=engine, scored=[{"shipment_pk": pk, "unit": "postal:MK", "lane": "red", "score": 90, "reasons": ["@once"],
                                        "selected_at_random": False, "profile_versions": {}} for pk in pks.values()])  # fmt: skip
    analyst = user(engine, "analyst")
    client = sign_in(TestClient(create_app(engine=engine)), analyst.name)

    reply = client.get("/hits/export.csv")

    [row] = list(csv.DictReader(io.StringIO(reply.text)))
    assert (row["shipment_id"], row["reasons"]) == ("'" + FORMULA, "'@once")
    with engine.connect() as conn:
        assert conn.execute(select(Shipment.shipment_id)).scalar_one() == FORMULA  # stored as given


def test_screening_matches_written_as_csv_neutralise_listed_names(tmp_path: Path) -> None:
    path = tmp_path / "matches.csv"
    write_matches([Match("+381 Q-1", 0, "NAT-RS", "E-1", FORMULA, 97.0, "transliteration")], path)

    [row] = list(csv.DictReader(path.open(encoding="utf-8", newline="")))

    assert (row["query_id"], row["matched_name"]) == ("'+381 Q-1", "'" + FORMULA)
