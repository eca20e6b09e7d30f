"""Shell completion of commands, options, slugs, statuses and kinds (argcomplete).

The shell asks `roledex` itself, with `_ARGCOMPLETE` in its environment, what fits the word
being typed; argcomplete is imported only then, so no other command pays for it. Slugs are the
file names of the project's folders, read from the directory listing without parsing a file:
a keypress must not wait for the knowledge base.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from roledex.cli.project import docs_of, find_root

Completer = Callable[..., list[str]]


def _slugs(folders: Sequence[str]) -> list[str]:
    root = find_root(Path.cwd())
    if root is None:
        return []
    docs = docs_of(root / "mkdocs.yml")
    found = set()
    for folder in folders:
        try:
            names = os.listdir(docs / folder)
        except OSError:
            continue
        found |= {name[:-3] for name in names if name.endswith(".md") and name != "index.md"}
    return sorted(found)


def slugs_of(*folders: str) -> Completer:
    """The slugs of the files in `folders` of the project found from here, that start with
    what is typed."""

    def complete(prefix: str, **_: Any) -> list[str]:
        return [slug for slug in _slugs(folders) if slug.startswith(prefix)]

    return complete


def words(choices: Iterable[str]) -> Completer:
    """The fixed words (statuses, kinds) that start with what is typed."""
    kept = tuple(choices)

    def complete(prefix: str, **_: Any) -> list[str]:
        return [word for word in kept if word.startswith(prefix)]

    return complete


def complete_with(action: argparse.Action, completer: Completer) -> argparse.Action:
    """`action`, completed by `completer` (argcomplete reads the attribute)."""
    action.completer = completer  # type: ignore[attr-defined]
    return action


def answer_the_shell(parser: argparse.ArgumentParser) -> None:
    """When the shell asks for completions, print them and exit; otherwise return at once."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    import argcomplete

    argcomplete.autocomplete(parser)
