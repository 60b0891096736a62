"""Render's own bounds: labels that name each other, and a PDF engine that hangs or leaves helpers behind.

* Labels (``labels:`` in the plan) are measured once, in time linear in their text: a label that
  grows beyond 2,000 characters or 32 values through the labels it names, or names itself, is one
  error line naming the key (it took 29 s and 845 MB before).
* Chromium runs in a session of its own and has ``EDUPLAN_PDF_SECONDS`` (15 s by default) to print;
  on timeout, interruption, and after every print its whole process group is killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eduplan.render.linebreak import unmark
from tests.conftest import PLAN_WITH_POLICY, build_tree
from tests.hostile.runner import REPO, check_run, run

CHAIN = ["vision", "missions", "goals", "targets", "approaches", "values", "driving_model", "qualities", "office"]


def labels(entries: dict[str, str]) -> str:
    """A ``labels:`` block, each text single-quoted."""
    return "labels:\n" + "".join(f"  {key}: '{text}'\n" for key, text in entries.items())


def plan_with(entries: dict[str, str], tmp_path: Path) -> Path:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY + labels(entries)})
    return tmp_path / "plan"


def test_labels_that_multiply_each_other_are_one_line_fast(tmp_path: Path) -> None:
    # each label names the next eight times: 8**8 copies of the last, from a plan of about 1 KB
    entries = {key: ("{" + CHAIN[i + 1] + "}") * 8 for i, key in enumerate(CHAIN[:-1])} | {"office": "x" * 8}
    out = tmp_path / "out.html"
    done = run("render", str(plan_with(entries, tmp_path)), "-o", str(out))
    check_run(done, 2)
    assert "eduplan: error: labels: values: '{driving_model}{driving_model}" in done.err
    assert "grows beyond 2,000 characters or 32 values through the labels it names" in done.err
    assert done.seconds < 5 and done.peak_mb < 200, (done.seconds, done.peak_mb)
    assert not out.exists()


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            {"vision": "{missions}", "missions": "{goals}", "goals": "{vision}"},
            "labels: vision: refers to itself (`vision` → `missions` → `goals` → `vision`)",
        ),
        ({"policy": "{policy}"}, "labels: policy: refers to itself (`policy` → `policy`)"),
        ({"policy_numbered": "{number}" * 33}, "labels: policy_numbered: '{number}{number}"),
        ({"vision": "{nothing}"}, "labels: vision: '{nothing}' names {nothing}, which is neither a label nor a value"),
        ({"vision": "{missions.__class__}"}, "labels: vision: '{missions.__class__}': {missions.__class__} is not"),
        ({"vision": "{missions:>999999999}"}, "labels: vision: '{missions:>999999999}': {missions:>999999999} is not"),
    ],
)
def test_a_label_that_cannot_be_used_is_one_line(entries: dict[str, str], message: str, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    done = run("render", str(plan_with(entries, tmp_path)), "-o", str(out))
    check_run(done, 2)
    assert message in done.err
    assert not out.exists()


def test_a_long_chain_of_labels_is_fine(tmp_path: Path) -> None:
    # ten labels deep (the old limit was eight), each naming the next twice: 2**9 = 512 characters
    entries = {key: ("{" + CHAIN[i + 1] + "}") * 2 for i, key in enumerate(CHAIN[:-1])} | {"office": "ก"}
    entries["generated_by"] = "{vision}{vision} {id}"
    done = run("render", str(plan_with(entries, tmp_path)), "--colophon", "-o", "-")
    check_run(done, 0)
    assert "<p>" + "ก" * 512 + " demo</p>" in unmark(done.out)


FAKE_CHROMIUM = """\
#!/bin/sh
# A Chromium that starts a helper (as Chromium does: zygote, GPU, renderers), then hangs or prints.
sleep 1000 &
echo $! > "$FAKE_PIDFILE"
case "$FAKE_MODE" in
  hang) exec sleep 1000 ;;
  print)
    for arg in "$@"; do case "$arg" in --print-to-pdf=*) out="${arg#--print-to-pdf=}" ;; esac; done
    printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out" ;;
esac
"""


def gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie that nobody reaped counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


def fake(tmp_path: Path, mode: str) -> dict[str, str]:
    script = tmp_path / "fake-chromium"
    script.write_text(FAKE_CHROMIUM)
    script.chmod(0o755)
    pidfile = tmp_path / "helper.pid"
    env = {"EDUPLAN_CHROMIUM": str(script), "FAKE_PIDFILE": str(pidfile), "FAKE_MODE": mode}
    return env | {"EDUPLAN_PDF_SECONDS": "1"}


def helper(tmp_path: Path) -> int:
    for _ in range(500):
        text = (tmp_path / "helper.pid").read_text() if (tmp_path / "helper.pid").exists() else ""
        if text.strip():
            return int(text)
        time.sleep(0.01)
    raise AssertionError("the fake chromium did not start its helper")


def test_a_hanging_pdf_engine_is_stopped_with_its_helpers(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    out = tmp_path / "plan.pdf"
    done = run("render", str(tmp_path / "plan"), "-f", "pdf", "-o", str(out), env=fake(tmp_path, "hang"))
    check_run(done, 2)
    assert "did not finish printing the PDF within 1 s (EDUPLAN_PDF_SECONDS sets the limit)" in done.err
    assert done.seconds < 5, done.seconds
    assert gone(helper(tmp_path))
    assert not out.exists()


def test_helpers_left_by_a_finished_print_are_stopped(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    out = tmp_path / "plan.pdf"
    done = run("render", str(tmp_path / "plan"), "-f", "pdf", "-o", str(out), env=fake(tmp_path, "print"))
    check_run(done, 0)
    assert out.read_bytes().startswith(b"%PDF-1.4")
    assert gone(helper(tmp_path))


def _default_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_print_stops_the_engine(signum: int, tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    out = tmp_path / "plan.pdf"
    env = os.environ | fake(tmp_path, "hang") | {"EDUPLAN_PDF_SECONDS": "60", "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "eduplan", "render", str(tmp_path / "plan"), "-f", "pdf", "-o", str(out)]
    # as at a terminal: the signal's default action, also where the suite runs with SIGINT ignored (a
    # background job of a script ignores it, and a Python started so never turns it into Ctrl-C)
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, preexec_fn=_default_signals) as process:
        pid = helper(tmp_path)
        started = time.monotonic()
        process.send_signal(signum)
        _, err = process.communicate(timeout=20)
    assert time.monotonic() - started < 5
    assert process.returncode == 130 and "Traceback" not in err, err  # as Ctrl-C at a terminal
    assert gone(pid)
    assert not out.exists()
