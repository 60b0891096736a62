"""Building a site: every page and file of it, in memory, ready to be written as one folder.

Documents are made by the render stage itself: the same :class:`~eduplan.render.Renderer`, the
same view-models and templates. Their pages on the site are rendered with one template replaced:
the site's ``base.html`` (``templates/site/``), which links the one shared stylesheet instead of
embedding it and its fonts in every page, and draws the site's menu around the document. Their
PDF and Word files are the render stage's own, byte for byte what ``eduplan render`` makes.

The site's own pages (home, policies, indicators, projects, progress, changes) are view-models of
this stage rendered by the templates in ``templates/site/``, through the same sandboxed engine.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from eduplan import __version__
from eduplan.diff import diff_plans
from eduplan.diff.page import build_page
from eduplan.diff.wording import Words
from eduplan.i18n import _
from eduplan.output.sourcedate import source_time
from eduplan.render import DocumentKind, Format, Renderer, Request, build_date
from eduplan.render.engine import Engine, packaged_templates
from eduplan.render.fonts import font_faces
from eduplan.render.pdf import INSTALL_HINT, find_chromium
from eduplan.render.style import document
from eduplan.site import data, paths
from eduplan.site.chrome import Chrome, Place, Tree, chrome
from eduplan.site.history import History
from eduplan.site.home import HomeView, build_section, data_links, edition_name
from eduplan.site.indicator import build_index, build_indicator
from eduplan.site.policy import build_policy_page, build_project_page
from eduplan.site.scope import Scope
from eduplan.site.sources import Edition, families
from eduplan.site.status import build_status
from eduplan.site.units import build_unit, build_units, unit_pages
from eduplan.words.thai import Digits, Lang

__all__ = ["MARKER", "Built", "SiteOptions", "build_site"]

MARKER = ".eduplan-site"
"""The file at a site's root that says eduplan made the folder (a later build may replace it)."""


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """What to build.

    Attributes:
        langs: The languages, the first at the site's root, the second under ``en/`` (or ``th/``).
        digits: The digits eduplan writes.
        pdf: Whether to make the PDF files (they need Chromium).
        docx: Whether to make the Word files.
        search: Whether the site gets a search page (the index is made by :mod:`eduplan.site.search`).
    """

    langs: tuple[Lang, ...] = ("th", "en")
    digits: Digits = "arabic"
    pdf: bool = True
    docx: bool = True
    search: bool = False


@dataclass
class Built:
    """A built site: its files by path from its root, and what it left out, in words."""

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        """How many HTML pages it has."""
        return sum(name.endswith(".html") for name in self.files)


@dataclass(frozen=True, slots=True)
class SearchPage:
    """The search page: the way from it to the site's root, and its script."""

    root: str
    script: str


_SCRIPT = f"{paths.ASSETS}/search.js"


