"""The quick check and the full Pydantic check side by side: on any record, valid or broken, the
same verdict, the same reasons (field, rule, value), the same canonical JSON and hash, the same
stored columns. The quick check may only ever say "not sure"; it must never decide otherwise."""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.ingest.quick_check import QuickShipment
from interdict.ingest.readers import SourceRecord, read_bytes
from interdict.ingest.shipments import shipment_columns
from interdict.ingest.validation import check
from tests.factories import shipment

settings.register_profile("quick", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])

MISSING = object()  # the field left out of the record

texts = st.one_of(
    st.sampled_from(["", " ", "MK", "mk", " rs ", "XX", "EUR", "eur", "Марко Петровић", "a\x00b", "870899", "87.08 99", "12", "1e3", "3.5"]),
    st.text(max_size=12),
)
numbers = st.one_of(
    st.integers(min_value=-5, max_value=10**14),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1, max_value=2e13),
    st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda x: round(x, 3)),
    st.sampled_from([0, -0.0, 1e-7, 1e9, 1e9 + 1, 1e13, 10**13 + 1, 2.35, 0.30000000000000004]),
)
moments = st.one_of(
    st.datetimes(timezones=st.sampled_from([None, timezone.utc, timezone(timedelta(hours=2)),
                                             timezone(timedelta(hours=-3, minutes=-30)), timezone(timedelta(seconds=3601))]))
    .map(lambda d: d.isoformat()),
    st.sampled_from(["2026-10-01T10:00:00+02:00", "2026-10-01 10:00:00Z", "2026-10-01T10:00:00", "2026-10-01",
                     "20261001T100000+0200", " 2026-10-01T10:00:00+02:00 ", "2026-10-01T10:00:00.5+00:00", "yesterday"]),  # fmt: skip
)
dates = st.one_of(st.dates().map(str), st.sampled_from(["2026-10-01", "2026-02-30", "01.10.2026", "2026-10-01T00:00:00"]))
values = st.one_of(texts, numbers, st.booleans(), st.none(), moments, dates,
                   st.lists(st.sampled_from(["MK", "rs", "XX", ""]), max_size=3), st.builds(dict), st.just(MISSING))  # fmt: skip

