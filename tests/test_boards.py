"""Importing by address: the applicant-tracking systems' public APIs, a page's own data, and
every way a request can fail, all served by a fake transport or a loopback server."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import invoke, make_site
from roledex.importer.boards import board_for
from roledex.importer.fetch import MAX_REDIRECTS, USER_AGENT, FetchError, client, fetch
from roledex.importer.run import read_address
from roledex.importer.structured import StatedSalary

DESCRIPTION = (
    "<p>We build the payments platform.</p><h2>Responsibilities</h2><ul><li>Own the ledger service</li>"
    "<li>Mentor two engineers</li></ul><h2>Requirements</h2><ul><li>Five years of Go or Java</li>"
    "<li>Experience with distributed systems</li></ul><p>We answer every application within two weeks.</p>"
)


@pytest.mark.parametrize(
    ("url", "system", "api"),
    [
        (
            "https://boards.greenhouse.io/acme/jobs/4012345",
            "Greenhouse",
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs/4012345?pay_transparency=true",
        ),
        (
            "https://job-boards.greenhouse.io/acme/jobs/4012345?gh_src=abc",
            "Greenhouse",
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs/4012345?pay_transparency=true",
        ),
        (
            "https://job-boards.eu.greenhouse.io/acme/jobs/77",
            "Greenhouse",
            "https://boards-api.eu.greenhouse.io/v1/boards/acme/jobs/77?pay_transparency=true",
        ),
        (
            "https://boards.greenhouse.io/embed/job_app?for=acme&token=99",
            "Greenhouse",
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs/99?pay_transparency=true",
        ),
        ("https://jobs.lever.co/acme/0b6d-41e2", "Lever", "https://api.lever.co/v0/postings/acme/0b6d-41e2"),
        ("https://jobs.eu.lever.co/acme/0b6d/apply", "Lever", "https://api.eu.lever.co/v0/postings/acme/0b6d"),
        (
            "https://jobs.ashbyhq.com/acme/5f2c-11",
            "Ashby",
            "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true",
        ),
        (
            "https://jobs.smartrecruiters.com/Acme/744000012345-senior-engineer",
            "SmartRecruiters",
            "https://api.smartrecruiters.com/v1/companies/Acme/postings/744000012345",
        ),
        (
            "https://acme.recruitee.com/o/senior-engineer",
            "Recruitee",
            "https://acme.recruitee.com/api/offers/senior-engineer",
        ),
        (
            "https://apply.workable.com/acme/j/AB12CD34/",
            "Workable",
            "https://apply.workable.com/api/v2/accounts/acme/jobs/AB12CD34",
        ),
        ("https://acme.jobs.personio.de/job/1234567", "Personio", "https://acme.jobs.personio.de/xml?language=en"),
    ],
)
def test_each_system_is_recognised_from_the_address(url: str, system: str, api: str) -> None:
    board = board_for(url)
    assert board is not None and (board.system, board.api_url) == (system, api)


@pytest.mark.parametrize(
    "url",
    [
        "https://boards.greenhouse.io/acme",
        "https://boards.greenhouse.io/acme/jobs/latest",
        "https://jobs.lever.co/acme",
        "https://jobs.smartrecruiters.com/Acme/senior-engineer",
        "https://acme.recruitee.com/careers",
        "https://careers.acme.example/jobs/42",
        "https://acme.jobs.personio.de/",
    ],
)
def test_other_addresses_are_read_as_pages(url: str) -> None:
    assert board_for(url) is None


GREENHOUSE = {
    "id": 4012345,
    "title": "Senior Backend Engineer, Payments",
    "company_name": "Acme Robotics",
    "location": {"name": "New York, NY; Remote - US"},
    "absolute_url": "https://boards.greenhouse.io/acme/jobs/4012345",
    "first_published": "2026-11-03T10:00:00-05:00",
    "updated_at": "2026-11-10T10:00:00-05:00",
    "content": DESCRIPTION.replace("<", "&lt;").replace(">", "&gt;"),
    "pay_input_ranges": [
        {"min_cents": 18000000, "max_cents": 22000000, "currency_type": "USD", "title": "Zone 1", "blurb": "per year"},
        {"min_cents": 16000000, "max_cents": 19500000, "currency_type": "USD", "title": "Zone 2", "blurb": ""},
    ],
}
LEVER = {
    "id": "0b6d-41e2",
    "text": "Staff Data Engineer",
    "categories": {"commitment": "Full-time", "location": "Berlin", "allLocations": ["Berlin", "Hamburg"]},
    "workplaceType": "hybrid",
    "createdAt": 1793404800000,
    "description": "<p>We build the payments platform.</p>",
    "lists": [
        {"text": "Responsibilities", "content": "<li>Own the ledger service</li><li>Mentor two engineers</li>"},
        {"text": "Requirements", "content": "<li>Five years of Go or Java</li>"},
    ],
    "additional": "<p>We answer every application within two weeks, and we mean it for every applicant.</p>",
    "hostedUrl": "https://jobs.lever.co/acme/0b6d-41e2",
    "salaryRange": {"min": 85000, "max": 100000, "currency": "EUR", "interval": "per-year-salary"},
}
ASHBY = {
    "jobs": [
        {"id": "other", "title": "Designer"},
        {
            "id": "5f2c-11",
            "title": "Machine Learning Engineer",
            "location": "London",
            "secondaryLocations": [{"location": "Remote - UK"}],
            "employmentType": "FullTime",
            "workplaceType": "Remote",
            "isRemote": True,
            "publishedAt": "2026-10-20T08:00:00.000+00:00",
            "jobUrl": "https://jobs.ashbyhq.com/acme/5f2c-11",
            "descriptionHtml": DESCRIPTION,
            "compensation": {
                "summaryComponents": [
                    {"compensationType": "EquityPercentage", "minValue": 0.1, "maxValue": 0.2},
                    {
                        "compensationType": "Salary",
                        "interval": "1 YEAR",
                        "currencyCode": "GBP",
                        "minValue": 90000,
                        "maxValue": 120000,
                    },
                ]
            },
        },
    ]
}
SMARTRECRUITERS = {
    "id": "744000012345",
    "name": "Senior Software Engineer",
    "company": {"identifier": "Acme", "name": "Acme Group"},
    "releasedDate": "2026-11-01T12:00:00.000Z",
    "location": {"city": "Lisbon", "country": "pt", "remote": False, "hybrid": True},
    "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
    "postingUrl": "https://jobs.smartrecruiters.com/Acme/744000012345-senior-software-engineer",
    "jobAd": {
        "sections": {
            "companyDescription": {"title": "Company Description", "text": "<p>Acme builds robots.</p>"},
            "jobDescription": {"title": "Job Description", "text": DESCRIPTION},
            "qualifications": {"title": "Qualifications", "text": "<ul><li>Go</li></ul>"},
        }
    },
}
RECRUITEE = {
    "offer": {
        "title": "Product Engineer",
        "company_name": "Acme BV",
        "location": "Amsterdam, Netherlands",
        "remote": False,
        "hybrid": True,
        "on_site": False,
        "employment_type_code": "fulltime",
        "published_at": "2026-11-05 09:00:00 UTC",
        "careers_url": "https://acme.recruitee.com/o/product-engineer",
        "description": DESCRIPTION,
        "requirements": "<ul><li>TypeScript</li></ul>",
        "salary": {"min": "5000", "max": "6500", "currency": "EUR", "period": "month"},
    }
}
WORKABLE = {
    "shortcode": "AB12CD34",
    "title": "Site Reliability Engineer",
    "location": {"city": "Athens", "region": "Attica", "country": "Greece"},
    "workplace": "remote",
    "type": "full",
    "published": "2026-11-07T00:00:00.000Z",
    "description": DESCRIPTION,
    "requirements": "<ul><li>Kubernetes</li></ul>",
    "benefits": "<p>Learning budget</p>",
}
PERSONIO = f"""<?xml version="1.0" encoding="UTF-8"?>
<workzag-jobs>
  <position><id>1</id><name>Office Manager</name></position>
  <position>
    <id>1234567</id>
    <subcompany>Acme GmbH</subcompany>
    <office>Munich</office>
    <additionalOffices><office>Berlin</office></additionalOffices>
    <name>Backend Engineer (m/w/d)</name>
    <jobDescriptions>
      <jobDescription><name>Your tasks</name><value><![CDATA[{DESCRIPTION}]]></value></jobDescription>
    </jobDescriptions>
    <employmentType>permanent</employmentType>
    <schedule>full-time</schedule>
    <createdAt>2026-10-30T10:00:00+00:00</createdAt>
  </position>
