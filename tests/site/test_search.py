"""Search in Thai: why the index is made from a copy of the pages with their Thai split, and how it is split.

Pagefind finds words between spaces. The first test shows what it does with Thai alone (one word per run,
so no word inside a run can be found); the browser test ``test_a_thai_query_finds_the_indicator_page``
shows the split index finding one.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.site.search import MARK, SEPARATOR, available, parts, split_thai

PAGE = (
    '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ทดสอบ</title>'
    "<style>p > b { color: red }</style></head><body>"
    "<p>จำนวนสถานศึกษาที่ผ่านการประเมินสถานศึกษาปลอดบุหรี่ ยาเสพติด และอบายมุข</p>"
    "<script>var x = 'ภาษาไทยในสคริปต์';</script></body></html>"
)


@pytest.mark.skipif(not available(), reason="Pagefind is not installed (pip install 'eduplan[site]')")
def test_pagefind_alone_keeps_thai_runs_whole(tmp_path: Path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(tmp_path)], capture_output=True, text=True, check=True
    )
    words = int(re.search(r"Indexed (\d+) words?", done.stdout).group(1))  # type: ignore[union-attr]
    assert words <= 5  # three runs of Thai and the title: not one word of them is found inside a run
    (tmp_path / "index.html").write_text(split_thai(PAGE), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert int(re.search(r"Indexed (\d+) words?", done.stdout).group(1)) > 12  # type: ignore[union-attr]


def test_thai_text_is_split_into_words_and_tags_scripts_and_styles_are_kept():
    split = split_thai(PAGE)
    assert "<style>p > b { color: red }</style>" in split
    assert "var x = 'ภาษาไทยในสคริปต์';" in split
    text = re.search(r"<p>(.*)</p>", split).group(1)  # type: ignore[union-attr]
    shown = re.sub(f"{SEPARATOR}?{MARK}[^{MARK}]*{MARK}", "", text).replace(SEPARATOR, "")
    assert shown == "จำนวนสถานศึกษาที่ผ่านการประเมินสถานศึกษาปลอดบุหรี่ ยาเสพติด และอบายมุข"  # what is shown: the text
    words = text.split(SEPARATOR)
    assert words[:3] == ["จำนวน", "สถานศึกษา", f"{MARK}ศึกษา{MARK}"]


@pytest.mark.parametrize(
    ("word", "made_of"),
    [
        ("สถานศึกษา", ("สถาน", "ศึกษา")),
        ("ยาเสพติด", ("ยา", "เสพ", "ติด")),
        ("ผู้เรียน", ("ผู้", "เรียน")),
        ("ตัว", ()),
    ],
)
def test_a_compound_word_is_indexed_with_the_parts_a_browser_cuts_it_into(word, made_of):
    # Chromium's Intl.Segmenter('th') cuts สถานศึกษา into สถาน|ศึกษา and ยาเสพติด into ยา|เสพ|ติด
    assert parts(word) == made_of
