"""An application's story in order: its events, or what Git and its front matter recorded.

The application page shows it; the funnel counts from it. Events are the record; a file that
predates them is read from Git history, and failing that from its `applied` and `updated`
dates, each moment saying where it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roledex.facts.history import RecordedChange, status_history
from roledex.kb.model import Application, Event

FROM_EVENTS = "events"
FROM_GIT = "Git history"
FROM_DATES = "the applied and updated dates"


@dataclass(frozen=True)
class Moment:
    """One step of an application's story."""

    date: dt.date
    kind: str
    status: str | None = None
    round: str | None = None
    time: str | None = None
    contacts: tuple[str, ...] = ()
    outcome: str | None = None
    note: str | None = None
    source: str = FROM_EVENTS
    due: dt.date | None = None
    done: dt.date | None = None

    def describe(self) -> str:
        """The moment in a few words: 'moved to screening', 'technical round (passed)'."""
        if self.kind == "round":
            what = f"{(self.round or 'interview').replace('-', ' ')} round"
            return what + (f" ({self.outcome})" if self.outcome else "")
        if self.kind == "status":
            return f"moved to {self.status}" if self.status else "status change"
        if self.kind == "todo":
            when = f"done {self.done}" if self.done else f"due {self.due}" if self.due else "open"
            return f"to-do ({when})"
        words = {"follow-up": "you followed up", "reply": "they replied", "note": "note"}
        what = words.get(self.kind, self.kind)
        return what + (f"; moved to {self.status}" if self.status else "")


def _moment(event: Event) -> Moment:
    return Moment(
        event.date,
        event.kind,
        event.status,
        event.round,
        event.time,
        event.contacts,
        event.outcome,
        event.note,
        due=event.due,
        done=event.done,
    )


def timeline(application: Application, history: list[RecordedChange] | None = None) -> list[Moment]:
    """The application's moments, oldest first."""
    if application.events:
        return sorted((_moment(e) for e in application.events), key=lambda m: m.date)
    if history:
        return [Moment(c.date, "status", c.status, source=FROM_GIT) for c in history]
    moments = []
    if application.applied:
        moments.append(Moment(application.applied, "status", "applied", source=FROM_DATES))
    if application.updated and application.status and (application.status != "applied" or not application.applied):
        moments.append(Moment(application.updated, "status", application.status, source=FROM_DATES))
    return sorted(moments, key=lambda m: m.date)


def story(application: Application) -> list[Moment]:
    """The application's timeline, asking Git only for a file without events."""
    return timeline(application, [] if application.events else status_history(application.doc.path))


def next_round(application: Application, today: dt.date) -> Event | None:
    """The first round dated today or later that has not happened yet."""
    upcoming = [e for e in application.rounds if e.date >= today and e.outcome in (None, "scheduled")]
    return min(upcoming, key=lambda e: (e.date, e.time or ""), default=None)
