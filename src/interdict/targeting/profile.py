"""Risk profiles as versioned data: YAML files read, checked and compiled into condition trees.

A profile is a set of indicators (a condition, a weight, a reason an officer can read) and lane
rules. Keyword lists, country groups and HS prefixes live in `lists/*.yaml` beside the profiles.
Every problem is reported with file, line and what is wrong (`InvalidInput`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interdict.errors import InvalidInput, Problem
from interdict.targeting.condition import (
    COMPARISONS, COUNTRY_FIELDS, SHIPMENT_FIELDS, Aggregate, AggregateCompare, All, Always, AnyOf,
    Compare, Condition, InSet, Keywords, Missing, Not, Prefix, Ratio, Regex,
    regex_portability_problems,
)
from interdict.text import fold

PACKAGED_PROFILES = Path(__file__).parent / "profiles"
PACKAGED_LISTS = PACKAGED_PROFILES / "lists"
_ID = r"^[a-z][a-z0-9_]*$"


# --- the schema of a profile file (the `when:` blocks are checked by `_parse_condition`) --------

class LaneRules(BaseModel):
    """How a profile's hits may be laned: red and yellow need these scores; priority goes first."""

    model_config = ConfigDict(extra="forbid")
    red_min_score: int = Field(50, ge=0, le=100)
    yellow_min_score: int = Field(25, ge=0, le=100)
    priority: list[str] = Field(default_factory=list, description="indicator ids that go first into red capacity")


class IndicatorSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=_ID)
    weight: int = Field(ge=1, le=100)
    reason: str = Field(min_length=3, max_length=200)
    when: Any
    family: str | None = Field(None, pattern=_ID, description="indicators of one family are one sign: only the strongest counts")


class ProfileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=_ID)
    version: int = Field(ge=1)
    title: str
    description: str = ""
    threat: str = ""
    applies_to: Any = None
    lanes: LaneRules = Field(default_factory=LaneRules)
    indicators: list[IndicatorSpec] = Field(min_length=1)


class ListSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(alias="list", pattern=_ID)
    kind: str = Field(pattern="^(keywords|countries|hs_codes|values)$")
    description: str = ""
    stems: dict[str, list[str]] = Field(default_factory=dict)
    words: dict[str, list[str]] = Field(default_factory=dict)
    values: list[str] = Field(default_factory=list)


# --- compiled forms ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Indicator:
    profile_id: str
    id: str
    weight: int
    reason: str
    condition: Condition
    family: str | None = None  # shared across profiles; None: a family of its own

    @cached_property  # the fields are frozen; scoring asks for these millions of times
    def key(self) -> str:
        return f"{self.profile_id}.{self.id}"

    @cached_property
    def sign(self) -> str:
        """What the indicator is evidence of: its family, else itself (see evaluation.combined_score)."""
        return self.family or self.key


@dataclass(frozen=True)
class Profile:
    id: str
    version: int
    title: str
    description: str
    lanes: LaneRules
    indicators: tuple[Indicator, ...]
    content_hash: str
    source: str

    @cached_property
    def label(self) -> str:
        return f"{self.id}@{self.version}"

    def aggregates(self) -> list[Aggregate]:
        seen: dict[Aggregate, None] = {}
        for indicator in self.indicators:
            for aggregate in indicator.condition.aggregates():
                seen.setdefault(aggregate)
        return list(seen)


@dataclass
class _Source:
    """One YAML file with the line of every node, so problems can point at a line."""

    path: Path
    text: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    indicators: dict[str, Condition] = field(default_factory=dict)  # parsed so far, for `matching: {indicator: id}`

    def line(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: tuple, rule: str, value: Any, message: str) -> None:
        where = ".".join(str(p) for p in path) or "(file)"
        self.problems.append(Problem(field=f"{self.path}:{self.line(path)} {where}", rule=rule, value=value, message=message))


