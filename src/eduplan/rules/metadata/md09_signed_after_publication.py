"""A page of the plan is signed after the plan was published.

The foreword, the approval and the orders of the annex are signed before the plan is published
(``edition.published``): a later date is usually a typing mistake in the year or the month (a
Buddhist-Era year written as a Christian-Era one, ธันวาคม taken for January). A page dated by its
month only counts as signed within that month.

*Fails:*

```yaml
edition: {published: 2022-12-15}
foreword:
  text: [แผนฉบับนี้จัดทำขึ้นเพื่อเป็นกรอบการพัฒนาการศึกษา]
  signer: {name: นายสมชาย ใจดี, position: ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา}
  date: 2023-01
```

*Passes:*

```yaml
edition: {published: 2022-12-15}
foreword:
  text: [แผนฉบับนี้จัดทำขึ้นเพื่อเป็นกรอบการพัฒนาการศึกษา]
  signer: {name: นายสมชาย ใจดี, position: ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา}
  date: 2022-12
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.model.front import Month
from eduplan.rules.base import Context, Problem

CODE = "MD09"
NAME = "metadata.signed-after-publication"
SEVERITY = Severity.WARNING


def _signed(ctx: Context) -> Iterator[tuple[Path, dt.date | Month]]:
    """Every date a page of the plan is signed on, with its data path."""
    plan = ctx.plan
    if plan.foreword is not None and plan.foreword.date is not None:
        yield ("foreword", "date"), plan.foreword.date
    if plan.approval is not None:
        for n, signed in enumerate(plan.approval.signatures):
            if signed.date is not None:
                yield ("approval", "signatures", n, "date"), signed.date
    if plan.annex is not None:
        for n, order in enumerate(plan.annex.orders):
            if order.date is not None:
                yield ("annex", "orders", n, "date"), order.date


def _after(date: dt.date | Month, published: dt.date) -> bool:
    if isinstance(date, dt.date):
        return date > published
    return (date.year, date.month) > (published.year, published.month)


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each signature dated after ``edition.published``."""
    edition = ctx.plan.edition
    if edition is None or edition.published is None:
        return
    for path, date in _signed(ctx):
        if _after(date, edition.published):
            yield Problem(
                path,
                _("signed on {date}, after the plan was published on {published}").format(
                    date=date, published=edition.published.isoformat()
                ),
                hint=_("check the year and the month (Christian Era: ค.ศ. = พ.ศ. - 543) and edition.published"),
            )
