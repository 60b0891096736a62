"""The Thai guide for offices (docs/guide/) does what it says: its commands run, exit and print as shown.

Every chapter's commands run in order, as a reader types them, in one shell per chapter (``cd``
carries over), in a temporary folder prepared as the chapter says (an empty folder, the repository
``eduplan init`` makes, or a copy of the example plans), with the ``eduplan`` of this environment and
``EDUPLAN_LANG=th``: the guide's reader works in Thai. The chapters run side by side. The conventions
of the Markdown are in :mod:`tests.guide.guide`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from eduplan.render.pdf import find_chromium
from tests.conftest import REPO
from tests.guide.guide import Command, Manual, Same, Step, Write, shown_in, steps
from tests.guide.manual import STEPS

GUIDE = REPO / "docs" / "guide"
CHAPTERS = sorted(GUIDE.glob("*.md"))
EXAMPLE = REPO / "docs" / "examples" / "office-strategic"
PDF = re.compile(r"(-f|--format)[ =]pdf\b")
HAS_CHROMIUM = find_chromium() is not None

OFFICE_INIT = (
    "eduplan init แผนของเขต --kind office --name 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1'"
    " --short-name 'สพป.เชียงใหม่ เขต 1' --period 2567-2571 && cd แผนของเขต"
)
GIT_COMMIT = "git init -q && git add . && git commit -q -m 'ฉบับประกาศใช้'"


@dataclass(frozen=True)
class Setup:
    """Where a chapter's commands start: a prelude run before them, and whether the examples are copied in."""

    prelude: tuple[str, ...] = ()
    examples: bool = False
    example: str = EXAMPLE.name
    """Which folder of docs/examples/ is copied in when ``examples``."""


SETUPS = {
    "README.th.md": Setup(),
    "about.th.md": Setup(),
    "install.th.md": Setup(),
    "start.th.md": Setup(),
    "import-word.th.md": Setup(prelude=('PYTHONPATH="$GUIDE_REPO" "$GUIDE_PYTHON" -m tests.guide.manual word-plan',)),
    "write.th.md": Setup(prelude=(OFFICE_INIT,)),
    "validate.th.md": Setup(prelude=(OFFICE_INIT,)),
    "ci.th.md": Setup(prelude=(OFFICE_INIT,)),
    "render.th.md": Setup(examples=True),
    "annual.th.md": Setup(examples=True),
    "rollup.th.md": Setup(examples=True, example="rollup-office"),
    "diff.th.md": Setup(prelude=(GIT_COMMIT,), examples=True),
    "publish.th.md": Setup(examples=True),
    "site.th.md": Setup(examples=True),
}
"""Every chapter, and how its folder is prepared (a new chapter must say)."""


@dataclass
class Result:
    """What one step did: its exit code and output (or, for a file shown whole, the file)."""

    step: Step
    code: int | None
    out: str
    err: str


def _script(chapter: str, found: list[Step], out: Path) -> str:
    lines = [f"{{ {line}\n}} > /dev/null 2> {out}/setup.err || exit 97" for line in SETUPS[chapter].prelude]
    for index, step in enumerate(found):
        files = f"> {out}/{index}.out 2> {out}/{index}.err"
        if isinstance(step, Command):
            if PDF.search(step.line) and not HAS_CHROMIUM:
                continue
            lines.append(f"{{ {step.line}\n}} {files} < /dev/null; echo $? > {out}/{index}.rc")
        elif isinstance(step, Write):
            path = shlex.quote(step.path)
            redirect = ">>" if step.append else ">"
            lines.append(f"mkdir -p \"$(dirname {path})\"; cat {redirect} {path} <<'__GUIDE__'\n{step.text}__GUIDE__")
        elif isinstance(step, Same):
            lines.append(f"cp {shlex.quote(step.path)} {out}/{index}.same")
        else:
            assert step.name in STEPS, f"{chapter}: no manual step {step.name!r} in tests/guide/manual.py"
            manual = f'PYTHONPATH="$GUIDE_REPO" "$GUIDE_PYTHON" -m tests.guide.manual {step.name}'
            lines.append(f"{manual} {files}; echo $? > {out}/{index}.rc")
    return "\n".join(lines) + "\n"


