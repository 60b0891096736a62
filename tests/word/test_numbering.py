"""Word's automatic numbering counted as Word shows it: levels restart under the level above, formats, starts."""

from __future__ import annotations

from pathlib import Path

from eduplan.word.numbering import Counter, Level
from tests.word.helpers import Doc


def test_levels_count_and_restart_as_word_shows_them() -> None:
    counter = Counter({"1": {0: Level("decimal", "%1."), 1: Level("decimal", "%1.%2"), 2: Level("decimal", "(%3)")}})
    shown = [counter.next("1", level)[0] for level in (0, 1, 1, 2, 2, 0, 1, 2)]
    assert shown == ["1.", "1.1", "1.2", "(1)", "(2)", "2.", "2.1", "(1)"]


def test_thai_digits_letters_roman_and_a_start_other_than_one() -> None:
    counter = Counter(
        {
            "th": {0: Level("thaiNumbers", "%1.")},
            "ko": {0: Level("thaiLetters", "%1)")},
            "ro": {0: Level("lowerRoman", "%1.", start=3)},
        }
    )
    assert [counter.next("th", 0)[0] for _ in range(11)][-2:] == ["๑๐.", "๑๑."]
    assert [counter.next("ko", 0)[0] for _ in range(3)] == ["ก)", "ข)", "ค)"]
    assert [counter.next("ro", 0)[0] for _ in range(2)] == ["iii.", "iv."]


def test_a_bullet_is_a_list_item_with_no_number_and_an_unknown_list_is_none() -> None:
    counter = Counter({"b": {0: Level("bullet", "•")}})
    number, level = counter.next("b", 0)
    assert number is None and level is not None
    assert counter.next("missing", 0) == (None, None)


def test_a_bulleted_list_of_goals_is_numbered_in_order_and_says_so() -> None:
    doc = Doc().front("แผนพัฒนาการศึกษา", "พ.ศ. 2566-2570", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")
    doc.heading("เป้าประสงค์").para("ผู้เรียนมีคุณภาพ", "List Bullet").para("ครูมีสมรรถนะ", "List Bullet")
    doc.heading("ประเด็นยุทธศาสตร์ที่ 1 คุณภาพ")
    result = doc.imported(Path("plans/b/2566-2570"))
    assert [f"{f.span}: {f.message}" for f in result.findings if f.code == "WD02"] == [
        "plan.docx: paragraph 5: an item with no number; numbered 1 in order",
        "plan.docx: paragraph 6: an item with no number; numbered 2 in order",
    ]
