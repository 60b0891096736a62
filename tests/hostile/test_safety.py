"""Safety: plan text is never code, tags never build objects, aliases never explode, writes are atomic.

* Rendering: no template marks plan data safe; the only markup built in Python is the SVG of
  ``render/svg.py``, which escapes every piece of text; plan text such as ``<script>``,
  ``{{ 7*191 }}`` or ``{% raw %}`` comes out as text in HTML and Markdown, never evaluated.
* YAML: tags beyond the core schema are refused (a located YA03) and construct nothing; alias
  expansion stops at ``MAX_ALIAS_NODES`` values.
* Outputs: a write that fails part-way leaves the previous file as it was, and no temporary file.
"""

from __future__ import annotations

import errno
import os
import re
import time
from pathlib import Path

import pytest

from eduplan.load.yamlio import MAX_ALIAS_NODES, read_yaml
from eduplan.output import atomic
from eduplan.render.engine import packaged_templates
from eduplan.render.linebreak import unmark
from tests.conftest import MINIMAL_PLAN, POLICY, REPO, build_tree
from tests.hostile.runner import check_run, run
from tests.validate.helpers import RAN, cli

# -- rendering never executes plan text ------------------------------------------------------

UNSAFE_IN_TEMPLATES = re.compile(r"\|\s*safe\b|Markup|autoescape\s+false", re.IGNORECASE)

AUDITED_MARKUP = {
    # file: the Markup(...) calls it may make, each of text built and escaped by render/svg.py
    "render/indicators.py": ["Markup(drawing)"],  # svg.trajectory_chart: every text escaped
    "render/outcome.py": ["Markup(svg.status_icon(status.value))"],  # fixed shapes, no text
}


def test_no_template_marks_plan_data_safe() -> None:
    templates = sorted(p for p in packaged_templates().rglob("*") if p.is_file())  # the site's (site/) too
    assert templates
    for template in templates:
        text = template.read_text(encoding="utf-8")
        assert not UNSAFE_IN_TEMPLATES.findall(text), f"{template.name} turns off escaping"


def test_markup_is_made_only_where_audited() -> None:
    """A new ``Markup(...)`` needs an audit: does its producer escape plan text? Then add it here."""
    found: dict[str, list[str]] = {}
    for file in sorted((REPO / "src" / "eduplan").rglob("*.py")):
        calls = re.findall(r"Markup\([^\n]*?\)(?:\)|(?=\s| if))", file.read_text(encoding="utf-8"))
        if calls:
            found[str(file.relative_to(REPO / "src" / "eduplan"))] = calls
    assert found == AUDITED_MARKUP


HOSTILE = "<script>alert(1)</script> {{ 7*191 }} {{ 'pwn' + 'ed' }} {% raw %} {# x #} &amp; ]]></svg>"


