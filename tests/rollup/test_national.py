"""Up to the country: offices are the units, their reports the returns, a ratio pooled over every school."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from tests.collect.helpers import collect, fill
from tests.conftest import build_tree
from tests.rollup.office import PLAN, POLICY
from tests.validate.helpers import cli

NATIONAL = """\
id: obec
title: แผนพัฒนาการศึกษาขั้นพื้นฐาน
office: {name: สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน, code: obec}
period: {start: 2566, end: 2570}
"""

NATIONAL_POLICY = """\
id: n1
number: '1'
title: คุณภาพผู้เรียน
indicators:
  - id: n-ratio
    number: '1'
    name: ร้อยละของนักเรียนที่อ่านออกเขียนได้ (ทั้งประเทศ)
    unit: ร้อยละ
    kind: percent
    owner: สพฐ.
    targets: {2567: 80}
    rollup:
      method: ratio
      collect:
        numerator: {label: จำนวนนักเรียนที่อ่านออกเขียนได้, unit: คน}
        denominator: {label: จำนวนนักเรียนทั้งหมด, unit: คน}
  - id: n-share
    number: '2'
    name: ร้อยละของเขตพื้นที่ที่นักเรียนอ่านออกเขียนได้ร้อยละ 80 ขึ้นไป
    unit: ร้อยละ
    kind: percent
    owner: สพฐ.
    targets: {2567: 70}
    rollup:
      method: share
      collect: {value: {label: ร้อยละของนักเรียนที่อ่านออกเขียนได้, unit: ร้อยละ}}
      condition: {at_least: 80}
"""

OFFICES = """\
as_of: 2567-06-10
units:
  - {code: "52010000", name: สพม.หนึ่ง, kind: office, parent: obec, province: ลำปาง, plan: ../offices/52010000}
  - {code: "53010000", name: สพม.สอง, kind: office, parent: obec, province: ลำพูน, plan: ../offices/53010000}
  - {code: "54010000", name: สพม.สาม, kind: office, parent: obec, province: แพร่, plan: ../offices/54010000}
"""

SCHOOLS_B = {
    "1053140001": {"ratio": {"numerator": 100, "denominator": 200}},
    "1053140002": {"ratio": {"numerator": 30, "denominator": 100}},
}
SCHOOLS_A = {
    "1052140001": {"ratio": {"numerator": 900, "denominator": 1000}},
    "1052140002": {"ratio": {"numerator": 40, "denominator": 100}},
    "1052140003": {"ratio": {"numerator": 350, "denominator": 400}},
}
"""By hand: office A (900 + 40 + 350) / (1000 + 100 + 400) = 86%, office B (100 + 30) / (200 + 100) = 43.33%;
the country (1290 + 130) / (1500 + 300) x 100 = 1420 / 1800 = 78.89% (the mean of 86 and 43.33 would be 64.67);
offices at 80% or more: A of A and B (C never reports): 50%."""


def _office(root: Path, code: str, answers: dict[str, dict[str, dict[str, int]]], tmp: Path) -> None:
    feeds = "    feeds: [{plan: obec, indicator: n-ratio}, {plan: obec, indicator: n-share}]\n"
    policy = POLICY.replace("    targets: {2567: 80}\n", "    targets: {2567: 80}\n" + feeds, 1)
    schools = "\n".join(
        f'  - {{code: "{s}", name: โรงเรียน{s}, parent: "{code}", district: เมือง, size: small, students: 100}}'
        for s in answers
    )
    register = "as_of: 2567-06-10\nunits:\n" + schools + "\n"
    build_tree(
        root,
        {
            "plan.yaml": PLAN.replace("52010000", code).replace("id: office", f"id: o{code}"),
            "policies/1.yaml": policy,
            "register.yaml": register,
        },
    )
    forms = tmp / f"forms-{code}"
    assert collect(root, forms).code == 0
    for school, given in answers.items():
        target = root / "returns" / "2567" / f"{school}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        fill(forms / f"{school}.xlsx", {school: given}, dates={school: dt.datetime(2024, 9, 20)}, target=target)
    run = cli("rollup", str(root), "--year", "2567", "--write")
    assert run.code == 0, run.err


def test_the_country_pools_the_schools_counts_of_every_office(tmp_path: Path) -> None:
    _office(tmp_path / "offices" / "52010000", "52010000", SCHOOLS_A, tmp_path)
    _office(tmp_path / "offices" / "53010000", "53010000", SCHOOLS_B, tmp_path)  # 54010000 keeps no report
    build_tree(
        tmp_path / "offices" / "54010000",
        {
            "plan.yaml": PLAN.replace("52010000", "54010000").replace("id: office", "id: o54010000"),
            "policies/1.yaml": POLICY,
        },
    )
    country = build_tree(
        tmp_path / "obec", {"plan.yaml": NATIONAL, "policies/1.yaml": NATIONAL_POLICY, "register.yaml": OFFICES}
    )
    run = cli("rollup", str(country), "--year", "2567", "-f", "json")
    data = json.loads(run.out)
    ratio, share = data["figures"]
    assert (ratio["numerator"], ratio["denominator"]) == ("1420", "1800")
    assert abs(Decimal(ratio["exact"]) - Decimal(142000) / Decimal(1800)) < Decimal("1e-20")
    assert ratio["value"] == "78.89" and (ratio["expected"], ratio["reported"]) == (3, 2)
    assert ratio["missing"] == ["54010000"]
    assert share["value"] == "50" and (share["numerator"], share["denominator"]) == ("1", "2")
    where = {u["unit"]: u["where"] for u in ratio["units"]}
    assert where["52010000"]["numerator"].startswith(str(tmp_path / "offices" / "52010000" / "reports" / "2567.yaml"))
    by_province = {g["group"]: g["value"] for g in ratio["breakdown"]["province"]}
    assert by_province == {"ลำปาง": "86", "ลำพูน": "43.33", "แพร่": None}
    written = cli("rollup", str(country), "--year", "2567", "--write", "--lang", "th")
    assert "n-ratio: เพิ่มแล้ว (78.89)" in written.err
    report = (country / "reports" / "2567.yaml").read_text(encoding="utf-8")
    assert "รวมจากรายงานของสำนักงาน 2 จาก 3 แห่ง" in report and "units: office" in report
