"""The quick check of a plainly valid NDJSON shipment: msgspec decodes and types it in C, a few
Python checks do what the Pydantic models' validators do, and the result is the very record,
canonical JSON and hash that the full check (`validation.check`) gives.

The flat CSV form (and flat Parquet), whose values all arrive as text, takes the same check once
its plain numbers are read (`quick_flat_shipment`): a number written in any other way is left to
the models.

It only ever says "valid, and here it is" or "not sure": a record with extra attributes, a value in
an unusual form (a number written as a string, a date without offset, an int written 1.0) or a
broken rule is handed to the full Pydantic check, which names the problems. So every error message
stays that of the models, and a record accepted here is accepted there with the same values
(tests/ingest/test_quick_check.py holds the two side by side on random records).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from msgspec import Meta

from interdict.ingest.reference import countries, currency_digits
from interdict.ingest.schemas import Category, Direction, Mode, Payment, _country_list

# What the models accept, in the models' own field order (the canonical JSON follows it).
_Text = Annotated[str, Meta(max_length=1_000_000)]
_Weight = Annotated[float, Meta(ge=0, le=1e9)]
_Amount = Annotated[float, Meta(ge=0, le=1e13)]
_Count = Annotated[int, Meta(ge=0, le=10**12)]
_Pieces = Annotated[int, Meta(ge=1, le=10**9)]


class _Plain(msgspec.Struct, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    """Unknown fields are not refused by the contract: they send the record to the full check,
    which keeps them as extra attributes."""

    @property
    def extras(self) -> None:
        return None


class QuickParty(_Plain, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    name: _Text
    street: _Text | None = None
    city: _Text | None = None
    postcode: _Text | None = None
    country: _Text
    phone: _Text | None = None
    email: _Text | None = None


class QuickConsignee(QuickParty, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    id_number: _Text | None = None


class QuickItem(_Plain, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    description: _Text
    hs_code: _Text | None = None
    quantity: _Count | None = None
    net_weight_kg: _Weight | None = None
    value: _Amount | None = None
    currency: _Text | None = None
    origin_country: _Text | None = None


class QuickShipment(_Plain, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    reporter: _Text
    shipment_id: _Text
    reported_at: Any  # read as text, then as the models read it (datetime.fromisoformat)
    mode: Mode
    direction: Direction
    category: Category | None = None
    origin_country: _Text
    departure_country: _Text | None = None
    transit_countries: list[_Text] | None = None
    destination_country: _Text
    departure_date: date | None = None
    arrival_date: date | None = None
    carrier: _Text | None = None
    conveyance_ref: _Text | None = None
    master_ref: _Text | None = None
    shipper: QuickParty
    consignee: QuickConsignee
    pieces: _Pieces | None = None
    gross_weight_kg: _Weight
    declared_value: _Amount | None = None
    currency: _Text | None = None
    payment_method: Payment | None = None
    items: Annotated[list[QuickItem], Meta(min_length=1)]


_DECODER = msgspec.json.Decoder(QuickShipment)
_ENCODER = msgspec.json.Encoder()


class NotSure(Exception):
    """The record needs the full check."""


def quick_shipment(body: bytes, *, assume_tz: tzinfo | None) -> tuple[QuickShipment, bytes] | None:
    """The validated record and its canonical JSON, or None when the full check must decide."""
    # JSON carries a NUL inside a string only as the escape \u0000 (a raw one is malformed JSON):
    # a body without that text has no NUL in any value, and its fields need not be searched.
    return _checked(lambda: _DECODER.decode(body), assume_tz, nul_free=b"\\u0000" not in body)


def _checked(read: Callable[[], QuickShipment], assume_tz: tzinfo | None, *, nul_free: bool = False) -> tuple[QuickShipment, bytes] | None:
    try:
        record = read()
        _check_shipment(record, assume_tz, nul_free)
        canonical = _ENCODER.encode(record)
    except (msgspec.MsgspecError, NotSure, ValueError, TypeError, OverflowError):
        return None
    _to_decimals(record)
    return record, canonical


# Numbers in text that the models and a float read as the same value: plain decimals of at most 15
# significant digits (a float keeps 15 exactly), integers without leading zeros.
_PLAIN_DECIMAL = re.compile(r"(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?")
_PLAIN_INTEGER = re.compile(r"0|[1-9]\d{0,11}")


def quick_flat_shipment(data: dict[str, Any], *, assume_tz: tzinfo | None) -> tuple[QuickShipment, bytes] | None:
    """`quick_shipment` for a record read from the flat form, every value a string (the reader
    has already folded its rows into shipper, consignee and items)."""
    return _checked(lambda: msgspec.convert(_plain_numbers(data), QuickShipment), assume_tz)


def _plain_numbers(data: dict[str, Any]) -> dict[str, Any]:
    """The record with its numbers read from text (NotSure for any not plainly written)."""
    fields = _numbers_read(data, ("gross_weight_kg", "declared_value"), "pieces")
    if "transit_countries" in fields:
        fields["transit_countries"] = _country_list(fields["transit_countries"])
    items = fields.get("items")
    if isinstance(items, list):
        fields["items"] = [_numbers_read(item, ("net_weight_kg", "value"), "quantity") for item in items]
    return fields


def _numbers_read(values: Any, decimals: tuple[str, ...], integer: str) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise NotSure
    fields = dict(values)
    for name in decimals:
        if name in fields:
            fields[name] = _plain_decimal(fields[name])
    if integer in fields:
        fields[integer] = _plain_integer(fields[integer])
    return fields


def _plain_decimal(value: Any) -> float:
    if not isinstance(value, str) or not _PLAIN_DECIMAL.fullmatch(value) or len(value.replace(".", "").lstrip("0")) > 15:
        raise NotSure
    return float(value)


def _plain_integer(value: Any) -> int:
    if not isinstance(value, str) or not _PLAIN_INTEGER.fullmatch(value):
        raise NotSure
    return int(value)


def _check_shipment(record: QuickShipment, assume_tz: tzinfo | None, nul_free: bool = False) -> None:
    """The models' rules. `nul_free`: no value holds a NUL (known from the JSON text), so the
    optional texts need no search for one."""
    known = countries()
    record.reporter = _required(record.reporter)
    record.shipment_id = _required(record.shipment_id)
    record.reported_at = _moment(record.reported_at, assume_tz)
    # A code already written as the models store it (the usual case) is kept as it is.
    if (code := record.origin_country) not in known:
        record.origin_country = _country(code, known)
    if (code := record.destination_country) not in known:
        record.destination_country = _country(code, known)
    if (code := record.departure_country) is not None and code not in known:
        record.departure_country = _country(code, known)
    if record.transit_countries is not None:
        record.transit_countries = [_country(code, known) for code in record.transit_countries]
    if not nul_free:
        for value in (record.carrier, record.conveyance_ref, record.master_ref, record.consignee.id_number):
            _optional(value)
    _party(record.shipper, known, nul_free)
    _party(record.consignee, known, nul_free)
    record.gross_weight_kg = _number(record.gross_weight_kg)
    if record.declared_value is not None:
        if record.currency is None:  # the models' rule: a value needs its currency
            raise NotSure
        record.declared_value = _number(record.declared_value)
    if record.currency is not None:
        record.currency = _currency(record.currency)
    for item in record.items:
        item.description = _required(item.description)
        if item.hs_code is not None:
            item.hs_code = _hs_code(item.hs_code)
        if item.net_weight_kg is not None:
            item.net_weight_kg = _number(item.net_weight_kg)
        if item.value is not None:
            item.value = _number(item.value)
        if item.currency is not None:
            item.currency = _currency(item.currency)
        if (code := item.origin_country) is not None and code not in known:
            item.origin_country = _country(code, known)


def _party(party: QuickParty, known: frozenset[str], nul_free: bool = False) -> None:
    party.name = _required(party.name)
    if (code := party.country) not in known:
        party.country = _country(code, known)
    if not nul_free:
        for value in (party.street, party.city, party.postcode, party.phone, party.email):
            _optional(value)


def _required(value: str) -> str:
    if "\x00" in value or not value.strip():
        raise NotSure
    return value


def _optional(value: str | None) -> None:
    if value is not None and "\x00" in value:
        raise NotSure


def _country(value: str, known: frozenset[str]) -> str:
    code = value.strip().upper()
    if code not in known:
        raise NotSure
    return code


def _currency(value: str) -> str:
    code = value.strip().upper()
    if code not in currency_digits():
        raise NotSure
    return code


def _hs_code(value: str) -> str:
    digits = value.replace(".", "").replace(" ", "")
    if not (digits.isascii() and digits.isdigit() and 4 <= len(digits) <= 10):
        raise NotSure
    return digits


def _moment(value: Any, assume_tz: tzinfo | None) -> datetime:
    if not isinstance(value, str):
        raise NotSure
    moment = datetime.fromisoformat(value.strip())  # what the models' validator calls
    if moment.tzinfo is None:
        if assume_tz is None:
            raise NotSure
        moment = moment.replace(tzinfo=assume_tz)
    offset = moment.utcoffset()
    if offset is None or offset.microseconds or offset.seconds % 60:
        raise NotSure  # offsets in seconds: rare enough to leave to the models' serialiser
    return moment


def _number(value: float | int) -> float | int:
    """The models read a JSON number into a Decimal through its float and write it back as an int
    when whole (`schemas._number`): the same value here, kept as a float until `_to_decimals`."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _decimal(value: float | int) -> Decimal:
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def _to_decimals(record: QuickShipment) -> None:
    """After the canonical JSON is written: amounts as Decimals, as the models hold them."""
    record.gross_weight_kg = _decimal(record.gross_weight_kg)
    if record.declared_value is not None:
        record.declared_value = _decimal(record.declared_value)
    for item in record.items:
        if item.net_weight_kg is not None:
            item.net_weight_kg = _decimal(item.net_weight_kg)
        if item.value is not None:
            item.value = _decimal(item.value)
