"""HTML -> PDF through headless Chromium.

Chromium gives an exact text layer for Thai (search and copy-paste work), honours ``@page``
margin boxes (page numbers) and repeats table headers. WeasyPrint draws Thai well but writes a
wrong text layer (Kozea/WeasyPrint#2841; measured again with WeasyPrint 70 by
``benchmarks/pdf_engines.py``: tone marks before their vowels, สูเ่ป้าหมาย for สู่เป้าหมาย, so that
search misses 35 of the shipped plan's headings), and prints the marked-up Thai words six times
slower, so it is not used. The table of contents gets its pages by printing twice (:func:`_paged`).

The Chromium binary is ``$EDUPLAN_CHROMIUM`` when set, else the first of ``chromium``,
``chromium-browser``, ``google-chrome``, ``chrome``, ``msedge`` found on ``PATH``, else Chrome or
Edge where their installers put them (Windows: Program Files and the user's AppData; macOS:
/Applications). Edge is Chromium and prints the same way.

Chromium runs in a session (and process group) of its own, its output in a file, not a pipe. It
has :data:`TIMEOUT` seconds (``EDUPLAN_PDF_SECONDS`` changes it; the shipped plan prints in about
1.5 s); when it takes longer, when eduplan is interrupted, and after every print, the whole group
is killed (on Windows, its process tree, with ``taskkill /T``), so no helper process of
Chromium's is left running.

Chromium stamps the PDF with the clock and names itself (its user agent) as the creator. The
document information dictionary is rewritten here (:func:`set_info`): the dates are the time
the caller gives (from the plan, or ``SOURCE_DATE_EPOCH``), the creator and producer name
eduplan, so that the same plan gives the same bytes on every run. Chromium's PDFs have one
classic cross-reference table, so the rewrite only moves the offsets that follow the
dictionary; anything else (a cross-reference stream, an incremental update) falls back to
setting the dates in place, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePath, PureWindowsPath
from typing import IO, Any, NoReturn

from eduplan import __version__
from eduplan.errors import EduplanError
from eduplan.i18n import N_, _
from eduplan.load.files import os_reason
from eduplan.render.limits import env_seconds
from eduplan.render.toc import anchors, destination_pages, has_pages, set_pages

__all__ = [
    "CHROMIUM_FLAGS",
    "INSTALL_HINT",
    "TIMEOUT",
    "printing_guard",
    "find_chromium",
    "html_to_pdf",
    "set_info",
    "stamp_dates",
    "timeout",
]

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
    "--generate-pdf-document-outline",
)
"""Flags that print a local file to PDF without a profile, network or sandbox (see domain.md §5), with
bookmarks from the headings (the PDF is tagged, in the document's language, by Chromium itself)."""

INSTALL_HINT = N_(
    "PDF output needs Chromium, which was not found; install it with `apt-get install chromium` "
    "(Debian/Ubuntu) or set EDUPLAN_CHROMIUM to a Chrome or Chromium binary"
)
"""What to do when there is no Chromium (marked: translate it where it is shown, ``_(INSTALL_HINT)``)."""
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
_INSTALLED = {
    "win32": (
        ("PROGRAMFILES", r"Google\Chrome\Application\chrome.exe"),
        ("PROGRAMFILES(X86)", r"Google\Chrome\Application\chrome.exe"),
        ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
        ("PROGRAMFILES(X86)", r"Microsoft\Edge\Application\msedge.exe"),
        ("PROGRAMFILES", r"Microsoft\Edge\Application\msedge.exe"),
    ),
    "darwin": (
        ("", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
        ("", "/Applications/Chromium.app/Contents/MacOS/Chromium"),
        ("", "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
    ),
}
"""Where Chrome, Chromium and Edge install themselves when they are not on ``PATH``: (folder variable, path)."""
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[+-]\d\d'\d\d'\)")
TIMEOUT = 15.0
"""Seconds Chromium has to print one PDF: ten times what the shipped plan takes (``EDUPLAN_PDF_SECONDS``)."""


def find_chromium(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Path of the Chromium binary to use, or None when there is none."""
    env = os.environ if environ is None else environ
    configured = env.get("EDUPLAN_CHROMIUM")
    if configured:
        return shutil.which(configured)
    found = next((found for name in _NAMES if (found := shutil.which(name))), None)
    return found or next((str(path) for path in installed(env, platform) if Path(str(path)).is_file()), None)


def installed(environ: Mapping[str, str], platform: str | None = None) -> list[PurePath]:
    """Where Chrome, Chromium and Edge are installed by default on ``platform`` (default: this one)."""
    system = sys.platform if platform is None else platform
    places: list[PurePath] = []
    for variable, relative in _INSTALLED.get(system, ()):
        if system == "win32":
            if environ.get(variable):
                places.append(PureWindowsPath(environ[variable], relative))
        else:
            places.append(Path(relative))
    return places


def html_to_pdf(html: str, when: dt.datetime) -> bytes:
    """Print an HTML document to PDF with headless Chromium.

    Args:
        html: A self-contained HTML document (fonts and images embedded).
        when: The PDF's creation and modification time (see :func:`eduplan.sourcedate.document_time`);
            with the same HTML, the same bytes.

    Raises:
        EduplanError: Chromium is missing, fails, or takes longer than :func:`timeout` seconds.
    """
    exe = find_chromium()
    if exe is None:
        raise EduplanError(_(INSTALL_HINT))
    if not has_pages(html):
        return set_info(_print(exe, html), when)
    return set_info(_paged(exe, html), when)


PASSES = 3
"""Prints at most of a document with a table of contents: the second print's pages are nearly always the first's."""


def _paged(exe: str, html: str) -> bytes:
    """The PDF of a document whose table of contents shows pages: printed until every heading keeps its page.

    The first print has ``88`` in every entry's page slot (two digits, as wide as most page
    numbers); each next print has the pages the last one gave, until a print gives every heading
    the page its entry says (the second, unless the numbers changed how the contents wrap), at
    most :data:`PASSES` times.
    """
    wanted = anchors(html)
    pages = dict.fromkeys(wanted, 88)
    data = b""
    for _pass in range(PASSES):
        data = _print(exe, set_pages(html, pages))
        found = destination_pages(data)
        landed = {anchor: found[anchor] for anchor in wanted if anchor in found}
        if landed == pages:
            break
        if not landed:  # a PDF whose destinations cannot be read: the contents without pages
            return _print(exe, set_pages(html, {}))
        pages = landed
    return data


def _print(exe: str, html: str) -> bytes:
    """One print of ``html`` by Chromium (``exe``): the PDF as Chromium wrote it."""
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
        with (folder / "stderr").open("w+b") as stderr:
            code = _run_group(command, stderr, exe)
            stderr.seek(0)
            errors = stderr.read(1_000_000)
        if code != 0 or not target.is_file() or target.stat().st_size == 0:
            last = _last_error(errors)
            if last is None:
                message = _("{program} could not print the PDF (exit {code}) and said nothing")
            else:
                message = _("{program} could not print the PDF (exit {code}): {error}")
            raise EduplanError(message.format(program=exe, code=code, error=last))
        return target.read_bytes()


def timeout() -> float:
    """Seconds Chromium has: ``EDUPLAN_PDF_SECONDS`` when a positive number, else :data:`TIMEOUT`."""
    return env_seconds("EDUPLAN_PDF_SECONDS", TIMEOUT)


def _run_group(command: list[str], stderr: IO[bytes], exe: str) -> int:
    """Run ``command`` in a new session within :func:`timeout`; kill its whole group afterwards, whatever happens.

    Raises:
        EduplanError: it cannot start, or takes too long.
    """
    limit = timeout()
    with _LOCK:  # started and listed at once, so that an interruption finds every Chromium
        if _STOPPING.is_set():
            raise EduplanError(_("interrupted before the PDF was printed"))
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, **_OWN_GROUP
            )
        except OSError as exc:
            raise EduplanError(_("cannot run {program}: {reason}").format(program=exe, reason=os_reason(exc))) from None
        _LIVE.add(process)
    try:
        return process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        message = _("{program} did not finish printing the PDF within {seconds} s (EDUPLAN_PDF_SECONDS sets the limit)")
        raise EduplanError(message.format(program=exe, seconds=f"{limit:g}")) from None
    finally:  # also on KeyboardInterrupt: the helpers Chromium started go with it
        _kill_group(process)
        with _LOCK:
            _LIVE.discard(process)


_LIVE: set[subprocess.Popen[bytes]] = set()
_LOCK = threading.Lock()
_STOPPING = threading.Event()


def _terminated(signum: int, frame: object) -> NoReturn:  # noqa: ARG001
    raise KeyboardInterrupt


@contextmanager
def printing_guard() -> Iterator[None]:
    """While PDFs print in other threads: an interruption (Ctrl-C, or SIGTERM in the main thread) kills every Chromium.

    Without it, the main thread's interruption would wait for the printing threads, and a
    SIGTERM would end eduplan and leave Chromium (in a session of its own) running.
    """
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if main else None
    _STOPPING.clear()
    try:
        yield
    except BaseException:
        with _LOCK:  # no Chromium starts after this
            _STOPPING.set()
            live = list(_LIVE)
        for process in live:
            _kill_group(process)
        raise
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


_OWN_GROUP: dict[str, Any] = (
    {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    if os.name == "nt"
    else {"start_new_session": True}
)
"""How Chromium is started in a group of its own: a new process group on Windows, a new session elsewhere."""


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill every process of ``process``'s group (its session; on Windows its tree), then reap ``process``."""
    if os.name == "nt":  # pragma: no cover - Windows has no process groups to signal: taskkill ends the tree
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
        if process.poll() is None:
            process.kill()
        process.wait()
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group is gone already
        pass
    except PermissionError:  # pragma: no cover - a member changed its user; the leader at least
        process.kill()
    process.wait()


def stamp_dates(pdf: bytes, epoch: int) -> bytes:
    """Set the PDF's CreationDate and ModDate to ``epoch`` (UTC), keeping every byte offset."""
    when = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).strftime("%Y%m%d%H%M%S").encode("ascii")
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + when + b"+00'00')", pdf)


