"""The MkDocs hook: MkDocs events in, roledex's pages out. It holds no rules of its own.

Every build (including each rebuild under `mkdocs serve`) loads the knowledge base afresh,
checks it with the same rules as `roledex check`, stops on an error with the checker's own
lines, leaves private pages out of a published build, and adds the generated pages.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import posixpath
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown_pool
import partial_cache
import serve_cache
import serve_watch
from jinja2 import Environment
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs.utils import meta as mkdocs_meta
from roledex.check.run import checked_knowledge_base
from roledex.facts.privacy import (
    PrivacySettingError,
    build_view,
    in_private_folder,
    include_private,
    public_view,
)
from roledex.kb.load import LoadResult
from roledex.kb.problems import Problem, errors_in
from roledex.kb.settings import Settings, SettingsError, SiteAddresses, located_settings, site_addresses
from roledex.web.context import SiteContext
from roledex.web.inert_content import inert_element, inert_raw_html
from roledex.web.links import HiddenAddresses, HiddenSources, unlink_hidden_html, unwrap_links
from roledex.web.pages import (
    PRIVATE_BANNER,
    enrich,
    generated_pages,
    lift_html_blocks,
    page_meta,
    problems_banner,
    restore_html_blocks,
)
from roledex.web.search_view import read_searchable

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.roledex")


class _State:
    """What one build knows; reset in on_config because serve keeps the module loaded."""

    command: str | None = None
    context: SiteContext | None = None
    include_private: bool = False
    generated: frozenset[str] = frozenset()
    hidden: set[str] = set()
    hidden_sources: HiddenSources = HiddenSources(())
    hidden_addresses: HiddenAddresses = HiddenAddresses(())
    page_src: str | None = None
    """The source path of the page being converted, for the link treeprocessor."""
    blocks: dict[str, list[str]] = {}
    shared_html: dict[tuple[str, ...], tuple[str, set[str]]] = {}
    """Each shared block's HTML and the anchors it holds, by where it was converted."""
    shared_anchors: dict[str, list[set[str]]] = {}
    """The anchors of the shared blocks on each page, to count as the page's own."""
    settings: Settings = Settings()
    seconds: float = 0.0
    """Time spent in roledex's own work this build (load, check, render), for the benchmark."""
    problems: list[Problem] = []
    """Errors this build found; under serve they are shown on every page instead of stopping it."""
    last_good: tuple[Settings, LoadResult] | None = None
    """The settings and knowledge base of the last build without errors, kept across rebuilds."""
    server: Any = None
    """The development server, once `serve` has started it."""


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command
    serve_cache.trust_hook(__name__)
    if command == "serve" and not hasattr(Page.render, "__wrapped__"):
        Page.render = serve_cache.cached_render(Page.render)  # type: ignore[method-assign]
        mkdocs_utils.write_file = serve_cache.written_if_changed(mkdocs_utils.write_file)
        mkdocs_utils.clean_directory = serve_cache.cleaned_once(mkdocs_utils.clean_directory)
        File.copy_file = serve_cache.copied_if_changed(File.copy_file)  # type: ignore[method-assign]
        Theme.get_env = serve_cache.shared_environment(Theme.get_env)  # type: ignore[method-assign]
        mkdocs_meta.get_data = serve_cache.remembered_front_matter(mkdocs_meta.get_data)
        Files.add_files_from_theme = serve_cache.theme_files_once(  # type: ignore[method-assign]
            Files.add_files_from_theme, Files, File
        )
        mkdocs_build._build_page = serve_cache.cached_build_page(  # type: ignore[assignment]
            mkdocs_build._build_page, mkdocs_build.get_context, mkdocs_utils.write_file
        )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    markdown_pool.reuse_converters()
    if _serving():
        serve_watch.building()
        serve_watch.pause_while_building(state.server)  # what MkDocs began to watch after on_serve
    state.context = None
    state.generated = frozenset()
    state.hidden = set()
    state.hidden_sources = HiddenSources(())
    state.hidden_addresses = HiddenAddresses(())
    state.page_src = None
    state.blocks = {}
    state.shared_html = {}
    state.shared_anchors = {}
    state.seconds = 0.0
    state.problems = []
    try:
        state.include_private = include_private(state.command, os.environ)
        state.settings = located_settings(
            (config.extra or {}).get("roledex"), config.config_file_path and _shown_path(config.config_file_path)
        )
    except PrivacySettingError as error:
        raise PluginError(f"roledex: {error}") from None
    except SettingsError as error:
        for problem in error.problems:
            log.error("roledex: %s", problem.format())
        if not _serving():
            raise PluginError(
                f"roledex: {len(error.problems)} problem(s) in the settings (extra.roledex); fix them and build again"
            ) from None
        state.problems = list(error.problems)
        state.settings = state.last_good[0] if state.last_good else Settings()
    if state.include_private:
        log.info("roledex: private pages are included (this view must not be published)")
        if config.nav is not None and not any("applications/index.md" in str(entry) for entry in config.nav):
            config.nav.append({"Applications": "applications/index.md"})
    _set_addresses(config, site_addresses(state.settings, os.environ))
    if not any(isinstance(extension, _HiddenLinks) for extension in config.markdown_extensions):
        config.markdown_extensions.append(_HiddenLinks())
    if not any(isinstance(extension, _InertContent) for extension in config.markdown_extensions):
        config.markdown_extensions.append(_InertContent())
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index"):  # Material's search: made afresh in its on_config
            read_searchable(plugin.search_index)
            if _serving():
                serve_cache.cached_search(plugin.search_index)
    return config


