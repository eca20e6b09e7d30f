"""Boundaries of the pipeline's rules: the last change, the timeline of events and what is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from roledex.facts.applications import last_change, last_status_change, status_change
from roledex.facts.reminders import due
from roledex.kb.model import Application, KnowledgeBase
from roledex.kb.model import Event as Recorded
from roledex.kb.schema import CLOSED_STATUSES, DUE_WITHIN_DAYS, STATUSES
from roledex.kb.settings import Settings
from roledex.kb.source import Document

TODAY = dt.date(2026, 11, 25)
DOC = Document(path="a.md", folder="applications", slug="a", meta={}, body="", body_line=1)


def day(offset: int | None) -> dt.date | None:
    """TODAY moved by `offset` days (negative is the past), or None."""
    return None if offset is None else TODAY + dt.timedelta(days=offset)


def application(
    slug: str = "a",
    status: str | None = "applied",
    applied: int | None = None,
    updated: int | None = None,
    next_date: int | None = None,
    next_step: str | None = None,
) -> Application:
    return Application(
        slug=slug,
        doc=DOC,
        posting=slug,
        status=status,
        applied=day(applied),
        updated=day(updated),
        next_step=next_step,
        next_date=day(next_date),
    )


@pytest.mark.parametrize(
    ("applied", "updated", "last"),
    [
        (None, None, None),
        (-5, None, -5),
        (None, -5, -5),
        (-9, -2, -2),
        (-2, -9, -2),  # an updated date before applying does not hide the later one
        (-3, -3, -3),
    ],
)
def test_the_last_change_is_the_later_of_applied_and_updated(
    applied: int | None, updated: int | None, last: int | None
) -> None:
    assert last_change(application(applied=applied, updated=updated)) == day(last)


def due_soon(records: list[Any], today: dt.date) -> list[Any]:
    """The applications whose next step the one rule of "due" lists, in its order."""
    kb = KnowledgeBase(applications={record.slug: record for record in records})
    return [r.application for r in due(kb, Settings(), today) if r.kind == "next-step"]


@pytest.mark.parametrize(
    ("next_date", "due"),
    [
        (None, False),
        (-30, True),  # overdue stays due until it is done
        (-1, True),
        (0, True),
        (DUE_WITHIN_DAYS - 1, True),
        (DUE_WITHIN_DAYS, True),
        (DUE_WITHIN_DAYS + 1, False),
    ],
)
def test_a_next_step_is_due_from_overdue_to_the_end_of_the_window(next_date: int | None, due: bool) -> None:
    record = application(next_date=next_date, next_step="call")
    assert due_soon([record], TODAY) == ([record] if due else [])


@pytest.mark.parametrize("status", STATUSES)
def test_only_open_applications_have_steps_due(status: str) -> None:
    record = application(status=status, next_date=1)
    assert due_soon([record], TODAY) == ([] if status in CLOSED_STATUSES else [record])


@pytest.mark.parametrize("status", [None, ""])
def test_an_application_without_a_status_can_have_a_step_due(status: str | None) -> None:
    record = application(status=status, next_date=1)
    assert due_soon([record], TODAY) == [record]


def test_what_is_due_comes_soonest_first_then_by_application() -> None:
    later = application(slug="c", next_date=5)
    b = application(slug="b", next_date=1)
    a = application(slug="a", next_date=1)
    overdue = application(slug="z", next_date=-2)
    assert due_soon([later, b, a, overdue], TODAY) == [overdue, a, b, later]


@pytest.mark.parametrize(
    ("record", "status", "next_step", "next_date", "values"),
    [
        (None, "saved", None, None, {"status": "saved", "updated": TODAY}),
        (None, "applied", None, None, {"status": "applied", "updated": TODAY, "applied": TODAY}),
        (application(applied=None), "applied", None, None, {"status": "applied", "updated": TODAY, "applied": TODAY}),
        (application(applied=-9), "applied", None, None, {"status": "applied", "updated": TODAY}),
        (application(applied=None), "screening", None, None, {"status": "screening", "updated": TODAY}),
        (
            None,
            "interviewing",
            "onsite",
            day(3),
            {"status": "interviewing", "updated": TODAY, "next_step": "onsite", "next_date": day(3)},
        ),
        (None, "offer", "", None, {"status": "offer", "updated": TODAY, "next_step": ""}),
    ],
)
def test_a_status_change_sets_the_day_and_the_first_day_of_applying(
    record: Application | None, status: str, next_step: str | None, next_date: dt.date | None, values: dict
) -> None:
    assert status_change(record, status, TODAY, next_step, next_date).values == values


def _with_meta(record: Application, **meta: object) -> Application:
    record.doc = Document(path="a.md", folder="applications", slug="a", meta=meta, body="", body_line=1)
    return record


@pytest.mark.parametrize(
    ("record", "events"),
    [
        (None, [{"date": TODAY, "status": "screening"}]),
        (
            application(status="screening", applied=-9, updated=-3),
            [
                {"date": day(-9), "status": "applied"},
                {"date": day(-3), "status": "screening"},
                {"date": TODAY, "status": "interviewing"},
            ],
        ),
        (
            application(status="applied", applied=-9, updated=-9),
            [{"date": day(-9), "status": "applied"}, {"date": TODAY, "status": "interviewing"}],
        ),
        (application(status="saved", updated=None), [{"date": TODAY, "status": "interviewing"}]),
    ],
)
def test_a_file_that_predates_events_keeps_what_it_recorded_as_events(
    record: Application | None, events: list[dict]
) -> None:
    status = "screening" if record is None else "interviewing"
    assert status_change(record, status, TODAY).events == events


def test_a_file_with_events_gets_only_the_new_one_and_its_note() -> None:
    record = application(status="applied", applied=-9)
    record.events = [Recorded(date=day(-9) or TODAY, kind="status", status="applied", number=1)]
    change = status_change(record, "screening", TODAY, note="recruiter called")
    assert change.events == [{"date": TODAY, "status": "screening", "note": "recruiter called"}]
    assert last_status_change(record) == record.events[0]
    assert last_status_change(application()) is None and last_status_change(None) is None


def test_the_last_change_of_status_is_the_latest_by_date_not_any_later_event() -> None:
    record = application(status="screening", applied=-9)
    record.events = [
        Recorded(date=day(-9) or TODAY, kind="status", status="applied", number=1),
        Recorded(date=day(-2) or TODAY, kind="status", status="screening", number=2),
        Recorded(date=day(4) or TODAY, kind="round", round="technical", number=3),
    ]
    assert last_status_change(record) == record.events[1]


@pytest.mark.parametrize(
    ("record", "status", "next_step", "cleared"),
    [
        (
            application(status="applied", next_step="screen", next_date=-1),
            "screening",
            None,
            ["next_step", "next_date"],
        ),
        (application(status="applied", next_step="screen", next_date=0), "screening", None, ["next_step", "next_date"]),
        (application(status="applied", next_step="onsite", next_date=1), "screening", None, []),
        (application(status="applied", next_step="screen", next_date=-1), "applied", None, []),
        (application(status="applied", next_step="screen", next_date=-1), "screening", "call back", ["next_date"]),
        (application(status="applied", next_step="write"), "screening", None, ["next_step"]),
    ],
)
def test_a_next_step_the_change_passed_is_cleared(
    record: Application, status: str, next_step: str | None, cleared: list[str]
) -> None:
    meta = {k: v for k, v in (("next_step", record.next_step), ("next_date", record.next_date)) if v is not None}
    assert status_change(_with_meta(record, **meta), status, TODAY, next_step).cleared == cleared
