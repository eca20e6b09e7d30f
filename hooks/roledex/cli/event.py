"""`roledex event`: add an interview round, a follow-up, a reply, a note or a to-do to an
application, record how a planned round went, or mark a to-do done."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.completion import complete_with, slugs_of, words
from roledex.cli.naming import Meant, meant, meant_first_among
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.cli.status import refused_unreadable, why_not
from roledex.facts.reminders import PLANNED_OUTCOMES
from roledex.kb import scaffold
from roledex.kb.files import edit_in_place
from roledex.kb.key_checks import check_keys
from roledex.kb.model import Application, Event, KnowledgeBase
from roledex.kb.schema import APPLICATION, CONTACT, EVENT_FIELDS, LOGGED_EVENT_KINDS, ROUND_KINDS, ROUND_OUTCOMES
from roledex.kb.status_edit import CannotEdit, add_event, as_seen, set_item_keys
from roledex.kb.text import did_you_mean

KINDS = LOGGED_EVENT_KINDS


def arguments(event: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    complete_with(
        event.add_argument(
            "posting", metavar="POSTING", help="the posting: its slug, the start of it, or words of its title"
        ),
        slugs_of(APPLICATION.folder),
    )
    complete_with(event.add_argument("kind", metavar="KIND", help=", ".join(KINDS)), words(KINDS))
    event.add_argument("text", nargs="?", metavar="TEXT", help="what to do (a to-do), or the note of any other kind")
    event.add_argument("--date", help="the day (default: today)")
    event.add_argument("--due", metavar="DATE", help="for a to-do: the day it is due")
    event.add_argument(
        "--done",
        action="store_true",
        help="for a to-do: mark the open to-do TEXT names (or events.N of --number) done on --date",
    )
    complete_with(
        event.add_argument("--round", metavar="KIND", help="for a round: " + ", ".join(ROUND_KINDS)), words(ROUND_KINDS)
    )
    event.add_argument(
        "--time", metavar="TIME", help="for a round: its start with a time zone, such as '14:30 Europe/London'"
    )
    event.add_argument("--minutes", type=int, metavar="N", help="for a round: how long it lasts")
    complete_with(
        event.add_argument(
            "--with", dest="contacts", action="append", metavar="SLUG", help="a contact involved (repeat)"
        ),
        slugs_of(CONTACT.folder),
    )
    complete_with(
        event.add_argument("--outcome", metavar="OUTCOME", help="for a round: " + ", ".join(ROUND_OUTCOMES)),
        words(ROUND_OUTCOMES),
    )
    event.add_argument(
        "--number",
        type=int,
        metavar="N",
        help="with --outcome: the round to record it on; with --done: the to-do; as events.N",
    )
    event.add_argument("--note", metavar="TEXT", help="a short note")
    event.add_argument(
        "--force", action="store_true", help=argparse.SUPPRESS
    )  # events are placed by date: no longer needed
    event.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    event.add_argument("--as-seen", help=argparse.SUPPRESS)  # the local site: the version its page showed
    event.set_defaults(handler=run)


def _entry(args: argparse.Namespace, day: dt.date) -> dict[str, object]:
    entry: dict[str, object] = {"date": day, "kind": args.kind}
    for key in ("round", "time", "minutes", "outcome", "note", "due"):
        value = getattr(args, key)
        if value is not None:
            entry[key] = value
    if args.contacts:
        entry["contacts"] = list(args.contacts)
    return entry


def _planned_round(application: Application, args: argparse.Namespace, day: dt.date) -> Event | str | None:
    """The round an `--outcome` is recorded on: events.N when `--number` says so, else the one
    round still planned on the day (of `--round`'s kind when given); None to add a new round;
    a message when `--number` names no round."""
    if args.kind != "round" or args.outcome is None:
        return None
    if args.number is not None:
        found = next((e for e in application.events if e.number == args.number), None)
        if found is None or found.kind != "round":
            return f"--number: events.{args.number} of {application.posting} is not a round"
        return found
    planned = [
        e
        for e in application.rounds
        if e.date == day and e.outcome in PLANNED_OUTCOMES and (args.round is None or e.round == args.round)
    ]
    return planned[0] if len(planned) == 1 else None


def _record_outcome(args: argparse.Namespace, application: Application, held: Event) -> int:
    """Set the outcome (and the note, when given) on a round already in the file."""
    values: dict[str, object] = {"outcome": args.outcome}
    if args.note is not None:
        values["note"] = args.note
    path = Path(application.doc.path)
    try:
        edit_in_place(path, as_seen(lambda text: set_item_keys(text, "events", held.number - 1, values), args.as_seen))
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex event: {path}: {why_not(error)}; nothing was changed")
        return FAILED
    out(f"updated {path}: events.{held.number} {held.round or 'round'} round of {held.date}: outcome {args.outcome}")
    return OK


def _application_meant(given: str, kb: KnowledgeBase) -> Meant:
    """The posting `given` names, among those with an application first (an event belongs to
    one): 'etsy growth' is the one Etsy growth role applied to, though Etsy has two."""
    titles = {slug: p.title for slug, p in kb.postings.items()}
    every = {**{slug: "" for slug in kb.applications}, **titles}
    return meant_first_among(given, {slug: titles.get(slug, "") for slug in kb.applications}, every)


def _todo_misuse(args: argparse.Namespace) -> str:
    """Why the to-do options do not fit the rest of the command, or ''."""
    if args.text and args.note:
        return "give the note once: as TEXT or as --note"
    if args.kind != "todo" and (args.due or args.done):
        return f"--{'due' if args.due else 'done'} is for a to-do (`roledex event POSTING todo TEXT`)"
    if args.kind == "todo" and not args.done and not (args.text or args.note):
        return "a to-do needs what to do: `roledex event POSTING todo 'Send the portfolio link' --due YYYY-MM-DD`"
    if args.done and args.due:
        return "--done marks a to-do done; --due sets the day of a new one: give one of them"
    return ""


def _open_todo(application: Application, args: argparse.Namespace) -> Event | str:
    """The open to-do `--number` or TEXT names, or why there is none."""
    todos = application.open_todos
    if not todos:
        return f"{application.posting} has no open to-do"
    listed = "; open: " + ", ".join(f"events.{e.number} {e.note!r}" for e in todos)
    if args.number is not None:
        found = next((e for e in todos if e.number == args.number), None)
        return found if found is not None else f"--number: events.{args.number} is not an open to-do{listed}"
    if not (args.text or args.note):
        return f"say which to-do: its words or --number N{listed}" if len(todos) > 1 else todos[0]
    named = meant(args.text or args.note, {f"events.{e.number}": e.note or "" for e in todos})
    if named.slug is None:
        return f"no open to-do fits {(args.text or args.note)!r}{listed}"
    return next(e for e in todos if f"events.{e.number}" == named.slug)


def _mark_done(args: argparse.Namespace, application: Application, day: dt.date) -> int:
    """Set `done` on the open to-do the command names."""
    todo = _open_todo(application, args)
    if isinstance(todo, str):
        err(f"roledex event: {todo}")
        return FAILED
    path = Path(application.doc.path)
    try:
        edit_in_place(
            path, as_seen(lambda text: set_item_keys(text, "events", todo.number - 1, {"done": day}), args.as_seen)
        )
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex event: {path}: {why_not(error)}; nothing was changed")
        return FAILED
    out(f"updated {path}: events.{todo.number} to-do {todo.note!r}: done {day}")
    return OK


def _misuse(args: argparse.Namespace) -> str:
    """Why the command's words do not make an event (a kind, dates, the to-do options), or ''.
    Reads the dates into `args`."""
    if args.kind not in KINDS:
        hint = "; a change of status goes through `roledex status`" if args.kind == "status" else ""
        hint = hint or did_you_mean(args.kind, KINDS)
        return f"{args.kind!r} is not a kind of event{hint}; kinds: {', '.join(KINDS)}"
    for option in ("date", "due"):
        given = getattr(args, option)
        try:
            setattr(args, option, dt.date.fromisoformat(given) if given else None)
        except ValueError:
            return f"--{option} takes a date as YYYY-MM-DD, got {given!r}"
    return _todo_misuse(args)


def _people(given: list[str], kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """(the contacts `--with` names, by slug; a line for each name that fits none)."""
    people = {slug: contact.name for slug, contact in kb.contacts.items()}
    found, unknown = [], []
    for name in given:
        person = meant(name, people)
        if person.slug is None:
            hint = person.said or "; `roledex new contact NAME` adds one"
            unknown.append(f"with: no contact {name!r} in contacts/{hint}")
        else:
            found.append(person.slug)
    return found, unknown


def run(args: argparse.Namespace) -> int:
    """Append one event to an application, after checking it as `roledex check` would."""
    misuse = _misuse(args)
    if misuse:
        err(f"roledex event: {misuse}")
        return USAGE
    day = args.date or dt.date.today()
    args.note = args.note or args.text
    loaded = checked_knowledge_base(Path(args.docs))
    kb = loaded.kb
    args.contacts, unknown = _people(args.contacts or [], kb)
    entry = _entry(args, day)
    problems = [f"{key}: {message}" for key, message, _ in check_keys(entry, EVENT_FIELDS)]
    updating = args.kind == "round" and args.outcome is not None and (args.number is not None or not args.round)
    if args.kind == "round" and not args.round and not updating:
        problems.append(f"round: a round needs --round (one of {', '.join(ROUND_KINDS)})")
    problems += unknown
    if problems:
        for problem in problems:
            err(f"roledex event: --{problem}")
        return USAGE
    found = _application_meant(args.posting, kb)
    application = kb.applications.get(found.slug) if found.slug else None
    target = scaffold.target_path(Path(args.docs), APPLICATION, found.slug or args.posting)
    if refused_unreadable("event", target, application, loaded):
        return FAILED
    if application is None:
        err(
            f"roledex event: no application for {args.posting!r}{found.said}; "
            "`roledex status POSTING applied` starts one"
        )
        return FAILED
    if day > dt.date.today() and args.kind != "round":
        err(f"roledex event: warning: {day} is in the future")
    if args.done:
        return _mark_done(args, application, day)
    held = _planned_round(application, args, day)
    if isinstance(held, str):
        err(f"roledex event: {held}")
        return USAGE
    if held is not None:
        return _record_outcome(args, application, held)
    if args.kind == "round" and not args.round:
        err(f"roledex event: --round: no round planned on {day} to record the outcome on; give --round to add one")
        return USAGE
    path = Path(application.doc.path)
    try:
        edit_in_place(
            path,
            as_seen(
                lambda text: add_event(text, entry),
                args.as_seen,
            ),
        )
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex event: {path}: {why_not(error)}; nothing was changed")
        return FAILED
    out(f"updated {path}: event {day} {args.kind}" + (f" ({args.round})" if args.round else ""))
    return OK
