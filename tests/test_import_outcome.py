"""What one import of a paste writes, or why it stops, as `roledex import` gets it back: the
files written, the duplicate and the existing file refused without --force, a failed write said
with what was and was not written (`importer/run.py`, in process)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import httpx
import pytest
from conftest import job_posting_page, make_site, plain_id
from roledex.check.run import checked_knowledge_base
from roledex.importer.outcome import Outcome, Request
from roledex.importer.run import import_address, import_posting, read_posting
from roledex.importer.write import KnownPostings

DAY = dt.date(2026, 3, 10)
PASTE = b"Data Engineer at Nordlicht\nLocation: Berlin\n\nWe build maps. Salary: 60,000-80,000 EUR a year.\n"


def _import(docs: Path, raw: bytes = PASTE, **asked: object) -> Outcome:
    kb = checked_knowledge_base(docs).kb
    request = Request(docs, today=DAY, **asked)  # type: ignore[arg-type]
    return import_posting(raw, request, kb, KnownPostings(kb), fallback_title="pasted posting")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return make_site(tmp_path, shipped=False)


def test_an_import_writes_the_posting_and_its_new_company(docs: Path) -> None:
    outcome = _import(docs)
    assert outcome.failure is None and outcome.plan is not None
    assert outcome.plan.posting_path.is_file() and outcome.plan.company_path is not None
    assert outcome.plan.company_path.is_file()
    assert outcome.wrote_company is True
    assert outcome.found is not None and outcome.found.company == "Nordlicht"
    again = _import(docs, PASTE.replace(b"Data Engineer", b"Staff Engineer"))
    assert again.failure is None and again.wrote_company is False  # the company is on record now


def test_a_dry_run_writes_nothing(docs: Path) -> None:
    outcome = _import(docs, dry_run=True)
    assert outcome.failure is None and outcome.plan is not None
    assert not outcome.plan.posting_path.exists()
    assert outcome.wrote_company is False


def test_a_paste_that_names_no_company_stops_and_says_how_to_name_it(docs: Path) -> None:
    outcome = _import(docs, b"we build things\n")
    assert outcome.failure == "no company found in the text; pass --company SLUG"
    assert outcome.found is not None and outcome.plan is None


def test_the_user_title_and_work_mode_are_taken(docs: Path) -> None:
    outcome = _import(docs, title="Principal Engineer", work_mode="remote", dry_run=True)
    assert outcome.found is not None
    assert (outcome.found.title, outcome.found.work_mode) == ("Principal Engineer", "remote")


def test_the_same_posting_twice_is_refused_unless_forced(docs: Path) -> None:
    first = _import(docs)
    assert first.failure is None and first.plan is not None
    again = _import(docs)
    assert again.failure == (
        f"already imported as {first.plan.posting_path} (same address or text); --force imports it anyway"
    )
    assert again.plan is not None and again.plan.posting_path == first.plan.posting_path
    assert _import(docs, force=True).failure is None


def test_an_existing_file_is_never_overwritten_without_force(docs: Path) -> None:
    planned = _import(docs, dry_run=True).plan
    assert planned is not None
    planned.posting_path.parent.mkdir(parents=True, exist_ok=True)
    planned.posting_path.write_text("---\ntitle: mine\n---\n", encoding="utf-8")
    outcome = _import(docs)
    assert outcome.failure == f"{planned.posting_path} already exists; --force overwrites it"
    assert outcome.found is not None and outcome.plan is not None
    assert planned.posting_path.read_text(encoding="utf-8") == "---\ntitle: mine\n---\n"


def _blocked(folder: Path) -> None:
    """A file where a folder the import writes into should be: any write under it fails."""
    if folder.is_dir():
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()
    folder.write_text("not a folder\n", encoding="utf-8")


def test_a_write_that_fails_says_what_was_and_was_not_written(docs: Path) -> None:
    planned = _import(docs, dry_run=True).plan
    assert planned is not None and planned.company_path is not None
    _blocked(planned.company_path.parent)
    outcome = _import(docs)
    assert outcome.failure is not None and outcome.failure.startswith("cannot write: ")
    assert outcome.failure.endswith(f"; {planned.posting_path} was written, its company's file was not")
    assert outcome.found is not None and outcome.plan is not None


def test_a_write_that_fails_first_says_nothing_was_written(docs: Path) -> None:
    planned = _import(docs, dry_run=True).plan
    assert planned is not None
    _blocked(planned.posting_path.parent)
    outcome = _import(docs)
    assert outcome.failure is not None and outcome.failure.startswith("cannot write: ")
    assert outcome.failure.endswith("; nothing was written")
    assert outcome.plan is not None and outcome.found is not None


KEPT = "kept the posting's own text from schema.org JobPosting as the body"


@pytest.mark.parametrize(
    ("description", "body"),
    [
        ("<p>We build maps for cities and their people.</p>", "We build maps for cities and their people.\n"),
        (
            "&lt;p&gt;We build maps for cities and their people.&lt;/p&gt;",
            "We build maps for cities and their people.\n",
        ),
        ("We build maps for cities and their people.", "We build maps for cities and their people.\n"),
    ],
    ids=plain_id,
)
def test_the_pages_own_description_is_the_body_as_markdown(description: str, body: str) -> None:
    found = read_posting(job_posting_page(description=description))
    assert found.body == body
    notes = found.as_json()["notes"]
    assert KEPT in notes and len(notes) == len(set(notes))


def test_a_placeholder_description_leaves_the_page_as_the_body() -> None:
    found = read_posting(
        job_posting_page("<h1>Data Engineer</h1><p>We build maps for cities, in Berlin.</p>", description="Short")
    )
    assert found.body == "# Data Engineer\n\nWe build maps for cities, in Berlin.\n"
    assert KEPT not in found.as_json()["notes"]


@pytest.mark.parametrize(
    ("description", "mode", "from_page"),
    [
        ("<p>We build maps for cities and their people.</p>", "hybrid", True),
        ("<p>We build maps for cities, fully remote.</p>", "remote", False),
    ],
    ids=plain_id,
)
def test_a_work_mode_the_data_leaves_out_is_read_from_the_page(description: str, mode: str, from_page: bool) -> None:
    found = read_posting(
        job_posting_page("<header>Hybrid (3 days in office)</header><h1>Data Engineer</h1>", description=description)
    )
    assert found.work_mode == mode
    said = found.as_json()
    assert (f"the work mode '{mode}' is read from the page around the posting's data" in said["notes"]) is from_page
    assert not [w for w in said["warnings"] if "work mode" in w]


RICH = (
    b"Data Engineer at Nordlicht\nLocation: Berlin\nWork mode: Hybrid\nEmployment: Full-time\n"
    b"Posted 3 days ago\nApply by: March 20\nApply at: https://jobs.nordlicht.example/42\n\n"
    b"Join our Growth team.\n\nSalary: 60,000 - 80,000 a year\nTotal 140,000\n"
)


def _front_matter(outcome: Outcome) -> list[str]:
    assert outcome.plan is not None
    return [line for line in outcome.plan.posting_text.split("\n---\n")[0].splitlines() if not line.startswith("#")]


def test_what_the_paste_states_is_written_with_why_where_it_is_inferred(docs: Path) -> None:
    assert _front_matter(_import(docs, RICH, dry_run=True)) == [
        "---",
        "company: nordlicht",
        'title: "Data Engineer"',
        'team: "Growth"',
        "employment: full-time",
        'locations: ["Berlin"]',
        "work_mode: hybrid",
        "salary:",
        "  min: 60000",
        "  max: 80000",
        "  currency: EUR  # inferred from the location",
        "  period: year",
        '  text: "60,000 - 80,000 a year"',
        "  headline: 140000  # the job board's figure: min + max, not a salary",
        "  headline_is: sum",
        'url: "https://jobs.nordlicht.example/42"',
        'source: "jobs.nordlicht.example"',
        "posted: 2026-03-07  # relative to the day of the import",
        "closes: 2026-03-20",
    ]


def test_a_paste_without_a_title_takes_the_file_name_and_says_so(docs: Path) -> None:
    outcome = _import(docs, b"we build things\n", company="nordlicht", dry_run=True)
    assert _front_matter(outcome) == [
        "---",
        "company: nordlicht",
        'title: "pasted posting"  # not found in the text: the file name stands in, replace it',
    ]


def test_pastes_imported_in_one_run_are_compared_with_each_other(docs: Path) -> None:
    kb = checked_knowledge_base(docs).kb
    known = KnownPostings(kb)  # one command, several pastes: the second meets the first in memory
    first = import_posting(PASTE, Request(docs, today=DAY), kb, known, fallback_title="pasted posting")
    assert first.failure is None and first.plan is not None
    again = import_posting(PASTE, Request(docs, today=DAY), kb, known, fallback_title="pasted posting")
    assert again.failure is not None and again.failure.startswith(f"already imported as {first.plan.posting_path}")


ADDRESS = "https://careers.nordlicht.example/jobs/42"
PAGE = (
    "<html><body><h1>Data Engineer</h1><p>Posted 3 days ago.</p>"
    "<p>We build maps in Berlin. Salary: 60,000-80,000 EUR a year.</p></body></html>"
)


def _client(answer: httpx.Response) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(lambda request: answer))


def test_an_address_is_read_with_what_was_asked_and_kept_as_a_snapshot(docs: Path) -> None:
    kb = checked_knowledge_base(docs).kb
    known = KnownPostings(kb)
    request = Request(docs, today=DAY, company="Nordlicht", location="Hamburg", title="Staff Data Engineer")
    page = httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"})
    with _client(page) as http:
        outcome = import_address(ADDRESS, request, kb, known, http)
        assert outcome.failure is None and outcome.found is not None
        assert outcome.found.company == "Nordlicht" and outcome.found.title == "Staff Data Engineer"
        assert outcome.found.locations == ["Hamburg"] and outcome.found.posted == DAY - dt.timedelta(days=3)
        assert outcome.found.url == ADDRESS
        assert re.fullmatch(r"kept the posting as read in \S+ \(sha256 [0-9a-f]{12}\)", outcome.written[0])
        again = import_address(ADDRESS, request, kb, known, http)  # the same address, on record now
    assert again.failure is not None and "already imported" in again.failure


def test_an_address_that_gives_no_posting_says_why(docs: Path) -> None:
    kb = checked_knowledge_base(docs).kb
    with _client(httpx.Response(500)) as http:
        outcome = import_address(ADDRESS, Request(docs, today=DAY), kb, KnownPostings(kb), http)
    assert outcome.failure == "the site answered HTTP 500" and outcome.plan is None
