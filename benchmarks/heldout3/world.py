"""The world the traffic happens in: reporters with their identifier habits and clocks, the people and
businesses who send and receive, and the building of one shipment record (records.md §1) from who,
what, where and when. Illicit and innocent shipments are built by the same functions here."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from benchmarks.heldout3 import identifiers as ids
from benchmarks.heldout3.goods import LANG_OF, Goods, describe_indexed
from benchmarks.heldout3.people import (CN_TRADES, CN_WORDS, COMMUNITIES, COUNTRY_STREET_LANG, EMAIL_DOMAINS,
                                        LEGAL_FORM, NAMES, PLACES, STREETS, format_phone, is_cyrillic, phone_number,
                                        strip_diacritics, to_cyrillic, to_latin)

REGION = ["RS", "BA", "ME", "MK", "AL", "XK", "BG", "HR"]
HOME_CURRENCY = {"RS": "RSD", "BA": "BAM", "MK": "MKD", "AL": "ALL", "XK": "EUR", "ME": "EUR", "BG": "EUR", "HR": "EUR"}
EUR_RATE = {"EUR": 1.0, "RSD": 117.1, "BAM": 1.95583, "MKD": 61.5, "ALL": 98.4, "USD": 1.09, "CHF": 0.94, "GBP": 0.85,
            "SEK": 11.2, "TRY": 44.0, "CNY": 7.8, "HUF": 395.0, "CZK": 24.9, "PLN": 4.28, "RON": 5.0, "BGN": 1.95583,
            "INR": 93.0, "AED": 4.0, "BRL": 6.1}
FOREIGN_CURRENCY = {"CN": ["USD", "USD", "CNY", "EUR"], "US": ["USD"], "CH": ["CHF", "EUR"], "GB": ["GBP"], "SE": ["SEK", "EUR"],
                    "TR": ["USD", "EUR", "TRY"], "HU": ["HUF", "EUR"], "CZ": ["CZK", "EUR"], "PL": ["PLN", "EUR"],
                    "RO": ["RON", "EUR"], "IN": ["USD", "INR"], "AE": ["USD", "AED"], "BR": ["USD"], "EC": ["USD"],
                    "CO": ["USD"], "UA": ["USD", "EUR"]}


@dataclass(frozen=True)
class Reporter:
    code: str
    country: str
    mode: str
    scheme: str          # s10 | awb:<prefix> | hawb | tracking:<scheme> | tir | container
    weight: float
    clock: str           # CET | EET | UTC
    ascii_names: bool    # its system keeps only unaccented Latin
    carrier: str


R = Reporter
REPORTERS = [
    R("POSTA-RS", "RS", "postal", "s10", 12, "CET", False, "Pošta Srbije"),
    R("BGPOST", "BG", "postal", "s10", 7, "EET", False, "Български пощи"),
    R("HPOSTA-HR", "HR", "postal", "s10", 5, "CET", False, "Hrvatska pošta"),
    R("BHPOSTA", "BA", "postal", "s10", 4, "CET", False, "BH Pošta"),
    R("POSTE-SRPSKE", "BA", "postal", "s10", 2.5, "CET", False, "Pošte Srpske"),
    R("HP-MOSTAR", "BA", "postal", "s10", 1, "CET", False, "HP Mostar"),
    R("MKPOST", "MK", "postal", "s10", 6, "CET", False, "Пошта на Северна Македонија"),
    R("POSTASH-AL", "AL", "postal", "s10", 4, "CET", False, "Posta Shqiptare"),
    R("POSTAKS", "XK", "postal", "s10", 3, "CET", False, "Posta e Kosovës"),
    R("POSTACG", "ME", "postal", "s10", 2, "CET", False, "Pošta Crne Gore"),
    R("UNIX-RS", "RS", "express", "tracking:mod7_10", 5, "UTC", True, "UniExpress"),
    R("UNIX-BG", "BG", "express", "tracking:mod7_10", 3, "UTC", True, "UniExpress"),
    R("UNIX-HR", "HR", "express", "tracking:mod7_10", 2, "UTC", True, "UniExpress"),
    R("UNIX-MK", "MK", "express", "tracking:mod7_10", 2, "UTC", True, "UniExpress"),
    R("UNIX-AL", "AL", "express", "tracking:mod7_10", 1.5, "UTC", True, "UniExpress"),
    R("UNIX-BA", "BA", "express", "tracking:mod7_10", 1.5, "UTC", True, "UniExpress"),
    R("BRZIKURIR-RS", "RS", "express", "tracking:luhn_prefixed", 5, "CET", False, "Brzi Kurir"),
    R("EXPRESSCO-BA", "BA", "express", "tracking:gs1_12", 3, "CET", False, "ExpressCo"),
    R("KURIR-MK", "MK", "express", "tracking:dashed", 3, "CET", False, "Курир Експрес"),
    R("ALBEX-AL", "AL", "express", "tracking:alpha_suffix", 2, "CET", True, "AlbEx"),
    R("DARDANEX-XK", "XK", "express", "tracking:plain13", 2, "CET", True, "Dardanex"),
    R("LOCKBOX-BG", "BG", "express", "tracking:locker", 3, "EET", False, "LockBox"),
    R("ADRIAKURIR-ME", "ME", "express", "tracking:gs1_12", 1, "CET", False, "Adria Kurir"),
    R("JADRANEX-HR", "HR", "express", "tracking:plain13", 2, "CET", False, "Jadran Express"),
    R("AIRSERBIA-CARGO", "RS", "air_cargo", "awb:115", 2, "UTC", True, "Air Serbia"),
    R("TKCARGO-MK", "MK", "air_cargo", "awb:235", 1, "UTC", True, "Turkish Cargo"),
    R("TKCARGO-AL", "AL", "air_cargo", "awb:235", 1, "UTC", True, "Turkish Cargo"),
    R("QRCARGO-BG", "BG", "air_cargo", "awb:157", 1, "UTC", True, "Qatar Airways Cargo"),
    R("LHCARGO-HR", "HR", "air_cargo", "awb:020", 1, "UTC", True, "Lufthansa Cargo"),
    R("ADRIAFWD-RS", "RS", "air_cargo", "hawb", 2, "CET", True, "Adria Forwarding"),
    R("SKYLOG-BA", "BA", "air_cargo", "hawb", 1, "CET", True, "SkyLog"),
    R("BATROVCI-SPED", "RS", "road", "tir", 1.5, "CET", True, "road haulier"),
    R("BLACE-SPED", "MK", "road", "tir", 0.5, "CET", True, "road haulier"),
    R("KAPITAN-SPED", "BG", "road", "tir", 1, "EET", True, "road haulier"),
    R("LUKABAR-AGENT", "ME", "sea", "container", 0.7, "CET", True, "Mediterranean Shipping"),
    R("DURRES-AGENT", "AL", "sea", "container", 0.7, "CET", True, "Adriatic Feeder Line"),
    R("PLOCE-AGENT", "HR", "sea", "container", 0.6, "CET", True, "Adriatic Feeder Line"),
]
BY_CODE = {r.code: r for r in REPORTERS}
MODE_SHARE = {"postal": 49, "express": 37, "air_cargo": 9, "road": 3, "sea": 2}
AIRPORT = {"RS": "BEG", "BA": "SJJ", "ME": "TGD", "MK": "SKP", "AL": "TIA", "XK": "PRN", "BG": "SOF", "HR": "ZAG",
           "TR": "IST", "DE": "FRA", "AT": "VIE", "CH": "ZRH", "NL": "AMS", "CN": "PVG", "US": "JFK", "AE": "DXB",
           "GB": "LHR", "IT": "MXP", "SE": "ARN", "IN": "BOM", "BR": "GRU", "EC": "UIO", "CO": "BOG", "BE": "LGG",
           "HU": "BUD", "FR": "CDG", "QA": "DOH"}
FLIGHT_PREFIX = {"115": "JU", "235": "TK", "157": "QR", "020": "LH"}
PORT_OWNERS = ["MSCU", "MAEU", "CMAU", "TGHU", "HLXU", "ZIMU", "OOLU", "EGLV"]

IMPORT_ORIGINS = {
    "postal": {"CN": 38, "DE": 10, "US": 5, "TR": 6, "AT": 4, "CH": 4, "GB": 3, "IT": 3, "SE": 2, "FR": 2, "NL": 2,
               "HU": 1, "CZ": 1, "PL": 1, "*": 14},
    "express": {"DE": 14, "CN": 16, "TR": 10, "AT": 6, "CH": 5, "US": 5, "IT": 5, "NL": 4, "GB": 3, "PL": 2, "CZ": 2,
                "SK": 1, "HU": 2, "FR": 2, "*": 20},
    "air_cargo": {"CN": 25, "TR": 12, "DE": 10, "US": 8, "IN": 6, "AE": 6, "NL": 6, "IT": 5, "GB": 4, "BR": 2, "EC": 1,
                  "CO": 1, "CH": 4},
    "road": {"TR": 40, "DE": 15, "IT": 10, "HU": 10, "GR": 10, "*": 15},
    "sea": {"CN": 40, "TR": 20, "IT": 10, "EC": 6, "BR": 4, "IN": 10, "GR": 10},
}
EXPORT_DESTINATIONS = {"DE": 24, "AT": 12, "CH": 12, "SE": 6, "US": 7, "IT": 5, "FR": 4, "NL": 3, "BE": 3, "GB": 4,
                       "TR": 3, "*": 17}
DIRECTIONS = {"postal": {"import": 70, "export": 30}, "express": {"import": 56, "export": 44},
              "air_cargo": {"import": 70, "export": 14, "transit": 16}, "road": {"transit": 55, "import": 32, "export": 13},
              "sea": {"import": 80, "export": 20}}


def pick(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# --- clocks ------------------------------------------------------------------------------------

def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def utc_offset(clock: str, moment: dt.datetime) -> dt.timedelta:
    """EU summer time: from the last Sunday of March to the last Sunday of October, 01:00 UTC."""
    if clock == "UTC":
        return dt.timedelta(0)
    base = 1 if clock == "CET" else 2
    y = moment.year
    start = dt.datetime.combine(_last_sunday(y, 3), dt.time(1), dt.timezone.utc)
    end = dt.datetime.combine(_last_sunday(y, 10), dt.time(1), dt.timezone.utc)
    return dt.timedelta(hours=base + (1 if start <= moment < end else 0))


def local_iso(clock: str, moment: dt.datetime, *, zulu: bool = False) -> str:
    if clock == "UTC":
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if zulu else moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    off = utc_offset(clock, moment)
    local = (moment + off).replace(tzinfo=dt.timezone(off))
    return local.isoformat(timespec="seconds")


def local_date(clock: str, moment: dt.datetime) -> dt.date:
    return (moment + utc_offset(clock, moment)).date()


# --- parties -----------------------------------------------------------------------------------

@dataclass
class Party:
    kind: str                    # person | org
    lang: str                    # community, for the script the name is natively written in
    name: str                    # as the party itself writes it
    street: str
    number: str
    city: str
    city_cyr: str | None
    postcode: str
    country: str
    phone: tuple | None = None
    email: str | None = None
    id_number: str | None = None
    birth_year: int = 1980
    locker: str | None = None    # parcel locker / pick-up point / P.O. box line instead of the street
    tags: tuple = ()
    account: str | None = None   # courier customer account
    account_opened: dt.date | None = None


def latin_name(party: Party) -> str:
    return to_latin(party.name, party.lang) if is_cyrillic(party.name) else party.name


def _gendered(rng: random.Random, lang: str) -> tuple[str, str]:
    males, females, lasts = NAMES[lang]
    female = rng.random() < 0.42
    first = rng.choice(females if female else males)
    last = rng.choice(lasts)
    if lang == "mk" and last.endswith(("ов", "ев")) and rng.random() < 0.75:
        last += "ска" if female else "ски"
    elif lang in ("mk", "bg") and female and last.endswith(("ов", "ев")):
        last += "а"
    return first, last


def _email(rng: random.Random, first: str, last: str, country: str) -> str:
    f = strip_diacritics(to_latin(first)).lower().replace(" ", "")
    l_ = strip_diacritics(to_latin(last)).lower().replace(" ", "")
    domain = rng.choice(EMAIL_DOMAINS.get(country, ["gmail.com", "outlook.com", "yahoo.com"]))
    form = rng.randrange(4)
    local = (f"{f}.{l_}" if form == 0 else f"{f}{l_}{rng.randrange(10, 99)}" if form == 1
             else f"{f[0]}{l_}" if form == 2 else f"{l_}.{f}{rng.choice(['', '1', '77', '85', '90'])}")
    return f"{local}@{domain}"


def _id_number(rng: random.Random, country: str, birth_year: int) -> str | None:
    if country in ("RS", "BA", "ME", "MK"):
        return ids.jmbg(rng, birth_year, {"RS": 71, "BA": 17, "ME": 21, "MK": 41}[country] + rng.randrange(9))
    if country == "HR":
        return ids.oib(rng)
    if country == "BG":
        return ids.egn(rng, birth_year)
    if country == "AL":
        return ids.albanian_nid(rng, birth_year)
    if country == "XK":
        return f"{rng.randrange(10**9, 10**10)}"
    return None


def street_of(rng: random.Random, country: str, lang: str | None = None) -> str:
    slang = COUNTRY_STREET_LANG.get(country, "en")
    if country == "BA" and lang == "sr":   # Republika Srpska: Serbian street names
        slang = "sr"
    return rng.choice(STREETS[slang])


def house_number(rng: random.Random, country: str = "") -> str:
    if country in ("RS", "BA", "ME", "MK") and rng.random() < 0.03:
        return "bb"   # "bez broja": a house without a number
    n = str(rng.choices([rng.randint(1, 30), rng.randint(31, 220)], weights=[3, 1])[0])
    r = rng.random()
    if r < 0.12:
        n += rng.choice("abv" if country in ("RS", "BA", "ME", "BG") else "ab")
    elif r < 0.25:
        n += f"/{rng.randint(1, 40)}"
    return n


def make_person(rng: random.Random, country: str, *, lang: str | None = None) -> Party:
    lang = lang or pick(rng, dict(COMMUNITIES.get(country, [("en", 1)])))
    first, last = _gendered(rng, lang)
    city, city_cyr, postcode = rng.choice(PLACES.get(country, PLACES["DE"]))
    birth = rng.randint(1950, 2004)
    name = f"{first} {last}"
    return Party("person", lang, name, street_of(rng, country, lang), house_number(rng, country), city, city_cyr, postcode,
                 country, phone_number(rng, country), _email(rng, first, last, country) if rng.random() < 0.75 else None,
                 _id_number(rng, country, birth), birth)


ORG_WORDS = {
    "shop": ["Web Shop", "Online Market", "Sve za kuću", "ModaMix", "TechZona", "Igračke Maza", "Sportland", "Kozmetika Plus",
             "Libris", "AutoDelovi Pro", "Alati Centar", "PetShop Ljubimac", "Domaćica", "Bebi Svet", "Gadget Point"],
    "trade": ["Trade", "Commerce", "Impex", "Trans", "Logistik", "Invest", "Group", "Company", "Promet", "Export-Import"],
    "stem": ["Balkan", "Adria", "Vardar", "Morava", "Drina", "Sava", "Una", "Dunav", "Ibar", "Šar", "Iliria", "Dardania",
             "Tara", "Rila", "Pirin", "Lim", "Neretva", "Vrbas", "Korab", "Ohrid", "Euro", "Metal", "Auto", "Agro", "Lux",
             "Star", "Best", "Nova", "Alfa", "Delta", "Omega", "Pro", "Max", "Mega", "Eko", "Tehno", "Gold"],
}


def make_org(rng: random.Random, country: str, *, trade: str | None = None, name: str | None = None) -> Party:
    city, city_cyr, postcode = rng.choice(PLACES.get(country, PLACES["DE"]))
    if name is None:
        if country == "CN":
            name = f"{city} {rng.choice(CN_WORDS)} {rng.choice(CN_TRADES)} Co., Ltd."
        else:
            stem = rng.choice(ORG_WORDS["stem"])
            word = trade or rng.choice(ORG_WORDS["trade"])
            name = f"{stem} {word} {rng.choice(LEGAL_FORM.get(country, ['Ltd']))}".strip()
    lang = LANG_OF.get(country, "en")
    if country in ("RS", "BA", "ME") and is_cyrillic(name):
        name = to_cyrillic(name)
    if country in ("MK", "BG") and any(form in name for form in ("ДООЕЛ", "ДОО", "ЕООД", "ООД")) and rng.random() < 0.7:
        head, _, form = name.rpartition(" ")
        name = to_cyrillic(head) + " " + form if lang != "bg" else head + " " + form
    slug = strip_diacritics(to_latin(name.split()[0] + name.split()[1] if len(name.split()) > 2 else name.split()[0])).lower()
    slug = "".join(c for c in slug if c.isalnum()) or "shop"
    tld = {"RS": "rs", "BA": "ba", "ME": "me", "MK": "mk", "AL": "al", "XK": "com", "BG": "bg", "HR": "hr", "DE": "de",
           "AT": "at", "CH": "ch", "CN": "com", "TR": "com.tr"}.get(country, "com")
    return Party("org", lang, name, street_of(rng, country), house_number(rng, country),
                 city, city_cyr, postcode, country, phone_number(rng, country),
                 f"{rng.choice(['info', 'office', 'sales', 'shop', 'export'])}@{slug}.{tld}", None, 1990)


LOCKER_FORMS = {
    "RS": ["Paketomat {n}, {street}", "Paketomat BK-{n}", "Pak shop {n}", "Poštanski fah {p}"],
    "BG": ["LockBox автомат {n}", "LockBox locker {n}", "Офис-автомат {n}", "П.К. {p}"],
    "HR": ["Paketomat HP {n}", "Paketomat {n}, {street}", "Poštanski pretinac {p}"],
    "BA": ["Paketomat {n}", "Poštanski pretinac {p}", "P.fah {p}"],
    "MK": ["Пакетомат {n}", "Paketomat KE-{n}", "П.фах {p}"],
    "AL": ["Kutia postare {p}", "Pika e marrjes AlbEx {n}"],
    "XK": ["Pika e marrjes {n}", "Kutia postare {p}"],
    "ME": ["Paketomat {n}", "Poštanski fah {p}"],
    "DE": ["Packstation {n}", "Postfach {p}"], "AT": ["Abholstation {n}", "Postfach {p}"],
    "CH": ["Pick Post {n}", "Postfach {p}"], "SE": ["Paketbox {n}", "Box {p}"],
}


def make_locker(rng: random.Random, country: str) -> tuple[str, str, str, str | None]:
    """A pick-up address (line, city, postcode, city in Cyrillic) that serves many unrelated people."""
    city, city_cyr, postcode = rng.choice(PLACES.get(country, PLACES["DE"]))
    form = rng.choice(LOCKER_FORMS.get(country, ["P.O. Box {p}"]))
    line = form.format(n=rng.randint(100, 999), p=rng.randint(1, 400), street=street_of(rng, country))
    return line, city, postcode, city_cyr


# --- writing a party into a record ---------------------------------------------------------------

def written_name(rng: random.Random, party: Party, *, style: str) -> str:
    """How this party's name appears in one system: native script, Latin, or unaccented (ASCII) Latin."""
    name = party.name
    if style == "native":
        if party.lang in ("sr", "me", "bs") and party.kind == "person" and rng.random() < 0.3:
            return to_cyrillic(name)
        return name
    latin = latin_name(party)
    if style == "latin":
        return latin
    plain = strip_diacritics(latin)
    return plain.upper() if rng.random() < 0.35 else plain


