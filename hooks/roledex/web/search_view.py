"""What Material's search reads of a page: the page's HTML less the sections it leaves out.

Material's search parses every page's whole HTML in Python and then drops each section whose
heading says `data-search-exclude`, and the text of each element that says so. On a prep page
those sections (the company brief, the requirements, the related postings) are most of the
page, and on the indexes the tables of postings are, so parsing them costs much of the build
for nothing. Cutting them out first gives the same search entries for less: a section runs
from its heading to the next heading, an element to its end tag, and either is cut only when
its HTML is whole (every element it opens, it closes), so what is around it reads as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_HEADING = re.compile(r"<h[1-6][\s>]")
_MARK_WORDS = "data-search-exclude"
_WORD_GOES_ON = re.compile(r"\w")
"""After the mark, a character that makes it part of a longer word ('data-search-excluded')."""
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b")
_HEADING_NAME = re.compile(r"h[1-6]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>")
"""A tag: '/' if it closes, its name, and the rest (which ends in '/' when it closes itself)."""
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
    + ["circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "stop", "use"]  # SVG, usually self-closed
)


@dataclass(frozen=True)
class _Marked:
    """An opening tag that carries the mark: where it starts, its name, where the mark ends."""

    start: int
    name: str
    end: int


def _marked_openings(html: str) -> Iterator[_Marked]:
    """Each opening tag marked for search to leave out, found from the marks themselves (a page
    holds a few; scanning every tag of a page of thousands of rows for one costs more)."""
    found = html.find(_MARK_WORDS)
    while found != -1:
        end = found + len(_MARK_WORDS)
        if html[found - 1 : found].isspace() and not _WORD_GOES_ON.match(html, end):
            start = html.rfind("<", 0, found)
            if start >= 0 and html.rfind(">", start, found) == -1:  # in a tag, not in text
                tag = _TAG_NAME.match(html, start)
                if tag is not None:
                    yield _Marked(start, tag.group(1), end)
        found = html.find(_MARK_WORDS, end)


def _whole(fragment: str) -> bool:
    """True when `fragment` closes every element it opens and nothing it did not open."""
    if "<!--" in fragment or "<![CDATA[" in fragment:
        return False  # their text may hold what looks like a heading: leave such a section alone
    open_tags: list[str] = []
    for closing, name, rest in _TAG.findall(fragment):
        name = name.lower()
        if rest.endswith("/") or (name in _VOID and not closing):
            continue
        if not closing:
            open_tags.append(name)
        elif name in _VOID:
            continue
        elif not open_tags or open_tags.pop() != name:
            return False
    return not open_tags


@functools.lru_cache(maxsize=64)
def _tags_named(name: str) -> re.Pattern[str]:
    """The tags of one element name (its own pattern: a table of a thousand rows holds tens
    of thousands of other tags, which a search for the end of the table can skip)."""
    return re.compile(r"<(/?)" + re.escape(name) + r"\b([^>]*)>", re.IGNORECASE)


def _element_end(html: str, name: str, start: int) -> int | None:
    """Where the element opened at `start` closes (after its end tag), or None if it does not."""
    depth = 0
    for match in _tags_named(name).finditer(html, start):
        tag = _TAG.match(html, match.start())  # the tag as a whole, read as everywhere else
        if tag is None or tag.group(2).lower() != name or tag.group(3).endswith("/"):
            continue  # another element whose name goes on ('table-x'), or one that closes itself
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def _cut(html: str, headings: bool) -> str:
    """One pass: cut either marked heading sections (to the next heading) or other marked
    elements (to their end tag), each only where its HTML is whole."""
    kept: list[str] = []
    position = 0
    for match in _marked_openings(html):
        start = match.start
        if start < position:
            continue
        name = match.name.lower()
        if bool(_HEADING_NAME.fullmatch(name)) is not headings:
            continue
        if headings:
            following = _HEADING.search(html, match.end)
            end: int | None = following.start() if following else len(html)
        else:
            end = _element_end(html, name, start)
        if end is None:
            continue
        fragment = html[start:end]
        if not _whole(fragment) or (not headings and _unmarked_heading(fragment)):
            continue
        kept.append(html[position:start])
        position = end
    kept.append(html[position:])
    return "".join(kept)


def _unmarked_heading(fragment: str) -> bool:
    """True when a heading in `fragment` is not marked: it would start a section search keeps."""
    return any("data-search-exclude" not in tag for tag in re.findall(r"<h[1-6]\b[^>]*>", fragment))


def searchable_html(html: str) -> str:
    """`html` without what Material's search would leave out, where it is whole: first any
    marked element other than a heading (a table, a chart, a section of marked headings), then
    each section whose heading is marked, to the next heading left."""
    if "data-search-exclude" not in html:
        return html
    return _cut(_cut(html, headings=False), headings=True)


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


def _marked_at_top(fragment: str, attribute: str) -> str:
    """`fragment` with `attribute` on each element at its top level that closes within it (an
    element left open runs past the section, and a stray end tag leaves the element the
    section is in: nothing from there on is the section's). Each element is passed over to its
    end tag in one search, not tag by tag: a section may hold a table of a thousand rows."""
    parts: list[str] = []
    position = at = 0
    while (tag := _TAG.search(fragment, at)) is not None:
        closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing and name in _VOID:
            at = tag.end()
            continue
        if closing:
            break  # an end tag of what the section is in
        alone = rest.endswith("/") or name in _VOID
        end = tag.end() if alone else _element_end(fragment, name, tag.start())
        if end is None:
            break  # left open: it runs past the section
        if attribute not in rest:
            where = tag.end() - (2 if rest.endswith("/") else 1)
            parts.append(fragment[position:where] + f" {attribute}")
            position = where
        at = end
    parts.append(fragment[position:])
    return "".join(parts)


def mark_left_out_elements(html: str, attribute: str) -> str:
    """`html` with `attribute` at the end of each opening tag marked for search to leave out
    (after Material's mark, so the tag reads as before once Material has taken its mark out)."""
    parts: list[str] = []
    position = 0
    for match in _marked_openings(html):
        end = html.find(">", match.end)
        if end < 0 or end < position:
            continue
        end -= html[end - 1] == "/"
        parts.append(html[position:end] + f" {attribute}")
        position = end
    parts.append(html[position:])
    return "".join(parts)


def mark_left_out_sections(html: str, attribute: str) -> str:
    """`html` with `attribute` on every element of each section Material's search leaves out
    (a marked heading to the next heading): for a search engine that leaves out marked
    elements only, such as Pagefind."""
    if "data-search-exclude" not in html:
        return html
    kept: list[str] = []
    position = 0
    for match in _marked_openings(html):
        start = match.start
        if start < position or not _HEADING_NAME.fullmatch(match.name.lower()):
            continue
        following = _HEADING.search(html, match.end)
        end = following.start() if following else len(html)
        if "<!--" in html[start:end] or "<![CDATA[" in html[start:end]:
            continue  # their text may hold what looks like a tag: leave such a section alone
        kept.append(html[position:start] + _marked_at_top(html[start:end], attribute))
        position = end
    kept.append(html[position:])
    return "".join(kept)
