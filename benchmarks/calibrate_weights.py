"""Indicator weights from labelled traffic of two independent sources, the more sceptical one winning.

A weight should say how much more often an indicator fires on illicit shipments than on innocent
ones: w = SCALE * ln(LR), LR = P(fires | illicit) / P(fires | innocent), so that independent signs
add up like evidence (naive Bayes, within a family only the strongest counts). Generators and real
traffic disagree about look-alikes (honest hunting trade, toy guns, busy parcel lockers), so the LR is
measured on each source separately and the *smaller* one is used: an indicator is only trusted as
far as every source supports it. LRs are clipped to [1, CLIP] (nothing negative, no single
indicator decisive on its own) with half a count added to every cell; an indicator with too little
evidence in every source keeps its written weight; a source where it never fires says nothing.

Words and codes that name arms outright keep at least ARMS_FLOOR: an honest declaration of a
firearm in a parcel is a licence to be checked (yellow) even where honest trade is common.

Reads prepared folders of benchmarks/recall.py (screened.parquet + truth.ndjson) and rewrites the
`weight:` lines of the profiles in place (or into --out); priorities are cleared except KEEP_PRIORITY.

`--rule joint` (v9) fits the weights jointly instead: a logistic regression of "illicit" on the
indicators as the score reads them (per family only the strongest fired one, by written weight),
the three sources pooled with equal weight, L2 penalty --c. One likelihood ratio per indicator
(the rules above) counts a fact twice when two families restate it (three names at one address
and three senders to it; an unusual code and a code no table allows); the joint fit shares it out.
The written weights then move --toward of the way to the fit (0.5: halfway), so that one
generator's habits the joint fit follows (a pooled fit is not sceptical) move them only so far.
Arms, drugs and explosives named keep their written weight. Run once per library version: it
is not a fixed point.

  PYTHONPATH=src:. python benchmarks/calibrate_weights.py --own /tmp/own/s11 --other /tmp/ho/s7 /tmp/ho/s8 \
      [--source /tmp/h2/s1 /tmp/h2/s2] [--out DIR]
"""

from __future__ import annotations

import argparse
import glob
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from interdict.simulate.truth import read_truth
from interdict.targeting.evaluation import evaluate
from interdict.targeting.profile import load_profiles

SCALE, CLIP = 10.0, 200.0
ARMS_FLOOR = 10
ARMS_NAMED = {"firearm_named", "firearm_parts_named", "arms_hs_code", "convertible_named", "other_arms_hs_code",
              "ammunition_named", "ammunition_hs_code", "drugs_named", "explosive_named"}
KEEP_PRIORITY = {"watchlist_name_at_listed_address"}
# A drug or an explosive named outright is red-worthy in real traffic however often a generator
# writes the words on innocent parcels (hemp, CBD, fireworks): their written weight stands.
KEEP_WRITTEN = {"drugs_named", "explosive_named"}
NOT_THE_TARGET = {"cigarettes", "counterfeit", "other"}  # goods outside threats.md (benchmarks/heldout/recall.py)
PROFILES = Path(__file__).parents[1] / "src/interdict/targeting/profiles"


def counts(folders: list[Path], profiles: list) -> tuple[Counter, Counter, int, int]:
    """Fires on illicit, fires on innocent, illicit shipments, innocent shipments."""
    on_bad, on_good, bad, good = Counter(), Counter(), 0, 0
    for folder in folders:
        truth = {k for k, v in read_truth(folder / "truth.ndjson").items()
                 if (v.get("goods") or v.get("category") or "") not in NOT_THE_TARGET}
        scored = evaluate(pq.read_table(folder / "screened.parquet"), profiles)
        for row in scored.select(["reporter", "shipment_id", "indicators"]).to_pylist():
            illicit = (row["reporter"], row["shipment_id"]) in truth
            bad, good = bad + illicit, good + (not illicit)
            for key in row["indicators"] or []:
                (on_bad if illicit else on_good)[key] += 1
    return on_bad, on_good, bad, good


