"""The Thai-aware word diff: clusters never split a consonant from its marks; diffs rebuild both texts."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from eduplan.diff.words import clusters, compact, word_diff

THAI = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B) | st.sampled_from(" ()-.0123AZaz"))
MARKS = {"\u0e31", *map(chr, range(0x0E34, 0x0E3B)), *map(chr, range(0x0E47, 0x0E4F))}
FOLLOWING = {"\u0e30", "\u0e32", "\u0e33", "\u0e45"}


def test_examples_of_clusters():
    assert clusters("เพิ่มขั้น") == ["เพิ่", "ม", "ขั้", "น"]
    assert clusters("เกี่ยวข้อง") == ["เกี่ย", "ว", "ข้", "อ", "ง"]
    assert clusters("ไม้ ทำ กำลัง") == ["ไม้", " ", "ทำ", " ", "กำ", "ลั", "ง"]
    assert clusters("(O-Net) 3.2.11 1,250,000") == ["(", "O", "-", "Net", ")", " ", "3.2.11", " ", "1,250,000"]


@given(THAI)
def test_clusters_rebuild_the_text(text):
    assert "".join(clusters(text)) == text


@given(THAI)
def test_a_mark_never_starts_a_cluster_after_a_thai_letter(text):
    tokens = clusters(text)
    for before, token in zip(tokens, tokens[1:], strict=False):
        if before and "\u0e01" <= before[-1] <= "\u0e2e":
            assert token[0] not in MARKS | FOLLOWING, (before, token)


@given(THAI, THAI)
def test_a_word_diff_rebuilds_both_texts(old, new):
    ops = word_diff(old, new)
    assert "".join(t for op, t in ops if op != "+") == old
    assert "".join(t for op, t in ops if op != "-") == new
    assert all(op in "=-+" and t for op, t in ops)


def test_a_typo_fix_is_one_cluster():
    assert word_diff("เพิ่มขั้น", "เพิ่มขึ้น") == [("=", "เพิ่ม"), ("-", "ขั้"), ("+", "ขึ้"), ("=", "น")]


def test_a_rewording_reads_as_one_replacement_not_scattered_letters():
    ops = word_diff("นักเรียนมีสมรรถนะที่จำเป็น", "ครูมีความรู้ด้านการสอนภาษาอังกฤษ")
    assert ops == [("-", "นักเรียนมีสมรรถนะที่จำเป็น"), ("+", "ครูมีความรู้ด้านการสอนภาษาอังกฤษ")]


def test_compact_cuts_long_context_between_clusters():
    old = "ก" * 10 + "ส่งเสริมการเรียนรู้" * 5 + " เดิม " + "พัฒนาคุณภาพการศึกษา" * 5
    new = old.replace(" เดิม ", " ใหม่ ")
    ops = compact(word_diff(old, new), context=12)
    assert ops[0][1].startswith("… ") and ops[-1][1].endswith(" …")
    for _, text in ops:
        assert not unicodedata.category(text.lstrip("… ")[:1] or "a").startswith("M")
    assert [(op, t) for op, t in ops if op != "="] == [("-", "เดิม"), ("+", "ใหม่")]
