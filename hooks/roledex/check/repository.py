"""Which files a Git repository tracks that are private: what a public repository would show
to anyone, whatever the published site leaves out.

GitHub Pages on the free plan serves only public repositories, so a knowledge base published
from its own repository shows every tracked file. A tracked file is private when it sits in a
private folder (any name, any extension) and is not a record that says `private: false`, when
it is a record judged private (a private company, its postings and everything below them),
when it is a page of its own marked private, or when it is a calendar file anywhere.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from roledex.check.published import Judgement
from roledex.facts.privacy import in_private_folder, is_calendar_file, kept_privately
from roledex.kb.source import marked_private


class NotARepository(ValueError):
    """The folder is not in a Git repository, or Git cannot be run: the reason as one line."""


def _git(repository: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repository), *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NotARepository(f"cannot run git: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise NotARepository(said[-1] if said else f"git {args[0]} failed")
    return done.stdout


def repository_top(path: Path) -> Path:
    """The top folder of the Git repository that holds `path`."""
    return Path(_git(path, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())


def tracked_files(repository: Path) -> list[str]:
    """Every file Git tracks in `repository`, relative to its top and sorted."""
    listed = _git(repository, "ls-files", "-z", "--full-name")
    return sorted(name for name in listed.decode("utf-8", "surrogateescape").split("\0") if name)


def private_tracked(tracked: list[str], docs_prefix: str, view: Judgement, read: Path) -> list[str]:
    """The tracked files (relative to the repository's top) that are private. `docs_prefix` is
    the docs folder relative to the top (`docs`); `read` is the top, to read a page's front matter."""
    prefix = PurePosixPath(docs_prefix)
    private = []
    for name in tracked:
        path = PurePosixPath(name)
        if is_calendar_file(name):
            private.append(name)
            continue
        beside = path.relative_to(prefix.parent).as_posix() if prefix.parent in path.parents else ""
        if beside and kept_privately(beside):
            private.append(name)
            continue
        if prefix not in path.parents:
            continue
        uri = path.relative_to(prefix).as_posix()
        if _private_in_docs(uri, view, read / name):
            private.append(name)
    return private


def _private_in_docs(uri: str, view: Judgement, file: Path) -> bool:
    if uri in view.hidden_paths:
        return True
    if in_private_folder(uri):
        return uri not in view.shown_paths
    if uri in view.shown_paths or not uri.lower().endswith((".md", ".markdown", ".html", ".htm")):
        return False
    try:
        return marked_private(file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def tracked_private_files(docs: Path, view: Judgement) -> tuple[Path, list[str]]:
    """(the repository's top, the private files Git tracks there, relative to the top) for the
    knowledge base whose docs folder is `docs`; NotARepository when it is not in one."""
    top = repository_top(docs if docs.is_dir() else docs.parent)
    prefix = docs.resolve().relative_to(top.resolve()).as_posix()
    return top, private_tracked(tracked_files(top), prefix, view, top)
