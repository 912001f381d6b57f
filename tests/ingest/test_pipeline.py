"""What the reading process hands the writing one (`ingest.pipeline`): every prepared record comes
back as it was prepared, valid or not, value for value and type for type, whatever its text or
numbers; a value msgpack cannot carry sends its chunk pickled instead."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.ingest.pipeline import pack, unpack
from interdict.ingest.readers import SourceRecord
from interdict.ingest.service import prepare
from interdict.ingest.shipments import ITEM_KEYS, ROW_KEYS
from interdict.ingest.validation import Checked
from tests.factories import shipment
from tests.ingest.test_quick_check import records


def _prepared(record: Any) -> Checked:
    body = record if isinstance(record, bytes) else orjson.dumps(record)
    return prepare(SourceRecord(location="line 1", raw=body, json=body), kind="shipments", assume_tz=None, keep_record=False)


def _typed(value: Any) -> Any:
    """A value with its type, deeply: 1 == 1.0 == True and a date equals no datetime, but the store
    must get the very types prepared."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value).__name__, [_typed(v) for v in value]
    return type(value).__name__, value


def _same(before: list[Checked], after: list[Checked]) -> None:
    assert len(before) == len(after)
    for one, two in zip(before, after, strict=True):
        assert one.valid == two.valid
        assert _typed((one.record_json, one.record_hash, one.key, one.reporter, one.columns)) == _typed(
            (two.record_json, two.record_hash, two.key, two.reporter, two.columns)
        )
        assert [p.as_dict() for p in one.problems] == [p.as_dict() for p in two.problems]
        assert one.source.location == two.source.location
        if not one.valid:
            assert (one.source.raw, one.source.json) == (two.source.raw, two.source.json)


@settings(settings.get_profile("quick"))
@given(chunk=st.lists(records(), min_size=1, max_size=6))
def test_a_prepared_chunk_comes_back_as_it_was_prepared(chunk: list[dict[str, Any]]) -> None:
    prepared = [_prepared(record) for record in chunk]
    how, body = pack(prepared)
    assert how == "msgpack"
    _same(prepared, unpack(how, body))


def test_a_chunk_holding_what_msgpack_cannot_carry_goes_pickled() -> None:
    huge = orjson.dumps(shipment(1, courier_note=0)).replace(b'"courier_note":0', b'"courier_note":' + str(2**70).encode())
    prepared = [_prepared(shipment(2)), _prepared(huge), _prepared({"reporter": "X"})]  # an extra field beyond 64 bits
    assert prepared[1].valid and prepared[1].columns[0]["extra"] == {"courier_note": 2**70}
    how, body = pack(prepared)
    assert how == "pickle"
    _same(prepared, unpack(how, body))


def test_the_keys_name_the_values_in_the_order_they_are_flattened() -> None:
    prepared = _prepared(shipment(3))
    row, items = prepared.columns
    assert tuple(row) == ROW_KEYS and tuple(row.values()) == prepared.values[0]
    assert all(tuple(item) == ITEM_KEYS for item in items) and items
    assert [tuple(item.values()) for item in items] == list(prepared.values[1])


def test_a_new_shipment_is_inserted_with_every_column_of_its_tables_named_once() -> None:
    from interdict.ingest.models import Shipment, ShipmentItem
    from interdict.ingest.shipments import _INSERTED, _ITEM_COLUMNS

    assert sorted(_INSERTED) == sorted(c.name for c in Shipment.__table__.columns)
    assert sorted(("id", *_ITEM_COLUMNS)) == sorted(c.name for c in ShipmentItem.__table__.columns)
