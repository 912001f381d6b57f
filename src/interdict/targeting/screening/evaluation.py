"""Labelled pairs of names and how well the matcher separates them: precision, recall and F1 at
each threshold.

`generate_pairs` writes the set this module ships (`data/labelled_pairs.csv`): true variants of one
name (Cyrillic/Latin, dropped diacritics, swapped order, initials, typos, aliases' spellings) and
as many non-matches, at least a third of them hard (same surname another person, Ivan/Ivana,
near-identical companies). `evaluate_pairs` scores any such file through the real screener.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from interdict.errors import InvalidInput, Problem
from interdict.targeting.screening.matcher import BruteForceScreener, Matcher, Screener
from interdict.targeting.screening.models import Query, WatchlistEntry
from interdict.text import normalise_name, to_cyrillic

DATA = Path(__file__).parent / "data"
LABELLED_PAIRS = DATA / "labelled_pairs.csv"
# Written by hand apart from the generator above and from how the matcher thinks, as an outside
# evaluator would: Macedonian Cyrillic, Albanian, Turkish, German spellings, double surnames,
# nicknames (not matches), near-identical companies, common names.
INDEPENDENT_PAIRS = DATA / "independent_pairs.csv"


@dataclass(frozen=True, slots=True)
class LabelledPair:
    query: str
    listed: str
    match: bool
    kind: str | None = None
    variant: str = ""


@dataclass(frozen=True, slots=True)
class ThresholdResult:
    threshold: float
    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int


# ---- making the labelled set -------------------------------------------------------------------
def load_names() -> dict:
    return yaml.safe_load((DATA / "names.yaml").read_text(encoding="utf-8"))


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "dj").replace("Đ", "Dj").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_KEYBOARD_NEIGHBOURS = {
    "a": "sqz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo",
    "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "r": "et", "s": "ad",
    "t": "rz", "u": "zi", "v": "cb", "z": "tu",
}


def typo(word: str, rng: random.Random) -> str:
    """One slip of the fingers in `word`, never in its first letter."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    slip = rng.choice(["swap", "drop", "double", "neighbour"])
    if slip == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if slip == "drop":
        return word[:i] + word[i + 1 :]
    if slip == "double":
        return word[:i] + word[i] + word[i:]
    near = _KEYBOARD_NEIGHBOURS.get(word[i].lower(), "e")
    return word[:i] + rng.choice(near) + word[i + 1 :]


_REGIONAL_LATIN = set("abcčćdđefghijklmnoprsštuvzžǵḱ ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽǴḰ.,")


def _regional(text: str) -> bool:
    return set(text) <= _REGIONAL_LATIN


def _person(names: dict, rng: random.Random) -> tuple[str, str]:
    pool = names["first_names"] + [p[rng.randrange(2)] for p in names["first_names_paired"]]
    return rng.choice(pool), rng.choice(names["surnames"])


