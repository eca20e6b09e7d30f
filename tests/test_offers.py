"""Offers in figures: each year's value (base, target bonus, the equity vesting that year,
sign-on and relocation in year 1) and the four-year total, in the base currency; vesting by
schedule and cliff; the checks of an offer; the offers page; its deadline in what is due."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site, invoke, make_site, read_page
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from roledex.check.offers import offer_findings
from roledex.facts.offers import NoRate, decision, grant_value, in_base, offer_value, percentile, vested_by_year
from roledex.facts.reminders import due
from roledex.kb.load import read_knowledge_base
from roledex.kb.model import Application, KnowledgeBase, Offer, Posting
from roledex.kb.problems import ERROR, WARNING
from roledex.kb.settings import Settings
from roledex.kb.source import Document
from roledex.web.offers_page import ordinal

DOC = Document(path="o.md", folder="offers", slug="p", meta={}, body="", body_line=1)
SETTINGS = Settings(base_currency="USD", rates={"EUR": 1.08, "GBP": 1.27})
RSU = {"kind": "rsu", "value": 400000, "currency": "USD"}
EVEN = {"years": 4, "cliff_months": 12, "frequency": "quarterly", "schedule": [25, 25, 25, 25]}


def _offer(**values: Any) -> Offer:
    values.setdefault("base", {"amount": 200000, "currency": "USD", "period": "year"})
    return Offer(slug="p", doc=DOC, posting="p", received=dt.date(2026, 12, 1), **values)


@pytest.mark.parametrize(
    ("offer", "years", "total"),
    [
        (  # the contract's own example
            _offer(
                bonus={"target_percent": 15},
                sign_on={"amount": 30000, "currency": "USD", "clawback_months": 12},
                relocation={"amount": 10000, "currency": "USD"},
                equity={**RSU, "vesting": EVEN},
            ),
            [370000, 330000, 330000, 330000],
            1360000,
        ),
        (  # back-loaded vesting
            _offer(equity={**RSU, "vesting": {"years": 4, "cliff_months": 12, "schedule": [5, 15, 40, 40]}}),
            [220000, 260000, 360000, 360000],
            1200000,
        ),
        (  # an 18-month cliff: a year and a half vests at once, in year 2
            _offer(equity={**RSU, "vesting": {"years": 4, "cliff_months": 18, "frequency": "quarterly"}}),
            [200000, 400000, 300000, 300000],
            1200000,
        ),
        (  # options: shares x (price - strike)
            _offer(
                equity={
                    "kind": "options",
                    "shares": 10000,
                    "price": 50,
                    "strike": 20,
                    "currency": "USD",
                    "vesting": {"years": 4, "frequency": "yearly"},
                }
            ),
            [275000, 275000, 275000, 275000],
            1100000,
        ),
        (  # a bonus as an amount, and three currencies
            _offer(
                base={"amount": 10000, "currency": "GBP", "period": "month"},
                bonus={"amount": 20000, "currency": "EUR"},
                sign_on={"amount": 5000, "currency": "EUR"},
            ),
            [152400 + 21600 + 5400, 152400 + 21600, 152400 + 21600, 152400 + 21600],
            4 * (152400 + 21600) + 5400,
        ),
        (  # a five-year grant: the fifth year is beyond the four compared
            _offer(equity={**RSU, "value": 500000, "vesting": {"years": 5, "frequency": "monthly"}}),
            [300000, 300000, 300000, 300000],
            1200000,
        ),
    ],
    ids=["contract", "back-loaded", "long cliff", "options", "currencies", "five years"],
)
def test_an_offers_years_and_total(offer: Offer, years: list[float], total: float) -> None:
    value = offer_value(offer, SETTINGS)
    assert [round(y.total, 2) for y in value.years] == pytest.approx(years)
    assert value.total == pytest.approx(total)
    assert value.guaranteed + value.at_risk == pytest.approx(total)


def test_equity_at_a_lower_and_a_higher_price() -> None:
    options = {"kind": "options", "shares": 10000, "price": 50, "strike": 20, "currency": "USD"}
    assert grant_value(options) == 300000
    assert grant_value(options, 0.5) == 50000  # 25 - 20
    assert grant_value(options, 0.3) == 0  # under water: never below nothing
    assert grant_value({**RSU}, 1.5) == 600000
    value = offer_value(_offer(equity={**options, "vesting": {"years": 4}}), SETTINGS)
    assert sum(value.equity_low) == pytest.approx(50000) and sum(value.equity_high) == pytest.approx(550000)


schedules = st.integers(1, 6).flatmap(
    lambda years: (
        st.lists(st.integers(0, 100), min_size=years, max_size=years)
        .filter(lambda shares: sum(shares) > 0)
        .map(lambda shares: [100 * s / sum(shares) for s in shares])
    )
)


@given(
    schedule=schedules,
    cliff=st.integers(0, 72),
    frequency=st.sampled_from(["monthly", "quarterly", "yearly"]),
)
def test_a_schedules_yearly_shares_always_sum_to_the_grant(schedule: list[float], cliff: int, frequency: str) -> None:
    vesting = {"years": len(schedule), "cliff_months": min(cliff, 12 * len(schedule)), "schedule": schedule}
    shares = vested_by_year({**vesting, "frequency": frequency})
    assert math.isclose(sum(shares), 1.0, rel_tol=1e-9)
    assert all(share >= 0 for share in shares)
    before_the_cliff = [year for year in range(1, len(schedule) + 1) if 12 * year < vesting["cliff_months"]]
    assert all(shares[year - 1] == 0 for year in before_the_cliff)


@given(
    amount=st.floats(1, 10**7),
    currency=st.sampled_from(["USD", "EUR", "GBP"]),
    period=st.sampled_from(["year", "month", "week", "day", "hour"]),
)
def test_converting_and_annualising_commute(amount: float, currency: str, period: str) -> None:
    periods = SETTINGS.periods_per_year()[period]
    assert math.isclose(in_base(amount * periods, currency, SETTINGS), in_base(amount, currency, SETTINGS) * periods)


@pytest.mark.parametrize(
    ("value", "others", "expected"),
    [(100, [], None), (100, [50, 150], 50), (200, [50, 150], 100), (50, [50, 150], 25), (10, [50], 0)],
)
def test_percentile(value: float, others: list[float], expected: int | None) -> None:
    assert percentile(value, others) == expected


@pytest.mark.parametrize(
    ("offer", "key", "severity", "words"),
    [
        (_offer(equity={**RSU, "vesting": {"years": 4, "schedule": [25, 25, 25, 20]}}), "schedule", ERROR, "95%"),
        (_offer(equity={**RSU, "vesting": {"years": 4, "schedule": [50, 50]}}), "schedule", ERROR, "2 year(s)"),
        (_offer(equity={**RSU, "vesting": {"years": 2, "cliff_months": 30}}), "cliff_months", ERROR, "longer"),
        (_offer(equity={"kind": "rsu", "currency": "USD", "vesting": {"years": 4}}), "equity", ERROR, "its value"),
        (
            _offer(equity={"kind": "options", "shares": 10, "price": 5, "currency": "USD", "vesting": {"years": 4}}),
            "strike",
            ERROR,
            "strike",
        ),
        (_offer(deadline=dt.date(2026, 11, 30)), "deadline", ERROR, "before the offer"),
        (_offer(bonus={"target_percent": 10, "amount": 5}), "bonus", ERROR, "one of them"),
        (
            _offer(sign_on={"amount": 1, "currency": "USD", "clawback_months": 60}, equity={**RSU, "vesting": EVEN}),
            "clawback_months",
            WARNING,
            "longer than the 48-month vesting",
        ),
        (_offer(base={"amount": 1, "currency": "JPY", "period": "year"}), "currency", WARNING, "no rate for JPY"),
    ],
    ids=["shares", "years", "cliff", "no value", "no strike", "deadline", "bonus twice", "claw-back", "no rate"],
)
def test_what_the_check_says_of_an_offer(offer: Offer, key: str, severity: str, words: str) -> None:
    found = offer_findings(offer, KnowledgeBase(), SETTINGS)
    assert any(k.endswith(key) and s == severity and words in m for k, m, s in found), found


def test_a_good_offer_has_no_finding() -> None:
    offer = _offer(bonus={"target_percent": 15}, equity={**RSU, "vesting": EVEN})
    assert offer_findings(offer, KnowledgeBase(), SETTINGS) == []


def test_the_application_follows_the_offers_outcome() -> None:
    posting = Posting(slug="p", doc=DOC, company="acme", title="T")
    application = Application(slug="p", doc=DOC, posting="p", status="offer")
    kb = KnowledgeBase(postings={"p": posting}, applications={"p": application})
    found = offer_findings(_offer(status="accepted"), kb, SETTINGS)
    assert any("`roledex status p accepted`" in m for _, m, _ in found)
    application.status = "accepted"
    assert offer_findings(_offer(status="accepted"), kb, SETTINGS) == []


def test_an_open_offers_deadline_is_due_and_a_decided_ones_is_not() -> None:
    posting = Posting(slug="p", doc=DOC, company="acme", title="T")
    deadline = dt.date(2026, 12, 10)
    for status, listed in (("open", True), ("declined", False)):
        kb = KnowledgeBase(postings={"p": posting}, offers={"p": _offer(status=status, deadline=deadline)})
        found = [(r.date, r.kind) for r in due(kb, Settings(), dt.date(2026, 12, 6))]
        assert found == ([(deadline, "offer")] if listed else [])


# --- files, the check, the page, the calendar ---

GROWTH = "etsy-engineering-manager-ml-for-growth"
ADS = "etsy-engineering-manager-ads-ml"
OFFER_FILE = f"""---
posting: {GROWTH}
status: open
received: 2026-12-01
deadline: 2026-12-12
base: {{amount: 200000, currency: USD, period: year}}
bonus: {{target_percent: 15}}
sign_on: {{amount: 30000, currency: USD, clawback_months: 12}}
relocation: {{amount: 10000, currency: USD}}
equity:
  kind: rsu
  value: 400000
  currency: USD
  vesting:
    years: 4
    cliff_months: 12
    frequency: quarterly
    schedule: [25, 25, 25, 25]
