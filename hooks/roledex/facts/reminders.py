"""What is due: follow-ups on applications with no answer, next steps, people to get back to,
and postings closing while an application is still being prepared.

The numbers come from `extra.roledex` (`follow_up_after_days`, `follow_up_again_days`,
`follow_ups`); `roledex check` warns about what is overdue, the applications page lists what
is due, and `roledex calendar` puts it in the user's calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roledex.kb.model import Application, Contact, KnowledgeBase, Posting
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
    """follow-up, next-step, contact or closing."""
    what: str
    application: Application | None = None
    contact: Contact | None = None
    posting: Posting | None = None
    number: int = 1
    """Which follow-up this is (1 for the first)."""


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


def reminders(kb: KnowledgeBase, settings: Settings) -> list[Reminder]:
    """Everything that has a day to be done, soonest first."""
    found: list[Reminder] = []
    for application in kb.applications.values():
        posting = kb.postings.get(application.posting)
        follow_up = follow_up_due(application, settings, posting)
        if follow_up is not None:
            found.append(follow_up)
        if application.next_date and application.status not in CLOSED_STATUSES:
            what = application.next_step or "next step"
            found.append(Reminder(application.next_date, "next-step", what, application, posting=posting))
        if posting is not None and posting.closes and application.status in PREPARING | {None}:
            found.append(Reminder(posting.closes, "closing", "applications close", application, posting=posting))
    for contact in kb.contacts.values():
        if contact.next_follow_up:
            found.append(Reminder(contact.next_follow_up, "contact", f"get back to {contact.name}", contact=contact))
    return sorted(found, key=lambda r: (r.date, r.kind, r.what, _whose(r)))


def _whose(reminder: Reminder) -> str:
    """The slug of the record a reminder belongs to: one order for reminders alike otherwise."""
    record = reminder.application or reminder.contact
    return record.slug if record is not None else ""


def due(kb: KnowledgeBase, settings: Settings, today: dt.date) -> list[Reminder]:
    """What is due: every reminder from overdue to `DUE_WITHIN_DAYS` ahead, soonest first. The
    one rule of "due" that the pages, the calendar's reader and the command line all ask."""
    horizon = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    return [reminder for reminder in reminders(kb, settings) if reminder.date <= horizon]
