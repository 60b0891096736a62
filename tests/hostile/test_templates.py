"""Broken and hostile templates (``eduplan render --templates DIR``) and places render cannot write to.

Each is one line on stderr naming the template's file and line (or the output file) and exit 2,
and nothing is written. Hostile templates (code execution, reading files, unbounded work) are
refused by the sandbox (:mod:`eduplan.render.sandbox`) within bounded time and memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, build_tree
from tests.hostile.runner import check_run, run
from tests.validate.helpers import cli

TEMPLATES = {
    # template file content: what the error line must say
    "syntax-error": ("{% if %}\n", "plan.html:1: template error: "),
    "undefined-name": ("{{ nosuchvar.x }}\n", "plan.html:1: template error: 'nosuchvar' is undefined"),
    "missing-include": (
        '\n{% include "missing.html" %}\n',
        "plan.html:2: template error: template 'missing.html' not found",
    ),
    "unknown-filter": ("\n{{ doc.L.title | nosuchfilter }}\n", "plan.html:2: template error: No filter named"),
    "prints-none": ("{{ {}.get('x') }}\n", "plan.html:1: template error: the template prints None"),
    "python-error": ("\n\n{{ 1 // 0 }}\n", "plan.html:3: template error: ZeroDivisionError"),
    "loops-over-a-document": ("{% for x in doc %}{% endfor %}\n", "plan.html:1: template error: TypeError"),
}


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_broken_template_is_one_line(name: str, tmp_path: Path) -> None:
    content, message = TEMPLATES[name]
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": content})
    done = cli("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    assert done.code == 2
    assert message in done.err and done.err.count("\n") == 1, done.err


def test_broken_template_as_a_subprocess(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": "\n\n{{ 1 // 0 }}\n"})
    done = run("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    check_run(done, 2)
    assert f"{tmp_path}/templates/plan.html:3: template error: ZeroDivisionError" in done.err


REFUSED = "template refused: "
HOSTILE = {
    # what a template from an untrusted branch tries: what the error line must say after "plan.html:LINE: "
    "shell-through-globals": ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", REFUSED + "access to attr"),
    "class-hierarchy": ("{{ ''.__class__.__mro__ }}", REFUSED + "access to attribute '__class__'"),
    "template-context": ("{{ self._TemplateReference__context }}", REFUSED + "access to attribute"),
    "format-globals": ("{{ '{0.__class__}'.format('') }}", REFUSED + "access to attribute '__class__'"),
    "view-model-internals": ("{{ doc.L.__dict__ }}", REFUSED + "access to attribute '__dict__'"),
    "list-mutation": ("{% set xs = [] %}{{ xs.append(1) }}", REFUSED),
    "huge-range": (
        "{% for i in range(10**9) %}x{% endfor %}",
        REFUSED + "the number 1000000000 is larger than 100,000",
    ),
    "huge-repeat": ("{{ 'x' * 10**9 }}", REFUSED + "a repeated string or list longer than 10,000,000"),
    "huge-list": ("{{ [1] * 10**9 }}", REFUSED + "a repeated string or list longer than 10,000,000"),
    "doubling-concat": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        REFUSED + "a joined string longer than 10,000,000",
    ),
    "doubling-plus": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        REFUSED + "a joined string or list longer than 10,000,000",
    ),
    "squaring": (
        "{% set ns = namespace(n=3) %}{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
        REFUSED + "a product larger than 4096 bits",
    ),
    "huge-power": ("{{ 7 ** 99999 }}", REFUSED + "7 ** 99999 is larger than 4096 bits"),
    "wide-center": ("{{ 'x' | center(10**9) }}", REFUSED + "the number 1000000000"),
    "wide-lipsum": ("{{ lipsum(10**9) }}", REFUSED + "the number 1000000000"),
    "wide-percent": ("{{ '%0999999999d' % 1 }}", REFUSED + "a format pattern with a width of six digits"),
    "wide-format-filter": ("{{ '%0999999999d' | format(1) }}", REFUSED + "a format pattern with a width of six digits"),
    "wide-str-format": ("{{ '{:>999999999}'.format(1) }}", REFUSED + "a format pattern with a width of six digits"),
    "width-as-value": (
        "{{ '%*d' % (99999, 1) }}",
        REFUSED + "a format pattern with a width of six digits or more, or a width given",
    ),
    "replace-empty": (
        "{{ ('x' * 99999).replace('', 'y' * 99999) }}",
        REFUSED + "the result could be longer than 10,000,000",
    ),
    "replace-filter": (
        "{{ ('x' * 99999) | replace('', 'y' * 99999) }}",
        REFUSED + "the result could be longer than 10,000,000",
    ),
    "join-method": ("{{ ('y' * 99999).join('x' * 99999) }}", REFUSED + "the result could be longer than 10,000,000"),
    "join-filter": ("{{ ('x' * 99999) | join('y' * 99999) }}", REFUSED + "the result could be longer than 10,000,000"),
    "indent-filter": ("{{ ('x\\n' * 99999) | indent(99999) }}", REFUSED + "the result could be longer than 10,000,000"),
    "endless-recursion": ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "template error: RecursionError"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_template_is_refused_in_one_line(name: str, tmp_path: Path) -> None:
    content, message = HOSTILE[name]
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": "\n" + content + "\n"})
    out = tmp_path / "out" / "plan.html"
    done = cli("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", str(out))
    assert done.code == 2, done.err
    assert f"{tmp_path}/templates/plan.html:2: {message}" in done.err and done.err.count("\n") == 1, done.err
    assert not out.parent.exists()


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("nested-loops", "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"),
        ("doubling", "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"),
        (
            "huge-output",
            "{% for i in range(99999) %}{% for j in range(99999) %}{{ 'x' * 9999 }}{% endfor %}{% endfor %}",
        ),
    ],
)
def test_unbounded_work_stops_in_bounded_time_and_memory(name: str, template: str, tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": template + "\n"})
    out = tmp_path / "plan.html"
    done = run(
        "render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", str(out),
        env={"EDUPLAN_RENDER_SECONDS": "2"},
    )  # fmt: skip
    check_run(done, 2)
    assert f"{tmp_path}/templates/plan.html:1: template refused: " in done.err, name
    assert done.seconds < 10 and done.peak_mb < 400, (done.seconds, done.peak_mb)
    assert not out.exists()


def test_the_time_limit_is_said_and_can_be_changed(tmp_path: Path) -> None:
    loops = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n"
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": loops})
    args = ("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    done = cli(*args, env={"EDUPLAN_RENDER_SECONDS": "0.5"})
    assert done.code == 2
    assert "plan.html:1: template refused: the template took longer than 0.5 s to render (EDUPLAN_RENDER_SECONDS)" in (
        done.err
    )


@pytest.mark.parametrize(
    ("include", "why"),
    [
        ("/etc/passwd", "an absolute name is looked up inside the folders"),
        ("../plan/plan.yaml", "no way up"),
        ("secret.html", "a link that leads out of the folder"),
        ("folder.html", "not a regular file"),
    ],
)
def test_includes_stay_inside_the_template_folders(include: str, why: str, tmp_path: Path) -> None:
    build_tree(
        tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": f"\n{{% include {include!r} %}}\n"}
    )
    (tmp_path / "templates" / "secret.html").symlink_to(tmp_path / "plan" / "plan.yaml")
    (tmp_path / "templates" / "folder.html").mkdir()
    done = cli("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    assert done.code == 2 and done.out == "", why
    assert f"plan.html:2: template error: template {include!r} not found" in done.err and done.err.count("\n") == 1


def test_a_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/real.html": "{{ doc.L.vision }}\n"})
    (tmp_path / "templates" / "plan.html").symlink_to("real.html")
    done = cli("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    assert done.code == 0 and done.out == '<span class="w">วิสัยทัศน์</span>\n'  # a Thai word, kept whole


def test_a_huge_template_file_is_refused(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "templates/plan.html": "x" * 1_000_001})
    done = cli("render", str(tmp_path / "plan"), "--templates", str(tmp_path / "templates"), "-o", "-")
    assert done.code == 2
    assert "plan.html:1: template error: the template is 1,000,001 bytes; templates are at most 1,000,000" in done.err


def test_templates_directory_that_does_not_exist(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": PLAN_WITH_POLICY})
    done = cli("render", str(tmp_path), "--templates", str(tmp_path / "nope"), "-o", "-")
    assert done.code == 2 and f"--templates {tmp_path}/nope: not a directory" in done.err


@pytest.mark.parametrize("label", ["{number:d}", "{number:{w}}", "{number!r}", "{number.real}", "{0}", "{}"])
def test_label_with_a_format_spec_is_one_line(tmp_path: Path, label: str) -> None:
    plan = MINIMAL_PLAN + (
        f'labels: {{chart_indicator: "ตัวชี้วัด {label}"}}\n'
        "policies:\n  - {id: p1, number: '1', title: นโยบาย, indicators: [{id: p1-i1, number: '1', name: ร้อยละ,\n"
        "     unit: ร้อยละ, kind: percent, owner: สพฐ., targets: {2566: 1, 2567: 2, 2568: 3, 2569: 4, 2570: 5}}]}\n"
    )
    build_tree(tmp_path, {"plan.yaml": plan})
    done = cli("render", str(tmp_path), "-o", "-")
    assert done.code == 2 and "chart_indicator" in done.err


@pytest.mark.parametrize(
    ("command", "output", "message"),
    [
        ("render", "{tmp}/a-file/plan.html", "{tmp}/a-file/plan.html: cannot write: "),
        ("render", "/proc/plan.html", "/proc/plan.html: cannot write: No such file or directory"),
        ("export", "{tmp}/a-file/plan.json", "{tmp}/a-file/plan.json: cannot write: "),
    ],
)
def test_unwritable_output_is_one_line(command: str, output: str, message: str, tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY, "a-file": "not a directory\n"})
    done = cli(command, str(tmp_path / "plan"), "-o", output.format(tmp=tmp_path))
    assert done.code == 2 and message.format(tmp=tmp_path) in done.err, done.err
    assert list(tmp_path.rglob("*.tmp")) == []


def test_missing_output_directory_is_made(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": PLAN_WITH_POLICY})
    done = cli("render", str(tmp_path / "plan"), "-o", str(tmp_path / "new" / "dir" / "plan.html"))
    assert done.code == 0
    assert (tmp_path / "new" / "dir" / "plan.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_html_diff_renders_in_the_same_sandbox(tmp_path: Path) -> None:
    shell = "\n{{ cycler.__init__.__globals__.os.popen('touch " + str(tmp_path / "ran") + "').read() }}\n"
    build_tree(tmp_path, {"old/plan.yaml": PLAN_WITH_POLICY, "new/plan.yaml": PLAN_WITH_POLICY, "t/diff.html": shell})
    out = tmp_path / "diff.html"
    done = run("diff", "old", "new", "-f", "html", "--templates", "t", "-o", str(out), cwd=tmp_path)
    check_run(done, 2)
    assert "t/diff.html:2: template refused: access to attribute '__init__'" in done.err
    assert not (tmp_path / "ran").exists() and not out.exists()