# libyaml's parser where PyYAML was built with it (the wheels are): ~10x faster than the pure-Python one,
# and every command that scores reads the whole library.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> _Source:
    text = path.read_text(encoding="utf-8")
    source = _Source(path=path, text=text, data=None)
    try:
        node = yaml.compose(text, Loader=_LOADER)
        source.data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise InvalidInput(f"{path} is not valid YAML", problems=[Problem(
            field=f"{path}:{line}", rule="yaml", value=None, message=str(getattr(err, "problem", err)))]) from None

    def walk(n: Any, at: tuple) -> None:
        if n is None:
            return
        source.lines[at] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in n.value:
                key = key_node.value
                if key in seen:
                    source.problems.append(Problem(field=f"{path}:{key_node.start_mark.line + 1} {'.'.join(map(str, at + (key,)))}",
                                                   rule="duplicate_key", value=key, message="this key is given twice; the first would be silently lost"))
                seen.add(key)
                source.lines[at + (key,)] = key_node.start_mark.line + 1
                walk(value_node, at + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, at + (i,))

    walk(node, ())
    return source


def _pydantic_problems(source: _Source, err: ValidationError) -> None:
    for e in err.errors():
        message = e["msg"]
        if isinstance(e.get("input"), bool):
            message += "; YAML reads NO, yes, on, off as true/false: put such codes in quotes"
        source.problem(tuple(e["loc"]), e["type"], e.get("input"), message)


# --- lists --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NamedList:
    name: str
    kind: str
    stems: tuple[str, ...]
    words: tuple[str, ...]
    values: tuple[str, ...]
    text: str


def _load_list(path: Path) -> NamedList:
    source = _read_yaml(path)
    try:
        spec = ListSpec.model_validate(source.data)
    except ValidationError as err:
        _pydantic_problems(source, err)
        raise InvalidInput(f"list {path} is not valid", problems=source.problems) from None
    if source.problems:
        raise InvalidInput(f"list {path} is not valid", problems=source.problems)

    def folded(groups: dict[str, list[str]], key: str) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for language, terms in groups.items():
            for i, term in enumerate(terms):
                f = fold(term)
                if len(f) < 3 and key == "stems":
                    source.problem((key, language, i), "too_short", term, "a stem shorter than 3 letters matches far too much; put it under words:")
                elif f:
                    out.setdefault(f)
        return tuple(out)

    stems, words = folded(spec.stems, "stems"), folded(spec.words, "words")
    if source.problems:
        raise InvalidInput(f"list {path} is not valid", problems=source.problems)
    values = tuple(v.strip().upper() if spec.kind == "countries" else v.strip() for v in spec.values)
    return NamedList(name=spec.name, kind=spec.kind, stems=stems, words=words, values=values, text=source.text)


def _list_directories(profile_path: Path) -> list[Path]:
    return [profile_path.parent / "lists", PACKAGED_LISTS]


class _Lists:
    """Resolves `{list: name}` references: first beside the profile, then the packaged lists."""

    def __init__(self) -> None:
        self._cache: dict[Path, NamedList] = {}
        self.used: dict[str, NamedList] = {}

    def get(self, name: str, *, profile_path: Path) -> NamedList | None:
        for directory in _list_directories(profile_path):
            candidate = directory / f"{name}.yaml"
            if candidate.exists():
                if candidate not in self._cache:
                    self._cache[candidate] = _load_list(candidate)
                self.used[name] = self._cache[candidate]
                return self._cache[candidate]
        return None


# --- conditions ---------------------------------------------------------------------------------

_OPERATORS = set(COMPARISONS) | {"in", "not_in", "prefix_in", "missing", "keywords", "only", "regex"}


