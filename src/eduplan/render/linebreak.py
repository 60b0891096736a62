"""Thai line breaks at word boundaries only: PyThaiNLP's dictionary marks them in the HTML.

Thai is written without spaces between words, so a browser finds line breaks with a dictionary of
its own (ICU's in Chromium, libthai's in Pango), which cuts words a Thai reader sees whole
("ภาคีเครือ/ข่าย", "อัต/ลักษณ์"). Here the rendered HTML's text is segmented with PyThaiNLP's
``newmm`` and its dictionary (plus the words of Thai plans that it lacks, :data:`TERMS`, and the
plan's own names), and the engine is given only those boundaries:

* every Thai word is a ``<span class="w">``, an inline block in the stylesheet: a line breaks
  between two of them, never inside one, unless the word alone is wider than its line (a narrow
  table column), where the engine's own breaks inside it are the last resort, as a browser
  breaks an overlong word. Measured in Chromium, ``<wbr>`` between nowrap spans breaks at the same
  places but lets a long word run over the next column; ``word-break: keep-all`` does nothing to
  Thai. No character is added: the PDF's text layer, search and copy-paste get the text as
  written, without a zero-width space;
* a piece the dictionary does not know (a name, a misspelling) is joined to the piece beside it,
  so it is never cut into the letter clusters ``newmm`` falls back to;
* a number and the word on each side of it (``ร้อยละ 90``, ``1,250,000 บาท``, ``พ.ศ. 2567``) are
  one ``<span class="nobr">``, an inline block too, so they stay on one line.

Only text between tags is touched, never a tag, an attribute, ``<style>``, ``<script>``, ``<title>``
or a chart's ``<svg>``; Markdown and the HTML Word is made from are not touched at all
(:func:`unmark` takes the markup out again).

Segmenting is fast: the dictionary is a set (:class:`Words`, built in a few tens of
milliseconds, where PyThaiNLP's own trie takes 0.4 s), each distinct run of text is segmented
once per process, and the runs' words are kept in eduplan's cache folder (``words``,
:mod:`eduplan.output.cache`) for the next run: rendering a plan again, after an edit too, reads
them back and imports PyThaiNLP (about 0.2 s) only for the runs it has not seen. A cache file
belongs to one dictionary (PyThaiNLP's word list and segmenter as installed, :data:`TERMS`, the
plan's own words, this module): a change of any starts another file.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from eduplan.output.cache import cache_folder, keep
from eduplan.words.thainlp import offline, package_folder

__all__ = [
    "TERMS",
    "Words",
    "boundaries",
    "dictionary",
    "keep_words",
    "mark_breaks",
    "plan_words",
    "unmark",
    "words_of",
]

TERMS = (
    "ตัวชี้วัด",
    "ตัวชี้วัดย่อย",
    "ค่าเป้าหมาย",
    "ภาคีเครือข่าย",
    "เป้าประสงค์",
    "ประเด็นยุทธศาสตร์",
    "สถานศึกษา",
    "ขั้นพื้นฐาน",
    "อัตลักษณ์",
    "ผู้เรียน",
    "ผู้บริหาร",
    "ผู้รับผิดชอบ",
    "สพฐ.",
    "สพม.",
    "สพป.",
    "สพท.",
    "ศธ.",
    "สช.",
    "กศน.",
    "อปท.",
    "สมศ.",
    "ก.ค.ศ.",
    "สกสค.",
    "สทศ.",
    "สสวท.",
    "สคส.",
    "ป.พ.",
    "ม.ต้น",
    "ม.ปลาย",
)
"""Words of education plans that PyThaiNLP's dictionary lacks or cuts (its ``ตัว/ชี้/วัด``), and the
abbreviations of Thai education bodies (``สพม.`` would be cut after its first letter)."""

_LETTERS = "\u0e01-\u0e4f\u0e5a\u0e5b"  # Thai letters, vowels, marks, ฯ ๆ; not the Thai digits
_DIGITS = "0-9\u0e50-\u0e59"
_RUN = re.compile(f"[{_LETTERS}][{_LETTERS}.]*")
_LETTER = re.compile(f"[{_LETTERS}]")
_NUMBER = f"[{_DIGITS}](?:[{_DIGITS},.]*[{_DIGITS}])?%?"
_ATOM = re.compile(
    f"(?P<space>\\s+)|(?P<entity>&#?[0-9a-zA-Z]+;)|(?P<num>{_NUMBER})"
    f"|(?P<thai>[{_LETTERS}][{_LETTERS}.]*)|(?P<other>[^\\s{_DIGITS}{_LETTERS}]+)"
)
_MARKUP = re.compile(r'<span class="(?:w|nobr)">([^<]*)</span>')
_SKIPPED = ("style", "script", "title", "svg", "textarea", "pre")
_TOKEN = re.compile(r"<!--.*?-->|<!.*?>|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|<", re.DOTALL)


class Words:
    """A dictionary of words as ``newmm`` reads it (``prefixes``, ``in``), kept as a set.

    PyThaiNLP's :class:`~pythainlp.util.Trie` builds a node per letter (0.4 s for its 62,000
    words); a set, with the lengths of the words of each two-letter beginning, answers the same
    questions and is built in a few tens of milliseconds.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        lengths: dict[str, set[int]] = {}
        for word in self.words:
            lengths.setdefault(word[:2], set()).add(len(word))
        self._lengths = {key: tuple(sorted(found)) for key, found in lengths.items()}

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that ``text`` has at ``start``, shortest first."""
        words, end = self.words, len(text)
        found = [text[start]] if text[start : start + 1] in words else []
        found += [
            text[start : start + n]
            for n in self._lengths.get(text[start : start + 2], ())
            if n > 1 and start + n <= end and text[start : start + n] in words
        ]
        return found

    def __contains__(self, key: object) -> bool:
        return key in self.words

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


@functools.cache
def dictionary(extra: tuple[str, ...] = ()) -> Words:
    """PyThaiNLP's word list with :data:`TERMS` and ``extra`` (a plan's own words), once per process."""
    offline()
    from pythainlp.corpus.common import thai_words  # noqa: PLC0415  # only on a run not seen before (see the module)

    return Words([*thai_words(), *TERMS, *extra])


def words_of(run: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A run of Thai letters cut into words where a line may break (pieces the dictionary lacks joined on)."""
    return _cutter(extra).words(run)


