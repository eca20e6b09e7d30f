"""Every place roledex replaces a part of MkDocs for speed, and nowhere else.

MkDocs' public events cannot make a page's conversion or its template cheaper, nor let `serve`
keep what an unchanged page produced; these replacements do (the README's speed section gives
what each saves). Each one checks that what it replaces is what it was written for (its owner,
its name and its parameters); when a release of MkDocs or ProperDocs changes it, that
replacement steps aside with one log line and the site is built as MkDocs builds it: slower,
never wrong. `restore` puts every original back (tests build with and without them).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from roledex.plugin import long_lived, markdown_pool, partial_cache, serve_cache

log = logging.getLogger("mkdocs.plugins.roledex")


@dataclass(frozen=True)
class Replacement:
    """One attribute of MkDocs replaced by a wrapper of it."""

    owner: Any
    name: str
    parameters: tuple[str, ...]
    """The parameter names the wrapper was written for."""
    wrap: Callable[[Any], Any]
    why: str

    def expected(self) -> bool:
        """True when the attribute is there, not replaced yet, and takes the parameters expected."""
        current = getattr(self.owner, self.name, None)
        if current is None or hasattr(current, "__wrapped__"):
            return False
        try:
            found = tuple(inspect.signature(current).parameters)
        except (TypeError, ValueError):
            return False
        return found == self.parameters


_installed: list[tuple[Any, str, Any]] = []
"""What was replaced: (owner, name, original), to put back."""


def _install(replacement: Replacement) -> bool:
    current = getattr(replacement.owner, replacement.name, None)
    if current is not None and hasattr(current, "__wrapped__"):
        return True  # in place since an earlier build of this process
    if not replacement.expected():
        owner = getattr(replacement.owner, "__qualname__", None) or getattr(replacement.owner, "__name__", "?")
        log.info(
            "roledex: %s.%s is not what roledex expects (parameters %s); building without the speed-up: %s",
            owner,
            replacement.name,
            ", ".join(replacement.parameters),
            replacement.why,
        )
        return False
    setattr(replacement.owner, replacement.name, replacement.wrap(current))
    _installed.append((replacement.owner, replacement.name, current))
    return True


def _serve_replacements() -> list[Replacement]:
    # imported here: under ProperDocs these names resolve to its modules, once it has loaded
    from mkdocs import utils as mkdocs_utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.theme import Theme
    from mkdocs.utils import meta as mkdocs_meta

    return [
        Replacement(
            Page,
            "render",
            ("self", "config", "files"),
            serve_cache.cached_render,
            "an unchanged page is not converted again",
        ),
        Replacement(
            mkdocs_utils,
            "write_file",
            ("content", "output_path"),
            serve_cache.written_if_changed,
            "a file that holds these bytes is not written again",
        ),
        Replacement(
            mkdocs_utils,
            "clean_directory",
            ("directory",),
            serve_cache.cleaned_once,
            "the site folder is emptied once; later builds remove only what they no longer make",
        ),
        Replacement(
            File, "copy_file", ("self", "dirty"), serve_cache.copied_if_changed, "an unchanged file is not copied again"
        ),
        Replacement(
            Theme,
            "get_env",
            ("self",),
            serve_cache.shared_environment,
            "the theme's templates are compiled once, not on every save",
        ),
        Replacement(
            mkdocs_meta,
            "get_data",
            ("doc",),
            serve_cache.remembered_front_matter,
            "unchanged front matter is not parsed again",
        ),
        Replacement(
            Files,
            "add_files_from_theme",
            ("self", "env", "config"),
            lambda original: serve_cache.theme_files_once(original, Files, File),
            "the theme's thousands of files are listed once",
        ),
        Replacement(
            mkdocs_build,
            "_build_page",
            ("page", "config", "doc_files", "nav", "env", "dirty", "excluded"),
            # the page's file goes through the write_file above, replaced by now: it counts what it writes
            lambda original: serve_cache.cached_build_page(original, mkdocs_build.get_context, mkdocs_utils.write_file),
            "an unchanged page's written output is reused",
        ),
    ]


def for_serve() -> int:
    """Replace what makes a rebuild under `serve` redo unchanged work; how many are in place."""
    return sum(_install(replacement) for replacement in _serve_replacements())


def for_every_build() -> bool:
    """Let pages share one Markdown converter (see `markdown_pool`); False when MkDocs' pages
    no longer make their converter as `markdown.Markdown(...)`."""
    from mkdocs.structure import pages

    if isinstance(pages.markdown, markdown_pool.Pool):
        return True
    converter = getattr(pages.markdown, "Markdown", None)
    if getattr(pages.markdown, "__name__", None) != "markdown" or converter is None:
        log.info("roledex: MkDocs' pages no longer convert with markdown.Markdown; building without a shared converter")
        return False
    original = pages.markdown
    pages.markdown = markdown_pool.Pool(original)  # type: ignore[assignment]
    _installed.append((pages, "markdown", original))
    return True


def for_environment(env: Environment) -> None:
    """Render Material's page-independent partials once a build (see `partial_cache`)."""
    partial_cache.render_once_per_build(env)


def restore() -> None:
    """Put back every original this process replaced."""
    while _installed:
        owner, name, original = _installed.pop()
        setattr(owner, name, original)
    long_lived.take_back()
