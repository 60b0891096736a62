"""A Thai word looks mistyped (off by default: select TX09; needs the thai extra).

A slip of one tone mark or vowel, ง for น, ข for ค, a doubled consonant or a forgotten leading
ห usually leaves real words: มั่นคง typed as มั่งคง reads as มั่ง and คง, so no dictionary check
finds it. This rule cuts each text into words with PyThaiNLP and tries those slips on runs of up
to four words; it reports a spelling when one slip gives a word at least 50 times likelier in
Thai web text (PyThaiNLP's Phupha word counts) than the words as written.

The rule is off by default: it needs the optional PyThaiNLP (``pip install 'eduplan[thai]'``;
without it, selecting the rule stops with that advice) and takes about two seconds to load and
check a plan. Select it by its code or name (``--select ALL,TX09``, ``--select text.typo``,
``select = ["ALL", "TX09"]``); a family (``TX``) or ``ALL`` alone leaves it out. It is a
guess: words it does not know (office acronyms, place names) can be listed in the
configuration's ``known-words``, and a typo the plan publishes as written can be accepted.

*Fails:*

```yaml
title: ยุทธศาสตร์ที่ 1 การจัดการศึกษาเพื่อความมั่งคง
```

*Passes:*

```yaml
title: ยุทธศาสตร์ที่ 1 การจัดการศึกษาเพื่อความมั่นคง
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.text.typo import load_speller

CODE = "TX09"
NAME = "text.typo"
SEVERITY = Severity.WARNING
DEFAULT = False


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each likely typo, narrowed to the mistyped word.

    Raises:
        UsageError: PyThaiNLP is not installed.
    """
    speller = load_speller(ctx.options.known_words)
    for path, text in ctx.texts:
        for typo in speller.typos(text):
            yield Problem(
                path,
                _("possible typo {written!r}: did you mean {suggestion!r}?").format(
                    written=typo.written, suggestion=typo.suggestion
                ),
                _("write {suggestion!r}, or add {written!r} to known-words if it is right").format(
                    written=typo.written, suggestion=typo.suggestion
                ),
                within=(text, typo.start, typo.end),
            )
