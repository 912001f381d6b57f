"""The hit list: scope, order, claiming (atomic, also under concurrency), inspection and seizure."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, func, select

from interdict.errors import AccessDenied, Conflict, InvalidInput, NotFound
from interdict.inspections.hits import claim_hit, clear_hit, create_hits, get_hit, list_hits, release_hit
from interdict.inspections.models import InspectionOutcome, OutcomeFinding
from interdict.inspections.recording import InspectionCreate, list_outcomes, record_inspection
from tests.inspections.hit_factories import user, world


def test_an_officer_sees_the_hits_of_their_jurisdiction_highest_risk_first(engine: Engine) -> None:
    world(engine)
    officer = user(engine, "officer")
    hits = list_hits(engine=engine, viewer=officer)
    assert len(hits) == 3 and {h["destination_country"] for h in hits} == {"MK"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert hits[0]["reasons"] == ["pistol parts described as car parts", "consignee on watchlist"]
    rs_officer = user(engine, "officer", username="rs-officer", agency="CUSTOMS-RS")
    assert {h["destination_country"] for h in list_hits(engine=engine, viewer=rs_officer)} == {"RS"}


def test_an_officer_with_a_unit_sees_that_unit_only(engine: Engine) -> None:
    world(engine)
    assert list_hits(engine=engine, viewer=user(engine, "officer", unit="air_cargo:MK")) == []


def test_create_hits_refreshes_an_open_hit_and_rejects_green(engine: Engine) -> None:
    pks = world(engine)["pks"]
    pk = pks[("MKPOST", "EX000000001")]
    assert create_hits(engine=engine, scored=[{"shipment_pk": pk, "unit": "postal:MK", "lane": "red", "score": 99,
                                               "reasons": ["new"], "selected_at_random": True, "profile_versions": {}}]) == 0  # fmt: skip
    officer = user(engine, "officer")
    top = list_hits(engine=engine, viewer=officer)[0]
    assert (top["score"], top["reasons"], top["selected_at_random"]) == (99, ["new"], True)
    with pytest.raises(InvalidInput):
        create_hits(engine=engine, scored=[{"shipment_pk": pk, "unit": "postal:MK", "lane": "green", "score": 5}])


def test_claim_release_and_no_two_officers_on_one_hit(engine: Engine) -> None:
    world(engine)
    first, second = user(engine, "officer"), user(engine, "officer", username="officer-2")
    hit_id = list_hits(engine=engine, viewer=first)[0]["id"]
    assert claim_hit(engine=engine, hit_id=hit_id, user=first)["claimed_by"] == "officer-1"
    with pytest.raises(Conflict, match="already claimed by officer-1"):
        claim_hit(engine=engine, hit_id=hit_id, user=second)
    with pytest.raises(Conflict):
        release_hit(engine=engine, hit_id=hit_id, user=second)
    release_hit(engine=engine, hit_id=hit_id, user=first)
    assert claim_hit(engine=engine, hit_id=hit_id, user=second)["claimed_by"] == "officer-2"


def test_only_officers_claim_and_only_in_scope(engine: Engine) -> None:
    world(engine)
    analyst = user(engine, "analyst")
    hit_id = list_hits(engine=engine, viewer=analyst)[0]["id"]
    with pytest.raises(AccessDenied):
        claim_hit(engine=engine, hit_id=hit_id, user=analyst)
    rs_officer = user(engine, "officer", username="rs-officer", agency="CUSTOMS-RS")
    with pytest.raises(NotFound):
        claim_hit(engine=engine, hit_id=hit_id, user=rs_officer)


def test_concurrent_claims_leave_exactly_one_holder(engine: Engine) -> None:
    world(engine, per_side=1)
    officers = [user(engine, "officer", username=f"officer-{n}") for n in range(8)]
    hit_id = list_hits(engine=engine, viewer=officers[0])[0]["id"]
    barrier = threading.Barrier(len(officers))
    won, lost = [], []

    def attempt(officer):  # noqa: ANN001, ANN202
        barrier.wait()
        try:
            claim_hit(engine=engine, hit_id=hit_id, user=officer)
            won.append(officer.name)
        except Conflict:
            lost.append(officer.name)

    threads = [threading.Thread(target=attempt, args=(o,)) for o in officers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1 and len(lost) == len(officers) - 1
    assert get_hit(engine=engine, viewer=officers[0], hit_id=hit_id)["claimed_by"] == won[0]


def test_recording_a_seizure_writes_an_outcome_with_findings(engine: Engine) -> None:
    world(engine)
    officer = user(engine, "officer")
    hit_id = list_hits(engine=engine, viewer=officer)[0]["id"]
    new = InspectionCreate(method="xray", result="seizure", findings=[
        {"category": "pistol", "description": "Zastava M70", "quantity": 1}, {"category": "ammunition", "quantity": 50}])  # fmt: skip
    with pytest.raises(Conflict):
        record_inspection(engine=engine, hit_id=hit_id, user=officer, new=new)  # not claimed yet
    claim_hit(engine=engine, hit_id=hit_id, user=officer)
    outcome_id = record_inspection(engine=engine, hit_id=hit_id, user=officer, new=new)
    hit = get_hit(engine=engine, viewer=officer, hit_id=hit_id)
    assert (hit["status"], hit["outcome_id"]) == ("inspected", outcome_id)
    with engine.connect() as conn:
        assert conn.execute(select(InspectionOutcome.result).where(InspectionOutcome.id == outcome_id)).scalar_one() == "seizure"
        assert sorted(conn.execute(select(OutcomeFinding.category).where(OutcomeFinding.outcome_id == outcome_id)).scalars()) == ["ammunition", "pistol"]
    investigator = user(engine, "investigator")
    assert [o["id"] for o in list_outcomes(engine=engine, viewer=investigator, result="seizure")] == [outcome_id]


def test_a_seizure_needs_findings_in_the_known_categories(engine: Engine) -> None:
    world(engine)
    officer = user(engine, "officer")
    hit_id = list_hits(engine=engine, viewer=officer)[0]["id"]
    claim_hit(engine=engine, hit_id=hit_id, user=officer)
    with pytest.raises(InvalidInput) as error:
        record_inspection(engine=engine, hit_id=hit_id, user=officer, new=InspectionCreate("xray", "seizure", [{"category": "bazooka"}]))
    assert error.value.problems[0].field == "findings[0].category"
    clear_hit(engine=engine, hit_id=hit_id, user=officer, reason="documents in order")
    assert get_hit(engine=engine, viewer=officer, hit_id=hit_id)["status"] == "released"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(InspectionOutcome)).scalar_one() == 0
