"""An application's story: events in date order, else what Git recorded, else its dates; the
next round; Git's log read as status changes."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from roledex.facts.history import RecordedChange, parse_log, status_history
from roledex.facts.timeline import FROM_DATES, FROM_GIT, Moment, next_round, timeline
from roledex.kb.model import Application, Event
from roledex.kb.source import Document

DOC = Document(path="a.md", folder="applications", slug="a", meta={}, body="", body_line=1)
DAY = dt.date(2026, 11, 25)


def test_events_make_the_timeline_in_date_order() -> None:
    later = Event(DAY, "round", round="technical", outcome="passed", number=2)
    first = Event(DAY - dt.timedelta(days=3), "status", status="applied", number=1)
    application = Application(slug="a", doc=DOC, events=[later, first])
    assert [m.describe() for m in timeline(application)] == ["moved to applied", "technical round (passed)"]


def test_without_events_git_history_tells_the_story_then_the_dates() -> None:
    application = Application(slug="a", doc=DOC, status="screening", applied=DAY, updated=DAY + dt.timedelta(days=2))
    history = [RecordedChange(DAY, "applied", "abc"), RecordedChange(DAY, "screening", "def")]
    assert [(m.status, m.source) for m in timeline(application, history)] == [
        ("applied", FROM_GIT),
        ("screening", FROM_GIT),
    ]
    assert [(m.status, m.source) for m in timeline(application)] == [("applied", FROM_DATES), ("screening", FROM_DATES)]
    assert timeline(Application(slug="a", doc=DOC, status="saved")) == []


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (Moment(DAY, "status", "offer"), "moved to offer"),
        (Moment(DAY, "status"), "status change"),
        (Moment(DAY, "round", round="system-design"), "system design round"),
        (Moment(DAY, "round"), "interview round"),
        (Moment(DAY, "follow-up"), "you followed up"),
        (Moment(DAY, "reply", "rejected"), "they replied; moved to rejected"),
        (Moment(DAY, "note"), "note"),
    ],
)
def test_each_moment_in_words(moment: Moment, words: str) -> None:
    assert moment.describe() == words


def test_the_next_round_is_the_first_not_yet_held() -> None:
    rounds = [
        Event(DAY - dt.timedelta(days=1), "round", round="technical", number=1),
        Event(DAY + dt.timedelta(days=5), "round", round="final", number=3),
        Event(DAY + dt.timedelta(days=2), "round", round="onsite", outcome="cancelled", number=2),
        Event(DAY, "round", round="hiring-manager", time="09:00 UTC", outcome="scheduled", number=4),
    ]
    application = Application(slug="a", doc=DOC, events=rounds)
    assert next_round(application, DAY) == rounds[3]
    assert next_round(application, DAY + dt.timedelta(days=1)) == rounds[1]
    assert next_round(application, DAY + dt.timedelta(days=6)) is None


LOG = (
    "\x00commit 3333333333333333 2026-11-10\n\ndiff --git a/x b/x\n@@ -2 +2 @@\n"
    "-status: screening\n+status: interviewing\n"
    "\x00commit 2222222222222222 2026-11-05\n\n@@ -2 +2 @@\n-status: applied\n+status: 'screening'  # call\n"
    "\x00commit 1111111111111111 2026-11-02\n\n@@ -0,0 +1,3 @@\n+---\n+status: applied\n+posting: p\n"
    "\x00commit 0000000000000000 not-a-date\n\n+status: offer\n"
)


def test_git_log_is_read_as_status_changes_oldest_first() -> None:
    assert parse_log(LOG) == [
        RecordedChange(dt.date(2026, 11, 2), "applied", "111111111111"),
        RecordedChange(dt.date(2026, 11, 5), "screening", "222222222222"),
        RecordedChange(dt.date(2026, 11, 10), "interviewing", "333333333333"),
    ]
    moved_only = "\x00commit 5 2026-11-12\n\n-status: interviewing\n+status: interviewing\n"
    assert parse_log(moved_only + LOG)[-1].date == dt.date(2026, 11, 10)
    assert parse_log("") == [] and parse_log("\x00commit x\n+status: offer\n") == []
    assert parse_log("\x00commit 9 2026-11-12\n\n+status: pending\n") == []


def test_status_history_asks_git_and_is_empty_outside_a_repository(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    assert status_history(path) == []
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for day, status in (("2026-11-02", "applied"), ("2026-11-05", "screening")):
        path.write_text(f"---\nstatus: {status}\n---\n", encoding="utf-8")
        subprocess.run(["git", "add", "a.md"], cwd=tmp_path, check=True)
        env = {"GIT_COMMITTER_DATE": f"{day}T12:00:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00", "PATH": "/usr/bin:/bin"}
        subprocess.run([*git, "commit", "-q", "-m", status], cwd=tmp_path, check=True, env=env)
    assert [(c.date.isoformat(), c.status) for c in status_history(path)] == [
        ("2026-11-02", "applied"),
        ("2026-11-05", "screening"),
    ]
