"""The package's layout keeps its promises: stages import downwards only, nothing imports the CLI.

The graph is read from the source with :mod:`ast`: every ``import`` that runs (at module level or
inside a function), not those under ``if TYPE_CHECKING:``, which only the type checker follows.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

SRC = REPO / "src"
PACKAGE = SRC / "eduplan"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            yield from (i for n in child.orelse for i in _runtime_imports(ast.Module(body=[n], type_ignores=[])))
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        yield from _runtime_imports(child)


def _targets(node: ast.Import | ast.ImportFrom, here: str, package: bool, modules: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names if alias.name.startswith("eduplan"))
        return
    base = node.module or ""
    if node.level:
        parts = here.split(".") if package else here.split(".")[:-1]
        parts = parts[: len(parts) - node.level + 1]
        base = ".".join([*parts, base] if base else parts)
    if not base.startswith("eduplan"):
        return
    for alias in node.names:
        yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = path.name == "__init__.py"
        graph[name] = {t for n in _runtime_imports(tree) for t in _targets(n, name, package, modules)} - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, or None (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _stage(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def test_no_module_outside_the_cli_imports_it() -> None:
    offenders = {
        module: sorted(t for t in targets if _stage(t) == "eduplan.cli")
        for module, targets in _graph().items()
        if _stage(module) not in ("eduplan.cli", "eduplan.__main__")
    }
    assert {m: t for m, t in offenders.items() if t} == {}


def test_the_modules_import_no_circle() -> None:
    assert _cycle(_graph()) is None


def test_the_stages_import_no_circle() -> None:
    # A package-parent import (eduplan.load from eduplan.load.loader) is the package's own
    stages: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        stage = _stage(module)
        stages.setdefault(stage, set()).update(_stage(t) for t in targets if _stage(t) not in (stage, "eduplan"))
    assert _cycle(stages) is None


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