def keep_words() -> None:
    """Keep the runs cut since the last call in the cache folder, for the next run (see the module)."""
    for cutter in _cutters.values():
        cutter.keep()


def _segment(run: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    offline()
    from pythainlp.tokenize import newmm  # noqa: PLC0415  # only on a run not seen before (see the module)

    words = dictionary(extra)
    pieces = newmm.segment(run, custom_dict=words)  # type: ignore[arg-type]  # a Words reads as newmm's Trie
    known = [_is_word(piece, words) for piece in pieces]
    joined: list[str] = []
    for at, piece in enumerate(pieces):
        if at and not (known[at] and known[at - 1]):  # a line breaks between two dictionary words only
            joined[-1] += piece
        else:
            joined.append(piece)
    return tuple(joined)


_KEPT_RUNS = 200_000
"""A cache file holds at most this many runs; past it, only the runs of the latest process are kept."""


class _Cutter:
    """The runs cut with one dictionary: this process's and those read back from the cache folder."""

    def __init__(self, extra: tuple[str, ...]) -> None:
        self.extra = extra
        self._file = _cache_file(extra)
        self._cut: dict[str, tuple[str, ...]] = _read(self._file)
        self._used: set[str] = set()
        self._added = False

    def words(self, run: str) -> tuple[str, ...]:
        found = self._cut.get(run)
        if type(found) is not tuple:  # not cut yet (or a value the cache should not hold)
            found = self._cut[run] = _segment(run, self.extra)
            self._added = True
        self._used.add(run)
        return found

    def keep(self) -> None:
        if not self._added or self._file is None:
            return
        if len(self._cut) > _KEPT_RUNS:
            self._cut = {run: self._cut[run] for run in self._used}
        keep(self._file, marshal.dumps(self._cut))
        self._added = False


_cutters: dict[tuple[str, ...], _Cutter] = {}


def _cutter(extra: tuple[str, ...]) -> _Cutter:
    if extra not in _cutters:
        _cutters[extra] = _Cutter(extra)
    return _cutters[extra]


def _cache_file(extra: tuple[str, ...]) -> Path | None:
    """The cache file of the dictionary with ``extra``; None without a cache folder or PyThaiNLP."""
    folder, package = cache_folder("words"), package_folder()
    if folder is None or package is None:
        return None
    digest = hashlib.sha256("\n".join((*TERMS, "", *extra)).encode())
    for source in (package / "corpus" / "words_th.txt", package / "tokenize" / "newmm.py", Path(__file__)):
        try:
            found = source.stat()
        except OSError:
            return None
        digest.update(f"{source}:{found.st_size}:{found.st_mtime_ns}\n".encode())
    return folder / f"words-{digest.hexdigest()[:20]}.marshal"


def _read(file: Path | None) -> dict[str, tuple[str, ...]]:
    """The runs kept in ``file``; none when there is no file, or it is damaged or not a cache's."""
    if file is None:
        return {}
    try:
        kept = marshal.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return kept if type(kept) is dict else {}


def _is_word(piece: str, words: Words) -> bool:
    """A piece a line may break before or after: a dictionary word of two letters or more."""
    return len(piece) > 1 and piece.rstrip(".") in words or piece in words


def plan_words(names: Iterable[str | None]) -> tuple[str, ...]:
    """The plan's own names to keep whole: each Thai piece (between spaces) of ``names`` (the office's short names).

    ``สพม.ลำปาง ลำพูน`` gives ``สพม.ลำปาง`` and ``ลำพูน``; pieces with digits or Latin letters and
    pieces longer than 16 letters (a phrase, which would not fit a narrow column) are left to the dictionary.
    """
    found = {piece for name in names if name for piece in name.split() if _RUN.fullmatch(piece) and len(piece) <= 16}
    return tuple(sorted(found))


def boundaries(text: str, extra: tuple[str, ...] = ()) -> set[int]:
    """The offsets in ``text`` where a Thai line may break (between two words of a run of Thai)."""
    found: set[int] = set()
    for match in _RUN.finditer(text):
        at = match.start()
        for word in words_of(match.group(), extra)[:-1]:
            at += len(word)
            found.add(at)
    return found


def mark_breaks(html: str, extra: Iterable[str] = ()) -> str:
    """``html`` with its Thai text broken only between words and its numbers kept with their units.

    Args:
        html: A document eduplan rendered (its markup is eduplan's: text between tags is escaped).
        extra: Words of the plan that the dictionary should keep whole (names, terms).
    """
    words = tuple(sorted(set(extra)))
    out: list[str] = []
    skipping: list[str] = []
    for token in _TOKEN.finditer(html):
        closing, tag = token.group(1), token.group(2)
        if tag is not None:
            name = tag.lower()
            if name in _SKIPPED:
                if closing:
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                elif not token.group().endswith("/>"):
                    skipping.append(name)
            out.append(token.group())
        elif skipping or token.group().startswith("<") or not _LETTER.search(token.group()):
            out.append(token.group())
        else:
            out.append(_marked(token.group(), words))
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def _marked(text: str, words: tuple[str, ...]) -> str:
    """One text node with its break markup: each Thai word a ``w`` span, each number with its words a ``nobr`` span.

    The text is cut into units (a Thai word, a number, a space, anything else). A number holds on
    to the unit on each side of it, across one space too (``ร้อยละ 90``, ``90 บาท``, ``พ.ศ.2567``):
    units held together are one ``nobr`` span.
    """
    units: list[tuple[str, str]] = []  # (kind, text): thai (one word), num, space, other
    for atom in _ATOM.finditer(text):
        kind = atom.lastgroup or "other"
        if kind == "thai":
            units += [("thai", word) for word in words_of(atom.group(), words)]
        else:
            units.append((kind, atom.group()))
    linked = _links(units)
    out: list[str] = []
    index = 0
    while index < len(units):
        end = index
        while end < len(linked) and linked[end]:
            end += 1
        if end > index:  # units index..end held together
            out.append('<span class="nobr">' + "".join(piece for _kind, piece in units[index : end + 1]) + "</span>")
        else:
            kind, piece = units[index]
            if kind == "thai":
                out.append(f'<span class="w">{piece}</span>' if len(piece) > 1 else piece)
            else:
                out.append(piece)
        index = end + 1
    return "".join(out)


def _links(units: list[tuple[str, str]]) -> list[bool]:
    """Whether each unit is held to the next: a number to what touches it, and across one space to a word."""
    linked = [False] * max(len(units) - 1, 0)
    for at, (kind, piece) in enumerate(units[:-1]):
        following = units[at + 1][0]
        if kind != "space" and following != "space" and "num" in (kind, following):
            linked[at] = True
        elif kind == "space" and at > 0 and piece == " ":
            before = units[at - 1][0]
            if before != "space" and following != "space" and "num" in (before, following):
                linked[at - 1] = linked[at] = True
    return linked


def unmark(html: str) -> str:
    """``html`` without the markup :func:`mark_breaks` added: the document as its templates wrote it.

    >>> unmark(mark_breaks("<p>ร้อยละ 90 ของนักเรียน</p>"))
    '<p>ร้อยละ 90 ของนักเรียน</p>'
    """
    return _MARKUP.sub(lambda m: m.group(1) or "", html)
