"""The junit format: JUnit XML, one test suite per file, one test case per finding.

A finding that fails the run is a ``<failure>``; one below the threshold is a passing case
with its text in ``<system-out>``; an accepted one is ``<skipped>`` with "accepted: " and the
reason, so no dashboard counts it as a failure. A file without findings is one passing case, so
CI dashboards count it. Characters XML 1.0 cannot hold (control characters from a plan) become
U+FFFD, so the document always parses.

The document is written as the plans arrive: each plan's suites go to a spool (:mod:`.spool`)
and the totals that open the document are written at the end, before them, in flat memory.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from eduplan.check.pipeline import failing
from eduplan.check.result import RunResult
from eduplan.findings import Finding
from eduplan.i18n import _
from eduplan.reporters import ReportOptions
from eduplan.reporters.common import by_file, location, severity_word, with_hint
from eduplan.reporters.spool import Spool

__all__ = ["write"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text content, escaped, with characters XML cannot hold replaced."""
    return _escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """An attribute value, quoted and escaped, with characters XML cannot hold replaced."""
    return _quoteattr(_NOT_XML.sub("\ufffd", text))


def write(run: RunResult, out: TextIO, _options: ReportOptions) -> None:
    """Write the JUnit XML document, reading the run once: each plan's suites as it arrives, the totals first."""
    total = failures = 0
    outside: dict[str, list[Finding]] = {}  # files with findings that are not a plan's own: after all the rest
    with Spool() as suites:
        for check in run.stream():
            fails = {id(f) for f in failing(check.findings, run.fail_on)}
            total += len(check.findings)
            failures += len(fails)
            grouped = dict(by_file(check.findings))
            for file in dict.fromkeys(check.files):
                suites.add(_suite(file, grouped.pop(file, []), fails))
            for file, group in grouped.items():
                outside.setdefault(file, []).extend(group)  # in the order they were first met
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<testsuites name="eduplan" tests="{max(total, 1)}" failures="{failures}">\n')
        for suite in suites.items():
            out.write(suite)
    for file, group in outside.items():
        out.write(_suite(file, group, {id(f) for f in failing(group, run.fail_on)}))
    out.write("</testsuites>\n")


def _suite(file: str, group: list[Finding], fails: set[int]) -> str:
    """One file's test suite: a case per finding (``fails``: the ids of those that fail), or one passing case."""
    parts: list[str] = []
    suite_failures = sum(1 for f in group if id(f) in fails)
    name = quoteattr(file or "eduplan")
    parts.append(f'  <testsuite name={name} tests="{max(len(group), 1)}" failures="{suite_failures}">\n')
    if not group:
        parts.append(f'    <testcase classname={name} name="no findings"/>\n')
    for finding in group:
        case = quoteattr(f"{finding.code} {location(finding)}")
        text = f"{location(finding)}: {with_hint(finding)}"
        parts.append(f"    <testcase classname={name} name={case}>\n")
        if finding.accepted is not None:
            skipped = _("accepted: {reason}").format(reason=finding.accepted)
            parts.append(f"      <skipped message={quoteattr(skipped)}/>\n")
        elif id(finding) in fails:
            message = quoteattr(f"{severity_word(finding)} {finding.code} {finding.message}")
            parts.append(f"      <failure message={message} type={quoteattr(finding.name)}>")
            parts.append(f"{escape(text)}</failure>\n")
        else:
            parts.append(f"      <system-out>{escape(severity_word(finding) + ' ' + text)}</system-out>\n")
        parts.append("    </testcase>\n")
    parts.append("  </testsuite>\n")
    return "".join(parts)
