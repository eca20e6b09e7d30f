"""The search in the user's calendar: an iCalendar file (RFC 5545) of interview rounds, next
steps, follow-ups, people to get back to and closing dates.

Written with the `icalendar` library, which folds lines at 75 octets, ends them with CRLF and
adds the time zones the rounds name. Each event's UID is a hash of what it is (never its
text), so importing a newer file updates the events it already holds; a round with a time
gets an alarm, a day without one is an all-day event with an exclusive end.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from roledex.facts.reminders import Reminder, reminders
from roledex.kb.model import Application, Event, KnowledgeBase
from roledex.kb.settings import Settings
from roledex.kb.text import parse_time

PRODUCT = "-//roledex//job search//EN"
UID_DOMAIN = "roledex.invalid"
DEFAULT_ROUND_MINUTES = 60


def uid(*identity: object) -> str:
    """A stable identifier that reveals nothing of what it names."""
    digest = hashlib.sha256("|".join(str(part) for part in ("roledex", *identity)).encode()).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"


def _all_day(summary: str, day: dt.date, identity: tuple[object, ...], stamp: dt.datetime) -> CalendarEvent:
    event = CalendarEvent()
    event.add("uid", uid(*identity))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def _round(
    application: Application, round_: Event, title: str, kb: KnowledgeBase, settings: Settings, stamp: dt.datetime
) -> CalendarEvent:
    kind = (round_.round or "interview").replace("-", " ")
    summary = f"Interview ({kind}): {title}"
    identity = ("round", application.slug, round_.number)
    start = parse_time(round_.time) if round_.time else None
    if start is None:
        return _all_day(summary, round_.date, identity, stamp)
    event = CalendarEvent()
    event.add("uid", uid(*identity))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    begins = dt.datetime.combine(round_.date, start[0], tzinfo=start[1])
    event.add("dtstart", begins)
    event.add("dtend", begins + dt.timedelta(minutes=round_.minutes or DEFAULT_ROUND_MINUTES))
    people = [kb.contacts[s].name if s in kb.contacts else s for s in round_.contacts]
    if people:
        event.add("description", "With " + ", ".join(people))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(minutes=-settings.interview_alarm_minutes))
    event.add_component(alarm)
    return event


SUMMARY_PREFIX = {"next-step": "Next", "todo": "To do"}


def _application_summary(reminder: Reminder, title: str) -> str:
    """'Follow up: <posting>', 'Next: ...' or 'To do: ...' for one item; the items of one
    application's day merged are said as the due list says them, then the posting."""
    if reminder.merged > 1:
        return f"{reminder.what[:1].upper()}{reminder.what[1:]} ({title})"
    if reminder.kind == "follow-up":
        return f"Follow up: {title}"
    return f"{SUMMARY_PREFIX.get(reminder.kind, 'Next')}: {reminder.what} ({title})"


def calendar(kb: KnowledgeBase, settings: Settings, now: dt.datetime | None = None) -> bytes:
    """The whole calendar as the bytes of an .ics file."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Job search")
    for application in kb.applications.values():
        for round_ in application.rounds:
            cal.add_component(_round(application, round_, kb.title_at(application.posting), kb, settings, stamp))
    for reminder in reminders(kb, settings):
        if reminder.kind == "round":
            continue  # every round is in the calendar above, at its time
        identity: tuple[object, ...]
        if reminder.kind == "closing" and reminder.posting is not None:
            summary = f"Applications close: {kb.title_at(reminder.posting.slug)}"
            identity = ("closes", reminder.posting.slug)
        elif reminder.kind == "offer" and reminder.posting is not None:
            summary = f"Offer deadline: {kb.title_at(reminder.posting.slug)}"
            identity = ("offer", reminder.posting.slug)
        elif reminder.contact is not None:
            summary, identity = reminder.what[:1].upper() + reminder.what[1:], ("contact", reminder.contact.slug)
        elif reminder.application is not None:
            title = kb.title_at(reminder.application.posting)
            summary = _application_summary(reminder, title)
            identity = (reminder.kind, reminder.application.slug, reminder.number)
        else:
            continue
        cal.add_component(_all_day(summary, reminder.date, identity, stamp))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
