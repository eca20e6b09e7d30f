"""A prep page per posting: everything to read before the interview, on one sheet.

Order: the role at a glance, your application (private view), the company brief, what they
ask for, your notes, questions from other prep notes, related postings.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple, cast

from roledex.facts.prep_notes import Notes
from roledex.facts.question_bank import to_practise
from roledex.facts.requirements import skills_mapping
from roledex.facts.skills import coverage
from roledex.facts.stories import Match as StoryMatch
from roledex.facts.stories import names, story_coverage
from roledex.kb.model import Posting
from roledex.kb.schema import LIKELY_QUESTIONS, PREP_TOPICS, QUESTIONS_TO_ASK, PrepTopic
from roledex.kb.sections import demote, list_items
from roledex.web.application_page import people, rounds_section
from roledex.web.cards import company_facts, posting_facts
from roledex.web.common import (
    annual_cell,
    badge,
    card,
    company_name,
    company_uri,
    item,
    link,
    numbered,
    plural,
    pointer,
    posting_uri,
    prep_uri,
    question_uri,
    role_uri,
    screen_only,
    stated_salary,
    story_uri,
    table,
    text,
    unindexed,
)
from roledex.web.context import SiteContext

MAX_GATHERED = 15
MAX_RELATED = 5
"""Related postings shown per kind; the role family's and company's pages list them all."""


def _checklist(items: list[str]) -> str:
    return "\n".join(f"- [ ] {entry}" for entry in items) + "\n"


def _brief(ctx: SiteContext, posting: Posting, here: str) -> str:
    company = ctx.kb.companies.get(posting.company)
    if company is None:
        return ""
    facts = company_facts(company)
    parts = [f"## Company brief: {text(company.name)}\n", card(facts) if any(facts) else ""]
    chosen, others = ctx.brief(company.slug)
    topics = [
        f"### {topic}\n\n{ctx.shared(here, demote(section.body, max(0, 3 - section.level)))}\n"
        for topic, section in chosen
        if section.body.strip()  # a stub profile's empty headings say nothing
    ]
    profile = link(f"{company.name}'s profile", here, company_uri(company.slug))
    more = f" It also covers: {text(', '.join(others))}." if others else ""
    parts.append(screen_only("\n".join(topics), searchable=False))
    parts.append(pointer(f"The whole profile is on {profile}.{more}"))
    return "\n".join(parts)


def _asks(ctx: SiteContext, posting: Posting) -> str:
    duties, needs = ctx.asks(posting)
    if not duties and not needs:
        return (
            "## What they ask for\n\nThe posting's text lists no responsibilities or qualifications under "
            "headings this page recognises; read it on the posting's page.\n"
        )
    parts = ["## What they ask for\n"]
    if duties:
        parts.append("### Responsibilities\n\n" + _checklist([text(d) for d in duties]))
    if needs:
        listed = "### Qualifications\n\n" + _checklist([text(n) for n in needs])
        # with an application, its table lists them beside your evidence: print them once
        parts.append(screen_only(listed, searchable=False) if ctx.application_of(posting) else listed)
    return "\n".join(parts)


def _notes(notes: Notes, posting: Posting) -> str:
    if not notes.topics and not notes.others and not notes.intro:
        return unindexed(  # the same words on every such page: nothing to find here
            "## Your notes\n\n"
            '<div class="rdx-no-notes"><p>No prep notes yet. Start them with the headings this page gathers:</p>\n'
            # the HTML a `text` code fence becomes, written out: no highlighter run per page
            f'<div class="highlight"><pre><span></span><code>roledex new prep {html.escape(posting.slug)}\n'
            "</code></pre></div></div>\n"
        )
    parts = [notes.intro + "\n"] if notes.intro else []
    for topic in PREP_TOPICS:
        section = notes.topics.get(topic.heading)
        if section is None:
            continue
        questions = notes.questions(topic)
        body = numbered(questions) if questions else demote(section.body, max(0, 2 - section.level))
        parts.append(f"## {topic.heading}\n\n{body}\n")
    for section in notes.others:
        parts.append(f"## {section.title}\n\n{demote(section.body, max(0, 2 - section.level))}\n")
    return "\n".join(parts)


def _gathered(ctx: SiteContext, posting: Posting, here: str) -> str:
    """Questions from the prep notes of other postings (same role family, same company) and from the profile."""
    parts = []
    if posting.role:
        family = link(ctx.role_name(posting.role), here, role_uri(posting.role))
        others = ctx.with_notes_in_role(posting.role)
        parts.append(
            _asked_elsewhere(ctx, posting, LIKELY_QUESTIONS, others, f"Asked in other {family} interviews", here)
        )
    company = text(company_name(ctx.kb, posting))
    others = ctx.with_notes_at(posting.company)
    heading = f"Questions to ask {company}, from your other prep notes"
    parts.append(_asked_elsewhere(ctx, posting, QUESTIONS_TO_ASK, others, heading, here))
    parts = [part for part in parts if part]
    suggested = _suggested(ctx, posting)
    if suggested:
        parts.append(
            f"### Questions to ask, suggested by {text(company_name(ctx.kb, posting))}'s profile\n\n"
            + "\n".join(f"- {q}" for q in suggested)
            + "\n"
        )
    return "## More questions\n\n" + "\n".join(parts) if parts else ""


_GENERIC_WORDS = frozenset(
    (
        *("a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"),
        *("team", "teams", "engineering", "engineer", "engineers", "manager", "senior", "staff"),
        *("lead", "principal", "junior", "ml", "ai", "machine", "learning", "data", "software"),
    )
)
"""Words two postings' teams share without being the same team."""


