"""The plan's parts recognised in the body's blocks, in order, into plain plan data with stable ids.

Front matter (before the first part): the title (the first paragraph naming แผน, with the period
line after it), the office's name, the period (พ.ศ. 2566-2570, Thai digits read). Parts, by the
word their heading starts with: วิสัยทัศน์ (one paragraph), พันธกิจ, เป้าประสงค์, ค่านิยม, and the
levels of the strategy (ประเด็นยุทธศาสตร์ที่ 1, กลยุทธ์ที่ 1.1, ...: the words give the levels, in
the order they first appear), each with its own เป้าประสงค์, เป้าหมาย, แนวทางการพัฒนา/มาตรการ and
ตัวชี้วัด. Items keep their numbers as published (typed or rebuilt from Word's numbering); ids
follow the shipped plans: m1, g1, p1, p1-1, p1-g1, p1-t1, p1-a1, p1-i1, p1-1-i2, p1-i1-1.
"""

from __future__ import annotations

import re
from typing import Any

from eduplan.i18n import _
from eduplan.model.common import change_from_text
from eduplan.word import notes as places
from eduplan.word.draft import Draft
from eduplan.word.front import read_front
from eduplan.word.indicators import Columns, Row, header_of, read_rows, same_header
from eduplan.word.notes import Notes, Place
from eduplan.word.projects import project_header, project_rows
from eduplan.word.read import Para, Table
from eduplan.word.values import item_number
from eduplan.words.thai import arabic_digits

__all__ = ["outline"]

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vision", ("วิสัยทัศน์",)),
    ("missions", ("พันธกิจ",)),
    ("goals", ("เป้าประสงค์",)),
    ("values", ("ค่านิยมองค์กร", "ค่านิยมร่วม", "ค่านิยม")),
    ("indicators", ("ตัวชี้วัดและค่าเป้าหมาย", "ตัวชี้วัดความสำเร็จ", "ตัวชี้วัด")),
    ("targets", ("เป้าหมายการพัฒนา", "เป้าหมาย")),
    ("approaches", ("แนวทางการพัฒนา", "แนวทางการดำเนินงาน", "แนวทางการดำเนินการ", "มาตรการ", "แนวทาง")),
)
LEVEL_WORDS = ("ประเด็นยุทธศาสตร์", "ยุทธศาสตร์", "กลยุทธ์", "นโยบาย", "จุดเน้น")
_CHAPTER = re.compile(r"^(?:บทที่|ส่วนที่|ภาคผนวก)")
_ONE_YEAR = re.compile(r"(?:ปีงบประมาณ|ปีการศึกษา)\s*(?:พ\.ศ\.)?\s*(25\d\d)(?!\d|\s*[-–—]\s*25\d\d)")
_PREFIX = {"missions": "m", "goals": "g", "targets": "t", "approaches": "a"}


def _heading(text: str) -> tuple[str, str, str | None] | None:
    """(section, rest, number) when ``text`` opens a part: ``พันธกิจ``, ``วิสัยทัศน์ : ...``, ``กลยุทธ์ที่ 2 ...``."""
    for word in LEVEL_WORDS:
        match = re.match(rf"^{word}\s*(?:ที่\s*(?P<n>[0-9๐-๙.]+))?\s*[:：]?\s*(?P<rest>.*)$", text)
        if match and (match["n"] or _bare(match["rest"])):
            return f"level:{word}", match["rest"].strip(), match["n"]
    for section, words in SECTIONS:
        for word in words:
            match = re.match(rf"^{word}\s*(?:ที่\s*(?P<n>[0-9๐-๙.]+))?\s*(?P<sep>[:：])?\s*(?P<rest>.*)$", text)
            if match and (match["n"] or match["sep"] or _bare(match["rest"])):
                return section, match["rest"].strip(), match["n"]
    return None


def _bare(rest: str) -> bool:
    """A heading's tail: nothing, an English name in parentheses, or a count (``(5 ประเด็น)``)."""
    return not rest or bool(re.fullmatch(r"\(.{0,40}\)|[A-Za-z ()]{0,40}", rest.strip()))


