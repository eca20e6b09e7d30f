"""How much work a posting may ask for: hostile or broken input is refused with one line that
names the limit, never left to run for minutes or to end in a traceback.

A posting is a few kilobytes of words in a page a few levels deep; every limit here is many
times what a real careers page needs.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from roledex.kb.markdown_limits import MAX_BRACKET_REACH, TOO_DEEP, first_line_too_deep, reach_past_limit

MAX_BYTES = 2 * 1024 * 1024
"""The most a file, a paste or a download may hold."""

DOWNLOAD_SECONDS = 30.0
"""The most a whole download may take, however slowly the server sends."""

MAX_HTML_DEPTH = 200
"""How deep HTML (or XML) may nest its elements; real pages stay under 60."""

MAX_JSON_DEPTH = 100
"""How deep JSON may nest its arrays and objects; a posting's data stays under 15."""

MAX_STRUCTURED_BLOCKS = 50
"""How many JSON-LD blocks a page may hold; a careers page has a handful."""


class TooMuch(ValueError):
    """Input that asks for more work than a posting can need: the limit, in words."""


def read_limited(stream: BinaryIO) -> bytes:
    """At most MAX_BYTES + 1 bytes of `stream`: enough to tell a too-large input from one that fits."""
    return stream.read(MAX_BYTES + 1)


def read_regular_file(path: Path) -> bytes:
    """A regular file's bytes, at most the limit; TooMuch for a device, pipe, socket or folder
    (reading /dev/zero or a FIFO would never end)."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode) else "a device or socket"
        raise TooMuch(f"is {kind}, not a file; save the posting as a file and import that")
    with open(path, "rb") as stream:
        return read_limited(stream)


_IGNORED = re.compile(r"<(script|style|textarea)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.I | re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:._-]*)\b[^>]*?(/?)>")
_NOT_NESTING = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"),
        *("param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option"),
        *("optgroup", "rb", "rt", "rtc", "rp", "colgroup", "caption"),
    }
)
"""Void elements, and elements whose end HTML lets a page leave out: they do not deepen a page."""


def html_depth(text: str) -> int:
    """How deep `text`'s elements nest, as far as its start and end tags tell."""
    depth = deepest = 0
    for match in _TAG.finditer(_IGNORED.sub("", text)):
        if match.group(2).lower() in _NOT_NESTING or match.group(3):
            continue
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def json_depth(text: str) -> int:
    """How deep `text`'s JSON arrays and objects nest (strings skipped)."""
    depth = deepest = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group(0)
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth = max(0, depth - 1)
    return deepest


def check_json(text: str) -> None:
    """TooMuch when JSON nests deeper than the limit."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise TooMuch(f"nests its JSON more than {MAX_JSON_DEPTH} levels deep, more than any posting needs")


_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)


def check_page(text: str) -> None:
    """TooMuch when a page (or a paste) nests deeper, or holds more structured data, than the limits."""
    if text.count("<") > 1 and html_depth(text) > MAX_HTML_DEPTH:
        raise TooMuch(f"nests its HTML more than {MAX_HTML_DEPTH} elements deep, more than any page needs")
    blocks = _JSON_LD.findall(text) if "ld+json" in text.lower() else []
    if len(blocks) > MAX_STRUCTURED_BLOCKS:
        raise TooMuch(f"holds {len(blocks)} JSON-LD blocks, more than the {MAX_STRUCTURED_BLOCKS} a page may hold")
    for block in blocks:
        check_json(block)
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        check_json(stripped)


def check_markdown(markdown_text: str) -> None:
    """TooMuch when Markdown would nest the text deeper, or read further to close its brackets,
    than the limits."""
    if first_line_too_deep(markdown_text) is not None:
        raise TooMuch(f"{TOO_DEEP}, more than any posting needs")
    reach = reach_past_limit(markdown_text)
    if reach is not None:
        raise TooMuch(
            f"leaves brackets open across so much text that Markdown would read {reach:,} characters "
            f"to close them, more than the {MAX_BRACKET_REACH:,} any posting needs; "
            "its page would take minutes to build"
        )
