"""Work reused across rebuilds under `mkdocs serve`: a page's HTML, its search entries and
its written output.

MkDocs rebuilds the whole site on every save; most of that time goes to converting each
page's Markdown (a new Python-Markdown instance per page) and to the search plugin parsing
each page's HTML. Both results depend only on what they are made from, so each is kept under a
hash of all of it (the Markdown, the page's address, every file's address, the Markdown
settings, the pages left out) and reused when the hash comes again. A changed input is a new
key: the cache can be cold, never stale. Entries no build asked for are dropped after it.
Only `serve` uses this; a published build converts every page afresh.
"""

from __future__ import annotations

import copy
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

Lifted = tuple[str, list[str], list[set[str]]]
"""A page's Markdown with its blocks lifted, the blocks, and the anchors its shared blocks hold."""

_rendered: dict[str, tuple[Any, ...]] = {}
_searched: dict[str, list[dict[str, Any]]] = {}
_pages: dict[str, bytes] = {}
_used: set[str] = set()
_outputs: dict[str, object] = {}
"""Each file the builds of this server have put in the site folder, with what was put there."""
_produced: set[str] = set()
"""The files this build has produced (written, or found as it would have written them)."""
_lifted: dict[str, tuple[tuple[object, ...], Lifted]] = {}
"""Each page's Markdown with its HTML blocks lifted (`pages.lift_html_blocks`), by its file,
with what it was made from; kept for the page's file alone, so a page's next version replaces it
(the file counts as used as the digests do: a file's path is never a digest)."""
hits: dict[str, int] = {"render": 0, "search": 0, "page": 0, "lift": 0}
"""How many conversions and indexings this build reused (for the log and the benchmark)."""
context: dict[str, str] = {"signature": "", "site": "", "banner": ""}
"""What every page of this build shares, hashed: files, Markdown settings and pages left out
(`signature`); the navigation and mkdocs.yml (`site`); the banners every page carries."""


_texts: dict[int, tuple[str, str]] = {}
"""This build's digests of long texts (a page's HTML), by the text object: its page key and its
search key both hash it."""


def _text_digest(text: str | None) -> str:
    if text is None:
        return ""
    known = _texts.get(id(text))
    if known is None or known[0] is not text:
        known = (text, _digest(text))
        _texts[id(text)] = known
    return known[1]