class _Outline:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.draft = Draft()
        self.section: str | None = None
        self.started = False
        self.stack: list[dict[str, Any]] = []  # the current policy at each level
        self.pending_title: dict[str, Any] | None = None
        self.untitled: list[tuple[dict[str, Any], Place, str]] = []  # policies whose heading had no title
        self.auto_run: tuple[list[Any], list[tuple[int, str]]] | None = None  # a list Word numbers, read so far
        self.kindless: list[tuple[dict[str, Any], Place, Any]] = []  # indicators no unit gave a kind, their whole
        self.front: list[Para] = []
        self.skipped: list[Para] = []
        self.skipped_under = ""
        self.columns: Columns | None = None
        self.last_block_table = False
        self.indicators: list[tuple[str, dict[str, Any]]] = []  # (number, indicator) of the current table run
        self.year: tuple[int, str] | None = None  # the last single year a paragraph named, with the paragraph
        self.thai_digits: list[Place] = []  # where item numbers in Thai digits were written with Arabic ones

    # -- paragraphs -------------------------------------------------------------------------------------------

    def paragraph(self, para: Para) -> None:
        text = para.text
        if not text:
            return
        if para.toc:  # a line of the table of contents names a part that comes later
            if self.section != "skip" or self.skipped_under != "สารบัญ":
                self._flush_skipped()
                self.section, self.skipped_under = "skip", "สารบัญ"
            self.skipped.append(para)
            return
        if re.search(r"\(ต่อ\)\s*$", text):
            return  # ตารางที่ 3 (ต่อ): the table before goes on
        self.last_block_table = False
        if match := _ONE_YEAR.search(arabic_digits(text)):
            self.year = (int(match[1]), text)
            if "แผนปฏิบัติการ" in text or text.startswith("โครงการ"):  # the title over a project table
                self._flush_skipped()
                self.section, self.skipped_under, self.started = "skip", text, True
                return
        typed = item_number(text)
        bare = typed[1] if typed else text
        heading = _heading(bare) or _heading(text)
        if heading is not None:
            self._flush_skipped()
            self._open(para, *heading)
            return
        if _CHAPTER.match(text) or (para.heading is not None and para.heading <= 2 and self.started):
            self._flush_skipped()
            self.section, self.skipped_under = "skip", text
            self.stack = [] if _CHAPTER.match(text) else self.stack
            self.skipped.append(para)
            return
        if self.section == "skip":
            self.skipped.append(para)
            return
        if not self.started:
            self.front.append(para)
            return
        if self.pending_title is not None:
            self.pending_title["title"] = text
            self.pending_title = None
            return
        self._item(para, typed)

    def _open(self, para: Para, section: str, rest: str, number: str | None) -> None:
        self.started = True
        self.pending_title = None  # a heading, not the title of the policy before it
        self._flush_auto()
        if section.startswith("level:"):
            self._policy(para, section.removeprefix("level:"), rest, number)
            return
        if section in ("vision", "missions", "values"):
            self.stack = []  # a plan-wide part ends the strategy's levels
        if _bare(rest) and number is None:
            rest = ""  # วิสัยทัศน์ (Vision): the English name is part of the heading
        self.section = section
        if number is not None and rest:  # เป้าประสงค์ที่ 1 ... : an item of its part
            self._add_item(para, number, rest, typed=True)
        elif rest and section == "vision":
            self.draft.plan["vision"] = rest
        elif rest and section == "values":
            self.draft.plan.setdefault("values", []).append(rest)
        elif rest:
            message = _("text after the heading not read: {text!r}").format(text=rest)
            self.notes.at_paragraph("WD01", para.number, message)

    def _policy(self, para: Para, word: str, title: str, number: str | None) -> None:
        hierarchy = self.draft.hierarchy
        if word not in hierarchy:
            hierarchy.append(word)
        depth = hierarchy.index(word)
        if number is None:  # a heading over a list of the level's titles
            self.section = f"list:{depth}"
            return
        if depth > len(self.stack):
            message = _("{level}ที่ {number} comes before any {above}; read as one of them")
            message = message.format(level=word, number=number, above=hierarchy[depth - 1])
            self.notes.at_paragraph("WD01", para.number, message)
            depth = len(self.stack)
        policy = self._find_or_add(depth, number, title, para)
        self.stack = [*self.stack[:depth], policy]
        self.section = None
        self.pending_title = policy if not title else None
        if "title" not in policy:
            self.untitled.append((policy, places.paragraph(self.notes.file, para.number), f"{word}ที่ {number}"))

    def _find_or_add(self, depth: int, number: str, title: str, para: Para) -> dict[str, Any]:
        siblings = self.draft.policies if depth == 0 else self.stack[depth - 1].setdefault("policies", [])
        key = _plain(number)
        number = self._digits(number, places.paragraph(self.notes.file, para.number))
        for policy in siblings:
            if _plain(policy["number"]) == key:
                if title and policy.get("title") and title != policy["title"]:
                    message = _("the title differs from the one read before ({title!r}); kept that")
                    self.notes.at_paragraph("WD02", para.number, message.format(title=policy["title"]))
                elif title:
                    policy["title"] = title
                return policy
        parent = "p" if depth == 0 else f"{self.stack[depth - 1]['id']}-"
        policy = {"id": f"{parent}{len(siblings) + 1}", "number": number.rstrip(".")}
        if title:
            policy["title"] = title
        siblings.append(policy)
        return policy

    def _item(self, para: Para, typed: tuple[str, str] | None) -> None:
        if self.section == "skip":
            self.skipped.append(para)
            return
        if self.section is None:
            if self.stack:
                message = _("a paragraph under {level} {number} outside any part eduplan reads").format(
                    level=self.draft.hierarchy[len(self.stack) - 1], number=self.stack[-1]["number"]
                )
            else:
                message = _("a paragraph under the plan outside any part eduplan reads")
            self.notes.at_paragraph("WD01", para.number, message)
            return
        if self.section == "vision":
            vision = self.draft.plan.get("vision")
            self.draft.plan["vision"] = f"{vision} {para.text}" if vision else para.text
            if vision:
                self.notes.at_paragraph("WD02", para.number, _("the vision goes on in this paragraph; joined"))
            return
        if typed is not None:
            self._add_item(para, typed[0], typed[1], typed=True)
        elif para.auto is not None:
            self._add_item(para, para.auto, para.text, typed=False)
        else:
            self._add_item(para, None, para.text, typed=False)

    def _add_item(self, para: Para, number: str | None, text: str, *, typed: bool) -> None:
        section = self.section or ""
        if section == "values":
            self.draft.plan.setdefault("values", []).append(text)
            return
        if section.startswith("list:"):
            if number is None:
                message = _("an unnumbered line in a list of the strategy; not read")
                self.notes.at_paragraph("WD01", para.number, message)
                return
            depth = int(section.removeprefix("list:"))
            if depth <= len(self.stack):
                self._find_or_add(depth, number, text, para)
            return
        holder = self.stack[-1] if self.stack else self.draft.plan
        if section == "indicators":
            self._listed_indicator(para, holder, number, text)
            return
        items = holder.setdefault(section, [])
        if number is not None:
            number = self._digits(number, places.paragraph(self.notes.file, para.number))
        if number is None:
            number = str(len(items) + 1)
            message = _("an item with no number; numbered {number} in order").format(number=number)
            self.notes.at_paragraph("WD02", para.number, message)
            typed = True  # said
        if not typed and number is not None:
            if self.auto_run and self.auto_run[0] is not items:
                self._flush_auto()
            self.auto_run = (items, [*(self.auto_run[1] if self.auto_run else []), (para.number, number)])
        else:
            self._flush_auto()
        prefix = f"{holder['id']}-" if holder is not self.draft.plan else ""
        items.append({"id": f"{prefix}{_PREFIX[section]}{len(items) + 1}", "number": number, "text": text})

    def _listed_indicator(self, para: Para, holder: dict[str, Any], number: str | None, text: str) -> None:
        if holder is self.draft.plan:
            message = _("an indicator outside any level of the strategy; not read")
            self.notes.at_paragraph("WD01", para.number, message)
            return
        indicators = holder.setdefault("indicators", [])
        place = places.paragraph(self.notes.file, para.number)
        number = self._digits(number, place) if number else str(len(indicators) + 1)
        indicator = {"id": f"{holder['id']}-i{len(indicators) + 1}", "number": number, "name": text}
        indicators.append(indicator)
        self.kindless.append((indicator, place, None))

    def _flush_auto(self) -> None:
        if self.auto_run:
            run = self.auto_run[1]
            (first, low), (last, high) = run[0], run[-1]
            if len(run) > 1:
                message = _(
                    "the numbers {low}-{high} of paragraphs {first}-{last} come from Word's automatic numbering"
                ).format(low=low, high=high, first=first, last=last)
            else:
                message = _("the number {low} comes from Word's automatic numbering").format(low=low)
            self.notes.at_paragraph("WD02", first, message)
            self.auto_run = None

    def _flush_skipped(self) -> None:
        if self.skipped:
            first, last = self.skipped[0].number, self.skipped[-1].number
            if last != first:
                message = _(
                    "paragraphs {first}-{last} are under {part!r}, not a part eduplan imports; left out"
                ).format(first=first, last=last, part=self.skipped_under)
            else:
                message = _("this paragraph is under {part!r}, not a part eduplan imports; left out").format(
                    part=self.skipped_under
                )
            self.notes.at_paragraph("WD03", first, message)
            self.skipped = []

    # -- tables -----------------------------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        self._flush_auto()
        projects = project_header(table)
        if projects is not None:
            self.last_block_table, self.columns = False, None
            self._projects(table, projects)
            return
        columns = header_of(table)
        start = columns.header if columns else 0
        after = self.columns if self.last_block_table else None
        if columns is not None and after is not None and same_header(after, table):
            message = _("continues table {before} (the same header); joined").format(before=table.number - 1)
            self.notes.at_table("WD02", table.number, message)
        elif columns is None and after is not None and _fits(after, table):
            message = _("continues table {before} (no header of its own)").format(before=table.number - 1)
            self.notes.at_table("WD02", table.number, message)
            columns, start = after, 0
        elif columns is not None:
            self.indicators = []
        if table.nested:
            r, c = table.nested[0]
            self.notes.at_table("WD01", table.number, _("a table inside a cell; its text was not read"), r, c)
        self.last_block_table = True
        if columns is None:
            self.columns = None
            self._flush_skipped()
            first = " ".join(table.grid()[0])[:40] if table.rows else ""
            message = _("not an indicator table (its header {header!r} names no ตัวชี้วัด)").format(header=first)
            self.notes.at_table("WD03", table.number, message)
            return
        self.started = True
        self.columns = columns
        inferred = 0
        for row in read_rows(table, columns, self.notes, start):
            if row.text is not None:
                self._group(table, row)
                continue
            inferred += row.inferred_kind
            self._row_indicator(table, row)
        if inferred:
            message = _("the kind of {count} indicator(s) was inferred from the unit").format(count=inferred)
            self.notes.at_table("WD02", table.number, message)

    def _projects(self, table: Table, columns: Any) -> None:
        self.started = True
        year = columns.year or (self.year[0] if self.year else None)
        if year is None:
            message = _(
                "a project table, but no year it is of (งบประมาณ ปี 2567 in its header, or ปีงบประมาณ 2567 before it);"
                " not imported"
            )
            self.notes.at_table("WD01", table.number, message)
            return
        policy = self.stack[-1]["id"] if self.stack else None
        found = project_rows(table, columns, self.notes, policy, columns.header)
        plan = self.draft.action_plans.get(year)
        if plan is None:
            titled = self.year is not None and self.year[0] == year and "แผนปฏิบัติการ" in self.year[1]
            plan = self.draft.action_plans[year] = {"title": self.year[1]} if titled and self.year else {}
            plan["projects"] = []
        for project in found:
            if "number" in project:
                project["number"] = self._digits(project["number"], places.table(self.notes.file, table.number))
            plan["projects"].append({"id": f"prj-{year}-{len(plan['projects']) + 1}", **project})

    def _digits(self, number: str, place: Place) -> str:
        """``number`` with Arabic digits: the plan's values are numbers, which YAML writes with Arabic digits."""
        plain = arabic_digits(number)
        if plain != number:
            self.thai_digits.append(place)
        return plain

    def _group(self, table: Table, row: Row) -> None:
        text = row.text or ""
        heading = _heading(text)
        if heading is not None and heading[0].startswith("level:") and heading[2] is not None:
            para = Para(0, text)
            self._policy(para, heading[0].removeprefix("level:"), heading[1], heading[2])
            self.pending_title = None
            if self.untitled and self.untitled[-1][1].line == 0:  # a row, not a paragraph
                policy, _place, words = self.untitled.pop()
                self.untitled.append((policy, places.table(self.notes.file, table.number, row.row), words))
            self.indicators = []
            return
        message = _("a row across the table not read: {text!r}").format(text=text[:60])
        self.notes.at_table("WD01", table.number, message, row.row)

    def _row_indicator(self, table: Table, row: Row) -> None:
        if not self.stack:
            message = _("an indicator outside any level of the strategy; not read")
            self.notes.at_table("WD01", table.number, message, row.row)
            return
        holder = self.stack[-1]
        number = self._digits(row.number, places.table(self.notes.file, table.number, row.row)) if row.number else None
        parent = _parent(self.indicators, number) if number else None
        siblings = parent.setdefault("indicators", []) if parent else holder.setdefault("indicators", [])
        if number is None:
            number = str(len(siblings) + 1)
            message = _("an indicator with no number; numbered {number}").format(number=number)
            self.notes.at_table("WD02", table.number, message, row.row)
        existing = next((i for i in siblings if i["number"] == number and set(i) == {"id", "number", "name"}), None)
        if existing is not None:  # listed in a paragraph before its table row
            existing.update(row.data)
            indicator = existing
        else:
            base = parent["id"] if parent else f"{holder['id']}-i"
            sep = "-" if parent else ""
            indicator = {"id": f"{base}{sep}{len(siblings) + 1}", "number": number, **row.data}
            siblings.append(indicator)
        self.indicators.append((number, indicator))
        if "kind" not in indicator:
            self.kindless.append((indicator, places.table(self.notes.file, table.number, row.row), parent))