def _parse_condition(raw: Any, at: tuple, *, source: _Source, lists: _Lists) -> Condition:
    fail = Always()
    if not isinstance(raw, dict):
        source.problem(at, "condition", raw, "a condition is a mapping: all/any/not, field + operator, ratio, aggregate, linked or watchlist_hit")
        return fail
    if "all" in raw or "any" in raw:
        key = "all" if "all" in raw else "any"
        if set(raw) != {key} or not isinstance(raw[key], list) or not raw[key]:
            source.problem(at, key, raw, f"'{key}' takes a non-empty list of conditions and nothing beside it")
            return fail
        parts = tuple(_parse_condition(p, at + (key, i), source=source, lists=lists) for i, p in enumerate(raw[key]))
        return All(parts) if key == "all" else AnyOf(parts)
    if "not" in raw:
        if set(raw) != {"not"}:
            source.problem(at, "not", raw, "'not' takes one condition and nothing beside it")
            return fail
        return Not(_parse_condition(raw["not"], at + ("not",), source=source, lists=lists))
    if "watchlist_hit" in raw:
        value = raw["watchlist_hit"]
        if set(raw) != {"watchlist_hit"}:
            source.problem(at, "watchlist_hit", raw, "'watchlist_hit' stands alone")
            return fail
        if value is True:
            return Missing("watchlist_hits", False)
        if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
            return Prefix("watchlist_hits", tuple(value))
        source.problem(at + ("watchlist_hit",), "watchlist_hit", value, "give true (any hit) or a list of watchlist ids")
        return fail
    operators = [k for k in raw if k in COMPARISONS]
    if "ratio" in raw:
        return _parse_ratio(raw, at, source=source, operators=operators)
    if "aggregate" in raw:
        return _parse_aggregate(raw, at, source=source, operators=operators)
    if "linked" in raw:
        return _parse_linked(raw, at, source=source, lists=lists, operators=operators)
    if "field" not in raw:
        source.problem(at, "condition", raw, "unknown condition: expected all, any, not, field, ratio, aggregate, linked or watchlist_hit")
        return fail
    name = raw["field"]
    kind = SHIPMENT_FIELDS.get(name)
    if kind is None:
        source.problem(at + ("field",), "unknown_field", name, "not a shipment field; see the column contract in docs/targeting.md")
        return fail
    ops = [k for k in raw if k != "field"]
    unknown = [k for k in ops if k not in _OPERATORS]
    if unknown or len(ops) != 1:
        source.problem(at, "operator", ops, f"give exactly one operator of {sorted(_OPERATORS)} beside 'field'")
        return fail
    op = ops[0]
    value = raw[op]
    where = at + (op,)
    if op in COMPARISONS:
        if isinstance(value, dict) and set(value) == {"field"}:
            other = value["field"]
            if SHIPMENT_FIELDS.get(other) != kind:
                source.problem(where, "field_type", other, f"can only compare {name} with another {kind} field")
                return fail
            return Compare(name, op, None, other_field=other)
        if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            number = Fraction(str(value))
            return Compare(name, op, int(number) if number.denominator == 1 else number)
        if kind == "bool" and isinstance(value, bool) and op in ("eq", "ne"):
            return Compare(name, op, value)
        if kind == "text" and isinstance(value, str) and op in ("eq", "ne"):
            return Compare(name, op, value.upper() if name in COUNTRY_FIELDS else value)
        source.problem(where, "value_type", value, f"{op} on a {kind} field needs a {kind} value (or {{field: other}})")
        return fail
    if op in ("in", "not_in"):
        values = _resolve_values(value, where, source=source, lists=lists, kinds=("countries", "values", "hs_codes"))
        if name in COUNTRY_FIELDS:
            values = tuple(v.upper() for v in values)
        if kind not in ("text", "list"):
            source.problem(at + ("field",), "field_type", name, f"'{op}' needs a text or list field")
            return fail
        condition = InSet(name, values, is_list=kind == "list")
        return Not(condition) if op == "not_in" else condition
    if op == "prefix_in":
        if kind not in ("text", "list"):
            source.problem(at + ("field",), "field_type", name, "'prefix_in' needs a text or list field")
            return fail
        return Prefix(name, _resolve_values(value, where, source=source, lists=lists, kinds=("hs_codes", "values")))
    if op == "missing":
        if not isinstance(value, bool):
            source.problem(where, "value_type", value, "missing: true or false")
            return fail
        return Missing(name, value)
    if kind != "text" and not (op == "regex" and kind == "list"):
        source.problem(at + ("field",), "field_type", name, f"'{op}' needs a text field (best a *_norm one)")
        return fail
    if op == "keywords":
        stems, words = _resolve_keywords(value, where, source=source, lists=lists)
        return Keywords(name, stems, words)
    if op == "only":
        return _parse_only(name, value, where, source=source, lists=lists)
    # regex
    if not isinstance(value, str) or not value:
        source.problem(where, "value_type", value, "regex takes a pattern string")
        return fail
    for message in regex_portability_problems(value):
        source.problem(where, "regex_portable", value, message)
    if not name.endswith("_norm") and SHIPMENT_FIELDS.get(name) != "list":
        # List fields (codes, '|'-joined) are written one way in every script, so they qualify too.
        source.problem(at + ("field",), "regex_field", name, "match regexes on a folded *_norm field or a list field; raw text differs by script and case")
    return Regex(name, value)


