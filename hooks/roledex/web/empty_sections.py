"""A hand-written page shown without its scaffolding: a heading with nothing under it (a new
company's eight section headings, an application's empty "Resume notes") is left out of the page,
its table of contents and search. The file keeps it, ready to fill."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{2,6})\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _says_nothing(lines: list[str]) -> bool:
    """True for lines holding no words: blank lines, one-line comments, a table of headers alone."""
    kept = [line for line in lines if line.strip() and not _COMMENT.match(line)]
    if not kept:
        return True
    return len(kept) == 2 and kept[0].lstrip().startswith("|") and bool(_TABLE_RULE.match(kept[1]))


def without_empty_sections(markdown: str) -> str:
    """`markdown` less every section (a heading of level 2 or below, to the next heading of its
    level or above) that says nothing, itself or in any section inside it."""
    lines = markdown.split("\n")
    headings: list[tuple[int, int]] = []  # (line, level)
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := _HEADING.match(line)):
            headings.append((index, len(match.group(1))))
    drop: set[int] = set()
    for position in range(len(headings) - 1, -1, -1):
        start, level = headings[position]
        end = next((line for line, other in headings[position + 1 :] if other <= level), len(lines))
        inner = [line for line, _ in headings[position + 1 :] if line < end]
        own_end = inner[0] if inner else end
        if _says_nothing(lines[start + 1 : own_end]) and all(line in drop for line in inner):
            drop.add(start)
    if not drop:
        return markdown
    kept: list[str] = []
    skipping_until_level: int | None = None
    levels = dict(headings)
    for index, line in enumerate(lines):
        if index in levels and skipping_until_level is not None and levels[index] <= skipping_until_level:
            skipping_until_level = None
        if skipping_until_level is None and index in drop:
            skipping_until_level = levels[index]
            continue
        if skipping_until_level is None:
            kept.append(line)
    return "\n".join(kept)
