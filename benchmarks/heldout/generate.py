"""Held-out regional traffic: a second, independent generator of records.md files with planted
illicit shipments, written only from threats.md and records.md, to measure the red lane's recall
on traffic the risk profiles were not written against.

    python benchmarks/heldout/generate.py --shipments 60000 --days 60 --seed 1 --out DIR [--csv]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon as L  # noqa: E402

REGION = ["RS", "MK", "BA", "ME", "AL", "XK", "HR", "BG", "SI"]
WESTERN_BALKANS = ["RS", "MK", "BA", "ME", "AL", "XK"]
EU_DEST = ["DE", "AT", "NL", "SE", "FR", "BE", "DK", "CH", "IT", "SI", "HR"]
TO_EUR = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17, "CHF": 1.05, "SEK": 0.088, "DKK": 0.134, "TRY": 0.027,
          "CNY": 0.13, "HKD": 0.12, "RSD": 0.0085, "MKD": 0.0163, "BAM": 0.511, "ALL": 0.0105, "BGN": 0.511,
          "PLN": 0.23, "CZK": 0.04, "HUF": 0.0025, "JPY": 0.006, "AED": 0.25, "INR": 0.011, "BRL": 0.17,
          "COP": 0.00023, "UAH": 0.022, "TWD": 0.028}
CURRENCY = {"US": "USD", "GB": "GBP", "CH": "CHF", "SE": "SEK", "DK": "DKK", "TR": "TRY", "CN": "CNY",
            "HK": "HKD", "RS": "RSD", "MK": "MKD", "BA": "BAM", "AL": "ALL", "BG": "BGN", "PL": "PLN",
            "CZ": "CZK", "HU": "HUF", "JP": "JPY", "AE": "AED", "IN": "INR", "BR": "BRL", "CO": "COP",
            "UA": "UAH", "TW": "TWD", "EC": "USD"}
LEGAL_FORM = {"CN": "Co., Ltd", "HK": "Ltd", "DE": "GmbH", "AT": "GmbH", "IT": "S.r.l.", "PL": "Sp. z o.o.",
              "NL": "B.V.", "GB": "Ltd", "US": "LLC", "TR": "Ltd. Şti.", "RS": "d.o.o.", "MK": "ДООЕЛ",
              "BA": "d.o.o.", "ME": "d.o.o.", "AL": "Sh.p.k.", "XK": "L.L.C.", "HR": "d.o.o.", "BG": "ЕООД",
              "CZ": "s.r.o.", "SK": "s.r.o.", "SE": "AB", "CH": "AG", "SI": "d.o.o.", "FR": "SARL",
              "BE": "BV", "DK": "ApS", "GR": "Ι.Κ.Ε.", "AE": "FZE", "IN": "Pvt Ltd", "BR": "Ltda",
              "CO": "S.A.S.", "EC": "S.A.", "JP": "K.K.", "TW": "Co., Ltd", "HU": "Kft.", "UA": "TOV"}
TRADE_WORDS = {
    "CN": ["Trading", "Electronic Technology", "Auto Parts", "Hardware Tools", "Outdoor Products", "E-Commerce"],
    "regional": ["Auto Delovi", "Metal Promet", "Tehno Market", "Agro Komerc", "Euro Trade", "Balkan Impex",
                 "Lovac Sport", "Ribolov Centar", "Tekstil", "Logistik", "Građevinar"],
    "de": ["Autoteile", "Werkzeuge", "Jagd & Outdoor", "Handel", "Versand", "Sportartikel"],
    "en": ["Supply", "Outdoor", "Tactical Sports", "Auto Parts", "Distribution", "Wholesale"],
    "tr": ["Tekstil", "Dış Ticaret", "Otomotiv", "Gıda", "Av Malzemeleri"],
}
CN_SYL = ["Xin", "Hua", "Jin", "Tian", "Hao", "Yu", "Long", "Feng", "Sheng", "Da", "Kang", "Mei", "Rui", "Tai"]
NSN_LENGTH = {"RS": 9, "MK": 8, "BA": 8, "ME": 8, "AL": 9, "XK": 8, "HR": 9, "BG": 9, "SI": 8, "GR": 10,
              "TR": 10, "DE": 11, "AT": 10, "NL": 9, "SE": 9, "CH": 9, "US": 10, "CN": 11}
CYRILLIC_COUNTRIES = {"RS", "MK", "BA", "ME", "BG"}
TZ = {"BG": "+02:00", "GR": "+02:00", "TR": "+03:00"}

# reporter: mode, countries it reports for, identifier scheme
REPORTERS = {
    "POSTA-SRB": ("postal", ["RS"], "s10"), "MKPOST": ("postal", ["MK"], "s10"),
    "BHPOSTA": ("postal", ["BA"], "s10"), "POSTA-CG": ("postal", ["ME"], "s10"),
    "POSTA-SHQ": ("postal", ["AL"], "s10"), "POSTA-KS": ("postal", ["XK"], "s10"),
    "HPOSTA": ("postal", ["HR"], "s10"), "BGPOST": ("postal", ["BG"], "s10"), "POSTA-SI": ("postal", ["SI"], "s10"),
    "EXPRESSCO-BA": ("express", ["BA", "ME"], "exb"), "BALKANEX-RS": ("express", ["RS", "ME"], "d12"),
    "BRZAPRATKA-MK": ("express", ["MK", "XK"], "bp"), "EAGLEX-AL": ("express", ["AL", "XK"], "egx"),
    "NORDHUB-EXPRESS": ("express", REGION, "nh"), "KURIRNET-HR": ("express", ["HR", "SI", "BA"], "d11"),
    "SKYLINK-FWD": ("air_cargo", ["RS", "MK", "AL", "XK"], "awb"),
    "ADRIA-AIRFREIGHT": ("air_cargo", ["HR", "ME", "BA", "SI"], "awb"), "AEROTRANS-BG": ("air_cargo", ["BG", "MK"], "awb"),
    "TIR-BALKAN": ("road", REGION, "road"), "KOMBI-LINIJA": ("road", ["BA", "RS", "MK", "XK", "AL"], "bus"),
    "LUKA-BAR-TERMINAL": ("sea", ["ME", "RS", "BA"], "iso6346"), "DURRES-CT": ("sea", ["AL", "XK", "MK"], "iso6346"),
}
# courier numbering without a check digit: prefix, number range, zero-padded width
COURIER_NUMBERING = {"exb": ("EXB", 0, 10**10 - 1, 10), "d12": ("", 10**11, 10**12 - 1, 12),
                     "d11": ("", 10**10, 10**11 - 1, 11), "bp": ("BP-", 0, 10**8 - 1, 8),
                     "egx": ("EGX", 10**8, 10**9 - 1, 9), "nh": ("NH00", 10**13, 10**14 - 1, 14),
                     "road": ("TB-2026-", 1, 999999, 6)}
AIRLINE_PREFIX = ["235", "157", "176", "020", "057", "074", "607", "081", "131", "618"]
CARRIER = {"postal": ["EMS", "Posta", "ePacket", "Royal Mail Intl"], "express": ["NordHub", "ExpressCo", "Kurir"],
           "air_cargo": ["Turkish Cargo", "Qatar Cargo", "Lufthansa Cargo", "Emirates SkyCargo", "KLM Cargo"],
           "road": ["TIR", "Kombi prevoz"], "sea": ["MSC", "CMA CGM", "Maersk"]}


# --- identifiers ----------------------------------------------------------------------------
def s10_check(digits: str) -> int:
    total = sum(int(d) * w for d, w in zip(digits, [8, 6, 4, 2, 3, 5, 9, 7]))
    check = 11 - total % 11
    return 0 if check == 10 else 5 if check == 11 else check


def iso6346_check(code: str) -> int:
    values, v = {}, 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[letter] = v
        v += 1
    total = sum((values[c] if c.isalpha() else int(c)) * 2 ** i for i, c in enumerate(code))
    return total % 11 % 10


class Ids:
    """Each reporter's own numbering; a small share with a wrong check digit, as in real data."""

    def __init__(self, rng: random.Random):
        self.rng, self.seen = rng, set()

    def make(self, reporter: str, origin: str, home: str, bad: bool) -> str:
        while True:
            sid = self._one(reporter, origin, home, bad)
            if (reporter, sid) not in self.seen:
                self.seen.add((reporter, sid))
                return sid

    def _one(self, reporter, origin, home, bad):
        r, scheme = self.rng, REPORTERS[reporter][2]
        wrong = (lambda c: (c + r.randint(1, 9)) % 10) if bad else (lambda c: c)
        if scheme == "s10":
            digits = "".join(r.choice("0123456789") for _ in range(8))
            service = r.choice(["RR", "RA", "RS", "CP", "CA", "CE", "LX", "LY", "LP", "UA", "UH", "EE", "EA", "LZ"])
            country = origin if origin not in ("XK",) else "KS"
            return f"{service}{digits}{wrong(s10_check(digits))}{country}"
        if scheme == "awb":
            serial = r.randint(1_000_000, 9_999_999)
            return f"{r.choice(AIRLINE_PREFIX)}-{serial}{wrong(serial % 7)}"
        if scheme == "iso6346":
            owner = r.choice(["TGH", "CMA", "MSK", "HLX", "OOL", "ZIM", "TCN", "SEG", "BMO", "FCI"]) + "U"
            code = owner + "".join(r.choice("0123456789") for _ in range(6))
            return f"{code}{wrong(iso6346_check(code))}"
        if scheme in COURIER_NUMBERING:
            prefix, low, high, width = COURIER_NUMBERING[scheme]
            return f"{prefix}{r.randint(low, high):0{width}d}"
        return f"KL/{r.randint(1000, 99999)}/{r.choice('ABCDEFGH')}"


# --- text -----------------------------------------------------------------------------------
def translit(text: str, table) -> str:
    for lat, cyr in table:
        text = text.replace(lat, cyr)
    return text


def ascii_fold(text: str, rng: random.Random) -> str:
    habit = rng.random()
    return "".join((opts[0] if habit < 0.7 else opts[-1]) if (opts := L.ASCII_HABITS.get(c)) else c for c in text)


def typo(text: str, rng: random.Random) -> str:
    if len(text) < 5:
        return text
    i = rng.randint(1, len(text) - 2)
    kind = rng.random()
    if kind < 0.35:
        return text[:i] + text[i + 1:]
    if kind < 0.6:
        return text[:i] + text[i] + text[i:]
    if kind < 0.85:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + rng.choice("aeinorstu") + text[i + 1:]


CYR_LANGS = {"sr": L.SR_LAT_TO_CYR, "me": L.SR_LAT_TO_CYR, "bs": L.SR_LAT_TO_CYR, "mk": L.MK_LAT_TO_CYR,
             "bg": L.BG_LAT_TO_CYR}


