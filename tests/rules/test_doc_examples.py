"""Every rule's documented examples run: ``*Fails:*`` must fail the rule, ``*Passes:*`` must pass it.

A rule's docstring (``eduplan explain TG02``) shows a YAML fragment that fails the rule and one
that passes it. This test builds a whole plan around each fragment and checks it with that rule
alone, so the documentation cannot drift from what the rule does.

**The base plan** is the smallest one that passes every rule: plan.yaml with one policy ``p1``
holding one indicator ``p1-i1`` (``PLAN``, ``POLICY``, ``INDICATOR`` below); an action plan or a
mission is added when a fragment needs one (``LISTS``).

**Placing a fragment.** The fragment is cut into entries: a line at the left margin (``key: ...``)
with the indented lines under it. Each entry goes to a *context*, where it replaces the base
entry with the same key, or is added:

- by a comment line naming the context, which places the entries after it: ``# in plan.yaml:``,
  ``# in a policy:``, ``# in an indicator:``, ``# in an action plan:``, ``# in a mission:``;
- otherwise by its key (``HOME``): ``kind``, ``targets``, ``name`` ... belong to the indicator,
  ``indicators`` and ``approaches`` to the policy, ``projects`` to an action plan (fiscal year
  2567), ``text`` to a mission, and the rest (``period``, ``policies``, ``reports`` ...) to
  plan.yaml.

So an example names its context in a comment when its keys alone do not tell, or when it spans
two contexts. A key given with no value (``unit:``) replaces the base's value with nothing: the
cell is empty, which eduplan reads as absent. The plan is assembled as YAML *text*, so eduplan's
own loader reads each fragment exactly as the documentation writes it (quotes, flow mappings,
Thai digits).

**What is checked**: the plan loads cleanly (no YA, LD or SC finding), the failing example gives
at least one finding of the rule's code, on a line of the example (not of the base plan), and
the passing example none.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.rules import RULES
from tests.conftest import MINIMAL_PLAN
from tests.conftest import POLICY as BASE_POLICY

Entries = dict[str, str]
"""A mapping as YAML text: key -> its entry (the ``key: ...`` line and the lines under it)."""

PLAN = MINIMAL_PLAN
POLICY, _, _INDICATOR = BASE_POLICY.partition("indicators:\n  - ")
INDICATOR = textwrap.dedent("    " + _INDICATOR)
"""The base: tests/conftest.py's plan, its policy (id, number, title) and the policy's one indicator."""
LISTS = {
    "action plan": ("action_plans", "fiscal_year: 2567\n"),
    "mission": ("missions", "id: m1\nnumber: '1'\n"),
}
"""The contexts the base plan does not have: the plan's list that gets one, and its base entries."""

CONTEXTS = {
    "plan.yaml": "plan",
    "a policy": "policy",
    "an indicator": "indicator",
    "an action plan": "action plan",
    "a mission": "mission",
}
"""The words of a context comment (``# in an indicator:``) and the context they name."""

HOME = {
    **dict.fromkeys(
        ["kind", "targets", "direction", "unit", "name", "owner", "levels", "baseline", "cumulative"], "indicator"
    ),
    **dict.fromkeys(["indicators", "approaches"], "policy"),
    "projects": "action plan",
    "text": "mission",
}
"""Where a key goes when no comment says: its context; any other key goes to plan.yaml."""

EXAMPLE = re.compile(r"\*(Fails|Passes):\*\s*```yaml\n(.*?)```", re.DOTALL)
CONTEXT_COMMENT = re.compile(r"# in (.+):")
SKIP_WITHOUT = {"TX09": "pythainlp"}
"""Rules that need an optional package, and its import name."""


def entries(text: str) -> list[tuple[str, str]]:
    """Cut YAML text into its top-level entries, in order: (key, the line at the margin and those under it)."""
    result: list[tuple[str, str]] = []
    for line in text.splitlines(keepends=True):
        if line[:1] in (" ", "-"):
            result[-1] = (result[-1][0], result[-1][1] + line)
        else:
            result.append((line.partition(":")[0], line))
    return result


