"""Compiled templates kept between runs: Jinja's bytecode cache, in a folder of the user's own.

Jinja compiles a template from its source to Python on every run (most of what rendering the
shipped plan's HTML costs beyond loading the plan). :class:`TemplateCache` keeps the compiled
code in ``templates`` of eduplan's cache folder (:mod:`eduplan.output.cache`; an empty
``EDUPLAN_CACHE_DIR`` turns it off), so that the next run loads it.

It is safe to lose and safe to share between runs:

- a template whose source changed (an edit, ``--templates``) is compiled again: Jinja keeps a
  checksum of the source beside the code; a change of eduplan's environments (this module's
  fingerprint: the sources of ``engine`` and ``sandbox``, Jinja's and Python's versions) starts
  new files;
- the folder must be the user's own and closed to others (compiled code read from it runs: see
  :mod:`eduplan.output.cache`); without one, every run compiles; a damaged file is compiled again;
- runs at the same time each write a file of their own and rename it into place.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

__all__ = ["TemplateCache", "fingerprint"]


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in ``folder``, for one of eduplan's environments (``kind``), never in the way.

    Args:
        folder: Where the compiled templates are kept (:func:`cache_folder`).
        kind: The environment (``html``, ``md``): its files are apart from the other's.
        fingerprint: What the compiled code depends on besides the template's source.
    """

    def __init__(self, folder: Path, kind: str, fingerprint: str) -> None:
        super().__init__(str(folder), f"{kind}-{fingerprint}-%s.cache")

    def load_bytecode(self, bucket: Bucket) -> None:
        """The compiled template, if kept and whole; else nothing (it is compiled)."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged, truncated or foreign file: compile afresh
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the compiled template, if the folder takes it (a full or read-only disk: not kept)."""
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def fingerprint(*sources: Path) -> str | None:
    """A digest of the sources that define the environments, and of Jinja's and Python's versions (None: unreadable)."""
    digest = hashlib.sha256(f"{jinja2.__version__} {sys.version}".encode())
    try:
        for source in sources:
            digest.update(source.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:16]
