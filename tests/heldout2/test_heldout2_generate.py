"""benchmarks/heldout2 writes what records.md promises: every required field, identifiers whose check
digits hold where the kind has one, one truth line per shipment, outcomes only for the first weeks."""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
import re

import pytest
from hypothesis import given, strategies as st

from benchmarks.heldout2 import identifiers as ids
from benchmarks.heldout2 import world
from benchmarks.heldout2.generate import main

MODES = {"postal", "express", "air_cargo", "sea", "road"}
DIRECTIONS = {"import", "export", "transit"}
CATEGORIES = {"gift", "documents", "commercial_sample", "returned_goods", "sale_of_goods", "other"}
PAYMENTS = {"prepaid", "card", "cash_on_delivery", "account", "other"}
FINDINGS = {"pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle", "machine_gun",
            "other_firearm", "firearm_part", "firearm_component", "ammunition", "converted_or_convertible_weapon",
            "explosive", "drugs", "cash", "other"}
ID_KIND = {r["code"]: r["id"] for r in world.REPORTERS}


def read(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout2")
    main(["--shipments", "700", "--days", "35", "--seed", "7", "--out", str(out)])
    return out


def when(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    assert value.tzinfo is not None, f"{text} has no UTC offset"
    return value


def test_shipments_carry_every_required_field_in_its_format(folder):
    for rec in read(folder / "shipments.ndjson"):
        assert rec["reporter"] and rec["shipment_id"]
        when(rec["reported_at"])
        assert rec["mode"] in MODES and rec["direction"] in DIRECTIONS
        assert rec.get("category", "gift") in CATEGORIES
        assert rec.get("payment_method", "card") in PAYMENTS
        for field in ("origin_country", "destination_country"):
            assert re.fullmatch(r"[A-Z]{2}", rec[field])
        for side in ("shipper", "consignee"):
            assert rec[side]["name"].strip() and re.fullmatch(r"[A-Z]{2}", rec[side]["country"])
        assert rec["gross_weight_kg"] >= 0
        if "declared_value" in rec:
            assert rec["declared_value"] >= 0 and re.fullmatch(r"[A-Z]{3}", rec["currency"])
        assert rec.get("pieces", 1) >= 1
        assert rec["items"]
        for item in rec["items"]:
            assert item["description"].strip()
            assert re.fullmatch(r"\d{4,10}", item.get("hs_code", "0000"))


def test_identifiers_follow_each_reporters_kind_and_nearly_all_check_digits_hold(folder):
    verdicts = collections.Counter()
    for rec in read(folder / "shipments.ndjson"):
        verdict = ids.valid(ID_KIND[rec["reporter"]], rec["shipment_id"])
        verdicts[verdict] += 1
    checked = verdicts[True] + verdicts[False]
    assert checked > 0.8 * sum(verdicts.values())
    assert verdicts[True] / checked > 0.97


def test_amendments_and_identical_resends_are_present(folder):
    by_key = collections.defaultdict(list)
    for rec in read(folder / "shipments.ndjson"):
        by_key[(rec["reporter"], rec["shipment_id"])].append(rec)
    repeated = [v for v in by_key.values() if len(v) > 1]
    assert any(a == b for a, b in repeated), "no identical re-send"
    assert any(a["reported_at"] != b["reported_at"] for a, b in repeated), "no amendment"


def test_one_truth_line_per_shipment_in_the_shape_recall_reads(folder):
    keys = {(r["reporter"], r["shipment_id"]) for r in read(folder / "shipments.ndjson")}
    truth = read(folder / "truth.ndjson")
    assert [set(t) for t in truth] == [{"reporter", "shipment_id", "illicit", "pattern", "goods", "signals"}] * len(truth)
    assert {(t["reporter"], t["shipment_id"]) for t in truth} == keys and len(truth) == len(keys)
    illicit = [t for t in truth if t["illicit"]]
    assert 0.005 < len(illicit) / len(truth) < 0.03
    assert all(t["pattern"] and t["goods"] and isinstance(t["signals"], list) for t in illicit)
    assert all(t["signals"] is None for t in truth if not t["illicit"])


def test_outcomes_only_for_the_first_weeks_and_in_records_md_terms(folder):
    period = json.loads((folder / "period.json").read_text())
    end = dt.date.fromisoformat(period["outcome_weeks_end"])
    first_day = {}
    for rec in read(folder / "shipments.ndjson"):
        key = (rec["reporter"], rec["shipment_id"])
        day = when(rec["reported_at"]).date()
        first_day[key] = min(first_day.get(key, day), day)
    outcomes = read(folder / "outcomes.ndjson")
    assert outcomes
    for o in outcomes:
        assert first_day[(o["reporter"], o["shipment_id"])] <= end
        when(o["inspected_at"])
        assert o["method"] in {"xray", "physical", "documentary", "canine", "other"}
        assert o["result"] in {"no_finding", "seizure", "irregularity"}
        if o["result"] == "seizure":
            assert o["findings"] and all(f["category"] in FINDINGS for f in o["findings"])


def test_watchlist_entries_have_the_contract_fields(folder):
    entries = read(folder / "watchlist.ndjson")
    assert len({e["entry_id"] for e in entries}) == len(entries)
    for e in entries:
        assert e["kind"] in {"person", "organisation", "address", "phone", "email"}
        assert e["list_id"] and e["name"] and isinstance(e["aliases"], list)
        if "valid_until" in e:
            dt.date.fromisoformat(e["valid_until"])


def test_the_same_seed_writes_the_same_files(folder, tmp_path):
    main(["--shipments", "700", "--days", "35", "--seed", "7", "--out", str(tmp_path)])
    for name in ("shipments.ndjson", "outcomes.ndjson", "watchlist.ndjson", "truth.ndjson"):
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


@given(st.integers(0, 10 ** 7 - 1), st.sampled_from(["s10", "awb", "iso6346", "mod7_10", "luhn11"]), st.integers(0, 2 ** 32))
def test_a_made_identifier_validates_and_a_spoilt_check_digit_does_not(serial, kind, seed):
    make = {"s10": lambda n: ids.s10("RR", n, "MK"), "awb": lambda n: ids.awb("157", n),
            "iso6346": lambda n: ids.iso6346("MSCU", n % 10 ** 6), "mod7_10": ids.mod7_10, "luhn11": ids.luhn11}[kind]
    good = make(serial)
    assert ids.valid(kind, good)
    assert not ids.valid(kind, ids.spoil(good, random.Random(seed), ids.check_position(kind, good)))


def test_check_digits_match_published_examples():
    assert ids.s10("RR", 12345678, "MK") == "RR123456785MK"
    assert ids.awb("157", 1234567) == "157-12345675"
    assert ids.iso6346("CSQU", 305438) == "CSQU3054383"
