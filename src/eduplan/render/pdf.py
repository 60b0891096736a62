"""HTML -> PDF through headless Chromium.

Chromium gives an exact text layer for Thai (search and copy-paste work), honours ``@page``
margin boxes (page numbers) and repeats table headers. WeasyPrint draws Thai well but writes a
wrong text layer (สำนักงำน for สำนักงาน; Kozea/WeasyPrint#2841), so it is not used.

The Chromium binary is ``$EDUPLAN_CHROMIUM`` when set, else the first of ``chromium``,
``chromium-browser``, ``google-chrome`` found on ``PATH``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import EduplanError

__all__ = ["CHROMIUM_FLAGS", "INSTALL_HINT", "find_chromium", "html_to_pdf", "stamp_dates"]

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-pdf-header-footer",
)
"""Flags that print a local file to PDF without a profile, network or sandbox (see domain.md §5)."""

INSTALL_HINT = (
    "PDF output needs Chromium, which was not found; install it with `apt-get install chromium` "
    "(Debian/Ubuntu) or set EDUPLAN_CHROMIUM to a Chrome or Chromium binary"
)
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+-]\d\d'\d\d'\)")
TIMEOUT = 180


def find_chromium() -> str | None:
    """Path of the Chromium binary to use, or None when there is none."""
    configured = os.environ.get("EDUPLAN_CHROMIUM")
    if configured:
        return shutil.which(configured)
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


def html_to_pdf(html: str, epoch: int | None = None) -> bytes:
    """Print an HTML document to PDF with headless Chromium.

    Args:
        html: A self-contained HTML document (fonts and images embedded).
        epoch: ``SOURCE_DATE_EPOCH``: when given, the PDF's creation and modification dates
            are set to it, so that the same input gives the same bytes.

    Raises:
        EduplanError: Chromium is missing, fails, or takes longer than three minutes.
    """
    exe = find_chromium()
    if exe is None:
        raise EduplanError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="eduplan-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "document.html"
        source.write_text(html, encoding="utf-8")
        target = folder / "document.pdf"
        command = [
            exe,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired:
            raise EduplanError(f"{exe} did not finish printing the PDF within {TIMEOUT} s") from None
        except OSError as exc:
            raise EduplanError(f"cannot run {exe}: {exc.strerror}") from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            raise EduplanError(f"{exe} could not print the PDF (exit {done.returncode}): {_last_error(done.stderr)}")
        data = target.read_bytes()
    return stamp_dates(data, epoch) if epoch is not None else data


def stamp_dates(pdf: bytes, epoch: int) -> bytes:
    """Set the PDF's CreationDate and ModDate to ``epoch`` (UTC), keeping every byte offset."""
    when = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).strftime("%Y%m%d%H%M%S").encode("ascii")
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + when + b"+00'00')", pdf)


def _last_error(stderr: bytes) -> str:
    """The last line of Chromium's stderr that is not D-Bus noise."""
    lines = [
        line.strip()
        for line in stderr.decode("utf-8", "replace").splitlines()
        if line.strip() and "dbus" not in line.lower() and "bytes written" not in line
    ]
    return lines[-1] if lines else "no message"
