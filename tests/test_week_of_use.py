"""A week of a job search, typed at the command line as a user would: statuses forward and
back, rounds with interviewers, follow-ups, a rejection, a withdrawal. The files must tell the
whole story, the pages and the funnel must count it right, and a published build must hold
none of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, read_page
from icalendar import Calendar
from roledex.kb.source import read_document

A = "etsy-engineering-manager-ml-for-growth"
B = "etsy-engineering-manager-ads-ml"
C = "etsy-engineering-manager-recommendations-ranking"
WEEK = [
    ("new", "contact", "Jane Doe", "--company", "etsy"),
    ("new", "contact", "Sam Lee", "--company", "etsy"),
    ("status", A, "applied", "--date", "2026-11-02"),
    ("event", A, "follow-up", "--date", "2026-11-09", "--note", "emailed Jane about timing"),
    ("event", A, "reply", "--date", "2026-11-10", "--with", "jane-doe"),
    ("status", A, "screening", "--date", "2026-11-10"),
    (
        "event",
        A,
        "round",
        "--round",
        "recruiter-screen",
        "--date",
        "2026-11-12",
        "--time",
        "10:00 Europe/London",
        "--with",
        "jane-doe",
        "--outcome",
        "passed",
    ),
    ("status", A, "interviewing", "--date", "2026-11-13", "--next", "Onsite loop", "--next-date", "2026-11-20"),
    (
        "event",
        A,
        "round",
        "--round",
        "onsite",
        "--date",
        "2026-11-20",
        "--time",
        "09:30 Europe/London",
        "--minutes",
        "240",
        "--with",
        "sam-lee",
        "--with",
        "jane-doe",
    ),
    ("status", A, "screening", "--date", "2026-11-21", "--note", "back to a second screen"),
    ("status", A, "rejected", "--date", "2026-11-22", "--note", "not this time"),
    ("status", B, "applied", "--date", "2026-11-03"),
    ("status", B, "withdrawn", "--date", "2026-11-15"),
    ("status", C, "applied", "--date", "2026-09-01"),
]
PRIVATE_WORDS = ("Jane Doe", "Sam Lee", "emailed Jane", "recruiter screen", "rdx-status-", "not this time")


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("week")
    make_site(root)
    for command in WEEK:
        result = invoke(*command, cwd=root)
        assert result.returncode == 0, (command, result.stderr)
    return root


def _events(root: Path, slug: str) -> list[tuple]:
    path = root / "docs" / "applications" / f"{slug}.md"
    doc, _ = read_document(str(path), "applications", slug, path.read_bytes())
    assert doc is not None
    return [
        (str(e["date"]), e.get("kind") or "status", e.get("status") or e.get("round"), tuple(e.get("contacts") or ()))
        for e in doc.meta["events"]
    ]


def test_the_files_tell_the_whole_story(week: Path) -> None:
    assert _events(week, A) == [
        ("2026-11-02", "status", "applied", ()),
        ("2026-11-09", "follow-up", None, ()),
        ("2026-11-10", "reply", None, ("jane-doe",)),
        ("2026-11-10", "status", "screening", ()),
        ("2026-11-12", "round", "recruiter-screen", ("jane-doe",)),
        ("2026-11-13", "status", "interviewing", ()),
        ("2026-11-20", "round", "onsite", ("sam-lee", "jane-doe")),
        ("2026-11-21", "status", "screening", ()),
        ("2026-11-22", "status", "rejected", ()),
    ]
    assert _events(week, B) == [("2026-11-03", "status", "applied", ()), ("2026-11-15", "status", "withdrawn", ())]
    text = (week / "docs" / "applications" / f"{A}.md").read_text(encoding="utf-8")
    assert "status: rejected\n" in text and "next_step" not in text  # the onsite step was passed and cleared
    checked = invoke("check", cwd=week)
    assert checked.returncode == 0, checked.stdout


def test_a_status_dated_before_the_last_change_of_status_is_refused_and_changes_nothing(week: Path) -> None:
    path = week / "docs" / "applications" / f"{A}.md"
    before = path.read_bytes()
    refused = invoke("status", A, "offer", "--date", "2026-11-01", cwd=week)
    assert refused.returncode == 1 and "is before the last change of status" in refused.stderr
    unknown = invoke("event", A, "round", "--round", "onsite", "--with", "jane-dough", cwd=week)
    assert (
        unknown.returncode == 2 and "no contact 'jane-dough' in contacts/; did you mean 'jane-doe'?" in unknown.stderr
    )
    assert path.read_bytes() == before


def test_the_pages_and_the_funnel_count_it_right(week: Path) -> None:
    assert build_site(week, private="include").returncode == 0
    page = read_page(week, f"applications/{A}/")
    order = [
        "moved to applied",
        "you followed up",
        "they replied",
        "moved to screening",
        "recruiter screen round",
        "moved to interviewing",
        "onsite round",
        "moved to rejected",
    ]
    positions = [page.index(words) for words in order]
    assert positions == sorted(positions)
    funnel = read_page(week, "applications/funnel/")
    for words in ("3 applications sent.", "<td>interviewing</td><td>1 of 3 (too few for a rate)</td>"):
        assert words in funnel, words
    for outcome, count in (("rejected", 1), ("withdrawn", 1), ("ghosted", 1)):
        assert f"<td>{outcome}" in funnel and f"</td><td>{count}</td>" in funnel.split(f"<td>{outcome}", 1)[1][:200]
    prep = read_page(week, f"prep/{A}/")
    assert "Interview rounds" in prep and "Sam Lee" in prep


def test_a_published_build_holds_none_of_it(week: Path, tmp_path: Path) -> None:
    assert build_site(week).returncode == 0
    for path in (week / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            content = path.read_text(encoding="utf-8", errors="replace")
            for word in PRIVATE_WORDS:
                assert word not in content, (path, word)
    assert invoke("publish-check", "site", cwd=week).returncode == 0


def test_the_calendar_holds_the_rounds(week: Path) -> None:
    printed = invoke("calendar", cwd=week)
    summaries = sorted(str(e["summary"]) for e in Calendar.from_ical(printed.stdout.encode()).walk("VEVENT"))
    assert summaries == [
        "Follow up: Engineering Manager, Recommendations Ranking at Etsy",
        "Interview (onsite): Engineering Manager, Machine Learning for Growth at Etsy",
        "Interview (recruiter screen): Engineering Manager, Machine Learning for Growth at Etsy",
    ]
