"""Manufacturers read in many spellings and scripts ("Zastava", "Crvena Zastava", "ZCZ", "Застава")
and the one canonical name each is matched under. The table is data: `makes.yaml` beside this file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from interdict.text import fold


@cache
def _aliases() -> dict[str, str]:
    table = yaml.safe_load(Path(__file__).with_name("makes.yaml").read_text(encoding="utf-8"))["makes"]
    aliases: dict[str, str] = {}
    for canonical, spellings in table.items():
        for spelling in [canonical, *spellings]:
            key = fold(str(spelling))
            if aliases.setdefault(key, canonical) != canonical:
                raise ValueError(f"makes.yaml: {spelling!r} is listed under {aliases[key]!r} and {canonical!r}")
    return aliases


def normalise_make(text: str | None) -> str | None:
    """The canonical manufacturer for a make as read, or None when the table does not know it."""
    return _aliases().get(fold(text)) if text else None


def make_key(text: str | None) -> str:
    """What two makes are compared by: the canonical name where known, else the folded text."""
    return normalise_make(text) or fold(text)
