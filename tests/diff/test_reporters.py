"""The plain reporters: GitHub annotations (escaping, the cap of 10 per level) and markdown escaping."""

from __future__ import annotations

from eduplan.diff import Change, ChangeKind, DiffResult, Group, Level
from eduplan.diff.machine import to_github, to_markdown
from eduplan.diff.wording import Words
from eduplan.findings import Span

EN = Words.of("en")


def change(n: int, level: Level = Level.MAJOR, **fields: object) -> Change:
    span = Span("new/policies/1.yaml", n + 1, 5, n + 1, 9)
    base: dict[str, object] = {"detail": f"change {n}", "group": "p1", "item": "p1-i1", "new_span": span}
    return Change(ChangeKind.CHANGED, level, "p1-i1", f"p1-i1.notes{n}", **{**base, **fields})  # type: ignore[arg-type]


def test_annotation_text_and_properties_are_escaped():
    tricky = change(0, detail="100% sure,\nreally: yes", new_span=Span("a,b:c.yaml", 3, 1, 4, 2))
    (line,) = to_github(DiffResult([tricky]), EN).splitlines()
    assert line == (
        "::error file=a%2Cb%3Ac.yaml,line=3,endLine=4,title=changed (major)%3A p1-i1.notes0::100%25 sure,%0Areally: yes"
    )


def test_annotations_stop_at_ten_per_level_and_say_how_many_more():
    changes = [change(n) for n in range(25)] + [change(100 + n, Level.INFO) for n in range(3)]
    lines = to_github(DiffResult(changes), EN).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::notice file=") for line in lines) == 3
    assert lines[-1] == "::notice title=eduplan diff::15 more changes are not annotated; 28 changes: 25 major, 3 info"


def test_markdown_escapes_plan_text():
    groups = {
        "p1": Group("p1", "policy 1", "<b>x</b> | *y*", noun="policy", number="1"),
        "p1-i1": Group("p1-i1", "indicator 1", "[a](b)", noun="indicator", number="1"),
    }
    text = to_markdown(DiffResult([change(0, words=(("-", "<i>"), ("+", "*z*")))], groups), EN)
    assert "#### policy 1 (`p1`) · &lt;b&gt;x&lt;/b&gt; \\| \\*y\\*" in text
    assert "- **indicator 1** (`p1-i1`) · \\[a\\](b)" in text
    assert "<del>&lt;i&gt;</del><ins>\\*z\\*</ins>" in text


def test_no_changes_says_so():
    assert to_markdown(DiffResult([]), EN).endswith("No changes.\n")
    assert to_markdown(DiffResult([]), Words.of("th")).endswith("ไม่มีการเปลี่ยนแปลง\n")
    assert to_github(DiffResult([]), EN) == ""