def _plain(number: str) -> str:
    return arabic_digits(number).strip("().").strip()


def _parent(seen: list[tuple[str, dict[str, Any]]], number: str) -> Any:
    """The indicator a sub-indicator numbered ``number`` belongs to: ``1.2`` under ``1``, ``1)`` under the last."""
    plain = arabic_digits(number).rstrip(".")
    if "." in plain:
        prefix = plain.rsplit(".", 1)[0]
        for other, indicator in reversed(seen):
            if arabic_digits(other).rstrip(".") == prefix:
                return indicator
        return None
    if plain.endswith(")") or plain.startswith("("):
        for other, indicator in reversed(seen):
            if not (other.endswith(")") or other.startswith("(")):
                return indicator
    return None


def _fits(columns: Columns, table: Table) -> bool:
    grid = table.grid()
    return bool(grid) and len(grid[0]) == len(columns.grid[0])


def outline(blocks: list[Para | Table], notes: Notes) -> Draft:
    """The plan data the blocks give, with notes for what was skipped, inferred or not read."""
    reader = _Outline(notes)
    for block in blocks:
        if isinstance(block, Table):
            reader.table(block)
        else:
            reader.paragraph(block)
    reader._flush_skipped()
    reader._flush_auto()
    for indicator, place, whole in reader.kindless:
        if "kind" in indicator or indicator.get("indicators") or (whole and "kind" in whole):
            continue  # a whole of parts needs none, and a part takes its whole's
        words = [v for v in indicator.get("targets", {}).values() if isinstance(v, str) and not change_from_text(v)]
        indicator["kind"] = "qualitative" if words else "count"
        if "unit" in indicator:
            message = _("no kind for this indicator (its unit {unit!r}); written as kind: {kind}: check it")
        else:
            message = _("no kind for this indicator (it has no unit); written as kind: {kind}: check it")
        notes.add("WD01", place, message.format(unit=indicator.get("unit"), kind=indicator["kind"]))
    for policy, place, heading in reader.untitled:
        if "title" not in policy:
            policy["title"] = heading
            message = _("{heading} has no title after it; its title is the heading, {heading!r}")
            notes.add("WD01", place, message.format(heading=heading))
    if reader.thai_digits:
        count = len(reader.thai_digits)
        message = _(
            "{count} item number(s) in Thai digits written with Arabic digits, this the first "
            "(the text keeps its digits)"
        )
        notes.add("WD02", reader.thai_digits[0], message.format(count=count))
    read_front(reader.front, reader.draft, notes)
    if not reader.draft.policies:
        message = _("{file}: no level of the strategy (such as ประเด็นยุทธศาสตร์ที่ 1 or กลยุทธ์ที่ 1) to import")
        notes.add("WD04", None, message.format(file=notes.file))
    return reader.draft
