"""What every renderer needs: the visible knowledge base, settings, today, and salaries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar, cast

from roledex.facts.company_brief import company_brief
from roledex.facts.history import status_history
from roledex.facts.prep_notes import Notes, read_notes
from roledex.facts.reminders import Reminder, due
from roledex.facts.requirements import qualifications, responsibilities
from roledex.facts.salary import Annual, Band, annual_salary, band
from roledex.facts.timeline import Moment, timeline
from roledex.kb.model import Application, KnowledgeBase, Posting
from roledex.kb.sections import Section
from roledex.kb.settings import Settings
from roledex.web.common import role_label, self_contained

T = TypeVar("T")


@dataclass
class SiteContext:
    kb: KnowledgeBase
    settings: Settings
    today: dt.date = field(default_factory=dt.date.today)
    includes_private: bool = False

    @cached_property
    def annuals(self) -> dict[str, Annual | None]:
        """Each posting's annual salary, computed once per build."""
        return {slug: annual_salary(p, self.settings) for slug, p in self.kb.postings.items()}

    @cached_property
    def pay_points(self) -> dict[str, tuple[float | None, str | None, int]]:
        """Each posting's (annual midpoint, its currency, minus the posted day's ordinal): what
        ordering postings by nearness in pay reads, worked out once per build."""
        points: dict[str, tuple[float | None, str | None, int]] = {}
        for slug, posting in self.kb.postings.items():
            annual = self.annuals.get(slug)
            newest = -posting.posted.toordinal() if posting.posted else 0
            points[slug] = (annual.mid, annual.currency, newest) if annual is not None else (None, None, newest)
        return points

    def __post_init__(self) -> None:
        self._pieces: dict[tuple[object, ...], object] = {}
        self._shared: dict[str, list[str]] = {}

    def shared(self, page_uri: str, markdown: str) -> str:
        """`markdown`, unchanged, noted as a block that the page at `page_uri` shows as other
        pages do (a topic of a company's brief, on each of its postings' prep pages), so that
        a build can convert it once for all of them; noted only where it converts alike on
        its own (`self_contained`). Every engine gets the same Markdown."""
        if markdown.strip() and self_contained(markdown):
            self._shared.setdefault(page_uri, []).append(markdown)
        return markdown

    def shared_in(self, page_uri: str) -> list[str]:
        """The blocks noted as shared on the page at `page_uri`, in the order it shows them."""
        return self._shared.get(page_uri, [])

    @cached_property
    def _with_notes(self) -> dict[str, list[Posting]]:
        """Postings that have prep notes, by role family and by company ('role:x', 'company:y')."""
        grouped: dict[str, list[Posting]] = {}
        for posting in self.kb.postings.values():
            if posting.slug in self.kb.preps:
                if posting.role:
                    grouped.setdefault(f"role:{posting.role}", []).append(posting)
                grouped.setdefault(f"company:{posting.company}", []).append(posting)
        return grouped

    def with_notes_in_role(self, role: str) -> list[Posting]:
        return self._with_notes.get(f"role:{role}", [])

    def with_notes_at(self, company: str) -> list[Posting]:
        return self._with_notes.get(f"company:{company}", [])

    @cached_property
    def _role_company_counts(self) -> Counter[tuple[str, str]]:
        return Counter((p.role, p.company) for p in self.kb.postings.values() if p.role)

    def in_role_elsewhere(self, role: str, company: str) -> int:
        """How many postings of a role family are at other companies."""
        return len(self.kb.postings_in_role(role)) - self._role_company_counts[(role, company)]

    def once(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """What `compute` gives for `key`, worked out once per build: for what many pages read
        or show alike (a posting's prep notes, a company's brief, a posting's row among a
        hundred prep pages' related postings)."""
        if key not in self._pieces:
            self._pieces[key] = compute()
        return cast(T, self._pieces[key])

    def notes(self, posting_slug: str) -> Notes:
        """The prep notes of a posting, read once per build: many pages gather them."""
        return self.once(("notes", posting_slug), lambda: read_notes(self.kb.preps.get(posting_slug)))

    def asks(self, posting: Posting) -> tuple[list[str], list[str]]:
        """(responsibilities, qualifications) of a posting, read once per build."""
        return self.once(("asks", posting.slug), lambda: (responsibilities(posting), qualifications(posting)))

    def brief(self, company_slug: str) -> tuple[list[tuple[str, Section]], list[str]]:
        """The company brief's sections and the profile's other headings, read once per build."""
        company = self.kb.companies.get(company_slug)
        return self.once(("brief", company_slug), lambda: company_brief(company.doc.body) if company else ([], []))

    def timeline(self, application: Application) -> list[Moment]:
        """An application's story, read once per build; Git is asked only for a file without
        events, and only in the private view (a published build shows no application)."""

        def told() -> list[Moment]:
            asks_git = self.includes_private and not application.events
            return timeline(application, status_history(application.doc.path) if asks_git else [])

        return self.once(("timeline", application.slug), told)

    def due(self) -> list[Reminder]:
        """What is due (`facts.reminders.due`), worked out once per build: the home page, the
        applications page and every application's page show it."""
        return self.once(("due",), lambda: due(self.kb, self.settings, self.today))

    def application_of(self, posting: Posting) -> Application | None:
        """The user's application for a posting, in the private view only."""
        return self.kb.applications.get(posting.slug) if self.includes_private else None

    def annual(self, posting: Posting) -> Annual | None:
        return self.annuals.get(posting.slug)

    def band_of(self, postings: list[Posting]) -> Band | None:
        return band(a for a in (self.annuals.get(p.slug) for p in postings) if a is not None)

    def role_name(self, role: str) -> str:
        """How a role family is shown: its name in the settings, else its slug in words."""
        return self.settings.role_names.get(role) or role_label(role)

    @property
    def base(self) -> str:
        return self.settings.base_currency
