"""Rendering the real plan to HTML and Markdown, against baselines measured in the same run.

Usage: .venv/bin/python benchmarks/bench_render.py [--rounds N]

Steps are timed in-process (median of N rounds, after one warm-up that compiles the templates
and reads the fonts), and the whole command once more as a subprocess. Ratios are against
loading the plan (YAML -> validated Plan), the step every command pays anyway, and against a
bare Jinja render of the same template with a ready-made context.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eduplan.loader import load_plan
from eduplan.render import Renderer, Request
from eduplan.render.labels import Labels
from eduplan.render.views import Style, build_plan, document

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plans" / "sesa-lampang-lamphun" / "2566-2570"


def timed(step: Callable[[], Any], rounds: int) -> float:
    """Median seconds of ``rounds`` calls."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Time each step and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds

    plan = load_plan(PLAN).plan
    assert plan is not None
    renderer = Renderer()
    html = Request("plan", "html")
    renderer.text(plan, html)  # warm-up: compile templates, read and encode the fonts
    style = Style("th", "arabic", Labels("th", plan.labels))
    context = {"doc": document("plan", plan.title, plan, style, None), "plan": build_plan(plan, style)}

    steps: dict[str, Callable[[], Any]] = {
        "load the plan (baseline)": lambda: load_plan(PLAN),
        "build view-models (46 indicators, 46 SVG charts)": lambda: build_plan(plan, style),
        "bare Jinja: plan.html with a ready context": lambda: renderer.engine.render("plan.html", context),
        "render HTML (view-models + template)": lambda: renderer.text(plan, html),
        "render Markdown": lambda: renderer.text(plan, Request("plan", "md")),
        "load + render HTML": lambda: renderer.text(load_plan(PLAN).plan or plan, html),
    }
    results = {label: timed(step, rounds) for label, step in steps.items()}
    with tempfile.TemporaryDirectory() as tmp:
        command = [str(Path(sys.executable).parent / "eduplan"), "render", str(PLAN), "-o", f"{tmp}/plan.html"]
        results["`eduplan render` as a command (one run)"] = timed(
            lambda: subprocess.run(command, check=True, capture_output=True), 3
        )

    load = results["load the plan (baseline)"]
    bare = results["bare Jinja: plan.html with a ready context"]
    print(f"Real plan, {rounds} rounds, median; Python {sys.version.split()[0]}\n")
    print("| step | ms | × load | × bare Jinja |")
    print("|---|---:|---:|---:|")
    for label, seconds in results.items():
        print(f"| {label} | {seconds * 1000:.1f} | {seconds / load:.2f} | {seconds / bare:.1f} |")


if __name__ == "__main__":
    main()
