"""The fourth held-out generator: same seed, same bytes; every file holds what records.md requires."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from benchmarks.heldout3 import identifiers
from benchmarks.heldout3.generate import generate, main

FILES = ("shipments.ndjson", "outcomes.ndjson", "watchlist.ndjson", "truth.ndjson", "period.json")
MODES = {"postal", "express", "air_cargo", "sea", "road"}
DIRECTIONS = {"import", "export", "transit"}
CATEGORIES = {"gift", "documents", "commercial_sample", "returned_goods", "sale_of_goods", "other"}
PAYMENTS = {"prepaid", "card", "cash_on_delivery", "account", "other"}
METHODS = {"xray", "physical", "documentary", "canine", "other"}
RESULTS = {"no_finding", "seizure", "irregularity"}
FINDINGS = {"pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle", "machine_gun",
            "other_firearm", "firearm_part", "firearm_component", "ammunition", "converted_or_convertible_weapon",
            "explosive", "drugs", "cash", "other"}
WATCH_KINDS = {"person", "organisation", "address", "phone", "email"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout3")
    main(["--shipments", "300", "--days", "21", "--seed", "3", "--out", str(out / "a")])
    main(["--shipments", "300", "--days", "21", "--seed", "3", "--out", str(out / "b")])
    main(["--shipments", "300", "--days", "21", "--seed", "4", "--out", str(out / "c")])
    return out


def rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def aware(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert moment.utcoffset() is not None, text
    return moment


def test_same_seed_gives_the_same_bytes_and_another_seed_other_traffic(folder):
    for name in FILES:
        assert (folder / "a" / name).read_bytes() == (folder / "b" / name).read_bytes(), name
    assert (folder / "a" / "shipments.ndjson").read_bytes() != (folder / "c" / "shipments.ndjson").read_bytes()


def test_shipments_hold_every_required_field_of_records_md(folder):
    records = rows(folder / "a" / "shipments.ndjson")
    keys = {(r["reporter"], r["shipment_id"]) for r in records}
    assert len(keys) == 300 and len(records) > 300   # amendments and re-sends on top
    for r in records:
        assert r["reporter"] and r["shipment_id"]
        aware(r["reported_at"])
        assert r["mode"] in MODES and r["direction"] in DIRECTIONS
        assert r.get("category", "gift") in CATEGORIES and r.get("payment_method", "other") in PAYMENTS
        for field in ("origin_country", "destination_country"):
            assert len(r[field]) == 2 and r[field].isupper()
        for c in r.get("transit_countries", []):
            assert len(c) == 2 and c.isupper()
        for side in ("shipper", "consignee"):
            assert r[side]["name"] and len(r[side]["country"]) == 2
        assert r["gross_weight_kg"] >= 0 and r.get("pieces", 1) >= 1
        if "declared_value" in r:
            assert r["declared_value"] >= 0 and len(r["currency"]) == 3
        assert r["items"]
        for item in r["items"]:
            assert item["description"]
            if "hs_code" in item:
                assert item["hs_code"].isdigit() and 4 <= len(item["hs_code"]) <= 10


def test_most_postal_ids_and_air_waybills_carry_valid_check_digits(folder):
    records = rows(folder / "a" / "shipments.ndjson")
    s10 = [r["shipment_id"] for r in records if r["mode"] == "postal"]
    good = sum(identifiers.s10_check(sid[2:10]) == int(sid[10]) for sid in s10)
    assert s10 and good / len(s10) > 0.95
    awbs = [r["shipment_id"] for r in records if re.fullmatch(r"\d{3}-\d{8}", r["shipment_id"])]
    assert awbs and sum(int(a[4:11]) % 7 == int(a[11]) for a in awbs) / len(awbs) > 0.9


def test_outcomes_watchlist_and_truth_follow_records_md(folder):
    keys = {(r["reporter"], r["shipment_id"]) for r in rows(folder / "a" / "shipments.ndjson")}
    for o in rows(folder / "a" / "outcomes.ndjson"):
        assert (o["reporter"], o["shipment_id"]) in keys
        aware(o["inspected_at"])
        assert o["method"] in METHODS and o["result"] in RESULTS
        if o["result"] == "seizure":
            assert o["findings"]
        for f in o.get("findings", []):
            assert f["category"] in FINDINGS and f["description"] and isinstance(f["quantity"], int)
    watch = rows(folder / "a" / "watchlist.ndjson")
    assert watch
    for w in watch:
        assert w["list_id"] and w["entry_id"] and w["kind"] in WATCH_KINDS and w["name"] and w["country"]
        assert isinstance(w.get("aliases", []), list)
    assert len({(w["list_id"], w["entry_id"]) for w in watch}) == len(watch)
    truth = rows(folder / "a" / "truth.ndjson")
    assert {(t["reporter"], t["shipment_id"]) for t in truth} == keys and len(truth) == len(keys)
    for t in truth:
        assert isinstance(t["illicit"], bool) and isinstance(t["signals"], list)
        if t["illicit"]:
            assert t["pattern"] and not t["pattern"].startswith("lookalike_") and t["goods"]
    period = json.loads((folder / "a" / "period.json").read_text())
    assert period["shipments"] == 300 and period["start"] <= period["end"]


def test_illicit_share_is_about_one_percent_and_lookalikes_are_innocent():
    data = generate(3000, 30, 9, dt.date(2026, 3, 2))
    truth = data["truth"]
    illicit = [t for t in truth if t["illicit"]]
    assert 20 <= len(illicit) <= 40
    assert all(not t["illicit"] for t in truth if str(t["pattern"]).startswith("lookalike_"))
    assert len({t["pattern"] for t in illicit}) >= 8
