"""The targeting hook as an analyst relies on it: stored watchlists screen every shipment's
shipper and consignee, and each hit says which entry, which party and why."""

from datetime import date, timedelta

import pyarrow as pa

from interdict.ingest.service import ingest_path
from interdict.targeting.screening.hits import hit_kinds, screener_from_store, watchlist_hits
from tests.factories import ndjson, watch_entry

_PARTY = ("name", "street", "city", "postcode", "country", "phone_norm", "email_norm")


def _shipments(*rows: dict) -> pa.Table:
    columns = [f"{role}_{field}" for role in ("shipper", "consignee") for field in _PARTY]
    return pa.table({c: pa.array([row.get(c) for row in rows], pa.string()) for c in columns})


def _store(engine, tmp_path, entries):
    path = tmp_path / "watchlist.ndjson"
    path.write_bytes(ndjson(entries))
    ingest_path(path, engine=engine, kind="watchlist")


def test_shipments_get_readable_hits_from_the_stored_watchlists(engine, tmp_path):
    _store(engine, tmp_path, [
        watch_entry(),
        watch_entry(entry_id="T-7", kind="phone", name="070 123 456", aliases=[], country="MK"),
        watch_entry(entry_id="OLD", name="Stanković Zoran", aliases=[],
                    valid_until=(date.today() - timedelta(days=1)).isoformat()),
    ])
    screener = screener_from_store(engine=engine)
    table = _shipments(
        {"shipper_name": "Acme Ltd", "consignee_name": "Marko Petrovic", "consignee_country": "MK"},
        {"shipper_name": "Zoran Stankovic", "consignee_name": "Ana Ilić"},
        {"shipper_name": "Nobody", "shipper_phone_norm": "+38970123456", "consignee_name": "Петровић Марко"},
    )
    hits = watchlist_hits(table, screener=screener).to_pylist()
    assert len(hits) == 3
    assert len(hits[0]) == 1 and hits[0][0].startswith("NATIONAL-MK/P-001: consignee name and country match '")
    assert hits[1] == []  # expired entries are not screened against
    assert "NATIONAL-MK/T-7: shipper phone matches '070 123 456' (100: phone)" in hits[2]
    assert "NATIONAL-MK/P-001: consignee name matches 'Петровић Марко' (100: same name)" in hits[2]
    expired_day = date.today() - timedelta(days=2)
    assert watchlist_hits(table, screener=screener_from_store(engine=engine, as_of=expired_day)).to_pylist()[1]


def test_a_transliterated_swapped_name_says_why(engine, tmp_path):
    _store(engine, tmp_path, [watch_entry(aliases=[])])
    hits = watchlist_hits(_shipments({"consignee_name": "Marko Petrović"}), screener=screener_from_store(engine=engine))
    [hit] = hits.to_pylist()[0]
    assert hit.startswith("NATIONAL-MK/P-001: consignee name matches 'Петровић Марко' (")
    assert "transliteration" in hit and "token order" in hit


def test_a_listed_name_says_what_else_of_the_entry_agrees(engine, tmp_path):
    """A homonym elsewhere is a name alone; the same name in the listed town or at the listed
    address is what targeting weighs (the hit kinds)."""
    _store(engine, tmp_path, [watch_entry(aliases=["Marko Petrovic"], street="Партизанска 12", city="Скопје",
                                          postcode="1000")])
    table = _shipments(
        {"consignee_name": "Marko Petrovic", "consignee_country": "RS", "consignee_city": "Niš"},
        {"consignee_name": "Marko Petrovic", "consignee_country": "MK", "consignee_city": "Bitola"},
        {"consignee_name": "Marko Petrovic", "consignee_country": "MK", "consignee_city": "Skopje"},
        {"consignee_name": "Marko Petrovic", "consignee_country": "MK", "consignee_city": "Skopje",
         "consignee_street": "ul. Partizanska 12", "consignee_postcode": "1000"},
        {"shipper_name": "Nobody", "consignee_name": "Ana Ilić"},
    )
    # Every name reported (four addresses bear it here: by default a common name, see test_variants).
    hits = watchlist_hits(table, screener=screener_from_store(engine=engine), common_name_addresses=None)
    assert hit_kinds(hits).to_pylist() == [["name"], ["name+country"], ["name+city"], ["name+address"], []]
    assert "P-001: consignee name and city match '" in hits.to_pylist()[2][0]


def test_no_shipments_and_absent_columns_give_empty_hits(engine):
    screener = screener_from_store(engine=engine)
    assert watchlist_hits(_shipments(), screener=screener).to_pylist() == []
    only_names = pa.table({"consignee_name": ["Marko Petrović"]})
    assert watchlist_hits(only_names, screener=screener).type == pa.list_(pa.string())


def test_a_listed_phone_without_a_country_is_screened_however_the_party_wrote_it(engine, tmp_path):
    """A phone entry sent with "country": "" is kept (not quarantined); written nationally, it is
    found by its last 8 digits, also where ingest could not read the party's number."""
    _store(engine, tmp_path, [watch_entry(entry_id="T-9", kind="phone", name="064 123 4567", aliases=[], country=""),
                              watch_entry(entry_id="T-8", kind="phone", name="+381 65 765 4321", aliases=[], country="")])
    screener = screener_from_store(engine=engine)
    assert {e.entry_id for e in screener.entries} == {"T-9", "T-8"}
    table = pa.table({
        "consignee_name": ["Ana Ilić", "Jovan Ristić", "Goran Babić"],
        "consignee_country": ["RS", "DE", "AT"],
        "consignee_phone": ["+381 64 123 45 67", "0049 65 765 4321 / 030 1234", "tel. 065/765-4321"],
        "consignee_phone_norm": ["+381641234567", None, None],
    })
    kinds = hit_kinds(watchlist_hits(table, screener=screener)).to_pylist()
    assert kinds == [["phone"], ["phone"], ["phone"]]
