"""`roledex status`: set an application's status in place, keeping the file as written."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.facts.applications import status_change
from roledex.kb import scaffold
from roledex.kb.files import edit_in_place, write_text_atomic
from roledex.kb.schema import APPLICATION, POSTING, STATUSES
from roledex.kb.status_edit import CannotEdit, set_keys
from roledex.kb.text import did_you_mean


def register(commands: argparse._SubParsersAction) -> None:
    status = commands.add_parser("status", help="set an application's status, keeping the file as written")
    status.add_argument("posting", metavar="POSTING", help="the posting's slug")
    status.add_argument("status", metavar="STATUS", help=", ".join(STATUSES))
    status.add_argument("--date", help="the day of the change (default: today)")
    status.add_argument("--next", metavar="TEXT", help="the next step")
    status.add_argument("--next-date", metavar="DATE", help="when the next step is due")
    status.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    status.set_defaults(handler=run)


def _date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} takes a date as YYYY-MM-DD, got {value!r}") from None


def _why(error: Exception) -> str:
    """An error as one phrase for the user: roledex's own words, or what the system said."""
    if isinstance(error, UnicodeDecodeError):
        return "is not UTF-8 text"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def run(args: argparse.Namespace) -> int:
    """Set an application's status (and dates, next step) in place, keeping the file as written."""
    docs = Path(args.docs)
    if args.status not in STATUSES:
        err(
            f"roledex status: {args.status!r} is not a status{did_you_mean(args.status, STATUSES)}; "
            f"statuses: {', '.join(STATUSES)}"
        )
        return FAILED
    try:
        day = _date_option(args.date, "--date") or dt.date.today()
        next_day = _date_option(args.next_date, "--next-date")
    except ValueError as error:
        err(f"roledex status: {error}")
        return USAGE
    kb = checked_knowledge_base(docs).kb
    if args.posting not in kb.postings:
        err(
            f"roledex status: no posting {args.posting!r} in {docs / POSTING.folder}"
            f"{did_you_mean(args.posting, kb.postings)}"
        )
        return FAILED
    application = kb.applications.get(args.posting)
    values = status_change(application, args.status, day, args.next, next_day)
    target = scaffold.target_path(docs, APPLICATION, args.posting)
    if application is None and (target.exists() or target.is_symlink()):
        err(
            f"roledex status: {target} exists but is not a readable application of {args.posting!r}; "
            "nothing was changed. Run `roledex check` and fix what it reports first"
        )
        return FAILED
    path = Path(application.doc.path) if application else target
    try:
        if application is None:
            write_text_atomic(path, set_keys(scaffold.application_file(args.posting), values, APPLICATION))
        else:
            edit_in_place(path, lambda text: set_keys(text, values, APPLICATION))
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex status: {path}: {_why(error)}; nothing was changed")
        return FAILED
    changed = ", ".join(f"{k}: {v}" for k, v in values.items())
    out(f"{'updated' if application else 'wrote'} {path}: {changed}")
    return OK
