"""What Git remembers of an application that predates its events: each change of its status.

A knowledge base lives in a Git repository, so a status changed by hand before roledex kept
events is still in the file's history. `git log` (the installed git, never a copy of its
logic) gives each commit's date and the `status:` lines it added; nothing is written back.
Outside a repository, or without git, there is no history, and no error.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from roledex.kb.schema import STATUSES

GIT_TIMEOUT_SECONDS = 10
_COMMIT = "\x00commit "
_ADDED_STATUS = re.compile(r"^\+status:\s*['\"]?([a-z]+)['\"]?\s*(?:#.*)?$", re.M)


@dataclass(frozen=True)
class RecordedChange:
    """A status as a commit recorded it, on the commit's day."""

    date: dt.date
    status: str
    commit: str


def parse_log(log: str) -> list[RecordedChange]:
    """The status changes in `git log -p` output written with the format `%x00commit %H %cs`,
    oldest first; a commit that only moves or reformats the line is not a change."""
    changes: list[RecordedChange] = []
    for chunk in log.split(_COMMIT)[1:]:
        header, _, diff = chunk.partition("\n")
        parts = header.split()
        if len(parts) < 2:
            continue
        try:
            day = dt.date.fromisoformat(parts[1])
        except ValueError:
            continue
        added = [s for s in _ADDED_STATUS.findall(diff) if s in STATUSES]
        if added:
            changes.append(RecordedChange(day, added[-1], parts[0][:12]))
    changes.reverse()
    return [c for i, c in enumerate(changes) if i == 0 or c.status != changes[i - 1].status]


def status_history(path: str | Path) -> list[RecordedChange]:
    """Each change of the file's `status` that Git recorded, oldest first; [] without Git."""
    file = Path(path)
    try:
        result = subprocess.run(
            ["git", "log", "--follow", "--format=%x00commit %H %cs", "-p", "-U0", "--", file.name],
            cwd=file.parent,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_log(result.stdout) if result.returncode == 0 else []
