"""Profiles are data: checked at load with file, line and what is wrong; keywords folded; hashed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interdict.errors import InvalidInput
from interdict.targeting import load_profile, load_profiles
from interdict.targeting.condition import Keywords

GOOD = """\
id: test_profile
version: 2
title: Test
indicators:
  - id: named
    weight: 40
    reason: Names a pistol
    when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_starter_library_loads_with_ids_versions_and_hashes():
    profiles = load_profiles()
    assert {p.id for p in profiles} >= {"firearms_inbound", "firearms_outbound", "convertible_weapons",
                                         "ammunition", "drugs_air_express", "splitting_and_identity"}
    assert all(len(p.content_hash) == 64 and p.version >= 1 for p in profiles)


def test_keywords_written_in_cyrillic_are_folded_like_the_data(tmp_path):
    profile = load_profile(write(tmp_path, GOOD))
    condition = profile.indicators[0].condition
    assert isinstance(condition, Keywords)
    assert condition.stems == ("pistolj",) and condition.words == ("gun",)


def test_a_problem_names_file_line_and_what_is_wrong(tmp_path):
    text = GOOD.replace("field: descriptions_norm", "field: description_normalised")
    with pytest.raises(InvalidInput) as caught:
        load_profile(write(tmp_path, text))
    (problem,) = caught.value.problems
    assert problem.field.startswith(f"{tmp_path / 'p.yaml'}:8 ")
    assert problem.rule == "unknown_field" and problem.value == "description_normalised"


@pytest.mark.parametrize("pattern, why", [
    ("(?i)pistol", "flags"),
    ("pist(?=ol)", "look-around"),
    ("(a)\\1", "back-references"),
    ("Pistol", "never occurs in folded text"),
    ("\\w+pistol", "not portable"),
])
def test_regexes_outside_the_common_subset_are_refused(tmp_path, pattern, why):
    text = GOOD.replace("keywords: [Пиштољ, {word: gun}]", f"regex: '{pattern}'")
    with pytest.raises(InvalidInput) as caught:
        load_profile(write(tmp_path, text))
    assert any(why in p.message for p in caught.value.problems), caught.value.problems


def test_a_portable_regex_is_accepted(tmp_path):
    text = GOOD.replace("keywords: [Пиштољ, {word: gun}]", "regex: '\\bak ?47\\b|9 ?mm [a-z]+'")
    assert load_profile(write(tmp_path, text)).indicators[0].condition.pattern


@pytest.mark.parametrize("change, rule", [
    (("weight: 40", "weight: 400"), "less_than_equal"),
    (("reason: Names a pistol", "reason: Names; a pistol"), "reason"),
    (("version: 2", "version: 2\nversion: 3"), "duplicate_key"),
    (("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}", "when: {field: gross_weight_g, gt: heavy}"), "value_type"),
    (("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}",
      "when: {aggregate: {count_distinct: shipper_name_norm, per: consignee_phone_norm, within_days: 0}, ge: 3}"), "window"),
    # YAML's `true` is an int to Python: neither a window nor a threshold
    (("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}",
      "when: {aggregate: {count_distinct: shipper_name_norm, per: consignee_phone_norm, within_days: true}, ge: 3}"), "window"),
    (("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}",
      "when: {aggregate: {count_distinct: shipper_name_norm, per: consignee_phone_norm, within_days: 7}, ge: true}"), "operator"),
    (("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}", "when: {field: origin_country, in: {list: nowhere}}"), "list"),
    # `only` matches whole item descriptions: words, not stems; on a folded field; phrases given
    (("keywords: [Пиштољ, {word: gun}]", "only: {phrases: [parts]}"), "only_words"),
    (("{field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}", "{field: descriptions, only: {phrases: [{word: parts}]}}"), "only_field"),
    (("keywords: [Пиштољ, {word: gun}]", "only: [{word: parts}]"), "only"),
])
def test_typical_mistakes_are_explained(tmp_path, change, rule):
    with pytest.raises(InvalidInput) as caught:
        load_profile(write(tmp_path, GOOD.replace(*change)))
    assert rule in {p.rule for p in caught.value.problems}, caught.value.problems


def test_lists_beside_the_profile_are_used_and_change_the_hash(tmp_path):
    (tmp_path / "lists").mkdir()
    write(tmp_path, "list: watch_origins\nkind: countries\nvalues: [tr, \"NO\"]\n", "lists/watch_origins.yaml")
    text = GOOD.replace("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}",
                        "when: {field: origin_country, in: {list: watch_origins}}")
    first = load_profile(write(tmp_path, text))
    assert first.indicators[0].condition.values == ("TR", "NO")
    write(tmp_path, "list: watch_origins\nkind: countries\nvalues: [TR]\n", "lists/watch_origins.yaml")
    assert load_profile(tmp_path / "p.yaml").content_hash != first.content_hash


def test_unquoted_norway_gets_a_hint(tmp_path):
    (tmp_path / "lists").mkdir()
    write(tmp_path, "list: nordic\nkind: countries\nvalues: [SE, NO]\n", "lists/nordic.yaml")
    text = GOOD.replace("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}",
                        "when: {field: origin_country, in: {list: nordic}}")
    with pytest.raises(InvalidInput) as caught:
        load_profile(write(tmp_path, text))
    assert any("quotes" in p.message for p in caught.value.problems)


def test_problems_name_the_line_they_are_on(tmp_path):
    text = GOOD.replace("weight: 40", "weight: 400")
    line = text.splitlines().index(next(l for l in text.splitlines() if "weight: 400" in l)) + 1
    with pytest.raises(InvalidInput) as caught:
        load_profile(write(tmp_path, text))
    assert any(p.field.startswith(f"{tmp_path / 'p.yaml'}:{line} ") for p in caught.value.problems), caught.value.problems

    broken = GOOD.replace("weight: 40", "weight: [40")
    with pytest.raises(InvalidInput) as caught:
        load_profile(write(tmp_path, broken))
    [problem] = caught.value.problems
    assert problem.rule == "yaml" and problem.field.rsplit(":", 1)[1].isdigit()


def test_only_compiles_word_lists_to_a_whole_description_match(tmp_path):
    text = GOOD.replace("when: {field: descriptions_norm, keywords: [Пиштољ, {word: gun}]}",
                        "when: {field: descriptions_norm, only: {phrases: [{word: Резервни делови}, {word: gift}], counts: [{word: kom}]}}")
    condition = load_profile(write(tmp_path, text)).indicators[0].condition
    pattern = re.compile(condition.pattern)
    assert all(pattern.search(d) for d in ["rezervni delovi", "rezervni delovi 2 kom | gift", "gift 3"])
    assert not any(pattern.search(d) for d in ["rezervni delovi za auto", "gift | book", "gift 2 pcs", "a gift"])
