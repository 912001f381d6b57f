"""Phone numbers in E.164 ("+38970123456"), whatever way a shipper or a courier's form wrote them.

National forms ("070 123 456") need the country the number belongs to; "00389 …", "+389 (0)70 …"
and numbers with a country code but no "+" are recognised. The region's prefixes and number
lengths are in `data/phone_prefixes.csv`. Plain string work: it runs on every party at ingest.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class _Country:
    calling_code: str
    trunk_prefix: str
    min_digits: int
    max_digits: int


def _load() -> tuple[dict[str, _Country], dict[str, list[_Country]]]:
    by_country: dict[str, _Country] = {}
    by_code: dict[str, list[_Country]] = {}
    with open(Path(__file__).parent / "data" / "phone_prefixes.csv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            plan = _Country(row["calling_code"], row["trunk_prefix"], int(row["min_digits"]), int(row["max_digits"]))
            by_country[row["country"].upper()] = plan
            by_code.setdefault(plan.calling_code, []).append(plan)
    return by_country, by_code


_BY_COUNTRY, _BY_CODE = _load()
# "Tel.: ", "mob: ", "GSM ", "тел. " before the number: a label, not part of it.
_LABEL = re.compile(r"(?i)^\s*(?:tel|telefon|telephone|phone|ph|mob|mobile|mobil|cell|gsm|fax|t|m|тел|телефон|моб|мобилен)"
                    r"\b\.?\s*[:.\-]?\s*")
# Two numbers in one field ("064 123 4567; 011 222 333", "+381 64 … / +381 11 …"): the first is read.
_SECOND_NUMBER = re.compile(r"\s*(?:[;,]|\s/\s|\sili\s|\sor\s|\sили\s).*$", re.IGNORECASE)
_EXTENSION = re.compile(r"(?i)\s*(?:ext\.?|extension|x|вн\.?|lok\.?|лок\.?)\s*\d{1,5}\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_DIGIT = re.compile(r"[^0-9]")
_TRUNK_IN_BRACKETS = re.compile(r"\(\s*0\s*\)")


def _international(digits: str) -> str | None:
    """'38970123456' -> '+38970123456'; None when no numbering plan accepts it."""
    for length in (1, 2, 3):
        plans = _BY_CODE.get(digits[:length])
        if not plans:
            continue
        national = digits[length:]
        for plan in plans:
            # "+389 070 …": the trunk 0 written after the country code is not part of the number.
            candidate = national
            if plan.trunk_prefix == "0" and candidate.startswith("0"):
                candidate = candidate[1:]
            if plan.min_digits <= len(candidate) <= plan.max_digits:
                return "+" + plan.calling_code + candidate
        return None
    # A country outside the table: trust E.164's own limits.
    return "+" + digits if 8 <= len(digits) <= 15 and digits[0] != "0" else None


def _number_text(raw: str) -> str | None:
    """The number's own text: no label, second number, extension or "(0)"; None when letters
    are left. (Every pattern applied to every phone gives the same: tests/text.)"""
    text = raw.strip()
    if _LETTER.search(text):
        text = _EXTENSION.sub("", _SECOND_NUMBER.sub("", _LABEL.sub("", text)))
        if _LETTER.search(text):
            return None
    elif ";" in text or "," in text or "/" in text:
        # A label and an extension are written with letters: a number without any has neither,
        # and only a second number's separators without letters (";", ",", " / ") can follow it.
        text = _SECOND_NUMBER.sub("", text)
    if not text:
        return None
    return _TRUNK_IN_BRACKETS.sub("", text) if "(" in text else text


@lru_cache(maxsize=1 << 16)
def normalise_phone(raw: str | None, *, country: str | None = None) -> str | None:
    """E.164 form of a phone number, or None when `raw` cannot be one.

    '070 123 456' with country 'MK' -> '+38970123456'; '00381 64 123 4567' -> '+381641234567'.
    A national form without `country` is None: the same digits are different phones in different
    countries.
    """
    if not raw:
        return None
    text = _number_text(raw)
    if text is None:
        return None
    digits = _NOT_DIGIT.sub("", text)
    if len(digits) < 6:
        return None
    if text.startswith("+"):
        return _international(digits)
    if digits.startswith("00"):
        return _international(digits[2:])
    plan = _BY_COUNTRY.get(country.upper()) if country else None
    if plan is None:
        return None
    national = digits
    if plan.trunk_prefix and national.startswith(plan.trunk_prefix):
        national = national[len(plan.trunk_prefix) :]
    if plan.min_digits <= len(national) <= plan.max_digits:
        return "+" + plan.calling_code + national
    # A "0" written before a number of a country that dials none (Greece, Poland: "069…").
    if not plan.trunk_prefix and national.startswith("0") and plan.min_digits <= len(national) - 1 <= plan.max_digits:
        return "+" + plan.calling_code + national[1:]
    # Written with the country code but without "+" or "00" (38970123456).
    if digits.startswith(plan.calling_code):
        return _international(digits)
    return None
