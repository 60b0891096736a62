"""Hostile files in the returns folder: each is one finding at the file (RT01, RT02), never a traceback or a hang.

The returns come from outside the office: whatever a school (or its computer) sends lands in
returns/<year>/. Each case below is one such file, with the code and the words it must give; the
other returns are still read. The limits are the sheet stage's (:mod:`eduplan.sheet.bounds`), checked
before openpyxl builds a cell.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.collect.helpers import collect, fill, office_copy, read

CODE = "1088880001"


def _form(tmp_path: Path) -> bytes:
    forms = tmp_path / "forms"
    if not (forms / f"{CODE}.xlsx").exists():
        collect(tmp_path / "office", forms)
    return (forms / f"{CODE}.xlsx").read_bytes()


def _rezipped(data: bytes, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member.filename, change(member.filename, source.read(member)))
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def _record_changed(ref: str, value: object) -> Callable[[Path], bytes]:
    """The form with one cell of its very hidden record changed (as a tool other than Excel could)."""

    def make(tmp_path: Path) -> bytes:
        book = openpyxl.load_workbook(io.BytesIO(_form(tmp_path)))
        book["eduplan-form"][ref] = value
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    return make


def _many_cells(tmp_path: Path) -> bytes:
    rows = b"".join(b'<row r="%d"><c r="H%d"><v>1</v></c></row>' % (i, i) for i in range(40, 100_100))

    def change(name: str, body: bytes) -> bytes:
        return body.replace(b"</sheetData>", rows + b"</sheetData>") if name == "xl/worksheets/sheet1.xml" else body

    return _rezipped(_form(tmp_path), change)


def _last_cell(tmp_path: Path) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(_form(tmp_path)))
    book.worksheets[0]["XFD1048576"] = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CASES: dict[str, tuple[Callable[[Path], bytes], str, str]] = {
    "empty.xlsx": (lambda _t: b"", "RT01", "not an XLSX workbook"),
    "csv-renamed.xlsx": (lambda _t: "รหัส,ค่า\n1088880001,5\n".encode(), "RT01", "it is not a zip archive"),
    "html-renamed.xlsx": (lambda _t: b"<html><body><table><tr><td>1</td></tr></table></body></html>", "RT01", "zip"),
    "truncated.xlsx": (lambda t: _form(t)[:4000], "RT01", "not an XLSX workbook"),
    "zip-bomb.xlsx": (
        lambda t: _rezipped(_form(t), lambda _n, b: b, {"xl/media/pad.bin": b"\0" * 30_000_000}),
        "RT01",
        "a zip bomb",
    ),
    "many-cells.xlsx": (_many_cells, "RT01", "more than 100,000 cells"),
    "last-cell.xlsx": (_last_cell, "RT01", "a cell beyond the last row and column eduplan reads"),
    "plain-workbook.xlsx": (lambda _t: _plain(), "RT02", "not a form made by `eduplan collect`"),
    "version-9.xlsx": (_record_changed("B1", 9), "RT02", "of version 9"),
    "record-year-text.xlsx": (_record_changed("B3", "สองพัน"), "RT02", "hidden record cannot be read"),
    "record-no-mark.xlsx": (_record_changed("A1", "mine"), "RT02", "hidden record cannot be read (no mark)"),
}


def _plain() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "1088880001"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    root = office_copy(tmp_path)
    (root / "returns" / "2567").mkdir(parents=True)
    _form(tmp_path)
    return root


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_is_one_finding_at_the_file_and_the_other_returns_are_read(
    office: Path, tmp_path: Path, name: str
) -> None:
    make, code, words = CASES[name]
    folder = office / "returns" / "2567"
    (folder / name).write_bytes(make(tmp_path))
    fill(tmp_path / "forms" / f"{CODE}.xlsx", {CODE: {"p2-1": {"value": 3}}}, target=folder / "good.xlsx")
    start = time.monotonic()
    got = read(office)
    assert time.monotonic() - start < 10
    bad = [f for f in got.findings if str(f.span) == str(folder / name)]
    assert [f.code for f in bad] == [code], got.findings
    assert words in bad[0].message
    assert [r.unit for r in got.returns if r.unit == CODE] == [CODE]  # the good return is still read


def test_a_huge_sparse_file_is_refused_by_its_size(office: Path) -> None:
    path = office / "returns" / "2567" / "huge.xlsx"
    with path.open("wb") as sparse:
        sparse.truncate(3_000_000_000)
    (finding,) = read(office).findings
    assert finding.code == "RT01" and "larger than 20 MB" in finding.message


def test_a_pipe_or_a_link_to_dev_zero_is_never_opened(office: Path) -> None:
    folder = office / "returns" / "2567"
    os.mkfifo(folder / "pipe.xlsx")
    (folder / "zero.xlsx").symlink_to("/dev/zero")
    start = time.monotonic()
    got = read(office)
    assert time.monotonic() - start < 10
    assert [(Path(str(f.span)).name, f.code) for f in got.findings] == [("pipe.xlsx", "RT01"), ("zero.xlsx", "RT01")]


def test_a_value_in_the_last_cell_read_is_a_warning_read_fast(office: Path, tmp_path: Path) -> None:
    """SF20000 is within the limits: 10 million cells of rectangle, of which only those held are visited."""
    path = office / "returns" / "2567" / f"{CODE}.xlsx"
    fill(tmp_path / "forms" / f"{CODE}.xlsx", {CODE: {"p2-1": {"value": 3}}}, cells={"SF20000": "x"}, target=path)
    book = openpyxl.load_workbook(path)
    book["eduplan-form"]["H20000"] = "x"  # the record too
    book.save(path)
    start = time.monotonic()
    got = read(office)
    assert time.monotonic() - start < 5
    assert [(str(f.span).rsplit("!", 1)[-1], f.code) for f in got.findings] == [("SF20000", "RT11")]
    assert next(r for r in got.returns if r.unit == CODE).answers["p2-1"]["value"].value == 3
