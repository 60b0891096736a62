"""The language eduplan speaks: Thai first, English second, through gettext catalogs.

Every sentence a user reads is written in the code in English and marked for translation; the
Thai is in the catalogs under ``src/eduplan/locale/th/LC_MESSAGES/`` (one ``.po`` file per stage
of the pipeline, compiled together into ``eduplan.mo`` by ``python tools/catalog.py compile``),
so that a translator works on ``.po`` files without reading code::

    from eduplan.i18n import N_, _

    _HINT = N_("check the published table")      # marked here, translated where it is used
    def check(...):
        yield Problem(path, _("target for {year} is lower").format(year=year), hint=_(_HINT))

Rules of the house (``tests/i18n`` checks them):

- a message is a whole sentence with named placeholders (``{year}``), never glued from pieces,
  so that the Thai can order the words its own way;
- ``_()`` runs when the message is made, never at import: a module constant is marked with
  ``N_()`` and translated where it is used (the language is chosen after the modules load);
- codes, dotted names, YAML keys and values, and the keys of machine formats stay as written.

The language of a run is chosen once, at the edge (:func:`choose`): ``--lang``, then
``EDUPLAN_LANG``, then the configuration's ``lang:``, then the locale (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), else Thai. Documents have their own language (``render --lang``):
:func:`catalog` gives the words of any language without changing the run's.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Literal

__all__ = [
    "DOMAIN",
    "LANGS",
    "LOCALE_DIR",
    "Lang",
    "N_",
    "_",
    "as_lang",
    "catalog",
    "choose",
    "from_locale",
    "lang_of",
    "language",
    "ngettext",
    "pgettext",
    "use",
    "using",
]

Lang = Literal["th", "en"]
LANGS: tuple[Lang, ...] = ("th", "en")
DOMAIN = "eduplan"
LOCALE_DIR = Path(__file__).parent / "locale"
"""The catalogs: ``locale/th/LC_MESSAGES/eduplan.mo``; English is the source language."""
DEFAULT: Lang = "th"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@cache
def catalog(lang: Lang) -> gettext.NullTranslations:
    """The translations of ``lang`` (English: the messages as written)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


_state: dict[str, Lang] = {"lang": DEFAULT}


def language() -> Lang:
    """The language of this run."""
    return _state["lang"]


def use(lang: Lang) -> None:
    """Speak ``lang`` from now on (the CLI calls it once; worker processes inherit it)."""
    _state["lang"] = lang


@contextmanager
def using(lang: Lang) -> Iterator[None]:
    """Speak ``lang`` inside the block, then the language before it."""
    before = _state["lang"]
    _state["lang"] = lang
    try:
        yield
    finally:
        _state["lang"] = before


def _(message: str) -> str:
    """``message`` in the run's language."""
    return catalog(_state["lang"]).gettext(message)


def N_(message: str) -> str:  # the gettext convention
    """Mark ``message`` for translation where it is used; return it unchanged."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for ``n``, in the run's language (Thai has one form)."""
    return catalog(_state["lang"]).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the run's language, told apart from the same words elsewhere by ``context``."""
    return catalog(_state["lang"]).pgettext(context, message)


def as_lang(value: str | None) -> Lang | None:
    """``th`` or ``en`` from a language tag (``th_TH.UTF-8``, ``en-GB``, ``EN``), else ``None``."""
    if not value:
        return None
    tag = value.strip().lower().replace("-", "_")
    for lang in LANGS:
        if tag == lang or tag.startswith(f"{lang}_") or tag.startswith(f"{lang}."):
            return lang
    return None


def from_locale(environ: Mapping[str, str]) -> Lang | None:
    """The language the locale asks for: the first of ``LANGUAGE`` (a list), ``LC_ALL``, ... that is set.

    ``C`` and ``POSIX`` ask for nothing in particular (so Thai); a locale of another language than
    Thai or English asks for nothing eduplan has, so Thai as well.
    """
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        if variable == "LANGUAGE":
            found = next((lang for part in value.split(":") if (lang := as_lang(part))), None)
            if found:
                return found
            continue
        return as_lang(value)
    return None


def choose(option: str | None, configured: Callable[[], str | None], environ: Mapping[str, str] | None = None) -> Lang:
    """The run's language: ``--lang``, ``EDUPLAN_LANG``, the configuration, the locale, else Thai.

    ``configured`` reads the configuration's ``lang:``; it is called only when ``--lang`` and
    ``EDUPLAN_LANG`` leave the choice open, so that most runs read no file for it.
    """
    env = os.environ if environ is None else environ
    for wanted in (option, env.get("EDUPLAN_LANG")):
        if lang := as_lang(wanted):
            return lang
    return as_lang(configured()) or from_locale(env) or DEFAULT


def lang_of(value: str) -> Lang:
    """``value`` as a language; a :class:`ValueError` naming the choices if it is neither."""
    lang = as_lang(value)
    if lang is None or value.strip().lower() not in LANGS:
        raise ValueError(_("unknown language {value!r}; use th or en").format(value=value))
    return lang
