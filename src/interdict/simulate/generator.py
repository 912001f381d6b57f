"""Synthetic regional traffic: writes a period's shipments, outcomes, watchlist and ground truth.

Files written into the output folder (records.md formats unless said otherwise):

- `shipments.ndjson` — §1 shipment records, in the order a feed would deliver them (by day, then
  time of report). Amendments (a later `reported_at` for the same reporter and shipment_id with one
  corrected field) and a few identical re-sends (duplicates) are included.
- `shipments.csv` — only with `csv_encoding`: the same records in the CSV form (one row per item,
  `;`-separated for cp1250/cp1251, `,` for utf-8). So that both files hold the same data, every text
  is first fitted to the encoding (`identities.fit_to_encoding`): with cp1250, Cyrillic names and
  descriptions are written in Latin; with cp1251, Serbian Latin with diacritics is written in
  Cyrillic and other accented Latin loses its accents. Without `csv_encoding` nothing is fitted.
- `outcomes.ndjson` — §2 outcomes of the shipments the simulated units inspected (about 1-3 %:
  crude risk heuristics plus a 0.5 % random share). Only inspected shipments appear.
- `watchlist.ndjson` — §3 entries (a few hundred).
- `truth.ndjson` — not a records.md format: the ground truth, one line per planted shipment:
  `reporter`, `shipment_id` (the shipment), `illicit` (true for firearms, parts, ammunition, drugs,
  explosives and the non-target contraband; false for innocent look-alikes), `threat` (the pattern:
  `parts_inbound_misdeclared`, `convertible_pistol`, `ammunition_inbound`, `split_to_consignee`,
  `outbound_legacy_weapon`, `watchlisted_actor`, `cyrillic_latin_identity`, `shared_contact`,
  `drop_address`, `newcomer_cash_on_delivery`, `indirect_route`, `drugs_air_cargo`,
  `explosives_postal`, `cigarettes`, `counterfeit_goods`, `cash_in_parcel`, or for look-alikes
  `heavy_car_parts`, `hunting_shop_commercial`, `family_gifts`, `heavy_tools_low_value`,
  `cash_on_delivery_newcomer`), `category` (what is really inside, a records.md finding category;
  illicit only), `lookalike` (true; look-alikes only) and `group` (shared by the parcels of one
  split, identity or family scheme; only there). Shipments not in this file are ordinary traffic.

The same arguments give byte-identical files.
"""

from __future__ import annotations

import csv
import time
from bisect import insort
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

import orjson

from interdict.errors import InvalidInput, Problem
from interdict.simulate.catalogue import WeightedChoice, load_catalogue
from interdict.simulate.identities import fit_to_encoding, format_phone
from interdict.simulate.inspections import InspectionRegime
from interdict.simulate.threats import Scenarios
from interdict.simulate.traffic import Parcel, Traffic
from interdict.simulate.watchlist import build_watchlist

# A fixed default start keeps runs reproducible; it spans the switch to summer time (+01:00 -> +02:00).
DEFAULT_START = date(2025, 3, 3)
CSV_ENCODINGS = ("utf-8", "cp1250", "cp1251")
WEEKDAY_VOLUME = (1.1, 1.05, 1.0, 1.0, 1.05, 0.6, 0.35)  # Monday .. Sunday
AMENDED = 0.01
DUPLICATED = 0.003
GUARANTEE_ALL_PATTERNS_FROM = 1000  # shipments; smaller runs plant patterns only at random

SHIPMENT_COLUMNS = (
    "reporter", "shipment_id", "reported_at", "mode", "direction", "category", "origin_country",
    "departure_country", "transit_countries", "destination_country", "departure_date", "arrival_date",
    "carrier", "conveyance_ref", "master_ref",
)
PARTY_COLUMNS = ("name", "street", "city", "postcode", "country", "phone", "email")
TAIL_COLUMNS = ("pieces", "gross_weight_kg", "declared_value", "currency", "payment_method")
ITEM_COLUMNS = ("description", "hs_code", "quantity", "net_weight_kg", "value", "currency", "origin_country")
CSV_COLUMNS = (
    *SHIPMENT_COLUMNS,
    *(f"shipper_{c}" for c in PARTY_COLUMNS),
    *(f"consignee_{c}" for c in PARTY_COLUMNS),
    "consignee_id_number",
    *TAIL_COLUMNS,
    *(f"item_{c}" for c in ITEM_COLUMNS),
)


@dataclass(frozen=True)
class SimulationSummary:
    """What a run wrote, and how long it took."""

    out: Path
    start: date
    end: date
    shipments: int
    records: int
    amendments: int
    duplicates: int
    illicit: int
    lookalikes: int
    inspections: int
    seizures: int
    watchlist_entries: int
    seconds: float
    threats: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def shipments_per_second(self) -> float:
        return self.shipments / self.seconds if self.seconds else float("inf")


