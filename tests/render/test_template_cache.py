"""Compiled templates are kept between runs, and the cache never changes what a render gives nor stops it.

Each test gives the run its own cache folder (``EDUPLAN_CACHE_DIR``): the next engine loads the
compiled templates instead of compiling them; a changed template, a damaged or foreign file, a
folder that cannot be written or that others may write, and runs at the same time all render
exactly what a run without a cache renders.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from eduplan.output.cache import cache_folder
from eduplan.render.engine import Engine
from tests.conftest import REAL_PLAN
from tests.validate.helpers import REPO

CONTEXT = {"who": "สำนักงาน <ทดสอบ>"}


def _render(folder: Path, name: str = "page.html") -> str:
    return Engine(folder).render(name, CONTEXT)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<p>{{ who }}</p>\n", encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder of compiled templates: ``templates`` in the run's own cache folder."""
    monkeypatch.setenv("EDUPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "templates"


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from here on."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def compile_(self: jinja2.Environment, source: object, name: str | None = None, *args: object, **kw: object):
        compiled.append(str(name))
        return original(self, source, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", compile_)
    return compiled


def test_the_second_run_loads_what_the_first_compiled(templates: Path, cache: Path, monkeypatch) -> None:
    compiled = _compiles(monkeypatch)
    first = _render(templates)
    assert compiled == ["page.html"] and len(list(cache.glob("html-*.cache"))) == 1
    assert _render(templates) == first == "<p>สำนักงาน &lt;ทดสอบ&gt;</p>\n"
    assert compiled == ["page.html"]  # not compiled again
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700 or os.name == "nt"


def test_a_changed_template_is_compiled_again(templates: Path, cache: Path) -> None:
    assert _render(templates) == "<p>สำนักงาน &lt;ทดสอบ&gt;</p>\n"
    (templates / "page.html").write_text("<b>{{ who }}</b>\n", encoding="utf-8")
    assert _render(templates) == "<b>สำนักงาน &lt;ทดสอบ&gt;</b>\n"


def test_a_damaged_cache_file_is_compiled_again(templates: Path, cache: Path) -> None:
    expected = _render(templates)
    for kept in cache.glob("*.cache"):
        kept.write_bytes(kept.read_bytes()[:20] + b"\x80 not code")
    assert _render(templates) == expected


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root may write anywhere")
def test_a_folder_that_cannot_be_written_only_means_compiling_every_time(templates: Path, cache: Path) -> None:
    cache.mkdir(mode=0o500, parents=True)
    try:
        assert _render(templates) == "<p>สำนักงาน &lt;ทดสอบ&gt;</p>\n"
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(0o700)
    cache.chmod(0o700)
    cache.rmdir()
    cache.parent.chmod(0o500)  # the templates folder cannot even be made
    try:
        assert _render(templates) == "<p>สำนักงาน &lt;ทดสอบ&gt;</p>\n"
        assert not cache.exists()
    finally:
        cache.parent.chmod(0o700)


def test_no_cache_where_it_is_turned_off_or_blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUPLAN_CACHE_DIR", "")
    assert cache_folder("templates") is None
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("EDUPLAN_CACHE_DIR", str(blocked))
    assert cache_folder("templates") is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions are POSIX's")
def test_a_folder_others_may_write_is_closed_or_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUPLAN_CACHE_DIR", str(tmp_path))
    mine = tmp_path / "templates"
    mine.mkdir(mode=0o777)
    mine.chmod(0o777)
    assert cache_folder("templates") == mine and stat.S_IMODE(mine.stat().st_mode) == 0o700  # ours: closed
    (tmp_path / "words").symlink_to(mine)
    assert cache_folder("words") is None  # a link could lead anywhere


def test_renders_at_the_same_time_give_the_same_document(tmp_path: Path) -> None:
    env = {**os.environ, "EDUPLAN_CACHE_DIR": str(tmp_path / "cache"), "EDUPLAN_LANG": "en"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "eduplan", "render", str(REAL_PLAN), "-o", str(tmp_path / f"plan{n}.html")],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for n in range(4)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    documents = {(tmp_path / f"plan{n}.html").read_bytes() for n in range(4)}
    assert len(documents) == 1
    again = tmp_path / "again.html"
    subprocess.run(
        [sys.executable, "-m", "eduplan", "render", str(REAL_PLAN), "-o", str(again)], env=env, cwd=REPO, check=True
    )
    assert again.read_bytes() in documents and not list((tmp_path / "cache").glob("*.tmp"))
