"""Ingesting files as partners send them: every record accounted for, nothing mangled or lost."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine, select, text

from interdict.errors import InvalidInput
from interdict.ingest.models import QuarantinedRecord, Shipment, ShipmentItem, ShipmentVersion
from interdict.ingest.service import ingest_path
from tests.factories import csv_text, ndjson, outcome, shipment, watch_entry


def ingest(engine: Engine, path: Path, **options):  # type: ignore[no-untyped-def]
    summary = ingest_path(path, engine=engine, kind=options.pop("kind", "shipments"), **options)
    d = summary.as_dict()
    assert d["accepted"] + d["amended"] + d["duplicates"] + d["stale"] + d["quarantined"] == d["read"]
    return d


def rows(engine: Engine, table, *where):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table.__table__).where(*where)).mappings()]


def reasons(engine: Engine) -> list[dict]:
    return [reason for row in rows(engine, QuarantinedRecord) for reason in row["reasons"]]


def test_valid_ndjson_is_stored_with_every_field(engine: Engine, tmp_path: Path) -> None:
    record = shipment(courier_note="leave at the door")
    record["consignee"]["floor"] = "3"
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([record]))

    assert ingest(engine, path)["accepted"] == 1
    [stored] = rows(engine, Shipment)
    assert stored["consignee_name"] == "Марко Петровић"
    assert stored["consignee_name_norm"] == "marko petrovic"
    assert stored["gross_weight_g"] == 2350
    assert stored["declared_value_minor"] == 1250
    assert stored["id_kind"] == "s10" and stored["id_check_valid"] is True
    assert stored["extra"] == {"courier_note": "leave at the door", "consignee": {"floor": "3"}}
    [item] = rows(engine, ShipmentItem)
    assert item["hs_code"] == "870899" and item["net_weight_g"] == 2100


def test_absent_optional_values_are_stored_as_null(engine: Engine, tmp_path: Path) -> None:
    # Through the bulk insert (which binds a NULL through an adapter on SQLite): absent stays NULL,
    # never an empty or "None" string, so `IS NULL` finds it.
    record = shipment(carrier=None, conveyance_ref=None, master_ref=None, departure_country=None)
    for side in ("shipper", "consignee"):
        for name in ("email", "phone", "street"):
            record[side].pop(name, None)
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([record]))

    assert ingest(engine, path)["accepted"] == 1
    columns = ["carrier", "conveyance_ref", "master_ref", "departure_country", "extra", "shipper_email", "consignee_phone",
               "consignee_phone_norm", "consignee_email_norm", "consignee_street"]  # fmt: skip
    with engine.connect() as conn:
        nulls = conn.execute(text("SELECT " + ", ".join(f"{c} IS NULL" for c in columns) + " FROM shipments")).one()
        item_nulls = conn.execute(text("SELECT value_minor IS NULL, extra IS NULL FROM shipment_items")).one()
    assert all(nulls), dict(zip(columns, nulls, strict=True))
    assert all(item_nulls)


def test_amendment_duplicate_and_stale_versions(engine: Engine, tmp_path: Path) -> None:
    first = shipment()
    later = shipment(reported_at="2026-10-02T10:00:00+02:00", gross_weight_kg=3)
    older = shipment(reported_at="2026-09-30T10:00:00+02:00", gross_weight_kg=9)
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([first, first, later, older, first]))

    counts = ingest(engine, path)

    assert (counts["accepted"], counts["duplicates"], counts["amended"], counts["stale"]) == (1, 2, 1, 1)
    [stored] = rows(engine, Shipment)
    assert stored["gross_weight_g"] == 3000 and stored["version_count"] == 2
    states = sorted(v["state"] for v in rows(engine, ShipmentVersion))
    assert states == ["applied", "stale", "superseded"]


def test_resending_a_file_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(n) for n in range(30)]))
    assert ingest(engine, path)["accepted"] == 30
    again = ingest(engine, path)
    assert again["duplicates"] == 30 and again["accepted"] == 0


def test_bad_records_are_quarantined_with_field_rule_and_value(engine: Engine, tmp_path: Path) -> None:
    bad = [
        shipment(1, origin_country="XX"),
        shipment(2, gross_weight_kg=-1),
        shipment(3, reported_at="2026-10-01T10:00:00"),
        shipment(4, currency="EURO"),
        shipment(5, mode="bicycle"),
        shipment(6, items=[]),
        shipment(7, reporter=""),
        shipment(8, shipper=None),
        shipment(9, declared_value=5, currency=None),
    ]
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(100), *bad]) + b'{"reporter": "MKPOST", "shipment_id": "X1", "gross\n')

    counts = ingest(engine, path)

    assert counts["accepted"] == 1 and counts["quarantined"] == len(bad) + 1
    found = {(r["field"], r["rule"]) for r in reasons(engine)}
    assert ("origin_country", "iso3166_alpha2") in found
    assert ("gross_weight_kg", "greater_than_equal") in found
    assert ("reported_at", "utc_offset") in found
    assert ("currency", "iso4217") in found
    assert ("mode", "literal_error") in found
    assert ("items", "too_short") in found
    assert ("reporter", "non_empty") in found
    assert ("shipper", "missing") in found
    assert ("(record)", "currency_required") in found
    assert ("(record)", "json") in found
    values = {r["field"]: r["value"] for r in reasons(engine)}
    assert values["origin_country"] == "XX" and values["currency"] == "EURO"


def test_assume_tz_accepts_local_times(engine: Engine, tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(reported_at="2026-07-01T10:00:00")]))
    assert ingest(engine, path, assume_tz=ZoneInfo("Europe/Skopje"))["accepted"] == 1
    [stored] = rows(engine, Shipment)
    assert stored["reported_at"].isoformat() == "2026-07-01T08:00:00+00:00"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\n\n  \n",
    ],
)
def test_empty_files_read_nothing(engine: Engine, tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "empty.ndjson"
    path.write_bytes(body)
    assert ingest(engine, path)["read"] == 0


def test_header_only_csv_reads_nothing(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(csv_text([shipment()]).splitlines()[0] + "\r\n", encoding="utf-8")
    assert ingest(engine, path)["read"] == 0


def test_gzip_is_told_by_its_bytes_not_its_name(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "looks-plain.ndjson"
    path.write_bytes(gzip.compress(ndjson([shipment(n) for n in range(5)])))
    assert ingest(engine, path)["accepted"] == 5


def test_invalid_utf8_nul_and_huge_numbers_cost_only_their_line(engine: Engine, tmp_path: Path) -> None:
    good = ndjson([shipment(1)])
    bad_bytes = ndjson([shipment(2)]).replace(b"Car parts", b"Car \xff\xfe parts")
    raw_nul = ndjson([shipment(3)]).replace(b"Car parts", b"Car\x00parts")
    escaped_nul = ndjson([shipment(4)]).replace(b"Car parts", b"Car\\u0000parts")
    huge = ndjson([shipment(5)]).replace(b'"gross_weight_kg":2.35', b'"gross_weight_kg":1e309')
    path = tmp_path / "in.ndjson"
    path.write_bytes(good + bad_bytes + raw_nul + escaped_nul + huge + ndjson([shipment(6)]))

    counts = ingest(engine, path)

    assert counts["accepted"] == 2 and counts["quarantined"] == 4
    quarantined = rows(engine, QuarantinedRecord)
    assert {q["location"] for q in quarantined} == {"line 2", "line 3", "line 4", "line 5"}
    assert any(b"\xff\xfe" in q["raw"] for q in quarantined)  # kept byte for byte
    assert any(r["field"] == "items[0].description" and r["rule"] == "no_nul" for r in reasons(engine))
    assert any(r["field"] == "gross_weight_kg" for r in reasons(engine))


def test_long_descriptions_many_items_emoji_and_rtl_are_kept_exactly(engine: Engine, tmp_path: Path) -> None:
    long_text = "Ćevapi 🔫 " * 10_000
    items = [{"description": f"part {i} <b>bold</b>", "quantity": 1} for i in range(2000)]
    names = {"name": "محمد 👋 Ђорђе Šćepanović", "country": "MK"}
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(1, items=[{"description": long_text}]), shipment(2, items=items, consignee=names)]))

    assert ingest(engine, path)["accepted"] == 2
    stored = {r["shipment_id"]: r for r in rows(engine, Shipment)}
    assert stored["EX000000001"]["descriptions"] == long_text
    assert stored["EX000000002"]["consignee_name"] == "محمد 👋 Ђорђе Šćepanović"
    assert stored["EX000000002"]["item_count"] == 2000
    assert "<b>bold</b>" in stored["EX000000002"]["descriptions"]  # stored as given; escaped when shown


@pytest.mark.parametrize("encoding,delimiter,bom", [("utf-8", ",", False), ("utf-8", ";", True), ("cp1250", ";", False), ("cp1251", ";", False)])
def test_csv_in_regional_encodings_matches_its_ndjson_twin(
    engine: Engine, tmp_path: Path, encoding: str, delimiter: str, bom: bool
) -> None:
    if encoding == "cp1250":
        consignee = {"name": "Đorđe Šćepanović-Žižić", "street": "Ulica Kneza Miloša 5", "city": "Beograd", "country": "RS"}
    else:
        consignee = {"name": "Ђорђе Шћепановић-Жижић", "street": "Улица Кнеза Милоша 5", "city": "Београд", "country": "RS"}
    items = [{"description": "Auto delovi, ručno", "hs_code": "870899", "net_weight_kg": 1.5},
             {"description": "Igračke \"Lego\"", "hs_code": "950300", "net_weight_kg": 0.5}]  # fmt: skip
    if encoding == "cp1251":
        items[0]["description"] = "Ауто делови, ручно"
        items[1]["description"] = 'Играчке "Лего"'
    records = [shipment(n, consignee=consignee, items=items) for n in range(3)]
    text_csv = csv_text(records, delimiter=delimiter)
    csv_path = tmp_path / "in.csv"
    csv_path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text_csv.encode(encoding))
    ndjson_path = tmp_path / "twin.ndjson"
    ndjson_path.write_bytes(ndjson([shipment(n, consignee=consignee, items=items, reporter="TWIN") for n in range(3)]))

    assert ingest(engine, csv_path)["accepted"] == 3
    assert ingest(engine, ndjson_path)["accepted"] == 3

    stored = rows(engine, Shipment)
    by_reporter = {(r["reporter"], r["shipment_id"]): r for r in stored}
    for n in range(3):
        from_csv = by_reporter[("MKPOST", f"EX{n:09d}")]
        twin = by_reporter[("TWIN", f"EX{n:09d}")]
        for column in ("consignee_name", "consignee_street", "descriptions", "gross_weight_g", "items_net_weight_g", "declared_value_minor"):
            assert from_csv[column] == twin[column], column
    assert from_csv["consignee_name"] == consignee["name"]


def test_csv_rows_of_one_shipment_need_not_be_adjacent(engine: Engine, tmp_path: Path) -> None:
    two_items = [{"description": "A"}, {"description": "B"}]
    lines = csv_text([shipment(1, items=two_items), shipment(2, items=two_items)]).splitlines()
    header, a1, a2, b1, b2 = lines
    path = tmp_path / "scattered.csv"
    path.write_text("\r\n".join([header, a1, b1, b2, a2]) + "\r\n", encoding="utf-8")
    assert ingest(engine, path)["accepted"] == 2
    assert {r["descriptions"] for r in rows(engine, Shipment)} == {"A | B"}


def test_csv_unbalanced_quote_costs_one_row_and_mixed_line_endings_are_fine(engine: Engine, tmp_path: Path) -> None:
    lines = csv_text([shipment(n) for n in range(4)]).splitlines()
    broken = lines[2].replace("Car parts", '"Car parts')  # a quote opening a field, never closed
    path = tmp_path / "in.csv"
    path.write_bytes((lines[0] + "\n" + lines[1] + "\r\n" + broken + "\n" + lines[3] + "\r" + lines[4] + "\n").encode())

    counts = ingest(engine, path)

    assert counts["accepted"] == 3 and counts["quarantined"] == 1
    assert any(r["rule"] == "csv_quotes" for r in reasons(engine))


def test_csv_problems_are_named_by_column_and_line(engine: Engine, tmp_path: Path) -> None:
    record = shipment(1, items=[{"description": "ok"}, {"description": "bad", "hs_code": "12"}])
    path = tmp_path / "in.csv"
    path.write_text(csv_text([record]), encoding="utf-8")
    assert ingest(engine, path)["quarantined"] == 1
    assert any(r["field"] == "item_hs_code (line 3)" for r in reasons(engine))


def test_parquet_nested_and_flat(engine: Engine, tmp_path: Path) -> None:
    nested = tmp_path / "nested.parquet"
    pq.write_table(pa.Table.from_pylist([orjson.loads(orjson.dumps(shipment(n))) for n in range(3)]), nested)
    import csv as csv_module
    import io

    flat_rows = list(csv_module.DictReader(io.StringIO(csv_text([shipment(n, reporter="FLAT") for n in range(3)]))))
    flat = tmp_path / "flat.parquet"
    pq.write_table(pa.Table.from_pylist(flat_rows), flat)
    assert ingest(engine, nested)["accepted"] == 3
    assert ingest(engine, flat)["accepted"] == 3


def test_unknown_encoding_option_is_refused(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="unsupported encoding"):
        ingest(engine, path, encoding="klingon")


def test_outcomes_and_watchlist(engine: Engine, tmp_path: Path) -> None:
    outcomes = tmp_path / "outcomes.ndjson"
    outcomes.write_bytes(ndjson([outcome(), outcome(), outcome(result="seizure", findings=[]), outcome(findings=[{"category": "bazooka"}])]))
    counts = ingest(engine, outcomes, kind="outcomes")
    assert (counts["accepted"], counts["duplicates"], counts["quarantined"]) == (1, 1, 2)

    watch = tmp_path / "watch.ndjson"
    watch.write_bytes(ndjson([watch_entry(), watch_entry(entry_id="P-002", aliases="A|B"), watch_entry(reason="changed")]))
    counts = ingest(engine, watch, kind="watchlist")
    assert (counts["accepted"], counts["amended"]) == (2, 1)
    with engine.connect() as conn:
        aliases = conn.execute(text("select aliases from watchlist_entries where entry_id = 'P-002'")).scalar_one()
    assert (orjson.loads(aliases) if isinstance(aliases, str) else aliases) == ["A", "B"]


def test_csv_amendments_and_resends_are_versions_not_extra_items(engine: Engine, tmp_path: Path) -> None:
    two_items = [{"description": "A"}, {"description": "B"}]
    original = shipment(1, items=two_items)
    amended = shipment(1, items=two_items, reported_at="2026-10-03T10:00:00+02:00", gross_weight_kg=5)
    lines = csv_text([original, shipment(2), amended, original]).splitlines()
    path = tmp_path / "versions.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    counts = ingest(engine, path)

    assert (counts["accepted"], counts["amended"], counts["duplicates"], counts["quarantined"]) == (2, 1, 1, 0)
    stored = {r["shipment_id"]: r for r in rows(engine, Shipment)}
    assert stored["EX000000001"]["descriptions"] == "A | B"
    assert stored["EX000000001"]["gross_weight_g"] == 5000


def test_parallel_ingest_accounts_exactly_like_one_process(engine: Engine, tmp_path: Path) -> None:
    from interdict.ingest.readers import open_source
    from interdict.ingest.service import ingest_records

    records = []
    for n in range(300):
        records.append(shipment(n))
        if n % 7 == 0:
            records.append(shipment(n))  # re-send
        if n % 11 == 0:
            records.append(shipment(n, reported_at="2026-10-05T10:00:00+02:00", gross_weight_kg=4))  # amendment
        if n % 13 == 0:
            records.append(shipment(n, reported_at="2026-09-01T10:00:00+02:00"))  # stale
    records.append(shipment(9999, origin_country="XX"))
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson(records) + b"{broken\n")

    _, reader = open_source(path, kind="shipments")
    summary = ingest_records(reader, engine=engine, kind="shipments", source_name=str(path), workers=2)

    counts = summary.as_dict()
    expected = {"accepted": 300, "duplicates": 43, "amended": 28, "stale": 24, "quarantined": 2}
    assert {k: counts[k] for k in expected} == expected
    assert counts["read"] == len(records) + 1
    amended = {r["shipment_id"]: r for r in rows(engine, Shipment)}
    assert amended["EX000000011"]["gross_weight_g"] == 4000 and amended["EX000000001"]["gross_weight_g"] == 2350



def test_a_very_long_name_is_stored_on_every_store(engine: Engine, tmp_path: Path) -> None:
    # Indexes on normalised names must not cap their length (a btree row is limited on PostgreSQL).
    name = "Petrović " * 2000
    path = tmp_path / "long.ndjson"
    path.write_bytes(ndjson([shipment(1, consignee={"name": name, "street": name, "country": "MK"}, shipper={"name": name, "country": "CN"})]))
    assert ingest(engine, path)["accepted"] == 1
    assert rows(engine, Shipment)[0]["consignee_name"] == name
