"""What the plugin knows during one build, and the little it keeps from one build to the next.

Under `mkdocs serve` MkDocs keeps the plugin between rebuilds, so anything kept on it would
leak into the next build. A `BuildState` is made afresh for every build; a field added here
starts empty on every build without anyone resetting it. Only `ServeMemory` outlives a build,
and each of its fields says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roledex.kb.load import LoadResult
from roledex.kb.problems import Problem
from roledex.kb.settings import Settings
from roledex.plugin.pagefind_stream import PagefindStream
from roledex.web.context import SiteContext
from roledex.web.links import HiddenAddresses, HiddenSources


@dataclass
class BuildState:
    """One build's knowledge: its view, what it leaves out and the pages it generated."""

    include_private: bool = False
    settings: Settings = field(default_factory=Settings)
    pagefind: bool = False
    """Pagefind serves this build's search (`plugin/pagefind_search.py`)."""
    search_stream: PagefindStream | None = None
    """Pagefind's indexer, taking this build's pages as they are written; None once it failed
    (the written site is then indexed at the end)."""
    context: SiteContext | None = None
    generated: frozenset[str] = frozenset()
    hidden: set[str] = field(default_factory=set)
    hidden_sources: HiddenSources = field(default_factory=lambda: HiddenSources(()))
    hidden_addresses: HiddenAddresses = field(default_factory=lambda: HiddenAddresses(()))
    page_src: str | None = None
    """The source path of the page being converted, for the link treeprocessor."""
    blocks: dict[str, list[str]] = field(default_factory=dict)
    """The HTML blocks lifted out of each page's Markdown, put back after its conversion."""
    shared_html: dict[tuple[str, ...], tuple[str, set[str]]] = field(default_factory=dict)
    """Each shared block's HTML and the anchors it holds, by where it was converted."""
    shared_anchors: dict[str, list[set[str]]] = field(default_factory=dict)
    """The anchors of the shared blocks on each page, to count as the page's own."""
    problems: list[Problem] = field(default_factory=list)
    """Errors this build found; under serve they are shown on every page instead of stopping it."""
    seconds: float = 0.0
    """Time spent in roledex's own work this build (load, check, render), for the benchmark."""


@dataclass
class ServeMemory:
    """What `serve` carries from one build to the next."""

    command: str | None = None
    """The MkDocs command (`build`, `serve`, ...), said once at start-up."""
    last_good: tuple[Settings, LoadResult] | None = None
    """The settings and knowledge base of the last build without errors: a save that breaks
    the knowledge base shows its problems above the last good pages."""
    server: Any = None
    """The development server, once `serve` has started it: each build pauses its watchers."""
