"""A posting pasted as one row of a Markdown table, read as labelled fields.

New-grad and internship lists keep their postings as table rows under a header ('| Company |
Role | Location | Application/Link |'). One such row pasted with its header is a posting whose
every field is labelled by its column; it is written out as 'Company: ...' lines, which the
label readers then read as they read any labelled field. A table of many rows is a list of
postings, not one, and is left as it is.
"""

from __future__ import annotations

import re

from roledex.importer.labels import is_label

_ROW = re.compile(r"^[ \t]*\|(?P<cells>.*)\|[ \t]*$")
_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
_HREF = re.compile(r"<a\s[^>]*href=\"(?P<url>[^\"]+)\"[^>]*>.*?</a>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def _cells(line: str) -> list[str] | None:
    row = _ROW.match(line)
    return [cell.strip() for cell in row.group("cells").split("|")] if row else None


def _as_words(cell: str) -> str:
    """A cell's words: line breaks as ' / ' (one place a line), a link made of an image as its
    address, other tags dropped."""
    cell = _HREF.sub(lambda link: f" {link.group('url')} ", _LINE_BREAK.sub(" / ", cell))
    return re.sub(r"\s+", " ", _TAG.sub("", cell)).strip(" /")


def table_as_labels(text: str) -> str:
    """`text` with a header, its rule and a single row written as 'Header: cell' lines, when at
    least two of the headers are labels roledex reads; otherwise `text` unchanged."""
    lines = text.split("\n")
    for at in range(len(lines) - 2):
        header = _cells(lines[at])
        if header is None or not _RULE.match(lines[at + 1]):
            continue
        row = _cells(lines[at + 2])
        more = at + 3 < len(lines) and _cells(lines[at + 3]) is not None
        if row is None or more or len(row) != len(header):
            return text  # a list of postings, or a row that does not fit its header
        if sum(is_label(name.strip("*_ ")) for name in header) < 2:
            return text
        labelled = [f"{name.strip('*_ ')}: {_as_words(cell)}" for name, cell in zip(header, row, strict=True)]
        return "\n".join([*lines[:at], *(line for line in labelled if not line.endswith(": ")), *lines[at + 3 :]])
    return text
