"""`roledex calendar`: an RFC 5545 file any calendar reads back without loss, and never in a
published build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import build_site, invoke, make_site
from icalendar import Calendar
from roledex.facts.calendar import calendar, uid
from roledex.kb.model import Application, Company, Contact, Event, KnowledgeBase, Posting
from roledex.kb.settings import Settings
from roledex.kb.source import Document

NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


def _doc(folder: str, slug: str) -> Document:
    return Document(path=f"{folder}/{slug}.md", folder=folder, slug=slug, meta={}, body="", body_line=1)


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.companies = {"acme": Company(slug="acme", doc=_doc("companies", "acme"), name="Acme, Inc.")}
    kb.postings = {
        "acme-dev": Posting(
            slug="acme-dev", doc=_doc("postings", "acme-dev"), company="acme", title="Developer; Backend"
        ),
        "acme-old": Posting(
            slug="acme-old", doc=_doc("postings", "acme-old"), company="acme", title="Old", closes=dt.date(2026, 12, 1)
        ),
    }
    events = [
        Event(dt.date(2026, 11, 2), "status", "applied", number=1),
        Event(
            dt.date(2026, 11, 30),
            "round",
            round="system-design",
            time="14:30 Europe/London",
            minutes=90,
            contacts=("jo",),
            number=2,
        ),
        Event(dt.date(2026, 12, 3), "round", round="final", number=3),
    ]
    kb.applications = {
        "acme-dev": Application(
            slug="acme-dev",
            doc=_doc("applications", "acme-dev"),
            posting="acme-dev",
            status="interviewing",
            applied=dt.date(2026, 11, 2),
            next_step="Send references",
            next_date=dt.date(2026, 11, 27),
            events=events,
        ),
        "acme-old": Application(
            slug="acme-old", doc=_doc("applications", "acme-old"), posting="acme-old", status="rejected"
        ),
    }
    kb.contacts = {
        "jo": Contact(slug="jo", doc=_doc("contacts", "jo"), name="Jo Park", next_follow_up=dt.date(2026, 12, 5))
    }
    return kb


@pytest.fixture(scope="module")
def ics() -> bytes:
    return calendar(_kb(), Settings(interview_alarm_minutes=45), NOW)


def _events(content: bytes) -> dict[str, object]:
    return {str(e["summary"]): e for e in Calendar.from_ical(content).walk("VEVENT")}


def test_lines_end_in_crlf_and_fold_at_75_octets(ics: bytes) -> None:
    assert ics.endswith(b"\r\n") and b"\n" not in ics.replace(b"\r\n", b"")
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75
    assert ics.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//roledex//job search//EN\r\n")


def test_every_event_has_a_uid_a_stamp_a_start_and_an_end(ics: bytes) -> None:
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert len(events) == 4
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert key in event, (event["SUMMARY"], key)
        assert event.decoded("DTSTAMP") == NOW


def test_a_round_with_a_time_is_timed_in_its_zone_with_an_alarm(ics: bytes) -> None:
    event = _events(ics)["Interview (system design): Developer; Backend at Acme, Inc."]
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 30, 14, 30, tzinfo=ZoneInfo("Europe/London"))
    assert event.decoded("DTEND") - start == dt.timedelta(minutes=90)
    assert "TZID=Europe/London" in ics.decode().replace("\r\n ", "")
    assert str(event["DESCRIPTION"]) == "With Jo Park"
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(minutes=-45) and str(alarm["ACTION"]) == "DISPLAY"
    assert "BEGIN:VTIMEZONE" in ics.decode()


@pytest.mark.parametrize(
    ("summary", "day"),
    [
        ("Interview (final): Developer; Backend at Acme, Inc.", dt.date(2026, 12, 3)),
        ("Next: Send references (Developer; Backend at Acme, Inc.)", dt.date(2026, 11, 27)),
        ("Get back to Jo Park", dt.date(2026, 12, 5)),
    ],
)
def test_a_day_without_a_time_is_all_day_with_an_exclusive_end(ics: bytes, summary: str, day: dt.date) -> None:
    event = _events(ics)[summary]
    assert event.decoded("DTSTART") == day and event.decoded("DTEND") == day + dt.timedelta(days=1)
    assert "VALUE=DATE" in event.to_ical().decode()
    assert not event.walk("VALARM")


def test_a_closed_applications_posting_brings_no_closing_date(ics: bytes) -> None:
    assert not any(s.startswith("Applications close") for s in _events(ics))
    kb = _kb()
    kb.applications["acme-old"].status = "preparing"
    assert "Applications close: Old at Acme, Inc." in _events(calendar(kb, Settings(), NOW))


def test_uids_are_stable_and_reveal_nothing(ics: bytes) -> None:
    again = calendar(_kb(), Settings(), NOW + dt.timedelta(days=3))
    first = {str(e["UID"]) for e in Calendar.from_ical(ics).walk("VEVENT")}
    assert first == {str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")}
    assert len(first) == 4 and all(u.endswith("@roledex.invalid") for u in first)
    assert not any(word in u for u in first for word in ("acme", "dev", "jo", "round"))
    assert uid("round", "a", 1) != uid("round", "a", 2)


def test_a_follow_up_is_in_the_calendar() -> None:
    kb = _kb()
    kb.applications["acme-dev"] = Application(
        slug="acme-dev",
        doc=_doc("applications", "acme-dev"),
        posting="acme-dev",
        status="applied",
        applied=dt.date(2026, 11, 20),
    )
    event = _events(calendar(kb, Settings(), NOW))["Follow up: Developer; Backend at Acme, Inc."]
    assert event.decoded("DTSTART") == dt.date(2026, 11, 27)


# --- the command, and a build ---


def _site(tmp_path: Path) -> Path:
    docs = make_site(tmp_path)
    application = docs / "applications" / "etsy-engineering-manager-ml-for-growth.md"
    text = application.read_text(encoding="utf-8").replace(
        "status: preparing\n",
        "status: interviewing\nevents:\n  - date: 2026-11-30\n    round: technical\n"
        '    time: "10:00 America/New_York"\n',
    )
    application.write_text(text, encoding="utf-8")
    return docs


def test_roledex_calendar_prints_writes_and_never_overwrites(tmp_path: Path) -> None:
    _site(tmp_path)
    printed = invoke("calendar", cwd=tmp_path)
    assert printed.returncode == 0, printed.stderr
    assert "Interview (technical)" in printed.stdout.replace("\r\n ", "")
    written = invoke("calendar", "--output", "search.ics", cwd=tmp_path)
    assert written.returncode == 0 and written.stdout == "wrote search.ics: 1 events\n"
    assert (tmp_path / "search.ics").stat().st_mode & 0o077 == 0
    again = invoke("calendar", "--output", "search.ics", cwd=tmp_path)
    assert again.returncode == 1 and again.stderr == "roledex calendar: search.ics exists; --force overwrites it\n"
    assert invoke("calendar", "--output", "search.ics", "--force", cwd=tmp_path).returncode == 0
    inside = invoke("calendar", "--output", "docs/search.ics", cwd=tmp_path)
    assert inside.returncode == 2 and "is inside docs, which is published" in inside.stderr


def test_a_calendar_in_the_docs_folder_is_never_published(tmp_path: Path) -> None:
    docs = _site(tmp_path)
    (docs / "my-interviews.ics").write_bytes(calendar(_kb(), Settings(), NOW))
    (docs / "notes").mkdir()
    (docs / "notes" / "plain.txt").write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", encoding="utf-8")
    assert build_site(tmp_path).returncode == 0
    assert not (tmp_path / "site" / "my-interviews.ics").exists()
    checked = invoke("publish-check", "site", cwd=tmp_path)
    assert checked.returncode == 1
    assert "LEAK site/notes/plain.txt: text of notes/plain.txt: 'a calendar file'" in checked.stdout
    (tmp_path / "site" / "notes" / "plain.txt").unlink()
    assert invoke("publish-check", "site", cwd=tmp_path).returncode == 0
