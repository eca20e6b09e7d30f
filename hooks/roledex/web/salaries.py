"""The salary comparison: every range normalised to a year in the base currency."""

from __future__ import annotations

from typing import TYPE_CHECKING

from roledex.web.chart import Bar, range_chart
from roledex.web.common import (
    INDEX_URIS,
    badge,
    company_name,
    company_uri,
    flag_headline,
    link,
    money,
    pay_basis_mark,
    posting_uri,
    role_uri,
    salaried_only_switch,
    sortable,
    stated_salary,
    table,
    text,
)
from roledex.web.context import SiteContext

if TYPE_CHECKING:
    from collections.abc import Iterable

    from roledex.kb.model import Posting

CHART_ROWS = 120
"""Above this many postings the per-posting chart gives way to the per-group charts."""


def _assumptions(ctx: SiteContext) -> str:
    s = ctx.settings
    rates = ", ".join(f"1 {code} = {rate:g} {ctx.base}" for code, rate in sorted(s.rates.items()))
    dated = f" (rates of {s.rates_date.isoformat()})" if s.rates_date else ""
    return (
        f"All figures are base pay for a year in **{ctx.base}**, beside the salary as posted.\n\n"
        f'??? info "How the figures are normalised"\n'
        f"    Hourly pay counts {s.hours_per_week:g} hours a week, daily pay {s.days_per_week:g} days a week, "
        f"and a year has {s.weeks_per_year:g} weeks. Exchange rates{dated}: {rates or 'none set'}. "
        f"Set them under `extra.roledex` in `mkdocs.yml`.\n"
    )


def _posting_rows(ctx: SiteContext) -> tuple[list[list[str]], list[str], list[str]]:
    here = INDEX_URIS["salaries"]
    rows, unstated, unconverted = [], [], []
    for posting in sorted(ctx.kb.postings.values(), key=lambda p: (p.title.lower(), p.slug)):
        annual = ctx.annual(posting)
        title = link(posting.title, here, posting_uri(posting))
        company = link(company_name(ctx.kb, posting), here, company_uri(posting.company))
        if annual is None:
            stated = text(stated_salary(posting.salary)) or "no salary stated"
            unstated.append(f"- {title} at {company}: {stated}")
            continue
        if not annual.converted:
            unconverted.append(
                f"- {title} at {company}: {text(stated_salary(posting.salary))} "
                f"(no rate for {text(annual.currency)}, left out of the comparison)"
            )
        figures = (annual.min, annual.mid, annual.max)
        cells = [sortable(v, money(v, annual.currency)) if v is not None else "" for v in figures]
        flags = " ".join(
            filter(
                None,
                [
                    pay_basis_mark(annual),
                    flag_headline(posting.salary),
                    "" if annual.converted else badge(f"no rate for {annual.currency}: not compared", "flag"),
                ],
            )
        )
        rows.append([title, company, text(stated_salary(posting.salary)), *cells, flags])
    return rows, unstated, unconverted


def _group_rows(ctx: SiteContext, groups: dict[str, list], label, uri) -> list[list[str]]:
    here = INDEX_URIS["salaries"]
    rows = []
    for key, postings in groups.items():
        found = ctx.band_of(postings)
        if found is None:
            cells = ["", "", "", "0"]
        else:
            cells = [sortable(v, money(v, ctx.base)) for v in (found.lowest, found.median, found.highest)]
            cells.append(str(found.count))
        rows.append([link(label(key), here, uri(key)), *cells, str(len(postings))])
    return rows


def posting_bars(ctx: SiteContext, postings: Iterable[Posting]) -> list[Bar]:
    """One chart bar per posting with a comparable range, lowest midpoint first."""
    bars = []
    for posting in postings:
        annual = ctx.annual(posting)
        if annual and annual.converted and annual.low is not None and annual.high is not None:
            label = f"{posting.title} ({company_name(ctx.kb, posting)})"
            bars.append(Bar(label, annual.low, annual.high, annual.mid or annual.low))
    return sorted(bars, key=lambda b: (b.mid, b.label))


def _charts(ctx: SiteContext) -> str:
    bars = posting_bars(ctx, ctx.kb.postings.values())
    if 0 < len(bars) <= CHART_ROWS:
        return range_chart(bars, ctx.base, f"Salary ranges by posting, {ctx.base} a year, lowest midpoint first")
    groups = []
    for role in ctx.kb.roles:
        found = ctx.band_of(ctx.kb.postings_in_role(role))
        if found:
            groups.append(Bar(ctx.role_name(role), found.lowest, found.highest, found.median))
    return range_chart(groups, ctx.base, f"Salary bands by role family, {ctx.base} a year (tick: median)")


def salaries_page(ctx: SiteContext) -> str:
    """Every posting's annual range beside its stated one; summaries by company and role family."""
    rows, unstated, unconverted = _posting_rows(ctx)
    parts = ["# Salaries\n", _assumptions(ctx), _charts(ctx), "## By posting\n"]
    parts.append(salaried_only_switch(ctx.annual(p) for p in ctx.kb.postings.values()))
    headers = ["Posting", "Company", "As stated", "Annual min", "Midpoint", "Annual max", "Flags"]
    parts.append(table(headers, rows, indexed=False) if rows else "No posting states a salary yet.\n")
    if unconverted:
        parts += [
            '!!! warning "Currencies without a rate"\n    These are shown in their own currency '
            "and left out of every comparison. Add a rate under `extra.roledex.rates`.\n",
            "\n".join(unconverted) + "\n",
        ]
    parts.append("## By company\n")
    companies = {slug: ctx.kb.postings_of(slug) for slug in ctx.kb.companies}
    group_headers = ["Lowest", "Median", "Highest", "With salary", "Postings"]
    parts.append(
        table(["Company", *group_headers], _group_rows(ctx, companies, lambda s: ctx.kb.companies[s].name, company_uri))
    )
    parts.append("## By role family\n")
    roles = {role: ctx.kb.postings_in_role(role) for role in ctx.kb.roles}
    parts.append(
        table(["Role family", *group_headers], _group_rows(ctx, roles, ctx.role_name, role_uri))
        if roles
        else "No posting names a role family yet.\n"
    )
    parts.append("## Postings without a stated salary\n")
    parts.append("\n".join(unstated) + "\n" if unstated else "Every posting states a salary.\n")
    return "\n".join(parts)
