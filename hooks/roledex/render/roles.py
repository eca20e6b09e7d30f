"""A page per role family: its postings across companies and its salary band."""

from __future__ import annotations

from .chart import Bar, range_chart
from .common import band_text, plural, company_name, money, role_label, role_uri, table, text
from .context import SiteContext
from .indexes import POSTING_HEADERS, posting_rows


def role_page(ctx: SiteContext, role: str) -> str:
    """Postings of one role family, its salary band and range chart."""
    here = role_uri(role)
    postings = sorted(ctx.kb.postings_in_role(role), key=lambda p: (company_name(ctx.kb, p).lower(), p.slug))
    found = ctx.band_of(postings)
    parts = [f"# {text(role_label(role))}\n"]
    if found:
        parts.append(f"**Salary band** ({ctx.base} a year, {found.count} postings with a salary): "
                     f"lowest {money(found.lowest, ctx.base)}, median {money(found.median, ctx.base)}, "
                     f"highest {money(found.highest, ctx.base)}.\n")
        bars = []
        for p in postings:
            annual = ctx.annual(p)
            if annual and annual.converted and annual.low is not None and annual.high is not None:
                bars.append(Bar(f"{p.title} ({company_name(ctx.kb, p)})", annual.low, annual.high, annual.mid or annual.low))
        parts.append(range_chart(sorted(bars, key=lambda b: (b.mid, b.label))[:120], ctx.base,
                                 f"Salary ranges in {role_label(role)}, {ctx.base} a year"))
    else:
        parts.append(f"**Salary band**: {band_text(found, ctx.base)}.\n")
    parts.append(f"## Postings\n\n{plural(len(postings), 'posting')} in this role family.\n")
    headers = [*POSTING_HEADERS[:6], f"Annual ({ctx.base})", *POSTING_HEADERS[7:]]
    parts.append(table(headers, posting_rows(ctx, here, postings)))
    return "\n".join(parts)
