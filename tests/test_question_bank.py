"""The question bank: the questions to practise first for a posting, in the private view only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, output_texts, read_page
from roledex.facts.question_bank import fits, to_practise
from roledex.kb.model import KnowledgeBase, Posting, Question
from roledex.kb.source import Document

GROWTH = "etsy-engineering-manager-ml-for-growth"


def _doc(slug: str) -> Document:
    return Document(path=f"docs/questions/{slug}.md", folder="questions", slug=slug, meta={}, body="", body_line=1)


def _question(slug: str, tags: list[str], confidence: str | None = None, **rest: object) -> Question:
    return Question(slug=slug, doc=_doc(slug), question=slug, tags=tags, confidence=confidence, **rest)  # type: ignore[arg-type]


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for slug, company, role in (("p", "etsy", "em-ml"), ("q", "acme", "ios")):
        doc = Document(path=f"docs/postings/{slug}.md", folder="postings", slug=slug, meta={}, body="", body_line=1)
        kb.postings[slug] = Posting(slug=slug, doc=doc, company=company, title="T", role=role)
        kb.companies[company] = object()  # type: ignore[assignment]
    return kb


@pytest.mark.parametrize(
    ("tags", "fit"),
    [
        ([], True),
        (["behavioural"], True),
        (["technical", "em-ml"], True),
        (["etsy"], True),
        (["ios"], False),
        (["acme", "behavioural"], False),
        (["Etsy"], True),
        (["some-unknown-slug"], True),
    ],
)
def test_a_question_tied_to_another_family_or_company_stays_with_it(tags: list[str], fit: bool) -> None:
    kb = _kb()
    assert fits(_question("x", tags), kb.postings["p"], kb) is fit


def test_the_least_ready_answers_come_first() -> None:
    kb = _kb()
    bank = [
        _question("high-old", [], "high", practised=dt.date(2026, 1, 1)),
        _question("medium", [], "medium", practised=dt.date(2026, 11, 1)),
        _question("none", [], None),
        _question("low-recent", [], "low", practised=dt.date(2026, 11, 20)),
        _question("low-never", [], "low"),
        _question("low-never-asked", [], "low", asked=3),
    ]
    order = [q.slug for q in to_practise(bank, kb.postings["p"], kb)]
    assert order == ["low-never-asked", "low-never", "low-recent", "none", "medium", "high-old"]


BANK = {
    "questions/disagree.md": (
        "---\nquestion: Tell me about a time you disagreed\nconfidence: low\n---\n\nSecret answer.\n"
    ),
    "questions/ios.md": "---\nquestion: How do you ship iOS?\ntags: [machine-learning-engineer]\n---\n\nOther.\n",
}


def test_the_prep_page_lists_what_to_practise_first_in_the_private_view_only(tmp_path: Path) -> None:
    make_site(tmp_path, BANK)
    assert build_site(tmp_path, private="include").returncode == 0
    section = read_page(tmp_path, f"prep/{GROWTH}/").split('id="practise-first"', 1)[1].split("<h2", 1)[0]
    assert "Tell me about a time you disagreed" in section and ">low<" in section and "never" in section
    assert "How do you ship iOS?" not in section  # tied to another role family
    assert build_site(tmp_path).returncode == 0
    for path, text in output_texts(tmp_path / "site").items():
        assert "Secret answer" not in text and "Practise first" not in text, path


def test_new_question_writes_a_file_the_check_accepts(docs_copy: Path) -> None:
    result = invoke("new", "question", "Tell me about a time you disagreed with your manager", cwd=docs_copy.parent)
    assert result.returncode == 0, result.stderr
    written = docs_copy / "questions" / "tell-me-about-a-time-you-disagreed-with-your-manager.md"
    assert "# confidence:" in written.read_text(encoding="utf-8")
    assert invoke("check", cwd=docs_copy.parent).returncode == 0


def test_ties_are_broken_by_times_asked_then_the_question_in_any_case() -> None:
    kb = _kb()
    bank = [
        Question(slug="b", doc=_doc("b"), question="banana", tags=[]),
        Question(slug="a", doc=_doc("a"), question="Apple", tags=[]),
        Question(slug="once", doc=_doc("once"), question="zzz", tags=[], asked=1),
        Question(slug="odd", doc=_doc("odd"), question="odd", tags=[], confidence="unsure"),
        Question(slug="med", doc=_doc("med"), question="med", tags=[], confidence="medium"),
    ]
    # an unknown confidence counts as none given: after low, before medium
    order = [q.slug for q in to_practise(bank, kb.postings["p"], kb)]
    assert order == ["once", "a", "b", "odd", "med"]


def test_only_the_questions_that_fit_the_posting_come_up() -> None:
    kb = _kb()
    bank = [_question("mine", ["em-ml"]), _question("theirs", ["ios"]), _question("any", [])]
    assert [q.slug for q in to_practise(bank, kb.postings["p"], kb)] == ["any", "mine"]
    assert [q.slug for q in to_practise(bank, kb.postings["q"], kb)] == ["any", "theirs"]
