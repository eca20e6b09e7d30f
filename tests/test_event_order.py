"""Events in the order they happened: a round planned ahead is a plan, not a fence. An event
recorded after it but dated before it goes in by date, the check holds order by date, and no
normal week needs --force or hand-editing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from conftest import invoke, make_site, plan_a_round
from roledex.kb.load import read_knowledge_base
from roledex.kb.schema import APPLICATION
from roledex.kb.source import read_document
from roledex.kb.status_edit import append_entry, place_by_date, set_item_keys

P = "etsy-engineering-manager-ml-for-growth"
TODAY = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)


def _dates(root: Path) -> list[tuple[str, str]]:
    path = root / "docs" / "applications" / f"{P}.md"
    doc, _ = read_document(str(path), "applications", P, path.read_bytes())
    assert doc is not None
    return [(str(e["date"]), str(e.get("kind") or e.get("status"))) for e in doc.meta["events"]]


def test_a_thank_you_sent_yesterday_goes_before_the_round_planned_in_four_days(tmp_path: Path) -> None:
    make_site(tmp_path)
    with time_machine.travel(TODAY, tick=False):
        steps = [
            ("status", P, "applied", "--date", "2026-12-01"),
            ("event", P, "round", "--round", "technical", "--date", "2026-12-10", "--outcome", "scheduled"),
            ("event", P, "note", "--date", "2026-12-05", "--note", "sent a thank-you note"),
            ("status", P, "interviewing", "--date", "2026-12-06"),
            ("event", P, "follow-up", "--date", "2026-12-06"),
        ]
        for step in steps:
            result = invoke(*step, cwd=tmp_path)
            assert result.returncode == 0, (step, result.stderr)
            checked = invoke("check", cwd=tmp_path)
            assert checked.returncode == 0 and "events" not in checked.stdout, (step, checked.stdout)
    assert _dates(tmp_path) == [
        ("2026-12-01", "applied"),
        ("2026-12-05", "note"),
        ("2026-12-06", "interviewing"),
        ("2026-12-06", "follow-up"),  # the same day: after what was written before it
        ("2026-12-10", "round"),
    ]
    application = read_knowledge_base(tmp_path / "docs").kb.applications[P]
    assert application.status == "interviewing"


TEXT = (
    "---\nposting: p\nevents:\n  - date: 2026-11-02\n    status: applied\n  - date: 2026-11-10\n    kind: note\n---\n"
)


@pytest.mark.parametrize(
    ("day", "position"),
    [("2026-11-01", 0), ("2026-11-02", 1), ("2026-11-05", 1), ("2026-11-10", None), ("2026-11-11", None)],
    ids=["before all", "the first's day", "between", "the last's day", "after all"],
)
def test_an_entry_goes_before_the_first_dated_after_it(day: str, position: int | None) -> None:
    entry = {"date": dt.date.fromisoformat(day), "kind": "reply"}
    assert place_by_date(TEXT, "events", entry) == position
    edited = append_entry(TEXT, "events", entry, APPLICATION, position)
    doc, _ = read_document("a.md", "applications", "p", edited.encode())
    assert doc is not None
    dates = [str(e["date"]) for e in doc.meta["events"]]
    assert dates == sorted(dates) and len(dates) == 3


def test_events_written_out_of_order_are_read_by_date_and_pass_the_check(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    path = docs / "applications" / f"{P}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "status: preparing\n",
            "status: screening\napplied: 2026-11-02\nevents:\n  - date: 2026-11-10\n    status: screening\n"
            "  - date: 2026-11-02\n    status: applied\n",
        ),
        encoding="utf-8",
    )
    application = read_knowledge_base(docs).kb.applications[P]
    assert [(e.date.isoformat(), e.number) for e in application.events] == [("2026-11-02", 2), ("2026-11-10", 1)]
    checked = invoke("check", cwd=tmp_path)
    assert checked.returncode == 0 and checked.stderr.startswith("roledex check: 0 errors, 0 warnings"), checked.stdout


def _planned(tmp_path: Path) -> Path:
    make_site(tmp_path)
    plan_a_round(tmp_path, P)
    with time_machine.travel(TODAY, tick=False):
        assert (
            invoke(
                "event", P, "note", "--date", "2026-12-05", "--note", "sent a thank-you note", cwd=tmp_path
            ).returncode
            == 0
        )
    return tmp_path / "docs" / "applications" / f"{P}.md"


@pytest.mark.parametrize(
    "how",
    [["--date", "2026-12-10"], ["--date", "2026-12-10", "--round", "technical"], ["--number", "3"]],
    ids=["by its date", "by its date and kind", "by its number"],
)
def test_a_planned_round_becomes_a_held_one_when_its_outcome_is_recorded(tmp_path: Path, how: list[str]) -> None:
    path = _planned(tmp_path)
    before = path.read_text(encoding="utf-8")
    result = invoke("event", P, "round", "--outcome", "passed", *how, "--note", "went well", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout == f"updated docs/applications/{P}.md: events.3 technical round of 2026-12-10: outcome passed\n"
    )
    after = path.read_text(encoding="utf-8")
    assert after.count("round: technical") == 1 and "outcome: passed" in after and "outcome: scheduled" not in after
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # the note; the outcome changed in place
    application = read_knowledge_base(tmp_path / "docs").kb.applications[P]
    [held] = application.rounds
    assert (held.outcome, held.note, held.time) == ("passed", "went well", "14:30 Europe/London")
    assert invoke("check", cwd=tmp_path).returncode == 0


def test_an_outcome_for_no_planned_round_says_what_to_give(tmp_path: Path) -> None:
    path = _planned(tmp_path)
    before = path.read_bytes()
    nothing = invoke("event", P, "round", "--outcome", "passed", "--date", "2026-12-11", cwd=tmp_path)
    assert nothing.returncode == 2 and "no round planned on 2026-12-11" in nothing.stderr
    not_round = invoke("event", P, "round", "--outcome", "passed", "--number", "2", cwd=tmp_path)  # the note
    assert not_round.returncode == 2 and f"events.2 of {P} is not a round" in not_round.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "edited"),
    [
        (
            "---\nevents:\n  - date: 2026-12-10\n    round: onsite\n    outcome: scheduled  # booked\n---\nBody\n",
            "---\nevents:\n  - date: 2026-12-10\n    round: onsite\n    outcome: passed  # booked\n---\nBody\n",
        ),
        (
            "---\nevents:\n  - date: 2026-12-10\n    round: onsite\nstatus: applied\n---\n",
            "---\nevents:\n  - date: 2026-12-10\n    round: onsite\n    outcome: passed\nstatus: applied\n---\n",
        ),
        (
            "---\r\nevents:\r\n-   date: 2026-12-10\r\n    round: onsite\r\n---\r\n",
            "---\r\nevents:\r\n-   date: 2026-12-10\r\n    round: onsite\r\n    outcome: passed\r\n---\r\n",
        ),
    ],
    ids=["a key it has, its comment kept", "a key it lacks, before the next key", "its own layout and line ends"],
)
def test_a_key_of_one_item_is_set_in_place(text: str, edited: str) -> None:
    assert set_item_keys(text, "events", 0, {"outcome": "passed"}) == edited
