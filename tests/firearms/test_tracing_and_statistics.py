"""Tracing requests carry what the International Tracing Instrument asks for, move only along the
allowed statuses, are flagged when overdue; statistics count in UNODC's categories and export to
Excel without letting a cell run as a formula."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from interdict.errors import Conflict, InvalidInput
from interdict.firearms.statistics import compute_statistics, export_statistics_xlsx
from interdict.reporting.cells import neutralise as spreadsheet_safe
from interdict.firearms.tracing import (
    AddresseeRole,
    SeizureCircumstances,
    TracingOutcome,
    TracingPriority,
    TracingResponse,
    TracingStatus,
    change_status,
    create_tracing_request,
    overdue,
    overdue_requests,
    record_response,
    request_outcome,
)
from tests.firearms.firearm_factories import make_ammunition, make_firearm, make_part

T0 = datetime(2025, 3, 15, 9, 0, tzinfo=UTC)


def _request(**overrides):
    arguments = dict(
        firearm=make_firearm(),
        request_id="TR-2025-001",
        requesting_agency="MK-MVR",
        requesting_country="MK",
        case_reference="KO-114/25",
        illicit_grounds=["smuggled_across_border", "no_authorisation"],
        circumstances=SeizureCircumstances(recovered_on=date(2025, 3, 14), country="MK", place="Skopje postal hub",
                                           description="Dismantled in a parcel declared as car parts"),
        intended_use="criminal_investigation",
        created_by="inspector.petrovski",
        created_at=T0,
    )
    arguments.update(overrides)
    return create_tracing_request(**arguments)


def _answer(outcome="traced", **overrides) -> TracingResponse:
    record = dict(request_id="TR-2025-001", responding_country="RS", responding_agency="RS-MUP", received_at=T0 + timedelta(days=10),
                  outcome=outcome)
    if outcome == "traced":
        record["last_legal_record"] = {"holder": "Ministry of Defence", "country": "RS", "holder_type": "state"}
        record["point_of_diversion"] = {"description": "theft from state stock", "country": "RS"}
    record.update(overrides)
    return TracingResponse.model_validate(record)


def test_request_is_addressed_to_the_countries_in_the_markings() -> None:
    request = _request()
    assert [(a.country, a.role) for a in request.addressees] == [("RS", AddresseeRole.manufacture), ("AT", AddresseeRole.last_legal_import)]
    assert request.status == TracingStatus.draft and request.timeline[0].by == "inspector.petrovski"
    assert request.firearm.calibre_canonical == "7.65x17mm (.32 ACP)"


def test_request_lists_everything_missing() -> None:
    bare = make_firearm(serial=None, serial_status="obliterated", calibre=None, markings={})
    with pytest.raises(InvalidInput) as raised:
        _request(firearm=bare, priority="urgent")
    fields = {p.field for p in raised.value.problems}
    assert fields == {"firearm.markings", "firearm.calibre", "addressees", "priority_justification"}


def test_urgent_request_with_justification() -> None:
    request = _request(priority="urgent", priority_justification="suspect in custody for 48 hours")
    assert request.priority == TracingPriority.urgent


def test_status_moves_only_along_allowed_transitions() -> None:
    request = change_status(_request(), to="sent", at=T0 + timedelta(hours=1), by="desk")
    request = change_status(request, to="acknowledged", at=T0 + timedelta(days=2), by="desk")
    assert [c.status for c in request.timeline] == ["draft", "sent", "acknowledged"]
    with pytest.raises(Conflict) as raised:
        change_status(request, to="draft", at=T0 + timedelta(days=3), by="desk")
    assert raised.value.problems[0].rule == "allowed_transition"
    closed = change_status(request, to="closed", at=T0 + timedelta(days=3), by="desk")
    with pytest.raises(Conflict):
        change_status(closed, to="sent", at=T0 + timedelta(days=4), by="desk")


def test_a_status_change_cannot_go_back_in_time() -> None:
    with pytest.raises(InvalidInput):
        change_status(_request(), to="sent", at=T0 - timedelta(days=1), by="desk")


def test_answer_moves_request_to_answered_and_gives_outcome() -> None:
    request = change_status(_request(), to="sent", at=T0, by="desk")
    assert request_outcome(request) == TracingOutcome.pending
    request = record_response(request, response=_answer("insufficient_information"), by="desk")
    assert request.status == TracingStatus.answered
    assert request_outcome(request) == TracingOutcome.insufficient_information
    request = record_response(request, response=_answer("traced", responding_country="AT"), by="desk")
    assert request_outcome(request) == TracingOutcome.traced
    assert request.responses[-1].last_legal_record.holder == "Ministry of Defence"


def test_a_draft_takes_no_answer_and_traced_needs_the_last_legal_record() -> None:
    with pytest.raises(Conflict):
        record_response(_request(), response=_answer(), by="desk")
    with pytest.raises(ValueError):
        _answer("traced", last_legal_record=None)


def test_overdue_flags_follow_priority_and_are_configurable() -> None:
    routine = change_status(_request(), to="sent", at=T0, by="desk")
    urgent = change_status(_request(request_id="TR-2", priority="urgent", priority_justification="custody"), to="sent", at=T0, by="desk")
    now = T0 + timedelta(days=10)
    assert overdue(routine, now=now) is None
    flag = overdue(urgent, now=now)
    assert flag is not None and flag.days_overdue == 3
    assert overdue(routine, now=now, overdue_days={TracingPriority.routine: 5}) is not None
    answered = record_response(routine, response=_answer(), by="desk")
    assert [f.request.request_id for f in overdue_requests([answered, urgent], now=now)] == ["TR-2"]


def test_statistics_count_in_questionnaire_categories() -> None:
    firearms = [
        make_firearm(firearm_id="1"),
        make_firearm(firearm_id="2", category="revolver", recovery="found"),
        make_firearm(firearm_id="3", category="carbine", recovery="surrendered"),
        make_firearm(firearm_id="4", category="rifle"),
        make_firearm(firearm_id="5", category="converted_or_convertible_weapon"),
        make_firearm(firearm_id="6", recovered_on=date(2024, 12, 31)),
    ]
    request = record_response(change_status(_request(), to="sent", at=T0, by="desk"), response=_answer(), by="desk")
    stats = compute_statistics(
        firearms=firearms,
        parts=[make_part(quantity=3), make_part(part_type="silencer")],
        ammunition=[make_ammunition(), make_ammunition(calibre="9x19", quantity=25, recovery="found")],
        tracing_requests=[request, _request(request_id="draft-only")],
        year=2025,
    )
    assert stats.firearms["Pistols"]["seized"] == 1
    assert stats.firearms["Rifles and carbines"] == {"surrendered": 1, "seized": 1}
    assert stats.firearms["Other firearms"]["seized"] == 1 and stats.converted_weapons["seized"] == 1
    assert stats.firearms["Shotguns"] == {}  # zero rows are present, not missing
    assert stats.total("firearms") == {"seized": 3, "found": 1, "surrendered": 1}
    assert stats.parts_and_components["Slides or cylinders"]["seized"] == 3
    assert stats.ammunition == {"9x19mm Parabellum": {"seized": 50, "found": 25}}
    assert stats.tracing == {"requests_sent": 1, "traced": 1}


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_formula_text_is_neutralised(dangerous: str) -> None:
    assert spreadsheet_safe(dangerous) == "'" + dangerous
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe("Zastava") == "Zastava"


def test_excel_export_has_each_section_and_no_formula(tmp_path) -> None:
    stats = compute_statistics(ammunition=[make_ammunition(calibre="=cmd|' /C calc'!A0", quantity=10)])
    path = export_statistics_xlsx(stats, path=tmp_path / "iafq.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["About", "Firearms", "Parts and components", "Ammunition", "Tracing"]
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    ammunition = workbook["Ammunition"]
    assert ammunition["A2"].value == "'=cmd|' /C calc'!A0" and ammunition["B2"].value == 10