def _parse_only(name: str, value: Any, at: tuple, *, source: _Source, lists: _Lists) -> Condition:
    """`only: {phrases: P, counts: C}`: every item of a ' | '-joined *_norm field is nothing but one
    of the phrases P, maybe followed by a number and one of the count words C ("parts 2 pcs").

    P and C are keyword lists or whole words, folded as the field is; the condition compiles to a
    portable regex, so the engines and the single path run it as any other regex, while analysts
    edit word lists rather than a pattern."""
    if not isinstance(value, dict) or "phrases" not in value or set(value) - {"phrases", "counts"}:
        source.problem(at, "only", value, "only: {phrases: [{list: name} or {word: w}], counts: [{list: name} or {word: w}]}")
        return Always()

    def whole_words(key: str) -> list[str]:
        stems, words = _resolve_keywords(value[key], at + (key,), source=source, lists=lists)
        if stems:
            source.problem(at + (key,), "only_words", list(stems), "only matches whole item descriptions: give words ({word: w} or a list's words:), not stems")
        return sorted(words)

    if not name.endswith("_norm"):
        source.problem(at[:-1] + ("field",), "only_field", name, "only matches a folded *_norm field, where the lists' words are folded too")
    phrases = whole_words("phrases")
    counts = whole_words("counts") if "counts" in value else []
    if not phrases:
        return Always()
    item = f"({'|'.join(phrases)})" + (f"( \\d+( ({'|'.join(counts)}))?)?" if counts else "( \\d+)?")
    return Regex(name, f"^{item}( \\| {item})*$")


def _parse_ratio(raw: dict, at: tuple, *, source: _Source, operators: list[str]) -> Condition:
    spec = raw["ratio"]
    if not isinstance(spec, dict) or not {"of", "to"} <= set(spec) or set(spec) - {"of", "to", "per"}:
        source.problem(at + ("ratio",), "ratio", spec, "ratio: {of: FIELD, to: FIELD, per: N}, e.g. value per kg: of declared_value_eur_cents, to gross_weight_g, per 1000")
        return Always()
    if len(operators) != 1 or set(raw) != {"ratio", operators[0]}:
        source.problem(at, "operator", list(raw), "a ratio takes exactly one of lt/le/gt/ge/eq/ne")
        return Always()
    for key in ("of", "to"):
        if SHIPMENT_FIELDS.get(spec[key]) != "number":
            source.problem(at + ("ratio", key), "field_type", spec[key], "a ratio needs number fields")
            return Always()
    per = spec.get("per", 1)
    threshold = raw[operators[0]]
    if not isinstance(per, int) or per <= 0 or not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
        source.problem(at, "value_type", threshold, "per must be a positive integer and the threshold a number")
        return Always()
    return Ratio(spec["of"], spec["to"], operators[0], Fraction(str(threshold)) / per)


def _whole_number_comparison(raw: dict, kind: str, at: tuple, *, source: _Source, operators: list[str]) -> bool:
    """An aggregate or linked figure is compared with exactly one operator and a whole number (not
    a boolean, which YAML's `true` would make an int)."""
    if len(operators) == 1 and set(raw) == {kind, operators[0]} and isinstance(raw[operators[0]], int) \
            and not isinstance(raw[operators[0]], bool):
        return True
    source.problem(at, "operator", list(raw), f"{kind} takes exactly one of lt/le/gt/ge/eq/ne with a whole number")
    return False


def _window(spec: dict, where: tuple, *, source: _Source, default_side: str) -> tuple[int, str] | None:
    """(within_days, side) of an aggregate or linked figure, or None after naming the problem."""
    days, side = spec["within_days"], spec.get("side", default_side)
    if isinstance(days, int) and not isinstance(days, bool) and 1 <= days <= 400 and side in ("around", "before"):
        return days, side
    source.problem(where, "window", spec, f"within_days is 1 to 400 and side is around or before (default {default_side})")
    return None


