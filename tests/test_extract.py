"""What a whole paste imports as, field by field, and what the importer says of it: the order in
which the readers are trusted, the paste's own front matter as hints, and the warnings a user
reads before saving (`importer/extract.py`, through `read_posting` as `roledex import` calls it)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import job_posting_page, plain_id
from roledex.importer.extract import overridden
from roledex.importer.run import read_posting

PLAIN = "Data Engineer at Acme\n\nWe build.\n"
NOTHING_MORE = [
    "no address of the posting found; pass --url URL to keep it",
    "no location found; set 'locations'",
    "the work mode (remote, hybrid or onsite) is not stated; set 'work_mode'",
]


def _read(paste: str, **given: str) -> dict:
    return read_posting(paste.encode(), **given).as_json()


@pytest.mark.parametrize(
    ("front_matter", "warning"),
    [
        ("title: ''", "the paste's front matter has title: '', which is not valid; it was ignored"),
        ("company: 12", "the paste's front matter has company: 12, which is not valid; it was ignored"),
        ("locations: Berlin", "the paste's front matter has locations: 'Berlin', which is not valid; it was ignored"),
        ("url: acme", "the paste's front matter has url: 'acme', which is not valid; it was ignored"),
        (
            "salary: {min: 100000, currency: usd}",
            "the paste's front matter has a salary that is not complete (min or max, currency, period)",
        ),
        (
            "salary: {min: 100000, currency: usd, period: fortnight}",
            "the paste's front matter has a salary that is not complete (min or max, currency, period)",
        ),
        (
            "salary: {min: 100000, currency: xyz, period: year}",
            "the paste's front matter has a salary that is not complete (min or max, currency, period)",
        ),
    ],
    ids=plain_id,
)
def test_front_matter_that_is_not_valid_is_named_and_ignored(front_matter: str, warning: str) -> None:
    found = _read(f"---\n{front_matter}\n---\n{PLAIN}")
    assert warning in found["warnings"]
    assert (found["title"], found["company_name"]) == ("Data Engineer", "Acme")
    assert found["url"] is None


@pytest.mark.parametrize(
    ("front_matter", "salary"),
    [
        ("salary: '$100k-$120k a year'", (100000, 120000, "USD", "year")),
        ("salary: {min: 100000, max: 120000, currency: usd, period: YEAR}", (100000, 120000, "USD", "year")),
        ("salary: {max: 120000, currency: EUR, period: year}", (None, 120000, "EUR", "year")),
        ("salary: 'competitive'", None),
        ("salary: [100000]", None),
    ],
    ids=plain_id,
)
def test_a_salary_in_the_pastes_front_matter(front_matter: str, salary: tuple | None) -> None:
    found = _read(f"---\n{front_matter}\n---\n{PLAIN}")
    stated = found["salary"]
    assert (tuple(stated[k] for k in ("min", "max", "currency", "period")) if stated else None) == salary
    assert (found["sources"].get("salary") == "front matter") is (salary is not None)


def test_the_front_matters_fields_are_taken_over_the_words() -> None:
    paste = (
        "---\ntitle: Staff Engineer\ncompany: Globex\nlocations: [Berlin]\nurl: https://globex.example/jobs/1\n"
        f"source: referral\n---\n{PLAIN}"
    )
    read = read_posting(paste.encode())
    assert (read.title, read.company, read.locations, read.url) == (
        "Staff Engineer",
        "Globex",
        ["Berlin"],
        "https://globex.example/jobs/1",
    )
    assert read.source == "referral"
    assert read.sources["title"] == read.sources["company"] == "front matter"


@pytest.mark.parametrize(
    ("given", "url", "source", "warnings"),
    [
        ({}, None, None, ["no address of the posting found; pass --url URL to keep it"]),
        ({"url": "https://www.acme.com/jobs/1"}, "https://www.acme.com/jobs/1", "acme.com", []),
        (
            {"url": "notaurl"},
            None,
            None,
            [
                "the address 'notaurl' is not a valid http(s) address; it was left out",
                "no address of the posting found; pass --url URL to keep it",
            ],
        ),
    ],
    ids=plain_id,
)
def test_the_postings_address_as_given(given: dict, url: str | None, source: str | None, warnings: list[str]) -> None:
    read = read_posting(PLAIN.encode(), **given)
    assert (read.url, read.source) == (url, source)
    assert [w for w in read.as_json()["warnings"] if "address" in w] == warnings


def test_an_address_in_the_words_is_the_postings() -> None:
    read = read_posting(f"{PLAIN}\nApply at: https://jobs.acme.example/42\n".encode())
    assert (read.url, read.source) == ("https://jobs.acme.example/42", "jobs.acme.example")


def test_a_title_read_from_a_sentence_says_so() -> None:
    found = _read("Acme is looking for a Data Engineer to join our Growth team.\n")
    why = "from the sentence 'is looking for a Data Engineer to join our Growth team'"
    assert (found["title"], found["company_name"]) == ("Data Engineer, Growth", "Acme")
    assert found["inferred"]["title"] == f"inferred {why}"
    assert f"no title line; the title 'Data Engineer, Growth' is inferred {why}" in found["warnings"]
    assert found["sources"] == {"title": "sentence", "company": "words"}


def test_a_paste_that_states_nothing_says_what_to_set() -> None:
    found = _read("we build things\n")
    assert found["warnings"] == [
        "no title found; set 'title'",
        "no company found; pass --company SLUG",
        *NOTHING_MORE,
        "no salary found in the text",
    ]
    assert (found["sources"], found["confidence"]) == ({}, {})


def test_a_company_above_its_title_is_the_company() -> None:
    found = _read("Fernway\nSenior Data Engineer\n\nFernway is hiring.\n")
    assert (found["title"], found["company_name"]) == ("Senior Data Engineer", "Fernway")


DAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("paste", "dates", "warning"),
    [
        ("Data Engineer at Acme\nPosted 3 days ago\n\nWe build.\n", ("2026-03-07", None), None),
        ("Data Engineer at Acme\n\nPosted: 2026-01-10\nClosing date: 2026-02-05\n", ("2026-01-10", "2026-02-05"), None),
        (
            "Data Engineer at Acme\n\nPosted: 2026-01-10\nClosing date: 2026-01-05\n",
            (None, None),
            "the closing date 2026-01-05 is before the posting date 2026-01-10; both left out",
        ),
        ("---\nposted: 2026-01-02\ncloses: 2026-02-01\n---\n" + PLAIN, ("2026-01-02", "2026-02-01"), None),
    ],
    ids=plain_id,
)
def test_the_postings_dates(paste: str, dates: tuple, warning: str | None) -> None:
    found = read_posting(paste.encode(), today=DAY).as_json()
    assert (found["posted"], found["closes"]) == dates
    assert ("posted" in found["inferred"]) is ("ago" in paste)
    assert [w for w in found["warnings"] if "date" in w] == ([warning] if warning else [])


def test_a_relative_date_counts_back_from_the_day_of_the_import() -> None:
    paste = b"Data Engineer at Acme\nPosted 3 days ago\n\nWe build.\n"
    assert read_posting(paste, today=dt.date(2027, 1, 1)).posted == dt.date(2026, 12, 29)


@pytest.mark.parametrize(
    ("paste", "places", "mode", "sources"),
    [
        ("Data Engineer at Acme\n\nLocation: Remote\n", [], "remote", {"work_mode": "places"}),
        ("Data Engineer at Acme\n\nRemote: yes\nLocation: Berlin\n", ["Berlin"], "remote", {"work_mode": "label"}),
        ("Data Engineer at Acme\n\nRemote: Sí\nLocation: Berlin\n", ["Berlin"], "remote", {"work_mode": "label"}),
        ("Data Engineer at Acme\n\nRemote: no\nLocation: Berlin\n", ["Berlin"], "onsite", {"work_mode": "words"}),
        (
            "Data Engineer at Acme\n\nWork mode: Hybrid\nLocation: Berlin\n",
            ["Berlin"],
            "hybrid",
            {"work_mode": "label"},
        ),
        (
            "Data Engineer at Acme - Bengaluru\n\nLocation: Bengaluru, India\n",
            ["Bengaluru, India"],
            None,
            {"locations": "label"},
        ),
        ("Data Engineer - Acme - Ha Noi - Viet Nam\n\nWe build.\n", ["Ha Noi, Viet Nam"], None, {}),
        (
            "Data Engineer at Acme\n\nLocation: London, Glasgow, Bournemouth\n",
            ["London", "Glasgow", "Bournemouth"],
            None,
            {"locations": "label"},
        ),
        ("---\nlocation: Berlin\n---\n" + PLAIN, ["Berlin"], None, {"locations": "front matter"}),
        ("---\nlocations: [Berlin, Munich]\n---\n" + PLAIN, ["Berlin", "Munich"], None, {"locations": "front matter"}),
        (
            "Data Engineer at Acme\n\nWe want candidates based in Portugal.\n",
            ["Portugal"],
            None,
            {"locations": "sentence"},
        ),
    ],
    ids=plain_id,
)
def test_where_and_how_the_work_happens(paste: str, places: list[str], mode: str | None, sources: dict) -> None:
    found = read_posting(paste.encode(), today=DAY).as_json()
    assert (found["locations"], found["work_mode"]) == (places, mode)
    assert {key: found["sources"][key] for key in sources} == sources
    assert ("no location found; set 'locations'" in found["warnings"]) is (not places)


@pytest.mark.parametrize(
    ("sentence", "team"),
    [
        ("Join our Growth team.", "Growth"),
        ("You will join the Core Data team.", "Core Data"),
        ("You will join our growth team.", None),
    ],
    ids=plain_id,
)
def test_the_team_a_sentence_names(sentence: str, team: str | None) -> None:
    assert read_posting(f"Data Engineer at Acme\n\n{sentence}\n".encode()).team == team


def test_a_job_read_as_the_company_and_a_name_as_the_title_change_places() -> None:
    read = read_posting(b"Fernway\n\nSenior Data Engineer is a role at Fernway. As a Senior Data Engineer you build.\n")
    assert (read.title, read.company) == ("Senior Data Engineer", "Fernway")
    assert read.sources == {"title": "first line", "company": "words"}


def test_a_value_too_uncertain_to_take_is_noted_not_guessed() -> None:
    read = read_posting(b"We are seeking a Wonderful Person to join our Growth team.\n")
    assert read.title is None
    assert (read.left_out["title"].value, read.left_out["title"].source) == ("Wonderful Person, Growth", "sentence")
    assert read.as_json()["notes"] == [
        "title: 'Wonderful Person, Growth' was seen in the sentence (from the sentence 'are seeking a Wonderful "
        "Person to join our Growth team') but is too uncertain; left empty"
    ]
    assert "title" not in read.confidence


@pytest.mark.parametrize(
    ("paste", "company", "source"),
    [
        ("---\ncompany_name: Globex\n---\nData Engineer\n\nWe build.\n", "Globex", "front matter"),
        ("Data Engineer\nCompany: Globex\n\nWe build.\n", "Globex", "label"),
        ("Data Engineer\nCompany: We are a great place to work and we love it\n\nWe build.\n", None, None),
        ("# Data Engineer @ Acme\n\nWe build.\n", "Acme", "title line"),
    ],
    ids=plain_id,
)
def test_where_the_company_is_read(paste: str, company: str | None, source: str | None) -> None:
    read = read_posting(paste.encode())
    assert (read.company, read.sources.get("company")) == (company, source)
    assert ("company" in read.confidence) is (company is not None)


def _amount(currency: str | None = None, **value: object) -> dict:
    amount: dict = {"@type": "MonetaryAmount", "value": {"@type": "QuantitativeValue", **value}}
    if currency:
        amount["currency"] = currency
    return amount


BERLIN = {"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": "DE"}}


@pytest.mark.parametrize(
    ("page", "salary", "text", "inferred"),
    [
        (
            job_posting_page(jobLocation=BERLIN, baseSalary=_amount(minValue=60000, maxValue=80000, unitText="YEAR")),
            (60000, 80000, "EUR", "year"),
            "60,000–80,000 EUR per year (the page's data)",
            {"salary.currency": "the data names no currency; EUR is the currency of the place"},
        ),
        (
            job_posting_page(baseSalary=_amount("EUR", minValue=60000, maxValue=80000)),
            (60000, 80000, "EUR", "year"),
            "60,000–80,000 EUR (the page's data)",
            {"salary.period": "the page's data names no period; a year is assumed"},
        ),
        (
            job_posting_page(baseSalary=_amount("EUR", value=70000, unitText="YEAR")),
            (70000, 70000, "EUR", "year"),
            "70,000 EUR per year (the page's data)",
            {},
        ),
        (job_posting_page(baseSalary=_amount(minValue=60000, maxValue=80000)), None, None, {}),
    ],
    ids=plain_id,
)
def test_pay_the_pages_data_states(page: bytes, salary: tuple | None, text: str | None, inferred: dict) -> None:
    read = read_posting(page)
    stated = read.salary
    assert ((stated.min, stated.max, stated.currency, stated.period) if stated else None) == salary
    assert (stated.text if stated else None) == text
    assert {k: v for k, v in read.inferred.items() if k.startswith("salary")} == inferred


@pytest.mark.parametrize(
    ("paste", "salary", "inferred", "warnings"),
    [
        (
            "Data Engineer at Acme\n\nSalary: 90,000 - 120,000 a year\n",
            None,
            {},
            [
                "the salary '90,000 - 120,000 a year' names no currency and none can be told from the location; "
                "it is kept as text only"
            ],
        ),
        (
            "Data Engineer at Acme\nLocation: Berlin\n\nSalary: 90,000 - 120,000\n",
            (90000, 120000, "EUR", "year"),
            {"salary.period": "inferred from the size of the figure", "salary.currency": "inferred from the location"},
            [
                "the salary '90,000 - 120,000' names no currency; EUR is inferred from the location",
                "the salary '90,000 - 120,000' states no period; 'year' is inferred from the size of the figure",
            ],
        ),
    ],
    ids=plain_id,
)
def test_pay_in_the_words_and_what_is_inferred(
    paste: str, salary: tuple | None, inferred: dict, warnings: list[str]
) -> None:
    found = read_posting(paste.encode()).as_json()
    stated = found["salary"]
    assert (tuple(stated[k] for k in ("min", "max", "currency", "period")) if stated else None) == salary
    assert {k: v for k, v in found["inferred"].items() if k.startswith("salary")} == inferred
    assert [w for w in found["warnings"] if "salary" in w] == warnings


def test_pay_kept_as_text_only_has_no_figures() -> None:
    read = read_posting(b"Data Engineer at Acme\n\nSalary: 90,000 - 120,000 a year\n")
    assert read.salary is not None and (read.salary.min, read.salary.max) == (None, None)
    assert read.salary.text == "90,000 - 120,000 a year"


def test_a_job_boards_headline_sum_is_kept_apart() -> None:
    read = read_posting(b"Data Engineer at Acme\n\n$60,000 - $80,000 a year\nTotal $140,000\n")
    assert read.salary is not None and read.salary.figures == (60000, 80000)
    assert read.headline == 140000


def test_a_city_and_its_country_cut_apart_are_one_place() -> None:
    read = read_posting(b"Data Engineer\nLocations: Ha Noi; Viet Nam; Berlin\n")
    assert read.locations == ["Ha Noi, Viet Nam", "Berlin"]


def test_the_link_of_the_title_is_the_postings_address() -> None:
    read = read_posting(b"# [Data Engineer](https://acme.example/jobs/1) at Acme\n\nWe build.\n")
    assert (read.title, read.url, read.source) == ("Data Engineer", "https://acme.example/jobs/1", "acme.example")


def test_a_labelled_employment_is_taken_over_the_words() -> None:
    read = read_posting(b"Data Engineer at Acme\nEmployment: Part-time\n\nThis is a full-time team.\n")
    assert read.employment == "part-time"


@pytest.mark.parametrize(
    ("today", "closes"),
    [(dt.date(2026, 3, 10), dt.date(2026, 3, 20)), (dt.date(2026, 4, 1), dt.date(2027, 3, 20))],
    ids=plain_id,
)
def test_a_closing_date_without_a_year_is_the_next_one(today: dt.date, closes: dt.date) -> None:
    assert read_posting(b"Data Engineer at Acme\n\nApply by: March 20\n", today=today).closes == closes


def test_a_posting_that_closes_the_day_it_opens_keeps_both_dates() -> None:
    read = read_posting(b"Data Engineer at Acme\n\nPosted: 2026-01-10\nClosing date: 2026-01-10\n", today=DAY)
    assert (read.posted, read.closes) == (dt.date(2026, 1, 10), dt.date(2026, 1, 10))


def test_what_was_done_to_the_paste_is_noted() -> None:
    found = read_posting(b"<html><body><h1>Data Engineer at Acme</h1><p>We build.</p></body></html>").as_json()
    assert "converted HTML to Markdown" in found["notes"]
    assert found["title"] == "Data Engineer"


def test_what_the_user_passes_replaces_what_was_read_and_its_warnings() -> None:
    read = read_posting(b"Acme is looking for a Data Engineer to join our Growth team.\n")
    changed = overridden(read, title="Staff Engineer", location="Berlin (Hybrid)")
    assert (changed.title, changed.locations, changed.work_mode) == ("Staff Engineer", ["Berlin"], "hybrid")
    assert changed.inferred == {}
    assert [w for w in changed.warnings if "title" in w or "location" in w or "work mode" in w] == []


def test_a_work_mode_passed_is_taken() -> None:
    read = read_posting(b"Data Engineer at Acme\nLocation: Berlin\n")
    changed = overridden(read, work_mode="remote")
    assert (changed.work_mode, changed.locations) == ("remote", ["Berlin"])
    assert not [w for w in changed.warnings if "work mode" in w]
