"""To-dos: events of kind `todo` with what to do, a due date and a done date; an open one with a
day is in what is due (merged with the day's follow-up and next step) and in the calendar, and
`roledex event ... todo --done` closes it by its words or its number."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import time_machine
from conftest import build_site, invoke, make_site, read_page
from icalendar import Calendar
from roledex.check.records import _todo_findings
from roledex.facts.reminders import due
from roledex.kb.load import read_knowledge_base
from roledex.kb.model import Application, Event, KnowledgeBase, Posting
from roledex.kb.problems import ERROR, REMINDER, WARNING
from roledex.kb.settings import Settings
from roledex.kb.source import Document

P = "etsy-engineering-manager-ml-for-growth"
TODAY = dt.date(2026, 12, 6)
NOON = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
DOC = Document(path="a.md", folder="applications", slug="p", meta={}, body="", body_line=1)


def _day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def _todo(note: str | None, due_in: int | None = None, done_in: int | None = None, number: int = 1) -> Event:
    return Event(
        date=_day(-1),
        kind="todo",
        note=note,
        due=_day(due_in) if due_in is not None else None,
        done=_day(done_in) if done_in is not None else None,
        number=number,
    )


def _kb(*events: Event, status: str = "applied", **values: object) -> KnowledgeBase:
    application = Application(slug="p", doc=DOC, posting="p", status=status, events=list(events), **values)  # type: ignore[arg-type]
    posting = Posting(slug="p", doc=DOC, company="acme", title="Staff Engineer")
    return KnowledgeBase(postings={"p": posting}, applications={"p": application})


@pytest.mark.parametrize(
    ("todo", "status", "listed"),
    [
        (_todo("Send portfolio link", due_in=3), "applied", [(_day(3), "Send portfolio link")]),
        (_todo("Send portfolio link", due_in=-2), "applied", [(_day(-2), "Send portfolio link")]),  # overdue
        (_todo("Send portfolio link", due_in=3, done_in=0), "applied", []),  # done
        (_todo("Send portfolio link"), "applied", []),  # no day: on the application page only
        (_todo("Send portfolio link", due_in=30), "applied", []),  # beyond the window
        (_todo("Send portfolio link", due_in=3), "rejected", []),  # a closed application
    ],
    ids=["ahead", "overdue", "done", "no day", "beyond", "closed"],
)
def test_an_open_todo_with_a_day_is_due(todo: Event, status: str, listed: list[tuple[dt.date, str]]) -> None:
    found = [(r.date, r.what) for r in due(_kb(todo, status=status), Settings(), TODAY) if r.kind == "todo"]
    assert found == listed


def test_todos_and_the_next_step_of_one_day_are_one_item() -> None:
    kb = _kb(
        _todo("Ask Jo for a referral", due_in=2, number=1),
        _todo("Send portfolio link", due_in=2, number=2),
        next_step="Book the onsite",
        next_date=_day(2),
    )
    (item,) = due(kb, Settings(), TODAY)
    assert item.date == _day(2) and item.merged == 3
    assert item.what == "Book the onsite; Ask Jo for a referral; Send portfolio link"


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (_todo("Send it", due_in=-1), [("due", REMINDER)]),
        (_todo("Send it", due_in=0), []),
        (_todo("Send it", due_in=-1, done_in=0), []),
        (_todo(None), [("note", ERROR)]),
        (_todo("Send it", done_in=-3), [("done", WARNING)]),  # done before it was written
        (Event(date=_day(0), kind="note", due=_day(1), number=1), [("due", ERROR)]),
        (Event(date=_day(0), kind="reply", done=_day(1), number=1), [("done", ERROR)]),
    ],
    ids=["overdue", "due today", "done late", "no words", "done before written", "due on a note", "done on a reply"],
)
def test_the_check_of_a_todo(event: Event, expected: list[tuple[str, str]]) -> None:
    application = _kb(event).applications["p"]
    found = [(key.rsplit(".", 1)[1], severity) for key, _, severity in _todo_findings(application, event, TODAY)]
    assert found == expected


def _run(root: Path, *args: str) -> str:
    with time_machine.travel(NOON, tick=False):
        result = invoke(*args, cwd=root)
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def _todos(root: Path) -> list[Event]:
    return [e for e in read_knowledge_base(root / "docs").kb.applications[P].events if e.kind == "todo"]


@pytest.fixture
def with_todos(tmp_path: Path) -> Path:
    make_site(tmp_path)
    _run(tmp_path, "status", "etsy manager growth", "applied", "--date", "2026-12-01")
    _run(tmp_path, "event", "etsy growth", "todo", "Send portfolio link", "--due", "2026-12-09")
    _run(
        tmp_path, "event", "etsy growth", "todo", "Ask Jo for a referral", "--due", "2026-12-08", "--date", "2026-12-05"
    )
    _run(tmp_path, "event", "etsy growth", "todo", "Read the ML paper")
    return tmp_path


def test_todos_are_recorded_by_date_with_their_words_and_days(with_todos: Path) -> None:
    assert [(str(e.date), e.note, e.due) for e in _todos(with_todos)] == [
        ("2026-12-05", "Ask Jo for a referral", dt.date(2026, 12, 8)),
        ("2026-12-06", "Send portfolio link", dt.date(2026, 12, 9)),
        ("2026-12-06", "Read the ML paper", None),
    ]
    assert invoke("check", cwd=with_todos).returncode == 0


@pytest.mark.parametrize(
    ("naming", "closed"),
    [
        (("send portf",), "Send portfolio link"),
        (("--number", "2"), "Ask Jo for a referral"),
        (("ask jo",), "Ask Jo for a referral"),
    ],
    ids=["by words", "by number", "by other words"],
)
def test_done_closes_the_todo_named_and_no_other(with_todos: Path, naming: tuple[str, ...], closed: str) -> None:
    said = _run(with_todos, "event", "etsy growth", "todo", *naming, "--done")
    assert f"to-do {closed!r}: done 2026-12-06" in said
    assert {e.note: e.done for e in _todos(with_todos)} == {
        note: (TODAY if note == closed else None)
        for note in ("Ask Jo for a referral", "Send portfolio link", "Read the ML paper")
    }


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("todo",), "a to-do needs what to do"),
        (("note", "--due", "2026-12-09"), "--due is for a to-do"),
        (("note", "words", "--note", "more"), "give the note once"),
        (("todo", "--done"), "say which to-do: its words or --number N; open: events.2 'Ask Jo"),
        (("todo", "walk the dog", "--done"), "no open to-do fits 'walk the dog'"),
        (("todo", "--number", "1", "--done"), "events.1 is not an open to-do"),
        (("todo", "x", "--due", "soon"), "--due takes a date as YYYY-MM-DD, got 'soon'"),
    ],
    ids=["no words", "due on a note", "note twice", "which", "none fits", "not a to-do", "bad day"],
)
def test_a_todo_command_that_does_not_fit_says_why_and_changes_nothing(
    with_todos: Path, args: tuple[str, ...], says: str
) -> None:
    path = with_todos / "docs" / "applications" / f"{P}.md"
    before = path.read_bytes()
    with time_machine.travel(NOON, tick=False):
        result = invoke("event", "etsy growth", *args, cwd=with_todos)
    assert result.returncode != 0 and says in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_todos_are_on_the_application_page_the_home_page_and_in_the_calendar(with_todos: Path) -> None:
    with time_machine.travel(NOON, tick=False):
        assert build_site(with_todos, private="include").returncode == 0
        printed = invoke("calendar", cwd=with_todos).stdout
    page = read_page(with_todos, f"applications/{P}")
    assert "To-dos" in page and "Read the ML paper" in page and "Send portfolio link" in page
    home = read_page(with_todos, "")
    assert "Send portfolio link" in home and "Ask Jo for a referral" in home
    summaries = {str(e["summary"]) for e in Calendar.from_ical(printed.encode()).walk("VEVENT")}
    title = "Engineering Manager, Machine Learning for Growth at Etsy"
    assert f"To do: Send portfolio link ({title})" in summaries
    # on the day of the first follow-up: one item, with both
    assert f"Follow-up 1 of 2: no answer yet; Ask Jo for a referral ({title})" in summaries
    assert not any("Read the ML paper" in s for s in summaries)


def test_the_history_export_gives_each_todo_its_days(with_todos: Path) -> None:
    _run(with_todos, "event", "etsy growth", "todo", "portfolio", "--done")
    result = invoke("export", "--history", "--format", "json", cwd=with_todos)
    todos = [(e["note"], e["due"], e["done"]) for e in json.loads(result.stdout)["events"] if e["what"] == "todo"]
    assert todos == [
        ("Ask Jo for a referral", "2026-12-08", None),
        ("Send portfolio link", "2026-12-09", "2026-12-06"),
        ("Read the ML paper", None, None),
    ]
