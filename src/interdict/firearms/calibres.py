"""Calibre designations read in many spellings ("9mm", "9x19", "9 mm Luger", "9mm Para") and the one
canonical name each is matched and counted under. The table is data: `calibres.yaml` beside this file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import yaml

_WORDS = re.compile(r"\b(calibre|caliber|kaliber|kalibar|калибар|калибр|cal|kal)\b\.?")
_MILLIMETRES = re.compile(r"(?<=\d)\s*(mm|мм)\b")
# A dot is kept only between digits ("7.62"); elsewhere it is punctuation ("9mm P.A.K.", ".22").
_STRAY_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def calibre_key(text: str) -> str:
    """The spelling-free form two calibre designations are compared in: '9 MM Luger' -> '9luger'."""
    key = unicodedata.normalize("NFKC", text).casefold().replace(",", ".").replace("×", "x")
    key = _WORDS.sub(" ", key)
    key = _MILLIMETRES.sub(" ", key)
    key = re.sub(r"\s+", "", key)
    return _STRAY_DOT.sub("", key)


@cache
def _aliases() -> dict[str, str]:
    table = yaml.safe_load(Path(__file__).with_name("calibres.yaml").read_text(encoding="utf-8"))["calibres"]
    aliases: dict[str, str] = {}
    for canonical, spellings in table.items():
        for spelling in [canonical, *spellings]:
            key = calibre_key(str(spelling))
            if aliases.setdefault(key, canonical) != canonical:
                raise ValueError(f"calibres.yaml: {spelling!r} is listed under {aliases[key]!r} and {canonical!r}")
    return aliases


def normalise_calibre(text: str | None) -> str | None:
    """The canonical name of a calibre as read, or None when the table does not know it.

    '9mm', '9x19', '9 mm Luger', '9mm Para' -> '9x19mm Parabellum'; '7,62×39' -> '7.62x39mm';
    '.22 LR' -> '.22 LR'. The record keeps what was read either way.
    """
    if not text or not text.strip():
        return None
    return _aliases().get(calibre_key(text))


def known_calibres() -> list[str]:
    """Every canonical calibre name, in the order of the table."""
    return list(dict.fromkeys(_aliases().values()))
