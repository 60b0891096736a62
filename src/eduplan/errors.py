"""The one root of eduplan's exceptions.

Exceptions are for "cannot continue" (a path that does not exist, a broken template); problems
in plan data are findings, never exceptions. ``cli.py`` catches :class:`EduplanError` in one
place and prints its message as one line with exit code 2.
"""

from __future__ import annotations

__all__ = ["EduplanError", "UsageError"]


class EduplanError(Exception):
    """Something that stops a command; the message is shown to the user as is."""


class UsageError(EduplanError):
    """The command line asks for something impossible (a missing path, an unknown option value)."""
