"""Plain writers for machines and review pages: markdown, JSON and GitHub annotations.

None of them imports Rich. JSON follows ``schema/diff.schema.json`` (``version`` 1) and is
language-neutral: kinds, levels and paths are codes, ``detail`` and ``hint`` English sentences.
Markdown and GitHub annotations are worded in the reader's language (:class:`.wording.Words`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from eduplan.diff.change import Change, DiffResult, Level
from eduplan.diff.present import location, sections, shorten
from eduplan.diff.words import compact
from eduplan.findings import Span
from eduplan.words.github import escape_data, escape_property
from eduplan.words.markdown import code
from eduplan.words.markdown import text as md  # plan text as literal markdown, one line

if TYPE_CHECKING:
    from eduplan.diff.wording import Words

__all__ = ["JSON_VERSION", "to_github", "to_json", "to_markdown"]

JSON_VERSION = 1
"""Version of the JSON output; it changes only when a key changes meaning or goes away."""

ANNOTATION_CAP = 10
"""GitHub shows at most 10 annotations of each level per step; the rest are dropped silently."""


def to_json(result: DiffResult) -> str:
    """The diff as versioned JSON text (UTF-8 as is, two-space indent, newline at the end)."""
    body = {
        "version": JSON_VERSION,
        "old": result.old_label,
        "new": result.new_label,
        "counts": result.counts(),
        "changes": [_change_json(c) for c in result.changes],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "severity": change.severity.value,
        "weakening": change.weakening,
        "id": change.id,
        "path": change.path,
        "old": change.old,
        "new": change.new,
        "delta": change.delta,
        "old_file": change.old_span.file if change.old_span else None,
        "old_line": change.old_span.line if change.old_span else None,
        "new_file": change.new_span.file if change.new_span else None,
        "new_line": change.new_span.line if change.new_span else None,
        "group": change.group,
        "item": change.item,
        "detail": change.detail,
        "words": [[op, text] for op, text in change.words],
        "hint": change.hint,
    }


# -- markdown ----------------------------------------------------------------------------------


def to_markdown(result: DiffResult, words: Words) -> str:
    """The diff for a pull-request comment or a job summary, in ``words``' language."""
    labels = f"{code(result.old_label, table=False)} → {code(result.new_label, table=False)}"
    lines = [f"### {md(words['diff_title'])}: {labels}", ""]
    if not result.changes:
        return "\n".join([*lines, md(words["diff_nothing"]), ""])
    lines += [f"**{md(words.summary(result))}**", ""]
    for section in sections(result):
        group = section.group
        label = words.heading(group)
        title = f" · {md(shorten(group.title))}" if group.title else ""
        lines += [f"#### {md(label)}{_id(label, group.shown_id)}{title}", ""]
        for change in section.own:
            lines += _md_change(change, words, "")
        for item, changes in section.items:
            label = words.heading(item)
            item_title = f" · {md(shorten(item.title, 70))}" if item.title else ""
            lines.append(f"- **{md(label)}**{_id(label, item.id)}{item_title}")
            for change in changes:
                lines += _md_change(change, words, "  ")
        lines.append("")
    return "\n".join(lines)


def _id(label: str, ident: str) -> str:
    return "" if ident in ("", label) else f" ({code(ident, table=False)})"


def _md_change(change: Change, words: Words, indent: str) -> list[str]:
    detail = words.detail(change)
    weakening = f" · **{md(words['diff_weakening'])}**" if words.weakening_unsaid(change, detail) else ""
    where = f" · {code(location(change), table=False)}" if location(change) else ""
    head = f"{md(words.level(change.severity))} · {md(words.kind(change.kind))}"
    lines = [f"{indent}- {head}{weakening}: {md(detail)}{where}"]
    if change.words:
        rendered = ""
        for op, text in compact(list(change.words)):
            if op == "-":
                rendered += f"<del>{md(text)}</del>"
            elif op == "+":
                rendered += f"<ins>{md(text)}</ins>"
            else:
                rendered += md(text)
        lines.append(f"{indent}  - {rendered}")
    if change.hint:
        lines.append(f"{indent}  - {md(words['diff_hint'])}: {md(words.hint(change))}")
    return lines


# -- GitHub annotations ------------------------------------------------------------------------

_COMMAND = {Level.MAJOR: "error", Level.WARN: "warning", Level.MINOR: "notice", Level.INFO: "notice"}


def to_github(result: DiffResult, words: Words, *, strip: str | None = None) -> str:
    """Workflow commands that annotate the new edition's lines, at most 10 per level.

    Args:
        result: The diff.
        words: The language of titles and messages.
        strip: A prefix to take off file names (``REV:`` when the new side came from git),
            so that annotations point at files of the checkout.
    """
    out: list[str] = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    dropped = 0
    notices = sum(1 for c in result.changes if _COMMAND[c.severity] == "notice")
    others_dropped = any(
        sum(1 for c in result.changes if _COMMAND[c.severity] == level) > ANNOTATION_CAP
        for level in ("error", "warning")
    )
    notice_cap = ANNOTATION_CAP - 1 if notices > ANNOTATION_CAP or others_dropped else ANNOTATION_CAP
    for change in result.changes:
        command = _COMMAND[change.severity]
        if shown[command] >= (notice_cap if command == "notice" else ANNOTATION_CAP):
            dropped += 1
            continue
        shown[command] += 1
        out.append(_annotation(command, change, words, strip))
    if dropped:
        message = words.labels.format("diff_more", count=words.number(str(dropped)), summary=words.summary(result))
        out.append(f"::notice title=eduplan diff::{escape_data(message)}")
    return "".join(line + "\n" for line in out)


def _annotation(command: str, change: Change, words: Words, strip: str | None) -> str:
    span: Span | None = change.new_span
    props = []
    if span is not None:
        file = span.file[len(strip) :] if strip and span.file.startswith(strip) else span.file
        props += [f"file={escape_property(file)}", f"line={span.line}", f"endLine={span.end_line}"]
        if span.line == span.end_line:
            props += [f"col={span.col}", f"endColumn={span.end_col}"]
    title = f"{words.kind(change.kind)} ({words.level(change.severity)}): {change.path}"
    props.append(f"title={escape_property(title)}")
    message = words.detail(change)
    if change.words:
        message += "\n" + "".join(
            f"[-{t}-]" if op == "-" else f"{{+{t}+}}" if op == "+" else t for op, t in compact(list(change.words))
        )
    if change.hint:
        message += f"\n{words['diff_hint']}: {words.hint(change)}"
    return f"::{command} {','.join(props)}::{escape_data(message)}"
