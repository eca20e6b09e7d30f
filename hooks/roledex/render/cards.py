"""What the hook adds to hand-written pages: a posting's header card, a company's postings."""

from __future__ import annotations

from ..model import Company, Posting
from .common import (annual_cell, plural, badge, band_text, company_name, company_uri, flag_headline, link,
                     posting_uri, prep_uri, role_label, role_uri, stated_salary, table, text,
                     work_mode_badge)
from .context import SiteContext


def safe_url(url: str) -> str:
    """An address that cannot end a Markdown link early or open an HTML tag."""
    return url.strip().replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _item(label: str, value: str) -> str:
    return f"- **{label}:** {value}" if value else ""


def posting_facts(ctx: SiteContext, posting: Posting, here: str) -> list[str]:
    """The facts of a posting as list items, linked to its company and role family."""
    salary = posting.salary
    annual = ctx.annual(posting)
    stated = text(stated_salary(salary))
    if annual is not None and (annual.currency != (salary.currency if salary else None) or salary.period != "year"):
        stated += f" (≈ {annual_cell(annual)} a year)"
    if salary and salary.note:
        stated += f"; {text(salary.note)}"
    if salary and salary.text and salary.has_figures:
        stated += f" — posted as “{text(salary.text)}”"
    source = text(posting.source or "")
    if posting.url:
        source = f"[{source or 'original posting'}]({safe_url(posting.url)})"
    items = [
        _item("Company", link(company_name(ctx.kb, posting), here, company_uri(posting.company))),
        _item("Role family", link(role_label(posting.role), here, role_uri(posting.role)) if posting.role else ""),
        _item("Team", text(posting.team or "")),
        _item("Reports to", text(posting.reports_to or "")),
        _item("Team size", text(posting.team_size or "")),
        _item("Level", text(posting.level or "")),
        _item("Employment", text(posting.employment or "")),
        _item("Salary", " ".join(filter(None, [stated or "not stated", flag_headline(salary)]))),
        _item("Locations", text(", ".join(posting.locations))),
        _item("Work mode", work_mode_badge(posting.work_mode)),
        _item("Source", source),
        _item("Posted", posting.posted.isoformat() if posting.posted else ""),
        _item("Closes", posting.closes.isoformat() if posting.closes else ""),
    ]
    return [item for item in items if item]


def posting_header(ctx: SiteContext, posting: Posting) -> str:
    """The card above a posting's text: its facts and the way to its prep page."""
    here = posting_uri(posting)
    prep = link("Prepare for this role", here, prep_uri(posting.slug))
    items = "\n".join(posting_facts(ctx, posting, here))
    return (f"# {text(posting.title)}\n\n"
            f'<div class="rdx-card" markdown>\n\n{items}\n\n{prep}{{ .md-button .md-button--primary }}\n\n</div>\n\n'
            "## The posting\n\n")


def company_postings(ctx: SiteContext, company: Company) -> str:
    """The block under a company profile: its postings with salaries, and their range."""
    here = company_uri(company.slug)
    postings = sorted(ctx.kb.postings_of(company.slug), key=lambda p: (p.title.lower(), p.slug))
    if not postings:
        return "\n\n## Postings\n\nNo postings of this company are on record yet.\n"
    found = ctx.band_of(postings)
    rows = [[link(p.title, here, posting_uri(p)),
             link(role_label(p.role), here, role_uri(p.role)) if p.role else "",
             work_mode_badge(p.work_mode), text(stated_salary(p.salary)), annual_cell(ctx.annual(p)),
             link("Prep", here, prep_uri(p.slug))] for p in postings]
    summary = f"{plural(len(postings), 'posting')}; salary range {band_text(found, ctx.base)} a year ({ctx.base})."
    return ("\n\n## Postings\n\n" + summary + "\n\n"
            + table(["Posting", "Role family", "Work mode", "Salary as stated", f"Annual ({ctx.base})", "Prep"], rows))


def company_header(company: Company) -> str:
    """Facts from a company's front matter, above its profile."""
    items = [
        _item("Website", f"[{text(company.website)}]({safe_url(company.website)})" if company.website else ""),
        _item("Headquarters", text(company.headquarters or "")),
        _item("Founded", str(company.founded) if company.founded else ""),
        _item("Employees", f"{company.employees:,}" if company.employees else ""),
        _item("Ticker", text(company.ticker or "")),
        _item("Industry", text(company.industry or "")),
        _item("Tech stack", text(", ".join(company.tech_stack))),
        _item("Profile updated", company.updated.isoformat() if company.updated else ""),
    ]
    shown = "\n".join(i for i in items if i)
    return f'<div class="rdx-card" markdown>\n\n{shown}\n\n</div>\n\n' if shown else ""


__all__ = ["posting_header", "company_postings", "company_header", "badge"]
