"""A committee of the annex lists the same person twice.

A committee's members (คณะทำงาน) are copied from its order; a name listed twice, with the same or
another role, is usually a line pasted twice, or a person promoted to chair and not removed from
the members. Names are compared with their spaces squeezed.

*Fails:*

```yaml
annex:
  committees:
    - id: working-group
      title: คณะทำงานจัดทำแผนพัฒนาการศึกษา
      members:
        - {name: นายสมชาย ใจดี, role: ประธานคณะทำงาน}
        - {name: นายสมชาย  ใจดี, role: คณะทำงาน}
```

*Passes:*

```yaml
annex:
  committees:
    - id: working-group
      title: คณะทำงานจัดทำแผนพัฒนาการศึกษา
      members:
        - {name: นายสมชาย ใจดี, role: ประธานคณะทำงาน}
        - {name: นางสาวสมหญิง รักเรียน, role: คณะทำงานและเลขานุการ}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

CODE = "MD10"
NAME = "metadata.duplicate-member"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each member listed again in the same committee."""
    annex = ctx.plan.annex
    if annex is None:
        return
    for c, committee in enumerate(annex.committees):
        first: dict[str, int] = {}
        for m, member in enumerate(committee.members):
            name = " ".join(member.name.split())
            if name not in first:
                first[name] = m + 1
                continue
            yield Problem(
                ("annex", "committees", c, "members", m, "name"),
                _("{name} is already member {number} of the committee {title!r}").format(
                    name=name, number=first[name], title=committee.title
                ),
                hint=_("list each person once, with the role the order gives"),
            )
