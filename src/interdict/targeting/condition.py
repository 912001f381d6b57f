"""Conditions of risk indicators: the parsed form of a profile's `when:` blocks.

One condition tree is evaluated two ways that must agree: rendered to the SQL subset that DuckDB
and Spark SQL both execute identically (batch), and interpreted in Python (one shipment at a time).
"""

from __future__ import annotations

import hashlib
import re
import re._parser as _regex_parser  # the only portable way to inspect a regex's structure
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from functools import lru_cache
from typing import Any, Mapping, Protocol

# The column contract (docs/targeting.md): which fields a condition may name, and of what kind.
# "list" fields are '|'-joined strings; a set condition on them means "any element is in the set".
SHIPMENT_FIELDS: dict[str, str] = {
    **{name: "text" for name in (
        "reporter", "shipment_id", "mode", "direction", "category", "origin_country",
        "departure_country", "destination_country", "carrier", "conveyance_ref", "master_ref",
        "currency", "payment_method", "id_kind", "unit", "descriptions", "descriptions_norm",
        *(f"{party}_{part}" for party in ("shipper", "consignee") for part in (
            "name", "street", "city", "postcode", "country", "phone", "email",
            "name_norm", "address_norm", "phone_norm", "email_norm")),
        "consignee_id_number",
    )},
    **{name: "number" for name in (
        "pieces", "gross_weight_g", "declared_value_minor", "declared_value_eur_cents",
        "item_count", "items_net_weight_g", "version_count",
    )},
    "id_check_valid": "bool",
    # derived when scoring, from the traffic itself (targeting/hs_fit.py), not stored
    "hs_code_unusual": "bool",
    "value_per_kg_permille": "number",
    "route_unusual": "bool",
    "transit_countries": "list",
    "hs_codes": "list",
    "watchlist_hits": "list",
    "watchlist_hit_kinds": "list",  # which details matched: name, phone, e-mail, address
}
COUNTRY_FIELDS = {"origin_country", "departure_country", "destination_country", "shipper_country",
                  "consignee_country", "transit_countries"}