def written_street(rng: random.Random, party: Party, *, style: str) -> str:
    street = party.locker or f"{party.street} {party.number}"
    if style == "native":
        if party.lang in ("sr", "me") and party.country in ("RS", "BA", "ME") and rng.random() < 0.2 and not party.locker:
            return to_cyrillic(street)
        return street
    lang = "mk" if party.country == "MK" else "bg" if party.country == "BG" else "sr"
    latin = to_latin(street, lang) if is_cyrillic(street) else street
    return latin if style == "latin" else strip_diacritics(latin)


def written_city(rng: random.Random, party: Party, *, style: str) -> str:
    if style == "native" and party.city_cyr and party.country in ("MK", "BG") and rng.random() < 0.7:
        return party.city_cyr
    if style == "native" and party.city_cyr and party.country in ("RS", "BA", "ME") and rng.random() < 0.15:
        return party.city_cyr
    return party.city if style != "ascii" else strip_diacritics(party.city)


def render_party(rng: random.Random, party: Party, *, style: str, phone: bool, email: bool, id_number: bool = False,
                 postcode: bool = True, name: str | None = None, street: str | None = None, phone_style: int | None = None) -> dict:
    out = {"name": name or written_name(rng, party, style=style),
           "street": street or written_street(rng, party, style=style),
           "city": written_city(rng, party, style=style)}
    if postcode:
        out["postcode"] = party.postcode
    out["country"] = party.country
    if phone and party.phone:
        out["phone"] = format_phone(rng, party.phone, phone_style)
    if email and party.email:
        out["email"] = party.email
    if id_number and party.id_number:
        out["id_number"] = party.id_number
    return out


