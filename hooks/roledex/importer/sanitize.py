"""Making what comes from the web inert before it is written: a posting's page, a paste, its
JSON-LD or an applicant-tracking system's answer may hold script, and anyone can publish a
careers page.

HTML goes through nh3 (the Rust sanitizer ammonia) with an allowlist of tags, attributes and
address schemes before it becomes Markdown; the Markdown written then has every link to an
address that is not http, https, mailto or relative shown as text, and every `attr_list`
block (`{: onmouseover=...}`) shown as text, so no page built from it runs anything.
"""

from __future__ import annotations

import re

import nh3

from roledex.kb.inert import LINKABLE_SCHEMES, linkable

KEPT_TAGS = frozenset(nh3.ALLOWED_TAGS)
"""ammonia's own allowlist of tags that only show text (no script, style, form or frame)."""

KEPT_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "*": {"lang", "dir"}}
"""What HTML may keep for its conversion to Markdown: where a link goes, what an image shows."""

DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})
"""Elements whose content is code or another document, not the posting's words."""


def clean_html(text: str) -> str:
    """`text` as HTML with only the allowed tags, attributes and address schemes left."""
    return nh3.clean(
        text,
        tags=set(KEPT_TAGS),
        attributes={tag: set(names) for tag, names in KEPT_ATTRIBUTES.items()},
        url_schemes=set(LINKABLE_SCHEMES),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        link_rel=None,
        strip_comments=True,
    )


ADDRESS_READ = 256
"""Characters of an address read to judge it: each `](` of a run of them was read to the run's
end, which took minutes on a paste of thousands."""
_INLINE_TARGET = re.compile(rf"\]\((?=\s*<?([^\s)>]{{0,{ADDRESS_READ}}}))")
"""Each `](` and the address after it, looked at without taking it, so a link nested in
another's text (`[a]([b](javascript:...)`) is looked at too."""
_PLAIN_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:", re.I)
_REFERENCE = re.compile(r"()(?<!\\)\[(?:([^\]\n]+)\]:[ \t]*<?(\S*?)>?(?=[ \t]|$)|[^\]\n]*)", re.M)
"""A reference definition anywhere a line may hold one: at its start, in a list item or a quote
(a `[` escaped where it was not one shows the same). Where none starts at a `[`, the text up to
the next `]` is taken as it is: each `[` in it would meet the same `]` (tried from each, a run of
`[` took minutes)."""
_ATTR_LIST = re.compile(r"(?<!\\)\{(?=:?[ ]*[^}\n ][^\n]*\})")


def inert_links(text: str) -> tuple[str, int]:
    """Markdown links and reference definitions to an address that may run (javascript:,
    data:, any scheme but http, https and mailto) written as text; how many."""
    count = 0

    def inline(match: re.Match[str]) -> str:
        nonlocal count
        if _keeps_link(match.group(1)):
            return match.group(0)
        count += 1
        return "]\\("

    def reference(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(3) is None or linkable(match.group(3)):  # no definition, or a harmless one
            return match.group(0)
        count += 1
        return match.group(1) + "\\" + match.group(0)[len(match.group(1)) :]

    text = _INLINE_TARGET.sub(inline, text)
    return _REFERENCE.sub(reference, text), count


def _keeps_link(address: str) -> bool:
    """Whether a link to `address` (its first ADDRESS_READ characters) may stay a link. An
    address longer than what was read keeps its link only when it starts with a linkable scheme
    as written: what it would decode to cannot be told from a part of it."""
    if len(address) < ADDRESS_READ:
        return linkable(address)
    scheme = _PLAIN_SCHEME.match(address)
    return scheme is not None and linkable(scheme.group(0))


def inert_attribute_lists(text: str) -> tuple[str, int]:
    """Every `{...}` that attr_list would read as attributes written as text (`\\{`); how many."""
    escaped, count = _ATTR_LIST.subn("\\\\{", text)
    return escaped, count
