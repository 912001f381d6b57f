"""What an investigator records about a seized, found or surrendered firearm, its ammunition and its
parts: the schemas the store persists and the exchange format carries (not database tables).

Derived fields (`serial_normalised`, `calibre_canonical`, an unstated `serial_status` or `alphabet`)
are always recomputed from what was read, so a record can never carry a stale or forged one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from interdict.errors import InvalidInput, Problem
from interdict.firearms.calibres import normalise_calibre
from interdict.firearms.serials import (
    SerialStatus,
    apply_mask,
    infer_serial_status,
    is_partial,
    known_characters,
    normalise_serial,
)

__all__ = [
    "Alphabet",
    "Ammunition",
    "CountryCode",
    "Firearm",
    "FirearmCategory",
    "FirearmPart",
    "ImportMarking",
    "Markings",
    "PartKind",
    "PartType",
    "PhotoReference",
    "Recovery",
    "SerialStatus",
    "alphabet_of",
    "problems_from",
    "read_ammunition",
    "read_firearm",
    "read_model",
    "read_part",
]


def _upper_stripped(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


CountryCode = Annotated[str, BeforeValidator(_upper_stripped), Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
Year = Annotated[int, Field(ge=1800, le=2100)]


class FirearmCategory(StrEnum):
    """The firearm categories of records.md §2 (parts, components and ammunition are their own records)."""

    pistol = "pistol"
    revolver = "revolver"
    rifle = "rifle"
    carbine = "carbine"
    shotgun = "shotgun"
    submachine_gun = "submachine_gun"
    assault_rifle = "assault_rifle"
    machine_gun = "machine_gun"
    other_firearm = "other_firearm"
    converted_or_convertible_weapon = "converted_or_convertible_weapon"  # blank-firing, alarm, gas


class PartKind(StrEnum):
    """records.md §2 keeps parts and components apart."""

    firearm_part = "firearm_part"
    firearm_component = "firearm_component"


class PartType(StrEnum):
    """What the part is; the first five are the essential parts of the UN Firearms Protocol (art. 3)."""

    barrel = "barrel"
    frame_or_receiver = "frame_or_receiver"
    slide_or_cylinder = "slide_or_cylinder"
    bolt_or_breech_block = "bolt_or_breech_block"
    silencer = "silencer"
    trigger_mechanism = "trigger_mechanism"
    magazine = "magazine"
    conversion_kit = "conversion_kit"
    other = "other"


class Recovery(StrEnum):
    """How the item came into the authorities' hands: the three columns of UNODC's questionnaire."""

    seized = "seized"
    found = "found"
    surrendered = "surrendered"


class Alphabet(StrEnum):
    latin = "latin"
    cyrillic = "cyrillic"
    greek = "greek"
    arabic = "arabic"
    mixed = "mixed"
    other = "other"


def alphabet_of(text: str | None) -> Alphabet | None:
    """The script the letters of `text` are written in; None when it has no letters."""
    scripts = set()
    for character in text or "":
        if character.isalpha():
            script = unicodedata.name(character, "OTHER").split(" ")[0]
            scripts.add(script if script in {"LATIN", "CYRILLIC", "GREEK", "ARABIC"} else "OTHER")
    if not scripts:
        return None
    if len(scripts) > 1:
        return Alphabet.mixed
    return Alphabet(scripts.pop().lower())


class _Record(BaseModel):
    # Typos in field names are errors here, not silently carried: national additions go in `extensions`.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ImportMarking(_Record):
    country: CountryCode | None = None
    year: Year | None = None


class Markings(_Record):
    """Everything stamped or engraved on the firearm other than the serial."""

    manufacturer: str | None = None
    country_of_manufacture: CountryCode | None = None
    year_of_manufacture: Year | None = None
    import_marking: ImportMarking | None = None
    state_stock_marking: str | None = Field(default=None, description="e.g. a state crest or army property mark")
    proof_marks: list[str] = Field(default_factory=list)
    other_text: str | None = None
    alphabet: Alphabet | None = Field(default=None, description="script of the markings; detected when omitted")

    @model_validator(mode="after")
    def _detect_alphabet(self) -> Markings:
        if self.alphabet is None:
            texts = [self.manufacturer, self.state_stock_marking, self.other_text, *self.proof_marks]
            self.alphabet = alphabet_of(" ".join(t for t in texts if t))
        return self


class PhotoReference(_Record):
    """Where a photograph of the item is kept (evidence store key or URI), never the image itself."""

    reference: str = Field(min_length=1)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    caption: str | None = None
    taken_at: datetime | None = None


class _Recovered(_Record):
    recovery: Recovery = Recovery.seized
    recovered_on: date | None = None
    country_of_recovery: CountryCode | None = None
    seizure_reference: str | None = Field(default=None, description="the seizure report this item belongs to")
    photos: list[PhotoReference] = Field(default_factory=list)
    notes: str | None = None
    extensions: dict[str, Any] = Field(default_factory=dict, description="national additions, carried unchanged")


class _Serialised(_Recovered):
    serial: str | None = Field(default=None, description="as read, with ? for an unreadable character and * for an unreadable run")
    serial_mask: str | None = Field(default=None, description="same length as serial, ? at each unreadable position")
    serial_status: SerialStatus | None = None
    serial_normalised: str = ""
    calibre: str | None = None
    calibre_canonical: str | None = None

    @model_validator(mode="after")
    def _derive(self) -> _Serialised:
        if self.serial_mask is not None and self.serial is not None:
            self.serial_normalised = apply_mask(serial=self.serial, mask=self.serial_mask)
        else:
            self.serial_normalised = normalise_serial(self.serial)
        self.calibre_canonical = normalise_calibre(self.calibre)
        inferred = infer_serial_status(self.serial_normalised)
        if self.serial_status is None:
            self.serial_status = inferred
        elif self.serial_status == SerialStatus.intact and is_partial(self.serial_normalised):
            raise ValueError("serial_status is 'intact' but the serial has unreadable positions: use 'partial'")
        elif self.serial_status == SerialStatus.none and known_characters(self.serial_normalised):
            raise ValueError("serial_status is 'none' but a serial was read: use 'intact' or 'partial'")
        return self

    @property
    def serial_as_compared(self) -> str | None:
        """What matching compares: the serial as read (so both readings of Cyrillic letters count),
        or the masked form when a mask marked unreadable positions."""
        return self.serial_normalised if self.serial_mask is not None else self.serial


class Firearm(_Serialised):
    """One firearm, identified by category, make, model, calibre, serial and markings."""

    firearm_id: str = Field(min_length=1)
    category: FirearmCategory
    make: str | None = None
    model: str | None = None
    markings: Markings = Field(default_factory=Markings)


class Ammunition(_Recovered):
    """A lot of cartridges of one calibre and headstamp."""

    ammunition_id: str = Field(min_length=1)
    calibre: str | None = None
    calibre_canonical: str | None = None
    headstamp: str | None = Field(default=None, description="the marking on the cartridge base, as read")
    lot: str | None = None
    quantity: int = Field(ge=1, description="number of rounds")

    @model_validator(mode="after")
    def _derive(self) -> Ammunition:
        self.calibre_canonical = normalise_calibre(self.calibre)
        return self


class FirearmPart(_Serialised):
    """A part or component recorded on its own (frames and slides carry serials too)."""

    part_id: str = Field(min_length=1)
    kind: PartKind
    part_type: PartType = PartType.other
    description: str | None = None
    make: str | None = None
    model: str | None = None
    quantity: int = Field(default=1, ge=1)

    @property
    def essential(self) -> bool:
        return self.part_type in {
            PartType.barrel,
            PartType.frame_or_receiver,
            PartType.slide_or_cylinder,
            PartType.bolt_or_breech_block,
            PartType.silencer,
        }


_Model = TypeVar("_Model", bound=BaseModel)


def problems_from(error: ValidationError, *, what: str) -> list[Problem]:
    """Pydantic's complaints as the `Problem`s a user can act on (field, rule, value, message)."""
    return [
        Problem(
            field=".".join(str(part) for part in issue["loc"]) or what,
            rule=issue["type"],
            value=issue.get("input"),
            message=issue["msg"],
        )
        for issue in error.errors(include_url=False)
    ]


def read_model(model: type[_Model], data: Mapping[str, Any], *, what: str, title: str | None = None,
               hint: str = "Correct the fields named and submit again.") -> _Model:
    """`data` validated as `model`, or InvalidInput naming each field, rule and value (`what` names
    the record in the problems; `title` is the message, by default "The <what> record is not valid.")."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        raise InvalidInput(title or f"The {what} record is not valid.", problems=problems_from(error, what=what), hint=hint) from None


def read_firearm(data: Mapping[str, Any]) -> Firearm:
    """A `Firearm` from a plain record, or InvalidInput naming each field that is wrong."""
    return read_model(Firearm, data, what="firearm")


def read_ammunition(data: Mapping[str, Any]) -> Ammunition:
    return read_model(Ammunition, data, what="ammunition")


def read_part(data: Mapping[str, Any]) -> FirearmPart:
    return read_model(FirearmPart, data, what="part")