</workzag-jobs>"""


def _transport(routes: dict[str, Any], seen: list[str] | None = None) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(str(request.url))
        body = routes.get(str(request.url))
        if body is None:
            return httpx.Response(404)
        if isinstance(body, httpx.Response):
            return body
        if isinstance(body, str):
            return httpx.Response(200, text=body, headers={"content-type": "text/html; charset=utf-8"})
        return httpx.Response(200, json=body)

    return httpx.MockTransport(answer)


def _read(url: str, routes: dict[str, Any]) -> Any:
    with client(_transport(routes)) as http:
        return read_address(url, http)


def _read_stating(url: str, answer: Any, expected: dict[str, Any]) -> Any:
    """The posting read from a system's API answer, checked to state each expected field."""
    board = board_for(url)
    assert board is not None
    found = _read(url, {board.api_url: answer})
    for key, value in expected.items():
        if key == "salary":
            assert found.salary is not None
            assert (found.salary.min, found.salary.max, found.salary.currency, found.salary.period) == value
        else:
            assert getattr(found, key) == value, key
    return found


CASES = [
    (
        "https://boards.greenhouse.io/acme/jobs/4012345",
        GREENHOUSE,
        {
            "company": "Acme Robotics",
            "title": "Senior Backend Engineer, Payments",
            "locations": ["New York, NY", "US"],
            "work_mode": "remote",
            "salary": (160000, 220000, "USD", "year"),
            "posted": dt.date(2026, 11, 3),
            "url": "https://boards.greenhouse.io/acme/jobs/4012345",
        },
    ),
    (
        "https://jobs.lever.co/acme/0b6d-41e2",
        LEVER,
        {
            "company": "Acme",
            "title": "Staff Data Engineer",
            "locations": ["Berlin", "Hamburg"],
            "work_mode": "hybrid",
            "employment": "full-time",
            "salary": (85000, 100000, "EUR", "year"),
            "posted": dt.date(2026, 10, 31),
        },
    ),
    (
        "https://jobs.ashbyhq.com/acme/5f2c-11",
        ASHBY,
        {
            "title": "Machine Learning Engineer",
            "locations": ["London", "UK"],
            "work_mode": "remote",
            "employment": "full-time",
            "salary": (90000, 120000, "GBP", "year"),
            "posted": dt.date(2026, 10, 20),
        },
    ),
    (
        "https://jobs.smartrecruiters.com/Acme/744000012345-senior-software-engineer",
        SMARTRECRUITERS,
        {
            "company": "Acme Group",
            "title": "Senior Software Engineer",
            "locations": ["Lisbon, Portugal"],
            "work_mode": "hybrid",
            "employment": "full-time",
            "posted": dt.date(2026, 11, 1),
        },
    ),
    (
        "https://acme.recruitee.com/o/product-engineer",
        RECRUITEE,
        {
            "company": "Acme BV",
            "title": "Product Engineer",
            "locations": ["Amsterdam, Netherlands"],
            "work_mode": "hybrid",
            "employment": "full-time",
            "salary": (5000, 6500, "EUR", "month"),
            "posted": dt.date(2026, 11, 5),
        },
    ),
    (
        "https://apply.workable.com/acme/j/AB12CD34/",
        WORKABLE,
        {
            "title": "Site Reliability Engineer",
            "locations": ["Athens, Attica, Greece"],
            "work_mode": "remote",
            "employment": "full-time",
            "posted": dt.date(2026, 11, 7),
        },
    ),
    (
        "https://acme.jobs.personio.de/job/1234567",
        PERSONIO,
        {
            "company": "Acme GmbH",
            "title": "Backend Engineer",
            "locations": ["Munich", "Berlin"],
            "employment": "full-time",
            "posted": dt.date(2026, 10, 30),
        },
    ),
]


