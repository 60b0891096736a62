"""Every link and anchor of the built site resolves, every page is reachable, and nothing points outside it.

The site is crawled from its home page without a browser: each page's ``href`` and ``src`` are resolved
against the page (as ``file://`` and any static host resolve them), each ``#anchor`` must be an ``id``
of the page it names, and every page of the site must be reached (the other language through its link).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.every_id: list[str] = []
        self.links: list[str] = []

    @property
    def ids(self) -> set[str]:
        return set(self.every_id)

    def handle_starttag(self, _tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.every_id.append(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append(str(values[name]))


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_link_and_anchor_resolves_and_every_page_is_reached(built_site: Path):
    pages = {p.resolve(): _read(p) for p in built_site.rglob("*.html") if "pagefind" not in p.parts}
    broken: list[str] = []
    reached = {(built_site / "index.html").resolve()}
    todo = list(reached)
    while todo:
        here = todo.pop()
        for link in pages[here].links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("/", "//")):
                broken.append(f"{here.relative_to(built_site)}: {link} leaves the site or is not relative")
                continue
            target = (here.parent / unquote(parts.path)).resolve() if parts.path else here
            if not target.is_file():
                broken.append(f"{here.relative_to(built_site)}: {link} names no file")
                continue
            if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{here.relative_to(built_site)}: {link} names no id of its page")
            if target in pages and target not in reached:
                reached.add(target)
                todo.append(target)
    assert broken == []
    unreached = sorted(str(p.relative_to(built_site)) for p in set(pages) - reached)
    assert unreached == []


def test_ids_are_unique_on_every_page(built_site: Path):
    twice = []
    for path in built_site.rglob("*.html"):
        ids = _read(path).every_id
        if len(ids) != len(set(ids)):
            twice.append(f"{path.relative_to(built_site)}: {sorted({i for i in ids if ids.count(i) > 1})}")
    assert twice == []


def test_pages_share_one_stylesheet_and_embed_no_font(built_site: Path):
    stylesheet = built_site / "assets" / "style.css"
    css = stylesheet.read_text(encoding="utf-8")
    assert "base64" not in css
    assert (built_site / "assets" / "fonts" / "Sarabun-Regular.ttf").stat().st_size > 10_000
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "font/ttf;base64" not in text, path  # a plan's logo may be embedded; fonts never are
        assert "<style>\n@font-face" not in text, path
