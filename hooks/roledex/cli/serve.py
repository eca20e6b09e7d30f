"""`roledex serve`: `mkdocs serve` for the project, without Material's end-of-life notice.

Material prints a seven-line notice on every `mkdocs` command (its support ends on 5 May 2027;
the README's "Other engines" says what to do before then). Said on every save's rebuild log,
it teaches people to skip what is printed, so roledex's commands run MkDocs with the notice
off (`NO_MKDOCS_2_WARNING`). Every option after `serve` goes to `mkdocs serve` as given.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from roledex.cli.output import USAGE, err

QUIET_NOTICE = {"NO_MKDOCS_2_WARNING": "1"}
"""What turns Material's end-of-life notice off, for every MkDocs roledex runs."""


def arguments(serve: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    serve.add_argument("--config", default=None, help="the site's settings (default: the project's mkdocs.yml)")
    serve.set_defaults(handler=run, passed_on=[])


def run(args: argparse.Namespace) -> int:
    """Serve the site until interrupted; the exit status is MkDocs'."""
    config = Path(args.config)
    if not config.is_file():
        err(f"roledex serve: {config}: no such file; run it inside the project, or give --config")
        return USAGE
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", config.name, *args.passed_on]
    child = subprocess.Popen(command, cwd=config.parent.resolve(), env={**os.environ, **QUIET_NOTICE})
    with _stopped_by_terminate():
        try:
            return child.wait()
        except BaseException:  # Ctrl-C, or a terminate: MkDocs stops too, cleaning up after itself
            child.terminate()
            try:
                child.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
            raise


STOP_SECONDS = 10
"""How long MkDocs gets to stop (and remove its temporary site) before it is killed."""


@contextlib.contextmanager
def _stopped_by_terminate() -> Iterator[None]:
    """A terminate (SIGTERM) stops `roledex serve` as Ctrl-C does, so its MkDocs never outlives it."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: nothing to hand on
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