@pytest.mark.parametrize(("url", "answer", "expected"), CASES, ids=[board_for(c[0]).system for c in CASES])  # type: ignore[union-attr]
def test_each_system_api_gives_every_field_it_states(url: str, answer: Any, expected: dict[str, Any]) -> None:
    found = _read_stating(url, answer, expected)
    assert "Own the ledger service" in found.body
    assert "&lt;" not in found.body


def test_the_requirements_of_an_api_posting_are_a_list_the_prep_page_finds() -> None:
    found = _read(GREENHOUSE["absolute_url"], {board_for(GREENHOUSE["absolute_url"]).api_url: GREENHOUSE})  # type: ignore[union-attr]
    assert "- Five years of Go or Java" in found.body
    assert "## Requirements" in found.body


def test_a_posting_gone_from_its_board_is_one_line() -> None:
    url = "https://jobs.ashbyhq.com/acme/closed-1"
    with pytest.raises(FetchError, match="no longer on the company's board"):
        _read(url, {board_for(url).api_url: ASHBY})  # type: ignore[union-attr]


def test_a_closed_posting_is_reported_not_read_from_elsewhere() -> None:
    with pytest.raises(FetchError, match=r"^the posting is not there \(HTTP 404\); it may have closed or moved$"):
        _read("https://boards.greenhouse.io/acme/jobs/1", {})


def test_when_the_api_fails_the_page_itself_is_read() -> None:
    url = "https://jobs.lever.co/acme/0b6d-41e2"
    page = (
        '<html><script type="application/ld+json">'
        + json.dumps({"@type": "JobPosting", "title": "Staff Data Engineer", "hiringOrganization": "Acme"})
        + "</script><body><p>We build things.</p></body></html>"
    )
    found = _read(url, {board_for(url).api_url: httpx.Response(503), url: page})  # type: ignore[union-attr]
    assert (found.title, found.company) == ("Staff Data Engineer", "Acme")


