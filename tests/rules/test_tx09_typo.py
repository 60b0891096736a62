"""Rule TX09 (text.typo): off by default, needs the optional PyThaiNLP, finds the real plan's typos."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.check.config import Settings, load_settings
from eduplan.check.pipeline import check_path
from eduplan.rules.text.typo import edits, load_speller, skeleton
from tests.conftest import PLAN_WITH_POLICY, REAL_PLAN, REPO, build_tree
from tests.validate.helpers import cli


def chosen(select: tuple[str, ...] | None, ignore: tuple[str, ...] = ()) -> bool:
    return "TX09" in [rule.code for rule in Settings(select=select, ignore=ignore).rules()]


def test_off_unless_named_by_code_or_name() -> None:
    assert not chosen(None)
    assert not chosen(("ALL",))
    assert not chosen(("TX",))
    assert not chosen(("text",))
    assert chosen(("TX09",))
    assert chosen(("tx09",))
    assert chosen(("text.typo",))
    assert chosen(("ALL", "TX09"))
    assert not chosen(("ALL", "TX09"), ignore=("TX",))


def test_selected_in_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "eduplan.yaml"
    config.write_text("select: [ALL, TX09]\nknown-words: [ลพบ]\n", encoding="utf-8")
    settings = load_settings(config)
    assert "TX09" in [rule.code for rule in settings.rules()]
    assert {"ลพบ", "สพม"} <= settings.options.known_words  # added to the built-in words


def test_the_real_plan_typos_are_found_and_accepted() -> None:
    result = check_path(REAL_PLAN, Settings(select=("TX09",)))
    found = [(f.at, f.message) for f in result.findings]
    assert found == [
        ("g10.text", "possible typo 'ธรรมมาภิบาล': did you mean 'ธรรมาภิบาล'?"),
        ("driving_model.groups.0.components.1.text", "possible typo 'เกี่ยวของ': did you mean 'เกี่ยวข้อง'?"),
        ("driving_model.groups.1.components.0.text", "possible typo 'มายถึง': did you mean 'หมายถึง'?"),
        ("p1.title", "possible typo 'มั่งคง': did you mean 'มั่นคง'?"),
        ("p1-i5.name", "possible typo 'เพิ่มขั้น': did you mean 'เพิ่มขึ้น'?"),
        ("p4-a4.text", "possible typo 'เข็มแข็ง': did you mean 'เข้มแข็ง'?"),
    ]
    assert all((f.accepted or "").startswith("published as written") for f in result.findings)


def test_the_rule_off_leaves_its_acceptances_alone() -> None:
    result = check_path(REAL_PLAN, Settings())
    assert [f.code for f in result.findings if f.code in ("TX09", "AC01")] == []


def test_without_pythainlp_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build_tree(tmp_path, {"plan.yaml": PLAN_WITH_POLICY})
    for name in [m for m in sys.modules if m.partition(".")[0] == "pythainlp"] or ["pythainlp"]:
        monkeypatch.setitem(sys.modules, name, None)  # as if the extra were not installed
    load_speller.cache_clear()
    try:
        run = cli("validate", str(root), "--select", "TX09")
    finally:
        load_speller.cache_clear()
    assert run.code == 2
    assert run.err == "eduplan: error: rule TX09 (text.typo) needs PyThaiNLP: pip install 'eduplan[thai]'\n"
    assert cli("validate", str(root)).code == 0  # the other rules do not need it


def test_pythainlp_is_not_imported_by_the_rules() -> None:
    code = "import sys, eduplan.cli, eduplan.check; assert 'pythainlp' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


@pytest.mark.parametrize("word", ["มั่นคง", "เพิ่มขึ้น", "ธรรมาภิบาล", "หมายถึง", "เกี่ยวข้อง"])
def test_every_edit_keeps_the_skeleton(word: str) -> None:
    # The index by skeleton finds every dictionary word one edit away only if no edit changes it.
    reached = edits(word)
    assert reached and {skeleton(e) for e in reached} == {skeleton(word)}
