"""Jinja's sandbox with bounds: templates from ``--templates DIR`` are data, never code.

An office's templates, or a contributor's branch that CI renders, may hold anything. They are
rendered in :class:`jinja2.sandbox.ImmutableSandboxedEnvironment` (no attribute that starts with
``_``, no ``__globals__``, no method that changes a list or dict), with bounds on what a
template can make:

* every number a template passes to a function or filter is at most :data:`MAX_COUNT`, every
  range has at most that many items (Jinja's ``MAX_RANGE``);
* a string or list a template builds (``*``, ``+``, ``~``, ``%``, ``replace``, ``join``,
  ``indent``, ``center``, ``format``...) is at most :data:`MAX_TEXT` characters; ``**`` and ``*``
  on numbers stop at :data:`MAX_BITS` bits;
* a format pattern takes no width of six digits or more;
* a document is at most :data:`MAX_OUTPUT` characters and is made within
  :data:`RENDER_SECONDS` (``EDUPLAN_RENDER_SECONDS`` changes it), so nested loops end too;
* the files a template includes or extends are regular files of at most :data:`MAX_TEMPLATE`
  bytes inside DIR (or the packaged templates): ``../``, absolute names and links that lead out
  of DIR are not found.

What breaks a bound is a :class:`jinja2.sandbox.SecurityError`, reported at the template's
file and line like any other template error.
"""

from __future__ import annotations

import functools
import operator
import re
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from eduplan.i18n import _
from eduplan.render.limits import env_seconds

__all__ = [
    "MAX_BITS",
    "MAX_COUNT",
    "MAX_OUTPUT",
    "MAX_TEMPLATE",
    "MAX_TEXT",
    "RENDER_SECONDS",
    "ConfinedLoader",
    "Refused",
    "Sandbox",
    "TemplateTooLarge",
    "render_bounded",
]

MAX_COUNT = 100_000
"""The largest number a template may pass to a function or filter, and the most items of a range."""
MAX_TEXT = 10_000_000
"""The longest string or list (characters or items) one operation of a template may make."""
MAX_BITS = 4096
"""The largest integer (in bits) that ``*`` and ``**`` may make: 1233 decimal digits."""
MAX_OUTPUT = 50_000_000
"""The most characters one document may have."""
MAX_TEMPLATE = 1_000_000
"""The largest template file, in bytes."""
RENDER_SECONDS = 30.0
"""How long one document may take to render (the shipped plan takes well under a second)."""
_WIDE = re.compile(r"%[-#0 +]*(\*|\d{6,}|\.\*|\.\d{6,})|\{[^{}]*:[^{}]*(\d{6,}|\{)")
"""A width or precision of six digits or more (or one given as a value) in a ``%`` or ``{}`` pattern."""


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


class Refused(SecurityError):
    """A bound of eduplan's sandbox, in eduplan's words (translated); Jinja's own refusals are SecurityError."""


def _refuse(what: str) -> SecurityError:
    """The refusal of an operation a template may not do: ``what`` (a clause, translated) and why."""
    return Refused(_("{what}; templates are limited (see the README, Hostile input and safety)").format(what=what))


class TemplateTooLarge(jinja2.TemplateSyntaxError):
    """A template file larger than :data:`MAX_TEMPLATE` (eduplan's words, not Jinja's)."""


def _late(seconds: float) -> SecurityError:
    return _Late(
        _("the template took longer than {seconds} s to render (EDUPLAN_RENDER_SECONDS)").format(seconds=f"{seconds:g}")
    )


def _check_numbers(values: tuple[Any, ...]) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_COUNT:
            raise _refuse(_("the number {value} is larger than {limit:,}").format(value=value, limit=MAX_COUNT))


def _check_pattern(pattern: Any) -> None:
    if isinstance(pattern, str) and _WIDE.search(pattern):
        raise _refuse(_("a format pattern with a width of six digits or more, or a width given as a value"))


def _check_estimate(subject: Any, args: tuple[Any, ...]) -> None:
    """Refuse an operation on ``subject`` whose result could pass :data:`MAX_TEXT` (a generous bound)."""
    if not isinstance(subject, str | list | tuple):
        return
    grow = 1 + sum(_size(a) + (a if isinstance(a, int) else 0) for a in args)
    if (len(subject) + 1) * grow > MAX_TEXT:
        raise _refuse(_("the result could be longer than {limit:,} characters").format(limit=MAX_TEXT))


