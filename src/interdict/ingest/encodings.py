"""Telling the region's encodings apart: UTF-8 (with or without BOM), Windows-1250 (Latin with
č ć š ž đ) and Windows-1251 (Cyrillic), from the bytes alone, so that no name is mangled.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import BinaryIO

UTF8 = "utf-8"
CP1250 = "cp1250"
CP1251 = "cp1251"
ACCEPTED = {"utf-8", "utf-8-sig", "cp1250", "cp1251", "windows-1250", "windows-1251", "latin-1", "iso-8859-2", "iso-8859-5"}

_WORD_WITH_HIGH_BYTES = re.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
_SAMPLE_WORDS = 400
_CHUNK = 1 << 20


def canonical_encoding(name: str) -> str:
    """'Windows-1251' -> 'cp1251'; refuses an encoding we cannot promise to read right."""
    try:
        found = codecs.lookup(name).name
    except LookupError:
        found = ""
    if name.lower() not in ACCEPTED and found not in {codecs.lookup(a).name for a in ACCEPTED}:
        from interdict.errors import InvalidInput, Problem

        raise InvalidInput(
            f"unsupported encoding {name!r}",
            problems=[Problem("--encoding", "supported_encoding", name, "is not a supported encoding")],
            hint="use utf-8, cp1250 (Windows-1250) or cp1251 (Windows-1251)",
        )
    return found


def detect_encoding(stream: BinaryIO, *, limit: int | None = None, utf8_if_any: bool = False) -> str:
    """Read the stream (then rewind it; no further than `limit` bytes) and name its encoding.
    `utf8_if_any` (JSON, UTF-8 by its standard): a single well-formed non-ASCII line decides UTF-8.

    UTF-8 wins whenever its multi-byte sequences are well formed, even if a few lines hold bad
    bytes (those lines are quarantined, not the file). Otherwise the words carrying high bytes
    decide, weighed by their letters: which decoding makes more of them look like words of the
    region (see `_plausible_1251`, `_plausible_1250`).
    """
    start = stream.tell()
    head = stream.read(3)
    if head == codecs.BOM_UTF8:
        stream.seek(start)
        return "utf-8-sig"
    stream.seek(start)
    valid_utf8 = invalid_utf8 = 0
    words: list[bytes] = []
    decoder = codecs.getincrementaldecoder("utf-8")()
    read = 0
    while len(words) < _SAMPLE_WORDS and (limit is None or read < limit):
        chunk = stream.read(_CHUNK if limit is None else min(_CHUNK, limit - read))
        if not chunk:
            break
        read += len(chunk)
        for line in chunk.splitlines():
            if line.isascii():
                continue
            try:
                decoder.decode(line, final=True)
                valid_utf8 += 1
            except UnicodeDecodeError:
                invalid_utf8 += 1
                decoder.reset()
                words.extend(_WORD_WITH_HIGH_BYTES.findall(line))
    stream.seek(start)
    if invalid_utf8 == 0 or valid_utf8 > invalid_utf8 * 4 or utf8_if_any and valid_utf8:
        return UTF8
    # Bytes a code page leaves undefined (0x98 in 1251; 0x81, 0x83, 0x88, 0x90, 0x98 in 1250)
    # decode to U+FFFD here and count against that reading.
    as_1251 = _evidence(words, CP1251, _plausible_1251)
    as_1250 = _evidence(words, CP1250, _plausible_1250)
    return CP1251 if as_1251 > as_1250 else CP1250


def _evidence(words: list[bytes], encoding: str, plausible: Callable[[str], bool]) -> int:
    """Letters in the words that read as plausible words of the region in `encoding`."""
    total = 0
    for word in words:
        text = word.decode(encoding, "replace")
        if plausible(text):
            total += sum(1 for ch in text if ch.isalpha())
    return total


def _plausible_1251(word: str) -> bool:
    """Cyrillic words are written in Cyrillic throughout; a Latin word with a Cyrillic letter
    stuck in ('Petroviж') is Windows-1250 text read as 1251."""
    return "\ufffd" not in word and all("\u0400" <= ch <= "\u04ff" for ch in word if ch.isalpha())


def _plausible_1250(word: str) -> bool:
    """Latin words of the region carry a few diacritics among plain letters; a longer word made of
    accented letters only ('Ďĺňđîâč') is Windows-1251 text read as 1250."""
    letters = [ch for ch in word if ch.isalpha()]
    return "\ufffd" not in word and (len(letters) <= 2 or any(ch.isascii() for ch in letters))