def _own_words(posting: Posting) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w+#]+", f"{posting.title} {posting.team or ''}")}


def _fits(question: str, theirs: set[str]) -> bool:
    """A question from another posting's notes fits this one unless it names `theirs`: that
    posting's own words this one does not share ('the Growth ML team' on an Ads page)."""
    asked = {w.lower() for w in re.findall(r"[\w+#]+", question)}
    return not (theirs & asked)


def _asked_elsewhere(
    ctx: SiteContext, posting: Posting, topic: PrepTopic, others: Iterable[Posting], heading: str, here: str
) -> str:
    """One topic's questions from the prep notes of `others` that fit this posting, grouped
    under the note they come from (named once); '' when none."""
    groups: list[str] = []
    shown = 0
    for other in others:
        if other.slug == posting.slug or shown >= MAX_GATHERED:
            continue
        theirs = _own_words(other) - _own_words(posting) - _GENERIC_WORDS
        fitting = [q for q in ctx.notes(other.slug).questions(topic) if _fits(q, theirs)]
        fitting = fitting[: MAX_GATHERED - shown]
        if fitting:
            shown += len(fitting)
            source = link(other.title, here, prep_uri(other.slug))
            groups.append(f"From your notes for {source}:\n\n" + "\n".join(f"- {q}" for q in fitting) + "\n")
    return f"### {heading}\n\n" + "\n".join(groups) if groups else ""


def _suggested(ctx: SiteContext, posting: Posting) -> list[str]:
    """Questions to ask built from the company's profile: its recent moves, culture and stack."""
    company = ctx.kb.companies.get(posting.company)
    if company is None:
        return []
    topics = dict(ctx.brief(company.slug)[0])
    questions = []
    recent = topics.get("Recent developments")
    for point in list_items(recent.body, top_level_only=True)[:3] if recent else []:
        questions.append(f"How does the team's work connect to “{point.rstrip('.')}”?")
    culture = topics.get("Engineering culture")
    for point in list_items(culture.body, top_level_only=True)[:2] if culture else []:
        questions.append(f"What does “{point.rstrip('.')}” look like in the team's week?")
    if company.tech_stack:
        named = [tool for tool in company.tech_stack if names(f"{posting.doc.body} {' '.join(posting.skills)}", tool)]
        if named:
            tools = text(_and(named[:3]))
            questions.append(
                f"The posting names {tools}: what does the team build with them, and what would you change?"
            )
        else:
            tools = text(_and(company.tech_stack[:3]))
            questions.append(
                f"{text(company.name)} lists {tools} in its stack: what does this team's own stack look like?"
            )
    return questions