def _environment(home: Path) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    (home / ".gitconfig").write_text(
        "[user]\n  name = กลุ่มนโยบายและแผน\n  email = plan@example.org\n[init]\n  defaultBranch = main\n",
        encoding="utf-8",
    )
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "eduplan").exists(), f"no eduplan beside {sys.executable}"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "EDUPLAN_LANG": "th",
        "GUIDE_REPO": str(REPO),
        "GUIDE_PYTHON": sys.executable,
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "COLUMNS": "120",
    }
    if "EDUPLAN_CHROMIUM" in os.environ:
        env["EDUPLAN_CHROMIUM"] = os.environ["EDUPLAN_CHROMIUM"]
    return env


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[Result], str]]:
    """Every chapter run at once, each in its own folder: its results, and the stderr of its setup."""
    base = tmp_path_factory.mktemp("guide")
    env = _environment(base / "home")
    started = {}
    for chapter in CHAPTERS:
        found, _ = steps(chapter)
        root, out = base / chapter.stem / "work", base / chapter.stem / "out"
        root.mkdir(parents=True)
        out.mkdir()
        setup = SETUPS[chapter.name]
        if setup.examples:
            shutil.copytree(EXAMPLE.parent / setup.example, root / "docs" / "examples" / setup.example)
        process = subprocess.Popen(
            ["bash", "--noprofile", "--norc", "-c", _script(chapter.name, found, out)], cwd=root, env=env
        )
        started[chapter.name] = (process, found, out)
    done = {}
    for name, (process, found, out) in started.items():
        assert process.wait(timeout=120) != 97, f"{name}: the setup failed: {_read(out / 'setup.err')}"
        results = []
        for index, step in enumerate(found):
            rc = _read(out / f"{index}.rc").strip()
            text = _read(out / f"{index}.same") if isinstance(step, Same) else _read(out / f"{index}.out")
            results.append(Result(step, int(rc) if rc else None, text, _read(out / f"{index}.err")))
        done[name] = (results, _read(out / "setup.err"))
    return done


def test_every_chapter_says_how_its_folder_is_prepared() -> None:
    assert {chapter.name for chapter in CHAPTERS} == set(SETUPS)


@pytest.mark.parametrize("chapter", [c.name for c in CHAPTERS])
def test_the_chapter_s_commands_exit_and_print_as_the_guide_shows(
    chapter: str, runs: dict[str, tuple[list[Result], str]]
) -> None:
    results, _ = runs[chapter]
    for result in results:
        step = result.step
        if isinstance(step, Command):
            if result.code is None and PDF.search(step.line) and not HAS_CHROMIUM:
                continue
            said = f"{step.where}: `{step.line}` exited {result.code}\n{result.out}{result.err}"
            assert result.code == step.exit, said
            assert "Traceback" not in result.err, said
            missing = shown_in(step.shown, result.out + result.err)
            assert not missing, f"{step.where}: `{step.line}` did not print {missing}\n{result.out}{result.err}"
        elif isinstance(step, Same):
            assert result.out.replace("0.1.0", "{version}") == step.text.replace("0.1.0", "{version}"), step.path
        elif isinstance(step, Manual):
            assert result.code == 0, f"{chapter}: manual step {step.name}: {result.out}{result.err}"


@pytest.mark.skipif(not HAS_CHROMIUM, reason="Chromium is not installed: the guide's PDF commands were not run")
def test_the_guide_s_pdf_commands_write_their_pdf(runs: dict[str, tuple[list[Result], str]]) -> None:
    every = [result for results, _ in runs.values() for result in results]
    printed = [r for r in every if isinstance(r.step, Command) and PDF.search(r.step.line)]
    assert printed, "the guide shows how to make a PDF"
    for result in printed:
        assert result.code == 0 and ".pdf" in result.out + result.err, (result.step.where, result.err)


def test_few_blocks_are_not_run_and_each_says_why() -> None:
    skipped = [reason for chapter in CHAPTERS for reason in steps(chapter)[1]]
    assert all(reason.split(": ", 1)[1] for reason in skipped)
    assert len(skipped) <= 9, skipped  # the site chapter: four PDFs (checked by tests/site), a web server


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, letters, marks, digits, spaces as '-', '-' and '_'."""
    kept = "".join(c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


@pytest.mark.parametrize("chapter", [c.name for c in CHAPTERS])
def test_every_relative_link_of_the_guide_resolves(chapter: str) -> None:
    text = (GUIDE / chapter).read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (GUIDE / chapter).parent / path if path else GUIDE / chapter
        assert file.exists(), f"{chapter}: {target}"
        if anchor and file.suffix == ".md":
            headings = re.findall(r"^#+ (.*)$", file.read_text(encoding="utf-8"), re.MULTILINE)
            assert anchor in {_slug(h) for h in headings}, f"{chapter}: {target}"


def test_the_index_links_every_chapter() -> None:
    index = (GUIDE / "README.th.md").read_text(encoding="utf-8")
    linked = {target.partition("#")[0] for target in LINK.findall(index)}
    assert {c.name for c in CHAPTERS} - {"README.th.md"} <= linked
