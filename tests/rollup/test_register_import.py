"""``eduplan register import``: the school lists offices keep (CSV in UTF-8 or Windows Thai, XLSX) as a register."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml

from eduplan.load.loader import load_plan
from eduplan.rollup.schoollist import levels_of, read_csv
from tests.conftest import MINIMAL_PLAN, POLICY
from tests.rollup.helpers import check_golden, eduplan

Tree = Callable[[dict[str, str | bytes]], Path]

LIST = (
    "รายชื่อโรงเรียนในสังกัด สพม.ลำปาง ลำพูน\n"  # a title row above the header
    "ลำดับ,รหัสโรงเรียน,ชื่อโรงเรียน,ตำบล,อำเภอ,จังหวัด,ขนาด,จำนวนนักเรียน,ระดับที่เปิดสอน\n"
    '1,1052140123,โรงเรียนบุญวาทย์วิทยาลัย,หัวเวียง,อ.เมืองลำปาง,ลำปาง,ใหญ่พิเศษ,"2,310",ม.1-ม.6\n'
    "2,๑๐๕๒๑๔๐๑๒๔,โรงเรียนบ้านนา,นา,อำเภอเกาะคา,จ.ลำปาง,ขนาดเล็ก,0,อ.1-ป.6\n"
    ",,,,,,,,\n"  # an empty row is skipped
)


def test_a_cp874_list_becomes_a_register(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_bytes(LIST.encode("cp874"))
    run = eduplan(
        "register",
        "import",
        str(source),
        "-o",
        str(tmp_path / "register.yaml"),
        "--parent",
        "52010000",
        "--as-of",
        "2567-06-10",
    )
    assert run.returncode == 0, run.stderr
    assert "RG24" in run.stderr  # read as Windows Thai, said so
    text = (tmp_path / "register.yaml").read_text(encoding="utf-8")
    check_golden("register-import.yaml", text)
    units = yaml.safe_load(text)["units"]
    assert [(u["code"], u["district"], u["province"], u["size"], u["students"]) for u in units] == [
        ("1052140123", "เมืองลำปาง", "ลำปาง", "extra-large", 2310),
        ("1052140124", "เกาะคา", "ลำปาง", "small", 0),  # 0 students stays 0
    ]


def test_the_register_written_loads_with_the_plan(tmp_path: Path, tree: Tree) -> None:
    root = tree(
        {
            "plan.yaml": MINIMAL_PLAN.replace("สำนักงานทดสอบ}", 'สำนักงานทดสอบ, code: "52010000"}'),
            "policies/1.yaml": POLICY,
        }
    )
    source = tmp_path / "list.csv"
    source.write_text("\ufeff" + LIST, encoding="utf-8")  # UTF-8 with a byte-order mark, as Excel saves it
    run = eduplan("register", "import", str(source), "-o", str(root / "register.yaml"), "--parent", "52010000")
    assert run.returncode == 0, run.stderr
    result = load_plan(root)
    assert [f.code for f in result.findings] == []
    assert result.plan is not None and result.plan.unit_register is not None
    assert [u.levels for u in result.plan.unit_register.units] == [
        ["lower-secondary", "upper-secondary"],
        ["pre-primary", "primary"],
    ]


def test_every_bad_cell_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text(
        "รหัสโรงเรียน;ชื่อโรงเรียน;ขนาด;จำนวนนักเรียน;เบอร์โทร\n"
        "10521401X3;โรงเรียนก;เล็ก;12\n"
        "1052140124;โรงเรียนข;จิ๋ว;-3\n"
        "1052140125;;กลาง;1.5\n"
        "1052140126;โรงเรียนง;กลาง;200\n"
        "1052140126;โรงเรียนจ;กลาง;201\n",
        encoding="utf-8",
    )
    out = tmp_path / "register.yaml"
    run = eduplan("register", "import", str(source), "-o", str(out))
    assert run.returncode == 1
    assert not out.exists()
    located = [
        line.split(" ")[0] + " " + line.split(" ")[2]
        for line in run.stderr.splitlines()
        if line.startswith(f"{source}:")
    ]
    assert located == [
        f"{source}:1:5: RG20",  # a column the register does not keep, said once
        f"{source}:2:1: RG21",  # a letter in a code
        f"{source}:3:3: RG21",  # no such size
        f"{source}:3:4: RG21",  # negative students
        f"{source}:4:4: RG21",  # students not whole
        f"{source}:4:2: RG23",  # no name
        f"{source}:6:1: RG22",  # a code twice
    ]


def test_an_xlsx_list_is_located_by_sheet_and_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "โรงเรียน"
    sheet.append(["ข้อมูล ณ 10 มิถุนายน 2567"])
    sheet.append(["School code", "School name", "Size", "Students"])
    sheet.append([1052140123, "โรงเรียนก", "large", 900])
    sheet.append([1052140124.0, "โรงเรียนข", "medium", "สองร้อย"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = tmp_path / "list.xlsx"
    source.write_bytes(buffer.getvalue())
    run = eduplan("register", "import", str(source))
    assert run.returncode == 1 and run.stdout == ""
    assert f"{source}!โรงเรียน!D4:" in run.stderr and "RG21" in run.stderr


def test_an_existing_file_or_the_list_itself_is_never_written_over(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text(LIST, encoding="utf-8")
    kept = tmp_path / "register.yaml"
    kept.write_text("as_of: 2566-06-10\n", encoding="utf-8")
    for target in (kept, source):
        run = eduplan("register", "import", str(source), "-o", str(target))
        assert run.returncode == 2 and run.stderr.startswith("eduplan: error: ")
    assert kept.read_text(encoding="utf-8") == "as_of: 2566-06-10\n"
    assert source.read_text(encoding="utf-8") == LIST


def test_a_list_without_a_code_and_a_name_column_is_one_error_line(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("อำเภอ,จังหวัด\nเกาะคา,ลำปาง\n", encoding="utf-8")
    run = eduplan("register", "import", str(source))
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("อ.1-ป.6", ["pre-primary", "primary"]),
        ("ป.1-ม.3", ["primary", "lower-secondary"]),
        ("ม.4-ม.6", ["upper-secondary"]),
        ("อนุบาล 1 - มัธยมศึกษาปีที่ 6", ["pre-primary", "primary", "lower-secondary", "upper-secondary"]),
        ("ประถมศึกษา, มัธยมศึกษาตอนต้น", ["primary", "lower-secondary"]),
        ("ม.๑-ม.๓", ["lower-secondary"]),
    ],
)
def test_levels_from_the_grades_a_list_writes(text: str, levels: list[str]) -> None:
    assert levels_of(text) == levels


def test_a_tab_separated_list_is_read() -> None:
    read = read_csv("รหัสโรงเรียน\tชื่อโรงเรียน\n1052140123\tโรงเรียนก\n".encode(), "list.tsv")
    assert read.units == [{"code": "1052140123", "name": "โรงเรียนก"}] and read.findings == []