def _and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def _nearness(ctx: SiteContext, posting: Posting, other: Posting) -> tuple[int, float, int, str]:
    """How worth comparing `other` is with `posting`, smallest first: nearest in annual pay
    when both state pay in one currency, else after all those, the newest first; then slug."""
    own_mid, own_currency, _ = ctx.pay_points[posting.slug]
    mid, currency, newest = ctx.pay_points[other.slug]
    if own_mid is not None and mid is not None and currency == own_currency:
        return 0, abs(mid - own_mid), 0, other.slug
    return 1, 0.0, newest, other.slug


def nearest(ctx: SiteContext, posting: Posting, others: list[Posting], limit: int | None = None) -> list[Posting]:
    """Other postings in the order worth comparing with this one (`_nearness`); the first
    `limit` of them. A posting then appears on the prep pages of its neighbours in pay, not on
    every page of its family, which keeps a page's related postings about it and a salary
    edit's reach small. (Prep pages read a family sorted once, `nearest_in_role`.)"""
    return sorted(others, key=lambda other: _nearness(ctx, posting, other))[:limit]


class _RolePay(NamedTuple):
    """A role family's postings in the orders `nearest` reads, sorted once per build."""

    by_pay: dict[str | None, tuple[list[float], list[Posting]]]
    """For each currency, the postings stating pay in it, by annual midpoint (then slug)."""
    by_newest: list[Posting]
    """Every posting of the family, newest first (then slug)."""


def _role_pay(ctx: SiteContext, role: str) -> _RolePay:
    def sort() -> _RolePay:
        points = ctx.pay_points
        postings = ctx.kb.postings_in_role(role)
        by_pay: dict[str | None, tuple[list[float], list[Posting]]] = {}
        priced = sorted(
            (p for p in postings if points[p.slug][0] is not None), key=lambda p: (points[p.slug][0], p.slug)
        )
        for p in priced:
            mids, ordered = by_pay.setdefault(points[p.slug][1], ([], []))
            mids.append(cast(float, points[p.slug][0]))
            ordered.append(p)
        return _RolePay(by_pay, sorted(postings, key=lambda p: (points[p.slug][2], p.slug)))

    return ctx.once(("role pay", role), sort)


def _below(mids: list[float], ordered: list[Posting], start: int) -> Iterator[Posting]:
    """The postings before `start`, nearest first; those of equal pay by slug, as `nearest`
    orders them."""
    end = start
    while end > 0:
        first = bisect.bisect_left(mids, mids[end - 1], 0, end)
        yield from ordered[first:end]
        end = first


def nearest_in_role(ctx: SiteContext, posting: Posting, limit: int) -> list[Posting]:
    """`nearest` among the family's postings at other companies, from the family's postings
    sorted once per build: a prep page reads the few nearest in pay on either side instead of
    ordering the whole family (at 5,000 postings, each of hundreds), which kept a build linear."""
    if not posting.role or limit <= 0:
        return []
    family = _role_pay(ctx, posting.role)
    own_mid, own_currency, _ = ctx.pay_points[posting.slug]
    chosen: list[Posting] = []
    if own_mid is not None and own_currency in family.by_pay:
        mids, ordered = family.by_pay[own_currency]
        start = bisect.bisect_left(mids, own_mid)
        below, above = _below(mids, ordered, start), iter(ordered[start:])
        lower, upper = next(below, None), next(above, None)
        while len(chosen) < limit and (lower is not None or upper is not None):
            if upper is None or (lower is not None and _nearness(ctx, posting, lower) < _nearness(ctx, posting, upper)):
                taken, lower = lower, next(below, None)
            else:
                taken, upper = upper, next(above, None)
            if taken is not None and taken.company != posting.company:
                chosen.append(taken)
    if len(chosen) < limit:  # then the postings whose pay cannot be compared, newest first
        for other in family.by_newest:
            if other.company != posting.company and _nearness(ctx, posting, other)[0] == 1:
                chosen.append(other)
                if len(chosen) == limit:
                    break
    return chosen