# --- one shipment --------------------------------------------------------------------------------

@dataclass
class Line:
    description: str
    hs: str | None
    qty: int
    net_kg: float
    value_eur: float
    origin: str | None = None
    lang: str = "en"


def skewed(rng: random.Random, lo: float, hi: float, power: float = 1.8) -> float:
    """Between lo and hi, most often near lo: parcels are mostly light and cheap, a few are not."""
    if lo <= 0:
        return hi * rng.random() ** (power + 1)
    return lo * (hi / lo) ** (rng.random() ** power)


def goods_lines(rng: random.Random, goods: Goods, lang: str, *, n_lines: int = 1, scale: float = 1.0) -> list[Line]:
    out = []
    for _ in range(n_lines):
        text, used, i = describe_indexed(rng, goods, lang)
        lo, hi = goods.qty
        qty = lo + int((hi - lo + 1) * rng.random() ** 2.2)
        unit_kg = skewed(rng, *goods.unit_kg) * scale
        unit_eur = skewed(rng, *goods.unit_eur, power=1.4) * scale
        paired = used == "en" and len(goods.hs) == len(goods.words["en"])
        hs = (goods.hs[i] if paired else rng.choice(goods.hs)) if goods.hs else None
        out.append(Line(text, hs, qty, round(qty * unit_kg, 3), round(qty * unit_eur, 2), None, used))
    return out


