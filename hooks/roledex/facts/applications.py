"""The application pipeline: stale applications, dated events and status changes.

Plain rules over the records, shared by `roledex check` (stale warnings) and the pipeline page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roledex.kb.model import Application
from roledex.kb.model import Event as RecordedEvent
from roledex.kb.schema import CLOSED_STATUSES, STALE_AFTER_DAYS, WAITING_ON_YOU


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
class StatusChange:
    """What moving an application to a status writes: the keys it sets, the events it adds
    (the change itself, after any reconstructed from a file that predates events), and the
    keys of a next step it passed, which it removes."""

    values: dict[str, object]
    events: list[dict[str, object]]
    cleared: list[str]


def _seeded(application: Application) -> list[dict[str, object]]:
    """Events for what a file recorded before it kept events: the day it was applied, and its
    status on the day of the last change."""
    seeded: list[dict[str, object]] = []
    if application.applied:
        seeded.append({"date": application.applied, "status": "applied"})
    if application.status and application.status != "applied" and application.updated:
        seeded.append({"date": application.updated, "status": application.status})
    return sorted(seeded, key=lambda event: str(event["date"]))


def status_change(
    application: Application | None,
    status: str,
    day: dt.date,
    next_step: str | None = None,
    next_date: dt.date | None = None,
    note: str | None = None,
) -> StatusChange:
    """The change a new status makes: the status and its day; `applied` too on the first
    `applied` status (a day of applying already recorded is kept); the next step if given,
    else a next step due by `day` cleared when the status moves on; and the event."""
    values: dict[str, object] = {"status": status, "updated": day}
    if status == "applied" and (application is None or application.applied is None):
        values["applied"] = day
    if next_step is not None:
        values["next_step"] = next_step
    if next_date is not None:
        values["next_date"] = next_date
    event: dict[str, object] = {"date": day, "status": status}
    if note:
        event["note"] = note
    seeded = _seeded(application) if application is not None and not application.events else []
    cleared: list[str] = []
    moved = application is not None and application.status != status
    passed = application is not None and (application.next_date is None or application.next_date <= day)
    if application is not None and moved and passed:
        cleared = [key for key in ("next_step", "next_date") if key in application.doc.meta and key not in values]
    return StatusChange(values, [*seeded, event], cleared)


def last_status_change(application: Application | None) -> RecordedEvent | None:
    """The application's latest change of status, or None: the one its `status` must say."""
    moves = [event for event in application.events if event.status] if application is not None else []
    return max(moves, key=lambda event: (event.date, event.number)) if moves else None