def _parse_aggregate(raw: dict, at: tuple, *, source: _Source, operators: list[str]) -> Condition:
    spec = raw["aggregate"]
    where = at + ("aggregate",)
    allowed = {"count", "count_distinct", "per", "within_days", "side"}
    if not isinstance(spec, dict) or set(spec) - allowed or "per" not in spec or "within_days" not in spec \
            or len({"count", "count_distinct"} & set(spec)) != 1:
        source.problem(where, "aggregate", spec, "aggregate: {count_distinct: FIELD | count: shipments, per: FIELD, within_days: N, side: around|before}")
        return Always()
    if not _whole_number_comparison(raw, "aggregate", at, source=source, operators=operators):
        return Always()
    per = spec["per"]
    of = spec.get("count_distinct")
    for key, name in (("per", per), ("count_distinct", of)):
        if name is not None and SHIPMENT_FIELDS.get(name) != "text":
            source.problem(where + (key,), "field_type", name, "aggregates group and count text fields (best *_norm ones)")
            return Always()
    if "count" in spec and spec["count"] != "shipments":
        source.problem(where + ("count",), "value", spec["count"], "write count: shipments")
        return Always()
    window = _window(spec, where, source=source, default_side="around")
    if window is None:
        return Always()
    aggregate = Aggregate("count_distinct" if of else "count", of, per, *window)
    return AggregateCompare(aggregate, operators[0], raw[operators[0]])


# Fields a linked shipment's condition may not read: they are worked out when scoring (from the
# traffic or from screening), not stored with the shipment, so the single path could not test
# them on the related shipments it reads from the store.
LINKED_UNREADABLE = frozenset({"hs_code_unusual", "value_per_kg_permille", "route_unusual", "watchlist_hits",
                               "watchlist_hit_kinds"})


def _parse_linked(raw: dict, at: tuple, *, source: _Source, lists: _Lists, operators: list[str]) -> Condition:
    """`{linked: {per: K, within_days: D, side: before|around, matching: C}, ge: N}`: N or more *other*
    shipments sharing K within the window for which C holds. C is a condition on one shipment, or
    `{indicator: id}` for the condition of an indicator of this profile given above."""
    spec = raw["linked"]
    where = at + ("linked",)
    usage = "linked: {per: FIELD, within_days: N, side: before|around, matching: CONDITION or {indicator: id}}"
    if not isinstance(spec, dict) or set(spec) - {"per", "within_days", "side", "matching"} \
            or not {"per", "within_days", "matching"} <= set(spec):
        source.problem(where, "linked", spec, usage)
        return Always()
    if not _whole_number_comparison(raw, "linked", at, source=source, operators=operators):
        return Always()
    per = spec["per"]
    if SHIPMENT_FIELDS.get(per) != "text" or per in LINKED_UNREADABLE:
        source.problem(where + ("per",), "field_type", per, "linked shipments share a text field (best a *_norm one)")
        return Always()
    window = _window(spec, where, source=source, default_side="before")
    if window is None:
        return Always()
    matching = spec["matching"]
    if isinstance(matching, dict) and set(matching) == {"indicator"}:
        match = source.indicators.get(matching["indicator"])
        if match is None:
            source.problem(where + ("matching", "indicator"), "unknown_indicator", matching["indicator"],
                           "no indicator with this id above in this profile")
            return Always()
    else:
        match = _parse_condition(matching, where + ("matching",), source=source, lists=lists)
    if match.aggregates():
        source.problem(where + ("matching",), "linked", matching, "the linked shipment's condition is about it alone: no aggregate or linked figure inside")
        return Always()
    unreadable = sorted(match.fields() & LINKED_UNREADABLE)
    if unreadable:
        source.problem(where + ("matching",), "linked", unreadable,
                       "worked out when scoring, not stored with a shipment: a linked shipment cannot be tested on it")
        return Always()
    return AggregateCompare(Aggregate("count_linked", None, per, *window, match), operators[0], raw[operators[0]])


def _resolve_values(value: Any, at: tuple, *, source: _Source, lists: _Lists, kinds: tuple[str, ...]) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    out: dict[str, None] = {}
    for i, item in enumerate(items):
        here = at + ((i,) if isinstance(value, list) else ())
        if isinstance(item, dict) and set(item) == {"list"}:
            named = lists.get(item["list"], profile_path=source.path)
            if named is None or named.kind not in kinds:
                source.problem(here, "list", item["list"], f"no list of kind {'/'.join(kinds)} with this name in lists/")
                continue
            for v in named.values:
                out.setdefault(v)
        elif isinstance(item, (str, int)) and not isinstance(item, bool) and str(item):
            out.setdefault(str(item))
        else:
            source.problem(here, "value", item, "give values or {list: name}")
    if not out:
        source.problem(at, "empty", value, "the set is empty")
    return tuple(out)


