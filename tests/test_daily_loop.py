"""A week of the daily loop on a copy of the shipped knowledge base, typed as a user types it:
postings named by a few words, a round planned ahead and the past recorded after it, to-dos,
a contact, a rename. `roledex check` is clean after every step with no --force, and the home
page, the applications page and the calendar list the same things due, a round in four days
among them; the application's timeline shows every event; the renamed posting leaves no
reference behind."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import time_machine
from conftest import invoke, make_site
from html_tools import tables
from icalendar import Calendar
from mkdocs.commands.build import build
from mkdocs.config import load_config
from roledex.kb.load import read_knowledge_base

NOON = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
OLD = "etsy-engineering-manager-ml-for-growth"
NEW = "etsy-em-ml-growth"
WEEK = [
    ("status", "etsy manager growth", "applied", "--date", "2026-12-01"),
    ("event", "etsy growth", "round", "--round", "technical", "--date", "2026-12-10", "--time", "14:30 Europe/London"),
    ("event", "etsy growth", "note", "Sent a thank-you note", "--date", "2026-12-05"),
    ("new", "contact", "Jo Park", "--company", "etsy"),
    ("event", "etsy growth", "follow-up", "--date", "2026-12-06", "--with", "jo"),
    ("event", "etsy growth", "todo", "Send portfolio link", "--due", "2026-12-08"),
    (
        "status",
        "etsy ads",
        "applied",
        "--date",
        "2026-12-02",
        "--next",
        "Ask Jo for a referral",
        "--next-date",
        "2026-12-09",
    ),
    ("status", "etsy growth", "interviewing", "--date", "2026-12-04"),
    ("event", "etsy growth", "todo", "Read the team's paper", "--due", "2026-12-07"),
    ("event", "etsy growth", "todo", "portfolio", "--done"),
    ("mv", "etsy manager growth", NEW),  # a rename does not guess: these words fit one posting
]


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("daily-loop")
    make_site(root)
    with time_machine.travel(NOON, tick=False):
        for step in WEEK:
            done = invoke(*step, cwd=root)
            assert done.returncode == 0, (step, done.stderr)
            checked = invoke("check", cwd=root)
            assert checked.returncode == 0, (step, checked.stdout, checked.stderr)
            assert " warning" not in checked.stdout and "error:" not in checked.stdout, (step, checked.stdout)
        os.environ["ROLEDEX_PRIVATE"] = "include"
        try:
            build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
        finally:
            del os.environ["ROLEDEX_PRIVATE"]
        calendar = invoke("calendar", cwd=root)
    assert calendar.returncode == 0
    (root / "week.ics").write_text(calendar.stdout, encoding="utf-8")
    return root


def _page(root: Path, address: str) -> str:
    return (root / "site" / address / "index.html").read_text(encoding="utf-8")


def _due(root: Path, address: str, heading: str) -> set[tuple[str, str]]:
    """(date, what to do) of the due table under `heading` on the page."""
    html = _page(root, address)
    section = html[html.index(heading) :]
    rows = tables(section)[0][1:]
    return {(row[0].split()[0], row[-1]) for row in rows}


EXPECTED = {
    ("2026-12-07", "Read the team's paper"),
    ("2026-12-09", "follow-up 1 of 2: no answer yet; Ask Jo for a referral"),  # one item: the same day
    ("2026-12-10", "technical round at 14:30 Europe/London"),  # four days ahead
}


def test_the_home_page_and_the_applications_page_list_the_same_due_items(week: Path) -> None:
    assert _due(week, "", "Due today and this week") == EXPECTED
    assert _due(week, "applications", "Due in the next 14 days") == EXPECTED


def test_the_calendar_holds_the_same_items(week: Path) -> None:
    events = Calendar.from_ical(week.joinpath("week.ics").read_bytes()).walk("VEVENT")
    days = {(str(e.decoded("dtstart"))[:10], str(e["summary"])) for e in events}
    assert {day for day, _ in days} == {day for day, _ in EXPECTED}
    summaries = " | ".join(summary for _, summary in days)
    assert "Read the team's paper" in summaries and "Ask Jo for a referral" in summaries
    assert "Interview (technical)" in summaries and "Send portfolio link" not in summaries  # done


def test_the_timeline_shows_every_event_in_the_order_it_happened(week: Path) -> None:
    application = read_knowledge_base(week / "docs").kb.applications[NEW]
    timeline = next(t for t in tables(_page(week, f"applications/{NEW}")) if t[0][:2] == ["Date", "What"])
    assert len(timeline) - 1 == len(application.events) == 7
    days = [row[0][:10] for row in timeline[1:]]
    assert days == sorted(days) and days[-1] == "2026-12-10"
    whats = [row[1] for row in timeline[1:]]
    assert "note" in whats and "you followed up" in whats and "moved to interviewing" in whats


def test_the_renamed_posting_leaves_no_reference_behind(week: Path) -> None:
    for path in (week / "docs").rglob("*.md"):
        assert OLD not in path.read_text(encoding="utf-8"), path
    kb = read_knowledge_base(week / "docs").kb
    assert kb.applications[NEW].posting == NEW and kb.preps[NEW].posting == NEW
    assert (week / "site" / "postings" / NEW / "index.html").is_file()
