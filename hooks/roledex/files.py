"""Writing files so that nothing is lost: atomic, and never over a file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str, overwrite: bool = False) -> None:
    """Write `text` to `path` in one step; raise FileExistsError rather than overwrite.

    The text goes to a temporary file beside `path` first, so a crash leaves either the
    old file or the new one, never half of either. Without `overwrite` the final step is a
    hard link, which fails if `path` appeared in the meantime.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise FileExistsError(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
