"""The HTML on a phone (390 px wide, in Chromium through Playwright): no line breaks inside a Thai word.

Each word is an inline block (render/linebreak.py); a word broken inside is a block taller than one
line. In running text (paragraphs, list items, headings, definitions) no word may be; in a table
cell a word wider than its column breaks inside as the last resort, and no word outside a table
runs off the screen.
"""

from __future__ import annotations

import shutil

import pytest

from tests.render.helpers import EXAMPLE, REAL_PLAN, cli

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (the dev extra) drives Chromium")
CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="not installed: chromium (apt-get install chromium)")

MEASURE = """() => {
  const broken = [];
  let words = 0;
  for (const word of document.querySelectorAll("p .w, li .w, dd .w, h1 .w, h2 .w, h3 .w, h4 .w, figcaption .w")) {
    if (word.closest("td, th")) continue;
    words += 1;
    const line = parseFloat(getComputedStyle(word).lineHeight);
    if (word.getBoundingClientRect().height > 1.5 * line) broken.push(word.textContent);
  }
  const wide = [...document.querySelectorAll(".w, .nobr")].filter(
    // a signature (ลงชื่อ ....) is a dotted line wider than a phone: it is laid out for paper
    (e) => !e.closest("table, svg, .signature") && e.getBoundingClientRect().right > window.innerWidth + 1
  ).map((e) => e.textContent);
  return {words, broken, wide};
}"""


@pytest.mark.parametrize(
    "args",
    [[str(REAL_PLAN)], [str(EXAMPLE), "-d", "report", "--year", "2567"]],
    ids=["plan", "report-2567"],
)
def test_no_word_breaks_on_a_phone(tmp_path, args):
    page_file = tmp_path / "page.html"
    assert cli("render", *args, "-o", str(page_file)).code == 0
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 390, "height": 800})
            page.goto(page_file.as_uri())
            found = page.evaluate(MEASURE)
        finally:
            browser.close()
    assert found["words"] > 300
    assert found["broken"] == []
    assert found["wide"] == []  # no word runs off the screen (a wide table scrolls, as it did before)
