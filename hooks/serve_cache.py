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
from collections.abc import Callable, Iterable
from typing import Any

_rendered: dict[str, tuple[Any, ...]] = {}
_searched: dict[str, list[dict[str, Any]]] = {}
_pages: dict[str, bytes] = {}
_used: set[str] = set()
hits: dict[str, int] = {"render": 0, "search": 0, "page": 0}
"""How many conversions and indexings this build reused (for the log and the benchmark)."""
context: dict[str, str] = {"signature": "", "site": "", "banner": ""}
"""What every page of this build shares, hashed: files, Markdown settings and pages left out
(`signature`); the navigation and mkdocs.yml (`site`); the banners every page carries."""


def _digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(str(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def _named(extension: object) -> str:
    """An extension by name: an instance's address changes with every rebuild, its class not."""
    return extension if isinstance(extension, str) else f"{type(extension).__module__}.{type(extension).__qualname__}"


def set_build_signature(files: Iterable[tuple[str, str]], config: dict[str, Any], hidden: Iterable[str]) -> None:
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
            page.content, page.toc = content, copy.deepcopy(toc)  # the tags plugin adds to a toc
            page._title_from_render, page.present_anchor_ids = title, set(anchors or ())
            page.links_to_anchors = copy.deepcopy(links)
            return
        render(page, config, files)
        _rendered[key] = (
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            set(page.present_anchor_ids or ()),
            copy.deepcopy(page.links_to_anchors),
        )

    render_or_reuse.__wrapped__ = render  # type: ignore[attr-defined]
    return render_or_reuse


def _toc_outline(toc: Iterable[Any]) -> list[Any]:
    return [(item.title, item.id, item.level, _toc_outline(item.children)) for item in toc]


def cached_search(index: Any) -> None:
    """Make a search index reuse the entries of a page it has indexed before, unchanged."""
    add = index.add_entry_from_context

    def add_or_reuse(page: Any) -> None:
        meta = {key: page.meta.get(key) for key in ("search", "tags", "title")}
        key = _digest("search", page.url, page.title, meta, _toc_outline(page.toc), page.content)
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


def set_site_signature(nav_items: Iterable[Any], config_text: str, banner: str) -> None:
    """Hash what every page's template shows besides the page: the navigation, the settings."""
    context["site"] = _digest(_outline(nav_items), config_text)
    context["banner"] = _digest(banner)


def _neighbours(page: Any) -> list[Any]:
    parents, item = [], page.parent
    while item is not None:
        parents.append(str(item.title))
        item = item.parent
    links = [(str(p.title), p.url) if p is not None else None for p in (page.previous_page, page.next_page)]
    return [parents, links, page.is_homepage, page.canonical_url, page.edit_url]


def cached_build_page(
    build_page: Callable[..., None], get_context: Callable[..., Any], write: Callable[..., None]
) -> Callable[..., None]:
    """MkDocs' `_build_page` that reuses a page's written output when nothing its template
    reads has changed; the page still goes through `on_page_context` (the search index)."""

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
            page.content,
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
        config._current_page, page.active = page, True
        try:
            page_context = get_context(nav, doc_files, config, page)
            config.plugins.on_page_context(page_context, page=page, config=config, nav=nav)
            write(_pages[key], page.file.abs_dest_path)
        finally:
            config._current_page, page.active = None, False

    build_or_reuse.__wrapped__ = build_page  # type: ignore[attr-defined]
    return build_or_reuse


def forget_unused() -> None:
    """Drop what this build did not ask for, so memory follows the site's size."""
    for store in (_rendered, _searched, _pages):
        for key in [k for k in store if k not in _used]:
            del store[key]
    _used.clear()
    hits.update(render=0, search=0, page=0)
