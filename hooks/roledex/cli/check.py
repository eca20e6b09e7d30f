"""`roledex check`: every problem of the knowledge base and of its settings, one line each."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli import colour
from roledex.cli.colour import GREEN, RED, YELLOW, paint
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out
from roledex.kb.problems import Problem, as_json, errors_in
from roledex.kb.settings import Settings, SettingsError, read_settings


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check every file of the knowledge base")
    check.add_argument(
        "docs",
        nargs="?",
        default=None,
        metavar="DOCS",
        help="the docs folder (default: the project's)",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument("--config", default=None, help="where extra.roledex is read (default: the project's)")
    check.set_defaults(handler=run)


def _settings(config: Path) -> tuple[Settings | None, list[Problem]]:
    """The settings the reminders use (None when the file has none or is missing), and
    every problem of them."""
    if not config.exists():
        return None, []
    try:
        return read_settings(config), []
    except SettingsError as error:
        return None, list(error.problems)


def run(args: argparse.Namespace) -> int:
    """Print every problem; fail when any is an error."""
    docs = docs_dir(args.docs)
    if docs is None:
        return USAGE
    settings, settings_problems = _settings(Path(args.config))
    problems = checked_knowledge_base(docs, settings).problems + settings_problems
    if args.format == "json":
        out(as_json(problems))
    else:
        coloured = colour.wanted(sys.stdout)
        for problem in problems:
            out(colour.problem_line(problem, coloured))
        errors = len(errors_in(problems))
        warnings = len(problems) - errors
        on = colour.wanted(sys.stderr)
        counted = paint(f"{errors} error{'s' * (errors != 1)}", RED if errors else GREEN, on)
        summary = f"{counted}, {paint(f'{warnings} warning' + 's' * (warnings != 1), YELLOW, on and warnings > 0)}"
        err(f"roledex check: {summary} in {docs}")
    return FAILED if errors_in(problems) else OK
