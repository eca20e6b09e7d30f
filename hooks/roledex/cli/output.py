"""What every command shares: exit statuses, printing, finding the docs folder, and reading
the settings a command needs or saying why it cannot."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import IO

from roledex.cli.colour import problem_line, wanted
from roledex.kb.settings import Settings, SettingsError, read_settings

OK, FAILED, USAGE = 0, 1, 2
"""Exit statuses: success, problems found or the command failed, a usage error."""


_captured: ContextVar[tuple[IO[str], IO[str]] | None] = ContextVar("roledex_captured_output", default=None)
"""Where this thread's command prints, when the local site runs it (`captured`); else the console."""


def out(text: str) -> None:
    streams = _captured.get()
    (streams[0] if streams else sys.stdout).write(text + "\n")


def err(text: str) -> None:
    streams = _captured.get()
    (streams[1] if streams else sys.stderr).write(text + "\n")


@contextlib.contextmanager
def captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """What commands print in this thread (and only this one), as (standard output, errors)."""
    streams = (io.StringIO(), io.StringIO())
    token = _captured.set(streams)
    try:
        yield streams
    finally:
        _captured.reset(token)


def docs_dir(value: str) -> Path | None:
    """The docs folder named on the command line, or None (and a line saying so) when it is not one."""
    path = Path(value)
    if not path.is_dir():
        err(
            f"roledex: {value}: no such folder; run roledex inside a knowledge base (where mkdocs.yml is, "
            "or any folder below it), or give its docs folder"
        )
        return None
    return path


def settings_or_none(command: str, config: str) -> Settings | None:
    """The settings in `config`, or None after one line per problem and a summary."""
    try:
        return read_settings(Path(config))
    except SettingsError as error:
        for problem in error.problems:
            err(problem_line(problem, wanted(sys.stderr)))
        err(f"roledex {command}: {config} has {len(error.problems)} problem(s) in extra.roledex; fix them first")
        return None
