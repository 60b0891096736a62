"""The models' attribute docstrings, read when a JSON Schema is made, not when the models are defined.

Each field of the model is documented by the string under it (PEP 257's attribute docstrings)::

    class Office(Model):
        name: Text
        \"\"\"The office's name, as on the cover.\"\"\"

Pydantic can read them itself (``use_attribute_docstrings``), but it does so for every class as
the class is made: it finds and parses the source of each model on every run, about 20 ms of
every command's start. The descriptions are needed only in the JSON Schemas (``eduplan schema``,
editors), so :func:`describe_fields` puts them there, as pydantic would have: a field's
description is the docstring under its annotation in the class that annotates it last, unless
its type already gives one (``Id``).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

__all__ = ["describe_fields", "field_docs", "models_of"]


@cache
def _own_docs(cls: type) -> dict[str, str]:
    """The docstrings under the annotations written in ``cls`` itself (not its bases)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    body = next((node.body for node in tree.body if isinstance(node, ast.ClassDef)), [])
    docs: dict[str, str] = {}
    for before, node in zip(body, body[1:], strict=False):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(node.value.value)
    return docs


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> its docstring, from the class of the model's hierarchy that annotates the field last."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        own = cls.__dict__.get("__annotations__", {})
        if not own:
            continue
        written = _own_docs(cls)
        for name in own:
            if name in written:
                docs[name] = written[name]
            else:
                docs.pop(name, None)  # annotated again without a docstring: pydantic gives it none
    return docs


def models_of(root: type[BaseModel]) -> list[type[BaseModel]]:
    """``root`` and every model its fields hold, at any depth, each once."""
    found: dict[type[BaseModel], None] = {}
    todo: list[Any] = [root]
    while todo:
        hint = todo.pop()
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            if hint in found:
                continue
            found[hint] = None
            todo.extend(field.annotation for field in hint.model_fields.values())
            continue
        todo.extend(typing.get_args(hint))
    return list(found)


def describe_fields(schema: dict[str, Any], root: type[BaseModel]) -> None:
    """Give every property of ``schema`` (the JSON Schema of ``root``, with its ``$defs``) its field's docstring.

    Keys stay sorted, as pydantic writes them.
    """
    classes = {cls.__name__: cls for cls in models_of(root)}
    _describe(schema, root)
    for name, body in schema.get("$defs", {}).items():
        cls = classes.get(name) or classes.get(str(body.get("title", "")))
        if cls is not None:
            _describe(body, cls)


def _describe(body: dict[str, Any], model: type[BaseModel]) -> None:
    properties = body.get("properties")
    if not isinstance(properties, dict):
        return
    docs = field_docs(model)
    names: dict[str, str] = {(field.alias or name): name for name, field in model.model_fields.items()}
    for key, prop in properties.items():
        doc = docs.get(names.get(str(key), str(key)))
        if doc and isinstance(prop, dict) and "description" not in prop:
            properties[key] = dict(sorted({**prop, "description": doc}.items()))
