"""Exchange between two agencies: what one signs the other verifies; anything tampered with, from an
untrusted sender or not in the format is refused with the reason; handling codes decide who may
hold a bundle and whether it may go further."""

from __future__ import annotations

import base64
import json
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interdict.errors import AccessDenied, Conflict, InvalidInput
from interdict.exchange.bundles import build_bundle, canonical_bytes, document, parse_bundle, signed_content, validate_document
from interdict.exchange.cli import exchange_app, keys_app
from interdict.exchange.handling import check_onward_transfer, enforce_handling
from interdict.exchange.signing import (
    TrustStore,
    create_agency_keys,
    load_agency_keys,
    public_key_path,
    sign_bundle,
    trust_sender,
    verify_bundle,
)
from interdict.firearms.tracing import SeizureCircumstances, change_status, create_tracing_request
from tests.firearms.firearm_factories import make_firearm

CREATED = datetime(2025, 3, 15, 10, 0, tzinfo=UTC)


@pytest.fixture
def agencies(tmp_path: Path) -> dict:
    """Two agencies each with its own key directory and trust store, each trusting the other."""
    mk = create_agency_keys(agency="MK-MVR", jurisdiction="MK", key_dir=tmp_path / "mk" / "keys")
    rs = create_agency_keys(agency="RS-MUP", jurisdiction="RS", key_dir=tmp_path / "rs" / "keys")
    trust_sender(trust_dir=tmp_path / "rs" / "trust", export_file=public_key_path(tmp_path / "mk" / "keys", "MK-MVR"))
    trust_sender(trust_dir=tmp_path / "mk" / "trust", export_file=public_key_path(tmp_path / "rs" / "keys", "RS-MUP"))
    return {"mk": mk, "rs": rs, "root": tmp_path, "rs_trust": TrustStore.load(tmp_path / "rs" / "trust")}


def _documents() -> list[dict]:
    firearm = make_firearm(serial="ВН 40512", markings={"country_of_manufacture": "RS", "other_text": "Застава"})
    request = create_tracing_request(
        firearm=firearm, request_id="TR-1", requesting_agency="MK-MVR", requesting_country="MK", case_reference="KO-1/25",
        illicit_grounds=["smuggled_across_border"], intended_use="criminal_investigation", created_by="desk", created_at=CREATED,
        circumstances=SeizureCircumstances(recovered_on=date(2025, 3, 14), country="MK", place="Skopje airport", description="air cargo"),
    )
    request = change_status(request, to="sent", at=CREATED, by="desk")
    seizure = {
        "report_id": "SR-1", "reporting_agency": "MK-CUSTOMS", "jurisdiction": "MK", "seized_at": CREATED.isoformat(),
        "place": {"country": "MK", "office": "ACCU-SKP"}, "shipment": {"reporter": "EXPRESSCO-BA", "shipment_id": "157-12345675", "mode": "air_cargo"},
        "findings": [{"category": "pistol", "description": "pistol in engine parts", "quantity": 1}],
        "firearms": [firearm.model_dump(mode="json", exclude_none=True)],
    }
    referral = {
        "referral_id": "CR-1", "case_reference": "KO-1/25", "from_agency": "MK-MVR", "to_agency": "MK-JO", "to_role": "prosecutor",
        "jurisdiction": "MK", "referred_at": CREATED.isoformat(), "summary": "One pistol seized in air cargo.",
        "seizure_report_ids": ["SR-1"], "firearm_ids": [firearm.firearm_id], "tracing_request_ids": ["TR-1"],
    }
    return [document("firearm", firearm), document("tracing_request", request), document("seizure_report", seizure),
            document("case_referral", referral)]


def _bundle(keys, **handling) -> dict:
    handling.setdefault("handling_codes", ["TLP:AMBER"])
    unsigned = build_bundle(sender_agency=keys.agency, sender_jurisdiction=keys.jurisdiction, documents=_documents(), created_at=CREATED, **handling)
    return sign_bundle(unsigned, keys=keys)


def test_round_trip_between_two_agencies(agencies) -> None:
    signed = _bundle(load_agency_keys(agency="MK-MVR", key_dir=agencies["root"] / "mk" / "keys"))
    wire = json.dumps(signed, ensure_ascii=False, indent=2).encode("utf-8")  # layout on the wire does not matter
    verified = verify_bundle(wire, trust_store=agencies["rs_trust"])
    assert verified.sender.agency == "MK-MVR"
    assert [d["document_type"] for d in verified.bundle["documents"]] == ["firearm", "tracing_request", "seizure_report", "case_referral"]
    assert verified.bundle["documents"][0]["content"]["serial"] == "ВН 40512"


