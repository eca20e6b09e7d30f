"""Where earlier versions of a record are kept: `snapshots/<folder>/<slug>/<date>.md` beside the
docs folder, outside it, so no build of any engine can publish one (a posting as each reading of
its address found it; an offer as it stood before a revision)."""

from __future__ import annotations

import os
import re
from pathlib import Path

SNAPSHOTS = "snapshots"
KEPT_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.md$")


def kept_folder(docs: Path, folder: str, slug: str) -> Path:
    """The folder of one record's kept versions: beside the docs folder, never inside it."""
    parent = docs.parent if docs.name not in ("", "..") else Path(os.path.abspath(docs)).parent
    return parent / SNAPSHOTS / folder / slug


def kept_versions(folder: Path) -> list[tuple[str, Path]]:
    """(day, file) of each version kept in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    found = [(match, path) for path in folder.iterdir() if (match := KEPT_NAME.match(path.name))]
    ordered = sorted(found, key=lambda pair: (pair[0].group(1), int(pair[0].group(2) or 1)))
    return [(match.group(1), path) for match, path in ordered]
