"""The build's wall against script in content: whatever a file says (a hand-written posting is
content too), a page never carries an event handler, a running address or a running element
from it. The importer makes what it writes inert already; this holds for every file.

It works on Python-Markdown's own structures, so a page without any pays next to nothing:
the element tree once the inline patterns and `attr_list` have set attributes, and the raw
HTML a page holds, which Python-Markdown keeps aside until it writes the page.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from roledex.kb.inert import RUNNING_ELEMENTS, inert_html, running_attribute


def inert_element(element: Element) -> None:
    """Remove running attributes from `element` and all below it; a running element becomes a
    plain `span` whose words are shown."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag.lower() in RUNNING_ELEMENTS:
            node.tag = "span"
            node.attrib.clear()
            continue
        for name in [name for name, value in node.attrib.items() if running_attribute(name, value)]:
            del node.attrib[name]


def inert_raw_html(blocks: list[Any]) -> None:
    """Make each piece of raw HTML a page holds inert, in place (strings and parsed elements)."""
    for number, block in enumerate(blocks):
        if isinstance(block, str):
            blocks[number] = inert_html(block)
        elif isinstance(block, Element):
            inert_element(block)


_ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.S)


def inert_page(page: str) -> str:
    """A whole page written by an engine that runs no roledex plugin (Zensical builds the Markdown
    roledex wrote for it): its article made inert as content is, and no running attribute
    anywhere else; the theme's own scripts stay."""
    page = _ARTICLE.sub(lambda m: m.group(1) + inert_html(m.group(2)) + m.group(3), page)
    return inert_html(page, elements=False)
