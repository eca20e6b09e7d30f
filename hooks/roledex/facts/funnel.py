"""An honest funnel: how far applications got, how often and how fast companies answer.

Counted from each application's story (events, else Git history, else its dates), never from
its current status alone: an application that went applied, interviewing, rejected reached
interviewing. A rate is given with its n and only from `MIN_FOR_RATE` applications up; time
to an answer is a Kaplan-Meier median, so applications still waiting count for the days they
have waited instead of being left out (which would make companies look faster than they are).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from roledex.facts.reminders import ANSWERED_STATUSES, ghosted
from roledex.facts.timeline import Moment
from roledex.kb.model import Application
from roledex.kb.schema import APPLICATION_SOURCES
from roledex.kb.settings import Settings

STAGES = ("applied", "screening", "interviewing", "offer", "accepted")
"""The stages of the funnel, in order; reaching one means having reached those before it."""
MIN_FOR_RATE = 5
"""Below this many applications a rate says more about chance than about the search."""


def furthest_stage(moments: Iterable[Moment]) -> int | None:
    """The index in STAGES of the furthest stage the story reached (a round is interviewing),
    or None for an application never sent."""
    reached = -1
    for moment in moments:
        if moment.status in STAGES:
            reached = max(reached, STAGES.index(moment.status))
        if moment.kind == "round":
            reached = max(reached, STAGES.index("interviewing"))
    return reached if reached >= 0 else None


def _applied_on(application: Application, moments: list[Moment]) -> dt.date | None:
    days = [m.date for m in moments if m.status == "applied"]
    return application.applied or (min(days) if days else None)


def first_answer(moments: Iterable[Moment], applied: dt.date) -> dt.date | None:
    """The day the company first answered: a reply, or a move only they make."""
    days = [
        m.date
        for m in moments
        if m.date >= applied and (m.kind in ("reply", "round") or (m.status or "") in ANSWERED_STATUSES)
    ]
    return min(days) if days else None


@dataclass(frozen=True)
class Rate:
    """`count` of `total`, and the share only when `total` is large enough to mean something."""

    count: int
    total: int

    @property
    def share(self) -> float | None:
        return self.count / self.total if self.total >= MIN_FOR_RATE else None

    def describe(self) -> str:
        share = self.share
        shown = f"{self.count} of {self.total}"
        return shown + (f" ({share:.0%})" if share is not None else " (too few for a rate)")


def km_median(observations: Iterable[tuple[int, bool]]) -> int | None:
    """The Kaplan-Meier median of (days, answered) pairs; an unanswered pair is censored at its
    days. None while fewer than half are answered."""
    data = sorted(observations)
    at_risk, survival = len(data), 1.0
    index = 0
    while index < len(data):
        days = data[index][0]
        same = [answered for d, answered in data[index:] if d == days]
        events = sum(same)
        if events:
            survival *= 1 - events / at_risk
            if survival <= 0.5:
                return days
        at_risk -= len(same)
        index += len(same)
    return None


@dataclass(frozen=True)
class Funnel:
    sent: int
    stages: list[tuple[str, Rate]]
    rejected: int
    withdrawn: int
    ghosted: int
    waiting: int
    by_source: list[tuple[str, Rate]]
    median_days_to_answer: int | None
    answered: int
    stage_days: list[tuple[str, int | None, int]]
    """(stage, median days from entering it to the next stage, applications that entered it)."""


def _stage_days(stories: list[list[Moment]], today: dt.date) -> list[tuple[str, int | None, int]]:
    found = []
    for stage, following in zip(STAGES[:-1], STAGES[1:], strict=True):
        observations = []
        for moments in stories:
            entered = [m.date for m in moments if m.status == stage]
            if not entered:
                continue
            start = min(entered)
            later = [m.date for m in moments if m.date >= start and m.status in STAGES[STAGES.index(following) :]]
            ended = [m.date for m in moments if m.date >= start and m.status in ("rejected", "withdrawn", "closed")]
            if later:
                observations.append(((min(later) - start).days, True))
            elif ended:
                observations.append(((min(ended) - start).days, False))
            else:
                observations.append(((today - start).days, False))
        found.append((stage, km_median(observations), len(observations)))
    return found


def funnel(
    applications: Iterable[Application],
    story: Callable[[Application], list[Moment]],
    settings: Settings,
    today: dt.date,
) -> Funnel:
    """The funnel of every application that was sent."""
    sent: list[tuple[Application, list[Moment], int]] = []
    for application in applications:
        moments = story(application)
        stage = furthest_stage(moments)
        if stage is not None:
            sent.append((application, moments, stage))
    total = len(sent)
    stages = [(name, Rate(sum(1 for _, _, s in sent if s >= i), total)) for i, name in enumerate(STAGES)]
    observations, by_source = [], []
    answered_count = 0
    responded: dict[str, list[bool]] = {}
    for application, moments, _ in sent:
        applied = _applied_on(application, moments)
        answer = first_answer(moments, applied) if applied else None
        if applied is not None:
            end = answer or today
            observations.append(((end - applied).days, answer is not None))
        answered_count += answer is not None
        responded.setdefault(application.source or "not recorded", []).append(answer is not None)
    for source in (*APPLICATION_SOURCES, "not recorded"):
        if source in responded:
            answers = responded[source]
            by_source.append((source, Rate(sum(answers), len(answers))))
    return Funnel(
        sent=total,
        stages=stages,
        rejected=sum(1 for a, _, _ in sent if a.status == "rejected"),
        withdrawn=sum(1 for a, _, _ in sent if a.status == "withdrawn"),
        ghosted=sum(1 for a, _, _ in sent if ghosted(a, settings, today)),
        waiting=sum(1 for a, m, _ in sent if a.status == "applied" and not ghosted(a, settings, today)),
        by_source=by_source,
        median_days_to_answer=km_median(observations),
        answered=answered_count,
        stage_days=_stage_days([m for _, m, _ in sent], today),
    )
