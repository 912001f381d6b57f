"""Recall of the red lane on generated traffic, measured as an outside evaluator would: the platform
is driven only through its command line, on a fresh SQLite store, and the scores it writes are
compared with the folder's truth.ndjson.

    python benchmarks/heldout/recall.py DIR [DIR ...] [--with-model] [--outcome-weeks 3] [--json F]

DIR is a folder of benchmarks/heldout/generate.py or of `interdict simulate`. With --with-model the
profiles-only run is followed by `interdict model train --activate` on the outcome weeks and a
second scoring run, so both figures come from the same ingest.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Goods of threats.md's firearms, drugs, explosives and cash; cigarettes and counterfeits are
# planted too but are not what the acceptance figure is about.
THREAT_GOODS_EXCLUDED = {"cigarettes", "counterfeit", "other"}


class CommandFailed(Exception):
    """An interdict command ended with a non-zero status; its message is what it printed."""


def run(cmd: list[str], env: dict, log: list) -> str:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "interdict", *cmd], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    log.append({"command": "interdict " + " ".join(cmd), "seconds": round(seconds, 1), "status": proc.returncode})
    if proc.returncode != 0:
        raise CommandFailed(f"`interdict {' '.join(cmd)}` failed ({proc.returncode}): "
                            + " ".join((proc.stdout[-1500:] + proc.stderr[-1500:]).split()))
    print(f"  {seconds:7.1f} s  interdict {' '.join(cmd)}", flush=True)
    return proc.stdout + proc.stderr


def accounting(output: str) -> dict:
    text = " ".join(output.split())
    found = re.findall(r"read (\d+), accepted (\d+), amended (\d+), duplicates (\d+), stale (\d+), quarantined (\d+)", text)
    keys = ["read", "accepted", "amended", "duplicates", "stale", "quarantined"]
    totals = dict.fromkeys(keys, 0)
    for row in found:
        for k, v in zip(keys, row):
            totals[k] += int(v)
    return totals


def reported_days(path: Path) -> dict[tuple[str, str], dt.date]:
    days = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            when = dt.datetime.fromisoformat(rec["reported_at"].replace("Z", "+00:00"))
            key = (rec["reporter"], rec["shipment_id"])
            days[key] = min(days.get(key, when.date()), when.date())
    return days


def read_truth(path: Path) -> dict[tuple[str, str], dict]:
    truth = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)
            truth[(t["reporter"], t["shipment_id"])] = {
                "illicit": bool(t.get("illicit")),
                # our generator says pattern/goods; `interdict simulate` says threat/category
                "pattern": t.get("pattern") or t.get("threat"),
                "goods": t.get("goods") or t.get("category"),
                "signals": t.get("signals"),
                "lookalike": bool(t.get("lookalike")) or str(t.get("pattern") or "").startswith("lookalike"),
            }
    return truth


def read_scores(path: Path) -> dict[tuple[str, str], dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {(row["reporter"], row["shipment_id"]): row for row in csv.DictReader(fh)}


def _signal_name(signal) -> str:
    """A planted signal's kind: its name without any detail after a colon."""
    return str(signal).split(":", 1)[0] if not isinstance(signal, dict) else str(signal.get("kind") or signal.get("name"))


def _reason_kinds(reasons: str) -> list[str]:
    """The kinds of reason of a score: a watchlist hit's or the model's detail is dropped."""
    return ["watchlist (list entry)" if r.startswith("watchlist ") else "learned model" if r.startswith("learned model ")
            else r for r in reasons.split("; ") if r]


