"""Files as partners' tools wrap them: bzip2 and xz besides gzip, Excel's UTF-16 "Unicode text",
a transfer cut short, an archive or a workbook sent instead of the file inside. Each is read as
the records it holds, or refused whole with what it is; a cut-short file keeps what was read and
names the break."""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from interdict.errors import InvalidInput
from interdict.ingest.models import Shipment
from interdict.ingest.readers import read_bytes
from interdict.ingest.service import _storable
from tests.factories import csv_text, ndjson, shipment
from tests.ingest.test_ingest_files import ingest, reasons, rows

NAMES = [shipment(n, consignee={"name": name, "country": "RS"}) for n, name in
         enumerate(["Ђорђе Јовановић", "Đorđe Šljivančanin", "Ιωάννης Παπαδόπουλος", "علي 🙂"], start=1)]


def _stored_names(engine: Engine) -> dict[str, str]:
    return {r["shipment_id"]: r["consignee_name"] for r in rows(engine, Shipment)}


@pytest.mark.parametrize("compress", [bz2.compress, lzma.compress], ids=["bzip2", "xz"])
def test_bzip2_and_xz_are_told_by_their_bytes(engine: Engine, tmp_path: Path, compress) -> None:  # noqa: ANN001
    path = tmp_path / "in.dat"
    path.write_bytes(compress(ndjson(NAMES)))

    counts = ingest(engine, path)

    assert counts["accepted"] == len(NAMES)
    assert sorted(_stored_names(engine).values()) == sorted(r["consignee"]["name"] for r in NAMES)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")], ids=["le", "be"])
def test_utf16_with_its_byte_order_mark_reads_like_its_utf8_twin(engine: Engine, tmp_path: Path, bom, codec) -> None:  # noqa: ANN001
    tabbed = tmp_path / "unicode-text.txt"  # what Excel's "Unicode text" gives: UTF-16, tab-separated
    tabbed.write_bytes(bom + csv_text(NAMES, delimiter="\t").encode(codec))
    lines = tmp_path / "in.ndjson"
    lines.write_bytes(bom + ndjson(NAMES).decode().encode(codec))

    assert ingest(engine, tabbed)["accepted"] == len(NAMES)
    from_csv = _stored_names(engine)
    assert ingest(engine, lines)["duplicates"] == len(NAMES)  # the same records, byte for byte in meaning
    assert sorted(from_csv.values()) == sorted(r["consignee"]["name"] for r in NAMES)


def test_an_unpaired_surrogate_in_utf16_costs_its_record_only(engine: Engine, tmp_path: Path) -> None:
    good = ndjson([shipment(1)]).decode().encode("utf-16-le")
    bad = ndjson([shipment(2)]).decode().replace("EX000000002", "EX00000000\ud8002").encode("utf-16-le", "surrogatepass")
    path = tmp_path / "in.ndjson"
    path.write_bytes(codecs.BOM_UTF16_LE + good + bad)

    counts = ingest(engine, path)

    assert counts["accepted"] == 1 and counts["quarantined"] == 1
    [reason] = reasons(engine)
    assert reason["rule"] == "encoding" and "position" in reason["message"]  # as a bad byte in a UTF-8 file is named


@pytest.mark.parametrize("text", [lambda rs: ndjson(rs), lambda rs: csv_text(rs).encode("cp1250")], ids=["ndjson", "csv"])
def test_a_cut_short_gzip_keeps_what_was_read_and_names_the_break(engine: Engine, tmp_path: Path, text) -> None:  # noqa: ANN001
    records = [shipment(n, consignee={"name": "Đorđe Šljivančanin", "country": "RS"}) for n in range(1, 401)]
    whole = gzip.compress(text(records))
    path = tmp_path / "in.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])

    counts = ingest(engine, path)

    assert 0 < counts["accepted"] < len(records)
    assert counts["quarantined"] in (1, 2)  # the break, and the record it cut in two when it did
    assert "truncated" in {r["rule"] for r in reasons(engine)}
    assert {r["consignee_name"] for r in rows(engine, Shipment)} == {"Đorđe Šljivančanin"}


def test_compressed_data_that_breaks_at_once_refuses_the_file(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson.bz2"
    path.write_bytes(bz2.compress(ndjson([shipment(1)]))[:30])

    with pytest.raises(InvalidInput) as refused:
        ingest(engine, path)

    assert [p.rule for p in refused.value.problems] == ["compression"]


def _zip(payload: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("shipments.ndjson", payload)
    return out.getvalue()


@pytest.mark.parametrize("wrap", [_zip, lambda b: gzip.compress(_zip(b)), lambda b: b"%PDF-1.7\n" + b],
                         ids=["zip", "gzipped-zip", "pdf"])
def test_an_archive_or_a_document_is_refused_with_what_it_is(engine: Engine, tmp_path: Path, wrap) -> None:  # noqa: ANN001
    path = tmp_path / "shipments.ndjson"
    path.write_bytes(wrap(ndjson([shipment(1)])))

    with pytest.raises(InvalidInput) as refused:
        ingest(engine, path)

    [problem] = refused.value.problems
    assert problem.field == "PATH" and problem.rule == "format"
    assert rows(engine, Shipment) == []


def test_the_api_body_reads_the_same_way() -> None:
    source, records = read_bytes(bz2.compress(ndjson(NAMES)), name="body", kind="shipments")
    assert source.compressed and len(list(records)) == len(NAMES)


@given(st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xE000), max_size=40))
def test_any_reason_quoting_undecodable_bytes_can_be_stored(text: str) -> None:
    stored = _storable({"value": text, "why": [text]})
    flat = stored["value"] + stored["why"][0]
    assert "\x00" not in flat
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in flat)
    flat.encode("utf-8")  # what a database driver does with it
