"""Changing a few front-matter keys of a file in place, and nothing else.

`roledex status` must keep the file as the user wrote it: comments, key order, quoting,
line endings and body. So it edits lines, not a parsed structure: a key's line is replaced
(its comment kept), a missing key is inserted after the key that precedes it in the schema.
"""

from __future__ import annotations

import re

from .scaffold import yaml_scalar
from .schema import Kind


class FrontMatterMissing(ValueError):
    """The file has no front matter block to edit."""


def _bounds(lines: list[str]) -> tuple[int, int]:
    """Indexes of the opening and closing fence lines."""
    if not lines or lines[0].lstrip("\ufeff").rstrip("\r\n") != "---":
        raise FrontMatterMissing("the file does not start with front matter")
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") in ("---", "..."):
            return 0, index
    raise FrontMatterMissing("the front matter is never closed")


def _key_line(lines: list[str], end: int, key: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return next((i for i in range(1, end) if pattern.match(lines[i])), None)


def _value_end(lines: list[str], start: int, end: int) -> int:
    """The index after a key's value: its line, and any indented lines that continue it."""
    index = start + 1
    while index < end and lines[index][:1] in (" ", "\t") and lines[index].strip():
        index += 1
    return index


def _replace(line: str, value: str, newline: str) -> str:
    match = re.match(r"^(?P<key>[^:]+:\s*)(?P<value>.*?)(?P<comment>\s+#.*)?$", line.rstrip("\r\n"))
    assert match is not None
    comment = match.group("comment") or ""
    value_part = match.group("value")
    if value_part.startswith(("'", '"')) and "#" in value_part:
        comment = ""  # a '#' inside quotes is not a comment
    return f"{match.group('key')}{value}{comment}{newline}"


def set_keys(text: str, values: dict[str, object], kind: Kind) -> str:
    """`text` with each key of `values` set; every other byte as it was."""
    lines = text.splitlines(keepends=True)
    _, end = _bounds(lines)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    order = list(kind.field_names)
    for key, value in values.items():
        shown = yaml_scalar(value)
        at = _key_line(lines, end, key)
        if at is not None:
            stop = _value_end(lines, at, end)
            lines[at:stop] = [_replace(lines[at], shown, newline)]
            end -= stop - at - 1
            continue
        before = [k for k in order[: order.index(key)] if _key_line(lines, end, k) is not None] if key in order else []
        insert_at = _value_end(lines, _key_line(lines, end, before[-1]), end) if before else end  # type: ignore[arg-type]
        lines.insert(insert_at, f"{key}: {shown}{newline}")
        end += 1
    return "".join(lines)
