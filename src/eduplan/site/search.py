"""The site's search index: Pagefind, over the pages with their Thai split into words.

Pagefind (https://pagefind.app, the ``pagefind[bin]`` package of the ``site`` extra) builds a static
index that the browser searches with no server. It finds words between spaces, and Thai writes none:
given a Thai page, Pagefind 1.5 indexes each run of Thai as one word (measured: the test
``test_pagefind_alone_keeps_thai_runs_whole``), while it splits a Thai *query* into words with the
browser's segmenter (``Intl.Segmenter``, ICU's dictionary), so a query for a word inside a run finds
nothing.

So the index is built from a copy of the pages in which every run of Thai is split into words by
PyThaiNLP (the dictionary the documents' line breaks use), the words joined by a thin space (U+2009),
a space to Pagefind. ICU cuts finer than PyThaiNLP (สถาน|ศึกษา where PyThaiNLP keeps สถานศึกษา, ยา|เสพ|ติด
for ยาเสพติด), and Pagefind matches a query word against the beginning of an indexed word: so after a
compound word the copy also gives the parts it ends with (ศึกษา after สถานศึกษา; เสพติด and ติด after
ยาเสพติด), each between two INVISIBLE SEPARATORs (U+2063), which Pagefind drops from the word and the
search page drops, with what they enclose, from the titles and excerpts it shows. The pages
themselves are not changed.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from eduplan.errors import EduplanError, UsageError
from eduplan.i18n import _
from eduplan.words.thainlp import offline

offline()  # before PyThaiNLP is imported: it would make a data folder in the home folder
from pythainlp.corpus.common import thai_words  # noqa: E402
from pythainlp.tokenize import tcc, word_tokenize  # noqa: E402

__all__ = ["MARK", "SEPARATOR", "available", "index_files", "parts", "split_thai"]

SEPARATOR = "\u2009"
"""What the indexed copy puts between Thai words: THIN SPACE, a word break to Pagefind."""
MARK = "\u2063"
"""What encloses the part of a compound word the copy adds after it: INVISIBLE SEPARATOR."""
TIMEOUT = 120.0
"""Seconds Pagefind has to index a site (the shipped plan's takes well under one)."""

_DICTIONARY = thai_words()
_THAI = re.compile(r"[\u0e00-\u0e7f]+")
_PARTS = re.compile(r"(<[^>]*>)")
_RAW = re.compile(r"<(script|style)\b", re.IGNORECASE)


def available() -> bool:
    """Whether Pagefind is installed (``pip install 'eduplan[site]'``)."""
    return importlib.util.find_spec("pagefind") is not None


@functools.cache
def parts(word: str) -> tuple[str, ...]:
    """The dictionary words a compound word is made of, as many as can be (at least two), or ``()``.

    ``สถานศึกษา`` is สถาน + ศึกษา, ``ยาเสพติด`` is ยา + เสพ + ติด; a word that is no compound has no parts.
    Parts are cut between Thai character clusters, each of at least two letters.
    """
    cuts = [0, *sorted(tcc.tcc_pos(word))]
    best: dict[int, tuple[str, ...]] = {0: ()}
    for end in cuts[1:]:
        for start in cuts:
            if start >= end or start not in best:
                continue
            piece = word[start:end]
            if len(piece) >= 2 and piece != word and piece in _DICTIONARY:
                found = (*best[start], piece)
                if len(found) > len(best.get(end, ())):
                    best[end] = found
    return best.get(len(word), ())


def _indexed(run: str) -> str:
    """A run of Thai as the index reads it: its words, each compound followed by the parts it ends with."""
    out = []
    for word in _words(run):
        pieces = parts(word)
        tails = ["".join(pieces[n:]) for n in range(1, len(pieces))]
        out.append(SEPARATOR.join([word, *(f"{MARK}{tail}{MARK}" for tail in tails)]))
    return SEPARATOR.join(out)


@functools.cache
def _words(run: str) -> tuple[str, ...]:
    return tuple(w for w in word_tokenize(run, engine="newmm", keep_whitespace=False) if w)


def split_thai(html: str) -> str:
    """The page as the index reads it: every run of Thai in its text split (tags, scripts and styles as they are)."""
    out: list[str] = []
    raw: str | None = None
    for part in _PARTS.split(html):
        if part.startswith("<"):
            if raw is None and (match := _RAW.match(part)):
                raw = match.group(1).lower()
            elif raw is not None and part.lower().startswith(f"</{raw}"):
                raw = None
            out.append(part)
        elif raw is None:
            out.append(_THAI.sub(lambda m: _indexed(m.group()), part))
        else:
            out.append(part)
    return "".join(out)


def index_files(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Pagefind's bundle (``pagefind/...``) for the HTML pages among ``files`` (path from the site's root -> bytes).

    Raises:
        UsageError: Pagefind is not installed.
        EduplanError: Pagefind fails or takes longer than :data:`TIMEOUT` seconds.
    """
    if not available():
        raise UsageError(_("--search needs Pagefind; install it with `pip install 'eduplan[site]'`"))
    with tempfile.TemporaryDirectory(prefix="eduplan-search-") as tmp:
        pages, bundle = Path(tmp, "pages"), Path(tmp, "pagefind")
        for name, data in files.items():
            if name.endswith(".html"):
                path = pages.joinpath(*name.split("/"))
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(split_thai(data.decode("utf-8")), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(bundle), "--silent"]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise EduplanError(_("Pagefind took longer than {seconds} seconds").format(seconds=int(TIMEOUT))) from None
        except OSError as exc:
            raise EduplanError(_("cannot run Pagefind: {reason}").format(reason=exc)) from None
        if done.returncode != 0:
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise EduplanError(
                _("Pagefind failed (exit {code}): {error}").format(code=done.returncode, error=said[-1] if said else "")
            )
        return {
            "pagefind/" + path.relative_to(bundle).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*"))
            if path.is_file()
        }