def test_private_key_is_0600_and_never_inside_a_repository(agencies, tmp_path) -> None:
    key_file = agencies["root"] / "mk" / "keys" / "MK-MVR.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    with pytest.raises(InvalidInput) as raised:
        create_agency_keys(agency="HR-MUP", jurisdiction="HR", key_dir=tmp_path / "repo" / "secrets")
    assert raised.value.problems[0].rule == "outside_repository"
    with pytest.raises(Conflict):
        create_agency_keys(agency="MK-MVR", jurisdiction="MK", key_dir=agencies["root"] / "mk" / "keys")


def test_one_changed_byte_in_a_document_is_refused(agencies) -> None:
    wire = json.dumps(_bundle(agencies["mk"]), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tampered = wire.replace(b'"quantity":1', b'"quantity":2', 1)
    assert tampered != wire and len(tampered) == len(wire)
    with pytest.raises(InvalidInput) as raised:
        verify_bundle(tampered, trust_store=agencies["rs_trust"])
    assert raised.value.problems[0].rule == "signature"
    assert "changed after it was signed" in raised.value.message


def test_changed_handling_is_refused_too(agencies) -> None:
    signed = _bundle(agencies["mk"], handling_codes=["TLP:RED"])
    signed["handling"]["codes"] = ["TLP:CLEAR"]
    with pytest.raises(InvalidInput, match="changed after it was signed"):
        verify_bundle(signed, trust_store=agencies["rs_trust"])


def test_an_untrusted_sender_is_refused(agencies, tmp_path) -> None:
    stranger = create_agency_keys(agency="XX-UNKNOWN", jurisdiction="AL", key_dir=tmp_path / "stranger")
    with pytest.raises(AccessDenied) as raised:
        verify_bundle(_bundle(stranger), trust_store=agencies["rs_trust"])
    assert raised.value.problems[0].rule == "trusted_sender"


def test_an_impostor_signing_in_a_trusted_agencys_name_is_refused(agencies, tmp_path) -> None:
    impostor = create_agency_keys(agency="MK-MVR", jurisdiction="MK", key_dir=tmp_path / "impostor")
    with pytest.raises(AccessDenied) as raised:
        verify_bundle(_bundle(impostor), trust_store=agencies["rs_trust"])
    assert raised.value.problems[0].rule == "sender_key"


def test_a_correctly_signed_bundle_in_the_wrong_schema_is_refused(agencies) -> None:
    keys = agencies["mk"]
    bundle = {k: v for k, v in _bundle(keys).items() if k != "signature"}
    bundle["documents"][0]["content"]["category"] = "bazooka"
    del bundle["documents"][3]["content"]["summary"]
    # Signed by hand: sign_bundle itself refuses to sign what does not follow the format.
    with pytest.raises(InvalidInput):
        sign_bundle(bundle, keys=keys)
    value = base64.b64encode(keys.private_key.sign(signed_content(bundle))).decode()
    bundle["signature"] = {"algorithm": "Ed25519", "key_id": keys.public.key_id, "value": value}
    with pytest.raises(InvalidInput) as raised:
        verify_bundle(bundle, trust_store=agencies["rs_trust"])
    found = {(p.field, p.rule) for p in raised.value.problems}
    assert ("documents[0].content.category", "schema:enum") in found
    assert ("documents[3].content", "schema:required") in found


def test_an_unknown_format_version_is_refused(agencies) -> None:
    keys = agencies["mk"]
    bundle = {k: v for k, v in _bundle(keys).items() if k != "signature"}
    bundle["format_version"] = "2.0"
    bundle["signature"] = {"algorithm": "Ed25519", "key_id": keys.public.key_id,
                           "value": base64.b64encode(keys.private_key.sign(signed_content(bundle))).decode()}
    with pytest.raises(InvalidInput) as raised:
        verify_bundle(bundle, trust_store=agencies["rs_trust"])
    assert raised.value.problems[0].rule == "supported_version"


def test_canonical_serialisation_is_sorted_compact_utf8_and_integer_only() -> None:
    assert canonical_bytes({"b": 1, "a": ["Ђ", {"d": 2, "c": 3}]}) == '{"a":["Ђ",{"c":3,"d":2}],"b":1}'.encode()
    with pytest.raises(InvalidInput):
        canonical_bytes({"weight": 1.5})
    with pytest.raises(InvalidInput, match="repeats a key"):
        parse_bundle('{"a": 1, "a": 2}')


def test_pydantic_records_dump_to_valid_documents() -> None:
    for entry in _documents():
        validate_document(entry["content"], document_type=entry["document_type"])


def test_handling_decides_who_may_hold_a_bundle(agencies) -> None:
    bundle = _bundle(agencies["mk"], handling_codes=["TLP:AMBER", "H1"], releasable_to={"jurisdictions": ["RS", "MK"], "roles": ["investigator"]})
    decision = enforce_handling(bundle, receiving_agency="RS-MUP", receiving_jurisdiction="RS")
    assert decision.onward_transfer == "within_jurisdiction" and decision.visible_to_roles == ("investigator",)
    assert any(r.startswith("H1:") for r in decision.restrictions)
    with pytest.raises(AccessDenied):
        enforce_handling(bundle, receiving_agency="HR-MUP", receiving_jurisdiction="HR")
    with pytest.raises(AccessDenied):
        enforce_handling(bundle, receiving_agency="RS-MUP", receiving_jurisdiction="RS", receiving_role="courier_partner")


def test_handling_decides_whether_a_bundle_may_be_passed_on(agencies) -> None:
    red = _bundle(agencies["mk"], handling_codes=["TLP:RED"])
    with pytest.raises(AccessDenied) as raised:
        check_onward_transfer(red, holding_agency="RS-MUP", holding_jurisdiction="RS", to_agency="RS-TUZILASTVO", to_jurisdiction="RS")
    assert raised.value.problems[0].rule == "onward_transfer"
    amber = _bundle(agencies["mk"], handling_codes=["TLP:AMBER"])
    check_onward_transfer(amber, holding_agency="RS-MUP", holding_jurisdiction="RS", to_agency="RS-TUZILASTVO", to_jurisdiction="RS")
    with pytest.raises(AccessDenied):
        check_onward_transfer(amber, holding_agency="RS-MUP", holding_jurisdiction="RS", to_agency="HR-MUP", to_jurisdiction="HR")


def test_a_bundle_passed_on_against_the_originators_rule_is_refused_on_receipt(agencies) -> None:
    rs = agencies["rs"]
    forwarded = build_bundle(sender_agency="RS-MUP", sender_jurisdiction="RS", documents=_documents(), handling_codes=["TLP:RED"],
                             originator_agency="MK-MVR", originator_jurisdiction="MK", created_at=CREATED)
    forwarded = sign_bundle(forwarded, keys=rs)
    with pytest.raises(AccessDenied):
        enforce_handling(forwarded, receiving_agency="RS-TUZILASTVO", receiving_jurisdiction="RS")


def test_unknown_handling_code_is_refused(agencies) -> None:
    with pytest.raises(InvalidInput) as raised:
        enforce_handling(_bundle(agencies["mk"], handling_codes=["SECRET-X"]), receiving_agency="RS-MUP", receiving_jurisdiction="RS")
    assert raised.value.problems[0].rule == "known_code"


def test_cli_create_export_trust_sign_verify(tmp_path: Path) -> None:
    runner = CliRunner()
    keys, trust = tmp_path / "keys", tmp_path / "trust"
    assert runner.invoke(keys_app, ["create", "--agency", "BA-UIO", "--jurisdiction", "BA", "--key-dir", str(keys)]).exit_code == 0
    exported = runner.invoke(keys_app, ["export", "--agency", "BA-UIO", "--key-dir", str(keys)])
    (tmp_path / "ba.pub.json").write_text(exported.stdout)
    assert runner.invoke(keys_app, ["trust", str(tmp_path / "ba.pub.json"), "--trust-dir", str(trust)]).exit_code == 0
    unsigned = build_bundle(sender_agency="BA-UIO", sender_jurisdiction="BA", documents=_documents()[:1], handling_codes=["TLP:GREEN"])
    (tmp_path / "b.json").write_text(json.dumps(unsigned))
    assert runner.invoke(exchange_app, ["sign", str(tmp_path / "b.json"), "--agency", "BA-UIO", "--key-dir", str(keys)]).exit_code == 0
    signed_file = tmp_path / "b.signed.json"
    ok = runner.invoke(exchange_app, ["verify", str(signed_file), "--trust-dir", str(trust), "--agency", "RS-MUP", "--jurisdiction", "RS"])
    assert ok.exit_code == 0, ok.output
    assert "Valid: signed by BA-UIO" in ok.stdout and "firearm: FA-1" in ok.stdout
    signed_file.write_text(signed_file.read_text().replace('"FA-1"', '"FA-2"'))
    refused = runner.invoke(exchange_app, ["verify", str(signed_file), "--trust-dir", str(trust)])
    assert refused.exit_code == 1
    assert "changed after it was signed" in refused.stderr
