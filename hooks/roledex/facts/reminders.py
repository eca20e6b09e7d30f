"""What is due: follow-ups on applications with no answer, next steps, to-dos, rounds, people
to get back to, and postings closing while an application is still being prepared.

The numbers come from `extra.roledex` (`follow_up_after_days`, `follow_up_again_days`,
`follow_ups`); `roledex check` warns about what is overdue, the applications page lists what
is due, and `roledex calendar` puts it in the user's calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from roledex.kb.model import Application, Contact, Event, KnowledgeBase, Posting
from roledex.kb.schema import CLOSED_STATUSES, DUE_WITHIN_DAYS, STATUSES
from roledex.kb.settings import Settings

ANSWERED_STATUSES = frozenset(STATUSES[STATUSES.index("screening") :]) - {"withdrawn", "closed"}
"""Statuses the company's answer moves an application to."""
PREPARING = frozenset({"saved", "preparing"})


@dataclass(frozen=True)
class Reminder:
    """One thing to do on a day."""

    date: dt.date
    kind: str
    """follow-up, next-step, todo, round, offer, contact or closing."""
    what: str
    application: Application | None = None
    contact: Contact | None = None
    posting: Posting | None = None
    number: int = 1
    """Which follow-up this is (1 for the first); for a to-do or a round, its event's number."""
    merged: int = 1
    """How many items of one application's day this one stands for."""


def answered(application: Application) -> bool:
    """True once the company replied or moved the application past `applied`."""
    if application.status in ANSWERED_STATUSES:
        return True
    return any(e.kind == "reply" or e.status in ANSWERED_STATUSES for e in application.events)


def follow_up_due(application: Application, settings: Settings, posting: Posting | None = None) -> Reminder | None:
    """The next follow-up of an application sent with no answer yet, or None: the first some
    days after applying, the next some days after the last one, at most `follow_ups`."""
    if application.status != "applied" or application.applied is None or answered(application):
        return None
    done = sorted(e.date for e in application.events if e.kind == "follow-up")
    if len(done) >= settings.follow_ups:
        return None
    if done:
        day = done[-1] + dt.timedelta(days=settings.follow_up_again_days)
    else:
        day = application.applied + dt.timedelta(days=settings.follow_up_after_days)
    number = len(done) + 1
    what = f"follow-up {number} of {settings.follow_ups}: no answer yet"
    return Reminder(day, "follow-up", what, application, posting=posting, number=number)


def ghosted(application: Application, settings: Settings, today: dt.date) -> bool:
    """Sent, never answered, and silent for `ghosted_after_days` since applying or the last
    follow-up: apart from a rejection, which is an answer."""
    if application.status != "applied" or application.applied is None or answered(application):
        return False
    follow_ups = [e.date for e in application.events if e.kind == "follow-up"]
    last = max([application.applied, *follow_ups])
    return (today - last).days >= settings.ghosted_after_days


PLANNED_OUTCOMES = frozenset({None, "scheduled"})
"""A round with no outcome yet, or one said to be scheduled, is still to come (or to record)."""
MERGED_KINDS = frozenset({"follow-up", "next-step", "todo"})
"""What the user does for one application on one day is one item, however many rules ask it."""


def _round_label(event: Event) -> str:
    when = f" at {event.time}" if event.time else ""
    return f"{(event.round or 'interview').replace('-', ' ')} round{when}"


def _application_reminders(application: Application, posting: Posting | None, settings: Settings) -> list[Reminder]:
    found: list[Reminder] = []
    follow_up = follow_up_due(application, settings, posting)
    if follow_up is not None:
        found.append(follow_up)
    if application.status in CLOSED_STATUSES:
        return found
    if application.next_date:
        what = application.next_step or "next step"
        found.append(Reminder(application.next_date, "next-step", what, application, posting=posting))
    for event in application.rounds:
        if event.outcome in PLANNED_OUTCOMES:
            found.append(
                Reminder(event.date, "round", _round_label(event), application, posting=posting, number=event.number)
            )
    for todo in application.open_todos:
        if todo.due is not None:
            found.append(
                Reminder(todo.due, "todo", todo.note or "to-do", application, posting=posting, number=todo.number)
            )
    return found


def _merged(found: list[Reminder]) -> list[Reminder]:
    """Follow-ups, next steps and to-dos of one application on one day, as one reminder."""
    groups: dict[tuple[dt.date, str], list[Reminder]] = {}
    kept: list[Reminder] = []
    for reminder in found:
        if reminder.kind in MERGED_KINDS and reminder.application is not None:
            groups.setdefault((reminder.date, reminder.application.slug), []).append(reminder)
        else:
            kept.append(reminder)
    for group in groups.values():
        first = min(group, key=lambda r: r.kind)
        words = "; ".join(r.what for r in sorted(group, key=lambda r: r.kind))
        kept.append(replace(first, what=words, merged=len(group)))
    return kept


def not_applied_yet(application: Application | None) -> bool:
    """True for a posting with no application, or one still being prepared: its closing date
    is still something to act on."""
    return application is None or application.status in PREPARING | {None}


def reminders(kb: KnowledgeBase, settings: Settings) -> list[Reminder]:
    """Everything that has a day to be done, soonest first: follow-ups, next steps, rounds and
    to-dos of open applications, closing dates of postings not applied to yet, people to get back to."""
    found: list[Reminder] = []
    for application in kb.applications.values():
        found += _application_reminders(application, kb.postings.get(application.posting), settings)
    for posting in kb.postings.values():
        mine = kb.applications.get(posting.slug)
        if posting.closes and not_applied_yet(mine):
            found.append(Reminder(posting.closes, "closing", "applications close", mine, posting=posting))
    for offer in kb.offers.values():
        if offer.status == "open" and offer.deadline:
            what = "answer the offer: its deadline"
            mine = kb.applications.get(offer.posting)
            found.append(Reminder(offer.deadline, "offer", what, mine, posting=kb.postings.get(offer.posting)))
    for contact in kb.contacts.values():
        if contact.next_follow_up:
            found.append(Reminder(contact.next_follow_up, "contact", f"get back to {contact.name}", contact=contact))
    return sorted(_merged(found), key=lambda r: (r.date, r.kind, r.what, _whose(r)))


def _whose(reminder: Reminder) -> str:
    """The slug of the record a reminder belongs to: one order for reminders alike otherwise."""
    record = reminder.application or reminder.contact or reminder.posting
    return record.slug if record is not None else ""


def due(kb: KnowledgeBase, settings: Settings, today: dt.date) -> list[Reminder]:
    """What is due: every reminder from overdue to `DUE_WITHIN_DAYS` ahead, soonest first. The
    one rule of "due" that the pages, the calendar's reader and the command line all ask."""
    horizon = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    return [reminder for reminder in reminders(kb, settings) if reminder.date <= horizon]
