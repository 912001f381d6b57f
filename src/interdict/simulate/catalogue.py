"""The generator's data pools, read once from the YAML files under `data/`.

Analysts and maintainers edit those files (names, places, goods, reporters, the threat picture);
this module only loads them and precomputes what the hot loop needs (cumulative weights, the
Cyrillic forms of descriptions).
"""

from __future__ import annotations

from bisect import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from random import Random
from typing import Any, Generic, TypeVar

import yaml

DATA = Path(__file__).parent / "data"
T = TypeVar("T")


class WeightedChoice(Generic[T]):
    """Draws one of `weights`' keys with probability proportional to its weight, fast."""

    __slots__ = ("items", "cumulative", "total")

    def __init__(self, weights: dict[T, float]):
        self.items = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random) -> T:
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


@dataclass(frozen=True, eq=False)
class Good:
    """One kind of goods as shippers declare it (see data/goods.yaml)."""

    key: str
    hs: str
    net_kg: tuple[float, float]
    value_eur: tuple[float, float]
    qty: tuple[int, int]
    classes: tuple[str, ...]
    share: float  # of ordinary traffic; 0 for goods only scenarios ship
    descriptions: dict[str, str]  # language -> text; "sr_cyrl" and "mk_latn" are derived


@dataclass(frozen=True, eq=False)
class Catalogue:
    names: dict[str, Any]
    places: dict[str, Any]
    countries: dict[str, Any]
    rates_per_eur: dict[str, float]
    groups: dict[str, Any]
    goods: dict[str, Good]
    reporters: dict[str, Any]
    companies: dict[str, Any]
    threats: dict[str, Any]
    transliteration: dict[str, tuple[tuple[str, str], ...]]
    _choices: dict[str, WeightedChoice[str]] = field(default_factory=dict)

    def choice(self, group: str) -> WeightedChoice[str]:
        """Weighted choice over a country group of countries.yaml."""
        chosen = self._choices.get(group)
        if chosen is None:
            weights = self.groups[group]
            if isinstance(weights, list):
                weights = dict.fromkeys(weights, 1)
            chosen = self._choices[group] = WeightedChoice(weights)
        return chosen

    def goods_of(self, cover_class: str) -> list[Good]:
        return [g for g in self.goods.values() if cover_class in g.classes]


def _read(name: str) -> Any:
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The data pools (read once per process)."""
    from interdict.simulate.identities import to_latin  # identities needs Catalogue, not the reverse

    transliteration = {k: tuple(v.items()) for k, v in _read("transliteration").items()}
    countries = _read("countries")
    goods = {}
    for key, spec in _read("goods").items():
        descriptions = {lang: spec[lang] for lang in ("en", "sr", "hr", "mk", "sq", "de", "tr")}
        goods[key] = Good(
            key=key,
            hs=spec["hs"],
            net_kg=tuple(spec["net_kg"]),
            value_eur=tuple(spec["value_eur"]),
            qty=tuple(spec["qty"]),
            classes=tuple(spec["classes"]),
            share=float(spec["share"]),
            descriptions=descriptions,
        )
    catalogue = Catalogue(
        names=_read("names"),
        places=_read("places"),
        countries=countries["countries"],
        rates_per_eur=countries["rates_per_eur"],
        groups=countries["groups"],
        goods=goods,
        reporters=_read("reporters"),
        companies=_read("companies"),
        threats=_read("threats"),
        transliteration=transliteration,
    )
    from interdict.simulate.identities import to_cyrillic

    for good in goods.values():
        good.descriptions["sr_cyrl"] = to_cyrillic(good.descriptions["sr"], orthography="sr", catalogue=catalogue)
        good.descriptions["mk_latn"] = to_latin(good.descriptions["mk"])
    return catalogue
