"""Links in hand-written pages to pages a published build leaves out.

A link to a private page would dangle in the published site and tell a reader the page
exists; such a link keeps its words and loses its target.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)


def _target(page_uri: str, address: str) -> str | None:
    """The source path a relative Markdown link points at, or None for other links."""
    path = unquote(address.split("#", 1)[0])
    if not path or "://" in path or path.startswith(("/", "mailto:", "data:")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))


def _unlink(text: str, page_uri: str, hidden: set[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        target = _target(page_uri, match.group(2))
        if target is None:
            return match.group(0)
        candidates = {target, target.rstrip("/") + ".md", target.rstrip("/") + "/index.md"}
        return match.group(1) if candidates & hidden else match.group(0)

    return _LINK.sub(replace, text)


def unlink_hidden(markdown: str, page_uri: str, hidden: set[str]) -> str:
    """`markdown` with links to `hidden` pages turned into their plain words (code left alone)."""
    if not hidden:
        return markdown
    parts, last = [], 0
    for fence in _FENCE.finditer(markdown):
        parts.append(_unlink(markdown[last : fence.start()], page_uri, hidden))
        parts.append(fence.group(0))
        last = fence.end()
    parts.append(_unlink(markdown[last:], page_uri, hidden))
    return "".join(parts)
