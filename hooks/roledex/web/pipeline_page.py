"""The application pipeline page: a column per status, a timeline, and what is due soon."""

from __future__ import annotations

from roledex.facts.applications import last_change, stale_days
from roledex.kb.model import Application
from roledex.kb.schema import CLOSED_STATUSES, DUE_WITHIN_DAYS, STALE_AFTER_DAYS, STATUSES
from roledex.web.common import (
    INDEX_URIS,
    badge,
    company_name,
    company_uri,
    link,
    plural,
    posting_uri,
    prep_uri,
    table,
    text,
)
from roledex.web.context import SiteContext
from roledex.web.due_list import due_table

HERE = INDEX_URIS["applications"]


def _card(ctx: SiteContext, application: Application) -> str:
    posting = ctx.kb.postings[application.posting]
    lines = [
        f'<p class="rdx-pipeline-title">{link(posting.title, HERE, posting_uri(posting))}</p>',
        f"<p>{link(company_name(ctx.kb, posting), HERE, company_uri(posting.company))} · "
        f"{link('Prep', HERE, prep_uri(posting.slug))} · "
        f"{link('Application', HERE, application.doc.src_uri)}</p>",
    ]
    dates = [f"applied {application.applied}" if application.applied else "not applied yet"]
    if application.updated:
        dates.append(f"changed {application.updated}")
    lines.append(f"<p>{', '.join(dates)}</p>")
    if application.next_step or application.next_date:
        when = f" ({application.next_date})" if application.next_date else ""
        lines.append(f"<p><strong>Next:</strong> {text(application.next_step or 'next step')}{when}</p>")
    days = stale_days(application, ctx.today)
    if days is not None:
        lines.append("<p>" + badge(f"stale: {days} days without change", "flag") + "</p>")
    marks = f'data-rdx-application="{text(application.doc.slug)}" data-rdx-current="{text(application.status or "")}"'
    return f'<div class="rdx-pipeline-card" {marks}>' + "".join(lines) + "</div>"


def _columns(ctx: SiteContext, applications: list[Application]) -> str:
    columns = []
    for status in STATUSES:
        cards = [_card(ctx, a) for a in applications if a.status == status]
        if not cards and status in CLOSED_STATUSES:
            continue
        label = badge(status, f"status-{status}")
        body = "".join(cards) or '<p class="rdx-pipeline-empty">none</p>'
        columns.append(
            f'<section class="rdx-pipeline-column" aria-label="{status}" data-rdx-status="{status}">'
            f"<h3>{label} {len(cards)}</h3>{body}</section>"
        )
    unset = [a for a in applications if a.status is None]
    if unset:
        columns.append(
            '<section class="rdx-pipeline-column" aria-label="no status"><h3>no status '
            f"{len(unset)}</h3>{''.join(_card(ctx, a) for a in unset)}</section>"
        )
    return '\n<div class="rdx-pipeline">' + "".join(columns) + "</div>\n\n"


def pipeline_page(ctx: SiteContext) -> str:
    """Every application by status, in pipeline order, then the timeline and what is due."""
    applications = sorted(
        (a for a in ctx.kb.applications.values() if a.posting in ctx.kb.postings),
        key=lambda a: (last_change(a) or ctx.today, a.slug),
    )
    parts = [
        "# Applications\n",
        badge("private", "private") + f" This page exists only in the private view. "
        f"{plural(len(applications), 'application')}; an open application with no change "
        f"{STALE_AFTER_DAYS} days after it was applied is marked stale. "
        f"{link('The funnel', HERE, INDEX_URIS['funnel'])} counts how far they got.\n",
    ]
    if not applications:
        parts.append("No applications yet. Start one with `roledex new application POSTING`.\n")
        return "\n".join(parts)
    parts.append(_columns(ctx, applications))
    parts.append(f"## Due in the next {DUE_WITHIN_DAYS} days\n")
    parts.append(due_table(ctx, ctx.due(), HERE))
    parts.append("## Timeline\n")
    moments = sorted(
        ((moment, application) for application in applications for moment in ctx.timeline(application)),
        key=lambda pair: (pair[0].date, pair[1].slug),
    )
    if moments:
        rows = [
            [
                str(moment.date),
                link(
                    ctx.kb.postings[application.posting].title, HERE, posting_uri(ctx.kb.postings[application.posting])
                ),
                text(moment.describe() + (f": {moment.note}" if moment.note else "")),
            ]
            for moment, application in moments
        ]
        parts.append(table(["Date", "Posting", "Event"], rows))
    else:
        parts.append("No dated events yet: `roledex status POSTING applied` records the day you apply.\n")
    return "\n".join(parts)
