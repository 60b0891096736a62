"""The message catalogs are complete and current: what ``python tools/catalog.py check`` says, as a test.

Every message the code marks, every label of the documents, every paragraph of ``eduplan explain``,
every help text of the commands and the words of Typer's help panels has its Thai in
``src/eduplan/locale/th/LC_MESSAGES/<area>.po``, not fuzzy, with the same placeholders as the
English, translated one way only; and ``eduplan.mo`` is compiled from those files. A failure names
the entry and the command that fixes it (``update``, then the Thai, then ``compile``).
"""

from __future__ import annotations

import gettext

import pytest
from tools import catalog

from eduplan import i18n


def test_every_message_has_its_thai_and_the_catalog_is_compiled():
    assert catalog.problems() == []


def test_placeholders_are_compared_by_name_conversion_and_format():
    assert catalog.fields("{year} ({value!r}) {share:.1f}") == ["share!:.1f", "value!r:", "year!:"]
    assert catalog.fields("%(name)s needs %s") == ["%", "%name"]
    assert catalog.fields("a lone { brace") == []


def test_the_compiled_catalog_is_what_the_package_reads():
    with (i18n.LOCALE_DIR / "th" / "LC_MESSAGES" / "eduplan.mo").open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.pgettext("vision", "Vision") == "วิสัยทัศน์"
    assert i18n.catalog("th").pgettext("vision", "Vision") == "วิสัยทัศน์"


@pytest.mark.parametrize(
    ("option", "env", "configured", "expected"),
    [
        ("en", {"EDUPLAN_LANG": "th"}, "th", "en"),  # --lang wins
        (None, {"EDUPLAN_LANG": "en"}, "th", "en"),  # then EDUPLAN_LANG
        (None, {}, "en", "en"),  # then the configuration
        (None, {"LANG": "en_US.UTF-8"}, None, "en"),  # then the locale
        (None, {"LANGUAGE": "fr:en", "LANG": "th_TH.UTF-8"}, None, "en"),  # LANGUAGE is a list of choices
        (None, {"LC_ALL": "th_TH.UTF-8", "LANG": "en_US.UTF-8"}, None, "th"),
        (None, {"LANG": "C.UTF-8"}, None, "th"),  # no preference: Thai
        (None, {"LANG": "de_DE.UTF-8"}, None, "th"),  # a language eduplan does not have: Thai
        (None, {}, None, "th"),
    ],
)
def test_the_language_of_a_run(option, env, configured, expected):
    assert i18n.choose(option, lambda: configured, env) == expected


def test_a_language_that_is_neither_thai_nor_english_is_refused_in_words():
    with pytest.raises(ValueError, match="th or en"):
        i18n.lang_of("fr")
    assert i18n.lang_of("EN") == "en"


def test_the_configuration_is_read_only_when_the_command_line_and_environment_leave_the_choice_open():
    def unread() -> str | None:
        raise AssertionError("the configuration was read")

    assert i18n.choose("en", unread, {}) == "en"
    assert i18n.choose(None, unread, {"EDUPLAN_LANG": "th"}) == "th"
    assert i18n.choose(None, lambda: "en", {"EDUPLAN_LANG": "fr"}) == "en"  # a value that is no language: open
