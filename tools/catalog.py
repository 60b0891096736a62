"""The message catalogs: extract every user-facing message, update the Thai ``.po`` files, compile them.

    python tools/catalog.py update    # new messages into locale/th/LC_MESSAGES/<area>.po (untranslated)
    python tools/catalog.py compile   # all .po files into locale/th/LC_MESSAGES/eduplan.mo
    python tools/catalog.py check     # what tests/i18n checks: complete, current, placeholders match

Babel does the work (extraction of ``_``/``N_``/``ngettext``/``pgettext`` calls from the source,
``.po`` reading, merging and ``.mo`` writing); this file only says where the messages are:

- the Python source of each stage (``src/eduplan/<stage>/``; top-level modules are ``core``);
- the words of documents (``words/texts.py``'s ``LABELS``, one context per label key: ``words``);
- the documentation of every code (``eduplan explain``), paragraph by paragraph (``explain``);
- the help of every command and option, read from the Typer app itself (``help``);
- the words of Click and Typer that eduplan's users see (usage errors, help panels: ``click``).

Each area has its own ``.po`` file, so that translators (and parallel work) touch one file at a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from eduplan.check.pipeline import all_codes
from eduplan.cli.app import app
from eduplan.collect.codes import CODES as RETURN_CODES
from eduplan.explain import paragraphs
from eduplan.rollup.codes import CODES as ROLLUP_CODES
from eduplan.word.notes import CODES as WORD_CODES
from eduplan.words.texts import LABELS, PARAMETERS

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "eduplan"
PO_DIR = SRC / "locale" / "th" / "LC_MESSAGES"
MO_FILE = PO_DIR / "eduplan.mo"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
HEADER = "Thai translation of eduplan's messages ({area}). Update with `python tools/catalog.py update`."
WIDTH = 116

EPOCH = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
Key = tuple[str, str | None]  # (msgid, msgctxt)


@dataclass(frozen=True, slots=True)
class Entry:
    """One message found in the source: its id (a plural pair), context, and where it is."""

    msgid: str | tuple[str, str]
    context: str | None
    where: str
    comment: str = ""
    line: int | None = None


AREAS = {"load/yamlio.py": "yaml", "load/mistakes.py": "yaml"}
"""Files whose messages have a catalog of their own: what a YAML mistake is, explained."""


def _catalog() -> Catalog:
    """An empty Thai catalog; fixed dates, so that the same messages always compile to the same bytes."""
    return Catalog(locale="th", domain="eduplan", project="eduplan", creation_date=EPOCH, revision_date=EPOCH)


def area_of(path: Path) -> str:
    """The catalog a source file's messages go to: its own (:data:`AREAS`), its stage folder, or ``core``."""
    relative = path.relative_to(SRC)
    if relative.as_posix() in AREAS:
        return AREAS[relative.as_posix()]
    return relative.parts[0] if len(relative.parts) > 1 else "core"


def from_source() -> Iterator[tuple[str, Entry]]:
    """Every marked message of ``src/eduplan``, with its area."""
    for path in sorted(SRC.rglob("*.py")):
        where = str(path.relative_to(REPO))
        for line, message, comments, context in extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
        ):
            if not message or (isinstance(message, tuple) and not all(message)):
                continue
            yield area_of(path), Entry(message, context, where, " ".join(comments), line)


def from_labels() -> Iterator[tuple[str, Entry]]:
    """The words of documents: ``LABELS``, each in the context of its key."""
    for key, english in LABELS.items():
        yield "words", Entry(english, key, "src/eduplan/words/texts.py")


def from_docs() -> Iterator[tuple[str, Entry]]:
    """The documentation of every code: summaries and prose paragraphs (examples stay as written)."""
    for info in {**all_codes(), **WORD_CODES, **RETURN_CODES, **ROLLUP_CODES}.values():
        where = f"explain:{info.code}"
        yield "explain", Entry(info.summary, None, where)
        for block in paragraphs(info.doc):
            if block.prose:
                yield "explain", Entry(block.text, None, where)


