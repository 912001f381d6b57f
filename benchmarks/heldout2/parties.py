"""People and companies who send and receive, and the many ways their names, addresses and phones
get written down: scripts, transliterations, diacritics, name order, typos, initials, capitals."""

from __future__ import annotations

import dataclasses
import random

from benchmarks.heldout2 import world


@dataclasses.dataclass
class Party:
    kind: str                 # person | organisation
    lang: str                 # name pool
    country: str
    first: str = ""
    last: str = ""
    org: str = ""
    street: str = ""
    number: str = ""
    city: str = ""
    postcode: str = ""
    phone: str = ""           # digits with country code, no +
    email: str = ""
    birth_date: str = ""
    uid: int = 0

    @property
    def native_cyrillic(self) -> bool:
        return self.lang in world.CYRILLIC_NATIVE or (self.lang == "sr" and self.country in {"RS", "BA", "ME"} and self.uid % 4 == 0)


def _female_surname(last: str, lang: str) -> str:
    if lang == "bg" and last.endswith("в"):
        return last + "а"
    if lang == "mk" and last.endswith("ски"):
        return last[:-1] + "а"
    if lang == "pl" and last.endswith("ski"):
        return last[:-1] + "a"
    return last


class People:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.count = 0

    def person(self, country: str, lang: str | None = None) -> Party:
        rng = self.rng
        if lang is None:
            pools = world.POPULATION.get(country, [("en", 1)])
            lang = rng.choices([p for p, _ in pools], [w for _, w in pools])[0]
        names = world.NAMES[lang]
        sex = rng.choice("mf")
        last = rng.choice(names["s"])
        if sex == "f":
            last = _female_surname(last, lang)
        self.count += 1
        p = Party("person", lang, country, first=rng.choice(names[sex]), last=last, uid=self.count,
                  birth_date=f"{rng.randint(1952, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        self._place(p)
        return p

    def organisation(self, country: str, lang: str | None = None, words: str | None = None) -> Party:
        rng = self.rng
        if lang is None:
            lang = {"RS": "sr", "BA": "sr", "ME": "sr", "HR": "sr", "MK": "mk", "BG": "bg", "AL": "sq", "XK": "sq",
                    "TR": "tr", "DE": "de", "AT": "de", "CH": "de", "CN": "zh"}.get(country, "en")
        pool = world.ORG_WORDS.get(words or lang, world.ORG_WORDS["en"])
        suffix = rng.choice(world.ORG_SUFFIX.get(country, ["Ltd"]))
        if lang == "zh":
            city = rng.choice(world.COUNTRIES["CN"]["cities"])[0]
            name = f"{city} {rng.choice(pool)} {suffix}"
        else:
            root_lang = lang if lang in world.NAMES else "en"
            root = rng.choice(world.NAMES[root_lang]["s"])
            if lang == "sr":
                root = root.rstrip("ć").rstrip("i") if rng.random() < 0.3 else root
            roots = [root, rng.choice(["Alfa", "Delta", "Omega", "Sigma", "Balkan", "Euro", "Nova", "Star", "Vega", "Lux"])]
            if lang == "mk":
                roots[1] = world.sr_latin_to_cyrillic(roots[1]) if rng.random() < 0.6 else roots[1]
            if lang == "bg":
                roots[1] = {"Alfa": "Алфа", "Delta": "Делта", "Omega": "Омега", "Sigma": "Сигма", "Balkan": "Балкан",
                            "Euro": "Евро", "Nova": "Нова", "Star": "Стар", "Vega": "Вега", "Lux": "Лукс"}[roots[1]]
            name = f"{rng.choice(roots)} {rng.choice(pool)} {suffix}"
        self.count += 1
        p = Party("organisation", lang, country, org=name, uid=self.count)
        self._place(p)
        return p

    def _place(self, p: Party) -> None:
        rng = self.rng
        c = world.COUNTRIES[p.country]
        p.city, p.postcode = rng.choice(c["cities"])
        p.street = rng.choice(c["streets"])
        p.number = str(rng.randint(1, 180)) + (rng.choice(["", "", "", "a", "/3", "/12", "b"]))
        cc, prefixes, n = c["phone"]
        p.phone = cc + rng.choice(prefixes) + "".join(str(rng.randint(0, 9)) for _ in range(n))
        if rng.random() < 0.75:
            p.email = self.email_for(p)

    def email_for(self, p: Party) -> str:
        rng = self.rng
        domains = world.MAIL_DOMAINS.get(p.country, world.MAIL_DOMAINS["*"])
        if p.kind == "organisation":
            base = world.strip_diacritics(ascii_name(p.org.split()[0], p.lang)).lower()
            return f"{rng.choice(['info', 'office', 'sales', 'kontakt', 'export'])}@{base}.{p.country.lower()}" \
                if p.country not in {"CN", "US", "GB"} else f"{base}{rng.randint(1, 999)}@{rng.choice(['163.com', 'qq.com', 'gmail.com'])}"
        first = world.strip_diacritics(ascii_name(p.first, p.lang)).lower()
        last = world.strip_diacritics(ascii_name(p.last, p.lang)).lower().replace(" ", "")
        local = rng.choice([f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first[0]}{last}",
                            f"{last}.{first}{rng.randint(70, 99)}", f"{first}_{rng.randint(100, 9999)}"])
        return f"{local}@{rng.choice(domains)}"


