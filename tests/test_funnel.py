"""The funnel counts the furthest stage ever reached, gives n with every rate and no rate under
five, keeps ghosting apart from rejection, and counts applications still waiting."""

from __future__ import annotations

import datetime as dt

import pytest
from roledex.facts.funnel import MIN_FOR_RATE, Rate, first_answer, funnel, furthest_stage, km_median
from roledex.facts.timeline import Moment, timeline
from roledex.kb.model import Application, Event
from roledex.kb.settings import Settings
from roledex.kb.source import Document

TODAY = dt.date(2026, 11, 25)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def status(offset: int, name: str) -> Moment:
    return Moment(day(offset), "status", name)


@pytest.mark.parametrize(
    ("moments", "stage"),
    [
        ([], None),
        ([status(-9, "saved")], None),
        ([status(-9, "applied")], 0),
        ([status(-9, "applied"), status(-5, "interviewing"), status(-1, "rejected")], 2),
        ([status(-9, "applied"), Moment(day(-3), "round", round="technical"), status(-1, "rejected")], 2),
        ([status(-9, "offer"), status(-1, "withdrawn")], 3),
        ([status(-9, "accepted")], 4),
    ],
)
def test_the_furthest_stage_ever_reached_counts_not_the_status_now(moments: list[Moment], stage: int | None) -> None:
    assert furthest_stage(moments) == stage


@pytest.mark.parametrize(
    ("rate", "share", "words"),
    [
        (Rate(2, MIN_FOR_RATE - 1), None, "2 of 4 (too few for a rate)"),
        (Rate(2, MIN_FOR_RATE), 0.4, "2 of 5 (40%)"),
        (Rate(0, 0), None, "0 of 0 (too few for a rate)"),
    ],
)
def test_a_rate_carries_its_n_and_no_share_below_five(rate: Rate, share: float | None, words: str) -> None:
    assert rate.share == share and rate.describe() == words


@pytest.mark.parametrize(
    ("observations", "median"),
    [
        ([(1, True), (2, True), (3, True)], 2),
        ([(1, True), (2, False), (3, True), (4, False)], 3),
        ([(1, True), (2, False), (3, False)], None),
        ([(5, True), (5, True), (9, False), (9, False)], 5),
        ([], None),
    ],
)
def test_time_to_an_answer_counts_those_still_waiting(observations: list[tuple[int, bool]], median: int | None) -> None:
    assert km_median(observations) == median


def test_an_answer_is_a_reply_a_round_or_a_move_only_the_company_makes() -> None:
    assert first_answer([status(-9, "applied"), Moment(day(-4), "follow-up")], day(-9)) is None
    assert first_answer([status(-9, "applied"), Moment(day(-4), "reply")], day(-9)) == day(-4)
    assert first_answer([status(-9, "applied"), status(-2, "rejected"), status(-6, "screening")], day(-9)) == day(-6)
    assert first_answer([status(-9, "withdrawn")], day(-10)) is None


def _application(slug: str, source: str | None, *events: tuple[int, str, str | None]) -> Application:
    doc = Document(path=f"{slug}.md", folder="applications", slug=slug, meta={}, body="", body_line=1)
    recorded = [
        Event(day(offset), kind, state, round="technical" if kind == "round" else None, number=n)
        for n, (offset, kind, state) in enumerate(events, 1)
    ]
    current = next((state for _, _, state in reversed(events) if state), None)
    applied = next((day(o) for o, _, s in events if s == "applied"), None)
    return Application(
        slug=slug, doc=doc, posting=slug, status=current, applied=applied, source=source, events=recorded
    )


APPLICATIONS = [
    _application(
        "a",
        "referral",
        (-40, "status", "applied"),
        (-35, "status", "screening"),
        (-30, "round", None),
        (-20, "status", "rejected"),
    ),
    _application("b", "referral", (-20, "status", "applied"), (-18, "reply", None), (-10, "status", "offer")),
    _application("c", "job-board", (-50, "status", "applied")),
    _application("d", "job-board", (-10, "status", "applied")),
    _application("e", None, (-12, "status", "applied"), (-2, "status", "withdrawn")),
    _application("f", "job-board", (-5, "status", "saved")),
]


def test_the_funnel_of_a_search() -> None:
    found = funnel(APPLICATIONS, lambda a: timeline(a), Settings(), TODAY)
    assert found.sent == 5
    assert [(stage, rate.count, rate.total) for stage, rate in found.stages] == [
        ("applied", 5, 5),
        ("screening", 2, 5),
        ("interviewing", 2, 5),
        ("offer", 1, 5),
        ("accepted", 0, 5),
    ]
    assert (found.rejected, found.withdrawn, found.ghosted, found.waiting) == (1, 1, 1, 1)
    assert [(s, r.count, r.total) for s, r in found.by_source] == [
        ("referral", 2, 2),
        ("job-board", 0, 2),
        ("not recorded", 0, 1),
    ]
    assert found.answered == 2
    assert found.median_days_to_answer is None  # 2 of 5 answered: the median is not known yet


def test_km_median_multiplies_survival_across_distinct_times() -> None:
    assert km_median([(1, True), (4, True), (6, True), (8, True)]) == 4
    assert km_median([(3, True), (3, False), (5, True), (7, True)]) == 5


def test_an_answer_on_the_day_of_applying_counts() -> None:
    assert first_answer([status(-9, "applied"), Moment(day(-9), "round")], day(-9)) == day(-9)
    assert first_answer([Moment(day(-10), "reply"), status(-9, "applied")], day(-9)) is None


def test_days_between_stages_count_those_still_in_a_stage() -> None:
    stories = {
        "a": [(-20, "status", "applied"), (-17, "status", "screening"), (-12, "status", "interviewing")],
        "b": [(-20, "status", "applied"), (-15, "status", "screening"), (-14, "status", "rejected")],
        "c": [(-20, "status", "applied")],
    }
    applications = [_application(slug, None, *events) for slug, events in stories.items()]
    for application in applications:
        application.applied = None  # the day of applying comes from the events alone
    found = funnel(applications, lambda a: timeline(a), Settings(), TODAY)
    assert found.stage_days == [("applied", 5, 3), ("screening", 5, 2), ("interviewing", None, 1), ("offer", None, 0)]
    assert found.median_days_to_answer == 5 and found.answered == 2
