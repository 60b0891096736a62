"""Time limits of rendering that the environment may change (EDUPLAN_RENDER_SECONDS, EDUPLAN_PDF_SECONDS)."""

from __future__ import annotations

import os

__all__ = ["env_seconds"]


def env_seconds(name: str, default: float) -> float:
    """Seconds from the environment variable ``name`` when it is a positive number below a day, else ``default``.

    >>> env_seconds("EDUPLAN_NO_SUCH_VARIABLE", 15.0)
    15.0
    """
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if 0 < value < 86_400 else default
