"""Malformed input as an outside partner's files produce it, found by feeding the CLI such files by
hand: each costs its own record only, with a reason naming the field and rule, and never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from interdict.errors import InvalidInput

from interdict.ingest.models import Shipment
from tests.factories import csv_text, ndjson, shipment
from tests.ingest.test_ingest_files import ingest, reasons, rows


def test_a_first_line_that_is_not_an_object_does_not_turn_the_file_into_csv(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(b"null\n" + ndjson([shipment(1)]) + b'"hello"\n' + ndjson([shipment(2)]))

    counts = ingest(engine, path)

    assert counts["read"] == 4 and counts["accepted"] == 2 and counts["quarantined"] == 2
    assert {r["field"] for r in reasons(engine)} == {"(record)"}


def test_integers_beyond_64_bits_are_a_reason_not_a_crash(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    huge_pieces = ndjson([shipment(1)]).replace(b'"items"', b'"pieces":1000000000000000000000000000000,"items"')
    huge_extra = ndjson([shipment(2)]).replace(b'"items"', b'"partner_reference":1000000000000000000000000000000,"items"')
    path.write_bytes(huge_pieces + huge_extra + ndjson([shipment(3)]))

    counts = ingest(engine, path)

    assert counts["read"] == 3 and counts["quarantined"] + counts["accepted"] == 3
    assert counts["accepted"] >= 1
    assert any(r["field"] == "pieces" for r in reasons(engine))
    stored = {r["shipment_id"]: r for r in rows(engine, Shipment)}
    assert "partner_reference" in stored["EX000000002"]["extra"]  # an extra attribute is kept


def test_deeply_nested_extra_attributes_cost_only_their_record(engine: Engine, tmp_path: Path) -> None:
    # orjson refuses more than 255 levels; the record must still be read (or quarantined) alone.
    line = ndjson([shipment(1)]).rstrip()[:-1] + b',"partner_data":' + b"[" * 400 + b"]" * 400 + b"}"
    path = tmp_path / "in.ndjson"
    path.write_bytes(line + b"\n" + ndjson([shipment(2)]))

    counts = ingest(engine, path)

    assert counts["read"] == 2 and counts["accepted"] >= 1
    assert counts["accepted"] + counts["quarantined"] == 2


def test_a_byte_order_mark_at_the_start_of_a_later_line_is_ignored(engine: Engine, tmp_path: Path) -> None:
    # Files concatenated by `cat` carry the second file's BOM into the middle of the stream.
    path = tmp_path / "in.ndjson"
    path.write_bytes(ndjson([shipment(1)]) + "\ufeff".encode() + ndjson([shipment(2)]))

    assert ingest(engine, path)["accepted"] == 2


def test_a_csv_header_naming_a_column_twice_is_refused_by_name(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("reporter,shipment_id,reporter\nA,B,C\n", encoding="utf-8")

    with pytest.raises(InvalidInput) as refused:
        ingest(engine, path)

    [problem] = refused.value.problems
    assert (problem.field, problem.rule, problem.value) == ("header", "duplicate_column", "reporter")
    assert rows(engine, Shipment) == []


def test_json_lines_that_start_with_an_array_are_read_line_by_line(engine: Engine, tmp_path: Path) -> None:
    # A leading `[` first looks like a whole-file JSON array; when the file is not one, each line
    # must still be its own record, or the good shipments after it would be quarantined with it.
    path = tmp_path / "in.ndjson"
    path.write_bytes(b"[1, 2]\n42\n" + ndjson([shipment(1), shipment(2)]))

    counts = ingest(engine, path)

    assert counts["read"] == 4 and counts["accepted"] == 2 and counts["quarantined"] == 2
    assert {r["shipment_id"] for r in rows(engine, Shipment)} == {"EX000000001", "EX000000002"}


def test_a_truncated_json_array_keeps_its_whole_elements_and_names_the_cut_one(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(b"[\n" + ndjson([shipment(1)]).rstrip() + b",\n" + ndjson([shipment(2)])[:40])

    counts = ingest(engine, path)

    assert counts["read"] == 2 and counts["accepted"] == 1 and counts["quarantined"] == 1
    [reason] = reasons(engine)
    assert reason["rule"] == "json" and reason["value"].endswith('"shipment_id":"EX00')


def test_rows_of_one_csv_shipment_that_disagree_name_both_values(engine: Engine, tmp_path: Path) -> None:
    record = shipment(1, items=[{"description": "one"}, {"description": "two"}])
    text = csv_text([record, shipment(2)])
    lines = text.split("\r\n")
    lines[2] = lines[2].replace(",2.35,", ",9.5,", 1)  # the second item row of shipment 1 weighs otherwise
    path = tmp_path / "in.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")

    counts = ingest(engine, path)

    assert counts["read"] == 2 and counts["accepted"] == 1 and counts["quarantined"] == 1
    [reason] = reasons(engine)
    assert reason["field"] == "gross_weight_kg" and reason["rule"] == "same_on_every_row"
    assert "'9.5' on line 3" in reason["message"] and "'2.35' on line 2" in reason["message"]


def test_a_title_line_above_the_csv_header_is_refused_pointing_at_the_header(engine: Engine, tmp_path: Path) -> None:
    # Spreadsheet exports often start with a report title; read as the header, it made every row junk.
    path = tmp_path / "in.csv"
    path.write_text("Export from CourierSys, 28.11.2026\r\n\r\n" + csv_text([shipment(1), shipment(2)]), encoding="utf-8")

    with pytest.raises(InvalidInput) as refused:
        ingest(engine, path)

    [problem] = refused.value.problems
    assert (problem.field, problem.rule) == ("header", "header_line") and "line 3" in problem.message
    assert rows(engine, Shipment) == []

