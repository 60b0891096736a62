"""The Jinja environment: packaged templates, overridable file by file, strict and escaping.

* ``ChoiceLoader([--templates DIR, packaged templates])``: a file in DIR replaces the packaged
  file of the same name; every other file still comes from the package (as mkdocs themes do).
* Every template, packaged or not, renders in :class:`eduplan.render.sandbox.Sandbox`: Jinja's
  immutable sandbox with bounds on numbers, sizes and time, so a template from DIR is data and
  never runs code (the sandbox costs the shipped plan's HTML about nothing; see the README).
* ``StrictUndefined``: a misspelt name fails the render with the template's file and line.
* HTML templates (``*.html``) autoescape everything, plan text included; only the SVG charts,
  built and escaped by :mod:`eduplan.render.svg`, arrive as markup.
* Markdown templates (``*.md``) pass every ``{{ ... }}`` through :func:`md_escape`, so plan text
  can never turn into Markdown or HTML syntax.
* Printing ``None`` is an error in both: an empty cell must be shown with an explicit marker.
* Compiled templates are kept between runs in the user's cache folder (:mod:`eduplan.render.bytecode`).
"""

from __future__ import annotations

import re
import traceback
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from eduplan.errors import EduplanError
from eduplan.i18n import _
from eduplan.output.cache import cache_folder
from eduplan.render import sandbox
from eduplan.render.bytecode import TemplateCache, fingerprint
from eduplan.render.sandbox import ConfinedLoader, Refused, Sandbox, TemplateTooLarge, render_bounded
from eduplan.words.markdown import block

__all__ = ["Engine", "md_escape", "packaged_templates"]

_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def md_escape(value: Any) -> str:
    r"""Plan text as literal Markdown in a document (:func:`eduplan.words.markdown.block`).

    >>> md_escape("a|b <script>")
    'a\\|b \\<script\\>'
    """
    return block(str(_refuse_none(value)))


class _Said(jinja2.TemplateRuntimeError):
    """A template's fault in eduplan's words (translated), not Jinja's."""


def _refuse_none(value: Any) -> Any:
    if value is None:
        raise _Said(_("the template prints None; show empty values with the empty marker (cell(...) or |blank)"))
    return value


def _md_cell(value: Any) -> Any:
    """A value for a Markdown table cell: line breaks become spaces (the cell stays one line)."""
    return " ".join(str(value).splitlines()) if isinstance(value, str) else value


@jinja2.pass_context
def _blank(context: jinja2.runtime.Context, value: Any) -> Any:
    """The value, or the document's empty marker when it is None."""
    return context["doc"].L.empty if value is None else value


def packaged_templates() -> Path:
    """The default templates: ``eduplan/templates`` in a wheel, the repository's ``templates/`` otherwise.

    Raises:
        EduplanError: neither exists (a broken installation).
    """
    installed = resources.files("eduplan").joinpath("templates")
    if installed.is_dir():
        return Path(str(installed))
    repo = Path(__file__).resolve().parents[3] / "templates"
    if (repo / "plan.html").is_file():
        return repo
    raise EduplanError(_("the packaged templates are missing; reinstall eduplan"))


class Engine:
    """Renders the document templates; one engine serves any number of documents."""

    def __init__(self, override: Path | None = None) -> None:
        """Set up the loaders.

        Args:
            override: A directory whose files replace the packaged templates of the same name.

        Raises:
            EduplanError: ``override`` is not a directory.
        """
        if override is not None and not override.is_dir():
            raise EduplanError(_("--templates {folder}: not a directory").format(folder=override))
        dirs = [override] if override is not None else []
        loader = jinja2.ChoiceLoader([ConfinedLoader(d) for d in [*dirs, packaged_templates()]])
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": jinja2.StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
            "auto_reload": False,
        }
        self._html = Sandbox(
            autoescape=jinja2.select_autoescape(enabled_extensions=("html", "svg"), default=False),
            finalize=_refuse_none,
            **common,
        )
        self._md = Sandbox(autoescape=False, finalize=md_escape, **common)
        for env in (self._html, self._md):
            env.filters["blank"] = _blank
        self._md.filters["cell"] = _md_cell
        _keep_compiled({"html": self._html, "md": self._md})

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render template ``name`` (``plan.html``, ``action-plan.md``, ...) with ``context``.

        Markdown output gets tidy whitespace: no trailing spaces, at most one blank line in a
        row. Every output ends with one newline.

        Raises:
            EduplanError: the template is missing, has a syntax error, or fails while rendering
                (with its file and line).
        """
        markdown = name.endswith(".md")
        env = self._md if markdown else self._html
        try:
            text = render_bounded(env.get_template(name), context)
        except jinja2.TemplateNotFound as exc:  # the document's own template, or one it includes (located)
            where = _where(exc, "")
            if where:
                message = _("{where}: template error: template {name!r} not found (looked in: {folders})")
            else:
                message = _("template {name!r} not found (looked in: {folders})")
            raise EduplanError(message.format(where=where, name=exc.name, folders=self._searched())) from None
        except TemplateTooLarge as exc:
            message = _("{where}: template error: {reason}")
            raise EduplanError(
                message.format(where=f"{exc.filename or exc.name}:{exc.lineno}", reason=exc.message)
            ) from None
        except jinja2.TemplateSyntaxError as exc:  # Jinja's words, quoted in Thai
            message = _("{where}: template error: {error}")
            raise EduplanError(
                message.format(where=f"{exc.filename or exc.name}:{exc.lineno}", error=exc.message)
            ) from None
        except Refused as exc:
            message = _("{where}: template refused: {reason}")
            raise EduplanError(message.format(where=_where(exc, name), reason=exc)) from None
        except SecurityError as exc:  # Jinja's sandbox, in its words
            message = _("{where}: template refused: {error}")
            raise EduplanError(message.format(where=_where(exc, name), error=exc)) from None
        except _Said as exc:
            raise EduplanError(
                _("{where}: template error: {reason}").format(where=_where(exc, name), reason=exc)
            ) from None
        except jinja2.TemplateError as exc:
            raise EduplanError(
                _("{where}: template error: {error}").format(where=_where(exc, name), error=exc)
            ) from None
        except EduplanError:
            raise
        except Exception as exc:  # a template that divides by zero or loops over a non-list
            error = f"{type(exc).__name__}: {exc}"
            raise EduplanError(
                _("{where}: template error: {error}").format(where=_where(exc, name), error=error)
            ) from None
        if markdown:
            text = _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text))
        return text.rstrip("\n") + "\n"

    def _searched(self) -> str:
        loader = self._html.loader
        assert isinstance(loader, jinja2.ChoiceLoader)
        return ", ".join(
            str(p) for sub in loader.loaders if isinstance(sub, jinja2.FileSystemLoader) for p in sub.searchpath
        )


def _where(exc: BaseException, name: str) -> str:
    """``file:line`` of the template frame where a render error happened (Jinja keeps them)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith(".py")]
    if frames:
        return f"{frames[-1].filename}:{frames[-1].lineno}"
    return name


def _keep_compiled(environments: dict[str, jinja2.Environment]) -> None:
    """Keep the compiled templates between runs, where the user's cache folder allows (:mod:`.bytecode`)."""
    folder = cache_folder("templates")
    mark = fingerprint(Path(__file__), Path(sandbox.__file__)) if folder is not None else None
    if folder is None or mark is None:
        return
    for kind, env in environments.items():
        env.bytecode_cache = TemplateCache(folder, kind, mark)
