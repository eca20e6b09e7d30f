"""A posting pasted as one row of a Markdown table under its header is read as labelled
fields; a table of many rows, or one whose header names no fields, is left as it is."""

from __future__ import annotations

import pytest
from roledex.importer.run import read_posting
from roledex.importer.tables import table_as_labels

HEADER = "| Company | Role | Location | Application/Link | Date Posted |\n| --- | --- | --- | --- | --- |\n"
ROW = (
    '| **[Stripe](https://stripe.com)** | Software Engineer, New Grad | Seattle, WA<br>SF, CA | <a href="https://'
    'stripe.com/jobs/1"><img src="apply.png" alt="Apply"></a> | Nov 20 |\n'
)


def test_one_row_becomes_a_line_for_each_column() -> None:
    assert table_as_labels(HEADER + ROW) == (
        "Company: **[Stripe](https://stripe.com)**\n"
        "Role: Software Engineer, New Grad\n"
        "Location: Seattle, WA / SF, CA\n"
        "Application/Link: https://stripe.com/jobs/1\n"
        "Date Posted: Nov 20\n"
    )


def test_the_words_around_the_table_stay() -> None:
    text = "Seen on the new-grad list.\n\n" + HEADER + ROW + "\nApply soon."
    assert table_as_labels(text).startswith("Seen on the new-grad list.\n\nCompany: ")
    assert table_as_labels(text).endswith("Date Posted: Nov 20\n\nApply soon.")


def test_an_empty_cell_gives_no_line() -> None:
    text = "| Company | Role | Location |\n|---|---|---|\n| Acme | Data Engineer | |\n"
    assert table_as_labels(text) == "Company: Acme\nRole: Data Engineer\n"


@pytest.mark.parametrize(
    "text",
    [
        HEADER + ROW + ROW,  # a list of postings
        "| Name | Age |\n| --- | --- |\n| Ana | 30 |\n",  # no fields roledex reads
        "| Company | Notes |\n| --- | --- |\n| Acme | hiring |\n",  # one field only
        "| Company | Role |\n| --- | --- |\n| Acme | Data Engineer | extra |\n",  # a row that does not fit
        "| Company | Role |\n| Acme | Data Engineer |\n",  # no rule under the header
        "Company: Acme\nRole: Data Engineer\n",
    ],
)
def test_what_is_no_single_row_posting_is_left_alone(text: str) -> None:
    assert table_as_labels(text) == text


def test_a_pasted_row_is_read_as_its_columns_say() -> None:
    found = read_posting((HEADER + ROW).encode())
    assert (found.company, found.title, found.locations) == (
        "Stripe",
        "Software Engineer, New Grad",
        ["Seattle, WA", "SF, CA"],
    )
    assert found.url == "https://stripe.com/jobs/1"


def test_the_body_keeps_the_row_as_written() -> None:
    found = read_posting((HEADER + ROW).encode())
    assert "| Company | Role | Location |" in found.body and "Software Engineer, New Grad" in found.body
    assert "Company: " not in found.body
