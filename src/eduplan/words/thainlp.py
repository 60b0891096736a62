"""PyThaiNLP as eduplan uses it: only what it ships, nothing downloaded, nothing written.

eduplan uses PyThaiNLP's bundled word list and segmenter (the documents' line breaks, the site's
search index, rule TX09, ``explain``). Imported as it is, PyThaiNLP makes a data folder in the
home folder (``~/pythainlp-data``), and where that cannot be written (a service account whose
home is ``/nonexistent``, a container running as another user) the import fails. :func:`offline`
turns on PyThaiNLP's own switches, ``PYTHAINLP_OFFLINE`` and ``PYTHAINLP_READ_ONLY``, unless the
user set them: call it before importing PyThaiNLP.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

__all__ = ["offline", "package_folder"]


def offline() -> None:
    """Let PyThaiNLP download nothing and write nothing (the user's own settings of both kept)."""
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")


def package_folder() -> Path | None:
    """The folder PyThaiNLP is installed in (its word list: ``corpus/words_th.txt``), found without importing it."""
    spec = find_spec("pythainlp")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent
