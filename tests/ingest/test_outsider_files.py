"""Files as partners' own tools write them — Python's csv module in its dialects, json.dumps, pyarrow,
Excel's habits — never through this project's writers: every record is accounted for, and a name in
Cyrillic or with diacritics is stored exactly as from its NDJSON twin.

Fixture strategy: a handful of shipments with the region's names (Serbian and Macedonian Cyrillic,
Latin with diacritics, Albanian, German, Turkish), one of them with two items, flattened to the CSV
form here by hand as records.md describes it.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine

from interdict.errors import InvalidInput
from interdict.ingest.models import QuarantinedRecord, Shipment, ShipmentItem
from tests.ingest.test_ingest_files import ingest, reasons, rows


def _shipment(number: int, shipper: str, consignee: str, items: list[str], **fields: object) -> dict:
    return {
        "reporter": "POSTA-RS", "shipment_id": f"RR{number:09d}RS", "reported_at": "2026-09-14T08:15:00+02:00",
        "mode": "postal", "direction": "import", "origin_country": "TR", "destination_country": "RS",
        "shipper": {"name": shipper, "country": "TR"}, "consignee": {"name": consignee, "country": "RS", "city": "Beograd"},
        "gross_weight_kg": 1.25, "declared_value": 40.5, "currency": "EUR",
        "items": [{"description": text, "quantity": 2} for text in items], **fields,
    }  # fmt: skip


LATIN = [
    _shipment(1, "Şükrü Öztürk Ltd", "Žarko Šćepanović", ["Kuhinjski pribor, čaše"]),
    _shipment(2, "Müller & Söhne GmbH", "Xhevdet Çela", ["Ersatzteile für Fahrräder", 'Lëng frutash; "special"']),
    _shipment(3, "Đuro Đaković d.o.o.", "Ľubomír Čačko", ["Odjeća - ženske jakne"]),
]
CYRILLIC = [
    _shipment(11, "Shenzhen Toys", "Љубица Ђокић", ["Дечје играчке"]),
    _shipment(12, "ООО Ромашка", "Ѓорѓи Ќосевски", ["Резервни делови", "Ѕвонче, мало"]),
]
EVERYONE = LATIN + CYRILLIC
COLUMNS = ["reporter", "shipment_id", "reported_at", "mode", "direction", "origin_country", "destination_country",
           "shipper_name", "shipper_country", "consignee_name", "consignee_country", "consignee_city",
           "gross_weight_kg", "declared_value", "currency", "item_description", "item_quantity"]  # fmt: skip


def flat_rows(records: list[dict]) -> list[dict]:
    """records.md's CSV form: a row per item, the shipment's fields repeated."""
    out = []
    for record in records:
        for item in record["items"]:
            row = {k: v for k, v in record.items() if k not in ("shipper", "consignee", "items")}
            row |= {f"{side}_{k}": v for side in ("shipper", "consignee") for k, v in record[side].items()}
            out.append(row | {f"item_{k}": v for k, v in item.items()})
    return out


def csv_bytes(records: list[dict], *, encoding: str = "utf-8", columns: list[str] = COLUMNS,
              header: Callable[[str], str] = str, above: str = "", **dialect: object) -> bytes:  # fmt: skip
    """The records as Python's csv module writes them in `dialect`, `above` the header."""
    text = io.StringIO(newline="")
    text.write(above)
    writer = csv.writer(text, **dialect)  # type: ignore[arg-type]
    writer.writerow([header(c) for c in columns])
    writer.writerows([row.get(c, "") for c in columns] for row in flat_rows(records))
    return text.getvalue().encode(encoding)


def write_csv(path: Path, records: list[dict], **options: object) -> Path:
    path.write_bytes(csv_bytes(records, **options))  # type: ignore[arg-type]
    return path


def stored(engine: Engine) -> tuple[dict, list]:
    ships = {r["shipment_id"]: (r["shipper_name"], r["consignee_name"], r["consignee_city"], r["gross_weight_g"],
                                r["declared_value_minor"], r["item_count"]) for r in rows(engine, Shipment)}  # fmt: skip
    return ships, sorted((r["description"], r["quantity"]) for r in rows(engine, ShipmentItem))


