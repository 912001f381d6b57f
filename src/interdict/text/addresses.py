"""Street addresses in one comparable form: 'ул. Македонија бр. 12, 1000 Скопје' and
'Ulica Makedonija 12, Skopje' are one address; 'bb' / 'б.б.' (no number) is kept as "bb".

Words for "street" are dropped, boulevards and squares kept, numbers kept and put last. Names are
folded and their spellings merged as for people's names (see `spelling_skeleton`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from interdict.text.names import spelling_skeleton
from interdict.text.scripts import fold, fold_words

_WORDS = yaml.safe_load((Path(__file__).parent / "data" / "street_words.yaml").read_text(encoding="utf-8"))


def _key(written: str) -> str:
    return fold(str(written).replace(".", "").replace("-", "")).replace(" ", "")


_STREET_KIND = {_key(w): kind for kind, words in _WORDS["street"].items() for w in words}
_WITHOUT_NUMBER = {tuple(fold(str(w)).split()) for w in _WORDS["without_number"]} | {
    (_key(w),) for w in _WORDS["without_number"]
}
_NUMBER_WORDS = {_key(w) for w in _WORDS["number_words"]}
_HOUSE_NUMBER = re.compile(r"^\d+[a-z]?$")


class Address(NamedTuple):
    """The parts of a normalised address that the matcher compares."""

    street: tuple[str, ...]  # words of the street's name, e.g. ("bul", "partizanski", "odredi")
    number: str  # "12", "12a", "bb" or ""
    postcode: str
    city: str
    country: str


# The same sets by the length of their entries: "b b" is only looked for where its first word stands.
_WITHOUT_NUMBER_WORD = {written[0] for written in _WITHOUT_NUMBER if len(written) == 1}
_WITHOUT_NUMBER_PAIR_START = {written[0] for written in _WITHOUT_NUMBER if len(written) == 2}


def _street(words: list[str]) -> tuple[tuple[str, ...], str]:
    name: list[str] = []
    numbers: list[str] = []
    i = 0
    count = len(words)
    while i < count:
        word = words[i]
        if word in _WITHOUT_NUMBER_PAIR_START and i + 1 < count and (word, words[i + 1]) in _WITHOUT_NUMBER:
            numbers.append("bb")
            i += 2
            continue
        if word in _WITHOUT_NUMBER_WORD:
            numbers.append("bb")
        elif word.isdigit():
            # "12 a" is house 12a
            if i + 1 < count and len(words[i + 1]) == 1 and words[i + 1].isalpha():
                word += words[i + 1]
                i += 1
            numbers.append(word)
        elif _HOUSE_NUMBER.match(word):
            numbers.append(word)
        elif word in _NUMBER_WORDS and i + 1 < count and words[i + 1][:1].isdigit():
            pass
        elif word in _STREET_KIND:
            if _STREET_KIND[word]:
                name.append(_STREET_KIND[word])
        else:
            name.append(spelling_skeleton(word))
        i += 1
    return tuple(name), " ".join(numbers)


@lru_cache(maxsize=1 << 16)
def address_parts(
    *, street: str | None, postcode: str | None = None, city: str | None = None, country: str | None = None
) -> Address:
    """The comparable parts of an address (see `normalise_address`)."""
    country_code = (country or "").strip().upper()
    post = fold_words(postcode)
    if len(post) > 1 and post[0] == country_code.lower():
        post = post[1:]  # "MK-1000"
    city_words = fold_words(city)
    # "1000 Skopje" written in the city field
    city_numbers = [w for w in city_words if w.isdigit()]
    if city_numbers and not post:
        post = city_numbers
    city_name = " ".join([spelling_skeleton(w) for w in city_words if not w.isdigit()])
    name, number = _street(fold_words(street))
    return Address(name, number, "".join(post), city_name, country_code)


def normalise_address(
    *, street: str | None, postcode: str | None = None, city: str | None = None, country: str | None = None
) -> str:
    """'ул. Македонија бр. 12', '1000', 'Скопје', 'MK' -> 'makedonija 12, 1000 skopje, MK'.

    Empty parts are left out; an address with nothing in it is "".
    """
    return address_line(address_parts(street=street, postcode=postcode, city=city, country=country))


def address_line(parts: Address) -> str:
    """The one comparable line of `normalise_address`, from the address's parts."""
    line = " ".join([*parts.street, parts.number]).strip()
    place = f"{parts.postcode} {parts.city}".strip()
    return ", ".join(p for p in (line, place, parts.country) if p)
