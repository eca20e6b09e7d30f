"""What the importer says about a posting: a note for what it did, a warning for what may be wrong.

Both travel in one list, in the order they were found; a `Note` is a line that needs nothing
from the user (a figure set aside as a job board's headline, the base pay chosen over a bonus).
"""

from __future__ import annotations

from collections.abc import Iterable


class Note(str):
    """A line about what the importer did; every other line it says is a warning."""

    __slots__ = ()


def notes_and_warnings(lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """The lines split into (notes, warnings), each in its order."""
    lines = list(lines)
    return [str(line) for line in lines if isinstance(line, Note)], [
        str(line) for line in lines if not isinstance(line, Note)
    ]
