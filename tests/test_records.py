"""A posting pasted as a structured record is read by its keys: a job-search API's JSON result,
an applicant-tracking system's JSON, a YAML record, in the shapes they come in."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from roledex.importer.records import from_record, read_record
from roledex.importer.run import read_posting

ADZUNA = {
    "results": [
        {
            "title": "Senior Data Engineer",
            "company": {"display_name": "Globex"},
            "location": {"display_name": "Amsterdam, Noord-Holland", "area": ["Netherlands", "Noord-Holland"]},
            "salary_min": 70000,
            "salary_max": 90000,
            "contract_time": "full_time",
            "redirect_url": "https://www.adzuna.example/details/1",
            "description": "We build the data platform. You will own pipelines in Python and Spark.",
            "created": "2026-11-20T10:00:00Z",
        }
    ],
    "count": 1,
}
LEVER = {
    "text": "Staff Backend Engineer",
    "categories": {"location": "London", "commitment": "Full-time", "team": "Payments"},
    "workplaceType": "hybrid",
    "hostedUrl": "https://jobs.lever.example/acme/123",
    "descriptionPlain": "Acme is hiring. Build payment services in Go for millions of customers.",
    "salaryRange": {"min": 90000, "max": 110000, "currency": "GBP", "interval": "per-year-salary"},
    "company": "Acme",
}
GREENHOUSE = {
    "title": "Product Designer",
    "company_name": "Initech",
    "location": {"name": "Remote - US"},
    "absolute_url": "https://boards.greenhouse.example/initech/jobs/9",
    "content": "&lt;p&gt;Design the product people use every day, with research and prototypes.&lt;/p&gt;",
    "updated_at": "2026-11-30T12:00:00-05:00",
}
YAML_RECORD = """title: Machine Learning Engineer
company: Hooli
location: Berlin, Germany
remote: false
workplace_type: onsite
salary_min: 80000
salary_max: 100000
currency: EUR
salary_period: yearly
url: https://careers.hooli.example/ml
description: |
  Hooli's search team needs an engineer to train and ship ranking models.
  You know PyTorch and have shipped models to production.
