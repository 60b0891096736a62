"""Codes of the findings the loader reports (reading YAML, plan layout, schema).

Each code has a dotted name, a default severity and user documentation with a failing and a
passing example, like the rules in :mod:`eduplan.rules`. ``eduplan explain CODE`` prints it.
"""

from __future__ import annotations

from eduplan.findings import CodeInfo, Finding, Path, Severity, Span

__all__ = ["LOAD_CODES", "finding"]


E, W = Severity.ERROR, Severity.WARNING

LOAD_CODES: dict[str, CodeInfo] = {
    c.code: c
    for c in [
        CodeInfo.documented(
            "YA01",
            "yaml.syntax",
            E,
            """
The file is not valid YAML.

The parser stops at the first syntax error of a file; the other files of the plan are still
checked. Tabs cannot indent YAML: use spaces.

The finding points at the cause when it is one of the usual mistakes, and says what to do: a
no-break or full-width space pasted from Word, a tab, a line indented too far or between two
levels, a missing space after a colon, a colon and a space inside an unquoted text, a quote or a
bracket left open. Otherwise it gives the YAML reader's own words.

*Fails:*

```yaml
id: p1
  title: indented too far
```

*Passes:*

```yaml
id: p1
title: indented like its siblings
```
""",
        ),
        CodeInfo.documented(
            "YA02",
            "yaml.duplicate-key",
            E,
            """
A key appears twice in the same mapping.

Most YAML readers silently keep the last value, so one of the two is lost without a word.
eduplan keeps the first and reports the second.

*Fails:*

```yaml
targets: {2566: 80, 2566: 85}
```

*Passes:*

```yaml
targets: {2566: 80, 2567: 85}
```
""",
        ),
        CodeInfo.documented(
            "YA03",
            "yaml.tag",
            E,
            """
The file uses a YAML tag that plan files do not allow.

Plan files hold plain data: mappings, lists, text, numbers, booleans and null. Tags such as
``!!python/object`` could make other YAML readers run code, and ``!!binary`` or custom tags
have no meaning in a plan, so they are refused and the value is dropped.

*Fails:*

```yaml
owner: !!python/object/apply:os.system ["echo hi"]
```

*Passes:*

```yaml
owner: สพฐ.
```
""",
        ),
        CodeInfo.documented(
            "YA04",
            "yaml.alias-limit",
            E,
            """
YAML aliases expand to too much data.

Aliases (``*name``) repeat what an anchor (``&name``) marks. Nested aliases can expand a few
lines into billions of values ("billion laughs"), so eduplan stops expanding after 10,000
values, or 1,000,000 characters of text, reached through aliases.

*Fails:*

```yaml
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
```

*Passes:*

```yaml
owner: &obec สพฐ. 66-70
other_owner: *obec
```
""",
        ),
        CodeInfo.documented(
            "YA05",
            "yaml.encoding",
            E,
            """
The file's bytes are not text eduplan can read, or were converted from Windows Thai.

Plan files should be UTF-8 (a byte-order mark is accepted, and so is UTF-16 with one).
A file in Windows Thai (cp874, also called windows-874 or TIS-620) is converted and reported
as a warning; bytes that are neither are an error.

*Fails:* a file saved as cp874 by an old editor (warning), or a binary file (error).

*Passes:* the same file saved as UTF-8.
""",
        ),
        CodeInfo.documented(
            "YA06",
            "yaml.too-deep",
            E,
            """
Values are nested deeper than a plan ever needs (100 levels).

*Fails:*

```yaml
a: [[[[[[[[[[ ... 101 levels ... ]]]]]]]]]]
```

*Passes:*

```yaml
targets: {2566: {min: 70, max: 80}}
```
""",
        ),
        CodeInfo.documented(
            "YA07",
            "yaml.key",
            E,
            """
A mapping key is not text or a number.

*Fails:*

```yaml
? [2566, 2567]
: 80
```

*Passes:*

```yaml
2566: 80
```
""",
        ),
        CodeInfo.documented(
            "YA08",
            "yaml.too-many-values",
            E,
            """
The file holds more values than a plan file ever needs (200,000).

Each value costs memory while the file is read (about 700 bytes), so a few megabytes of
``[0,0,0,...]`` would need gigabytes. An indicator with five targets holds 25 values and
the whole real plan 2,040; split anything larger into several files.

*Fails:*

```yaml
vision: [0, 0, 0, 0, ... 200,001 values ...]
```

*Passes:*

```yaml
vision: วิสัยทัศน์
```
""",
        ),
        CodeInfo.documented(
            "LD01",
            "layout.stray-file",
            W,
            """
A YAML file in a plan directory is not part of the plan.

A plan directory holds ``plan.yaml`` and, optionally, one file per item under
``policies/``, ``action-plans/`` and ``reports/``. Other YAML files are not read, which is
usually a mistake (a misspelt folder, such as ``policy/``).

*Fails:* ``plans/x/policy/1.yaml``

*Passes:* ``plans/x/policies/1.yaml``
""",
        ),
        CodeInfo.documented(
            "LD02",
            "layout.unreadable",
            E,
            """
A file of the plan cannot be read (permissions, or it is not a regular file).

*Fails:* ``policies/3.yaml`` is a directory, or a broken symbolic link.

*Passes:* ``policies/3.yaml`` is a readable file.
""",
        ),
        CodeInfo.documented(
            "LD03",
            "layout.no-policies",
            E,
            """
The plan has no policies.

A development plan publishes its policies (กลยุทธ์), each with its indicators and targets. A
plan with none is usually a deleted ``policies/`` folder or a plan file cut short, and would
render as a plan without its content. In a plan directory the policies are files
``policies/1.yaml``, ``policies/2.yaml``, ...; in a single-file plan, the ``policies:`` list.

*Fails:* ``plans/x/plan.yaml`` and no ``plans/x/policies/``.

*Passes:* ``plans/x/plan.yaml`` and ``plans/x/policies/1.yaml``.
""",
        ),
        CodeInfo.documented(
            "LD04",
            "layout.policy-gap",
            E,
            """
A numbered policy file is missing: the files skip a number that no policy has.

Policy files are numbered ``1.yaml``, ``2.yaml``, ... When ``3.yaml`` is missing between
``2.yaml`` and ``4.yaml`` and no other file holds a policy numbered 3, a policy was most
likely deleted by mistake. A file may be named otherwise than its policy's number
(``4.yaml`` holding policy 3): a number counts as missing only when no file and no policy has
it. Files numbered by tens (``10.yaml``, ``20.yaml``) are not taken for a sequence.

*Fails:* ``policies/1.yaml``, ``2.yaml``, ``4.yaml``, ``5.yaml``

*Passes:* ``policies/1.yaml``, ``2.yaml``, ``3.yaml``, ``4.yaml``, ``5.yaml``
""",
        ),
        CodeInfo.documented(
            "LD05",
            "layout.no-plan-file",
            E,
            """
Parts of a plan without their plan.yaml.

A folder holds policy, action-plan or report files, but the plan directory they belong to
has no ``plan.yaml`` (deleted, renamed, or the command names ``policies/`` instead of the plan
folder). Without it the parts are not a plan: nothing of them is checked. Restore
``plan.yaml``, or name the plan folder (the one that holds ``plan.yaml`` and ``policies/``).

*Fails:* ``eduplan validate plans/x/policies`` (or ``plans/x`` without ``plan.yaml``)

*Passes:* ``eduplan validate plans/x``, with ``plans/x/plan.yaml``
""",
        ),
        CodeInfo.documented(
            "LD06",
            "layout.copy",
            E,
            """
A stray copy of a plan file, such as ``1 - Copy.yaml``, is in the plan directory.

File managers and editors leave copies: ``1 - Copy.yaml`` and ``1 - สำเนา.yaml`` (Windows),
``1 (1).yaml``, ``1 copy.yaml`` (macOS), ``Copy of 1.yaml``, ``1.yaml.bak``, ``1.yaml~``. Read
as a policy, a copy would repeat every id of its original; so a copy is never read, and is
reported so that it is deleted, or renamed when it is the file meant to be there.

*Fails:* ``policies/1 - Copy.yaml`` next to ``policies/1.yaml``

*Passes:* ``policies/1.yaml`` alone
""",
        ),
        CodeInfo.documented(
            "LD07",
            "layout.image",
            E,
            """
The image a plan names (``office.logo``) cannot be used.

The logo is a file in the plan's folder, named relative to it: a PNG, a JPEG or an SVG, by its
content (a GIF or a WebP renamed ``.png`` is not one), of at most 5 MB and 10,000 pixels on a
side. Every document embeds it, so a path outside the folder (``../``, ``/``) is refused: a
published document must not carry another file of the computer. An SVG must stand alone: no
DOCTYPE or entities, no link to a picture outside it.

*Fails:*

```yaml
# in plan.yaml:
office: {name: สำนักงานทดสอบ, logo: ../logo.png}
```

*Passes:*

```yaml
# in plan.yaml:
office: {name: สำนักงานทดสอบ}
```
""",
        ),
        CodeInfo.documented(
            "LD08",
            "layout.image-small",
            W,
            """
The logo has too few pixels to print sharply on the cover.

The cover prints the logo about 3 cm wide; a picture of fewer than 300 pixels on its shorter side
prints blurred or jagged. Use the office's original emblem file, or an SVG (it prints sharply
at any size).

*Fails:* a logo of 64×64 pixels

*Passes:* a logo of 600×600 pixels, or an SVG
""",
        ),
        CodeInfo.documented(
            "SC01",
            "schema.missing",
            E,
            """
A required key is missing.

*Fails:*

```yaml
- id: p1-i1
  number: "1"
  kind: percent
```

*Passes:*

```yaml
- id: p1-i1
  number: "1"
  name: ร้อยละของนักเรียนที่ ...
  kind: percent
```
""",
        ),
        CodeInfo.documented(
            "SC02",
            "schema.unknown-key",
            E,
            """
A key is not part of the plan format (often a typo).

Unknown keys are errors, not ignored: a misspelt ``owner`` would otherwise vanish silently.

*Fails:*

```yaml
- id: p1-i1
  onwer: สพฐ.
```

*Passes:*

```yaml
- id: p1-i1
  owner: สพฐ.
```
""",
        ),
        CodeInfo.documented(
            "SC03",
            "schema.invalid",
            E,
            """
A value has the wrong type or is out of range.

Numbers must be numbers (``80``, not ``"80"`` or ``80%``), years are Buddhist-Era years
(``2566``, not ``2023``) and item numbers are text (``"3.10"``, because YAML reads 3.10 as 3.1).

*Fails:*

```yaml
targets: {2023: "80%"}
```

*Passes:*

```yaml
targets: {2566: 80}
```
""",
        ),
    ]
}


def finding(code: str, message: str, span: Span | None, path: Path = (), hint: str | None = None) -> Finding:
    """A finding of one of the loader's codes, with the code's name and default severity."""
    info = LOAD_CODES[code]
    return Finding(code, info.name, info.severity, message, span, path, hint)
