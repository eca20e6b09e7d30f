"""Rules at their edges, one table each: every pay unit the reader accepts, both signs of a
time zone's offset, the first and last characters a slug allows, a day either side of a
command line's guard, and each clause of the privacy rule for a person on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.check.published import judge_privacy
from roledex.facts.privacy import public_view
from roledex.importer.money import choose_salary
from roledex.kb.load import read_knowledge_base
from roledex.kb.text import is_slug, parse_time


@pytest.mark.parametrize(
    ("words", "period"),
    [
        ("$40 - $60 per hour", "hour"),
        ("$40 - $60 an hour", "hour"),
        ("$40 - $60 /hr", "hour"),
        ("$40 - $60 hourly", "hour"),
        ("$40 - $60 p/h", "hour"),
        ("$400 - $600 per day", "day"),
        ("$400 - $600 daily", "day"),
        ("$400 - $600 day rate", "day"),
        ("$2,000 - $3,000 per week", "week"),
        ("$2,000 - $3,000 weekly", "week"),
        ("$8,000 - $9,000 per month", "month"),
        ("$8,000 - $9,000 monthly", "month"),
        ("£8,000 - £9,000 pcm", "month"),
        ("$90,000 - $120,000 per year", "year"),
        ("$90,000 - $120,000 per annum", "year"),
        ("$90,000 - $120,000 annually", "year"),
        ("$90,000 - $120,000 a year", "year"),
        ("€90.000 - €120.000 pro Jahr", "year"),
        ("€4.000 - €5.000 pro Monat", "month"),
        ("€30 - €40 pro Stunde", "hour"),
        ("€400 - €500 par jour", "day"),
    ],
)
def test_every_pay_unit_written_as_words_gives_its_period(words: str, period: str) -> None:
    salary, _ = choose_salary(f"Pay: {words}.")
    assert salary is not None and salary.period == period and not salary.period_inferred


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ("14:30+01:00", dt.timedelta(hours=1)),
        ("14:30-01:00", dt.timedelta(hours=-1)),
        ("14:30-05:00", dt.timedelta(hours=-5)),
        ("14:30+05:30", dt.timedelta(hours=5, minutes=30)),
        ("14:30-03:30", dt.timedelta(hours=-3, minutes=-30)),
        ("14:30-23:59", -dt.timedelta(hours=23, minutes=59)),
        ("14:30+23:59", dt.timedelta(hours=23, minutes=59)),
        ("09:00Z", dt.timedelta(0)),
    ],
)
def test_a_time_keeps_the_sign_of_its_offset(written: str, offset: dt.timedelta) -> None:
    parsed = parse_time(written)
    assert parsed is not None
    assert parsed[1].utcoffset(dt.datetime(2026, 12, 1)) == offset


@pytest.mark.parametrize("written", ["14:30+24:00", "14:30-24:00", "24:00 Europe/London", "14:60Z", "14:30"])
def test_a_time_past_its_edges_or_without_a_zone_is_no_time(written: str) -> None:
    assert parse_time(written) is None


def test_west_of_utc_an_evening_round_is_the_next_morning_in_utc() -> None:
    parsed = parse_time("20:00 America/Los_Angeles")
    assert parsed is not None
    moment = dt.datetime.combine(dt.date(2026, 12, 1), parsed[0], tzinfo=parsed[1])
    assert moment.astimezone(dt.UTC) == dt.datetime(2026, 12, 2, 4, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("a", True),
        ("0", True),
        ("z9", True),
        ("a-b", True),
        ("a1-2b", True),
        ("-a", False),
        ("a-", False),
        ("a--b", False),
        ("A", False),
        ("a_b", False),
        ("a.b", False),
        ("", False),
        ("é", False),
        ("a b", False),
    ],
)
def test_a_slug_is_lowercase_letters_and_digits_joined_by_single_hyphens(text: str, slug: bool) -> None:
    assert is_slug(text) is slug


COMPANY = "---\nname: {name}\n{private}---\n\nWords.\n"
CONTACT = "---\nname: Jo Quietly\n{company}{private}---\n\nMet at a meetup.\n"


@pytest.mark.parametrize(
    ("company_private", "contact_company", "contact_private", "shown"),
    [
        (False, "acme", "private: false\n", True),
        (True, "acme", "private: false\n", False),  # a person at a private company
        (False, "acme", "", False),  # private by default
        (False, "acme", "private: true\n", False),
        (False, None, "private: false\n", True),  # no company: their own word decides
        (False, "nowhere", "private: false\n", False),  # a company not on record
    ],
)
def test_a_person_is_published_only_when_they_and_their_company_both_are(
    tmp_path: Path, company_private: bool, contact_company: str | None, contact_private: str, shown: bool
) -> None:
    docs = make_site(
        tmp_path,
        {
            "companies/acme.md": COMPANY.format(name="Acme", private="private: true\n" if company_private else ""),
            "contacts/jo-quietly.md": CONTACT.format(
                company=f"company: {contact_company}\n" if contact_company else "", private=contact_private
            ),
        },
    )
    kb = read_knowledge_base(docs).kb
    assert ("jo-quietly" in public_view(kb).kb.contacts) is shown
    assert ("contacts/jo-quietly.md" in judge_privacy(kb).shown_paths) is shown


POSTING = "etsy-engineering-manager-ml-for-growth"


@pytest.mark.parametrize(
    ("day", "refused"),
    [("2026-11-19", True), ("2026-11-20", False), ("2026-11-21", False)],
    ids=["a day before the last change", "the day of the last change", "a day after"],
)
@pytest.mark.parametrize("command", ["status"])
def test_a_status_dated_before_the_last_change_of_status_is_refused_and_no_later_day(
    tmp_path: Path, day: str, refused: bool, command: str
) -> None:
    docs = make_site(tmp_path)
    path = docs / "applications" / f"{POSTING}.md"
    text = path.read_text(encoding="utf-8").replace(
        "status: preparing\n",
        "status: applied\napplied: 2026-11-20\nevents:\n  - date: 2026-11-20\n    status: applied\n",
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    args = ["screening"] if command == "status" else ["note", "--note", "x"]
    result = invoke(command, POSTING, *args, "--date", day, cwd=tmp_path)
    assert (result.returncode == 1) is refused, result.stderr
    assert (path.read_bytes() == before) is refused
    if refused:
        assert "is before the last change of status" in result.stderr and "pass --force" in result.stderr
        forced = invoke(command, POSTING, *args, "--date", day, "--force", cwd=tmp_path)
        assert forced.returncode == 0 and path.read_bytes() != before
