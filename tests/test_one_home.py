"""Where one rule has two representations, they agree: each test names the pair."""

from __future__ import annotations

import re

import pytest
from roledex.facts.company_brief import BRIEF_TOPICS, company_brief
from roledex.facts.prep_notes import read_notes
from roledex.importer.money import _SYMBOL_PATTERN
from roledex.kb.currencies import WRITTEN_SYMBOLS, code_for_symbol
from roledex.kb.model import Application, Company, Posting, Prep
from roledex.kb.scaffold import prep_file
from roledex.kb.schema import COMPANY_SECTIONS, KINDS, PREP_HEADINGS, PREP_TOPICS, QUESTION_TOPICS
from roledex.kb.source import read_document


@pytest.mark.parametrize("symbol", sorted(WRITTEN_SYMBOLS))
def test_every_symbol_a_posting_writes_names_one_currency(symbol: str) -> None:
    assert code_for_symbol(symbol) == WRITTEN_SYMBOLS[symbol]
    assert code_for_symbol(symbol.lower()) == WRITTEN_SYMBOLS[symbol]


@pytest.mark.parametrize(
    "marker",
    [
        "US$",
        "CA$",
        "AU$",
        "NZ$",
        "HK$",
        "MX$",
        "C$",
        "A$",
        "S$",
        "R$",
        "$",
        "€",
        "£",
        "¥",
        "₹",
        "₩",
        "₪",
        "Rs",
        "Rs.",
        "zł",
        "EUR",
    ],
)
def test_every_symbol_the_importer_recognises_has_a_currency(marker: str) -> None:
    assert re.fullmatch(_SYMBOL_PATTERN, marker)
    assert code_for_symbol(marker) is not None


def test_a_new_prep_note_is_read_back_under_its_own_headings() -> None:
    filled = prep_file("p")
    for heading in PREP_HEADINGS:
        filled = filled.replace(f"## {heading}\n", f"## {heading}\n\n- something\n", 1)
    doc, problems = read_document("prep/p.md", "prep", "p", filled.encode())
    assert problems == [] and doc is not None
    notes = read_notes(Prep(slug="p", doc=doc, posting="p"))
    assert list(notes.topics) == list(PREP_HEADINGS)
    assert notes.others == []


@pytest.mark.parametrize("topic", PREP_TOPICS, ids=lambda topic: topic.heading)
def test_only_question_topics_give_questions_from_the_same_list(topic) -> None:  # type: ignore[no-untyped-def]
    body = "".join(f"## {t.heading}\n\n- first\n    - detail\n- second\n\n" for t in PREP_TOPICS)
    doc, _ = read_document("prep/p.md", "prep", "p", f"---\nposting: p\n---\n{body}".encode())
    assert doc is not None
    notes = read_notes(Prep(slug="p", doc=doc, posting="p"))
    assert notes.questions(topic) == (["first detail", "second"] if topic in QUESTION_TOPICS else [])
    assert [t.heading for t in QUESTION_TOPICS] == ["Likely questions", "Questions to ask"]


def test_each_part_of_the_company_brief_has_a_heading_in_a_new_profile() -> None:
    body = "".join(f"## {heading}\n\nwords\n\n" for heading in COMPANY_SECTIONS)
    chosen, _ = company_brief(body)
    assert [topic for topic, _ in chosen] == [topic for topic, _ in BRIEF_TOPICS]


@pytest.mark.parametrize(
    ("record_type", "kind"),
    [(Company, "company"), (Posting, "posting"), (Prep, "prep"), (Application, "application")],
)
def test_a_record_is_private_by_default_exactly_when_its_kind_is(record_type: type, kind: str) -> None:
    field = next(f for f in record_type.__dataclass_fields__.values() if f.name == "private")
    assert field.default is KINDS[kind].private_by_default
    assert KINDS[kind].private_by_default is (kind in ("prep", "application"))


def test_a_new_prep_file_reads_as_no_notes_at_all() -> None:
    """Its instructions and empty headings are the scaffold's, not the user's: the prep page
    shows neither (it offers the command to start them instead)."""
    doc, problems = read_document("prep/p.md", "prep", "p", prep_file("p").encode())
    assert problems == []
    notes = read_notes(Prep(slug="p", doc=doc, posting="p"))
    assert (notes.intro, notes.topics, notes.others) == ("", {}, [])


@pytest.mark.parametrize(
    ("body", "intro", "topics"),
    [
        (
            "Notes for the interview: number your questions so the prep page can count them.\nMy own line.\n"
            "\n## Talking points\n\n- cut cost\n\n## Likely questions\n\n",
            "My own line.",
            ["Talking points"],
        ),
        ("## Role analysis\n\n\n## Talking points\n\n- a\n", "", ["Talking points"]),
    ],
)
def test_scaffold_lines_and_empty_headings_are_left_out(body: str, intro: str, topics: list[str]) -> None:
    doc, _ = read_document("prep/p.md", "prep", "p", f"---\nposting: p\n---\n\n{body}".encode())
    notes = read_notes(Prep(slug="p", doc=doc, posting="p"))
    assert notes.intro == intro and list(notes.topics) == topics
