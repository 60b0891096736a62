"""What the ``eduplan`` command does before anything else, so that a command pays only for the work it does.

A short command is mostly start-up: importing typer, pydantic and eduplan's stages, and building
the plan model's validator. Two costs of that are not the command's:

- **the garbage collector**, which would scan every object made so far each time some hundreds
  more are made: start-up makes only long-lived objects (modules, classes, schemas), so the
  collector runs again and again for nothing (about 10% of ``eduplan validate`` on one plan). It
  is off until the work starts: :func:`eduplan.check.batch.checking` turns it back on (and
  freezes what start-up made) before the first plan is checked, in every worker too;
- **pydantic's plugin search**: building its first validator, pydantic imports
  ``importlib.metadata`` and reads the entry points of every installed package for plugins
  (about 15 ms). eduplan uses none, so the command line gives pydantic an empty list of them.

Nothing here is imported by the library: ``import eduplan`` in Python keeps pydantic's defaults.
"""

from __future__ import annotations

import gc
import sys
import types

__all__ = ["quiet_start", "skip_pydantic_plugins"]

_PLUGIN_LOADER = "pydantic.plugin._loader"


def quiet_start() -> None:
    """Turn the collector off for the start-up and leave pydantic's plugins unsearched (see the module)."""
    gc.disable()
    skip_pydantic_plugins()


def _no_plugins() -> tuple[()]:
    return ()


def skip_pydantic_plugins() -> None:
    """Let pydantic find no plugins without looking: its loader, as pydantic asks for it, answers none.

    Pydantic imports ``get_plugins`` from that module when it builds a validator; once imported,
    the real module stays (a process that has built a validator already searched).
    """
    if _PLUGIN_LOADER in sys.modules:
        return
    loader = types.ModuleType(_PLUGIN_LOADER, "No pydantic plugins: eduplan's command line uses none.")
    setattr(loader, "get_plugins", _no_plugins)  # noqa: B010  # a module made here: mypy knows no attribute
    sys.modules[_PLUGIN_LOADER] = loader
