"""A posting's own structured data (schema.org JobPosting, JSON-LD or microdata) read exactly,
and winning over what the words seem to say."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import invoke, make_site
from roledex.importer.run import read_posting
from roledex.importer.structured import (
    StatedSalary,
    Structured,
    country_name,
    from_job_posting,
    positive_number,
    read_structured,
)

FULL = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Senior Data Engineer",
    "description": "<p>Fernway moves freight.</p><h2>Responsibilities</h2><ul><li>Own the pipelines</li>"
    "<li>Hire and grow the team</li></ul><h2>Requirements</h2><ul><li>Python and SQL</li>"
    "<li>Five years of data engineering</li></ul><p>We review every application within a week.</p>",
    "datePosted": "2026-11-02T09:00:00+00:00",
    "validThrough": "2026-12-31",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Fernway", "sameAs": "https://fernway.example"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "London",
            "addressRegion": "London",
            "addressCountry": "GB",
        },
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "GBP",
        "value": {"@type": "QuantitativeValue", "minValue": 85000, "maxValue": 105000, "unitText": "YEAR"},
    },
    "url": "https://careers.fernway.example/jobs/42",
}


def _page(*scripts: str, body: str = "<nav>Home Jobs Sign in</nav><h1>Careers</h1><p>Apply now</p>") -> str:
    tags = "".join(f'<script type="application/ld+json">{script}</script>' for script in scripts)
    return f"<html><head><title>Careers</title>{tags}</head><body>{body}</body></html>"


def test_every_field_of_a_job_posting_is_read() -> None:
    found = read_structured(_page(json.dumps(FULL)))
    assert found == Structured(
        title="Senior Data Engineer",
        company="Fernway",
        locations=["London, United Kingdom"],
        work_mode=None,
        employment="full-time",
        salary=StatedSalary(85000, 105000, "GBP", "year"),
        posted=dt.date(2026, 11, 2),
        closes=dt.date(2026, 12, 31),
        url="https://careers.fernway.example/jobs/42",
        description=FULL["description"],
        company_website="https://fernway.example",
    )


@pytest.mark.parametrize(
    "wrap",
    [
        lambda p: p,
        lambda p: [{"@type": "Organization", "name": "Other"}, p],
        lambda p: {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, p]},
        lambda p: {**p, "@type": ["JobPosting"]},
        lambda p: {**p, "@type": "http://schema.org/JobPosting"},
    ],
    ids=["alone", "in a list", "in a graph", "type as a list", "type as an address"],
)
def test_a_job_posting_is_found_wherever_the_json_ld_puts_it(wrap: Any) -> None:
    found = read_structured(_page(json.dumps(wrap(FULL))))
    assert found is not None and found.title == "Senior Data Engineer"


def test_a_broken_script_is_passed_over_for_a_good_one() -> None:
    found = read_structured(_page("{not json", "<!--" + json.dumps(FULL) + "-->"))
    assert found is not None and found.company == "Fernway"


@pytest.mark.parametrize(
    ("salary", "stated"),
    [
        ({"currency": "USD", "value": {"minValue": 50, "maxValue": 70, "unitText": "HOUR"}}, (50, 70, "USD", "hour")),
        ({"currency": "eur", "value": {"value": 4000, "unitText": "MONTH"}}, (4000, 4000, "EUR", "month")),
        ({"currency": "USD", "value": 120000, "unitText": "YEAR"}, (120000, 120000, "USD", "year")),
        ({"currency": "USD", "value": {"minValue": "120,000", "maxValue": "90,000"}}, (90000, 120000, "USD", None)),
        ({"currency": "US Dollars", "value": {"minValue": 1, "maxValue": 2, "unitText": "DAY"}}, (1, 2, None, "day")),
        ({"currency": "USD", "value": {"maxValue": 150000, "unitText": "YEAR"}}, (None, 150000, "USD", "year")),
        ([{"currency": "CAD", "value": {"minValue": 1, "maxValue": 2, "unitText": "WEEK"}}], (1, 2, "CAD", "week")),
    ],
)
def test_base_salary_as_each_shape_states_it(salary: dict, stated: tuple) -> None:
    assert from_job_posting({"baseSalary": salary}).salary == StatedSalary(*stated)


@pytest.mark.parametrize(
    "salary",
    [{"currency": "USD", "value": {"minValue": 0}}, {"currency": "USD", "value": "competitive"}, "competitive", None],
)
def test_a_base_salary_without_a_figure_is_no_salary(salary: Any) -> None:
    assert from_job_posting({"baseSalary": salary}).salary is None


@pytest.mark.parametrize(
    ("posting", "locations", "mode"),
    [
        ({"jobLocationType": "TELECOMMUTE"}, [], "remote"),
        (
            {
                "jobLocationType": "TELECOMMUTE",
                "applicantLocationRequirements": {"@type": "Country", "name": "Germany"},
            },
            ["Germany"],
            "remote",
        ),
        (
            {"jobLocationType": "TELECOMMUTE", "jobLocation": {"address": {"addressLocality": "Berlin"}}},
            ["Berlin"],
            None,
        ),
        (
            {
                "jobLocation": [
                    {"address": {"addressLocality": "Paris", "addressCountry": {"name": "France"}}},
                    {"address": "Lyon, France"},
                    {"address": {"addressLocality": "Paris", "addressCountry": {"name": "France"}}},
                ]
            },
            ["Paris, France", "Lyon, France"],
            None,
        ),
        ({"jobLocation": {"name": "Head office"}}, ["Head office"], None),
    ],
)
def test_places_and_remote_work(posting: dict, locations: list[str], mode: str | None) -> None:
    found = from_job_posting(posting)
    assert (found.locations, found.work_mode) == (locations, mode)


@pytest.mark.parametrize(
    ("value", "employment"),
    [
        ("FULL_TIME", "full-time"),
        (["CONTRACTOR", "FULL_TIME"], "contract"),
        ("Part-time", "part-time"),
        ("OTHER", None),
    ],
)
def test_employment_types(value: Any, employment: str | None) -> None:
    assert from_job_posting({"employmentType": value}).employment == employment


@pytest.mark.parametrize("name", ["None", "null", "", "  ", None, True])
def test_an_empty_employer_is_no_company(name: Any) -> None:
    assert from_job_posting({"hiringOrganization": {"name": name}}).company is None


def test_dates_that_are_not_dates_are_left_out() -> None:
    found = from_job_posting({"datePosted": "yesterday", "validThrough": "2026-02-30", "url": "/jobs/1"})
    assert (found.posted, found.closes, found.url) == (None, None, None)


def test_microdata_is_read_when_there_is_no_json_ld() -> None:
    html = (
        '<div itemscope itemtype="https://schema.org/JobPosting">'
        '<h1 itemprop="title">Platform Engineer</h1>'
        '<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Helio Energy</span></div>'
        '<div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">'
        '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
        '<span itemprop="addressLocality">Austin</span>, <span itemprop="addressRegion">TX</span></div></div>'
        '<meta itemprop="datePosted" content="2026-10-01">'
        '<meta itemprop="employmentType" content="FULL_TIME">'
        '<div itemprop="description"><p>Build the grid.</p></div></div>'
    )
    found = read_structured(html)
    assert found is not None
    assert (found.title, found.company, found.locations, found.posted, found.employment) == (
        "Platform Engineer",
        "Helio Energy",
        ["Austin, TX"],
        dt.date(2026, 10, 1),
        "full-time",
    )
    assert found.description == "<p>Build the grid.</p>"


@pytest.mark.parametrize(
    "html",
    [
        "<p>We are hiring a JobPosting expert</p>",
        _page(json.dumps({"@type": "Organization", "name": "Fernway"})),
        _page(json.dumps({"@type": "JobPosting"})),
        "plain text with no markup",
    ],
)
def test_a_page_without_job_posting_data_has_none(html: str) -> None:
    assert read_structured(html) is None


def test_the_data_wins_over_the_words_and_its_text_is_the_body() -> None:
    page = _page(json.dumps(FULL), body="<h1>Careers at Bigco</h1><p>Location: Paris</p><p>Salary: $1 per year</p>")
    found = read_posting(page.encode())
    assert (found.title, found.company, found.locations) == (
        "Senior Data Engineer",
        "Fernway",
        ["London, United Kingdom"],
    )
    assert found.salary is not None
    assert (found.salary.min, found.salary.max, found.salary.currency, found.salary.period) == (
        85000,
        105000,
        "GBP",
        "year",
    )
    assert "Own the pipelines" in found.body and "Bigco" not in found.body and "@context" not in found.body
    assert "- Own the pipelines" in found.body


def test_the_users_company_and_address_still_win_over_the_data() -> None:
    found = read_posting(_page(json.dumps(FULL)).encode(), company="acme", url="https://acme.example/j/1")
    assert (found.company, found.url) == ("acme", "https://acme.example/j/1")


def test_a_salary_without_a_period_is_taken_as_a_year_and_marked() -> None:
    posting = {**FULL, "baseSalary": {"currency": "GBP", "value": {"minValue": 85000, "maxValue": 105000}}}
    found = read_posting(_page(json.dumps(posting)).encode())
    assert found.salary is not None and found.salary.period == "year"
    assert "salary.period" in found.inferred


@pytest.mark.parametrize("tag", ["script", "style"])
def test_code_and_styles_of_a_page_never_reach_the_body(tag: str) -> None:
    page = f"<p>We build maps.</p><{tag}>var secret = 1; .x {{color: red}}</{tag}><ul><li>Own the maps</li></ul>"
    found = read_posting(page.encode(), company="acme")
    assert "secret" not in found.body and "color" not in found.body
    assert "Own the maps" in found.body


def test_roledex_import_reads_a_saved_page(tmp_path: Path) -> None:
    docs = make_site(tmp_path, shipped=False)
    saved = tmp_path / "Senior Data Engineer - Fernway.html"
    saved.write_text(_page(json.dumps(FULL)), encoding="utf-8")
    result = invoke("import", str(saved), "--docs", str(docs), "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["company"], report["title"], report["locations"], report["employment"]) == (
        "fernway",
        "Senior Data Engineer",
        ["London, United Kingdom"],
        "full-time",
    )
    assert report["salary"] == {"min": 85000, "max": 105000, "currency": "GBP", "period": "year"}
    assert (report["posted"], report["closes"]) == ("2026-11-02", "2026-12-31")
    written = invoke("import", str(saved), "--docs", str(docs))
    assert written.returncode == 0, written.stderr
    text = (docs / "postings" / "fernway-senior-data-engineer.md").read_text(encoding="utf-8")
    assert "Hire and grow the team" in text and "ld+json" not in text
    assert invoke("check", str(docs)).returncode == 0


@pytest.mark.parametrize(
    ("code", "name"),
    [("GB", "United Kingdom"), ("DEU", "Germany"), ("KR", "South Korea"), ("XX", "XX"), ("Germany", "Germany")],
)
def test_country_codes_are_written_as_names(code: str, name: str) -> None:
    assert country_name(code) == name


def test_a_short_description_in_the_data_is_still_the_body_not_the_pages_menus() -> None:
    posting = {
        **FULL,
        "description": "&lt;p&gt;Contoso makes retail software.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;&lt;/ul&gt;",
    }
    found = read_posting(_page(json.dumps(posting)).encode())
    assert "Contoso makes retail software." in found.body and "- SQL" in found.body
    assert "Sign in" not in found.body


def test_a_placeholder_description_leaves_the_page_text_as_the_body() -> None:
    posting = {**FULL, "description": "See below"}
    found = read_posting(
        _page(json.dumps(posting), body="<h1>Data Engineer</h1><p>We move freight across Europe.</p>").encode()
    )
    assert "We move freight across Europe." in found.body


@pytest.mark.parametrize(
    ("posting", "field", "value"),
    [
        ({"title": ["", "Data Engineer"]}, "title", "Data Engineer"),
        ({"title": "Data\n   Engineer "}, "title", "Data Engineer"),
        ({"title": "n/a"}, "title", None),
        ({"title": "undefined"}, "title", None),
        ({"hiringOrganization": "Acme"}, "company", "Acme"),
        ({"description": ["<p>x</p>"]}, "description", None),
        ({"employmentType": "Full Time"}, "employment", "full-time"),
        ({"jobLocation": 5}, "locations", []),
        ({"jobLocation": {"address": "Lyon, France"}}, "locations", ["Lyon, France"]),
        ({"applicantLocationRequirements": {"name": "Germany"}}, "locations", []),
    ],
)
def test_each_field_of_the_data_as_written(posting: dict, field: str, value: Any) -> None:
    assert getattr(from_job_posting(posting), field) == value


@pytest.mark.parametrize(
    ("salary", "stated"),
    [
        (
            {"currency": "USD", "unitText": "MONTH", "value": {"minValue": 1000, "maxValue": 2000}},
            (1000, 2000, "USD", "month"),
        ),
        ({"currency": "USD", "value": {"minValue": 100, "value": 150}}, (100, None, "USD", None)),
        (
            {"currency": "USD", "value": {"minValue": 0.5, "maxValue": 0.75, "unitText": "HOUR"}},
            (0.5, 0.75, "USD", "hour"),
        ),
    ],
)
def test_more_salary_shapes(salary: dict, stated: tuple) -> None:
    assert from_job_posting({"baseSalary": salary}).salary == StatedSalary(*stated)


@pytest.mark.parametrize(
    ("value", "number"),
    [(0.5, 0.5), ("1,234.5", 1234.5), ("0", None), (-3, None), ("abc", None), (True, None), ([], None)],
)
def test_positive_numbers(value: Any, number: float | None) -> None:
    assert positive_number(value) == number


@pytest.mark.parametrize(
    "wrap",
    [
        lambda p: {"@type": "WebPage", "mainEntity": p},
        lambda p: {"@type": "ItemList", "itemListElement": [p]},
    ],
    ids=["main entity of a page", "item of a list"],
)
def test_a_job_posting_inside_a_page_or_a_list_is_found(wrap: Any) -> None:
    found = read_structured(_page(json.dumps(wrap(FULL))))
    assert found is not None and found.title == "Senior Data Engineer"


def test_json_ld_as_pages_write_it_cdata_raw_newlines_and_any_case() -> None:
    text = json.dumps({**FULL, "title": "Data Engineer"}).replace("Fernway moves", "Fernway\nmoves")
    assert "Fernway\nmoves" in text  # a raw line break inside a JSON string, as many pages write
    page = f'<script type="Application/LD+JSON"><![CDATA[{text}]]></script>'
    found = read_structured(page)
    assert found is not None and found.title == "Data Engineer"


@pytest.mark.parametrize(
    ("posting", "kept"),
    [
        ({"title": "Data Engineer"}, True),
        ({"hiringOrganization": "Acme"}, True),
        ({"baseSalary": {"currency": "USD", "value": 5}}, True),
        ({"url": "https://a.example"}, False),
    ],
)
def test_data_with_any_of_title_company_or_pay_is_kept(posting: dict, kept: bool) -> None:
    page = _page(json.dumps({"@type": "JobPosting", **posting}))
    assert (read_structured(page) is not None) is kept


def test_microdata_values_from_each_attribute() -> None:
    html = (
        '<div itemscope itemtype="http://schema.org/JobPosting">'
        '<span itemprop="title"><b>Data</b> <i>Engineer</i></span>'
        '<meta itemprop="description" content="Build the pipelines of the freight marketplace.">'
        '<time itemprop="datePosted" datetime="2026-10-01">1 October</time>'
        '<data itemprop="validThrough" value="2026-12-01">December</data>'
        '<a itemprop="url" href="https://acme.example/jobs/1">Apply</a>'
        '<span itemprop="hiringOrganization">Acme</span></div>'
    )
    found = read_structured(html)
    assert found is not None
    assert (found.title, found.description, found.posted, found.closes, found.url, found.company) == (
        "Data Engineer",
        "Build the pipelines of the freight marketplace.",
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 1),
        "https://acme.example/jobs/1",
        "Acme",
    )


@pytest.mark.parametrize(
    ("location", "place"),
    [({"address": 5, "name": "HQ"}, "HQ"), ({"@type": "Place", "name": "HQ"}, "HQ"), (5, None)],
)
def test_odd_places(location: Any, place: str | None) -> None:
    assert from_job_posting({"jobLocation": location}).locations == ([place] if place else [])


def test_text_values_that_hold_nothing() -> None:
    assert from_job_posting({"title": ["", None]}).title is None
    assert positive_number("0.5") == 0.5


@pytest.mark.parametrize(
    ("organisation", "site"),
    [
        ({"@type": "Organization", "name": "Globex", "sameAs": "https://globex.example"}, "https://globex.example"),
        ({"name": "Globex", "sameAs": ["not an address", "https://globex.example/"]}, "https://globex.example/"),
        ({"name": "Globex", "url": "https://globex.example/careers"}, "https://globex.example/careers"),
        ({"name": "Globex", "sameAs": "javascript:alert(1)"}, None),
        ("Globex", None),
    ],
)
def test_the_employers_site_from_its_data_goes_into_a_new_company_profile(
    organisation: object, site: str | None, tmp_path: Path
) -> None:
    posting = {"@type": "JobPosting", "title": "Staff Data Engineer", "hiringOrganization": organisation}
    page = f'<script type="application/ld+json">{json.dumps(posting)}</script><p>Build our platform.</p>'
    (tmp_path / "docs" / "postings").mkdir(parents=True)
    (tmp_path / "docs" / "companies").mkdir()
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert invoke("import", "page.html", "--docs", "docs", cwd=tmp_path).returncode == 0
    profile = (tmp_path / "docs" / "companies" / "globex.md").read_text(encoding="utf-8")
    assert (f'website: "{site}"' in profile) if site else ("\nwebsite:" not in profile)


@pytest.mark.parametrize(
    ("header", "mode"),
    [
        ("Amsterdam · Hybrid (3 days in office)", "hybrid"),
        ("Amsterdam · This role is fully remote", "remote"),
        ("Amsterdam", None),
    ],
)
def test_a_mode_the_data_leaves_out_is_read_from_the_page_around_it(header: str, mode: str | None) -> None:
    posting = {
        "@type": "JobPosting",
        "title": "Staff Data Engineer",
        "hiringOrganization": {"name": "Globex"},
        "description": "<p>Build our data platform with Python and Spark for retailers.</p>",
    }
    page = (
        f'<script type="application/ld+json">{json.dumps(posting)}</script>'
        f"<header><h1>Staff Data Engineer</h1><p>{header}</p></header><div>Build our platform.</div>"
    )
    assert read_posting(page.encode()).work_mode == mode
