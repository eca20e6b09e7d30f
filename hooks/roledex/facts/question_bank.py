"""Which questions of the user's question bank to practise first for a posting.

A question tagged with a role family or a company comes up for that family's or company's
postings only; any other question (behavioural, technical, untagged) comes up for all. Among
them the answers least ready come first: low confidence, then none given, medium, high; then
the longest unpractised (never practised first); then the most often asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from roledex.kb.model import KnowledgeBase, Posting, Question

CONFIDENCE_RANK = {"low": 0, None: 1, "medium": 2, "high": 3}


def fits(question: Question, posting: Posting, kb: KnowledgeBase) -> bool:
    """True when the question's tags do not tie it to another role family or company."""
    tags = {tag.strip().lower() for tag in question.tags}
    tied = {tag for tag in tags if tag in kb.companies or tag in kb.roles}
    return not tied or posting.company in tied or (posting.role is not None and posting.role in tied)


def practise_order(question: Question) -> tuple[int, dt.date, int, str]:
    never = dt.date.min
    return (
        CONFIDENCE_RANK.get(question.confidence, 1),
        question.practised or never,
        -(question.asked or 0),
        question.question.lower(),
    )


def to_practise(questions: Iterable[Question], posting: Posting, kb: KnowledgeBase) -> list[Question]:
    """The bank's questions for `posting`, those to practise first at the top."""
    return sorted((q for q in questions if fits(q, posting, kb)), key=practise_order)