def _digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(str(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def _class_name(instance: object) -> str:
    """An object by its class's full name: an instance's address changes with every rebuild,
    its class not."""
    return f"{type(instance).__module__}.{type(instance).__qualname__}"


def _named(extension: object) -> str:
    return extension if isinstance(extension, str) else _class_name(extension)


def set_build_signature(files: Iterable[tuple[str, str]], config: Mapping[str, Any], hidden: Iterable[str]) -> None:
    """Hash what every page's conversion depends on besides its own Markdown."""
    context["signature"] = _digest(
        sorted(files),
        [_named(extension) for extension in config.get("markdown_extensions") or ()],
        config.get("mdx_configs"),
        config.get("use_directory_urls"),
        config.get("site_url"),
        config.get("validation"),
        sorted(hidden),
    )


def cached_render(render: Callable[..., None]) -> Callable[..., None]:
    """`Page.render` that reuses the result of the same Markdown at the same place."""

    def render_or_reuse(page: Any, config: Any, files: Any) -> None:
        key = _digest("render", context["signature"], page.file.src_uri, page.url, page.markdown)
        _used.add(key)
        if key in _rendered:
            hits["render"] += 1
            content, toc, title, anchors, links = _rendered[key]
            shared = _judged(config.plugins).shares_tocs and not _lists_tags(config.plugins, page)
            page.content, page.toc = content, toc if shared else _copy_toc(toc)
            page._title_from_render, page.present_anchor_ids = title, set(anchors or ())
            page.links_to_anchors = _links_in(files, links)
            return
        render(page, config, files)
        _rendered[key] = (
            page.content,
            _copy_toc(page.toc),
            page._title_from_render,
            set(page.present_anchor_ids or ()),
            {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()},
        )

    render_or_reuse.__wrapped__ = render  # type: ignore[attr-defined]
    return render_or_reuse


TOC_READERS = frozenset(("page_content", "env", "page_context", "post_page"))
"""The events after a page's conversion; of the known plugins, only the tags plugin changes
a table of contents there, on a page that lists tags. Any other page may share its table of
contents with the cache, which saves copying thousands of small objects on every save."""
TAGS_PLUGIN = "material.plugins.tags.plugin.TagsPlugin"


def _lists_tags(plugins: Any, page: Any) -> bool:
    """True when Material's tags plugin lists tags on `page` (or cannot tell us)."""
    for plugin in plugins.values():
        if _class_name(plugin) != TAGS_PLUGIN:
            continue
        try:
            if any(listing.page is page for listing in plugin.listings or ()):
                return True
        except (AttributeError, TypeError):
            return True
    return False


def _copy_toc(toc: Any) -> Any:
    """A table of contents that shares nothing mutable with the one it copies (cheaper than
    `copy.deepcopy`, which would follow every link into the page and its files)."""

    def copied(link: Any) -> Any:
        new = object.__new__(type(link))
        new.__dict__.update(link.__dict__)
        new.children = [copied(child) for child in link.children]
        return new

    new_toc = object.__new__(type(toc))
    new_toc.__dict__.update(toc.__dict__)
    new_toc.items = [copied(link) for link in toc.items]
    return new_toc


def _links_in(files: Any, links: dict[str, dict[str, str]]) -> dict[Any, dict[str, str]]:
    """A page's links to anchors of other pages, pointing at this build's files (the anchors
    are checked against the pages of this build, not of the one that first rendered it)."""
    current = {}
    by_path = getattr(files, "src_uris", None)  # a plain lookup: get_file_from_path parses each path
    for src_uri, anchors in links.items():
        target = by_path.get(src_uri) if by_path is not None else files.get_file_from_path(src_uri)
        if target is not None:
            current[target] = dict(anchors)
    return current


_front_matter: dict[str, tuple[str, dict[str, Any]]] = {}


def remembered_front_matter(get_data: Callable[[str], tuple[str, dict[str, Any]]]) -> Callable[..., Any]:
    """MkDocs' front-matter reader that does not parse the same text twice: MkDocs reads every
    page's front matter again on each save. Each caller gets its own copy of the mapping."""

    def get_data_once(doc: str) -> tuple[str, dict[str, Any]]:
        if doc not in _front_matter:
            _front_matter[doc] = get_data(doc)
        _used.add(doc)
        markdown, meta = _front_matter[doc]
        return markdown, copy.deepcopy(meta)

    get_data_once.__wrapped__ = get_data  # type: ignore[attr-defined]
    return get_data_once


def _toc_outline(toc: Iterable[Any]) -> list[Any]:
    return [(item.title, item.id, item.level, _toc_outline(item.children)) for item in toc]


def cached_search(index: Any) -> None:
    """Make a search index reuse the entries of a page it has indexed before, unchanged."""
    add = index.add_entry_from_context

    def add_or_reuse(page: Any) -> None:
        meta = {key: page.meta.get(key) for key in ("search", "tags", "title")}
        key = _digest("search", page.url, page.title, meta, _toc_outline(page.toc), _text_digest(page.content))
        _used.add(key)
        if key in _searched:
            hits["search"] += 1
            index.entries.extend(dict(entry) for entry in _searched[key])
            return
        before = len(index.entries)
        add(page)
        _searched[key] = [dict(entry) for entry in index.entries[before:]]

    index.add_entry_from_context = add_or_reuse


def _outline(items: Iterable[Any]) -> list[Any]:
    return [
        (str(item.title), getattr(item, "url", None), _outline(getattr(item, "children", None) or ())) for item in items
    ]


def template_stamps(custom_dir: str | None) -> list[tuple[str, int, int]]:
    """When and how big each file of the user's theme overrides is, so that editing a
    template under serve changes every page's key (the installed theme does not change)."""
    if not custom_dir:
        return []
    stamps = []
    for folder, _, names in os.walk(custom_dir, followlinks=True):
        for name in names:
            try:
                stat = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            stamps.append((os.path.join(folder, name), stat.st_mtime_ns, stat.st_size))
    return sorted(stamps)


def set_site_signature(nav_items: Iterable[Any], config_text: str, banner: str, templates: object = ()) -> None:
    """Hash what every page's template shows besides the page: the navigation, the settings,
    the templates."""
    context["site"] = _digest(_outline(nav_items), config_text, templates)
    context["banner"] = _digest(banner)


def _neighbours(page: Any) -> list[Any]:
    parents, item = [], page.parent
    while item is not None:
        parents.append(str(item.title))
        item = item.parent
    links = [(str(p.title), p.url) if p is not None else None for p in (page.previous_page, page.next_page)]
    return [parents, links, page.is_homepage, page.canonical_url, page.edit_url]


KNOWN_PLUGINS = frozenset(
    (
        "material.plugins.search.plugin.SearchPlugin",
        "mkdocs.contrib.search.SearchPlugin",
        TAGS_PLUGIN,
    )
)
"""Plugins whose page events are known: `on_page_context` only feeds the template, or the
search index through `search_index.add_entry_from_context`, so a page whose written output is
reused needs neither the template context nor them, only its search entries."""
_own: list[str] = []
"""The roledex plugin's class, by its full name: its page events are known (what they change
the page key holds)."""


def trust_plugin(class_name: str) -> None:
    _own[:] = [class_name]


def _maker(handler: Any) -> str:
    owner = getattr(handler, "__self__", None)
    return str(getattr(handler, "__module__", "")) if owner is None else _class_name(owner)


def _handled_only_by(plugins: Any, events: Iterable[str], makers: Iterable[str]) -> bool:
    """True when every handler MkDocs would call for `events` comes from one of `makers`."""
    registered, allowed = getattr(plugins, "events", {}), set(makers)
    return all(_maker(handler) in allowed for event in events for handler in registered.get(event, ()))


def _only_known(plugins: Any, events: Iterable[str]) -> bool:
    """True when every handler of `events` is a known plugin's or roledex's."""
    return _handled_only_by(plugins, events, KNOWN_PLUGINS | set(_own))


def reusable_without_plugins(plugins: Any) -> list[Any] | None:
    """The search plugins to feed when a page's output is reused without running the
    `page_context` and `post_page` events, or None when a plugin MkDocs would call there is
    not known to do only that (then pages go through the events as usual)."""
    if not _handled_only_by(plugins, ("page_context",), KNOWN_PLUGINS):
        return None
    if not _handled_only_by(plugins, ("post_page",), _own):
        return None
    handlers = getattr(plugins, "events", {}).get("page_context", ())
    return [handler.__self__ for handler in handlers if hasattr(handler.__self__, "search_index")]


class _Judgement(NamedTuple):
    searches: list[Any] | None
    """See `reusable_without_plugins`."""
    shares_tocs: bool
    """Whether a reused table of contents may be shared with the cache (see TOC_READERS)."""


_judgement: list[tuple[object, _Judgement]] = []


def _judged(plugins: Any) -> _Judgement:
    """What this build's plugins allow, judged once per build rather than on every page."""
    if not _judgement or _judgement[0][0] is not plugins:
        _judgement[:] = [(plugins, _Judgement(reusable_without_plugins(plugins), _only_known(plugins, TOC_READERS)))]
    return _judgement[0][1]


def cached_build_page(
    build_page: Callable[..., None], get_context: Callable[..., Any], write: Callable[..., None]
) -> Callable[..., None]:
    """MkDocs' `_build_page` that reuses a page's written output when nothing its template
    reads has changed. The page's search entries still go into this build's index: straight
    from the search plugin's index when every `page_context` plugin is a known one, else by
    running the `page_context` event as MkDocs does."""

    def build_or_reuse(
        page: Any, config: Any, doc_files: Any, nav: Any, env: Any, dirty: bool = False, excluded: bool = False
    ) -> None:
        meta = sorted((str(k), repr(v)) for k, v in page.meta.items())
        key = _digest(
            "page",
            context["signature"],
            context["site"],
            context["banner"],
            page.file.src_uri,
            page.url,
            _text_digest(page.content),
            _toc_outline(page.toc or ()),
            meta,
            page.title,
            _neighbours(page),
            excluded,
        )
        _used.add(key)
        if key not in _pages:
            build_page(page, config, doc_files, nav, env, dirty, excluded)
            try:
                with open(page.file.abs_dest_path, "rb") as written:
                    _pages[key] = written.read()
            except OSError:
                pass
            return
        hits["page"] += 1
        searches = _judged(config.plugins).searches
        if searches is not None:
            for plugin in searches:
                if getattr(getattr(plugin, "config", None), "enabled", True) is not False:
                    plugin.search_index.add_entry_from_context(page)
        else:
            config._current_page, page.active = page, True
            try:
                page_context = get_context(nav, doc_files, config, page)
                config.plugins.on_page_context(page_context, page=page, config=config, nav=nav)
            finally:
                config._current_page, page.active = None, False
        output, output_path = _pages[key], page.file.abs_dest_path
        _produce(output_path, key, lambda: write(output, output_path))  # no hashing: the key says

    build_or_reuse.__wrapped__ = build_page  # type: ignore[attr-defined]
    return build_or_reuse


def forget_unused() -> None:
    """Drop what this build did not ask for, so memory follows the site's size."""
    for store in (_rendered, _searched, _pages, _front_matter, _lifted):
        for key in [k for k in store if k not in _used]:
            del store[key]
    _used.clear()
    _texts.clear()
    hits.update(render=0, search=0, page=0, lift=0)


def lifted_once(source: str, given: tuple[object, ...], lift: Callable[[], Lifted]) -> Lifted:
    """`lift()` for the page of file `source`, or what it gave the last time it was given the same
    (the page's Markdown, address and shared blocks, and the build's signature): a save changes
    the Markdown of few pages, and lifting a page's blocks passes over all of it. The Markdown is
    compared, not hashed: most pages are unchanged, and comparing equal texts costs less."""
    _used.add(source)
    known = _lifted.get(source)
    if known is not None and known[0] == given:
        hits["lift"] += 1
        return known[1]
    lifted = lift()
    _lifted[source] = (given, lifted)
    return lifted


def _produce(output_path: str, what: object, put: Callable[[], None]) -> None:
    """Count `output_path` as produced by this build; put it there unless it already holds
    `what` (a digest of its bytes, or its source's stamp)."""
    _produced.add(output_path)
    if _outputs.get(output_path) == what and os.path.exists(output_path):
        return
    put()
    _outputs[output_path] = what


def written_if_changed(write: Callable[[bytes, str], None]) -> Callable[[bytes, str], None]:
    """MkDocs' `write_file` that leaves a file alone when it already holds these bytes: most of
    a rebuild's pages are unchanged, and creating folders and files is much of its cost."""

    def write_if_changed(content: bytes, output_path: str) -> None:
        what = hashlib.blake2b(content, digest_size=16).digest()
        _produce(output_path, what, lambda: write(content, output_path))

    write_if_changed.__wrapped__ = write  # type: ignore[attr-defined]
    return write_if_changed


def copied_if_changed(copy_file: Callable[..., None]) -> Callable[..., None]:
    """`File.copy_file` that leaves a copy alone when its source (or content) is unchanged."""

    def copy_if_changed(file: Any, dirty: bool = False) -> None:
        output_path = file.abs_dest_path
        content = getattr(file, "_content", None)
        if content is not None:
            data = content.encode("utf-8") if isinstance(content, str) else content
            what: object = hashlib.blake2b(data, digest_size=16).digest()
        else:
            try:
                source = os.stat(file.abs_src_path)
            except (OSError, TypeError):
                _produced.add(output_path)
                _outputs.pop(output_path, None)
                copy_file(file, dirty)
                return
            what = (file.abs_src_path, source.st_mtime_ns, source.st_size)
        _produce(output_path, what, lambda: copy_file(file, dirty))

    copy_if_changed.__wrapped__ = copy_file  # type: ignore[attr-defined]
    return copy_if_changed


def cleaned_once(clean: Callable[[str], None]) -> Callable[[str], None]:
    """MkDocs' `clean_directory`, for the first build only: later builds keep the files they
    would write again unchanged, and `remove_stale_outputs` takes away the rest."""

    def clean_first_time(directory: str) -> None:
        _produced.clear()
        if not _outputs:
            clean(directory)

    clean_first_time.__wrapped__ = clean  # type: ignore[attr-defined]
    return clean_first_time


def remove_stale_outputs(site_dir: str) -> None:
    """Delete what an earlier build wrote and this one did not (a deleted page, a renamed
    posting), and the folders left empty, so the site served is the site a clean build makes."""
    top = os.path.abspath(site_dir)
    for path in [p for p in _outputs if p not in _produced]:
        del _outputs[path]
        try:
            os.remove(path)
        except OSError:
            continue
        folder = os.path.dirname(os.path.abspath(path))
        while folder.startswith(top + os.sep):
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = os.path.dirname(folder)
    _produced.clear()


_theme_files: dict[tuple[Any, ...], list[tuple[str, str]]] = {}


def theme_files_once(
    add_files_from_theme: Callable[..., None], make_files: Callable[[list[Any]], Any], make_file: Callable[..., Any]
) -> Callable[..., None]:
    """`Files.add_files_from_theme` that looks through the theme's thousands of files once, and
    again only when the user's overrides or the theme settings change; a page of the docs
    folder still takes the place of a theme file of the same name on every build."""

    def add_or_reuse(files: Any, env: Any, config: Any) -> None:
        theme = config.theme
        key = (
            tuple(theme.dirs),
            tuple(sorted(theme.static_templates)),
            tuple(template_stamps(theme.custom_dir)),
            config.site_dir,
            config.use_directory_urls,
        )
        if key not in _theme_files:
            every = make_files([])
            add_files_from_theme(every, env, config)
            _theme_files.clear()
            _theme_files[key] = [(file.src_uri, file.src_dir) for file in every]
        for path, folder in _theme_files[key]:
            if files.get_file_from_path(path) is None:
                files.append(make_file(path, folder, config.site_dir, config.use_directory_urls))

    add_or_reuse.__wrapped__ = add_files_from_theme  # type: ignore[attr-defined]
    return add_or_reuse


_environments: dict[tuple[Any, ...], tuple[Any, dict[str, Any], dict[str, Any], list[Any]]] = {}
ENVIRONMENTS_KEPT = 4
"""A build asks for the theme's environment more than once, and not always with the same
template folders (a plugin may ask before roledex adds its own): keeping only the last one
would make each build compile every template again."""


def shared_environment(get_env: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`Theme.get_env` that hands every build the same Jinja environment, so the theme's
    templates are compiled once rather than on every save. Its filters and globals are put
    back as they were made (plugins wrap the `url` filter per build), and when a file of the
    user's theme overrides changed, every template is read again. Jinja is not asked to look
    at each template's time on disk each time a page includes it (`auto_reload`): at 1,000
    postings that was a seventh of a save's rebuild; the installed theme and roledex's own
    templates do not change while the server runs."""

    def get_or_reuse(theme: Any) -> Any:
        key = (tuple(theme.dirs), str(theme.locale))
        stamps = template_stamps(theme.custom_dir)
        if key not in _environments:
            env = get_env(theme)
            env.auto_reload = False
            while len(_environments) >= ENVIRONMENTS_KEPT:
                del _environments[next(iter(_environments))]
            _environments[key] = (env, dict(env.filters), dict(env.globals), stamps)
            return env
        env, filters, globals_, seen = _environments[key]
        if stamps != seen:
            if env.cache is not None:
                env.cache.clear()
            _environments[key] = (env, filters, globals_, stamps)
        env.filters.clear()
        env.filters.update(filters)
        env.globals.clear()
        env.globals.update(globals_)
        return env

    get_or_reuse.__wrapped__ = get_env  # type: ignore[attr-defined]
    return get_or_reuse