def description_language(rng: random.Random, sender_country: str, receiver_country: str, *, business: bool) -> str:
    """Which language the sender writes the contents in: its own, English, or the receiver's."""
    own = LANG_OF.get(sender_country, "en")
    theirs = LANG_OF.get(receiver_country, "en")
    r = rng.random()
    if sender_country == "CN" or (business and r < 0.6):
        return "en"
    if r < 0.45:
        lang = own
    elif r < 0.75:
        lang = "en"
    else:
        lang = theirs
    if lang == "sr" and rng.random() < 0.3:
        return "sr_cyr"
    return lang


@dataclass
class Shipment:
    reporter: Reporter
    shipment_id: str
    moment: dt.datetime                       # first report, UTC
    direction: str
    origin: str
    destination: str
    shipper: dict
    consignee: dict
    lines: list[Line]
    category: str | None
    payment: str | None
    currency: str | None
    gross_kg: float
    value_eur: float | None
    pieces: int = 1
    departure: str | None = None
    transit: list = field(default_factory=list)
    departure_date: dt.date | None = None
    arrival_date: dt.date | None = None
    conveyance: str | None = None
    master_ref: str | None = None
    extra: dict = field(default_factory=dict)
    show_net: bool = True
    show_hs: bool = True
    # truth
    illicit: bool = False
    pattern: str | None = None
    goods: str | None = None
    signals: list = field(default_factory=list)
    contraband: list = field(default_factory=list)   # [(Contraband, qty)] for findings
    parties: tuple = ()                                # (shipper Party, consignee Party)
    case: str | None = None                            # the smuggling act a split shipment belongs to

    @property
    def key(self) -> tuple[str, str]:
        return (self.reporter.code, self.shipment_id)


