"""What every renderer needs: the visible knowledge base, settings, today, and salaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..model import KnowledgeBase, Posting
from ..salary import Annual, Band, annual_salary, band
from ..settings import Settings


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

    def annual(self, posting: Posting) -> Annual | None:
        return self.annuals.get(posting.slug)

    def band_of(self, postings: list[Posting]) -> Band | None:
        return band(a for a in (self.annuals.get(p.slug) for p in postings) if a is not None)

    @property
    def base(self) -> str:
        return self.settings.base_currency
