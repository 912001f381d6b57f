"""Schemathesis against the published OpenAPI document: every operation, called with valid and with
invalid data as a partner's API key, a signed-in officer and a signed-in analyst, never answers 5xx.

Fixture strategy: the shared `world` (two jurisdictions, hits on each), one API key for MKPOST and
sessions started directly (the CSRF token read back from the session), so the fuzzed requests get
past authentication and reach the services. Examples are few (see EXAMPLES) to keep CI fast; the
database keeps what earlier examples wrote, so later ones meet a fuller store.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from sqlalchemy import Engine

from interdict.access.keys import create_api_key
from interdict.access.scope import Viewer
from interdict.access.sessions import resume_session, start_session
from interdict.web.auth import CSRF_HEADER, SESSION_COOKIE

EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 6, schemathesis.GenerationMode.NEGATIVE: 4}


def _identities(engine: Engine, roles: dict[str, Viewer]) -> dict[str, dict[str, dict[str, str]]]:
    _prefix, key = create_api_key(engine=engine, name="fuzzing partner", reporters=["MKPOST"])
    identities = {"partner key": {"headers": {"Authorization": f"Bearer {key}"}, "cookies": {}}}
    for role in ("officer", "analyst"):
        token = start_session(engine=engine, user_id=roles[role].user_id)  # type: ignore[arg-type]
        csrf = resume_session(engine=engine, token=token).csrf_token
        identities[f"{role} session"] = {"headers": {CSRF_HEADER: csrf}, "cookies": {SESSION_COOKIE: token}}
    return identities


def test_no_operation_answers_a_server_error(app, engine: Engine, populated: dict) -> None:  # noqa: ANN001
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12, [op.label for op in operations]
    identities = _identities(engine, populated["roles"])
    failures: list[str] = []
    calls = 0
    for operation in operations:
        for who, auth in identities.items():
            for mode, examples in EXAMPLES.items():
                strategy = operation.as_strategy(generation_mode=mode)

                @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))  # fmt: skip
                @given(case=strategy)
                def call(case: Any) -> None:
                    nonlocal calls
                    calls += 1
                    # The identity replaces whatever credentials the case generated.
                    for name in ("Authorization", "X-API-Key", CSRF_HEADER):
                        (case.headers or {}).pop(name, None)
                    (case.cookies or {}).pop(SESSION_COOKIE, None)
                    try:
                        response = case.call(headers=auth["headers"], cookies=auth["cookies"])
                    except Exception as error:  # noqa: BLE001 - the app raised: a 500 in production
                        failures.append(f"{operation.label} as {who} ({mode.value}): raised {error!r}\n{case.as_curl_command()}")
                        return
                    if response.status_code >= 500:
                        failures.append(f"{operation.label} as {who} ({mode.value}): {response.status_code} "
                                        f"{response.text[:300]}\n{case.as_curl_command()}")  # fmt: skip

                call()
    assert calls >= len(operations) * len(identities) * 2
    assert not failures, "\n\n".join(failures[:10])


@pytest.mark.parametrize("path", ["/openapi.json", "/docs"])
def test_the_api_document_is_published(app, path: str) -> None:  # noqa: ANN001
    from fastapi.testclient import TestClient

    assert TestClient(app).get(path).status_code == 200


def test_a_nul_character_is_refused_not_a_server_error(app, engine: Engine, populated: dict) -> None:  # noqa: ANN001
    """Found by the fuzzing above on PostgreSQL (text fields cannot hold NUL): 400/422, never 500."""
    from fastapi.testclient import TestClient

    identities = _identities(engine, populated["roles"])
    officer = TestClient(app, headers=identities["officer session"]["headers"], cookies=identities["officer session"]["cookies"])
    assert officer.get("/api/v1/hits", params={"status": "op\x00en"}).status_code in (400, 422)
    assert officer.get("/api/v1/shipments", params={"search": "a\x00b"}).status_code == 400
    assert officer.get("/api/v1/shipments/MKPOST/EX%00").status_code == 400
    assert officer.get("/hits?search=%00").status_code == 400
    partner = TestClient(app, headers=identities["partner key"]["headers"])
    reply = partner.post("/api/v1/parcel-reports", json={"reporter": "MKPOST\x00", "shipment_id": "EX000000001", "reason": "x"})
    assert reply.status_code == 422


def test_an_id_past_the_stores_integers_is_refused_not_a_server_error(app, engine: Engine, populated: dict) -> None:  # noqa: ANN001
    """Found by the fuzzing above (8060724139172846251336116195033088 as a hit id): SQLite cannot
    bind it and PostgreSQL's INTEGER ends at 2**31 - 1; the answer is 422, on the pages too."""
    from fastapi.testclient import TestClient

    huge, past_int4 = 8060724139172846251336116195033088, 2**31
    identities = _identities(engine, populated["roles"])
    officer = TestClient(app, headers=identities["officer session"]["headers"], cookies=identities["officer session"]["cookies"])
    partner = TestClient(app, headers=identities["partner key"]["headers"])
    for hit_id in (huge, past_int4, 0):
        assert officer.post(f"/api/v1/hits/{hit_id}/claim").status_code == 422
        assert officer.post(f"/api/v1/hits/{hit_id}/release").status_code == 422
        assert partner.post(f"/api/v1/holds/{hit_id}/confirm").status_code == 422
        assert officer.get(f"/hits/{hit_id}/inspection").status_code == 422
    assert officer.post("/api/v1/hits/2147483647/claim").status_code == 404  # the largest id is looked up: no such hit
    for page in (f"/shipments/{huge}", f"/tracing/{huge}", f"/tracing/new?firearm={huge}", f"/admin/audit?before={huge}"):
        assert officer.get(page).status_code in (403, 422), page  # refused before any query, whoever asks
