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
as many codes as descriptions. The reference is built from the same columns the batch scores (the
batch itself) or, one shipment at a time, from the store's recent traffic (`reference_from`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MIN_SUPPORT = 8  # other items carrying a word before its chapters are trusted
MIN_SHARE = 0.05  # a chapter declared for fewer than this share of a word's other items is unusual for it
MIN_CONCENTRATION = 0.25  # a word speaks only if its commonest chapter holds this share of its other items
FEW = 16  # up to this many shipments against a reference: plain Python lookups (one-at-a-time scoring)
UNUSUAL_ITEMS = 0.5  # a shipment fires when at least this share of its judged items are unusual
MIN_WORD_LENGTH = 3


@dataclass(frozen=True)
class HsReference:
    """Per word: how many items carried it, and per (word, chapter) how many were coded so."""

    words: pa.Table  # word, items, top (items of its commonest chapter), top_chapter, second (of the next)
    pairs: pa.Table  # word, chapter, items

    lookups: dict = field(default_factory=dict, compare=False, repr=False)  # built on first use, see `_lookups`

    @property
    def size(self) -> int:
        return self.words.num_rows

    def _lookups(self) -> tuple[dict[str, tuple[int, int, str, int]], dict[tuple[str, str], int]]:
        """Per word (items, top, top chapter, second) and per (word, chapter) items, as dicts: one
        shipment at a time is then judged in microseconds instead of Arrow joins."""
        if not self.lookups:
            w = self.words
            self.lookups["words"] = {word: (items, top, chapter, second) for word, items, top, chapter, second in zip(
                *(w.column(c).to_pylist() for c in ("word", "items", "top", "top_chapter", "second")))}
            self.lookups["pairs"] = {(word, chapter): items for word, chapter, items in zip(
                *(self.pairs.column(c).to_pylist() for c in ("word", "chapter", "items")))}
        return self.lookups["words"], self.lookups["pairs"]


def _paired_items(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray
                  ) -> tuple[np.ndarray, np.ndarray, pa.Array, pa.Array] | None:
    """(row of each word, item of each word, the words, the chapter of each word's item) of the
    shipments whose codes pair with their descriptions; None if none do."""
    descriptions = pc.split_pattern(pc.coalesce(descriptions_norm, ""), " | ")
    codes = pc.split_pattern(pc.coalesce(hs_codes, ""), "|")
    paired = pc.and_(pc.equal(pc.list_value_length(descriptions), pc.list_value_length(codes)),
                     pc.greater(pc.utf8_length(pc.coalesce(hs_codes, "")), 0))
    rows = np.flatnonzero(paired.to_numpy(zero_copy_only=False))
    if len(rows) == 0:
        return None
    descriptions = pc.take(descriptions, pa.array(rows))
    codes = pc.take(codes, pa.array(rows))
    item_row = rows[pc.list_parent_indices(descriptions).to_numpy()]
    item_text = pc.list_flatten(descriptions)
    chapter = pc.utf8_slice_codeunits(pc.list_flatten(codes), 0, 2)
    words = pc.split_pattern(item_text, " ")
    item_of_word = pc.list_parent_indices(words).to_numpy()
    return item_row[item_of_word], item_of_word.astype(np.int64), pc.list_flatten(words), pc.take(chapter, pa.array(item_of_word))


def _item_words(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray) -> pa.Table:
    """One row per (shipment row, item, word) of the shipments whose codes pair with descriptions."""
    found = _paired_items(descriptions_norm, hs_codes)
    if found is None:
        return pa.table({"row": pa.array([], pa.int64()), "item": pa.array([], pa.int64()),
                         "word": pa.array([], pa.string()), "chapter": pa.array([], pa.string())})
    row, item, word, chapter = found
    table = pa.table({"row": row, "item": item, "word": word, "chapter": chapter})
    keep = pc.and_(pc.greater_equal(pc.utf8_length(table.column("word")), MIN_WORD_LENGTH),
                   pc.invert(pc.utf8_is_numeric(table.column("word"))))
    keep = pc.and_(keep, pc.equal(pc.utf8_length(table.column("chapter")), 2))
    # a word said twice in one description counts once for the item
    return table.filter(keep).group_by(["row", "item", "word", "chapter"], use_threads=False).aggregate([])


