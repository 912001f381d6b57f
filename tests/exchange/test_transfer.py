"""Export from one agency's store, import into another's: two databases standing for North Macedonian
police (sender, a SQLite file) and Serbian police (receiver: SQLite and PostgreSQL). What arrives is
what was sent, marked with where it came from; a changed byte, an untrusted sender, a replay or a
bundle meant for someone else is refused with the reason, and nothing of it is stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interdict.cases.referrals import list_referrals, refer_case
from interdict.errors import AccessDenied, Conflict, InvalidInput
from interdict.exchange.cli import exchange_app
from interdict.exchange.signing import TrustStore, create_agency_keys, public_key_path, trust_sender
from interdict.exchange.transfer import export_seizure, import_bundle, received_bundles
from interdict.firearms.seizures import get_seizure, list_seizures, match_stored_firearm, record_seizure
from interdict.firearms.tracing_requests import change_tracing_status, list_tracing_requests, raise_tracing_request
from interdict.settings import get_settings
from interdict.store.database import get_engine, make_engine
from interdict.store.schema import ensure_schema
from tests.firearms.firearm_factories import make_firearm

SEIZED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


@pytest.fixture
def agencies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv("INTERDICT_AUDIT_KEY", "test-audit-key")
    mk = create_agency_keys(agency="MK-MVR", jurisdiction="MK", key_dir=tmp_path / "mk" / "keys")
    rs = create_agency_keys(agency="RS-MUP", jurisdiction="RS", key_dir=tmp_path / "rs" / "keys")
    ba = create_agency_keys(agency="BA-SIPA", jurisdiction="BA", key_dir=tmp_path / "ba" / "keys")  # nobody trusts it
    trust_sender(trust_dir=tmp_path / "rs" / "trust", export_file=public_key_path(tmp_path / "mk" / "keys", "MK-MVR"))
    return {"mk": mk, "rs": rs, "ba": ba, "root": tmp_path, "rs_trust": TrustStore.load(tmp_path / "rs" / "trust")}


@pytest.fixture
def mk_store(tmp_path: Path):
    """The sending agency's own database: a second SQLite file."""
    engine = make_engine(f"sqlite:///{tmp_path / 'mk.db'}")
    ensure_schema(engine)
    yield engine
    engine.dispose()


def _mk_seizure(engine) -> None:
    """MK customs seize a pistol whose serial the officer read in Cyrillic, with a Cyrillic O for 0."""
    firearm = make_firearm(firearm_id="FA-1", serial="ВН 4О512", markings={"other_text": "Застава", "country_of_manufacture": "RS"})
    record_seizure(engine=engine, seizure={
        "report_id": "SR-MK-1", "reporting_agency": "MK-CUSTOMS", "jurisdiction": "MK", "seized_at": SEIZED,
        "place": {"country": "MK", "office": "ACCU-SKP"}, "shipment": {"reporter": "EXPRESSCO-BA", "shipment_id": "157-12345675"},
    }, firearms=[firearm])
    stored_id = get_seizure(engine=engine, report_id="SR-MK-1").firearms[0][0]
    raise_tracing_request(engine=engine, stored_firearm_id=stored_id, request_id="TR-1", requesting_agency="MK-MVR", requesting_country="MK",
                          case_reference="KO-1/25", illicit_grounds=["smuggled_across_border"], intended_use="criminal_investigation",
                          created_by="desk", created_at=SEIZED + timedelta(hours=2))
    change_tracing_status(engine=engine, request_id="TR-1", to="sent", at=SEIZED + timedelta(hours=3), by="desk")
    refer_case(engine=engine, seizure_id=get_seizure(engine=engine, report_id="SR-MK-1").seizure_id, referral_id="REF-1",
               to_agency="RS-MUP", to_role="police", summary="Pistol in an air-cargo parcel from BA; consignee in RS.", by="desk",
               referred_at=SEIZED + timedelta(hours=4))


def _rs_seizure(engine) -> None:
    """A year earlier Serbian police recovered a pistol, serial read in Latin with a dash."""
    record_seizure(engine=engine, seizure={
        "report_id": "SR-RS-7", "reporting_agency": "RS-MUP", "jurisdiction": "RS", "seized_at": SEIZED - timedelta(days=400),
        "place": {"country": "RS", "description": "Preševo"}, "recovery": "found",
    }, firearms=[make_firearm(firearm_id="FA-1", serial="BH-40512")])