COMPARISONS = {"eq": "=", "ne": "<>", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
SECONDS_PER_DAY = 86_400


class Dialect(Protocol):
    """What differs between the engines' SQL; everything else is written once."""

    def literal(self, text: str) -> str: ...
    def regex_search(self, column_sql: str, pattern: str) -> str: ...
    def distinct_count(self, column_sql: str, *, over: str) -> str: ...
    def any_substring(self, column_sql: str, needles: list[str]) -> str: ...


@dataclass(frozen=True)
class Aggregate:
    """A cross-shipment figure: shipments (or distinct values of `of`) sharing `per` within a window;
    with `match` ("count_linked"), the *other* shipments sharing `per` in the window for which the
    per-row condition `match` holds (a sibling parcel that says what this one does not)."""

    function: str  # "count" | "count_distinct" | "count_linked"
    of: str | None
    per: str
    days: int
    side: str  # "around": both sides of the shipment's time; "before": up to and including it
    match: Condition | None = None

    @property
    def name(self) -> str:
        if self.function == "count_linked":
            # the name keys the single path's context: the condition itself, in a short stable form
            what = f"count_linked({hashlib.sha1(repr(self.match).encode()).hexdigest()[:12]})"
        else:
            what = f"count_distinct({self.of})" if self.function == "count_distinct" else "count"
        return f"{what} per {self.per} within {self.days}d {self.side}"

    def window_sql(self, *, dialect: Dialect, matched: str | None = None) -> str:
        """The figure as a window over the narrow projection; `matched` names its 0/1 column of
        `match` (count_linked only)."""
        span = self.days * SECONDS_PER_DAY
        following = f"{span} FOLLOWING" if self.side == "around" else "CURRENT ROW"
        over = f"OVER (PARTITION BY {self.per} ORDER BY _t RANGE BETWEEN {span} PRECEDING AND {following})"
        if self.function == "count_distinct":
            window = dialect.distinct_count(f"nullif({self.of}, '')", over=over)
        elif self.function == "count_linked":
            window = f"(sum({matched}) {over} - {matched})"  # the others: the shipment's own match taken off
        else:
            window = f"count(*) {over}"
        # Shipments with no key (no phone given) must not be pooled into one giant "NULL" group.
        return f"CASE WHEN {self.per} IS NULL OR {self.per} = '' THEN NULL ELSE {window} END"


class Condition:
    """A node of a condition tree; leaves are two-valued: a missing value makes a leaf false."""

    def sql(self, *, dialect: Dialect, aggregates: Mapping[Aggregate, str]) -> str:
        raise NotImplementedError

    def render(self, *, dialect: Dialect, aggregates: Mapping[Any, str]) -> str:
        """`sql`, or the name of a column that already holds this condition's value: `aggregates`
        maps cross-shipment figures, and may map conditions an engine decided beforehand
        (`text_column`)."""
        alias = aggregates.get(self)
        return alias if alias is not None else self.sql(dialect=dialect, aggregates=aggregates)

    def text_column(self) -> str | None:
        """The one column of the prepared table this leaf's SQL reads, when its value depends on
        nothing else (text matching): then it may be decided once per distinct value."""
        return None

    def holds(self, shipment: Mapping[str, Any], *, context: Mapping[str, int | None]) -> bool:
        raise NotImplementedError

    def aggregates(self) -> list[Aggregate]:
        return []

    def fields(self) -> set[str]:
        return set()

    def children(self) -> tuple[Condition, ...]:
        """The conditions inside this one (parts of all/any/not, a linked figure's `match`)."""
        return ()


@dataclass(frozen=True)
class All(Condition):
    parts: tuple[Condition, ...]

    def sql(self, *, dialect, aggregates):
        return "(" + " AND ".join(p.render(dialect=dialect, aggregates=aggregates) for p in self.parts) + ")"

    def holds(self, shipment, *, context):
        return all(p.holds(shipment, context=context) for p in self.parts)

    def aggregates(self):
        return [a for p in self.parts for a in p.aggregates()]

    def fields(self):
        return set().union(*(p.fields() for p in self.parts))

    def children(self):
        return self.parts


@dataclass(frozen=True)
class AnyOf(Condition):
    parts: tuple[Condition, ...]

    def sql(self, *, dialect, aggregates):
        return "(" + " OR ".join(p.render(dialect=dialect, aggregates=aggregates) for p in self.parts) + ")"

    def holds(self, shipment, *, context):
        return any(p.holds(shipment, context=context) for p in self.parts)

    def aggregates(self):
        return [a for p in self.parts for a in p.aggregates()]

    def fields(self):
        return set().union(*(p.fields() for p in self.parts))

    def children(self):
        return self.parts


@dataclass(frozen=True)
class Not(Condition):
    part: Condition

    def sql(self, *, dialect, aggregates):
        return f"(NOT {self.part.render(dialect=dialect, aggregates=aggregates)})"

    def holds(self, shipment, *, context):
        return not self.part.holds(shipment, context=context)

    def aggregates(self):
        return self.part.aggregates()

    def fields(self):
        return self.part.fields()

    def children(self):
        return (self.part,)


def _leaf(expression: str) -> str:
    return f"coalesce({expression}, false)"


def _sql_value(value: Any, *, dialect: Dialect) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        raise TypeError("fractions are compared by cross-multiplication, never as literals")
    return dialect.literal(str(value))


def _text(shipment: Mapping[str, Any], name: str) -> str | None:
    value = shipment.get(name)
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return "|".join(value)
    return str(value)


def _padded_list(shipment: Mapping[str, Any], name: str) -> str:
    """'|a|b|' for a '|'-joined (or real) list, so that one element is found as '|a|'."""
    return "|" + (_text(shipment, name) or "") + "|"


def _list_sql(name: str) -> str:
    return f"_list_{name}"


@dataclass(frozen=True)
class Compare(Condition):
    field: str
    op: str
    value: Any  # int, bool, str, Fraction, or FieldRef
    other_field: str | None = None

    def sql(self, *, dialect, aggregates):
        if self.other_field:
            return _leaf(f"({self.field} {COMPARISONS[self.op]} {self.other_field})")
        if isinstance(self.value, Fraction):
            # Decimal thresholds are compared exactly in integers: x < p/q  <=>  x*q < p.
            return _leaf(f"(CAST({self.field} AS BIGINT) * {self.value.denominator} {COMPARISONS[self.op]} {self.value.numerator})")
        return _leaf(f"({self.field} {COMPARISONS[self.op]} {_sql_value(self.value, dialect=dialect)})")

    def holds(self, shipment, *, context):
        left = shipment.get(self.field)
        right = shipment.get(self.other_field) if self.other_field else self.value
        if left is None or right is None:
            return False
        return _compare(left, self.op, right)

    def fields(self):
        return {self.field} | ({self.other_field} if self.other_field else set())


def _compare(left: Any, op: str, right: Any) -> bool:
    if op == "eq":
        return left == right
    if op == "ne":
        return left != right
    if op == "lt":
        return left < right
    if op == "le":
        return left <= right
    if op == "gt":
        return left > right
    return left >= right


@dataclass(frozen=True)
class InSet(Condition):
    """`in`: the value (or, for a list field, any of its elements) is one of `values`."""

    field: str
    values: tuple[str, ...]
    is_list: bool

    def sql(self, *, dialect, aggregates):
        if self.is_list:
            return _leaf(dialect.any_substring(_list_sql(self.field), [f"|{v}|" for v in self.values]))
        return _leaf(f"({self.field} IN ({', '.join(dialect.literal(v) for v in self.values)}))")

    def text_column(self):
        return _list_sql(self.field) if self.is_list else None

    def holds(self, shipment, *, context):
        if self.is_list:
            padded = _padded_list(shipment, self.field)
            return any(f"|{v}|" in padded for v in self.values)
        value = shipment.get(self.field)
        return value is not None and str(value) in self.values

    def fields(self):
        return {self.field}


@dataclass(frozen=True)
class Prefix(Condition):
    """`prefix_in`: the value (or any element of a list field) starts with one of `prefixes`."""

    field: str
    prefixes: tuple[str, ...]

    def sql(self, *, dialect, aggregates):
        return _leaf(dialect.any_substring(_list_sql(self.field), [f"|{p}" for p in self.prefixes]))

    def text_column(self):
        return _list_sql(self.field)

    def holds(self, shipment, *, context):
        padded = _padded_list(shipment, self.field)
        return any(f"|{p}" in padded for p in self.prefixes)

    def fields(self):
        return {self.field}


@dataclass(frozen=True)
class Missing(Condition):
    field: str
    missing: bool

    def sql(self, *, dialect, aggregates):
        kind = SHIPMENT_FIELDS[self.field]
        test = f"({self.field} IS NULL)" if kind in ("number", "bool") else f"({self.field} IS NULL OR {self.field} = '')"
        return test if self.missing else f"(NOT {test})"

    def holds(self, shipment, *, context):
        value = shipment.get(self.field)
        absent = value is None or (SHIPMENT_FIELDS[self.field] not in ("number", "bool") and _text(shipment, self.field) == "")
        return absent == self.missing

    def fields(self):
        return {self.field}


@dataclass(frozen=True)
class Keywords(Condition):
    """Folded terms found in a folded text: `stems` at the start of a word, `words` as whole words."""

    field: str
    stems: tuple[str, ...]
    words: tuple[str, ...]

    @lru_cache(maxsize=1024)  # noqa: B019 - conditions are few and live as long as their profiles
    def _needles(self) -> list[str]:
        return [f" {s}" for s in self.stems] + [f" {w} " for w in self.words]

    @lru_cache(maxsize=1024)  # noqa: B019
    def _heads(self) -> tuple[str, ...]:
        """The needles without their leading space: what a word of the text may start with."""
        return tuple(n[1:] for n in self._needles())

    def sql(self, *, dialect, aggregates):
        return _leaf(dialect.any_substring(f"_pad_{self.field}", self._needles()))

    def text_column(self):
        return f"_pad_{self.field}"

    def holds(self, shipment, *, context):
        # ' needle' occurs in the padded text exactly where, after one of its spaces, the text
        # starts with the needle's rest: a few startswith() calls (one per word) instead of one
        # substring search per needle (hundreds).
        padded = " " + (_text(shipment, self.field) or "") + " "
        heads = self._heads()
        space = padded.find(" ")
        while space != -1:
            if padded.startswith(heads, space + 1):
                return True
            space = padded.find(" ", space + 1)
        return False

    def fields(self):
        return {self.field}


@dataclass(frozen=True)
class Regex(Condition):
    field: str
    pattern: str

    def sql(self, *, dialect, aggregates):
        return _leaf(dialect.regex_search(f"coalesce({self.field}, '')", self.pattern))

    def text_column(self):
        return self.field

    def holds(self, shipment, *, context):
        return re.search(self.pattern, _text(shipment, self.field) or "") is not None

    def fields(self):
        return {self.field}


@dataclass(frozen=True)
class Ratio(Condition):
    """numerator / denominator * per  <op>  threshold, decided exactly in integers."""

    numerator: str
    denominator: str
    op: str
    threshold: Fraction  # already divided by `per`

    def sql(self, *, dialect, aggregates):
        t = self.threshold
        # n/d <op> p/q with d > 0  <=>  n*q <op> p*d : no division, no rounding, no engine drift.
        return _leaf(
            f"({self.denominator} > 0 AND CAST({self.numerator} AS BIGINT) * {t.denominator} "
            f"{COMPARISONS[self.op]} CAST({self.denominator} AS BIGINT) * {t.numerator})")

    def holds(self, shipment, *, context):
        n, d = shipment.get(self.numerator), shipment.get(self.denominator)
        if n is None or d is None or d <= 0:
            return False
        t = self.threshold
        return _compare(n * t.denominator, self.op, d * t.numerator)

    def fields(self):
        return {self.numerator, self.denominator}


@dataclass(frozen=True)
class AggregateCompare(Condition):
    aggregate: Aggregate
    op: str
    value: int

    def sql(self, *, dialect, aggregates):
        return _leaf(f"({aggregates[self.aggregate]} {COMPARISONS[self.op]} {self.value})")

    def holds(self, shipment, *, context):
        value = context.get(self.aggregate.name)
        return value is not None and _compare(value, self.op, self.value)

    def aggregates(self):
        return [self.aggregate]

    def fields(self):
        a = self.aggregate
        return {a.per} | ({a.of} if a.of else set()) | (a.match.fields() if a.match is not None else set())

    def children(self):
        return (self.aggregate.match,) if self.aggregate.match is not None else ()


@dataclass(frozen=True)
class Always(Condition):
    def sql(self, *, dialect, aggregates):
        return "true"

    def holds(self, shipment, *, context):
        return True


def epoch_seconds(value: Any) -> int | None:
    """Seconds since 1970 of a timestamp (aware datetimes; naive ones are taken as UTC)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            from datetime import timezone

            value = value.replace(tzinfo=timezone.utc)
        return int(value.timestamp() // 1)
    return int(value)


# --- regex portability ------------------------------------------------------------------------

_ALLOWED_CATEGORIES = {"CATEGORY_DIGIT", "CATEGORY_NOT_DIGIT", "CATEGORY_SPACE", "CATEGORY_NOT_SPACE"}
_ALLOWED_AT = {"AT_BEGINNING", "AT_END", "AT_BOUNDARY", "AT_NON_BOUNDARY"}
_FOLDED_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789 |")


def regex_portability_problems(pattern: str) -> list[str]:
    """Why `pattern` might not behave the same in RE2 (DuckDB), Java (Spark) and Python, if at all.

    Allowed: literals of the folded alphabet, '.', classes of literals/ranges/\\d/\\s, groups,
    alternation, greedy and lazy repetition, ^ $ \\b \\B. Text is folded, so upper case never matches.
    """
    if "'" in pattern:
        return ["quotes cannot occur in folded text"]
    try:
        parsed = _regex_parser.parse(pattern)
    except re.error as err:
        return [f"not a valid regular expression: {err}"]
    if parsed.state.flags & ~(re.UNICODE):
        return ["inline flags such as (?i) are not portable (Spark's (?i) is ASCII-only); text is already lower case"]
    problems: list[str] = []

    def walk(items: Any) -> None:
        for op, arg in items:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                if chr(arg) not in _FOLDED_CHARS:
                    problems.append(f"character {chr(arg)!r} never occurs in folded text (lower-case a-z, 0-9, space, '|')")
            elif name == "ANY":
                pass
            elif name == "IN":
                for item_op, item_arg in arg:
                    item = str(item_op)
                    if item == "LITERAL" and chr(item_arg) not in _FOLDED_CHARS:
                        problems.append(f"character {chr(item_arg)!r} never occurs in folded text")
                    elif item == "CATEGORY" and str(item_arg) not in _ALLOWED_CATEGORIES:
                        problems.append(f"class {item_arg} is not portable; use \\d, \\s or an explicit [a-z0-9]")
                    elif item not in ("LITERAL", "RANGE", "NEGATE", "CATEGORY"):
                        problems.append(f"{item} inside [...] is not portable")
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
            elif name == "SUBPATTERN":
                _group, add_flags, del_flags, body = arg
                if add_flags or del_flags:
                    problems.append("inline flags are not portable")
                walk(body)
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                walk(arg[2])
            elif name == "AT":
                if str(arg) not in _ALLOWED_AT:
                    problems.append(f"anchor {arg} is not portable; use ^, $ or \\b")
            elif name == "CATEGORY":
                if str(arg) not in _ALLOWED_CATEGORIES:
                    problems.append(f"class {arg} is not portable; use \\d, \\s or an explicit [a-z0-9]")
            else:
                problems.append(f"{name} (back-references, look-around, atomic or possessive forms) is not portable")

    walk(parsed)
    return problems


@dataclass
class ParseState:
    """Collects problems while a `when:` block is parsed, with the path of each for line lookup."""

    problems: list[tuple[tuple, str, Any, str]] = field(default_factory=list)

    def add(self, path: tuple, rule: str, value: Any, message: str) -> None:
        self.problems.append((path, rule, value, message))
