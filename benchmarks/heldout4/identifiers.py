"""Each reporter's own identifiers: UPU S10 item ids (check digit), IATA air waybills (mod 7),
ISO 6346 container numbers, courier tracking numbers, van-operator and CMR references."""

from __future__ import annotations

import random
import string

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10(rng: random.Random, service: str, country: str) -> str:
    serial = "".join(rng.choice(string.digits) for _ in range(8))
    total = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{service}{serial}{check}{country}"


def awb(rng: random.Random, prefix: str) -> str:
    serial = rng.randint(1000000, 9999999)
    return f"{prefix}-{serial}{serial % 7}"


def container(rng: random.Random, owner: str) -> str:
    code = owner + "U" + "".join(rng.choice(string.digits) for _ in range(6))
    values = {}
    v = 10
    for letter in string.ascii_uppercase:
        if v % 11 == 0:
            v += 1
        values[letter] = v
        v += 1
    total = sum((values[c] if c.isalpha() else int(c)) * 2 ** i for i, c in enumerate(code))
    return code + str(total % 11 % 10)


EXCHANGE_OFFICES = {"CN": ["SZX", "PEK", "SHA", "CAN"], "DE": ["FRA", "MUC", "NUE"], "AT": ["VIE"],
                    "CH": ["ZRH", "BSL"],
                    "RS": ["BEG"], "MK": ["SKP"], "BA": ["SJJ", "BNX"], "AL": ["TIA"], "ME": ["TGD"], "BE": ["LGG"],
                    "NL": ["AMS"], "HU": ["BUD"], "SE": ["MMX", "ARN"], "US": ["JFK", "ORD"], "TR": ["IST"]}


def receptacle(rng: random.Random, origin: str, destination: str, day, service: str) -> str:
    """A UPU receptacle identifier (29 characters): offices of exchange, category, subclass, year digit,
    dispatch number, receptacle serial, last-receptacle and registered flags, weight in hectograms."""
    office = lambda c: c + rng.choice(EXCHANGE_OFFICES.get(c, ["AAA"])) + "A"  # noqa: E731
    subclass = {"letter": "UN", "ecom": "UX", "parcel": "CN", "ems": "EN"}.get(service, "CN")
    return (f"{office(origin)}{office(destination)}A{subclass}{day.year % 10}{rng.randint(1, 9999):04d}"
            f"{rng.randint(1, 60):03d}{rng.choice('01')}{rng.choice('01')}{rng.randint(5, 300):04d}")


# courier and operator references: # is a digit, @ a capital letter, {st} the station's airport
TRACKING = {"bp": "BP#########RS", "num11": "###########", "ep": "EP-####-######", "num10": "##########",
            "al": "SH########", "gx": "GX##########", "tr": "AK###@########", "hawb": "{st}H#######",
            "kombi": "KMB-######", "cmr": "CMR##/######"}


def tracking(rng: random.Random, family: str, station: str | None) -> str:
    template = TRACKING[family].replace("{st}", station or "XX")
    return "".join(rng.choice(string.digits) if c == "#" else rng.choice(string.ascii_uppercase) if c == "@" else c
                   for c in template)
