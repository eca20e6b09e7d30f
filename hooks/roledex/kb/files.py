"""Writing files so that nothing is lost: atomic, and never over a file unless asked."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_text_atomic(path: Path, text: str, overwrite: bool = False, mode: int | None = None) -> None:
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
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def edit_in_place(path: Path, change: Callable[[str], str]) -> None:
    """Replace a UTF-8 file's text with `change(text)`, atomically, as the same kind of file.

    A symbolic link stays a link: the file it points to is edited. The file keeps its
    permission bits (a read-only file stays read-only). What was written is read back and
    compared; a mismatch raises OSError and names the file.
    """
    target = path.resolve(strict=True)
    if not target.is_file():
        raise OSError(f"{path} is not a regular file")
    text = target.read_bytes().decode("utf-8")
    updated = change(text)
    write_text_atomic(target, updated, overwrite=True, mode=stat.S_IMODE(target.stat().st_mode))
    if target.read_bytes() != updated.encode("utf-8"):
        raise OSError(f"{target} does not hold what was written; check the disk and the file")
