"""One "what is due" for everything: rounds still to come (or to record), next steps,
follow-ups, closing dates of postings not applied to, people to get back to; one item per
application and day; the home page, the pipeline page and the calendar all read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from conftest import build_site, invoke, make_site, plan_a_round, read_page
from icalendar import Calendar
from roledex.facts.reminders import due, reminders
from roledex.kb.model import Application, Event, KnowledgeBase, Posting
from roledex.kb.settings import Settings
from roledex.kb.source import Document

TODAY = dt.date(2026, 12, 6)
DOC = Document(path="a.md", folder="applications", slug="p", meta={}, body="", body_line=1)


def _day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def _kb(application: Application | None = None, closes: int | None = None) -> KnowledgeBase:
    posting = Posting(
        slug="p", doc=DOC, company="acme", title="Staff Engineer", closes=_day(closes) if closes else None
    )
    return KnowledgeBase(postings={"p": posting}, applications={"p": application} if application else {})


def _application(status: str, **values: object) -> Application:
    return Application(slug="p", doc=DOC, posting="p", status=status, **values)  # type: ignore[arg-type]


def _round(offset: int, outcome: str | None, number: int = 1) -> Event:
    return Event(
        date=_day(offset), kind="round", round="technical", time="14:30 Europe/London", outcome=outcome, number=number
    )


@pytest.mark.parametrize(
    ("outcome", "offset", "listed"),
    [
        ("scheduled", 4, True),
        (None, 4, True),
        (None, -2, True),  # held, not yet recorded: record how it went
        ("passed", -2, False),
        ("cancelled", 4, False),
        ("scheduled", 30, False),  # beyond the window, still in the calendar
    ],
)
def test_a_round_still_to_come_or_to_record_is_due(outcome: str | None, offset: int, listed: bool) -> None:
    application = _application("interviewing", applied=_day(-20), events=[_round(offset, outcome)])
    found = [r for r in due(_kb(application), Settings(), TODAY) if r.kind == "round"]
    assert [(r.date, r.what) for r in found] == (
        [(_day(offset), "technical round at 14:30 Europe/London")] if listed else []
    )


@pytest.mark.parametrize(
    ("application", "listed"),
    [
        (None, True),
        (_application("saved"), True),
        (_application("preparing"), True),
        (_application("applied", applied=_day(-1)), False),
        (_application("rejected", applied=_day(-1)), False),
    ],
    ids=["no application", "saved", "preparing", "applied", "rejected"],
)
def test_a_closing_date_is_due_only_for_a_posting_not_applied_to(application: Application | None, listed: bool) -> None:
    found = [r for r in due(_kb(application, closes=3), Settings(), TODAY) if r.kind == "closing"]
    assert len(found) == (1 if listed else 0)


def test_a_follow_up_and_a_next_step_of_one_application_on_one_day_are_one_item() -> None:
    settings = Settings()
    applied = _day(-settings.follow_up_after_days)
    application = _application("applied", applied=applied, next_date=TODAY, next_step="send the portfolio link")
    found = reminders(_kb(application), settings)
    assert [(r.date, r.what) for r in found] == [(TODAY, "follow-up 1 of 2: no answer yet; send the portfolio link")]


def test_a_closed_application_has_nothing_due_but_its_follow_up_rule_says() -> None:
    application = _application("withdrawn", applied=_day(-3), next_date=_day(1), events=[_round(2, "scheduled")])
    assert due(_kb(application), Settings(), TODAY) == []


def test_the_home_page_the_pipeline_and_the_calendar_list_a_round_in_four_days(tmp_path: Path) -> None:
    make_site(tmp_path)
    plan_a_round(tmp_path, "etsy ads")
    with time_machine.travel(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC), tick=False):
        assert build_site(tmp_path, private="include").returncode == 0
        calendar = invoke("calendar", "--output", str(tmp_path / "mine.ics"), cwd=tmp_path)
    assert calendar.returncode == 0, calendar.stderr
    for address in ("", "applications/", "applications/etsy-engineering-manager-ads-ml/"):
        page = read_page(tmp_path, address)
        assert "2026-12-10" in page and "technical round at 14:30 Europe/London" in page, address
    assert build_site(tmp_path).returncode == 0
    assert "technical round at" not in read_page(tmp_path, "")  # what is due is private
    events = Calendar.from_ical((tmp_path / "mine.ics").read_bytes()).walk("VEVENT")
    rounds = [e for e in events if "Technical" in str(e.get("summary")) or "technical" in str(e.get("summary"))]
    assert [e.decoded("dtstart").date() for e in rounds] == [dt.date(2026, 12, 10)]
