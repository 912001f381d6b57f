"""Properties of reading and validation, over inputs no one thought of writing by hand."""

from __future__ import annotations

import string
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.ingest.readers import open_source
from interdict.ingest.service import prepare
from tests.factories import csv_text, ndjson, shipment

# Any text a partner might put in a name, but NUL (refused on purpose) and lone surrogates
# (not encodable in any file).
names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40
).filter(lambda s: s.strip())
LATIN_1250 = "ČĆŠŽĐčćšžđÄÖÜäöüßÉéŁłŃńŐőŰűĂăŞşŢţ" + string.ascii_letters
CYRILLIC = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџшЃЌЅѓќѕ"
settings.register_profile("ingest", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("ingest")


def read_all(path: Path, **options) -> list:  # type: ignore[no-untyped-def]
    _, records = open_source(path, kind="shipments", **options)
    return [prepare(r, kind="shipments", assume_tz=None) for r in records]


@given(consignee=names, description=names)
def test_any_name_is_kept_exactly_through_ndjson_and_csv(tmp_path_factory, consignee: str, description: str) -> None:
    folder = tmp_path_factory.mktemp("any")
    record = shipment(1, consignee={"name": consignee, "country": "MK"}, items=[{"description": description}])
    (folder / "a.ndjson").write_bytes(ndjson([record]))
    (folder / "a.csv").write_text(csv_text([record]), encoding="utf-8", newline="")
    for path in (folder / "a.ndjson", folder / "a.csv"):
        [checked] = read_all(path)
        assert checked.valid, (path.suffix, checked.problems)
        row, items = checked.columns
        assert row["consignee_name"] == consignee
        assert items[0]["description"] == description


@given(name=st.text(alphabet=LATIN_1250 + " -", min_size=3, max_size=30).filter(lambda s: sum(c.isalpha() for c in s) >= 3))
def test_windows_1250_files_are_recognised_and_read_right(tmp_path_factory, name: str) -> None:
    path = tmp_path_factory.mktemp("cp1250") / "a.csv"
    path.write_bytes(csv_text([shipment(1, consignee={"name": "Šćepanović " + name, "country": "RS"})], delimiter=";").encode("cp1250"))
    [checked] = read_all(path)
    assert checked.columns[0]["consignee_name"] == "Šćepanović " + name


@given(name=st.text(alphabet=CYRILLIC + " -", min_size=3, max_size=30).filter(lambda s: sum(c.isalpha() for c in s) >= 3))
def test_windows_1251_files_are_recognised_and_read_right(tmp_path_factory, name: str) -> None:
    path = tmp_path_factory.mktemp("cp1251") / "a.csv"
    path.write_bytes(csv_text([shipment(1, consignee={"name": "Ђорђе " + name, "country": "RS"})], delimiter=";").encode("cp1251"))
    [checked] = read_all(path)
    assert checked.columns[0]["consignee_name"] == "Ђорђе " + name


@given(lines=st.lists(st.binary(max_size=300).filter(lambda b: b"\n" not in b and b"\r" not in b), max_size=20))
def test_junk_lines_never_crash_and_each_is_one_record(tmp_path_factory, lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("junk") / "a.ndjson"
    good = orjson.dumps(shipment(1))
    path.write_bytes(b"\n".join([b"{", good, *lines]) + b"\n")
    results = read_all(path)
    expected = 2 + sum(1 for line in lines if line.strip())
    assert len(results) == expected
    assert sum(r.valid for r in results) >= 1
    assert all(r.valid or r.problems for r in results)


@given(field=st.sampled_from(["gross_weight_kg", "pieces", "mode", "items", "shipper", "reported_at", "transit_countries"]),
       value=st.one_of(st.booleans(), st.text(max_size=5), st.lists(st.integers(-(2**63), 2**63 - 1), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(-1000, 1000), max_size=2)))
def test_wrong_types_are_named_by_field(tmp_path_factory, field: str, value: object) -> None:
    path = tmp_path_factory.mktemp("types") / "a.ndjson"
    path.write_bytes(ndjson([shipment(1, **{field: value})]))
    [checked] = read_all(path)
    if not checked.valid:
        assert any(p.field.split(".")[0].split("[")[0] in (field, "(record)") for p in checked.problems), checked.problems
