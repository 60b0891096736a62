"""A Word file's plan, read: the files of a new plan folder and the findings of the import.

:func:`import_docx` reads bounded bytes (the caller's, through :mod:`eduplan.load.files`),
recognises the plan and returns :class:`WordImport`. Nothing is written here: the command
writes :attr:`WordImport.files` through :mod:`eduplan.output` when there is no error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eduplan.findings import Finding, Severity
from eduplan.word.draft import Draft
from eduplan.word.emit import plan_files
from eduplan.word.notes import Notes
from eduplan.word.outline import outline
from eduplan.word.read import read_docx

__all__ = ["WordImport", "import_docx"]


@dataclass
class WordImport:
    """The new plan's files (path -> YAML text; empty when an error stops the import) and the findings."""

    draft: Draft
    findings: list[Finding]
    files: dict[Path, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        """The findings that stop the import (nothing is written)."""
        return [f for f in self.findings if f.severity == Severity.ERROR]


def import_docx(data: bytes, name: str, root: Path) -> WordImport:
    """Read the .docx ``data`` (named ``name`` in findings) as the plan of a new folder ``root``.

    Raises:
        UsageError: not a .docx eduplan reads (not a zip archive, too large, a zip bomb, broken).
    """
    blocks = read_docx(data, name)
    notes = Notes(name)
    draft = outline(blocks, notes)
    result = WordImport(draft, notes.items)
    if not result.errors:
        result.files = plan_files(draft, root, Path(name).name)
    return result
