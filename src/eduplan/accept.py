"""Accepted findings: what a plan knowingly publishes, with the reason.

A plan's ``accepted`` list names findings by code and by ``at``: an item id (``p3-i19``) or an
id-based path (``p3-i19.targets.2567``). A finding matches when its code (or dotted name) is
the acceptance's code and its own id-based path equals ``at``, lies under it, or belongs to an
item with that id. Matching findings are marked accepted (they are still reported, with the
reason, and do not fail the run); an acceptance that matches nothing is reported as AC01.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .codes import CodeInfo
from .findings import Finding, Severity
from .model import Acceptance
from .source import SourceMap

__all__ = ["ACCEPTANCE_CODES", "Scoped", "apply_acceptances"]

ACCEPTANCE_CODES: dict[str, CodeInfo] = {
    "AC01": CodeInfo(
        "AC01",
        "accepted.unmatched",
        Severity.WARNING,
        "An entry of the plan's accepted list matches no finding.",
        """An entry of the plan's accepted list matches no finding.

An acceptance records a finding the plan publishes on purpose. When the data is corrected, or
the code or ``at`` is mistyped, the acceptance no longer matches anything and would silently
hide the next finding of that kind there: remove or correct it. Acceptances of rules that
were not run (``--select``/``--ignore``) are not reported.

*Fails:*

```yaml
accepted:
  - {code: TG02, at: p3-i19, reason: published so}   # p3-i19's targets now rise every year
```

*Passes:*

```yaml
accepted: []
```""",
    )
}


@dataclass(frozen=True, slots=True)
class Scoped:
    """A finding with the ids of the items it lies in (outermost first)."""

    finding: Finding
    ids: tuple[str, ...] = ()


def apply_acceptances(
    scoped: list[Scoped],
    acceptances: Iterable[Acceptance],
    source: SourceMap,
    ran: set[str],
    known_codes: set[str],
) -> list[Finding]:
    """Mark accepted findings and add one AC01 finding per acceptance that matches nothing.

    Args:
        scoped: The run's findings with their enclosing ids.
        acceptances: The plan's ``accepted`` list.
        source: Where the acceptances are written.
        ran: Codes whose rules ran (unmatched acceptances of other codes are not reported).
        known_codes: Every code eduplan has.
    """
    findings = [s.finding for s in scoped]
    for index, acceptance in enumerate(acceptances):
        code = acceptance.code.strip()
        matched = False
        for n, item in enumerate(scoped):
            if _matches(acceptance, code, item):
                matched = True
                if findings[n].accepted is None:
                    findings[n] = findings[n].accept(acceptance.reason)
        if matched or (code.upper() in known_codes and code.upper() not in ran):
            continue
        info = ACCEPTANCE_CODES["AC01"]
        if code.upper() not in known_codes and not any(code == s.finding.name for s in scoped):
            message = f"the accepted code {code!r} is not an eduplan code"
        else:
            message = f"no {code} finding at {acceptance.at!r}: the acceptance matches nothing"
        findings.append(
            Finding(
                info.code,
                info.name,
                info.severity,
                message,
                source.span(("accepted", index)),
                ("accepted", index),
                hint="remove the acceptance if the finding was fixed, or correct its code or at",
                at=f"accepted.{index}",
            )
        )
    return findings


def _matches(acceptance: Acceptance, code: str, item: Scoped) -> bool:
    finding = item.finding
    if code.upper() != finding.code and code != finding.name:
        return False
    at = acceptance.at.strip()
    own = finding.at or ""
    return own == at or own.startswith(at + ".") or at in item.ids
