"""The roledex MkDocs plugin (`plugins: - roledex`): MkDocs events in, roledex's pages out.

Every build (including each rebuild under `mkdocs serve`) loads the knowledge base afresh,
checks it with the same rules as `roledex check`, stops on an error with the checker's own
lines, leaves private pages out of a published build, and adds the generated pages. The rules
live in the package below; this module only hands MkDocs' objects to them and back.
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

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from roledex.check.run import checked_knowledge_base
from roledex.facts.privacy import PrivacySettingError, build_view, include_private, private_page_outside_nav
from roledex.kb.load import LoadResult
from roledex.kb.markdown_limits import TOO_DEEP, first_line_too_deep
from roledex.kb.problems import ERROR, REMINDER, WARNING, Problem, errors_in
from roledex.kb.settings import Settings, SettingsError, SiteAddresses, located_settings, site_addresses
from roledex.plugin import local_actions, long_lived, pagefind_search, serve_cache, serve_watch, speedups
from roledex.plugin.build_state import BuildState, ServeMemory
from roledex.plugin.markdown_extensions import HiddenLinks, InertContent
from roledex.web.common import text
from roledex.web.context import SiteContext
from roledex.web.links import HiddenAddresses, HiddenSources, unlink_hidden_html
from roledex.web.own_lists import LIST_TITLES, LIST_URIS
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

LOG_LEVELS = {WARNING: logging.WARNING, REMINDER: logging.INFO}
TEMPLATES = Path(__file__).parent / "templates"
"""`main.html`, which puts roledex's banners in Material's announcement bar."""


class RoledexConfig(Config):
    """The plugin's options, checked by MkDocs like any plugin's."""

    speedups = config_options.Type(bool, default=True)
    """Replace the parts of MkDocs that `speedups` names (a shared Markdown converter, and under
    serve the reuse of unchanged work and the first build set aside from garbage collection);
    false builds exactly as MkDocs does, slower."""
    actions = config_options.Type(bool, default=True)
    """Under `serve` on a loopback address, the private view's pages act (move, log, capture)."""


