"""`roledex check`: every problem of the knowledge base and of its settings, one line each."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from roledex.check.published import judge_privacy
from roledex.check.repository import NotARepository, tracked_private_files
from roledex.check.run import checked_knowledge_base
from roledex.cli import colour
from roledex.cli.colour import CYAN, GREEN, RED, YELLOW, paint
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out
from roledex.kb.model import KnowledgeBase
from roledex.kb.problems import REMINDER, WARNING, Problem, as_json, errors_in
from roledex.kb.settings import Settings, SettingsError, read_settings


def arguments(check: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
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


def tracked_in_public(docs: Path, kb: KnowledgeBase) -> list[Problem]:
    """A warning for each private file Git tracks when the settings say the repository is
    public: anyone can read it there, whatever the site leaves out."""
    try:
        top, private = tracked_private_files(docs, judge_privacy(kb))
    except NotARepository:
        return []
    shown = [os.path.relpath(top / name) for name in private]
    message = (
        "Git tracks this private file and the repository is public (extra.roledex.visibility); "
        "anyone can read it there: publish from a private repository, or `git rm --cached` it and list it in .gitignore"
    )
    return [Problem(name, 1, "private", message, severity="warning") for name in shown]


def run(args: argparse.Namespace) -> int:
    """Print every problem; fail when any is an error."""
    docs = docs_dir(args.docs)
    if docs is None:
        return USAGE
    settings, settings_problems = _settings(Path(args.config))
    result = checked_knowledge_base(docs, settings)
    problems = result.problems + settings_problems
    if settings is not None and settings.visibility == "public":
        problems += tracked_in_public(docs, result.kb)
    if args.format == "json":
        out(as_json(problems))
    else:
        coloured = colour.wanted(sys.stdout)
        for problem in problems:
            out(colour.problem_line(problem, coloured))
        errors = len(errors_in(problems))
        warnings = sum(problem.severity == WARNING for problem in problems)
        reminders = sum(problem.severity == REMINDER for problem in problems)
        on = colour.wanted(sys.stderr)
        counted = paint(f"{errors} error{'s' * (errors != 1)}", RED if errors else GREEN, on)
        summary = f"{counted}, {paint(f'{warnings} warning' + 's' * (warnings != 1), YELLOW, on and warnings > 0)}"
        if reminders:
            summary += f", {paint(f'{reminders} reminder' + 's' * (reminders != 1), CYAN, on)}"
        err(f"roledex check: {summary} in {docs}")
    return FAILED if errors_in(problems) else OK
