"""The people and companies of the synthetic traffic, and the ways their names get written.

A `Party` is one shipper or consignee with a home address, a phone and maybe an e-mail. The
variant functions reproduce the identity games of threats.md (Cyrillic/Latin, dropped diacritics,
swapped order, typos, initials), which ordinary people also play without meaning to.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from random import Random

from interdict.simulate.catalogue import Catalogue

# Letters that carry Serbian/Croatian diacritics and nothing else: such a text can be written in
# Serbian Cyrillic without losing anything.
_SERBIAN_LATIN = set("čćšžđČĆŠŽĐ")
_ASCII_EXTRA = str.maketrans({"ı": "i", "İ": "I", "đ": "dj", "Đ": "Dj", "ß": "ss", "ł": "l", "Ł": "L"})
_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}
_TO_LATIN_TABLE = str.maketrans(
    {**_CYRILLIC_TO_LATIN, **{k.upper(): v[:1].upper() + v[1:] for k, v in _CYRILLIC_TO_LATIN.items()}}
)


class Party:
    """One shipper or consignee: a person or an organisation with its home address and contacts."""

    __slots__ = (
        "kind", "given", "surname", "name", "cyrillic", "street", "city", "postcode", "country",
        "phone_country", "phone_prefix", "phone_digits", "phone_format", "email", "writes_cyrillic",
        "street_cyrillic", "city_cyrillic",
    )

    def __init__(self, **fields):
        for slot in self.__slots__:
            setattr(self, slot, fields.get(slot))

    def copy(self, **changes) -> Party:
        fields = {slot: getattr(self, slot) for slot in self.__slots__}
        fields.update(changes)
        return Party(**fields)


@lru_cache(maxsize=4)
def _cyrillic_pattern(orthography: str, rows: tuple[tuple[str, str], ...]):
    table = {}
    for latin, cyrillic in rows:
        table[latin] = cyrillic
        table[latin[:1].upper() + latin[1:]] = cyrillic.upper()
        table[latin.upper()] = cyrillic.upper()
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), table


def to_cyrillic(text: str, *, orthography: str, catalogue: Catalogue) -> str:
    """`Đorđe Petrović` -> `Ђорђе Петровић` (orthography "sr"); "mk" writes Gj/Kj/Dz as ѓ/ќ/ѕ."""
    pattern, table = _cyrillic_pattern(orthography, catalogue.transliteration[orthography])
    return pattern.sub(lambda m: table[m[0]], text)


def to_latin(text: str) -> str:
    """Serbian or Macedonian Cyrillic written in Latin with diacritics: `Ђорђе` -> `Đorđe`."""
    return text.translate(_TO_LATIN_TABLE)


def without_diacritics(text: str, *, dj: bool = True) -> str:
    """How a keyboard without diacritics writes a name: `Đorđe Petrović` -> `Djordje Petrovic`."""
    if not dj:
        text = text.replace("đ", "d").replace("Đ", "D")
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(c for c in folded if not unicodedata.combining(c))


def fit_to_encoding(text: str, encoding: str) -> str:
    """The closest form of `text` a file in `encoding` can hold, never an unreadable one.

    cp1250 cannot hold Cyrillic: it is written in Latin with diacritics. cp1251 cannot hold Latin
    diacritics: Serbian Latin becomes Serbian Cyrillic, anything else loses its accents.
    """
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    if encoding == "cp1251" and all(c.isascii() or c in _SERBIAN_LATIN for c in text):
        converted = _serbian_cyrillic(text)
    else:
        converted = to_latin(text)
    try:
        converted.encode(encoding)
        return converted
    except UnicodeEncodeError:
        return without_diacritics(converted)


_SERBIAN_ROWS = {
    "dž": "џ", "lj": "љ", "nj": "њ", "đ": "ђ", "ć": "ћ", "č": "ч", "š": "ш", "ž": "ж", "a": "а", "b": "б",
    "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з",
}


def _serbian_cyrillic(text: str) -> str:
    pattern, table = _cyrillic_pattern("sr-fit", tuple(_SERBIAN_ROWS.items()))
    return pattern.sub(lambda m: table[m[0]], text)


def name_variant(party: Party, rng: Random) -> str:
    """The party's name as someone else (or the party, on another day) might write it."""
    how = rng.random()
    name = party.name
    if party.cyrillic and how < 0.3:
        # the same person in the other script than the one just used most often
        return party.cyrillic if rng.random() < 0.7 else to_latin(party.cyrillic)
    if how < 0.5:
        return without_diacritics(name, dj=rng.random() < 0.6)
    if how < 0.65 and party.kind == "person" and party.surname:
        return f"{party.surname} {party.given}"
    if how < 0.75 and party.kind == "person" and party.given:
        return f"{party.given[0]}. {party.surname}"
    if how < 0.8:
        return name.upper()
    return typo(name, rng)


