"""Text inside GitHub Actions workflow commands, escaped as the Actions toolkit does.

validate's github format and diff's annotate findings and changes with ``::error file=...::message``
lines; a message, a file name or a plain log line must never end a command early, start a new one
(a file named ``::error::x``), or recolour the log with a control character.
"""

from __future__ import annotations

import re

__all__ = ["escape_data", "escape_property", "log_line"]

_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")
"""Control characters (an ANSI escape recolours the log), odd line breaks, lone surrogates."""


def escape_data(text: str) -> str:
    """Escape a message: ``%``, CR and LF; other control characters become U+FFFD."""
    text = _CONTROL.sub("\ufffd", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def log_line(text: str) -> str:
    """A plain line of the log: escaped, and never a workflow command (a file named ``::error::x``)."""
    line = escape_data(text)
    return " " + line if line.startswith("::") else line


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
