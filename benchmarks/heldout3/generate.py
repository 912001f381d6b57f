"""Two months (or any span) of regional postal, courier and cargo traffic with its truth, written from
records.md and threats.md only, as an evaluator at another institution would write it.

    PYTHONPATH=. python -m benchmarks.heldout3.generate --shipments 15000 --days 61 --seed 7 --out DIR \
        [--start 2026-09-07] [--outcome-weeks 3]

Writes shipments.ndjson, outcomes.ndjson, watchlist.ndjson, truth.ndjson and period.json into DIR.
The same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

from benchmarks.heldout3 import lookalikes, regime, threats, watchlist
from benchmarks.heldout3.people import format_phone, strip_diacritics, to_latin
from benchmarks.heldout3.threats import Case
from benchmarks.heldout3.traffic import Population, ordinary, to_record
from benchmarks.heldout3.world import REGION, Shipment, local_date, pick

DEFAULT_START = "2026-09-07"
BUILDERS = {"parts_bought_online": threats.parts_inbound, "convertible_pistols_inbound": threats.blank_firing_inbound,
            "legacy_weapons_outbound": threats.legacy_outbound, "ant_trade_split": threats.ant_trade_split,
            "ammunition_post": threats.ammunition, "newcomer_cash_on_delivery": threats.newcomer_cod,
            "odd_routing": threats.odd_routing, "drugs": threats.drugs, "cash_in_parcels": threats.cash,
            "explosives_outbound": threats.explosives, "cigarette_smuggling": threats.cigarettes}


def _days(start: dt.date, days: int) -> tuple[list[dt.date], list[float]]:
    dates = [start + dt.timedelta(days=i) for i in range(days)]
    weights = [{5: 0.55, 6: 0.3}.get(d.weekday(), 1.0) for d in dates]
    return dates, weights


def _illicit(rng: random.Random, pop: Population, used: set, dates, weights, target: int, actors: list) -> list[Case]:
    cases: list[Case] = []
    count = 0
    resellers: list = []
    last = dates[-1]
    while count < target:
        day = rng.choices(dates, weights=weights)[0]
        name = pick(rng, threats.PATTERNS)
        if name == "identity_games":      # an act that runs for weeks starts in the first half
            day = rng.choice(dates[: max(1, len(dates) // 2)])
            case = threats.identity_games(rng, pop, used, day, (last - day).days + 1)
        elif name == "known_actor":
            case = watchlist.known_actor(rng, pop, used, day, rng.choice(actors))
        elif name == "counterfeit_goods":
            case = threats.counterfeit(rng, pop, used, day, resellers)
        else:
            case = BUILDERS[name](rng, pop, used, day)
        if count + len(case.shipments) > target + 2:
            for s in case.shipments:
                used.discard(s.key)
            continue
        for s in case.shipments:
            if local_date(s.reporter.clock, s.moment) > last:   # a split's later parcels stay inside the period
                s.moment -= dt.timedelta(days=(local_date(s.reporter.clock, s.moment) - last).days)
            s.pattern = case.pattern
            s.case = f"case-{len(cases) + 1:04d}" if len(case.shipments) > 1 else None
        cases.append(case)
        count += len(case.shipments)
    return cases


def _plain(text: str) -> str:
    return " ".join(sorted(strip_diacritics(to_latin(text)).casefold().replace(",", " ").split()))


def generate(n: int, days: int, seed: int, start: dt.date, outcome_weeks: int = 3) -> dict[str, list]:
    rng = random.Random(seed)
    pop = Population(rng, n, start)
    used: set = set()
    listed = watchlist.build(rng, pop, start, days, n)
    dates, weights = _days(start, days)
    target = max(1, round(n * rng.uniform(0.009, 0.011)))
    actors = [l for l in listed if l.appears]
    cases = _illicit(rng, pop, used, dates, weights, target, actors)
    shipments: list[Shipment] = [s for c in cases for s in c.shipments]

    for kind, share in lookalikes.SHARES.items():
        k = int(n * share + rng.random())
        made = 0
        while made < k and len(shipments) < n:
            group = lookalikes.build(rng, pop, used, rng.choices(dates, weights=weights)[0], kind, dates[-1])
            group = group[: n - len(shipments)]
            shipments.extend(group)
            made += len(group)
    for actor in [l for l in listed if l.expired and l.party.country in REGION][:max(1, n // 3000)]:
        reporter = threats.region_reporter(rng, [actor.party.country])
        s = ordinary(rng, pop, used, rng.choices(dates, weights=weights)[0], reporter=reporter)
        side = s.consignee if s.direction == "import" else s.shipper
        side["name"] = actor.entry["name"] if actor.kind in ("person", "organisation") else side["name"]
        if actor.kind == "phone":
            side["phone"] = format_phone(rng, actor.party.phone)
        s.pattern = "lookalike_expired_listing"
        s.signals.append(f"watchlist_{actor.kind}:expired")
        shipments.append(s)
    while len(shipments) < n:
        shipments.append(ordinary(rng, pop, used, rng.choices(dates, weights=weights)[0]))

    # innocent namesakes of listed people: the same name, another person
    listed_plain = {_plain(l.entry["name"]): l for l in listed if l.kind in ("person", "organisation")}
    for s in shipments:
        if s.illicit or s.pattern:
            continue
        for side in (s.shipper, s.consignee):
            if _plain(side["name"]) in listed_plain:
                s.pattern = "lookalike_namesake"
                s.signals.append("watchlist_person:namesake")
                break

    shipments.sort(key=lambda s: (s.moment, s.reporter.code, s.shipment_id))
    lines, final = _versions(rng, shipments)
    first_days = {s.key: local_date(s.reporter.clock, s.moment) for s in shipments}
    until = start + dt.timedelta(days=7 * outcome_weeks - 1)
    active_names = {_plain_exact(l.entry["name"]) for l in listed
                    if l.kind in ("person", "organisation") and not (l.entry.get("valid_until", "9999") < start.isoformat())}
    outcomes = regime.inspections(rng, final, shipments, active_names, start, until, first_days)
    truth = [{"reporter": s.reporter.code, "shipment_id": s.shipment_id, "illicit": s.illicit, "pattern": s.pattern,
              "goods": s.goods, "signals": list(s.signals), **({"case": s.case} if s.case else {})}
             for s in shipments]
    end = max(first_days.values())
    period = {"generator": "benchmarks.heldout3", "seed": seed, "start": start.isoformat(), "end": end.isoformat(), "days": days,
              "shipments": n, "shipment_records": len(lines), "illicit": sum(1 for s in shipments if s.illicit),
              "outcome_weeks": outcome_weeks, "outcomes_until": until.isoformat(), "outcomes": len(outcomes),
              "watchlist_entries": len(listed)}
    return {"shipments": lines, "outcomes": outcomes, "watchlist": watchlist.entries(listed), "truth": truth, "period": period}


def _plain_exact(text: str) -> str:
    return strip_diacritics(to_latin(text)).casefold()


def _versions(rng: random.Random, shipments: list[Shipment]) -> tuple[list[dict], dict]:
    """Every record as sent: the first version, amendments some hours later (the latest wins), and
    identical re-sends. Returns the lines in order of sending and the final version of each shipment."""
    sent: list[tuple[dt.datetime, int, dict]] = []
    final = {}
    for i, s in enumerate(shipments):
        rec = to_record(rng, s)
        sent.append((s.moment, i, rec))
        final[s.key] = rec
        r = rng.random()
        if r < 0.03:
            later = s.moment + dt.timedelta(hours=rng.uniform(1, 30))
            amended = _amend(rng, s, rec, later)
            sent.append((later, i, amended))
            final[s.key] = amended
        elif r < 0.045:
            sent.append((s.moment + dt.timedelta(minutes=rng.uniform(5, 2880)), i, rec))
    sent.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in sent], final


def _amend(rng: random.Random, s: Shipment, rec: dict, later: dt.datetime) -> dict:
    new = json.loads(json.dumps(rec))
    new["reported_at"] = to_record(random.Random(0), s, later)["reported_at"]
    kind = rng.choice(["arrival", "phone", "conveyance", "weight", "postcode"])
    if kind == "arrival":
        base = dt.date.fromisoformat(new.get("arrival_date") or later.date().isoformat())
        new["arrival_date"] = (base + dt.timedelta(days=rng.randint(1, 3))).isoformat()
    elif kind == "phone" and s.parties and s.parties[1].phone:
        new["consignee"]["phone"] = format_phone(rng, s.parties[1].phone)
    elif kind == "conveyance":
        new["conveyance_ref"] = (new.get("conveyance_ref") or "JU 100")[:-1] + str(rng.randrange(10))
    elif kind == "weight":
        new["gross_weight_kg"] = round(new["gross_weight_kg"] * rng.uniform(0.96, 1.06), 3)
    else:
        new["consignee"]["postcode"] = s.parties[1].postcode if s.parties else new["consignee"].get("postcode", "")
    if new == {**rec, "reported_at": new["reported_at"]}:
        new["arrival_date"] = (later.date() + dt.timedelta(days=1)).isoformat()
    return new


def write(out: Path, data: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("shipments", "outcomes", "watchlist", "truth"):
        with open(out / f"{name}.ndjson", "w", encoding="utf-8", newline="\n") as fh:
            for row in data[name]:
                fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    (out / "period.json").write_text(json.dumps(data["period"], indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shipments", type=int, default=15000)
    ap.add_argument("--days", type=int, default=61)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date.fromisoformat(DEFAULT_START))
    ap.add_argument("--outcome-weeks", type=int, default=3)
    args = ap.parse_args(argv)
    if args.shipments < 1 or args.days < 1:
        ap.error("--shipments and --days must be at least 1")
    data = generate(args.shipments, args.days, args.seed, args.start, args.outcome_weeks)
    write(args.out, data)
    p = data["period"]
    print(f"{args.out}: {p['shipments']} shipments ({p['shipment_records']} records, {p['illicit']} illicit), "
          f"{p['outcomes']} outcomes, {p['watchlist_entries']} watchlist entries, {p['start']} to {p['end']}")


if __name__ == "__main__":
    main()
