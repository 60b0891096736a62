"""A committee of the annex names an order the annex does not have.

A committee says which order (คำสั่ง) appointed it by the order's id (``order: working-group``), and
the document prints the order's number beside the committee: the id must be one of
``annex.orders``.

*Fails:*

```yaml
annex:
  committees:
    - {id: working-group, title: คณะทำงานจัดทำแผน, order: o9, members: [{name: นายสมชาย ใจดี}]}
```

*Passes:*

```yaml
annex:
  orders:
    - {id: o1, number: 412/2565, title: แต่งตั้งคณะทำงานจัดทำแผน}
  committees:
    - {id: working-group, title: คณะทำงานจัดทำแผน, order: o1, members: [{name: นายสมชาย ใจดี}]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

CODE = "RF07"
NAME = "references.unknown-order"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each committee whose order is not in the annex."""
    annex = ctx.plan.annex
    if annex is None:
        return
    orders = [o.id for o in annex.orders]
    for c, committee in enumerate(annex.committees):
        if committee.order is not None and committee.order not in orders:
            known = ", ".join(f"`{o}`" for o in orders) or _("none")
            yield Problem(
                ("annex", "committees", c, "order"),
                _("order {id!r} is not among the annex's orders ({known})").format(id=committee.order, known=known),
                hint=_("use the id of an order of annex.orders, or add the order"),
            )
