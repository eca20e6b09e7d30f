"""Salaries normalised to an annual figure in the base currency, and their summaries.

A currency without a rate is never mixed in: its figures stay in their own currency, are
marked unconverted, and are left out of comparisons in the base currency.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from roledex.kb.model import Posting, Salary
from roledex.kb.settings import Settings


@dataclass(frozen=True)
class Annual:
    """One posting's salary as a year's pay, in the base currency when a rate exists."""

    posting: Posting
    min: float | None
    max: float | None
    currency: str
    converted: bool
    """False when no rate exists for the posting's currency: figures stay in that currency."""

    @property
    def mid(self) -> float | None:
        """The midpoint of the range, or the one bound that is stated."""
        if self.min is not None and self.max is not None:
            return (self.min + self.max) / 2
        return self.min if self.min is not None else self.max

    @property
    def low(self) -> float | None:
        return self.min if self.min is not None else self.max

    @property
    def high(self) -> float | None:
        return self.max if self.max is not None else self.min


def annual_salary(posting: Posting, settings: Settings) -> Annual | None:
    """The annual figures of a posting, or None when it states no figures."""
    salary: Salary | None = posting.salary
    if salary is None or not salary.has_figures or not salary.currency or not salary.period:
        return None
    per_year = settings.periods_per_year()[salary.period]
    rate = settings.rate(salary.currency)
    factor = per_year * (rate if rate is not None else 1.0)
    low = None if salary.min is None else salary.min * factor
    high = None if salary.max is None else salary.max * factor
    currency = settings.base_currency if rate is not None else salary.currency
    return Annual(posting, low, high, currency, rate is not None)


@dataclass(frozen=True)
class Band:
    """Lowest, median and highest annual pay over a group of postings."""

    lowest: float
    median: float
    highest: float
    count: int


def band(annuals: Iterable[Annual]) -> Band | None:
    """The band of the converted salaries; None when no salary can be compared."""
    usable = [a for a in annuals if a.converted and a.mid is not None]
    if not usable:
        return None
    return Band(
        lowest=min(a.low for a in usable if a.low is not None),
        median=statistics.median(a.mid for a in usable if a.mid is not None),
        highest=max(a.high for a in usable if a.high is not None),
        count=len(usable),
    )
