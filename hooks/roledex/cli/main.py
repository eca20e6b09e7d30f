# PYTHON_ARGCOMPLETE_OK  (argcomplete: `roledex` answers the shell's completion requests)
"""The `roledex` command line: one module per command, each parsing its arguments and mapping
what the domain says to an exit status (0 success, 1 problems found or the command failed,
2 usage error)."""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
from collections.abc import Callable, Sequence

from roledex.cli import (
    build,
    calendar,
    check,
    deploy,
    event,
    export,
    import_,
    mv,
    new,
    publish_check,
    revise,
    schema,
    serve,
    status,
)
from roledex.cli.completion import answer_the_shell
from roledex.cli.output import FAILED, OK, err
from roledex.cli.project import fill_locations

COMMANDS = (
    check,
    schema,
    new,
    import_,
    status,
    event,
    revise,
    mv,
    calendar,
    serve,
    build,
    publish_check,
    deploy,
    export,
)
"""In the order `roledex --help` lists them."""


def _version() -> str:
    """The installed version (pyproject.toml's), or 'unknown' when run from a bare checkout."""
    try:
        return importlib.metadata.version("roledex")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roledex", description="A job-search knowledge base: check, create and publish its files."
    )
    parser.add_argument("--version", action="version", version=f"roledex {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never let a traceback reach the user for bad input."""
    parser = build_parser()
    answer_the_shell(parser)
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and not hasattr(args, "passed_on"):
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    if hasattr(args, "passed_on"):  # a command that hands its other options to another program
        args.passed_on = passed_on
    fill_locations(args)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return OK
    except OSError as error:  # a full disk, a read-only folder, a name the file system refuses
        where = f" {error.filename}:" if error.filename else ""
        err(f"roledex {args.command}:{where} {error.strerror or error}; nothing more was done")
        return FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
