"""What is due, as one table: the home page, the pipeline page and an application's page show
the same rows, from the one rule (`facts.reminders.due`)."""

from __future__ import annotations

from roledex.facts.reminders import Reminder
from roledex.web.common import badge, link, posting_uri, table, text
from roledex.web.context import SiteContext


def _row(ctx: SiteContext, reminder: Reminder, here: str) -> list[str]:
    when = str(reminder.date) + (" " + badge("overdue", "flag") if reminder.date < ctx.today else "")
    if reminder.posting is not None:
        target = link(reminder.posting.title, here, posting_uri(reminder.posting))
    elif reminder.contact is not None:
        target = link(reminder.contact.name, here, reminder.contact.doc.src_uri)
    else:
        target = ""
    return [when, target, text(reminder.what)]


def due_table(ctx: SiteContext, reminders: list[Reminder], here: str, of_one: bool = False) -> str:
    """The reminders as rows of date, what they are for and what to do, or a line saying none;
    `of_one` leaves out what they are for (the page of the one application they belong to)."""
    if not reminders:
        return "Nothing is due.\n"
    rows = [_row(ctx, reminder, here) for reminder in reminders]
    if of_one:
        return table(["Date", "To do"], [[row[0], row[2]] for row in rows])
    return table(["Date", "For", "To do"], rows)
