"""A store ingested before the matching forms changed (spelling games in descriptions undone,
Greek spelled as Greeks spell it in Latin) is brought up to date by `interdict db renormalise`,
so the keyword lists find in old shipments what they find in new ones."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select, update
from typer.testing import CliRunner

from interdict.cli import app
from interdict.ingest.models import Shipment, ShipmentItem
from interdict.ingest.service import ingest_path
from tests.factories import ndjson, shipment

runner = CliRunner()
_ITEMS, _SHIPMENTS = ShipmentItem.__table__, Shipment.__table__


def _as_an_older_version_stored_it(engine: Engine) -> None:
    # What `fold` alone made of these texts (anyascii's Greek: "oy" for ου).
    with engine.begin() as conn:
        conn.execute(update(_ITEMS).where(_ITEMS.c.line_no == 1).values(description_norm="p i s t o l"))
        conn.execute(update(_SHIPMENTS).values(descriptions_norm="p i s t o l | socks",
                                               consignee_name_norm="georgios papadopoylos"))


def test_renormalise_brings_an_old_store_to_this_versions_forms_once(configured: Engine, tmp_path: Path) -> None:
    record = shipment(1, items=[{"description": "P.I.S.T.O.L", "hs_code": "950300"},
                                {"description": "Socks", "hs_code": "611595"}],
                      consignee={"name": "Γεώργιος Παπαδόπουλος", "city": "Αθήνα", "country": "GR"})
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([record]))
    ingest_path(path, engine=configured, kind="shipments")
    _as_an_older_version_stored_it(configured)

    first = runner.invoke(app, ["db", "renormalise"])
    assert first.exit_code == 0, first.output
    assert "shipments: 1 rows changed" in first.output
    with configured.connect() as conn:
        assert conn.execute(select(_SHIPMENTS.c.descriptions_norm, _SHIPMENTS.c.consignee_name_norm)).one() == (
            "pistol | socks", "georgios papadopoulos")
        assert conn.execute(select(_ITEMS.c.description_norm).order_by(_ITEMS.c.line_no)).scalars().all() == ["pistol", "socks"]

    again = runner.invoke(app, ["db", "renormalise"])
    assert "shipment_items: 0 rows changed, shipments: 0 rows changed" in again.output


def test_renormalise_reads_again_a_phone_an_older_version_could_not_read(configured: Engine, tmp_path: Path) -> None:
    # Before session 8 a phone with a label was unreadable: stored with no matching form, it
    # linked to nothing, and a listed phone behind it was never hit.
    record = shipment(1, consignee={"name": "Marko Petrović", "city": "Beograd", "country": "RS", "phone": "tel. 064 123 4567"})
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([record]))
    ingest_path(path, engine=configured, kind="shipments")
    with configured.begin() as conn:
        read_now = conn.execute(select(_SHIPMENTS.c.consignee_phone_norm)).scalar_one()
        conn.execute(update(_SHIPMENTS).values(consignee_phone_norm=None))
    assert read_now == "+381641234567"

    result = runner.invoke(app, ["db", "renormalise"])
    assert result.exit_code == 0, result.output
    assert "shipments: 1 rows changed" in result.output
    with configured.connect() as conn:
        assert conn.execute(select(_SHIPMENTS.c.consignee_phone_norm)).scalar_one() == "+381641234567"
