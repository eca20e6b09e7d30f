"""What a prep page gathers: the user's notes by heading, a posting's requirements, and the
skills mapping of an application. Plain data, read from the bodies the user wrote."""

from __future__ import annotations

from dataclasses import dataclass, field

from roledex.facts.skills import Mapping
from roledex.kb.model import Application, Posting, Prep
from roledex.kb.schema import PREP_TOPICS
from roledex.kb.sections import (
    QUALIFICATION_WORDS,
    RESPONSIBILITY_WORDS,
    Section,
    find_section,
    items_under,
    list_items,
    sections,
    table_rows,
)


@dataclass
class Notes:
    """The user's prep notes split by topic; sections under other headings are kept too."""

    intro: str = ""
    topics: dict[str, Section] = field(default_factory=dict)
    others: list[Section] = field(default_factory=list)

    def questions(self, topic: str) -> list[str]:
        """The top-level items of one topic's list: one question each."""
        section = self.topics.get(topic)
        return list_items(section.body, top_level_only=True) if section else []


def _topic_of(title: str) -> str | None:
    lowered = title.lower()
    found = (topic for topic in reversed(PREP_TOPICS) if any(w in lowered for w in topic.words))
    return next((topic.heading for topic in found), None)


def _without_title(text: str) -> str:
    """Text less a leading H1: the prep page has its own title."""
    lines = text.split("\n")
    return "\n".join(lines[1:]).strip() if lines and lines[0].startswith("# ") else text


def read_notes(prep: Prep | None) -> Notes:
    """The notes of a prep file by topic; empty notes when there is no file."""
    if prep is None:
        return Notes()
    body = prep.doc.body
    found = [s for s in sections(body) if s.level > 1]
    top = min((s.level for s in found), default=2)
    before = body.split(f"{'#' * found[0].level} {found[0].title}", 1)[0] if found else body
    notes = Notes(intro=_without_title(before.strip()))
    for section in (s for s in found if s.level == top):
        topic = _topic_of(section.title)
        if topic and topic not in notes.topics:
            notes.topics[topic] = section
        else:
            notes.others.append(section)
    return notes


def responsibilities(posting: Posting) -> list[str]:
    return items_under(posting.doc.body, RESPONSIBILITY_WORDS)


def qualifications(posting: Posting) -> list[str]:
    """The posting's qualification items, or its `skills` when its text lists none."""
    return items_under(posting.doc.body, QUALIFICATION_WORDS) or list(posting.skills)


def skills_mapping(application: Application | None) -> list[Mapping]:
    """The rows of the application's `## Skills mapping` table."""
    if application is None:
        return []
    section = find_section(application.doc.body, ("skills mapping", "skills-to-requirements", "skills to requirements"))
    if section is None:
        return []
    return [Mapping(row[0], row[1] if len(row) > 1 else "") for row in table_rows(section.body) if row and row[0]]


BRIEF_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mission and values", ("mission", "values")),
    ("Recent developments", ("recent", "development", "strategy", "news")),
    ("Technology", ("technology", "tech stack", "stack")),
    ("Engineering culture", ("engineering culture", "engineering practice", "how they build")),
    ("Competitors", ("competit",)),
    ("Overview", ("overview", "about")),
)
"""The parts of a company profile a prep page shows, in the order an interview needs them."""


def company_brief(body: str) -> tuple[list[tuple[str, Section]], list[str]]:
    """(the brief's sections by topic, the titles of the profile's other sections)."""
    found = sections(body)
    top = min((s.level for s in found if s.level > 1), default=2)
    chosen: dict[str, Section] = {}
    others: list[str] = []
    for section in (s for s in found if s.level == top):
        lowered = section.title.lower()
        topic = next((t for t, words in BRIEF_TOPICS if any(w in lowered for w in words)), None)
        if topic and topic not in chosen:
            chosen[topic] = section
        else:
            others.append(section.title)
    ordered = [(topic, chosen[topic]) for topic, _ in BRIEF_TOPICS if topic in chosen]
    return ordered, others
