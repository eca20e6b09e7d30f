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