def ascii_name(text: str, lang: str) -> str:
    if lang in ("mk", "bg"):
        return world.to_latin(text, lang, 1)
    return world.strip_diacritics(text)


# --- rendering --------------------------------------------------------------------------------

def _latin(text: str, lang: str, style: int, rng: random.Random) -> str:
    if lang in ("mk", "bg"):
        return world.to_latin(text, lang, style, rng)
    if lang in ("sr", "me", "bs", "hr") and style == 2:
        cyr = world.sr_latin_to_cyrillic(text)
        return world.to_latin(cyr, "sr", 2, rng)
    return world.strip_diacritics(text) if style == 1 else text


def _cyrillic(text: str, lang: str) -> str:
    if lang in ("mk", "bg"):
        return text
    if lang in ("sr", "me", "bs"):
        return world.sr_latin_to_cyrillic(text)
    return text


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    op = rng.random()
    if op < 0.4:
        return text[:i] + text[i + 1:]
    if op < 0.7:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + text[i] + text[i:]


VARIANTS = ("script", "ascii", "translit", "order", "initial", "typo", "caps")


def render_name(p: Party, writer: str, rng: random.Random, variant: str | None = None) -> str:
    """How `p`'s name appears in data entered in country `writer`. variant forces one of VARIANTS."""
    if p.kind == "organisation":
        name = p.org
        if p.lang in ("mk", "bg") and (writer not in world.CYRILLIC_PLACES or variant in ("script", "translit")):
            name = world.to_latin(name, p.lang, 2 if variant == "translit" else rng.choice([0, 1]), rng)
        elif variant == "script" and p.lang == "sr":
            name = world.sr_latin_to_cyrillic(name)
        if variant in ("ascii", "translit"):
            name = world.strip_diacritics(name)
        if variant == "typo":
            name = _typo(name, rng)
        if variant == "caps" or rng.random() < 0.08:
            name = name.upper()
        return name
    first, last = p.first, p.last
    cyr_writer = writer in world.CYRILLIC_PLACES or (writer in ("RS", "BA", "ME") and p.native_cyrillic)
    use_cyr = p.lang in ("mk", "bg", "sr", "me", "bs") and cyr_writer and p.country == writer
    if variant == "script":
        use_cyr = not use_cyr and p.lang in ("mk", "bg", "sr", "me", "bs")
    if use_cyr:
        first, last = _cyrillic(first, p.lang), _cyrillic(last, p.lang)
    else:
        style = 2 if variant == "translit" else 1 if (variant == "ascii" or (writer not in world.REGION and rng.random() < 0.55)) else 0
        first, last = _latin(first, p.lang, style, rng), _latin(last, p.lang, style, rng)
    if variant == "typo":
        if rng.random() < 0.5:
            last = _typo(last, rng)
        else:
            first = _typo(first, rng)
    if variant == "initial":
        first = first[0] + "."
    order_swap = variant == "order" or (variant is None and rng.random() < 0.07)
    name = f"{last} {first}" if order_swap else f"{first} {last}"
    if variant == "order" and rng.random() < 0.4:
        name = f"{last}, {first}"
    if variant == "caps" or (variant is None and rng.random() < 0.1):
        name = name.upper()
    return name


