"""Links to files a published build leaves out, in every form they are written.

A link to a private page would dangle in the published site and tell a reader the page
exists; such a link keeps its words and loses its target. Links are judged twice, by one
rule each: by source path while the Markdown is a tree (inline and reference links, with
titles, queries and fragments, before MkDocs checks them), and by address in the finished
HTML (raw `<a>` anchors, absolute and directory links), so no way of writing one survives.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element


def _normal(path: str) -> str:
    """A path compared without case, '.', '..', a trailing slash or a closing 'index.html'."""
    path = posixpath.normpath("/" + path).lstrip("/").lower()
    for index in ("index.html", "index.htm"):
        if path == index or path.endswith("/" + index):
            path = path[: -len(index)]
    return path.rstrip("/")


def source_target(page_src: str, address: str) -> str | None:
    """The source path a relative link in a page's Markdown names, or None for other links."""
    parts = urlsplit(address.strip())
    if parts.scheme or parts.netloc or address.strip().startswith("/"):
        return None
    path = unquote(parts.path)
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))


class HiddenSources:
    """The source paths of left-out files, compared once normalised, and how to tell a link
    in a page's Markdown names one."""

    def __init__(self, sources: Iterable[str]) -> None:
        self._sources = {_normal(source) for source in sources}

    def __bool__(self) -> bool:
        return bool(self._sources)

    def named_by(self, page_src: str, address: str) -> bool:
        """True when a Markdown link names a left-out file (as `x.md`, `x`, `x/`, or `x/index.md`)."""
        # Python-Markdown keeps a title in parentheses as part of the address: 'x.md (title)'
        for written in {address, address.strip().split(" ", 1)[0]}:
            target = source_target(page_src, written)
            if target is not None and {_normal(target) + end for end in ("", ".md", "/index.md")} & self._sources:
                return True
        return False


def _append_text(parent: Element, index: int, text: str) -> None:
    """Add `text` where the child at `index` of `parent` stood (after its previous sibling)."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text


def _unwrap(parent: Element, index: int, element: Element) -> None:
    """Put `element`'s words and children in its place in `parent`, dropping the element."""
    parent.remove(element)
    children = list(element)
    _append_text(parent, index, element.text or "")
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    _append_text(parent, index + len(children), element.tail or "")


def unwrap_links(root: Element, hides: Callable[[str], bool]) -> None:
    """Turn every `<a>` whose href `hides` says is left out into its words, and every such
    `<img>` into its alt text, in a Markdown page's element tree."""
    for parent in reversed(list(root.iter())):  # children first, so nothing moved is missed
        for index in range(len(parent) - 1, -1, -1):
            element = parent[index]
            if element.tag == "a" and hides(element.get("href", "")):
                _unwrap(parent, index, element)
            elif element.tag == "img" and hides(element.get("src", "")):
                words = Element("span")
                words.text, words.tail = element.get("alt", ""), element.tail
                parent[index] = words
                _unwrap(parent, index, words)


class HiddenAddresses:
    """The site addresses of left-out files, and how to tell a link in a page points at one."""

    def __init__(self, addresses: Iterable[str], site_url: str | None = None) -> None:
        self._addresses = {_normal(address) for address in addresses}
        site = urlsplit(site_url or "")
        self._host = site.netloc.lower()
        self._base = _normal(site.path)

    def __bool__(self) -> bool:
        return bool(self._addresses)

    def _site_path(self, page_url: str, address: str) -> str | None:
        """The address a link leads to, as a path below the site's root, or None if elsewhere."""
        parts = urlsplit(address.strip())
        if parts.scheme and parts.scheme.lower() not in ("http", "https"):
            return None
        if parts.netloc and parts.netloc.lower() != self._host:
            return None
        path = unquote(parts.path)
        if parts.netloc or path.startswith("/"):
            path = _normal(path)
            if self._base and (path == self._base or path.startswith(self._base + "/")):
                path = path[len(self._base) :]
            return _normal(path)
        folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
        return _normal(posixpath.join(folder, path))

    def hides(self, page_urls: Iterable[str], address: str) -> bool:
        """True when `address`, written on a page, leads to a left-out file read from any of
        `page_urls` (the page's address, and its source path for links written as files)."""
        if not address.strip() or address.strip().startswith("#"):
            return False
        for page_url in page_urls:
            path = self._site_path(page_url, html.unescape(address))
            if path is not None and (path in self._addresses or _normal(path + ".md") in self._addresses):
                return True
        return False


_TAG_BODY = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_ANCHOR = re.compile(rf"<a\b({_TAG_BODY})>(.*?)</a\s*>", re.I | re.S)
_IMAGE = re.compile(rf"<img\b({_TAG_BODY})/?>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def _attribute(attributes: str, name: str) -> str | None:
    for match in _ATTRIBUTE.finditer(attributes):
        if match.group(1).lower() == name:
            value = match.group(2) or ""
            return value[1:-1] if value[:1] in "\"'" and len(value) >= 2 else value
    return None


def unlink_hidden_html(page_html: str, page_urls: tuple[str, ...], hidden: HiddenAddresses) -> str:
    """`page_html` with every anchor to a left-out file turned into its words, and every image
    of one into its alt text. Code needs no care: there a '<' is already '&lt;'."""
    if not hidden:
        return page_html

    def anchor(match: re.Match[str]) -> str:
        href = _attribute(match.group(1), "href")
        return match.group(2) if href is not None and hidden.hides(page_urls, href) else match.group(0)

    def image(match: re.Match[str]) -> str:
        src = _attribute(match.group(1), "src")
        if src is None or not hidden.hides(page_urls, src):
            return match.group(0)
        return html.escape(html.unescape(_attribute(match.group(1), "alt") or ""), quote=False)

    return _IMAGE.sub(image, _ANCHOR.sub(anchor, page_html))
