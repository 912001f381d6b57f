"""Identifiers as the region's reporters write them, with their check digits: UPU S10 item ids,
air waybills, courier tracking numbers, ISO 6346 containers, UPU receptacle ids, and the personal
numbers a consignee may give (JMBG/EMBG, OIB, EGN, Albanian NID)."""

from __future__ import annotations

import random
import string

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check(serial: str) -> int:
    total = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS))
    check = 11 - total % 11
    return 0 if check == 10 else 5 if check == 11 else check


def s10(rng: random.Random, service: str, country: str, *, valid: bool = True) -> str:
    serial = f"{rng.randrange(10**8):08d}"
    check = s10_check(serial)
    if not valid:
        check = (check + rng.randrange(1, 10)) % 10
    return f"{service}{serial}{check}{country}"


def awb(rng: random.Random, prefix: str, *, valid: bool = True) -> str:
    serial = rng.randrange(10**7)
    check = serial % 7
    if not valid:
        check = (check + rng.randrange(1, 7)) % 7
    return f"{prefix}-{serial:07d}{check}"


def luhn_digit(digits: str) -> int:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return (10 - total % 10) % 10


def mod10_31(digits: str) -> int:
    """The 3-1 weighted modulus 10 of EAN/GS1-style parcel numbers."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def tracking(rng: random.Random, scheme: str, *, valid: bool = True) -> str:
    """A courier's own tracking number; each scheme is one courier's habit."""
    bump = 0 if valid else rng.randrange(1, 10)
    if scheme == "mod7_10":          # 9 digits + mod-7 check, like an integrator's waybill
        body = f"{rng.randrange(10**9):09d}"
        return body + str((int(body) % 7 + bump) % 10)
    if scheme == "luhn_prefixed":    # two letters, 10 digits, Luhn
        body = f"{rng.randrange(10**10):010d}"
        return rng.choice(("BK", "BX", "BR")) + body + str((luhn_digit(body) + bump) % 10)
    if scheme == "gs1_12":           # 11 digits + 3-1 weighted check
        body = f"{rng.randrange(10**11):011d}"
        return body + str((mod10_31(body) + bump) % 10)
    if scheme == "alpha_suffix":     # letters, 9 digits with mod-11 check, country suffix
        body = f"{rng.randrange(10**9):09d}"
        check = sum(int(d) * w for d, w in zip(body, range(10, 1, -1))) % 11 % 10
        return "AX" + body + str((check + bump) % 10) + "AL"
    if scheme == "plain13":          # 12 digits + Luhn
        body = f"{rng.randrange(10**12):012d}"
        return body + str((luhn_digit(body) + bump) % 10)
    if scheme == "locker":           # locker network: LB + 10 digits + 3-1 check
        body = f"{rng.randrange(10**10):010d}"
        return "LB" + body + str((mod10_31(body) + bump) % 10)
    if scheme == "dashed":           # regional courier: 4-6 digit groups, Luhn over all
        body = f"{rng.randrange(10**9):09d}"
        d = str((luhn_digit(body) + bump) % 10)
        return f"{body[:4]}-{body[4:]}{d}"
    raise ValueError(f"unknown tracking scheme {scheme!r}")


ISO6346_VALUES = {}
_v = 10
for _c in string.ascii_uppercase:
    if _v % 11 == 0:
        _v += 1
    ISO6346_VALUES[_c] = _v
    _v += 1


def container(rng: random.Random, owner: str) -> str:
    code = owner + "U" + f"{rng.randrange(10**6):06d}"
    total = sum((ISO6346_VALUES[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(code))
    return code + str(total % 11 % 10)


def receptacle(rng: random.Random, origin_office: str, dest_office: str, year: int, weight_kg: float) -> str:
    """A 29-character UPU receptacle id: offices, category, subclass, year, dispatch, serial, flags, weight."""
    return (origin_office + dest_office + rng.choice("ABC") + rng.choice(("UN", "UR", "CN", "EM")) + str(year % 10)
            + f"{rng.randrange(1, 9999):04d}" + f"{rng.randrange(1, 999):03d}" + rng.choice("01")
            + rng.choice("01") + f"{min(9999, int(weight_kg * 10) + 1):04d}")


def jmbg(rng: random.Random, birth_year: int, region: int) -> str:
    """The Yugoslav 13-digit personal number (still used in RS, BA, ME, MK) with its mod-11 check."""
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    body = f"{d:02d}{m:02d}{birth_year % 1000:03d}{region:02d}{rng.randrange(1000):03d}"
    w = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    k = 11 - sum(int(a) * b for a, b in zip(body, w)) % 11
    return body + str(0 if k > 9 else k)


def oib(rng: random.Random) -> str:
    """Croatian OIB, ISO 7064 MOD 11,10."""
    body = f"{rng.randrange(10**10):010d}"
    a = 10
    for ch in body:
        a = (a + int(ch)) % 10 or 10
        a = a * 2 % 11
    return body + str((11 - a) % 10)


def egn(rng: random.Random, birth_year: int) -> str:
    """Bulgarian EGN: date (month +40 after 2000), serial, weighted mod-11 check."""
    m = rng.randint(1, 12) + (40 if birth_year >= 2000 else 0)
    body = f"{birth_year % 100:02d}{m:02d}{rng.randint(1, 28):02d}{rng.randrange(1000):03d}"
    k = sum(int(a) * b for a, b in zip(body, (2, 4, 8, 5, 10, 9, 7, 3, 6))) % 11
    return body + str(0 if k == 10 else k)


def albanian_nid(rng: random.Random, birth_year: int) -> str:
    letter = "IJKLMN"[min(5, max(0, (birth_year - 1900) // 10 - 5))]
    return letter + f"{rng.randrange(10**8):08d}" + rng.choice("ABCDEFGHIJKLMNOPQRSTUVW")
