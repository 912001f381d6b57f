"""Known actors under the variants threats.md names ("identity games"): the same person in
Cyrillic and Latin, with and without diacritics, in swapped order, with a typo or an initial, a
company with another legal form, an address, phone or e-mail written another way. Each is made
here by a variant generator of its own (not the matcher's normalisers) and must be found; other
people must not be.
"""

from __future__ import annotations

import re
import unicodedata

import pyarrow as pa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from interdict.targeting.screening import Screener, WatchlistEntry
from interdict.targeting.screening.hits import hit_kinds, watchlist_hits

# ---- the variant generator ----------------------------------------------------------------------
# Serbian Latin to Cyrillic, two-letter sounds first (written here, not taken from interdict.text).
_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ", "Lj": "Љ", "Nj": "Њ", "Dž": "Џ", "LJ": "Љ", "NJ": "Њ", "DŽ": "Џ"}
_LETTERS = dict(zip("abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ",
                    "абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ", strict=True))
# How people write the region's letters on a keyboard without them.
_ASCII = {"č": ["c", "ch"], "ć": ["c", "ch"], "š": ["s", "sh"], "ž": ["z", "zh"], "đ": ["dj", "d"],
          "Č": ["C", "Ch"], "Ć": ["C", "Ch"], "Š": ["S", "Sh"], "Ž": ["Z", "Zh"], "Đ": ["Dj", "D"]}


def cyrillic(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i : i + 2] in _DIGRAPHS:
            out.append(_DIGRAPHS[text[i : i + 2]])
            i += 2
        else:
            out.append(_LETTERS.get(text[i], text[i]))
            i += 1
    return "".join(out)


def without_diacritics(text: str, draw) -> str:
    return "".join(draw(st.sampled_from(_ASCII[c])) if c in _ASCII else c for c in text)


_SLIPS = {
    "swap": lambda w, i, c: w[:i] + w[i + 1] + w[i] + w[i + 2 :],
    "drop": lambda w, i, c: w[:i] + w[i + 1 :],
    "double": lambda w, i, c: w[: i + 1] + w[i:],
    "replace": lambda w, i, c: w[:i] + (c if c != w[i] else "b") + w[i + 1 :],
    "insert": lambda w, i, c: w[:i] + c + w[i:],
}


def typo(word: str, draw) -> str:
    """One slip of the fingers on a plain letter inside a word (not its first or last letter).
    Not on a letter such as "đ", which the matcher reads as two ("dj"): that is two slips."""
    places = [i for i in range(1, len(word) - 1) if word[i].isascii() and word[i + 1].isascii()]
    slip = _SLIPS[draw(st.sampled_from(sorted(_SLIPS)))]
    return slip(word, draw(st.sampled_from(places)), draw(st.sampled_from("aeiourtnmsyj")))


GIVEN = ["Marko", "Nikola", "Dragan", "Milica", "Jelena", "Snežana", "Željko", "Đorđe", "Vesna", "Miloš",
         "Dušan", "Branislav", "Ljubomir", "Njegoš", "Slađana", "Radmila"]
SURNAMES = ["Petrović", "Jovanović", "Stanković", "Đurđević", "Milošević", "Radovanović", "Kovačević",
            "Živković", "Ljubičić", "Nikolić", "Šćekić", "Obradović", "Vukašinović", "Mladenović"]
# Other people: no given name or surname shared with, nor a slip away from, the listed ones.
OTHER_GIVEN = ["Goran", "Ana", "Stefan", "Tijana", "Vladimir", "Bojana", "Predrag", "Ivana", "Luka"]
OTHER_SURNAMES = ["Marić", "Lazarević", "Tomić", "Ristić", "Babić", "Pavlović", "Simić", "Filipović"]


@st.composite
def person_variant(draw, given: str, surname: str) -> str:
    """The listed person as someone else may have written them, several games at once."""
    first, last = given, surname
    if draw(st.booleans()) and len(last) >= 7:
        last = typo(last, draw)
    if draw(st.booleans()):
        first = first[0] + "."
    words = [first, last] if draw(st.booleans()) else [last + draw(st.sampled_from(["", ","])), first]
    written = " ".join(words)
    script = draw(st.sampled_from(["latin", "ascii", "cyrillic"]))
    if script == "cyrillic":
        written = cyrillic(written)
    elif script == "ascii":
        written = without_diacritics(written, draw)
    case = draw(st.sampled_from([str, str.upper, str.lower]))
    title = draw(st.sampled_from(["", "", "Dr. ", "g-din ", "г-дин ", "Mr "]))
    return title + case(written)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GIVEN), st.sampled_from(SURNAMES), st.data())