def joint_weights(sources: list[list[Path]], profiles: list, *, c: float) -> dict[str, int]:
    """10 x the coefficients of one logistic fit over all sources (each source the same total
    weight), on the indicators as the score counts them: per family the strongest fired one."""
    from sklearn.linear_model import LogisticRegression

    from benchmarks.recall import renormalised

    indicators = {i.key: i for p in profiles for i in p.indicators}
    column = {key: j for j, key in enumerate(indicators)}
    xs, ys, ws = [], [], []
    for folders in sources:
        rows, labels = [], []
        for folder in folders:
            truth = {k for k, v in read_truth(folder / "truth.ndjson").items()
                     if (v.get("goods") or v.get("category") or "") not in NOT_THE_TARGET}
            scored = evaluate(renormalised(pq.read_table(folder / "screened.parquet")), profiles)
            for row in scored.select(["reporter", "shipment_id", "indicators"]).to_pylist():
                strongest: dict[str, str] = {}
                for key in row["indicators"] or []:
                    sign = indicators[key].sign
                    if sign not in strongest or indicators[key].weight > indicators[strongest[sign]].weight:
                        strongest[sign] = key
                rows.append([column[k] for k in strongest.values()])
                labels.append((row["reporter"], row["shipment_id"]) in truth)
        x = np.zeros((len(rows), len(column)), np.float32)
        for i, fired in enumerate(rows):
            x[i, fired] = 1
        xs.append(x)
        ys.append(np.array(labels))
        ws.append(np.full(len(rows), 100_000 / len(rows)))  # every source weighs the same
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    fit = LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)
    fired = x.sum(axis=0)
    return {key: max(1, min(60, round(SCALE * fit.coef_[0][j]))) for key, j in column.items() if fired[j] >= 5}


def weight(indicator, sources: list[tuple[Counter, Counter, int, int]], rule: str = "min") -> tuple[int, list[float]]:
    key, logs = indicator.key, []
    for on_bad, on_good, bad, good in sources:
        if on_bad[key] + on_good[key] == 0:
            continue  # never fired in this traffic: it says nothing
        ratio = ((on_bad[key] + 0.5) / (bad + 1)) / ((on_good[key] + 0.5) / (good + 1))
        logs.append(math.log(min(max(ratio, 1.0), CLIP)))
    if indicator.id in KEEP_WRITTEN or (sum(s[0][key] for s in sources) < 3 and sum(s[1][key] for s in sources) < 30):
        return indicator.weight, logs  # too little evidence either way: keep what was written
    median = lambda x: sorted(x)[(len(x) - 1) // 2]  # noqa: E731
    pick = {"min": min, "median": median, "mean": lambda x: sum(x) / len(x),
            "lowmid": lambda x: (min(x) + median(x)) / 2}[rule]
    w = max(1, round(SCALE * pick(logs)))
    if indicator.id in ARMS_NAMED:
        w = max(w, ARMS_FLOOR)
    return w, logs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--own", type=Path, nargs="+", required=True, help="prepared folders of one traffic source")
    ap.add_argument("--other", type=Path, nargs="+", required=True, help="prepared folders of another source")
    ap.add_argument("--source", type=Path, nargs="+", action="append", default=[],
                    help="prepared folders of a further independent source (repeat for each)")
    ap.add_argument("--rule", choices=["min", "median", "mean", "lowmid", "joint"], default="min",
                    help="how the sources' LRs combine (median: the lower middle one); joint: one logistic fit")
    ap.add_argument("--c", type=float, default=0.3, help="joint: inverse L2 penalty of the fit")
    ap.add_argument("--toward", type=float, default=0.5, help="joint: how far the written weights move to the fit")
    ap.add_argument("--out", type=Path, default=PROFILES, help="where to write the profiles (default: in place)")
    args = ap.parse_args()
    files = sorted(glob.glob(str(PROFILES / "*.yaml")))
    profiles = load_profiles(files)
    sources = [counts(folders, profiles) for folders in (args.own, args.other, *args.source)]
    fitted = joint_weights([args.own, args.other, *args.source], profiles, c=args.c) if args.rule == "joint" else {}
    weights = {}
    for p in profiles:
        for i in p.indicators:
            weights[i.key], logs = weight(i, sources, "lowmid" if args.rule == "joint" else args.rule)
            if args.rule == "joint":
                kept = i.id in KEEP_WRITTEN or i.id in ARMS_NAMED or i.key not in fitted
                weights[i.key] = i.weight if kept else max(1, round((1 - args.toward) * i.weight + args.toward * fitted[i.key]))
            print(f"{i.key:66s} {i.weight:4d} -> {weights[i.key]:4d}   LR " + " ".join(f"{math.exp(x):7.1f}" for x in logs))
    args.out.mkdir(parents=True, exist_ok=True)
    for path in map(Path, files):
        profile_id = indicator_id = None
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            if m := re.match(r"^id: (\S+)", line):
                profile_id = m.group(1)
            if m := re.match(r"^  - id: (\S+)", line):
                indicator_id = m.group(1)
            if (m := re.match(r"^(    weight: )\d+", line)) and f"{profile_id}.{indicator_id}" in weights:
                line = f"{m.group(1)}{weights[f'{profile_id}.{indicator_id}']}\n"
            if m := re.match(r"^(  priority: )\[(.*)\]", line):
                kept = [x.strip() for x in m.group(2).split(",") if x.strip() in KEEP_PRIORITY]
                line = f"{m.group(1)}[{', '.join(kept)}]\n"
            lines.append(line)
        (args.out / path.name).write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
