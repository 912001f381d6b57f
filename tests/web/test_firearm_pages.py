"""The investigator's firearms pages through the real application: a seizure recorded by an officer
gets a firearm identification, the same gun seized earlier in the jurisdiction is matched at once
(and one held by another jurisdiction is not shown), and a tracing request goes from draft to answer."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from interdict.firearms.seizures import record_seizure
from interdict.inspections.hits import claim_hit, list_hits
from interdict.inspections.recording import InspectionCreate, record_inspection
from tests.firearms.firearm_factories import make_firearm
from tests.web.conftest import csrf_of


def _earlier(engine: Engine) -> None:
    for report_id, jurisdiction in (("SR-EARLY-MK", "MK"), ("SR-EARLY-RS", "RS")):
        record_seizure(engine=engine, seizure={"report_id": report_id, "reporting_agency": f"POLICE-{jurisdiction}", "jurisdiction": jurisdiction,
                                               "seized_at": datetime(2024, 5, 1, tzinfo=UTC), "place": {"country": jurisdiction}, "recovery": "found"},
                       firearms=[make_firearm(serial="BH-40512")])


def _seizure_outcome(engine: Engine, officer) -> int:  # noqa: ANN001
    hit = list_hits(engine=engine, viewer=officer)[0]
    claim_hit(engine=engine, hit_id=hit["id"], user=officer)
    return record_inspection(engine=engine, hit_id=hit["id"], user=officer, new=InspectionCreate(
        method="xray", result="seizure", findings=[{"category": "pistol", "quantity": 1, "description": "Zastava in a car-parts box"}]))


def test_an_investigator_identifies_a_firearm_sees_the_match_and_traces_it(engine: Engine, populated: dict, clients: dict[str, TestClient]) -> None:
    _earlier(engine)
    outcome_id = _seizure_outcome(engine, populated["roles"]["officer"])
    investigator = clients["investigator"]
    token = csrf_of(investigator)
    assert "Identify firearms" in investigator.get("/seizures").text

    opened = investigator.post(f"/firearms/from-outcome/{outcome_id}", data={"csrf_token": token}, follow_redirects=False)
    assert opened.status_code == 303
    seizure_url = opened.headers["location"]
    saved = investigator.post(f"{seizure_url}/firearms", follow_redirects=False, data={
        "csrf_token": token, "firearm_id": "FA-1", "category": "pistol", "make": "Zastava", "model": "M70", "calibre": "7,65 mm",
        "serial": "ВН 4О512", "manufacturer": "Застава", "country_of_manufacture": "RS", "import_country": "AT", "import_year": "2003",
        "proof_marks": "crown, X", "reason": "identified"})  # the serial in Cyrillic, a Cyrillic О for zero
    assert saved.status_code == 303 and "identified=" in saved.headers["location"]

    shown = investigator.get(saved.headers["location"]).text
    assert "Identification saved" in shown and "SR-EARLY-MK" in shown and "identical serial" in shown
    assert "SR-EARLY-RS" not in shown  # held by Serbia: outside an MK investigator's view
    assert "marked Застава" in shown and "proof crown, X" in shown and "Seizure SZ-" in shown

    stored_id = re.search(r"/tracing/new\?firearm=(\d+)", shown).group(1)  # type: ignore[union-attr]
    form = investigator.get(f"/tracing/new?firearm={stored_id}").text
    assert "RS, AT" in form
    created = investigator.post("/tracing", follow_redirects=False, data={
        "csrf_token": token, "stored_firearm_id": stored_id, "request_id": "TR-7", "case_reference": "KO-12/25",
        "illicit_grounds": ["smuggled_across_border", "no_authorisation"], "intended_use": "criminal_investigation", "priority": "routine"})
    assert created.status_code == 303, created.text
    request_url = created.headers["location"]
    assert investigator.post(f"{request_url}/status", data={"csrf_token": token, "to": "sent"}, follow_redirects=False).status_code == 303
    answered = investigator.post(f"{request_url}/response", follow_redirects=False, data={
        "csrf_token": token, "responding_country": "RS", "responding_agency": "RS-MUP", "outcome": "traced", "holder": "Zastava Oružje",
        "holder_type": "manufacturer", "diversion": "exported 2003 to AT; sold on without a licence"})
    assert answered.status_code == 303
    detail = investigator.get(request_url).text
    assert "answered" in detail and "Zastava Oružje" in detail and "traced" in detail and "sold on without a licence" in detail
    listing = investigator.get("/tracing").text
    assert "TR-7" in listing and "KO-12/25" not in listing

    # Roles: an officer identifies but does not trace; the prosecutor reads; a partner sees nothing of it.
    assert clients["officer"].get("/tracing").status_code == 403
    assert clients["prosecutor"].get(seizure_url).status_code == 200
    assert clients["partner"].get(seizure_url).status_code == 403


def test_a_tracing_request_without_grounds_is_refused_naming_the_field(engine: Engine, populated: dict, clients: dict[str, TestClient]) -> None:
    _earlier(engine)
    investigator = clients["investigator"]
    listing = investigator.get("/firearms").text
    seizure_id = re.search(r'/firearms/seizures/(\d+)">SR-EARLY-MK', listing).group(1)  # type: ignore[union-attr]
    page = investigator.get(f"/firearms/seizures/{seizure_id}").text
    stored_id = re.search(r"/tracing/new\?firearm=(\d+)", page).group(1)  # type: ignore[union-attr]
    refused = investigator.post("/tracing", data={"csrf_token": csrf_of(investigator), "stored_firearm_id": stored_id, "request_id": "TR-8",
                                                  "case_reference": "K", "intended_use": "prosecution"})
    assert refused.status_code == 400 and "illicit_grounds" in refused.text
    assert investigator.get("/firearms/seizures/999999").status_code == 404


def test_a_received_report_for_investigators_only_is_not_shown_to_the_prosecutor(engine: Engine, populated: dict, clients: dict[str, TestClient]) -> None:
    handling = {"codes": ["TLP:AMBER"], "originator": {"agency": "RS-MUP", "jurisdiction": "RS"}, "releasable_to": {"roles": ["investigator"]}}
    seizure_id = record_seizure(engine=engine, seizure={"report_id": "SR-RS-9", "reporting_agency": "RS-MUP", "jurisdiction": "RS",
                                                        "seized_at": datetime(2025, 1, 5, tzinfo=UTC), "place": {"country": "RS"}},
                                firearms=[make_firearm()], origin_agency="RS-MUP", received_from="RS-MUP", handling=handling, held_by_jurisdiction="MK")
    assert "SR-RS-9" in clients["investigator"].get("/firearms").text
    assert clients["investigator"].get(f"/firearms/seizures/{seizure_id}").status_code == 200
    assert "SR-RS-9" not in clients["prosecutor"].get("/firearms").text
    assert clients["prosecutor"].get(f"/firearms/seizures/{seizure_id}").status_code == 404
