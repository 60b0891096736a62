"""Properties of reading YAML: never raises, round-trips data, and positions point at the values."""

from __future__ import annotations

import copy
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.findings import Path, Span
from eduplan.load.yamlio import read_yaml

YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

text = st.text(alphabet=st.sampled_from("กขคงจนบปมยรลวสหอะาิีึืุูเแโใไ่้๊๋็์ำ ๐๑abcXYZ019.,:-#'\"%&*!|>"), max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    text,
)
data = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(text, st.integers(2400, 2800)), children, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_give_data_or_located_findings_never_an_exception(raw):
    _, _, findings = read_yaml(raw, "f.yaml")
    # YAML breaks lines at \r\n, \r, \n, U+0085, U+2028 and U+2029, as editors do
    lines = 2 + max(len(YAML_BREAKS.findall(raw.decode(enc, "replace"))) for enc in ("utf-8", "cp874", "utf-16"))
    for finding in findings:
        assert finding.span is not None
        assert 1 <= finding.span.line <= lines
        assert finding.span.col >= 1


@settings(max_examples=200)
@given(data)
def test_quoted_dump_round_trips(value):
    """Whatever PyYAML writes with every string quoted, eduplan reads back unchanged."""
    dumped = yaml.dump({"root": value}, allow_unicode=True, default_style='"', sort_keys=False)
    loaded, _, findings = read_yaml(dumped.encode(), "f.yaml")
    assert findings == []
    assert loaded == {"root": value}


def _paths(value: object, path: Path = ()) -> list[tuple[Path, object]]:
    out: list[tuple[Path, object]] = [(path, value)]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(_paths(item, (*path, i)))
    return out


@settings(max_examples=200)
@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.integers(0, 10**6), min_size=1))
def test_spans_point_at_the_scalar_text(mapping):
    text_ = "".join(f"{key}: {value}\n" for key, value in mapping.items())
    _, source, _ = read_yaml(text_.encode(), "f.yaml")
    lines = text_.splitlines()
    for path, value in _paths(mapping):
        if not path:
            continue
        span = source.values[path]
        assert span.line == span.end_line
        assert lines[span.line - 1][span.col - 1 : span.end_col - 1] == str(value)
        key_span = source.keys[path]
        assert lines[key_span.line - 1][key_span.col - 1 : key_span.end_col - 1] == path[-1]


@given(st.integers(min_value=0, max_value=10**15))
def test_thai_digits_and_thousands_separators_read_as_the_same_number(number):
    grouped = f"{number:,}"
    for written in (str(number), str(number).translate(THAI_DIGITS), grouped, grouped.translate(THAI_DIGITS)):
        value, _, findings = read_yaml(f"n: {written}\n".encode(), "f.yaml")
        assert findings == []
        assert value == {"n": number}, written


block_style = st.sampled_from([None, '"', "'"])


@settings(max_examples=200, deadline=None)  # two documents read per example: no deadline on a busy machine
@given(data, block_style)
def test_a_file_reads_the_same_with_or_without_the_alias_bookkeeping(value, style):
    """A file without a ``*`` is read without tracking aliases; a ``*`` anywhere (here in a comment) turns it on.

    Either way the data, every span (a line further down, after the comment) and every finding are
    the same: the bookkeeping only matters where an alias really reaches a node twice.
    """
    copies = {"root": value, "list": [copy.deepcopy(value), {"k": copy.deepcopy(value)}]}  # no anchors of its own
    dumped = yaml.dump(copies, allow_unicode=True, default_style=style).encode()
    fast = read_yaml(dumped, "f.yaml")
    tracked = read_yaml(b"# a * in a comment\n" + dumped, "f.yaml")

    def up(spans: dict[Path, Span]) -> dict[Path, Span]:
        return {path: span._replace(line=span.line - 1, end_line=span.end_line - 1) for path, span in spans.items()}

    assert repr(fast[0]) == repr(tracked[0]) and fast[2] == tracked[2] == []
    assert fast[1].values == up(tracked[1].values) and fast[1].keys == up(tracked[1].keys)
    assert fast[1].thai_digits == tracked[1].thai_digits and fast[1].via_alias == tracked[1].via_alias == set()
