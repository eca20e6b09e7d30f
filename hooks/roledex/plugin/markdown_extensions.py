"""The two Python-Markdown extensions the plugin adds to every page's conversion."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from roledex.web.inert_content import inert_element, inert_raw_html
from roledex.web.links import HiddenSources, unwrap_links

CurrentPage = Callable[[], "tuple[str | None, HiddenSources]"]
"""The source path of the page being converted and the files this build leaves out."""


class _HiddenLinkTreeprocessor(Treeprocessor):
    """Unlink Markdown links to left-out files before MkDocs checks them (it would warn)."""

    def __init__(self, md: Markdown, current: CurrentPage) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: Any) -> None:
        page_src, hidden = self.current()
        if hidden and page_src is not None:
            unwrap_links(root, lambda address: hidden.named_by(page_src, address))


class HiddenLinks(Extension):
    def __init__(self, current: CurrentPage) -> None:
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # after the inline patterns have made the links (20), before MkDocs' own link check (0)
        md.treeprocessors.register(_HiddenLinkTreeprocessor(md, self.current), "roledex-hidden-links", 1)


class _InertContentTreeprocessor(Treeprocessor):
    """No event handler, running address or running element from a file reaches a page."""

    def run(self, root: Any) -> None:
        inert_element(root)
        inert_raw_html(self.md.htmlStash.rawHtmlBlocks)


class InertContent(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # last: after the inline patterns (20) and attr_list (8) have set every attribute and
        # MkDocs has resolved addresses (0, which expects every link to keep its href), before
        # the raw HTML is put back into the page (a postprocessor)
        md.treeprocessors.register(_InertContentTreeprocessor(md), "roledex-inert-content", -10)
