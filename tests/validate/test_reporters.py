"""Every output format, on one small run with an error, a warning, an info and an accepted finding."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len

from eduplan.check.pipeline import PlanCheck
from eduplan.check.result import RunResult
from eduplan.findings import Finding, Severity, Span
from eduplan.reporters import ReportOptions, write_report
from eduplan.words.github import escape_data, escape_property
from tests.conftest import SHARED
from tests.validate.helpers import REPO

FILE = "plans/x/policies/3.yaml"
TEXT = "id: p3\nindicators:\n  - name: ร้อยละ [ของ] นักเรียน\n    targets: {2566: 85, 2567: 84}\n"
ERROR = Finding(
    "TG02",
    "targets.against-direction",
    Severity.ERROR,
    "target for 2567 (84) is lower than for 2566 (85)",
    Span(FILE, 4, 31, 4, 33),
    ("policies", 2, "indicators", 0, "targets", 2567),
    hint="check the published table",
    at="p3-i1.targets.2567",
)
WARNING = Finding(
    "TX07",
    "text.double-space",
    Severity.WARNING,
    "2 spaces in a row: 100% [bold]sure[/bold], really\nnew line",
    Span(FILE, 3, 15, 3, 16),
    at="p3-i1.name",
)
INFO = Finding("UN04", "units.unknown", Severity.INFO, "unknown unit 'ชิ้น'", Span(FILE, 3, 5, 3, 9), at="p3-i1.unit")
ACCEPTED = Finding(
    "UN01", "units.missing", Severity.ERROR, "indicator p3-i1 has no unit", Span(FILE, 3, 5, 3, 9), at="p3-i1.unit"
).accept("published so")


def run_of(*findings: Finding, fail_on: Severity = Severity.ERROR) -> RunResult:
    check = PlanCheck("plans/x", ["plans/x/plan.yaml", FILE], list(findings), True, rules=["TG02", "TX07", "UN01"])
    return RunResult([check], fail_on, texts={FILE: TEXT})


RUN = run_of(INFO, ACCEPTED, WARNING, ERROR)


def render(fmt: str, run: RunResult = RUN, **options: object) -> str:
    out = io.StringIO()
    write_report(fmt, run, out, ReportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


SUMMARY = "Found 1 error, 1 warning, 1 info in 1 plan, 2 files (3 rules ran); 1 accepted"


def test_concise_is_one_line_per_finding() -> None:
    assert render("concise").splitlines() == [
        "plans/x/policies/3.yaml:3:5: info UN04 unknown unit 'ชิ้น' (units.unknown)",
        "plans/x/policies/3.yaml:3:15: warning TX07 2 spaces in a row: 100% [bold]sure[/bold], really new line"
        " (text.double-space)",
        "plans/x/policies/3.yaml:4:31: error TG02 target for 2567 (84) is lower than for 2566 (85)"
        " (targets.against-direction)",
        SUMMARY + ", listed with --show-accepted.",
    ]


def test_concise_shows_accepted_findings_only_when_asked_after_the_real_ones() -> None:
    assert render("concise", show_accepted=True).splitlines() == [
        "plans/x/policies/3.yaml:3:5: info UN04 unknown unit 'ชิ้น' (units.unknown)",
        "plans/x/policies/3.yaml:3:15: warning TX07 2 spaces in a row: 100% [bold]sure[/bold], really new line"
        " (text.double-space)",
        "plans/x/policies/3.yaml:4:31: error TG02 target for 2567 (84) is lower than for 2566 (85)"
        " (targets.against-direction)",
        "plans/x/policies/3.yaml:3:5: accepted UN01 indicator p3-i1 has no unit (units.missing) [reason: published so]",
        SUMMARY + ".",
    ]


def test_real_findings_are_not_hidden_among_accepted_ones() -> None:
    """A pre-commit failure: 2 real errors among 20 accepted findings are the only lines above the summary."""
    accepted = [
        replace(ACCEPTED, span=Span(FILE, n, 5, n, 9), at=f"p3-i{n}.unit").accept(f"reason {n}") for n in range(1, 21)
    ]
    second = replace(ERROR, span=Span(FILE, 30, 1, 30, 3), at="p3-i30.targets.2567")
    lines = render("concise", run_of(*accepted[:10], ERROR, *accepted[10:], second)).splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines[:-1]] == ["error", "error"]
    assert lines[-1] == "Found 2 errors in 1 plan, 2 files (3 rules ran); 20 accepted, listed with --show-accepted."
    for fmt in ("human", "github"):
        text = render(fmt, run_of(*accepted, ERROR, second), width=100)
        assert "UN01" not in text and text.count("TG02") == 2, fmt


def test_max_findings_ends_with_n_more() -> None:
    lines = render("concise", max_findings=1).splitlines()
    assert lines[1:] == [
        "+2 more findings not shown (raise --max-findings to see them)",  # the accepted one is not "more"
        SUMMARY + ", listed with --show-accepted.",
    ]
    lines = render("concise", max_findings=1, show_accepted=True).splitlines()
    assert lines[1:] == ["+3 more findings not shown (raise --max-findings to see them)", SUMMARY + "."]


def test_human_groups_by_file_with_a_code_frame_and_no_markup() -> None:
    text = render("human", width=100)
    assert text.startswith(FILE + "\n")
    assert "[bold]sure[/bold]" in text  # plan text is never read as Rich markup
    assert "\x1b[" not in text  # no colour when not asked
    frame = text[text.index("4:31") :].splitlines()
    assert frame[2] == "    > 4 |     targets: {2566: 85, 2567: 84}"
    assert frame[3] == "      " + " " * 34 + "^^"
    assert "hint: check the published table" in text
    assert "UN01" not in text and "published so" not in text  # accepted: only counted
    assert text.rstrip().endswith(SUMMARY + ", listed with --show-accepted.")


def test_human_lists_accepted_findings_last_under_their_own_heading() -> None:
    text = render("human", show_accepted=True, width=100)
    accepted = text.index(f"{FILE} (accepted)\n")
    assert text.index("4:31  error  TG02") < accepted < text.index("3:5  accepted  UN01  indicator p3-i1 has no unit")
    assert "      accepted: published so" in text
    assert text.rstrip().endswith(SUMMARY + ".")


def test_clean_human_run_is_one_line() -> None:
    assert render("human", run_of(ACCEPTED)) == (
        "All checks passed: 1 plan, 2 files (3 rules ran); 1 accepted, listed with --show-accepted.\n"
    )


def test_human_caret_counts_cells_not_characters() -> None:
    # ร้อยละ has 6 characters but 4 terminal cells (two are combining marks)
    finding = Finding("TX07", "text.double-space", Severity.WARNING, "x", Span(FILE, 3, 17, 3, 18))
    text = render("human", run_of(finding), width=100)
    row, caret = [line for line in text.splitlines() if "> 3 |" in line or line.strip() == "^"]
    assert caret.index("^") == cell_len(row[: row.index("[")]) - 1  # under the space before [ของ]
    assert caret.index("^") == row.index("[") - 2  # one combining mark (ไม้โท) takes no cell


def test_json_validates_against_the_committed_schema() -> None:
    document = json.loads(render("json"))
    schema = json.loads((REPO / "schema" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["summary"] | {} == {
        "plans": 1,
        "files": 2,
        "findings": 4,
        "error": 1,
        "warning": 1,
        "info": 1,
        "accepted": 1,
        "rules": 3,
        "failing": 1,
        "fail_on": "error",
        "passed": False,
    }
    assert {f["code"]: f["failing"] for f in document["findings"]} == {
        "UN04": False,
        "UN01": False,  # accepted, although an error
        "TX07": False,  # below --fail-on error
        "TG02": True,
    }
    tg02 = next(f for f in document["findings"] if f["code"] == "TG02")
    assert tg02["at"] == "p3-i1.targets.2567"
    assert tg02["path"] == ["policies", 2, "indicators", 0, "targets", 2567]
    assert (tg02["line"], tg02["column"], tg02["end_line"], tg02["end_column"]) == (4, 31, 4, 33)
    assert next(f for f in document["findings"] if f["code"] == "UN01")["accepted"] == "published so"


@pytest.mark.skipif(not (SHARED / "schemas").is_dir(), reason="../shared is absent: no SARIF schema to test against")
def test_sarif_is_valid_sarif_2_1_0() -> None:
    document = json.loads(render("sarif"))
    schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == ["TG02", "TX07", "UN01", "UN04"]
    accepted = next(r for r in run["results"] if r["ruleId"] == "UN01")
    assert accepted["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": "published so"}]
    error = next(r for r in run["results"] if r["ruleId"] == "TG02")
    assert error["level"] == "error" and rule_ids[error["ruleIndex"]] == "TG02"
    assert error["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 31,
        "endLine": 4,
        "endColumn": 33,
    }
    assert error["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "p3-i1.targets.2567"


def test_sarif_structure_without_the_shared_schema() -> None:
    document = json.loads(render("sarif"))
    assert document["version"] == "2.1.0"
    results = document["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    assert [r["ruleId"] for r in results if "suppressions" in r] == ["UN01"]  # accepted: dismissed, not an error
    assert document["runs"][0]["properties"] == {"rulesRun": 3, "plans": 1, "files": 2}


def test_github_escapes_and_groups_per_file() -> None:
    lines = render("github").splitlines()
    assert lines[0] == f"::group::{FILE}"
    assert lines[1] == (
        f"::notice file={FILE},line=3,endLine=3,col=5,endColumn=9,title=eduplan UN04 (units.unknown)::unknown unit 'ชิ้น'"
    )
    assert "::2 spaces in a row: 100%25 [bold]sure[/bold], really%0Anew line" in lines[2]
    assert lines[3].startswith(f"::error file={FILE},line=4,endLine=4,col=31,endColumn=33,")
    assert lines[3].endswith("::target for 2567 (84) is lower than for 2566 (85)%0Ahint: check the published table")
    assert lines[4:] == ["::endgroup::", SUMMARY + ", listed with --show-accepted."]  # UN01 is accepted


def test_github_never_annotates_an_accepted_finding() -> None:
    lines = render("github", show_accepted=True).splitlines()
    assert lines[5:] == [
        f"::group::{FILE} (accepted)",
        f"{FILE}:3:5: accepted UN01 indicator p3-i1 has no unit (units.missing) [reason: published so]",
        "::endgroup::",
        SUMMARY + ".",
    ]


def test_github_escaping_rules() -> None:
    assert escape_data("50% a\r\nb:c,d") == "50%25 a%0D%0Ab:c,d"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_caps_annotations_and_says_how_many_more() -> None:
    many = [
        Finding("TG01", "targets.percent-range", Severity.ERROR, f"n{n}", Span(FILE, n, 1, n, 2)) for n in range(1, 16)
    ]
    lines = render("github", run_of(*many)).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith(f"{FILE}:") for line in lines) == 5  # the rest as plain log lines
    assert lines[-2] == "::notice title=eduplan::+5 more not annotated (GitHub shows 10 per kind); see the log"


def test_junit_has_a_failure_per_failing_finding() -> None:
    root = ET.fromstring(render("junit"))
    assert root.get("failures") == "1"
    suites = {s.get("name"): s for s in root}
    assert set(suites) == {"plans/x/plan.yaml", FILE}
    cases = suites[FILE].findall("testcase")
    assert [c.get("name") for c in cases] == [
        f"UN04 {FILE}:3:5",
        f"UN01 {FILE}:3:5",
        f"TX07 {FILE}:3:15",
        f"TG02 {FILE}:4:31",
    ]
    assert cases[1].find("skipped").get("message") == "accepted: published so"
    assert cases[3].find("failure").get("type") == "targets.against-direction"
    assert cases[2].find("failure") is None  # a warning does not fail with --fail-on error
    assert suites["plans/x/plan.yaml"].find("testcase").get("name") == "no findings"


def test_junit_fail_on_warning_fails_warnings_too() -> None:
    root = ET.fromstring(render("junit", run_of(WARNING, ERROR, fail_on=Severity.WARNING)))
    assert root.get("failures") == "2"


def test_markdown_summary_table() -> None:
    text = render("markdown")
    assert text.startswith("## eduplan validate: failed\n\nFound 1 error")
    assert "| `plans/x/policies/3.yaml:3:5` | ✅ accepted | UN01 `units.missing` |" in text
    assert "<br>*accepted:* published so" in text


def test_markdown_lists_real_findings_first_and_folds_the_accepted_ones() -> None:
    text = render("markdown")
    details = text.index("<details><summary>1 accepted finding</summary>")
    assert text.index("TG02") < details < text.index("UN01") < text.index("</details>")


def test_markdown_escapes_plan_text() -> None:
    hostile = replace(ERROR, message="see [x](http://evil) ![i](http://img) <b>hi</b>\r\n| *no* `code`", at="a|b`c")
    row = next(line for line in render("markdown", run_of(hostile)).splitlines() if "TG02" in line)
    assert "\\[x\\](http://evil) \\!\\[i\\](http://img) &lt;b&gt;hi&lt;/b&gt; \\| \\*no\\* \\`code\\`" in row
    assert row.endswith("| ``a\\|b`c`` |")  # a fence longer than any run of backticks inside


def test_clean_run_says_so() -> None:
    clean = run_of()
    assert render("concise", clean) == "All checks passed: 1 plan, 2 files (3 rules ran).\n"
    assert render("markdown", clean).startswith("## eduplan validate: passed")


def test_junit_replaces_characters_xml_cannot_hold() -> None:
    hostile = replace(ERROR, message="bell\x07 and nul\x00")
    failure = ET.fromstring(render("junit", run_of(hostile))).find(".//failure")
    assert failure is not None and "bell\ufffd and nul\ufffd" in (failure.get("message") or "")


def test_files_are_read_for_frames_when_not_in_memory(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("id: demo\ntitle: x\n", encoding="utf-8")
    finding = Finding("TX06", "text.outer-space", Severity.WARNING, "x", Span(str(plan), 2, 8, 2, 9))
    run = RunResult([PlanCheck(str(tmp_path), [str(plan)], [finding], True)])
    assert "> 2 | title: x" in render("human", run)
