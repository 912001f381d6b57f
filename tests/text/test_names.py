"""Names of people and companies: titles and legal forms dropped, spellings of one sound merged."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.text import name_tokens, normalise_name, spelling_skeleton


@pytest.mark.parametrize(
    ("written", "kind", "normalised"),
    [
        ("Dr. Đorđe PETROVIĆ", "person", "djordje petrovic"),
        ("г-дин Ђорђе Петровић", "person", "djordje petrovic"),
        ("Mr Marko Jovanović", None, "marko jovanovic"),
        ("BALKAN TRADE d.o.o.", "organisation", "balkan trade"),
        ("Balkan Trade D. O. O.", "organisation", "balkan trade"),
        ("Балкан Трејд ДОО", "organisation", "balkan trejd"),
        ("Kometal DOOEL Skopje", "organisation", "kometal"),
        ("Alba Trans Sh.p.k.", "organisation", "alba trans"),
        ("Müller Logistik GmbH & Co. KG", "organisation", "muller logistik"),
        ("Global Parts Ltd", None, "global parts"),
        ("Yıldız Dış Ticaret Ltd. Şti.", "organisation", "yildiz dis ticaret"),
    ],
)
def test_normalise_name_keeps_only_what_identifies(written, kind, normalised):
    assert normalise_name(written, kind=kind) == normalised


def test_a_name_that_is_only_a_title_is_not_emptied():
    assert normalise_name("Dr.", kind="person") == "dr"


def test_titles_stay_in_company_names_and_forms_in_person_names():
    assert name_tokens("Doo Marko", kind="person") == ("doo", "marko")


@pytest.mark.parametrize(
    "variants",
    [
        ["djordjevic", "dordevic", "djordjevich"],
        ["gjorgji", "gorgi"],
        ["hasan", "hassan"],
        ["aleksandar", "alexandar"],
        ["jovanovic", "yovanovich"],
        ["scepanovic", "shchepanovich"],
    ],
)
def test_spellings_of_one_sound_meet(variants):
    assert len({spelling_skeleton(v) for v in variants}) == 1


@given(st.text())
def test_normalise_name_is_idempotent(text):
    for kind in ("person", "organisation", None):
        once = normalise_name(text, kind=kind)
        assert normalise_name(once, kind=kind) == once or normalise_name(once, kind=kind) in once


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=20))
def test_spelling_skeleton_is_idempotent(word):
    once = spelling_skeleton(word)
    assert spelling_skeleton(once) == once


# The shortcuts of `identifying_words` and `spelling_skeleton` (nothing to drop, nothing to merge)
# give what the full rules give.
def _words_near_the_rules():
    from interdict.text import names

    phrases = sorted({w for p in names._HONORIFICS | names._COMPANY_FORMS for w in p})
    seats = sorted({w for p in names._SEATS for w in p})
    return st.lists(st.sampled_from(phrases) | st.sampled_from(seats)
                    | st.text(alphabet="abcdjklosvyz", min_size=1, max_size=6), max_size=5)


@settings(max_examples=500)
@given(_words_near_the_rules(), st.sampled_from([None, "person", "organisation"]))
def test_identifying_words_shortcut_gives_the_full_rules(words, kind):
    from interdict.text.names import _COMPANY_FORMS, _HONORIFICS, _drop_phrases, _drop_seat, identifying_words

    kept = words
    if kind != "organisation":
        kept = _drop_phrases(kept, _HONORIFICS)
    if kind != "person":
        kept = _drop_seat(_drop_phrases(kept, _COMPANY_FORMS))
    assert identifying_words(words, kind=kind) == (tuple(kept or words) if words else ())


@given(st.text(alphabet="abcdeghjkloqstuwxyz", max_size=12))
def test_skeleton_shortcut_gives_the_full_merge(word):
    from interdict.text.names import _DOUBLE_LETTER, _VARIANTS, _merge_sounds

    merged = word
    while True:
        before = merged
        for written, compared in _VARIANTS:
            merged = merged.replace(written, compared)
        merged = _DOUBLE_LETTER.sub(r"\1", merged)
        if merged == before:
            break
    assert _merge_sounds(word) == merged
