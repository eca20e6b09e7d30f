"""The offers page (private view): every live offer side by side, year by year and in total, in
the base currency, guaranteed and at risk, equity at three prices; each beside its posting's
stated range and its role family's band; then the decision table with the user's weights."""

from __future__ import annotations

import html

from roledex.facts.offer_history import earlier_versions, said
from roledex.facts.offers import NoRate, OfferValue, offer_value, percentile
from roledex.facts.offers import decision as decide
from roledex.kb.model import Offer
from roledex.kb.schema import OFFER_YEARS
from roledex.web.common import (
    WIDE_PAGE,
    badge,
    link,
    money,
    money_range,
    plural,
    posting_uri,
    role_uri,
    table,
    text,
)
from roledex.web.context import SiteContext

HERE = "offers/index.md"
LIVE = ("open", "accepted")
"""Offers still to weigh (or the one taken); declined, expired and withdrawn ones are listed below."""


def _anchor(offer: Offer) -> str:
    return f"offer-{offer.slug}"


def _title(ctx: SiteContext, offer: Offer) -> str:
    return ctx.kb.title_at(offer.posting)


def _cell(value: float, currency: str, offer: Offer) -> str:
    """A figure linked to the offer's own section, where its parts are."""
    return f'<a href="#{_anchor(offer)}">{html.escape(money(value, currency))}</a>'


def _summary(ctx: SiteContext, values: list[OfferValue]) -> str:
    headers = ["Offer", "Status", "Deadline", *(f"Year {n}" for n in range(1, OFFER_YEARS + 1))]
    headers += [f"{OFFER_YEARS} years", "Guaranteed", "At risk", "At the low price", "At the high price"]
    rows = []
    for value in values:
        offer, currency = value.offer, value.currency
        rows.append(
            [
                link(_title(ctx, offer), HERE, offer.doc.src_uri),
                badge(offer.status, f"offer-{offer.status}"),
                str(offer.deadline or ""),
                *(_cell(year.total, currency, offer) for year in value.years),
                f"<strong>{_cell(value.total, currency, offer)}</strong>",
                _cell(value.guaranteed, currency, offer),
                _cell(value.at_risk, currency, offer),
                _cell(value.total_at(value.equity_low), currency, offer),
                _cell(value.total_at(value.equity_high), currency, offer),
            ]
        )
    return table(headers, rows)


def _years(value: OfferValue) -> str:
    currency = value.currency
    parts = [
        ("Base", [y.base for y in value.years]),
        ("Target bonus", [y.bonus for y in value.years]),
        ("Equity vesting", [y.equity for y in value.years]),
        ("Sign-on", [y.sign_on for y in value.years]),
        ("Relocation", [y.relocation for y in value.years]),
        ("Guaranteed", [y.guaranteed for y in value.years]),
        ("At risk", [y.at_risk for y in value.years]),
        ("Total", [y.total for y in value.years]),
        ("Equity at the low price", list(value.equity_low)),
        ("Equity at the high price", list(value.equity_high)),
    ]
    rows = [
        [label, *(html.escape(money(x, currency)) for x in figures), html.escape(money(sum(figures), currency))]
        for label, figures in parts
        if any(figures) or label in ("Base", "Guaranteed", "Total")
    ]
    headers = ["", *(f"Year {n}" for n in range(1, OFFER_YEARS + 1)), "Total"]
    return table(headers, rows)


def _beside_the_market(ctx: SiteContext, value: OfferValue, here: str) -> str:
    """The offer's base beside its posting's stated range and its role family's postings."""
    posting = ctx.kb.postings.get(value.offer.posting)
    if posting is None:
        return ""
    currency, lines = value.currency, []
    stated = ctx.annual(posting)
    if stated is not None and stated.converted and stated.low is not None:
        high = stated.high if stated.high is not None else stated.low
        against = "below" if value.base_year < stated.low else "above" if value.base_year > high else "within"
        lines.append(
            f"Base {html.escape(money(value.base_year, currency))} a year is {against} the range the posting "
            f"states, {html.escape(money_range(stated.low, stated.high, currency))} "
            f"({link('the posting', here, posting_uri(posting))})."
        )
    if posting.role:
        family = [p for p in ctx.kb.postings_in_role(posting.role) if p.slug != posting.slug]
        mids = [a.mid for a in (ctx.annual(p) for p in family) if a is not None and a.converted and a.mid is not None]
        where = percentile(value.base_year, mids)
        if where is not None:
            name = link(ctx.role_name(posting.role), here, role_uri(posting.role))
            lines.append(
                f"Base at the {ordinal(where)} percentile of the {plural(len(mids), 'other posting')} in {name} "
                "(by the middle of each one's range, as a year)."
            )
    return "".join(f"<p>{line}</p>" for line in lines)


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _section(ctx: SiteContext, value: OfferValue) -> str:
    """One offer's section of the offers page: its title, then its figures."""
    return f'\n<h2 id="{_anchor(value.offer)}">{text(_title(ctx, value.offer))}</h2>\n' + _figures(ctx, value, HERE)


