"""Every word eduplan shows to readers of a document, in Thai first and in English.

A label may name other labels and parameters in braces: the Thai ``policy_numbered`` is
``{policy}ที่ {number}``, so a plan that sets ``labels: {policy: กลยุทธ์}`` gets headings
``กลยุทธ์ที่ 1`` without touching code or templates.

``Plan.labels`` overrides the Thai words (the language plans are written in); a key written
``en.KEY`` overrides the English word.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

from eduplan.errors import EduplanError
from eduplan.i18n import Lang, _, catalog
from eduplan.words.texts import LABELS, PARAMETERS

__all__ = ["LABELS", "MAX_LABEL", "MAX_SLOTS", "PARAMETERS", "LabelError", "Labels", "unknown_label_keys"]

MAX_LABEL = 2_000
"""The most characters a label may have once the labels it names are filled in (parameters not counted)."""
MAX_SLOTS = 32
"""The most parameters (``{number}``, ``{item}``...) a label may have once the labels it names are filled in."""
_SHOWN = 60


def unknown_label_keys(overrides: Mapping[str, str]) -> list[str]:
    """Keys of ``Plan.labels`` that name no label (typos), in sorted order."""
    return sorted(k for k in overrides if k.removeprefix("en.") not in LABELS)


class LabelError(EduplanError):
    """A label of the plan that cannot be used: the key is :attr:`key` (of ``labels:`` in the plan).

    :attr:`detail` says what is wrong with it, without the key (for a finding located at the label).
    """

    def __init__(self, key: str, detail: str) -> None:
        """The error of label ``key``."""
        super().__init__(_("labels: {key}: {message}").format(key=key, message=detail))
        self.key = key
        self.detail = detail


class Labels:
    """The words of one document: defaults for ``lang``, overridden by the plan's labels.

    ``labels["vision"]`` gives the finished word; ``labels.format("policy_numbered", number="1")``
    fills parameters. Both resolve references to other labels.

    Every label is checked once, when the words are made, in time linear in the labels' text:
    each label's references are followed once (a label named many times is measured once), and a
    label that refers to itself, grows beyond :data:`MAX_LABEL` characters or :data:`MAX_SLOTS`
    parameters through the labels it names, or takes a format is a :class:`LabelError`. Parameter
    values (plan text) are filled in as they are, never read for braces.
    """

    def __init__(self, lang: Lang, overrides: Mapping[str, str] | None = None, hierarchy: Sequence[str] = ()) -> None:
        """The words of ``lang`` with the plan's ``overrides`` and the names of its policy levels.

        ``hierarchy`` is the plan's ``hierarchy`` (level names, top first, in the plan's language):
        the Thai ``policy`` label is its first name unless the plan's labels say otherwise.

        Raises:
            LabelError: a label cannot be used (see the class).
        """
        words = catalog(lang)
        self.lang: Lang = lang
        self._table = {key: words.pgettext(key, english) for key, english in LABELS.items()}
        for key, value in (overrides or {}).items():
            if key.startswith("en.") != (lang == "en"):
                continue  # an override for the other language
            name = key.removeprefix("en.")
            if name in self._table:
                self._table[name] = value
        self.hierarchy = tuple(hierarchy) if lang == "th" else ()
        if self.hierarchy and "policy" not in (overrides or {}):
            self._table["policy"] = self.hierarchy[0]
        self._needs: dict[str, frozenset[str]] = {}
        self._pieces: dict[str, list[tuple[str, str | None]]] = {}
        self._plain: dict[str, str] = {}
        sizes: dict[str, tuple[int, int]] = {}
        for key in self._table:
            self._measure(key, sizes, [])

    def __getitem__(self, key: str) -> str:
        return self.format(key)

    def format(self, key: str, **params: Any) -> str:
        """The label ``key`` with ``{label}`` references and ``{param}`` parameters filled in.

        Raises:
            EduplanError: the label needs a parameter that is not given.
        """
        if not self._needs[key]:
            return self._plain_text(key)
        return self._resolve(key, {k: str(v) for k, v in params.items()}, {})

    def _plain_text(self, key: str) -> str:
        if key not in self._plain:
            self._plain[key] = self._resolve(key, {}, self._plain)
        return self._plain[key]

    def _resolve(self, key: str, params: Mapping[str, str], done: dict[str, str]) -> str:
        """The label filled in; ``done`` holds the labels already filled in with these ``params``."""
        values: dict[str, str] = {}
        for _literal, field in self._pieces[key]:
            if field is None or field in values:
                continue
            if field in self._table:
                if field not in done:
                    done[field] = self._resolve(field, params, done)
                values[field] = done[field]
            elif field in params:
                values[field] = params[field]
            else:
                raise EduplanError(
                    _("label {key!r} needs the value {field}, which was not given").format(
                        key=key, field="{" + field + "}"
                    )
                )
        return self._table[key].format_map(values)

    def level(self, depth: int) -> str:
        """The name of policies of level ``depth`` (1 for the first): the plan's hierarchy, or the policy label.

        A plan without a name for a deeper level calls it ``sub_policy`` (กลยุทธ์ย่อย under กลยุทธ์).
        """
        if depth <= 1:
            return self["policy"]
        if depth <= len(self.hierarchy):
            return self.hierarchy[depth - 1]
        return self.format("sub_policy", parent=self.level(depth - 1))

    def level_numbered(self, depth: int, number: str) -> str:
        """A policy's heading word with its number: "ประเด็นยุทธศาสตร์ที่ 1", "กลยุทธ์ที่ 1.2"."""
        return self.format("level_numbered", level=self.level(depth), number=number)

    def as_dict(self) -> dict[str, str]:
        """Every label without parameters, resolved (the ``L`` that templates see)."""
        return {key: self._plain_text(key) for key in self._table if not self._needs[key]}

    def _measure(self, key: str, sizes: dict[str, tuple[int, int]], path: list[str]) -> tuple[int, int]:
        """The label's length and parameter count once filled in; records the parameters it needs.

        Raises:
            LabelError: it refers to itself, is too long, takes a format or names what is not there.
        """
        if key in sizes:
            return sizes[key]
        if key in path:
            cycle = " → ".join(f"`{name}`" for name in [*path[path.index(key) :], key])
            raise LabelError(path[path.index(key)], _("refers to itself ({cycle})").format(cycle=cycle))
        text = self._table[key]
        length, slots, needs = 0, 0, set[str]()
        path.append(key)
        self._pieces[key] = _pieces(key, text)
        for literal, field in self._pieces[key]:
            length += len(literal)
            if field is None:
                continue
            if field in self._table:
                more, extra = self._measure(field, sizes, path)
                length, slots = length + more, slots + extra
                needs |= self._needs[field]
            elif field in PARAMETERS:
                slots += 1
                needs.add(field)
            else:
                raise LabelError(
                    key,
                    _("{text} names {field}, which is neither a label nor a value").format(
                        text=_show(text), field="{" + field + "}"
                    ),
                )
            if length > MAX_LABEL or slots > MAX_SLOTS:
                raise LabelError(
                    key,
                    _("{text} grows beyond {most:,} characters or {slots} values through the labels it names").format(
                        text=_show(text), most=MAX_LABEL, slots=MAX_SLOTS
                    ),
                )
        path.pop()
        self._needs[key] = frozenset(needs)
        sizes[key] = (length, slots)
        return length, slots


def _show(text: str) -> str:
    """A label's text for a message: quoted, and shortened when long."""
    return repr(text if len(text) <= _SHOWN else text[:_SHOWN] + "…")


def _pieces(key: str, text: str) -> list[tuple[str, str | None]]:
    """The literal text and the name in braces after it, for each part of a label's text.

    Raises:
        LabelError: the text is no valid pattern, or a name in it has a format, conversion or attribute.
    """
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise LabelError(
            key, _("{text} is not a valid pattern: {problem}").format(text=_show(text), problem=exc)
        ) from None
    pieces: list[tuple[str, str | None]] = []
    for literal, field, spec, conversion in parsed:
        if field is not None and (spec or conversion or not field.isidentifier()):
            shown = "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise LabelError(
                key,
                _("{text}: {shown} is not a plain {name}; labels take no formats").format(
                    text=_show(text), shown=shown, name="{name}"
                ),
            )
        pieces.append((literal, field))
    return pieces
