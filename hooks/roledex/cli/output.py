"""What every command shares: exit statuses, printing, and finding the docs folder."""

from __future__ import annotations

import sys
from pathlib import Path

OK, FAILED, USAGE = 0, 1, 2
"""Exit statuses: success, problems found or the command failed, a usage error."""


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def docs_dir(value: str) -> Path | None:
    """The docs folder named on the command line, or None (and a line saying so) when it is not one."""
    path = Path(value)
    if not path.is_dir():
        err(f"roledex: {value}: no such folder; give the docs folder of a knowledge base")
        return None
    return path
