"""`roledex calendar`: rounds, next steps, follow-ups and closing dates as an iCalendar file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out, settings_or_none
from roledex.facts.calendar import calendar
from roledex.kb.files import write_text_atomic
from roledex.kb.problems import errors_in


def arguments(command: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    command.add_argument(
        "docs",
        nargs="?",
        default=None,
        metavar="DOCS",
        help="the docs folder (default: the project's)",
    )
    command.add_argument("--output", metavar="FILE", help="write the file here (default: standard output)")
    command.add_argument("--force", action="store_true", help="overwrite FILE")
    command.add_argument("--config", default=None, help="where extra.roledex is read (default: the project's)")
    command.set_defaults(handler=run)


def _inside(path: Path, folder: Path) -> bool:
    return os.path.realpath(path).startswith(os.path.realpath(folder) + os.sep)


def run(args: argparse.Namespace) -> int:
    """Print or write the calendar; it is private material, so never into the docs folder."""
    docs = docs_dir(args.docs)
    if docs is None:
        return USAGE
    settings = settings_or_none("calendar", args.config)
    if settings is None:
        return USAGE
    if args.output and _inside(Path(args.output), docs):
        err(f"roledex calendar: {args.output} is inside {docs}, which is published; write it elsewhere")
        return USAGE
    result = checked_knowledge_base(docs, settings)
    if errors_in(result.problems):
        err(f"roledex calendar: {docs} has problems; run `roledex check {docs}` and fix them first")
        return FAILED
    content = calendar(result.kb, settings)
    if not args.output:
        binary = getattr(sys.stdout, "buffer", None)  # CRLF as written, whatever the platform
        if binary is not None:
            sys.stdout.flush()
            binary.write(content)
        else:
            sys.stdout.write(content.decode("utf-8"))
        return OK
    target = Path(args.output)
    text = content.decode("utf-8")
    try:
        write_text_atomic(target, text, overwrite=args.force, mode=0o600)
    except FileExistsError:
        err(f"roledex calendar: {target} exists; --force overwrites it")
        return FAILED
    except OSError as error:
        err(f"roledex calendar: {target}: {error.strerror or error}")
        return FAILED
    if target.read_bytes() != content:
        err(f"roledex calendar: {target} does not hold what was written; check the disk")
        return FAILED
    out(f"wrote {target}: {text.count('BEGIN:VEVENT')} events")
    return OK
