"""A page per role family: its postings across companies, salary band, what recurs in what
they ask for, and the questions gathered from its prep notes."""

from __future__ import annotations

from collections import Counter

from roledex.kb.model import Posting
from roledex.kb.schema import LIKELY_QUESTIONS, QUESTION_TOPICS
from roledex.web.chart import range_chart
from roledex.web.common import (
    band_text,
    company_name,
    link,
    money,
    numbered,
    plural,
    prep_uri,
    role_uri,
    table,
    text,
)
from roledex.web.context import SiteContext
from roledex.web.indexes import POSTING_HEADERS, posting_rows
from roledex.web.salaries import CHART_ROWS, posting_bars

TOP_TERMS = 25
_TERMS = (
    "python",
    "scala",
    "java",
    "go",
    "sql",
    "spark",
    "airflow",
    "kubeflow",
    "kafka",
    "tensorflow",
    "pytorch",
    "scikit-learn",
    "kubernetes",
    "docker",
    "aws",
    "gcp",
    "azure",
    "llm",
    "nlp",
    "recommendation",
    "ranking",
    "personalization",
    "a/b test",
    "experimentation",
    "mentor",
    "coach",
    "hiring",
    "people management",
    "cross-functional",
    "communication",
    "production",
    "phd",
    "m.s.",
    "machine learning",
    "deep learning",
    "statistics",
    "product",
    "roadmap",
    "strategy",
    "leadership",
)
"""Terms counted in the qualifications of a role family's postings (beside their `skills`)."""


def _skill_counts(postings: list[Posting]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for posting in postings:
        for skill in {s.strip().lower(): s.strip() for s in posting.skills}.items():
            counts[skill[0]] += 1
            shown.setdefault(skill[0], skill[1])
    return [(shown[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:TOP_TERMS]


def _term_counts(ctx: SiteContext, postings: list[Posting]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for posting in postings:
        asked = " ".join(ctx.asks(posting)[1]).lower()
        counts.update(term for term in _TERMS if term in asked)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]


def _by_count(counts: list[tuple[str, int]], total: int) -> str:
    """'- **In 2 of 3 postings:** a, b' lines, most frequent first."""
    lines = []
    for count in sorted({n for _, n in counts}, reverse=True):
        names = ", ".join(text(name) for name, n in counts if n == count)
        lines.append(f"- **In {count} of {plural(total, 'posting')}:** {names}")
    return "\n".join(lines) + "\n"


def _recurring(ctx: SiteContext, postings: list[Posting]) -> str:
    total = len(postings)
    skills = _skill_counts(postings)
    terms = _term_counts(ctx, postings)
    parts = ["## What they ask for\n"]
    if skills:
        parts.append("### Skills the postings name\n\n" + _by_count(skills, total))
    if terms:
        parts.append("### Terms in their qualifications\n\n" + _by_count(terms, total))
    if not skills and not terms:
        parts.append("None of these postings lists skills or qualifications yet.\n")
    return "\n".join(parts)


def _questions(ctx: SiteContext, postings: list[Posting], here: str) -> str:
    """Each prep note's likely questions and questions to ask, grouped under its posting."""
    groups, count = [], 0
    for posting in (p for p in postings if p.slug in ctx.kb.preps):
        notes = ctx.notes(posting.slug)
        asked = [(topic, notes.questions(topic)) for topic in QUESTION_TOPICS]
        if not any(questions for _, questions in asked):
            continue
        count += len(notes.questions(LIKELY_QUESTIONS))
        prep = link(ctx.kb.title_at(posting.slug), here, prep_uri(posting.slug))
        group = [f"### {prep}\n"]
        for topic, questions in asked:
            if questions:
                group.append(f"{topic.heading}:\n\n" + numbered(questions))
        groups.append("\n".join(group))
    if not groups:
        return "## Questions from prep notes\n\nNo prep notes of this role family hold questions yet.\n"
    return (
        f"## Questions from prep notes\n\n{plural(count, 'likely question')} to practise across this family.\n\n"
        + "\n".join(groups)
    )


def role_page(ctx: SiteContext, role: str) -> str:
    """Postings of one role family, its salary band and chart, recurring asks and questions."""
    here = role_uri(role)
    postings = sorted(ctx.kb.postings_in_role(role), key=lambda p: (company_name(ctx.kb, p).lower(), p.slug))
    found = ctx.band_of(postings)
    companies = sorted({company_name(ctx.kb, p) for p in postings})
    parts = [
        f"# {text(ctx.role_name(role))}\n",
        f"{plural(len(postings), 'posting')} at {plural(len(companies), 'company', 'companies')}: "
        f"{text(', '.join(companies))}.\n",
    ]
    if found:
        parts.append(
            f"**Salary band** ({ctx.base} a year, {plural(found.count, 'posting')} with a salary): "
            f"lowest {money(found.lowest, ctx.base)}, median {money(found.median, ctx.base)}, "
            f"highest {money(found.highest, ctx.base)}.\n"
        )
        bars = posting_bars(ctx, postings)[:CHART_ROWS]
        parts.append(range_chart(bars, ctx.base, f"Salary ranges in {ctx.role_name(role)}, {ctx.base} a year"))
    else:
        parts.append(f"**Salary band**: {band_text(found, ctx.base)}.\n")
    parts.append("## Postings\n")
    headers = [*POSTING_HEADERS[:6], f"Annual ({ctx.base})", *POSTING_HEADERS[7:]]
    same = headers.index("Role family")  # every row's is this page's: the column says nothing
    rows = [row[:same] + row[same + 1 :] for row in posting_rows(ctx, here, postings)]
    parts.append(table(headers[:same] + headers[same + 1 :], rows, indexed=False))
    parts.append(_recurring(ctx, postings))
    parts.append(_questions(ctx, postings, here))
    return "\n".join(parts)
