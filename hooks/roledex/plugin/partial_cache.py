"""Material's partials that come out the same on many pages, rendered once a build.

Material renders every partial of its theme on every page. Some do not depend on the page at
all (the search box, the colour palette toggle), and the navigation sidebar of a page outside
the navigation (every company, posting and prep page) depends only on where the page sits: its
links are relative to the page's address, and none of its items is the page or holds it. At
1,000 postings these three were a quarter of the time spent in templates. Each is rendered the
first time and its HTML reused wherever the same key comes again, so a page is written exactly
as Material would write it; the key is made of everything the partial reads that can differ.

Only Material's own files and roledex's are cached: a partial the user overrides (the theme's `custom_dir`),
or one that includes a partial the user overrides, may show anything of the page, and is
rendered on every page as usual. (Icons, included by a name made on the page, are taken as
they are: an icon is a picture.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound, meta
from mkdocs.utils import get_theme_dir, normalize_url

Key = Callable[[Any], "tuple[str, ...] | None"]
"""What a partial's HTML depends on, read from the template context; None: render it afresh."""


def _same_everywhere(context: Any) -> tuple[str, ...]:
    return ()


def _navigation_links(context: Any) -> tuple[str, ...] | None:
    """Every address the sidebar shows, as written on this page; None for a page in the
    navigation (its item is marked active and shows the page's table of contents) or a page
    of the theme's own (404)."""
    page, nav, config = context.get("page"), context.get("nav"), context.get("config")
    if page is None or nav is None or config is None or page.parent is not None or page in nav.pages:
        return None
    addresses: list[str] = []
    items = list(nav.items)
    while items:
        item = items.pop()
        if getattr(item, "children", None):
            items.extend(item.children)
        url = getattr(item, "url", None)
        addresses.append(normalize_url(str(url), page=page) if url is not None else "")
    homepage = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else "")
    addresses.append(normalize_url(str(homepage), page=page))
    logo = config.theme.get("logo")
    addresses.append(normalize_url(str(logo), page=page) if logo else "")
    return tuple(addresses)


PARTIALS: dict[str, Key] = {
    "partials/search.html": _same_everywhere,
    "partials/palette.html": _same_everywhere,
    "partials/nav.html": _navigation_links,
}


def _materials_own(env: Environment, name: str, seen: set[str] | None = None) -> bool:
    """True when the template `name` and every template it names are Material's own files or
    roledex's (a user's override of a partial it includes, such as `nav-item.html`, may show
    the page)."""
    seen = set() if seen is None else seen
    seen.add(name)
    source, filename, _ = env.loader.get_source(env, name) if env.loader else ("", None, None)
    if filename is None or not any(Path(filename).resolve().is_relative_to(f) for f in _known_folders()):
        return False
    if filename not in _named_in:  # Material's files do not change while it runs
        _named_in[filename] = {found for found in meta.find_referenced_templates(env.parse(source)) if found}
    return all(_materials_own(env, found, seen) for found in _named_in[filename] - seen)


_named_in: dict[str, set[str]] = {}
"""The templates each of Material's files names, read once (under serve, not on every save)."""


@functools.cache
def _known_folders() -> tuple[Path, ...]:
    """Material's templates, and roledex's own (its search box for Pagefind, its banners)."""
    return Path(get_theme_dir("material")).resolve(), Path(__file__).parent.resolve()


def _cached(render: Callable[[Any], Iterator[str]], key_of: Key) -> Callable[[Any], Iterator[str]]:
    rendered: dict[tuple[str, ...], str] = {}

    def render_once(context: Any) -> Iterator[str]:
        key = key_of(context)
        if key is None:
            yield from render(context)
            return
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    render_once.__wrapped__ = render  # type: ignore[attr-defined]
    return render_once


def render_once_per_build(env: Environment) -> None:
    """Wrap each cacheable partial of `env` with an empty cache of its own (under serve the
    environment outlives a build, and what a partial showed may change with the settings)."""
    for name, key_of in PARTIALS.items():
        try:
            template = env.get_template(name)
            if not _materials_own(env, name):
                continue
        except TemplateNotFound:
            continue  # another theme, or a Material without this partial
        render = getattr(template.root_render_func, "__wrapped__", template.root_render_func)
        template.root_render_func = _cached(render, key_of)