def measure(scores: dict, truth: dict, days: dict, after: dt.date) -> dict:
    red_risk = {k for k, s in scores.items() if s["lane"] == "red" and s["selected_at_random"].lower() != "true"}
    red_random = {k for k, s in scores.items() if s["lane"] == "red" and s["selected_at_random"].lower() == "true"}
    illicit = {k for k in scores if truth.get(k, {}).get("illicit")}
    caught = illicit & red_risk

    def share(keys):
        keys = set(keys)
        return {"illicit": len(keys), "caught": len(keys & red_risk),
                "recall": round(len(keys & red_risk) / len(keys), 3) if keys else None}

    out = {"shipments": len(scores), "red": len(red_risk) + len(red_random), "red_by_risk": len(red_risk),
           "red_at_random": len(red_random), "illicit": len(illicit), "illicit_in_red_by_risk": len(caught),
           "recall": round(len(caught) / len(illicit), 3) if illicit else None,
           "precision": round(len(caught) / len(red_risk), 3) if red_risk else None,
           "illicit_in_any_red": len(illicit & (red_risk | red_random)),
           "unscored_truth": sum(1 for k in truth if k not in scores)}
    out["recall_threat_goods"] = share(k for k in illicit if truth[k]["goods"] not in THREAT_GOODS_EXCLUDED)
    out["recall_after_outcome_weeks"] = share(k for k in illicit if days.get(k, after) > after)
    groups = collections.defaultdict(list)
    for k in illicit:
        groups[("pattern", truth[k]["pattern"])].append(k)
        groups[("goods", truth[k]["goods"])].append(k)
        if truth[k]["signals"] is not None:
            n = len(truth[k]["signals"])
            groups[("signals", "0-1 planted signals" if n <= 1 else "2 planted signals" if n == 2 else "3+ planted signals")].append(k)
            for signal in set(map(_signal_name, truth[k]["signals"])):
                groups[("signal", signal)].append(k)
    for (kind, name), keys in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        out.setdefault(f"by_{kind}", {})[str(name)] = share(keys)
    lookalikes = collections.defaultdict(list)
    for k in scores:
        t = truth.get(k, {})
        if not t.get("illicit") and t.get("lookalike"):
            lookalikes[t.get("pattern")].append(k)
    out["lookalikes_red_by_risk"] = {str(p): {"shipments": len(ks), "red": len(set(ks) & red_risk)}
                                     for p, ks in sorted(lookalikes.items(), key=lambda kv: str(kv[0]))}
    # Which indicators fill the red lane, and with what: each indicator's red shipments by truth.
    # Aggregates only, so a held-out generator stays held out while its false alarms are counted.
    red_by_indicator = collections.defaultdict(lambda: {"illicit": 0, "innocent": 0})
    for k in red_risk:
        for reason in set(_reason_kinds(scores[k].get("reasons", ""))):
            red_by_indicator[reason]["illicit" if truth.get(k, {}).get("illicit") else "innocent"] += 1
    out["red_by_reason"] = dict(sorted(red_by_indicator.items(), key=lambda kv: -sum(kv[1].values())))
    innocent = [k for k in scores if not truth.get(k, {}).get("illicit")]
    out["innocent_red_rate"] = round(len(set(innocent) & red_risk) / len(innocent), 4) if innocent else None
    return out


def progress(home: Path, result: dict, kind: str) -> None:
    """Say each run's headline as soon as it is known, and keep the figures so far in the store folder."""
    m = result[kind]
    print(f"  {kind}: recall {fmt(m['recall'])} ({m['illicit_in_red_by_risk']}/{m['illicit']}), precision "
          f"{fmt(m['precision'])}, red by risk {m['red_by_risk']} of {m['shipments']}", flush=True)
    (home / "recall.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")


def evaluate(folder: Path, *, with_model: bool, outcome_weeks: int, keep: Path | None) -> dict:
    home = Path(tempfile.mkdtemp(prefix="heldout-home-")) if keep is None else keep
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "INTERDICT_DATABASE_URL"}
    env["INTERDICT_HOME"] = str(home)
    log: list = []
    print(f"{folder} (store in {home})", flush=True)

    days = reported_days(folder / "shipments.ndjson")
    first, last = min(days.values()), max(days.values())
    outcome_end = first + dt.timedelta(days=7 * outcome_weeks - 1)
    # Only the first weeks' outcomes are known to the platform, whatever the generator wrote.
    outcomes = home / "outcomes-first-weeks.ndjson"
    kept = dropped = 0
    with open(folder / "outcomes.ndjson", encoding="utf-8") as src, open(outcomes, "w", encoding="utf-8") as dst:
        for line in src:
            o = json.loads(line)
            if days.get((o["reporter"], o["shipment_id"]), last) <= outcome_end:
                dst.write(line)
                kept += 1
            else:
                dropped += 1

    result: dict = {"folder": str(folder), "first_day": first.isoformat(), "last_day": last.isoformat(),
                    "outcome_weeks_end": outcome_end.isoformat(), "outcomes_used": kept, "outcomes_dropped": dropped}
    result["ingest_shipments"] = accounting(run(["ingest", str(folder / "shipments.ndjson")], env, log))
    result["ingest_watchlist"] = accounting(run(["ingest", "--kind", "watchlist", str(folder / "watchlist.ndjson")], env, log))
    result["ingest_outcomes"] = accounting(run(["ingest", "--kind", "outcomes", str(outcomes)], env, log))
    truth = read_truth(folder / "truth.ndjson")
    # --to takes a moment and a bare date means its start; amendments may come a day after the last
    # first report, and a shipment is in the window by its latest version
    to = (last + dt.timedelta(days=3)).isoformat()
    # days are the reporters' local dates and `--from` is a UTC day: start a day early so that what
    # was posted in the first local hours of the first day (the previous UTC day) is scored too
    since = (first - dt.timedelta(days=1)).isoformat()

    scores_path = home / "scores-profiles.csv"
    run(["score", "--from", since, "--to", to, "--output", str(scores_path)], env, log)
    result["profiles"] = measure(read_scores(scores_path), truth, days, outcome_end)
    progress(home, result, "profiles")
    if with_model:
        try:
            run(["model", "train", "--from", since, "--to", outcome_end.isoformat(), "--activate",
                 "--note", "heldout recall"], env, log)
        except CommandFailed as failure:  # e.g. too few seizures in the outcome weeks: say so, keep the rest
            result["model_not_trained"] = str(failure)
            print(f"  model not trained: {failure}", flush=True)
            result["commands"] = log
            return result
        scores_path = home / "scores-model.csv"
        run(["score", "--from", since, "--to", to, "--output", str(scores_path)], env, log)
        result["model"] = measure(read_scores(scores_path), truth, days, outcome_end)
        progress(home, result, "model")
    result["commands"] = log
    return result