def build_reference(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray) -> HsReference:
    """Count, over the given shipments, each word's items and its items per HS chapter."""
    words = _item_words(descriptions_norm, hs_codes)
    pairs = words.group_by(["word", "chapter"], use_threads=False).aggregate([("item", "count")])
    pairs = pairs.rename_columns(["word", "chapter", "items"])
    totals = words.group_by(["word"], use_threads=False).aggregate([("item", "count")]).rename_columns(["word", "items"])
    # per word, the commonest chapter and the count of the next one: what the *other* items of a
    # word say is worked out exactly from these, whether or not an item is counted itself
    ranked = pairs.sort_by([("word", "ascending"), ("items", "descending"), ("chapter", "ascending")])
    word = ranked.column("word").to_numpy(zero_copy_only=False)
    count = ranked.column("items").to_numpy()
    first = np.ones(len(word), dtype=bool)
    first[1:] = word[1:] != word[:-1]
    starts = np.flatnonzero(first)
    has_second = np.zeros(len(starts), dtype=bool)
    has_second[:-1] = np.diff(starts) > 1
    has_second[-1:] = len(word) - starts[-1:] > 1
    second = np.where(has_second, count[np.minimum(starts + 1, len(word) - 1)], 0)
    tops = pa.table({"word": pa.array(word[starts], pa.string()), "top": pa.array(count[starts], pa.int64()),
                     "top_chapter": ranked.column("chapter").take(pa.array(starts)),
                     "second": pa.array(second, pa.int64())})
    totals = totals.join(tops, "word", use_threads=False)
    return HsReference(words=totals, pairs=pairs)


def _judged_words(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray):
    """The batch's own (row, item, word id, chapter id) of every kept word, deduplicated per item,
    words and chapters as dictionary indices: counting is then integer work in numpy."""
    found = _paired_items(descriptions_norm, hs_codes)
    if found is None:
        return None
    row, item, word, chapter = found
    words, chapters = (pc.dictionary_encode(a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a)
                       for a in (word, chapter))
    vocabulary = words.dictionary
    keep_word = pc.and_(pc.greater_equal(pc.utf8_length(vocabulary), MIN_WORD_LENGTH),
                        pc.invert(pc.utf8_is_numeric(vocabulary))).to_numpy(zero_copy_only=False)
    keep_chapter = pc.equal(pc.utf8_length(chapters.dictionary), 2).to_numpy(zero_copy_only=False)
    word_id = words.indices.to_numpy().astype(np.int64)
    chapter_id = chapters.indices.to_numpy().astype(np.int64)
    keep = keep_word[word_id] & keep_chapter[chapter_id]
    row, item, word_id, chapter_id = row[keep], item[keep], word_id[keep], chapter_id[keep]
    _, first = np.unique(item * len(vocabulary) + word_id, return_index=True)  # a word said twice counts once
    return row[first], item[first], word_id[first], chapter_id[first], len(vocabulary), len(chapters.dictionary)


def _unusual_within(descriptions_norm: pa.Array | pa.ChunkedArray, hs_codes: pa.Array | pa.ChunkedArray,
                    out: np.ndarray) -> None:
    """`unusual_hs_code` of a batch judged against itself, in integer numpy (the same rule as the
    reference path below, which a property test holds it to): marks `out` 2 where unusual."""
    judged = _judged_words(descriptions_norm, hs_codes)
    if judged is None:
        return
    row, item, word, chapter, n_words, n_chapters = judged
    totals = np.bincount(word, minlength=n_words)
    pair = word * n_chapters + chapter
    keys, pair_items = np.unique(pair, return_counts=True)
    same = pair_items[np.searchsorted(keys, pair)] - 1  # the *other* items of this word under this chapter
    # per word, the commonest chapter (and the count of the next), to know what the others agree on
    key_word, key_chapter = keys // n_chapters, keys % n_chapters
    ranked = np.lexsort((key_chapter, -pair_items, key_word))
    first = np.ones(len(ranked), dtype=bool)
    first[1:] = key_word[ranked][1:] != key_word[ranked][:-1]
    top = np.zeros(n_words, dtype=np.int64)
    top_chapter = np.full(n_words, -1, dtype=np.int64)
    second = np.zeros(n_words, dtype=np.int64)
    lead = ranked[first]
    top[key_word[lead]], top_chapter[key_word[lead]] = pair_items[lead], key_chapter[lead]
    runner = np.flatnonzero(first)[:-1] + 1
    runner = np.append(runner, len(ranked))  # the element after each lead, if still the same word
    has_second = np.zeros(len(lead), dtype=bool)
    valid = runner < len(ranked)
    has_second[valid] = ~first[runner[valid]]
    second[key_word[lead[has_second]]] = pair_items[ranked[runner[has_second]]]
    others = totals[word] - 1
    agreed = np.maximum(np.where(top_chapter[word] == chapter, second[word], top[word]), same)
    speaks = (others >= MIN_SUPPORT) & (agreed >= MIN_CONCENTRATION * others)
    usual = same >= MIN_SHARE * others
    row, item, usual = row[speaks], item[speaks], usual[speaks]
    items, inverse = np.unique(item, return_inverse=True)
    usual_item = np.zeros(len(items), dtype=bool)
    np.logical_or.at(usual_item, inverse, usual)
    item_row = np.zeros(len(items), dtype=np.int64)
    item_row[inverse] = row
    judged_items = np.bincount(item_row, minlength=len(out))
    unusual_items = np.bincount(item_row, weights=~usual_item, minlength=len(out))
    out[(judged_items > 0) & (unusual_items >= UNUSUAL_ITEMS * judged_items)] = 2


