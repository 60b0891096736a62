"""Messages are translated when they are made, never when a module is imported.

The run's language is chosen after the modules load (``--lang`` is read on the command line), so
a ``_()`` call at import time (a module constant, a class attribute, a default argument) would be
English for ever. Such constants are marked with ``N_()`` and translated where they are used.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

TRANSLATE = {"_", "ngettext", "pgettext"}


def _import_time_calls(node: ast.AST, in_function: bool = False) -> Iterator[ast.Call]:
    """Calls of the translation functions that run at import: outside function bodies (defaults included)."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None:
                yield from _import_time_calls(default, in_function)
        if not isinstance(node, ast.Lambda):
            for decorator in node.decorator_list:
                yield from _import_time_calls(decorator, in_function)
        body = node.body if isinstance(node.body, list) else [node.body]
        for child in body:
            yield from _import_time_calls(child, True)
        return
    if not in_function and isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name in TRANSLATE:
            yield node
    for child in ast.iter_child_nodes(node):
        yield from _import_time_calls(child, in_function)


def test_no_message_is_translated_at_import_time():
    found = []
    for path in sorted((REPO / "src" / "eduplan").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{Path(path).relative_to(REPO)}:{call.lineno}" for call in _import_time_calls(tree)]
    assert found == []
