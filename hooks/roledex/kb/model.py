"""Typed records of the knowledge base, built from front matter that passed its checks.

Field names are the front-matter keys of `schema`; a test keeps the two in step. An event
of an application is kept when its date passed its check; its other invalid values are left
out. A key whose
value failed its check is left at its default, so the site never shows a wrong value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from roledex.kb.schema import APPLICATION, COMPANY, CONTACT, OFFER, POSTING, PREP, QUESTION, STORY
from roledex.kb.source import Document

HEADLINE_TOLERANCE = 0.5
"""A headline within half a unit of min + max is their sum (the figures are whole units)."""


def is_sum_of_range(value: float, low: float, high: float) -> bool:
    """True when `value` is low + high: a job board's headline, never a salary."""
    return abs(value - (low + high)) < HEADLINE_TOLERANCE


@dataclass(frozen=True)
class Salary:
    """Base pay as posted: figures in `currency` per `period`."""

    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = None
    text: str | None = None
    headline: float | None = None
    headline_is: str | None = None
    """'sum' when the user recorded on purpose that the headline is min + max."""
    note: str | None = None

    @property
    def has_figures(self) -> bool:
        return self.min is not None or self.max is not None

    @property
    def headline_is_sum(self) -> bool:
        """True when a job board's headline is min + max: a sum, not a salary."""
        if self.headline is None or self.min is None or self.max is None:
            return False
        return is_sum_of_range(self.headline, self.min, self.max)


@dataclass
class Company:
    slug: str
    doc: Document
    name: str = ""
    website: str | None = None
    headquarters: str | None = None
    founded: int | None = None
    employees: int | None = None
    ticker: str | None = None
    industry: str | None = None
    tags: list[str] = field(default_factory=list)
    tech_stack: list[str] = field(default_factory=list)
    updated: dt.date | None = None
    private: bool = COMPANY.private_by_default


@dataclass
class Posting:
    slug: str
    doc: Document
    company: str = ""
    title: str = ""
    role: str | None = None
    team: str | None = None
    reports_to: str | None = None
    team_size: str | None = None
    level: str | None = None
    employment: str | None = None
    locations: list[str] = field(default_factory=list)
    work_mode: str | None = None
    salary: Salary | None = None
    url: str | None = None
    source: str | None = None
    posted: dt.date | None = None
    closes: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    private: bool = POSTING.private_by_default


@dataclass
class Prep:
    slug: str
    doc: Document
    posting: str = ""
    private: bool = PREP.private_by_default


@dataclass(frozen=True)
class Event:
    """One dated entry of an application's history (`events` in its front matter)."""

    date: dt.date
    kind: str = "note"
    status: str | None = None
    round: str | None = None
    time: str | None = None
    minutes: int | None = None
    contacts: tuple[str, ...] = ()
    outcome: str | None = None
    note: str | None = None
    due: dt.date | None = None
    done: dt.date | None = None
    number: int = 0
    """Its place in the list, from 1: `events.<number>` in messages."""


def event_kind(values: dict[str, Any]) -> str:
    """An event's kind: as written, else implied by a round or a status, else a note."""
    kind = values.get("kind")
    if isinstance(kind, str):
        return kind
    return "round" if values.get("round") else "status" if values.get("status") else "note"


@dataclass
class Application:
    slug: str
    doc: Document
    posting: str = ""
    status: str | None = None
    applied: dt.date | None = None
    updated: dt.date | None = None
    next_step: str | None = None
    next_date: dt.date | None = None
    source: str | None = None
    contacts: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    private: bool = APPLICATION.private_by_default

    @property
    def open_todos(self) -> list[Event]:
        """To-dos not done yet, in the order written."""
        return [e for e in self.events if e.kind == "todo" and e.done is None]

    @property
    def rounds(self) -> list[Event]:
        return [event for event in self.events if event.kind == "round"]


