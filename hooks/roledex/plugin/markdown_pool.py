"""One Python-Markdown converter for page after page, reset between them.

MkDocs makes a new `markdown.Markdown` for every page, and making one (finding each extension
by name, building every processor and pattern) costs about as much as converting a short page:
at 1,000 postings 1.8 s of a 24 s build. Python-Markdown is made to convert document after
document with one instance: `Markdown.reset` clears what a document left (references, stashed
HTML, each extension's own state). MkDocs registers its per-page processors (links, anchors,
title) under fixed names, so each page's replace the last page's.

A converter is reused only for the same extensions and settings, and never while it is still
converting (a conversion that starts another gets a new one).
"""

from __future__ import annotations

import copy
import types
from typing import Any

import markdown


class _Reusable(markdown.Markdown):
    """A converter that knows when it is converting."""

    converting = False

    def convert(self, source: str) -> str:
        self.converting = True
        try:
            return super().convert(source)
        finally:
            self.converting = False


class Pool:
    """The `markdown` module as MkDocs' pages see it, whose `Markdown` hands out the kept
    converter, reset, when it was made from the same extensions and settings."""

    def __init__(self, module: types.ModuleType) -> None:
        self.real = module
        self.kept: tuple[list[Any], dict[str, Any], _Reusable] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def Markdown(self, **settings: Any) -> markdown.Markdown:  # noqa: N802 (the name MkDocs calls)
        extensions = list(settings.get("extensions") or [])
        configs = settings.get("extension_configs") or {}
        kept = self.kept
        if kept is not None and not kept[2].converting and kept[0] == extensions and kept[1] == configs:
            return kept[2].reset()
        converter = _Reusable(**settings)
        try:
            self.kept = (extensions, copy.deepcopy(configs), converter)
        except Exception:  # settings that cannot be copied cannot be compared later: not kept
            self.kept = None
        return converter
