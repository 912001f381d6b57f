"""Benchmark of watchlist screening: 1,000,000 shipment parties against a 50,000-entry list.

Prints throughput of the blocking screener (parties/s on the wall clock and on CPU time, which
counts every worker process), candidates per party, and on a sample the share of brute-force
matches (every sampled party against every listed name) that blocking keeps.
Run: .venv/bin/python benchmarks/screen.py [--parties 1000000] [--entries 50000] [--sample 1000]
     [--distinct 0] [--workers 2]
`--distinct N` draws the parties from N distinct names (real traffic repeats senders and
receivers); 0 makes nearly every party's name different; `--all-distinct` makes every one
different (first names, surnames, middle names or initials, scripts, dropped diacritics, typos),
the worst case: nothing is screened twice.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from interdict.targeting.screening import BruteForceScreener, Screener, WatchlistEntry
from interdict.targeting.screening.evaluation import _person_variant, load_names, strip_diacritics, typo
from interdict.targeting.screening.scoring import name_forms
from interdict.text import to_cyrillic

_ONSETS = ["", "b", "br", "d", "dr", "g", "gr", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr",
           "v", "z", "ž", "č", "ć", "š", "h", "j", "lj", "nj", "đ", "dž", "sh", "gj", "xh"]
_VOWELS = ["a", "e", "i", "o", "u"]
_ENDINGS = ["ović", "ević", "ić", "ski", "ovski", "evski", "ov", "ev", "aj", "i", "a", "iqi", "oğlu", "ac", "ak"]


def _surname(rng: random.Random) -> str:
    syllables = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.choice([2, 2, 3])))
    return (syllables + rng.choice(_ENDINGS)).capitalize()


def make_watchlist(count: int, rng: random.Random) -> list[WatchlistEntry]:
    names = load_names()
    firsts = names["first_names"] + [n for pair in names["first_names_paired"] for n in pair]
    entries = []
    for i in range(count):
        if rng.random() < 0.85:
            first, last = rng.choice(firsts), (rng.choice(names["surnames"]) if rng.random() < 0.05 else _surname(rng))
            name = f"{first} {last}"
            aliases = (f"{last} {rng.choice(firsts)}",) if rng.random() < 0.1 else ()
            kind = "person"
        else:
            name = f"{_surname(rng)} {rng.choice(names['company_activities'])} {rng.choice(names['company_forms'])}".strip()
            aliases, kind = (), "organisation"
        entries.append(WatchlistEntry(list_id="BENCH", entry_id=str(i), kind=kind, name=name, aliases=aliases))
    return entries


def make_parties(count: int, entries: list[WatchlistEntry], rng: random.Random, *, listed_share: float) -> list[str]:
    names = load_names()
    firsts = names["first_names"] + [n for pair in names["first_names_paired"] for n in pair]
    parties = []
    for _ in range(count):
        if rng.random() < listed_share:
            entry = rng.choice(entries)
            if entry.kind == "person":
                first, last = entry.name.split(" ", 1)
                parties.append(_person_variant(first, last, rng)[0])
            else:
                words = entry.name.split()
                words[0] = typo(words[0], rng) if rng.random() < 0.5 else words[0].upper()
                parties.append(" ".join(words))
        else:
            name = f"{rng.choice(firsts)} {_surname(rng) if rng.random() < 0.9 else rng.choice(names['surnames'])}"
            roll = rng.random()
            parties.append(to_cyrillic(name) if roll < 0.1 else strip_diacritics(name) if roll < 0.4 else name)
    return parties


def make_distinct_parties(count: int, entries: list[WatchlistEntry], rng: random.Random) -> list[str]:
    """`count` parties, every name different: generated names, some with a middle name or initial."""
    middles = ["A.", "B.", "D.", "J.", "M.", "S.", "Ali", "Jovan", "Petar", "Marija"]
    seen: dict[str, None] = {}
    while len(seen) < count:
        for name in make_parties(count - len(seen), entries, rng, listed_share=0.002):
            if name in seen and rng.random() < 0.5:
                first, _, rest = name.partition(" ")
                name = f"{first} {rng.choice(middles)} {rest}"
            seen.setdefault(name, None)
    return list(seen)[:count]


def make_traffic(count: int, distinct: int, entries: list[WatchlistEntry], rng: random.Random,
                 *, all_distinct: bool = False) -> list[str]:
    """`count` parties; with `distinct`, drawn from that many names, a few of them very frequent."""
    if all_distinct:
        return make_distinct_parties(count, entries, rng)
    if not distinct:
        return make_parties(count, entries, rng, listed_share=0.002)
    population = make_parties(distinct, entries, rng, listed_share=0.002)
    weights = [1.0 / (rank + 10) for rank in range(distinct)]  # Zipf-like: big shippers repeat most
    return rng.choices(population, weights=weights, k=count)


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--sample", type=int, default=1_000)
    parser.add_argument("--distinct", type=int, default=0)
    parser.add_argument("--all-distinct", action="store_true", help="every party's name different")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--min-score", type=float, default=80.0)
    args = parser.parse_args()
    rng = random.Random(7)

    entries = make_watchlist(args.entries, rng)
    parties = make_traffic(args.parties, args.distinct, entries, rng, all_distinct=args.all_distinct)
    print(f"{len(entries):,} listed entries; {len(parties):,} parties ({len(set(parties)):,} distinct names); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    wall, cpu = time.perf_counter(), _cpu()
    screener = Screener(entries)
    print(f"index built in {time.perf_counter() - wall:.1f} s wall, {_cpu() - cpu:.1f} s CPU "
          f"({len(screener.variants):,} listed names, {len(screener._index):,} blocking keys)")

    wall, cpu, before = time.perf_counter(), _cpu(), os.times()
    matches = screener.screen_parties(names=parties, min_score=args.min_score, workers=args.workers)
    wall, cpu, after = time.perf_counter() - wall, _cpu() - cpu, os.times()
    parent = after.user + after.system - before.user - before.system
    print(f"screened {len(parties):,} parties in {wall:.1f} s wall = {len(parties) / wall:,.0f} parties/s; "
          f"{cpu:.1f} s CPU = {len(parties) / cpu:,.0f} parties/CPU-s ({args.workers} workers); "
          f"{len(matches):,} matches >= {args.min_score:g}")
    # On idle cores the wall time would be about the parent's part plus the workers' part shared.
    print(f"CPU: {parent:.1f} s in the parent (before and after the workers), {cpu - parent:.1f} s in the workers; "
          f"on {args.workers} idle cores ~{parent + (cpu - parent) / max(args.workers, 1):.0f} s")

    # Candidates per party: what blocking hands on to the comparison, on the first 20,000 parties.
    head = parties[:20_000]
    forms = list({f.folded: f for f in name_forms([(p, None) for p in head])}.values())
    candidates = len(screener._candidates(forms)[0])
    print(f"blocking: {candidates / len(forms):.1f} candidate listed names per distinct party name "
          f"({candidates / len(head):.1f} per party) on the first {len(head):,} parties")

    # Recall kept by blocking: on a sample rich in listed names, blocking vs every-pair comparison.
    sample = make_parties(args.sample, entries, random.Random(11), listed_share=0.5)
    wall = time.perf_counter()
    reference = {(m.party_index, m.entry_id) for m in BruteForceScreener(entries).screen_parties(names=sample, min_score=args.min_score)}
    brute_time = time.perf_counter() - wall
    blocked = {(m.party_index, m.entry_id) for m in screener.screen_parties(names=sample, min_score=args.min_score)}
    kept = len(reference & blocked) / len(reference) if reference else 1.0
    print(f"recall of blocking: sample of {len(sample):,} parties (half of them listed names' variants): brute force "
          f"found {len(reference):,} matches >= {args.min_score:g} in {brute_time:.1f} s; blocking kept {kept:.2%} "
          f"of them (lost {len(reference - blocked)}, {len(blocked - reference)} extra)")
    for party, entry_id in sorted(reference - blocked)[:20]:
        print(f"  lost: {sample[party]!r} ~ {entries[int(entry_id)].name!r}")


if __name__ == "__main__":
    main()
