"""What a whole paste imports as, field by field, and what the importer says of it: the order in
which the readers are trusted, the paste's own front matter as hints, and the warnings a user
reads before saving (`importer/extract.py`, through `read_posting` as `roledex import` calls it)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import plain_id
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