def _export(mk_store, agencies, **overrides) -> bytes:
    arguments = dict(engine=mk_store, report_id="SR-MK-1", keys=agencies["mk"], to_agency="RS-MUP", to_jurisdiction="RS")
    arguments.update(overrides)
    return json.dumps(export_seizure(**arguments), ensure_ascii=False, indent=2).encode("utf-8")


def _import(engine, agencies, data):
    return import_bundle(engine=engine, data=data, trust_store=agencies["rs_trust"], receiving_agency="RS-MUP", receiving_jurisdiction="RS")


def test_a_seizure_travels_between_two_agencies_and_its_firearm_is_matched_on_arrival(engine, mk_store, agencies):
    _mk_seizure(mk_store)
    _rs_seizure(engine)
    bundle = _export(mk_store, agencies)

    result = _import(engine, agencies, bundle)

    assert [(f["document_type"], f["document_id"]) for f in result.filed] == [
        ("seizure_report", "SR-MK-1"), ("tracing_request", "TR-1"), ("case_referral", "REF-1")]
    received = get_seizure(engine=engine, report_id="SR-MK-1", reporting_agency="MK-CUSTOMS")
    assert (received.origin_agency, received.received_from, received.bundle_id) == ("MK-MVR", "MK-MVR", result.bundle_id)
    (firearm_id, firearm), = received.firearms
    assert firearm.serial == "ВН 4О512" and firearm.markings.other_text == "Застава"
    (request,) = list_tracing_requests(engine=engine)
    assert request.status == "sent" and [c.status for c in request.timeline] == ["draft", "sent"]
    (referral,) = list_referrals(engine=engine)
    assert (referral.referral.referral_id, referral.status, referral.origin_agency, referral.seizure_id) == ("REF-1", "referred", "MK-MVR", received.seizure_id)
    assert referral.referral.firearm_ids == ["FA-1"] and referral.referral.tracing_request_ids == ["TR-1"]

    (match,) = match_stored_firearm(engine=engine, stored_firearm_id=firearm_id)
    assert (match.report_id, match.firearm.serial, match.score) == ("SR-RS-7", "BH-40512", 1.0)
    assert "identical serial" in match.reasons[0]

    with pytest.raises(Conflict) as replay:
        _import(engine, agencies, bundle)
    assert replay.value.problems[0].rule == "replay"
    assert len(list_seizures(engine=engine, received=True)) == 1


def test_a_changed_byte_an_untrusted_sender_or_another_recipient_is_refused_and_nothing_stored(engine, mk_store, agencies):
    _mk_seizure(mk_store)
    bundle = _export(mk_store, agencies)

    tampered = bundle.replace("ACCU-SKP".encode(), "ACCU-SKQ".encode(), 1)
    assert sum(a != b for a, b in zip(bundle, tampered, strict=True)) == 1
    with pytest.raises(InvalidInput) as changed:
        _import(engine, agencies, tampered)
    assert changed.value.problems[0].rule == "signature" and "changed after it was signed" in changed.value.message

    record_seizure(engine=mk_store, seizure={"report_id": "SR-BA-1", "reporting_agency": "BA-SIPA", "jurisdiction": "BA", "seized_at": SEIZED,
                                              "place": {"country": "BA"}, "recovery": "surrendered"}, firearms=[make_firearm()])
    with pytest.raises(AccessDenied) as untrusted:
        _import(engine, agencies, _export(mk_store, agencies, report_id="SR-BA-1", keys=agencies["ba"]))
    assert untrusted.value.problems[0].rule == "trusted_sender" and "BA-SIPA" in untrusted.value.message

    with pytest.raises(AccessDenied) as elsewhere:
        _import(engine, agencies, _export(mk_store, agencies, to_agency="AL-ASP", to_jurisdiction="AL"))
    assert {p.rule for p in elsewhere.value.problems} == {"releasable_to"}

    assert list_seizures(engine=engine) == [] and received_bundles(engine=engine) == []