def from_help() -> Iterator[tuple[str, Entry]]:
    """The help of every command, argument and option, from the app Typer builds."""

    def walk(command: Any, name: str) -> Iterator[tuple[str, Entry]]:
        for text in (command.help, command.short_help, getattr(command, "epilog", None)):
            if text:
                yield "help", Entry(text, None, f"help:{name or 'eduplan'}")
        for param in command.params:
            if getattr(param, "help", None):
                yield "help", Entry(param.help, None, f"help:{name or 'eduplan'}:{param.name}")
        for sub_name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{name}.{sub_name}" if name else sub_name)

    yield from walk(typer.main.get_command(app), "")


def from_click() -> Iterator[tuple[str, Entry]]:
    """The messages of Typer and the Click it carries: help panels, usage errors."""
    root = Path(typer.__file__).parent
    for path in sorted(root.rglob("*.py")):
        for line, message, _comments, context in extract_from_file("python", path, keywords=KEYWORDS):
            if message and not (isinstance(message, tuple) and not all(message)):
                yield "click", Entry(message, context, f"typer/{path.relative_to(root)}", line=line)


def templates() -> dict[str, Catalog]:
    """The template catalog of every area: what should be translated."""
    found: dict[str, Catalog] = {}
    for area, entry in (*from_source(), *from_labels(), *from_docs(), *from_help(), *from_click()):
        template = found.setdefault(area, _catalog())
        key = entry.msgid
        existing = template.get(key if isinstance(key, str) else key[0], entry.context)
        if existing is not None:
            if entry.where not in {where for where, _line in existing.locations}:
                existing.locations.append((entry.where, entry.line))
            continue
        template.add(
            key,
            locations=[(entry.where, entry.line)],
            context=entry.context,
            auto_comments=[entry.comment] if entry.comment else [],
        )
    return found


def po_path(area: str) -> Path:
    """The Thai ``.po`` file of an area."""
    return PO_DIR / f"{area}.po"


def read(area: str) -> Catalog:
    """The Thai catalog of an area (empty if it has none yet)."""
    path = po_path(area)
    if not path.exists():
        return _catalog()
    with path.open("rb") as handle:
        return read_po(handle, locale="th")


def _serialized(catalog: Catalog, area: str) -> bytes:
    catalog.header_comment = f"# {HEADER.format(area=area)}\n#"
    catalog.fuzzy = False
    catalog.language_team = "eduplan <https://github.com/eduplan>"
    catalog.revision_date = EPOCH
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=WIDTH,
        omit_header=False,
        ignore_obsolete=True,
        include_previous=True,
        include_lineno=False,
    )
    return buffer.getvalue()


def update(areas: set[str] | None = None) -> list[str]:
    """Bring the ``.po`` of every area (or of ``areas``) up to its template; return what changed."""
    said = []
    for area, template in sorted(templates().items()):
        if areas and area not in areas:
            continue
        catalog = read(area)
        before = {m.id for m in catalog if m.id}
        catalog.update(template, no_fuzzy_matching=True)
        after = {m.id for m in catalog if m.id}
        data = _serialized(catalog, area)
        path = po_path(area)
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            said.append(f"{path.relative_to(REPO)}: {len(after - before)} new, {len(before - after)} gone")
    return said


def merged() -> Catalog:
    """Every area's translations in one catalog (what ``eduplan.mo`` holds)."""
    whole = _catalog()  # Thai: one plural form
    for path in sorted(PO_DIR.glob("*.po")):
        for message in read(path.stem):
            if message.id and message.string and not message.fuzzy:
                whole.add(message.id, message.string, context=message.context)
    return whole


def compiled() -> bytes:
    """The bytes of ``eduplan.mo`` for the ``.po`` files as they are."""
    buffer = io.BytesIO()
    write_mo(buffer, merged(), use_fuzzy=False)
    return buffer.getvalue()


