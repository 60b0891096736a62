"""What an English sentence leaking into Thai output looks like, for the tests of every command in Thai.

Thai output may name what the user wrote or types, as written: YAML keys and values in backquotes
or quotes, codes (TG02), dotted names, options (``--lang``), paths, file:line:col, numbers, and the
names of formats and programs (YAML, PDF, Word, GitHub). Anything else in Latin letters is a word
that was not translated.
"""

from __future__ import annotations

import re

__all__ = ["NAMES", "leaks"]

NAMES = frozenset(
    {
        "eduplan",
        "Word",
        "Excel",
        "LibreOffice",
        "Chromium",
        "GitHub",
        "Actions",
        "GitLab",
        "Markdown",
        "Windows",
        "Linux",
        "macOS",
        "Python",
        "Jinja",
        "Sarabun",
        "THSarabunNew",
        "Noto",
        "Sans",
        "Thai",
        "Looped",
        "Unicode",
        "Babel",
        "Typer",
        "Rich",
        "git",
        "pip",
        "winget",
        "utf",
        "yamllint",
        "ruff",
        "Poedit",
        "pythainlp",
        "PyThaiNLP",
        "openpyxl",
        "docx",
        "xlsx",
        "yaml",
        "yml",
        "json",
        "html",
        "md",
        "pdf",
        "csv",
        "toml",
        "pyproject",
        "stdin",
        "stdout",
        "SDG",
        "SAR",
        "OBEC",
        "sar",
        "http",
        "https",
        "www",
        "validate",
        "gaps",
        "explain",
        "render",
        "diff",
        "export",
        "schema",
        "import",
        "init",
        "th",
        "en",
        "true",
        "false",
        "null",
    }
)
"""Names and formats that stay as they are in Thai text."""

_QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^'\n]*'|“[^”]*”|‘[^’]*’|«[^»]*»|\{[^}]*\}|\[[^\]]*\]\([^)]*\)")
_TECHNICAL = re.compile(
    r"[\w-]+![A-Z]+\d+(?::[A-Z]+\d+)?"  # sheet!cell
    r"|https?://\S+"  # addresses
    r"|(?<!\w)--?[A-Za-z][\w-]*"  # options
    r"|[\w.-]*[/\\][\w./\\-]*"  # paths
    r"|\b[\w-]+\.(?:yaml|yml|toml|json|html|md|pdf|docx|xlsx|csv|po|mo|txt|sarif|xml)\b"  # file names
    r"|\b[A-Za-z]+[\w-]*\.[A-Za-z][\w.-]*"  # dotted names: targets.against-direction, p1-i2.targets
    r"|\b[A-Z]{2}\d{2}\b"  # codes
    r"|\b[A-Za-z]*\d[\w-]*"  # anything with a digit: UTF-8, p1-i2, 2567
    r"|\b[a-z]+(?:[-_][a-z]+)+\b"  # keys and values: higher-is-better, fiscal_year
    r"|\b[A-Z]{2,}s?\b"  # acronyms: YAML, PDF, CI, BOM
)
_WORD = re.compile(r"[A-Za-z]{2,}")


def leaks(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The untranslated English words of ``text`` (Thai output), in order; none in good Thai."""
    stripped = _TECHNICAL.sub(" ", _QUOTED.sub(" ", text))
    return [w for w in _WORD.findall(stripped) if w not in NAMES and w not in allowed]
