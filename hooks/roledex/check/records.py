"""Rules about meaning rather than type: ranges, dates in order, references between files.

Both run on the whole, loaded knowledge base: `check_record` judges one record on its own,
`check_references` the links between files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from roledex.facts.applications import last_change, stale_days
from roledex.facts.reminders import Reminder, follow_up_due
from roledex.kb.countries import city_and_country
from roledex.kb.markdown_limits import TOO_DEEP, first_line_too_deep, reach_past_limit
from roledex.kb.model import Application, Contact, Event, KnowledgeBase, Posting, Salary
from roledex.kb.problems import ERROR, REMINDER, WARNING, Problem
from roledex.kb.schema import KINDS, PERIODS, ROUND_KINDS, STORY_NEEDS, Kind
from roledex.kb.sections import sections
from roledex.kb.settings import Settings
from roledex.kb.text import did_you_mean, normal_url

# Plausible base pay per period, in any currency: below the low end a figure looks like
# it belongs to a shorter period, above the high end to a longer one.
_PLAUSIBLE_PAY = {
    "hour": (1, 2_000),
    "day": (10, 20_000),
    "week": (50, 100_000),
    "month": (100, 10_000_000),
    "year": (1_000, 500_000_000),
}


def _salary_findings(salary: Salary) -> Iterator[tuple[str, str, str]]:
    if salary.min is not None and salary.max is not None and salary.min > salary.max:
        yield "salary.min", f"min {salary.min:g} is above max {salary.max:g}; swap them", ERROR
    if salary.headline_is_sum and salary.headline_is != "sum":
        yield (
            "salary.headline",
            f"headline {salary.headline:g} equals min + max ({salary.min:g} + {salary.max:g}); it is a sum, "
            "not a salary, and is never shown as one; if you keep it on purpose, add headline_is: sum",
            WARNING,
        )
    if salary.headline_is == "sum" and not salary.headline_is_sum:
        yield (
            "salary.headline_is",
            "headline_is: sum, but the headline is not min + max; fix the figures, or remove headline_is",
            ERROR,
        )
    figures = [f for f in (salary.min, salary.max) if f is not None]
    if salary.period in _PLAUSIBLE_PAY and figures:
        low, high = _PLAUSIBLE_PAY[salary.period]
        top = max(figures)
        if top < low or top > high:
            amount = f"{top:g} {salary.currency}" if salary.currency else f"{top:g}"
            yield (
                "salary.period",
                f"{amount} a {salary.period} looks like the wrong period; check 'period' (one of {', '.join(PERIODS)})",
                WARNING,
            )


def _posting_findings(posting: Posting) -> Iterator[tuple[str, str, str]]:
    if posting.salary is not None:
        yield from _salary_findings(posting.salary)
    split = city_and_country(list(posting.locations or []))
    if split is not None:
        city, country = split
        yield (
            "locations",
            f'{city!r} and {country!r} read as two places; if they are one, quote it: ["{city}, {country}"]',
            WARNING,
        )
    if posting.posted and posting.closes and posting.closes < posting.posted:
        yield "closes", f"closes {posting.closes} is before posted {posting.posted}", ERROR


def _application_findings(
    application: Application, today: dt.date, awaiting_follow_up: bool = False
) -> Iterator[tuple[str, str, str]]:
    """Staleness (unless a follow-up is what is due: that warning says more) and dates ahead."""
    days = None if awaiting_follow_up else stale_days(application, today)
    if days is not None:
        yield (
            "updated",
            f"stale: no change for {days} days since {last_change(application)} "
            f"(status {application.status!r}); follow up, or set the new status with `roledex status`",
            REMINDER,
        )
    if application.applied and application.applied > today:
        yield "applied", f"applied {application.applied} is in the future", WARNING


def _todo_findings(application: Application, event: Event, today: dt.date) -> Iterator[tuple[str, str, str]]:
    """A to-do says what to do; only a to-do has `due` and `done`; an open one past its day is
    a reminder."""
    key = f"events.{event.number}"
    if event.kind != "todo":
        for name in ("due", "done"):
            if getattr(event, name) is not None:
                yield f"{key}.{name}", f"only a to-do has '{name}'; set kind: todo, or remove it", ERROR
        return
    if not event.note:
        yield f"{key}.note", "a to-do needs what to do in 'note', such as 'Send the portfolio link'", ERROR
    if event.done is not None and event.done < event.date:
        yield (
            f"{key}.done",
            f"done {event.done}, before the to-do was written on {event.date}; check the dates",
            WARNING,
        )
    if event.done is None and event.due is not None and event.due < today:
        yield (
            f"{key}.due",
            f"to-do due since {event.due}: {event.note or 'to-do'}; when it is done, "
            f"`roledex event {application.slug} todo --number {event.number} --done`",
            REMINDER,
        )


def _event_findings(application: Application, today: dt.date) -> Iterator[tuple[str, str, str]]:
    """Each event what its kind says, and the status the last change of status by date (the
    model reads events in date order, wherever in the list each is written)."""
    for event in application.events:
        key = f"events.{event.number}"
        if event.kind == "status" and not event.status:
            yield f"{key}.kind", "a status event needs a status: the one the application moved to", ERROR
        if event.kind == "round" and not event.round:
            yield f"{key}.kind", f"a round needs its kind in 'round' (one of {', '.join(ROUND_KINDS)})", ERROR
        if event.status and event.date > today:
            yield f"{key}.date", f"a change of status dated {event.date}, in the future; check the date", WARNING
        yield from _todo_findings(application, event, today)
    moves = [event for event in application.events if event.status]
    if moves and application.status and moves[-1].status != application.status:
        yield (
            "status",
            f"is {application.status!r}, but the last event (events.{moves[-1].number}) moved it to "
            f"{moves[-1].status!r}; `roledex status` keeps both in step",
            WARNING,
        )


def _follow_up_findings(due: Reminder | None, today: dt.date, settings: Settings) -> Iterator[tuple[str, str, str]]:
    if due is not None and due.date < today:
        yield (
            "applied",
            f"follow-up {due.number} of {settings.follow_ups} due since {due.date}: no answer since you applied; "
            "follow up, then record it with `roledex status` --note or an event of kind follow-up",
            REMINDER,
        )


def _contact_findings(contact: Contact, today: dt.date) -> Iterator[tuple[str, str, str]]:
    if contact.next_follow_up and contact.next_follow_up < today:
        yield (
            "next_follow_up",
            f"due since {contact.next_follow_up}: get back to {contact.name}, then move the date",
            REMINDER,
        )


def _story_findings(story: Any) -> Iterator[tuple[str, str, str]]:
    """A story to tell says what happened, what you did and how it ended."""
    present = {section.title.strip().lower() for section in sections(story.doc.body) if section.body.strip()}
    missing = [name for name in STORY_NEEDS if name.lower() not in present]
    if missing:
        headings = ", ".join(f"'## {name}'" for name in missing)
        yield "body", f"the story has nothing under {headings} yet; a story to tell needs each", REMINDER


def check_record(
    kind: Kind, record: Any, today: dt.date | None = None, settings: Settings | None = None
) -> list[Problem]:
    """Problems of one record on its own: ranges, dates in order, staleness, what is overdue."""
    findings: list[tuple[str, str, str]] = []
    today = today or dt.date.today()
    if kind.name == "posting":
        findings += _posting_findings(record)
    if kind.name == "application":
        settings = settings or Settings()
        due = follow_up_due(record, settings)
        findings += _application_findings(record, today, awaiting_follow_up=due is not None)
        findings += _event_findings(record, today)
        findings += _follow_up_findings(due, today, settings)
    if kind.name == "contact":
        findings += _contact_findings(record, today)
    if kind.name == "story":
        findings += _story_findings(record)
    doc = record.doc
    return [
        Problem(doc.path, doc.body_line if key == "body" else doc.line_of(key), key, message, severity)
        for key, message, severity in findings
    ] + _markdown_problems(doc)


def _markdown_problems(doc: Any) -> list[Problem]:
    """A text Markdown fails on (lists or quotes nested too deep), or builds only in minutes
    (brackets left open across much of it)."""
    problems = []
    deep = first_line_too_deep(doc.body)
    if deep is not None:
        message = f"{TOO_DEEP}, which Markdown fails on; take some levels out"
        problems.append(Problem(doc.path, doc.body_line + deep, "body", message))
    reach = reach_past_limit(doc.body)
    if reach is not None:
        message = (
            f"leaves brackets open across so much text that Markdown would read {reach:,} characters to close "
            "them, and its page take minutes to build; close them, or write a `[` that opens nothing as `\\[`"
        )
        problems.append(Problem(doc.path, doc.body_line, "body", message, WARNING))
    return problems


def _reference_problem(record: Any, key: str, target: str, known: dict[str, Any], what: str) -> Problem:
    folder = KINDS[what].folder
    hint = did_you_mean(target, known) or f"; add {folder}/{target}.md or correct the slug"
    named_by = "" if key in record.doc.key_lines else " (named by the file name)"
    return Problem(record.doc.path, record.doc.line_of(key), key, f"no {what} {target!r} in {folder}/{named_by}{hint}")


def _posting_references(kb: KnowledgeBase) -> list[Problem]:
    """Each posting's company must exist, and no two postings may share an address."""
    problems: list[Problem] = []
    seen_urls: dict[str, Posting] = {}
    for posting in kb.postings.values():
        if posting.company and posting.company not in kb.companies:
            problems.append(_reference_problem(posting, "company", posting.company, kb.companies, "company"))
        if posting.url:
            first = seen_urls.setdefault(normal_url(posting.url), posting)
            if first is not posting:
                message = f"the same url {posting.url!r} is the posting {first.doc.path}; keep one"
                problems.append(Problem(posting.doc.path, posting.doc.line_of("url"), "url", message))
    return problems


def check_references(kb: KnowledgeBase) -> list[Problem]:
    """Links between files: companies, postings and contacts named must exist; URLs must be unique."""
    problems = _posting_references(kb)
    for group in (kb.preps, kb.applications, kb.offers):
        for record in group.values():
            if record.posting not in kb.postings:
                problems.append(_reference_problem(record, "posting", record.posting, kb.postings, "posting"))
    for application in kb.applications.values():
        named = [("contacts", slug) for slug in application.contacts]
        named += [(f"events.{e.number}.contacts", slug) for e in application.events for slug in e.contacts]
        for key, slug in named:
            if slug not in kb.contacts:
                problems.append(_reference_problem(application, key, slug, kb.contacts, "contact"))
    for contact in kb.contacts.values():
        if contact.company and contact.company not in kb.companies:
            problems.append(_reference_problem(contact, "company", contact.company, kb.companies, "company"))
    for story in kb.stories.values():
        for slug in story.used:
            if slug not in kb.postings:
                problems.append(_reference_problem(story, "used", slug, kb.postings, "posting"))
    return problems
