"""The joint rule of benchmarks/calibrate_weights.py (docs/targeting.md, tuning notes session 9):
one logistic fit shares out a fact that two families restate, where one likelihood ratio per
indicator counts it twice; an independent sign keeps its weight."""

from __future__ import annotations

import json
import random

import pyarrow.parquet as pq
from factories import later, shipment, table

from benchmarks.calibrate_weights import counts, joint_weights, weight
from interdict.targeting import load_profiles

PROFILE = """
id: restated
version: 1
title: One fact said twice, and an independent sign
threat: all
description: Test profile.
lanes: {red_min_score: 30, yellow_min_score: 10, priority: []}
indicators:
  - id: declared_as_gift
    family: one
    weight: 10
    reason: Declared as a gift
    when: {field: category, eq: gift}
  - id: three_pieces_or_more
    family: two
    weight: 10
    reason: Three pieces or more
    when: {field: pieces, ge: 3}
  - id: cash_on_delivery
    family: three
    weight: 10
    reason: Cash on delivery
    when: {field: payment_method, eq: cash_on_delivery}
"""


def _source(folder, *, seed: int, first_id: int):
    """3,000 shipments, 1 in 10 illicit: a gift of three pieces (always both, one fact) on 50 % of
    the illicit and 5 % of the innocent ones; cash on delivery, independently, on 40 % and 4 %."""
    draw, rows, truth = random.Random(seed), [], []
    for n in range(3000):
        illicit = draw.random() < 0.1
        gift = draw.random() < (0.5 if illicit else 0.05)
        cod = draw.random() < (0.4 if illicit else 0.04)
        row = shipment(id=first_id + n, reported_at=later(hours=n), category="gift" if gift else "sale_of_goods",
                       pieces=3 if gift else 1, payment_method="cash_on_delivery" if cod else "prepaid")
        rows.append(row)
        if illicit:
            truth.append({"reporter": row["reporter"], "shipment_id": row["shipment_id"], "illicit": True,
                          "goods": "firearm"})
    folder.mkdir()
    pq.write_table(table(rows), folder / "screened.parquet")
    (folder / "truth.ndjson").write_text("".join(json.dumps(t) + "\n" for t in truth))
    return folder


def test_a_fact_two_families_restate_is_not_counted_twice_by_the_joint_fit(tmp_path):
    (tmp_path / "restated.yaml").write_text(PROFILE)
    profiles = load_profiles([tmp_path / "restated.yaml"])
    sources = [[_source(tmp_path / f"s{k}", seed=k, first_id=10_000 * (k + 1))] for k in range(3)]
    fitted = joint_weights(sources, profiles, c=0.3)
    counted = [counts(folders, profiles) for folders in sources]
    single = {i.id: weight(i, counted, "lowmid")[0] for i in profiles[0].indicators}
    gift, pieces, cod = (f"restated.{name}" for name in ("declared_as_gift", "three_pieces_or_more", "cash_on_delivery"))
    # one likelihood ratio per indicator: the gift counted twice (22 + 22 here)
    assert single["declared_as_gift"] >= 18 and single["three_pieces_or_more"] >= 18
    # the joint fit shares the one fact out between its two sayings (15 + 15) ...
    assert fitted[gift] + fitted[pieces] <= single["declared_as_gift"] + single["three_pieces_or_more"] - 10
    assert abs(fitted[gift] - fitted[pieces]) <= 2
    # ... and together they weigh about what an independent fact as strong weighs alone (28)
    assert abs(fitted[gift] + fitted[pieces] - fitted[cod]) <= 6