@dataclass
class Contact:
    slug: str
    doc: Document
    name: str = ""
    company: str | None = None
    role: str | None = None
    email: str | None = None
    linkedin: str | None = None
    relation: str | None = None
    last_contact: dt.date | None = None
    next_follow_up: dt.date | None = None
    private: bool = CONTACT.private_by_default


@dataclass
class Story:
    slug: str
    doc: Document
    title: str = ""
    skills: list[str] = field(default_factory=list)
    proves: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)
    private: bool = STORY.private_by_default


@dataclass
class Question:
    slug: str
    doc: Document
    question: str = ""
    tags: list[str] = field(default_factory=list)
    asked: int | None = None
    practised: dt.date | None = None
    confidence: str | None = None
    private: bool = QUESTION.private_by_default


@dataclass
class Offer:
    """An offer for one posting. Its money keys are kept as written (mappings of amounts and
    currencies); `facts.offers` turns them into yearly figures."""

    slug: str
    doc: Document
    posting: str = ""
    status: str = "open"
    received: dt.date | None = None
    deadline: dt.date | None = None
    base: dict[str, Any] = field(default_factory=dict)
    bonus: dict[str, Any] = field(default_factory=dict)
    sign_on: dict[str, Any] = field(default_factory=dict)
    relocation: dict[str, Any] = field(default_factory=dict)
    equity: dict[str, Any] = field(default_factory=dict)
    retirement_match_percent: float | None = None
    pto_days: float | None = None
    work_mode: str | None = None
    locations: list[str] = field(default_factory=list)
    start: dt.date | None = None
    scores: dict[str, int] = field(default_factory=dict)
    private: bool = OFFER.private_by_default


@dataclass
class KnowledgeBase:
    """Every record of the knowledge base, sorted by slug.

    Companies and postings are keyed by their own slug; prep notes and applications by the
    slug of the posting they belong to, so that each lookup is one step.
    """

    companies: dict[str, Company] = field(default_factory=dict)
    postings: dict[str, Posting] = field(default_factory=dict)
    preps: dict[str, Prep] = field(default_factory=dict)
    applications: dict[str, Application] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)

    def groups(self) -> dict[str, dict[str, Any]]:
        """Each kind's records under the kind's name (the keys of `schema.KINDS`)."""
        return {
            "company": self.companies,
            "posting": self.postings,
            "prep": self.preps,
            "application": self.applications,
            "contact": self.contacts,
            "story": self.stories,
            "question": self.questions,
            "offer": self.offers,
        }

    def title_at(self, posting_slug: str) -> str:
        """A posting as people say it, 'Staff Engineer at Acme' (its slug when there is none)."""
        posting = self.postings.get(posting_slug)
        if posting is None:
            return posting_slug
        company = self.companies.get(posting.company)
        return f"{posting.title} at {company.name if company else posting.company}"

    def contacts_at(self, company: str) -> list[Contact]:
        """The people of one company, by its slug."""
        return [contact for contact in self.contacts.values() if contact.company == company]

    @cached_property
    def _postings_by_company(self) -> dict[str, list[Posting]]:
        grouped: dict[str, list[Posting]] = {}
        for posting in self.postings.values():
            grouped.setdefault(posting.company, []).append(posting)
        return grouped

    @cached_property
    def _postings_by_role(self) -> dict[str, list[Posting]]:
        grouped: dict[str, list[Posting]] = {}
        for posting in self.postings.values():
            if posting.role:
                grouped.setdefault(posting.role, []).append(posting)
        return dict(sorted(grouped.items()))

    def postings_of(self, company: str) -> list[Posting]:
        """The postings of one company, by slug."""
        return self._postings_by_company.get(company, [])

    def postings_in_role(self, role: str) -> list[Posting]:
        """The postings of one role family, by slug."""
        return self._postings_by_role.get(role, [])

    @property
    def roles(self) -> list[str]:
        """Every role family named by a posting, sorted."""
        return list(self._postings_by_role)
