"""The validation pipeline: load -> rules -> acceptances -> findings.

:func:`check_path` loads one plan, runs the selected rules on whatever loaded (the plan may be
partial), resolves every problem to a located finding, applies the plan's acceptances and
returns a :class:`PlanCheck`. Nothing here prints or exits; ``commands/validate.py`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath

from pydantic import BaseModel

from eduplan.check.accept import ACCEPTANCE_CODES, Scoped, apply_acceptances
from eduplan.check.config import Settings
from eduplan.errors import EduplanError
from eduplan.findings import CodeInfo, Finding, Path, Severity, Span
from eduplan.i18n import _
from eduplan.load.codes import LOAD_CODES
from eduplan.load.encoding import readable
from eduplan.load.layout import PARTS, PLAN_FILES, YAML_SUFFIXES
from eduplan.load.loader import LoadResult, find_plans, load_plan
from eduplan.load.source import SourceMap
from eduplan.model import ActionPlan, Plan, Report
from eduplan.model.walk import walked_once
from eduplan.rules import RULES, Context, Problem, Rule

__all__ = ["PlanCheck", "all_codes", "check_path", "check_result", "failing", "id_path", "locate", "plan_targets"]


@dataclass
class PlanCheck:
    """What checking one plan gave.

    Attributes:
        root: The plan file or directory.
        files: Every file that was read.
        findings: All findings, sorted by file, line and column.
        loaded: Whether a plan (possibly partial) loaded, so that rules ran.
        partial: Whether invalid items were left out before the rules ran.
        rules: Codes of the rules that ran.
        config: The configuration file the plan was checked with, if any.
        shown: The findings a streaming report lists, as it writes them, when the worker that
            checked the plan wrote them (:func:`eduplan.reporters.prepare`); else None.
    """

    root: str
    files: list[str]
    findings: list[Finding]
    loaded: bool
    partial: bool = False
    rules: list[str] = field(default_factory=list)
    config: str | None = None
    shown: list[str] | None = None


def all_codes() -> dict[str, CodeInfo]:
    """Every code eduplan reports: loading, rules and acceptances."""
    codes = dict(LOAD_CODES)
    codes.update(RULES)  # a rule is a code with its check
    codes.update(ACCEPTANCE_CODES)
    return codes


def plan_targets(paths: Iterable[str | FsPath]) -> list[FsPath]:
    """Plans to check for command-line paths; a file inside a plan directory means that plan.

    Raises:
        UsageError: a path does not exist or holds no plan.
    """
    resolved: list[str | FsPath] = []
    for raw in paths:
        path = FsPath(raw)
        resolved.append(_owning_plan(path) or path)
    return find_plans(resolved)


def _owning_plan(path: FsPath) -> FsPath | None:
    if path.is_dir() and path.name in PARTS and any((path.parent / n).is_file() for n in PLAN_FILES):
        return path.parent  # plan/policies/ means the plan
    if not path.is_file() or path.suffix not in YAML_SUFFIXES:
        return None
    parent = path.parent
    if path.name in PLAN_FILES:
        return parent
    if parent.name in PARTS and any((parent.parent / n).is_file() for n in PLAN_FILES):
        return parent.parent
    return None


def check_path(path: FsPath, settings: Settings) -> PlanCheck:
    """Load and check one plan."""
    return check_result(load_plan(path), settings)


def check_result(result: LoadResult, settings: Settings) -> PlanCheck:
    """Run the rules on a loaded plan and apply its acceptances."""
    rules = settings.rules()
    scoped: list[Scoped] = []
    for finding in result.findings:
        at, ids = ".".join(map(str, finding.path)), tuple[str, ...]()
        if result.plan is not None and not result.partial and finding.path:
            at, ids = id_path(result.plan, finding.path)
        scoped.append(Scoped(replace(finding, at=at or None), ids))
    plan = result.plan
    if plan is not None:
        ctx = Context(plan, result.source, settings.options, _lost(result))
        with walked_once(plan):  # the rules walk the same indicators some thirty times: walk them once
            scoped += _rule_findings(rules, ctx, result.source)
    ran = {r.code for r in rules}
    ran.update(code for code in ACCEPTANCE_CODES if settings.wants(code))
    acceptances = plan.accepted if plan is not None else []
    whole = plan if plan is not None and not _lost(result) else None  # a loss is reported, not its consequences
    findings = apply_acceptances(scoped, acceptances, result.source, ran, set(all_codes()), whole)
    findings = [f for f in findings if f.code in LOAD_CODES or f.code in ran]
    findings = [replace(f, severity=settings.severity[f.code]) if f.code in settings.severity else f for f in findings]
    return PlanCheck(
        str(result.root),
        result.files,
        sorted(findings, key=lambda f: f.sort_key),
        plan is not None,
        result.partial,
        sorted(ran),
        settings.source,
    )


def _rule_findings(rules: list[Rule], ctx: Context, source: SourceMap) -> list[Scoped]:
    """What the rules found in ``ctx``'s plan, each problem a located finding (a rule that crashed: one error)."""
    scoped: list[Scoped] = []
    for rule in rules:
        problems, crashed = _run(rule, ctx)
        for problem in [*problems, *crashed]:
            at, ids = id_path(ctx.plan, problem.path)
            finding = Finding(
                rule.code,
                rule.name,
                Severity.ERROR if any(problem is c for c in crashed) else rule.severity,
                problem.message,
                locate(problem, source),
                problem.path,
                problem.hint,
                at=at or None,
            )
            scoped.append(Scoped(finding, ids))
    return scoped