retirement_match_percent: 4
pto_days: 25
work_mode: hybrid
locations: [New York]
start: 2027-01-15
---

The first offer, by phone with the recruiter.
"""
SECOND = f"""---
posting: {ADS}
received: 2026-12-02
base: {{amount: 180000, currency: EUR, period: year}}
equity:
  kind: options
  shares: 10000
  price: 50
  strike: 20
  currency: USD
  vesting: {{years: 4, cliff_months: 12, schedule: [5, 15, 40, 40]}}
---
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("offers")
    make_site(root, {f"offers/{GROWTH}.md": OFFER_FILE, f"offers/{ADS}.md": SECOND})
    return root


def test_offers_written_as_documented_pass_the_check(site: Path) -> None:
    checked = invoke("check", cwd=site)
    assert checked.returncode == 0, checked.stdout


def test_the_offers_page_shows_each_offers_figures(site: Path) -> None:
    assert build_site(site, private="include").returncode == 0
    page = read_page(site, "offers")
    for figure in ("$370,000", "$330,000", "$1,360,000"):  # the first offer: year 1, years 2-4, total
        assert figure in page
    # the second: EUR 180,000 at 1.08 is $194,400 a year; options worth $300,000 vesting 5/15/40/40
    assert "$194,400" in page and "$209,400" in page and "$1,077,600" in page
    assert "Decision" in page and "percentile" in page
    assert "Only in the private view" in page