def test_a_careers_page_is_read_by_its_json_ld() -> None:
    url = "https://careers.acme.example/jobs/42"
    posting = {
        "@type": "JobPosting",
        "title": "Data Engineer",
        "hiringOrganization": {"name": "Acme"},
        "jobLocationType": "TELECOMMUTE",
        "applicantLocationRequirements": {"@type": "Country", "name": "Canada"},
        "baseSalary": {"currency": "CAD", "value": {"minValue": 100000, "maxValue": 130000, "unitText": "YEAR"}},
        "description": DESCRIPTION,
    }
    page = f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head><body>x</body></html>'
    found = _read(url, {url: page})
    assert (found.title, found.company, found.locations, found.work_mode) == (
        "Data Engineer",
        "Acme",
        ["Canada"],
        "remote",
    )
    assert found.url == url


def _raising(error: Exception) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        raise error

    return httpx.MockTransport(answer)


@pytest.mark.parametrize(
    ("transport", "message"),
    [
        (_raising(httpx.ReadTimeout("slow")), "no answer in time; try again, or save the page and import the file"),
        (_raising(httpx.ConnectError("down")), "cannot connect (no network, or the host does not exist)"),
        (_transport({}), "the posting is not there (HTTP 404); it may have closed or moved"),
        (
            httpx.MockTransport(lambda r: httpx.Response(403)),
            "the site refused the request (HTTP 403); save the page from your browser and import the file",
        ),
        (httpx.MockTransport(lambda r: httpx.Response(429)), "the site asks to slow down (HTTP 429); try again later"),
        (httpx.MockTransport(lambda r: httpx.Response(500)), "the site answered HTTP 500"),
        (httpx.MockTransport(lambda r: httpx.Response(400)), "the site answered HTTP 400"),
        (
            httpx.MockTransport(lambda r: httpx.Response(410)),
            "the posting is not there (HTTP 410); it may have closed or moved",
        ),
        (
            httpx.MockTransport(lambda r: httpx.Response(401)),
            "the site refused the request (HTTP 401); save the page from your browser and import the file",
        ),
        (httpx.MockTransport(lambda r: httpx.Response(402)), "the site answered HTTP 402"),
        (_raising(httpx.RemoteProtocolError("bad")), "the request failed (RemoteProtocolError)"),
        (
            httpx.MockTransport(lambda r: httpx.Response(301, headers={"location": "https://a.example/loop"})),
            f"more than {MAX_REDIRECTS} redirects; open the address in a browser",
        ),
        (
            httpx.MockTransport(lambda r: httpx.Response(200, content=b"x" * (3 * 2**20))),
            "the page is 3.0 MB; a posting is a few kilobytes",
        ),
        (
            httpx.MockTransport(lambda r: httpx.Response(200, content=iter([b"x" * 2**20] * 3))),
            "the page is larger than 2 MB; a posting is a few kilobytes",
        ),
    ],
)
def test_every_failed_request_is_one_line(transport: httpx.MockTransport, message: str) -> None:
    with client(transport) as http, pytest.raises(FetchError) as raised:
        fetch("https://a.example/job", http)
    assert str(raised.value) == message


def test_requests_say_who_asks() -> None:
    agents: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        agents.append(request.headers["user-agent"])
        return httpx.Response(200, text="ok")

    with client(httpx.MockTransport(answer)) as http:
        fetch("https://a.example/job", http)
    assert agents == [USER_AGENT] and USER_AGENT.startswith("roledex/")


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        ("Café Zoë".encode("cp1252"), {"content-type": "text/html; charset=windows-1252"}),
        (b'<meta charset="iso-8859-1"><p>' + "Café Zoë".encode("latin-1"), {}),
        ("Café Zoë".encode(), {}),
    ],
)
def test_a_page_in_another_encoding_is_read_as_it_declares(body: bytes, headers: dict[str, str]) -> None:
    with client(httpx.MockTransport(lambda r: httpx.Response(200, content=body, headers=headers))) as http:
        assert "Café Zoë" in fetch("https://a.example/job", http).body.decode("utf-8")


