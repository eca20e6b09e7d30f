"""`roledex event`: add an interview round, a follow-up, a reply or a note to an application."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.naming import meant
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.cli.status import refused_unreadable, why_not
from roledex.facts.reminders import PLANNED_OUTCOMES
from roledex.kb import scaffold
from roledex.kb.files import edit_in_place
from roledex.kb.key_checks import check_keys
from roledex.kb.model import Application, Event
from roledex.kb.schema import APPLICATION, EVENT_FIELDS, EVENT_KINDS, ROUND_KINDS, ROUND_OUTCOMES
from roledex.kb.status_edit import CannotEdit, append_entry, place_by_date, set_item_keys
from roledex.kb.text import did_you_mean

KINDS = tuple(kind for kind in EVENT_KINDS if kind != "status")
"""A change of status goes through `roledex status`, which keeps `status` in step."""


def register(commands: argparse._SubParsersAction) -> None:
    event = commands.add_parser(
        "event", help="add an interview round, a follow-up, a reply or a note to an application"
    )
    event.add_argument("posting", metavar="POSTING", help="the posting's slug")
    event.add_argument("kind", metavar="KIND", help=", ".join(KINDS))
    event.add_argument("--date", help="the day (default: today)")
    event.add_argument("--round", metavar="KIND", help="for a round: " + ", ".join(ROUND_KINDS))
    event.add_argument(
        "--time", metavar="TIME", help="for a round: its start with a time zone, such as '14:30 Europe/London'"
    )
    event.add_argument("--minutes", type=int, metavar="N", help="for a round: how long it lasts")
    event.add_argument("--with", dest="contacts", action="append", metavar="SLUG", help="a contact involved (repeat)")
    event.add_argument("--outcome", metavar="OUTCOME", help="for a round: " + ", ".join(ROUND_OUTCOMES))
    event.add_argument(
        "--number",
        type=int,
        metavar="N",
        help="with --outcome: the round to record it on, as events.N (default: the planned round on --date)",
    )
    event.add_argument("--note", metavar="TEXT", help="a short note")
    event.add_argument(
        "--force", action="store_true", help=argparse.SUPPRESS
    )  # events are placed by date: no longer needed
    event.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    event.set_defaults(handler=run)


def _entry(args: argparse.Namespace, day: dt.date) -> dict[str, object]:
    entry: dict[str, object] = {"date": day, "kind": args.kind}
    for key in ("round", "time", "minutes", "outcome", "note"):
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
        edit_in_place(path, lambda text: set_item_keys(text, "events", held.number - 1, values))
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex event: {path}: {why_not(error)}; nothing was changed")
        return FAILED
    out(f"updated {path}: events.{held.number} {held.round or 'round'} round of {held.date}: outcome {args.outcome}")
    return OK


def run(args: argparse.Namespace) -> int:
    """Append one event to an application, after checking it as `roledex check` would."""
    if args.kind not in KINDS:
        hint = "; a change of status goes through `roledex status`" if args.kind == "status" else ""
        hint = hint or did_you_mean(args.kind, KINDS)
        err(f"roledex event: {args.kind!r} is not a kind of event{hint}; kinds: {', '.join(KINDS)}")
        return USAGE
    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        err(f"roledex event: --date takes a date as YYYY-MM-DD, got {args.date!r}")
        return USAGE
    loaded = checked_knowledge_base(Path(args.docs))
    kb = loaded.kb
    people = {slug: contact.name for slug, contact in kb.contacts.items()}
    found_people, unknown = [], []
    for given in args.contacts or []:
        person = meant(given, people)
        if person.slug is None:
            hint = person.said or "; `roledex new contact NAME` adds one"
            unknown.append(f"with: no contact {given!r} in contacts/{hint}")
        else:
            found_people.append(person.slug)
    args.contacts = found_people
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
    postings = {**{slug: "" for slug in kb.applications}, **{slug: p.title for slug, p in kb.postings.items()}}
    found = meant(args.posting, postings)
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
            path, lambda text: append_entry(text, "events", entry, APPLICATION, place_by_date(text, "events", entry))
        )
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex event: {path}: {why_not(error)}; nothing was changed")
        return FAILED
    out(f"updated {path}: event {day} {args.kind}" + (f" ({args.round})" if args.round else ""))
    return OK