def twin(engine: Engine, tmp_path: Path, records: list[dict]) -> tuple[dict, list]:
    """What the same records give as NDJSON, the store emptied again afterwards."""
    path = tmp_path / "twin.ndjson"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert ingest(engine, path)["accepted"] == len(records)
    expected = stored(engine)
    from tests.conftest import _empty_tables

    _empty_tables(engine)
    return expected


def gzipped(path: Path) -> Path:
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes()))
    return path


CSV_FILES: dict[str, tuple[list[dict], Callable[[Path, list[dict]], Path]]] = {
    "excel sep= line, semicolons, Windows-1250": (LATIN, lambda p, r: write_csv(
        p, r, encoding="cp1250", delimiter=";", lineterminator="\r\n", above="sep=;\r\n")),
    "excel sep= line, UTF-8 with BOM": (EVERYONE, lambda p, r: write_csv(p, r, encoding="utf-8-sig", delimiter=";", above='"sep=;"\r\n')),
    "UTF-16 LE without byte order mark, tabs": (EVERYONE, lambda p, r: write_csv(p, r, encoding="utf-16-le", delimiter="\t")),
    "UTF-16 BE without byte order mark": (EVERYONE, lambda p, r: write_csv(p, r, encoding="utf-16-be")),
    "UTF-16 with byte order mark": (EVERYONE, lambda p, r: write_csv(p, r, encoding="utf-16", delimiter="\t")),
    "Windows-1251, quote all, CRLF": (CYRILLIC, lambda p, r: write_csv(p, r, encoding="cp1251", delimiter=";", quoting=csv.QUOTE_ALL)),
    "Windows-1250, commas": (LATIN, lambda p, r: write_csv(p, r, encoding="cp1250")),
    "header upper case with spaces, columns reversed": (EVERYONE, lambda p, r: write_csv(
        p, r, columns=COLUMNS[::-1], header=lambda c: f" {c.replace('_', ' ').upper()} ")),
    "unknown extra and unnamed trailing columns": (EVERYONE, lambda p, r: write_csv(
        p, r, columns=[*COLUMNS, "partner_note", ""], lineterminator="\n")),
    "quote non-numeric": (EVERYONE, lambda p, r: write_csv(p, r, quoting=csv.QUOTE_NONNUMERIC)),
}


@pytest.mark.parametrize("name", list(CSV_FILES))
def test_csv_from_partners_tools_stores_what_its_ndjson_twin_stores(engine: Engine, tmp_path: Path, name: str) -> None:
    records, write = CSV_FILES[name]
    expected = twin(engine, tmp_path, records)
    path = write(tmp_path / "partner.csv", records)

    counts = ingest(engine, gzipped(path))

    assert (counts["read"], counts["accepted"]) == (len(records), len(records)), reasons(engine)
    assert stored(engine) == expected


PARQUET_FILES: dict[str, Callable[[list[dict]], pa.Table]] = {
    "nested, timestamps with zone": lambda r: pa.Table.from_pylist(
        [dict(x, reported_at=pa.scalar(x["reported_at"]).cast(pa.string()).as_py()) for x in r]),
    "flat, numbers as text": lambda r: pa.Table.from_pylist([{k: str(v) for k, v in row.items()} for row in flat_rows(r)]),
    "flat, dictionary-encoded text, int32 quantities": lambda r: _dictionary_encoded(pa.Table.from_pylist(flat_rows(r))),
    "flat, weights as decimal": lambda r: _cast(pa.Table.from_pylist(flat_rows(r)), "gross_weight_kg", pa.decimal128(10, 3)),
}


def _cast(table: pa.Table, column: str, kind: pa.DataType) -> pa.Table:
    return table.set_column(table.column_names.index(column), column, table[column].cast(kind))


def _dictionary_encoded(table: pa.Table) -> pa.Table:
    table = _cast(table, "item_quantity", pa.int32())
    return pa.table({c: table[c].dictionary_encode() if pa.types.is_string(table[c].type) else table[c] for c in table.column_names})