def generate(
    *,
    shipments: int,
    days: int,
    seed: int,
    out: Path,
    start: date | None = None,
    csv_encoding: str | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> SimulationSummary:
    """Write `shipments` shipments over `days` days from `start` into the folder `out`.

    `on_progress(done)` is called now and then with the number of shipments written so far.
    """
    _check(shipments=shipments, days=days, csv_encoding=csv_encoding)
    began = time.perf_counter()
    start = start or DEFAULT_START
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    catalogue = load_catalogue()
    rng = Random(seed)
    traffic = Traffic(catalogue=catalogue, rng=rng, start=start, days=days, shipments=shipments)
    watchlist = build_watchlist(traffic=traffic, rng=rng, start=start)
    scenarios = Scenarios(traffic=traffic, rng=rng, watchlist=watchlist)
    regime = InspectionRegime(traffic=traffic, rng=Random(f"{seed}/inspections"), listed_names=watchlist.listed_names)
    rates = catalogue.threats["event_rates"]
    kinds = WeightedChoice({"illicit": rates["illicit"], "contraband": rates["contraband"], "lookalike": rates["lookalike"]})
    planted_rate = sum(rates.values())
    choosers = {"illicit": scenarios.patterns, "contraband": scenarios.contraband, "lookalike": scenarios.lookalikes}

    quotas = _daily_quotas(shipments=shipments, days=days, start=start)
    guaranteed = _guaranteed_events(rng, quotas=quotas, names=list(scenarios.run)) if shipments >= GUARANTEE_ALL_PATTERNS_FROM else {}

    files = [out / "shipments.ndjson", out / "outcomes.ndjson", out / "watchlist.ndjson", out / "truth.ndjson"]
    counts: Counter[str] = Counter()
    threats: Counter[str] = Counter()
    with (
        open(files[0], "wb", buffering=1 << 20) as shipments_file,
        open(files[1], "wb", buffering=1 << 16) as outcomes_file,
        open(files[3], "wb", buffering=1 << 16) as truth_file,
        _CsvOut(out / "shipments.csv", csv_encoding) as csv_out,
    ):
        with open(files[2], "wb") as watchlist_file:
            watchlist_file.writelines(orjson.dumps(e) + b"\n" for e in watchlist.entries)
        counts["watchlist"] = len(watchlist.entries)
        pending: dict[int, list] = {}
        made = 0
        sequence = 0
        for day in range(days):
            if made >= shipments and not pending:
                break
            todays = pending.pop(day, [])
            slots = guaranteed.get(day, {})
            produced = 0
            event = 0
            while produced < quotas[day] and made < shipments:
                name = slots.get(event)
                event += 1
                if name is None and rng.random() < planted_rate:
                    name = choosers[kinds.pick(rng)].pick(rng)
                parcels = scenarios.plant(name, day) if name else [traffic.finish(traffic.parcel(day))]
                parcels = parcels[: shipments - made]
                made += len(parcels)
                produced += len(parcels)
                for parcel in parcels:
                    parcel.day = min(parcel.day, days - 1)
                    sequence += 1
                    entry = (parcel.seconds, sequence, parcel)
                    if parcel.day == day:
                        todays.append(entry)
                    else:
                        pending.setdefault(parcel.day, []).append(entry)
            todays.sort()  # (seconds, sequence) is unique: the parcels themselves are never compared
            for seconds, _, what in todays:
                if isinstance(what, dict):  # an amendment or a re-send decided earlier
                    shipments_file.write(orjson.dumps(what) + b"\n")
                    csv_out.write(what)
                    continue
                parcel: Parcel = what
                record = traffic.render(parcel)
                if csv_encoding and csv_encoding != "utf-8":
                    _fit(record, csv_encoding)
                shipments_file.write(orjson.dumps(record) + b"\n")
                csv_out.write(record)
                counts["records"] += 1
                if parcel.truth is not None:
                    truth = {"reporter": record["reporter"], "shipment_id": record["shipment_id"], **parcel.truth}
                    truth_file.write(orjson.dumps(truth) + b"\n")
                    threats[parcel.truth["threat"]] += 1
                    counts["illicit" if parcel.truth["illicit"] else "lookalikes"] += 1
                outcome = regime.inspect(parcel)
                if outcome is not None:
                    outcomes_file.write(orjson.dumps(outcome) + b"\n")
                    counts["inspections"] += 1
                    counts["seizures"] += outcome["result"] == "seizure"
                u = rng.random()
                if u < AMENDED + DUPLICATED:
                    later = seconds + (rng.randrange(600, 30 * 3600) if u < AMENDED else rng.randrange(60, 7200))
                    copy = _amended(record, traffic=traffic, parcel=parcel, seconds=later, rng=rng) if u < AMENDED else record
                    counts["amendments" if u < AMENDED else "duplicates"] += 1
                    target = min(parcel.day + later // 86_400, days - 1)
                    sequence += 1
                    entry = (later % 86_400 if target > parcel.day else later, sequence, copy)
                    if target == day:
                        insort(todays, entry)  # later than the current entry: the loop reaches it
                    else:
                        pending.setdefault(target, []).append(entry)
            if on_progress is not None:
                on_progress(made)
        # amendments falling after the period's last written day still arrive, on that day
        for day in sorted(pending):
            for _, _, what in sorted(pending[day]):
                if isinstance(what, dict):
                    shipments_file.write(orjson.dumps(what) + b"\n")
                    csv_out.write(what)
    if csv_encoding:
        files.insert(1, out / "shipments.csv")
    counts["records"] += counts["amendments"] + counts["duplicates"]
    return SimulationSummary(
        out=out,
        start=start,
        end=start + timedelta(days=days - 1),
        shipments=made,
        records=counts["records"],
        amendments=counts["amendments"],
        duplicates=counts["duplicates"],
        illicit=counts["illicit"],
        lookalikes=counts["lookalikes"],
        inspections=counts["inspections"],
        seizures=counts["seizures"],
        watchlist_entries=counts["watchlist"],
        seconds=time.perf_counter() - began,
        threats=dict(sorted(threats.items())),
        files=files,
    )


def _check(*, shipments: int, days: int, csv_encoding: str | None) -> None:
    problems = []
    if shipments < 1:
        problems.append(Problem("shipments", "at_least_one", shipments, "generate at least one shipment"))
    if days < 1:
        problems.append(Problem("days", "at_least_one", days, "the period has at least one day"))
    if csv_encoding is not None and csv_encoding not in CSV_ENCODINGS:
        problems.append(Problem("csv_encoding", "one_of", csv_encoding, f"choose one of {', '.join(CSV_ENCODINGS)}"))
    if problems:
        raise InvalidInput("cannot generate this traffic", problems=problems)


def _daily_quotas(*, shipments: int, days: int, start: date) -> list[int]:
    weights = [WEEKDAY_VOLUME[(start + timedelta(days=d)).weekday()] for d in range(days)]
    total = sum(weights)
    exact = [shipments * w / total for w in weights]
    quotas = [int(x) for x in exact]
    # largest remainders first, earliest day on ties, so the quotas add up exactly
    by_remainder = sorted(range(days), key=lambda d: (quotas[d] - exact[d], d))
    for d in by_remainder[: shipments - sum(quotas)]:
        quotas[d] += 1
    return quotas


def _guaranteed_events(rng: Random, *, quotas: list[int], names: list[str]) -> dict[int, dict[int, str]]:
    """One event of every pattern at a random place in the period, so small runs hold them all."""
    busy = [d for d, q in enumerate(quotas) if q > 0]
    placed: dict[int, dict[int, str]] = {}
    for name in names:
        day = rng.choice(busy)
        slots = placed.setdefault(day, {})
        slot = rng.randrange(max(1, quotas[day] // 2))
        while slot in slots:
            slot += 1
        slots[slot] = name
    return placed


def _fit(record: dict[str, Any], encoding: str) -> None:
    for key, value in record.items():
        if isinstance(value, str):
            record[key] = fit_to_encoding(value, encoding)
        elif isinstance(value, dict):
            _fit(value, encoding)
        elif isinstance(value, list):
            for element in value:
                if isinstance(element, dict):
                    _fit(element, encoding)


def _amended(record: dict[str, Any], *, traffic: Traffic, parcel: Parcel, seconds: int, rng: Random) -> dict[str, Any]:
    """A later version of `record` correcting one field, as a reporter's amendment would."""
    copy = orjson.loads(orjson.dumps(record))
    copy["reported_at"] = traffic.timestamp(parcel.day, seconds)
    what = rng.randrange(4)
    if what == 0:
        copy["declared_value"] = round(copy["declared_value"] * rng.uniform(0.7, 1.6), 2)
    elif what == 1:
        copy["gross_weight_kg"] = round(copy["gross_weight_kg"] * rng.uniform(0.9, 1.15), 3)
    elif what == 2:
        copy["consignee"]["phone"] = format_phone(parcel.consignee, traffic.cat, style=0)
    else:
        item = copy["items"][0]
        item["hs_code"] = parcel.items[0].good.hs
    return copy


class _CsvOut:
    """The optional CSV twin of shipments.ndjson: one row per item line."""

    def __init__(self, path: Path, encoding: str | None):
        self.path = path
        self.encoding = encoding
        self.file = None
        self.writer = None

    def __enter__(self) -> _CsvOut:
        if self.encoding:
            self.file = open(self.path, "w", encoding=self.encoding, newline="", buffering=1 << 20)
            delimiter = "," if self.encoding == "utf-8" else ";"
            self.writer = csv.writer(self.file, delimiter=delimiter, lineterminator="\r\n")
            self.writer.writerow(CSV_COLUMNS)
        return self

    def __exit__(self, *exc) -> None:
        if self.file:
            self.file.close()

    def write(self, record: dict[str, Any]) -> None:
        if self.writer is None:
            return
        head = [_cell(record.get(c)) for c in SHIPMENT_COLUMNS]
        for role in ("shipper", "consignee"):
            party = record[role]
            head.extend(_cell(party.get(c)) for c in PARTY_COLUMNS)
        head.append(_cell(record["consignee"].get("id_number")))
        head.extend(_cell(record.get(c)) for c in TAIL_COLUMNS)
        for item in record["items"]:
            self.writer.writerow(head + [_cell(item.get(c)) for c in ITEM_COLUMNS])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(value)
    return str(value)