def _lost(result: LoadResult) -> frozenset[tuple[str, ...]]:
    """Shapes of the lists that lost items: dropped as invalid, or in a part file that did not load."""
    paths = [*result.dropped]
    for f in result.findings:
        # Read errors lose what they cover; a part file that did not load at all (empty, a list)
        # is reported on its list's path, ("policies",), whatever the code.
        if f.severity == Severity.ERROR and (f.code.startswith(("YA", "LD")) or len(f.path) == 1):
            paths.append(f.path)
    return frozenset(tuple(s for s in path if isinstance(s, str)) for path in paths if path)


def _run(rule: Rule, ctx: Context) -> tuple[list[Problem], list[Problem]]:
    """What a rule found, and (when it stopped on a bug) one error saying so.

    A rule that raises never takes the run down: the other rules' findings still count, the
    problems it yielded before stopping are kept, and the error (at the plan's first file) fails
    the run, since what the rule would have found is unknown.
    """
    problems: list[Problem] = []
    try:
        problems.extend(rule.check(ctx))
    except EduplanError:
        raise  # a rule that cannot run (TX09 without its optional dependency) says why
    except Exception as exc:  # a bug in a rule (or a value it could not handle): a finding, not a traceback
        reason = f"{type(exc).__name__}: {str(exc)[:200]}".rstrip(": ")
        crash = Problem(
            (),
            _(
                "internal error: rule {code} ({name}) stopped on this plan ({reason}); its findings may be incomplete"
            ).format(code=rule.code, name=rule.name, reason=f"`{reason}`"),
            hint=_("report this to the eduplan maintainers, with the plan if you can"),
        )
        return problems, [crash]
    return problems, []


def locate(problem: Problem, source: SourceMap) -> Span | None:
    """The span of a problem: its value (or key), narrowed to characters when it can be."""
    span = source.span(problem.path, key=problem.key)
    if problem.within is None or span is None or problem.key:
        return span
    if problem.path not in source.values or problem.path in source.via_alias or span.line != span.end_line:
        return span
    text, start, end = problem.within
    width = span.end_col - span.col
    pad = 0 if width == len(text) else 1 if width == len(text) + 2 else None
    if pad is None:
        return span  # written with escapes: the columns of characters are not known
    return Span(span.file, span.line, span.col + pad + start, span.line, span.col + pad + end)


def id_path(plan: Plan, path: Path) -> tuple[str, tuple[str, ...]]:
    """The id-based path of a data path, and the ids of the items on the way.

    ``("policies", 2, "indicators", 18, "targets", 2567)`` -> ``("p3-i19.targets.2567",
    ("p3", "p3-i19"))``: an item with an id restarts the path; an annual document is named by
    its fiscal year; other list items by their index.
    """
    parts: list[str] = []
    ids: list[str] = []
    node: object = plan
    for seg in path:
        node = _child(node, seg)
        item_id = getattr(node, "id", None) if isinstance(seg, int) and isinstance(node, BaseModel) else None
        if isinstance(item_id, str):
            parts = [item_id]
            ids.append(item_id)
        elif isinstance(seg, int) and isinstance(node, ActionPlan | Report):
            parts.append(str(node.year))  # an action plan or report, by its fiscal or academic year
        else:
            parts.append(str(seg))
    return ".".join(parts), tuple(ids)


def _child(node: object, seg: str | int) -> object:
    if isinstance(node, BaseModel) and isinstance(seg, str):
        return getattr(node, seg, None)
    if isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
        return node[seg]
    if isinstance(node, dict):
        return node.get(seg)
    return None


def failing(findings: Sequence[Finding], threshold: Severity) -> list[Finding]:
    """Findings that fail the run: not accepted, at or above the threshold."""
    return [f for f in findings if f.accepted is None and f.severity.rank >= threshold.rank]


def check_stdin(data: bytes, name: str, settings: Settings) -> tuple[PlanCheck, str]:
    """Check a file's new content given on standard input, as if it were saved at ``name``.

    When ``name`` lies in a plan directory on disk, the rest of that plan is read from disk (the
    new content laid over it in memory: nothing is copied or written); otherwise the content is a
    whole plan. Returns the check and the decoded text (for frames).
    """
    target = FsPath(name)
    if target.is_dir():  # a folder names no file to lay the content over: it is a plan file of its own
        target = target / "stdin.yaml"
    owner = _owning_plan(target) if target.exists() else None
    result = load_plan(owner if owner is not None else target, overlay={target: data})
    return check_result(result, settings), readable(data)
