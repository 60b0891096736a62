"""The human format's code frames: plain text that is, byte for byte, what Rich drew, and drawn by the workers.

The goldens are the shipped plan's 20 accepted findings with their frames (``--show-accepted``),
in English, in Thai and coloured, as eduplan's Rich-drawn human format wrote them before it drew
them itself (``EDUPLAN_UPDATE_GOLDENS=1`` rewrites them: review the diff). The summary line is
left out: it counts the rules, which grow.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from eduplan.reporters import ReportOptions
from eduplan.reporters.framed import Painter, cells, frame_width
from tests.conftest import REAL_PLAN
from tests.validate.helpers import REPO, cli

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("EDUPLAN_UPDATE_GOLDENS") == "1"


@pytest.mark.parametrize(
    ("name", "args", "env"),
    [
        ("real-plan.human.en.txt", ["--lang", "en"], {}),
        ("real-plan.human.th.txt", ["--lang", "th"], {}),
        ("real-plan.human.color.txt", ["--lang", "en", "--color"], {"COLUMNS": "100"}),
    ],
)
def test_the_shipped_plans_frames_are_what_rich_drew(name: str, args: list[str], env: dict[str, str]) -> None:
    run = cli("validate", str(REAL_PLAN.relative_to(REPO)), "--show-accepted", *args, env=env)
    frames = run.out[: run.out.rstrip("\n").rfind("\n") + 1]  # all but the summary line
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(frames, encoding="utf-8")
    assert frames == golden.read_text(encoding="utf-8")
    assert frames.count("    > ") == 20  # the 20 accepted findings, each at its line


thai_and_more = st.text(
    alphabet=st.sampled_from(
        "กขคงจฉชซญฎฐณดตถทนบปผพฟภมยรลวศษสหฬอฮะัาำิีึืุู็่้๊๋์ํเแโใไๆฯ๐๑๒ abcXYZ019.,:-()[]“”\u00a0\u200b\u00ad漢字カ한😀"
    ),
    max_size=40,
)


@given(thai_and_more)
def test_cells_are_counted_as_rich_counts_them(text: str) -> None:
    """Thai vowels and tone marks above and below take no cell, wide characters two: the caret stays under the text."""
    assert cells(text) == cell_len(text)


def test_a_coloured_line_opens_and_closes_each_piece_and_drops_what_a_terminal_would_act_on() -> None:
    paint = Painter(color=True)
    assert paint.line(("  ", None), ("3:5", "bold"), ("a\rb\x07", None)) == "  \x1b[1m3:5\x1b[0mab\n"
    assert paint.line(("one\ntwo", "dim")) == "\x1b[2mone\x1b[0m\n\x1b[2mtwo\x1b[0m\n"
    assert paint.line(("a\tb", "dim")) == "\x1b[2ma       \x1b[0m\x1b[2mb\x1b[0m\n"  # a tab ends a piece, as in Rich
    assert Painter(color=False).line(("ก\tx", "dim")) == "ก       x\n"  # ก is one cell: 7 spaces to column 8


def test_the_width_is_fixed_without_colour_and_the_terminals_with_it() -> None:
    assert frame_width(ReportOptions(), {"COLUMNS": "30"}) == 120
    assert frame_width(ReportOptions(color=True), {"COLUMNS": "90"}) == 90
    assert frame_width(ReportOptions(color=True, width=70), {}) == 70
    assert frame_width(ReportOptions(color=True), {"COLUMNS": "90", "TERM": "dumb"}) == 80


def test_frames_drawn_by_the_workers_are_the_frames_drawn_in_process(tmp_path: Path) -> None:
    for n in range(8):  # enough plans for workers (MIN_PARALLEL)
        shutil.copytree(REAL_PLAN, tmp_path / f"p{n}")
    serial = cli("validate", str(tmp_path), "--show-accepted", "-j", "1")
    parallel = cli("validate", str(tmp_path), "--show-accepted", "-j", "2")
    assert parallel.out == serial.out and serial.out.count(" | ") > 8 * 20 * 2
