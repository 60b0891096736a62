"""``eduplan import PLAN.docx --into NEW-PLAN-DIR``: an office's existing plan from Word into a new plan folder.

:func:`eduplan.cli.sheet.import_` sends a ``.docx`` here. The import reads the document (bounded),
recognises the plan in it (:mod:`eduplan.word`), prints what it could not read as located findings
(``plan.docx: table 12, row 3, column 5: ...``), checks that the new files load, and writes them
all or none (:mod:`eduplan.output`). It never writes into a folder that already holds a plan.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eduplan.cli.common import EXIT_FINDINGS, EXIT_TROUBLE, fail, print_findings
from eduplan.errors import UsageError


def import_word(document: Path, into: Path, *, dry_run: bool, year: list[int] | None = None) -> None:
    """Import the Word file ``document`` as a new plan in the folder ``into``.

    Exit codes: 0 written (or, with ``dry_run``, shown), 1 the document lacks what a plan needs
    (nothing written), 2 trouble: not a .docx, ``into`` already holds a plan, a file cannot be written.
    """
    from eduplan.load.files import read_bounded
    from eduplan.load.loader import load_plan
    from eduplan.output.atomic import Batch
    from eduplan.output.guard import Inputs
    from eduplan.word import summary
    from eduplan.word.importer import import_docx

    if year:
        raise UsageError(summary.year_refused())
    summary.check_target(into)
    data, reason = read_bounded(document)
    if data is None:
        raise UsageError(summary.unreadable(document, reason))
    result = import_docx(data, str(document), into)
    print_findings(result.findings, sys.stderr)
    if result.errors:
        fail(summary.failed(document, len(result.errors)), EXIT_FINDINGS)
    loaded = load_plan(into, overlay={path: text.encode("utf-8") for path, text in result.files.items()})
    broken = [f for f in loaded.findings if f.severity == "error"]
    if broken or loaded.plan is None:
        print_findings(broken, sys.stderr)
        fail(summary.not_loaded(document), EXIT_TROUBLE)
    if dry_run:
        for path, text in result.files.items():
            print(f"# --- {path}\n{text}", end="")
        print("\n".join(summary.done(result, document, into, dry_run=True)))
        return
    batch = Batch(Inputs().add(document, "the Word file"))
    for path, text in result.files.items():
        batch.add_text(path, text)
    for written in batch.commit():  # every file of the new plan, or none
        print(f"eduplan: {written}", file=sys.stderr)
    print("\n".join(summary.done(result, document, into, dry_run=False)))
