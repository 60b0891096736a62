"""An alignment code has no title a document can print: an unknown higher plan, or a code not in its list.

A project (or a policy) names the higher plans it serves as ``{scheme, code}``. The documents
print each with its titles: the scheme's (ยุทธศาสตร์ชาติ 20 ปี) and the code's (4 ด้านการสร้างโอกาส
และความเสมอภาคทางสังคม), from the reference's ``note``, the plan's ``schemes:`` or eduplan's
built-in list. Without one, the reader gets a bare key or number: ``big-rock 2``, ``นโยบาย ศธ. 1``.
The built-in list leaves out the policies that change every fiscal year (the ministry's and
OBEC's): give their titles in ``note``, or list their codes under ``schemes:`` in plan.yaml.

*Fails:*

```yaml
# in an action plan:
projects:
  - id: x1
    name: โครงการโรงเรียนปลอดภัย
    policy: p1
    alignment:
      - {scheme: ndp13, code: "99"}
      - {scheme: big-rock, code: "2"}
      - {scheme: moe-policy, code: "1"}
```

*Passes:*

```yaml
# in an action plan:
projects:
  - id: x1
    name: โครงการโรงเรียนปลอดภัย
    policy: p1
    alignment:
      - {scheme: ndp13, code: "12"}
      - {scheme: moe-policy, code: "1", note: การจัดการศึกษาเพื่อความปลอดภัย}
```
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from eduplan.analysis.alignment import load_alignment
from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.model import AlignmentRef, Plan
from eduplan.model.walk import all_policies
from eduplan.rules.base import Context, Problem
from eduplan.words.texts import LABELS

CODE = "RF06"
NAME = "references.untitled-alignment"
SEVERITY = Severity.WARNING


@functools.cache
def _builtin() -> dict[str, dict[str, str]]:
    """The built-in list's schemes and their code titles."""
    return {key: scheme.codes for key, scheme in load_alignment()[0].items()}


def _references(plan: Plan) -> Iterator[tuple[Path, AlignmentRef]]:
    for at in all_policies(plan):
        for n, ref in enumerate(at.policy.alignment):
            yield (*at.path, "alignment", n), ref
    for a, action_plan in enumerate(plan.action_plans):
        for x, project in enumerate(action_plan.projects):
            for n, ref in enumerate(project.alignment):
                yield ("action_plans", a, "projects", x, "alignment", n), ref


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each alignment reference without a note whose scheme or code has no title to print."""
    plan = ctx.plan
    for path, ref in _references(plan):
        if ref.note:
            continue
        scheme, code = ref.scheme, ref.code
        codes = plan.schemes[scheme].codes if scheme in plan.schemes else _builtin().get(scheme)
        named = scheme in plan.schemes or scheme in _builtin() or f"scheme_{scheme.replace('-', '_')}" in LABELS
        if not named:
            yield Problem(
                (*path, "scheme"),
                _(
                    "`{scheme}` is not a higher plan eduplan or the plan knows: documents print `{scheme} {code}`"
                ).format(scheme=scheme, code=code),
                hint=_("name it under `schemes:` in plan.yaml, with its title and codes"),
            )
        elif not codes:
            yield Problem(
                (*path, "code"),
                _("`{scheme}` has no list of codes: documents print code `{code}` without its title").format(
                    scheme=scheme, code=code
                ),
                hint=_(
                    "give the title in `note:`, or list the codes under `schemes: {scheme}: codes:` in plan.yaml"
                ).format(scheme=scheme),
            )
        elif code not in codes:
            close = [c for c in codes if c.lstrip("0") == code.lstrip("0")]
            yield Problem(
                (*path, "code"),
                _("`{code}` is not a code of `{scheme}`: documents print it without a title").format(
                    code=code, scheme=scheme
                ),
                hint=_("did you mean {close!r}?").format(close=close[0])
                if close
                else _("its codes: {codes}").format(codes=", ".join(list(codes)[:12])),
            )
