"""Running ``eduplan init`` and the commands an office runs next, in-process."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from eduplan.cli.app import app

CLEAN_ENV = {
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "GITHUB_ACTIONS": None,
    "GITHUB_STEP_SUMMARY": None,
    "SOURCE_DATE_EPOCH": None,
}

OFFICE = [
    "--kind",
    "office",
    "--name",
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1",
    "--short-name",
    "สพป.เชียงใหม่ เขต 1",
    "--period",
    "2567-2571",
]
"""An educational service area office's answers, given as flags (the id comes from the short name)."""

SCHOOL = [
    "--kind",
    "school",
    "--name",
    "โรงเรียนบ้านหนองบัว",
    "--code",
    "1050130001",
    "--parent",
    "สพป.เชียงใหม่ เขต 1",
    "--period",
    "2567-2569",
]
"""A school's answers, given as flags (the id comes from the OBEC code)."""

OFFICE_PLAN = "plans/pesa-chiang-mai-1/2567-2571"
SCHOOL_PLAN = "plans/school-1050130001/2567-2569"


def eduplan(*args: str, stdin: str | None = None) -> Result:
    """Run the app as the installed command would (its errors one line on stderr)."""
    result = CliRunner().invoke(app, list(args), input=stdin, env=CLEAN_ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def files_under(root: Path) -> dict[str, str]:
    """Every file under ``root`` (hidden ones too) by its path relative to ``root``."""
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
