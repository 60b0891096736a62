"""The documents and their requests: the entry point of :mod:`eduplan.render`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.load.images import Image
from eduplan.model import Plan
from eduplan.output.sourcedate import document_time, source_date_epoch, source_time
from eduplan.render.digits import display, keep
from eduplan.render.engine import Engine
from eduplan.render.finish import finish
from eduplan.render.frontmatter import build_front, present_blocks
from eduplan.render.linebreak import plan_words
from eduplan.render.views import Charts, Document, Style, build_plan, document
from eduplan.words.labels import Labels
from eduplan.words.thai import Digits, Lang

__all__ = ["DocumentKind", "Format", "Renderer", "Request", "build_date", "output_name", "source_date_epoch"]

DocumentKind = Literal["plan", "action-plan", "report"]
Format = Literal["markdown", "html", "pdf", "docx"]


@dataclass(frozen=True, slots=True)
class Request:
    """One document to render.

    Attributes:
        document: ``plan`` (the five-year plan), ``action-plan`` or ``report`` (one fiscal year).
        fmt: ``markdown``, ``html``, ``pdf`` or ``docx``.
        year: The fiscal year (BE) of an action plan or a report; ignored for the plan.
        digits: ``arabic``, or ``thai`` for every digit of the document, the plan's text included
            (:mod:`eduplan.render.digits`: a display transform, never a change of the data).
        lang: ``th`` or ``en`` for the words eduplan writes.
        charts: The plan's target charts: ``off``, ``compact`` (only targets that move) or ``full``.
        budget_digits: The digits of money amounts when they differ from ``digits`` (``arabic`` in a
            document in Thai digits, as budget tables may keep them), or None for the document's.
        colophon: Whether the document ends with its colophon (made with eduplan, the source of the data).
    """

    document: DocumentKind
    fmt: Format
    year: int | None = None
    digits: Digits = "arabic"
    lang: Lang = "th"
    charts: Charts = "compact"
    budget_digits: Digits | None = None
    colophon: bool = False


def build_date() -> dt.date | None:
    """The date printed in documents: ``SOURCE_DATE_EPOCH`` (UTC) when set, else None (no clock)."""
    when = source_time()
    return None if when is None else when.date()


def output_name(plan: Plan, request: Request) -> str:
    """Default file name: ``<plan id>.plan.html``, ``<plan id>.action-plan-2567.pdf``, ``<plan id>.report-2567.md``."""
    kind = request.document if request.document == "plan" else f"{request.document}-{request.year}"
    return f"{plan.id}.{kind}.{SUFFIX[request.fmt]}"


SUFFIX: dict[Format, str] = {"markdown": "md", "html": "html", "pdf": "pdf", "docx": "docx"}
"""File name extension of each format."""


class Renderer:
    """Renders documents of plans; holds the template engine for a whole run."""

    def __init__(
        self,
        templates: Path | None = None,
        reference: tuple[bytes, str] | None = None,
        images: Mapping[str, Image] | None = None,
    ) -> None:
        """Prepare the template engine (``templates`` overrides packaged templates file by file).

        ``reference`` is a Word document (bytes, name) whose styles, margins, header and footer the
        .docx documents take; ``images`` are the plan's images by the name it gives them (its logo,
        :func:`eduplan.load.images.plan_images`), which the documents embed.
        """
        self.engine = Engine(templates)
        self.reference = reference
        self.images = dict(images or {})
        self.warnings: list[tuple[Request, str]] = []
        """What a document of this run leaves out (charts of a Word document without librsvg), in words."""

    def text(self, plan: Plan, request: Request) -> str:
        """The document as Markdown or HTML text (for ``pdf`` and ``docx``, the HTML they are made from).

        HTML for a browser or the PDF gets its print finish (:func:`eduplan.render.finish.finish`): the
        table of contents filled in, Thai broken only between words; Word breaks Thai itself and
        makes its own table of contents, so its HTML is left as the templates wrote it.
        """
        made = self._made(plan, request)
        if request.fmt in ("html", "pdf"):
            return finish(made, plan_words([plan.office.short_name, *plan.office.former_names]))
        return made

    def _made(self, plan: Plan, request: Request) -> str:
        """The document as its template writes it."""
        labels = Labels(request.lang, plan.labels, plan.hierarchy)
        style = Style(request.lang, request.digits, labels, budget_digits=request.budget_digits)
        ext = "md" if request.fmt == "markdown" else "html"
        if request.document == "plan":
            doc = document("plan", plan.title, plan, style, build_date())
            book = build_plan(plan, style, request.charts)
            present = present_blocks(
                plan, identity=bool(book.identity), links=book.links is not None, budget_frame=bool(book.budget_frame)
            )
            front = build_front(
                plan, style, present, self.images, colophon=request.colophon, generated_on=doc.generated_on
            )
            return self._page(f"plan.{ext}", {"doc": doc, "plan": book, "front": front}, request, plan)
        if request.year is None:
            if request.document == "report":
                raise UsageError(_("the report document needs a fiscal year (--year)"))
            raise UsageError(_("the action-plan document needs a fiscal year (--year)"))
        # each document's views imported when it is rendered: the plan alone does not pay for the others'
        if request.document == "report":
            from eduplan.render.report import build_report

            report = build_report(plan, request.year, style)
            doc = document("report", report.title, plan, style, build_date())
            return self._page(f"report.{ext}", {"doc": doc, "report": report}, request, plan)
        from eduplan.render.action import build_action_plan

        view = build_action_plan(plan, request.year, style)
        doc = document("action-plan", view.title, plan, style, build_date())
        return self._page(f"action-plan.{ext}", {"doc": doc, "ap": view}, request, plan)

    def _page(self, name: str, context: dict[str, Any], request: Request, plan: Plan) -> str:
        """Template ``name`` rendered, in the request's digits (every digit of its text, for ``thai``).

        The plan's id in the colophon keeps its digits (an id is not a number); the colophon is printed
        only when the request asks for it.
        """
        doc: Document = context["doc"]
        made_with = doc.generated_by.replace(plan.id, keep(plan.id))
        shown = {**context, "doc": replace(doc, generated_by=made_with), "show_colophon": request.colophon}
        text = self.engine.render(name, shown)
        return display(text, "markdown" if name.endswith(".md") else "html", request.digits)

    def _word(self, plan: Plan, request: Request, text: str) -> bytes:
        """The Word document of ``text`` (the document's HTML); what it leaves out goes to :attr:`warnings`."""
        from eduplan.render.docx import html_to_docx  # python-docx: 45 ms only Word output needs

        labels = Labels(request.lang, plan.labels, plan.hierarchy)
        when = document_time(plan, request.document, request.year)
        said: list[str] = []
        data = html_to_docx(text, labels, reference=self.reference, when=when, warnings=said)
        self.warnings += [(request, warning) for warning in said]
        return data

    def render(self, plan: Plan, request: Request) -> bytes:
        """The document's bytes: UTF-8 text for markdown and html, a PDF printed by Chromium, a Word document."""
        return next(self.render_all(plan, [request]))[1]

    def render_all(self, plan: Plan, requests: list[Request]) -> Iterator[tuple[Request, bytes]]:
        """Each document's bytes: text documents as they are made, then the PDFs, printed in parallel.

        Chromium prints up to four PDFs at a time (each in its own process); the text of every
        document is made first, in this thread, since Jinja's environment is not shared across threads.
        An interruption kills every Chromium still printing (:func:`eduplan.render.pdf.printing_guard`).
        """
        from eduplan.render.pdf import html_to_pdf, printing_guard

        workers = min(4, os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=workers) as pool, printing_guard():
            printing: list[tuple[Request, Future[bytes]]] = []
            for request in requests:
                text = self.text(plan, request)
                if request.fmt == "pdf":
                    when = document_time(plan, request.document, request.year)
                    printing.append((request, pool.submit(html_to_pdf, text, when)))
                elif request.fmt == "docx":
                    yield request, self._word(plan, request, text)
                else:
                    yield request, text.encode("utf-8")
            for request, future in printing:
                yield request, future.result()
