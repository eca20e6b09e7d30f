"""What in HTML can run script: event-handler attributes and addresses that run what they name.

One rule for the three places that need it: the importer, which keeps only addresses a posting
may link to; the build, which never emits a running address or an event handler from content,
whatever a file says; and `publish-check`, which fails a site that holds one. Addresses are read
as a browser reads them: entities decoded, tabs and line breaks inside dropped, leading controls
and spaces ignored, the scheme in any case.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

LINKABLE_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes an imported posting may link to; an address without a scheme (relative) is kept too."""

RUNNING_SCHEMES = frozenset({"javascript", "vbscript", "data", "livescript"})
"""Schemes whose address runs or embeds what it names: never emitted from content."""

URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "background",
        "cite",
        "data",
        "codebase",
        "dynsrc",
        "lowsrc",
        "longdesc",
        "ping",
        "manifest",
        "icon",
        "srcset",
        "imagesrcset",
        "to",
        "from",
        "values",
        "by",
    }
)
"""Attributes whose value a browser may follow or load (`to`, `from`, `values` and `by` for SVG
animation, which can set an `href`). A meta refresh is a running element of its own."""

ALWAYS_RUNNING_ATTRIBUTES = frozenset({"srcdoc"})
"""Attributes whose value is a document of its own, script included."""

RUNNING_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "portal"}
)
"""Elements that run, embed or redirect by themselves: shown as text when content holds them."""

_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in `value`, lowercased; None for a relative address."""
    seen = _LEADING.sub("", _IGNORED_IN_URL.sub("", html.unescape(value)))
    match = _SCHEME.match(seen)
    return match.group(1).lower() if match else None


_LISTS = {"srcset": ",", "imagesrcset": ",", "values": ";"}
"""Attributes whose value is a list of addresses, and what separates them."""


def runs(value: str, attribute: str) -> bool:
    """Whether an address (for a list such as `srcset`, any address in it) runs what it names."""
    decoded = html.unescape(value)
    separator = _LISTS.get(attribute.lower())
    parts = [(part.split() or [""])[0] for part in decoded.split(separator)] if separator else [decoded]
    return any(url_scheme(part) in RUNNING_SCHEMES for part in parts)


def linkable(value: str) -> bool:
    """Whether an imported posting may keep a link to `value`: relative, or a linkable scheme."""
    scheme = url_scheme(value)
    return scheme is None or scheme in LINKABLE_SCHEMES


def running_attribute(name: str, value: str | None) -> bool:
    """Whether the attribute `name="value"` can run script: an event handler (`on...`), a
    document of its own, or an address that runs."""
    name = name.lower()
    if name.startswith("on") or name in ALWAYS_RUNNING_ATTRIBUTES:
        return True
    return name in URL_ATTRIBUTES and value is not None and runs(value, name)


@dataclass(frozen=True)
class Finding:
    """One thing in HTML that can run: where it is and what it is, quoted."""

    line: int
    what: str


_UNFINISHED_TAG = re.compile(r"<(?=[A-Za-z/!?])")


class _Rewriter(HTMLParser):
    """HTML passed through as written, except start tags that can run: those lose the
    attributes that run, and a running element is written as text."""

    def __init__(self, source: str, elements: bool = True) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.elements = elements
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.edits: list[tuple[int, int, str]] = []
        self.findings: list[Finding] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        raw = self.get_starttag_text() or ""
        start = self._offset()
        line = self.getpos()[0]
        if self.elements and tag.lower() in RUNNING_ELEMENTS:
            self.findings.append(Finding(line, f"a <{tag}> element"))
            self.edits.append((start, start + len(raw), html.escape(raw, quote=False)))
            return
        bad = [(name, value) for name, value in attrs if running_attribute(name, value)]
        if not bad:
            return
        for name, value in bad:
            self.findings.append(Finding(line, f"{name}={(value or '')[:60]!r} on <{tag}>"))
        kept = "".join(
            f' {name}="{html.escape(value or "")}"' if value is not None else f" {name}"
            for name, value in attrs
            if (name, value) not in bad
        )
        self.edits.append((start, start + len(raw), f"<{tag}{kept}{' /' if closed else ''}>"))

    def set_cdata_mode(self, elem: str, **options: Any) -> None:
        """A running element written as text does not hide what follows it: its content is read
        as HTML (`<script><script>alert(1)` must lose both start tags)."""
        if not (self.elements and elem.lower() in RUNNING_ELEMENTS):
            super().set_cdata_mode(elem, **options)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def handle_data(self, data: str) -> None:
        """Text that opens a tag the parser could not finish (`<img src=x onerror=` at the end of
        a block) would be finished by whatever markup follows it on the page: its `<` is
        written as text."""
        if not self.elements or self.cdata_elem is not None or "<" not in data:
            return
        start = self._offset()
        for match in _UNFINISHED_TAG.finditer(self.source, start, start + len(data) + 1):
            self.edits.append((match.start(), match.start() + 1, "&lt;"))

    def handle_endtag(self, tag: str) -> None:
        if self.elements and tag.lower() in RUNNING_ELEMENTS:
            start = self._offset()
            end = self.source.find(">", start) + 1 or len(self.source)
            self.edits.append((start, end, html.escape(self.source[start:end], quote=False)))


def _rewritten(source: str, elements: bool = True) -> _Rewriter:
    rewriter = _Rewriter(source, elements)
    rewriter.feed(source)
    rewriter.close()
    return rewriter


def inert_html(source: str, elements: bool = True) -> str:
    """`source` with every running element written as text (unless `elements` is False: a
    whole page has the theme's own scripts) and every running attribute removed; the rest byte
    for byte as it was."""
    if "<" not in source:
        return source
    edits = _rewritten(source, elements).edits
    for start, end, replacement in sorted(edits, reverse=True):
        source = source[:start] + replacement + source[end:]
    return source


def running_parts(source: str, elements: bool = True) -> Iterator[Finding]:
    """Every running element (unless `elements` is False: a whole page has the theme's own
    scripts) and every running attribute in `source`, in order."""
    if "<" in source:
        yield from _rewritten(source, elements).findings
