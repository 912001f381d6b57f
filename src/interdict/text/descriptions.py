"""The matching form of a goods description: `fold`, and the spelling games senders play undone.

A description that would be refused if it said "pistol" is written "p i s t o l", "P.I.S.T.O.L",
"pist0l" or "pi$tol", so that a word filter does not see it while an officer reading it still
does. Keyword lists match on this form (`descriptions_norm`), computed once at ingest.
Names and addresses are not read this way: a name may well be "A. B. C." or contain digits.
"""

from __future__ import annotations

import re

from interdict.text.scripts import fold

# A symbol standing for a letter between two letters, before folding drops it: pi$tol, gl@ck;
# not the @ of an e-mail address (ana@mail.mk), whose domain goes on with a dot.
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])(?:\$(?=[^\W\d_])|@(?=[^\W\d_]+(?![\w.@])))")
_SYMBOL_LETTERS = {"@": "a", "$": "s"}
# Digits written for the letters they look like, between two letters of one word: pist0l, p1stol,
# mun1c1ja, gl00ck. Digits at either end of a word (ak47, 9mm, 12ga, mp3), between digits (9x19)
# and those that look like no letter (2, 6, 8, 9: h2o, g36) stay.
_DIGIT_IN_WORD = re.compile(r"(?<=[a-z])[013457]+(?=[a-z])")
_DIGIT_TABLE = str.maketrans("013457", "oieast")
# Three or more one-letter words in a row are one word spelled out: "p i s t o l", "p.i.s.t.o.l".
# Two are left alone ("t shirt", "a4 l 3"): they are as often initials or sizes as a spelled word.
# Read in the written text first, since a letter may fold to two ("П И Ш Т О Љ": lj), then in
# the folded one, where any separator has become a space.
_SPELLED_OUT_WRITTEN = re.compile(r"(?<!\w)[^\W\d_](?:[ .\-]+[^\W\d_](?!\w)){2,}")
_SEPARATORS = re.compile(r"[ .\-]+")
_SPELLED_OUT = re.compile(r"\b[a-z](?: [a-z]\b){2,}")


def fold_description(text: str | None) -> str:
    """`fold(text)` with letters spelled out or swapped for look-alikes joined back into words:
    'P.I.S.T.O.L 9mm' -> 'pistol 9mm', 'pist0l' -> 'pistol', 'Pi$tolj' -> 'pistolj'.

    Plain ASCII like `fold`, and idempotent: folding the result again changes nothing.
    """
    if not text:
        return ""
    if "@" in text or "$" in text:
        text = _SYMBOL_IN_WORD.sub(lambda m: _SYMBOL_LETTERS[m.group(0)], text)
    text = _SPELLED_OUT_WRITTEN.sub(lambda m: _SEPARATORS.sub("", m.group(0)), text)
    folded = fold(text)
    if " " in folded:
        folded = _SPELLED_OUT.sub(lambda m: m.group(0).replace(" ", ""), folded)
    if any(c.isdigit() for c in folded):
        folded = _DIGIT_IN_WORD.sub(lambda m: m.group(0).translate(_DIGIT_TABLE), folded)
    return folded
