# PYTHON_ARGCOMPLETE_OK  (argcomplete: `roledex` answers the shell's completion requests)
"""The `roledex` command line: one module per command, each parsing its arguments and mapping
what the domain says to an exit status (0 success, 1 problems found or the command failed,
2 usage error).

Only the command being run is imported: `roledex --version` and `roledex --help` read this
table and nothing else, so they start as fast as Python does, and `roledex check` never loads
what `roledex calendar` or `roledex build` need."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import roledex


@dataclass(frozen=True)
class Command:
    name: str
    module: str
    """Under `roledex.cli`: it gives `arguments(parser)`, which sets the handler."""
    help: str
    description: str | None = None


COMMANDS = (
    Command("check", "check", "check every file of the knowledge base"),
    Command("schema", "schema", "print the JSON Schema of a kind, or of all kinds"),
    Command("new", "new", "write a ready-to-edit file"),
    Command("import", "import_", "turn raw postings (text, Markdown or HTML) into posting files"),
    Command("status", "status", "set an application's status, keeping the file as written"),
    Command("event", "event", "add an interview round, a follow-up, a reply, a note or a to-do to an application"),
    Command("revise", "revise", "keep an offer as it stands, before you write its revised figures (a counter-offer)"),
    Command("mv", "mv", "rename a company or a posting, and every file and reference that names it"),
    Command("calendar", "calendar", "interview rounds, next steps, follow-ups and closing dates as an iCalendar file"),
    Command(
        "serve",
        "serve",
        "browse the site with your private pages while you edit (mkdocs serve)",
        "Run `mkdocs serve` for the project; options after it go to mkdocs serve (such as -a 127.0.0.1:8001).",
    ),
    Command("build", "build", "build the site with MkDocs, ProperDocs or Zensical, then publish-check it"),
    Command("publish-check", "publish_check", "list a built site and fail if it holds private text"),
    Command("deploy", "deploy", "publish-check a built site, then push it to a branch of a (public) repository"),
    Command("export", "export", "every posting with its salary as a year's pay in the base currency"),
)
"""In the order `roledex --help` lists them."""


def _named(argv: Sequence[str]) -> str | None:
    """The command `argv` names: its first word that is not an option (the top level's own
    options, --help and --version, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] = (), every_command: bool = False) -> argparse.ArgumentParser:
    """The parser, with the arguments of the command `argv` names (or of all of them, for the
    shell's completion): each command's module is imported only when its arguments are wanted."""
    parser = argparse.ArgumentParser(
        prog="roledex", description="A job-search knowledge base: check, create and publish its files."
    )
    parser.add_argument("--version", action="version", version=f"roledex {roledex.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = _named(argv)
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.description)
        if every_command or command.name == named:
            importlib.import_module(f"roledex.cli.{command.module}").arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never let a traceback reach the user for bad input."""
    words = sys.argv[1:] if argv is None else list(argv)
    completing = "_ARGCOMPLETE" in os.environ
    parser = build_parser(words, every_command=completing)
    if completing:
        from roledex.cli.completion import answer_the_shell

        answer_the_shell(parser)
    args, passed_on = parser.parse_known_args(words)
    if passed_on and not hasattr(args, "passed_on"):
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    if hasattr(args, "passed_on"):  # a command that hands its other options to another program
        args.passed_on = passed_on
    from roledex.cli.output import FAILED, OK, err
    from roledex.cli.project import fill_locations

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
