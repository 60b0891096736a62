"""Ids from Thai office names: stable, ASCII, made only from parts eduplan knows, else asked for."""

from __future__ import annotations

import pytest

from eduplan.errors import UsageError
from eduplan.scaffold.answers import resolve_id
from eduplan.scaffold.ids import PROVINCES, derive_id, is_valid_id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("สพป.เชียงใหม่ เขต 1", "pesa-chiang-mai-1"),
        ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1", "pesa-chiang-mai-1"),
        ("สพม.ลำปาง ลำพูน", "sesa-lampang-lamphun"),  # the shipped plan's office id
        ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน", "sesa-lampang-lamphun"),
        ("สพม. เขต 35", "sesa-35"),  # the same office's former name
        ("สพป.ฉะเชิงเทรา เขต ๒", "pesa-chachoengsao-2"),  # Thai digits
        ("สพป.นครศรีธรรมราชเขต3", "pesa-nakhon-si-thammarat-3"),  # no spaces
        ("สพม.กรุงเทพมหานคร เขต 1", "sesa-bangkok-1"),
        ("สพม.นครราชสีมา", "sesa-nakhon-ratchasima"),
        ("ศธจ.ลำปาง", "peo-lampang"),
        ("สำนักงานศึกษาธิการจังหวัดลำปาง", "peo-lampang"),
        ("สำนักงานศึกษาธิการภาค 1", "reo-1"),
        ("สพป.เชียงใหม่  เขต   1", "pesa-chiang-mai-1"),  # spacing does not change the id
        # nothing eduplan can read: asked for
        ("สพป.ตัวอย่าง เขต 1", None),
        ("สพป.", None),
        ("สำนักงานการศึกษาเอกชน", None),
        ("โรงเรียนบ้านหนองบัว", None),
        ("สพป.เชียงใหม่ เขต 1234", None),
    ],
)
def test_an_office_id_comes_from_the_parts_of_its_name(name: str, expected: str | None) -> None:
    assert derive_id(name) == expected


def test_the_short_name_is_tried_first_then_the_name_then_the_code() -> None:
    assert derive_id("สพป.เชียงใหม่ เขต 1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต 2") == "pesa-chiang-mai-1"
    assert derive_id("สพป.ชม.1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1") == "pesa-chiang-mai-1"
    assert derive_id(None, "สำนักงานการศึกษาเอกชน", code="๑๒๓๔") == "office-1234"


def test_a_school_id_comes_from_its_obec_code_only() -> None:
    assert derive_id("โรงเรียนบ้านหนองบัว", code="1050130001", school=True) == "school-1050130001"
    assert derive_id("สพป.เชียงใหม่ เขต 1", school=True) is None  # a school is never named like an office
    assert derive_id("โรงเรียนบ้านหนองบัว", code="10501-30001", school=True) is None


def test_every_province_gives_a_distinct_valid_id_word() -> None:
    words = {word for thai, word in PROVINCES.items() if thai != "กทม."}
    assert len(words) == 77
    assert all(is_valid_id(word) and "--" not in word for word in words)
    for thai, word in PROVINCES.items():
        assert derive_id(f"สพป.{thai} เขต 1") == f"pesa-{word}-1", thai


def test_resolve_id_says_how_it_chose() -> None:
    name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1"
    assert resolve_id(None, "office", name, "สพป.เชียงใหม่ เขต 1", None) == ("pesa-chiang-mai-1", "from the short name")
    assert resolve_id(None, "office", name, None, None) == ("pesa-chiang-mai-1", "from the name")
    assert resolve_id(None, "office", "สำนักงานการศึกษาเอกชน", None, "77") == ("office-77", "from the code")
    assert resolve_id(None, "school", "โรงเรียนบ้านหนองบัว", None, "1050130001") == (
        "school-1050130001",
        "from the OBEC code",
    )
    assert resolve_id(" cm1 ", "office", name, None, None) == ("cm1", "given with --id")


def test_an_id_too_long_for_the_plan_id_is_refused() -> None:
    # the plan id adds -START-END (10 characters) and may be 64 long
    assert resolve_id("a" * 54, "office", "x", None, None)[0] == "a" * 54
    with pytest.raises(UsageError, match="at most 54 characters"):
        resolve_id("a" * 55, "office", "x", None, None)
