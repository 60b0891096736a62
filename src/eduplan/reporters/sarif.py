"""The sarif format: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; the driver lists every rule that ran and every code that was reported, with its
documentation. Accepted findings carry an ``inSource`` suppression with the reason (the
acceptance is written in the plan), so viewers show them as dismissed, not as errors. Each
result has the finding's id-based path as a logical location. The run's ``properties`` say how
many rules ran (``rulesRun``), so a run that checked nothing cannot pass for a clean one.

The log is written as the plans arrive: each result goes to a spool (:mod:`.spool`), its rule's
index put in at the end, when the rules are known; the text is what ``json.dump`` of
:func:`document` writes, in flat memory.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from eduplan import __version__
from eduplan.check.pipeline import all_codes
from eduplan.check.result import RunResult
from eduplan.findings import CodeInfo, Finding
from eduplan.i18n import _
from eduplan.reporters import ReportOptions
from eduplan.reporters.spool import Spool, depth_of, item_json, write_json

__all__ = ["SARIF_SCHEMA", "document", "write"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(info: CodeInfo) -> dict[str, Any]:
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": _(info.summary)},
        "fullDescription": {"text": _(info.summary)},
        "help": {"text": info.doc, "markdown": info.doc},
        "defaultConfiguration": {"level": _LEVEL[info.severity.value]},
        "properties": {"tags": [info.name.split(".")[0]]},
    }


def _message(finding: Finding) -> str:
    """The finding's message, with its hint in brackets."""
    if not finding.hint:
        return finding.message
    return _("{message} (hint: {hint})").format(message=finding.message, hint=finding.hint)


def _uri(file: str) -> str:
    path = Path(file)
    return quote(path.as_posix() if not path.is_absolute() else path.as_uri(), safe="/:")


def _result(finding: Finding, index: Mapping[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity.value],
        "message": {"text": _message(finding)},
    }
    location: dict[str, Any] = {}
    if finding.span:
        span = finding.span
        location["physicalLocation"] = {
            "artifactLocation": {"uri": _uri(span.file), "uriBaseId": "%SRCROOT%"}
            if not Path(span.file).is_absolute()
            else {"uri": _uri(span.file)},
            "region": {
                "startLine": span.line,
                "startColumn": span.col,
                "endLine": span.end_line,
                "endColumn": span.end_col,
            },
        }
    if finding.at:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.at, "kind": "member"}]
    if location:
        result["locations"] = [location]
    if finding.at:
        result["partialFingerprints"] = {"eduplanAt/v1": f"{finding.code}:{finding.at}"}
    if finding.accepted is not None:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": finding.accepted}]
    return result


def _log(rules: list[dict[str, Any]], results: Any, run: RunResult) -> dict[str, Any]:
    """The SARIF log around its rules and results (the tally complete: the run has been read)."""
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "eduplan",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/eduplan/",
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": {"rulesRun": len(run.tally.rules), "plans": run.tally.plans, "files": run.tally.files},
            }
        ],
    }


def _rules(wanted: set[str]) -> list[dict[str, Any]]:
    """The driver's rules: every code that ran or was reported, in code order."""
    codes = all_codes()
    return [_rule(codes[code]) for code in sorted(wanted) if code in codes]


def document(run: RunResult) -> dict[str, Any]:
    """The SARIF log of a run (a run given as a list)."""
    rules = _rules({c for check in run.checks for c in check.rules} | {f.code for f in run.findings})
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    return _log(rules, [_result(f, index) for f in run.findings], run)


_RESULTS = "<results>"
"""Where the results go in the log's head (see :func:`.spool.write_json`)."""
_UNKNOWN = -1
"""A result's ``ruleIndex`` until the rules are known: the end of the run puts it in."""
_RULE_ID = re.compile(r'"ruleId": "([^"\\]*)"')


def write(run: RunResult, out: TextIO, _options: ReportOptions) -> None:
    """Write the SARIF log, reading the run once: each result as its plan arrives, the rules at the end."""
    depth = depth_of(_log([], [_RESULTS], run), _RESULTS)
    wanted: set[str] = set()
    unknown: defaultdict[str, int] = defaultdict(lambda: _UNKNOWN)
    with Spool() as results:
        for check in run.stream():
            wanted.update(check.rules)
            for finding in check.findings:
                wanted.add(finding.code)
                results.add(item_json(_result(finding, unknown), depth))
        rules = _rules(wanted)
        index = {rule["id"]: n for n, rule in enumerate(rules)}

        def indexed(item: str) -> str:
            found = _RULE_ID.search(item)
            code = found.group(1) if found else ""
            return item.replace(f'"ruleIndex": {_UNKNOWN},', f'"ruleIndex": {index.get(code, _UNKNOWN)},', 1)

        write_json(_log(rules, [_RESULTS], run), {_RESULTS: (results, indexed)}, out)
