"""Bringing a posting on record up to date with its address, keeping the user's own edits.

Three versions of each fact meet here: the posting file as it is now (`record`), what roledex
read from the address last time (`base`, the newest snapshot) and what the address says
today (`fresh`). A fact the user never touched (record equals base) follows the posting; a
fact the user changed is theirs and stays, and when the posting changed it too, both are
shown. Without a base (a posting imported before snapshots were kept, or pasted with
`--url`), every fact follows the posting and the file as it was is kept as a snapshot. A
fact the posting no longer states is never erased. The date a posting was first posted
stays once it is on record: boards restate it relative to the day they are read.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from roledex.importer.write import fingerprint
from roledex.kb.scaffold import yaml_scalar
from roledex.kb.status_edit import closing_fence

FOLLOWED = ("title", "team", "employment", "locations", "work_mode", "salary", "posted", "closes")
"""The front-matter keys the importer writes, and so the ones an update may change."""
SALARY_PARTS = ("min", "max", "currency", "period", "text", "headline")
SET_ONCE = frozenset({"posted"})
MAX_DIFF_LINES = 8
MAX_LINE = 100


@dataclass(frozen=True)
class Change:
    """One fact that differs between the posting file and its address."""

    key: str
    """The front-matter key; a salary part is dotted (`salary.max`)."""
    was: Any
    now: Any
    kept: bool = False
    """The user's own value stays (they edited it, or the posting no longer states it)."""

    def describe(self) -> str:
        was, now = _shown(self.was), _shown(self.now)
        if self.now is None:
            return f"{self.key}: {was}, no longer stated by the posting; kept"
        if self.kept:
            return f"{self.key}: the posting now says {now}; kept your {was}"
        return f"{self.key}: {was} -> {now}"


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_scalar(item) for item in value) + "]"
    return yaml_scalar(value)


def flat(meta: dict[str, Any]) -> dict[str, Any]:
    """The followed facts of a front matter, salary parts as dotted keys; empty values left out."""
    facts: dict[str, Any] = {}
    for key in FOLLOWED:
        value = meta.get(key)
        if key == "salary":
            parts = value if isinstance(value, dict) else {}
            facts |= {f"salary.{part}": parts[part] for part in SALARY_PARTS if parts.get(part) not in (None, "")}
        elif value not in (None, "", []):
            facts[key] = value
    return facts


def changes(record: dict[str, Any], base: dict[str, Any] | None, fresh: dict[str, Any]) -> list[Change]:
    """What differs between the file's facts and the address's, and which of the file's stay."""
    mine, then, now = flat(record), flat(base) if base is not None else None, flat(fresh)
    found = []
    for key in [*mine, *(k for k in now if k not in mine)]:
        was, new = mine.get(key), now.get(key)
        if new == was:
            continue
        if new is None:
            if then is not None and key in then:
                found.append(Change(key, was, None, kept=True))
            continue
        if key in SET_ONCE and was is not None:
            continue
        before = then.get(key) if then is not None else None
        edited = then is not None and was != before
        if edited and new == before:
            continue  # the user's edit; the posting says what it said before
        found.append(Change(key, was, new, kept=edited))
    return found


def applied_values(record: dict[str, Any], found: list[Change]) -> dict[str, Any]:
    """The top-level keys to set for the changes that follow the posting (a salary whole)."""
    values: dict[str, Any] = {}
    for change in found:
        if change.kept:
            continue
        key, _, part = change.key.partition(".")
        if not part:
            values[key] = change.now
            continue
        if key not in values:
            values[key] = dict(record.get(key) or {})
        values[key][part] = change.now
    return values


@dataclass(frozen=True)
class TextChange:
    """How the posting's text changed: counts, and the first changed lines."""

    added: int
    removed: int
    lines: list[str] = field(default_factory=list)

    def describe(self) -> list[str]:
        head = f"text: {self.added} line(s) added, {self.removed} removed"
        shown = [f"  {line}" for line in self.lines]
        more = self.added + self.removed - len(self.lines)
        return [head, *shown, *([f"  ... and {more} more"] if more > 0 else [])]


def _cut(line: str) -> str:
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 3] + "..."


def text_change(old: str, new: str) -> TextChange | None:
    """The short diff of two posting texts, or None when they say the same (spacing aside)."""
    if fingerprint(old) == fingerprint(new):
        return None
    old_lines = [line.rstrip() for line in old.splitlines() if line.strip()]
    new_lines = [line.rstrip() for line in new.splitlines() if line.strip()]
    diff = [
        line
        for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    added = sum(line.startswith("+") for line in diff)
    return TextChange(added, len(diff) - added, [_cut(line) for line in diff[:MAX_DIFF_LINES]])


def closing(record: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The keys that record a posting taken down today: `closes`, unless it closed earlier."""
    closes = record.get("closes")
    if isinstance(closes, dt.date) and closes <= today:
        return {}
    return {"closes": today}


def with_body(text: str, body: str) -> str:
    """A posting file's `text` with its body (everything after the front matter) replaced."""
    lines = text.splitlines(keepends=True)
    end = closing_fence(lines)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    return "".join(lines[: end + 1]) + newline + body.replace("\n", newline)
