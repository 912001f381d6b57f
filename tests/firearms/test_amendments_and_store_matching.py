"""A stored seizure corrected with its history kept, and matching that picks its candidates in SQL:
the store finds what the in-memory index finds, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from interdict.errors import Conflict, InvalidInput
from interdict.firearms import matching
from interdict.firearms.seizures import (
    amend_firearm,
    get_seizure,
    match_firearm,
    match_stored_firearm,
    record_seizure,
    seizure_history,
)
from tests.firearms.firearm_factories import make_firearm

SEIZED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def _seizure(report_id: str, **overrides):
    return {"report_id": report_id, "reporting_agency": "MK-CUSTOMS", "jurisdiction": "MK", "seized_at": SEIZED,
            "place": {"country": "MK", "office": "ACCU-SKP"}, **overrides}


def test_a_corrected_serial_is_matched_from_then_on_and_the_history_keeps_the_first_reading(engine):
    record_seizure(engine=engine, seizure=_seizure("SR-OLD", recovery="found"), firearms=[make_firearm(serial="ZC-771203")])
    misread = record_seizure(engine=engine, seizure=_seizure("SR-NEW"), firearms=[make_firearm(serial="2C-7712")])
    assert all(m.report_id != "SR-OLD" or m.score < 0.9 for m in match_stored_firearm(engine=engine, stored_firearm_id=get_seizure(
        engine=engine, seizure_id=misread).firearms[0][0]))

    stored_id = amend_firearm(engine=engine, seizure_id=misread, firearm=make_firearm(serial="2С-771203"),  # Cyrillic С, digit 2 for Z
                              by="inv-1", reason="serial re-read under magnification")

    (best, *_) = match_stored_firearm(engine=engine, stored_firearm_id=stored_id)
    assert best.report_id == "SR-OLD" and best.score == 1.0
    stored = get_seizure(engine=engine, seizure_id=misread)
    assert [f.serial for _, f in stored.firearms] == ["2С-771203"] and stored.firearms[0][0] == stored_id
    (amendment,) = seizure_history(engine=engine, seizure_id=misread)
    assert (amendment.change, amendment.amended_by, amendment.before["serial"], amendment.after["serial"]) == \
        ("corrected", "inv-1", "2C-7712", "2С-771203")
    assert [(f.category, f.quantity) for f in stored.report.findings] == [("pistol", 1)]


def test_a_firearm_identified_later_is_added_and_a_category_correction_moves_the_count(engine):
    seizure_id = record_seizure(engine=engine, seizure=_seizure("SR-1", findings=[{"category": "pistol", "quantity": 2}]))
    amend_firearm(engine=engine, seizure_id=seizure_id, firearm=make_firearm(firearm_id="FA-1"), by="inv-1", reason="identified")
    assert [(f.category, f.quantity) for f in get_seizure(engine=engine, seizure_id=seizure_id).report.findings] == [("pistol", 2)]
    amend_firearm(engine=engine, seizure_id=seizure_id, firearm=make_firearm(firearm_id="FA-1", category="revolver"), by="inv-2",
                  reason="cylinder, not a slide")
    findings = {f.category: f.quantity for f in get_seizure(engine=engine, seizure_id=seizure_id).report.findings}
    assert findings == {"pistol": 1, "revolver": 1}
    assert [a.change for a in seizure_history(engine=engine, seizure_id=seizure_id)] == ["added", "corrected"]

    with pytest.raises(InvalidInput) as no_reason:
        amend_firearm(engine=engine, seizure_id=seizure_id, firearm=make_firearm(), by="inv-1", reason=" ")
    assert no_reason.value.problems[0].field == "reason"


def test_a_received_seizure_is_not_amended_here(engine):
    seizure_id = record_seizure(engine=engine, seizure=_seizure("SR-X"), firearms=[make_firearm()], origin_agency="RS-MUP", received_from="RS-MUP")
    with pytest.raises(Conflict) as refused:
        amend_firearm(engine=engine, seizure_id=seizure_id, firearm=make_firearm(serial="X1"), by="inv", reason="typo")
    assert "RS-MUP" in refused.value.message


def _random_serial(rng: random.Random) -> str:
    return "".join(rng.choice("ABCHKMPX0123456789") for _ in range(rng.randint(5, 9)))


def test_the_store_finds_the_same_candidates_as_the_in_memory_index(engine, monkeypatch):
    """Parity on a few hundred random firearms, with small limits so blocking actually cuts."""
    monkeypatch.setattr("interdict.firearms.seizures.MAX_CANDIDATES", 40)
    rng = random.Random(7)
    makes = ["Zastava", "Glock", "CZ", "Beretta", None]
    calibres = ["9mm Para", "7.65 mm", ".22 LR", None]
    earlier = []
    for n in range(300):
        firearm = make_firearm(firearm_id=f"FA-{n}", serial=_random_serial(rng) if n % 10 else None, make=rng.choice(makes),
                               calibre=rng.choice(calibres), model=None)
        earlier.append(firearm)
    for n in range(0, 300, 50):
        record_seizure(engine=engine, seizure=_seizure(f"SR-{n}", seized_at=SEIZED - timedelta(days=n)), firearms=earlier[n:n + 50])
    queries = [make_firearm(firearm_id="Q", serial=e.serial.replace("0", "О") if e.serial else "?3?1", make=e.make, calibre=e.calibre, model=None)
               for e in rng.sample(earlier, 12)]
    index = matching.FirearmIndex(earlier, max_candidates=40)
    for query in queries:
        in_memory = {(c.firearm.firearm_id, c.score) for c in matching.rank_candidates(query, index=index, limit=5)}
        stored = {(m.firearm.firearm_id, m.score) for m in match_firearm(engine=engine, firearm=query, limit=5)}
        assert {s for _, s in stored} == {s for _, s in in_memory}, query.serial


def test_firearms_stored_before_the_matching_keys_existed_are_found_after_the_upgrade(tmp_path):
    """Migration 0002 fills the keys (and who holds each seizure) for rows written under 0001."""
    import json

    from alembic import command
    from sqlalchemy import text

    from interdict.store.database import make_engine
    from interdict.store.schema import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(alembic_config(engine), "0001")
    record = make_firearm(serial="BH-40512").model_dump(mode="json", exclude_none=True)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO seizures (id, report_id, reporting_agency, jurisdiction, seized_at, country, recovery, record, recorded_at) "
                          "VALUES (1, 'SR-OLD', 'MK-CUSTOMS', 'MK', '2024-01-01 00:00:00.000000', 'MK', 'found', '{}', '2024-01-01 00:00:00.000000')"))
        conn.execute(text("INSERT INTO firearms (id, seizure_id, firearm_id, category, serial_normalised, status, record, recorded_at) "
                          "VALUES (1, 1, 'FA-1', 'pistol', '', 'identified', :record, '2024-01-01 00:00:00.000000')"), {"record": json.dumps(record)})
    command.upgrade(alembic_config(engine), "head")

    (found,) = match_firearm(engine=engine, firearm=make_firearm(firearm_id="Q", serial="ВН 4О512"))
    assert found.stored_firearm_id == 1 and found.score == 1.0
    with engine.connect() as conn:
        assert conn.execute(text("SELECT held_by_jurisdiction FROM seizures")).scalar() == "MK"
    engine.dispose()
