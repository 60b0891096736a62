"""The Thai guide (docs/guide/*.th.md) read as steps a test can run.

Conventions of the guide's Markdown (invisible on GitHub, which shows only a fence's first word):

- A ```` ```sh ```` block: every line is a command (``\\`` continues a line; comment lines are dropped).
- A ```` ```console ```` block: a line ``$ command`` is a command; the lines after it, up to the next
  ``$ ``, are what the guide says the command shows (see :func:`shown_in`). A line ``...`` or ``…``
  stands for lines left out.
- ``exit=1`` after the fence's language: the exit code of every command of the block; ``exit=0,0,1``
  gives one per command, in order. Without it, every command exits 0.
- ``<!-- not run: why -->`` on the line before a block: its commands are not run (software installs,
  Windows commands); the reason is required. ```` ```powershell ```` blocks (Windows) are never run.
- ```` ```yaml write=PATH ```` / ```` ```yaml append=PATH ````: the reader puts this text in that file
  (PATH from the working directory the commands have reached); the test does so at that point.
- ```` ```yaml same-as=PATH ````: the block shows a file eduplan wrote; the test compares them.
- ``<!-- manual: NAME -->``: a step the reader does by hand (in Excel, in an editor); the test does it
  with :mod:`tests.guide.manual`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

FENCE = re.compile(r"^```(\S*)(.*)$")
NOT_RUN = re.compile(r"^<!--\s*not run:\s*(.*?)\s*-->$")
MANUAL = re.compile(r"^<!--\s*manual:\s*(\S+)\s*-->$")
RUN_LANGUAGES = {"sh", "console"}
KNOWN_LANGUAGES = RUN_LANGUAGES | {"powershell", "yaml", "text", ""}
ELISION = {"...", "…"}


@dataclass
class Command:
    """One command line of the guide, with the exit code and the lines it is shown to print."""

    line: str
    exit: int
    shown: list[str] = field(default_factory=list)
    where: str = ""


@dataclass
class Write:
    """A file the reader writes (or adds to) with the text the guide shows."""

    path: str
    text: str
    append: bool


@dataclass
class Same:
    """A file eduplan wrote that the guide shows whole."""

    path: str
    text: str


@dataclass
class Manual:
    """A step done by hand: :mod:`tests.guide.manual` names each."""

    name: str


Step = Command | Write | Same | Manual


@dataclass
class Block:
    """A fenced block: its language, attributes, lines and where it starts."""

    language: str
    attributes: dict[str, str]
    lines: list[str]
    line_number: int
    not_run: str | None


def blocks(text: str) -> tuple[list[Block | Manual], list[str]]:
    """The fenced blocks and manual steps of a chapter, in order, and the unknown fence languages."""
    out: list[Block | Manual] = []
    unknown: list[str] = []
    lines = text.splitlines()
    before = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = FENCE.match(line)
        if manual := MANUAL.match(line.strip()):
            out.append(Manual(manual.group(1)))
        if fence is None:
            if line.strip():
                before = line.strip()
            index += 1
            continue
        language, rest = fence.group(1), fence.group(2)
        if language not in KNOWN_LANGUAGES:
            unknown.append(f"line {index + 1}: {language}")
        body: list[str] = []
        index += 1
        while index < len(lines) and not lines[index].startswith("```"):
            body.append(lines[index])
            index += 1
        attributes = dict(part.split("=", 1) for part in shlex.split(rest) if "=" in part)
        skip = NOT_RUN.match(before)
        out.append(Block(language, attributes, body, index - len(body), skip.group(1) if skip else None))
        before = ""
        index += 1
    return out, unknown


def _exits(attributes: dict[str, str], count: int, where: str) -> list[int]:
    given = [int(code) for code in attributes.get("exit", "0").split(",")]
    if len(given) == 1:
        return given * count
    assert len(given) == count, f"{where}: exit= gives {len(given)} codes for {count} commands"
    return given


def commands_of(block: Block, where: str) -> list[Command]:
    """The commands of an sh or console block, with their exit codes and shown lines."""
    if block.language == "sh":
        joined = "\n".join(block.lines).replace("\\\n", " ").splitlines()
        lines = [line for line in joined if line.strip() and not line.lstrip().startswith("#")]
        exits = _exits(block.attributes, len(lines), where)
        return [Command(line, code, where=where) for line, code in zip(lines, exits, strict=True)]
    commands: list[Command] = []
    for line in block.lines:
        if line.startswith("$ "):
            commands.append(Command(line[2:], 0, where=where))
        elif commands and commands[-1].line.endswith("\\"):
            commands[-1].line = commands[-1].line[:-1] + " " + line.strip()
        elif commands:
            commands[-1].shown.append(line)
    for command, code in zip(commands, _exits(block.attributes, len(commands), where), strict=True):
        command.exit = code
    return commands


def steps(chapter: Path) -> tuple[list[Step], list[str]]:
    """What a reader of the chapter does, in order, and the reasons given for blocks not run."""
    found, unknown = blocks(chapter.read_text(encoding="utf-8"))
    assert not unknown, f"{chapter.name}: fence languages the test does not know: {unknown}"
    out: list[Step] = []
    skipped: list[str] = []
    for block in found:
        if isinstance(block, Manual):
            out.append(block)
            continue
        where = f"{chapter.name}:{block.line_number}"
        text = "\n".join(block.lines) + "\n"
        if block.not_run is not None:
            assert block.not_run, f"{where}: say why the block is not run"
            skipped.append(f"{where}: {block.not_run}")
        elif block.language in RUN_LANGUAGES:
            out.extend(commands_of(block, where))
        elif "write" in block.attributes or "append" in block.attributes:
            path = block.attributes.get("write") or block.attributes["append"]
            out.append(Write(path, text, append="append" in block.attributes))
        elif "same-as" in block.attributes:
            out.append(Same(block.attributes["same-as"], text))
    return out, skipped


TOKEN = re.compile(r"\S*\d\S*|[a-z]+\.[a-z][a-z-]+|\b[A-Z]{2}\d\d\b")
TRIM = "()[]{},;:'\"“”`"


def tokens(line: str) -> list[str]:
    """The parts of a shown line that do not depend on the language: numbers, positions, codes, paths, names."""
    out = []
    for token in TOKEN.findall(line):
        trimmed = token.strip(TRIM)
        if trimmed:
            out.append(trimmed)
    return out


def line_matches(shown: str, printed: str) -> bool:
    """A shown line matches a printed one when they are equal, or when its tokens appear in it in order.

    The words around the numbers, positions and codes are the messages' words, which follow the
    language of the run and its translation; the tokens do not.
    """
    if " ".join(shown.split()) == " ".join(printed.split()):
        return True
    found = tokens(shown)
    if not found:
        return False
    position = 0
    for token in found:
        position = printed.find(token, position)
        if position < 0:
            return False
        position += len(token)
    return True


def shown_in(shown: list[str], printed: str) -> list[str]:
    """The shown lines that the printed text lacks (in order: each after the one before it)."""
    lines = printed.splitlines()
    missing = []
    at = 0
    for want in shown:
        if not want.strip() or want.strip() in ELISION:
            continue
        hit = next((i for i in range(at, len(lines)) if line_matches(want, lines[i])), None)
        if hit is None:
            missing.append(want)
        else:
            at = hit + 1
    return missing
