"""An offer in figures: what it pays year by year for four years, and in total, in the base
currency; what of it is guaranteed (base, sign-on, relocation) and what is at risk (bonus,
equity); the equity at the stated price and at a lower and a higher one.

A year's value is base (as a year) + target bonus + that year's vested equity, plus sign-on and
relocation in year 1. Equity vests by its schedule (even when none is given), a share every
month, quarter or year; nothing vests before the cliff, and what would have vests at it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from roledex.kb.model import Offer
from roledex.kb.schema import OFFER_YEARS
from roledex.kb.settings import Settings

STEPS_A_YEAR = {"monthly": 12, "quarterly": 4, "yearly": 1}
DEFAULT_FREQUENCY = "quarterly"


def schedule_of(vesting: Mapping[str, Any]) -> list[float]:
    """The percent vesting in each year: as written, or even over the years."""
    years = int(vesting.get("years") or 0)
    written = vesting.get("schedule")
    if isinstance(written, list) and written:
        return [float(share) for share in written]
    return [100 / years] * years if years > 0 else []


def vested_by_year(vesting: Mapping[str, Any]) -> list[float]:
    """The fraction of the grant vesting in each year from the start (year 1 first), with the
    cliff applied: each year's percent in equal steps at its frequency; a step before the cliff
    waits for it."""
    schedule = schedule_of(vesting)
    if not schedule:
        return []
    steps = STEPS_A_YEAR.get(str(vesting.get("frequency") or DEFAULT_FREQUENCY), STEPS_A_YEAR[DEFAULT_FREQUENCY])
    cliff = min(max(int(vesting.get("cliff_months") or 0), 0), 12 * len(schedule))
    by_year = [0.0] * len(schedule)
    for index, percent in enumerate(schedule):
        for step in range(1, steps + 1):
            month = 12 * index + 12 * step / steps
            when = max(month, cliff)
            year = min(max(math.ceil(when / 12), 1), len(schedule))
            by_year[year - 1] += percent / 100 / steps
    return by_year


def grant_value(equity: Mapping[str, Any], factor: float = 1.0) -> float:
    """The grant's value in its currency at the stated price times `factor`: restricted stock at
    the price (or the value given), options at price less strike, never below nothing."""
    shares, price, value = equity.get("shares"), equity.get("price"), equity.get("value")
    if equity.get("kind") == "options":
        strike = equity.get("strike")
        if shares is not None and price is not None and strike is not None:
            return float(shares) * max(float(price) * factor - float(strike), 0.0)
        return float(value) * factor if value is not None else 0.0
    if shares is not None and price is not None:
        return float(shares) * float(price) * factor
    return float(value) * factor if value is not None else 0.0


@dataclass(frozen=True)
class Year:
    """One year of an offer, in the base currency."""

    number: int
    base: float
    bonus: float
    equity: float
    sign_on: float = 0.0
    relocation: float = 0.0

    @property
    def guaranteed(self) -> float:
        return self.base + self.sign_on + self.relocation

    @property
    def at_risk(self) -> float:
        return self.bonus + self.equity

    @property
    def total(self) -> float:
        return self.guaranteed + self.at_risk


@dataclass(frozen=True)
class OfferValue:
    """An offer's years, its total, and its equity at the lower and the higher price."""

    offer: Offer
    currency: str
    years: tuple[Year, ...]
    equity_low: tuple[float, ...]
    equity_high: tuple[float, ...]
    base_year: float
    """The base pay as a year, in the base currency."""

    @property
    def total(self) -> float:
        return sum(year.total for year in self.years)

    @property
    def guaranteed(self) -> float:
        return sum(year.guaranteed for year in self.years)

    @property
    def at_risk(self) -> float:
        return sum(year.at_risk for year in self.years)

    def total_at(self, equity: tuple[float, ...]) -> float:
        """The total with the equity of each year as given (at another price)."""
        return sum(year.total - year.equity + worth for year, worth in zip(self.years, equity, strict=True))


class NoRate(ValueError):
    """A currency of the offer has no rate to the base currency; the message names it."""


def in_base(amount: float, currency: str, settings: Settings) -> float:
    rate = settings.rate(currency)
    if rate is None or rate <= 0:
        raise NoRate(currency)
    return amount * rate


def base_year(offer: Offer, settings: Settings) -> float:
    """The base pay as a year's pay in the base currency."""
    base = offer.base
    periods = settings.periods_per_year()[str(base["period"])]
    return in_base(float(base["amount"]) * periods, str(base["currency"]), settings)


def _bonus(offer: Offer, base: float, settings: Settings) -> float:
    bonus = offer.bonus
    if bonus.get("target_percent") is not None:
        return base * float(bonus["target_percent"]) / 100
    if bonus.get("amount") is not None:
        return in_base(float(bonus["amount"]), str(bonus.get("currency") or offer.base["currency"]), settings)
    return 0.0


def _once(money: Mapping[str, Any], settings: Settings) -> float:
    return in_base(float(money["amount"]), str(money["currency"]), settings) if money.get("amount") else 0.0


def equity_by_year(offer: Offer, settings: Settings, factor: float = 1.0) -> tuple[float, ...]:
    """The equity vesting in each of the compared years, in the base currency."""
    equity = offer.equity
    if not equity:
        return (0.0,) * OFFER_YEARS
    grant = in_base(grant_value(equity, factor), str(equity["currency"]), settings)
    shares = vested_by_year(equity.get("vesting") or {})
    return tuple(grant * (shares[index] if index < len(shares) else 0.0) for index in range(OFFER_YEARS))


def offer_value(offer: Offer, settings: Settings) -> OfferValue:
    """The offer's figures; raises NoRate when a currency of it has no rate."""
    base = base_year(offer, settings)
    bonus = _bonus(offer, base, settings)
    equity = equity_by_year(offer, settings)
    sign_on, relocation = _once(offer.sign_on, settings), _once(offer.relocation, settings)
    years = tuple(
        Year(number, base, bonus, equity[number - 1], *((sign_on, relocation) if number == 1 else (0.0, 0.0)))
        for number in range(1, OFFER_YEARS + 1)
    )
    low = equity_by_year(offer, settings, settings.equity_low)
    high = equity_by_year(offer, settings, settings.equity_high)
    return OfferValue(offer, settings.base_currency, years, low, high, base)


def percentile(value: float, others: list[float]) -> int | None:
    """Where `value` stands among `others`, from 0 to 100: the share below it, ties half."""
    if not others:
        return None
    below = sum(1 for other in others if other < value) + 0.5 * sum(1 for other in others if other == value)
    return round(100 * below / len(others))


def decision(values: list[OfferValue], weights: Mapping[str, float]) -> dict[str, dict[str, float]]:
    """Each offer's score (1 to 5) on each criterion and its weighted mean under "total": the
    user's own scores, and for `pay` when not scored, the four-year total placed between the
    lowest (1) and the highest (5) of the offers."""
    totals = [value.total for value in values]
    low, high = (min(totals), max(totals)) if totals else (0.0, 0.0)
    table: dict[str, dict[str, float]] = {}
    for value in values:
        scores: dict[str, float] = {}
        for criterion in weights:
            given = value.offer.scores.get(criterion)
            if given is not None:
                scores[criterion] = float(given)
            elif criterion == "pay":
                scores[criterion] = 5.0 if high == low else 1 + 4 * (value.total - low) / (high - low)
        scored = [(weights[c], s) for c, s in scores.items()]
        weight = sum(w for w, _ in scored)
        scores["total"] = sum(w * s for w, s in scored) / weight if weight else 0.0
        table[value.offer.slug] = scores
    return table