def _hostile_plan() -> str:
    quoted = HOSTILE.replace('"', '\\"')
    return f"""\
id: demo
title: "แผน {quoted}"
office: {{name: "สำนักงาน {quoted}"}}
period: {{start: 2566, end: 2570}}
vision: "วิสัยทัศน์ {quoted}"
missions: [{{id: m1, number: "1", text: "พันธกิจ {quoted}"}}]
labels: {{vision: "<i>วิสัยทัศน์</i>"}}
policies:
  - id: p1
    number: "1"
    title: "นโยบาย {quoted}"
    indicators:
      - {{id: p1-i1, number: "1", name: "ร้อยละ {quoted}", unit: ร้อยละ, kind: percent,
         owner: "สพฐ. {quoted}", targets: {{2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}}}}
"""


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_plan_text_is_shown_as_text_never_run(fmt: str, tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": _hostile_plan()})
    checked = cli("validate", str(tmp_path), "--format", "concise")
    assert checked.code == 0, checked.out  # a valid plan: the text is odd, not wrong
    done = cli("render", str(tmp_path), "--format", fmt, "-o", "-")
    assert done.code == 0, done.err
    page = unmark(done.out)  # the text as written, without the line-break markup of Thai words
    assert "<script>" not in page and "<i>" not in page and "]]></svg>" not in page
    assert "1337" not in page and "pwned" not in page  # Jinja did not evaluate plan text ...
    assert page.count("{% raw %}") >= 7  # ... but shows it, in every field
    if fmt == "html":
        assert page.count("{{ 7*191 }} {{ &#39;pwn&#39; + &#39;ed&#39; }} {% raw %} {# x #}") >= 8  # chart too
        assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 8
        assert "&lt;i&gt;วิสัยทัศน์&lt;/i&gt;" in page  # a plan's label is plan text as well
        assert page.count("<svg") == page.count("</svg>") == 1
    else:
        assert page.count(r"{{ 7\*191 }} {{ 'pwn' + 'ed' }} {% raw %} {\# x \#}") >= 7  # * and # escaped
        assert page.count(r"\<script\>alert(1)\</script\>") >= 7
        assert r"\<i\>วิสัยทัศน์\</i\>" in page


# -- YAML cannot build objects or explode ----------------------------------------------------


def test_python_tags_construct_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "touched"
    build_tree(
        tmp_path,
        {
            "plan.yaml": MINIMAL_PLAN
            + f"vision: !!python/object/apply:pathlib.Path.touch [{marker}]\n"
            + f"missions: !!python/object/new:os.system ['touch {marker}']\n",
        },
    )
    done = cli("validate", str(tmp_path), "--format", "concise")
    assert done.code == 1
    assert "plan.yaml:5:9: error YA03 the tag !!python/object/apply:pathlib.Path.touch is not allowed" in done.out
    assert "plan.yaml:6:11: error YA03 the tag !!python/object/new:os.system is not allowed" in done.out
    assert not marker.exists()


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def _leaves(value: object) -> int:
    if isinstance(value, dict):
        return sum(_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(_leaves(v) for v in value)
    return 1


def test_alias_expansion_is_bounded() -> None:
    start = time.perf_counter()
    data, _, findings = read_yaml(LAUGHS.encode(), "laughs.yaml")  # 10**9 values if expanded
    assert time.perf_counter() - start < 1
    assert [f.code for f in findings] == ["YA04"]
    assert _leaves(data) <= MAX_ALIAS_NODES + 10


def test_billion_laughs_as_a_subprocess(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": MINIMAL_PLAN + LAUGHS})
    done = run("validate", str(tmp_path / "plan.yaml"), "--format", "concise")
    check_run(done, 1)
    assert "YA04 aliases expand to more than 10,000 values" in done.out
    assert done.seconds < 5 and done.peak_mb < 80  # measured: 0.4 s, 40 MB


def test_aliases_of_a_long_text_are_bounded(tmp_path: Path) -> None:
    """The limit counts characters too: 30 aliases of a 400,000-character text pass the value
    limit but not the character one (3,000 aliases of a 1 MB text ran for minutes before it)."""
    missions = "".join(f"  - {{id: m{i}, number: '{i}', text: *v}}\n" for i in range(1, 31))
    plan = MINIMAL_PLAN + f"vision: &v {'ก' * 400_000}\nmissions:\n{missions}"
    build_tree(tmp_path, {"plan.yaml": plan, "policies/1.yaml": POLICY})
    start = time.perf_counter()
    done = cli("validate", str(tmp_path), "--format", "concise")
    assert time.perf_counter() - start < 3  # measured: 0.1 s
    assert done.code == 1
    assert done.out.splitlines() == [  # and the values the limit left out are not reported again
        f"{tmp_path}/plan.yaml:5:9: error YA04 aliases expand to more than 10,000 values or "
        "1,000,000 characters; the rest is ignored (yaml.alias-limit)",
        f"Found 1 error in 1 plan, 2 files {RAN}.",
    ]


# -- outputs are written atomically ----------------------------------------------------------


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every atomic write fails after its data went to the temporary file, as on a full disk."""

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", no_space)


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["render", "{plan}", "-o", "{out}"], "plan.html"),
        (["render", "{plan}", "--format", "md", "-o", "{out}"], "plan.md"),
        (["export", "{plan}", "-o", "{out}"], "plan.json"),
        (["export", "{plan}", "--format", "yaml", "-o", "{out}"], "plan.yaml"),
        (["schema", "-o", "{dir}"], "plan.schema.json"),
        (["validate", "{plan}", "--report", "json={out}"], "report.json"),
    ],
)
def test_failed_write_leaves_the_old_file(args: list[str], output: str, tmp_path: Path, full_disk: None) -> None:
    files = {"plan/plan.yaml": MINIMAL_PLAN, "plan/policies/1.yaml": POLICY, f"out/{output}": "the previous edition\n"}
    build_tree(tmp_path, files)
    out = tmp_path / "out" / output
    done = cli(*(a.format(plan=tmp_path / "plan", out=out, dir=out.parent) for a in args))
    assert done.code == 2
    assert "No space left on device" in done.err and done.err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "the previous edition\n"
    assert sorted(p.name for p in out.parent.iterdir()) == [output]  # no temporary file left


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.html"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"]
