"""The pages of one family in one language: what every page builder of the site is given.

A :class:`Scope` holds the family, its :class:`~eduplan.site.history.History`, the language tree
the pages go to, each edition's words (:class:`~eduplan.render.style.Style`, made once), and the
downloads that were made (so that a page links only to files that exist).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eduplan.render.style import Style
from eduplan.site.chrome import Place, Tree
from eduplan.site.history import History
from eduplan.site.sources import Edition, Family, YearDocument
from eduplan.words.labels import Labels
from eduplan.words.thai import Digits

__all__ = ["Scope", "document_title"]


@dataclass
class Scope:
    """One family's pages in one language.

    Attributes:
        history: The family's history.
        tree: The language tree the pages are written to.
        digits: The digits eduplan writes.
        files: Size in bytes of every download made, by its path from the site's root.
        search: Whether the site has a search page.
        files_lang: The language of the PDF and Word files (the site's first), when it is not the pages'.
        homes: The family key of every plan of the site, by the plan's folder (resolved): a unit of a register
            that keeps its own plan links to it.
    """

    history: History
    tree: Tree
    digits: Digits
    files: dict[str, int] = field(default_factory=dict)
    search: bool = False
    homes: dict[Path, str] = field(default_factory=dict)
    files_lang: str | None = None
    _styles: dict[str, Style] = field(default_factory=dict)

    @property
    def family(self) -> Family:
        """The family."""
        return self.history.family

    @property
    def key(self) -> str:
        """The family's key (the first folder of its pages)."""
        return self.history.family.key

    def style(self, edition: Edition | None = None) -> Style:
        """The words and digits of an edition's pages (default: the latest edition's)."""
        plan = (edition or self.family.latest).plan
        if plan.id not in self._styles:
            lang = self.tree.lang
            self._styles[plan.id] = Style(lang, self.digits, Labels(lang, plan.labels, plan.hierarchy))
        return self._styles[plan.id]

    def place(self, page: str) -> Place:
        """The place of a page of this language tree."""
        return Place(page, self.tree)


def document_title(document: YearDocument, style: Style) -> str:
    """An action plan's or report's title: its own, or the words eduplan gives it (as the documents do)."""
    if document.document.title:
        return document.document.title
    academic = document.document.year_kind == "academic"
    base = "action_plan_title" if document.kind == "action-plan" else "report_title"
    return style.labels.format(f"{base}_academic" if academic else base, year=style.year(document.year))
