"""The application pipeline: stale applications, dated events and what is due soon.

Plain rules over the records, shared by `roledex check` (stale warnings) and the pipeline page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roledex.kb.model import Application
from roledex.kb.schema import CLOSED_STATUSES, DUE_WITHIN_DAYS, STALE_AFTER_DAYS, WAITING_ON_YOU


def last_change(application: Application) -> dt.date | None:
    """The latest of the application's applied and updated dates."""
    dates = [d for d in (application.applied, application.updated) if d is not None]
    return max(dates) if dates else None


def stale_days(application: Application, today: dt.date) -> int | None:
    """Days since the last change of an open, applied application once past the limit; else None."""
    if application.applied is None or application.status in CLOSED_STATUSES | WAITING_ON_YOU:
        return None
    changed = last_change(application)
    if changed is None:
        return None
    days = (today - changed).days
    return days if days > STALE_AFTER_DAYS else None


@dataclass(frozen=True)
class Event:
    """A dated step of one application: applied, a status change, a next step."""

    date: dt.date
    what: str
    application: Application


def events(applications: list[Application]) -> list[Event]:
    """Every dated event of every application, oldest first."""
    found = []
    for application in applications:
        if application.applied:
            found.append(Event(application.applied, "applied", application))
        if application.updated and application.updated != application.applied:
            found.append(Event(application.updated, f"status: {application.status or 'not set'}", application))
        if application.next_date:
            found.append(Event(application.next_date, f"next: {application.next_step or 'next step'}", application))
    return sorted(found, key=lambda e: (e.date, e.application.slug, e.what))


def due_soon(applications: list[Application], today: dt.date) -> list[Application]:
    """Open applications whose next step falls within the coming days (or is overdue)."""
    horizon = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    due = [a for a in applications if a.next_date and a.next_date <= horizon and a.status not in CLOSED_STATUSES]
    return sorted(due, key=lambda a: (a.next_date, a.slug))


def status_change(
    application: Application | None,
    status: str,
    day: dt.date,
    next_step: str | None = None,
    next_date: dt.date | None = None,
) -> dict[str, object]:
    """The keys a new status sets: the status and its day; `applied` too on the first
    `applied` status (a day of applying already recorded is kept); the next step if given."""
    values: dict[str, object] = {"status": status, "updated": day}
    if status == "applied" and (application is None or application.applied is None):
        values["applied"] = day
    if next_step is not None:
        values["next_step"] = next_step
    if next_date is not None:
        values["next_date"] = next_date
    return values
