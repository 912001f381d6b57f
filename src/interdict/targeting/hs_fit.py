"""Whether a declared HS code is unusual for the words of its description, learned from the traffic.

threats.md: "HS codes that do not fit the description". A fixed table of goods and chapters knows
only the words someone wrote into it; the traffic itself knows every word partners use, in every
language and script. For each word of the normalised item descriptions, the reference counts the
HS chapters (first two digits) it was declared under. A word *speaks* when enough other items
carry it (`MIN_SUPPORT`) and a good share of them agree on one chapter (`MIN_CONCENTRATION`): "documents",
"coffee", "bolts". An item's code is *unusual* when some of its words speak and none of them was
declared under the item's chapter by at least `MIN_SHARE` of its other items: "documents" coded as
hand tools, "coffee" as fishing tackle. Words declared under every kind of chapter ("gift", "set",
"parts") do not speak, so a vague description is not held against anybody; a shipment fires when
at least `UNUSUAL_ITEMS` of its judged items are unusual, so one odd line in a big consignment
does not.

Only items whose description and code can be paired are judged: the codes of a shipment are a
'|'-joined list that drops missing codes at either end, so a shipment is judged only where it has
as many codes as descriptions. A batch is judged against itself (each item against the others);
one shipment at a time against an `HsReference` built from other traffic (the store's recent
shipments, or a caller's history). Both count with the same code (`_counts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MIN_SUPPORT = 8  # other items carrying a word before its chapters are trusted
MIN_SHARE = 0.05  # a chapter declared for fewer than this share of a word's other items is unusual for it
MIN_CONCENTRATION = 0.25  # a word speaks only if its commonest chapter holds this share of its other items
UNUSUAL_ITEMS = 0.5  # a shipment fires when at least this share of its judged items are unusual
MIN_WORD_LENGTH = 3


@dataclass(frozen=True)
class HsReference:
    """What other traffic declared: per word (items carrying it, items of its commonest chapter, that
    chapter, items of the next one), and per (word, chapter) the items coded so."""

    words: dict[str, tuple[int, int, str, int]]
    pairs: dict[tuple[str, str], int]


@dataclass(frozen=True)
class _Words:
    """Every kept word of the shipments whose codes pair with their descriptions, once per item,
    words and chapters as dictionary indices (counting is then integer work in numpy)."""

    paired: np.ndarray  # per shipment: its codes pair with its descriptions
    row: np.ndarray
    item: np.ndarray
    word: np.ndarray
    chapter: np.ndarray
    vocabulary: pa.Array
    chapters: pa.Array


def _words(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray) -> _Words:
    descriptions = pc.split_pattern(pc.coalesce(descriptions_norm, ""), " | ")
    codes = pc.split_pattern(pc.coalesce(hs_codes, ""), "|")
    paired = pc.and_(pc.equal(pc.list_value_length(descriptions), pc.list_value_length(codes)),
                     pc.greater(pc.utf8_length(pc.coalesce(hs_codes, "")), 0)).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(paired)
    nothing = np.zeros(0, dtype=np.int64)
    if len(rows) == 0:
        return _Words(paired, nothing, nothing, nothing, nothing, pa.array([], pa.string()), pa.array([], pa.string()))
    descriptions = pc.take(descriptions, pa.array(rows))
    codes = pc.take(codes, pa.array(rows))
    item_row = rows[pc.list_parent_indices(descriptions).to_numpy()]
    words = pc.split_pattern(pc.list_flatten(descriptions), " ")
    item = pc.list_parent_indices(words).to_numpy().astype(np.int64)
    chapter = pc.take(pc.utf8_slice_codeunits(pc.list_flatten(codes), 0, 2), pa.array(item))
    encoded_words, encoded_chapters = (pc.dictionary_encode(a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a)
                                       for a in (pc.list_flatten(words), chapter))
    vocabulary, chapters = encoded_words.dictionary, encoded_chapters.dictionary
    keep_word = pc.and_(pc.greater_equal(pc.utf8_length(vocabulary), MIN_WORD_LENGTH),
                        pc.invert(pc.utf8_is_numeric(vocabulary))).to_numpy(zero_copy_only=False)
    keep_chapter = pc.equal(pc.utf8_length(chapters), 2).to_numpy(zero_copy_only=False)
    word = encoded_words.indices.to_numpy().astype(np.int64)
    chapter_id = encoded_chapters.indices.to_numpy().astype(np.int64)
    keep = keep_word[word] & keep_chapter[chapter_id]
    row, item, word, chapter_id = item_row[item][keep], item[keep], word[keep], chapter_id[keep]
    _, first = np.unique(item * len(vocabulary) + word, return_index=True)  # a word said twice counts once
    return _Words(paired, row[first], item[first], word[first], chapter_id[first], vocabulary, chapters)


@dataclass(frozen=True)
class _Counts:
    """Per word: items, items of its commonest chapter, that chapter, items of the next one; and
    per (word, chapter) key (`word * len(chapters) + chapter`, sorted) the items coded so."""

    items: np.ndarray
    top: np.ndarray
    top_chapter: np.ndarray
    second: np.ndarray
    keys: np.ndarray
    key_items: np.ndarray


def _counts(words: _Words) -> _Counts:
    n_words, n_chapters = len(words.vocabulary), len(words.chapters)
    keys, key_items = np.unique(words.word * n_chapters + words.chapter, return_counts=True)
    key_word, key_chapter = keys // n_chapters, keys % n_chapters
    ranked = np.lexsort((key_chapter, -key_items, key_word))
    first = np.ones(len(ranked), dtype=bool)
    first[1:] = key_word[ranked][1:] != key_word[ranked][:-1]
    top = np.zeros(n_words, dtype=np.int64)
    top_chapter = np.full(n_words, -1, dtype=np.int64)
    second = np.zeros(n_words, dtype=np.int64)
    lead = ranked[first]
    top[key_word[lead]], top_chapter[key_word[lead]] = key_items[lead], key_chapter[lead]
    runner = np.flatnonzero(first) + 1  # the element after each lead
    has_second = np.zeros(len(lead), dtype=bool)
    inside = runner < len(ranked)
    has_second[inside] = ~first[runner[inside]]  # the next element still belongs to the same word
    second[key_word[lead[has_second]]] = key_items[ranked[runner[has_second]]]
    return _Counts(np.bincount(words.word, minlength=n_words), top, top_chapter, second, keys, key_items)


def build_reference(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray) -> HsReference:
    """Count, over the given shipments, each word's items and its items per HS chapter."""
    words = _words(descriptions_norm, hs_codes)
    counts = _counts(words)
    vocabulary, chapters = words.vocabulary.to_pylist(), words.chapters.to_pylist()
    n_chapters = len(chapters)
    seen = np.flatnonzero(counts.items)
    return HsReference(
        words={vocabulary[w]: (int(counts.items[w]), int(counts.top[w]), chapters[counts.top_chapter[w]], int(counts.second[w]))
               for w in seen.tolist()},
        pairs={(vocabulary[k // n_chapters], chapters[k % n_chapters]): int(n)
               for k, n in zip(counts.keys.tolist(), counts.key_items.tolist())})


def _unusual_within(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray) -> pa.BooleanArray:
    """`unusual_hs_code` of a batch judged against itself, each item against the other items, in
    integer numpy (the same rule as `_unusual_against`, which a property test holds it to)."""
    words = _words(descriptions_norm, hs_codes)
    out = words.paired.astype(np.int8)  # 0: not paired (null), 1: paired, 2: paired and unusual
    if len(words.word):
        counts = _counts(words)
        word, chapter = words.word, words.chapter
        same = counts.key_items[np.searchsorted(counts.keys, word * len(words.chapters) + chapter)] - 1
        others = counts.items[word] - 1  # the *other* items of this word, and of them under this chapter
        agreed = np.maximum(np.where(counts.top_chapter[word] == chapter, counts.second[word], counts.top[word]), same)
        speaks = (others >= MIN_SUPPORT) & (agreed >= MIN_CONCENTRATION * others)
        usual = same >= MIN_SHARE * others
        row, item, usual = words.row[speaks], words.item[speaks], usual[speaks]
        items, inverse = np.unique(item, return_inverse=True)
        usual_item = np.zeros(len(items), dtype=bool)
        np.logical_or.at(usual_item, inverse, usual)
        item_row = np.zeros(len(items), dtype=np.int64)
        item_row[inverse] = row
        judged_items = np.bincount(item_row, minlength=len(out))
        unusual_items = np.bincount(item_row, weights=~usual_item, minlength=len(out))
        out[(judged_items > 0) & (unusual_items >= UNUSUAL_ITEMS * judged_items)] = 2
    return pa.array(out == 2, pa.bool_(), mask=out == 0)


def _unusual_against(descriptions_norm: list, hs_codes: list, reference: HsReference, own: int) -> list[bool | None]:
    """`unusual_hs_code` of shipments against a reference, by dict lookups (one shipment at a time
    costs microseconds); `own` is 1 where the reference counts these shipments themselves."""
    out: list[bool | None] = []
    for text, codes in zip(descriptions_norm, hs_codes):
        descriptions, code_list = (text or "").split(" | "), (codes or "").split("|")
        if not codes or len(descriptions) != len(code_list):
            out.append(None)
            continue
        judged = unusual = 0
        for description, code in zip(descriptions, code_list):
            chapter = code[:2]
            if len(chapter) != 2:
                continue
            spoke = usual = False
            for word in set(description.split(" ")):
                if len(word) < MIN_WORD_LENGTH or word.isnumeric() or word not in reference.words:
                    continue
                items, top, top_chapter, second = reference.words[word]
                if items < MIN_SUPPORT + own:
                    continue
                others = items - own
                same = reference.pairs.get((word, chapter), own) - own
                agreed = max(second if top_chapter == chapter else top, same)
                if agreed >= MIN_CONCENTRATION * others:
                    spoke = True
                    usual = usual or same >= MIN_SHARE * others
            if spoke:
                judged += 1
                unusual += not usual
        out.append(judged > 0 and unusual >= UNUSUAL_ITEMS * judged)
    return out


def unusual_hs_code(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray, *,
                    reference: HsReference | None = None, counted_in_reference: bool = False) -> pa.BooleanArray:
    """Per shipment: True where at least `UNUSUAL_ITEMS` of its judged items have a code unusual for
    their words, False otherwise, null where no item could be paired with a code.

    Without `reference`, the reference is these shipments themselves, each item judged against the
    *other* items (its own declaration is taken out of the counts, so a word seen only with this
    code is not thereby usual). A given `reference` holds them only if `counted_in_reference`.
    """
    if reference is None:
        return _unusual_within(descriptions_norm, hs_codes)
    return pa.array(_unusual_against(descriptions_norm.to_pylist(), hs_codes.to_pylist(), reference,
                                     1 if counted_in_reference else 0), pa.bool_())
