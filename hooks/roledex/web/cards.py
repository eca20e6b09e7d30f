"""What the plugin adds to hand-written pages: a posting's header card, a company's postings."""

from __future__ import annotations

from roledex.kb.model import Company, Posting
from roledex.web.common import (
    annual_cell,
    band_text,
    card,
    company_name,
    company_uri,
    external_link,
    flag_headline,
    item,
    link,
    plural,
    posting_uri,
    prep_uri,
    role_uri,
    stated_salary,
    table,
    text,
    work_mode_badge,
)
from roledex.web.context import SiteContext
from roledex.web.standing import standing, standing_items


def posting_facts(ctx: SiteContext, posting: Posting, here: str) -> list[str]:
    """The facts of a posting as list items, linked to its company and role family."""
    salary = posting.salary
    annual = ctx.annual(posting)
    stated = text(stated_salary(salary))
    if annual is not None and salary is not None and (annual.currency != salary.currency or salary.period != "year"):
        stated += f" (≈ {annual_cell(annual)} a year)"
    if salary and salary.note:
        stated += f"; {text(salary.note)}"
    if salary and salary.text and salary.has_figures:
        stated += f" — posted as “{text(salary.text)}”"
    source = text(posting.source or "")
    if posting.url:
        source = external_link(posting.source or "original posting", posting.url)
    items = [
        item("Company", link(company_name(ctx.kb, posting), here, company_uri(posting.company))),
        item("Role family", link(ctx.role_name(posting.role), here, role_uri(posting.role)) if posting.role else ""),
        item("Team", text(posting.team or "")),
        item("Reports to", text(posting.reports_to or "")),
        item("Team size", text(posting.team_size or "")),
        item("Level", text(posting.level or "")),
        item("Employment", text(posting.employment or "")),
        item("Salary", " ".join(filter(None, [stated or "not stated", flag_headline(salary)]))),
        item("Locations", text(", ".join(posting.locations))),
        item("Work mode", work_mode_badge(posting.work_mode)),
        item("Source", source),
        item("Posted", posting.posted.isoformat() if posting.posted else ""),
        item("Closes", posting.closes.isoformat() if posting.closes else ""),
    ]
    return [entry for entry in items if entry]


def posting_header(ctx: SiteContext, posting: Posting) -> str:
    """The card above a posting's text: where you stand (private view), its facts and the way
    to its prep page."""
    here = posting_uri(posting)
    prep = link("Prepare for this role", here, prep_uri(posting.slug), css="md-button md-button--primary")
    items = [*standing_items(ctx, posting, here), *posting_facts(ctx, posting, here)]
    return f"# {text(posting.title)}\n" + card(items, prep) + "## The posting\n\n"


def company_postings(ctx: SiteContext, company: Company) -> str:
    """The block under a company profile: its postings with salaries, and their range."""
    here = company_uri(company.slug)
    postings = sorted(ctx.kb.postings_of(company.slug), key=lambda p: (p.title.lower(), p.slug))
    if not postings:
        return "\n\n## Postings\n\nNo postings of this company are on record yet.\n"
    found = ctx.band_of(postings)
    rows = [
        [
            " ".join(filter(None, [link(p.title, here, posting_uri(p)), standing(ctx, p, here)])),
            link(ctx.role_name(p.role), here, role_uri(p.role)) if p.role else "",
            work_mode_badge(p.work_mode),
            text(stated_salary(p.salary)),
            annual_cell(ctx.annual(p)),
            link("Prep", here, prep_uri(p.slug)),
        ]
        for p in postings
    ]
    summary = f"{plural(len(postings), 'posting')}; salary range {band_text(found, ctx.base)} a year ({ctx.base})."
    return (
        "\n\n## Postings\n\n"
        + summary
        + "\n\n"
        + table(
            ["Posting", "Role family", "Work mode", "Salary as stated", f"Annual ({ctx.base})", "Prep"],
            rows,
            indexed=False,
        )
    )


def company_facts(company: Company) -> list[str]:
    """The company's facts from its front matter, as card items (empty ones are skipped)."""
    return [
        item("Headquarters", text(company.headquarters or "")),
        item("Founded", str(company.founded) if company.founded else ""),
        item("Employees", f"{company.employees:,}" if company.employees else ""),
        item("Ticker", text(company.ticker or "")),
        item("Industry", text(company.industry or "")),
        item("Tech stack", text(", ".join(company.tech_stack))),
    ]


def company_header(company: Company) -> str:
    """Facts from a company's front matter, above its profile."""
    items = [
        item("Website", external_link(company.website, company.website) if company.website else ""),
        *company_facts(company),
        item("Profile updated", company.updated.isoformat() if company.updated else ""),
    ]
    return card(items) if any(items) else ""
