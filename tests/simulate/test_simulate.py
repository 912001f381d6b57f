"""The synthetic traffic: files in records.md form, reproducible, with every planted pattern.

One small run (module fixture) serves most tests; the determinism test makes two more tiny ones.
"""

import csv
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from interdict.errors import InvalidInput
from interdict.ingest.identifiers import classify_identifier
from interdict.simulate import generate
from interdict.simulate.cli import app
from interdict.text import fold

MODES = {"postal", "express", "air_cargo", "sea", "road"}
DIRECTIONS = {"import", "export", "transit"}
CATEGORIES = {"gift", "documents", "commercial_sample", "returned_goods", "sale_of_goods", "other"}
PAYMENTS = {"prepaid", "card", "cash_on_delivery", "account", "other"}
CURRENCIES = {"EUR", "USD", "RSD", "MKD", "BAM", "ALL", "CNY", "TRY", "CHF", "GBP", "SEK", "BGN", "CZK"}
FINDINGS = {
    "pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle", "machine_gun",
    "other_firearm", "firearm_part", "firearm_component", "ammunition", "converted_or_convertible_weapon",
    "explosive", "drugs", "cash", "other",
}
DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
COUNTRY = re.compile(r"[A-Z]{2}$")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def read(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("traffic")
    summary = generate(shipments=3000, days=14, seed=7, out=out, start=date(2025, 3, 24))
    return summary, {name: read(out / f"{name}.ndjson") for name in ("shipments", "outcomes", "watchlist", "truth")}


def test_every_shipment_has_the_required_fields_with_valid_codes(run):
    summary, files = run
    keys = {(s["reporter"], s["shipment_id"]) for s in files["shipments"]}
    assert len(keys) == summary.shipments == 3000
    assert len(files["shipments"]) == summary.records
    for s in files["shipments"]:
        assert s["mode"] in MODES and s["direction"] in DIRECTIONS
        assert DATETIME.match(s["reported_at"]), s["reported_at"]
        assert COUNTRY.match(s["origin_country"]) and COUNTRY.match(s["destination_country"])
        assert all(COUNTRY.match(c) for c in s.get("transit_countries", []))
        assert s.get("category", "gift") in CATEGORIES
        assert s.get("payment_method", "card") in PAYMENTS
        assert s["currency"] in CURRENCIES
        assert s["gross_weight_kg"] >= 0 and s["declared_value"] >= 0
        for role in ("shipper", "consignee"):
            assert s[role]["name"].strip() and COUNTRY.match(s[role]["country"])
        assert s["items"]
        for item in s["items"]:
            assert item["description"].strip()
            assert re.fullmatch(r"\d{4,10}", item.get("hs_code", "0000"))


def test_datetimes_carry_the_local_offset_across_the_summer_time_switch(run):
    _, files = run
    offsets = {s["reported_at"][:10]: s["reported_at"][-6:] for s in files["shipments"]}
    assert offsets["2025-03-28"] == "+01:00"
    assert offsets["2025-04-01"] == "+02:00"


def test_identifiers_are_mostly_valid_and_of_the_mode_s_form(run):
    _, files = run
    checks = Counter()
    for s in files["shipments"]:
        check = classify_identifier(s["shipment_id"])
        expected = {"postal": "s10", "air_cargo": "awb", "sea": "iso6346"}.get(s["mode"], "other")
        assert check.kind == expected, s["shipment_id"]
        checks[check.valid] += 1
    wrong = checks[False] / (checks[True] + checks[False])
    assert 0.002 < wrong < 0.06


def test_planted_shipments_are_rare_and_referenced_shipments_exist(run):
    summary, files = run
    keys = {(s["reporter"], s["shipment_id"]) for s in files["shipments"]}
    truth = files["truth"]
    assert all((t["reporter"], t["shipment_id"]) in keys for t in truth)
    assert all((o["reporter"], o["shipment_id"]) in keys for o in files["outcomes"])
    illicit = [t for t in truth if t["illicit"]]
    assert 0 < len(illicit) / summary.shipments < 0.03  # small runs hold one of every pattern on top
    assert all(t["category"] in FINDINGS for t in illicit)
    assert all(t.get("lookalike") for t in truth if not t["illicit"])


def test_every_pattern_and_look_alike_is_planted(run):
    _, files = run
    threats = {t["threat"] for t in files["truth"]}
    assert {
        "parts_inbound_misdeclared", "convertible_pistol", "ammunition_inbound", "split_to_consignee",
        "outbound_legacy_weapon", "watchlisted_actor", "cyrillic_latin_identity", "shared_contact",
        "drop_address", "newcomer_cash_on_delivery", "indirect_route", "drugs_air_cargo",
        "family_gifts", "hunting_shop_commercial", "heavy_car_parts", "cigarettes", "cash_in_parcel",
    } <= threats


def test_a_split_group_reaches_one_consignee_from_several_senders(run):
    _, files = run
    by_key = {(s["reporter"], s["shipment_id"]): s for s in files["shipments"]}
    groups = defaultdict(list)
    for t in files["truth"]:
        if t["threat"] == "split_to_consignee":
            groups[t["group"]].append(by_key[t["reporter"], t["shipment_id"]])
    assert any(len(parcels) >= 2 for parcels in groups.values())
    for parcels in groups.values():
        consignees = {(p["consignee"]["country"], p["consignee"]["postcode"]) for p in parcels}
        assert len(consignees) == 1


def test_the_same_person_appears_in_cyrillic_and_in_latin(run):
    _, files = run
    by_key = {(s["reporter"], s["shipment_id"]): s for s in files["shipments"]}
    names = defaultdict(set)
    for t in files["truth"]:
        if t["threat"] == "cyrillic_latin_identity":
            names[t["group"]].add(by_key[t["reporter"], t["shipment_id"]]["consignee"]["name"])
    pairs = [
        group for group in names.values()
        if any(CYRILLIC.search(n) for n in group) and any(not CYRILLIC.search(n) for n in group)
    ]
    assert pairs
    # and they are the same name once folded, which is what the screening must discover
    assert any(len({fold(n) for n in group}) < len(group) for group in pairs)


def test_traffic_speaks_the_region_s_languages_and_scripts(run):
    _, files = run
    names = [s["consignee"]["name"] for s in files["shipments"]]
    descriptions = [i["description"] for s in files["shipments"] for i in s["items"]]
    assert any(CYRILLIC.search(n) for n in names)
    assert any(set(n) & set("čćšžđ") for n in names)
    assert any(set(n) & set("ëç") for n in names)
    assert any(set(n) & set("љњџђћќѓѕ") for n in names + descriptions)
    assert {"Car parts", "Auto delovi", "Авто делови"} & set(descriptions)
    phones = [s["consignee"].get("phone", "") for s in files["shipments"]]
    assert any(p.startswith("+389") for p in phones) and any(p.startswith("07") for p in phones)


def test_outcomes_cover_a_few_percent_and_seizures_name_what_was_found(run):
    summary, files = run
    outcomes = files["outcomes"]
    assert 0.005 < len(outcomes) / summary.shipments < 0.05
    for o in outcomes:
        assert o["method"] in {"xray", "physical", "documentary", "canine", "other"}
        assert o["result"] in {"no_finding", "seizure", "irregularity"}
        assert DATETIME.match(o["inspected_at"])
        if o["result"] == "seizure":
            assert o["findings"] and all(f["category"] in FINDINGS for f in o["findings"])


def test_watchlist_holds_a_few_hundred_entries_of_every_kind(run):
    _, files = run
    entries = files["watchlist"]
    assert 100 <= len(entries) <= 1000
    assert {e["kind"] for e in entries} == {"person", "organisation", "address", "phone", "email"}
    assert len({(e["list_id"], e["entry_id"]) for e in entries}) == len(entries)
    assert any(CYRILLIC.search(a) for e in entries for a in e["aliases"])


def test_amendments_are_later_versions_of_the_same_shipment(run):
    _, files = run
    versions = defaultdict(list)
    for s in files["shipments"]:
        versions[s["reporter"], s["shipment_id"]].append(s)
    amended = [v for v in versions.values() if len(v) > 1 and v[0] != v[1]]
    assert amended
    for first, second, *_ in amended:
        assert first["reported_at"] != second["reported_at"]


def test_same_seed_gives_byte_identical_files_and_csv_holds_the_encoding(tmp_path):
    for name in ("a", "b"):
        generate(shipments=1200, days=5, seed=11, out=tmp_path / name, csv_encoding="cp1250")
    for file in ("shipments.ndjson", "shipments.csv", "outcomes.ndjson", "watchlist.ndjson", "truth.ndjson"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes(), file
    text = (tmp_path / "a" / "shipments.csv").read_text(encoding="cp1250")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    records = read(tmp_path / "a" / "shipments.ndjson")
    assert len(rows) == sum(len(r["items"]) for r in records)
    assert not CYRILLIC.search(text)
    assert any(set(r["consignee_name"]) & set("čćšžđ") for r in rows)
    first = records[0]
    row = rows[0]
    assert row["consignee_name"] == first["consignee"]["name"]
    assert row["transit_countries"] == "|".join(first.get("transit_countries", []))


def test_cp1251_csv_writes_regional_names_in_cyrillic(tmp_path):
    generate(shipments=300, days=2, seed=5, out=tmp_path, csv_encoding="cp1251")
    text = (tmp_path / "shipments.csv").read_text(encoding="cp1251")
    assert CYRILLIC.search(text)
    assert not set(text) & set("čćšžđë")


def test_bad_arguments_are_explained():
    with pytest.raises(InvalidInput) as caught:
        generate(shipments=0, days=0, seed=1, out=Path("/tmp/unused"), csv_encoding="latin9")
    assert {p.field for p in caught.value.problems} == {"shipments", "days", "csv_encoding"}


def test_command_prints_a_summary(tmp_path):
    result = CliRunner().invoke(app, ["--shipments", "200", "--days", "3", "--seed", "2", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "shipments" in result.output and (tmp_path / "truth.ndjson").exists()
    result = CliRunner().invoke(app, ["--shipments", "10", "--out", str(tmp_path), "--start", "3.3.2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
