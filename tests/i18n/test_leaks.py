"""The leak detector itself: what it lets through, and what it catches."""

from __future__ import annotations

import pytest

from tests.i18n.leaks import leaks


@pytest.mark.parametrize(
    "text",
    [
        "plan.yaml:12:5: ค่าเป้าหมายปี 2567 (84) ต่ำกว่าปี 2566 (85) [TG02 targets.against-direction]",
        "ตัวชี้วัดกำหนด `direction: higher-is-better` ไว้",
        'ใช้ "percent" หรือ "count"; ดู eduplan explain TG02 และ --lang en',
        "ไฟล์ policies/2.yaml อ่านเป็น UTF-8 ไม่ได้ (BOM); บันทึกจาก Word ใหม่",
        "results-2567!C5: วันที่ต้องเป็น พ.ศ.",
    ],
)
def test_thai_with_what_the_user_wrote_has_no_leak(text):
    assert leaks(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("target for 2567 is lower than for 2566", ["target", "for", "is", "lower", "than", "for"]),
        ("ค่าเป้าหมาย is lower", ["is", "lower"]),
        ("hint: ตรวจสอบตาราง", ["hint"]),
    ],
)
def test_english_words_outside_quotes_are_caught(text, found):
    assert leaks(text) == found
