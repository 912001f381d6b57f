"""The normalisers' shortcuts (ingest runs them on every party) give what their full rules give.

Each reference below is the rule as it was written before the shortcut: every pattern applied to
every input."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from interdict.text import addresses, emails, phones
from interdict.text.addresses import normalise_address

_PHONE_PIECES = ["+", "00", "389", "381", "30", "48", "0", "070", "64", " ", "-", "(0)", "(", ")", "/", " / ", ";", ",",
                 ".", "12", "123 456", "4567", "tel.", "Tel: ", "mob", "M ", "ext", "x", "лок", "вн.", " ili ", " or ",
                 "abc", "ф", "٣", "１２", "_", "\t"]  # fmt: skip
_EMAIL_PIECES = ["a", "B.", "+tag", "@", " (at) ", "[dot]", "{at}", "(", "]", "}", " ", "gmail.com", "GoogleMail.com", "<",
                 ">", "mailto:", "ü", "x.y", "-", "'", '"', "(et)", "[@]", " tocka ", "(pika)"]  # fmt: skip


def _every_phone_pattern(raw: str) -> str | None:
    """The number's text as `normalise_phone` read it before its shortcuts (None: unreadable)."""
    text = phones._EXTENSION.sub("", phones._SECOND_NUMBER.sub("", phones._LABEL.sub("", raw.strip())))
    if not text or phones._LETTER.search(text):
        return None
    return phones._TRUNK_IN_BRACKETS.sub("", text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PHONE_PIECES), min_size=1, max_size=9).map("".join))
def test_a_phone_is_read_as_by_every_pattern(raw: str) -> None:
    assert phones._number_text(raw) == _every_phone_pattern(raw)


@given(st.text(max_size=20))
def test_any_text_is_read_as_by_every_pattern(raw: str) -> None:
    assert phones._number_text(raw) == _every_phone_pattern(raw)


def _every_email_pattern(raw: str) -> str | None:
    """`normalise_email` with both bracket patterns applied to every address (as before its shortcut)."""
    text = raw.strip().strip("<>\"' ").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    text = emails._OBFUSCATED_DOT.sub(".", emails._OBFUSCATED_AT.sub("@", text)).replace(" ", "")
    return emails.normalise_email.__wrapped__(text) if text else None


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_EMAIL_PIECES), min_size=1, max_size=9).map("".join))
@example("marko{at}mail.mk")
@example("Marko [at] Mail [dot] mk")
@example("marko(at)mail{dot}mk")
@example("<a (et) b.com>")
def test_an_email_is_read_as_by_every_pattern(raw: str) -> None:
    assert emails.normalise_email.__wrapped__(raw) == _every_email_pattern(raw)


def test_the_forms_of_no_number_are_looked_up_by_their_words() -> None:
    single = {form for form in addresses._WITHOUT_NUMBER if len(form) == 1}
    pairs = {form for form in addresses._WITHOUT_NUMBER if len(form) == 2}
    assert {(w,) for w in addresses._WITHOUT_NUMBER_WORD} == single
    assert {a for a, _ in pairs} == addresses._WITHOUT_NUMBER_PAIR_START and pairs
    for written in addresses._WORDS["without_number"]:
        assert normalise_address(street=f"Makedonija {written}", country="MK") == "makedonija bb, MK", written