@pytest.mark.parametrize("name", list(PARQUET_FILES))
def test_parquet_written_by_pyarrow_stores_what_its_ndjson_twin_stores(engine: Engine, tmp_path: Path, name: str) -> None:
    expected = twin(engine, tmp_path, EVERYONE)
    path = tmp_path / "partner.parquet"
    pq.write_table(PARQUET_FILES[name](EVERYONE), path)

    assert ingest(engine, path)["accepted"] == len(EVERYONE), reasons(engine)
    assert stored(engine) == expected


JSON_FILES: dict[str, Callable[[list[dict]], bytes]] = {
    "pretty-printed objects one after another": lambda r: "\n".join(json.dumps(x, indent=2, ensure_ascii=False) for x in r).encode(),
    "pretty-printed array with a byte order mark": lambda r: codecs.BOM_UTF8 + json.dumps(r, indent=4, ensure_ascii=False).encode(),
    "array with a trailing comma": lambda r: ("[\n" + "".join(json.dumps(x, ensure_ascii=False) + ",\n" for x in r) + "]").encode(),
    "JSON lines in Windows-1251": lambda r: "".join(json.dumps(x, ensure_ascii=False) + "\r\n" for x in r).encode("cp1251"),
    "JSON lines in UTF-16 LE without byte order mark": lambda r: "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in r).encode("utf-16-le"),
}


@pytest.mark.parametrize("name", list(JSON_FILES))
def test_json_as_partners_tools_write_it_stores_what_its_ndjson_twin_stores(engine: Engine, tmp_path: Path, name: str) -> None:
    records = CYRILLIC if "1251" in name else EVERYONE
    expected = twin(engine, tmp_path, records)
    path = tmp_path / "partner.json"
    path.write_bytes(JSON_FILES[name](records))

    counts = ingest(engine, gzipped(path))

    assert (counts["read"], counts["accepted"]) == (len(records), len(records)), reasons(engine)
    assert stored(engine) == expected


def test_one_broken_element_of_a_json_array_costs_that_element_only(engine: Engine, tmp_path: Path) -> None:
    # orjson refuses the whole array for one number out of range; the other elements still count.
    elements = [json.dumps(r, ensure_ascii=False) for r in EVERYONE]
    elements[1] = elements[1].replace('"gross_weight_kg": 1.25', '"gross_weight_kg": 1e309')
    elements[3] = elements[3].replace('"POSTA-RS"', '"POSTA-RS\x00"')
    path = tmp_path / "in.json"
    path.write_text("[" + ", ".join(elements) + "]", encoding="utf-8")

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (5, 3, 2)
    found = {(r["field"], r["rule"]) for r in reasons(engine)}
    assert found == {("gross_weight_kg", "finite_number"), ("(record)", "no_nul")}


