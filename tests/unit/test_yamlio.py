"""Reading one YAML file: types, positions and every kind of bad input as a located finding."""

from __future__ import annotations

import math

import pytest

from eduplan.load.yamlio import MAX_ALIAS_NODES, MAX_DEPTH, read_yaml


def read(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return read_yaml(data, "f.yaml")


def codes(findings):
    return [(f.code, f.span.line, f.span.col) for f in findings]


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("80", 80),
        ("๘๐", 80),  # Thai digits resolve like their Arabic twins
        ("๒๕๖๖", 2566),
        ("1,250,000", 1_250_000),  # thousands separators
        ("๑,๒๕๐,๐๐๐.๕๐", 1_250_000.5),
        ("80.5", 80.5),
        ("yes", "yes"),  # YAML 1.2: not a boolean
        ("on", "on"),
        ("true", True),
        ("2023-01-05", "2023-01-05"),  # no timestamps
        ("1:30", "1:30"),  # no sexagesimal numbers
        ("1,2", "1,2"),  # not a thousands grouping: stays text
        ("~", None),
        ('"80"', "80"),  # quoted: text, reported later by the schema
    ],
)
def test_implicit_types(scalar, expected):
    value, _, findings = read(f"a: {scalar}\n")
    assert findings == []
    assert value == {"a": expected}
    assert type(value["a"]) is type(expected)


def test_thai_digit_numbers_are_remembered():
    _, source, _ = read("a: ๘๐\nb: 80\n")
    assert source.thai_digits == {("a",)}


def test_nan_is_read_as_a_float_for_the_schema_to_refuse():
    value, _, _ = read("a: .nan\n")
    assert math.isnan(value["a"])


def test_positions_of_keys_and_values():
    _, source, _ = read("a:\n  b: [1, 22]\n")
    assert source.values[("a", "b", 1)][1:] == (2, 10, 2, 12)
    assert source.keys[("a", "b")][1:3] == (2, 3)


def test_duplicate_key_is_reported_at_the_second_and_the_first_wins():
    value, _, findings = read("targets:\n  2566: 80\n  2566: 85\n")
    assert value == {"targets": {2566: 80}}
    assert codes(findings) == [("YA02", 3, 3)]
    assert "line 2" in findings[0].message


def test_thai_and_arabic_spellings_of_one_year_are_duplicates():
    _, _, findings = read("targets: {2566: 80, ๒๕๖๖: 85}\n")
    assert [f.code for f in findings] == ["YA02"]


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("id: p1\n  title: x\n", "YA01", 2, 3),  # bad indentation: at the key indented too far
        ("a:\n\t- 1\n", "YA01", 2, 1),  # tab
        ("a: [1, 2\n", "YA01", 1, 4),  # unclosed flow sequence: where it opens
        ("a: 1\n---\nb: 2\n", "YA01", 2, 1),  # two documents
        ("a: b\x07c\n", "YA01", 1, 5),  # control character
        ("a: !!python/object/apply:os.system ['ls']\n", "YA03", 1, 4),
        ("a: !!binary aGk=\n", "YA03", 1, 4),
        ("a: !custom x\n", "YA03", 1, 4),
        ("a: !!set {x}\n", "YA03", 1, 4),
        ("? [1, 2]\n: x\n", "YA07", 1, 3),
    ],
)
def test_bad_yaml_is_a_located_finding(text, code, line, col):
    _, _, findings = read(text)
    assert codes(findings)[:1] == [(code, line, col)]


def test_tabs_get_a_hint():
    _, _, findings = read("a:\n\t- 1\n")
    assert findings[0].hint == "indent with spaces"


def test_billion_laughs_is_bounded():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    value, _, findings = read("\n".join(lines) + "\n")
    assert [f.code for f in findings] == ["YA04"]
    assert str(MAX_ALIAS_NODES) in findings[0].message.replace(",", "")
    assert value["a"] == ["x"] * 10


def test_small_aliases_and_merges_work_and_are_marked():
    value, source, findings = read("base: &b {x: 1, y: 2}\nthing: {<<: *b, y: 3}\nother: *b\n")
    assert findings == []
    assert value["thing"] == {"x": 1, "y": 3}
    assert value["other"] == {"x": 1, "y": 2}
    assert ("other", "x") in source.via_alias


def test_deep_nesting_is_bounded():
    value, _, findings = read("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert [f.code for f in findings] == ["YA06"]


def test_empty_file_is_none_without_findings():
    assert read("")[0] is None
    assert read("# only a comment\n")[0] is None


@pytest.mark.parametrize(
    "data",
    [
        "a: ข\n".encode("utf-8-sig"),
        "a: ข\n".encode("utf-16"),
        "a: ข\n".encode("utf-16-be").join([b"\xfe\xff", b""]),
    ],
)
def test_bom_and_utf16_are_read(data):
    value, _, findings = read(data)
    assert value == {"a": "ข"}
    assert findings == []


def test_cp874_is_converted_with_a_warning():
    value, _, findings = read("a: ข\n".encode("cp874"))
    assert value == {"a": "ข"}
    assert [(f.code, f.severity.value) for f in findings] == [("YA05", "warning")]


def test_latin1_is_refused_at_the_first_bad_byte():
    value, _, findings = read("a: ok\nb: caf\xe9\x80\n".encode("latin-1"))
    assert value is None
    assert codes(findings) == [("YA05", 2, 7)]


def test_binary_is_refused():
    value, _, findings = read(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert value is None
    assert [f.code for f in findings] == ["YA05"]


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 999, 1_000, 1_001, 5_000])
def test_deep_nesting_is_one_finding_at_the_same_place_whatever_libyaml_allows(levels: int) -> None:
    # libyaml 0.2.5 composes any depth; newer releases stop at 1,000 levels with their own error.
    # Either way the finding is YA06 at the first value past MAX_DEPTH: here list MAX_DEPTH + 1,
    # inside the mapping "a" whose list begins at column 4 (the root mapping is depth 0).
    _, _, findings = read("a: " + "[" * levels + "]" * levels + "\n")
    assert [(f.code, f.span.line, f.span.col) for f in findings if f.span] == [("YA06", 1, 4 + MAX_DEPTH)]


def test_deep_nesting_counts_values_not_keys() -> None:
    text = "a:\n" + "".join(" " * depth + f"k{depth}:\n" for depth in range(1, 1_500))
    _, _, findings = read(text)
    assert [(f.code, f.span.line) for f in findings if f.span] == [("YA06", 2 + MAX_DEPTH)]
