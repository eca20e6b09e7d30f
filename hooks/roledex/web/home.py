"""The home page: the knowledge base at a glance, and a way into every index."""

from __future__ import annotations

import datetime as dt

from roledex.facts.reminders import not_applied_yet
from roledex.web.common import INDEX_URIS, company_name, company_uri, link, posting_uri, prep_uri, relative, table
from roledex.web.context import SiteContext
from roledex.web.due_list import due_table
from roledex.web.indexes import newest_first
from roledex.web.own_lists import LIST_TITLES, LIST_URIS
from roledex.web.standing import standing

NEWEST = 8


WEEK = 7
"""The home page's "today and this week": what is due within this many days, and overdue."""


def _closing_soon(ctx: SiteContext) -> list:
    """Postings that close soon and that you have not applied to (in the private view; the
    published site knows no applications)."""
    horizon = ctx.today + dt.timedelta(days=ctx.settings.closing_soon_days)
    postings = [
        p
        for p in ctx.kb.postings.values()
        if p.closes and ctx.today <= p.closes <= horizon and not_applied_yet(ctx.kb.applications.get(p.slug))
    ]
    return sorted(postings, key=lambda p: (p.closes, p.slug))


def _posting_list(ctx: SiteContext, postings: list, when) -> str:
    here = INDEX_URIS["home"]
    rows = [
        [
            " ".join(filter(None, [link(p.title, here, posting_uri(p)), standing(ctx, p, here)])),
            link(company_name(ctx.kb, p), here, company_uri(p.company)),
            when(p),
            link("Prep", here, prep_uri(p.slug)),
        ]
        for p in postings
    ]
    return table(["Posting", "Company", "Date", "Prep"], rows)


def home_page(ctx: SiteContext, intro: str = "") -> str:
    """Counts, newest postings, postings closing soon, and links into every index."""
    here = INDEX_URIS["home"]
    kb = ctx.kb
    with_notes = sum(1 for slug in kb.postings if slug in kb.preps)
    counts = [
        ("Companies", len(kb.companies), "companies"),
        ("Postings", len(kb.postings), "postings"),
        ("Role families", len(kb.roles), "roles"),
        ("Prep pages with notes", with_notes, "postings"),
    ]
    if ctx.includes_private:
        counts.append(("Applications", len(kb.applications), "applications"))
    cards = "".join(
        f'<a class="rdx-stat" href="{relative(here, INDEX_URIS[target])}"><strong>{count}</strong> {label}</a>'
        for label, count, target in counts
    )
    parts = [intro.strip() + "\n" if intro.strip() else "# Job search\n"]
    if ctx.includes_private:  # what the day asks comes first, above the counts (a phone shows little)
        this_week = ctx.today + dt.timedelta(days=WEEK)
        parts.append("## Due today and this week\n")
        parts.append(due_table(ctx, [r for r in ctx.due() if r.date <= this_week], here))
        parts.append("## At a glance\n")
    parts.append(f'<div class="rdx-stats">{cards}</div>\n')
    browse = ", ".join(
        link(label, here, INDEX_URIS[key])
        for label, key in (
            ("Companies", "companies"),
            ("Postings", "postings"),
            ("Salaries", "salaries"),
            ("Role families", "roles"),
            ("Tags", "tags"),
        )
    )
    parts.append(f"Browse: {browse}.\n")
    if ctx.includes_private:
        yours = [("Applications", INDEX_URIS["applications"]), ("Offers", "offers/index.md")]
        yours += [(LIST_TITLES[k], u) for k, u in LIST_URIS.items()]
        parts.append("Yours (private view): " + ", ".join(link(label, here, uri) for label, uri in yours) + ".\n")
    newest = sorted(kb.postings.values(), key=newest_first)[:NEWEST]
    parts.append("## Newest postings\n")
    parts.append(
        _posting_list(ctx, newest, lambda p: p.posted.isoformat() if p.posted else "undated")
        if newest
        else "No postings yet: add one with `roledex new posting COMPANY TITLE`.\n"
    )
    soon = _closing_soon(ctx)
    parts.append(f"## Closing in the next {ctx.settings.closing_soon_days} days\n")
    parts.append(
        _posting_list(ctx, soon, lambda p: f"closes {p.closes.isoformat()}") if soon else "No posting closes soon.\n"
    )
    return "\n".join(parts)
