"""Street addresses in one comparable form: 'ул. Македонија бр. 12, 1000 Скопје' and
'Ulica Makedonija 12, Skopje' are one address; 'bb' / 'б.б.' (no number) is kept as "bb".

Words for "street" are dropped (also as the end of "Goethestraße"), boulevards and squares kept,
the house number put after the street's name and a flat or entrance ("12/3", "stan 3", "ет. 3")
after it; a postcode and town written in the street line ("Makedonija 12, 1000 Skopje") are read
as the postcode and town. Names are folded and their spellings merged as for people's names (see
`spelling_skeleton`); a town written under another name ("Belgrade", "Shkodra") is compared
under one name (`data/place_names.yaml`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from interdict.text.names import spelling_skeleton
from interdict.text.scripts import fold

_DATA = Path(__file__).parent / "data"
_WORDS = yaml.safe_load((_DATA / "street_words.yaml").read_text(encoding="utf-8"))


def _key(written: str) -> str:
    return fold(str(written).replace(".", "").replace("-", "")).replace(" ", "")


_STREET_KIND = {_key(w): kind for kind, words in _WORDS["street"].items() for w in words}
_WITHOUT_NUMBER = {tuple(fold(str(w)).split()) for w in _WORDS["without_number"]} | {
    (_key(w),) for w in _WORDS["without_number"]
}
# The same forms by their number of words, looked up without a tuple for every word of a street.
_WITHOUT_NUMBER_WORD = {written[0] for written in _WITHOUT_NUMBER if len(written) == 1}
_WITHOUT_NUMBER_PAIR_START = {written[0] for written in _WITHOUT_NUMBER if len(written) == 2}
_NUMBER_WORDS = {_key(w) for w in _WORDS["number_words"]}
_UNIT_WORDS = {_key(w) for w in _WORDS["unit_words"]}
_COMPOUND_ENDINGS = sorted({_key(w) for w in _WORDS["compound_endings"]}, key=len, reverse=True)
_ABBREVIATED = {_key(w): _key(short) for short, words in _WORDS["abbreviations"].items() for w in (short, *words)}
_HOUSE_NUMBER = re.compile(r"^\d+[a-z]?$")
_POSTCODE = re.compile(r"^\d{3,6}$")


def _town(written: str) -> str:
    return " ".join(spelling_skeleton(w) for w in fold(written).split())


_PLACES = {
    _town(str(name)): _town(str(canonical))
    for canonical, names in yaml.safe_load((_DATA / "place_names.yaml").read_text(encoding="utf-8")).items()
    for name in (canonical, *names)
}


class Address(NamedTuple):
    """The parts of a normalised address that the matcher compares."""

    street: tuple[str, ...]  # words of the street's name, e.g. ("bul", "partizanski", "odredi")
    number: str  # "12", "12a", "bb" or ""
    postcode: str
    city: str
    country: str
    unit: str = ""  # flat, entrance or floor inside the house: "3" of "12/3" or "stan 3"


def _word(word: str) -> str:
    """A word of a street's name as compared: "goethestrasse" -> "gote" (as "Goethe Straße"),
    "svetog" -> "sv" (as "Sv.")."""
    if word in _ABBREVIATED:
        return _ABBREVIATED[word]
    for ending in _COMPOUND_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return spelling_skeleton(word[: -len(ending)])
    return spelling_skeleton(word)


def _street(words: list[str]) -> tuple[tuple[str, ...], str, str]:
    """(name words, house number, flat) of a street line folded into words."""
    # First what each word is; then numbers before the name ("29. novembra 12") join the name
    # when the house number comes after it.
    kinds: list[tuple[str, str]] = []
    i = 0
    count = len(words)
    while i < count:
        word = words[i]
        # "b b": a pair is formed only where its first word can start one
        if word in _WITHOUT_NUMBER_PAIR_START and i + 1 < count and (word, words[i + 1]) in _WITHOUT_NUMBER:
            kinds.append(("number", "bb"))
            i += 2
            continue
        if word in _WITHOUT_NUMBER_WORD:
            kinds.append(("number", "bb"))
        elif word.isdigit() or _HOUSE_NUMBER.match(word):
            # "12 a" is house 12a
            if word.isdigit() and i + 1 < len(words) and len(words[i + 1]) == 1 and words[i + 1].isalpha():
                word += words[i + 1]
                i += 1
            kinds.append(("number", word))
        elif word in _NUMBER_WORDS and i + 1 < len(words) and words[i + 1][:1].isdigit():
            pass
        elif word in _UNIT_WORDS and i + 1 < len(words) and (words[i + 1][:1].isdigit() or len(words[i + 1]) == 1):
            kinds.append(("unit", words[i + 1]))
            i += 1
        elif word in _STREET_KIND:
            if _STREET_KIND[word]:
                kinds.append(("name", _STREET_KIND[word]))
        elif len(word) == 1 and kinds and kinds[-1][0] in ("number", "unit") and word.isalpha():
            kinds.append(("unit", word))  # "12/3 b", an entrance letter
        else:
            kinds.append(("name", _word(word)))
        i += 1
    names = [k for k, (kind, _) in enumerate(kinds) if kind == "name"]
    if names and any(kind == "number" for kind, _ in kinds[names[-1] + 1 :]):
        kinds = [("name", value) if kind == "number" and k < names[-1] and value != "bb" else (kind, value)
                 for k, (kind, value) in enumerate(kinds)]
    name = tuple(value for kind, value in kinds if kind == "name")
    numbers = [value for kind, value in kinds if kind == "number"]
    units = numbers[1:] + [value for kind, value in kinds if kind == "unit"]
    return name, numbers[0] if numbers else "", " ".join(units)


def _place_in_street(street: str, post: list[str], city: str) -> tuple[str, list[str], str]:
    """A postcode and town written in the street line after a comma ("Makedonija 12, 1000 Skopje",
    "Ilica 158, Zagreb") are read as the postcode and town when those fields are empty or say the same."""
    parts = street.split(",")
    if len(parts) < 2:
        return street, post, city
    kept = [parts[0]]
    for part in parts[1:]:
        words = fold(part).split()
        digits = [w for w in words if w.isdigit()]
        letters = [w for w in words if not w.isdigit()]
        has_number = any(w[:1].isdigit() for w in fold(" ".join(kept)).split())
        if (digits and _POSTCODE.match("".join(digits)) and words[: len(digits)] == digits
                and (not post or "".join(post) == "".join(digits))
                and (not letters or not city or _town(" ".join(letters)) == _town(city))):
            post = post or digits
            city = city or " ".join(letters)
        elif (letters and not digits and has_number and len(letters) <= 3
              and not (set(letters) & (_UNIT_WORDS | _NUMBER_WORDS | set(_STREET_KIND)))):
            # A town (or the country) after the house number; not a flat, not another street.
            city = city or " ".join(letters)
        else:
            kept.append(part)
    return ",".join(kept), post, city


@lru_cache(maxsize=1 << 16)
def address_parts(
    *, street: str | None, postcode: str | None = None, city: str | None = None, country: str | None = None
) -> Address:
    """The comparable parts of an address (see `normalise_address`)."""
    country_code = (country or "").strip().upper()
    post = fold(postcode).split()
    if len(post) > 1 and post[0].isalpha() and len(post[0]) <= 3 and all(w.isdigit() for w in post[1:]):
        post = post[1:]  # "MK-1000", "D-47051", "SE-702 10"
    city_text = str(city) if city else ""
    if street and "," in street:
        street, post, city_text = _place_in_street(str(street), post, city_text)
    city_words = fold(city_text).split()
    # "1000 Skopje" written in the city field, perhaps with its country's letter ("D-47051")
    city_words = [w for k, w in enumerate(city_words)
                  if not (len(w) <= 2 and w.isalpha() and k + 1 < len(city_words) and city_words[k + 1].isdigit())]
    city_numbers = [w for w in city_words if w.isdigit()]
    if city_numbers and not post:
        post = city_numbers
    city_name = " ".join(spelling_skeleton(w) for w in city_words if not w.isdigit())
    name, number, unit = _street(fold(street).split())
    return Address(name, number, "".join(post), _PLACES.get(city_name, city_name), country_code, unit)


def normalise_address(
    *, street: str | None, postcode: str | None = None, city: str | None = None, country: str | None = None
) -> str:
    """'ул. Македонија бр. 12', '1000', 'Скопје', 'MK' -> 'makedonija 12, 1000 skopje, MK'.

    Empty parts are left out; an address with nothing in it is "".
    """
    return address_line(address_parts(street=street, postcode=postcode, city=city, country=country))


def address_line(parts: Address) -> str:
    """The one comparable line of `normalise_address`, from the address's parts."""
    line = " ".join([*parts.street, parts.number, parts.unit]).strip()
    place = f"{parts.postcode} {parts.city}".strip()
    return ", ".join(p for p in (line, place, parts.country) if p)