def typo(text: str, rng: Random) -> str:
    """One slip of the finger: a letter dropped, doubled, swapped with the next, or replaced."""
    if len(text) < 4:
        return text
    at = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:at] + text[at + 1 :]
    if kind == 1:
        return text[:at] + text[at] + text[at:]
    if kind == 2 and text[at] != " " and text[at + 1] != " ":
        return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    vowels = "aeiou"
    if text[at] in vowels:
        return text[:at] + rng.choice(vowels.replace(text[at], "")) + text[at + 1 :]
    return text[:at] + text[at] + text[at:]


def format_phone(party: Party, catalogue: Catalogue, *, style: int | None = None) -> str:
    """The party's phone number in one of the ways its country writes numbers."""
    country = catalogue.countries[party.phone_country]
    formats = country["formats"]
    template = formats[(party.phone_format if style is None else style) % len(formats)]
    template = template.replace("{cc}", country["cc"]).replace("{p}", party.phone_prefix)
    digits = iter(party.phone_digits)
    return "".join(next(digits) if c == "#" else c for c in template)


def phone_digit_count(country: dict) -> int:
    return country["formats"][0].count("#")


class PartyFactory:
    """Makes people and companies of a country from the name and place pools."""

    def __init__(self, catalogue: Catalogue, rng: Random):
        self.catalogue = catalogue
        self.rng = rng

    def person(self, country: str, *, home: str | None = None, names_of: str | None = None) -> Party:
        """A person of `names_of` nationality (default: the home country's) living in `home`."""
        rng = self.rng
        cat = self.catalogue
        home = home or country
        nationality = names_of or country
        names = cat.names[nationality]
        female = rng.random() < 0.45
        given = rng.choice(names["female"] if female else names["male"])
        surname = rng.choice(names["surnames"])
        if female and nationality in ("MK", "BG") and surname.endswith("ski"):
            surname = surname[:-1] + "a"
        name = f"{given} {surname}" if rng.random() < 0.9 else f"{surname} {given}"
        place = cat.places[home]
        city, postcode = rng.choice(place["cities"])
        street = place["street_format"].format(street=rng.choice(place["streets"]), n=_house_number(rng))
        party = Party(
            kind="person", given=given, surname=surname, name=name, country=home, street=street,
            city=city, postcode=postcode,
        )
        script = names.get("cyrillic")
        if script and home == nationality and script["share"] > 0:
            orth = script["orthography"]
            party.cyrillic = to_cyrillic(name, orthography=orth, catalogue=cat)
            party.writes_cyrillic = rng.random() < script["share"]
            party.street_cyrillic = to_cyrillic(street, orthography=orth, catalogue=cat)
            party.city_cyrillic = to_cyrillic(city, orthography=orth, catalogue=cat)
        self._contacts(party, email_name=f"{given}.{surname}")
        return party

    def company(self, country: str, *, hunting: bool = False) -> Party:
        rng = self.rng
        cat = self.catalogue
        spec = cat.companies[country]
        patterns = spec.get("hunting") if hunting and spec.get("hunting") else spec["patterns"]
        place = cat.places[country]
        city, postcode = rng.choice(place["cities"])
        word = rng.choice(spec["words"])
        name = rng.choice(patterns).format(w=word, city=city)
        street = place["street_format"].format(street=rng.choice(place["streets"]), n=_house_number(rng))
        party = Party(kind="organisation", name=name, country=country, street=street, city=city, postcode=postcode)
        self._contacts(party, email_name=word)
        return party

    def _contacts(self, party: Party, *, email_name: str) -> None:
        rng = self.rng
        country = self.catalogue.countries[party.country]
        party.phone_country = party.country
        party.phone_prefix = rng.choice(country["prefixes"])
        party.phone_digits = "".join(rng.choice("0123456789") for _ in range(phone_digit_count(country)))
        party.phone_format = rng.randrange(len(country["formats"]))
        local = without_diacritics(email_name).lower().replace(" ", "").replace(",", "")
        if rng.random() < 0.5:
            local += str(rng.randrange(1, 99))
        party.email = f"{local}@{rng.choice(country['email'])}"


def _house_number(rng: Random) -> str:
    number = str(int(1 + 120 * rng.random() ** 2))
    if rng.random() < 0.08:
        number += rng.choice("abc")
    if rng.random() < 0.1:
        number += f"/{rng.randrange(1, 30)}"
    return number


class Population:
    """A fixed set of parties drawn with a skew: a few ship or receive often, most rarely."""

    def __init__(self, parties: list[Party], *, skew: float = 2.0):
        self.parties = parties
        self.skew = skew

    def draw(self, rng: Random) -> Party:
        return self.parties[int(len(self.parties) * rng.random() ** self.skew)]