def _last_error(stderr: bytes) -> str | None:
    """The last line of Chromium's stderr that is not D-Bus noise, or None when it said nothing."""
    lines = [
        line.strip()
        for line in stderr.decode("utf-8", "replace").splitlines()
        if line.strip() and "dbus" not in line.lower() and "bytes written" not in line
    ]
    return lines[-1] if lines else None


class _Unexpected(Exception):
    """The PDF is not laid out as Chromium writes it; :func:`set_info` falls back to the dates alone."""


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER_INFO = re.compile(rb"/Info\s+(\d+)\s+(\d+)\s+R")
_SUBSECTION = re.compile(rb"\s*(\d+)\s+(\d+)[ \t]*\r?\n")
_NAME = re.compile(rb"/[^\s/<>()\[\]{}%]+")
_REPLACED = (b"Creator", b"Producer", b"CreationDate", b"ModDate")


def set_info(pdf: bytes, when: dt.datetime) -> bytes:
    """The PDF with its dates set to ``when`` and eduplan named as its creator and producer.

    The producer keeps the engine's own name after eduplan's (``eduplan 0.1.0 with Skia/PDF
    m150``); every other entry (the title) stays. A PDF that is not laid out as expected gets
    only its dates set, in place.
    """
    try:
        return _rewrite_info(pdf, when)
    except _Unexpected:
        return stamp_dates(pdf, int(when.timestamp()))


