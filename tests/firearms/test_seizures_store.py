"""Seizures and tracing requests in the store, on SQLite and PostgreSQL: what an investigator records
comes back whole, a firearm seen before is found whatever script its serial was read in, and a
tracing request keeps its timeline and answers and is flagged when overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from interdict.errors import Conflict, InvalidInput, NotFound
from interdict.firearms.seizures import get_seizure, list_seizures, match_firearm, match_stored_firearm, record_seizure
from interdict.firearms.tracing_requests import (
    change_tracing_status,
    get_tracing_request,
    list_overdue_tracing_requests,
    raise_tracing_request,
    record_tracing_response,
)
from tests.firearms.firearm_factories import make_ammunition, make_firearm, make_part

SEIZED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def seizure(**overrides):
    record = {
        "report_id": "SR-1", "reporting_agency": "MK-CUSTOMS", "jurisdiction": "MK", "seized_at": SEIZED,
        "place": {"country": "MK", "office": "ACCU-SKP"},
        "shipment": {"reporter": "EXPRESSCO-BA", "shipment_id": "157-12345675", "mode": "air_cargo"},
    }
    record.update(overrides)
    return record


def test_a_seizure_comes_back_with_its_firearms_ammunition_and_parts(engine):
    firearm = make_firearm(serial="ВН 4О512", markings={"other_text": "Застава Крагујевац", "country_of_manufacture": "RS"})
    seizure_id = record_seizure(engine=engine, seizure=seizure(), firearms=[firearm], ammunition=[make_ammunition()], parts=[make_part()])

    stored = get_seizure(engine=engine, report_id="SR-1")
    assert stored.seizure_id == seizure_id
    assert stored.report.seized_at == SEIZED
    (stored_id, back), = stored.firearms
    assert back.serial == "ВН 4О512" and back.serial_normalised == "8H40512"
    assert back.markings.other_text == "Застава Крагујевац" and back.seizure_reference == "SR-1"
    assert stored.ammunition[0].quantity == 50 and stored.parts[0].part_type == "slide_or_cylinder"
    # Findings not given are counted from what was recorded.
    assert {(f.category, f.quantity) for f in stored.report.findings} == {("pistol", 1), ("ammunition", 50), ("firearm_part", 1)}
    assert stored.origin_agency is None and [s.seizure_id for s in list_seizures(engine=engine)] == [seizure_id]


def test_found_and_surrendered_firearms_are_recorded_without_an_inspection(engine):
    record_seizure(engine=engine, seizure=seizure(report_id="SR-2", recovery="surrendered", shipment=None), firearms=[make_firearm()])
    assert get_seizure(engine=engine, report_id="SR-2").report.recovery == "surrendered"

    with pytest.raises(InvalidInput) as refused:
        record_seizure(engine=engine, seizure=seizure(report_id="SR-3", recovery="found", outcome_id=1), firearms=[make_firearm()])
    assert "standalone" in str(refused.value)
    with pytest.raises(NotFound):
        record_seizure(engine=engine, seizure=seizure(report_id="SR-4", outcome_id=999_999), firearms=[make_firearm()])


def test_a_repeated_report_id_or_an_empty_seizure_is_refused(engine):
    record_seizure(engine=engine, seizure=seizure(), firearms=[make_firearm()])
    with pytest.raises(Conflict) as repeated:
        record_seizure(engine=engine, seizure=seizure(), firearms=[make_firearm()])
    assert repeated.value.problems[0].rule == "unique"
    with pytest.raises(InvalidInput) as empty:
        record_seizure(engine=engine, seizure=seizure(report_id="SR-9"))
    assert empty.value.problems[0].field == "findings"
    assert len(list_seizures(engine=engine)) == 1  # nothing half-stored


def test_the_same_firearm_is_found_across_seizures_whatever_script_its_serial_was_read_in(engine):
    # Latin reading in one seizure, Cyrillic look-alikes and a letter O for a zero in the other,
    # and a mixed-script reading in a third.
    record_seizure(engine=engine, seizure=seizure(report_id="SR-A"), firearms=[make_firearm(firearm_id="FA-1", serial="BH-40512")])
    record_seizure(engine=engine, seizure=seizure(report_id="SR-B"), firearms=[make_firearm(firearm_id="FA-1", serial="ВН 4О512")])
    record_seizure(engine=engine, seizure=seizure(report_id="SR-C"), firearms=[make_firearm(firearm_id="FA-7", serial="ZX999111", make="Glock")])
    stored_b = get_seizure(engine=engine, report_id="SR-B")

    matches = match_stored_firearm(engine=engine, stored_firearm_id=stored_b.firearms[0][0])
    assert [m.report_id for m in matches] == ["SR-A"]  # same firearm id at another seizure is still a match
    assert matches[0].score == 1.0 and "identical serial" in matches[0].reasons[0]

    mixed = make_firearm(firearm_id="Q-1", serial="BН4O5I2")
    assert {m.report_id for m in match_firearm(engine=engine, firearm=mixed)} == {"SR-A", "SR-B"}


def _raise(engine, **overrides):
    record_seizure(engine=engine, seizure=seizure(), firearms=[make_firearm()])
    stored_id = get_seizure(engine=engine, report_id="SR-1").firearms[0][0]
    arguments = dict(engine=engine, stored_firearm_id=stored_id, request_id="TR-1", requesting_agency="MK-MVR", requesting_country="MK",
                     case_reference="KO-1/25", illicit_grounds=["smuggled_across_border"], intended_use="criminal_investigation",
                     created_by="inspector.petrovski", created_at=SEIZED + timedelta(days=1))
    arguments.update(overrides)
    return raise_tracing_request(**arguments)


def test_a_tracing_request_keeps_its_timeline_and_answer_and_is_flagged_when_overdue(engine):
    request = _raise(engine)
    assert request.circumstances.place == "ACCU-SKP" and request.circumstances.country == "MK"
    assert {a.country for a in request.addressees} == {"RS", "AT"}

    sent_at = SEIZED + timedelta(days=2)
    change_tracing_status(engine=engine, request_id="TR-1", to="sent", at=sent_at, by="desk")
    assert list_overdue_tracing_requests(engine=engine, now=sent_at + timedelta(days=30)) == []
    (late,) = list_overdue_tracing_requests(engine=engine, now=sent_at + timedelta(days=70))
    assert late.request.request_id == "TR-1" and late.days_overdue == 10

    with pytest.raises(Conflict):
        change_tracing_status(engine=engine, request_id="TR-1", to="draft", at=sent_at + timedelta(days=3), by="desk")

    record_tracing_response(engine=engine, request_id="TR-1", by="desk", response={
        "request_id": "TR-1", "responding_country": "RS", "responding_agency": "RS-MUP", "received_at": sent_at + timedelta(days=20),
        "outcome": "traced", "last_legal_record": {"holder": "Zastava Oružje", "country": "RS"},
    })
    stored = get_tracing_request(engine=engine, request_id="TR-1")
    assert [c.status for c in stored.timeline] == ["draft", "sent", "answered"]
    assert stored.responses[0].last_legal_record.holder == "Zastava Oružje"
    assert list_overdue_tracing_requests(engine=engine, now=sent_at + timedelta(days=70)) == []


def test_a_tracing_request_that_cannot_be_answered_is_not_stored(engine):
    with pytest.raises(InvalidInput) as refused:
        _raise(engine, priority="urgent")
    assert refused.value.problems[0].field == "priority_justification"
    with pytest.raises(NotFound):
        get_tracing_request(engine=engine, request_id="TR-1")
