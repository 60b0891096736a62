"""What every page of the site shares: its place, its links, the site's menu and the other language.

A :class:`Place` is one page being made: where it is (from the site's root), in which language
tree, with which words. It makes every link of the page relative to the page itself
(:func:`eduplan.site.paths.href`). :class:`Chrome` is what the site's ``base.html`` draws around a
page: the stylesheet, the skip link, the menu, the breadcrumbs and the link to the same page in the
other language.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.site import paths
from eduplan.words.labels import Labels
from eduplan.words.thai import Lang

__all__ = ["ENDONYMS", "Chrome", "Link", "Place", "Tree"]

ENDONYMS: dict[str, str] = {"th": "ภาษาไทย", "en": "English"}
"""Each language by its own name, as a link to it reads in every language."""


@dataclass(frozen=True, slots=True)
class Link:
    """A link: where it goes (relative to the page), its text, and whether it is the page itself."""

    href: str
    text: str
    current: bool = False
    lang: str | None = None
    """The language of the page it leads to, when it is not the page's own (``hreflang`` and ``lang``)."""


@dataclass(frozen=True, slots=True)
class Tree:
    """One language of the site: its language and the folder its pages live in (``""`` or ``en/``)."""

    lang: Lang
    prefix: str
    other: Tree | None = None
    """The other language's tree, when the site has both."""


@dataclass(frozen=True, slots=True)
class Place:
    """The page being made: its path in its language's tree, and that tree.

    Attributes:
        page: The page's path from its language's root (``<family>/indicators/p1-i1.html``).
        tree: The language tree it is in.
    """

    page: str
    tree: Tree

    @property
    def path(self) -> str:
        """The page's path from the site's root."""
        return paths.in_lang(self.tree.prefix, self.page)

    def to(self, page: str, anchor: str | None = None) -> str:
        """A link to another page of the same language (``page`` from the language's root)."""
        return paths.href(self.path, paths.in_lang(self.tree.prefix, page), anchor)

    def to_file(self, path: str) -> str:
        """A link to a file from the site's root (a download, the stylesheet, the data)."""
        return paths.href(self.path, path)

    def other(self) -> Link | None:
        """The same page in the other language, or None when the site has one language."""
        other = self.tree.other
        if other is None:
            return None
        target = paths.in_lang(other.prefix, self.page)
        return Link(paths.href(self.path, target), ENDONYMS[other.lang], lang=other.lang)


@dataclass(frozen=True, slots=True)
class Chrome:
    """What the site's ``base.html`` draws around every page.

    Attributes:
        stylesheet: Link to the one stylesheet.
        menu: The site's menu (home, progress, indicators, data, search), the current page marked.
        crumbs: Where the page is: home, then the pages above it.
        other: The same page in the other language, or None.
        search: Link to the search page, or None when the site was built without search.
    """

    stylesheet: str
    menu: tuple[Link, ...]
    crumbs: tuple[Link, ...]
    other: Link | None
    search: Link | None


def chrome(
    place: Place,
    labels: Labels,
    *,
    family: str | None,
    crumbs: tuple[tuple[str, str], ...] = (),
    search: bool = False,
) -> Chrome:
    """The chrome of a page: ``crumbs`` are (page, text) pairs above it, the home page implied.

    ``family`` is the family whose pages the menu offers (its progress and indicator list), or None
    for the pages of a site of several plans that belong to none.
    """
    entries = [("index.html", labels["site_home"])]
    if family is not None:
        entries += [
            (paths.status(family), labels["site_status"]),
            (paths.indicators(family), labels["site_indicators"]),
        ]
    entries.append(("index.html#data", labels["site_data"]))
    menu = tuple(Link(place.to(*_split(page)), text, current=page == place.page) for page, text in entries)
    found = Link(place.to("search.html"), labels["site_search"], current=place.page == "search.html")
    trail = [Link(place.to("index.html"), labels["site_home"])] if place.page != "index.html" else []
    trail += [Link(place.to(page), text) for page, text in crumbs]
    return Chrome(
        stylesheet=place.to_file(paths.STYLESHEET),
        menu=menu,
        crumbs=tuple(trail),
        other=place.other(),
        search=found if search else None,
    )


def _split(page: str) -> tuple[str, str | None]:
    target, _hash, anchor = page.partition("#")
    return target, anchor or None
