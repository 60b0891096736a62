"""A plan book's front matter: the title, the office's name, the period and the foreword, from the first paragraphs.

The title is the first paragraph naming แผน (with the period line after it, when the period has a
line of its own); the office is the first other paragraph naming one (สำนักงานเขตพื้นที่การศึกษา,
สพป., สพม., โรงเรียน), or the words after ของ in the title; the period is the first span of two
Buddhist-Era years (พ.ศ. ๒๕๖๖-๒๕๗๐, Thai digits read; ปีการศึกษา makes it a plan of academic years).
The foreword is the paragraphs under the heading คำนำ, with its signer and date (``foreword:``), as
eduplan's own Word documents and Thai offices print it.
"""

from __future__ import annotations

import re
from typing import Any

from eduplan.i18n import _
from eduplan.word.draft import Draft
from eduplan.word.notes import Notes
from eduplan.word.read import Para
from eduplan.words.thai import MONTHS, arabic_digits

__all__ = ["read_foreword", "read_front", "signed_on"]

_PERIOD = re.compile(r"(พ\.ศ\.|ปีงบประมาณ|ปีการศึกษา|ปี)?\s*(25\d\d)\s*[-–—]\s*(25\d\d)")
_SIGNER = re.compile(r"^\((.+)\)$")
_MONTH_NAMES = {name: n for n, name in enumerate(MONTHS["th"], start=1)}
_SIGNED_ON = re.compile(r"^(?:(\d{1,2})\s+)?(\S+)\s+(?:พ\.ศ\.\s*)?(25\d\d)$")
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
    used.extend(_foreword(paras, draft))
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


def _foreword(paras: list[Para], draft: Draft) -> list[Para]:
    """Put the foreword into the draft, when there is one; the paragraphs it takes."""
    found = read_foreword(paras)
    if found is None:
        return []
    draft.plan["foreword"] = found[0]
    return found[1]


def signed_on(text: str) -> str | None:
    """A signature's date as the data writes it: ``ธันวาคม 2565`` is ``2022-12``, ``15 ธันวาคม 2565`` ``2022-12-15``."""
    match = _SIGNED_ON.match(arabic_digits(text).strip())
    if match is None or match[2] not in _MONTH_NAMES:
        return None
    year, month = int(match[3]) - 543, _MONTH_NAMES[match[2]]
    return f"{year}-{month:02d}-{int(match[1]):02d}" if match[1] else f"{year}-{month:02d}"


def read_foreword(paras: list[Para]) -> tuple[dict[str, Any], list[Para]] | None:
    """The foreword (คำนำ) as plan data, and the paragraphs it takes, when the front matter has one.

    Its paragraphs follow the heading คำนำ (not a line of the table of contents) up to the next heading
    or the signature: the name in parentheses, then the position and the date (ธันวาคม 2565), as
    eduplan writes them and Thai offices sign.
    """
    start = next((i for i, p in enumerate(paras) if not p.toc and p.text.strip() == "คำนำ"), None)
    if start is None:
        return None
    taken, text = [paras[start]], []
    signer: dict[str, str] = {}
    date: str | None = None
    rest = [p for p in paras[start + 1 :] if p.text.strip()]
    for index, para in enumerate(rest):
        if para.toc or para.heading is not None:
            break
        name = _SIGNER.match(para.text.strip())
        if name is None:
            text.append(para.text.strip())
            taken.append(para)
            continue
        after = [p for p in rest[index + 1 : index + 3] if not p.toc and p.heading is None]
        taken.append(para)
        if after and signed_on(after[0].text) is None:
            signer = {"name": name[1].strip(), "position": after[0].text.strip()}
            taken.append(after[0])
            after = after[1:]
        if after and (date := signed_on(after[0].text)) is not None:
            taken.append(after[0])
        break
    if not text:
        return None
    foreword: dict[str, Any] = {"text": text}
    if signer:
        foreword["signer"] = signer
    if date:
        foreword["date"] = date
    return foreword, taken
