"""Problems found in the knowledge base, and the one way they are printed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
"""Wrong: the check fails and a build stops."""
WARNING = "warning"
"""Probably wrong, for the user to change: `mkdocs build --strict` fails on it."""
REMINDER = "reminder"
"""Nothing wrong with the files: something the search asks of the user (a follow-up that is
due, an application gone quiet, a story half told). Said, never failing anything."""
PREFIXES = {WARNING: "warning: ", REMINDER: "reminder: "}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place: `path:line: key: message`.

    `key` names the front-matter key (dotted for nested keys, such as `salary.min`), or
    `file`, `front-matter` or `body` for problems that belong to no key.
    """

    path: str
    line: int
    key: str
    message: str
    severity: str = ERROR

    def format(self) -> str:
        """The line `roledex check` and the build print."""
        prefix = PREFIXES.get(self.severity, "")
        return f"{self.path}:{self.line}: {self.key}: {prefix}{self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order, then line, so output is stable and reads top to bottom."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.key, p.message))


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that fail a check or a build."""
    return [p for p in problems if p.severity == ERROR]


def as_json(problems: Iterable[Problem]) -> str:
    """Problems as the JSON list `roledex check --format json` prints."""
    return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)