def _related(ctx: SiteContext, posting: Posting, here: str) -> str:
    """The same role family at other companies, nearest in pay first, and other roles at this
    company, salary beside each."""
    same_role = nearest_in_role(ctx, posting, MAX_RELATED)
    company_postings = [p for p in ctx.kb.postings_of(posting.company) if p.slug != posting.slug]
    same_company = company_postings[:MAX_RELATED]
    if not same_role and not same_company:
        return ""
    rows = [
        _related_row(ctx, p, why, here)
        for group, why in ((same_role, "same role family"), (same_company, "same company"))
        for p in group
    ]
    more = []
    elsewhere = ctx.in_role_elsewhere(posting.role, posting.company) if posting.role else 0
    if posting.role and elsewhere > MAX_RELATED:
        more.append(
            f"all {elsewhere} of the family on {link(ctx.role_name(posting.role), here, role_uri(posting.role))}"
        )
    if len(company_postings) > MAX_RELATED:
        company = link(company_name(ctx.kb, posting), here, company_uri(posting.company))
        more.append(f"all {len(company_postings)} other roles at {company} on its page")
    note = pointer("See " + "; ".join(more) + ".") if more else ""
    return (
        "## Related postings\n"
        + table(["Posting", "Company", "Why", "Salary as stated", f"Annual ({ctx.base})", "Prep"], rows)
        + note
    )


def _related_row(ctx: SiteContext, posting: Posting, why: str, here: str) -> list[str]:
    """A related posting's row: the same on each of the many prep pages that list it."""

    def row() -> list[str]:
        return [
            link(posting.title, here, posting_uri(posting)),
            link(company_name(ctx.kb, posting), here, company_uri(posting.company)),
            why,
            text(stated_salary(posting.salary)),
            annual_cell(ctx.annual(posting)),
            link("Prep", here, prep_uri(posting.slug)),
        ]

    return ctx.once(("related row", posting.slug, why, posixpath.dirname(here)), row)


def _application(ctx: SiteContext, posting: Posting, notes: Notes) -> str:
    application = ctx.kb.applications.get(posting.slug)
    if application is None:
        return ""
    needs = ctx.asks(posting)[1]
    covered = coverage(needs, skills_mapping(application))
    mapped = sum(1 for c in covered if c.covered)
    practise = len(notes.questions(LIKELY_QUESTIONS))
    facts = [
        item("Status", badge(application.status or "not set", f"status-{application.status or 'none'}")),
        item("Applied", application.applied.isoformat() if application.applied else "not yet"),
        item("Last change", application.updated.isoformat() if application.updated else ""),
        item("Next step", text(application.next_step or "")),
        item("Due", application.next_date.isoformat() if application.next_date else ""),
        item("People", people(ctx, application.contacts, prep_uri(posting.slug))),
    ]
    storied = sum(1 for _, matches in _story_coverage(ctx, needs) if matches)
    readiness = (
        f"**Readiness:** {mapped} of {plural(len(needs), 'requirement')} mapped, "
        f"{storied} with a story, {plural(practise, 'question')} to practise."
    )
    rows = [
        [
            badge("covered", "covered") if c.covered else badge("not yet covered", "gap"),
            text(c.requirement),
            "<br>".join(f"{text(m.requirement)}: {text(m.evidence)}" for m in c.evidence),
        ]
        for c in covered
    ]
    used = {m for c in covered for m in c.evidence}
    spare = [m for m in skills_mapping(application) if m not in used]
    also = (
        (
            "\nAlso in your skills mapping: "
            + "; ".join(f"{text(m.requirement)} ({text(m.evidence)})" for m in spare)
            + ".\n"
        )
        if spare
        else ""
    )
    return (
        "## Your application\n\n"
        + badge("private", "private")
        + " Only in the private view.\n"
        + card(facts, indexed=False)  # the application's own page is where search finds them
        + readiness
        + "\n"
        + (table(["Covered?", "Requirement", "Your evidence"], rows) if rows else "")
        + also
        + rounds_section(ctx, application, prep_uri(posting.slug), level=3)
    )