"""


@pytest.mark.parametrize(
    ("pasted", "title", "company", "places", "mode", "pay"),
    [
        (
            json.dumps(ADZUNA),
            "Senior Data Engineer",
            "Globex",
            ["Amsterdam, Noord-Holland"],
            None,
            (70000, 90000, None),
        ),
        (json.dumps(LEVER), "Staff Backend Engineer", "Acme", ["London"], "hybrid", (90000, 110000, "GBP")),
        (json.dumps(GREENHOUSE), "Product Designer", "Initech", ["Remote - US"], None, None),
        (
            json.dumps([LEVER, GREENHOUSE]),
            "Staff Backend Engineer",
            "Acme",
            ["London"],
            "hybrid",
            (90000, 110000, "GBP"),
        ),
        (YAML_RECORD, "Machine Learning Engineer", "Hooli", ["Berlin, Germany"], "onsite", (80000, 100000, "EUR")),
    ],
    ids=["adzuna", "lever", "greenhouse", "a list", "yaml"],
)
def test_a_record_is_read_by_its_keys(
    pasted: str, title: str, company: str, places: list[str], mode: str | None, pay: tuple | None
) -> None:
    found = read_record(pasted)
    assert found is not None
    assert (found.title, found.company, found.locations, found.work_mode) == (title, company, places, mode)
    stated = found.salary
    assert (None if stated is None else (stated.min, stated.max, stated.currency)) == pay


@pytest.mark.parametrize(
    "pasted",
    [
        "Senior Engineer at Acme\n\nLocation: London\nSalary: £90,000\n\nAbout the role: build things.",
        '{"not": "a posting", "count": 3}',
        "[1, 2, 3]",
        "{broken json",
        "title: only a title",
        "title: Dev\ncompany: Acme\nx: " + "{a: " * 3_000 + "1" + "}" * 3_000,  # past Python's own nesting
        "[" * 3_000 + "]" * 3_000,
    ],
    ids=["prose with labels", "another mapping", "numbers", "broken", "too little", "deep yaml", "deep json"],
)
def test_what_is_not_a_posting_record_is_left_to_the_words(pasted: str) -> None:
    assert read_record(pasted) is None


def test_a_pasted_record_imports_as_a_posting_with_its_text_as_the_body() -> None:
    found = read_posting(YAML_RECORD.encode())
    assert found.title == "Machine Learning Engineer" and found.company == "Hooli"
    assert found.salary is not None and (found.salary.min, found.salary.max, found.salary.currency) == (
        80000,
        100000,
        "EUR",
    )
    assert found.salary.period == "year"
    assert "train and ship ranking models" in found.body and "salary_min" not in found.body
    assert found.url == "https://careers.hooli.example/ml"
    lever = read_posting(json.dumps(LEVER).encode())
    assert "Build payment services in Go" in lever.body and "hostedUrl" not in lever.body


def test_a_records_pay_without_a_currency_takes_the_places_and_says_so() -> None:
    found = read_posting(json.dumps(ADZUNA).encode())
    assert found.salary is not None and (found.salary.min, found.salary.max) == (70000, 90000)
    assert found.salary.currency == "EUR" and "currency of the place" in found.inferred["salary.currency"]
    unplaced = {**ADZUNA["results"][0], "location": {"display_name": "Anywhere"}}
    assert read_posting(json.dumps(unplaced).encode()).salary is None  # no place to tell it: left out


@pytest.mark.parametrize(
    ("record", "salary"),
    [
        # pay under a holder, its figures and words by any of their names
        (
            {"salary": {"min": 50000, "max": 70000, "currency": "eur", "period": "yearly"}},
            (50000, 70000, "EUR", "year"),
        ),
        (
            {"compensation": {"minValue": 30, "maxValue": 40, "currencyCode": "USD", "unit": "hourly"}},
            (30, 40, "USD", "hour"),
        ),
        (
            {"pay_range": {"pay_minimum": 4000, "pay_maximum": 5000, "pay_currency": "BRL", "pay_period": "monthly"}},
            (4000, 5000, "BRL", "month"),
        ),
        # figures beside the posting's other keys, the ends in either order
        (
            {"salary_max": 90000, "salary_min": 80000, "salary_currency": "GBP", "salary_period": "annual"},
            (80000, 90000, "GBP", "year"),
        ),
        ({"salary_min": 90000, "salary_max": 80000, "currency": "GBP"}, (80000, 90000, "GBP", None)),
        ({"min_salary": 60000, "currency": "CAD", "interval": "per annum"}, (60000, None, "CAD", "year")),
        ({"max_salary": 60000, "currency": "CAD", "period": "WEEK"}, (None, 60000, "CAD", "week")),
        # schema.org's MonetaryAmount with its value inside
        (
            {"baseSalary": {"currency": "EUR", "value": {"minValue": 45000, "maxValue": 55000, "unitText": "YEAR"}}},
            (45000, 55000, "EUR", "year"),
        ),
        # one figure for the salary itself; the currency at the top
        ({"salary": 75000, "currency": "USD", "period": "day"}, (75000, 75000, "USD", "day")),
        # a currency that is no code, a period no one knows, no figure at all
        ({"salary": {"min": 100, "max": 200, "currency": "dollars", "period": "fortnight"}}, (100, 200, None, None)),
        ({"salary": {"currency": "USD"}}, None),
        ({"salary": "competitive"}, None),
        ({"salary": {"min": -5, "max": 0}}, None),
    ],
)
def test_pay_a_record_states(record: dict, salary: tuple | None) -> None:
    found = from_record({"title": "Engineer", "company": "Acme", **record}, "a pasted JSON record")
    stated = found.salary
    assert (None if stated is None else (stated.min, stated.max, stated.currency, stated.period)) == salary


@pytest.mark.parametrize(
    ("value", "places"),
    [
        ("Berlin", ["Berlin"]),
        (["Berlin", "Berlin", "Hamburg"], ["Berlin", "Hamburg"]),
        ({"display_name": "London, UK"}, ["London, UK"]),
        ({"name": "Lisbon"}, ["Lisbon"]),
        ({"city": "Austin", "state": "TX", "country": "USA"}, ["Austin, TX, USA"]),
        ([{"city": "Paris"}, {"label": "Remote"}, {}], ["Paris", "Remote"]),
        ("", []),
        (None, []),
        (42, []),
    ],
)
def test_places_a_record_states(value: object, places: list[str]) -> None:
    found = from_record(
        {"title": "Engineer", "company": "Acme", "url": "https://acme.example/1", "location": value}, "r"
    )
    assert found.locations == places


@pytest.mark.parametrize(
    ("record", "mode"),
    [
        ({"remote": True}, "remote"),
        ({"remote": False}, None),
        ({"workplaceType": "Hybrid"}, "hybrid"),
        ({"work_mode": "on-site"}, "onsite"),
        ({"location_type": "In Office"}, "onsite"),
        ({"remote_type": "sometimes"}, None),
        ({"is_remote": True, "workplace_type": "hybrid"}, "hybrid"),
    ],
)
def test_the_work_mode_a_record_states(record: dict, mode: str | None) -> None:
    assert from_record({"title": "Engineer", "company": "Acme", **record}, "r").work_mode == mode


def test_a_record_keeps_its_address_only_when_it_is_one() -> None:
    assert from_record({"title": "A", "company": "B", "url": "https://acme.example/jobs/1"}, "r").url == (
        "https://acme.example/jobs/1"
    )
    assert from_record({"title": "A", "company": "B", "url": "javascript:alert(1)"}, "r").url is None
    assert from_record({"title": "A", "company": "B", "apply_url": "", "link": "https://acme.example/2"}, "r").url == (
        "https://acme.example/2"
    )


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ({"title": "Remote, EU"}, "Remote, EU"),
        ({"value": "Porto"}, "Porto"),
        ({"text": "Madrid"}, "Madrid"),
        ({"city": "Bremen", "region": "Bremen", "country": "DE"}, "Bremen, Bremen, DE"),
    ],
)
def test_a_place_given_as_a_mapping(value: dict, place: str) -> None:
    assert from_record({"title": "Engineer", "company": "Acme", "location": value}, "r").locations == [place]


@pytest.mark.parametrize(
    ("period", "read"),
    [("YEAR", "year"), ("MONTH", "month"), ("per annum", "year"), ("weekly", "week"), (12, None), ("", None)],
)
def test_a_records_pay_period(period: object, read: str | None) -> None:
    found = from_record({"title": "A", "company": "B", "salary": {"min": 10, "max": 20, "period": period}}, "r")
    assert found.salary is not None and found.salary.period == read


def test_a_record_with_equal_ends_keeps_them() -> None:
    found = from_record({"title": "A", "company": "B", "salary_min": 100, "salary_max": 100, "currency": "USD"}, "r")
    assert found.salary is not None and (found.salary.min, found.salary.max) == (100, 100)


def test_a_records_dates_employment_and_source() -> None:
    record = {
        "title": "A",
        "company": "B",
        "employment_type": "FULL_TIME",
        "date_posted": "2026-11-02",
        "valid_through": "2026-12-31",
        "description": ["not text"],
    }
    found = from_record(record, "a pasted JSON record")
    assert (found.employment, found.posted, found.closes, found.source) == (
        "full-time",
        dt.date(2026, 11, 2),
        dt.date(2026, 12, 31),
        "a pasted JSON record",
    )
    assert found.description is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('{"title": "Engineer", "company": "Acme", "location": "Oslo"}', "a pasted JSON record"),
        ("title: Engineer\ncompany: Acme\nlocation: Oslo\n", "a pasted YAML record"),
    ],
)
def test_a_record_says_what_it_was(text: str, source: str) -> None:
    found = read_record(text)
    assert found is not None and found.source == source


@pytest.mark.parametrize(
    "text",
    [
        '{"title": "Engineer", "company": "Acme"}',  # two keys of a posting: too few to be one
        "Title: Engineer\n\nWe build robots.",  # prose that starts like a key
        "- just\n- a list\n",
        '{"@type": "Organization", "name": "Acme"}',
    ],
)
def test_what_is_no_record_of_a_posting(text: str) -> None:
    assert read_record(text) is None