class Person:
    def __init__(self, world: "World", country: str, lang: str | None = None, *, company: bool = False):
        r = world.rng
        self.country, self.company = country, company
        self.lang = lang or world.lang_of(country)
        self.first = r.choice(L.FIRST[self.lang if self.lang in L.FIRST else "en"])
        self.last = r.choice(L.LAST[self.lang if self.lang in L.LAST else "en"])
        if self.lang in L.SURNAME_PARTS and r.random() < 0.6:
            roots, endings = L.SURNAME_PARTS[self.lang]
            self.last = r.choice(roots) + r.choice(endings)
        if company:
            self.trade = world.company_name(country, self)
        city, postcode = r.choice(L.PLACES.get(country, [("Capital", "1000")]))
        self.city, self.postcode = city, postcode
        self.street = f"{r.choice(L.STREETS.get(country, L.DEFAULT_STREETS))} {r.randint(1, 180)}"
        if r.random() < 0.2 and country in WESTERN_BALKANS + ["HR", "SI", "BG"]:
            self.street += r.choice(["/3", "/12", " a", ", stan 7", " lok. 2"])
        self.phone_digits = world.mobile(country)
        self.email = world.email(self)
        self.cyrillic = self.lang in CYR_LANGS and r.random() < {"sr": 0.35, "mk": 0.55, "bg": 0.6}.get(self.lang, 0.1)
        self.id_number = (f"{r.randint(10**12, 10**13 - 1)}" if country in ("RS", "MK", "BA", "ME") else None)

    def name(self) -> str:
        if self.company:
            return self.trade
        full = f"{self.first} {self.last}"
        return translit(full, CYR_LANGS[self.lang]) if self.cyrillic else full

    def place(self) -> tuple[str, str]:
        if self.cyrillic and self.country in CYRILLIC_COUNTRIES:
            return translit(self.street, CYR_LANGS[self.lang]), translit(self.city, CYR_LANGS[self.lang])
        return self.street, self.city


class World:
    def __init__(self, seed: int, start: dt.date, days: int):
        self.rng = random.Random(seed)
        self.start, self.days = start, days
        self.ids = Ids(self.rng)
        self.regulars: dict[str, list[Person]] = {}
        self.sellers: dict[str, list[Person]] = {}
        self.lockers: dict[str, list[tuple[str, str, str]]] = {}
        self.bad_id_share = 0.005

    def bad(self, scale: float = 1.0) -> bool:
        """A wrong check digit: a keying error or a new account's home-made numbering."""
        return self.rng.random() < self.bad_id_share * scale

    # people and places
    def lang_of(self, country: str) -> str:
        r = self.rng.random()
        if country == "RS":
            return "sr" if r < 0.9 else ("bs" if r < 0.96 else "sq")
        if country == "BA":
            return "bs" if r < 0.45 else ("sr" if r < 0.8 else "hr")
        if country == "ME":
            return "me" if r < 0.6 else ("sr" if r < 0.85 else ("sq" if r < 0.93 else "bs"))
        if country == "MK":
            return "mk" if r < 0.72 else "sq"
        if country in ("AL", "XK"):
            return "sq" if r < 0.93 else "sr" if country == "XK" else "gr"
        if country in ("HR", "SI"):
            return "hr"
        if country in ("DE", "AT", "CH", "SE", "NL", "DK", "BE"):
            if r < 0.32:  # the diaspora
                return self.rng.choice(["sr", "bs", "sq", "mk", "tr", "hr", "sq", "bs"])
            return {"SE": "sv", "NL": "nl", "BE": "nl", "DK": "sv"}.get(country, "de")
        return {"BG": "bg", "GR": "gr", "TR": "tr"}.get(country, "en")

    def company_name(self, country: str, p: Person) -> str:
        r = self.rng
        form = LEGAL_FORM.get(country, "Ltd")
        if country in ("CN", "HK", "TW"):
            city = r.choice(L.PLACES.get(country, [("Shenzhen", "")]))[0]
            return f"{city} {r.choice(CN_SYL)}{r.choice(CN_SYL).lower()}{r.choice(CN_SYL).lower()} {r.choice(TRADE_WORDS['CN'])} {form}"
        if country in WESTERN_BALKANS + ["HR", "SI", "BG"]:
            base = r.choice([f"{r.choice(TRADE_WORDS['regional'])} {p.last}", f"{p.last.upper()} {r.choice(['Trade', 'Komerc', 'Impex', 'Promet'])}",
                             f"{r.choice(['Alfa', 'Delta', 'Sigma', 'Vektor', 'Nova', 'Ilirija', 'Dardania'])} {p.first} {p.last}"])
            return f"{base} {form}"
        if country in ("DE", "AT", "CH"):
            return f"{p.first[0]}. {p.last} {r.choice(TRADE_WORDS['de'])} {form}"
        if country == "TR":
            return f"{p.last} {r.choice(TRADE_WORDS['tr'])} {form}"
        return f"{p.last} & {r.choice(L.LAST['en'])} {r.choice(TRADE_WORDS['en'])} {form}"

    def mobile(self, country: str) -> str | None:
        if country not in L.PHONE:
            return None
        code, prefixes, _ = L.PHONE[country]
        prefix = self.rng.choice(prefixes)
        length = NSN_LENGTH.get(country, 9)
        return code + prefix + "".join(self.rng.choice("0123456789") for _ in range(length - len(prefix)))

    def email(self, p: Person) -> str:
        r = self.rng
        domain = r.choice(L.MAIL_DOMAINS.get(p.country, ["gmail.com", "outlook.com", "yahoo.com"]))
        local = ascii_fold(f"{p.first}.{p.last}", r).lower().replace(" ", "")
        if r.random() < 0.4:
            local += str(r.randint(1, 99))
        if r.random() < 0.08:
            local, domain = "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(9)), "protonmail.com"
        return f"{local}@{domain}"

    def phone_text(self, digits: str | None, country: str) -> str | None:
        """The same number written the many ways people write it."""
        if not digits:
            return None
        code, _, trunk = L.PHONE.get(country, ("", [], ""))
        if not code or not digits.startswith(code):
            return "+" + digits
        national = digits[len(code):]
        style = self.rng.random()
        if style < 0.35:
            return f"+{code} {national[:2]} {national[2:5]} {national[5:]}"
        if style < 0.55:
            return f"+{digits}"
        if style < 0.75:
            return f"{trunk}{national[:2]}/{national[2:5]}-{national[5:]}"
        if style < 0.9:
            return f"{trunk}{national}"
        return f"00{code} {national}"

    def regular(self, country: str) -> Person:
        """People who receive or send repeatedly (Zipf-like pool), besides the many one-timers."""
        pool = self.regulars.setdefault(country, [])
        if len(pool) < 400 or self.rng.random() < 0.08:
            pool.append(Person(self, country))
            return pool[-1]
        return pool[min(int(self.rng.paretovariate(1.1)) - 1, len(pool) - 1)]

    def seller(self, country: str, kind: str = "shop") -> Person:
        pool = self.sellers.setdefault(f"{country}:{kind}", [])
        if len(pool) < 60 or self.rng.random() < 0.03:
            pool.append(Person(self, country, company=True))
            return pool[-1]
        return pool[min(int(self.rng.paretovariate(0.9)) - 1, len(pool) - 1)]

    def locker(self, country: str) -> tuple[str, str, str]:
        pool = self.lockers.setdefault(country, [])
        if len(pool) < 25:
            city, postcode = self.rng.choice(L.PLACES[country])
            name = self.rng.choice(L.LOCKERS.get(country, ["Parcel locker"]))
            pool.append((f"{name} {city} {self.rng.randint(1, 240)}", city, postcode))
        return self.rng.choice(pool)

    def moment(self, day: int, hour_lo: int = 6, hour_hi: int = 22) -> dt.datetime:
        r = self.rng
        return dt.datetime.combine(self.start + dt.timedelta(days=day), dt.time(r.randint(hour_lo, hour_hi - 1), r.randint(0, 59), r.randint(0, 59)))


# --- descriptions and items ------------------------------------------------------------------
def description_lang(world: World, shipper: Person) -> str:
    r = world.rng.random()
    c = shipper.country
    if c in ("CN", "HK", "TW", "US", "GB", "JP", "IN", "AE", "BR", "CO", "EC") or r < 0.1:
        return "en"
    if c in ("DE", "AT", "CH"):
        return "de" if shipper.lang in ("de",) or r < 0.4 else _lang_of_person(shipper)
    if c == "TR":
        return "tr" if r < 0.6 else "en"
    return _lang_of_person(shipper)


def _lang_of_person(p: Person) -> str:
    return {"sr": "sr", "me": "sr", "bs": "hr", "hr": "hr", "mk": "mk", "sq": "sq", "tr": "tr", "de": "de"}.get(p.lang, "en")


def describe(world: World, goods: str, lang: str, cyr: bool) -> str:
    words = L.GOODS[goods][3]
    text = world.rng.choice(words.get(lang) or words["en"])
    if lang == "sr" and cyr:
        text = translit(text, L.SR_LAT_TO_CYR)
    r = world.rng.random()
    if r < 0.05:
        text = text.upper()
    elif r < 0.09:
        text = typo(text, world.rng)
    elif r < 0.13 and lang != "en":
        text = f"{text} / {world.rng.choice(words['en'])}"
    return text


def items_for(world: World, goods_list: list[str], lang: str, cyr: bool, origin: str, currency: str,
              *, hs_rate: float = 0.78, net_rate: float = 0.7) -> tuple[list[dict], float, float]:
    """Items with quantities, weights and values drawn for the goods; returns items, kg, EUR."""
    r = world.rng
    items, kg_total, eur_total = [], 0.0, 0.0
    for g in goods_list:
        hs, (wlo, whi), (vlo, vhi), _ = L.GOODS[g]
        qty = 1 if r.random() < 0.6 else r.randint(2, 6)
        kg = round(r.uniform(wlo, whi) * qty, 3)
        eur = round(r.uniform(vlo, vhi) * qty, 2)
        item = {"description": describe(world, g, lang, cyr), "quantity": qty}
        if r.random() < hs_rate:
            # sellers' generic or wrong codes: noise that looks like a mismatch
            code = r.choice(hs) if r.random() > 0.04 else r.choice(L.GOODS[r.choice(list(L.GOODS))][0])
            if r.random() < 0.35 and len(code) == 4:
                code += r.choice(["00", "90", "10"])
            item["hs_code"] = code
        if r.random() < net_rate:
            # a known clerical habit: the unit's weight entered as the line's
            item["net_weight_kg"] = kg if r.random() > 0.05 else round(kg / qty, 3)
        item["value"] = round(eur / TO_EUR[currency], 2)
        item["currency"] = currency
        if r.random() < 0.5:
            item["origin_country"] = origin
        items.append(item)
        kg_total += kg
        eur_total += eur
    return items, kg_total, eur_total


# --- one shipment ----------------------------------------------------------------------------
def pick_reporter(world: World, mode: str, home: str) -> str:
    options = [code for code, (m, homes, _) in REPORTERS.items() if m == mode and home in homes]
    if not options:
        options = [code for code, (m, homes, _) in REPORTERS.items() if home in homes and m in ("postal", "express")]
    # the regional hub network carries a share of every country's express traffic
    return world.rng.choice(options)


