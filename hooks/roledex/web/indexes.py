"""The index pages: companies, postings and role families."""

from __future__ import annotations

from roledex.web.common import (
    INDEX_URIS,
    annual_cell,
    band_text,
    company_name,
    company_uri,
    date_cell,
    flag_headline,
    link,
    plural,
    posting_uri,
    prep_uri,
    role_uri,
    salaried_only_switch,
    sortable,
    stated_salary,
    table,
    text,
    work_mode_badge,
)
from roledex.web.context import SiteContext
from roledex.web.standing import standing


def companies_index(ctx: SiteContext) -> str:
    """Every company with its size and the salary range of its postings."""
    here = INDEX_URIS["companies"]
    rows = []
    for company in ctx.kb.companies.values():
        postings = ctx.kb.postings_of(company.slug)
        found = ctx.band_of(postings)
        rows.append(
            [
                link(company.name, here, company_uri(company.slug)),
                text(company.headquarters or ""),
                text(company.industry or ""),
                sortable(company.employees, f"{company.employees:,}" if company.employees else ""),
                str(len(postings)),
                sortable(found.median if found else -1, band_text(found, ctx.base)),
            ]
        )
    header = f"# Companies\n\n{plural(len(rows), 'company', 'companies')}. Salary ranges are annual, in {ctx.base}.\n\n"
    return header + table(
        ["Company", "Headquarters", "Industry", "Employees", "Postings", f"Salary range ({ctx.base} a year)"], rows
    )


def posting_rows(ctx: SiteContext, here: str, postings: list) -> list[list[str]]:
    """One row per posting, linking the posting, its company, role family and prep page."""
    rows = []
    for posting in postings:
        role = link(ctx.role_name(posting.role), here, role_uri(posting.role)) if posting.role else ""
        rows.append(
            [
                " ".join(filter(None, [link(posting.title, here, posting_uri(posting)), standing(ctx, posting, here)])),
                link(company_name(ctx.kb, posting), here, company_uri(posting.company)),
                role,
                text(", ".join(posting.locations)),
                work_mode_badge(posting.work_mode),
                " ".join(filter(None, [text(stated_salary(posting.salary)), flag_headline(posting.salary)])),
                annual_cell(ctx.annual(posting)),
                date_cell(posting.posted),
                link("Prep", here, prep_uri(posting.slug)),
            ]
        )
    return rows


POSTING_HEADERS = [
    "Posting",
    "Company",
    "Role family",
    "Locations",
    "Work mode",
    "Salary as stated",
    "Annual",
    "Posted",
    "Prep",
]


def newest_first(posting) -> tuple:
    """Sort key: dated postings newest first, then undated ones, each by slug."""
    return (posting.posted is None, -(posting.posted.toordinal() if posting.posted else 0), posting.slug)


def postings_index(ctx: SiteContext) -> str:
    """Every posting, newest first, with its salary as stated and normalised."""
    here = INDEX_URIS["postings"]
    postings = sorted(ctx.kb.postings.values(), key=newest_first)
    salaries = link("Salaries", here, INDEX_URIS["salaries"])
    header = (
        f"# Postings\n\n{plural(len(postings), 'posting')}, newest first. *Annual* is the salary as a "
        f"year's pay in {ctx.base}; {salaries} says how it is worked out.\n\n"
    )
    headers = [*POSTING_HEADERS[:6], f"Annual ({ctx.base})", *POSTING_HEADERS[7:]]
    switch = salaried_only_switch(ctx.annual(p) for p in postings)
    return header + switch + table(headers, posting_rows(ctx, here, postings), indexed=False)


def roles_index(ctx: SiteContext) -> str:
    """Every role family with its number of postings and salary band."""
    here = INDEX_URIS["roles"]
    rows = []
    for role in ctx.kb.roles:
        postings = ctx.kb.postings_in_role(role)
        found = ctx.band_of(postings)
        companies = sorted({company_name(ctx.kb, p) for p in postings})
        rows.append(
            [
                link(ctx.role_name(role), here, role_uri(role)),
                str(len(postings)),
                text(", ".join(companies)),
                sortable(found.median if found else -1, band_text(found, ctx.base)),
            ]
        )
    unassigned = sum(1 for p in ctx.kb.postings.values() if not p.role)
    note = ""
    if unassigned:
        note = f"\n{plural(unassigned, 'posting')} name no role family (set `role` in their front matter).\n"
    return (
        "# Role families\n\nA role family gathers the same kind of role across companies.\n\n"
        + table(["Role family", "Postings", "Companies", f"Salary band ({ctx.base} a year)"], rows)
        + note
    )
