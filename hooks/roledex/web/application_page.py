"""An application's own page (private view): its facts, its story, its rounds and people,
then what the user wrote."""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify

from roledex.facts.timeline import FROM_EVENTS, next_round
from roledex.kb.model import Application, Contact
from roledex.kb.sections import sections
from roledex.web.common import (
    card,
    company_name,
    company_uri,
    item,
    link,
    posting_uri,
    prep_uri,
    relative,
    table,
    text,
)
from roledex.web.context import SiteContext
from roledex.web.due_list import due_table
from roledex.web.standing import application_uri, next_step_text, status_badge


def contact_uri(contact: Contact) -> str:
    return contact.doc.src_uri


def people(ctx: SiteContext, slugs: tuple[str, ...] | list[str], here: str) -> str:
    """Contacts named by slug, linked to their pages (a slug with no file shown as written)."""
    shown = []
    for slug in slugs:
        contact = ctx.kb.contacts.get(slug)
        shown.append(link(contact.name, here, contact_uri(contact)) if contact else text(slug))
    return ", ".join(shown)


def _facts(ctx: SiteContext, application: Application, here: str) -> list[str]:
    posting = ctx.kb.postings.get(application.posting)
    items = [item("Status", status_badge(application) or "not set")]
    if posting is not None:
        items += [
            item("Posting", link(posting.title, here, posting_uri(posting))),
            item("Company", link(company_name(ctx.kb, posting), here, company_uri(posting.company))),
            item("Prep", link("prep page", here, prep_uri(posting.slug))),
        ]
    items += [
        item("Applied", application.applied.isoformat() if application.applied else ""),
        item("Last change", application.updated.isoformat() if application.updated else ""),
        item("Source", text(application.source or "")),
        item("Next step", next_step_text(application)),
        item("People", people(ctx, application.contacts, here)),
    ]
    return items


def _timeline(ctx: SiteContext, application: Application, here: str) -> str:
    moments = ctx.timeline(application)
    if not moments:
        return "## Timeline\n\nNothing recorded yet: `roledex status` adds each change as an event.\n"
    source = moments[0].source
    note = "" if source == FROM_EVENTS else f"\nRead from {source}; `roledex status` records events from now on.\n"
    rows = [
        [
            m.date.isoformat() + (f" {text(m.time)}" if m.time else ""),
            text(m.describe()),
            people(ctx, m.contacts, here),
            text(m.note or ""),
        ]
        for m in moments
    ]
    return "## Timeline\n" + note + table(["Date", "What", "With", "Note"], rows)


def todos_section(ctx: SiteContext, application: Application) -> str:
    """The to-dos not done yet, each with its due date and the command that marks it done."""
    todos = application.open_todos
    if not todos:
        return ""
    rows = [
        [
            (str(e.due) + (" overdue" if e.due < ctx.today else "")) if e.due else "",
            text(e.note or ""),
            f"events.{e.number}",
        ]
        for e in sorted(todos, key=lambda e: (e.due is None, e.due or e.date, e.number))
    ]
    how = f"\n`roledex event {application.slug} todo --number N --done` marks one done.\n"
    return "## To-dos\n\n" + table(["Due", "To do", "Event"], rows) + how + "\n"


def rounds_section(ctx: SiteContext, application: Application, here: str, level: int = 2) -> str:
    """The rounds so far and the next one, under a heading of `level`; empty without rounds."""
    rounds = application.rounds
    if not rounds:
        return ""
    upcoming = next_round(application, ctx.today)
    lead = ""
    if upcoming is not None:
        when = upcoming.date.isoformat() + (f" at {text(upcoming.time)}" if upcoming.time else "")
        lead = f"**Next round:** {text((upcoming.round or 'interview').replace('-', ' '))}, {when}.\n\n"
    debriefs = debrief_anchors(application.doc.body)
    rows = [
        [
            e.date.isoformat() + (f" {text(e.time)}" if e.time else ""),
            text((e.round or "").replace("-", " ")),
            f"{e.minutes} min" if e.minutes else "",
            people(ctx, e.contacts, here),
            text(e.outcome or ""),
            _debrief_link(debriefs.get(e.date.isoformat()), here, application),
        ]
        for e in rounds
    ]
    heading = "#" * level + " Interview rounds\n\n"
    return heading + lead + table(["When", "Round", "Length", "Interviewers", "Outcome", "Debrief"], rows)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def debrief_anchors(body: str) -> dict[str, str]:
    """The anchor of the first heading of the body that names each day ('## Debrief
    2026-11-12'), as the Markdown table of contents makes it."""
    anchors: dict[str, str] = {}
    for section in sections(body):
        for day in _ISO_DAY.findall(section.title):
            anchors.setdefault(day, slugify(section.title, "-"))
    return anchors


def _debrief_link(anchor: str | None, here: str, application: Application) -> str:
    if anchor is None:
        return ""
    target = relative(here, application_uri(application)) + "#" + anchor
    return f'<a href="{html.escape(target, quote=True)}">debrief</a>'


def application_page(ctx: SiteContext, application: Application, body: str, heading: str | None) -> str:
    """The page of one application: facts card, what is due, timeline, rounds, then the body as written."""
    here = application_uri(application)
    posting = ctx.kb.postings.get(application.posting)
    title = heading or f"Application: {text(posting.title if posting else application.posting)}"
    mine = [r for r in ctx.due() if r.application is application]
    return (
        f"# {title}\n"
        + card(_facts(ctx, application, here))
        + ("## Due\n\n" + due_table(ctx, mine, here, of_one=True) + "\n" if mine else "")
        + todos_section(ctx, application)
        + _timeline(ctx, application, here)
        + "\n"
        + rounds_section(ctx, application, here)
        + "\n"
        + body.lstrip("\n")
    )