def fmt(x) -> str:
    return "-" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


def report(results: list[dict]) -> None:
    runs = [(Path(r["folder"]).name, kind, r[kind]) for r in results for kind in ("profiles", "model") if kind in r]
    for r in results:
        if "model_not_trained" in r:
            print(f"{Path(r['folder']).name}: model not trained — {r['model_not_trained'][-200:]}")
    print()
    head = f"{'':34}" + "".join(f"{name[:16] + ' ' + kind[:7]:>26}" for name, kind, _ in runs)
    print(head)
    for label, get in [("shipments", lambda m: m["shipments"]), ("red", lambda m: m["red"]),
                       ("red by risk", lambda m: m["red_by_risk"]), ("illicit", lambda m: m["illicit"]),
                       ("illicit in red by risk", lambda m: m["illicit_in_red_by_risk"]),
                       ("RECALL", lambda m: m["recall"]), ("precision", lambda m: m["precision"]),
                       ("recall, threats.md goods", lambda m: m["recall_threat_goods"]["recall"]),
                       ("recall after outcome weeks", lambda m: m["recall_after_outcome_weeks"]["recall"]),
                       ("innocent red rate", lambda m: m["innocent_red_rate"])]:
        print(f"{label:34}" + "".join(f"{fmt(get(m)):>26}" for _, _, m in runs))
    for section in ("by_pattern", "by_goods", "by_signals", "by_signal"):
        names = sorted({n for _, _, m in runs for n in m.get(section, {})})
        if not names:
            continue
        print(f"\n{section.replace('_', ' ')} (caught/illicit = recall)")
        for n in names:
            cells = []
            for _, _, m in runs:
                s = m.get(section, {}).get(n)
                cells.append(f"{s['caught']}/{s['illicit']} = {fmt(s['recall'])}" if s else "")
            print(f"  {n[:32]:32}" + "".join(f"{c:>26}" for c in cells))
    names = list(dict.fromkeys(n for _, _, m in runs for n in m.get("red_by_reason", {})))
    if names:
        print("\nreasons in the red lane by risk (illicit/innocent shipments giving it)")
        for n in names:
            cells = []
            for _, _, m in runs:
                s = m.get("red_by_reason", {}).get(n)
                cells.append(f"{s['illicit']}/{s['innocent']}" if s else "")
            print(f"  {n[:70]:70}" + "".join(f"{c:>12}" for c in cells))
    names = sorted({n for _, _, m in runs for n in m["lookalikes_red_by_risk"]})
    if names:
        print("\ninnocent look-alikes (red by risk / shipments)")
        for n in names:
            cells = []
            for _, _, m in runs:
                s = m["lookalikes_red_by_risk"].get(n)
                cells.append(f"{s['red']}/{s['shipments']}" if s else "")
            print(f"  {n[:32]:32}" + "".join(f"{c:>26}" for c in cells))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--with-model", action="store_true", help="also train the model on the outcome weeks and score again")
    ap.add_argument("--outcome-weeks", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="INTERDICT_HOME to use (one folder only); default: a fresh temp dir")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    args = ap.parse_args(argv)
    if args.keep and len(args.folders) > 1:
        ap.error("--keep takes one folder")
    results = [evaluate(f, with_model=args.with_model, outcome_weeks=args.outcome_weeks, keep=args.keep) for f in args.folders]
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
