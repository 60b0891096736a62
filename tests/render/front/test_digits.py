"""``render --digits thai``: one display transform of the final text, every digit of the text and none of the markup.

The transform (:mod:`eduplan.render.digits`) is checked as a property over generated HTML and
Markdown: it changes digits only, never a tag, an attribute, a comment, a style sheet, a character
reference, an address or a code; it is idempotent; and no Arabic digit is left in the text it shows.
Then on the shipped plan, the way an office renders it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from eduplan.render.digits import KEEP_END, KEEP_START, display, keep, thai_digits
from tests.render.helpers import REAL_PLAN, render

TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
CODE = re.compile(r"[A-Za-z0-9_.\\-]*[A-Za-z][A-Za-z0-9_.\\-]*")
"""A word with a Latin letter (A1, 5Q, COVID-19, p3-i19): a name, whose digits stay as written."""
ADDRESS = re.compile(r"https?://\S+|www\.\S+")


class Parts(HTMLParser):
    """What a browser makes of a document: its text apart from its markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.markup: list[object] = []
        self._raw = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup.append((tag, attrs))
        self._raw += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.markup.append(("/", tag))
        self._raw -= tag in ("style", "script")

    def handle_comment(self, data: str) -> None:
        self.markup.append(("!--", data))

    def handle_data(self, data: str) -> None:
        (self.markup.append(("raw", data)) if self._raw else self.text.append(data))


def parts(html: str) -> Parts:
    parser = Parts()
    parser.feed(html)
    parser.close()
    return parser


words = st.sampled_from(["พ.ศ.", "ปีงบประมาณ ", "ร้อยละ ", "ที่ ", "A", "Q", "-", ".", " ", ", ", "ตัวชี้วัด", "&amp;"])
numbers = st.integers(min_value=0, max_value=99999).map(str)
text = st.lists(st.one_of(words, numbers), max_size=8).map("".join)
attribute = st.tuples(st.sampled_from(["id", "class", "x", "href", "data-n", "title"]), text)


def element(name: str, attrs: list[tuple[str, str]], inner: str) -> str:
    shown = "".join(f' {key}="{value}"' for key, value in attrs)
    return f"<{name}{shown}>{inner}</{name}>"


tag = st.builds(element, st.sampled_from(["p", "td", "text", "span", "h2"]), st.lists(attribute, max_size=3), text)
special = st.one_of(
    numbers.map(lambda n: f"<!-- {n} -->"),
    numbers.map(lambda n: f"<style>.c{n} {{ width: {n}px }}</style>"),
    numbers.map(lambda n: f" https://example.org/{n} "),
    numbers.map(lambda n: f" A{n} "),
)
documents = st.lists(st.one_of(text, tag, special), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_only_the_digits_of_the_text_change(html: str) -> None:
    out = thai_digits(html, "html")
    before, after = parts(html), parts(out)
    assert after.markup == before.markup  # tags, attributes, comments, style sheets: as written
    assert "".join(after.text).translate(TO_ARABIC) == "".join(before.text).translate(TO_ARABIC)
    assert out.translate(TO_ARABIC) == html.translate(TO_ARABIC)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_the_transform_is_idempotent(html: str) -> None:
    once = thai_digits(html, "html")
    assert thai_digits(once, "html") == once
    assert thai_digits(thai_digits(html, "markdown"), "markdown") == thai_digits(html, "markdown")


@settings(max_examples=300, deadline=None)
@given(documents)
def test_no_arabic_digit_is_left_in_the_text_but_in_codes_and_addresses(html: str) -> None:
    shown = "".join(parts(thai_digits(html, "html")).text)
    assert not re.search("[0-9]", CODE.sub("", ADDRESS.sub("", shown)))


@given(text)
def test_kept_pieces_keep_their_digits_and_lose_their_marks(value: str) -> None:
    out = display(f"<td>{keep(value)}</td> 2567", "html", "thai")
    assert out == f"<td>{value}</td> ๒๕๖๗"
    assert KEEP_START not in display(keep(value), "markdown", "arabic")
    assert KEEP_END not in display(keep(value), "markdown", "arabic")


def test_markdown_code_spans_and_link_targets_keep_their_digits() -> None:
    assert thai_digits("ปี 2567 `id: p1-i2` [ดู](#policy-2) <!-- 3 -->", "markdown") == (
        "ปี ๒๕๖๗ `id: p1-i2` [ดู](#policy-2) <!-- 3 -->"
    )


def test_codes_and_names_keep_their_digits() -> None:
    assert thai_digits("A1 : Awareness, 5Q, COVID-19, p3-i19, พ.ศ.2567, ป.1", "html") == (
        "A1 : Awareness, 5Q, COVID-19, p3-i19, พ.ศ.๒๕๖๗, ป.๑"
    )


def test_the_shipped_plan_in_thai_digits_shows_no_arabic_digit() -> None:
    run = render(str(REAL_PLAN), "--digits", "thai", "-o", "-")
    assert run.code == 0, run.err
    shown = "".join(parts(run.out).text)
    assert "พ.ศ.๒๕๖๖-๒๕๗๐" in shown  # the plan's own title, as TX05 wants it: one kind of digit on the page
    assert "ศตวรรษที่ ๒๑" in shown  # a mission's text
    assert not re.search("[0-9]", CODE.sub("", shown)), sorted(set(re.findall(r"\S*[0-9]\S*", CODE.sub("", shown))))
    assert 'id="policy-p1"' in run.out and "<svg" in run.out  # anchors and charts as they were
    markdown = render(str(REAL_PLAN), "--digits", "thai", "-f", "md", "-o", "-").out
    assert not re.search("[0-9]", CODE.sub("", markdown))
