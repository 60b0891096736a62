"""``eduplan rollup``: the figures of a small office in every format, the trace of one, and the write-back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from eduplan.load.whole import load_whole
from tests.i18n.leaks import leaks
from tests.rollup.helpers import check_golden
from tests.rollup.office import office
from tests.validate.helpers import cli


def _shown(text: str, root: Path) -> str:
    return text.replace(str(root) + "/", "")


@pytest.mark.parametrize("lang", ["en", "th"])
def test_the_human_figures(tmp_path: Path, lang: str) -> None:
    root = office(tmp_path)
    run = cli("rollup", str(root), "--year", "2567", "--lang", lang)
    assert run.code == 0, run.err
    check_golden(f"rollup.human.{lang}.txt", _shown(run.out, root))
    if lang == "th":
        assert leaks(run.out) == []


def test_json_carries_the_exact_numbers_and_the_units(tmp_path: Path) -> None:
    root = office(tmp_path)
    run = cli("rollup", str(root), "--year", "2567", "-f", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    check_golden("rollup.json", _shown(run.out, root))
    ratio, share, mean, total = data["figures"]
    assert (ratio["value"], ratio["numerator"], ratio["denominator"]) == ("86", "1290", "1500")
    assert (ratio["expected"], ratio["reported"], ratio["missing"]) == (4, 3, ["1052140004"])
    assert share["value"] == "66.67" and mean["value"] == "42.31" and total["value"] == "5"
    assert mean["no_data"] == ["1052140003"]  # ไม่มีข้อมูล is no data, not 0
    assert [u["unit"] for u in ratio["units"]] == ["1052140001", "1052140002", "1052140003"]


def test_csv_has_a_row_per_figure_and_group(tmp_path: Path) -> None:
    root = office(tmp_path)
    run = cli("rollup", str(root), "--year", "2567", "-f", "csv")
    assert run.code == 0, run.err
    check_golden("rollup.csv", run.out)
    rows = [line.split(",") for line in run.out.splitlines()]
    assert ["ratio", "ratio", "district", "เกาะคา", "87.5", "350", "400", "2", "1", "50"] in rows


def test_the_trace_shows_every_school_behind_a_figure(tmp_path: Path) -> None:
    root = office(tmp_path)
    run = cli("rollup", str(root), "--year", "2567", "--trace", "ratio", "--by", "district")
    assert run.code == 0, run.err
    check_golden("rollup.trace.txt", _shown(run.out, root))
    assert "returns/2567/1052140001.xlsx!" in run.out and "1052140004  โรงเรียนสี่: no answer" in run.out


def test_write_adds_the_actuals_keeps_comments_and_reads_back(tmp_path: Path) -> None:
    root = office(tmp_path)
    report = root / "reports" / "2567.yaml"
    report.parent.mkdir()
    report.write_text(
        "# typed by the office\nfiscal_year: 2567\nactuals:\n  - {indicator: mean, value: 41, source: สทศ.}  # O-NET\n",
        encoding="utf-8",
    )
    run = cli("rollup", str(root), "--year", "2567", "--write")
    assert run.code == 0, run.err
    assert "RU17" in run.err  # the mean typed by hand is kept, and said so
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# typed by the office\n") and "# O-NET" in text
    plan, _loaded = load_whole(root)
    actuals = {a.indicator: a for a in plan.reports[0].actuals}
    assert actuals["mean"].value == 41 and actuals["ratio"].value == 86
    assert actuals["share"].value == 66.67 and actuals["total"].value == 5
    assert actuals["ratio"].rolled_up is not None
    assert (actuals["ratio"].rolled_up.numerator, actuals["ratio"].rolled_up.denominator) == (1290, 1500)
    assert "3 of 4 schools" in (actuals["ratio"].source or "")
    again = cli("rollup", str(root), "--year", "2567", "--write")
    assert "ratio: unchanged (86)" in again.err and report.read_text(encoding="utf-8") == text
    replaced = cli("rollup", str(root), "--year", "2567", "--write", "--replace")
    assert "mean: replaced the actual typed by hand (41) with 42.31" in replaced.err
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    assert {a["indicator"]: a["value"] for a in data["actuals"]}["mean"] == 42.31


def test_write_makes_the_report_of_the_year_when_there_is_none(tmp_path: Path) -> None:
    root = office(tmp_path)
    run = cli("rollup", str(root), "--year", "2567", "--write")
    assert run.code == 0, run.err
    data = yaml.safe_load((root / "reports" / "2567.yaml").read_text(encoding="utf-8"))
    assert data["fiscal_year"] == 2567 and [a["indicator"] for a in data["actuals"]] == [
        "ratio",
        "share",
        "mean",
        "total",
    ]


def test_a_coverage_below_the_minimum_is_an_error_and_not_written(tmp_path: Path) -> None:
    root = office(tmp_path)
    for code in ("1052140001", "1052140002"):
        (root / "returns" / "2567" / f"{code}.xlsx").unlink()
    run = cli("rollup", str(root), "--year", "2567", "--write")
    assert run.code == 1
    assert "policies/1.yaml:" in run.err and "RU10" in run.err and "ratio: not written" in run.err
    data = yaml.safe_load((root / "reports" / "2567.yaml").read_text(encoding="utf-8"))
    assert "ratio" not in [a["indicator"] for a in data["actuals"]]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--year", "2590"], "not a year of the plan"),
        (["--year", "2567", "--trace", "nope"], "--trace nope"),
        (["--year", "2567", "--by", "district"], "--by goes with --trace"),
    ],
)
def test_trouble_is_one_line(tmp_path: Path, args: list[str], said: str) -> None:
    root = office(tmp_path)
    run = cli("rollup", str(root), *args)
    assert run.code == 2 and said in run.err and len(run.err.splitlines()) == 1
