"""A posting copied as plain text gets the headings and lists its page had, so that its
requirements are found; a Markdown paste is left as it is."""

from __future__ import annotations

import pytest
from roledex.importer.repair import repair, structure_plain_text
from roledex.kb.sections import QUALIFICATION_WORDS, RESPONSIBILITY_WORDS, items_under

PLAIN = """Senior Engineering Manager
Acme
Berlin

About us
Acme builds robots for warehouses.

Responsibilities
Hire, grow and lead a team of eight
Own delivery of the roadmap

Requirements:
• 5+ years of engineering management
• Python or Go

Apply by sending your CV.
"""


def test_a_plain_paste_gets_headings_and_lists() -> None:
    changes: list[str] = []
    text = structure_plain_text(PLAIN, changes)
    assert "## About us\n\nAcme builds robots for warehouses." in text
    assert "## Responsibilities\n\n- Hire, grow and lead a team of eight\n- Own delivery of the roadmap" in text
    assert "## Requirements\n\n- 5+ years of engineering management\n- Python or Go" in text
    assert text.startswith("Senior Engineering Manager\nAcme\nBerlin\n")
    assert text.rstrip().endswith("Apply by sending your CV.")
    assert changes == ["gave the plain-text paste 3 heading(s) and 4 list item(s)"]


def test_the_requirements_of_a_plain_paste_are_found() -> None:
    body = repair(PLAIN.encode()).body
    assert items_under(body, RESPONSIBILITY_WORDS) == [
        "Hire, grow and lead a team of eight",
        "Own delivery of the roadmap",
    ]
    assert items_under(body, QUALIFICATION_WORDS) == ["5+ years of engineering management", "Python or Go"]


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("• Python", "Python"),
        ("· Python", "Python"),
        ("▪ Python", "Python"),
        ("✓ Python", "Python"),
        ("- Python", "Python"),
        ("* Python", "Python"),
        ("– Python", "Python"),
        ("o Python", "Python"),
    ],
)
def test_each_kind_of_bullet_becomes_a_list_item(line: str, item: str) -> None:
    text = structure_plain_text(f"Title\nAcme\n\nWhat you bring\n{line}\n{line}\n", [])
    assert f"- {item}\n- {item}" in text


@pytest.mark.parametrize(
    "text",
    [
        "# Engineer\n\nResponsibilities\nHire people\nOwn delivery\n",
        "Short\ntext\n",
        "A paragraph of prose that ends.\nAnother sentence that ends.\nAnd a third one.\n",
    ],
)
def test_markdown_and_prose_are_left_as_they_are(text: str) -> None:
    changes: list[str] = []
    assert structure_plain_text(text, changes) == text
    assert changes == []


def test_bold_labels_are_not_bullets() -> None:
    text = "**Company:** Northwind\n**Position:** Staff Engineer\n\nWe ship software.\n"
    assert structure_plain_text(text, []) == text


def test_a_sentence_is_never_a_heading() -> None:
    text = structure_plain_text("Title\nAcme\n\nAbout the team, we are eight.\nWe build robots.\nAnd more.\n", [])
    assert "## " not in text


def test_text_a_page_showed_escaped_stays_escaped() -> None:
    import markdown

    page = b"<p>Know &amp;lt;b&amp;gt; tags, &lt;i&gt; too, R&amp;D, <code>&lt;div&gt;</code></p><p>More.</p>"
    rendered = markdown.markdown(repair(page).body)
    assert "Know &amp;lt;b&amp;gt; tags, &lt;i&gt; too, R&amp;D, <code>&lt;div&gt;</code>" in rendered


@pytest.mark.parametrize(
    ("does", "asks"),
    [
        ("Deine Aufgaben", "Dein Profil"),
        ("Ihre Aufgaben", "Das bringst du mit"),
        ("Vos missions", "Profil recherché"),
        ("Responsabilidades", "Requisitos"),
        ("Wat ga je doen?", "Wat vragen wij?"),
        ("Cosa farai", "Requisiti"),
        ("Zakres obowiązków", "Wymagania"),
        ("Dina arbetsuppgifter", "Krav"),
    ],
)
def test_sections_named_in_other_languages_give_the_requirements(does: str, asks: str) -> None:
    paste = f"Engineer\nAcme\n\n{does}\nBuild the platform\nRun the on-call\n\n{asks}\nKotlin\nPostgres\n"
    body = repair(paste.encode()).body
    assert items_under(body, RESPONSIBILITY_WORDS) == ["Build the platform", "Run the on-call"]
    assert items_under(body, QUALIFICATION_WORDS) == ["Kotlin", "Postgres"]


@pytest.mark.parametrize("line", ["Über uns", "Qui sommes-nous ?", "Chi siamo", "Om oss", "Was wir bieten"])
def test_other_sections_become_headings_too(line: str) -> None:
    changes: list[str] = []
    text = structure_plain_text(f"Engineer\nAcme\n\n{line}\nWe build things.\n", changes)
    assert f"## {line}\n\nWe build things." in text


@pytest.mark.parametrize("line", ["5 years of experience with Go", "Kotlin and Spring Boot", "Hamburg · Hybrid"])
def test_a_short_line_that_names_no_section_stays_a_line(line: str) -> None:
    assert "## " not in structure_plain_text(f"Engineer\nAcme\n\n{line}\nWe build things.\nMore.\n", [])
