"""eduplan: a plan compiler for Thai education offices.

The plan is data: YAML files validated by pydantic models, checked by rules, rendered by Jinja
templates and compared edition against edition. The command line is one way in; the same
stages are callable from Python:

>>> import eduplan
>>> loaded = eduplan.load_plan("plans/sesa-lampang-lamphun/2566-2570")  # doctest: +SKIP
>>> checked = eduplan.check_result(loaded, eduplan.Settings())  # doctest: +SKIP
>>> [f"{f.span}: {f.code}" for f in checked.findings if not f.accepted]  # doctest: +SKIP
[]
>>> html = eduplan.Renderer().render(loaded.plan, eduplan.Request("plan", "html"))  # doctest: +SKIP
>>> eduplan.diff_plans(old.plan, new.plan).changes  # doctest: +SKIP

Each name is imported on first use, so ``import eduplan`` stays cheap (``eduplan --version``
imports only this module).
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # not typing's: importing typing would cost `eduplan --version` 5 ms
if TYPE_CHECKING:
    from eduplan.check.config import Settings
    from eduplan.check.pipeline import PlanCheck, check_path, check_result
    from eduplan.diff import DiffOptions, DiffResult, diff_plans
    from eduplan.findings import Finding, Severity, Span
    from eduplan.load.loader import LoadResult, find_plans, load_plan
    from eduplan.load.whole import PlanNotWhole, load_whole
    from eduplan.model import Plan
    from eduplan.render import Renderer, Request

__version__ = "0.1.0"

_PUBLIC = {
    "load_plan": "eduplan.load.loader",
    "find_plans": "eduplan.load.loader",
    "LoadResult": "eduplan.load.loader",
    "load_whole": "eduplan.load.whole",
    "PlanNotWhole": "eduplan.load.whole",
    "Plan": "eduplan.model",
    "Settings": "eduplan.check.config",
    "check_path": "eduplan.check.pipeline",
    "check_result": "eduplan.check.pipeline",
    "PlanCheck": "eduplan.check.pipeline",
    "Finding": "eduplan.findings",
    "Severity": "eduplan.findings",
    "Span": "eduplan.findings",
    "diff_plans": "eduplan.diff",
    "DiffOptions": "eduplan.diff",
    "DiffResult": "eduplan.diff",
    "Renderer": "eduplan.render",
    "Request": "eduplan.render",
}
"""The public API: each name and the module that defines it."""

__all__ = [
    "DiffOptions",
    "DiffResult",
    "Finding",
    "LoadResult",
    "Plan",
    "PlanCheck",
    "PlanNotWhole",
    "Renderer",
    "Request",
    "Settings",
    "Severity",
    "Span",
    "__version__",
    "check_path",
    "check_result",
    "diff_plans",
    "find_plans",
    "load_plan",
    "load_whole",
]


def __getattr__(name: str) -> object:
    """Import a public name on first use."""
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