def render_street(p: Party, writer: str, rng: random.Random, variant: bool = False) -> str:
    street = p.street
    if p.country in world.CYRILLIC_PLACES and (writer not in world.CYRILLIC_PLACES or variant):
        street = world.to_latin(street, "mk" if p.country == "MK" else "bg", rng.choice([0, 1, 2]), rng)
    if variant or rng.random() < 0.15:
        for a, b in (("Straße", rng.choice(["Str.", "Strasse", "str."])), ("strasse", "str."), ("Bulevar", "Bul."),
                     ("бул.", "булевар"), ("ул.", ""), ("ulica", "ul."), ("Rruga", "Rr."), ("Cad.", "Caddesi")):
            if a in street:
                street = street.replace(a, b).strip()
                break
    number = p.number
    if variant and rng.random() < 0.5:
        number = number.replace("/", " stan ") if "/" in number else number + rng.choice(["", " A", "/1"])
    return f"{street} {number}".strip() if p.country not in ("FR", "BE", "IT", "US", "GB") else f"{number} {street}"


def render_city(p: Party, writer: str, rng: random.Random) -> str:
    if p.country in world.CYRILLIC_PLACES and writer not in world.CYRILLIC_PLACES:
        return world.to_latin(p.city, "mk" if p.country == "MK" else "bg", rng.choice([0, 1]), rng)
    if writer not in world.REGION and rng.random() < 0.4:
        return world.strip_diacritics(p.city)
    return p.city


def render_phone(phone: str, rng: random.Random, style: int | None = None) -> str:
    if not phone:
        return ""
    cc_len = 1 if phone.startswith("1") else 2 if phone[:2] in ("30", "31", "32", "33", "39", "41", "43", "44", "45", "46", "48", "49", "55", "57", "86", "90", "91") else 3
    cc, rest = phone[:cc_len], phone[cc_len:]
    style = rng.randrange(5) if style is None else style
    if style == 3 and cc == "1":
        return f"({rest[:3]}) {rest[3:6]}-{rest[6:]}"
    if style == 3 and cc in ("86", "90", "91", "55", "57", "593", "971", "20"):
        style = 0
    if style == 0:
        return f"+{cc} {rest[:2]} {rest[2:5]} {rest[5:]}"
    if style == 1:
        return f"+{cc}{rest}"
    if style == 2:
        return f"00{cc}{rest}"
    if style == 3:
        return f"0{rest[:2]}/{rest[2:5]}-{rest[5:]}"
    return f"{cc}{rest}"


def block(p: Party, writer: str, rng: random.Random, *, variant: str | None = None, address_variant: bool = False,
          street: str | None = None, with_phone: float = 0.7, with_email: float = 0.4, id_number: bool = False,
          phone: str | None = None, email: str | None = None) -> dict:
    """The shipper or consignee object of a record."""
    out = {"name": render_name(p, writer, rng, variant)}
    out["street"] = street if street is not None else render_street(p, writer, rng, address_variant)
    out["city"] = render_city(p, writer, rng)
    if rng.random() < 0.93:
        out["postcode"] = p.postcode
    out["country"] = p.country
    ph = phone if phone is not None else (p.phone if rng.random() < with_phone else "")
    if ph:
        out["phone"] = render_phone(ph, rng)
    em = email if email is not None else (p.email if rng.random() < with_email else "")
    if em:
        out["email"] = em
    if id_number:
        out["id_number"] = str(rng.randint(10 ** 12, 10 ** 13 - 1))
    return out