class _PageEngine(Engine):
    """The render engine with the site's templates first, and the chrome of the page being made in every context."""

    def __init__(self) -> None:
        super().__init__(packaged_templates() / "site")
        self.chrome: Chrome | None = None

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render ``name`` with ``site``, the chrome of the current page, added to its context."""
        return super().render(name, {**context, "site": self.chrome})


def build_site(editions: list[Edition], options: SiteOptions) -> Built:
    """Every file of the site of ``editions`` (the plans given, each loaded whole).

    Raises:
        UsageError: two plans have the same id.
        EduplanError: a template fails, or a PDF cannot be printed.
    """
    built = Built()
    histories = [History(f) for f in families(editions)]
    _downloads(histories, options, built)
    trees = _trees(options.langs)
    homes = {e.root.resolve(): h.family.key for h in histories for e in h.family.editions}
    engine = _PageEngine()
    pages = Renderer()
    pages.engine = engine
    for tree in trees:
        sizes = {k: len(v) for k, v in built.files.items()}
        scopes = [Scope(h, tree, options.digits, sizes, options.search, homes, options.langs[0]) for h in histories]
        for scope in scopes:
            for name, make in _family_pages(scope, pages):
                place = scope.place(name)
                built.files[place.path] = make(place).encode("utf-8")
        home = scopes[0].place("index.html")
        engine.chrome = chrome(home, scopes[0].style().labels, family=_only(scopes), search=options.search)
        built.files[home.path] = _home(engine, scopes, home).encode("utf-8")
        if options.search:
            place = scopes[0].place("search.html")
            engine.chrome = chrome(place, scopes[0].style().labels, family=_only(scopes), search=True)
            view = SearchPage(
                paths.href(place.path, "index.html").removesuffix("index.html") or "./", place.to_file(_SCRIPT)
            )
            built.files[place.path] = _page(engine, scopes[0], "search", "search.html", view, place).encode("utf-8")
    _assets(engine, histories, options, built)
    table = data.rows(histories)
    when = source_time() or dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # no clock: the same plans, the same bytes
    built.files[f"{paths.DATA}/indicators.csv"] = data.csv_bytes(table)
    built.files[f"{paths.DATA}/indicators.xlsx"] = data.xlsx_bytes(table, when)
    titles = [e.plan.title for h in histories for e in h.family.editions]
    built.files[f"{paths.DATA}/datapackage.json"] = data.datapackage(titles[0], titles)
    built.files[MARKER] = f"eduplan site {__version__}\n".encode()
    return built


def _only(scopes: list[Scope]) -> str | None:
    return scopes[0].key if len(scopes) == 1 else None


def _trees(langs: tuple[Lang, ...]) -> list[Tree]:
    if len(langs) == 1:
        return [Tree(langs[0], "")]
    first, second = langs[0], langs[1]
    root, sub = Tree(first, ""), Tree(second, f"{second}/")
    return [replace(root, other=sub), replace(sub, other=root)]


def _downloads(histories: list[History], options: SiteOptions, built: Built) -> None:
    """The PDF and Word files of every document, in the site's first language (the render stage's own bytes)."""
    wanted: list[tuple[Format, bool]] = [("pdf", options.pdf), ("docx", options.docx)]
    formats = [fmt for fmt, asked in wanted if asked]
    if "pdf" in formats and find_chromium() is None:
        formats.remove("pdf")
        built.warnings.append(_("the site is built without PDF files: {reason}").format(reason=_(INSTALL_HINT)))
    if not formats:
        return
    renderer = Renderer()
    lang = options.langs[0]
    for history in histories:
        key = history.family.key
        for edition in history.family.editions:
            requests = [
                Request(kind, fmt, year, options.digits, lang)
                for kind, year in _documents_of(history, edition)
                for fmt in formats
            ]
            for request, made in renderer.render_all(edition.plan, requests):
                built.files[paths.download(key, edition.plan, request.document, request.year, request.fmt)] = made
            for request, warning in renderer.warnings:
                name = paths.download(key, edition.plan, request.document, request.year, request.fmt)
                built.warnings.append(f"{name}: {warning}")
            renderer.warnings.clear()


def _documents_of(history: History, edition: Edition) -> Iterator[tuple[DocumentKind, int | None]]:
    """The documents the site publishes from ``edition``: the plan, and the years it is the published source of."""
    yield "plan", None
    for published in [*history.action_plans, *history.reports]:
        if published.edition is edition:
            yield published.kind, published.year


Maker = Callable[[Place], str]


def _family_pages(scope: Scope, pages: Renderer) -> Iterator[tuple[str, Maker]]:
    """Every page of one family in one language: its path in the tree and how to make it."""
    engine = pages.engine
    assert isinstance(engine, _PageEngine)
    history = scope.history
    key = scope.key
    labels = scope.style().labels
    lang, digits = scope.tree.lang, scope.digits

    def with_chrome(place: Place, crumbs: tuple[tuple[str, str], ...] = ()) -> None:
        engine.chrome = chrome(place, labels, family=key, crumbs=crumbs, search=scope.search)

    for edition in history.family.editions:
        for kind, year in _documents_of(history, edition):

            def make_document(
                place: Place, edition: Edition = edition, kind: DocumentKind = kind, year: int | None = year
            ) -> str:
                with_chrome(place)
                return pages.text(edition.plan, Request(kind, "html", year, digits, lang))

            yield paths.document(key, edition.plan, kind, year), make_document
        previous = history.family.previous(edition)
        if previous is not None:

            def make_changes(place: Place, old: Edition = previous, new: Edition = edition) -> str:
                with_chrome(place)
                return _changes(engine, scope, old, new)

            yield paths.changes(key, edition.plan), make_changes
    top = ((paths.indicators(key), labels["site_indicators"]),)
    for indicator_id in history.indicators:
        yield paths.indicator(key, indicator_id), _maker(engine, scope, "indicator", indicator_id, top)
    for policy_id in history.policies:
        yield paths.policy(key, policy_id), _maker(engine, scope, "policy", policy_id, ())
    for project_id in history.projects:
        yield paths.project(key, project_id), _maker(engine, scope, "project", project_id, ())
    yield paths.indicators(key), _maker(engine, scope, "indicators", None, ())
    yield paths.status(key), _maker(engine, scope, "status", None, ())
    yield from unit_pages(scope, lambda kind, ident: _maker(engine, scope, kind, ident, ()))


_BUILDERS: dict[str, Callable[[Scope, Place, Any], Any]] = {
    "indicator": build_indicator,
    "policy": build_policy_page,
    "project": build_project_page,
    "indicators": lambda scope, place, _ident: build_index(scope, place),
    "status": lambda scope, place, _ident: build_status(scope, place),
    "unit": build_unit,
    "units": lambda scope, place, _ident: build_units(scope, place),
}


def _maker(
    engine: _PageEngine, scope: Scope, kind: str, ident: str | None, crumbs: tuple[tuple[str, str], ...]
) -> Maker:
    def make(place: Place) -> str:
        engine.chrome = chrome(place, scope.style().labels, family=scope.key, crumbs=crumbs, search=scope.search)
        view = _BUILDERS[kind](scope, place, ident) if kind in _BUILDERS else None
        return _page(engine, scope, kind, f"{kind}.html", view, place)

    return make


def _page(engine: _PageEngine, scope: Scope, kind: str, template: str, view: Any, place: Place) -> str:
    """A page of the site's own: its template with ``doc`` (the words) and ``page`` (its view-model)."""
    style = scope.style()
    title = _title(kind, view, style.labels)
    doc = document(f"site-{kind}", title, scope.family.latest.plan, style, build_date())
    return engine.render(template, {"doc": doc, "page": view, "place": place.path})