def test_roledex_import_of_a_page_on_loopback_works_like_a_saved_file(
    tmp_path: Path, loopback: Callable[[str, bytes], str]
) -> None:
    docs = make_site(tmp_path, shipped=False)
    posting = {
        "@type": "JobPosting",
        "title": "Platform Engineer",
        "hiringOrganization": {"name": "Helio Energy"},
        "jobLocation": {"address": {"addressLocality": "Austin", "addressRegion": "TX", "addressCountry": "US"}},
        "baseSalary": {"currency": "USD", "value": {"minValue": 150000, "maxValue": 180000, "unitText": "YEAR"}},
        "description": DESCRIPTION,
    }
    page = f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head><body>x</body></html>'
    url = loopback("/job.html", page.encode())
    saved = tmp_path / "job.html"
    saved.write_text(page, encoding="utf-8")
    from_address = invoke("import", url, "--docs", str(docs), "--dry-run", "--json")
    from_file = invoke("import", str(saved), "--docs", str(docs), "--dry-run", "--json", "--url", url)
    assert from_address.returncode == 0, from_address.stderr
    assert json.loads(from_address.stdout) == json.loads(from_file.stdout)
    gone = invoke("import", loopback("/other.html", b"x").replace("other", "missing"), "--docs", str(docs))
    assert gone.returncode == 1
    assert "the posting is not there (HTTP 404)" in gone.stderr
    written = invoke("import", url, "--docs", str(docs))
    assert written.returncode == 0, written.stderr
    assert (docs / "postings" / "helio-energy-platform-engineer.md").is_file()
    again = invoke("import", url, "--docs", str(docs))
    assert again.returncode == 1 and "already imported as" in again.stderr


