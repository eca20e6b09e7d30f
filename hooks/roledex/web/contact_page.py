"""A contact's page (private view), and the people of a company on its page."""

from __future__ import annotations

import html

from roledex.kb.model import Company, Contact
from roledex.web.application_page import contact_uri
from roledex.web.common import card, company_uri, external_link, item, link, posting_uri, table, text
from roledex.web.context import SiteContext
from roledex.web.standing import application_uri, status_badge


def _mail(address: str) -> str:
    return f'<a href="mailto:{html.escape(address.strip(), quote=True)}">{text(address)}</a>'


def _applications(ctx: SiteContext, contact: Contact, here: str) -> str:
    rows = []
    for application in ctx.kb.applications.values():
        named = set(application.contacts) | {s for e in application.events for s in e.contacts}
        posting = ctx.kb.postings.get(application.posting)
        if contact.slug in named and posting is not None:
            rows.append(
                [
                    link(posting.title, here, posting_uri(posting)),
                    status_badge(application),
                    link("application", here, application_uri(application)),
                ]
            )
    if not rows:
        return ""
    return "## Applications\n" + table(["Posting", "Status", ""], rows)


def contact_page(ctx: SiteContext, contact: Contact, body: str, heading: str | None) -> str:
    """One person: how to reach them, how you know them, where they appear, then the notes."""
    here = contact_uri(contact)
    company = ctx.kb.companies.get(contact.company or "")
    items = [
        item(
            "Company", link(company.name, here, company_uri(company.slug)) if company else text(contact.company or "")
        ),
        item("Role", text(contact.role or "")),
        item("How you know them", text((contact.relation or "").replace("-", " "))),
        item("Email", _mail(contact.email) if contact.email else ""),
        item("LinkedIn", external_link("profile", contact.linkedin) if contact.linkedin else ""),
        item("Last contact", contact.last_contact.isoformat() if contact.last_contact else ""),
        item("Next follow-up", contact.next_follow_up.isoformat() if contact.next_follow_up else ""),
    ]
    return (
        f"# {heading or text(contact.name)}\n"
        + card(items)
        + _applications(ctx, contact, here)
        + "\n"
        + body.lstrip("\n")
    )


def company_people(ctx: SiteContext, company: Company) -> str:
    """The people you know at a company, under its profile (private view only)."""
    contacts = ctx.kb.contacts_at(company.slug) if ctx.includes_private else []
    if not contacts:
        return ""
    here = company_uri(company.slug)
    rows = [
        [
            link(c.name, here, contact_uri(c)),
            text(c.role or ""),
            text((c.relation or "").replace("-", " ")),
            c.last_contact.isoformat() if c.last_contact else "",
            c.next_follow_up.isoformat() if c.next_follow_up else "",
        ]
        for c in sorted(contacts, key=lambda c: (c.name.lower(), c.slug))
    ]
    return "\n\n## People\n" + table(["Name", "Role", "How you know them", "Last contact", "Next follow-up"], rows)