class _HiddenLinkTreeprocessor(Treeprocessor):
    """Unlink Markdown links to left-out files before MkDocs checks them (it would warn)."""

    def run(self, root: Any) -> None:
        page_src, hidden = state.page_src, state.hidden_sources
        if hidden and page_src is not None:
            unwrap_links(root, lambda address: hidden.named_by(page_src, address))


class _HiddenLinks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # after the inline patterns have made the links (20), before MkDocs' own link check (0)
        md.treeprocessors.register(_HiddenLinkTreeprocessor(md), "roledex-hidden-links", 1)


class _InertContentTreeprocessor(Treeprocessor):
    """No event handler, running address or running element from a file reaches a page."""

    def run(self, root: Any) -> None:
        inert_element(root)
        inert_raw_html(self.md.htmlStash.rawHtmlBlocks)


class _InertContent(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # last: after the inline patterns (20) and attr_list (8) have set every attribute and
        # MkDocs has resolved addresses (0, which expects every link to keep its href), before
        # the raw HTML is put back into the page (a postprocessor)
        md.treeprocessors.register(_InertContentTreeprocessor(md), "roledex-inert-content", -10)


def _set_addresses(config: MkDocsConfig, addresses: SiteAddresses | None) -> None:
    """site_url and repo_url where mkdocs.yml leaves them out."""
    if addresses is None:
        return
    if not config.site_url:
        config.site_url = addresses.site_url
    if not config.repo_url:
        config.repo_url = addresses.repo_url
        config.repo_name = addresses.repo_name


def _serving() -> bool:
    return state.command == "serve"


def _report(problems: list[Problem]) -> None:
    """Log every problem; on an error stop a build, but let `serve` go on and show them."""
    errors = errors_in(problems)
    for problem in problems:
        if problem.severity != "error":
            log.info("roledex: %s", problem.format())
    if errors:
        for problem in errors:
            log.error("roledex: %s", problem.format())
        if _serving():
            state.problems += errors
            return
        raise PluginError(
            f"roledex check found {len(errors)} problem(s) in {len(set(p.path for p in errors))} "
            "file(s); fix them and build again (`roledex check` lists them too)"
        )


def _usable(result: LoadResult) -> LoadResult:
    """Under serve, the knowledge base to show: this one when it has no errors (and it becomes
    the last good one), else the last good one, else this one as far as it could be read."""
    if not state.problems and not errors_in(result.problems):
        state.last_good = (state.settings, result)
        return result
    return state.last_good[1] if state.last_good else result


def _shown_path(folder: str) -> str:
    """The docs folder relative to the working folder when inside it, so messages stay short."""
    relative = os.path.relpath(folder)
    return folder if relative.startswith("..") else relative


def _timed(event: Callable[..., Any]) -> Callable[..., Any]:
    """Count an event's time as roledex's own work (the build benchmark reports it)."""

    @functools.wraps(event)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            state.seconds += time.perf_counter() - started

    return timed


@_timed
def on_files(files: Files, config: MkDocsConfig) -> Files:
    result = checked_knowledge_base(_shown_path(config.docs_dir), state.settings)
    _report(result.problems)
    if _serving():
        result = _usable(result)
    pages = {f.src_uri: f for f in files.documentation_pages()}
    view, state.hidden, problems = build_view(
        result.kb, state.include_private, {f.src_uri for f in files}, set(pages), lambda uri: pages[uri].content_string
    )
    _report(problems)
    addresses = set(state.hidden)
    for uri in sorted(state.hidden):
        file = files.get_file_from_path(uri)
        if file is not None:
            addresses.add(file.url)
            files.remove(file)
    private = public_view(result.kb).hidden_paths if state.include_private else set()
    for file in files:  # what draft_docs holds back from hook-less builds, this view may show
        if file.inclusion == InclusionLevel.DRAFT and (in_private_folder(file.src_uri) or file.src_uri in private):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    state.context = SiteContext(view.kb, state.settings, includes_private=state.include_private)
    pages = generated_pages(state.context, existing={file.src_uri for file in files})
    for uri, markdown in pages.items():
        files.append(File.generated(config, uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    state.generated = frozenset(pages)
    # a generated page where a left-out file was (a posting's prep page, whose notes are
    # private) is public: links to it stay links, so the site never shows which notes exist
    generated_urls = {file.url for file in files if file.src_uri in state.generated}
    state.hidden_sources = HiddenSources(state.hidden - state.generated)
    state.hidden_addresses = HiddenAddresses(addresses - generated_urls - state.generated, config.site_url)
    if _serving():
        serve_cache.set_build_signature(((f.src_uri, f.url) for f in files), config, state.hidden)
    return files


@_timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if state.context is not None and page.file.src_uri not in state.generated:
        markdown = enrich(state.context, page.file.src_uri, markdown) or markdown
    state.page_src = page.file.src_uri
    page.meta = page_meta(page.file.src_uri, page.meta, markdown)
    shared = state.context.shared_in(page.file.src_uri) if state.context is not None else []
    markdown, blocks = lift_html_blocks(markdown, shared, lambda block: _shared_html(block, page, config, files))
    if blocks:
        state.blocks[page.file.src_uri] = blocks
    return markdown


def _shared_html(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A block that many pages show alike, converted once for every page in the same folder
    (links from each resolve alike; a block that names the page itself is converted for it
    alone). The anchors it holds count as the page's own; its links are checked where it was
    written (a company's profile)."""
    file = page.file
    folder = posixpath.dirname(page.url.rstrip("/"))
    key = (markdown, posixpath.dirname(file.src_uri), folder, file.src_uri if file.name in markdown else "")
    if key not in state.shared_html:
        scratch = Page(None, copy.copy(file), config)  # a page of its own: `file` keeps its page
        scratch.markdown = markdown
        scratch.render(config, files)
        state.shared_html[key] = (scratch.content or "", set(scratch.present_anchor_ids or ()))
    content, anchors = state.shared_html[key]
    state.shared_anchors.setdefault(file.src_uri, []).append(anchors)
    return content


@_timed
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    blocks = state.blocks.pop(page.file.src_uri, None)
    html = restore_html_blocks(html, blocks) if blocks else html
    shared_anchors = state.shared_anchors.pop(page.file.src_uri, [])
    if shared_anchors:
        page.present_anchor_ids = set(page.present_anchor_ids or ()).union(*shared_anchors)
    return unlink_hidden_html(html, (page.file.url, page.file.src_uri), state.hidden_addresses)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    partial_cache.render_once_per_build(env)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Mark every page of the private view, so a screenshot of it is never taken for the site;
    under serve, list this build's problems on every page until a build has none."""
    banners = (PRIVATE_BANNER if state.include_private else "") + problems_banner(state.problems)
    if not banners:
        return output
    return output.replace('<div class="md-container"', banners + '<div class="md-container"', 1)


def on_build_error(error: Exception) -> None:
    """A failed build has ended too: looking for saves goes on."""
    serve_watch.built()


def on_serve(server: Any, config: MkDocsConfig, builder: Callable[..., None]) -> Any:
    """Notice saves sooner than MkDocs' half-second polling, as far as it stays cheap, and
    not look while a build runs."""
    interval = serve_watch.poll_sooner(server, config.docs_dir)
    serve_watch.pause_while_building(server)
    serve_watch.build_sooner(server)
    state.server = server
    log.debug("roledex: looking for saves every %.2f s", interval)
    return server


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _serving():
        path = config.config_file_path
        try:
            settings_text = Path(path).read_text(encoding="utf-8") if path else ""
        except OSError:
            settings_text = ""
        banner = (PRIVATE_BANNER if state.include_private else "") + problems_banner(state.problems)
        templates = serve_cache.template_stamps(config.theme.custom_dir)
        serve_cache.set_site_signature(nav.items, settings_text, banner, templates)
    return nav


@event_priority(-100)  # after every plugin has written its files (search writes its index here)
def on_post_build(config: MkDocsConfig) -> None:
    log.debug("roledex: own work took %.3f s", state.seconds)
    if _serving():
        serve_cache.remove_stale_outputs(config.site_dir)
        log.debug("roledex: reused %(render)d conversions, %(search)d indexings and %(page)d pages", serve_cache.hits)
        serve_cache.forget_unused()
    serve_watch.built()
