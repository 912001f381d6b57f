"""Watchlists and queries arrive as the region writes them: Windows-1251 Cyrillic or Windows-1250
Latin CSV with `;`, NDJSON; every name survives reading intact."""

from pathlib import Path

import pytest

from interdict.errors import InvalidInput
from interdict.targeting.screening.files import read_queries, read_watchlist


def test_a_cyrillic_windows_1251_watchlist_keeps_its_names(tmp_path: Path):
    path = tmp_path / "list.csv"
    path.write_bytes("list_id;entry_id;kind;name;aliases\nNAT;1;person;Љубиша Петровић;Љуба|Ljubisa P.\n".encode("cp1251"))
    [entry] = read_watchlist(path)
    assert entry.name == "Љубиша Петровић" and entry.aliases == ("Љуба", "Ljubisa P.")


def test_latin_windows_1250_queries_and_ndjson_queries_are_read(tmp_path: Path):
    csv_path = tmp_path / "queries.csv"
    csv_path.write_bytes("query_id;name;country\nq1;Đorđe Šćekić;ME\nq2;Žarko Čolić;\n".encode("cp1250"))
    assert [(q.query_id, q.name, q.country) for q in read_queries(csv_path)] == [
        ("q1", "Đorđe Šćekić", "ME"), ("q2", "Žarko Čolić", None)]
    ndjson_path = tmp_path / "queries.ndjson"
    ndjson_path.write_text('{"query_id": "a", "name": "Marko", "kind": "person"}\n', encoding="utf-8")
    assert read_queries(ndjson_path)[0].kind == "person"


def test_unreadable_lines_and_bad_entries_say_where(tmp_path: Path):
    path = tmp_path / "queries.ndjson"
    path.write_text('{"query_id": "a", "name": "Marko"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_queries(path)
    assert "line 2" in str(raised.value)
    bad = tmp_path / "list.csv"
    bad.write_text("list_id,entry_id,kind,name\nNAT,1,ship,X\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_watchlist(bad)
    assert raised.value.problems[0].field == "kind"