def party(world: World, p: Person, *, name: str | None = None, phone: str | None = None, email: str | None = None,
          place: tuple[str, str, str] | None = None, phone_p: float = 0.75, email_p: float = 0.45,
          consignee: bool = False) -> dict:
    r = world.rng
    street, city = p.place()
    postcode = p.postcode
    if place:
        street, city, postcode = place
    out = {"name": name or p.name(), "street": street, "city": city, "postcode": postcode, "country": p.country}
    if r.random() < 0.06:
        out.pop("postcode")
    digits = phone if phone is not None else (p.phone_digits if r.random() < phone_p else None)
    if digits:
        out["phone"] = world.phone_text(digits, p.country)
    mail = email if email is not None else (p.email if r.random() < email_p else None)
    if mail:
        out["email"] = mail
    if consignee and p.id_number and r.random() < 0.3:
        out["id_number"] = p.id_number
    return out


def local_time(world: World, moment: dt.datetime, reporter: str, home: str) -> str:
    if reporter == "SKYLINK-FWD":
        return (moment - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    if reporter == "NORDHUB-EXPRESS":
        return (moment - dt.timedelta(hours=1)).isoformat() + "+00:00"
    offset = TZ.get(home, "+01:00")
    shift = int(offset[1:3]) - 1
    return (moment + dt.timedelta(hours=shift)).isoformat() + offset


def assemble(world: World, *, mode: str, direction: str, origin: str, dest: str, shipper: dict, consignee: dict,
             items: list[dict], kg: float, day: int, category: str | None, payment: str | None,
             transit: list[str] | None = None, departure: str | None = None, declared: float | None = None,
             currency: str = "EUR", pieces: int | None = None, bad_id: bool = False,
             reporter: str | None = None, gross: float | None = None) -> dict:
    r = world.rng
    home = dest if direction == "import" else origin
    if direction == "transit":
        home = next((c for c in (transit or []) if c in REGION), dest if dest in REGION else "RS")
    reporter = reporter or pick_reporter(world, mode, home)
    mode = REPORTERS[reporter][0]
    posting_country = departure or origin
    sid = world.ids.make(reporter, posting_country if direction != "export" else home, home, bad_id)
    moment = world.moment(day)
    rec = {"reporter": reporter, "shipment_id": sid, "reported_at": local_time(world, moment, reporter, home),
           "mode": mode, "direction": direction}
    if category:
        rec["category"] = category
    rec["origin_country"] = origin
    if departure or r.random() < 0.5:
        rec["departure_country"] = departure or origin
    if transit:
        rec["transit_countries"] = transit
    rec["destination_country"] = dest
    if r.random() < 0.7:
        rec["departure_date"] = (moment.date() - dt.timedelta(days=r.randint(0, 3))).isoformat()
    if r.random() < 0.55:
        rec["arrival_date"] = (moment.date() + dt.timedelta(days=r.randint(1, 5))).isoformat()
    if r.random() < 0.6:
        rec["carrier"] = r.choice(CARRIER[mode])
    if mode in ("air_cargo", "sea") or r.random() < 0.15:
        rec["conveyance_ref"] = (f"{r.choice(['TK', 'QR', 'LH', 'EK', 'KL', 'JU', 'W6'])}{r.randint(10, 9999)}"
                                 if mode != "sea" else f"V{r.randint(100, 999)}{r.choice('NSEW')}")
    if mode in ("air_cargo", "postal") and r.random() < 0.5:
        rec["master_ref"] = (f"{r.choice(AIRLINE_PREFIX)}-{r.randint(10**7, 10**8 - 1)}" if mode == "air_cargo"
                             else f"{origin}{r.choice(['SOFA', 'BEGA', 'SKPA', 'FRAA', 'ISTA'])}{r.randint(10**9, 10**10 - 1)}")
    rec["shipper"] = shipper
    rec["consignee"] = consignee
    if pieces or r.random() < 0.6:
        rec["pieces"] = pieces or 1
    if gross is None:
        gross = kg * r.uniform(1.03, 1.22) + r.uniform(0.03, 0.35)
    rec["gross_weight_kg"] = round(gross, 3)
    if declared is None:
        declared = sum(i.get("value", 0) for i in items)
    if r.random() < 0.93:
        rec["declared_value"] = round(declared, 2)
        rec["currency"] = currency
    if payment:
        rec["payment_method"] = payment
    rec["items"] = items
    rec["_moment"] = moment
    return rec


# --- innocent traffic -------------------------------------------------------------------------
class Innocent:
    """Ordinary regional traffic, with the look-alikes that make targeting hard."""

    KINDS = [("cn_ecommerce", 30), ("eu_ecommerce", 15), ("tr_shops", 9), ("us_shops", 3), ("diaspora_in", 7),
             ("regional_cod", 11), ("diaspora_out", 8), ("export_trade", 5), ("documents", 3),
             ("air_trade", 3), ("freight", 2), ("dealers", 1.5), ("returns", 1.5), ("multi_parcel_shop", 0.4)]

    def __init__(self, world: World, watch: "Watchlists"):
        self.w, self.watch = world, watch
        self.names, self.weights = zip(*self.KINDS)

    def dest(self) -> str:
        return self.w.rng.choices(REGION, [30, 15, 17, 7, 12, 9, 4, 3, 3])[0]

    def consignee(self, country: str, tags: list[str]) -> tuple[Person, dict]:
        r = self.w.rng
        if r.random() < 0.012 and self.watch.homonyms:
            p = r.choice(self.watch.homonyms)
            if p.country == country:
                tags.append("lookalike_homonym")
                return p, party(self.w, p, consignee=True)
        if r.random() < 0.003:  # listed people also receive ordinary parcels
            actor = r.choice(self.watch.actors)
            if actor.country == country:
                tags.append("lookalike_listed_innocent")
                return actor, self.watch.as_party(actor, consignee=True)[0]
        p = self.w.regular(country) if r.random() < 0.35 else Person(self.w, country)
        if r.random() < 0.13 and country in L.LOCKERS:
            tags.append("lookalike_locker")
            return p, party(self.w, p, place=self.w.locker(country), phone_p=0.95, consignee=True)
        return p, party(self.w, p, consignee=True)

    def make(self, day: int) -> tuple[list[dict], list[str]]:
        kind = self.w.rng.choices(self.names, self.weights)[0]
        tags: list[str] = []
        recs = getattr(self, kind)(day, tags)
        return recs, tags

    def _shop_import(self, day, tags, origin, goods_pool, *, modes, cod=0.02, categories=None):
        r, w = self.w.rng, self.w
        dest = self.dest()
        seller = w.seller(origin)
        _, cons = self.consignee(dest, tags)
        goods = [r.choice(goods_pool) for _ in range(1 if r.random() < 0.75 else r.randint(2, 3))]
        cur = CURRENCY.get(origin, "EUR") if r.random() < 0.7 else r.choice(["EUR", "USD"])
        items, kg, eur = items_for(w, goods, description_lang(w, seller), False, origin, cur)
        self._tag_goods(goods, kg, eur, tags)
        mode = r.choices(*zip(*modes))[0]
        payment = "cash_on_delivery" if r.random() < cod else r.choice(["prepaid", "card", "prepaid", None])
        if payment == "cash_on_delivery" and "lookalike_cod" not in tags:
            tags.append("lookalike_cod")
        cats = categories or [("sale_of_goods", 55), ("gift", 18), ("other", 7), (None, 20)]
        transit = None
        if origin in ("CN", "HK") and r.random() < 0.25:
            transit = r.choice([["HU"], ["DE"], ["TR"], ["AE"], ["NL", "DE"], ["SI"]])
        elif r.random() < 0.04:
            transit = r.sample(["TR", "BG", "AE", "HU", "AT", "GR", "RS", "ME", "AL"], r.randint(1, 2))
            transit = [c for c in transit if c != dest] or None
            if transit:
                tags.append("lookalike_odd_route")
        return [assemble(w, mode=mode, direction="import", origin=origin, dest=dest,
                         shipper=party(w, seller, phone_p=0.5, email_p=0.3), consignee=cons, items=items, kg=kg,
                         day=day, category=r.choices(*zip(*cats))[0], payment=payment, transit=transit,
                         declared=sum(i["value"] for i in items), currency=cur, bad_id=w.bad())]

    def _tag_goods(self, goods, kg, eur, tags):
        if any(g in ("brake_discs", "alternator", "shock_absorber", "dumbbells", "fishing_lead", "cast_iron_pan",
                     "hand_tools", "bearings", "metal_parts") for g in goods) and kg > 2 and eur / max(kg, 0.1) < 8:
            tags.append("lookalike_heavy_cheap")
        if any(g in ("airsoft", "toy_gun") for g in goods):
            tags.append("lookalike_toy_weapon")
        if any(g in ("scope", "hunting_wear", "hunting_knife", "decoy", "alarm_pistol_licensed") for g in goods):
            tags.append("lookalike_hunting")

    def cn_ecommerce(self, day, tags):
        pool = ["phone_case", "charger", "cosmetics", "headphones", "led", "toys", "jewelry", "tshirt", "sneakers",
                "bike_parts", "car_parts", "hand_tools", "fishing_reel", "fishing_lead", "airsoft", "toy_gun",
                "sporting", "metal_parts", "phone_case", "charger", "led", "jewelry", "scope", "dumbbells"]
        origin = self.w.rng.choices(["CN", "HK", "TW"], [85, 12, 3])[0]
        return self._shop_import(day, tags, origin, pool, modes=[("postal", 75), ("express", 25)], cod=0.01)

    def eu_ecommerce(self, day, tags):
        origin = self.w.rng.choices(["DE", "IT", "PL", "NL", "GB", "AT", "FR", "CZ", "SK", "HU"],
                                    [30, 12, 10, 8, 10, 8, 5, 8, 4, 5])[0]
        pool = ["brake_discs", "alternator", "shock_absorber", "car_parts", "car_parts", "supplements", "books",
                "laptop", "drill", "hunting_wear", "scope", "hunting_knife", "sneakers", "jacket", "cosmetics",
                "bike_parts", "hand_tools", "fishing_reel", "decoy", "headphones", "dumbbells", "cast_iron_pan"]
        return self._shop_import(day, tags, origin, pool, modes=[("express", 60), ("postal", 40)], cod=0.05)

    def tr_shops(self, day, tags):
        pool = ["tshirt", "jacket", "sneakers", "cosmetics", "coffee", "spices", "jewelry", "home_food",
                "textile_roll" if self.w.rng.random() < 0.05 else "tshirt", "toys", "car_parts", "cast_iron_pan"]
        return self._shop_import(day, tags, "TR", pool, modes=[("express", 65), ("postal", 35)], cod=0.35)

    def us_shops(self, day, tags):
        pool = ["supplements", "books", "scope", "hunting_wear", "laptop", "headphones", "car_parts", "sneakers",
                "fishing_reel", "hunting_knife", "decoy"]
        return self._shop_import(day, tags, "US", pool, modes=[("postal", 50), ("express", 50)])

    def diaspora_in(self, day, tags):
        r, w = self.w.rng, self.w
        origin = r.choices(["DE", "AT", "CH", "SE", "NL", "DK", "BE", "FR", "IT"], [35, 20, 12, 10, 7, 4, 4, 4, 4])[0]
        dest = r.choice(WESTERN_BALKANS)
        sender = w.regular(origin)
        sender_lang_country = {"sr": "RS", "bs": "BA", "sq": r.choice(["AL", "XK"]), "mk": "MK", "hr": "HR"}.get(sender.lang, dest)
        dest = sender_lang_country if sender_lang_country in WESTERN_BALKANS else dest
        _, cons = self.consignee(dest, tags)
        goods = r.choice([["family_parcel"], ["family_parcel", "coffee"], ["gift", "tshirt"], ["sneakers", "jacket"],
                          ["supplements", "cosmetics", "gift"], ["car_parts"], ["hand_tools", "family_parcel"]])
        items, kg, eur = items_for(w, goods, description_lang(w, sender), sender.cyrillic, origin, "EUR", hs_rate=0.35)
        if kg > 3 and eur / kg < 10:
            tags.append("lookalike_heavy_gift")
        mode = r.choices(["postal", "express", "road"], [45, 30, 25])[0]
        return [assemble(w, mode=mode, direction="import", origin=origin, dest=dest, shipper=party(w, sender),
                         consignee=cons, items=items, kg=kg, day=day, category=r.choice(["gift", "gift", "other", None]),
                         payment=r.choice(["prepaid", "prepaid", "other", None]), bad_id=w.bad())]

    def regional_cod(self, day, tags):
        r, w = self.w.rng, self.w
        origin = r.choices(["HR", "SI", "BG", "RS", "BA", "MK", "GR", "ME"], [20, 15, 12, 18, 12, 10, 8, 5])[0]
        dest = r.choice([c for c in WESTERN_BALKANS if c != origin])
        return self._shop_import(day, tags, origin, ["headphones", "tshirt", "sneakers", "car_parts", "hand_tools",
                                                     "toys", "fishing_reel", "cosmetics", "drill", "jacket", "airsoft",
                                                     "brake_discs", "supplements", "led", "hunting_wear"],
                                 modes=[("express", 85), ("postal", 15)], cod=0.7)

    def diaspora_out(self, day, tags):
        r, w = self.w.rng, self.w
        origin = r.choices(WESTERN_BALKANS, [28, 14, 24, 8, 14, 12])[0]
        dest = r.choices(["DE", "AT", "CH", "SE", "NL", "DK", "BE", "FR", "IT", "SI", "HR", "US"],
                         [30, 18, 10, 10, 6, 3, 3, 4, 5, 4, 4, 3])[0]
        sender = w.regular(origin)
        receiver = w.regular(dest) if r.random() < 0.5 else Person(w, dest, sender.lang)
        goods = r.choice([["home_food"], ["home_food", "coffee"], ["family_parcel"], ["books"], ["documents"],
                          ["gift", "home_food"], ["spices", "home_food"], ["jacket"], ["car_parts"], ["hand_tools"]])
        items, kg, eur = items_for(w, goods, _lang_of_person(sender), sender.cyrillic, origin, "EUR", hs_rate=0.3)
        if kg > 3 and eur / kg < 10:
            tags.append("lookalike_heavy_gift")
        self._tag_goods(goods, kg, eur, tags)
        place = w.locker(dest) if dest in L.LOCKERS and r.random() < 0.1 else None
        if place:
            tags.append("lookalike_locker")
        mode = r.choices(["postal", "express", "road"], [45, 30, 25])[0]
        return [assemble(w, mode=mode, direction="export", origin=origin, dest=dest, shipper=party(w, sender),
                         consignee=party(w, receiver, place=place, consignee=True), items=items, kg=kg, day=day,
                         category=r.choice(["gift", "gift", "other", "documents" if goods == ["documents"] else "gift", None]),
                         payment=r.choice(["prepaid", "prepaid", "cash_on_delivery", None]),
                         currency="EUR", bad_id=w.bad())]

    def export_trade(self, day, tags):
        r, w = self.w.rng, self.w
        origin = r.choice(WESTERN_BALKANS)
        dest = r.choice(EU_DEST + ["TR", "US", "GB"])
        seller, buyer = w.seller(origin, "export"), w.seller(dest, "import")
        goods = [r.choice(["tshirt", "jacket", "textile_roll", "bearings", "metal_parts", "fruit", "car_parts",
                           "spices", "home_food", "books", "hunting_wear"])]
        mode = r.choices(["air_cargo", "road", "express", "postal"], [20, 35, 35, 10])[0]
        items, kg, eur = items_for(w, goods * (1 if mode in ("express", "postal") else r.randint(3, 20)),
                                   "en" if r.random() < 0.6 else _lang_of_person(seller), False, origin, "EUR", hs_rate=0.95)
        return [assemble(w, mode=mode, direction="export", origin=origin, dest=dest, shipper=party(w, seller, phone_p=0.9),
                         consignee=party(w, buyer), items=items, kg=kg, day=day, category="sale_of_goods",
                         payment=r.choice(["account", "account", "prepaid"]), pieces=r.randint(1, 12) if mode != "postal" else 1,
                         bad_id=w.bad(0.8))]

    def documents(self, day, tags):
        r, w = self.w.rng, self.w
        export = r.random() < 0.5
        a = r.choice(WESTERN_BALKANS)
        b = r.choice(EU_DEST + ["US", "TR"])
        origin, dest = (a, b) if export else (b, a)
        sender = w.seller(origin, "office") if r.random() < 0.6 else Person(w, origin)
        receiver = w.seller(dest, "office") if r.random() < 0.5 else Person(w, dest)
        items, kg, _ = items_for(w, ["documents"], description_lang(w, sender), False, origin, "EUR", hs_rate=0.2)
        if r.random() < 0.15:  # tender files, court records: legitimately heavy
            kg = r.uniform(1.0, 3.5)
            items[0]["quantity"] = r.randint(2, 8)
            items[0].pop("net_weight_kg", None)
            tags.append("lookalike_heavy_documents")
        return [assemble(w, mode="express", direction="export" if export else "import", origin=origin, dest=dest,
                         shipper=party(w, sender), consignee=party(w, receiver), items=items, kg=kg, day=day,
                         category="documents", payment=r.choice(["account", "prepaid"]), declared=0.0)]

    def air_trade(self, day, tags):
        r, w = self.w.rng, self.w
        origin = r.choices(["TR", "CN", "AE", "IN", "EC", "CO", "BR", "US"], [25, 25, 10, 10, 8, 6, 6, 10])[0]
        dest = r.choice(["RS", "MK", "AL", "ME", "BA", "XK", "HR", "BG"])
        goods = {"EC": ["fruit"], "CO": ["fruit", "coffee"], "BR": ["coffee", "fruit"], "IN": ["chemicals", "textile_roll", "spices"],
                 "AE": ["laptop", "headphones", "cosmetics"], "TR": ["textile_roll", "jacket", "bearings"],
                 "CN": ["led", "bearings", "textile_roll", "charger"], "US": ["laptop", "supplements", "bearings"]}[origin]
        seller, buyer = w.seller(origin, "trade"), w.seller(dest, "import")
        items, kg, _ = items_for(w, [r.choice(goods)] * r.randint(4, 25), "en", False, origin,
                                 CURRENCY.get(origin, "USD") if r.random() < 0.3 else "USD", hs_rate=0.97)
        transit = r.choice([None, ["TR"], ["NL"], ["DE"], ["AE"], ["ES"]]) if origin in ("EC", "CO", "BR", "IN") else None
        if origin in ("EC", "CO", "BR"):
            tags.append("lookalike_source_country")
        return [assemble(w, mode="air_cargo", direction="import", origin=origin, dest=dest, shipper=party(w, seller),
                         consignee=party(w, buyer, phone_p=0.9), items=items, kg=kg, day=day, category="sale_of_goods",
                         payment="account", transit=transit, currency=items[0]["currency"], pieces=r.randint(2, 40),
                         bad_id=w.bad(0.8))]

    def freight(self, day, tags):
        r, w = self.w.rng, self.w
        sea = r.random() < 0.45
        origin = r.choice(["CN", "TR", "IN"]) if sea else r.choice(["TR", "GR", "BG"])
        dest = r.choice(["RS", "BA", "MK", "AL", "XK", "ME"]) if sea or r.random() < 0.5 else r.choice(["DE", "AT", "HU", "SI", "IT"])
        direction = "import" if dest in REGION else "transit"
        transit = None if direction == "import" else r.choice([["BG", "RS"], ["RS"], ["MK", "RS"], ["BG", "RS", "HR"]])
        goods = [r.choice(["textile_roll", "bearings", "led", "metal_parts", "cast_iron_pan", "chemicals", "fruit"])] * r.randint(10, 40)
        items, kg, _ = items_for(w, goods, "en", False, origin, "USD" if sea else "EUR", hs_rate=0.99, net_rate=0.9)
        return [assemble(w, mode="sea" if sea else "road", direction=direction, origin=origin, dest=dest,
                         shipper=party(w, w.seller(origin, "trade")), consignee=party(w, w.seller(dest, "import")), items=items,
                         kg=kg * (20 if sea else 5), day=day, category="sale_of_goods", payment="account", transit=transit,
                         currency=items[0]["currency"], pieces=r.randint(10, 400))]

    def dealers(self, day, tags):
        """Licensed hunting and sport shops importing honestly declared goods (including alarm pistols)."""
        r, w = self.w.rng, self.w
        origin = r.choice(["TR", "DE", "AT", "CZ", "IT", "US"])
        dest = r.choice(WESTERN_BALKANS + ["HR"])
        goods = [r.choice(["alarm_pistol_licensed", "scope", "hunting_wear", "hunting_knife", "decoy", "airsoft", "fishing_reel"])
                 for _ in range(r.randint(2, 5))]
        items, kg, _ = items_for(w, goods, "en" if r.random() < 0.6 else description_lang(w, w.seller(origin, "arms")), False,
                                 origin, "EUR", hs_rate=0.98)
        tags.append("lookalike_hunting")
        return [assemble(w, mode=r.choice(["express", "air_cargo", "road"]), direction="import", origin=origin, dest=dest,
                         shipper=party(w, w.seller(origin, "arms"), phone_p=0.95), consignee=party(w, w.seller(dest, "gunshop"), phone_p=0.95),
                         items=items, kg=kg, day=day, category="sale_of_goods", payment="account", pieces=r.randint(1, 6))]

    def returns(self, day, tags):
        r, w = self.w.rng, self.w
        origin = r.choice(WESTERN_BALKANS)
        dest = r.choice(["DE", "CN", "TR", "PL", "NL", "GB", "IT"])
        sender = Person(w, origin)
        goods = [r.choice(["sneakers", "jacket", "headphones", "tshirt", "car_parts", "drill"])]
        items, kg, _ = items_for(w, goods, description_lang(w, sender), sender.cyrillic, origin, "EUR")
        return [assemble(w, mode=r.choice(["postal", "express"]), direction="export", origin=origin, dest=dest,
                         shipper=party(w, sender), consignee=party(w, w.seller(dest)), items=items, kg=kg, day=day,
                         category="returned_goods", payment="prepaid")]

    def multi_parcel_shop(self, day, tags):
        """A small reseller receiving several parcels from different sellers in a few days."""
        r, w = self.w.rng, self.w
        dest = self.dest()
        shop = w.seller(dest, "reseller")
        recs = []
        for k in range(r.randint(3, 6)):
            origin = r.choice(["CN", "CN", "DE", "TR", "PL"])
            seller = w.seller(origin)
            goods = [r.choice(["car_parts", "phone_case", "charger", "hand_tools", "led", "bike_parts", "metal_parts"])]
            items, kg, _ = items_for(w, goods, description_lang(w, seller), False, origin, "EUR")
            recs.append(assemble(w, mode=r.choice(["postal", "express"]), direction="import", origin=origin, dest=dest,
                                 shipper=party(w, seller), consignee=party(w, shop, phone_p=0.95), items=items, kg=kg,
                                 day=min(w.days - 1, day + r.randint(0, 3)), category="sale_of_goods",
                                 payment=r.choice(["prepaid", "account", "cash_on_delivery"])))
        tags.append("lookalike_multi_parcel")
        return recs


# --- identity games ---------------------------------------------------------------------------
ABBREVIATIONS = [("Bulevar ", "Bul. "), ("Bulevardi ", "Bul. "), ("Rruga ", "Rr. "), ("Ulica ", "Ul. "),
                 ("straße", "str."), ("Straße", "Str."), ("Kralja ", "Kr. "), ("kralja ", "k. "), ("Svetog ", "Sv. ")]


def name_variant(w: World, p: Person, kind: str | None = None) -> str:
    r = w.rng
    if p.company:
        base = p.trade
        k = kind or r.choice(["exact", "noform", "upper", "ascii", "typo"])
        if k == "noform":
            return base.rsplit(" ", 1)[0] if " " in base else base
        return {"upper": base.upper(), "ascii": ascii_fold(base, r), "typo": typo(base, r)}.get(k, base)
    first, last = p.first, p.last
    kinds = ["exact", "ascii", "swap", "typo", "initial", "upper", "middle", "cyr", "nick", "ascii_swap"]
    k = kind or r.choice(kinds)
    if k == "cyr":
        return translit(f"{first} {last}", CYR_LANGS[p.lang]) if p.lang in CYR_LANGS else ascii_fold(f"{first} {last}", r)
    if k == "ascii":
        return ascii_fold(f"{first} {last}", r)
    if k == "swap":
        return f"{last} {first}" if r.random() < 0.6 else f"{last.upper()} {first}"
    if k == "ascii_swap":
        return ascii_fold(f"{last} {first}", r)
    if k == "typo":
        return typo(f"{first} {last}", r)
    if k == "initial":
        return f"{first[0]}. {last}"
    if k == "upper":
        return f"{first} {last}".upper()
    if k == "middle":
        return f"{first} {r.choice('ABDJMNPRSV')}. {last}"
    if k == "nick":
        return f"{L.NICKNAMES.get(first, first[:4])} {last}"
    return f"{first} {last}"


def street_variant(w: World, street: str) -> str:
    r = w.rng
    out = street
    for a, b in ABBREVIATIONS:
        if a in out and r.random() < 0.7:
            out = out.replace(a, b)
    parts = out.rsplit(" ", 1)
    if len(parts) == 2 and parts[1][:1].isdigit() and r.random() < 0.5:
        out = f"{parts[0]} {r.choice(['br.', 'nr.', 'No', '#'])} {parts[1]}"
    if r.random() < 0.4:
        out = ascii_fold(out, r)
    if r.random() < 0.15:
        out = out.upper()
    return out


# --- watchlists -------------------------------------------------------------------------------
LISTS = ["RS-MUP-UKP", "MK-MVR-OKK", "BA-SIPA", "AL-ASP-DKKO", "XK-PK-DHKE", "ME-UP-SPOK", "SEE-FIREARMS-FOCAL",
         "EU-EMPACT-FA"]
REASONS = ["trafficking of firearms parts", "earlier seizure: ammunition in postal item", "suspected weapons broker",
           "linked to drug trafficking network", "front company of an organised crime group", "cash courier",
           "earlier conviction: illicit arms trade", "address used for parcel drops", "phone linked to online arms sales"]


class Watchlists:
    def __init__(self, w: World, actors: int = 90, noise: int = 1400):
        self.w, self.entries, self.actors, self.homonyms = w, [], [], []
        self.counter = 0
        r = w.rng
        for _ in range(actors):
            country = r.choices(WESTERN_BALKANS + ["DE", "AT", "TR", "SE", "HR", "BG"], [18, 12, 16, 8, 10, 9, 8, 4, 5, 3, 3, 4])[0]
            actor = Person(w, country, company=r.random() < 0.12)
            actor.listed = set()
            self._list(actor, kinds=["person" if not actor.company else "organisation"])
            for kind, p in (("phone", 0.45), ("email", 0.3), ("address", 0.2)):
                if r.random() < p:
                    self._list(actor, kinds=[kind])
            if not actor.company and r.random() < 0.18:  # a front company
                front = Person(w, actor.country, company=True)
                front.phone_digits, front.listed = actor.phone_digits, set()
                self._list(front, kinds=["organisation"])
                actor.front = front
            self.actors.append(actor)
        for _ in range(noise):
            country = r.choice(WESTERN_BALKANS + ["HR", "BG", "SI", "DE", "AT", "TR", "NL", "SE", "GR", "UA"])
            p = Person(w, country, company=r.random() < 0.15)
            if p.lang in L.SURNAME_PARTS and not p.company and r.random() < 0.7:
                # listed names come from the whole population, mostly its long tail
                roots, endings = L.SURNAME_PARTS[p.lang]
                p.last = r.choice(roots) + r.choice(endings)
            p.listed = set()
            self._list(p, kinds=[r.choices(["person", "phone", "email", "address", "organisation"], [60, 12, 8, 8, 12])[0]
                                 if not p.company else "organisation"], expired=r.random() < 0.08)
            if not p.company and r.random() < 0.02:
                twin = Person(w, p.country, p.lang)  # an innocent namesake in the traffic
                twin.first, twin.last, twin.cyrillic = p.first, p.last, p.cyrillic
                self.homonyms.append(twin)

    def _list(self, p: Person, *, kinds: list[str], expired: bool = False):
        r = self.w.rng
        for kind in kinds:
            self.counter += 1
            list_id = r.choice(LISTS)
            entry = {"list_id": list_id, "entry_id": f"{list_id}-{self.counter:05d}", "kind": kind}
            if kind in ("person", "organisation"):
                listed_script = "cyr" if (p.lang in CYR_LANGS and r.random() < 0.35) else "exact"
                entry["name"] = name_variant(self.w, p, listed_script if not p.company else "exact")
                aliases = []
                if not p.company and r.random() < 0.5:
                    aliases.append(name_variant(self.w, p, r.choice(["nick", "cyr", "ascii"])))
                if not p.company and r.random() < 0.2:
                    aliases.append(f"{p.first} {r.choice(L.LAST.get(p.lang, L.LAST['en']))}")
                entry["aliases"] = [a for a in aliases if a != entry["name"]]
                if kind == "person":
                    entry["birth_date"] = f"{r.randint(1958, 2001)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            elif kind == "phone":
                if not p.phone_digits:
                    continue
                entry["name"] = self.w.phone_text(p.phone_digits, p.country)
            elif kind == "email":
                entry["name"] = p.email
            else:
                street, city = p.place()
                entry["name"] = f"{street}, {city}"
            entry["country"] = p.country
            if kind in ("person", "organisation", "address"):
                street, city = p.place()
                entry.update(street=street, city=city, postcode=p.postcode)
            entry["reason"] = r.choice(REASONS)
            if expired:
                entry["valid_until"] = (self.w.start - dt.timedelta(days=r.randint(30, 700))).isoformat()
            elif r.random() < 0.5:
                entry["valid_until"] = (self.w.start + dt.timedelta(days=r.randint(200, 1500))).isoformat()
            p.listed.add(kind)
            self.entries.append(entry)

    def as_party(self, actor: Person, *, consignee: bool) -> tuple[dict, str]:
        """The actor as a shipment party, under a variant, keyed by what of it is listed."""
        r, w = self.w.rng, self.w
        if getattr(actor, "front", None) and r.random() < 0.35:
            return party(w, actor.front, name=name_variant(w, actor.front), consignee=consignee), "watch_org"
        way = r.choice(sorted(actor.listed))
        if way in ("person", "organisation"):
            return party(w, actor, name=name_variant(w, actor), consignee=consignee), "watch_name"
        stranger = Person(w, actor.country)
        if way == "phone":
            return party(w, stranger, phone=actor.phone_digits, consignee=consignee), "watch_phone"
        if way == "email":
            return party(w, stranger, email=actor.email, consignee=consignee), "watch_email"
        street, city = actor.place()
        return party(w, stranger, place=(street_variant(w, street), city, actor.postcode), consignee=consignee), "watch_address"


# --- illicit traffic --------------------------------------------------------------------------
CONTENT_SIGNALS = [("hs_mismatch", 3.0), ("low_value", 4.0), ("gift_heavy", 2.0), ("net_gross", 2.0),
                   ("slip", 0.6), ("bad_id", 0.4)]
UNRELATED_HS = {"car_parts": ["610910", "950300", "330499"], "metal_parts": ["620193", "490199"],
                "hand_tools": ["950300", "610910"], "toys": ["870899", "820411", "732690"],
                "tshirt": ["870899", "732690"], "gift": ["870899", "847130"], "default": ["870899", "820559", "950300",
                                                                                       "732690", "950699", "610910"]}
LOW_SCRUTINY_HS = ["870899", "870830", "820411", "820559", "950300", "732690", "731815", "950790"]


class Illicit:
    """Planted illicit shipments, per pattern of threats.md, each with few or many signals."""

    # weights per group: the multi-parcel patterns send about 2.4 and 4.5 parcels a group
    PATTERNS = [("parts_bought_online", 15), ("convertible_pistols", 10), ("legacy_weapons_outbound", 6.2),
                ("ammunition", 9), ("ant_trade", 2.7), ("known_actor", 7), ("newcomer_cod", 7),
                ("odd_routing", 5), ("drugs", 9), ("cash_courier", 4), ("explosives", 3), ("cigarettes", 2),
                ("counterfeit", 2)]

    def __init__(self, world: World, watch: Watchlists):
        self.w, self.watch = world, watch

    def strength(self, base: float = 0.0) -> int:
        """How many content signals a shipment carries: a quarter carry none or one faint one."""
        x = self.w.rng.random() + base
        return 0 if x < 0.25 else 1 if x < 0.6 else self.w.rng.randint(2, 4)

    def content_signals(self, n: int) -> set[str]:
        names, weights = zip(*CONTENT_SIGNALS)
        out: set[str] = set()
        while len(out) < n:
            out.add(self.w.rng.choices(names, weights)[0])
        return out

    def parcel(self, *, pattern: str, goods: str, day: int, direction: str, origin: str, dest: str, mode: str,
               kg: float, shipper: dict, consignee: dict, signals: set[str], transit=None, departure=None,
               reporter=None, payment=None, category=None, lang: str = "en", cyr: bool = False,
               cover_kind: str | None = None) -> dict:
        r, w = self.w.rng, self.w
        cover_kind = cover_kind or goods
        covers = L.COVERS[cover_kind]
        if "gift_heavy" in signals:
            cover = ["documents"] if cover_kind == "cash" or r.random() < 0.25 else ["gift"]
            category = "documents" if cover == ["documents"] else "gift"
        else:
            cover = [r.choice(covers) for _ in range(1 if r.random() < 0.7 else 2)]
        cur = CURRENCY.get(origin, "EUR") if r.random() < 0.5 else "EUR"
        items, _, eur = items_for(w, cover, lang, cyr, origin, cur, hs_rate=0.7, net_rate=0.65)
        net_share = r.uniform(0.25, 0.45) if "net_gross" in signals else r.uniform(0.8, 0.95)
        weights = [r.random() + 0.3 for _ in items]
        for item, share in zip(items, weights):
            if "net_weight_kg" in item or "net_gross" in signals:
                item["net_weight_kg"] = round(kg * net_share * share / sum(weights), 3)
        if "low_value" in signals:
            eur = kg * r.uniform(0.4, 2.5)
        else:
            eur = max(eur, kg * r.uniform(6, 28))
        shares = [r.random() + 0.2 for _ in items]
        for item, share in zip(items, shares):
            item["value"] = round(eur * share / sum(shares) / TO_EUR[cur], 2)
        if "hs_mismatch" in signals:
            pool = LOW_SCRUTINY_HS if r.random() < 0.5 else UNRELATED_HS.get(cover[0], UNRELATED_HS["default"])
            items[0]["hs_code"] = r.choice(pool)
        if "slip" in signals and cover_kind in L.SLIPS:
            items[-1]["description"] = f"{items[-1]['description']} ({r.choice(L.SLIPS[cover_kind])})"
        category = category or r.choices(["sale_of_goods", "gift", "other", "commercial_sample", None], [35, 30, 8, 5, 22])[0]
        rec = assemble(w, mode=mode, direction=direction, origin=origin, dest=dest, shipper=shipper, consignee=consignee,
                       items=items, kg=kg, day=day, category=category, payment=payment, transit=transit,
                       departure=departure, declared=sum(i["value"] for i in items), currency=cur,
                       bad_id="bad_id" in signals, reporter=reporter,
                       gross=kg + r.uniform(0.05, 0.4))
        rec["_truth"] = {"pattern": pattern, "goods": goods, "signals": sorted(signals)}
        return rec

    def make(self, day: int) -> list[dict]:
        names, weights = zip(*self.PATTERNS)
        return getattr(self, self.w.rng.choices(names, weights)[0])(day)

    # the cast
    def buyer(self, country: str, signals: set[str], *, locker_p: float = 0.25, new_p: float = 0.7) -> tuple[Person, dict]:
        r, w = self.w.rng, self.w
        p = Person(w, country) if r.random() < new_p else w.regular(country)
        if r.random() < locker_p and country in L.LOCKERS:
            signals.add("locker")
            return p, party(w, p, place=w.locker(country), phone_p=0.95, consignee=True)
        return p, party(w, p, consignee=True)

    def maybe_actor(self, signals: set[str], p: float, *, consignee: bool, countries=None) -> dict | None:
        r = self.w.rng
        pool = [a for a in self.watch.actors if countries is None or a.country in countries]
        if pool and r.random() < p:
            out, how = self.watch.as_party(r.choice(pool), consignee=consignee)
            signals.add(how)
            return out
        return None

    # the patterns
    def parts_bought_online(self, day):
        r, w = self.w.rng, self.w
        origin = r.choices(["US", "TR", "CZ", "SK", "DE", "AT", "CN", "GB", "PL", "IT"], [30, 14, 9, 5, 10, 5, 13, 5, 5, 4])[0]
        dest = r.choices(WESTERN_BALKANS + ["HR", "BG"], [28, 15, 18, 8, 12, 10, 5, 4])[0]
        signals = self.content_signals(self.strength())
        seller = w.seller(origin) if r.random() < 0.55 else Person(w, origin)
        _, cons = self.buyer(dest, signals)
        cons = self.maybe_actor(signals, 0.1, consignee=True, countries=[dest]) or cons
        mode = r.choice(["postal", "postal", "express"])
        return [self.parcel(pattern="parts_bought_online", goods="firearm_part", day=day, direction="import",
                            origin=origin, dest=dest, mode=mode, kg=r.uniform(0.3, 1.9), shipper=party(w, seller),
                            consignee=cons, signals=signals, lang=description_lang(w, seller),
                            payment=r.choice(["prepaid", "card", None, "cash_on_delivery" if mode == "express" else "prepaid"]))]

    def convertible_pistols(self, day):
        r, w = self.w.rng, self.w
        origin = r.choices(["TR", "BG", "CZ", "SK", "DE", "IT"], [70, 7, 6, 4, 7, 6])[0]
        dest = r.choice(WESTERN_BALKANS)
        signals = self.content_signals(self.strength())
        n = 1 if r.random() < 0.7 else r.randint(2, 5)
        seller = Person(w, origin) if r.random() < 0.6 else w.seller(origin)
        _, cons = self.buyer(dest, signals)
        mode = r.choice(["postal", "express", "express"])
        cod = mode == "express" and r.random() < 0.45
        return [self.parcel(pattern="convertible_pistols", goods="convertible", day=day, direction="import",
                            origin=origin, dest=dest, mode=mode, kg=n * r.uniform(0.75, 1.35), shipper=party(w, seller),
                            consignee=cons, signals=signals | ({"cod"} if cod else set()),
                            payment="cash_on_delivery" if cod else r.choice(["prepaid", None]),
                            lang=description_lang(w, seller))]

    def legacy_weapons_outbound(self, day):
        r, w = self.w.rng, self.w
        origin = r.choices(WESTERN_BALKANS, [25, 10, 30, 15, 10, 10])[0]
        dest = r.choices(["DE", "AT", "NL", "SE", "FR", "BE", "DK", "CH"], [30, 15, 12, 15, 8, 6, 6, 8])[0]
        parts = 1 if r.random() < 0.3 else r.randint(2, 4)
        sender = Person(w, origin) if r.random() < 0.6 else w.regular(origin)
        receiver = Person(w, dest, sender.lang if r.random() < 0.7 else None)
        place = w.locker(dest) if dest in L.LOCKERS and r.random() < 0.3 else None
        group_signals = {"split"} if parts > 1 else set()
        if place:
            group_signals.add("locker")
        actor = r.choice(self.watch.actors) if r.random() < 0.2 else None
        recs = []
        for k in range(parts):
            signals = group_signals | self.content_signals(self.strength(-0.1 if parts > 1 else 0.0))
            shipper = party(w, sender, name=name_variant(w, sender))
            if parts > 1 and r.random() < 0.35:  # a relative or a friend posts the next piece
                other = Person(w, origin, sender.lang)
                other.last = sender.last if r.random() < 0.5 else other.last
                shipper = party(w, other, phone=sender.phone_digits if r.random() < 0.4 else None)
            if actor is not None and actor.country == origin:
                shipper, how = self.watch.as_party(actor, consignee=False)
                signals.add(how)
            cons = party(w, receiver, name=name_variant(w, receiver) if k else None, place=place,
                         phone=receiver.phone_digits if r.random() < 0.8 else None, consignee=True)
            mode = r.choices(["postal", "express", "road"], [50, 30, 20])[0]
            recs.append(self.parcel(pattern="legacy_weapons_outbound", goods="firearm", day=min(w.days - 1, day + r.randint(0, 4) * (k > 0)),
                                    direction="export", origin=origin, dest=dest, mode=mode,
                                    kg=r.uniform(3.0, 6.5) if parts == 1 else r.uniform(1.0, 3.8), shipper=shipper,
                                    consignee=cons, signals=signals, lang=_lang_of_person(sender), cyr=sender.cyrillic,
                                    payment=r.choice(["prepaid", "prepaid", None, "cash_on_delivery"])))
        return recs

    def ammunition(self, day):
        r, w = self.w.rng, self.w
        signals = self.content_signals(self.strength())
        if r.random() < 0.55:
            origin = r.choices(["TR", "US", "CZ", "UA", "RS", "BA", "BG"], [30, 15, 12, 8, 15, 12, 8])[0]
            dest = r.choice([c for c in WESTERN_BALKANS if c != origin])
            direction = "import"
            sender = Person(w, origin)
            _, cons = self.buyer(dest, signals, locker_p=0.15)
        else:
            origin = r.choice(["BA", "RS", "AL", "MK", "ME", "XK"])
            dest = r.choice(["DE", "AT", "SE", "NL", "FR", "CH"])
            direction = "export"
            sender = Person(w, origin)
            cons = party(w, Person(w, dest), consignee=True)
        return [self.parcel(pattern="ammunition", goods="ammunition", day=day, direction=direction, origin=origin,
                            dest=dest, mode=r.choice(["postal", "express", "road"]), kg=r.uniform(1.0, 9.0),
                            shipper=party(w, sender), consignee=cons, signals=signals, lang=description_lang(w, sender),
                            cyr=sender.cyrillic, payment=r.choice(["prepaid", None, "cash_on_delivery"]))]

    def ant_trade(self, day):
        """One kit in several small parcels from different senders and reporters to one receiver."""
        r, w = self.w.rng, self.w
        dest = r.choices(WESTERN_BALKANS, [30, 15, 20, 10, 13, 12])[0]
        receiver = Person(w, dest)
        locker = w.locker(dest) if dest in L.LOCKERS and r.random() < 0.4 else None
        actor = r.choice([a for a in self.watch.actors if a.country == dest] or [None]) if r.random() < 0.2 else None
        goods = r.choice(["firearm_part", "firearm_part", "ammunition", "convertible"])
        recs = []
        for k in range(r.randint(3, 6)):
            origin = r.choice(["US", "DE", "CZ", "PL", "TR", "CN", "AT", "SK", "GB"])
            seller = w.seller(origin) if r.random() < 0.5 else Person(w, origin)
            signals = {"split"} | self.content_signals(self.strength(-0.25))
            how = r.random()
            if how < 0.45:  # same phone behind differently written names
                cons = party(w, receiver, name=name_variant(w, receiver), phone=receiver.phone_digits, place=locker, consignee=True)
            elif how < 0.75:  # same address, name varied, no phone
                street, city = receiver.place()
                cons = party(w, receiver, name=name_variant(w, receiver), phone="",
                             place=locker or (street_variant(w, street), city, receiver.postcode), consignee=True)
            else:  # a helper's name at the same locker or address, same e-mail
                helper = Person(w, dest)
                street, city = receiver.place()
                cons = party(w, helper, email=receiver.email, place=locker or (street, city, receiver.postcode), consignee=True)
            if actor is not None and r.random() < 0.5:
                cons, tag = self.watch.as_party(actor, consignee=True)
                signals.add(tag)
            if locker:
                signals.add("locker")
            recs.append(self.parcel(pattern="ant_trade", goods=goods, day=min(w.days - 1, day + r.randint(0, 6)), direction="import",
                                    origin=origin, dest=dest, mode=r.choice(["postal", "express"]), kg=r.uniform(0.2, 1.0),
                                    shipper=party(w, seller), consignee=cons, signals=signals, lang=description_lang(w, seller),
                                    cover_kind="firearm_part" if goods != "convertible" else "convertible",
                                    payment=r.choice(["prepaid", "card", None])))
        return recs

    def known_actor(self, day):
        r, w = self.w.rng, self.w
        actor = r.choice(self.watch.actors)
        signals = self.content_signals(self.strength(-0.2))
        goods = r.choice(["firearm_part", "firearm", "ammunition", "drugs", "convertible"])
        party_dict, how = self.watch.as_party(actor, consignee=actor.country in WESTERN_BALKANS)
        signals.add(how)
        if actor.country in WESTERN_BALKANS:
            origin = r.choice(["TR", "US", "DE", "AT", "CZ", "BG", "HR"])
            other = Person(w, origin)
            shipper, cons, direction, dest = party(w, other), party_dict, "import", actor.country
        else:
            origin = r.choice(WESTERN_BALKANS)
            other = Person(w, origin)
            dest = actor.country if actor.country in EU_DEST + ["TR"] else "DE"
            shipper, cons, direction = party(w, other), party_dict, "export"
        return [self.parcel(pattern="known_actor", goods=goods, day=day, direction=direction, origin=origin, dest=dest,
                            mode=r.choice(["postal", "express", "express"]), kg=r.uniform(0.4, 4.0), shipper=shipper,
                            consignee=cons, signals=signals, lang=description_lang(w, other), cyr=other.cyrillic,
                            payment=r.choice(["prepaid", "cash_on_delivery", None]))]

    def newcomer_cod(self, day):
        r, w = self.w.rng, self.w
        origin = r.choice(["RS", "BA", "HR", "SI", "BG", "TR", "MK", "ME"])
        dest = r.choice([c for c in WESTERN_BALKANS if c != origin])
        signals = {"newcomer", "cod"} | self.content_signals(self.strength(-0.15))
        sender, receiver = Person(w, origin), Person(w, dest)
        goods = r.choice(["firearm_part", "ammunition", "convertible", "firearm_part"])
        return [self.parcel(pattern="newcomer_cod", goods=goods, day=day, direction="import", origin=origin, dest=dest,
                            mode="express", kg=r.uniform(0.5, 3.0), shipper=party(w, sender, email_p=0.1),
                            consignee=party(w, receiver, phone_p=1.0, consignee=True), signals=signals,
                            payment="cash_on_delivery", lang=description_lang(w, sender), cyr=sender.cyrillic)]

    def odd_routing(self, day):
        r, w = self.w.rng, self.w
        origin = r.choice(["US", "CN", "TR", "UA", "CZ"])
        dest = r.choice(WESTERN_BALKANS)
        hops = [c for c in r.sample(["AE", "TR", "BG", "AL", "ME", "XK", "GR", "MK", "RS", "BA"], r.randint(1, 3)) if c not in (dest, origin)]
        departure = hops[-1] if hops and r.random() < 0.5 else None
        signals = {"routing"} | self.content_signals(self.strength(-0.1))
        seller = Person(w, origin) if r.random() < 0.5 else w.seller(origin)
        _, cons = self.buyer(dest, signals, locker_p=0.2)
        goods = r.choice(["firearm_part", "convertible", "ammunition"])
        return [self.parcel(pattern="odd_routing", goods=goods, day=day, direction="import", origin=origin, dest=dest,
                            mode=r.choice(["postal", "express"]), kg=r.uniform(0.4, 3.0), shipper=party(w, seller),
                            consignee=cons, signals=signals, transit=hops or None, departure=departure,
                            lang=description_lang(w, seller), payment=r.choice(["prepaid", None]))]

    def drugs(self, day):
        r, w = self.w.rng, self.w
        kind = r.random()
        signals = self.content_signals(self.strength())
        if kind < 0.45:  # cannabis leaving the region for the EU
            origin = r.choices(["AL", "MK", "XK", "ME"], [55, 20, 15, 10])[0]
            dest = r.choice(["DE", "SE", "NL", "AT", "CH", "GB", "IT", "BE", "DK"])
            sender, receiver = Person(w, origin), Person(w, dest)
            return [self.parcel(pattern="drugs", goods="drugs", day=day, direction="export", origin=origin, dest=dest,
                                mode=r.choice(["express", "postal", "air_cargo"]), kg=r.uniform(0.8, 9.0),
                                shipper=party(w, sender), consignee=party(w, receiver, place=w.locker(dest) if dest in L.LOCKERS and r.random() < 0.3 else None, consignee=True),
                                signals=signals, lang=description_lang(w, sender), cyr=sender.cyrillic)]
        if kind < 0.75:  # cocaine in air cargo behind a plausible commodity
            origin = r.choice(["EC", "CO", "BR"])
            dest = r.choice(["ME", "AL", "RS", "MK", "HR", "BA"])
            transit = r.choice([["NL"], ["ES"], ["TR"], ["AE"], ["PT", "ES"], None])
            shipper = party(w, w.seller(origin, "trade"))
            buyer = Person(w, dest, company=True)  # a company nobody has seen before
            signals |= {"newcomer"}
            return [self.parcel(pattern="drugs", goods="drugs", day=day, direction="import", origin=origin, dest=dest,
                                mode="air_cargo", kg=r.uniform(60, 700), shipper=shipper,
                                consignee=party(w, buyer, phone_p=0.9, consignee=True), signals=signals, transit=transit,
                                lang="en", category="sale_of_goods", payment="account")]
        origin = r.choice(["NL", "CN", "IN", "DE", "BE"])
        dest = r.choice(WESTERN_BALKANS + ["BG", "HR"])
        seller = Person(w, origin) if r.random() < 0.5 else w.seller(origin)
        _, cons = self.buyer(dest, signals, locker_p=0.3)
        return [self.parcel(pattern="drugs", goods="drugs", day=day, direction="import", origin=origin, dest=dest,
                            mode=r.choice(["postal", "express", "air_cargo"]), kg=r.uniform(0.2, 20.0), shipper=party(w, seller),
                            consignee=cons, signals=signals, lang=description_lang(w, seller),
                            transit=r.choice([None, ["TR"], ["DE"], ["HU"]]))]

    def cash_courier(self, day):
        r, w = self.w.rng, self.w
        signals = self.content_signals(self.strength())
        if r.random() < 0.6:
            origin, dest, direction = r.choice(["DE", "AT", "CH", "SE", "NL"]), r.choice(WESTERN_BALKANS), "import"
        else:
            origin, dest, direction = r.choice(WESTERN_BALKANS), r.choice(["TR", "AE", "DE"]), "export"
        sender, receiver = Person(w, origin), Person(w, dest)
        return [self.parcel(pattern="cash_courier", goods="cash", day=day, direction=direction, origin=origin, dest=dest,
                            mode=r.choice(["express", "express", "postal"]), kg=r.uniform(0.5, 3.0), shipper=party(w, sender),
                            consignee=party(w, receiver, consignee=True), signals=signals, lang=description_lang(w, sender),
                            cyr=sender.cyrillic, category=r.choice(["documents", "gift", None]), payment="prepaid")]

    def explosives(self, day):
        r, w = self.w.rng, self.w
        signals = self.content_signals(self.strength())
        if r.random() < 0.5:
            origin, dest, direction = r.choice(["BA", "RS", "XK", "MK"]), r.choice(["DE", "AT", "SE", "NL", "HR"]), "export"
        else:
            origin, dest, direction = r.choice(["CN", "TR", "BG", "UA"]), r.choice(WESTERN_BALKANS), "import"
        sender, receiver = Person(w, origin), Person(w, dest)
        return [self.parcel(pattern="explosives", goods="explosive", day=day, direction=direction, origin=origin, dest=dest,
                            mode=r.choice(["postal", "road", "express"]), kg=r.uniform(0.3, 5.0), shipper=party(w, sender),
                            consignee=party(w, receiver, consignee=True), signals=signals, lang=description_lang(w, sender),
                            cyr=sender.cyrillic)]

    def cigarettes(self, day):
        r, w = self.w.rng, self.w
        signals = self.content_signals(self.strength(-0.2))
        origin, dest = r.choice(["BA", "ME", "XK", "MK", "RS"]), r.choice(["DE", "AT", "SE", "CH", "HR", "SI"])
        sender = Person(w, origin)
        return [self.parcel(pattern="cigarettes", goods="cigarettes", day=day, direction="export", origin=origin,
                            dest=dest, mode=r.choice(["road", "postal"]), kg=r.uniform(5.0, 25.0), shipper=party(w, sender),
                            consignee=party(w, Person(w, dest, sender.lang), consignee=True), signals=signals,
                            lang=_lang_of_person(sender), cyr=sender.cyrillic)]

    def counterfeit(self, day):
        r, w = self.w.rng, self.w
        signals = self.content_signals(self.strength(-0.2))
        origin, dest = r.choice(["TR", "CN"]), r.choice(WESTERN_BALKANS)
        seller = w.seller(origin)
        _, cons = self.buyer(dest, signals, locker_p=0.15, new_p=0.5)
        return [self.parcel(pattern="counterfeit", goods="counterfeit", day=day, direction="import", origin=origin,
                            dest=dest, mode=r.choice(["postal", "express"]), kg=r.uniform(1.0, 12.0), shipper=party(w, seller),
                            consignee=cons, signals=signals, lang=description_lang(w, seller),
                            payment=r.choice(["cash_on_delivery", "prepaid"]))]


# --- inspections in the first weeks -----------------------------------------------------------
SUSPECT_WORDS = ["part", "del", "dijel", "teil", "parça", "parca", "pjes", "дел", "metal", "alat", "tool", "werkzeug",
                 "sample", "uzor", "gift", "poklon", "dhurat", "hediye", "подарок", "toy", "igrač", "lodr"]


class Officers:
    """What a realistic regime inspected in the outcome weeks: its own simple rules plus a random draw."""

    def __init__(self, world: World, watch: Watchlists, weeks: int = 3, chosen: float = 0.015, random_share: float = 0.005):
        self.w, self.days, self.chosen, self.random_share = world, weeks * 7, chosen, random_share
        # officers look names and numbers up as written: exact matches only
        self.listed = {e["name"].lower() for e in watch.entries if e["kind"] != "phone"}
        self.listed_phones = {"".join(ch for ch in e["name"] if ch.isdigit())[-8:] for e in watch.entries if e["kind"] == "phone"}

    def suspicion(self, rec: dict) -> float:
        r = self.w.rng
        kg = rec["gross_weight_kg"]
        eur = rec.get("declared_value", 0) * TO_EUR.get(rec.get("currency", "EUR"), 1.0)
        text = " ".join(i["description"] for i in rec["items"]).lower()
        points = r.uniform(0, 1.5)
        if rec.get("category") in ("gift", "documents") and kg > 1.5:
            points += 2
        if kg > 1 and eur / kg < 3:
            points += 2
        if rec.get("payment_method") == "cash_on_delivery" and eur < 20:
            points += 1
        if rec["origin_country"] in ("US", "TR") and any(word in text for word in SUSPECT_WORDS):
            points += 1
        if rec["direction"] == "export" and rec["destination_country"] in ("DE", "AT", "SE", "NL", "CH") and kg > 2:
            points += 1
        if rec["mode"] == "air_cargo" and rec["origin_country"] in ("BR", "EC", "CO"):
            points += 2
        net = sum(i.get("net_weight_kg", 0) for i in rec["items"])
        if kg > 0.8 and 0 < net < 0.5 * kg:
            points += 1.5
        for who in (rec["shipper"], rec["consignee"]):
            if who["name"].lower() in self.listed or who.get("email", "").lower() in self.listed:
                points += 3
            if who.get("phone") and "".join(ch for ch in who["phone"] if ch.isdigit())[-8:] in self.listed_phones:
                points += 3
        return points

    def inspect(self, recs: list[dict], truth: dict) -> list[dict]:
        r = self.w.rng
        by_day: dict[int, list[dict]] = {}
        for rec in recs:
            day = (rec["_moment"].date() - self.w.start).days
            if day < self.days:
                by_day.setdefault(day, []).append(rec)
        outcomes = []
        for day, todays in sorted(by_day.items()):
            ranked = sorted(todays, key=self.suspicion, reverse=True)
            picked = ranked[:max(1, round(len(todays) * self.chosen))]
            rest = ranked[len(picked):]
            drawn = r.sample(rest, min(len(rest), max(1, round(len(todays) * self.random_share))))
            for rec in picked + drawn:
                outcomes.append(self.outcome(rec, truth[(rec["reporter"], rec["shipment_id"])], chosen=rec not in drawn))
        return sorted(outcomes, key=lambda o: o["inspected_at"])

    def outcome(self, rec: dict, t: dict, *, chosen: bool) -> dict:
        r = self.w.rng
        goods = t.get("goods")
        if goods == "drugs" and r.random() < 0.4:
            method = "canine"
        else:
            method = r.choices(["xray", "physical", "documentary", "other"], [50, 42, 6, 2] if chosen else [60, 38, 1, 1])[0]
        found = t["illicit"] and r.random() < {"xray": 0.85, "physical": 0.95, "canine": 0.9, "documentary": 0.25, "other": 0.5}[method]
        when = rec["_moment"] + dt.timedelta(hours=r.randint(4, 60))
        out = {"reporter": rec["reporter"], "shipment_id": rec["shipment_id"],
               "inspected_at": when.isoformat() + TZ.get(rec["destination_country"] if rec["direction"] == "import" else rec["origin_country"], "+01:00"),
               "method": method}
        if found:
            category, description = r.choice(L.FINDINGS[goods])
            out["result"] = "seizure"
            out["findings"] = [{"category": category, "description": description,
                                "quantity": r.randint(20, 500) if category == "ammunition" else r.randint(1, 3)}]
        else:
            out["result"] = "irregularity" if (not t["illicit"] and r.random() < 0.07) else "no_finding"
        out["office"] = r.choice({"postal": ["CARINA-POSTA-BG", "POSTAL-SKP", "POSTA-SA-CARINA", "DOGANA-POSTA-TR"],
                                  "express": ["KURIRSKA-BG", "EXPRESS-SKP", "EXPRESS-SA", "DOGANA-KURIER-PR"],
                                  "air_cargo": ["ACCU-BEG", "ACCU-SKP", "ACCU-TIA", "ACCU-ZAG"],
                                  "road": ["GP-BATROVCI", "GP-TABANOVCE", "GP-MORINE"], "sea": ["LUKA-BAR", "PORTI-DURRES"]}[rec["mode"]])
        return out


# --- writing ----------------------------------------------------------------------------------
def amend(world: World, rec: dict) -> dict:
    """A later version of a record: a corrected value, phone or arrival date."""
    r = world.rng
    new = json.loads(json.dumps({k: v for k, v in rec.items() if not k.startswith("_")}))
    moment = rec["_moment"] + dt.timedelta(hours=r.randint(1, 30))
    home = rec["destination_country"] if rec["direction"] == "import" else rec["origin_country"]
    new["reported_at"] = local_time(world, moment, rec["reporter"], home)
    change = r.random()
    if change < 0.4 and "declared_value" in new:
        new["declared_value"] = round(new["declared_value"] * r.uniform(1.0, 1.6), 2)
    elif change < 0.7:
        new["consignee"]["phone"] = world.phone_text(world.mobile(new["consignee"]["country"]) or "38160000000", new["consignee"]["country"]) or "+38160000000"
    else:
        new["arrival_date"] = (moment.date() + dt.timedelta(days=r.randint(1, 4))).isoformat()
    new["_moment"] = moment
    return new


def public(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if not k.startswith("_")}


def write_csv(folder: Path, recs: list[dict]) -> None:
    """records.md CSV form, one row per item; Cyrillic records in a cp1251 file, Latin ones in cp1250
    (both `;` and decimal comma, as regional systems export them), the rest in UTF-8."""
    party_fields = ["name", "street", "city", "postcode", "country", "phone", "email"]
    head = ["reporter", "shipment_id", "reported_at", "mode", "direction", "category", "origin_country",
            "departure_country", "transit_countries", "destination_country", "departure_date", "arrival_date",
            "carrier", "conveyance_ref", "master_ref"] + [f"shipper_{f}" for f in party_fields] + \
           [f"consignee_{f}" for f in party_fields + ["id_number"]] + \
           ["pieces", "gross_weight_kg", "declared_value", "currency", "payment_method", "item_description",
            "item_hs_code", "item_quantity", "item_net_weight_kg", "item_value", "item_currency", "item_origin_country"]
    files = {name: [] for name in ("shipments-cp1251.csv", "shipments-cp1250.csv", "shipments-utf8.csv")}
    for rec in recs:
        for name, encoding in (("shipments-cp1251.csv", "cp1251"), ("shipments-cp1250.csv", "cp1250"), ("shipments-utf8.csv", "utf-8")):
            try:
                json.dumps(rec, ensure_ascii=False).encode(encoding)
            except UnicodeEncodeError:
                continue
            files[name].append(rec)
            break
    for name, rows in files.items():
        encoding, sep = {"shipments-cp1251.csv": ("cp1251", ";"), "shipments-cp1250.csv": ("cp1250", ";")}.get(name, ("utf-8", ","))
        with open(folder / name, "w", encoding=encoding, newline="") as fh:
            out = csv.writer(fh, delimiter=sep)
            out.writerow(head)
            for rec in rows:
                base = [rec.get(k, "") for k in head[:15]]
                base[8] = "|".join(rec.get("transit_countries", []))
                base += [rec["shipper"].get(f, "") for f in party_fields]
                base += [rec["consignee"].get(f, "") for f in party_fields + ["id_number"]]
                base += [rec.get(k, "") for k in ("pieces", "gross_weight_kg", "declared_value", "currency", "payment_method")]
                for item in rec["items"]:
                    row = base + [item.get(k, "") for k in ("description", "hs_code", "quantity", "net_weight_kg", "value", "currency", "origin_country")]
                    if sep == ";":
                        row = [str(v).replace(".", ",") if isinstance(v, float) else v for v in row]
                    out.writerow(row)


def generate(*, shipments: int, days: int, seed: int, out: Path, start: dt.date, outcome_weeks: int = 3,
             write_csv_files: bool = False, bad_id_share: float = 0.005) -> dict:
    world = World(seed, start, days)
    world.bad_id_share = bad_id_share
    watch = Watchlists(world)
    innocent, illicit = Innocent(world, watch), Illicit(world, watch)
    day_weights = [{5: 0.6, 6: 0.35}.get((start + dt.timedelta(days=d)).weekday(), 1.0) for d in range(days)]
    target_illicit = round(shipments * world.rng.uniform(0.008, 0.013))
    recs, truth = [], {}

    def add(rec, t):
        recs.append(rec)
        truth[(rec["reporter"], rec["shipment_id"])] = t

    while sum(1 for t in truth.values() if t["illicit"]) < target_illicit:
        for rec in illicit.make(world.rng.choices(range(days), day_weights)[0]):
            add(rec, {"illicit": True, **rec.pop("_truth")})
    while len(recs) < shipments:
        batch, tags = innocent.make(world.rng.choices(range(days), day_weights)[0])
        for rec in batch:
            add(rec, {"illicit": False, "pattern": tags[0] if tags else None, "goods": None, "signals": []})
    outcomes = Officers(world, watch, weeks=outcome_weeks).inspect(recs, truth)

    versions = list(recs)
    for rec in world.rng.sample(recs, round(len(recs) * 0.007)):
        versions.append(amend(world, rec))
    for rec in world.rng.sample(recs, round(len(recs) * 0.0025)):
        versions.append(dict(rec))  # an identical re-send
    versions.sort(key=lambda v: v["_moment"])

    out.mkdir(parents=True, exist_ok=True)
    with open(out / "shipments.ndjson", "w", encoding="utf-8") as fh:
        for v in versions:
            fh.write(json.dumps(public(v), ensure_ascii=False) + "\n")
    with open(out / "outcomes.ndjson", "w", encoding="utf-8") as fh:
        for o in outcomes:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(out / "watchlist.ndjson", "w", encoding="utf-8") as fh:
        for e in watch.entries:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    with open(out / "truth.ndjson", "w", encoding="utf-8") as fh:
        for rec in recs:
            t = truth[(rec["reporter"], rec["shipment_id"])]
            fh.write(json.dumps({"reporter": rec["reporter"], "shipment_id": rec["shipment_id"], "illicit": t["illicit"],
                                 "pattern": t["pattern"], "goods": t["goods"], "signals": t["signals"]}, ensure_ascii=False) + "\n")
    if write_csv_files:
        write_csv(out, [public(v) for v in versions])
    last = start + dt.timedelta(days=days - 1)
    summary = {"shipments": len(recs), "records": len(versions), "illicit": sum(t["illicit"] for t in truth.values()),
               "outcomes": len(outcomes), "seizures": sum(o["result"] == "seizure" for o in outcomes),
               "watchlist": len(watch.entries), "first_day": start.isoformat(), "last_day": last.isoformat(),
               "outcome_weeks_end": (start + dt.timedelta(days=7 * outcome_weeks - 1)).isoformat()}
    (out / "period.json").write_text(json.dumps(summary, indent=1) + "\n")
    return summary


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shipments", type=int, default=10000)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--start", default="2026-01-12", help="first day, YYYY-MM-DD")
    ap.add_argument("--outcome-weeks", type=int, default=3)
    ap.add_argument("--csv", action="store_true", help="also write the shipments as regional CSV files")
    args = ap.parse_args(argv)
    summary = generate(shipments=args.shipments, days=args.days, seed=args.seed, out=args.out,
                       start=dt.date.fromisoformat(args.start), outcome_weeks=args.outcome_weeks, write_csv_files=args.csv)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
