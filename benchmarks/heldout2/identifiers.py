"""Shipment identifiers as each kind of reporter issues them, with their check digits.

UPU S10 (posts), IATA air waybill (mod 7), ISO 6346 container numbers, and two courier formats
(a 10-digit number whose last digit is the first nine mod 7, an 11-digit Luhn number). `valid`
says whether an identifier's check digit is right, for the tests and for anyone reading the data.
"""

from __future__ import annotations

import random
import re

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check(serial: str) -> int:
    c = 11 - sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS)) % 11
    return 0 if c == 10 else 5 if c == 11 else c


def s10(service: str, serial: int, country: str) -> str:
    digits = f"{serial:08d}"
    return f"{service}{digits}{s10_check(digits)}{country}"


def awb(prefix: str, serial: int) -> str:
    return f"{prefix}-{serial:07d}{serial % 7}"


_ISO_LETTERS = {}
_v = 10
for _ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _v % 11 == 0:
        _v += 1
    _ISO_LETTERS[_ch] = _v
    _v += 1


def iso6346_check(body: str) -> int:
    total = sum((_ISO_LETTERS[c] if c.isalpha() else int(c)) * 2 ** i for i, c in enumerate(body))
    return total % 11 % 10


def iso6346(owner_u: str, serial: int) -> str:
    body = f"{owner_u}{serial:06d}"
    return f"{body}{iso6346_check(body)}"


def mod7_10(serial: int) -> str:
    return f"{serial:09d}{serial % 7}"


def luhn_digit(body: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn11(serial: int) -> str:
    body = f"{serial:010d}"
    return f"{body}{luhn_digit(body)}"


def spoil(identifier: str, rng: random.Random, position: int) -> str:
    """The same identifier with its check digit (at `position`) replaced by a wrong one."""
    right = identifier[position]
    wrong = rng.choice([d for d in "0123456789" if d != right])
    return identifier[:position] + wrong + identifier[position + 1:]


def check_position(kind: str, identifier: str) -> int | None:
    return {"s10": 10, "awb": len(identifier) - 1, "iso6346": 10, "mod7_10": 9, "luhn11": 10}.get(kind)


def valid(kind: str, identifier: str) -> bool | None:
    """True/False for kinds with a check digit, None for kinds without one."""
    if kind == "s10":
        m = re.fullmatch(r"[A-Z]{2}(\d{8})(\d)[A-Z]{2}", identifier)
        return bool(m) and s10_check(m.group(1)) == int(m.group(2))
    if kind == "awb":
        m = re.fullmatch(r"\d{3}-(\d{7})(\d)", identifier)
        return bool(m) and int(m.group(1)) % 7 == int(m.group(2))
    if kind == "iso6346":
        m = re.fullmatch(r"([A-Z]{3}U\d{6})(\d)", identifier)
        return bool(m) and iso6346_check(m.group(1)) == int(m.group(2))
    if kind == "mod7_10":
        return bool(re.fullmatch(r"\d{10}", identifier)) and int(identifier[:9]) % 7 == int(identifier[9])
    if kind == "luhn11":
        return bool(re.fullmatch(r"\d{11}", identifier)) and luhn_digit(identifier[:10]) == int(identifier[10])
    return None
