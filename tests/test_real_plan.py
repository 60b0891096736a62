"""The real plan: สพม.ลำปาง ลำพูน, basic-education development plan 2566-2570.

``plans/sesa-lampang-lamphun/2566-2570`` transcribes the office's web page (the seed text in
``../shared/seed``) as published, errors included: the checker must find the errors, so the
transcription must not fix them. See the plan's README.md for the conventions.

Two kinds of test prove the transcription:

* ``test_indicator_table`` and friends compare the YAML with a table typed in by hand from the
  published page (our own reading of it). They always run.
* ``test_seed_*`` parse the seed text itself with a small parser of their own and compare every
  statement and indicator cell with the YAML. They are skipped when ``../shared`` is absent.

Every test reads the plan through ``eduplan.loader.load_plan`` (the way the tool reads it);
``test_loader_and_direct_build_agree`` cross-checks it against yaml.safe_load +
``Plan.model_validate``, and ``test_export_holds_every_indicator`` reads what ``eduplan export``
prints.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from eduplan.load.loader import load_plan
from eduplan.model import Plan

REPO = Path(__file__).resolve().parents[1]
PLAN_DIR = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"
SEED = REPO.parent / "shared" / "seed" / "000_8c1bc81af2735ebe.txt"
YEARS = (2566, 2567, 2568, 2569, 2570)
DRIVING_MODEL_TITLE = "กระบวนการและแนวทางในการขับเคลื่อนแผนพัฒนาคุณภาพการศึกษาขั้นพื้นฐาน พ.ศ. 2566 – 2570"


# -- loading ----------------------------------------------------------------------------------


def build_plan_directly(plan_dir: Path = PLAN_DIR) -> Plan:
    """Build the Plan without the loader: plan.yaml + policies/N.yaml -> Plan.model_validate."""
    data = yaml.safe_load((plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    policy_files = sorted((plan_dir / "policies").glob("*.yaml"), key=lambda p: int(p.stem))
    data["policies"] = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in policy_files]
    return Plan.model_validate(data)


def read_plan() -> Plan:
    """The plan as the tool reads it; the tests require that it loads without errors."""
    result = load_plan(PLAN_DIR)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == [], "\n".join(str(f) for f in errors)
    assert result.plan is not None
    return result.plan


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan()


def raw_files() -> dict[str, Any]:
    """Every YAML file of the plan directory, as plain YAML data, by relative path."""
    return {
        str(p.relative_to(PLAN_DIR)): yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(PLAN_DIR.rglob("*.yaml"))
    }


# -- the published indicator tables, typed in by hand ----------------------------------------

# (policy, row, unit or None, targets 2566..2570 (None = empty cell), owner or None)
INDICATORS: list[tuple[int, int, str | None, tuple[Any, ...], str | None]] = [
    (1, 1, "ร้อยละ", (80, 85, 90, 95, 100), "สพฐ. 66- 70"),
    (1, 2, "ร้อยละ", (80, 85, 90, 95, 100), "สพฐ. 66- 70"),
    (1, 3, "ร้อยละ", (100, 100, 100, 100, 100), "ตามจุดเน้น สพฐ. ลดความเครียด"),
    (1, 4, "ร้อยละ", (50, 55, 60, 65, 70), "แผน ศธ.ลป"),
    (1, 5, "ร้อยละ", (75, 80, 85, 90, 95), "แผน ศธ.ลป"),
    (1, 6, "ร้อยละ", (80, 85, 90, 95, 100), "แผน ศธ.ลป"),
    (2, 1, "ร้อยละ", (80, 85, 90, 95, 100), "สพฐ. 66- 70"),
    (2, 2, "ร้อยละ", (90, 93, 95, 98, 100), "สพฐ. 66- 70"),
    (2, 3, "ร้อยละ", (100, 100, 100, 100, 100), "สพฐ. 66- 70"),
    (2, 4, "ร้อยละ", (100, 100, 100, 100, 100), "สพฐ. 66- 70"),
    (2, 5, "ร้อยละ", (70, 75, 80, 80, 80), "สพฐ. 66- 70"),
    (2, 6, "ร้อยละ", (70, 75, 80, 85, 90), "Quick Policy สพฐ."),
    (2, 7, "ร้อยละ", (100, 100, 100, 100, 100), "สพฐ. 66"),
    (3, 1, "ร้อยละ", (80, 80, 80, 80, 80), "สพฐ. 66- 70"),
    (3, 2, "ร้อยละ", (30, 35, 40, 50, 60), "สพฐ. 66- 70"),
    (3, 3, "ร้อยละ", (80, 85, 90, 95, 100), "สพฐ. 66- 70"),
    (3, 4, "ร้อยละ", (90, 93, 95, 98, 100), "สพฐ. 66"),
    (3, 5, "ร้อยละ", (75, 80, 85, 90, 95), "สพฐ. 66"),
    (3, 6, "ร้อยละ", (70, 75, 80, 85, 90), "สพฐ. 66"),
    (3, 7, "ร้อยละ", (100, 100, 100, 100, 100), "แผนภาค 15"),
    (3, 8, "ร้อยละ", (70, 75, 80, 85, 90), "แผน ศธ.ลป"),
    (3, 9, "ร้อยละ", (70, 73, 76, 79, 85), "QW และ จุดเน้น สพฐ."),
    (3, 10, "ร้อยละ", (80, 82, 84, 86, 88), "แผน ศธ.ลพ"),
    (3, 11, "ร้อยละ", (70, 75, 80, 85, 90), "นโยบาย ศธ"),
    (3, 12, "ร้อยละ", (3, 3, 3, 3, 3), "แผน สพฐ. 66"),
    (3, 13, "ร้อยละ", (70, 75, 80, 85, 90), "แผน สพฐ. 66"),
    (3, 14, "ร้อยละ", (70, 75, 80, 85, 90), "นโยบาย ศธ"),
    (3, 15, "ร้อยละ", (80, 85, 90, 90, 100), "สพฐ. 66- 70"),
    (3, 16, "ร้อยละ", (100, 100, 100, 100, 100), "แผนภาค 15"),
    (3, 17, "หลักสูตร", (5, 5, 5, 8, 10), "แผน ศธ.ลพ"),
    (3, 18, "ร้อยละ", (85, 85, 85, 85, 85), "แผน สพฐ. 66"),
    (3, 19, "ร้อยละ", (85, 84, 86, 88, 90), "แผน ศธ.ลพ"),  # published backwards: 85 then 84
    (3, 20, "ร้อยละ", (80, 85, 90, 95, 100), "จุดเน้น สพฐ."),
    (4, 1, "ร้อยละ", (100, 100, 100, 100, 100), "สพฐ. 66- 70"),
    (4, 2, None, (100, 100, 100, 100, 100), "แผน ศธ.ลป"),  # units 4.2-4.6 are empty cells
    (4, 3, None, (100, 100, 100, 100, 100), "แผน ศธ.ลป"),
    (4, 4, None, (80, 85, 90, 95, 100), "แผนภาค 15"),
    (4, 5, None, (100, 100, 100, 100, 100), "นโยบาย รมว."),
    (4, 6, None, (100, 100, 100, 100, 100), "แผนภาค 15"),
    (5, 1, "หน่วยงาน", (10, 12, 14, 16, 18), "สพฐ. 66- 70"),
    (5, 2, "ร้อยละ", (80, 85, 90, 95, 100), "แผน ศธ.ลป"),
    (5, 3, "ร้อยละ", (100, 100, 100, 100, 100), "แผน ศธ.ลพ"),
    (5, 4, "ร้อยละ", (65, 67, 69, 71, 73), "สพฐ. 66- 70"),
    (5, 5, "ระดับ", ("ดีมาก", "ดีมาก", "ดีมาก", "ดีมาก", "ดีมาก"), None),  # owner cell empty
    (5, 6, "คะแนน", (80, 80, 80, 80, 80), "สพฐ. 66"),
    (5, 7, "โรงเรียน", (2, 2, 2, 2, 2), "สพฐ. 66-70"),  # "ร้อยละของ..." counted in schools
]

# Every indicator is a percentage except these (our annotation, not published).
NOT_PERCENT = {(3, 17): "count", (5, 1): "count", (5, 5): "level", (5, 6): "score", (5, 7): "count"}

# Names that are easy to "fix" by accident; they must stay exactly as published.
TRICKY_NAMES = {
    # typo เพิ่มขั้น (for เพิ่มขึ้น), and the space before it
    (1, 5): "ร้อยละของสถานศึกษาที่พัฒนาหลักสูตร พัฒนาสื่อการเรียนรู้ พัฒนาแหล่งเรียนรู้ ที่เป็นมิตรกับสิ่งแวดล้อม เพิ่มขั้น",
    # two spaces (a space and a no-break space on the page) after ประเมินผล; "For" capitalised
    (3, 3): "ร้อยละของสถานศึกษาที่มีการจัดการเรียนรู้เชิงรุก (Active Learning) และมีการวัดและประเมินผล  "
    "เพื่อพัฒนาการเรียนรู้ของผู้เรียน (Assessment For Learning) ด้วยวิธีการที่หลากหลาย "
    "เพื่อส่งเสริมการเรียนรู้เป็นรายบุคคล (Personalized Learning)",
    # no space before "(O-Net)"; targets of 3 for a percentage
    (3, 12): "ร้อยละของนักเรียนที่มีคะแนนผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน(O-Net) แต่ละวิชาผ่านเกณฑ์คะแนนร้อยละ 50 ขึ้นไป",
    # the closing parenthesis of "PISA)" has no opening one
    (3, 13): "ร้อยละของสถานศึกษาที่สอนในระดับมัธยมศึกษาตอนต้น ได้รับการเตรียมความพร้อม "
    "(ด้านการอ่าน คณิตศาสตร์และวิทยาศาสตร์) ในการประเมินระดับนานาชาติตามโครงการ PISA)",
    # not a percentage, although most names are
    (3, 17): "หลักสูตรฝึกอบรมวิชาชีพระยะสั้นที่ตอบสนองต่อการพัฒนากำลังคน",
    # "ร้อยละครู" without ของ; two spaces after การวางแผน
    (3, 20): "ร้อยละครูที่เข้ารับการอบรมและผ่านเกณฑ์การประเมินความรู้ด้านการวางแผน  "
    "และการสร้างวินัยด้านการเงินและการออม เพื่อแก้ไขปัญหาหนี้สินครู",
    # no space before "(ภาคีเครือข่าย" nor in "สถานประกอบการองค์กร"
    (5, 1): "จำนวนภาคีเครือข่ายที่เข้ามามีส่วนร่วมในการจัด/พัฒนา/ส่งเสริมการศึกษา(ภาคีเครือข่าย ได้แก่ "
    "ภาคประชาสังคม สถานประกอบการองค์กร หน่วยงานทั้งภาครัฐและเอกชน)",
    # a percentage by its name, counted in schools by its unit and targets
    (5, 7): "ร้อยละของโรงเรียนคุณภาพที่มีการบริหารจัดการและการใช้ทรัพยากรร่วมกันได้สำเร็จตามเป้าหมาย",
}

# Published mistakes in the prose that must survive the transcription: (where, text it contains).
KEPT_MISTAKES = [
    ("p1.title", "ความมั่งคง"),
    ("p1.title", "สภาพแวดล้อมที่ น่าอยู่"),
    ("g10", "ธรรมมาภิบาล"),
    ("p1-a2", "รูปแบบต่าง ๆ ที่นักเรียน"),  # sentence cut off; its end landed in 1.2.3
    ("p1-a3", "พื้นที่ปลอดภัยอาจต้องเผชิญ"),
    ("p4-a4", "เข็มแข็ง"),
    ("A1", "ดำเนินการการโครงการ"),
    ("A2", "เกี่ยวของ"),
    ("A3", "มุงผลสำเร็จ"),
    ("P", "ตั้งไว้มายถึง"),
]


def indicators(plan: Plan) -> dict[tuple[int, int], Any]:
    return {(int(p.number), int(i.number)): i for p in plan.policies for i in p.indicators}


def statements(plan: Plan) -> dict[str, Any]:
    """Every text of the plan that KEPT_MISTAKES can point at, by id (or component code)."""
    found: dict[str, Any] = {s.id: s.text for s in [*plan.missions, *plan.goals]}
    for p in plan.policies:
        found[f"{p.id}.title"] = p.title
        found.update({s.id: s.text for s in [*p.targets, *p.approaches]})
    assert plan.driving_model is not None
    for group in plan.driving_model.groups:
        found.update({c.code: c.text for c in group.components})
    return found


def test_export_holds_every_indicator() -> None:
    """``eduplan export --format json`` holds all 46 indicators with names, units, targets and owners."""
    run = subprocess.run(
        [sys.executable, "-m", "eduplan", "export", str(PLAN_DIR), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    exported = {
        (int(p["number"]), int(i["number"])): i for p in json.loads(run.stdout)["policies"] for i in p["indicators"]
    }
    assert len(exported) == len(INDICATORS) == 46
    for policy, row, unit, targets, owner in INDICATORS:
        indicator = exported[policy, row]
        assert indicator.get("unit") == unit
        assert indicator.get("owner") == owner
        assert indicator["targets"] == {str(y): v for y, v in zip(YEARS, targets, strict=True) if v is not None}
        # numbers keep how they were written: 80 stays 80, never 80.0 (80 == 80.0 would hide it)
        assert [type(v) for v in indicator["targets"].values()] == [type(v) for v in targets if v is not None]
    for (policy, row), name in TRICKY_NAMES.items():
        assert exported[policy, row]["name"] == name


def test_counts(plan: Plan) -> None:
    assert len(plan.missions) == 6
    assert len(plan.goals) == 10
    assert [len(p.indicators) for p in plan.policies] == [6, 7, 20, 6, 7]
    assert [len(p.targets) for p in plan.policies] == [5, 5, 5, 2, 5]
    assert [len(p.approaches) for p in plan.policies] == [4, 7, 11, 5, 8]
    assert sum(len(p.indicators) for p in plan.policies) == len(INDICATORS) == 46


def test_indicator_table(plan: Plan) -> None:
    loaded = indicators(plan)
    assert sorted(loaded) == sorted((policy, row) for policy, row, *_ in INDICATORS)
    for policy, row, unit, targets, owner in INDICATORS:
        indicator = loaded[policy, row]
        where = f"policy {policy}, row {row}"
        assert indicator.id == f"p{policy}-i{row}", where
        assert indicator.unit == unit, where
        expected = {year: value for year, value in zip(YEARS, targets, strict=True) if value is not None}
        assert indicator.targets == expected, where
        assert list(indicator.targets) == sorted(indicator.targets), where
        assert indicator.owner == owner, where
        assert indicator.kind == NOT_PERCENT.get((policy, row), "percent"), where
        # nothing the page does not publish
        assert indicator.direction == "higher-is-better", where
        assert indicator.levels is None and indicator.baseline is None, where
        assert indicator.goals == [] and indicator.missions == [], where


def test_tricky_names(plan: Plan) -> None:
    loaded = indicators(plan)
    for key, name in TRICKY_NAMES.items():
        assert loaded[key].name == name, key


def test_published_mistakes_are_kept(plan: Plan) -> None:
    texts = statements(plan)
    for where, fragment in KEPT_MISTAKES:
        assert fragment in texts[where], where
    assert plan.values == ["LP ONE TEAM ลำปาง ลำพูน เป็นหนึ่งเดียว”"]  # closing quote only
    approach = plan.policies[2].approaches[10]
    assert (approach.id, approach.number) == ("p3-a11", "3.2.1 1")  # published for 3.2.11


def test_ids_and_numbers(plan: Plan) -> None:
    assert plan.id == "sesa-lampang-lamphun-2566-2570"
    assert [m.id for m in plan.missions] == [f"m{n}" for n in range(1, 7)]
    assert [m.number for m in plan.missions] == [str(n) for n in range(1, 7)]
    assert [g.id for g in plan.goals] == [f"g{n}" for n in range(1, 11)]
    assert [g.number for g in plan.goals] == [str(n) for n in range(1, 11)]
    for k, policy in enumerate(plan.policies, 1):
        assert (policy.id, policy.number) == (f"p{k}", str(k))
        assert [t.id for t in policy.targets] == [f"p{k}-t{n}" for n in range(1, len(policy.targets) + 1)]
        assert [a.id for a in policy.approaches] == [f"p{k}-a{n}" for n in range(1, len(policy.approaches) + 1)]
        assert [t.number for t in policy.targets] == [f"{k}.1.{n}" for n in range(1, len(policy.targets) + 1)]
        numbers = [f"{k}.2.{n}" for n in range(1, len(policy.approaches) + 1)]
        if k == 3:
            numbers[10] = "3.2.1 1"
        assert [a.number for a in policy.approaches] == numbers


def test_plan_metadata(plan: Plan) -> None:
    assert plan.title == "แผนพัฒนาการศึกษาขั้นพื้นฐานของ สพม.ลำปาง ลำพูน (พ.ศ.2566-2570)"
    assert plan.office.name == "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน"
    assert plan.office.short_name == "สพม.ลำปาง ลำพูน"
    assert plan.office.former_names == ["สพม.35"]
    assert plan.period.years == list(YEARS)
    assert plan.vision == "“องค์กรแห่งการเรียนรู้อย่างมีคุณภาพ พัฒนาการศึกษาโดยอาศัยภาคีเครือข่าย สู่เป้าหมายการศึกษาที่ยั่งยืน”"
    assert plan.driving_model is not None and plan.qualities is not None
    assert plan.driving_model.name == "4A PLUS"
    assert [g.name for g in plan.driving_model.groups] == ["4A", "PLUS"]
    codes = [[c.code for c in g.components] for g in plan.driving_model.groups]
    assert codes == [["A1", "A2", "A3", "A4"], ["P", "L", "U", "S"]]
    names = [[c.name for c in g.components] for g in plan.driving_model.groups]
    assert names == [
        ["Awareness", "Attempt", "Achievement", "Accredited system"],
        ["Participation", "Leadership", "Unity", "System"],
    ]
    assert [q.code for q in plan.qualities.items] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert [len(q.measures) for q in plan.qualities.items] == [6, 5, 3, 5, 2]
    assert all(q.definition.startswith("หมายถึง ") for q in plan.qualities.items)


def test_files_are_written_the_agreed_way() -> None:
    """Modeline on line 1; numbers quoted; no no-break space and no stray whitespace anywhere."""
    assert (PLAN_DIR / "plan.yaml").read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../../schema/plan.schema.json"
    )
    policy_files = sorted((PLAN_DIR / "policies").glob("*.yaml"))
    assert [p.name for p in policy_files] == [f"{n}.yaml" for n in range(1, 6)]
    for path in policy_files:
        assert path.read_text(encoding="utf-8").splitlines()[0] == (
            "# yaml-language-server: $schema=../../../../schema/policy.schema.json"
        )

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "number":
                    assert isinstance(item, str), f"{where}.number is not a quoted string"
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, f"{where}[{n}]")
        elif isinstance(value, str):
            assert "\u00a0" not in value, where
            assert value == value.strip() and "\n" not in value, where

    files = raw_files()
    assert "policies" not in files["plan.yaml"]  # each policy has its own file
    for name, data in files.items():
        walk(data, name)


@pytest.mark.skipif(load_plan is None, reason="eduplan.load.loader is not written yet")
def test_loader_and_direct_build_agree() -> None:
    assert read_plan() == build_plan_directly()


# -- the seed text, parsed independently -----------------------------------------------------


def seed_blocks(text: str) -> list[str]:
    """The page as blocks: the seed separates paragraphs and table cells with a blank line.

    A block that runs over two lines is one paragraph (lines joined with a space). No-break
    spaces become spaces and every line is stripped, so an empty table cell is "".
    """
    blocks = []
    for block in text.split("\n\n"):
        lines = [line.replace("\u00a0", " ").strip() for line in block.split("\n")]
        blocks.append(" ".join(line for line in lines if line))
    return blocks


def split_number(text: str) -> tuple[str, str]:
    """Split off the leading number: "(1) a" -> ("1", "a"), "1.2.3 a" -> ("1.2.3", "a"), "3.2.1 1 a" too."""
    match = re.fullmatch(r"\((\d+)\) (.+)", text) or re.fullmatch(r"(\d+\.\d+\.\d+(?: \d)?) (.+)", text)
    assert match, text
    return match.group(1), match.group(2)


def seed_plan(text: str) -> dict[str, Any]:
    """What the page publishes, in the shape of the YAML (only the parts the tests compare)."""
    blocks = seed_blocks(text)

    def between(start: str, end: str) -> list[str]:
        return [b for b in blocks[blocks.index(start) + 1 : blocks.index(end)] if b]

    page: dict[str, Any] = {
        "title": blocks[1].split(" ", 1)[1],  # the first entry of the list of documents, after its emoji
        "vision": between("วิสัยทัศน์", "พันธกิจ"),
        "missions": [split_number(b) for b in between("พันธกิจ", "เป้าประสงค์")],
        "goals": [split_number(b) for b in between("เป้าประสงค์", "กลยุทธ์/นโยบาย")],
        "values": between("ค่านิยม", DRIVING_MODEL_TITLE),
        # 4A PLUS and 5Q: every paragraph from the section title to the end of the page
        "driving_model": [DRIVING_MODEL_TITLE, *blocks[blocks.index(DRIVING_MODEL_TITLE) + 1 :]],
        "policies": [],
    }
    # the page lists the five policies, then gives each a section: heading, k.1 targets,
    # k.2 approaches, k.3 indicator table
    headings = [n for n, b in enumerate(blocks) if b.startswith("นโยบายที่ ")]
    assert len(headings) == 10
    listed, starts = headings[:5], [*headings[5:], blocks.index("ค่านิยม")]
    for k in range(1, 6):
        section = blocks[starts[k - 1] : starts[k]]
        targets_at = section.index(f"{k}.1 เป้าหมาย")
        approaches_at = section.index(f"{k}.2 แนวทางการพัฒนา")
        table_at = section.index(f"{k}.3 ตัวชี้วัด")
        table = section[table_at + 1 :]
        assert table[:10] == ["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย (ปี)", "ผู้รับผิดชอบ", *map(str, YEARS)]
        cells = table[10:]
        while cells and not cells[-1]:  # the page's trailing empty paragraph
            cells.pop()
        assert len(cells) % 9 == 0, f"policy {k}: the table is not made of 9-cell rows"
        page["policies"].append(
            {
                "heading": section[0],
                "listed": blocks[listed[k - 1]],
                "targets": [split_number(b) for b in section[targets_at + 1 : approaches_at]],
                "approaches": [split_number(b) for b in section[approaches_at + 1 : table_at]],
                "rows": [cells[n : n + 9] for n in range(0, len(cells), 9)],
            }
        )
    return page


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    if not SEED.exists():
        pytest.skip(f"../shared is absent: the seed text {SEED} is not there")
    return seed_plan(SEED.read_text(encoding="utf-8"))


def test_seed_missions_and_goals(plan: Plan, seed: dict[str, Any]) -> None:
    assert seed["title"] == plan.title
    assert seed["vision"] == [plan.vision]
    assert seed["values"] == plan.values
    assert seed["missions"] == [(m.number, m.text) for m in plan.missions]
    assert seed["goals"] == [(g.number, g.text) for g in plan.goals]


def test_seed_policy_titles_targets_and_approaches(plan: Plan, seed: dict[str, Any]) -> None:
    for k, (policy, page) in enumerate(zip(plan.policies, seed["policies"], strict=True), 1):
        assert page["heading"] == f"นโยบายที่ {k} {policy.title}"
        assert page["listed"] == f"นโยบายที่ {k} {policy.title}"  # the list before the sections agrees
        assert page["targets"] == [(t.number, t.text) for t in policy.targets], f"policy {k}"
        assert page["approaches"] == [(a.number, a.text) for a in policy.approaches], f"policy {k}"


def test_seed_indicator_tables(plan: Plan, seed: dict[str, Any]) -> None:
    for k, (policy, page) in enumerate(zip(plan.policies, seed["policies"], strict=True), 1):
        assert len(page["rows"]) == len(policy.indicators), f"policy {k}"
        for indicator, row in zip(policy.indicators, page["rows"], strict=True):
            number, name, unit, *targets, owner = row
            where = f"policy {k}, row {number}"
            assert indicator.number == number, where
            assert indicator.name == name, where
            assert indicator.unit == (unit or None), where
            assert indicator.owner == (owner or None), where
            published = {
                year: int(cell) if cell.isdigit() else cell for year, cell in zip(YEARS, targets, strict=True) if cell
            }
            assert indicator.targets == published, where


def test_seed_4a_plus_and_5q(plan: Plan, seed: dict[str, Any]) -> None:
    """Rebuild the page's paragraphs from the YAML, in order, and compare them with the seed.

    A component is published as "A1 : Awareness text" (the spacing around ':' varies: "P  :",
    "L :  "), a quality as "Q1 : name (English name) definition", a measure as "1) text".
    """
    model, qualities = plan.driving_model, plan.qualities
    assert model is not None and qualities is not None
    rebuilt = [model.title, *model.description]
    for group in model.groups:
        if group.description:
            rebuilt.append(group.description)
        rebuilt += [f"{c.code} : {c.name} {c.text}" for c in group.components]
    rebuilt.append(model.closing)
    for quality in qualities.items:
        rebuilt.append(f"{quality.code} : {quality.name} ({quality.name_en}) {quality.definition}")
        rebuilt += [f"{n}) {measure}" for n, measure in enumerate(quality.measures, 1)]
    published = [re.sub(r"^(\w+)\s*:\s*", r"\1 : ", b) for b in seed["driving_model"] if b]
    # the page breaks one paragraph of the description over two lines; seed_blocks joins them
    assert published == rebuilt