def _title(kind: str, view: Any, labels: Any) -> str:
    if kind == "indicator":
        return f"{view.heading} {view.name}"
    if kind == "policy":
        return f"{view.view.heading} {view.view.title}"
    if kind in ("project", "unit"):
        return str(view.name)
    words = {"indicators": "site_indicators", "status": "site_status", "search": "site_search", "units": "site_units"}
    return str(labels[words.get(kind, "site_heading")])


def _home(engine: _PageEngine, scopes: list[Scope], place: Place) -> str:
    first = scopes[0]
    style = first.style()
    labels = style.labels
    sections = tuple(build_section(scope, scope.place(place.page)) for scope in scopes)
    offices = {s.office for s in sections}
    title = sections[0].office if len(offices) == 1 else labels["site_heading"]
    pdf = any(name.endswith(".pdf") for name in first.files)
    view = HomeView(title, sections, data_links(place, style), None if pdf else labels["site_no_pdf"])
    heading = labels["site_heading"]
    doc = document(
        "site-home",
        heading if title == heading else f"{heading}: {title}",
        first.family.latest.plan,
        style,
        build_date(),
    )
    return engine.render("home.html", {"doc": doc, "page": view, "place": place.path})


def _changes(engine: _PageEngine, scope: Scope, old: Edition, new: Edition) -> str:
    style = scope.style(new)
    words = Words(style.labels, scope.digits)
    result = replace(diff_plans(old.plan, new.plan), old_label=edition_name(old), new_label=edition_name(new))
    title = f"{style.labels['site_changes']}: {new.plan.title}"
    doc = document("diff", title, new.plan, style, build_date())
    return engine.render("diff.html", {"doc": doc, "diff": build_page(result, new.plan.title, words)})


def _assets(engine: _PageEngine, histories: list[History], options: SiteOptions, built: Built) -> None:
    """The one stylesheet (the documents' own, then the site's) and the font files it names."""
    scope = Scope(histories[0], Tree(options.langs[0], ""), options.digits)
    style = scope.style()
    doc = document("site", "", scope.family.latest.plan, style, None)
    css = engine.render("style.css", {"doc": doc}) + "\n" + engine.render("site.css", {"doc": doc})
    for face in font_faces():
        css = css.replace(f"data:font/ttf;base64,{face.data}", f"fonts/{face.file}")
        built.files[f"{paths.ASSETS}/fonts/{face.file}"] = base64.b64decode(face.data)
    built.files[paths.STYLESHEET] = css.encode("utf-8")
    if options.search:
        built.files[_SCRIPT] = (packaged_templates() / "site" / "search.js").read_bytes()
