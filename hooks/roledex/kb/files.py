"""Writing files so that nothing is lost: locked, atomic, verified, and never over a file
unless asked.

Every write to a record holds that record's lock from the moment it reads the file to the
moment it has read back what it wrote, so two commands editing one application at once both
land: the second waits, then applies its change to what the first wrote.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock

LOCK_WAIT_SECONDS = 60
"""How long a write waits for another roledex command to finish with the same file."""


class LockTimeout(OSError):
    """Another roledex command has held the file's lock longer than a write waits."""


def _lock_path(path: Path) -> Path:
    """Where the lock of `path` lives: outside the docs folder (so no build or watcher sees it),
    named by the file's real path, so every name of one file (a link, a relative path) shares it."""
    real = os.path.realpath(path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"roledex-locks-{user}" / f"{digest}.lock"


@contextlib.contextmanager
def record_lock(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of the file at `path` (which need not exist yet)."""
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    lock_path = _lock_path(path)
    lock_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = filelock.FileLock(lock_path, timeout=wait)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockTimeout(f"held by another roledex command for {wait:g} s; try again when it has finished") from None
    try:
        yield
    finally:
        lock.release()


def write_text_atomic(path: Path, text: str, overwrite: bool = False, mode: int | None = None) -> None:
    """Write `text` to `path` in one step, holding its lock; raise FileExistsError rather than
    overwrite."""
    with record_lock(path):
        _write_atomic(path, text, overwrite, mode)


def _write_atomic(path: Path, text: str, overwrite: bool = False, mode: int | None = None) -> None:
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

    The file's lock is held from reading to reading back, so `change` sees every write that
    came before. A symbolic link stays a link: the file it points to is edited. The file keeps
    its permission bits (a read-only file stays read-only). What was written is read back and
    compared; a mismatch raises OSError and names the file.
    """
    target = path.resolve(strict=True)
    with record_lock(target):
        _edit_locked(target, path, change)


def edit_or_create(path: Path, change: Callable[[str], str], initial: str) -> bool:
    """`edit_in_place`, or, when there is no file at `path` yet, write `change(initial)` there;
    under one lock, so a file another command creates meanwhile is edited, never replaced.
    True when the file was created."""
    with record_lock(path):
        if path.exists() or path.is_symlink():  # the lock is the real file's: one lock, not two
            _edit_locked(path.resolve(strict=True), path, change)
            return False
        text = change(initial)
        _write_atomic(path, text)
        _verify(path, text)
        return True


def _edit_locked(target: Path, path: Path, change: Callable[[str], str]) -> None:
    if not target.is_file():
        raise OSError(f"{path} is not a regular file")
    text = target.read_bytes().decode("utf-8")
    updated = change(text)
    _write_atomic(target, updated, overwrite=True, mode=stat.S_IMODE(target.stat().st_mode))
    _verify(target, updated)


def _verify(target: Path, text: str) -> None:
    if target.read_bytes() != text.encode("utf-8"):
        raise OSError(f"{target} does not hold what was written; check the disk and the file")
