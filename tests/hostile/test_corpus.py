"""The hostile corpus: every bad file in ``cases/`` with the outcome it must give.

Each case is a small committed file (or a plan directory) under ``cases/``; the table below says
what ``eduplan validate CASE`` must answer: the exit code and findings as ``line:col CODE``
(``file:line:col CODE`` inside a plan directory). Every case also keeps the promises of
:func:`tests.hostile.runner.located`: each finding has a file, line and column within the file.

Tags, as decided: the YAML 1.2 core tags ``!!str !!int !!float !!bool !!null !!seq !!map`` are
allowed (``!!timestamp`` is read as text); anything else (``!!python/...``, ``!!binary``,
``!!set``, ``!!omap``, a custom ``!office``) is refused with YA03 and its value ignored, so a tag
can never construct an object or smuggle bytes into a plan.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.hostile.runner import check_run, located, run
from tests.validate.helpers import cli

CASES_DIR = Path(__file__).with_name("cases")

# case: (exit code, findings that must be among the case's findings)
CASES: dict[str, tuple[int, list[str]]] = {
    # -- syntax: one located YA01, never a traceback
    "syntax-unclosed-flow.yaml": (1, ["5:9 YA01"]),  # at the [ never closed
    "syntax-bad-indent.yaml": (1, ["6:3 YA01"]),  # at the key indented too far
    "syntax-truncated-string.yaml": (1, ["5:9 YA01"]),  # the file ends inside a quoted string: its opening quote
    "syntax-truncated-flow.yaml": (1, ["10:120 YA01"]),  # ... and inside a flow mapping
    "syntax-two-documents.yaml": (1, ["5:1 YA01"]),
    "syntax-undefined-alias.yaml": (1, ["5:9 YA01"]),
    "syntax-control-char.yaml": (1, ["5:14 YA01"]),  # U+0007, after five Thai letters
    "tab-indent.yaml": (1, ["3:1 YA01"]),
    "line-breaks-cr.yaml": (1, ["5:1 YA02"]),  # old Mac line ends: lines still counted right
    "duplicate-key.yaml": (1, ["5:1 YA02"]),
    "duplicate-target-year.yaml": (1, ["10:126 YA02"]),
    # -- encodings: UTF-8 (with or without BOM) and UTF-16 with BOM are read; cp874 with a
    #    warning; Latin-1, invalid UTF-8 and binary files are refused at the first bad byte
    "encoding-utf8-bom.yaml": (0, []),
    "encoding-utf16-le.yaml": (0, []),
    "encoding-utf16-be.yaml": (0, []),
    "encoding-utf16-odd-length.yaml": (1, ["1:1 YA05"]),
    "encoding-cp874.yaml": (0, ["1:1 YA05"]),  # a warning: "save it as UTF-8"
    "encoding-latin1.yaml": (1, ["2:17 YA05"]),
    "encoding-invalid-utf8-middle.yaml": (1, ["5:12 YA05"]),
    "encoding-nul-bytes.yaml": (1, ["1:1 YA05"]),
    # -- tags beyond the core schema are refused (YA03) and the value ignored
    "tag-python-object.yaml": (1, ["5:9 YA03"]),
    "tag-python-name.yaml": (1, ["5:9 YA03"]),
    "tag-custom.yaml": (1, ["5:9 YA03"]),
    "tag-custom-mapping.yaml": (1, ["3:9 YA03"]),
    "tag-binary.yaml": (1, ["5:9 YA03"]),
    "tag-set.yaml": (1, ["5:11 YA03"]),
    "tag-standard.yaml": (0, []),  # !!str 2566 is the text '2566'
    "tag-int-not-a-number.yaml": (1, ["5:9 SC03"]),
    # -- aliases: expansion stops at 10,000 values (billion laughs: 10**9)
    "alias-billion-laughs.yaml": (1, ["5:11 YA04"]),
    "alias-merge-scalar.yaml": (1, ["5:5 YA01"]),
    "alias-merge-self.yaml": (1, ["5:16 YA01"]),  # &o {<<: *o} was a RecursionError
    "alias-merge-chain.yaml": (1, ["5:5 YA06", "9:23 YA04"]),  # 150 mappings, each merging the one before
    # -- numbers: NaN and infinities refused by the model; integers of more than 308 digits
    #    (beyond any float) refused while reading; Thai digits are numbers
    "number-nan-inf-targets.yaml": (1, ["10:112 SC03", "10:124 SC03", "10:136 SC03"]),
    "number-huge-target.yaml": (1, ["10:152 SC03"]),
    "number-too-many-digits.yaml": (1, ["10:152 SC03"]),
    "number-float-overflow.yaml": (1, ["10:152 SC03"]),  # 1e999 reads as inf
    "number-nan-budget.yaml": (1, ["14:54 SC03"]),
    "number-huge-budget.yaml": (1, ["14:54 SC03"]),
    "number-huge-year.yaml": (1, ["4:28 SC03"]),
    "number-thai-digits.yaml": (0, ["10:112 TX05", "10:122 TX05"]),  # warnings: mixed digits
    # -- wrong types at every level, each at the offending value
    "type-plan-list.yaml": (1, ["1:1 SC03"]),
    "type-plan-text.yaml": (1, ["1:1 SC03"]),
    "type-plan-number.yaml": (1, ["1:1 SC03"]),
    "type-office-list.yaml": (1, ["3:9 SC03"]),
    "type-policies-mapping.yaml": (1, ["5:11 SC03"]),
    "type-policy-list.yaml": (1, ["6:5 SC03"]),
    "type-indicators-mapping.yaml": (1, ["6:54 SC03"]),
    "type-indicator-list.yaml": (1, ["10:9 SC03"]),
    "type-targets-list.yaml": (1, ["10:105 SC03"]),
    "type-target-mapping.yaml": (1, ["10:113 SC02"]),
    "type-target-year-list-key.yaml": (1, ["10:106 YA07"]),
    "type-action-plans-mapping.yaml": (1, ["5:15 SC03"]),
    "type-action-plan-list.yaml": (1, ["6:5 SC03"]),
    "type-projects-mapping.yaml": (1, ["6:35 SC03"]),
    "type-project-list.yaml": (1, ["6:36 SC03"]),
    "type-reports-mapping.yaml": (1, ["5:10 SC03"]),
    "type-report-list.yaml": (1, ["6:5 SC03"]),
    "type-labels-list.yaml": (1, ["5:9 SC03"]),
    "type-accepted-mapping.yaml": (1, ["5:11 SC03"]),
    "type-key-nan.yaml": (1, ["5:1 SC03"]),  # at the key .nan, not at the top of the file
    "policy-file-list": (1, ["policies/1.yaml:1:1 SC03"]),  # the other policy still checked
    "policy-file-bad-yaml": (1, ["policies/1.yaml:3:8 YA01"]),
    # -- references to nothing
    "reference-dangling.yaml": (1, ["12:125 RF01", "16:42 RF03", "16:59 RF04"]),
    "reference-accepted-nowhere.yaml": (1, ["6:22 AC02"]),  # the acceptance names what is not there
    # -- a plan without its policies: one error at the plan, never "All checks passed"
    "layout-no-policies.yaml": (1, ["1:1 LD03"]),  # the four required keys only
    "layout-policies-empty.yaml": (1, ["5:1 LD03"]),  # policies: []
    # -- nothing in the file
    "empty.yaml": (1, ["1:1 SC01"]),
    "only-comments.yaml": (1, ["1:1 SC01"]),
    "only-document-marker.yaml": (1, ["1:1 SC01"]),
}


def _keys(findings: list[dict[str, object]], case: Path) -> set[str]:
    keys = set()
    for f in findings:
        file = Path(str(f["file"]))
        where = f"{file.relative_to(case)}:" if case.is_dir() else ""
        keys.add(f"{where}{f['line']}:{f['column']} {f['code']}")
    return keys


def test_every_case_file_is_in_the_table() -> None:
    assert sorted(p.name for p in CASES_DIR.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_case(name: str) -> None:
    """In process (fast): the exit code, the expected findings, every finding located."""
    code, expected = CASES[name]
    case = CASES_DIR / name
    start = time.perf_counter()
    done = cli("validate", str(case), "--format", "json")
    assert time.perf_counter() - start < 2  # measured: at most 0.16 s (memory: see the one-run test)
    assert done.code == code, done.out[-3000:] + done.err
    findings = located(json.loads(done.out))
    assert set(expected) <= _keys(findings, case)
    if code == 0:
        assert not [f for f in findings if f["severity"] == "error"]


def test_whole_corpus_as_a_subprocess_in_one_run() -> None:
    """The real command line on every case at once: no traceback, bounded time and memory.

    One process reads every case, so its peak memory also bounds that of each case.
    """
    done = run("validate", *(str(CASES_DIR / n) for n in CASES), "--format", "json")
    check_run(done, 1)
    report = json.loads(done.out)
    assert report["summary"]["plans"] == len(CASES)
    located(report)
    # measured: 0.4 s and 38 MB on the 2-core machine (`--version`: 10 MB)
    assert done.seconds < 5
    assert done.peak_mb < 100


@pytest.mark.parametrize("name", ["policy-file-bad-yaml", "policy-file-list"])
def test_a_file_that_did_not_load_names_no_other_item(name: str) -> None:
    """policies/1.yaml did not load, so 2.yaml is the first policy: 1.yaml's findings must not say p2."""
    done = cli("validate", str(CASES_DIR / name), "--format", "json")
    first = [f for f in json.loads(done.out)["findings"] if f["file"].endswith("1.yaml")]
    assert first and all(f["at"] == "policies" and f["path"] == ["policies"] for f in first)