def test_a_published_build_holds_no_offer(site: Path) -> None:
    assert build_site(site).returncode == 0
    assert not (site / "site" / "offers").exists()
    published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (site / "site").rglob("*.*"))
    assert "first offer, by phone" not in published and "$1,360,000" not in published
    assert invoke("publish-check", "site", cwd=site).returncode == 0


def test_the_offers_deadline_is_in_the_calendar(site: Path) -> None:
    printed = invoke("calendar", cwd=site).stdout
    summaries = {str(e["summary"]): e.decoded("dtstart") for e in Calendar.from_ical(printed).walk("VEVENT")}
    assert summaries["Offer deadline: Engineering Manager, Machine Learning for Growth at Etsy"] == dt.date(
        2026, 12, 12
    )


def test_new_offer_starts_from_the_postings_stated_pay_and_passes_the_check(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert invoke("new", "offer", "etsy ads", cwd=tmp_path).returncode == 0
    text = (tmp_path / "docs" / "offers" / f"{ADS}.md").read_text(encoding="utf-8")
    assert "base: {amount: 257000" in text and "status: open" in text
    assert invoke("check", cwd=tmp_path).returncode == 0
    again = invoke("new", "offer", ADS, cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_the_export_gives_each_offers_years_and_total(site: Path) -> None:
    result = invoke("export", "--offers", "--format", "json", cwd=site)
    assert result.returncode == 0, result.stderr
    rows = [r for r in json.loads(result.stdout)["offers"] if r["posting"] == GROWTH]
    assert [(r["year"], r["total"]) for r in rows] == [
        (1, 370000),
        (2, 330000),
        (3, 330000),
        (4, 330000),
        ("total", 1360000),
    ]
    assert rows[-1]["guaranteed"] == 840000 and rows[-1]["at_risk"] == 520000


@pytest.mark.parametrize(
    ("number", "said"),
    [(0, "0th"), (1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (22, "22nd"), (80, "80th"), (100, "100th")],
)
def test_ordinals(number: int, said: str) -> None:
    assert ordinal(number) == said


def test_an_offers_own_page_shows_its_figures_with_links_that_work(site: Path) -> None:
    assert build_site(site, private="include").returncode == 0
    page = read_page(site, f"offers/{GROWTH}")
    assert "$1,360,000" in page and "The first offer, by phone" in page
    assert 'href="../"' in page  # all offers, side by side
    assert f'href="../../postings/{GROWTH}/"' in page


def test_revise_keeps_the_offer_as_it_stood_and_its_page_shows_the_negotiation(tmp_path: Path) -> None:
    make_site(tmp_path, {f"offers/{GROWTH}.md": OFFER_FILE})
    assert invoke("status", GROWTH, "offer", "--date", "2026-12-01", cwd=tmp_path).returncode == 0
    said = invoke("revise", "etsy growth", "--note", "countered at 220k", "--date", "2026-12-03", cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    kept = tmp_path / "snapshots" / "offers" / GROWTH / "2026-12-03.md"
    assert kept.read_text(encoding="utf-8") == OFFER_FILE
    assert kept.name in (kept.parent / "SHA256SUMS").read_text(encoding="utf-8")
    path = tmp_path / "docs" / "offers" / f"{GROWTH}.md"
    path.write_text(OFFER_FILE.replace("amount: 200000", "amount: 215000"), encoding="utf-8")
    notes = [e.note for e in read_knowledge_base(tmp_path / "docs").kb.applications[GROWTH].events]
    assert "offer revised: countered at 220k" in notes
    assert invoke("check", cwd=tmp_path).returncode == 0
    assert build_site(tmp_path, private="include").returncode == 0
    page = read_page(tmp_path, f"offers/{GROWTH}")
    assert "Before each revision" in page and "200,000 USD a year" in page and "215,000 USD a year" in page


def test_a_kept_offer_is_private_in_a_public_repository(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert invoke("new", "company", "Acme", cwd=tmp_path).returncode == 0
    assert "/snapshots/offers/" in (tmp_path / ".gitignore").read_text(encoding="utf-8")
    kept = tmp_path / "snapshots" / "offers" / "acme-x" / "2026-12-03.md"
    kept.parent.mkdir(parents=True)
    kept.write_text("---\nreceived: 2026-12-01\n---\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "-f", "snapshots"], check=True)
    result = invoke("publish-check", "--repository", str(tmp_path), "--public", cwd=tmp_path)
    assert result.returncode == 1 and "snapshots/offers/acme-x/2026-12-03.md" in result.stdout


def test_the_decision_weighs_each_criterion_and_scores_pay_from_the_totals() -> None:
    high = offer_value(_offer(scores={"growth": 2}), SETTINGS)
    low = offer_value(
        Offer(
            slug="q",
            doc=DOC,
            posting="q",
            received=dt.date(2026, 12, 1),
            base={"amount": 100000, "currency": "USD", "period": "year"},
            scores={"growth": 5},
        ),
        SETTINGS,
    )
    middle = offer_value(
        Offer(slug="m", doc=DOC, posting="m", base={"amount": 150000, "currency": "USD", "period": "year"}), SETTINGS
    )
    table = decision([high, low, middle], {"pay": 3, "growth": 1})
    assert table["p"]["pay"] == 5 and table["q"]["pay"] == 1 and table["m"]["pay"] == 3
    assert table["p"]["total"] == pytest.approx((3 * 5 + 1 * 2) / 4)
    assert table["q"]["total"] == pytest.approx((3 * 1 + 1 * 5) / 4)
    assert "growth" not in table["m"] and table["m"]["total"] == 3  # unscored criteria weigh nothing
    assert decision([high], {"pay": 1})["p"]["pay"] == 5  # one offer: the best there is
    assert decision([high], {"team": 1})["p"] == {"total": 0.0}


def test_totals_at_another_price_and_what_is_guaranteed_each_year() -> None:
    value = offer_value(
        _offer(
            bonus={"target_percent": 10},
            sign_on={"amount": 30000, "currency": "USD"},
            relocation={"amount": 5000, "currency": "USD"},
            equity={**RSU, "vesting": EVEN},
        ),
        SETTINGS,
    )
    first, second = value.years[0], value.years[1]
    assert (first.guaranteed, first.at_risk) == (235000, 120000)
    assert (second.guaranteed, second.at_risk) == (200000, 120000)
    assert value.total_at(value.equity_low) == pytest.approx(value.total - 200000)
    assert value.total_at(value.equity_high) == pytest.approx(value.total + 200000)


@pytest.mark.parametrize(
    "offer",
    [
        _offer(base={"amount": 1, "currency": "JPY", "period": "year"}),
        _offer(bonus={"amount": 1, "currency": "CHF"}),
        _offer(equity={**RSU, "currency": "SEK", "vesting": EVEN}),
    ],
    ids=["base", "bonus", "equity"],
)
def test_a_currency_without_a_rate_cannot_be_valued(offer: Offer) -> None:
    with pytest.raises(NoRate):
        offer_value(offer, SETTINGS)


@pytest.mark.parametrize(
    ("vesting", "first_year"),
    [
        ({"years": 4, "frequency": "monthly", "cliff_months": 6}, 0.25),
        ({"years": 4, "frequency": "yearly", "cliff_months": 0}, 0.25),
        ({"years": 4, "frequency": "fortnightly"}, 0.25),  # unknown: quarterly
        ({"years": 2, "cliff_months": 24}, 0.0),
        ({"years": 0}, None),
    ],
)
def test_the_first_years_share(vesting: dict, first_year: float | None) -> None:
    shares = vested_by_year(vesting)
    assert (shares[0] if shares else None) == (pytest.approx(first_year) if first_year is not None else None)
