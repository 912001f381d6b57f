"""The hit list page by page: highest risk first across open and claimed hits, ties by the oldest
hit, every hit once over the pages, "claimed by me" complete, counts bounded; the login rate limit
shared by every server process (it lives in the database); effectiveness on outcome files."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

import interdict.web.hits
from interdict.ingest.readers import read_bytes
from interdict.ingest.service import ingest_records
from interdict.inspections.effectiveness import reason_effectiveness
from interdict.inspections.hits import claim_hit, count_hits, create_hits, list_hits
from interdict.web.app import create_app
from tests.factories import ndjson, outcome
from tests.inspections.hit_factories import user, world
from tests.web.conftest import sign_in


def _scored_in_ties(engine: Engine, pks: dict[tuple[str, str], int]) -> None:
    """Re-score the open hits to three scores only, so the order needs its tie-break."""
    create_hits(engine=engine, scored=[{"shipment_pk": pk, "unit": f"postal:{'MK' if reporter == 'MKPOST' else 'RS'}", "lane": "red",
                                        "score": (50, 70, 90)[n % 3], "reasons": ["r"], "profile_versions": {}}
                                       for n, ((reporter, _sid), pk) in enumerate(sorted(pks.items()))])  # fmt: skip


def test_pages_walk_every_hit_once_highest_risk_first_across_statuses(engine: Engine) -> None:
    pks = world(engine, per_side=20)["pks"]
    _scored_in_ties(engine, pks)
    officer = user(engine, "officer")
    everything = list_hits(engine=engine, viewer=officer, limit=1000)
    for hit in everything[1::3]:  # a third claimed: the two statuses interleave in the order
        claim_hit(engine=engine, hit_id=hit["id"], user=officer)
    expected = sorted(list_hits(engine=engine, viewer=officer, limit=1000), key=lambda h: (-h["score"], h["id"]))
    assert len(expected) == 20 and {h["status"] for h in expected} == {"open", "claimed"}
    pages = [list_hits(engine=engine, viewer=officer, limit=7, offset=offset) for offset in range(0, 28, 7)]
    assert [len(p) for p in pages] == [7, 7, 6, 0]
    assert [h["id"] for p in pages for h in p] == [h["id"] for h in expected]
    mine = list_hits(engine=engine, viewer=officer, status=("claimed",), claimed_by=officer.name, limit=1000)
    assert len(mine) == 7 and all(h["claimed_by"] == officer.name for h in mine)


def test_the_page_has_next_and_previous_and_shows_only_my_claims(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    pks = world(engine, per_side=20)["pks"]
    officer = user(engine, "officer")
    user(engine, "officer", username="officer-2")
    monkeypatch.setattr(interdict.web.hits, "PAGE_SIZE", 8)
    client = sign_in(TestClient(create_app(engine=engine)), "officer-1")
    first = client.get("/hits").text
    assert first.count('<tr id="hit-') == 8 and 'rel="next"' in first and 'rel="prev"' not in first
    assert "Page 1 · hits 1–8" in first
    last = client.get("/hits?page_no=3").text
    assert last.count('<tr id="hit-') == 4 and 'rel="next"' not in last and 'rel="prev"' in last
    ids = [int(i) for n in (1, 2, 3) for i in re.findall(r'<tr id="hit-(\d+)"', client.get(f"/hits?page_no={n}").text)]
    assert len(ids) == len(set(ids)) == 20
    # The last hits on the list, claimed by officer-2 and by officer-1: "claimed by me" shows mine,
    # wherever they are in the order (it used to filter one page of everything after the fact).
    other = user(engine, "officer", username="officer-3")
    claim_hit(engine=engine, hit_id=ids[-1], user=officer)
    claim_hit(engine=engine, hit_id=ids[-2], user=other)
    mine = client.get("/hits?show=mine").text
    assert re.findall(r'<tr id="hit-(\d+)"', mine) == [str(ids[-1])]
    assert pks


def test_counts_stop_at_the_cap(engine: Engine) -> None:
    world(engine, per_side=20)
    officer = user(engine, "officer")
    assert count_hits(engine=engine, viewer=officer) == {"open": 20, "claimed": 0}
    assert count_hits(engine=engine, viewer=officer, cap=5)["open"] == 6  # "more than 5"


def test_the_login_limit_holds_across_server_processes(engine: Engine) -> None:
    """Two applications on one store stand for two uvicorn workers: attempts on one count on the other."""
    world(engine)
    user(engine, "officer")
    first, second = TestClient(create_app(engine=engine)), TestClient(create_app(engine=engine))
    limit = first.app.state.login_throttle.limit  # type: ignore[attr-defined]

    def attempt(client: TestClient) -> int:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)  # type: ignore[union-attr]
        return client.post("/login", data={"username": "officer-1", "password": "x" * 12, "csrf_token": token}).status_code

    statuses = [attempt(first if n % 2 else second) for n in range(limit)]
    assert 429 not in statuses
    assert attempt(first) == 429 and attempt(second) == 429


def test_effectiveness_counts_outcomes_from_partners_files(engine: Engine) -> None:
    """An analyst's effectiveness page counts a hit as inspected when an outcome for its shipment
    arrived in an outcome file, not only when an officer worked it on the hit list."""
    world(engine)
    _source, rows = read_bytes(ndjson([outcome(shipment_id="EX000000001"), outcome(shipment_id="EX000000002", result="no_finding", findings=[])]),
                               name="outcomes.ndjson", kind="outcomes")  # fmt: skip
    ingest_records(rows, engine=engine, kind="outcomes", source_name="test")
    rows_by_reason = {r["reason"]: r for r in reason_effectiveness(engine=engine, viewer=user(engine, "analyst"))}
    pistol = rows_by_reason["pistol parts described as car parts"]
    assert (pistol["hits"], pistol["inspected"], pistol["seizures"]) == (3, 2, 1) and pistol["hit_rate"] == 0.5
