"""Reading built HTML in tests: tables as rows of cell text, links, and a site crawl."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> list[list[list[str]]]:
    """Every table of the page as rows of cell texts (header row first)."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for key in ("href", "src"):
            if values.get(key):
                self.links.append((tag, values[key]))


def links(html: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(tag, address) of every href and src, and every id on the page."""
    parser = _Links()
    parser.feed(html)
    return parser.links, parser.ids


def broken_links(site: Path) -> list[str]:
    """Internal links and anchors in `site` that lead nowhere, as 'page -> address'."""
    pages = {p: links(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}
    broken = []
    for page, (found, _) in pages.items():
        for _, address in found:
            parts = urlsplit(address)
            if parts.scheme or address.startswith(("//", "mailto:", "data:")):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):
                target = Path(posixpath.normpath(site / unquote(parts.path).lstrip("/")))
            else:
                target = Path(posixpath.normpath(page.parent / unquote(parts.path)))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {address}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target][1] if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {address} (no such anchor)")
    return sorted(set(broken))


def external_resources(site: Path) -> list[str]:
    """Scripts, styles, fonts and images loaded from any host: none may be."""
    found = []
    for page in site.rglob("*.html"):
        for tag, address in links(page.read_text(encoding="utf-8"))[0]:
            if tag in ("script", "link", "img", "iframe", "source") and urlsplit(address).scheme in ("http", "https"):
                if tag == "link" and "canonical" in address:
                    continue
                found.append(f"{page.relative_to(site)}: <{tag}> {address}")
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        if "fonts.googleapis" in text or "@import url(http" in text:
            found.append(f"{sheet.relative_to(site)}: loads a remote style or font")
    return found
