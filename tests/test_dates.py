"""Dates as postings write them, in words and languages, relative to the day of the import."""

from __future__ import annotations

import datetime as dt

import pytest
from roledex.importer.fields import closes_from_text, dated_phrase, posted_from_text, written_date

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "posted"),
    [
        ("Posted 5 Days Ago", dt.date(2026, 11, 20)),
        ("Acme · Berlin · 3 days ago · 120 applicants", dt.date(2026, 11, 22)),
        ("Publié il y a 3 jours", dt.date(2026, 11, 22)),
        ("vor 2 Tagen veröffentlicht", dt.date(2026, 11, 23)),
        ("Publicado hace 3 días", dt.date(2026, 11, 22)),
        ("Posted yesterday", dt.date(2026, 11, 24)),
        ("Veröffentlicht am 3. November 2026", dt.date(2026, 11, 3)),
        ("Publié le 3 novembre 2026", dt.date(2026, 11, 3)),
        ("Fecha de publicación: 3 de noviembre de 2026", dt.date(2026, 11, 3)),
        ("Date posted: Nov 3, 2026", dt.date(2026, 11, 3)),
        ("Posted: 2026-11-03", dt.date(2026, 11, 3)),
        ("Posted on 13/11/2026", dt.date(2026, 11, 13)),
        ("Posted on 03/04/2026", None),
        ("Posted 30+ days ago", None),
        ("Posted in Engineering", None),
        ("We published a paper in 2024.", None),
    ],
)
def test_the_day_a_posting_went_up(text: str, posted: dt.date | None) -> None:
    found = posted_from_text(text, TODAY)
    assert (found.value if found else None) == posted


def test_a_relative_date_says_it_is_relative() -> None:
    found = posted_from_text("3 days ago", TODAY)
    assert found is not None and found.inferred == "relative to the day of the import"


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("Application deadline: 15 December 2026", dt.date(2026, 12, 15)),
        ("Bewerbungsfrist: 15.12.2026", dt.date(2026, 12, 15)),
        ("Apply by Dec 15", dt.date(2026, 12, 15)),
        ("Closes in the spring", None),
    ],
)
def test_the_day_applications_close(text: str, closes: dt.date | None) -> None:
    found = closes_from_text(text, TODAY)
    assert (found.value if found else None) == closes


def test_an_ambiguous_numeric_date_is_no_date() -> None:
    assert dated_phrase("03/04/2026", TODAY) is None
    assert dated_phrase("November 2026", TODAY) is None


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2026-03-04", dt.date(2026, 3, 4)),
        (" 2026-03-04. ", dt.date(2026, 3, 4)),
        ("4 March 2026", dt.date(2026, 3, 4)),
        ("4 Mar. 2026", dt.date(2026, 3, 4)),
        ("14 September, 2026", dt.date(2026, 9, 14)),
        ("March 4, 2026", dt.date(2026, 3, 4)),
        ("Mar 4th 2026", dt.date(2026, 3, 4)),
        ("Dec. 31st, 2026", dt.date(2026, 12, 31)),
        ("August 22nd, 2026,", dt.date(2026, 8, 22)),
        ("25/12/2026", dt.date(2026, 12, 25)),
        ("12/25/2026", dt.date(2026, 12, 25)),
        ("25.12.2026", dt.date(2026, 12, 25)),
        ("1.13.2026", dt.date(2026, 1, 13)),
        ("13.1.2026", dt.date(2026, 1, 13)),
        # ambiguous, impossible or no date at all
        ("03/04/2026", None),
        ("12/12/2026", None),
        ("31 February 2026", None),
        ("February 30, 2026", None),
        ("4 Smarch 2026", None),
        ("Smarch 4, 2026", None),
        ("13/13/2026", None),
        ("2026-13-01", None),
        ("soon", None),
        ("", None),
    ],
)
def test_a_written_date(written: str, date: dt.date | None) -> None:
    assert written_date(written) == date
