"""The print finish of a document's HTML: its table of contents filled in, Thai broken only between words."""

from __future__ import annotations

from eduplan.render.linebreak import keep_words, mark_breaks
from eduplan.render.toc import fill_contents

__all__ = ["finish"]


def finish(html: str, words: tuple[str, ...] = ()) -> str:
    """``html`` as a browser and the PDF get it (Word gets the HTML as the templates wrote it).

    Args:
        html: A document eduplan rendered.
        words: The plan's own words that lines never break inside (:func:`eduplan.render.linebreak.plan_words`).
    """
    finished = mark_breaks(fill_contents(html), words)
    keep_words()  # the runs cut for this document, for the next run (the cache folder's, if there is one)
    return finished
