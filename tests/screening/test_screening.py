"""Watchlist screening as an analyst sees it: listed people and companies are found behind any
spelling, expired entries and other people are not, and every match says why."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interdict.errors import InvalidInput
from interdict.targeting.screening import BruteForceScreener, Query, Screener, WatchlistEntry, compare_names, name_form

ENTRIES = [
    WatchlistEntry(list_id="NAT", entry_id="P1", kind="person", name="Đorđe Petrović", aliases=("Ђоле Петровић",),
                   country="RS", street="Bulevar oslobođenja 12", city="Novi Sad"),
    WatchlistEntry(list_id="NAT", entry_id="P2", kind="person", name="Ivana Jovanovska", country="MK"),
    WatchlistEntry(list_id="NAT", entry_id="C1", kind="organisation", name="Balkan Trade d.o.o.", country="RS"),
    WatchlistEntry(list_id="NAT", entry_id="X1", kind="person", name="Marko Stanković",
                   valid_until=date.today() - timedelta(days=1)),
    WatchlistEntry(list_id="NAT", entry_id="T1", kind="phone", name="070 123 456", country="MK"),
    WatchlistEntry(list_id="NAT", entry_id="E1", kind="email", name="Arms.Dealer@gmail.com"),
    WatchlistEntry(list_id="NAT", entry_id="A1", kind="address", name="", street="ул. Македонија бр. 12",
                   city="Скопје", postcode="1000", country="MK"),
]

MATCHERS = [Screener, BruteForceScreener]


def _found(matcher, *, min_score=85.0, **party):
    query = Query(query_id="q", **party)
    return {m.entry_id: m for m in matcher(ENTRIES).screen([query], min_score=min_score)}


@pytest.mark.parametrize("matcher", MATCHERS)
@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Ђорђе Петровић", "transliteration"),
        ("Djordje Petrovic", "diacritics"),
        ("Dorde Petrovic", "diacritics"),
        ("PETROVIĆ, Đorđe", "token order"),
        ("Đ. Petrović", "initial"),
        ("Đorđe Petrovič", "diacritics"),
        ("Đorđe Petorvić", "typo"),
        ("Djordje Petrowich", "spelling variant"),
        ("Đole Petrović", "alias"),
    ],
)
def test_a_listed_person_is_found_behind_any_spelling(matcher, name, reason):
    match = _found(matcher, name=name)["P1"]
    assert match.score >= 85
    assert reason in match.explanation


@pytest.mark.parametrize("matcher", MATCHERS)
@pytest.mark.parametrize("name", ["Milan Petrović", "Ivan Jovanovski", "Ivana Jovanović", "Đorđe Perić"])
def test_other_people_with_a_similar_name_are_not_matches(matcher, name):
    assert not _found(matcher, name=name)


@pytest.mark.parametrize("matcher", MATCHERS)
def test_companies_match_without_their_legal_form_in_either_script(matcher):
    for name in ["BALKAN TRADE DOO Beograd", "Балкан Трејд ДОО", "Balkan Trade"]:
        assert "C1" in _found(matcher, name=name, min_score=80), name
    assert "C1" not in _found(matcher, name="Balkan Trans d.o.o.", min_score=80)


@pytest.mark.parametrize("matcher", MATCHERS)
def test_expired_entries_do_not_match(matcher):
    assert not _found(matcher, name="Marko Stanković")
    matches = matcher(ENTRIES, as_of=date.today() - timedelta(days=2)).screen([Query("q", "Marko Stanković")])
    assert [m.entry_id for m in matches] == ["X1"]


@pytest.mark.parametrize("matcher", MATCHERS)
def test_phones_emails_and_addresses_are_screened(matcher):
    assert _found(matcher, name="Nobody Known", phone="+389 70 123 456")["T1"].explanation == "phone"
    assert "E1" in _found(matcher, name="Nobody Known", email="arms.dealer+x@googlemail.com")
    assert "A1" in _found(matcher, name="Nobody Known", street="Ulica Makedonija 12", city="Skopje", country="MK")
    assert "A1" not in _found(matcher, name="Nobody Known", street="Ulica Makedonija 14", city="Skopje", country="MK")
    assert "T1" in _found(matcher, name="070 123 456", kind="phone", country="MK")


@pytest.mark.parametrize("matcher", MATCHERS)
def test_a_listed_address_raises_the_score_and_says_so(matcher):
    plain = _found(matcher, name="Djordje Petrovic")["P1"]
    at_address = _found(matcher, name="Djordje Petrovic", street="Bulevar Oslobodjenja 12", city="Novi Sad",
                        country="RS")["P1"]
    assert "address" in at_address.explanation and at_address.score >= plain.score


def test_batch_of_parties_reports_each_party_by_position():
    screener = Screener(ENTRIES)
    matches = screener.screen_parties(
        names=["Nobody", "Ђорђе Петровић", None, "Balkan Trade"],
        phones=[None, None, "070123456", None],
        countries=[None, None, "MK", None],
    )
    assert {(m.party_index, m.entry_id) for m in matches} == {(1, "P1"), (2, "T1"), (3, "C1")}


def test_watchlist_records_are_checked():
    entry = WatchlistEntry.from_record({"list_id": "L", "entry_id": "1", "kind": "person", "name": "A B",
                                        "aliases": "C D|E F", "valid_until": "2030-01-01", "nationality": "RS"})
    assert entry.aliases == ("C D", "E F") and entry.valid_until == date(2030, 1, 1)
    assert entry.extra == {"nationality": "RS"}
    with pytest.raises(InvalidInput) as raised:
        WatchlistEntry.from_record({"list_id": "L", "entry_id": "2", "kind": "ship", "valid_until": "soon"})
    assert {p.field for p in raised.value.problems} == {"kind", "name", "valid_until"}


_WORDS = st.text(alphabet="abcdefghijklmnoprstuvzčćšžđ", min_size=2, max_size=10)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4))
def test_a_name_matches_itself_in_any_order_with_full_score(words):
    assume(all(len(w) > 1 for w in name_form(" ".join(words)).skeleton))  # "aa" is read as an initial
    name = " ".join(words)
    assert compare_names(name_form(name), name_form(" ".join(reversed(words)))).score == 100.0


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=3), st.lists(_WORDS, min_size=1, max_size=3))
def test_name_scores_are_between_0_and_100_and_symmetric(a, b):
    one, other = name_form(" ".join(a)), name_form(" ".join(b))
    score = compare_names(one, other).score
    assert 0 <= score <= 100
    assert score == pytest.approx(compare_names(other, one).score, abs=0.11)


@pytest.mark.parametrize(("query", "listed"), [
    ("Saea Ljubičić", "Saša Ljubičić"),  # a slip that shortens the skeleton: "saea" -> "sa"
    ("Marijana Djiaovski", "Marijana Biroevski"),  # two slips, one in the first letter
    ("Aye Grudraev", "Ayşe Grudraev"),  # a short word missing a letter
])
def test_blocking_finds_what_comparing_everything_finds(query, listed):
    entries = [WatchlistEntry(list_id="L", entry_id="1", kind="person", name=listed)]
    brute = BruteForceScreener(entries).screen([Query("q", query)], min_score=80)
    assert brute, "the pair must be a match for this test to say anything"
    assert [m.entry_id for m in Screener(entries).screen([Query("q", query)], min_score=80)] == ["1"]


def test_parties_alike_once_folded_are_scored_once_and_reported_each():
    matches = Screener(ENTRIES).screen_parties(names=["Ђорђе Петровић", "Djordje Petrovic", "DJORDJE PETROVIC"])
    assert [m.party_index for m in matches if m.entry_id == "P1"] == [0, 1, 2]
    assert "transliteration" in matches[0].explanation and "transliteration" not in matches[1].explanation


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from([None, "person", "organisation"]))
def test_names_folded_word_by_word_are_folded_as_the_whole_text(written, kind):
    from interdict.targeting.screening.scoring import name_forms
    from interdict.text import name_tokens

    (form,) = name_forms([(written, kind)])
    assert form.folded == name_tokens(written, kind=kind)