SHIPMENT_FIELDS = [
    "reporter", "shipment_id", "reported_at", "mode", "direction", "category", "origin_country", "departure_country",
    "transit_countries", "destination_country", "departure_date", "arrival_date", "carrier", "conveyance_ref",
    "master_ref", "pieces", "gross_weight_kg", "declared_value", "currency", "payment_method", "items", "shipper",
    "consignee", "courier_note",
]  # fmt: skip
PARTY_FIELDS = ["name", "street", "city", "postcode", "country", "phone", "email", "id_number", "floor"]
ITEM_FIELDS = ["description", "hs_code", "quantity", "net_weight_kg", "value", "currency", "origin_country", "colour"]
ENUMS = {"mode": ["postal", "express", "sea", "rail"], "direction": ["import", "transit", "IMPORT"],
         "category": ["gift", "sale_of_goods", "bribe"], "payment_method": ["card", "cash_on_delivery", "cheque"]}  # fmt: skip


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A valid shipment with a few of its fields, its parties' or its items' changed or removed."""
    record = shipment(draw(st.integers(0, 10**6)))
    record["items"].append(dict(record["items"][0], description="second line"))
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.sampled_from(["shipment", "shipper", "consignee", "item"]))
        if where == "shipment":
            target, field = record, draw(st.sampled_from(SHIPMENT_FIELDS))
        elif where == "item":
            items = [i for i in record.get("items") or () if isinstance(i, dict)] if isinstance(record.get("items"), list) else []
            if not items:
                continue
            target, field = draw(st.sampled_from(items)), draw(st.sampled_from(ITEM_FIELDS))
        else:
            if not isinstance(record.get(where), dict):
                continue
            target, field = record[where], draw(st.sampled_from(PARTY_FIELDS))
        value = draw(st.one_of(st.sampled_from(ENUMS[field]), values) if field in ENUMS else values)
        if value is MISSING:
            target.pop(field, None)
        else:
            target[field] = value
    return record


def both(body: bytes, assume_tz: tzinfo | None = None) -> tuple[Any, Any]:
    source = SourceRecord(location="line 1", raw=body, json=body)
    return check(source, kind="shipments", assume_tz=assume_tz), check(source, kind="shipments", assume_tz=assume_tz, quick=False)


def assert_same(quick: Any, full: Any) -> None:
    assert [p.as_dict() for p in quick.problems] == [p.as_dict() for p in full.problems]
    assert quick.valid == full.valid
    if full.valid:
        assert quick.record_json == full.record_json
        assert (quick.record_hash, quick.key, quick.reporter) == (full.record_hash, full.key, full.reporter)
        assert shipment_columns(quick.record) == shipment_columns(full.record)


@settings(settings.get_profile("quick"))
@given(record=records(), assume_tz=st.sampled_from([None, ZoneInfo("Europe/Skopje")]))
def test_quick_and_full_checks_agree_on_any_record(record: dict[str, Any], assume_tz: tzinfo | None) -> None:
    assert_same(*both(orjson.dumps(record), assume_tz))


@settings(settings.get_profile("quick"))
@given(body=st.one_of(st.binary(max_size=200), records().map(lambda r: orjson.dumps(r)[: len(orjson.dumps(r)) // 2])))
def test_quick_and_full_checks_agree_on_broken_json(body: bytes) -> None:
    assert_same(*both(body))


def test_a_plainly_valid_shipment_takes_the_quick_check_and_an_unusual_one_the_full() -> None:
    quick, full = both(orjson.dumps(shipment(1)))
    assert isinstance(quick.record, QuickShipment) and not isinstance(full.record, QuickShipment)
    assert_same(quick, full)
    # Extra attributes are kept, so such a record is the full check's; so is a weight written as text.
    for unusual in (shipment(1, courier_note="leave at the door"), shipment(1, gross_weight_kg="2.35")):
        quick, full = both(orjson.dumps(unusual))
        assert quick.valid and not isinstance(quick.record, QuickShipment)
        assert_same(quick, full)


# The flat form: every value reaches the check as text, after the CSV reader folded the rows.
numbers_as_text = st.one_of(
    numbers.map(str),
    st.sampled_from(["0.6080", "01", " 2", "2 ", "1e-1", "12.", ".5", "-0", "0.1000000000000000055", "1234567890123456.5",
                     "123456789012345", "999999999999.999", "0", "00", "1_000", "+3", "NaN", "inf", "٣"]),
)  # fmt: skip
FLAT_NUMBERS = {"pieces", "gross_weight_kg", "declared_value", "quantity", "net_weight_kg", "value"}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(map(str, value))
    if isinstance(value, dict):
        return "{}"
    return "" if value is None else str(value)


def flat_body(record: dict[str, Any], numbers_text: list[str]) -> bytes:
    """The record as records.md's CSV, one row per item; `numbers_text` overrides numeric columns."""
    import csv
    import io

    shipment_part = {k: _text(v) for k, v in record.items() if k not in ("shipper", "consignee", "items")}
    for side in ("shipper", "consignee"):
        party = record.get(side) if isinstance(record.get(side), dict) else {}
        shipment_part.update({f"{side}_{k}": _text(v) for k, v in party.items()})
    items = [i for i in record.get("items") or () if isinstance(i, dict)] if isinstance(record.get("items"), list) else []
    rows = [{**shipment_part, **{f"item_{k}": _text(v) for k, v in item.items()}} for item in items or [{}]]
    for n, override in enumerate(numbers_text):
        row = rows[n % len(rows)]
        name = sorted(FLAT_NUMBERS)[n % len(FLAT_NUMBERS)]
        column = f"item_{name}" if name in ("quantity", "net_weight_kg", "value") else name
        row[column] = override
        if column in shipment_part:  # shipment columns must agree on every row
            for other in rows:
                other[column] = override
    header = sorted({name for row in rows for name in row})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@settings(settings.get_profile("quick"))
@given(record=records(), numbers_text=st.lists(numbers_as_text, max_size=4),
       assume_tz=st.sampled_from([None, ZoneInfo("Europe/Skopje")]))  # fmt: skip
def test_quick_and_full_checks_agree_on_any_flat_record(record: dict[str, Any], numbers_text: list[str], assume_tz: tzinfo | None) -> None:
    _, sources = read_bytes(flat_body(record, numbers_text), name="shipments.csv", kind="shipments")
    for source in sources:
        assert_same(check(source, kind="shipments", assume_tz=assume_tz),
                    check(source, kind="shipments", assume_tz=assume_tz, quick=False))  # fmt: skip


def test_a_plain_csv_shipment_takes_the_quick_check_and_an_unusual_number_the_full() -> None:
    plain = shipment(1)
    _, sources = read_bytes(flat_body(plain, []), name="shipments.csv", kind="shipments")
    quick = check(next(sources), kind="shipments")
    assert quick.valid and isinstance(quick.record, QuickShipment)
    _, sources = read_bytes(flat_body(plain, ["1e3"]), name="shipments.csv", kind="shipments")
    source = next(sources)
    quick = check(source, kind="shipments")
    assert not isinstance(quick.record, QuickShipment)
    assert_same(quick, check(source, kind="shipments", quick=False))


def test_a_nul_in_any_text_field_is_refused_as_the_models_refuse_it() -> None:
    # The quick check looks for NUL once in the JSON text (where it can only be written \u0000).
    for where, field in [("shipment", "carrier"), ("shipment", "master_ref"), ("shipper", "street"), ("consignee", "email"),
                         ("consignee", "id_number"), ("consignee", "name"), ("item", "description")]:  # fmt: skip
        record = shipment(1)
        target = {"shipment": record, "item": record["items"][0]}.get(where) or record[where]
        target[field] = "a\x00b"
        quick, full = both(orjson.dumps(record))
        assert not quick.valid and [p.rule for p in quick.problems] == ["no_nul"], (where, field)
        assert_same(quick, full)
