"""When the user was last in touch with a person: the contact's own `last_contact`, or a later
event of an application that names them (a round they ran, a reply they sent)."""

from __future__ import annotations

import datetime as dt

from roledex.kb.model import Contact, KnowledgeBase


def last_in_touch(contact: Contact, kb: KnowledgeBase, today: dt.date) -> dt.date | None:
    """The latest day, up to today, of the contact's `last_contact` and the events naming them."""
    days = [contact.last_contact] if contact.last_contact else []
    for application in kb.applications.values():
        days += [e.date for e in application.events if contact.slug in e.contacts and e.date <= today]
    return max(days, default=None)
