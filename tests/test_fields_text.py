"""The first lines of a paste, read for its title and company: which line is the title, what
beside it names the company, and which sentences vote for a company (small inputs, one rule
each)."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.fields import company_from_text, title_from_text


@pytest.mark.parametrize(
    ("text", "title", "link", "company"),
    [
        ("# Staff Engineer\n\nBody text here.", "Staff Engineer", None, None),
        ("Staff Engineer at Acme\n\nBody", "Staff Engineer", None, "Acme"),
        ("Staff Engineer @ Acme Robotics\nbody", "Staff Engineer", None, "Acme Robotics"),
        ("Job Application for Data Scientist at Globex\nbody", "Data Scientist", None, "Globex"),
        ("Apply for Backend Engineer at Initech Corp\nbody", "Backend Engineer", None, "Initech Corp"),
        ("Careers\n# Platform Engineer\nbody", "Platform Engineer", None, None),
        ("# Jobs\n# Title\n", "Title", None, None),
        ("[Senior Engineer](https://jobs.example.com/1)\nbody", "Senior Engineer", "https://jobs.example.com/1", None),
        ("# [Senior Engineer](https://jobs.example.com/1)\nb", "Senior Engineer", "https://jobs.example.com/1", None),
        ("Senior Engineer at Acme (Remote)\nbody", "Senior Engineer", None, "Acme"),
        (
            "Engineer at The Very Long Company Name Of Things\nbody",
            "Engineer at The Very Long Company Name Of Things",
            None,
            None,
        ),
        ("Sales Lead at acme\n", "Sales Lead at acme", None, None),
        ("\n\n\n\n\n\n\nTitle after blank lines", "Title after blank lines", None, None),
        ("# " + "x" * 95 + "\nTitle", "x" * 95, None, None),
    ],
    ids=plain_id,
)
def test_the_title_line_and_what_stands_beside_it(text: str, title: str, link: str | None, company: str | None) -> None:
    found, found_link, found_company = title_from_text(text)
    assert (found.value if found else None, found_link, found_company) == (title, link, company)


@pytest.mark.parametrize(
    "text",
    [
        "## About the role\nWe build things.",
        "About us\nStaff Engineer\n",
        "This is a long sentence that is certainly not a title because it ends with a period.\nNext",
        "Requirements: Python\nx",
        "x" * 95 + "\nTitle",
        "",
    ],
    ids=plain_id,
)
def test_no_title_where_the_top_is_a_section_a_sentence_or_a_label(text: str) -> None:
    assert title_from_text(text) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "after_title", "company"),
    [
        ("Staff Engineer\n## Acme Robotics\nbody", True, "Acme Robotics"),
        ("Staff Engineer\nAcme Robotics\nAcme Robotics builds robots.", True, "Acme Robotics"),
        ("Staff Engineer\nAcme Robotics\nbody", True, None),
        ("Staff Engineer\nat Globex\nbody", True, "Globex"),
        ("Staff Engineer\nGlobex · Berlin\nbody", True, "Globex"),
        ("Staff Engineer\nGlobex - Berlin, Germany\nbody", True, "Globex"),
        ("Staff Engineer\nGlobex, Berlin\nbody", True, "Globex"),
        ("Staff Engineer\n## Globex 2024\nbody", True, None),
        ("Staff Engineer\n## Acme Robotics\nbody", False, None),
        ("# About Initech\nWe make printers.", False, "Initech"),
        ("## About us\nx", False, None),
        ("About You\nx", False, None),
        ("Umbrella is looking for a great engineer.\nmore", False, "Umbrella"),
        ("Umbrella is hiring. Umbrella is fun.", False, "Umbrella"),
        ("At Umbrella, we build.\nUmbrella again", False, "Umbrella"),
        ("Bei Hooli, wir bauen.\nx", False, "Hooli"),
        ("Vandelay is an equal opportunity employer.", False, "Vandelay"),
        ("© 2024 Vandelay Industries. All rights reserved.", False, "Vandelay Industries"),
        ("© Acme Inc. All rights reserved.", False, "Acme"),
        ("Why Pied Piper?\nbecause", False, "Pied Piper"),
        ("Join the team at Stark Industries today", False, None),
        ("You will join the team at Stark Industries. Stark Industries rocks", False, "Stark Industries"),
        ("Stark Industries is a company.\nStark Industries again", False, "Stark Industries"),
        ("Stark Industries is a plus.\nStark Industries again", False, None),
        ("Nordlicht Logistik GmbH sucht Entwickler.", False, "Nordlicht Logistik"),
        ("Growth is looking for engineers. The Growth team is great.", False, None),
        ("Python is a plus.\nPython is a plus.", False, None),
        ("Acme ist ein Unternehmen.\nAcme", False, "Acme"),
        ("Acme is looking for people. Globex is hiring. Globex is hiring.", False, "Globex"),
    ],
    ids=plain_id,
)
def test_the_company_from_the_line_under_the_title_a_heading_or_the_sentences(
    text: str, after_title: bool, company: str | None
) -> None:
    found = company_from_text(text, after_title)
    assert (found.value if found else None) == company