def place(fragment: str) -> dict[str, Entries]:
    """Sort a fragment's entries into their contexts (see the module docstring)."""
    placed: dict[str, Entries] = {context: {} for context in CONTEXTS.values()}
    named = None
    for key, entry in entries(fragment):
        if comment := CONTEXT_COMMENT.fullmatch(entry.strip()):
            assert comment[1] in CONTEXTS, f"unknown context {entry.strip()!r}: name one of {list(CONTEXTS)}"
            named = CONTEXTS[comment[1]]
        else:
            assert not key.startswith("#"), f"{entry.strip()!r}: a comment at the margin names a context"
            placed[named or HOME.get(key, "plan")][key] = entry
    return placed


def mapping(base: str, *more: Entries) -> str:
    """The base mapping with the entries of ``more`` put in: a key of the base is replaced in its place."""
    merged = dict(entries(base))
    for extra in more:
        merged |= extra
    return "".join(merged.values())


def listing(key: str, item: str) -> Entries:
    """``{key: "key:\\n  - item"}``, the text of a list of one mapping."""
    return {key: f"{key}:\n  - " + textwrap.indent(item, "    ").removeprefix("    ")}


def build(fragment: str) -> str:
    """The text of a plan.yaml: the base plan with the fragment's entries placed."""
    placed = place(fragment)
    indicator = mapping(INDICATOR, placed["indicator"])
    policy = mapping(POLICY, listing("indicators", indicator), placed["policy"])
    around = [listing(key, mapping(base, placed[context])) for context, (key, base) in LISTS.items() if placed[context]]
    return mapping(PLAN, listing("policies", policy), *around, placed["plan"])


def examples() -> list[object]:
    params = []
    for code, rule in RULES.items():
        found = EXAMPLE.findall(rule.doc)
        assert [kind for kind, _ in found] == ["Fails", "Passes"], f"{code}: one Fails then one Passes YAML block"
        params += [pytest.param(code, kind, fragment, id=f"{code}-{kind.lower()}") for kind, fragment in found]
    return params


def test_the_base_plan_passes_every_rule(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(build(""), encoding="utf-8")
    assert check_path(tmp_path, Settings()).findings == []


def test_placing_a_fragment() -> None:
    plan = build("period: {start: 2566, end: 2567}\n# in an indicator:\nid: p5-i5\nowner:\n")
    assert plan.startswith(PLAN.replace("2570}", "2567}"))  # by its key: plan.yaml, in the base's place
    assert "- id: p5-i5\n        number: '1'\n" in plan  # the indicator's id replaced, not added
    assert "p1-i1" not in plan and "owner:\n" in plan and "สพฐ." not in plan  # an empty key: an empty cell
    plan = build("projects:\n  - {id: x1}\n")
    assert plan.endswith("action_plans:\n  - fiscal_year: 2567\n    projects:\n      - {id: x1}\n")


@pytest.mark.parametrize(("code", "kind", "fragment"), examples())
def test_doc_example(code: str, kind: str, fragment: str, tmp_path: Path) -> None:
    if code in SKIP_WITHOUT:
        pytest.importorskip(SKIP_WITHOUT[code], reason=f"{code} needs the optional {SKIP_WITHOUT[code]}")
    plan = build(fragment)
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    result = check_path(tmp_path, Settings(select=(code,)))
    shown = "\n".join(f"{f.span}: {f.code} {f.message}" for f in result.findings)
    reading = [f for f in result.findings if f.code[:2] in ("YA", "LD", "SC") and f.code != code]
    assert not reading, f"the example does not load cleanly:\n{shown}\n{plan}"
    found = [f for f in result.findings if f.code == code]
    assert bool(found) == (kind == "Fails"), f"{code} {kind} example gives:\n{shown or 'no finding'}"
    lines = plan.splitlines()
    pointed = {lines[f.span.line - 1].strip(" -") for f in found if f.span}
    assert pointed <= {line.strip(" -") for line in fragment.splitlines()}, f"{code}: a finding outside the example"