def _guard_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose numbers and likely result size are checked first."""
    passes = getattr(func, "jinja_pass_arg", None)

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        rest = args[1:] if passes is not None else args
        if rest:
            extra = (*rest[1:], *kwargs.values())
            _check_numbers(extra)
            if func.__name__ == "do_format":
                _check_pattern(rest[0])
            _check_estimate(rest[0], extra)
        return func(*args, **kwargs)

    return guarded


def _binop(op: str, left: Any, right: Any) -> Any:
    """``left op right``, refused when the result would pass a bound."""
    ints = isinstance(left, int) and isinstance(right, int)
    if op == "**" and ints:
        if right > 0 and abs(left) > 1 and right * abs(left).bit_length() > MAX_BITS:
            message = _("{left} ** {right} is larger than {limit} bits")
            raise _refuse(message.format(left=left, right=right, limit=MAX_BITS))
    elif op == "*" and ints:
        if left.bit_length() + right.bit_length() > MAX_BITS:
            raise _refuse(_("a product larger than {limit} bits").format(limit=MAX_BITS))
    elif op == "*":
        count = right if isinstance(right, int) else left if isinstance(left, int) else 1
        if max(_size(left), _size(right)) * max(count, 0) > MAX_TEXT:
            raise _refuse(_("a repeated string or list longer than {limit:,}").format(limit=MAX_TEXT))
    elif op == "+" and _size(left) + _size(right) > MAX_TEXT:
        raise _refuse(_("a joined string or list longer than {limit:,}").format(limit=MAX_TEXT))
    elif op == "%" and isinstance(left, str):
        _check_pattern(left)
        _check_estimate(left, right if isinstance(right, tuple) else (right,))
    return _BINOPS[op](left, right)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul,
    "**": operator.pow,
    "+": operator.add,
    "%": operator.mod,
}


def _concat(autoescape: bool, parts: tuple[Any, ...]) -> str:
    """``a ~ b``, refused beyond :data:`MAX_TEXT` (strings that are not yet strings count as short)."""
    if sum(_size(p) for p in parts) > MAX_TEXT:
        raise _refuse(_("a joined string longer than {limit:,} characters").format(limit=MAX_TEXT))
    return markup_join(parts) if autoescape else str_join(parts)


class _Generator(CodeGenerator):
    """Compiles ``~`` to :func:`_concat`, so that joining strings is bounded too."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_concat(context.eval_ctx.autoescape, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the bounds of this module on calls, filters and operators."""

    intercepted_binops = frozenset(_BINOPS)
    code_generator_class = _Generator

    def __init__(self, **options: Any) -> None:
        """The environment of :class:`jinja2.Environment` (``options``), its filters guarded."""
        super().__init__(**options)
        self.filters = {name: _guard_filter(f) for name, f in self.filters.items()}
        self.bounded_concat = _concat

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:  # noqa: ARG002
        """Bounded ``*``, ``**``, ``+`` and ``%``."""
        return _binop(operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from a template: numbers and likely result sizes checked, then the sandbox's own checks."""
        values = (*args, *kwargs.values())
        _check_numbers(values)
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, str):
            if getattr(__obj, "__name__", "") in {"format", "format_map"}:
                _check_pattern(owner)
            _check_estimate(owner, values)
        return super().call(__context, __obj, *args, **kwargs)


class ConfinedLoader(jinja2.FileSystemLoader):
    """Templates from one directory only: regular files inside it, of at most :data:`MAX_TEMPLATE` bytes."""

    def __init__(self, folder: Path) -> None:
        """Load from ``folder`` (followed to where it really is)."""
        super().__init__(folder)
        self._root = folder.resolve()

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        """The template's text, unless it lies outside the folder, is no regular file, or is too large."""
        pieces = jinja2.loaders.split_template_path(template)  # refuses "..": TemplateNotFound
        path = (self._root / Path(*pieces)).resolve() if pieces else self._root
        if not path.is_relative_to(self._root) or not path.is_file():
            raise jinja2.TemplateNotFound(template)
        size = path.stat().st_size
        if size > MAX_TEMPLATE:
            message = _("the template is {size:,} bytes; templates are at most {limit:,}")
            raise TemplateTooLarge(message.format(size=size, limit=MAX_TEMPLATE), 1, template, str(path))
        return super().get_source(environment, template)


def render_seconds() -> float:
    """The render time limit: ``EDUPLAN_RENDER_SECONDS`` when set to a positive number, else :data:`RENDER_SECONDS`."""
    return env_seconds("EDUPLAN_RENDER_SECONDS", RENDER_SECONDS)


class _Late(Refused):
    """The render ran past its time."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the render after ``seconds`` (main thread only: other threads rely on the per-chunk check)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def late(signum: int, frame: object) -> None:  # noqa: ARG001
        raise _late(seconds)

    previous = signal.signal(signal.SIGALRM, late)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render ``template`` within :data:`MAX_OUTPUT` characters and :func:`render_seconds`.

    The limits are thrown into the template where it is (so that the error names its line).

    Raises:
        SecurityError: the document grows too large or takes too long.
    """
    seconds = render_seconds()
    stop = time.monotonic() + seconds
    parts: list[str] = []
    size = 0
    chunks = cast(Generator[str, None, None], template.generate(context))
    with _deadline(seconds):
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                chunks.throw(_refuse(_("the document is longer than {limit:,} characters").format(limit=MAX_OUTPUT)))
            if time.monotonic() > stop:
                chunks.throw(_late(seconds))
            parts.append(chunk)
    return "".join(parts)