def test_a_listed_person_is_found_under_any_variant(given_name, surname, data):
    entry = WatchlistEntry(list_id="L", entry_id="P", kind="person", name=f"{given_name} {surname}", country="RS")
    written = data.draw(person_variant(given_name, surname))
    found = Screener([entry]).screen_parties(names=[written])
    assert [m.entry_id for m in found] == ["P"], written


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(GIVEN), st.sampled_from(SURNAMES), st.sampled_from(OTHER_GIVEN),
       st.sampled_from(OTHER_SURNAMES), st.sampled_from(["given", "surname", "both"]), st.data())
def test_other_people_are_not_the_listed_one(given_name, surname, other_given, other_surname, shared, data):
    """Another given name with the listed surname (a relative, a namesake), the listed given name
    with another surname, or another name altogether, in any script: no hit."""
    entry = WatchlistEntry(list_id="L", entry_id="P", kind="person", name=f"{given_name} {surname}", country="RS")
    first = given_name if shared == "given" else other_given
    last = surname if shared == "surname" else other_surname
    written = data.draw(person_variant(first, last))
    # An initial of another given name that is the listed one's initial, with the listed surname,
    # may well be the listed person ("B. Petrović" for Branislav): not a namesake to refuse. The
    # initial may be written in Cyrillic or after the surname, so look for any one-letter word.
    abbreviated = re.search(r"(?:^|\s)\w\.", written) is not None
    assume(not (shared == "surname" and abbreviated and other_given[0] == given_name[0]))
    assert Screener([entry]).screen_parties(names=[written]) == [], written


@given(st.sampled_from(["Mario", "Zoran", "Marko", "Milan"]), st.sampled_from(SURNAMES))
def test_two_real_given_names_a_letter_apart_are_two_people(given_name, surname):
    other = {"Mario": "Dario", "Zoran": "Goran", "Marko": "Mirko", "Milan": "Milen"}[given_name]
    entry = WatchlistEntry(list_id="L", entry_id="P", kind="person", name=f"{given_name} {surname}")
    assert Screener([entry]).screen_parties(names=[f"{other} {surname}"]) == []


# ---- companies and their legal forms --------------------------------------------------------------
FORMS = ["d.o.o.", "DOO", "d. o. o.", "D.O.O.", "ДОО", "д.о.о.", "DOOEL", "ДООЕЛ", "sh.p.k.", "SHPK", "Sh.p.k",
         "EOOD", "ЕООД", "OOD", "ООД", "GmbH", "Ltd", "Ltd.", "LIMITED", "AD", "АД", "a.d.", ""]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(["Balkan Trade", "Metal Promet", "Euro Impex", "Drina Komerc"]), st.sampled_from(FORMS),
       st.sampled_from(FORMS), st.sampled_from(["latin", "cyrillic", "upper"]), st.booleans())
def test_a_listed_company_is_found_under_any_legal_form_and_script(name, listed_form, written_form, script, seat):
    entry = WatchlistEntry(list_id="L", entry_id="C", kind="organisation", name=f"{name} {listed_form}".strip())
    written = name if script == "latin" else cyrillic(name) if script == "cyrillic" else name.upper()
    written = f"{written} {written_form}".strip() + (" Beograd" if seat else "")
    assert [m.entry_id for m in Screener([entry]).screen_parties(names=[written])] == ["C"], written


# ---- addresses --------------------------------------------------------------------------------------
STREET_KINDS = {"ulica": ["ul.", "ulica", "Ulica", "ул.", "улица", "UL.", ""],
                "bulevar": ["bul.", "Bulevar", "бул.", "булевар", "Bul", "blvd"],
                "rruga": ["Rr.", "Rruga", "rr.", ""]}
NUMBER = ["{n}", "br. {n}", "бр. {n}", "br.{n}", "No. {n}", "Nr. {n}", "{n} "]


