"""The junit format: JUnit XML, one test suite per file, one test case per finding.

A finding that fails the run is a ``<failure>``; one below the threshold is a passing case
with its text in ``<system-out>``; an accepted one is ``<skipped>`` with "accepted: " and the
reason, so no dashboard counts it as a failure. A file without findings is one passing case, so
CI dashboards count it. Characters XML 1.0 cannot hold (control characters from a plan) become
U+FFFD, so the document always parses.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from eduplan.check.pipeline import failing
from eduplan.check.result import RunResult
from eduplan.i18n import _
from eduplan.reporters import ReportOptions
from eduplan.reporters.common import by_file, location, severity_word, with_hint

__all__ = ["write"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text content, escaped, with characters XML cannot hold replaced."""
    return _escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    """An attribute value, quoted and escaped, with characters XML cannot hold replaced."""
    return _quoteattr(_NOT_XML.sub("\ufffd", text))


def write(run: RunResult, out: TextIO, _options: ReportOptions) -> None:
    """Write the JUnit XML document."""
    findings = run.findings
    fails = {id(f) for f in failing(findings, run.fail_on)}
    grouped = dict(by_file(findings))
    files = list(dict.fromkeys([*run.files, *grouped]))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    total_failures = len(fails)
    out.write(f'<testsuites name="eduplan" tests="{max(len(findings), 1)}" failures="{total_failures}">\n')
    for file in files:
        group = grouped.get(file, [])
        suite_failures = sum(1 for f in group if id(f) in fails)
        name = quoteattr(file or "eduplan")
        out.write(f'  <testsuite name={name} tests="{max(len(group), 1)}" failures="{suite_failures}">\n')
        if not group:
            out.write(f'    <testcase classname={name} name="no findings"/>\n')
        for finding in group:
            case = quoteattr(f"{finding.code} {location(finding)}")
            text = f"{location(finding)}: {with_hint(finding)}"
            out.write(f"    <testcase classname={name} name={case}>\n")
            if finding.accepted is not None:
                skipped = _("accepted: {reason}").format(reason=finding.accepted)
                out.write(f"      <skipped message={quoteattr(skipped)}/>\n")
            elif id(finding) in fails:
                message = quoteattr(f"{severity_word(finding)} {finding.code} {finding.message}")
                out.write(f"      <failure message={message} type={quoteattr(finding.name)}>")
                out.write(f"{escape(text)}</failure>\n")
            else:
                out.write(f"      <system-out>{escape(severity_word(finding) + ' ' + text)}</system-out>\n")
            out.write("    </testcase>\n")
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")