def compile_mo() -> bool:
    """Write ``eduplan.mo``; ``True`` if it changed."""
    data = compiled()
    if MO_FILE.exists() and MO_FILE.read_bytes() == data:
        return False
    MO_FILE.write_bytes(data)
    return True


_PERCENT = re.compile(r"%(?:\((\w+)\))?[sdr]")


def fields(text: str) -> list[str]:
    """The placeholders of a message (``{year}``, ``{value!r}``, Click's ``%(name)s``), in sorted order."""
    found = [f"%{m.group(1) or ''}" for m in _PERCENT.finditer(text)]
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:  # a lone brace: no placeholders of that style
        parsed = []
    found += [f"{name}!{conv or ''}:{spec or ''}" for _lit, name, spec, conv in parsed if name is not None]
    return sorted(found)


def _texts(value: str | tuple[str, ...] | list[str]) -> Iterable[str]:
    return [value] if isinstance(value, str) else list(value)


def _placeholders(message: Message) -> list[str]:
    """What is wrong with the placeholders of a message's translations (a label's may name other labels)."""

    def wanted(texts: Iterable[str]) -> set[str]:
        found = set().union(*(fields(t) for t in texts))
        return {f for f in found if f.partition("!")[0] in PARAMETERS} if message.context is not None else found

    expected = wanted(_texts(message.id))
    return [f"placeholders differ in {text!r}" for text in _texts(message.string) if wanted([text]) != expected]


def _area_problems(area: str, template: Catalog, seen: dict[Key, tuple[str, str]]) -> Iterator[str]:
    """What is wrong with one area's catalog against its template."""
    have = {(m.id if isinstance(m.id, str) else m.id[0], m.context): m for m in read(area) if m.id}
    want = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    for key in sorted(want - set(have), key=str):
        yield f"{area}.po: not in the catalog (run update): {key[0]!r}"
    for key in sorted(set(have) - want, key=str):
        yield f"{area}.po: no longer used (run update): {key[0]!r}"
    for key in sorted(want & set(have), key=str):
        message = have[key]
        strings = [s for s in _texts(message.string) if s]
        if message.fuzzy or not strings:
            yield f"{area}.po: not translated{' (fuzzy)' if message.fuzzy else ''}: {key[0]!r}"
            continue
        yield from (f"{area}.po: {problem} for {key[0]!r}" for problem in _placeholders(message))
        if key in seen and seen[key][1] != strings[0]:
            yield f"{area}.po: {key[0]!r} is translated otherwise in {seen[key][0]}.po"
        seen.setdefault(key, (area, strings[0]))


def problems(areas: set[str] | None = None) -> list[str]:
    """Everything wrong with the catalogs (or those of ``areas``).

    Missing or obsolete messages, untranslated or fuzzy ones, placeholders that differ, the same
    words translated two ways, and ``eduplan.mo`` not compiled from the ``.po`` files.
    """
    found: list[str] = []
    seen: dict[Key, tuple[str, str]] = {}
    for area, template in sorted(templates().items()):
        if not areas or area in areas:
            found += _area_problems(area, template, seen)
    if areas:
        return found
    if not MO_FILE.exists():
        found.append(f"{MO_FILE.relative_to(REPO)} is missing (run compile)")
    elif MO_FILE.read_bytes() != compiled():
        found.append(f"{MO_FILE.relative_to(REPO)} is not compiled from the .po files (run compile)")
    return found


def main(argv: list[str] | None = None) -> int:
    """Run ``update``, ``compile`` or ``check``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["update", "compile", "check"])
    parser.add_argument("--area", action="append", help="only this catalog (rules, load, ...); repeatable")
    args = parser.parse_args(argv)
    areas = set(args.area or ())
    if args.action == "update":
        for line in update(areas):
            sys.stdout.write(line + "\n")
        return 0
    if args.action == "compile":
        sys.stdout.write("compiled\n" if compile_mo() else "up to date\n")
        return 0
    found = problems(areas)
    for line in found:
        sys.stdout.write(line + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
