"""The words a workbook shows in its kind, direction, status and done cells, and reading them back in either language.

A workbook speaks the language of the run that exported it (``i18n.language()``): a Thai workbook
shows ร้อยละ, ยิ่งมากยิ่งดี and บรรลุ where an English one shows the YAML's own values
(``percent``, ``higher-is-better``, ``achieved``), with a drop-down of the allowed words in its
language. Reading back accepts the words of both languages, so that a workbook exported in Thai
imports in an English run and the other way round. Codes (the YAML values) stay the keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from eduplan.i18n import LANGS, Lang, pgettext, using

__all__ = ["DONE", "choices", "key_of", "words_of", "word"]

DONE = ("yes", "no")
"""The keys of a ``done`` cell's two words (true, false)."""


def _kinds() -> dict[str, str]:
    return {
        # TRANSLATORS: the kind of an indicator's value, in a workbook's kind cell
        "percent": pgettext("workbook kind", "percent"),
        "count": pgettext("workbook kind", "count"),
        "score": pgettext("workbook kind", "score"),
        "level": pgettext("workbook kind", "level"),
        "qualitative": pgettext("workbook kind", "qualitative"),
    }


def _directions() -> dict[str, str]:
    return {
        # TRANSLATORS: an indicator's direction, in a workbook's direction cell
        "higher-is-better": pgettext("workbook direction", "higher-is-better"),
        "lower-is-better": pgettext("workbook direction", "lower-is-better"),
        "maintain": pgettext("workbook direction", "maintain"),
    }


def _statuses() -> dict[str, str]:
    return {
        # TRANSLATORS: an indicator's status in a year, in a workbook's status cell
        "achieved": pgettext("workbook status", "achieved"),
        "not-achieved": pgettext("workbook status", "not-achieved"),
        "partly-achieved": pgettext("workbook status", "partly-achieved"),
        "not-due": pgettext("workbook status", "not-due"),
        "no-data": pgettext("workbook status", "no-data"),
        "not-comparable": pgettext("workbook status", "not-comparable"),
    }


def _done() -> dict[str, str]:
    return {
        # TRANSLATORS: whether a project was carried out, in a workbook's done cell
        "yes": pgettext("workbook done", "yes"),
        "no": pgettext("workbook done", "no"),
    }


def _cumulative() -> dict[str, str]:
    # TRANSLATORS: what a workbook's cumulative cell shows for an indicator that counts running totals
    return {"cumulative": pgettext("workbook cumulative", "cumulative")}


_WHAT: dict[str, Callable[[], dict[str, str]]] = {
    "kind": _kinds,
    "direction": _directions,
    "status": _statuses,
    "done": _done,
    "cumulative": _cumulative,
}


@cache
def words_of(what: str, lang: Lang) -> Mapping[str, str]:
    """The words of one kind of cell (``kind``, ``direction``, ``status``, ``done``, ``cumulative``) in ``lang``."""
    with using(lang):
        return _WHAT[what]()


def word(what: str, key: str | None, lang: Lang) -> str | None:
    """How a cell of ``lang`` shows the key (``percent`` -> ร้อยละ); an unknown key stays as written."""
    if key is None:
        return None
    return words_of(what, lang).get(key, key)


def choices(what: str, lang: Lang) -> tuple[str, ...]:
    """The words a drop-down offers for one kind of cell, in ``lang`` (``done``: the two words only)."""
    words = words_of(what, lang)
    return tuple(words[k] for k in DONE) if what == "done" else tuple(words.values())


def key_of(what: str, text: str) -> str | None:
    """The key a cell's word names, in either language (``ร้อยละ``, ``percent`` -> ``percent``), or ``None``."""
    written = " ".join(text.split())
    for lang in LANGS:
        for key, shown in words_of(what, lang).items():
            if written in (shown, key) or written.lower() == shown.lower():
                return key
    return None