def _rewrite_info(pdf: bytes, when: dt.datetime) -> bytes:
    """Replace the information dictionary and move the cross-reference offsets after it.

    Raises:
        _Unexpected: no single classic cross-reference table, or an information dictionary
            with values other than strings.
    """
    end = _STARTXREF.search(pdf)
    if end is None:
        raise _Unexpected("no startxref")
    xref_at = int(end.group(1))
    if not pdf.startswith(b"xref", xref_at):
        raise _Unexpected("a cross-reference stream")
    entries, trailer_at = _xref_entries(pdf, xref_at + 4)
    trailer = pdf[trailer_at : end.start()]
    info = _TRAILER_INFO.search(trailer)
    if info is None or b"/Prev" in trailer:
        raise _Unexpected("no information dictionary, or an incremental update")
    number, generation = int(info.group(1)), int(info.group(2))
    if number not in entries:
        raise _Unexpected("the information dictionary is not in the table")
    start = entries[number][0]
    head = b"%d %d obj" % (number, generation)
    close = pdf.find(b"endobj", start)
    if not pdf.startswith(head, start) or close < 0:
        raise _Unexpected("the information dictionary is not where the table says")
    stop = close + len(b"endobj")
    old = _parse_dict(pdf[start + len(head) : close].strip())
    new = head + b"\n<<" + b"\n".join(k + b" " + v for k, v in _info_entries(old, when)) + b">>\nendobj"
    delta = len(new) - (stop - start)
    table = bytearray(pdf[xref_at:trailer_at])
    for offset, at in entries.values():
        if offset > start:
            table[at - xref_at : at - xref_at + 10] = b"%010d" % (offset + delta)
    tail = pdf[trailer_at : end.start()] + b"startxref\n%d\n%%%%EOF\n" % (xref_at + delta)
    return pdf[:start] + new + pdf[stop:xref_at] + bytes(table) + tail


