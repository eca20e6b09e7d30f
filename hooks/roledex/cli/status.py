"""`roledex status`: set an application's status in place, keeping the file as written."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.completion import complete_with, slugs_of, words
from roledex.cli.naming import meant, meant_first_among
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.facts.applications import StatusChange, last_status_change, status_change
from roledex.kb import scaffold
from roledex.kb.files import edit_in_place, edit_or_create
from roledex.kb.load import LoadResult
from roledex.kb.model import Application
from roledex.kb.schema import APPLICATION, POSTING, STATUSES
from roledex.kb.status_edit import ABSENT, CannotEdit, add_event, as_seen, remove_keys, set_keys
from roledex.kb.text import did_you_mean

STARTING_STATUSES = frozenset({"saved", "preparing", "applied"})
"""Statuses a new application starts at; any other moves an application already there."""


def arguments(status: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    complete_with(
        status.add_argument(
            "posting", metavar="POSTING", help="the posting: its slug, the start of it, or words of its title"
        ),
        slugs_of(POSTING.folder),
    )
    complete_with(status.add_argument("status", metavar="STATUS", help=", ".join(STATUSES)), words(STATUSES))
    status.add_argument("--date", help="the day of the change (default: today)")
    status.add_argument("--next", metavar="TEXT", help="the next step")
    status.add_argument("--next-date", metavar="DATE", help="when the next step is due")
    status.add_argument("--note", metavar="TEXT", help="a short note kept with the event")
    status.add_argument("--force", action="store_true", help="record a change dated before the last event")
    status.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    status.add_argument("--as-seen", help=argparse.SUPPRESS)  # the local site: the version its page showed
    status.set_defaults(handler=run)


def _date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} takes a date as YYYY-MM-DD, got {value!r}") from None


def refused_out_of_order(application: Application | None, day: dt.date, force: bool) -> bool:
    """Say so and return True when `day` comes before the application's last change of status
    and the user did not pass --force: the status is the last change's, so an earlier one would
    be recorded and not be the status. Any other event (a round planned ahead) is no fence."""
    last = last_status_change(application)
    if last is None or day >= last.date or force or application is None:
        return False
    err(
        f"roledex status: {day} is before the last change of status of {application.posting} "
        f"({last.date}, events.{last.number}, {last.status}); the status is the latest change's: "
        "pass --force to record it anyway"
    )
    return True


def refused_unreadable(command: str, target: Path, application: Application | None, loaded: LoadResult) -> bool:
    """Say so and return True when the application's file was there when the knowledge base was
    read but is not this posting's application (it could not be read, or it names another
    posting): writing a new one there, or offering to start one, would hide or change the file
    the user has. A file another command created since is not refused: it is edited."""
    if application is not None:
        return False
    owner = next((a.posting for a in loaded.kb.applications.values() if Path(a.doc.path) == target), None)
    if owner is not None:
        err(
            f"roledex {command}: {target} is the application of {owner!r} (its posting key); nothing was "
            "changed. Give the file its posting's name, or fix its posting key, first"
        )
        return True
    if not any(Path(problem.path) == target for problem in loaded.problems):
        return False
    err(
        f"roledex {command}: {target} exists but is not a readable application; nothing was changed. "
        "Run `roledex check` and fix what it reports first"
    )
    return True


def why_not(error: Exception) -> str:
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
    loaded = checked_knowledge_base(docs)
    kb = loaded.kb
    titles = {slug: p.title for slug, p in kb.postings.items()}
    if args.status in STARTING_STATUSES:  # may start an application: every posting is as likely
        posting = meant(args.posting, titles)
    else:  # moves one on: the postings applied to come first
        posting = meant_first_among(args.posting, {s: titles[s] for s in kb.applications if s in titles}, titles)
    if posting.slug is None:
        err(f"roledex status: no posting {args.posting!r} in {docs / POSTING.folder}{posting.said}")
        return FAILED
    args.posting = posting.slug
    application = kb.applications.get(args.posting)
    if refused_out_of_order(application, day, args.force):
        return FAILED
    if day > dt.date.today():
        err(f"roledex status: warning: {day} is in the future; the event is recorded as planned")
    change = status_change(application, args.status, day, args.next, next_day, args.note)
    recorded = [event["date"] for event in change.events[:-1] if isinstance(event["date"], dt.date)]
    if recorded and max(recorded) > day and not args.force:
        err(
            f"roledex status: {day} is before the change the file records ({max(recorded)}, its status "
            "and updated date); events keep the order things happened: pass --force to record it anyway"
        )
        return FAILED
    target = scaffold.target_path(docs, APPLICATION, args.posting)
    if refused_unreadable("status", target, application, loaded):
        return FAILED
    path = Path(application.doc.path) if application else target
    initial = scaffold.application_file(args.posting)
    seen = as_seen(lambda text: _changed(text, change), args.as_seen, initial)
    try:
        if application is None:  # another command may start it meanwhile: then this edits it
            if args.as_seen not in (None, ABSENT):
                raise CannotEdit("changed since you loaded it; reload")
            edit_or_create(path, seen, initial)
        else:
            edit_in_place(path, seen)
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex status: {path}: {why_not(error)}; nothing was changed")
        return FAILED
    changed = ", ".join(f"{k}: {v}" for k, v in change.values.items())
    out(f"{'updated' if application else 'wrote'} {path}: {changed}; event {day} {args.status}")
    if change.cleared and application is not None:
        passed = f"{application.next_step!r}" + (f" (due {application.next_date})" if application.next_date else "")
        out(f"  cleared the next step {passed}, which this change passed; set a new one with --next")
    return OK


def _changed(text: str, change: StatusChange) -> str:
    """The application's text with the change made: keys set, events added, a passed next step removed."""
    text = set_keys(text, change.values, APPLICATION)
    for event in change.events:
        text = add_event(text, event)
    return remove_keys(text, change.cleared) if change.cleared else text
