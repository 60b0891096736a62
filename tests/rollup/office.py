"""A small office for the roll-up's command tests: four schools, six indicators, forms made and filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.collect.helpers import collect, fill
from tests.conftest import build_tree

__all__ = ["ANSWERS", "office"]

PLAN = """\
id: office
title: แผนพัฒนาการศึกษา สำนักงานทดสอบ
office: {name: สำนักงานเขตพื้นที่การศึกษาทดสอบ, code: "52010000"}
period: {start: 2566, end: 2570}
"""

POLICY = """\
id: p1
number: '1'
title: คุณภาพผู้เรียน
indicators:
  - id: ratio
    number: '1'
    name: ร้อยละของนักเรียนที่อ่านออกเขียนได้
    unit: ร้อยละ
    kind: percent
    owner: กลุ่มนิเทศ
    targets: {2567: 80}
    rollup:
      method: ratio
      collect:
        numerator: {label: จำนวนนักเรียนที่อ่านออกเขียนได้, unit: คน}
        denominator: {label: จำนวนนักเรียนทั้งหมด, unit: คน}
      coverage_min: 50
  - id: share
    number: '2'
    name: ร้อยละของสถานศึกษาที่มีผลการประเมินระดับดีขึ้นไป
    unit: ร้อยละ
    kind: percent
    owner: กลุ่มนิเทศ
    targets: {2567: 70}
    rollup:
      method: share
      collect: {value: {label: ผลการประเมินตนเอง, levels: [ปรับปรุง, พอใช้, ดี, ดีมาก]}}
      condition: {level_at_least: ดี}
  - id: mean
    number: '3'
    name: คะแนนเฉลี่ยการทดสอบ
    unit: คะแนน
    kind: score
    owner: กลุ่มนิเทศ
    targets: {2567: 40}
    rollup:
      method: mean
      collect: {value: {label: คะแนนเฉลี่ยของสถานศึกษา, unit: คะแนน}}
      weight: students
  - id: total
    number: '4'
    name: จำนวนนักเรียนที่ออกกลางคัน
    unit: คน
    kind: count
    direction: lower-is-better
    owner: กลุ่มส่งเสริม
    targets: {2567: 0}
    rollup:
      method: sum
      collect: {value: {label: จำนวนนักเรียนที่ออกกลางคัน, unit: คน}}
"""

REGISTER = """\
as_of: 2567-06-10
units:
  - {code: "1052140001", name: โรงเรียนหนึ่ง, parent: "52010000", district: เมือง, size: large, students: 1200}
  - {code: "1052140002", name: โรงเรียนสอง, parent: "52010000", district: เมือง, size: small, students: 100}
  - {code: "1052140003", name: โรงเรียนสาม, parent: "52010000", district: เกาะคา, size: medium, students: 400}
  - {code: "1052140004", name: โรงเรียนสี่, parent: "52010000", district: เกาะคา, size: small, students: 80}
"""

ANSWERS = {
    "1052140001": {
        "ratio": {"numerator": 900, "denominator": 1000},
        "share": {"value": "ดีมาก"},
        "mean": {"value": 40},
        "total": {"value": 3},
    },
    "1052140002": {
        "ratio": {"numerator": 40, "denominator": 100},
        "share": {"value": "พอใช้"},
        "mean": {"value": 70},
        "total": {"value": 0},
    },
    "1052140003": {
        "ratio": {"numerator": 350, "denominator": 400},
        "share": {"value": "ดี"},
        "mean": {"value": "ไม่มีข้อมูล"},
        "total": {"value": 2},
    },
}
"""What three schools answer; the fourth sends nothing. By hand: ratio (900 + 40 + 350) / (1000 + 100 + 400) x 100
= 86; share 2 of 3 = 66.67; mean (1200 x 40 + 100 x 70) / 1300 = 42.31 (the third said no data); sum 5."""


def office(tmp_path: Path) -> Path:
    """The office's plan folder with the three schools' returns of fiscal year 2567 in returns/2567/."""
    root = build_tree(tmp_path / "office", {"plan.yaml": PLAN, "policies/1.yaml": POLICY, "register.yaml": REGISTER})
    forms = tmp_path / "forms"
    run = collect(root, forms)
    assert run.code == 0, run.err
    for code, answers in ANSWERS.items():
        target = root / "returns" / "2567" / f"{code}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        fill(forms / f"{code}.xlsx", {code: answers}, dates={code: dt.datetime(2024, 9, 20)}, target=target)
    return root
