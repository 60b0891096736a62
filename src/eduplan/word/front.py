"""The front matter of a plan book: its title, the office's name and the period, from the first paragraphs.

The title is the first paragraph naming แผน (with the period line after it, when the period has a
line of its own); the office is the first other paragraph naming one (สำนักงานเขตพื้นที่การศึกษา,
สพป., สพม., โรงเรียน), or the words after ของ in the title; the period is the first span of two
Buddhist-Era years (พ.ศ. ๒๕๖๖-๒๕๗๐, Thai digits read; ปีการศึกษา makes it a plan of academic years).
"""

from __future__ import annotations

import re

from eduplan.i18n import _
from eduplan.word.draft import Draft
from eduplan.word.notes import Notes
from eduplan.word.read import Para
from eduplan.words.thai import arabic_digits

__all__ = ["read_front"]

_PERIOD = re.compile(r"(พ\.ศ\.|ปีงบประมาณ|ปีการศึกษา|ปี)?\s*(25\d\d)\s*[-–—]\s*(25\d\d)")
_OFFICE = re.compile(r"(สำนักงานเขตพื้นที่การศึกษา|สพป\.|สพม\.|โรงเรียน|สำนักงานการศึกษา)")


def read_front(paras: list[Para], draft: Draft, notes: Notes) -> None:
    """The title, the office's name and the period from the paragraphs before the first part."""
    titled = next((p for p in paras if "แผน" in p.text), None)
    used: list[Para] = []
    if titled is not None:
        draft.title = titled.text
        used.append(titled)
        after = paras[paras.index(titled) + 1 :]
        period_next = bool(after) and _PERIOD.fullmatch(arabic_digits(after[0].text).strip())
        if not _PERIOD.search(arabic_digits(titled.text)) and period_next:
            draft.title = f"{titled.text} {after[0].text}"
            used.append(after[0])
    office = next((p for p in paras if p is not titled and _OFFICE.search(p.text) and "แผน" not in p.text), None)
    if office is not None:
        draft.office = office.text
        used.append(office)
    elif titled is not None and (match := re.search(r"ของ\s*(.+?)\s*(?:\(|พ\.ศ\.|ปี|$)", titled.text)):
        draft.office = match[1]
        message = _("the office's name {name!r} read from the title").format(name=match[1])
        notes.at_paragraph("WD02", titled.number, message)
    for para in ([titled] if titled else []) + [p for p in paras if p is not titled]:
        match = _PERIOD.search(arabic_digits(para.text))
        if match:
            kind = "academic" if match[1] == "ปีการศึกษา" else "fiscal"
            draft.period = (int(match[2]), int(match[3]), kind)
            used.append(para)
            break
    left = [p for p in paras if p not in used]
    if left:
        if len(left) > 1:
            message = _(
                "paragraphs {first}-{last} are of the cover or preface, not a part eduplan imports; left out"
            ).format(first=left[0].number, last=left[-1].number)
        else:
            message = _("this paragraph is of the cover or preface, not a part eduplan imports; left out")
        notes.at_paragraph("WD03", left[0].number, message)
    if draft.title is None:
        message = _("{file}: no title (a paragraph naming แผน) in the paragraphs before the first part of the plan")
        notes.add("WD04", None, message.format(file=notes.file))
    if draft.office is None:
        message = _("{file}: no office's name in the paragraphs before the first part of the plan")
        notes.add("WD04", None, message.format(file=notes.file))
    if draft.period is None:
        message = _("{file}: no period (such as พ.ศ. 2566-2570) in the first paragraphs")
        notes.add("WD04", None, message.format(file=notes.file))