@st.composite
def address_variant(draw, kind: str, street: str, number: int, postcode: str, city: str):
    """(street, postcode, city) as a courier's form may carry the listed address."""
    written_street = street if draw(st.booleans()) else cyrillic(street) if kind != "rruga" else street
    if draw(st.booleans()):
        written_street = without_diacritics(written_street, draw)
    word = draw(st.sampled_from(STREET_KINDS[kind]))
    if kind == "bulevar" and not word:
        word = "bul."
    line = f"{word} {written_street} {draw(st.sampled_from(NUMBER)).format(n=number)}".strip()
    place = draw(st.sampled_from(["fields", "city", "city-after", "line", "postcode-only"]))
    written_city = cyrillic(city) if draw(st.booleans()) and kind != "rruga" else city
    if place == "fields":
        return line, postcode, written_city
    if place == "city":
        return line, None, f"{postcode} {written_city}"
    if place == "city-after":
        return line, None, f"{written_city} {postcode}"
    if place == "line":
        return f"{line}, {postcode} {written_city}", None, None
    return line, postcode, None


ADDRESSES = [("ulica", "Kralja Milana", 12, "11000", "Beograd"), ("bulevar", "Oslobođenja", 7, "21000", "Novi Sad"),
             ("ulica", "Njegoševa", 45, "81000", "Podgorica"), ("rruga", "Myslym Shyri", 3, "9401", "Vlorë")]


def _hits_of(entries, **party):
    table = pa.table({f"consignee_{k}": pa.array([v], pa.string()) for k, v in party.items()})
    hits = watchlist_hits(table, screener=Screener(entries), common_name_addresses=None)
    return hits.to_pylist()[0], hit_kinds(hits).to_pylist()[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ADDRESSES), st.sampled_from(GIVEN), st.sampled_from(SURNAMES), st.data())
def test_a_listed_name_at_the_listed_address_is_found_however_both_are_written(address, given_name, surname, data):
    kind, street, number, postcode, city = address
    listed_kind = {"ulica": "ul.", "bulevar": "Bulevar", "rruga": "Rruga"}[kind]
    entry = WatchlistEntry(list_id="L", entry_id="P", kind="person", name=f"{given_name} {surname}",
                           country="AL" if kind == "rruga" else "RS", street=f"{listed_kind} {street} {number}",
                           postcode=postcode, city=city)
    written_street, written_postcode, written_city = data.draw(address_variant(kind, street, number, postcode, city))
    written_name = data.draw(person_variant(given_name, surname))
    hits, kinds = _hits_of([entry], name=written_name, street=written_street, postcode=written_postcode,
                           city=written_city, country=entry.country)
    assert "name+address" in kinds, (written_name, written_street, written_postcode, written_city, hits)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ADDRESSES), st.data())
def test_a_listed_address_is_found_however_it_is_written(address, data):
    kind, street, number, postcode, city = address
    entry = WatchlistEntry(list_id="L", entry_id="A", kind="address", name=f"{street} {number}, {postcode} {city}",
                           country="AL" if kind == "rruga" else "RS")
    written_street, written_postcode, written_city = data.draw(address_variant(kind, street, number, postcode, city))
    _, kinds = _hits_of([entry], name="Nobody Known", street=written_street, postcode=written_postcode,
                        city=written_city, country=entry.country)
    assert kinds == ["address"], (written_street, written_postcode, written_city)


@given(st.sampled_from(ADDRESSES), st.integers(1, 300), st.data())
def test_another_house_or_flat_is_not_the_listed_address(address, other, data):
    kind, street, number, postcode, city = address
    assume(other != number)
    entry = WatchlistEntry(list_id="L", entry_id="A", kind="address", name=f"{street} {number}/4, {postcode} {city}")
    house = data.draw(st.sampled_from([f"{street} {other}", f"{street} {number}/5", f"{street} {number}, stan 6"]))
    _, kinds = _hits_of([entry], name="Nobody Known", street=house, postcode=postcode, city=city)
    assert kinds == [], house


# ---- phones and e-mails -----------------------------------------------------------------------------
@st.composite
def phone_variant(draw, country_code: str, trunk_free: str):
    """A national significant number (e.g. 641234567 of +381) as people write it."""
    groups = [trunk_free[:2], trunk_free[2:5], trunk_free[5:]]
    sep = draw(st.sampled_from([" ", "-", "", "/", " - "]))
    body = sep.join(groups)
    form = draw(st.sampled_from(["+", "00", "0", "(0)", "+(0)", "brackets", "label"]))
    return {"+": f"+{country_code} {body}", "00": f"00{country_code} {body}", "0": f"0{body}",
            "(0)": f"+{country_code} (0){body}", "+(0)": f"+{country_code}-(0){body}",
            "brackets": f"(0{groups[0]}) {groups[1]}{sep}{groups[2]}", "label": f"tel. 0{body}"}[form]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from([("381", "RS", "641234567"), ("389", "MK", "70123456"), ("387", "BA", "61234567"),
                        ("355", "AL", "691234567")]), st.sampled_from([None, "home", "DE"]), st.data())
