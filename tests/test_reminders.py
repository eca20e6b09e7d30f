"""Follow-ups, next steps, people and closing dates: each rule at its boundaries."""

from __future__ import annotations

import datetime as dt

import pytest
from roledex.check.records import check_record
from roledex.facts.reminders import Reminder, answered, follow_up_due, ghosted, reminders
from roledex.kb.model import Application, Contact, Event, KnowledgeBase, Posting
from roledex.kb.schema import KINDS
from roledex.kb.settings import Settings
from roledex.kb.source import Document

TODAY = dt.date(2026, 11, 25)
SETTINGS = Settings()


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def _doc(folder: str = "applications", slug: str = "a") -> Document:
    return Document(path=f"{folder}/{slug}.md", folder=folder, slug=slug, meta={}, body="", body_line=1)


def application(
    status: str | None = "applied", applied: int | None = -3, events: tuple = (), **more: object
) -> Application:
    numbered = [Event(e.date, e.kind, e.status, number=n) for n, e in enumerate(events, 1)]
    return Application(
        slug="a",
        doc=_doc(),
        posting="a",
        status=status,
        applied=day(applied) if applied is not None else None,
        events=numbered,
        **more,  # type: ignore[arg-type]
    )


def follow_up(offset: int) -> Event:
    return Event(day(offset), "follow-up")


@pytest.mark.parametrize(
    ("record", "due"),
    [
        (application(), (day(-3 + 7), 1)),
        (application(events=(follow_up(-1),)), (day(-1 + 7), 2)),
        (application(events=(follow_up(-9), follow_up(-1))), None),
        (application(status="screening"), None),
        (application(status="saved"), None),
        (application(status="saved", applied=None), None),
        (application(status=None, applied=-3), None),
        (application(applied=None), None),
        (application(events=(Event(day(-1), "reply"),)), None),
        (application(events=(Event(day(-1), "status", "rejected"),)), None),
        (application(events=(Event(day(-1), "note"),)), (day(4), 1)),
    ],
)
def test_a_follow_up_is_due_until_an_answer_or_the_last_one(record: Application, due: tuple | None) -> None:
    found = follow_up_due(record, SETTINGS)
    assert (None if found is None else (found.date, found.number)) == due


def test_the_follow_up_numbers_come_from_the_settings() -> None:
    settings = Settings(follow_up_after_days=3, follow_up_again_days=10, follow_ups=1)
    first = follow_up_due(application(), settings)
    assert first is not None and first.date == day(0) and first.what == "follow-up 1 of 1: no answer yet"
    assert follow_up_due(application(events=(follow_up(-1),)), settings) is None


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        ("applied", False),
        ("screening", True),
        ("interviewing", True),
        ("offer", True),
        ("rejected", True),
        ("withdrawn", False),
        ("closed", False),
        ("saved", False),
    ],
)
def test_which_statuses_are_an_answer(status: str, answer: bool) -> None:
    assert answered(application(status=status)) is answer


@pytest.mark.parametrize(
    ("applied", "events", "silent"),
    [
        (-30, (), True),
        (-29, (), False),
        (-40, (follow_up(-29),), False),
        (-40, (follow_up(-30),), True),
        (-40, (Event(day(-35), "reply"),), False),
    ],
)
def test_ghosted_is_silence_after_applying_and_following_up(applied: int, events: tuple, silent: bool) -> None:
    assert ghosted(application(applied=applied, events=events), SETTINGS, TODAY) is silent


def test_reminders_gather_every_kind_soonest_first() -> None:
    kb = KnowledgeBase()
    posting = Posting(slug="a", doc=_doc("postings"), company="c", title="T", closes=day(9))
    kb.postings = {"a": posting}
    kb.applications = {
        "a": application(status="preparing", applied=None, next_step="write <cover>", next_date=day(2)),
    }
    contact = Contact(slug="jo", doc=_doc("contacts", "jo"), name="Jo", next_follow_up=day(1))
    kb.contacts = {"jo": contact}
    mine = kb.applications["a"]
    assert reminders(kb, SETTINGS) == [
        Reminder(day(1), "contact", "get back to Jo", contact=contact),
        Reminder(day(2), "next-step", "write <cover>", mine, posting=posting),
        Reminder(day(9), "closing", "applications close", mine, posting=posting),
    ]
    kb.applications["a"] = application(status="interviewing", next_date=day(3))
    assert reminders(kb, SETTINGS)[1] == Reminder(
        day(3), "next-step", "next step", kb.applications["a"], posting=posting
    )
    kb.applications["a"] = application(status="rejected", applied=-20, next_date=day(2))
    assert [r.kind for r in reminders(kb, SETTINGS)] == ["contact"]
    kb.applications["a"] = application(applied=-20)
    assert reminders(kb, SETTINGS)[0] == Reminder(
        day(-13), "follow-up", "follow-up 1 of 2: no answer yet", kb.applications["a"], posting=posting
    )


@pytest.mark.parametrize(("applied", "warned"), [(-7, False), (-8, True)])
def test_check_warns_about_an_overdue_follow_up_and_not_also_that_it_is_stale(applied: int, warned: bool) -> None:
    problems = check_record(KINDS["application"], application(applied=applied), TODAY, SETTINGS)
    assert [(p.key, p.severity) for p in problems] == ([("applied", "reminder")] if warned else [])
    if warned:
        assert problems[0].message.startswith(
            f"follow-up 1 of 2 due since {day(applied + 7)}: no answer since you applied"
        )
    old = check_record(KINDS["application"], application(applied=-40, events=(follow_up(-39), follow_up(-38))), TODAY)
    assert [p.key for p in old] == ["updated"]  # follow-ups done: staleness speaks again


@pytest.mark.parametrize(("offset", "warned"), [(0, False), (-1, True)])
def test_check_warns_about_a_person_to_get_back_to(offset: int, warned: bool) -> None:
    contact = Contact(slug="jo", doc=_doc("contacts", "jo"), name="Jo", next_follow_up=day(offset))
    problems = check_record(KINDS["contact"], contact, TODAY)
    assert [p.message for p in problems] == (
        [f"due since {day(offset)}: get back to Jo, then move the date"] if warned else []
    )