def new_id(rng: random.Random, reporter: Reporter, origin: str, direction: str, used: set) -> str:
    while True:
        valid = rng.random() > 0.004
        if reporter.scheme == "s10":
            country = reporter.country if direction == "export" else origin
            if country == "XK" and rng.random() < 0.5:
                country = "KS"  # Kosovo's post still uses KS in item ids
            service = rng.choice(["RR", "RA", "RB", "CP", "CA", "EE", "LX", "LY", "UA", "LP", "LZ"]) if origin == "CN" and direction == "import" \
                else rng.choice(["RR", "RA", "CP", "CP", "CD", "EE", "EA", "LA", "RE"])
            sid = ids.s10(rng, service, country, valid=valid)
        elif reporter.scheme.startswith("awb:"):
            sid = ids.awb(rng, reporter.scheme[4:], valid=valid)
        elif reporter.scheme == "hawb":
            sid = f"{reporter.code[:3]}{rng.choice(['H', 'HB', ''])}{rng.randrange(10**6, 10**7)}"
        elif reporter.scheme.startswith("tracking:"):
            sid = ids.tracking(rng, reporter.scheme[9:], valid=valid)
        elif reporter.scheme == "tir":
            sid = f"{rng.choice(['XF', 'XG', 'XH'])}{rng.randrange(10**8):08d}"
        else:
            sid = ids.container(rng, rng.choice(PORT_OWNERS))
        if (reporter.code, sid) not in used:
            used.add((reporter.code, sid))
            return sid
