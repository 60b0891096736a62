"""The questions ``eduplan init`` asks on a terminal give the same plan as the flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.init.helpers import SCHOOL, eduplan, files_under


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("eduplan.cli.init._interactive", lambda: True)


def test_the_answers_to_the_questions_make_the_plan_the_flags_make(terminal: None, tmp_path: Path) -> None:
    answers = [
        "school",  # --kind
        "โรงเรียนบ้านหนองบัว",  # --name
        "",  # --short-name: left empty
        "1050130001",  # --code
        "สพป.เชียงใหม่ เขต 1",  # --parent
        "2567-2569",  # --period
        "",  # --hierarchy: the default กลยุทธ์
        "",  # --id: the one offered, from the code
    ]
    asked = eduplan("init", "asked", stdin="\n".join(answers) + "\n")
    assert asked.exit_code == 0, asked.stderr
    assert "[--hierarchy] [กลยุทธ์]:" in asked.stdout
    assert "[--id] [school-1050130001]:" in asked.stdout
    assert eduplan("init", "flags", *SCHOOL).exit_code == 0
    assert files_under(tmp_path / "asked") == files_under(tmp_path / "flags")


def test_a_wrong_answer_is_asked_again_with_the_reason(terminal: None, tmp_path: Path) -> None:
    answers = [
        "kindergarten",  # not a kind
        "office",
        "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน",
        "สพม.ลำปาง ลำพูน",
        "",  # no code
        "2023-2027",  # Christian Era
        "2571-2567",  # reversed
        "2567-2571",
        "ประเด็นยุทธศาสตร์,กลยุทธ์",
        "",  # the id offered: sesa-lampang-lamphun
    ]
    result = eduplan("init", "repo", stdin="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "eduplan: --kind: 'kindergarten' is not one of 'office', 'school'",
        "eduplan: --period: 2023 looks like a Christian-Era year; plans use Buddhist-Era years (พ.ศ. = ค.ศ. + 543):"
        " 2566-2570",
        "eduplan: --period: 2571-2567 ends before it starts; write the first year first, 2567-2571",
    ]
    assert "[--parent]" not in result.stdout  # an office belongs to no สังกัด question
    assert (tmp_path / "repo/plans/sesa-lampang-lamphun/2567-2571/policies/1.yaml").is_file()


def test_only_what_the_flags_leave_out_is_asked(terminal: None, tmp_path: Path) -> None:
    given = ["--kind", "school", "--code", "1050130001"]
    result = eduplan("init", "repo", *given, stdin="โรงเรียนบ้านหนองบัว\n\n\n2567-2569\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "[--kind]" not in result.stdout and "[--code]" not in result.stdout
    assert "[--name]" in result.stdout and "[--period]" in result.stdout


def test_an_id_that_cannot_be_made_is_asked_for(terminal: None, tmp_path: Path) -> None:
    # no code: no id is offered, and an empty answer is asked again
    answers = ["school", "โรงเรียนบ้านหนองบัว", "", "", "", "2567-2569", "", "", "Ban Nong Bua", "school-ban-nong-bua"]
    result = eduplan("init", "repo", stdin="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("eduplan: --id: 'Ban Nong Bua' is not an id: use lowercase ASCII letters")
    assert "(such as school-1050130001)" in result.stderr
    assert (tmp_path / "repo/plans/school-ban-nong-bua/2567-2569/plan.yaml").is_file()


def test_input_that_ends_too_soon_is_aborted_with_nothing_written(terminal: None, tmp_path: Path) -> None:
    result = eduplan("init", "repo", stdin="school\n")
    assert result.exit_code == 2
    assert result.stderr.endswith("eduplan: error: aborted\n")
    assert not (tmp_path / "repo").exists()
