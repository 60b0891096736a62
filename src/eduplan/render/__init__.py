"""Rendering plans as documents: Plan -> view-models -> Jinja templates -> Markdown / HTML -> PDF.

Three documents: the five-year plan, the annual action plan of a fiscal year, and the annual
performance report of a fiscal year.

The entry point is :func:`render`: one :class:`Request` (which document, format, digits,
language) gives the document's bytes. :class:`Renderer` keeps the Jinja environment between
documents of one run.
"""

from __future__ import annotations

from eduplan.render.documents import (
    DocumentKind,
    Format,
    Renderer,
    Request,
    build_date,
    output_name,
    source_date_epoch,
)

__all__ = ["DocumentKind", "Format", "Renderer", "Request", "build_date", "output_name", "source_date_epoch"]
