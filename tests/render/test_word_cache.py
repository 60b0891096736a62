"""The Thai words of a render are kept for the next one, and the cache never changes where a line may break.

Each test gives the run its own cache folder (``EDUPLAN_CACHE_DIR``) and a fresh process state
(no runs cut yet): the second "process" reads the runs back instead of segmenting them; a
damaged or foreign file, another dictionary and no cache at all cut the same words.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.render import linebreak
from tests.conftest import REAL_PLAN
from tests.validate.helpers import REPO

HTML = "<p>ส่งเสริมอัตลักษณ์ท้องถิ่นของสถานศึกษา ร้อยละ 90</p><td>พัฒนาการศึกษาโดยอาศัยภาคีเครือข่าย</td>"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder of kept words, in the run's own cache folder."""
    monkeypatch.setenv("EDUPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "words"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forget the runs cut so far, as a new process would; the runs segmented from here on."""
    monkeypatch.setattr(linebreak, "_cutters", {})
    linebreak._marked.cache_clear()
    segmented: list[str] = []
    original = linebreak._segment

    def segment(run: str, extra: tuple[str, ...]) -> tuple[str, ...]:
        segmented.append(run)
        return original(run, extra)

    monkeypatch.setattr(linebreak, "_segment", segment)
    return segmented


def _render(words: tuple[str, ...] = ()) -> str:
    marked = linebreak.mark_breaks(HTML, words)
    linebreak.keep_words()
    return marked


def test_the_next_run_reads_the_words_back(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first_run = _new_process(monkeypatch)
    first = _render()
    assert first_run and len(list(cache.glob("words-*.marshal"))) == 1
    second_run = _new_process(monkeypatch)
    assert _render() == first and '<span class="w">อัตลักษณ์</span>' in first
    assert second_run == []  # nothing segmented again


def test_a_new_run_of_text_is_cut_and_added(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _new_process(monkeypatch)
    _render()
    later = _new_process(monkeypatch)
    assert linebreak.words_of("การศึกษาขั้นพื้นฐาน") == ("การศึกษา", "ขั้นพื้นฐาน")
    linebreak.keep_words()
    assert later == ["การศึกษาขั้นพื้นฐาน"]
    (kept,) = cache.glob("words-*.marshal")
    assert "การศึกษาขั้นพื้นฐาน" in marshal.loads(kept.read_bytes()) and "พัฒนาการศึกษาโดยอาศัยภาคีเครือข่าย" in (
        marshal.loads(kept.read_bytes())
    )


def test_another_dictionary_keeps_a_file_of_its_own(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _new_process(monkeypatch)
    _render()
    _render(("ท้องถิ่นของ",))
    assert len(list(cache.glob("words-*.marshal"))) == 2


@pytest.mark.parametrize("damage", [b"", b"\x00not marshal", marshal.dumps(["a list"]), marshal.dumps({"ส่ง": 1})])
def test_a_damaged_or_foreign_file_cuts_the_words_again(
    damage: bytes, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new_process(monkeypatch)
    expected = _render()
    for kept in cache.glob("words-*.marshal"):
        kept.write_bytes(damage)
    _new_process(monkeypatch)
    assert _render() == expected


def test_without_a_cache_the_words_are_the_same(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _new_process(monkeypatch)
    kept = _render()
    monkeypatch.setenv("EDUPLAN_CACHE_DIR", "")
    segmented = _new_process(monkeypatch)
    assert _render() == kept and segmented


def test_a_second_render_of_the_shipped_plan_does_not_import_pythainlp(tmp_path: Path) -> None:
    """What the cache is for: a render again (the author's edit, look, edit cycle) skips the segmenter's import."""
    script = (
        "import sys\n"
        "from eduplan.cli.app import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('pythainlp' in sys.modules)\n"
    )
    env = {"EDUPLAN_CACHE_DIR": str(tmp_path / "cache"), "EDUPLAN_LANG": "en", "PATH": "/usr/bin:/bin"}
    argv = [sys.executable, "-c", script, "render", str(REAL_PLAN), "-o", str(tmp_path / "plan.html")]
    imported = [
        subprocess.run(argv, env=env, cwd=REPO, capture_output=True, text=True, check=True).stdout.split()[-1]
        for _ in range(2)
    ]
    assert imported == ["True", "False"]


def test_a_home_folder_that_cannot_be_written_is_no_trouble(tmp_path: Path) -> None:
    """A service account's home (``/nonexistent``): PyThaiNLP is imported without making its data folder there."""
    home = tmp_path / "a-file"
    home.write_text("not a folder", encoding="utf-8")
    env = {"HOME": str(home), "EDUPLAN_CACHE_DIR": "", "EDUPLAN_LANG": "en", "PATH": "/usr/bin:/bin"}
    argv = [sys.executable, "-m", "eduplan", "render", str(REAL_PLAN), "-o", str(tmp_path / "plan.html")]
    done = subprocess.run(argv, env=env, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert (tmp_path / "plan.html").read_text(encoding="utf-8").count('<span class="w">') > 1000
