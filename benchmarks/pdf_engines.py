"""Chromium against WeasyPrint on eduplan's documents: line breaks, page faults, contents, speed, bytes, size.

    .venv/bin/python benchmarks/pdf_engines.py [--rounds 3]

Each document (the shipped plan, the annual-cycle example's 2567 action plan and 2567 report, in
Thai) is rendered to HTML once by eduplan, then printed by each engine from the same HTML:
Chromium as ``render -f pdf`` prints (two passes for the contents' pages), WeasyPrint 70 with
``target-counter()`` for the contents' pages. Both also print the HTML without eduplan's word
markup, to show each engine's own Thai line breaking. The printed PDFs are read back with the
checks of ``tests/render/print/proof.py``. Prints a Markdown table on standard output.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.render.print.proof: the checks the tests use

from tests.render.print import proof  # noqa: E402

from eduplan.load.loader import load_plan  # noqa: E402
from eduplan.output.sourcedate import document_time  # noqa: E402
from eduplan.render import Renderer, Request  # noqa: E402
from eduplan.render.linebreak import unmark  # noqa: E402
from eduplan.render.pdf import html_to_pdf  # noqa: E402

DOCUMENTS = [
    ("plan", REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570", Request("plan", "pdf")),
    ("action plan 2567", REPO / "docs" / "examples" / "annual-cycle", Request("action-plan", "pdf", 2567)),
    ("report 2567", REPO / "docs" / "examples" / "annual-cycle", Request("report", "pdf", 2567)),
]
WEASY_CONTENTS = "ol.toc-list a::after { content: target-counter(attr(href url), page); }"
"""What WeasyPrint needs for the contents' pages: the page of each link's target, from CSS alone."""


def weasyprint_pdf(html: str) -> bytes:
    import weasyprint

    html = html.replace("</style>", WEASY_CONTENTS + "\n</style>", 1)
    return weasyprint.HTML(string=html, base_url=str(REPO)).write_pdf()


def faults(pdf: bytes, html: str, folder: Path) -> dict[str, int]:
    path = folder / f"{hashlib.sha256(pdf).hexdigest()[:12]}.pdf"
    path.write_bytes(pdf)
    pages = proof.lines(path)
    source = proof.Source.of(html)
    text = proof.flat("".join(proof.page_text(path, n) for n in range(1, len(pages) + 1)))
    return {
        "pages": len(pages),
        "split words": len(proof.split_words(pages, source)),
        "torn lines": len(proof.torn_lines(pages)),
        "headings at a foot": len(proof.orphan_headings(pages, source)),
        "parted captions": len(proof.parted_captions(pages, source)),
        "parted numbers": len(proof.parted_numbers(pages, source)),
        "wrong contents": len(proof.wrong_contents(pages, source)),
        "headings search misses": sum(proof.flat(h) not in text for h in source.headings),
        "invisible characters": len(proof.invisible_characters(path)),
    }


def timed(make: Callable[[], bytes], rounds: int) -> tuple[float, bytes, bool]:
    seconds, outputs = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        outputs.append(make())
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), outputs[0], len(set(outputs)) == 1


def installed_size() -> dict[str, str]:
    def du(*paths: str) -> str:
        existing = [p for p in paths if Path(p).exists()]
        if not existing:
            return "?"
        out = subprocess.run(["du", "-scm", *existing], capture_output=True, text=True).stdout.splitlines()
        return f"{out[-1].split()[0]} MB"

    import weasyprint

    site = Path(weasyprint.__file__).parents[1]
    wheels = [str(site / name) for name in ("weasyprint", "pydyf", "tinycss2", "cssselect2", "tinyhtml5", "pyphen")]
    wheels += [str(site / name) for name in ("fontTools", "cffi", "webencodings", "PIL", "zopfli", "brotli.py")]
    pango = [str(p) for p in Path("/usr/lib/x86_64-linux-gnu").glob("libpango*")]
    pango += [str(p) for p in Path("/usr/lib/x86_64-linux-gnu").glob("libharfbuzz*")]
    return {"Chromium": du("/usr/lib/chromium"), "WeasyPrint": f"{du(*wheels)} (Python) + {du(*pango)} (Pango)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    renderer = Renderer()
    rows: list[tuple[str, str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, root, request in DOCUMENTS:
            plan = load_plan(root).plan
            assert plan is not None
            html = renderer.text(plan, request)
            when = document_time(plan, request.document, request.year)
            engines: list[tuple[str, Callable[[str], bytes]]] = [
                ("Chromium", lambda text, when=when: html_to_pdf(text, when)),
                ("WeasyPrint", weasyprint_pdf),
            ]
            for engine, make in engines:
                for marked, text in (("words marked", html), ("engine's own breaks", unmark(html))):
                    print(f"{name}: {engine}, {marked}", file=sys.stderr)
                    seconds, pdf, same = timed(lambda make=make, text=text: make(text), rounds)
                    found: dict[str, object] = dict(faults(pdf, html, folder))
                    found |= {"seconds (median)": f"{seconds:.2f}", "same bytes twice": "yes" if same else "no"}
                    rows.append((name, f"{engine}, {marked}", found))
    columns = list(rows[0][2])
    print("| document | engine | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for name, engine, found in rows:
        print(f"| {name} | {engine} | " + " | ".join(str(found[c]) for c in columns) + " |")
    print()
    for engine, size in installed_size().items():
        print(f"- {engine} installed: {size}")


if __name__ == "__main__":
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext (poppler-utils) is needed to read the PDFs back")
    main()