def _story_coverage(ctx: SiteContext, requirements: list[str]) -> list[tuple[str, list[StoryMatch]]]:
    """Each requirement with the stories that prove it, worked out once per build for the same
    requirements (the readiness line and the stories section both read it)."""
    return ctx.once(
        ("story coverage", tuple(requirements)), lambda: story_coverage(requirements, ctx.kb.stories.values())
    )


def _stories(ctx: SiteContext, posting: Posting, here: str) -> str:
    """Per requirement, the user's stories that prove it and the ones no story covers yet
    (private view only: the stories are the user's own)."""
    if not ctx.includes_private or not ctx.kb.stories:
        return ""
    duties, needs = ctx.asks(posting)
    requirements = needs or duties
    if not requirements:
        return ""
    covered = _story_coverage(ctx, requirements)
    rows = [
        [
            text(requirement),
            "<br>".join(
                f"{link(m.story.title, here, story_uri(m.story.slug))} (names “{text(m.phrase)}”)" for m in matches
            )
            or badge("no story yet", "gap"),
        ]
        for requirement, matches in covered
    ]
    proven = sum(1 for _, matches in covered if matches)
    return (
        "## Your stories\n\n"
        + badge("private", "private")
        + f" {proven} of {plural(len(requirements), 'requirement')} have a story. A story proves a requirement"
        " when the requirement names one of the story's `skills` or `proves` words, whole, in any case.\n\n"
        + table(["Requirement", "Stories that prove it"], rows)
    )


MAX_PRACTISE = 6
"""Questions of the bank shown on a prep page; the bank's own pages hold the rest."""


def _practise_first(ctx: SiteContext, posting: Posting, here: str) -> str:
    """The question bank's questions for this posting, least ready first (private view only)."""
    if not ctx.includes_private or not ctx.kb.questions:
        return ""
    chosen = to_practise(ctx.kb.questions.values(), posting, ctx.kb)
    if not chosen:
        return ""
    rows = [
        [
            link(q.question, here, question_uri(q.slug)),
            badge(q.confidence or "not rated", f"confidence-{q.confidence or 'none'}"),
            q.practised.isoformat() if q.practised else "never",
            str(q.asked or 0),
        ]
        for q in chosen[:MAX_PRACTISE]
    ]
    more = f" {len(chosen) - MAX_PRACTISE} more in your question bank." if len(chosen) > MAX_PRACTISE else ""
    return (
        "## Practise first\n\n"
        + badge("private", "private")
        + " From your question bank: least ready first (confidence, then the longest unpractised)."
        + more
        + "\n\n"
        + table(["Question", "Confidence", "Last practised", "Times asked"], rows)
    )


def prep_page(ctx: SiteContext, posting: Posting) -> str:
    """The prep page of a posting, with the user's notes where a prep file exists."""
    here = prep_uri(posting.slug)
    notes = ctx.notes(posting.slug)
    facts = [*posting_facts(ctx, posting, here), item("Posting", link(posting.title, here, posting_uri(posting)))]
    parts = [
        f"# Prep: {text(posting.title)}\n",
        card(facts, indexed=False),  # the posting's facts: search finds them on its page
        _application(ctx, posting, notes),
        _stories(ctx, posting, here),
        _practise_first(ctx, posting, here),
        unindexed(_brief(ctx, posting, here)),
        unindexed(_asks(ctx, posting)),
        _notes(notes, posting),
        screen_only(unindexed(_gathered(ctx, posting, here)), searchable=False),
        screen_only(unindexed(_related(ctx, posting, here)), searchable=False),
    ]
    return "\n".join(part for part in parts if part)
