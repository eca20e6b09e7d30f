"""The build's wall against script in content: whatever a file says (a hand-written posting is
content too), a page never carries an event handler, a running address or a running element
from it. The importer makes what it writes inert already; this holds for every file.

It works on Python-Markdown's own structures, so a page without any pays next to nothing:
the element tree once the inline patterns and `attr_list` have set attributes, and the raw
HTML a page holds, which Python-Markdown keeps aside until it writes the page.
"""

from __future__ import annotations

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