def test_a_pretty_printed_object_cut_short_costs_itself_only(engine: Engine, tmp_path: Path) -> None:
    texts = [json.dumps(r, indent=2, ensure_ascii=False) for r in EVERYONE]
    texts[2] = texts[2][: len(texts[2]) // 2]  # a record cut in the middle of a string
    path = tmp_path / "in.ndjson"
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (5, 4, 1)
    [row] = [r for r in rows(engine, Shipment) if r["shipment_id"] == "RR000000012RS"]
    assert row["consignee_name"] == "Ѓорѓи Ќосевски"


def test_json_that_cannot_be_read_is_named_at_the_place_it_breaks(engine: Engine, tmp_path: Path) -> None:
    line = json.dumps(LATIN[0], ensure_ascii=False).encode()
    path = tmp_path / "in.ndjson"
    path.write_bytes(line.replace("Žarko".encode(), b"\xff\xfearko") + b"\n" + line.replace(b"Beograd", b"Beo\x00grad") + b"\n"
                     + line + b",\n")  # fmt: skip

    ingest(engine, path)

    bad_bytes, nul, comma = reasons(engine)
    assert (bad_bytes["rule"], bad_bytes["value"]) == ("encoding", "ff")
    assert nul["rule"] == "no_nul" and "Beo\\0grad" in nul["value"]
    assert comma["rule"] == "json" and comma["value"].endswith("]},")


def test_a_gzip_csv_named_ndjson_is_read_as_the_csv_it_is(engine: Engine, tmp_path: Path) -> None:
    expected = twin(engine, tmp_path, EVERYONE)
    path = tmp_path / "export.ndjson"
    path.write_bytes(gzip.compress(write_csv(tmp_path / "a.csv", EVERYONE).read_bytes()))

    assert ingest(engine, path)["accepted"] == len(EVERYONE)
    assert stored(engine) == expected


def test_a_description_with_many_line_breaks_is_one_value(engine: Engine, tmp_path: Path) -> None:
    packing_list = "\r\n".join(f"{n}. Дечје играчке, кутија {n}" for n in range(1, 400))
    record = _shipment(20, "Shenzhen Toys", "Љубица Ђокић", [packing_list, "Ѕвонче"])
    path = write_csv(tmp_path / "in.csv", [record, *LATIN])

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"]) == (4, 4), reasons(engine)
    assert (packing_list, 2) in stored(engine)[1]


def test_inch_marks_in_unquoted_cells_are_kept_as_written(engine: Engine, tmp_path: Path) -> None:
    # A quote inside a cell that does not begin with one is a character, as Excel and the csv module
    # read it; two such rows must not be joined into one record with everything between them.
    path = write_csv(tmp_path / "in.csv", EVERYONE, delimiter=";")
    text = path.read_text(encoding="utf-8").replace("Kuhinjski pribor, čaše", 'TV 55" LED').replace("Дечје играчке", 'Monitor 27" IPS')
    path.write_text(text, encoding="utf-8")

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"]) == (5, 5), reasons(engine)
    assert {('TV 55" LED', 2), ('Monitor 27" IPS', 2)} <= set(stored(engine)[1])


def test_a_quote_opening_a_cell_and_closed_rows_below_costs_its_line_only(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", EVERYONE, quoting=csv.QUOTE_ALL)
    lines = path.read_bytes().decode().split("\r\n")
    lines[1] = lines[1].replace('"Kuhinjski pribor, čaše"', '"Kuhinjski pribor, čaše')
    lines[3] = lines[3].replace('"Lëng frutash; ""special"""', '"Lëng frutash; ""special""')
    path.write_bytes("\r\n".join(lines).encode())

    counts = ingest(engine, path)

    assert counts["read"] == len(EVERYONE) and counts["accepted"] == 3
    assert {r["shipment_id"] for r in rows(engine, Shipment)} == {"RR000000003RS", "RR000000011RS", "RR000000012RS"}


def test_excel_rows_of_empty_cells_below_the_data_are_not_records(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", EVERYONE, delimiter=";")
    path.write_bytes(path.read_bytes() + (";" * (len(COLUMNS) - 1) + "\r\n").encode() * 3)

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"]) == (len(EVERYONE), len(EVERYONE))


def test_a_csv_without_a_header_line_is_refused_naming_its_first_line(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", EVERYONE)
    path.write_bytes(path.read_bytes().split(b"\r\n", 1)[1])

    with pytest.raises(InvalidInput) as refused:
        ingest(engine, path)

    [problem] = refused.value.problems
    assert (problem.field, problem.rule) == ("header", "header_line") and problem.value.startswith("POSTA-RS,RR000000001RS")
    assert rows(engine, Shipment) == []


def test_rows_of_different_shipments_that_lack_their_identifier_stay_apart(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", EVERYONE, columns=[c for c in COLUMNS if c != "shipment_id"])

    counts = ingest(engine, path)

    assert (counts["read"], counts["quarantined"]) == (len(EVERYONE), len(EVERYONE))
    assert {(r["field"], r["rule"]) for r in reasons(engine)} == {("shipment_id", "missing")}


def test_a_bad_byte_in_the_reporter_column_is_quarantined_not_a_crash(engine: Engine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", EVERYONE)
    path.write_bytes(path.read_bytes().replace(b"POSTA-RS,RR000000003RS", b"POSTA\xff-RS,RR000000003RS"))

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (5, 4, 1)
    [reason] = reasons(engine)
    assert (reason["field"], reason["rule"], reason["value"]) == ("reporter", "encoding", "50 4f 53 54 41 ff 2d 52 53")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, b""], ids=["with byte order mark", "without"])
def test_a_utf16_file_cut_in_the_middle_of_a_character_keeps_the_records_before(engine: Engine, tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(bom + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in EVERYONE).encode("utf-16-le") + b"{")

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (6, 5, 1)
    assert [r["rule"] for r in reasons(engine)] == ["encoding"]


def _parquet(tmp_path: Path, **options: object) -> tuple[Path, bytes]:
    path = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(flat_rows(EVERYONE)), path, row_group_size=2, **options)  # type: ignore[arg-type]
    return path, path.read_bytes()


def test_a_parquet_cell_that_is_not_utf8_costs_its_row_only(engine: Engine, tmp_path: Path) -> None:
    path, data = _parquet(tmp_path, compression="none", use_dictionary=False)
    path.write_bytes(data.replace("Љубица".encode(), b"\xff" + "Љубица".encode()[1:]))

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (5, 4, 1)
    [reason] = reasons(engine)
    assert reason["rule"] == "parquet" and "utf-8" in reason["value"]


def test_a_damaged_parquet_page_keeps_the_rows_before_it_and_names_the_rest(engine: Engine, tmp_path: Path) -> None:
    path, data = _parquet(tmp_path)
    column = COLUMNS.index("consignee_name")  # the damage is in a name, the keys can still be read
    damaged = pq.ParquetFile(path).metadata.row_group(2).column(column).data_page_offset  # rows 5 and 6
    path.write_bytes(data[:damaged] + b"\xff" * 12 + data[damaged + 12 :])

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"], counts["quarantined"]) == (5, 3, 2)  # rows 1-4 read; 5 and 6 not
    held = {r["location"] for r in rows(engine, QuarantinedRecord)}
    assert held == {"row 5", "row 6, 7"}  # row 7 waits with row 6, another item of its shipment
    assert any("damaged from row 5" in r["message"] for r in reasons(engine)), reasons(engine)


def test_numbers_with_groups_of_thousands_and_a_decimal_comma_are_read(engine: Engine, tmp_path: Path) -> None:
    # A spreadsheet set to the region's number format writes 1.234,56 (or 1 234,56) in a ;-file.
    records = [dict(LATIN[0], declared_value=1234.56), dict(LATIN[2], declared_value=1234567.8, gross_weight_kg=1.234)]
    text = csv_bytes(records, delimiter=";", encoding="cp1250").decode("cp1250")
    text = text.replace(";1234.56;", ";1.234,56;").replace(";1234567.8;", ";1\u00a0234\u00a0567,8;").replace(";1.234;", ";1,234;")
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("cp1250"))

    assert ingest(engine, path)["accepted"] == 2, reasons(engine)
    stored = {r["shipment_id"]: (r["declared_value_minor"], r["gross_weight_g"]) for r in rows(engine, Shipment)}
    assert stored == {"RR000000001RS": (123456, 1250), "RR000000003RS": (123456780, 1234)}


def test_json_with_empty_strings_for_absent_optional_fields_stores_what_its_twin_stores(engine: Engine, tmp_path: Path) -> None:
    """A partner's JSON converted from a spreadsheet writes "" where a cell was empty. The same empty
    cell in CSV is absent; in JSON it quarantined the record ("" is no category, no date, no code)."""
    expected = twin(engine, tmp_path, EVERYONE)
    blanks = {"category": "", "departure_country": "", "transit_countries": "", "departure_date": "", "arrival_date": "",
              "pieces": "", "payment_method": ""}  # fmt: skip
    item_blanks = {"hs_code": "", "net_weight_kg": "", "value": "", "currency": "", "origin_country": ""}
    records = [dict(r, **blanks, items=[dict(item_blanks, **item) for item in r["items"]]) for r in EVERYONE]
    path = tmp_path / "converted.ndjson"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")

    counts = ingest(engine, path)

    assert (counts["read"], counts["accepted"]) == (len(records), len(records)), reasons(engine)
    assert stored(engine) == expected
    assert {(r["category"], r["payment_method"], r["departure_date"]) for r in rows(engine, Shipment)} == {(None, None, None)}
