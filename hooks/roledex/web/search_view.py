"""What Material's search reads of a page: the page's HTML less the sections it leaves out.

Material's search parses every page's whole HTML in Python and then drops each section whose
heading says `data-search-exclude`. On a prep page those sections (the company brief, the
requirements, the related postings) are most of the page, so parsing them costs much of the
build for nothing. Cutting them out first gives the same search entries for less: a section
runs from its heading to the next heading, and it is cut only when its HTML is whole (every
element it opens, it closes), so the sections around it are read exactly as before.
"""

from __future__ import annotations

import re
from typing import Any

_HEADING = re.compile(r"<h[1-6][\s>]")
_LEFT_OUT_HEADING = re.compile(r"<h[1-6]\b[^>]*\sdata-search-exclude\b")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
    + ["circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "stop", "use"]  # SVG, usually self-closed
)


def _whole(fragment: str) -> bool:
    """True when `fragment` closes every element it opens and nothing it did not open."""
    if "<script" in fragment or "<!--" in fragment or "<![CDATA[" in fragment:
        return False  # their text may hold what looks like tags: leave such a section alone
    open_tags: list[str] = []
    for closing, name, self_closing in _TAG.findall(fragment):
        name = name.lower()
        if self_closing or (name in _VOID and not closing):
            continue
        if not closing:
            open_tags.append(name)
        elif name in _VOID:
            continue
        elif not open_tags or open_tags.pop() != name:
            return False
    return not open_tags


def searchable_html(html: str) -> str:
    """`html` without the sections Material's search would leave out, where they are whole."""
    if "data-search-exclude" not in html:
        return html
    kept: list[str] = []
    position = 0
    for match in _LEFT_OUT_HEADING.finditer(html):
        start = match.start()
        if start < position:
            continue
        following = _HEADING.search(html, match.end())
        end = following.start() if following else len(html)
        if _whole(html[start:end]):
            kept.append(html[position:start])
            position = end
    kept.append(html[position:])
    return "".join(kept)


def read_searchable(index: Any) -> None:
    """Make Material's search index parse each page's searchable HTML only; the page itself
    keeps its whole HTML."""
    add = index.add_entry_from_context

    def add_searchable(page: Any) -> None:
        whole = page.content
        page.content = searchable_html(whole)
        try:
            add(page)
        finally:
            page.content = whole

    index.add_entry_from_context = add_searchable