def _resolve_keywords(value: Any, at: tuple, *, source: _Source, lists: _Lists) -> tuple[tuple[str, ...], tuple[str, ...]]:
    stems: dict[str, None] = {}
    words: dict[str, None] = {}
    for i, item in enumerate(value if isinstance(value, list) else [value]):
        here = at + (i,)
        if isinstance(item, dict) and set(item) == {"list"}:
            named = lists.get(item["list"], profile_path=source.path)
            if named is None or named.kind != "keywords":
                source.problem(here, "list", item["list"], "no keyword list with this name in lists/")
                continue
            for s in named.stems:
                stems.setdefault(s)
            for w in named.words:
                words.setdefault(w)
        elif isinstance(item, dict) and set(item) == {"word"} and fold(str(item["word"])):
            words.setdefault(fold(str(item["word"])))
        elif isinstance(item, str) and len(fold(item)) >= 3:
            stems.setdefault(fold(item))
        else:
            source.problem(here, "keyword", item, "a keyword is a stem of 3+ letters, {word: w} for a whole word, or {list: name}")
    if not stems and not words:
        source.problem(at, "empty", value, "no keywords")
    return tuple(stems), tuple(words)


# --- loading ------------------------------------------------------------------------------------

def load_profile(path: str | Path) -> Profile:
    """Read, check and compile one profile file; raise `InvalidInput` listing every problem."""
    path = Path(path)
    source = _read_yaml(path)
    try:
        spec = ProfileSpec.model_validate(source.data)
    except ValidationError as err:
        _pydantic_problems(source, err)
        raise InvalidInput(f"profile {path} is not valid", problems=source.problems,
                           hint="fix the lines named above; docs/targeting.md describes the profile format") from None
    lists = _Lists()
    try:
        gate = _parse_condition(spec.applies_to, ("applies_to",), source=source, lists=lists) if spec.applies_to is not None else None
        indicators = []
        seen: set[str] = set()
        for i, item in enumerate(spec.indicators):
            if item.id in seen:
                source.problem(("indicators", i, "id"), "duplicate_id", item.id, "indicator ids must be unique in a profile")
            seen.add(item.id)
            condition = _parse_condition(item.when, ("indicators", i, "when"), source=source, lists=lists)
            if gate is not None:
                condition = All((gate, condition))
            source.indicators.setdefault(item.id, condition)
            indicators.append(Indicator(spec.id, item.id, item.weight, item.reason.strip(), condition, item.family))
    except InvalidInput as err:  # a broken list file: say which profile needed it
        raise InvalidInput(f"profile {path} uses a list that is not valid: {err.message}", problems=err.problems) from None
    for i, name in enumerate(spec.lanes.priority):
        if name not in seen:
            source.problem(("lanes", "priority", i), "unknown_indicator", name, "no indicator with this id in the profile")
    for i, item in enumerate(spec.indicators):
        if ";" in item.reason:
            source.problem(("indicators", i, "reason"), "reason", item.reason, "';' separates reasons in the output; use ',' instead")
    if source.problems:
        raise InvalidInput(f"profile {path} is not valid", problems=source.problems,
                           hint="fix the lines named above; docs/targeting.md describes the profile format")
    digest = hashlib.sha256(source.text.encode())
    for name in sorted(lists.used):
        digest.update(f"\0{name}\0".encode() + lists.used[name].text.encode())
    return Profile(id=spec.id, version=spec.version, title=spec.title, description=spec.description,
                   lanes=spec.lanes, indicators=tuple(indicators), content_hash=digest.hexdigest(), source=str(path))


def load_profiles(paths: Iterable[str | Path] | None = None) -> list[Profile]:
    """Load profile files (folders are read for `*.yaml`); default: the packaged starter library.

    Every file is checked; the problems of all files are raised together.
    """
    files: list[Path] = []
    for p in ([PACKAGED_PROFILES] if paths is None else paths):
        p = Path(p)
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    profiles, problems = [], []
    for f in files:
        try:
            profiles.append(load_profile(f))
        except InvalidInput as err:
            problems.extend(err.problems or [Problem(str(f), "profile", None, err.message)])
    ids = [p.id for p in profiles]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem("id", "duplicate_profile", duplicate, "two files define the same profile id"))
    if problems:
        raise InvalidInput(f"{len(problems)} problem(s) in the profiles", problems=problems)
    return profiles


def required_fields(profiles: Iterable[Profile]) -> set[str]:
    return {f for p in profiles for i in p.indicators for f in i.condition.fields()}