def test_a_page_of_exactly_the_limit_is_read_declared_or_streamed() -> None:
    limit = 2 * 2**20
    for content in (b"x" * limit, iter([b"x" * (limit // 2), b"y" * (limit // 2)])):
        with client(httpx.MockTransport(lambda r, c=content: httpx.Response(200, content=c))) as http:
            body = fetch("https://a.example/job", http).body
        assert len(body) == limit


def test_a_page_that_is_not_json_where_json_is_expected_is_one_line() -> None:
    with client(httpx.MockTransport(lambda r: httpx.Response(200, text="<html>"))) as http:
        answer = fetch("https://a.example/api", http)
    with pytest.raises(FetchError, match=r"^https://a\.example/api did not answer with JSON$"):
        answer.json()


def test_requests_ask_for_pages_or_json() -> None:
    accepted: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        accepted.append(request.headers["accept"])
        return httpx.Response(200, text="ok")

    with client(httpx.MockTransport(answer)) as http:
        fetch("https://a.example/job", http)
    assert accepted == ["text/html,application/json;q=0.9,*/*;q=0.8"]


@pytest.mark.parametrize(
    ("body", "headers", "text"),
    [
        ("caf\u00e9".encode("cp1252"), {}, "café"),
        (b'<meta charset="iso-8859-7"><p>' + "Αθήνα".encode("iso-8859-7"), {}, "Αθήνα"),
        (b'<meta charset="utf-8"><p>' + "Zoë".encode("latin-1"), {"content-type": "text/html; charset=latin-1"}, "Zoë"),
    ],
)
def test_undeclared_bytes_are_read_as_the_web_reads_them(body: bytes, headers: dict[str, str], text: str) -> None:
    with client(httpx.MockTransport(lambda r: httpx.Response(200, content=body, headers=headers))) as http:
        assert text in fetch("https://a.example/job", http).body.decode("utf-8")


@pytest.mark.parametrize("address", ["http://[::1", "https://"])
def test_an_address_that_cannot_be_fetched_is_one_line(address: str) -> None:
    with client(_transport({})) as http, pytest.raises(FetchError, match="^is not an address roledex can fetch$"):
        fetch(address, http)


def _lever(**fields: Any) -> Any:
    board = board_for("https://jobs.lever.co/acme/1")
    assert board is not None
    return board.read({"text": "Engineer", **fields}, board)


@pytest.mark.parametrize(
    ("commitment", "employment"),
    [
        ("Full-time", "full-time"),
        ("FULL_TIME", "full-time"),
        ("Permanent", "full-time"),
        ("Part time", "part-time"),
        ("Contract", "contract"),
        ("Freelance", "contract"),
        ("Intern", "internship"),
        ("Internship", "internship"),
        ("Temporary", "temporary"),
        ("full", "full-time"),
        ("part", "part-time"),
        ("Volunteer", None),
        (None, None),
    ],
)
def test_employment_as_each_system_writes_it(commitment: Any, employment: str | None) -> None:
    assert _lever(categories={"commitment": commitment}).employment == employment


@pytest.mark.parametrize(
    ("workplace", "mode"),
    [("remote", "remote"), ("Hybrid", "hybrid"), ("on-site", "onsite"), ("OnSite", "onsite"), ("In office", "onsite"),
     ("unspecified", None), (None, None)],
)  # fmt: skip
def test_workplace_types(workplace: Any, mode: str | None) -> None:
    assert _lever(workplaceType=workplace).work_mode == mode


@pytest.mark.parametrize(
    ("created", "day"),
    [
        (1793404800000, dt.date(2026, 10, 31)),
        (0, None),
        (-5, None),
        (True, None),
        ("2026-01-02T00:00:00Z", dt.date(2026, 1, 2)),
        ("soon", None),
        (10**30, None),
    ],
)
def test_dates_in_milliseconds_or_text(created: Any, day: dt.date | None) -> None:
    assert _lever(createdAt=created).posted == day


@pytest.mark.parametrize(
    ("pay", "stated"),
    [
        ({"min": 100, "max": 200, "currency": "usd", "interval": "per-hour-wage"}, (100, 200, "USD", "hour")),
        ({"min": 100, "currency": "EUR", "interval": "per-month-salary"}, (100, None, "EUR", "month")),
        ({"max": 200, "currency": "EUR", "interval": "per-week-salary"}, (None, 200, "EUR", "week")),
        ({"min": 1, "max": 2, "currency": "Euro", "interval": "per-day-wage"}, (1, 2, None, "day")),
        ({"min": 1, "max": 2, "currency": 5, "interval": "one-time"}, (1, 2, None, None)),
        ({"currency": "EUR"}, None),
    ],
)
def test_salary_ranges_of_a_system(pay: dict, stated: tuple | None) -> None:
    salary = _lever(salaryRange=pay).salary
    assert (salary.min, salary.max, salary.currency, salary.period) == stated if stated else salary is None


@pytest.mark.parametrize(
    ("title", "kept"), [("Data   Engineer", "Data Engineer"), ("None", None), ("null", None), ("N/A", None), ("", None)]
)
def test_empty_texts_of_a_system(title: str, kept: str | None) -> None:
    assert _lever(text=title).title == kept


READ = [
    (
        "https://boards.greenhouse.io/acme/jobs/4012345",
        {**GREENHOUSE, "absolute_url": "https://careers.acme.example/jobs/4012345"},
        {
            "title": "Senior Backend Engineer, Payments",
            "company": "Acme Robotics",
            "locations": ["New York, NY", "Remote - US"],
            "work_mode": None,
            "employment": None,
            "salary": StatedSalary(160000, 220000, "USD", "year"),
            "posted": dt.date(2026, 11, 3),
            "closes": None,
            "url": "https://careers.acme.example/jobs/4012345",
            "source": "Greenhouse",
        },
    ),
    (
        "https://boards.greenhouse.io/acme-robotics/jobs/1",
        {
            "title": "Engineer",
            "updated_at": "2026-11-10T10:00:00Z",
            "pay_input_ranges": [
                {"min_cents": 100000, "max_cents": 200000, "currency_type": "EUR", "title": "", "blurb": "Monthly pay"},
                {"min_cents": 50000, "max_cents": 300000, "currency_type": "GBP"},
            ],
        },
        {
            "title": "Engineer",
            "company": "Acme Robotics",
            "locations": [],
            "posted": dt.date(2026, 11, 10),
            "salary": StatedSalary(1000, 2000, "EUR", "month"),
            "url": None,
            "description": None,
        },
    ),
    (
        "https://jobs.ashbyhq.com/acme/5f2c-11",
        ASHBY,
        {
            "title": "Machine Learning Engineer",
            "company": "Acme",
            "locations": ["London", "Remote - UK"],
            "work_mode": "remote",
            "employment": "full-time",
            "salary": StatedSalary(90000, 120000, "GBP", "year"),
            "url": "https://jobs.ashbyhq.com/acme/5f2c-11",
            "source": "Ashby",
        },
    ),
    (
        "https://jobs.ashbyhq.com/acme/x1",
        {
            "organizationName": "Acme Ltd",
            "jobs": [
                {
                    "id": "x1",
                    "title": "Engineer",
                    "isRemote": True,
                    "compensation": {
                        "summaryComponents": [
                            {
                                "compensationType": "Salary",
                                "interval": "1 MONTH",
                                "currencyCode": "EUR",
                                "minValue": 4000,
                                "maxValue": 5000,
                            }
                        ]
                    },
                }
            ],
        },
        {
            "company": "Acme Ltd",
            "work_mode": "remote",
            "salary": StatedSalary(4000, 5000, "EUR", "month"),
            "locations": [],
        },
    ),
    (
        "https://jobs.smartrecruiters.com/Acme/744000012345-x",
        SMARTRECRUITERS,
        {
            "title": "Senior Software Engineer",
            "company": "Acme Group",
            "locations": ["Lisbon, Portugal"],
            "work_mode": "hybrid",
            "employment": "full-time",
            "posted": dt.date(2026, 11, 1),
            "url": "https://jobs.smartrecruiters.com/Acme/744000012345-senior-software-engineer",
            "source": "SmartRecruiters",
        },
    ),
    (
        "https://jobs.smartrecruiters.com/acme-co/7-x",
        {
            "name": "Engineer",
            "location": {"city": "Austin", "region": "TX", "country": "us", "remote": True},
            "typeOfEmployment": {"id": "contract"},
        },
        {
            "company": "Acme Co",
            "locations": ["Austin, TX, United States"],
            "work_mode": "remote",
            "employment": "contract",
        },
    ),
    (
        "https://acme.recruitee.com/o/product-engineer",
        RECRUITEE,
        {
            "title": "Product Engineer",
            "company": "Acme BV",
            "locations": ["Amsterdam, Netherlands"],
            "work_mode": "hybrid",
            "employment": "full-time",
            "salary": StatedSalary(5000, 6500, "EUR", "month"),
            "url": "https://acme.recruitee.com/o/product-engineer",
            "source": "Recruitee",
        },
    ),
    (
        "https://acme.recruitee.com/o/x",
        {"offer": {"title": "Engineer", "city": "Utrecht", "country": "Netherlands", "on_site": True}},
        {"company": "Acme", "locations": ["Utrecht, Netherlands"], "work_mode": "onsite"},
    ),
    (
        "https://apply.workable.com/acme/j/AB12CD34/",
        WORKABLE,
        {
            "title": "Site Reliability Engineer",
            "company": "Acme",
            "locations": ["Athens, Attica, Greece"],
            "work_mode": "remote",
            "url": "https://apply.workable.com/acme/j/AB12CD34/",
            "source": "Workable",
        },
    ),
    (
        "https://apply.workable.com/acme/j/X/",
        {"title": "Engineer", "remote": True, "location": {"city": "Athens", "country": "Greece"}},
        {"work_mode": "remote", "locations": ["Athens, Greece"], "description": None},
    ),
    (
        "https://acme.jobs.personio.de/job/1234567",
        PERSONIO,
        {
            "title": "Backend Engineer (m/w/d)",
            "company": "Acme GmbH",
            "locations": ["Munich", "Berlin"],
            "employment": "full-time",
            "posted": dt.date(2026, 10, 30),
            "url": "https://acme.jobs.personio.de/job/1234567",
            "source": "Personio",
        },
    ),
]


@pytest.mark.parametrize(("url", "answer", "expected"), READ)
def test_each_reader_states_exactly_what_its_system_says(url: str, answer: Any, expected: dict[str, Any]) -> None:
    board = board_for(url)
    assert board is not None
    read = board.read(answer, board)
    assert {key: getattr(read, key) for key in expected} == expected


def test_a_lever_posting_keeps_its_lists_and_closing_text_in_order() -> None:
    read = _lever(
        description="<p>Intro</p>", lists=[{"text": "You & us", "content": "<li>One</li>"}], additional="<p>End</p>"
    )
    assert read.description == "<p>Intro</p><h3>You &amp; us</h3><ul><li>One</li></ul><p>End</p>"


def test_a_personio_posting_gone_from_the_feed_is_said_so() -> None:
    board = board_for("https://acme.jobs.personio.de/job/99")
    assert board is not None
    with pytest.raises(LookupError, match="no longer in the company's feed"):
        board.read(PERSONIO, board)


VARIANTS = [
    # Lever: one location and no list of them; no pay; a board's name as the company
    (
        "https://jobs.lever.co/acme-robotics/77",
        {
            "text": "Data Engineer",
            "categories": {"location": "Lisbon", "commitment": "Contract"},
            "description": "<p>We build pipelines in Python.</p>",
            "lists": [{"text": "Requirements", "content": "<li>Python</li>"}, "not a section"],
            "additional": "<p>Apply by email.</p>",
        },
        {"company": "Acme Robotics", "title": "Data Engineer", "locations": ["Lisbon"], "employment": "contract"},
        ("We build pipelines in Python.", "Requirements", "Python", "Apply by email."),
    ),
    # Ashby: remote said by its flag alone, equity listed before the salary, the organisation named
    (
        "https://jobs.ashbyhq.com/acme/9",
        {
            "organizationName": "Acme Labs",
            "jobs": [
                {
                    "id": "9",
                    "title": "Platform Engineer",
                    "location": "Remote - EU",
                    "secondaryLocations": [{"location": "Remote - EU"}, "not a place"],
                    "isRemote": True,
                    "descriptionHtml": "<p>Kubernetes all day.</p>",
                    "compensation": {
                        "summaryComponents": [
                            {"compensationType": "EquityPercentage", "minValue": 0.1, "maxValue": 0.2},
                            {
                                "compensationType": "Salary",
                                "minValue": 70000,
                                "maxValue": 90000,
                                "currencyCode": "EUR",
                                "interval": "1 YEAR",
                            },
                        ]
                    },
                }
            ],
        },
        {
            "company": "Acme Labs",
            "title": "Platform Engineer",
            "locations": ["EU"],
            "work_mode": "remote",
            "salary": (70000, 90000, "EUR", "year"),
        },
        ("Kubernetes all day.",),
    ),
    # SmartRecruiters: city, region and country code, a place said once; hybrid by its flag
    (
        "https://careers.smartrecruiters.com/Acme/12345-engineer",
        {
            "name": "Backend Engineer",
            "company": {"name": "Acme SE"},
            "location": {"city": "Berlin", "region": "Berlin", "country": "de", "hybrid": True},
            "typeOfEmployment": {"id": "permanent"},
            "jobAd": {"sections": {"jobDescription": {"title": "The job", "text": "<p>Go services.</p>"}}},
        },
        {
            "company": "Acme SE",
            "title": "Backend Engineer",
            "locations": ["Berlin, Germany"],
            "work_mode": "hybrid",
            "employment": "full-time",
        },
        ("The job", "Go services."),
    ),
    # Recruitee: the offer unwrapped, its city and country, on site by its flag, pay by the month
    (
        "https://acme.recruitee.com/o/engineer",
        {
            "title": "Mobile Engineer",
            "city": "Amsterdam",
            "country": "Netherlands",
            "on_site": True,
            "salary": {"min": 4000, "max": 5000, "currency": "EUR", "period": "month"},
            "description": "<p>Flutter.</p>",
            "requirements": "<p>Dart.</p>",
        },
        {
            "company": "Acme",
            "title": "Mobile Engineer",
            "locations": ["Amsterdam, Netherlands"],
            "work_mode": "onsite",
            "salary": (4000, 5000, "EUR", "month"),
        },
        ("Flutter.", "Dart."),
    ),
    # Workable: remote by its flag, a place of city and country
    (
        "https://apply.workable.com/acme/j/ZZ99/",
        {
            "title": "QA Engineer",
            "location": {"city": "Athens", "country": "Greece"},
            "remote": True,
            "description": "<p>Test it.</p>",
            "benefits": "<p>Lunch.</p>",
        },
        {"company": "Acme", "title": "QA Engineer", "locations": ["Athens, Greece"], "work_mode": "remote"},
        ("Test it.", "Lunch."),
    ),
]


@pytest.mark.parametrize(("url", "answer", "expected", "words"), VARIANTS, ids=[v[0].split("/")[2] for v in VARIANTS])
def test_each_system_api_in_its_other_shapes(
    url: str, answer: Any, expected: dict[str, Any], words: tuple[str, ...]
) -> None:
    found = _read_stating(url, answer, expected)
    for word in words:
        assert word in found.body, word


def test_a_personio_feed_without_a_subcompany_names_the_board_and_reads_its_employment_type() -> None:
    feed = PERSONIO.replace("<subcompany>Acme GmbH</subcompany>", "").replace("<schedule>full-time</schedule>", "")
    url = "https://acme-robotics.jobs.personio.de/job/1234567"
    board = board_for(url)
    assert board is not None
    found = _read(url, {board.api_url: feed})
    assert found.company == "Acme Robotics" and found.employment == "full-time"
    assert found.url == "https://acme-robotics.jobs.personio.de/job/1234567"


@pytest.mark.parametrize(("url", "answer", "expected"), CASES, ids=[board_for(c[0]).system for c in CASES])  # type: ignore[union-attr]
def test_a_posting_read_from_an_api_keeps_its_address(url: str, answer: Any, expected: dict[str, Any]) -> None:
    board = board_for(url)
    assert board is not None
    assert _read(url, {board.api_url: answer}).url == url  # the API's own address, or the one asked


def test_an_api_answer_without_its_address_keeps_the_one_asked() -> None:
    url = CASES[0][0]
    board = board_for(url)
    assert board is not None
    answer = {key: value for key, value in GREENHOUSE.items() if key != "absolute_url"}
    assert _read(url, {board.api_url: answer}).url == url


def test_a_company_given_for_an_api_address_is_the_postings() -> None:
    url = CASES[0][0]
    board = board_for(url)
    assert board is not None
    with client(_transport({board.api_url: GREENHOUSE})) as http:
        assert read_address(url, http, company="Globex").company == "Globex"


def test_an_api_answer_with_a_title_and_no_text_is_read_from_its_title() -> None:
    url = CASES[0][0]
    board = board_for(url)
    assert board is not None
    found = _read(url, {board.api_url: {**GREENHOUSE, "content": ""}})
    assert (found.title, found.body) == ("Senior Backend Engineer, Payments", "Senior Backend Engineer, Payments\n")
