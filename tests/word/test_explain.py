"""`eduplan explain` knows the codes of a Word import, as it knows validate's."""

from __future__ import annotations

from typer.testing import CliRunner

from eduplan.cli.app import app
from eduplan.word.notes import CODES


def test_every_word_import_code_is_explained() -> None:
    listed = CliRunner().invoke(app, ["explain", "--list"]).output
    for code, info in CODES.items():
        assert f"{code}  {info.name}" in listed
    run = CliRunner().invoke(app, ["explain", "WD"])
    assert run.exit_code == 0
    assert [line.split()[0] for line in run.output.splitlines() if line.startswith("WD0")] == sorted(CODES)