def _xref_entries(pdf: bytes, at: int) -> tuple[dict[int, tuple[int, int]], int]:
    """In-use objects of a classic table: number -> (offset, where its entry is), and where the trailer starts."""
    entries: dict[int, tuple[int, int]] = {}
    while not pdf.startswith(b"trailer", at):
        section = _SUBSECTION.match(pdf, at)
        if section is None:
            raise _Unexpected("a malformed cross-reference table")
        first, count = int(section.group(1)), int(section.group(2))
        at = section.end()
        for number in range(first, first + count):
            entry = pdf[at : at + 20]
            if len(entry) != 20 or not entry[:10].isdigit():
                raise _Unexpected("a malformed cross-reference entry")
            if entry[17:18] == b"n":
                entries[number] = (int(entry[:10]), at)
            at += 20
        while pdf[at : at + 1].isspace():
            at += 1
    return entries, at


def _parse_dict(text: bytes) -> list[tuple[bytes, bytes]]:
    """``<</Title (x) /Producer <FEFF..>>>`` -> ``[(b"/Title", b"(x)"), ...]``: names with string values only."""
    if not (text.startswith(b"<<") and text.endswith(b">>")):
        raise _Unexpected("not a dictionary")
    body, at = text[2:-2], 0
    out: list[tuple[bytes, bytes]] = []
    while True:
        while at < len(body) and body[at : at + 1].isspace():
            at += 1
        if at == len(body):
            return out
        name = _NAME.match(body, at)
        if name is None:
            raise _Unexpected("a key that is not a name")
        at = name.end()
        while at < len(body) and body[at : at + 1].isspace():
            at += 1
        value_end = _string_end(body, at)
        out.append((name.group(), body[at:value_end]))
        at = value_end


def _string_end(body: bytes, at: int) -> int:
    """Where the literal ``(...)`` or hex ``<...>`` string starting at ``at`` ends."""
    if body.startswith(b"<", at) and not body.startswith(b"<<", at):
        close = body.find(b">", at)
        if close < 0:
            raise _Unexpected("an unclosed hex string")
        return close + 1
    if not body.startswith(b"(", at):
        raise _Unexpected("a value that is not a string")
    depth, i = 0, at
    while i < len(body):
        char = body[i : i + 1]
        if char == b"\\":
            i += 2
            continue
        depth += {b"(": 1, b")": -1}.get(char, 0)
        i += 1
        if depth == 0:
            return i
    raise _Unexpected("an unclosed literal string")


def _info_entries(old: list[tuple[bytes, bytes]], when: dt.datetime) -> list[tuple[bytes, bytes]]:
    """The new dictionary: the old entries but the four eduplan sets, then eduplan's."""
    engine = dict(old).get(b"/Producer", b"")
    name = f"eduplan {__version__}".encode("ascii")
    producer = name + (b" with " + engine[1:-1] if engine.startswith(b"(") else b"")
    date = b"(D:" + when.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S").encode("ascii") + b"+00'00')"
    kept = [(k, v) for k, v in old if k[1:] not in _REPLACED]
    return [
        *kept,
        (b"/Creator", b"(" + name + b")"),
        (b"/Producer", b"(" + producer + b")"),
        (b"/CreationDate", date),
        (b"/ModDate", date),
    ]
