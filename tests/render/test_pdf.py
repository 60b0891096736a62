"""The real plan as PDF: Chromium prints it, and ``pdftotext`` gives every indicator row back exactly.

This is how a reader checks a PDF: search and copy-paste work only when the text layer holds
the same characters as the page. For every indicator of the real plan, the row (number, name,
unit, the five targets, owner, Thai included) must come back in order. Line breaks inside a
table cell are the only freedom: a break may replace a space, or split a run without spaces.

Runs wherever ``chromium`` and ``pdftotext`` (Debian ``poppler-utils``) are installed, as in CI.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from eduplan import __version__
from eduplan.model import Range
from eduplan.render.pdf import find_chromium, set_info, stamp_dates
from tests.render.helpers import EXAMPLE, REAL_PLAN, plan_with_indicators, real_rows, render

MISSING = [
    name for name, found in (("chromium", find_chromium()), ("pdftotext", shutil.which("pdftotext"))) if not found
]
needs_tools = pytest.mark.skipif(
    bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (apt-get install chromium poppler-utils)"
)
EPOCH = "1700000000"


def cell_pattern(text: str) -> str:
    """A regex for a cell's text in the PDF text layer: exact characters, line breaks allowed."""
    out = []
    for i, char in enumerate(text):
        if char.isspace():
            if not text[i - 1].isspace():
                out.append(r"\s+")
            continue
        out.append(re.escape(char))
        if i + 1 < len(text) and not text[i + 1].isspace():
            out.append(r"\n?")
    return "".join(out)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    target = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    run = render(str(REAL_PLAN), "-f", "pdf", "-o", str(target), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.err
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout
    return target, text.decode("utf-8")


@needs_tools
def test_every_indicator_row_comes_back_exactly(printed):
    _, text = printed
    rows = real_rows()
    for ident, cells in rows:
        pattern = r"\s+".join(cell_pattern(c) for c in cells)
        assert re.search(pattern, text), f"{ident}: {cells}"
    assert len(rows) == 46


@needs_tools
def test_thai_text_layer_is_exact_and_pages_are_numbered(printed):
    _, text = printed
    assert "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน" in text  # WeasyPrint would give สำนักงำน
    assert "สำนักงำน" not in text
    assert "– 2 –" in text and "– 1 –" not in text  # numbered from page 2: the title page has none


@needs_tools
def test_fonts_are_embedded_truetype_and_dates_follow_source_date_epoch(printed):
    target, _ = printed
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    sarabun = [line for line in fonts.splitlines() if "Sarabun" in line]
    assert len(sarabun) == 2 and all("CID TrueType" in line and " yes yes yes " in line for line in sarabun)
    assert "Type 3" not in fonts
    assert b"/CreationDate (D:20231114221320+00'00')" in target.read_bytes()
    assert every_entry_points_at_its_object(target.read_bytes())  # the rewritten information dictionary


def test_stamp_dates_keeps_every_byte_offset():
    pdf = b"%PDF-1.4\n<</CreationDate (D:20261124075500+00'00')\n/ModDate (D:20261124075500+07'00')>>\n%%EOF"
    stamped = stamp_dates(pdf, 0)
    assert len(stamped) == len(pdf)
    assert stamped.count(b"(D:19700101000000+00'00')") == 2


INDICATOR = "  - {id: p1-i1, number: '1', name: ร้อยละของนักเรียน, unit: ร้อยละ, kind: percent, targets: {2566: 80}}\n"


def pdf_info(path) -> dict[str, str]:
    """``pdfinfo``'s fields (dates in UTC) that eduplan sets."""
    out = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return {k: fields[k].strip() for k in ("Creator", "Producer", "CreationDate", "ModDate")}


@needs_tools
def test_reruns_give_the_same_pdf_bytes_without_any_environment_variable(tree, tmp_path_factory):
    root = tree(plan_with_indicators(INDICATOR, "vision: องค์กรแห่งการเรียนรู้\n"))
    out = tmp_path_factory.mktemp("pdf")  # outside the plan folder (tree's tmp_path): eduplan writes nothing into it
    first, second = out / "1.pdf", out / "2.pdf"
    for target in (first, second):
        run = render(str(root), "-f", "pdf", "-o", str(target))
        assert run.code == 0, run.err
    assert first.read_bytes() == second.read_bytes()
    info = pdf_info(first)
    assert info["Creator"] == f"eduplan {__version__}"
    assert info["Producer"].startswith(f"eduplan {__version__} with Skia/PDF")  # the engine, after eduplan
    assert "HeadlessChrome" not in first.read_bytes().decode("latin-1")  # Chromium's user agent is gone
    # no publication date: the first day of the period's first fiscal year (2566 starts on 1 Oct 2022)
    assert info["CreationDate"] == info["ModDate"] == "2022-10-01T00:00:00Z"


@needs_tools
def test_the_pdf_date_is_the_publication_date_and_source_date_epoch_wins(tree, tmp_path_factory):
    root = tree(plan_with_indicators(INDICATOR, "edition: {label: ฉบับทบทวน, published: 2024-03-15}\n"))
    tmp_path = tmp_path_factory.mktemp("pdf")  # outside the plan folder
    assert render(str(root), "-f", "pdf", "-o", str(tmp_path / "p.pdf")).code == 0
    assert pdf_info(tmp_path / "p.pdf")["CreationDate"] == "2024-03-15T00:00:00Z"
    run = render(str(root), "-f", "pdf", "-o", str(tmp_path / "e.pdf"), env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.err
    assert pdf_info(tmp_path / "e.pdf")["ModDate"] == "2023-11-14T22:13:20Z"


@needs_tools
def test_an_action_plan_pdf_is_dated_by_its_fiscal_year(tmp_path):
    run = render(str(EXAMPLE), "-d", "action-plan", "--year", "2567", "-f", "pdf", "-o", str(tmp_path / "a.pdf"))
    assert run.code == 0, run.err
    assert pdf_info(tmp_path / "a.pdf")["CreationDate"] == "2023-10-01T00:00:00Z"


@pytest.mark.parametrize("value", ["99999999999999", "-1", "yesterday", "1.5"])
def test_a_source_date_epoch_that_is_no_time_is_one_line(tmp_path, value):
    run = render(str(REAL_PLAN), "-f", "pdf", "-o", str(tmp_path / "x.pdf"), env={"SOURCE_DATE_EPOCH": value})
    assert run.code == 2 and run.err.count("\n") == 1
    assert run.err.startswith(f"eduplan: error: SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970")
    assert not (tmp_path / "x.pdf").exists()


def chromium_like_pdf() -> bytes:
    """A small PDF laid out as Chromium writes one: the information dictionary first, one classic table."""
    objects = [
        b"<</Title (A \\(nested\\) (title))\n/Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome/150.0.0.0)\n"
        b"/Producer (Skia/PDF m150)\n/CreationDate (D:20261201112235+00'00')\n/ModDate (D:20261201112235+00'00')>>",
        b"<</Type /Catalog /Pages 3 0 R>>",
        b"<</Type /Pages /Kids [] /Count 0>>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def every_entry_points_at_its_object(pdf: bytes) -> bool:
    """The cross-reference table (one section, as Chromium writes) gives each object's true offset."""
    xref = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf).group(1))
    section = re.compile(rb"xref\n0 (\d+)\n").match(pdf, xref)
    assert section is not None, "startxref does not point at the table"
    entries = pdf[section.end() :].split(b"\n")[1 : int(section.group(1))]
    return all(pdf.startswith(b"%d 0 obj" % n, int(e[:10])) for n, e in enumerate(entries, start=1) if e[17:18] == b"n")


def test_set_info_names_eduplan_and_moves_the_offsets_after_the_dictionary():
    import datetime as dt

    pdf = chromium_like_pdf()
    assert every_entry_points_at_its_object(pdf)
    done = set_info(pdf, dt.datetime(2022, 10, 1, tzinfo=dt.UTC))
    assert len(done) != len(pdf) and every_entry_points_at_its_object(done)
    info = done[done.index(b"1 0 obj") : done.index(b"endobj")]
    assert b"/Title (A \\(nested\\) (title))" in info  # kept, nested parentheses and all
    assert f"/Creator (eduplan {__version__})".encode() in info and b"Mozilla" not in done
    assert f"/Producer (eduplan {__version__} with Skia/PDF m150)".encode() in info
    assert info.count(b"(D:20221001000000+00'00')") == 2


def test_set_info_of_an_unexpected_layout_sets_only_the_dates_in_place():
    import datetime as dt

    pdf = chromium_like_pdf().replace(b"trailer\n<<", b"trailer\n<</Prev 9\n")  # an incremental update
    done = set_info(pdf, dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    assert len(done) == len(pdf) and done.count(b"(D:19700101000000+00'00')") == 2


STATUS_WORDS = {
    "achieved": "บรรลุ",
    "not-achieved": "ไม่บรรลุ",
    "no-data": "ไม่มีข้อมูล",
    "not-comparable": "เทียบไม่ได้",
    "not-due": "ไม่มีค่าเป้าหมาย",
}


def shown(value: object) -> str:
    """A target or actual as the report prints it (the example has whole ranges, no thousands)."""
    if value is None:
        return "–"
    if isinstance(value, Range):
        return f"{value.min}–{value.max}"
    return str(value)


@needs_tools
def test_the_report_pdf_gives_back_every_indicator_row_with_its_status_word(tmp_path):
    from eduplan.analysis.status import year_status
    from eduplan.load.loader import load_plan

    target = tmp_path / "report.pdf"
    run = render(str(EXAMPLE), "-d", "report", "--year", "2567", "-f", "pdf", "-o", str(target))
    assert run.code == 0, run.err
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True).stdout.decode()
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    indicators = {i.id: i for p in plan.policies for i in p.indicators}
    statuses = year_status(plan, 2567).indicators
    seen = set()
    for status in statuses:
        ind = indicators[status.indicator]
        cells = [ind.number, ind.name, ind.unit or "–", shown(status.target), shown(status.actual)]
        cells.append(STATUS_WORDS[status.status])
        assert re.search(r"\s+".join(cell_pattern(c) for c in cells), text), cells
        seen.add(status.status.value)
    assert seen == {"achieved", "not-achieved", "no-data"} and len(statuses) == 7


def test_chrome_and_edge_are_found_where_windows_and_macos_install_them():
    from eduplan.render.pdf import installed

    windows = {"PROGRAMFILES": r"C:\Program Files", "LOCALAPPDATA": r"C:\Users\somchai\AppData\Local"}
    places = [str(p) for p in installed(windows, "win32")]
    assert r"C:\Program Files\Google\Chrome\Application\chrome.exe" in places
    assert r"C:\Users\somchai\AppData\Local\Google\Chrome\Application\chrome.exe" in places
    assert r"C:\Program Files\Microsoft\Edge\Application\msedge.exe" in places
    assert all("(X86)" not in p for p in places)  # a folder variable that is not set gives no place
    assert "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" in [str(p) for p in installed({}, "darwin")]
    assert installed({}, "linux") == []  # Linux: what is on PATH
