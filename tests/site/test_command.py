"""``eduplan site`` on the command line: the downloads are the render stage's own files, a missing Chromium
costs the PDFs and one warning, one language or two, the home page's golden, Thai with no English leaking.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.i18n.leaks import leaks
from tests.render.helpers import check_golden
from tests.site.conftest import EPOCH, EXAMPLES, build
from tests.validate.helpers import cli

GOLDEN = Path(__file__).resolve().parent / "golden"
ANNUAL = EXAMPLES / "annual-cycle"


@pytest.fixture(scope="module")
def with_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The annual-cycle example's site with its Word files (and its PDFs when Chromium is here), in Thai only."""
    return build(tmp_path_factory.mktemp("files") / "site", "--lang", "th", plans=[ANNUAL])


def test_word_files_are_the_render_stages_own_and_the_home_page_links_them(with_files: Path, tmp_path: Path):
    run = cli("render", str(ANNUAL), "-f", "docx", "-o", str(tmp_path) + "/", env=EPOCH)
    assert run.code == 0, run.err
    made = with_files / "example-annual-cycle" / "example-annual-cycle.plan.docx"
    assert made.read_bytes() == (tmp_path / "example-annual-cycle.plan.docx").read_bytes()
    home = (with_files / "index.html").read_text(encoding="utf-8")
    assert 'href="example-annual-cycle/example-annual-cycle.plan.docx"' in home
    assert re.search(r">Word ขนาด \d+ KB<", home)
    for year in (2566, 2567):
        assert (with_files / "example-annual-cycle" / f"example-annual-cycle.report-{year}.docx").is_file()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed: no PDF to check")
def test_pdf_files_are_printed_by_the_renderer(with_files: Path):
    pdf = with_files / "example-annual-cycle" / "example-annual-cycle.action-plan-2567.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert 'example-annual-cycle.action-plan-2567.pdf"' in (with_files / "index.html").read_text(encoding="utf-8")


def test_without_chromium_the_site_has_no_pdf_and_one_warning(tmp_path: Path):
    out = tmp_path / "site"
    run = cli("site", str(ANNUAL), "-o", str(out), "--no-docx", env=EPOCH | {"EDUPLAN_CHROMIUM": "no-such-chromium"})
    assert run.code == 0, run.err
    warnings = [line for line in run.err.splitlines() if line.startswith("eduplan: warning:")]
    assert len(warnings) == 1 and "PDF" in warnings[0] and "Chromium" in warnings[0]
    assert not list(out.rglob("*.pdf"))
    assert "PDF" in (out / "index.html").read_text(encoding="utf-8")  # the home page says the PDFs are not there


def test_one_language_is_the_whole_site(tmp_path: Path):
    out = build(tmp_path / "site", "--lang", "en", "--no-pdf", "--no-docx", plans=[ANNUAL])
    assert not (out / "en").exists()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in home and "Annual performance reports" in home
    assert "hreflang" not in home  # no other language to link to


def test_the_same_build_gives_the_same_bytes(tmp_path: Path):
    first = build(tmp_path / "one", "--no-pdf", "--no-docx", plans=[ANNUAL])
    second = build(tmp_path / "two", "--no-pdf", "--no-docx", plans=[ANNUAL])
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_a_plan_given_twice_is_one_error_line(tmp_path: Path):
    copy = shutil.copytree(ANNUAL, tmp_path / "copy")
    run = cli("site", str(ANNUAL), str(copy), "-o", str(tmp_path / "s"))
    assert run.code == 2
    assert "two plans given have the id 'example-annual-cycle'" in run.err


def test_the_home_page_matches_its_golden(built_site: Path):
    check_golden("home.th.html", (built_site / "index.html").read_text(encoding="utf-8"), GOLDEN)
    check_golden("home.en.html", (built_site / "en" / "index.html").read_text(encoding="utf-8"), GOLDEN)


PRODUCTS = frozenset({"Frictionless", "Pagefind", "JavaScript"})
"""The names of the programs and formats the site names."""
PLAN_WORDS = frozenset(
    word for path in EXAMPLES.rglob("*.yaml") for word in re.findall(r"[A-Za-z]{2,}", path.read_text(encoding="utf-8"))
)
"""Plan text is shown as written: the words in Latin letters the example plans themselves use (Big Rock, O-NET)."""


class _Text(HTMLParser):
    """The words a reader sees: text outside scripts and styles, and the alt and aria labels."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        values = dict(attrs)
        if values.get("lang") == "en":  # the link to the English pages, named in English
            self._skip += 1 if tag == "a" else 0
        for name in ("aria-label", "title"):
            if values.get(name):
                self.parts.append(str(values[name]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "a") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "example-office-strategic-2566-2570/indicators/p1-1-i2.html",
        "example-office-strategic-2566-2570/indicators/index.html",
        "example-office-strategic-2566-2570/status.html",
        "example-office-strategic-2566-2570/policies/p1.html",
        "example-office-strategic-2566-2570/projects/prj-2567-1-1.html",
        "search.html",
    ],
)
def test_thai_pages_leak_no_english(built_site: Path, page: str):
    reader = _Text()
    reader.feed((built_site / page).read_text(encoding="utf-8"))
    text = " ".join(" ".join(reader.parts).split())
    assert leaks(text, PLAN_WORDS | PRODUCTS) == []


def test_the_english_pages_say_the_documents_are_in_thai(tmp_path: Path):
    out = build(tmp_path / "site", "--no-pdf", plans=[ANNUAL])
    english = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'href="\.\./example-annual-cycle/example-annual-cycle\.plan\.docx">Word in Thai, \d+ KB<', english
    )
    assert not (out / "en" / "example-annual-cycle" / "example-annual-cycle.plan.docx").exists()  # made once
