"""The records of records.md as Pydantic models: what a partner may send, field by field.

Validation is exactly the contract: required fields, enums, ISO codes, non-negative weights and
values, offsets on timestamps (or `--assume-tz`), and anything unknown kept as extra attributes.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from interdict.ingest.reference import countries, currency_digits


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("no_nul", "must not contain NUL characters")
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("non_empty", "must not be empty")
    return value


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in countries():
        raise PydanticCustomError("iso3166_alpha2", "unknown ISO 3166-1 alpha-2 country code")
    return code


def _currency(value: str) -> str:
    code = value.strip().upper()
    if code not in currency_digits():
        raise PydanticCustomError("iso4217", "unknown ISO 4217 currency code")
    return code


def _hs_code(value: str) -> str:
    digits = value.replace(".", "").replace(" ", "")
    if not (digits.isascii() and digits.isdigit() and 4 <= len(digits) <= 10):
        raise PydanticCustomError("hs_code", "must be 4 to 10 digits")
    return digits


def _country_list(value: Any) -> Any:
    if isinstance(value, str):  # the CSV form, also tolerated in JSON
        return [part for part in value.split("|") if part.strip()]
    return value


def _aware(value: Any, info: ValidationInfo) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("iso8601", "must be an ISO 8601 date and time") from None
    else:
        raise PydanticCustomError("iso8601", "must be an ISO 8601 date and time as a string")
    if moment.tzinfo is None:
        assumed: tzinfo | None = (info.context or {}).get("assume_tz")
        if assumed is None:
            raise PydanticCustomError(
                "utc_offset", "has no UTC offset (add one, e.g. +01:00, or ingest with --assume-tz)"
            )
        moment = moment.replace(tzinfo=assumed)
    return moment


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Str = Annotated[str, AfterValidator(_no_nul)]
Required = Annotated[str, AfterValidator(_no_nul), AfterValidator(_non_empty)]
Country = Annotated[str, AfterValidator(_country)]
Currency = Annotated[str, AfterValidator(_currency)]
HsCode = Annotated[str, AfterValidator(_hs_code)]
Moment = Annotated[datetime, BeforeValidator(_aware)]
Amount = Annotated[
    Decimal, Field(ge=0, le=Decimal("1e13"), allow_inf_nan=False), PlainSerializer(_number, when_used="json")
]
Weight = Annotated[
    Decimal, Field(ge=0, le=Decimal("1e9"), allow_inf_nan=False), PlainSerializer(_number, when_used="json")
]
Count = Annotated[int, Field(ge=0, le=10**12)]


def _blank_is_absent(value: Any) -> Any:
    """An optional field sent as "" (as a CSV cell would be) is absent, not an invalid value."""
    return None if isinstance(value, str) and not value.strip() else value


# An optional code, number or date sent as "" in JSON is absent, as the same empty cell is in CSV:
# one record gets one verdict whichever format carries it.
Blank = BeforeValidator(_blank_is_absent)


class Record(BaseModel):
    """Unknown fields are kept as extra attributes, never dropped (records.md)."""

    model_config = ConfigDict(extra="allow", str_max_length=1_000_000, hide_input_in_errors=False)

    @property
    def extras(self) -> dict[str, Any] | None:
        return dict(self.model_extra) if self.model_extra else None


class Party(Record):
    name: Required
    street: Str | None = None
    city: Str | None = None
    postcode: Str | None = None
    country: Country
    phone: Str | None = None
    email: Str | None = None


class Consignee(Party):
    id_number: Str | None = None


class Item(Record):
    description: Required
    hs_code: Annotated[HsCode | None, Blank] = None
    quantity: Annotated[Count | None, Blank] = None
    net_weight_kg: Annotated[Weight | None, Blank] = None
    value: Annotated[Amount | None, Blank] = None
    currency: Annotated[Currency | None, Blank] = None
    origin_country: Annotated[Country | None, Blank] = None


Mode = Literal["postal", "express", "air_cargo", "sea", "road"]
Direction = Literal["import", "export", "transit"]
Category = Literal["gift", "documents", "commercial_sample", "returned_goods", "sale_of_goods", "other"]
Payment = Literal["prepaid", "card", "cash_on_delivery", "account", "other"]


class ShipmentRecord(Record):
    """records.md §1: advance electronic data about one item, parcel, air waybill or container."""

    reporter: Required
    shipment_id: Required
    reported_at: Moment
    mode: Mode
    direction: Direction
    category: Annotated[Category | None, Blank] = None
    origin_country: Country
    departure_country: Annotated[Country | None, Blank] = None
    transit_countries: Annotated[Annotated[list[Country], BeforeValidator(_country_list)] | None, Blank] = None
    destination_country: Country
    departure_date: Annotated[date | None, Blank] = None
    arrival_date: Annotated[date | None, Blank] = None
    carrier: Str | None = None
    conveyance_ref: Str | None = None
    master_ref: Str | None = None
    shipper: Party
    consignee: Consignee
    pieces: Annotated[Annotated[int, Field(ge=1, le=10**9)] | None, Blank] = None
    gross_weight_kg: Weight
    declared_value: Annotated[Amount | None, Blank] = None
    currency: Annotated[Currency | None, Blank] = None
    payment_method: Annotated[Payment | None, Blank] = None
    items: Annotated[list[Item], Field(min_length=1)]

    @model_validator(mode="after")
    def _currency_with_value(self) -> ShipmentRecord:
        if self.declared_value is not None and self.currency is None:
            raise PydanticCustomError(
                "currency_required", "currency is required when declared_value is given"
            )
        return self


Method = Literal["xray", "physical", "documentary", "canine", "other"]
Result = Literal["no_finding", "seizure", "irregularity"]
FindingCategory = Literal[
    "pistol", "revolver", "rifle", "carbine", "shotgun", "submachine_gun", "assault_rifle",
    "machine_gun", "other_firearm", "firearm_part", "firearm_component", "ammunition",
    "converted_or_convertible_weapon", "explosive", "drugs", "cash", "other",
]  # fmt: skip


class Finding(Record):
    category: FindingCategory
    description: Str | None = None
    quantity: Count | None = None


class OutcomeRecord(Record):
    """records.md §2: what an officer found."""

    reporter: Required
    shipment_id: Required
    inspected_at: Moment
    method: Method
    result: Result
    findings: list[Finding] | None = None
    office: Str | None = None

    @model_validator(mode="after")
    def _findings_for_seizure(self) -> OutcomeRecord:
        if self.result == "seizure" and not self.findings:
            raise PydanticCustomError("findings_required", "findings are required when result is seizure")
        return self


class WatchlistRecord(Record):
    """records.md §3: one entry of a national or international watchlist. Its optional country and
    dates given as "" are absent: a listed phone without a country is still a listed phone."""

    list_id: Required
    entry_id: Required
    kind: Literal["person", "organisation", "address", "phone", "email"]
    name: Required
    aliases: Annotated[list[Required], BeforeValidator(_country_list)] | None = None
    birth_date: Annotated[date | None, Blank] = None
    country: Annotated[Country | None, Blank] = None
    street: Str | None = None
    city: Str | None = None
    postcode: Str | None = None
    reason: Str | None = None
    valid_until: Annotated[date | None, Blank] = None


RECORD_TYPES: dict[str, type[Record]] = {
    "shipments": ShipmentRecord,
    "outcomes": OutcomeRecord,
    "watchlist": WatchlistRecord,
}
