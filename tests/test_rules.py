"""Boundaries of the core rules, one parametrised table each: pay periods and rates, the
headline rule, staleness, requirement coverage and duplicate keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from conftest import make_site
from roledex.check.records import check_record
from roledex.check.run import checked_knowledge_base
from roledex.facts.applications import stale_days
from roledex.facts.salary import annual_salary, band
from roledex.facts.skills import Mapping, content_words, coverage
from roledex.importer.money import choose_salary
from roledex.kb.model import Application, Posting, Salary
from roledex.kb.schema import CLOSED_STATUSES, KINDS, STALE_AFTER_DAYS, STATUSES
from roledex.kb.settings import Settings
from roledex.kb.source import Document, parse_yaml

UNUSUAL = Settings(base_currency="USD", rates={"EUR": 1.1}, hours_per_week=35, days_per_week=4, weeks_per_year=48)
DOC = Document(path="p.md", folder="postings", slug="p", meta={}, body="", body_line=1)


def _posting(low: float | None, high: float | None, currency: str = "USD", period: str = "year") -> Posting:
    salary = Salary(min=low, max=high, currency=currency, period=period)
    return Posting(slug="p", doc=DOC, company="acme", title="T", salary=salary)


@pytest.mark.parametrize(
    ("period", "figure", "settings", "per_year"),
    [
        ("year", 100, Settings(), 100),
        ("month", 100, Settings(), 1200),
        ("week", 100, Settings(), 5200),
        ("day", 100, Settings(), 26000),
        ("hour", 10, Settings(), 20800),
        ("year", 100, UNUSUAL, 100),
        ("month", 100, UNUSUAL, 1200),
        ("week", 100, UNUSUAL, 4800),
        ("day", 100, UNUSUAL, 19200),  # 48 weeks of 4 days
        ("hour", 10, UNUSUAL, 16800),  # 48 weeks of 35 hours
    ],
)
def test_each_period_makes_a_year_under_the_stated_assumptions(
    period: str, figure: float, settings: Settings, per_year: float
) -> None:
    annual = annual_salary(_posting(figure, figure * 2, period=period), settings)
    assert annual is not None
    assert (annual.min, annual.max) == pytest.approx((per_year, per_year * 2))


@pytest.mark.parametrize(
    ("currency", "low", "converted", "shown_in", "annual_low"),
    [
        ("USD", 100, True, "USD", 100),
        ("EUR", 100, True, "USD", 110),
        ("JPY", 100, False, "JPY", 100),  # no rate: kept in its own currency, never mixed in
    ],
)
def test_a_rate_converts_and_a_missing_rate_keeps_the_currency(
    currency: str, low: float, converted: bool, shown_in: str, annual_low: float
) -> None:
    annual = annual_salary(_posting(low, None, currency=currency), UNUSUAL)
    assert annual is not None
    assert (annual.converted, annual.currency, annual.min) == (converted, shown_in, pytest.approx(annual_low))


@pytest.mark.parametrize(
    ("low", "high", "mid", "lowest", "highest"),
    [(100, 200, 150, 100, 200), (100, None, 100, 100, 100), (None, 200, 200, 200, 200)],
)
def test_one_sided_ranges_stand_for_themselves(
    low: float | None, high: float | None, mid: float, lowest: float, highest: float
) -> None:
    annual = annual_salary(_posting(low, high), Settings())
    assert annual is not None
    assert (annual.mid, annual.low, annual.high) == (mid, lowest, highest)


def test_no_figures_no_annual_salary() -> None:
    assert annual_salary(_posting(None, None), Settings()) is None


def test_a_band_leaves_out_unconverted_currencies() -> None:
    annuals = [annual_salary(_posting(100, 200, currency=c), UNUSUAL) for c in ("USD", "EUR", "JPY")]
    found = band(a for a in annuals if a is not None)
    assert found is not None
    assert (found.lowest, found.highest) == pytest.approx((100, 220))


@pytest.mark.parametrize(
    ("headline", "is_sum"),
    [
        (454000, True),
        (454000.4, True),
        (453999.6, True),
        (454000.5, False),
        (453999.5, False),
        (454001, False),
        (257000, False),
        (None, False),
    ],
)
def test_a_headline_within_half_a_unit_of_min_plus_max_is_a_sum(headline: float | None, is_sum: bool) -> None:
    assert Salary(min=197000, max=257000, headline=headline).headline_is_sum is is_sum


@pytest.mark.parametrize(
    ("headline", "taken_as_headline"),
    [("454000", True), ("454000.4", True), ("454000.5", False), ("454001", False), ("453999", False)],
)
def test_the_importer_uses_the_same_headline_rule(headline: str, taken_as_headline: bool) -> None:
    salary, warnings = choose_salary(f"`💰 {headline}`\n\nThe base salary range will be $197,000-$257,000 per year.")
    assert salary is not None and (salary.min, salary.max) == (197000, 257000)
    assert any("sum" in warning for warning in warnings) is taken_as_headline


TODAY = dt.date(2026, 11, 25)


def _application(status: str, applied: int | None, updated: int | None = None) -> Application:
    def ago(days: int | None) -> dt.date | None:
        return None if days is None else TODAY - dt.timedelta(days=days)

    return Application(slug="a", doc=DOC, posting="p", status=status, applied=ago(applied), updated=ago(updated))


@pytest.mark.parametrize(
    ("status", "applied", "updated", "stale"),
    [
        ("applied", STALE_AFTER_DAYS, None, None),
        ("applied", STALE_AFTER_DAYS + 1, None, STALE_AFTER_DAYS + 1),
        ("interviewing", 60, STALE_AFTER_DAYS, None),
        ("interviewing", 60, STALE_AFTER_DAYS + 1, STALE_AFTER_DAYS + 1),
        ("screening", 60, 90, 60),  # the later of the two dates counts
        ("offer", 60, None, None),  # an offer waits on the user, not on them
        ("saved", None, 90, None),  # never applied: nothing to chase
        *[(status, 60, None, None) for status in sorted(CLOSED_STATUSES)],
    ],
)
def test_only_open_applied_applications_go_stale(
    status: str, applied: int | None, updated: int | None, stale: int | None
) -> None:
    assert stale_days(_application(status, applied, updated), TODAY) == stale


def test_every_open_status_after_applying_but_offer_can_go_stale() -> None:
    open_after_applying = [s for s in STATUSES if s not in CLOSED_STATUSES and s not in ("saved", "preparing", "offer")]
    assert open_after_applying == ["applied", "screening", "interviewing"]
    for status in open_after_applying:
        assert stale_days(_application(status, 60), TODAY) == 60


@pytest.mark.parametrize(
    ("requirement", "mapped", "covered"),
    [
        ("5+ years of Python experience", "Python", True),
        ("Experience leading ML teams", "leading machine learning teams", True),
        ("Experience leading ML teams", "leading teams", True),
        ("Led a team of data scientists", "leading data science teams", False),
        ("Deep knowledge of Kubernetes", "Kafka", False),
        ("Strong SQL", "SQL and dbt and Airflow", False),  # 1 of 3 wanted words: too few
        ("SQL, dbt and Airflow", "SQL and dbt and Airflow", True),
        ("SQL and dbt", "SQL and dbt and Airflow", True),  # 2 of 3: two thirds is enough
        ("Anything at all", "and the with", False),  # a mapping of stop words covers nothing
    ],
)
def test_a_requirement_is_covered_when_two_thirds_of_the_mapped_words_appear(
    requirement: str, mapped: str, covered: bool
) -> None:
    mapping = Mapping(mapped, "evidence")
    (result,) = coverage([requirement], [mapping])
    assert result.covered is covered
    assert (result.requirement, result.evidence) == (requirement, (mapping,) if covered else ())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Leadership of engineers", {"lead", "engine"}),
        ("ML and A/B testing", {"machine", "learn", "ab", "test"}),
        ("the and with", set()),
        ("owning things", {"own", "thing"}),  # a stem keeps at least three letters
        ("red bed", {"red", "bed"}),
        ("CI/CD", {"cicd"}),
        ("R or C", set()),  # single letters say nothing on their own
    ],
)
def test_content_words_are_stemmed_and_expanded(text: str, words: set[str]) -> None:
    assert content_words(text) == words


@pytest.mark.parametrize(
    ("yaml_text", "value"),
    [
        ("title: first\ntitle: second\n", "second"),
        ("title: first\nname: x\ntitle: third\n", "third"),
    ],
)
def test_a_duplicate_key_is_reported_at_its_second_line_and_the_last_value_holds(yaml_text: str, value: str) -> None:
    data, lines, problems = parse_yaml("p.md", yaml_text, 2)
    assert data is not None and data["title"] == value
    duplicate_line = 2 + yaml_text.split("\n").index("title: " + value)
    assert [(p.line, p.key) for p in problems] == [(duplicate_line, "title")]
    assert lines["title"] == duplicate_line


@pytest.mark.parametrize(("currency", "period"), [(None, "year"), ("USD", None), (None, None)])
def test_figures_without_a_currency_or_a_period_make_no_annual_salary(currency: str | None, period: str | None) -> None:
    posting = Posting(slug="p", doc=DOC, company="acme", title="T", salary=Salary(100, 200, currency, period))
    assert annual_salary(posting, Settings()) is None


def test_a_band_has_the_median_of_midpoints_and_counts_what_it_compares() -> None:
    postings = [_posting(low, high) for low, high in ((100, 200), (300, 500), (50, None))]
    annuals = [annual_salary(p, Settings()) for p in postings]
    assert annuals[0] is not None and annuals[0].posting is postings[0]
    found = band(a for a in annuals if a is not None)
    assert found is not None
    assert (found.lowest, found.median, found.highest, found.count) == (50, 150, 500, 3)


COMPANY = "---\nname: {name}\n---\n"
URL_POSTING = "---\ncompany: acme\ntitle: T\nurl: {url}\n---\n"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("https://acme.example/jobs/1", "https://acme.example/jobs/1", True),
        ("https://acme.example/jobs/1", "https://acme.example/jobs/1/", True),
        ("https://acme.example/jobs/1", "http://acme.example/jobs/1", True),
        ("https://acme.example/jobs/1", "https://ACME.example/jobs/1#apply", True),
        ("https://acme.example/jobs/AbC", "https://acme.example/jobs/abc", False),
        ("https://acme.example/jobs/1", "https://acme.example/jobs/2", False),
        ("https://acme.example/jobs/1", "https://acme.example/jobs/1?ref=x", False),
        ("https://acme.example/http://x", "https://acme.example/https://x", False),
    ],
)
def test_two_postings_at_the_same_address_are_one_posting(tmp_path: Path, first: str, second: str, same: bool) -> None:
    docs = make_site(
        tmp_path,
        {
            "companies/acme.md": COMPANY.format(name="Acme"),
            "postings/a.md": URL_POSTING.format(url=first),
            "postings/b.md": URL_POSTING.format(url=second),
        },
    )
    problems = checked_knowledge_base(docs).problems
    found = [(p.path.removeprefix(f"{docs}/"), p.line, p.key, p.message) for p in problems if p.key == "url"]
    message = f"the same url {second!r} is the posting {docs}/postings/a.md; keep one"
    assert found == ([("postings/b.md", 4, "url", message)] if same else [])


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        (
            {"postings/p.md": "---\ncompany: acme\ntitle: T\n---\n"},
            (
                "postings/p.md",
                2,
                "company",
                "no company 'acme' in companies/; add companies/acme.md or correct the slug",
            ),
        ),
        (
            {
                "companies/acme.md": COMPANY.format(name="Acme"),
                "postings/p.md": "---\ncompany: acme-inc\ntitle: T\n---\n",
            },
            ("postings/p.md", 2, "company", "no company 'acme-inc' in companies/; did you mean 'acme'?"),
        ),
        (
            {"applications/q.md": "---\nstatus: saved\n---\n"},
            (
                "applications/q.md",
                1,
                "posting",
                "no posting 'q' in postings/ (named by the file name); add postings/q.md or correct the slug",
            ),
        ),
        (
            {"prep/q.md": "---\n# notes\nposting: q\n---\n"},
            ("prep/q.md", 3, "posting", "no posting 'q' in postings/; add postings/q.md or correct the slug"),
        ),
    ],
    ids=["missing company", "close company", "application by file name", "prep by key"],
)
def test_a_reference_to_a_missing_file_names_it_and_the_fix(
    tmp_path: Path, files: dict[str, str], problem: tuple[int, str, str]
) -> None:
    docs = make_site(tmp_path, files)
    found = [(p.path.removeprefix(f"{docs}/"), p.line, p.key, p.message) for p in checked_knowledge_base(docs).problems]
    assert problem in found, found


def _problems(kind: str, record: object, today: dt.date = TODAY) -> list[tuple[str, str, str]]:
    return [(p.key, p.message, p.severity) for p in check_record(KINDS[kind], record, today)]


@pytest.mark.parametrize(
    ("applied", "updated", "problems"),
    [
        (0, None, []),
        (STALE_AFTER_DAYS, None, []),
        (
            STALE_AFTER_DAYS + 1,
            None,
            [
                (
                    "updated",
                    f"stale: no change for {STALE_AFTER_DAYS + 1} days since "
                    f"{TODAY - dt.timedelta(days=STALE_AFTER_DAYS + 1)} (status 'applied'); "
                    "follow up, or set the new status with `roledex status`",
                    "reminder",
                )
            ],
        ),
        (-1, None, [("applied", f"applied {TODAY + dt.timedelta(days=1)} is in the future", "warning")]),
    ],
)
def test_an_application_is_checked_against_today(applied: int, updated: int | None, problems: list) -> None:
    assert _problems("application", _application("screening", applied, updated)) == [
        (key, message.replace("(status 'applied')", "(status 'screening')"), severity)
        for key, message, severity in problems
    ]


@pytest.mark.parametrize("clock", [TODAY, dt.date(2031, 2, 28)])
def test_an_application_is_checked_against_the_clock_by_default(clock: dt.date) -> None:
    record = Application(slug="a", doc=DOC, posting="p", status="applied", applied=clock)
    later = Application(slug="a", doc=DOC, posting="p", status="applied", applied=clock + dt.timedelta(days=1))
    with time_machine.travel(dt.datetime.combine(clock, dt.time(12)), tick=False):
        assert check_record(KINDS["application"], record) == []
        assert [p.key for p in check_record(KINDS["application"], later)] == ["applied"]


@pytest.mark.parametrize(
    ("period", "top", "warned"),
    [
        ("hour", 1, False),
        ("hour", 0.5, True),
        ("hour", 2_000, False),
        ("hour", 2_001, True),
        ("year", 1_000, False),
        ("year", 999, True),
        ("year", 500_000_000, False),
        ("month", 10_000_001, True),
    ],
)
def test_a_figure_far_outside_its_period_is_questioned(period: str, top: float, warned: bool) -> None:
    posting = _posting(top, None, "USD", period)
    message = (
        f"{top:g} USD a {period} looks like the wrong period; check 'period' (one of year, month, week, day, hour)"
    )
    assert _problems("posting", posting) == ([("salary.period", message, "warning")] if warned else [])


def test_a_period_warning_without_a_currency_has_no_placeholder() -> None:
    posting = _posting(1, None, "", "year")
    ((_, message, _),) = _problems("posting", posting)
    assert message.startswith("1 a year looks like the wrong period")


@pytest.mark.parametrize(("closes", "error"), [(0, False), (1, False), (-1, True)])
def test_a_posting_cannot_close_before_it_is_posted(closes: int, error: bool) -> None:
    posting = Posting(
        slug="p", doc=DOC, company="acme", title="T", posted=TODAY, closes=TODAY + dt.timedelta(days=closes)
    )
    found = _problems("posting", posting)
    message = f"closes {TODAY + dt.timedelta(days=closes)} is before posted {TODAY}"
    assert found == ([("closes", message, "error")] if error else [])


def test_a_posting_gets_every_finding_at_once() -> None:
    posting = _posting(300, 200, "USD", "hour")
    posting.salary = Salary(min=3000, max=2000, currency="USD", period="hour", headline=5000)
    assert [key for key, _, _ in _problems("posting", posting)] == ["salary.min", "salary.headline", "salary.period"]


@pytest.mark.parametrize(
    ("headline", "headline_is", "found"),
    [
        (5000, None, [("salary.headline", "warning")]),
        (5000, "sum", []),
        (4999.6, "sum", []),
        (4000, "sum", [("salary.headline_is", "error")]),
        (4000, None, []),
        (None, "sum", [("salary.headline_is", "error")]),
    ],
    ids=["sum-unmarked", "sum-marked", "near-sum-marked", "marked-not-a-sum", "not-a-sum", "marked-no-headline"],
)
def test_a_headline_that_is_min_plus_max_is_warned_about_until_marked_as_such(
    headline: float | None, headline_is: str | None, found: list[tuple[str, str]]
) -> None:
    posting = _posting(2000, 3000, "USD", "year")
    posting.salary = Salary(
        min=2000, max=3000, currency="USD", period="year", headline=headline, headline_is=headline_is
    )
    assert [(key, severity) for key, _, severity in _problems("posting", posting)] == found