def test_a_listed_phone_is_found_however_it_is_written(plan, party_country, data):
    code, country, number = plan
    entry = WatchlistEntry(list_id="L", entry_id="T", kind="phone", name=f"+{code} {number}", country=country)
    written = data.draw(phone_variant(code, number))
    where = country if party_country == "home" else party_country
    assume(where is not None or not written.lstrip("tel. (").startswith("0"))  # a national form needs a country
    found = Screener([entry]).screen_parties(names=["Nobody Known"], phones=[written], countries=[where])
    assert [m.entry_id for m in found] == ["T"], (written, where)


@given(st.sampled_from(["641234567", "641234568", "601234567"]))
def test_another_phone_is_not_the_listed_one(number):
    entry = WatchlistEntry(list_id="L", entry_id="T", kind="phone", name="+381 64 765 4321", country="RS")
    assert Screener([entry]).screen_parties(names=["X"], phones=[f"0{number}"], countries=["RS"]) == []


@given(st.sampled_from(["marko.petrovic", "m.petrovic", "markopetrovic77"]), st.data())
def test_a_listed_email_is_found_where_its_provider_reads_it_so(local, data):
    provider = data.draw(st.sampled_from(["gmail.com", "googlemail.com", "outlook.com", "yahoo.com", "mail.rs"]))
    entry = WatchlistEntry(list_id="L", entry_id="E", kind="email", name=f"{local}@{provider}")
    written = data.draw(st.sampled_from([
        f"{local.upper()}@{provider.upper()}", f"<{local}@{provider}>", f"mailto:{local}@{provider}",
        f"{local} (at) {provider}", f" {local}@{provider}. "]))
    if provider in ("gmail.com", "googlemail.com"):
        written = data.draw(st.sampled_from([written, f"{local.replace('.', '')}@gmail.com",
                                             f"{local}+shop@gmail.com", f"{'.'.join(local.replace('.', ''))}@gmail.com"]))
    found = Screener([entry]).screen_parties(names=["X"], emails=[written])
    assert [m.entry_id for m in found] == ["E"], written


def test_dots_count_where_the_provider_counts_them():
    entry = WatchlistEntry(list_id="L", entry_id="E", kind="email", name="marko.petrovic@yahoo.com")
    assert Screener([entry]).screen_parties(names=["X"], emails=["markopetrovic@yahoo.com"]) == []
    assert Screener([entry]).screen_parties(names=["X"], emails=["marko.petrovic@yahoo.de"]) == []


# ---- how strong a name alone is -------------------------------------------------------------------
def test_a_name_many_people_bear_counts_only_with_more_of_the_entry():
    entry = WatchlistEntry(list_id="L", entry_id="P", kind="person", name="Marko Petrović", country="RS",
                           street="Njegoševa 45", postcode="11000", city="Beograd")
    rows = [("Marko Petrović", "Cara Dušana 3", "Niš"), ("Марко Петровић", "Bulevar 5", "Novi Sad"),
            ("Petrović Marko", "Ilica 8", "Zagreb"), ("MARKO PETROVIC", "Njegoševa 45", "Beograd"),
            ("Marko Petrović", "Knez Mihailova 1", "Beograd")]
    table = pa.table({"consignee_name": [r[0] for r in rows], "consignee_street": [r[1] for r in rows],
                      "consignee_city": [r[2] for r in rows], "consignee_country": ["RS"] * len(rows)})
    screener = Screener([entry])
    kinds = hit_kinds(watchlist_hits(table, screener=screener)).to_pylist()
    # Five addresses bear the name: alone it is not reported; at the listed address and in the
    # listed town it is.
    assert kinds == [[], [], [], ["name+address"], ["name+city"]]
    every = hit_kinds(watchlist_hits(table, screener=screener, common_name_addresses=None)).to_pylist()
    assert every == [["name+country"], ["name+country"], ["name+country"], ["name+address"], ["name+city"]]
    # A rare name (one address) is reported alone.
    alone = hit_kinds(watchlist_hits(table.slice(0, 1), screener=screener)).to_pylist()
    assert alone == [["name+country"]]
