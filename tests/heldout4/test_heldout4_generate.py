"""heldout4 writes what records.md asks for, the same bytes for the same seed, and an illicit share
inside the brief's range."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.heldout4.generate import Generator, main

FILES = ("shipments.ndjson", "outcomes.ndjson", "watchlist.ndjson", "truth.ndjson")
MODES = {"postal", "express", "air_cargo", "sea", "road"}
DIRECTIONS = {"import", "export", "transit"}
CATEGORIES = {"gift", "documents", "commercial_sample", "returned_goods", "sale_of_goods", "other"}
PAYMENTS = {"prepaid", "card", "cash_on_delivery", "account", "other"}
FINDINGS = {"pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle", "machine_gun",
            "other_firearm", "firearm_part", "firearm_component", "ammunition", "converted_or_convertible_weapon",
            "explosive", "drugs", "cash", "other"}
ALPHA2 = re.compile(r"^[A-Z]{2}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
HS = re.compile(r"^\d{4,10}$")


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def moment(text: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert when.utcoffset() is not None, text
    return when


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("heldout4")
    Generator(4000, 30, 2200, dt.date(2026, 11, 2)).run(out)
    return out


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    for name, seed in (("a", 2201), ("b", 2201), ("c", 2202)):
        main(["--shipments", "1200", "--days", "14", "--seed", str(seed), "--out", str(tmp_path / name)])
    for f in FILES:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f
    assert (tmp_path / "a" / "shipments.ndjson").read_bytes() != (tmp_path / "c" / "shipments.ndjson").read_bytes()


def test_same_bytes_across_processes_and_hash_seeds(tmp_path):
    root = Path(__file__).resolve().parents[2]
    for name, hash_seed in (("p", "1"), ("q", "2")):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
        subprocess.run([sys.executable, "-m", "benchmarks.heldout4.generate", "--shipments", "600", "--days", "10",
                        "--seed", "2203", "--out", str(tmp_path / name)], check=True, env=env, capture_output=True)
    for f in FILES:
        assert (tmp_path / "p" / f).read_bytes() == (tmp_path / "q" / f).read_bytes(), f


@pytest.mark.parametrize("shipments,days,seed", [(5, 1, 2217), (57, 3, 2204)])
def test_tiny_folders_hold_exactly_the_shipments_asked_for(tmp_path, shipments, days, seed):
    Generator(shipments, days, seed, dt.date(2026, 11, 2)).run(tmp_path)  # 2217: a case of 6 parcels
    assert len(read(tmp_path / "truth.ndjson")) == shipments


def check_party(party: dict, role: str) -> None:
    assert isinstance(party.get("name"), str) and party["name"].strip(), role
    assert ALPHA2.match(party.get("country", "")), (role, party)
    for key in ("street", "city", "postcode", "phone", "email", "id_number"):
        assert key not in party or isinstance(party[key], str), (role, key)


def check_shipment(rec: dict) -> None:
    for key in ("reporter", "shipment_id"):
        assert isinstance(rec[key], str) and rec[key]
    moment(rec["reported_at"])
    assert rec["mode"] in MODES
    assert rec["direction"] in DIRECTIONS
    assert rec.get("category", "gift") in CATEGORIES
    assert rec.get("payment_method", "card") in PAYMENTS
    for key in ("origin_country", "destination_country"):
        assert ALPHA2.match(rec[key]), rec[key]
    if "departure_country" in rec:
        assert ALPHA2.match(rec["departure_country"])
    assert all(ALPHA2.match(c) for c in rec.get("transit_countries", []))
    for key in ("departure_date", "arrival_date"):
        if key in rec:
            dt.date.fromisoformat(rec[key])
    check_party(rec["shipper"], "shipper")
    check_party(rec["consignee"], "consignee")
    assert isinstance(rec["gross_weight_kg"], (int, float)) and rec["gross_weight_kg"] >= 0
    if "pieces" in rec:
        assert isinstance(rec["pieces"], int) and rec["pieces"] >= 1
    if "declared_value" in rec:
        assert rec["declared_value"] >= 0 and CURRENCY.match(rec["currency"])
    assert isinstance(rec["items"], list) and rec["items"]
    for item in rec["items"]:
        assert isinstance(item["description"], str) and item["description"].strip()
        assert "hs_code" not in item or HS.match(item["hs_code"]), item
        assert "quantity" not in item or isinstance(item["quantity"], int)
        assert item.get("net_weight_kg", 0) >= 0 and item.get("value", 0) >= 0
        assert "currency" not in item or CURRENCY.match(item["currency"])
        assert "origin_country" not in item or ALPHA2.match(item["origin_country"])


def test_every_shipment_but_the_planted_invalid_ones_follows_records_md(folder):
    truth = {(t["reporter"], t["shipment_id"]): t for t in read(folder / "truth.ndjson")}
    broken = 0
    for rec in read(folder / "shipments.ndjson"):
        t = truth[(rec["reporter"], rec["shipment_id"])]
        if t.get("not_a_shipment"):
            broken += 1
            with pytest.raises((AssertionError, KeyError, ValueError)):
                check_shipment(rec)
            continue
        check_shipment(rec)
    assert 0 < broken <= 0.005 * len(truth)


def test_amendments_come_later_and_resends_are_identical(folder):
    versions: dict = {}
    for line in (folder / "shipments.ndjson").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        versions.setdefault((rec["reporter"], rec["shipment_id"]), []).append((line, rec))
    amended = resent = 0
    for lines in versions.values():
        texts = Counter(text for text, _ in lines)
        resent += sum(n - 1 for n in texts.values())
        distinct = {text: rec for text, rec in lines}
        if len(distinct) > 1:
            amended += 1
            times = sorted(moment(r["reported_at"]) for r in distinct.values())
            assert len(set(times)) == len(times), "two different versions at the same moment"
    assert amended > 0 and resent > 0


def test_truth_one_line_per_shipment_and_illicit_share_in_range(folder):
    truth = read(folder / "truth.ndjson")
    keys = [(t["reporter"], t["shipment_id"]) for t in truth]
    assert len(keys) == len(set(keys)) == 4000
    shipped = {(r["reporter"], r["shipment_id"]) for r in read(folder / "shipments.ndjson")}
    assert shipped == set(keys)
    for t in truth:
        assert isinstance(t["illicit"], bool) and isinstance(t["lookalike"], bool)
        assert isinstance(t["signals"], list)
        assert not (t["illicit"] and t["lookalike"])
        if t["illicit"]:
            assert t["pattern"] and t["goods"]
    share = sum(t["illicit"] for t in truth) / len(truth)
    assert 0.005 <= share <= 0.015
    assert any(t["illicit"] and not t["signals"] for t in truth), "some acts show no sign at all"
    assert sum(t["lookalike"] for t in truth) > sum(t["illicit"] for t in truth)


@pytest.mark.parametrize("seed", [2210, 2211, 2212])
def test_illicit_share_holds_for_other_seeds(tmp_path, seed):
    Generator(3000, 21, seed, dt.date(2026, 11, 2)).run(tmp_path)
    truth = read(tmp_path / "truth.ndjson")
    assert 0.005 <= sum(t["illicit"] for t in truth) / len(truth) <= 0.015


def test_outcomes_and_watchlist_follow_records_md(folder):
    truth = {(t["reporter"], t["shipment_id"]): t for t in read(folder / "truth.ndjson")}
    outcomes = read(folder / "outcomes.ndjson")
    assert outcomes
    for o in outcomes:
        t = truth[(o["reporter"], o["shipment_id"])]
        assert not t.get("not_a_shipment")
        moment(o["inspected_at"])
        assert o["method"] in {"xray", "physical", "documentary", "canine", "other"}
        assert o["result"] in {"no_finding", "seizure", "irregularity"}
        if o["result"] == "seizure":
            assert t["illicit"] and o["findings"]
            assert all(f["category"] in FINDINGS and f["description"] and f["quantity"] >= 1 for f in o["findings"])
    entries = read(folder / "watchlist.ndjson")
    ids = [(e["list_id"], e["entry_id"]) for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert e["kind"] in {"person", "organisation", "address", "phone", "email"}
        assert e["name"] and ALPHA2.match(e["country"])
        assert isinstance(e.get("aliases", []), list)
        for key in ("birth_date", "valid_until"):
            if key in e:
                dt.date.fromisoformat(e[key])
    assert any("valid_until" in e and e["valid_until"] < "2026-11-02" for e in entries), "expired listings"
