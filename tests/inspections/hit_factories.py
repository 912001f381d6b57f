"""Builds the world the web and inspection tests need: shipments ingested the normal way, hits
made with `create_hits` as targeting will, and one user per role in agencies of two jurisdictions.

Fixture strategy: two jurisdictions (MK and RS), two partners (MKPOST in MK, POSTA-RS in RS), so
every scope test has something it must see and something it must not.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from interdict.access.models import ROLES
from interdict.access.scope import Viewer
from interdict.access.users import UserCreate, create_user, ensure_agency, viewer_for
from interdict.ingest.models import Shipment
from interdict.ingest.readers import read_bytes
from interdict.ingest.service import ingest_records
from interdict.inspections.hits import create_hits
from tests.factories import ndjson, shipment

PASSWORD = "correct horse battery staple"


def ingest(engine: Engine, records: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    _source, rows = read_bytes(ndjson(records), name="test.ndjson", kind="shipments")
    ingest_records(rows, engine=engine, kind="shipments", source_name="test")
    with engine.connect() as conn:
        return {(r.reporter, r.shipment_id): r.id for r in conn.execute(select(Shipment.id, Shipment.reporter, Shipment.shipment_id))}


def world(engine: Engine, *, per_side: int = 3) -> dict[str, Any]:
    """Shipments to MK (MKPOST) and to RS (POSTA-RS), a red hit on each; returns their keys."""
    mk = [shipment(n) for n in range(1, per_side + 1)]
    rs = [shipment(100 + n, reporter="POSTA-RS", destination_country="RS",
                   consignee={"name": "Petar Jovanović", "city": "Beograd", "country": "RS"}) for n in range(1, per_side + 1)]  # fmt: skip
    pks = ingest(engine, mk + rs)
    scored = [
        {"shipment_pk": pk, "unit": f"postal:{'MK' if reporter == 'MKPOST' else 'RS'}", "lane": "red", "score": 90 - n,
         "reasons": ["pistol parts described as car parts", "consignee on watchlist"], "selected_at_random": False,
         "profile_versions": {"firearms_inbound": 1}}
        for n, ((reporter, _sid), pk) in enumerate(sorted(pks.items()))
    ]  # fmt: skip
    create_hits(engine=engine, scored=scored)
    return {"pks": pks}


def agencies(engine: Engine) -> None:
    for code, jurisdiction, kind in (("CUSTOMS-MK", "MK", "customs"), ("CUSTOMS-RS", "RS", "customs"), ("POLICE-MK", "MK", "police"),
                                     ("PROSECUTION-MK", "MK", "prosecution"), ("PARTNER-MKPOST", "MK", "partner"),
                                     ("PARTNER-POSTARS", "RS", "partner"), ("COORDINATION", "MK", "coordination")):  # fmt: skip
        ensure_agency(engine=engine, code=code, name=code.title(), jurisdiction=jurisdiction, kind=kind)


_AGENCY = {"admin": "CUSTOMS-MK", "analyst": "CUSTOMS-MK", "officer": "CUSTOMS-MK", "investigator": "POLICE-MK",
           "prosecutor": "PROSECUTION-MK", "partner": "PARTNER-MKPOST", "coordinator": "COORDINATION"}  # fmt: skip


def user(engine: Engine, role: str, *, username: str | None = None, agency: str | None = None, unit: str | None = None,
         reporters: tuple[str, ...] | None = None) -> Viewer:  # fmt: skip
    agencies(engine)
    if reporters is None:
        reporters = ("MKPOST",) if role == "partner" else ()
    user_id = create_user(engine=engine, new=UserCreate(username or f"{role}-1", f"Test {role}", role, agency or _AGENCY[role],
                                                        PASSWORD, unit, reporters))  # fmt: skip
    viewer = viewer_for(engine=engine, user_id=user_id)
    assert viewer is not None
    return viewer


def all_roles(engine: Engine) -> dict[str, Viewer]:
    return {role: user(engine, role) for role in ROLES}