def _unusual_few(descriptions_norm: list, hs_codes: list, reference: HsReference, own: int) -> list[bool | None]:
    """`unusual_hs_code` of a few shipments against a reference, in plain Python (the same rule as
    the Arrow path, which a property test holds it to)."""
    words_of, pairs_of = reference._lookups()
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
                if len(word) < MIN_WORD_LENGTH or word.isnumeric() or word not in words_of:
                    continue
                items, top, top_chapter, second = words_of[word]
                if items < MIN_SUPPORT + own:
                    continue
                others = items - own
                same = pairs_of.get((word, chapter), own) - own
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
    n = len(descriptions_norm)
    own = 1 if reference is None or counted_in_reference else 0
    out = np.zeros(n, dtype=np.int8)  # 0: not paired (null), 1: paired, 2: paired and unusual
    descriptions = pc.split_pattern(pc.coalesce(descriptions_norm, ""), " | ")
    codes = pc.split_pattern(pc.coalesce(hs_codes, ""), "|")
    paired = pc.and_(pc.equal(pc.list_value_length(descriptions), pc.list_value_length(codes)),
                     pc.greater(pc.utf8_length(pc.coalesce(hs_codes, "")), 0)).to_numpy(zero_copy_only=False)
    out[paired] = 1
    if reference is None:
        _unusual_within(descriptions_norm, hs_codes, out)
        return pa.array(np.where(out == 2, True, False), pa.bool_(), mask=out == 0)
    if n <= FEW:
        return pa.array(_unusual_few(descriptions_norm.to_pylist(), hs_codes.to_pylist(), reference, own), pa.bool_())
    words = _item_words(descriptions_norm, hs_codes)
    if words.num_rows:
        judged = words.join(reference.words, "word", join_type="inner", use_threads=False)
        judged = judged.filter(pc.greater_equal(judged.column("items"), MIN_SUPPORT + own))
        if judged.num_rows:
            judged = judged.rename_columns(["word_items" if c == "items" else c for c in judged.column_names])
            judged = judged.join(reference.pairs.rename_columns(["word", "chapter", "chapter_items"]),
                                 ["word", "chapter"], join_type="left outer", use_threads=False)
            others = judged.column("word_items").to_numpy() - own
            same = judged.column("chapter_items").fill_null(own).to_numpy() - own  # others under this chapter
            top = np.where(pc.equal(judged.column("top_chapter"), judged.column("chapter")).fill_null(False).to_numpy(zero_copy_only=False),
                           judged.column("second").to_numpy(), judged.column("top").to_numpy())
            top = np.maximum(top, same)  # the commonest chapter among the others
            speaks = top >= MIN_CONCENTRATION * others
            judged = judged.filter(pa.array(speaks))
            usual = (same >= MIN_SHARE * others)[speaks]
            row = judged.column("row").to_numpy()
            item = judged.column("item").to_numpy()
            # an item is usual if any of its judged words knows its chapter; unusual if none does
            key = row.astype(np.int64) * (1 << 32) + item
            uniq, inverse = np.unique(key, return_inverse=True)
            usual_item = np.zeros(len(uniq), dtype=bool)
            np.logical_or.at(usual_item, inverse, usual)
            item_row = (uniq >> 32).astype(np.int64)
            judged_items = np.bincount(item_row, minlength=n)
            unusual_items = np.bincount(item_row, weights=~usual_item, minlength=n)
            out[(judged_items > 0) & (unusual_items >= UNUSUAL_ITEMS * judged_items)] = 2
    return pa.array(np.where(out == 2, True, False), pa.bool_(), mask=out == 0)
