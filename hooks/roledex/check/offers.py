"""What an offer must say to be compared: vesting shares that add up, a cliff within the
schedule, equity that has a value, a bonus said one way, a deadline after the offer, a sign-on
claw-back no longer than the vesting, a rate for each currency, and an application whose status
follows the offer's outcome. Each a line with its fix."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from roledex.kb.model import KnowledgeBase, Offer
from roledex.kb.problems import ERROR, WARNING
from roledex.kb.settings import Settings

Finding = tuple[str, str, str]

APPLICATION_AFTER = {"accepted": "accepted", "declined": "withdrawn"}
"""The application's status once the offer's outcome is this."""
SHARES_TOLERANCE = 0.01


def _vesting(vesting: dict[str, Any]) -> Iterator[Finding]:
    years = vesting.get("years")
    if not isinstance(years, int) or years < 1:
        return
    written = vesting.get("schedule")
    if isinstance(written, list) and written:
        if len(written) != years:
            yield (
                "equity.vesting.schedule",
                f"gives {len(written)} year(s) for a vesting of {years} years; give one percent for each year",
                ERROR,
            )
        total = sum(float(share) for share in written if isinstance(share, (int, float)))
        if abs(total - 100) > SHARES_TOLERANCE:
            yield (
                "equity.vesting.schedule",
                f"the yearly shares add up to {total:g}%, not 100%; correct them (such as [25, 25, 25, 25])",
                ERROR,
            )
    cliff = vesting.get("cliff_months")
    if isinstance(cliff, int) and cliff > 12 * years:
        yield (
            "equity.vesting.cliff_months",
            f"a cliff of {cliff} months is longer than the {years}-year schedule ({12 * years} months); check both",
            ERROR,
        )


def _equity(offer: Offer) -> Iterator[Finding]:
    equity = offer.equity
    if not equity:
        return
    has_shares = equity.get("shares") is not None and equity.get("price") is not None
    if equity.get("value") is None and not has_shares:
        yield "equity", "give its value, or its shares and their price, to count it", ERROR
    if equity.get("kind") == "options" and equity.get("shares") is not None and equity.get("strike") is None:
        yield "equity.strike", "options need their strike price to be valued (shares x (price - strike))", ERROR
    yield from _vesting(equity.get("vesting") or {})
    months = 12 * int((equity.get("vesting") or {}).get("years") or 0)
    clawback = offer.sign_on.get("clawback_months")
    if months and isinstance(clawback, int) and clawback > months:
        yield (
            "sign_on.clawback_months",
            f"the sign-on is owed back for {clawback} months, longer than the {months}-month vesting; "
            "check the claw-back in the offer letter",
            WARNING,
        )


def _bonus(offer: Offer) -> Iterator[Finding]:
    bonus = offer.bonus
    if bonus and ("target_percent" in bonus) == ("amount" in bonus):
        yield "bonus", "give the target as target_percent (of base) or as amount with currency, one of them", ERROR


def _dates(offer: Offer) -> Iterator[Finding]:
    if offer.deadline and offer.received and offer.deadline < offer.received:
        yield (
            "deadline",
            f"{offer.deadline} is before the offer was received ({offer.received}); check the dates",
            ERROR,
        )


def _rates(offer: Offer, settings: Settings) -> Iterator[Finding]:
    named = [
        ("base.currency", offer.base.get("currency")),
        ("bonus.currency", offer.bonus.get("currency")),
        ("sign_on.currency", offer.sign_on.get("currency")),
        ("relocation.currency", offer.relocation.get("currency")),
        ("equity.currency", offer.equity.get("currency")),
    ]
    for key, currency in named:
        if isinstance(currency, str) and settings.rate(currency) is None:
            yield (
                key,
                f"no rate for {currency} in extra.roledex.rates, so the offer cannot be compared in "
                f"{settings.base_currency}; add one ({currency}: what one {currency} is worth in it)",
                WARNING,
            )


def _outcome(offer: Offer, kb: KnowledgeBase) -> Iterator[Finding]:
    wanted = APPLICATION_AFTER.get(offer.status)
    application = kb.applications.get(offer.posting)
    if wanted is None or application is None or application.status == wanted:
        return
    yield (
        "status",
        f"the offer is {offer.status}, but the application is {application.status!r}; "
        f"`roledex status {offer.posting} {wanted}` records it",
        WARNING,
    )


def offer_findings(offer: Offer, kb: KnowledgeBase, settings: Settings) -> list[Finding]:
    """Every problem of one offer, as (key, message, severity)."""
    return [
        *_equity(offer),
        *_bonus(offer),
        *_dates(offer),
        *_rates(offer, settings),
        *_outcome(offer, kb),
    ]
