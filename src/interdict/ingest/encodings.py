"""Telling the region's encodings apart: UTF-8 (with or without BOM), Windows-1250 (Latin with
č ć š ž đ) and Windows-1251 (Cyrillic), from the bytes alone, so that no name is mangled.
"""

from __future__ import annotations

import codecs
import re
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


def detect_encoding(stream: BinaryIO) -> str:
    """Read the stream (then rewind it) and name its encoding.

    UTF-8 wins whenever its multi-byte sequences are well formed, even if a few lines hold bad
    bytes (those lines are quarantined, not the file). Otherwise the words carrying high bytes
    decide: decoded as Windows-1251 they are all-Cyrillic words when the file is Cyrillic, and
    Latin words with a Cyrillic letter stuck in when the file is Windows-1250.
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
    while len(words) < _SAMPLE_WORDS:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        for line in chunk.splitlines():
            if not any(b > 0x7F for b in line):
                continue
            try:
                decoder.decode(line, final=True)
                valid_utf8 += 1
            except UnicodeDecodeError:
                invalid_utf8 += 1
                decoder.reset()
                words.extend(_WORD_WITH_HIGH_BYTES.findall(line))
    stream.seek(start)
    if invalid_utf8 == 0 or valid_utf8 > invalid_utf8 * 4:
        return UTF8
    cyrillic = sum(1 for word in words if _all_cyrillic(word.decode(CP1251)))
    return CP1251 if cyrillic >= 0.6 * len(words) else CP1250


def _all_cyrillic(word: str) -> bool:
    return all("\u0400" <= ch <= "\u04ff" for ch in word if ch.isalpha())
