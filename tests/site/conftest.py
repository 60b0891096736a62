"""The site the browser tests read, built once per test session, and the browser that reads it.

``built_site`` builds the shipped plan, the two editions of the office example, the annual-cycle example
and the roll-up office with its schools (every kind of page: two languages, a revision, action plans,
reports, projects, a register's units) with search,
without PDF and Word files (the download tests build their own small site). ``browser`` is Playwright
driving Debian's chromium; tests that need it are skipped, with the reason, when it is missing.
Screenshots go to ``$EDUPLAN_ARTIFACTS/site`` when it is set, else to the session's temporary folder.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REAL_PLAN, REPO
from tests.validate.helpers import cli

EXAMPLES = REPO / "docs" / "examples"
PLANS = [REAL_PLAN, EXAMPLES / "office-strategic", EXAMPLES / "annual-cycle", EXAMPLES / "rollup-office"]
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # 14 November 2023: the colophon's date is part of the goldens


def build(output: Path, *args: str, plans: list[Path] | None = None) -> Path:
    """``eduplan site PLANS -o OUTPUT ARGS`` in-process; the folder."""
    run = cli("site", *(str(p) for p in plans or PLANS), "-o", str(output), *args, env=EPOCH)
    assert run.code == 0, run.err
    return output


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of every plan of :data:`PLANS`, both languages, with search; no PDF or Word files."""
    return build(tmp_path_factory.mktemp("site") / "site", "--search", "--no-pdf", "--no-docx")


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots are kept: ``$EDUPLAN_ARTIFACTS/site``, else a folder of the session."""
    given = os.environ.get("EDUPLAN_ARTIFACTS")
    folder = Path(given) / "site" if given else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Playwright's chromium: Debian's own (no download); skipped when it is missing."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the site's browser tests need it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (the dev extra)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield chromium
        chromium.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the base class's signature
        """Say nothing (the test output is the tests')."""


@pytest.fixture(scope="session")
def served(built_site: Path) -> Iterator[str]:
    """The built site over HTTP on this machine (search reads its index; a browser refuses that from file://)."""
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