def test_a_received_seizure_is_passed_on_only_as_its_originator_allows(engine, mk_store, agencies):
    _mk_seizure(mk_store)
    _import(engine, agencies, _export(mk_store, agencies, to_agency=None, to_jurisdiction=None, handling_codes=["TLP:AMBER+STRICT"]))
    with pytest.raises(AccessDenied) as forbidden:
        export_seizure(engine=engine, report_id="SR-MK-1", keys=agencies["rs"], to_agency="RS-BIA", to_jurisdiction="RS")
    assert forbidden.value.problems[0].rule == "onward_transfer"


def test_the_command_line_exports_from_one_store_and_imports_into_another(configured, mk_store, agencies, monkeypatch):
    root = agencies["root"]
    _mk_seizure(mk_store)
    runner = CliRunner()
    monkeypatch.setenv("INTERDICT_DATABASE_URL", mk_store.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    out = root / "bundle.json"
    exported = runner.invoke(exchange_app, ["export", "--seizure", "SR-MK-1", "--agency", "MK-MVR", "--key-dir", str(root / "mk" / "keys"),
                                            "--to-agency", "RS-MUP", "--to-jurisdiction", "RS", "--handling", "TLP:AMBER", "--handling", "H1",
                                            "--out", str(out)])
    assert exported.exit_code == 0, exported.output

    # The file alone can be checked before anything is imported: signature, sender trust, format, handling.
    verified = runner.invoke(exchange_app, ["verify", str(out), "--trust-dir", str(root / "rs" / "trust"), "--agency", "RS-MUP", "--jurisdiction", "RS"])
    assert verified.exit_code == 0 and "signed by MK-MVR" in verified.output and "case_referral: REF-1" in verified.output, verified.output

    # The receiving side: the `configured` database (SQLite or PostgreSQL).
    monkeypatch.setenv("INTERDICT_DATABASE_URL", configured.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    get_engine.cache_clear()
    arguments = ["import", str(out), "--agency", "RS-MUP", "--jurisdiction", "RS", "--trust-dir", str(root / "rs" / "trust")]
    imported = runner.invoke(exchange_app, arguments)
    assert imported.exit_code == 0, imported.output
    assert "seizure_report SR-MK-1" in imported.output and "H1:" in imported.output

    again = runner.invoke(exchange_app, arguments)
    assert again.exit_code == 1 and "already imported" in again.output
    out.write_bytes(out.read_bytes().replace(b"ACCU-SKP", b"ACCU-SKQ", 1))
    tampered = runner.invoke(exchange_app, arguments)
    assert tampered.exit_code == 1 and "changed after it was signed" in tampered.output
    unverified = runner.invoke(exchange_app, ["verify", str(out), "--trust-dir", str(root / "rs" / "trust")])
    assert unverified.exit_code == 1 and "changed after it was signed" in unverified.output


def test_an_answer_sent_back_is_filed_on_the_tracing_request_it_answers(engine, agencies):
    """MK raised TR-1 (here on `engine`); RS answers in a bundle of its own."""
    from interdict.exchange.bundles import build_bundle, document
    from sqlalchemy import select

    from interdict.exchange.signing import sign_bundle
    from interdict.firearms.tables import FirearmRow
    from interdict.store.database import session_for
    from interdict.firearms.tracing_requests import get_tracing_request

    root = agencies["root"]
    trust_sender(trust_dir=root / "mk" / "trust", export_file=public_key_path(root / "rs" / "keys", "RS-MUP"))
    _mk_seizure(engine)
    answer = {"request_id": "TR-1", "responding_country": "RS", "responding_agency": "RS-MUP", "received_at": (SEIZED + timedelta(days=9)).isoformat(),
              "outcome": "traced", "last_legal_record": {"holder": "Zastava Oružje", "country": "RS", "holder_type": "manufacturer"}}
    bundle = sign_bundle(build_bundle(sender_agency="RS-MUP", sender_jurisdiction="RS", documents=[document("tracing_response", answer)],
                                      handling_codes=["TLP:GREEN"]), keys=agencies["rs"])

    result = import_bundle(engine=engine, data=bundle, trust_store=TrustStore.load(root / "mk" / "trust"),
                           receiving_agency="MK-MVR", receiving_jurisdiction="MK")

    assert result.filed[0]["filed_as"] == "answer to our tracing request TR-1"
    request = get_tracing_request(engine=engine, request_id="TR-1")
    assert request.status == "answered" and request.responses[0].last_legal_record.holder == "Zastava Oružje"
    with session_for(engine) as session:
        assert session.scalars(select(FirearmRow.status)).all() == ["traced"]
