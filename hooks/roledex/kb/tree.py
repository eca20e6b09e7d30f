"""The docs folder's entries that no build can read safely, found before anything reads them.

MkDocs walks the docs folder following links and opens every page and copies every other
file: a named pipe makes it wait for ever, a broken link or a link loop ends it with a
traceback, and a link to a folder that holds it repeats the whole tree. A record file whose
name ends in '.MD' or '.markdown' is not read as a record but is copied or rendered as it
stands, private or not. Each of these is one problem line here, so `roledex check` and the
build both stop on it before MkDocs touches the file.
"""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path

from roledex.kb.problems import ERROR, Problem
from roledex.kb.schema import KINDS

RECORD_SUFFIX = ".md"
"""The one ending of a record file; the folder and the file name say the rest."""
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
"""Endings MkDocs or an editor may take for Markdown, in any case."""
RECORD_FOLDERS = frozenset(kind.folder for kind in KINDS.values())

_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _special_kind(mode: int) -> str | None:
    return next((name for test, name in _SPECIAL if test(mode)), None)


def _link_problem(path: str, folder: str) -> str | None:
    """What is wrong with the link at `path`, if anything."""
    try:
        target = os.path.realpath(path, strict=True)
    except FileNotFoundError:
        return f"is a link to {os.readlink(path)!r}, which does not exist; fix or delete the link"
    except OSError:
        return "is a link that leads back to itself (a link loop); delete the link"
    if os.path.isdir(target):
        here = os.path.realpath(folder)
        if here == target or here.startswith(target.rstrip(os.sep) + os.sep):
            return "is a link to a folder that holds it, so the site would repeat for ever; delete the link"
    return None


def unreadable_entry(path: str, folder: str) -> str | None:
    """Why the entry at `path` (inside `folder`) cannot be read by a build, or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return f"cannot be examined ({error.strerror}); check the file"
    if stat.S_ISLNK(mode):
        problem = _link_problem(path, folder)
        if problem is not None:
            return problem
        mode = os.stat(path).st_mode
    kind = _special_kind(mode)
    if kind is not None:
        return f"is {kind}, not a file; a build would wait on it for ever, so move it out of the docs folder"
    return None


def entry_problem(entry: os.DirEntry[str], folder: str) -> str | None:
    """`unreadable_entry` for an entry of a folder listing: a plain file or folder, which the
    listing already says it is, costs no system call (a knowledge base is thousands of them)."""
    if entry.is_file(follow_symlinks=False) or entry.is_dir(follow_symlinks=False):
        return None
    return unreadable_entry(entry.path, folder)


def misnamed_record(relative: str) -> str | None:
    """Why a Markdown file in a record folder is not read as a record, or None."""
    folder, _, name = relative.partition("/")
    if folder not in RECORD_FOLDERS or "/" in name:
        return None
    stem, suffix = os.path.splitext(name)
    if suffix == RECORD_SUFFIX or suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    return (
        f"{name!r} is not read as a record: records end in lower-case '{RECORD_SUFFIX}'; "
        f"rename it to '{stem}{RECORD_SUFFIX}'"
    )


def tree_problems(docs_dir: Path) -> list[Problem]:
    """Every entry under `docs_dir` that a build could not read, or would publish unread."""
    return _walk(docs_dir, str(docs_dir), "", frozenset({os.path.realpath(docs_dir)}))


def _walk(docs_dir: Path, root: str, prefix: str, seen: frozenset[str]) -> list[Problem]:
    """Problems under `root`, which MkDocs sees at `prefix` below the docs folder.

    MkDocs follows links to folders, so each linked folder is walked in turn; `seen` holds
    the real folders walked so far, so two links that lead to each other are walked once. A
    folder that cannot be listed is passed over, as MkDocs passes it over.
    """
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return []
    problems: list[Problem] = []
    for entry in entries:
        relative = posixpath.join(prefix, entry.name) if prefix else entry.name
        message = entry_problem(entry, root)
        is_folder = message is None and entry.is_dir()
        if message is None and not is_folder:
            message = misnamed_record(relative)
        if message is not None:
            problems.append(Problem(os.path.join(str(docs_dir), relative), 1, "file", message, ERROR))
        elif is_folder and not entry.is_symlink():
            problems += _walk(docs_dir, entry.path, relative, seen)
        elif is_folder:
            target = os.path.realpath(entry.path)
            if target not in seen:
                problems += _walk(docs_dir, target, relative, seen | {target})
    return problems
