"""What an attacker tries: forged and replayed cookies, missing CSRF tokens, guessing passwords,
one partner's key on another partner's shipments, and editing the audit table behind our back."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, text

from interdict.access.audit import AuditEntry, verify_audit
from interdict.access.keys import create_api_key
from interdict.access.users import MAX_FAILED_LOGINS, set_disabled
from interdict.web.auth import SESSION_COOKIE
from tests.inspections.hit_factories import PASSWORD
from tests.web.conftest import csrf_of


def _claim_url(client: TestClient) -> str:
    return "/hits/" + re.search(r"/hits/(\d+)/claim", client.get("/hits").text).group(1) + "/claim"  # type: ignore[union-attr]


def test_session_cookie_flags(app, populated: dict) -> None:  # noqa: ANN001
    client = TestClient(app)
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    reply = client.post("/login", data={"username": "officer-1", "password": PASSWORD, "csrf_token": token}, follow_redirects=False)
    cookie = [h for h in reply.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE)][0].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie  # plain http in tests
    secure = TestClient(app, base_url="https://testserver")
    form = secure.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    reply = secure.post("/login", data={"username": "officer-1", "password": PASSWORD, "csrf_token": token}, follow_redirects=False)
    assert "secure" in [h for h in reply.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE)][0].lower()


def test_forged_cookie_opens_nothing(app, populated: dict) -> None:  # noqa: ANN001
    client = TestClient(app, cookies={SESSION_COOKIE: "forged-" + "A" * 40})
    assert client.get("/hits", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/hits").status_code == 401


def test_a_cookie_replayed_after_sign_out_opens_nothing(app, clients: dict[str, TestClient]) -> None:  # noqa: ANN001
    officer = clients["officer"]
    stolen = officer.cookies.get(SESSION_COOKIE)
    assert officer.post("/logout", headers={"X-CSRF-Token": csrf_of(officer)}, follow_redirects=False).status_code == 303
    replay = TestClient(app, cookies={SESSION_COOKIE: stolen})
    assert replay.get("/hits", follow_redirects=False).status_code == 303
    assert replay.get("/api/v1/hits").status_code == 401


def test_disabling_an_account_ends_its_sessions(engine: Engine, clients: dict[str, TestClient]) -> None:
    set_disabled(engine=engine, username="officer-1")
    assert clients["officer"].get("/api/v1/hits").status_code == 401


def test_missing_or_wrong_csrf_token_is_refused(clients: dict[str, TestClient]) -> None:
    officer = clients["officer"]
    url = _claim_url(officer)
    assert officer.post(url).status_code == 403
    assert officer.post(url, data={"csrf_token": "wrong"}).status_code == 403
    assert officer.post(url, headers={"X-CSRF-Token": csrf_of(clients["analyst"])}).status_code == 403  # another session's
    assert officer.post(url, headers={"X-CSRF-Token": csrf_of(officer)}, follow_redirects=False).status_code == 303


def test_login_form_needs_its_own_token(app, populated: dict) -> None:  # noqa: ANN001
    reply = TestClient(app).post("/login", data={"username": "officer-1", "password": PASSWORD, "csrf_token": "x"}, follow_redirects=False)
    assert reply.status_code == 403


def test_repeated_wrong_passwords_lock_the_account(app, populated: dict) -> None:  # noqa: ANN001
    client = TestClient(app)
    for _ in range(MAX_FAILED_LOGINS):
        form = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        assert client.post("/login", data={"username": "officer-1", "password": "wrong password!", "csrf_token": token}).status_code == 401
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    reply = client.post("/login", data={"username": "officer-1", "password": PASSWORD, "csrf_token": token}, follow_redirects=False)
    assert reply.status_code == 401 and "locked" in reply.text


def test_one_partners_key_never_reaches_another_partners_shipments(engine: Engine, app, populated: dict) -> None:  # noqa: ANN001
    client = TestClient(app)
    mk = {"Authorization": f"Bearer {create_api_key(engine=engine, name='MK Post', reporters=['MKPOST'])[1]}"}
    own = client.get("/api/v1/shipments", headers=mk).json()
    assert own and {s["reporter"] for s in own} == {"MKPOST"}
    other = client.get("/api/v1/shipments/POSTA-RS/EX000000101", headers=mk)
    assert other.status_code == 404 and "Jovanović" not in other.text and "Beograd" not in other.text  # nothing of it leaks
    assert client.get("/api/v1/shipments?search=EX000000101", headers=mk).json() == []
    assert client.get("/api/v1/shipments/MKPOST/EX000000001", headers=mk).status_code == 200
    holds = client.get("/api/v1/holds", headers=mk).json()
    assert holds and all(h["reporter"] == "MKPOST" for h in holds) and "reasons" not in holds[0] and "score" not in holds[0]
    rs_hit = populated["pks"][("POSTA-RS", "EX000000101")]
    assert client.post(f"/api/v1/holds/{rs_hit}/confirm", headers=mk).status_code in (403, 404)
    assert client.get("/api/v1/hits", headers=mk).status_code == 403
    reply = client.post("/api/v1/parcel-reports", headers=mk, json={"reporter": "POSTA-RS", "shipment_id": "EX000000101", "reason": "x"})
    assert reply.status_code == 404


def test_a_partner_user_sees_only_its_own_in_the_portal(clients: dict[str, TestClient], populated: dict) -> None:
    partner = clients["partner"]
    page = partner.get("/partner").text
    assert "EX000000001" in page and "POSTA-RS" not in page
    assert partner.get(f"/shipments/{populated['pks'][('POSTA-RS', 'EX000000101')]}").status_code == 404
    detail = partner.get(f"/shipments/{populated['pks'][('MKPOST', 'EX000000001')]}").text
    assert "pistol parts" not in detail  # no reasons for partners: they would tip off


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last", "insert"])
def test_editing_the_audit_table_behind_the_applications_back_is_found(engine: Engine, clients: dict[str, TestClient], tamper: str) -> None:
    clients["officer"].get("/hits")
    assert verify_audit(engine=engine).intact
    table = AuditEntry.__table__
    with engine.begin() as conn:
        if tamper == "edit":  # raw SQL, as someone with a database client would
            conn.execute(text("UPDATE audit_entries SET actor = 'someone-else' WHERE seq = 3"))
        elif tamper == "delete_middle":
            conn.execute(delete(table).where(table.c.seq == 3))
        elif tamper == "delete_last":
            top = conn.execute(text("SELECT max(seq) FROM audit_entries")).scalar_one()
            conn.execute(delete(table).where(table.c.seq == top))
        else:
            row = dict(conn.execute(table.select().where(table.c.seq == 2)).mappings().one())
            conn.execute(table.insert().values(row | {"seq": 10_000, "action": "login"}))
    check = verify_audit(engine=engine)
    assert not check.intact and check.problems
    named = {"edit": "entry 3: content or hash was changed", "delete_middle": "entries 3..3 are missing",
             "delete_last": "the head says", "insert": "entry 10000"}[tamper]  # fmt: skip
    assert any(named in problem for problem in check.problems), check.problems


def test_security_headers_and_local_assets(app) -> None:  # noqa: ANN001
    reply = TestClient(app).get("/login")
    assert "default-src 'self'" in reply.headers["content-security-policy"] and reply.headers["x-frame-options"] == "DENY"
    assert "http" not in re.sub(r'href="/[^"]*"|src="/[^"]*"', "", reply.text).split("<body")[0]  # no CDN in the head
    assert TestClient(app).get("/static/htmx-2.0.4.min.js").status_code == 200


def test_login_attempts_are_rate_limited_per_address(app, populated: dict) -> None:  # noqa: ANN001
    client = TestClient(app)
    limit = app.state.login_throttle.limit
    statuses = []
    for _ in range(limit + 1):
        form = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        statuses.append(client.post("/login", data={"username": "nobody", "password": "x" * 12, "csrf_token": token}).status_code)
    assert statuses[:limit] == [401] * limit and statuses[-1] == 429