def _timed(event: Callable[..., Any]) -> Callable[..., Any]:
    """Count an event's time as roledex's own work (the build benchmark reports it)."""

    @functools.wraps(event)
    def timed(self: RoledexPlugin, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return event(self, *args, **kwargs)
        finally:
            self.build.seconds += time.perf_counter() - started

    return timed


PRIVATE_NAV = {
    "Applications": "applications/index.md",
    "Offers": "offers/index.md",
    **{LIST_TITLES[k]: uri for k, uri in LIST_URIS.items()},
}
"""The private view's own pages, added to the navigation where the user's `nav` leaves them out."""


def _add_private_lists(nav: list[Any]) -> None:
    for title, uri in PRIVATE_NAV.items():
        if not any(uri in str(entry) for entry in nav):
            nav.append({title: uri})


class RoledexPlugin(BasePlugin[RoledexConfig]):
    """The knowledge base's pages, checked, with private ones left out of a published build."""

    def __init__(self) -> None:
        self.build = BuildState()
        self.memory = ServeMemory()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.memory.command = command
        serve_cache.trust_plugin(f"{type(self).__module__}.{type(self).__qualname__}")
        if command == "serve" and self.config.speedups:
            speedups.for_serve()

    def _serving(self) -> bool:
        return self.memory.command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build = BuildState()  # nothing of the last build leaks into this one
        if any(str(hook).endswith("roledex_hook.py") for hook in config.hooks) and "roledex" in config.plugins:
            raise PluginError(
                "roledex: mkdocs.yml names roledex both as a plugin and as a hook (roledex_hook.py); keep the plugin"
            )
        if self.config.speedups:
            speedups.for_every_build()
        if self._serving():
            serve_watch.building()
            serve_watch.pause_while_building(self.memory.server)  # what MkDocs began to watch after on_serve
        self._read_settings(config)
        if self.build.include_private:
            log.info("roledex: private pages are included (this view must not be published)")
            if config.nav is not None:
                _add_private_lists(config.nav)
        _set_addresses(config, site_addresses(self.build.settings, os.environ))
        extensions: list[Any] = config.markdown_extensions  # MkDocs takes instances as well as names
        extensions.append(HiddenLinks(lambda: (self.build.page_src, self.build.hidden_sources)))
        extensions.append(InertContent())
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        for plugin in config.plugins.values():
            if hasattr(plugin, "search_index"):  # Material's search: made afresh in its on_config
                read_searchable(plugin.search_index)
                if self._serving() and self.config.speedups:
                    serve_cache.cached_search(plugin.search_index)
        self.build.pagefind = pagefind_search.wanted(
            self.build.settings.search, self.memory.command, self.build.include_private, config.plugins
        )
        if self.build.pagefind:
            pagefind_search.leave_material_nothing_to_index(config.plugins["material/search"])
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(pagefind_search.TEMPLATES))
            config.extra_javascript.append(pagefind_search.SCRIPT_URI)
        return config

    def _read_settings(self, config: MkDocsConfig) -> None:
        try:
            self.build.include_private = include_private(self.memory.command, os.environ)
            self.build.settings = located_settings(
                dict(config.extra or {}).get("roledex"),
                config.config_file_path and _shown_path(config.config_file_path),
            )
        except PrivacySettingError as error:
            raise PluginError(f"roledex: {error}") from None
        except SettingsError as error:
            for problem in error.problems:
                log.error("roledex: %s", problem.format())
            if not self._serving():
                raise PluginError(
                    f"roledex: {len(error.problems)} problem(s) in the settings (extra.roledex); "
                    "fix them and build again"
                ) from None
            self.build.problems = list(error.problems)
            self.build.settings = self.memory.last_good[0] if self.memory.last_good else Settings()

    def _report(self, problems: list[Problem]) -> None:
        """Log every problem; on an error stop a build, but let `serve` go on and show them."""
        for problem in problems:
            if problem.severity != ERROR:  # MkDocs' own levels: `--strict` fails on a warning, not a reminder
                log.log(LOG_LEVELS[problem.severity], "roledex: %s", problem.format())
        errors = errors_in(problems)
        for problem in errors:
            log.error("roledex: %s", problem.format())
        if not errors:
            return
        if self._serving():
            self.build.problems += errors
            return
        raise PluginError(
            f"roledex check found {len(errors)} problem(s) in {len(set(p.path for p in errors))} "
            "file(s); fix them and build again (`roledex check` lists them too)"
        )

    def _usable(self, result: LoadResult) -> LoadResult:
        """Under serve, the knowledge base to show: this one when it has no errors (and it becomes
        the last good one), else the last good one, else this one as far as it could be read."""
        if not self.build.problems and not errors_in(result.problems):
            self.memory.last_good = (self.build.settings, result)
            return result
        return self.memory.last_good[1] if self.memory.last_good else result

    @_timed
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.build
        result = checked_knowledge_base(_shown_path(config.docs_dir), build.settings)
        self._report(result.problems)
        if self._serving():
            result = self._usable(result)
        pages = {f.src_uri: f for f in files.documentation_pages()}
        view, build.hidden, problems = build_view(
            result.kb, build.include_private, {f.src_uri for f in files}, set(pages), lambda u: pages[u].content_string
        )
        self._report(problems)
        addresses = set(build.hidden)
        for uri in sorted(build.hidden):
            file = files.get_file_from_path(uri)
            if file is not None:
                addresses.add(file.url)
                files.remove(file)
        shown_outside_nav = private_page_outside_nav(result.kb, build.include_private)
        for file in files:
            if file.inclusion == InclusionLevel.DRAFT and shown_outside_nav(file.src_uri):
                file.inclusion = InclusionLevel.NOT_IN_NAV
        build.context = SiteContext(view.kb, build.settings, includes_private=build.include_private)
        generated = generated_pages(build.context, existing={file.src_uri for file in files})
        for uri, markdown in generated.items():
            files.append(File.generated(config, uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        build.generated = frozenset(generated)
        if build.pagefind:
            script = pagefind_search.SCRIPT.read_text(encoding="utf-8")
            files.append(File.generated(config, pagefind_search.SCRIPT_URI, content=script))
            build.search_stream = pagefind_search.open_stream()  # the pages are checked: they will be written
        # a generated page where a left-out file was (a posting's prep page, whose notes are
        # private) is public: links to it stay links, so the site never shows which notes exist
        generated_urls = {file.url for file in files if file.src_uri in build.generated}
        build.hidden_sources = HiddenSources(build.hidden - build.generated)
        build.hidden_addresses = HiddenAddresses(addresses - generated_urls - build.generated, config.site_url)
        if self._serving():
            serve_cache.set_build_signature(((f.src_uri, f.url) for f in files), config, build.hidden)
        return files

    def _buildable(self, markdown: str, src_uri: str) -> str:
        """The page's Markdown, or, where Markdown would fail on it (lists or quotes nested past
        MAX_BLOCK_DEPTH), a build's end in one line; under serve, a page that says why instead."""
        deep = first_line_too_deep(markdown)
        if deep is None:
            return markdown
        said = f"{src_uri}: line {deep + 1} of its text {TOO_DEEP}, which Markdown fails on; take some levels out"
        if not self._serving():
            raise PluginError(f"roledex: {said}")
        log.error("roledex: %s", said)
        return f"This page is not shown: {text(said)}\n"

    @_timed
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self.build
        markdown = self._buildable(markdown, page.file.src_uri)
        if build.context is not None and page.file.src_uri not in build.generated:
            markdown = enrich(build.context, page.file.src_uri, markdown) or markdown
        build.page_src = page.file.src_uri
        page.meta = page_meta(page.file.src_uri, page.meta, markdown)
        shared = build.context.shared_in(page.file.src_uri) if build.context is not None else []
        found_anchors: list[set[str]] = []

        def lift() -> serve_cache.Lifted:
            def convert(block: str) -> str:
                content, anchors = self._shared_html(block, page, config, files)
                found_anchors.append(anchors)
                return content

            lifted, blocks = lift_html_blocks(markdown, shared, convert)
            return lifted, blocks, found_anchors

        if self._serving() and self.config.speedups:
            given = (serve_cache.context["signature"], page.url, markdown, tuple(shared))
            markdown, blocks, anchors = serve_cache.lifted_once(page.file.src_uri, given, lift)
        else:
            markdown, blocks, anchors = lift()
        if blocks:
            build.blocks[page.file.src_uri] = list(blocks)
        if anchors:
            build.shared_anchors.setdefault(page.file.src_uri, []).extend(anchors)
        return markdown

    def _shared_html(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> tuple[str, set[str]]:
        """A block that many pages show alike, converted once for every page in the same folder
        (links from each resolve alike; a block that names the page itself is converted for it
        alone), and the anchors it holds, which count as the page's own; its links are checked
        where it was written (a company's profile)."""
        file = page.file
        folder = posixpath.dirname(page.url.rstrip("/"))
        key = (markdown, posixpath.dirname(file.src_uri), folder, file.src_uri if file.name in markdown else "")
        if key not in self.build.shared_html:
            scratch = Page(None, copy.copy(file), config)  # a page of its own: `file` keeps its page
            scratch.markdown = markdown
            scratch.render(config, files)
            self.build.shared_html[key] = (scratch.content or "", set(scratch.present_anchor_ids or ()))
        return self.build.shared_html[key]

    @_timed
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self.build.blocks.pop(page.file.src_uri, None)
        html = restore_html_blocks(html, blocks) if blocks else html
        shared_anchors = self.build.shared_anchors.pop(page.file.src_uri, [])
        if shared_anchors:
            page.present_anchor_ids = set(page.present_anchor_ids or ()).union(*shared_anchors)
        html = unlink_hidden_html(html, (page.file.url, page.file.src_uri), self.build.hidden_addresses)
        return pagefind_search.mark_left_out(html) if self.build.pagefind else html

    def _banners(self) -> str:
        """The private view's mark (so a screenshot of it is never taken for the site) and,
        under serve, this build's problems until a build has none."""
        return (PRIVATE_BANNER if self.build.include_private else "") + problems_banner(self.build.problems)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.config.speedups:
            speedups.for_environment(env)
        env.globals["roledex_banners"] = Markup(self._banners())  # noqa: S704 (roledex's own escaped HTML)
        return env

    @event_priority(-100)  # the page as written, after every plugin has changed it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.build.search_stream is not None:
            self.build.search_stream = pagefind_search.hand_over(self.build.search_stream, page.url, output)
        return output

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build has ended too: looking for saves goes on, and Pagefind stops."""
        if self.build.search_stream is not None:
            self.build.search_stream.close()
            self.build.search_stream = None
        serve_watch.built()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Notice saves sooner than MkDocs' half-second polling, as far as it stays cheap, and
        not look while a build runs."""
        interval = serve_watch.poll_sooner(server, config.docs_dir)
        serve_watch.pause_while_building(server)
        serve_watch.build_sooner(server)
        self.memory.server = server
        log.debug("roledex: looking for saves every %.2f s", interval)
        if self.config.speedups:
            log.debug("roledex: %d objects of the first build set aside from collection", long_lived.set_aside())
        if self.config.actions and self.build.include_private:
            host, port = config.dev_addr.host, config.dev_addr.port
            docs, settings = Path(config.docs_dir), Path(config.config_file_path or "mkdocs.yml")
            if local_actions.install(server, host, port, docs, settings) is not None:
                log.info("roledex: the private view acts here: move applications, log events, save postings")
        return server

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self._serving():
            path = config.config_file_path
            try:
                settings_text = Path(path).read_text(encoding="utf-8") if path else ""
            except OSError:
                settings_text = ""
            templates = serve_cache.template_stamps(config.theme.custom_dir)
            serve_cache.set_site_signature(nav.items, settings_text, self._banners(), templates)
        return nav

    @event_priority(-100)  # after every plugin has written its files (search writes its index here)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        log.debug("roledex: own work took %.3f s", self.build.seconds)
        if self._serving() and self.config.speedups:
            serve_cache.remove_stale_outputs(config.site_dir)
            log.debug(
                "roledex: reused %(lift)d liftings, %(render)d conversions, %(search)d indexings and %(page)d pages",
                serve_cache.hits,
            )
            serve_cache.forget_unused()
        if self.build.pagefind:
            started = time.perf_counter()
            stream, self.build.search_stream = self.build.search_stream, None
            try:
                pagefind_search.publish_index(config.site_dir, stream, config.use_directory_urls)
            except pagefind_search.IndexingFailed as error:
                raise PluginError(f"roledex: the site's search could not be indexed: {error}") from None
            log.info("roledex: search index written by Pagefind in %.1f s", time.perf_counter() - started)
        serve_watch.built()


def _set_addresses(config: MkDocsConfig, addresses: SiteAddresses | None) -> None:
    """site_url and repo_url where mkdocs.yml leaves them out."""
    if addresses is None:
        return
    if not config.site_url:
        config.site_url = addresses.site_url
    if not config.repo_url:
        config.repo_url = addresses.repo_url
        config.repo_name = addresses.repo_name


def _shown_path(folder: str) -> str:
    """The docs folder relative to the working folder when inside it, so messages stay short."""
    relative = os.path.relpath(folder)
    return folder if relative.startswith("..") else relative
