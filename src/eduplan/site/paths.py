"""Where every page of a site lives, by id, and the relative links between them.

Permalinks are made of ids only, so that a page keeps its address from one build to the next
and from one edition to the next::

    index.html                                   the home page (the documents by year)
    <family>/<plan id>.plan.html                 a plan edition (…action-plan-2567.html, …report-2567.html)
    <family>/<plan id>.plan.pdf                  its downloads (…docx), once, in the site's first language
    <family>/policies/<policy id>.html           a policy (strategy) of any level
    <family>/indicators/<indicator id>.html      an indicator across the years; indicators/index.html lists them
    <family>/projects/<project id>.html          a project, every year it runs
    <family>/units/<unit code>.html              a school or office of the roll-up register; units/index.html lists them
    <family>/status.html                         achieved, not achieved, no data: per year and policy
    <family>/changes/<plan id>.html              what changed since the previous edition
    data/indicators.csv, .xlsx, datapackage.json the indicator table, for others to use
    assets/style.css, assets/fonts/…             one stylesheet and its fonts for every page
    en/…                                         the same pages in the second language, when there is one

Every link is relative (``../indicators/p1-i1.html``): the site works from ``file://``, from a
folder of any web server and from any static host, with no base address to configure.
"""

from __future__ import annotations

import posixpath

from eduplan.model import Plan
from eduplan.render import Request, output_name

__all__ = [
    "ASSETS",
    "DATA",
    "STYLESHEET",
    "changes",
    "document",
    "download",
    "href",
    "in_lang",
    "indicator",
    "indicators",
    "policy",
    "project",
    "status",
    "unit",
    "units",
]

ASSETS = "assets"
STYLESHEET = f"{ASSETS}/style.css"
DATA = "data"


def in_lang(prefix: str, page: str) -> str:
    """A page's path from the site's root: ``prefix`` is ``""`` for the first language, ``en/`` for the second."""
    return prefix + page


def href(page: str, target: str, anchor: str | None = None) -> str:
    """The relative link from ``page`` to ``target`` (both from the site's root), with an ``#anchor``."""
    same = target == page
    link = posixpath.basename(target) if same else posixpath.relpath(target, posixpath.dirname(page) or ".")
    return f"{link}#{anchor}" if anchor else link


def document(family: str, plan: Plan, kind: str, year: int | None = None, fmt: str = "html") -> str:
    """A document's page (``fmt`` ``html``) or file (``pdf``, ``docx``): the file name ``eduplan render`` gives it."""
    request = Request(kind, fmt, year)  # type: ignore[arg-type]  # kind and fmt are the render stage's words
    return f"{family}/{output_name(plan, request)}"


def download(family: str, plan: Plan, kind: str, year: int | None, fmt: str) -> str:
    """A document's PDF or Word file, from the site's root (the same for both languages)."""
    return document(family, plan, kind, year, fmt)


def policy(family: str, policy_id: str) -> str:
    """A policy's page."""
    return f"{family}/policies/{policy_id}.html"


def indicator(family: str, indicator_id: str) -> str:
    """An indicator's page."""
    return f"{family}/indicators/{indicator_id}.html"


def indicators(family: str) -> str:
    """The list of a family's indicators."""
    return f"{family}/indicators/index.html"


def project(family: str, project_id: str) -> str:
    """A project's page."""
    return f"{family}/projects/{project_id}.html"


def unit(family: str, code: str) -> str:
    """A unit's page (a school or office of the register)."""
    return f"{family}/units/{code}.html"


def units(family: str) -> str:
    """The list of a family's units (the roll-up register)."""
    return f"{family}/units/index.html"


def status(family: str) -> str:
    """A family's status page."""
    return f"{family}/status.html"


def changes(family: str, plan: Plan) -> str:
    """The changes that made edition ``plan`` from the one before it."""
    return f"{family}/changes/{plan.id}.html"
