"""The published site's search by Pagefind: an index cut into pieces, of which a query fetches
only the few it needs, in Material's search box.

Material's search fetches its whole index before the first result (about 2 KB a page, 3 MB
gzipped at 5,000 postings). Pagefind indexes the built pages and writes `pagefind/`: a small
entry file, the word index cut into pieces by word, and one fragment per page; a query fetches the
index pieces of its words and the fragments of the results it shows. The private view (under
`serve`, rebuilt on every save, or built with ROLEDEX_PRIVATE=include) keeps Material's search:
indexing every save would slow the editing loop, and a local site fetches nothing over a network.

Material's search plugin still draws the search box (its header shows one only while that
plugin is on); roledex gives it a form of its own, which Material's search code neither mounts
nor fetches its index for, and `pagefind-search.js` answers it with Pagefind's results in
Material's markup. Material's plugin is left nothing to index, and its empty index is not
published. Pages go to Pagefind as they are written (`pagefind_stream`), so indexing runs
beside the build.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from roledex.plugin.pagefind_pieces import recut
from roledex.plugin.pagefind_stream import PagefindStream, StreamFailed
from roledex.web.search_view import mark_left_out_elements, mark_left_out_sections

log = logging.getLogger("mkdocs.plugins.roledex")
INSTEAD = "roledex: Pagefind indexes the written site instead (%s)"

ENGINE = "pagefind"
TEMPLATES = Path(__file__).parent / "templates_pagefind"
"""`partials/search.html`: Material's search box, answered by Pagefind."""
SCRIPT = Path(__file__).parent / "assets" / "pagefind-search.js"
SCRIPT_URI = "assets/roledex/pagefind-search.js"
"""Where the search box's script is published."""
BUNDLE = "pagefind"
"""The folder of the site Pagefind writes its index and its search code to."""
CONTENT = "article.md-content__inner"
"""What Pagefind reads of a page: Material's article (its title and text), not the header,
navigation or footer that every page repeats."""
IGNORE = "data-pagefind-ignore"
"""Pagefind's mark: it leaves the element and all it holds out of the index."""
LEFT_OUT = ".headerlink"
"""The '¶' of each heading's permalink, which every heading's text would end with."""


def mark_left_out(html: str) -> str:
    """A page's HTML with Pagefind's mark beside each of Material's: what roledex leaves out of
    search (lists of postings, charts, sections indexed on their own pages, such as a company's
    brief on each prep page) stays out of Pagefind's index too. Material's search plugin
    removes its own mark from every page as it renders it, so Pagefind, which reads the written
    pages, needs one of its own; and where Material leaves out a marked heading's whole
    section, Pagefind leaves out marked elements only, so each element of the section is marked."""
    if "data-search-exclude" not in html:
        return html
    return mark_left_out_sections(mark_left_out_elements(html, IGNORE), IGNORE)


MATERIAL_INDEX = "search/search_index.json"


class IndexingFailed(RuntimeError):
    """Pagefind did not index the site: its own words, for the build's error."""


def wanted(engine: str, command: str | None, include_private: bool, plugins: Any) -> bool:
    """True when Pagefind serves this build's search: the settings ask for it, the site is one
    to publish (not `serve`, not a build of the private view) and Material's search plugin
    draws a search box."""
    return engine == ENGINE and command != "serve" and not include_private and "material/search" in plugins


def leave_material_nothing_to_index(search_plugin: Any) -> None:
    """Material's search plugin adds each page to its index as it is rendered; with Pagefind
    answering, that work is for nothing. Its index object is made afresh in its on_config."""
    index = getattr(search_plugin, "search_index", None)
    if index is not None and hasattr(index, "add_entry_from_context"):
        index.add_entry_from_context = lambda page: None


_LANGUAGE = re.compile(r'<html\b[^>]*?\slang="([^"]*)"')
_ARTICLE_START = '<article class="md-content__inner'


def what_pagefind_reads(html: str) -> str:
    """The part of a written page Pagefind reads (its language and Material's article), as a
    page of its own: a fifth of the page to hand over. The whole page when it has no such
    article (another theme's), for Pagefind to look for its content as usual."""
    start = html.find(_ARTICLE_START)
    end = html.rfind("</article>")
    language = _LANGUAGE.search(html, 0, 4096)
    if start < 0 or end < 0 or language is None or html.find(_ARTICLE_START, start + 1) != -1:
        return html
    return f'<html lang="{language.group(1)}"><body>{html[start : end + len("</article>")]}</body></html>'


def _remove_material_index(site: Path) -> None:
    """Material's empty index, and the folder it was in when nothing else is there: the site
    holds one search index, Pagefind's."""
    material = site / MATERIAL_INDEX
    material.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        material.parent.rmdir()


def open_stream() -> PagefindStream | None:
    """Pagefind's indexer, ready to take pages as they are written; None when it cannot start
    (the written site is then indexed at the end)."""
    try:
        return PagefindStream({"root_selector": CONTENT, "exclude_selectors": [LEFT_OUT]})
    except (OSError, StreamFailed) as error:
        log.debug(INSTEAD, error)
        return None


def hand_over(stream: PagefindStream, page_url: str, html: str) -> PagefindStream | None:
    """Hand one written page to the stream: the stream, or None once it failed (it is then
    closed, and the written site is indexed at the end)."""
    try:
        stream.add("/" + page_url, what_pagefind_reads(html))
    except StreamFailed as failed:
        log.debug(INSTEAD, failed)
        stream.close()
        return None
    return stream


def publish_index(site_dir: str | Path, stream: PagefindStream | None, directory_urls: bool = True) -> None:
    """Pagefind's index in the built site: the streamed pages' when the stream held, else the
    written site indexed now, its words cut into pieces by `pagefind_pieces`; IndexingFailed
    with Pagefind's words if neither works."""
    site = Path(site_dir)
    _remove_material_index(site)
    streamed = False
    if stream is not None:
        try:
            stream.finish(site / BUNDLE)
            streamed = True
        except (OSError, StreamFailed) as error:
            log.debug(INSTEAD, error)
            shutil.rmtree(site / BUNDLE, ignore_errors=True)
    if not streamed:
        index_site(site, directory_urls)
    recut(site / BUNDLE)


def index_site(site_dir: str | Path, directory_urls: bool = True) -> None:
    """Index the built site's pages with Pagefind's command line, or raise IndexingFailed with
    Pagefind's words.

    With directory addresses (MkDocs' default) a page is a folder's `index.html`, so the theme's
    `404.html` and any HTML file copied from the docs folder as it is are not taken for pages."""
    site = Path(site_dir)
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--glob",
        "**/index.html" if directory_urls else "**/*.html",
        "--root-selector",
        CONTENT,
        "--exclude-selectors",
        LEFT_OUT,
        "--quiet",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise IndexingFailed(f"Pagefind could not be run ({error})") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise IndexingFailed(said[-1] if said else f"Pagefind stopped with status {done.returncode}")
