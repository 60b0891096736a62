"""Mutating the real plan: whatever one does to its files, loading and checking never raise.

Hypothesis edits one file of a copy of plans/sesa-lampang-lamphun/2566-2570, either as text
(delete, insert, replace, truncate, duplicate a line, re-indent, a tab, Thai digits, raw bytes)
or as data (a value of another type at a random path, a required key dropped, an unknown key,
NaN, a huge integer, deep nesting). Then load + check run in process. Anything but located
findings is a bug: an exception (a crash in a rule surfaces as EduplanError), a finding without
a span, or a span outside the file. Time and memory of each case are bounded.

Examples are derandomized (the same ones on every run) and few, so these take a few seconds.
"""

from __future__ import annotations

import math
import re
import shutil
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_result
from eduplan.findings import Path as DataPath
from eduplan.load.loader import load_plan
from eduplan.load.yamlio import read_yaml
from tests.conftest import REAL_PLAN

FILES = ["plan.yaml", *(f"policies/{n}.yaml" for n in range(1, 6))]
YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
HOSTILE = "\t\n :-?{}[],&*!|>'\"%@`#.~0123456789๐๑๒๓๔๕๖๗๘๙กาเ่้\x07\ufeff\u200b\x85\u2028"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# measured over 1,200 random examples: at most 0.32 s and 1.3 MB (tracemalloc) per case
MAX_SECONDS = 3.0
MAX_TRACED_MB = 16

PROFILE = settings(
    max_examples=12,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def plan_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("real") / "2566-2570"
    shutil.copytree(REAL_PLAN, target)
    return target


def _check_soundly(root: Path, name: str, content: bytes) -> None:
    """Write ``content`` to one file of the plan, load and check; restore the file after."""
    file = root / name
    original = file.read_bytes()
    file.write_bytes(content)
    try:
        tracemalloc.start()
        start = time.perf_counter()
        checked = check_result(load_plan(root), Settings())
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
        file.write_bytes(original)
    for finding in checked.findings:
        assert finding.span is not None, finding
        path = Path(finding.span.file)
        raw = content if path == file else path.read_bytes()
        lines = 2 + max(len(YAML_BREAKS.findall(raw.decode(enc, "replace"))) for enc in ("utf-8", "cp874", "utf-16"))
        assert 1 <= finding.span.line <= lines and finding.span.col >= 1, finding
    assert seconds < MAX_SECONDS
    assert peak < MAX_TRACED_MB


# -- text-level mutations --------------------------------------------------------------------


@st.composite
def text_edit(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    lines = text.splitlines(keepends=True)
    row = draw(st.integers(0, len(lines) - 1))
    kinds = ["delete", "insert", "replace", "truncate", "duplicate", "indent", "tab", "digits", "alias"]
    kind = draw(st.sampled_from(kinds))
    junk = draw(st.text(alphabet=st.sampled_from(HOSTILE), min_size=1, max_size=8))
    if kind == "delete":
        return text[:at] + text[at + draw(st.integers(1, 200)) :]
    if kind == "insert":
        return text[:at] + junk + text[at:]
    if kind == "replace":
        return text[:at] + junk + text[at + len(junk) :]
    if kind == "truncate":
        return text[:at]
    if kind == "duplicate":
        lines.insert(row, lines[row])
    elif kind == "indent":
        shift = draw(st.integers(-4, 4))
        lines[row] = " " * shift + lines[row] if shift > 0 else lines[row][-shift:]
    elif kind == "alias":  # an anchor on one line, an alias or a merge of it on another
        other = draw(st.integers(0, len(lines) - 1))
        lines[row] = lines[row].replace(": ", ": &a ", 1)
        indent = lines[other][: len(lines[other]) - len(lines[other].lstrip(" -"))]
        lines.insert(other, indent + draw(st.sampled_from(["<<: *a\n", "x: *a\n", "- *a\n"])))
    elif kind == "tab":
        lines[row] = "\t" + lines[row]
    else:
        lines[row] = lines[row].translate(THAI_DIGITS)
    return "".join(lines)


@st.composite
def byte_edit(draw: st.DrawFn, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    junk = draw(st.binary(min_size=1, max_size=4))  # often not UTF-8
    return data[:at] + junk + data[at + draw(st.integers(0, 4)) :]


@PROFILE
@given(st.data())
def test_text_mutations_give_located_findings(plan_copy: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILES))
    original = (plan_copy / name).read_bytes()
    if data.draw(st.booleans()):
        content = data.draw(text_edit(original.decode("utf-8"))).encode("utf-8")
    else:
        content = data.draw(byte_edit(original))
    _check_soundly(plan_copy, name, content)


# -- data-level mutations --------------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.just(10**400),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0]),
    st.text(max_size=6),
    st.sampled_from(["๘๐", "1,250,000", "2567", "", " ", "<script>"]),
    st.lists(st.integers(0, 9), max_size=3),
    st.dictionaries(st.sampled_from(["id", "a", "2566", "min"]), st.integers(0, 9), max_size=2),
    st.integers(50, 300).map(lambda depth: _nested(depth)),
)


def _nested(depth: int) -> Any:
    value: Any = "ลึก"
    for _ in range(depth):
        value = [value]
    return value


def _paths(value: Any, path: DataPath = ()) -> Iterator[DataPath]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*path, i))


def _parent(root: Any, path: DataPath) -> Any:
    node = root
    for seg in path[:-1]:
        node = node[seg]
    return node


@PROFILE
@given(st.data())
def test_data_mutations_give_located_findings(plan_copy: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILES))
    tree, _, findings = read_yaml((REAL_PLAN / name).read_bytes(), name)
    assert findings == []
    path = data.draw(st.sampled_from(list(_paths(tree))[1:]))
    parent, last = _parent(tree, path), path[-1]
    kind = data.draw(st.sampled_from(["replace", "drop", "unknown-key"]))
    if kind == "replace":
        parent[last] = data.draw(ODD_VALUES)
    elif kind == "drop":
        del parent[last]
    else:
        target = parent if isinstance(parent, dict) else tree
        target[data.draw(st.sampled_from(["owner_name", "ตัวชี้วัด", "2566", "targets "]))] = 1
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=200)
    _check_soundly(plan_copy, name, text.encode("utf-8"))
