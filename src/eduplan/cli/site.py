"""``eduplan site``: the office's plans, action plans and reports as a static web site."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from eduplan.cli.common import DIGITS_HELP, DigitsChoice, LangChoice
from eduplan.errors import UsageError
from eduplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from eduplan.words.thai import Lang

LANG_HELP = (
    "Language of the site's pages. Without --lang the site has both: Thai at its root (what the office's readers"
    " expect, and the language of its documents) and English under en/, each page linking to its twin."
)


def site(
    plans: Annotated[
        list[Path],
        typer.Argument(
            help="Plan directories or files, or folders holding them; editions of one plan (edition.revision_of) "
            "make one history.",
            show_default=False,
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write the site to.")],
    lang: Annotated[LangChoice | None, typer.Option(help=LANG_HELP)] = None,
    digits: Annotated[DigitsChoice, typer.Option(help=DIGITS_HELP)] = DigitsChoice.arabic,
    pdf: Annotated[
        bool, typer.Option("--pdf/--no-pdf", help="PDF files of the documents (they need Chromium; without it, none).")
    ] = True,
    docx: Annotated[bool, typer.Option("--docx/--no-docx", help="Word files of the documents.")] = True,
    search: Annotated[
        bool, typer.Option("--search", help="A search page with an index that splits Thai into words (Pagefind).")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace DIR even when it is not a site eduplan made: everything in it is deleted."
        ),
    ] = False,
) -> None:
    """Publish plans as a static web site: every edition, action plan and report, and each indicator by year.

    The home page lists the documents as offices publish them, each with its page and its PDF and Word
    files; every policy, indicator, project and unit has a page of its own by its id; the progress page
    counts the indicators achieved, not achieved and without data, by year and policy; revised editions
    get a page of what changed. The indicator table is published as CSV, Excel and a Frictionless Data
    Package. The site needs no server and no JavaScript (but for search), and reads the same from a folder.

    DIR is written whole or not at all; a folder that is not a site eduplan made is refused unless --force.

    Exit codes: 0 written, 2 usage or IO trouble, or a plan that does not load whole (nothing written).
    """
    from eduplan.load.loader import find_plans
    from eduplan.load.whole import load_whole
    from eduplan.output.guard import Inputs
    from eduplan.output.tree import write_tree
    from eduplan.site.build import MARKER, SiteOptions, build_site
    from eduplan.site.sources import Edition

    if search:
        from eduplan.site.search import available

        if not available():
            raise UsageError(_("--search needs Pagefind; install it with `pip install 'eduplan[site]'`"))
    editions = []
    inputs = Inputs()
    for path in find_plans(plans):
        plan, loaded = load_whole(path)
        editions.append(Edition(plan, loaded.root, tuple(loaded.files)))
        inputs.add(loaded.root, N_("the plan")).add_files(loaded.files, N_("a file of the plan"))
    langs = (lang.value,) if lang is not None else ("th", "en")
    options = SiteOptions(langs=cast("tuple[Lang, ...]", langs), digits=digits.value, pdf=pdf, docx=docx, search=search)
    built = build_site(editions, options)
    if search:
        from eduplan.site.search import index_files

        built.files.update(index_files(built.files))
    written = write_tree(output, built.files, inputs, marker=MARKER, force=force)
    for warning in built.warnings:
        sys.stderr.write(f"eduplan: warning: {warning}\n")
    size = sum(len(data) for data in built.files.values())
    message = ngettext(
        "wrote the site {folder}: {count} page, {files} files, {size} MB",
        "wrote the site {folder}: {count} pages, {files} files, {size} MB",
        built.pages,
    )
    shown = output if written == output.resolve() else written
    said = message.format(folder=shown, count=built.pages, files=len(built.files), size=f"{size / 1e6:.1f}")
    print(said, file=sys.stderr)