def _figures(ctx: SiteContext, value: OfferValue, here: str) -> str:
    """An offer's terms, its years and its place beside the market, with links from `here`."""
    offer = value.offer
    facts = [f"received {offer.received}" if offer.received else ""]
    facts += [f"answer by {offer.deadline}" if offer.deadline else ""]
    facts += [f"starts {offer.start}" if offer.start else ""]
    facts += [f"{offer.pto_days:g} days off" if offer.pto_days else ""]
    facts += [f"retirement match {offer.retirement_match_percent:g}%" if offer.retirement_match_percent else ""]
    facts += [text(offer.work_mode) if offer.work_mode else "", text(", ".join(offer.locations))]
    said = "; ".join(f for f in facts if f)
    source = link("the offer", here, offer.doc.src_uri)
    return (
        f"\n<p>{said}. Every figure is from {source}, in {value.currency}.</p>\n"
        + _years(value)
        + _beside_the_market(ctx, value, here)
        + "\n"
    )


def _decision(ctx: SiteContext, values: list[OfferValue]) -> str:
    weights = ctx.settings.decision
    table_of = decide(values, weights)
    criteria = list(weights)
    headers = ["Offer", *(f"{text(c)} (×{weights[c]:g})" for c in criteria), "Weighted"]
    rows = [
        [
            link(_title(ctx, value.offer), HERE, value.offer.doc.src_uri),
            *(
                f"{table_of[value.offer.slug][c]:.1f}" if c in table_of[value.offer.slug] else "not scored"
                for c in criteria
            ),
            f"<strong>{table_of[value.offer.slug]['total']:.2f}</strong>",
        ]
        for value in values
    ]
    said = ", ".join(f"{text(c)} ×{weights[c]:g}" for c in criteria)
    return (
        "\n## Decision\n\n"
        f"Your criteria and their weights (`decision` in the settings): {said}. Each offer scores them "
        "from 1 to 5 in its `scores`; pay, when not scored, goes from 1 (the lowest four-year total) to 5 "
        "(the highest).\n" + table(headers, rows)
    )


def offers_page(ctx: SiteContext) -> str:
    """The whole page."""
    lead = badge("private", "private") + " Only in the private view."
    offers = sorted(ctx.kb.offers.values(), key=lambda o: (o.status not in LIVE, o.deadline or o.received, o.slug))
    if not offers:
        return f"{WIDE_PAGE}# Offers\n\n{lead} No offers yet: `roledex new offer POSTING` records one.\n"
    values, unusable = [], []
    for offer in offers:
        try:
            values.append(offer_value(offer, ctx.settings))
        except NoRate as missing:
            unusable.append(f"{text(_title(ctx, offer))}: no rate for {text(missing)} in the settings")
        except (KeyError, TypeError, ValueError):
            unusable.append(f"{text(_title(ctx, offer))}: its figures have problems; `roledex check` lists them")
    live = [v for v in values if v.offer.status in LIVE]
    low, high = ctx.settings.equity_low, ctx.settings.equity_high
    parts = [
        f"{WIDE_PAGE}# Offers\n\n{lead} {plural(len(live), 'live offer')} over {OFFER_YEARS} years, in "
        f"{ctx.settings.base_currency}: base + target bonus + the equity vesting that year, sign-on and "
        f"relocation in year 1. Equity is also shown at {low:g}× and {high:g}× the stated share price "
        "(`equity_low` and `equity_high` in the settings).\n",
        _summary(ctx, live) if live else "No live offer.\n",
    ]
    if live:
        parts.append(_decision(ctx, live))
    parts += [_section(ctx, value) for value in values]
    ended = [v for v in values if v.offer.status not in LIVE]
    if ended:
        parts.append("\n## Ended\n\n" + ", ".join(f"{text(_title(ctx, v.offer))} ({v.offer.status})" for v in ended))
    if unusable:
        parts.append("\n## Not compared\n\n" + "\n".join(f"- {line}" for line in unusable) + "\n")
    return "\n".join(parts)


def offer_page(ctx: SiteContext, offer: Offer, body: str, heading: str | None) -> str:
    """An offer's own page: its figures year by year, then what the user wrote."""
    title = heading or f"Offer: {text(_title(ctx, offer))}"
    back = link("all offers, side by side", offer.doc.src_uri, HERE)
    try:
        figures = _figures(ctx, offer_value(offer, ctx.settings), offer.doc.src_uri)
    except NoRate as missing:
        figures = f"\nNo rate for {text(missing)} in the settings: the offer cannot be shown in figures.\n"
    except (KeyError, TypeError, ValueError):
        figures = "\nIts figures have problems; `roledex check` lists them.\n"
    head = f"# {title}\n\n{badge(offer.status, f'offer-{offer.status}')} Compare it with {back}.\n"
    return head + figures + _history(offer) + "\n" + body


def _history(offer: Offer) -> str:
    """The offer as it stood before each revision (`roledex revise`), oldest first."""
    versions = earlier_versions(offer)
    if not versions:
        return ""
    keys = ("base", "bonus", "sign_on", "equity")
    rows = [[text(v.day), *(text(said(v.meta.get(key))) for key in keys)] for v in versions]
    rows.append(["now", *(text(said(getattr(offer, key))) for key in keys)])
    return "\n## Before each revision\n" + table(["Day", "Base", "Bonus", "Sign-on", "Equity"], rows)
