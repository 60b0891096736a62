"""Two editions of the real plan for golden and CLI tests: the plan as shipped, and an edited copy.

The copy is made from the real files with text edits that keep every other line where it is:
a raised target, a lowered target, a removed indicator and an added one (with a similar name,
so a re-identification hint shows), a renamed indicator and a reworded approach.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REAL_PLAN

P5_I8 = """\
  - id: p5-i8
    number: "7"
    name: ร้อยละของโรงเรียนคุณภาพที่บริหารจัดการและใช้ทรัพยากรร่วมกันได้สำเร็จตามเป้าหมาย
    unit: ร้อยละ
    kind: percent
    targets: {2566: 60, 2567: 70, 2568: 80, 2569: 90, 2570: 100}
    owner: สพฐ. 66-70
"""

P3_A5 = "ส่งเสริม สนับสนุนการจัดกิจกรรมลดเวลาเรียน เพิ่มเวลารู้ โดยบูรณาการวิชาเรียน"

EDITS: dict[str, list[tuple[str, str]]] = {
    "policies/1.yaml": [  # p1-i4: 2570 raised 70 -> 75
        ("{2566: 50, 2567: 55, 2568: 60, 2569: 65, 2570: 70}", "{2566: 50, 2567: 55, 2568: 60, 2569: 65, 2570: 75}"),
    ],
    "policies/2.yaml": [  # p2-i6 renamed
        ("การบริหารจัดการโรงเรียนขนาดเล็ก (โรงเรียนคุณภาพ)", "การบริหารจัดการโรงเรียนขนาดเล็กและโรงเรียนคุณภาพ"),
    ],
    "policies/3.yaml": [  # p3-a5 reworded; p3-i19: 2568 lowered 86 -> 80
        (P3_A5, P3_A5.replace("ส่งเสริม ", "ส่งเสริมและ") + "กับกิจกรรมพัฒนาผู้เรียน"),
        ("{2566: 85, 2567: 84, 2568: 86, 2569: 88, 2570: 90}", "{2566: 85, 2567: 84, 2568: 80, 2569: 88, 2570: 90}"),
    ],
}


def make_editions(root: Path) -> tuple[Path, Path]:
    """Copy the real plan to ``root/old`` and an edited copy to ``root/new``."""
    old, new = root / "old", root / "new"
    for target in (old, new):
        shutil.copytree(REAL_PLAN, target, ignore=shutil.ignore_patterns("*.md"))
    for name, edits in EDITS.items():
        path = new / name
        text = path.read_text(encoding="utf-8")
        for before, after in edits:
            assert text.count(before) == 1, f"{name}: {before!r} is not in the real plan once; update the edit"
            text = text.replace(before, after)
        path.write_text(text, encoding="utf-8")
    # p5-i7 removed, p5-i8 added in its place
    path = new / "policies/5.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: p5-i7\n")
    assert "  - id:" not in text[start + 1 :], "p5-i7 is no longer the last indicator of policy 5; update the edit"
    path.write_text(text[:start] + P5_I8, encoding="utf-8")
    return old, new