def _company(names: dict, rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(names["company_words"]), rng.choice(names["company_activities"]), rng.choice(names["company_forms"])


def _person_variant(first: str, last: str, rng: random.Random) -> tuple[str, str]:
    changes = rng.sample(["cyrillic", "ascii", "order", "initial", "typo", "caps", "middle"], k=rng.choice([1, 1, 2, 2, 3]))
    if "cyrillic" in changes and not _regional(first + last):
        changes.remove("cyrillic")  # Müller and Çelik are not written in Cyrillic here
    if "cyrillic" in changes and "ascii" in changes:
        changes.remove("ascii")
    if not changes:
        changes = ["ascii"]
    words = [first, last]
    if "typo" in changes:
        j = rng.randrange(2)
        words[j] = typo(words[j], rng)
    if "initial" in changes:
        words[0] = words[0][0] + "."
    if "middle" in changes:
        words.insert(1, rng.choice(["Jovan", "Ali", "M.", "Petar", "Luka"]))
    if "order" in changes:
        words = [words[-1], *words[:-1]]
        if rng.random() < 0.3:
            words[0] += ","
    text = " ".join(words)
    if "caps" in changes:
        text = text.upper()
    if "ascii" in changes:
        text = strip_diacritics(text)
    if "cyrillic" in changes:
        text = to_cyrillic(text, language=rng.choice(["sr", "mk"]))
    return text, "+".join(changes)


def generate_pairs(*, seed: int = 20240601, positives: int = 340, negatives: int = 340) -> list[LabelledPair]:
    """The shipped labelled set: half true variants, half non-matches of which most are hard."""
    rng = random.Random(seed)
    names = load_names()
    pairs: list[LabelledPair] = []
    for _ in range(positives):
        if rng.random() < 0.8:
            first, last = _person(names, rng)
            variant, how = _person_variant(first, last, rng)
            pairs.append(LabelledPair(variant, f"{first} {last}", True, "person", how))
        else:
            word, activity, form = _company(names, rng)
            listed = f"{word} {activity} {form}".strip()
            how = rng.choice(["form", "cyrillic", "ascii+form", "typo", "caps"])
            text = f"{word} {activity}"
            if "form" in how:
                text += " " + rng.choice(["DOO", "d.o.o.", "DOOEL", "Ltd.", ""])
            if how == "typo":
                text = f"{word} {typo(activity, rng) if len(activity) >= 5 else activity} {form}"
            if how == "caps":
                text = text.upper()
            if how == "cyrillic":
                text = to_cyrillic(text, language=rng.choice(["sr", "mk"]))
            pairs.append(LabelledPair(strip_diacritics(text) if "ascii" in how else text, listed, True,
                                      "organisation", how))
    paired = names["first_names_paired"]
    kinds_of_negatives = ["same_surname", "same_first_name", "gendered", "similar_company", "unrelated"]
    for n in range(negatives):
        kind = kinds_of_negatives[n % len(kinds_of_negatives)]
        first, last = _person(names, rng)
        if kind == "same_surname":
            other = first
            while other == first or other[:1] == first[:1]:
                other, _ = _person(names, rng)
            query = f"{other} {last}"
        elif kind == "same_first_name":
            other = last
            while other == last:
                _, other = _person(names, rng)
            query = f"{first} {other}"
        elif kind == "gendered":
            man, woman = rng.choice(paired)
            if rng.random() < 0.5:
                first, query = man, f"{woman} {last}"
            else:
                first, query = woman, f"{man} {last}"
        elif kind == "similar_company":
            word, activity, form = _company(names, rng)
            other = activity
            while other == activity:
                other = rng.choice(names["company_activities"])
            if rng.random() < 0.5:
                query = f"{word} {other} {form}".strip()
            else:
                query = f"{word} {activity} {rng.choice(['Plus', '2000', 'Invest', 'Holding'])} {form}".strip()
            pairs.append(LabelledPair(_disguise(query, rng), f"{word} {activity} {form}".strip(), False,
                                      "organisation", kind))
            continue
        else:
            query = " ".join(_person(names, rng))
        pairs.append(LabelledPair(_disguise(query, rng), f"{first} {last}", False, "person", kind))
    return pairs


def _disguise(text: str, rng: random.Random) -> str:
    """Non-matches are written in the same scripts and styles as matches, so that neither tells."""
    roll = rng.random()
    if roll < 0.3 and _regional(text):
        return to_cyrillic(text, language=rng.choice(["sr", "mk"]))
    if roll < 0.55:
        return strip_diacritics(text)
    return text


def write_pairs(pairs: Iterable[LabelledPair], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["query_name", "listed_name", "match", "kind", "variant"])
        for p in pairs:
            writer.writerow([p.query, p.listed, int(p.match), p.kind or "", p.variant])


# ---- reading any labelled file -----------------------------------------------------------------
_QUERY_COLUMNS = ("query_name", "name_a", "left", "query", "name1", "a", "name")
_LISTED_COLUMNS = ("listed_name", "name_b", "right", "candidate", "name2", "b", "entry_name", "watchlist_name", "matched_name")
_LABEL_COLUMNS = ("match", "label", "is_match", "same", "y", "target")
_TRUE = {"1", "true", "yes", "y", "match", "t", "same", "positive"}
_FALSE = {"0", "false", "no", "n", "non-match", "nonmatch", "no_match", "f", "different", "negative"}


def _pick(columns: Sequence[str], wanted: Sequence[str], field: str, path: Path) -> str:
    lowered = {c.lower().strip(): c for c in columns}
    for name in wanted:
        if name in lowered:
            return lowered[name]
    raise InvalidInput(
        f"{path} has no {field} column",
        problems=[Problem(field, "column_required", list(columns), f"name one column {' or '.join(wanted[:3])}")],
    )


def read_pairs(path: Path) -> list[LabelledPair]:
    """Labelled pairs from CSV (any of the usual column names) or NDJSON."""
    from interdict.targeting.screening.files import read_records

    records = list(read_records(path))
    if not records:
        return []
    columns = list(records[0].keys())
    query_col = _pick(columns, _QUERY_COLUMNS, "query_name", path)
    listed_col = _pick(columns, _LISTED_COLUMNS, "listed_name", path)
    label_col = _pick(columns, _LABEL_COLUMNS, "match", path)
    kind_col = next((c for c in columns if c.lower() == "kind"), None)
    variant_col = next((c for c in columns if c.lower() == "variant"), None)
    pairs: list[LabelledPair] = []
    problems: list[Problem] = []
    for line, record in enumerate(records, start=2):
        label = str(record.get(label_col, "")).strip().lower()
        if label not in _TRUE and label not in _FALSE:
            problems.append(Problem(label_col, "boolean", record.get(label_col), f"line {line}: write 1 or 0"))
            continue
        kind = (str(record.get(kind_col) or "").strip().lower() or None) if kind_col else None
        pairs.append(LabelledPair(str(record.get(query_col) or ""), str(record.get(listed_col) or ""),
                                  label in _TRUE, kind if kind in ("person", "organisation") else None,
                                  str(record.get(variant_col) or "") if variant_col else ""))
    if problems:
        raise InvalidInput(f"{path}: {len(problems)} labels are not 1/0", problems=problems[:20])
    return pairs


# ---- scoring them ------------------------------------------------------------------------------
def _kind_of(name: str, kind: str | None) -> str:
    if kind:
        return kind
    # A name that loses a legal form when read as a company is a company.
    return "organisation" if normalise_name(name) != normalise_name(name, kind="person") else "person"


def score_pairs(pairs: Sequence[LabelledPair], *, blocking: bool = True) -> list[float]:
    """The screener's score for each pair (0 where the screener did not offer the listed name)."""
    listed: dict[tuple[str, str], int] = {}
    entries: list[WatchlistEntry] = []
    for p in pairs:
        key = (p.listed, _kind_of(p.listed, p.kind))
        if key not in listed:
            listed[key] = len(entries)
            entries.append(WatchlistEntry(list_id="eval", entry_id=str(len(entries)), kind=key[1], name=p.listed))
    matcher: Matcher = (Screener if blocking else BruteForceScreener)(entries)
    queries = [Query(query_id=str(i), name=p.query) for i, p in enumerate(pairs)]
    wanted = {(str(i), str(listed[(p.listed, _kind_of(p.listed, p.kind))])): i for i, p in enumerate(pairs)}
    scores = [0.0] * len(pairs)
    for m in matcher.screen(queries, min_score=0.0):
        i = wanted.get((m.query_id, m.entry_id))
        if i is not None:
            scores[i] = max(scores[i], m.score)
    return scores


def evaluate_pairs(pairs: Sequence[LabelledPair], *, thresholds: Iterable[float], blocking: bool = True) -> list[ThresholdResult]:
    scores = score_pairs(pairs, blocking=blocking)
    results = []
    for t in thresholds:
        tp = sum(1 for p, s in zip(pairs, scores) if p.match and s >= t)
        fp = sum(1 for p, s in zip(pairs, scores) if not p.match and s >= t)
        fn = sum(1 for p, s in zip(pairs, scores) if p.match and s < t)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results.append(ThresholdResult(t, precision, recall, f1, tp, fp, fn))
    return results


if __name__ == "__main__":
    write_pairs(generate_pairs(), LABELLED_PAIRS)
