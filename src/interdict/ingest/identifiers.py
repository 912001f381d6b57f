"""Check digits of the shipment identifier forms the region's reporters use.

Ingest flags (never rejects) an identifier whose check digit is wrong: a forged or hand-typed label
is a risk signal. The constructors are what the traffic generator uses to build valid identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from interdict.errors import InvalidInput, Problem

IdentifierKind = Literal["s10", "awb", "iso6346", "other"]


@dataclass(frozen=True, slots=True)
class IdentifierCheck:
    """What form a shipment identifier has and whether its check digit is right (None: no check)."""

    kind: IdentifierKind
    valid: bool | None


# Classification runs once per shipment at ingest (millions a day), so the patterns are compiled
# once and the results are shared constants rather than new objects.
_S10 = re.compile(r"([A-Z]{2})(\d{8})(\d)([A-Z]{2})")
_AWB = re.compile(r"(\d{3})[- ]?(\d{7})(\d)")
_ISO6346 = re.compile(r"([A-Z]{3}[UJZ])(\d{6})(\d)")

_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_ISO6346_LETTERS = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:  # ISO 6346 skips 11, 22 and 33 so no letter collides with a check digit
        _value += 1
    _ISO6346_LETTERS[_letter] = _value
    _value += 1
del _letter, _value

_RESULTS = {
    (kind, valid): IdentifierCheck(kind, valid)
    for kind in ("s10", "awb", "iso6346")
    for valid in (True, False)
}
_OTHER = IdentifierCheck("other", None)


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of an 8-digit serial number."""
    total = sum(int(digit) * weight for digit, weight in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 10:
        return 0
    if check == 11:
        return 5
    return check


def awb_check_digit(serial: str) -> int:
    """IATA air waybill check digit of the 7-digit serial (the prefix does not count)."""
    return int(serial) % 7


def iso6346_check_digit(code: str) -> int:
    """ISO 6346 check digit of the first ten characters (owner, category, 6-digit serial)."""
    total = 0
    for position, char in enumerate(code):
        value = _ISO6346_LETTERS[char] if char.isalpha() else int(char)
        total += value << position
    return total % 11 % 10


def classify_identifier(shipment_id: str, *, mode: str | None = None) -> IdentifierCheck:
    """Which known form `shipment_id` has, and whether its check digit is right.

    Surrounding spaces and lower case are tolerated; anything else unknown is kind "other". Eleven
    bare digits are an air waybill only in air cargo (or when the mode is not known): couriers
    number parcels with plain eleven-digit serials that have no AWB check digit to fail.
    """
    text = shipment_id.strip().upper()
    length = len(text)
    if length == 13:
        match = _S10.fullmatch(text)
        if match:
            return _RESULTS["s10", s10_check_digit(match[2]) == int(match[3])]
    if 11 <= length <= 12:
        match = _AWB.fullmatch(text)
        if match and (mode in (None, "air_cargo") or not text.isdigit()):
            return _RESULTS["awb", int(match[2]) % 7 == int(match[3])]
        if length == 11:
            match = _ISO6346.fullmatch(text)
            if match:
                return _RESULTS["iso6346", iso6346_check_digit(text[:10]) == int(match[3])]
    return _OTHER


def s10_id(*, service: str, serial: int, country: str) -> str:
    """A valid UPU S10 item id: `s10_id(service="RR", serial=12345678, country="MK")` -> RR123456785MK."""
    problems = []
    if not (len(service) == 2 and service.isascii() and service.isalpha()):
        problems.append(Problem("service", "two_letters", service, "the service indicator is two letters"))
    if not (len(country) == 2 and country.isascii() and country.isalpha()):
        problems.append(Problem("country", "alpha2", country, "the country is an ISO 3166 alpha-2 code"))
    if not 0 <= serial <= 99_999_999:
        problems.append(Problem("serial", "eight_digits", serial, "the serial number has at most 8 digits"))
    if problems:
        raise InvalidInput("cannot build an S10 item id", problems=problems)
    digits = f"{serial:08d}"
    return f"{service.upper()}{digits}{s10_check_digit(digits)}{country.upper()}"


def awb_id(*, prefix: str, serial: int) -> str:
    """A valid air waybill number: `awb_id(prefix="157", serial=1234567)` -> 157-12345675."""
    problems = []
    if not (len(prefix) == 3 and prefix.isdigit()):
        problems.append(Problem("prefix", "three_digits", prefix, "the airline prefix is three digits"))
    if not 0 <= serial <= 9_999_999:
        problems.append(Problem("serial", "seven_digits", serial, "the serial number has at most 7 digits"))
    if problems:
        raise InvalidInput("cannot build an air waybill number", problems=problems)
    return f"{prefix}-{serial:07d}{serial % 7}"


def container_id(*, owner: str, serial: int, category: str = "U") -> str:
    """A valid ISO 6346 container number: `container_id(owner="CSQ", serial=305438)` -> CSQU3054383."""
    problems = []
    if not (len(owner) == 3 and owner.isascii() and owner.isalpha()):
        problems.append(Problem("owner", "three_letters", owner, "the owner code is three letters"))
    if category.upper() not in ("U", "J", "Z"):
        problems.append(Problem("category", "one_of", category, "the category is U, J or Z"))
    if not 0 <= serial <= 999_999:
        problems.append(Problem("serial", "six_digits", serial, "the serial number has at most 6 digits"))
    if problems:
        raise InvalidInput("cannot build a container number", problems=problems)
    code = f"{owner.upper()}{category.upper()}{serial:06d}"
    return f"{code}{iso6346_check_digit(code)}"
