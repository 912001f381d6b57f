"""Write a folder of heldout4 traffic: shipments (with amendments, re-sends and a few invalid records),
inspection outcomes over the whole period, watchlists and the truth.

    python -m benchmarks.heldout4.generate --shipments 15000 --days 60 --seed 2200 --out DIR [--start 2026-11-02]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import random
from pathlib import Path

from . import goods, lookalikes, officers, schemes, traffic, watchlist
from .shipment import Reporters, finalize, iso, money

LOCKER_MARKS = ("paketomat", "пакетомат", "pika box", "packstation", "postfach", "paketbox", "box ", "fah ", "pretinac",
                "kutia postare", "фах ")


def visible(rec: dict, value_eur: float) -> set[str]:
    """Signals that the final record shows whatever was planted (a heavy gift is a heavy gift)."""
    out = set()
    gross = rec["gross_weight_kg"]
    cat = rec.get("category")
    if cat == "gift" and gross >= 3:
        out.add("heavy_gift")
    if cat == "documents" and gross >= 1:
        out.add("heavy_documents")
    if "declared_value" in rec and gross >= 2 and value_eur / gross < 2:
        out.add("weight_value_mismatch")
    if rec.get("payment_method") == "cash_on_delivery" and "declared_value" in rec and value_eur < 20:
        out.add("cod_low_value")
    if any(m in str(rec["consignee"].get("street", "")).casefold() for m in LOCKER_MARKS):
        out.add("locker")
    nets = [i["net_weight_kg"] for i in rec["items"] if "net_weight_kg" in i]
    if nets and (sum(nets) > gross * 1.05 or (len(nets) == len(rec["items"]) and sum(nets) < 0.5 * gross)):
        out.add("net_gross_mismatch")
    return out


class Generator:
    def __init__(self, shipments: int, days: int, seed: int, start: dt.date):
        self.n = shipments
        self.days = days
        self.seed = seed
        self.start = start
        self.rng = random.Random(f"heldout4:{seed}")
        rng = self.rng
        self.pop = traffic.Population(random.Random(f"heldout4:{seed}:people"))
        self.streams = traffic.Streams(random.Random(f"heldout4:{seed}:streams"), self.pop)
        self.lists = watchlist.Watchlists(random.Random(f"heldout4:{seed}:lists"), start, days,
                                          n_actors=max(4, round(shipments / 1000)))
        self.acts = schemes.Acts(random.Random(f"heldout4:{seed}:acts"), self.pop, self.lists, start, days,
                                 self.pick_day)
        self.looks = lookalikes.Lookalikes(random.Random(f"heldout4:{seed}:look"), self.pop, self.lists, self.pick_day)
        self.reporters = Reporters(random.Random(f"heldout4:{seed}:ids"), start)
        self.record_rng = random.Random(f"heldout4:{seed}:records")
        self._weights: dict = {}
        self.illicit_share = rng.uniform(0.0085, 0.0115)

    def pick_day(self, mode: str, factor=None) -> dt.date:
        key = (mode, factor)
        if key not in self._weights:
            w = traffic.day_weights(self.start, self.days, factor, mode)
            acc, cum = 0.0, []
            for x in w:
                acc += x
                cum.append(acc)
            self._weights[key] = cum
        i = self.rng.choices(range(self.days), cum_weights=self._weights[key])[0]
        return self.start + dt.timedelta(days=i)

    def specs(self) -> list[dict]:
        rng = self.rng
        n_invalid = round(self.n * 0.0025)
        illicit, look = [], []
        target_illicit = max(1, round(self.n * self.illicit_share))
        while len(illicit) < target_illicit:
            illicit.extend(self.acts.one())
        target_look = round(self.n * 0.065)
        while len(look) < target_look:
            look.extend(self.looks.one())
        # a case can overshoot a tiny folder: the count asked for is the count written
        illicit = illicit[:max(0, self.n - n_invalid)]
        look = look[:max(0, self.n - n_invalid - len(illicit))]
        n_ordinary = max(0, self.n - n_invalid - len(illicit) - len(look))
        names = list(traffic.ORDINARY)
        shares = [traffic.ORDINARY[s][0] for s in names]
        ordinary = []
        while len(ordinary) < n_ordinary + n_invalid:
            stream = rng.choices(names, shares)[0]
            day = self.pick_day(traffic.STREAM_MODE[stream], traffic.ORDINARY[stream][1])
            for spec in getattr(self.streams, stream)(day):
                spec.setdefault("stream", stream)
                ordinary.append(spec)
        ordinary = ordinary[:n_ordinary + n_invalid]
        for spec in ordinary[n_ordinary:]:
            spec["invalid"] = True
        return illicit + look + ordinary

    def run(self, out: Path) -> dict:
        out.mkdir(parents=True, exist_ok=True)
        rng = self.record_rng
        lines: list[tuple[dt.datetime, int, dict]] = []
        truths, latest = [], []
        for spec in self.specs():
            rec, meta = finalize(rng, self.reporters, spec)
            truth = meta["truth"]
            if spec.get("invalid"):
                kind = self.break_record(rec)
                truth.update({"illicit": False, "pattern": "not_a_shipment", "not_a_shipment": True, "invalid": kind,
                              "signals": [], "lookalike": False, "goods": None})
                lines.append((meta["when"], len(lines), rec))
                truths.append(truth)
                continue
            seen = visible(rec, meta["value_eur"])
            if truth["illicit"] or truth["lookalike"]:
                truth["signals"] = sorted(set(truth["signals"]) | seen)
            elif "locker" in seen:
                truth.update({"lookalike": True, "pattern": "lookalike_locker", "signals": ["locker"]})
            truth["goods"] = truth["goods"] if truth["illicit"] else _innocent_goods(spec)
            final = self.versions(rec, meta, lines)
            latest.append((final, meta))
            truths.append(truth)
        outcomes = officers.inspect(random.Random(f"heldout4:{self.seed}:officers"), latest, self.lists.entries)
        lines.sort(key=lambda t: (t[0].astimezone(dt.timezone.utc), t[1]))
        with open(out / "shipments.ndjson", "w", encoding="utf-8") as fh:
            for _, _, rec in lines:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        with open(out / "outcomes.ndjson", "w", encoding="utf-8") as fh:
            outcomes.sort(key=lambda o: (o["inspected_at"], o["reporter"], o["shipment_id"]))
            for o in outcomes:
                fh.write(json.dumps(o, ensure_ascii=False) + "\n")
        with open(out / "watchlist.ndjson", "w", encoding="utf-8") as fh:
            for e in self.lists.entries:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        with open(out / "truth.ndjson", "w", encoding="utf-8") as fh:
            for t in truths:
                fh.write(json.dumps(t, ensure_ascii=False) + "\n")
        illicit = sum(t["illicit"] for t in truths)
        period = {"generator": "heldout4", "seed": self.seed, "first_day": self.start.isoformat(),
                  "last_day": (self.start + dt.timedelta(days=self.days - 1)).isoformat(), "shipments": len(truths),
                  "records": len(lines), "illicit": illicit, "illicit_share": round(illicit / max(1, len(truths)), 4),
                  "lookalikes": sum(t["lookalike"] for t in truths),
                  "not_a_shipment": sum(bool(t.get("not_a_shipment")) for t in truths),
                  "outcomes": len(outcomes), "seizures": sum(o["result"] == "seizure" for o in outcomes),
                  "watchlist_entries": len(self.lists.entries)}
        (out / "period.json").write_text(json.dumps(period, indent=1) + "\n")
        return period

    def versions(self, rec: dict, meta: dict, lines: list) -> dict:
        """Queue the first report, any amendment and any identical re-send; return the latest version."""
        rng = self.record_rng
        spec = meta["spec"]
        when = meta["when"]
        first = rec
        final = rec
        amend = spec.get("amend_to") is not None or \
            rng.random() < (0.05 if rec["mode"] in ("express", "air_cargo") else 0.015)
        if amend:
            first = copy.deepcopy(rec)
            final = copy.deepcopy(rec)
            later = when + dt.timedelta(hours=rng.uniform(1, 30))
            clock = meta["rep"]["clock"]
            final["reported_at"] = iso(later, clock, rng)
            if spec.get("amend_to") is not None:
                word = rng.choice(goods.GIVEAWAYS.get(spec["hidden"]["goods"], ["parts"]))
                first["items"][0]["description"] = f"{first['items'][0]['description']} - {word}"
                final["items"][0]["description"] = spec["amend_to"]
            else:
                self.amend(final, meta)
            lines.append((when, len(lines), first))
            lines.append((later, len(lines), final))
        else:
            lines.append((when, len(lines), rec))
        if rng.random() < 0.015:
            lines.append((when + dt.timedelta(hours=rng.uniform(2, 48)), len(lines), copy.deepcopy(first)))
        return final

    def amend(self, rec: dict, meta: dict) -> None:
        rng = self.record_rng
        kinds = ["weight", "phone", "arrival", "value", "hs"] + ([] if meta["spec"].get("illicit") else ["name"])
        kind = rng.choice(kinds)
        if kind == "weight":
            rec["gross_weight_kg"] = round(rec["gross_weight_kg"] * rng.uniform(0.9, 1.12), 3)
        elif kind == "phone" and meta["spec"]["consignee"].get("phone"):
            rec["consignee"]["phone"] = meta["spec"]["consignee"]["phone"]
        elif kind == "arrival":
            rec["arrival_date"] = (meta["spec"]["day"] + dt.timedelta(days=rng.randint(1, 3))).isoformat()
        elif kind == "name":
            rec["consignee"]["name"] = meta["spec"]["consignee"]["name"] if rng.random() < 0.5 else \
                rec["consignee"]["name"].strip().title()
        elif kind == "value" and "declared_value" in rec:
            rec["declared_value"] = money(meta["value_eur"] * rng.uniform(0.95, 1.3), rec["currency"])
        else:
            for it in rec["items"]:
                if "hs_code" not in it:
                    it["hs_code"] = rng.choice(["392690", "620462", "950300", "870899", "847130"])
                    break

    def break_record(self, rec: dict) -> str:
        """Damage a record the way a broken export does; the platform should quarantine it."""
        kind = self.record_rng.choice(["no_consignee_country", "negative_weight", "unknown_mode", "alpha3_origin",
                                       "no_items", "no_offset", "value_without_currency", "no_shipper_name"])
        if kind == "no_consignee_country":
            del rec["consignee"]["country"]
        elif kind == "negative_weight":
            rec["gross_weight_kg"] = -abs(rec["gross_weight_kg"]) or -1.0
        elif kind == "unknown_mode":
            rec["mode"] = "courier"
        elif kind == "alpha3_origin":
            rec["origin_country"] = {"RS": "SRB", "MK": "MKD", "BA": "BIH", "AL": "ALB", "ME": "MNE", "CN": "CHN",
                                     "DE": "DEU", "TR": "TUR"}.get(rec["origin_country"], "XXX")
        elif kind == "no_items":
            rec["items"] = []
        elif kind == "no_offset":
            rec["reported_at"] = rec["reported_at"][:19].replace("T", " ")
        elif kind == "value_without_currency":
            rec["declared_value"] = rec.get("declared_value", 10.0)
            rec.pop("currency", None)
        else:
            del rec["shipper"]["name"]
        return kind


def _innocent_goods(spec: dict) -> str | None:
    keys = [i.get("_key") for i in spec["items"] if i.get("_key")]
    return keys[0] if keys else None


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shipments", type=int, default=15000)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2200)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 11, 2),
                    help="first day (default 2026-11-02: Black Friday, Christmas, New Year, Orthodox Christmas)")
    args = ap.parse_args(argv)
    if args.shipments < 1 or args.days < 1:
        ap.error("--shipments and --days must be at least 1")
    period = Generator(args.shipments, args.days, args.seed, args.start).run(args.out)
    print(json.dumps(period))


if __name__ == "__main__":
    main()
