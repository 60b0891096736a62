"""Make the example's returned forms (office/returns/2567/) from returns.yaml: the forms filled in as the schools did.

Run it from the repository: ``.venv/bin/python docs/examples/rollup-office/make_returns.py`` (or with a
folder to write into instead). Each return of returns.yaml is the form ``eduplan collect`` makes for its
school (``--lang th``, due on the day the file gives), with the answers typed into its answer cells, the
reporting date into its date cell and, where the file says, a locked cell typed over. The same
returns.yaml gives the same bytes; tests/collect/test_example.py checks that the committed workbooks are
what this script makes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

from eduplan import i18n
from eduplan.collect.answers import be_day
from eduplan.collect.form import Asked, Form, forms_of
from eduplan.collect.write import RECORD, form_bytes
from eduplan.load.whole import load_whole
from eduplan.model import Plan
from eduplan.sheet.book import EPOCH, fixed_times
from eduplan.sheet.layout import year_word
from eduplan.words.thaidate import parse_date

HERE = Path(__file__).parent
OFFICE = HERE / "office"


def _form(plan: Plan, entry: dict[str, Any], year: int, due: dt.date) -> Form:
    """The form ``eduplan collect`` makes for the entry's school (of another year, or of a unit no longer listed)."""
    code = entry["unit"]
    forms, _skipped = forms_of(plan, entry.get("year", year), due=due)
    found = {f.units[0].code: f for f in forms}
    if code in found:
        return found[code]
    like = found["1088880001"]  # a unit the register no longer lists: its form was made like the others
    unit = Asked(code, entry["register"]["name"], entry["register"].get("district"), like.units[0].refs)
    return dataclasses.replace(like, units=(unit,))


def filled(plan: Plan, entry: dict[str, Any], year: int, due: dt.date) -> bytes:
    """The workbook of one return: its form with the entry's answers, date and edits typed in."""
    form = _form(plan, entry, year, due)
    book = load_workbook(io.BytesIO(form_bytes(form, year_word(plan))))
    record = [row for row in book[RECORD].iter_rows(values_only=True)]
    sheet = book[next(str(row[1]) for row in record if row[0] == "sheet")]
    cells = {(row[3], row[4]): str(row[1]) for row in record if row[0] == "answer"}
    for indicator, answers in entry.get("answers", {}).items():
        for key, value in answers.items():
            sheet[cells[(indicator, key)]] = value
    dates = [str(row[1]) for row in record if row[0] == "date"]
    sheet[dates[0]] = entry["date"]
    edit = entry.get("edit")
    if edit:
        indicator, key = edit["question"].split("/")
        label = next(q[5] for q in record if q[0] == "question" and (q[1], q[2]) == (indicator, key))
        ref = next(str(r[1]) for r in record if r[0] == "locked" and r[2] == label and r[4] == f"{indicator}\t{key}")
        sheet[ref] = edit["text"]
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue(), EPOCH)


def returns(folder: Path) -> list[Path]:
    """Write every return of returns.yaml into ``folder``; the files written."""
    spec = yaml.safe_load((HERE / "returns.yaml").read_text(encoding="utf-8"))
    year = int(spec["year"])
    due = be_day(parse_date(spec["due"]).isoformat())
    written = []
    with i18n.using("th"):
        plan, _loaded = load_whole(OFFICE)
        folder.mkdir(parents=True, exist_ok=True)
        for entry in spec["returns"]:
            target = folder / entry["file"]
            if "bytes" in entry:
                target.write_bytes(entry["bytes"].encode("utf-8"))
            else:
                target.write_bytes(filled(plan, entry, year, due))
            written.append(target)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OFFICE / "returns" / "2567"
    for path in returns(out):
        print(path)
