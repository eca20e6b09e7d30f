"""The user's prep notes for a posting, split by topic (questions to ask, talking points and
the rest) so that the prep page can show each where it belongs."""

from __future__ import annotations

from dataclasses import dataclass, field

from roledex.kb.model import Prep
from roledex.kb.scaffold import PREP_INSTRUCTIONS
from roledex.kb.schema import PREP_TOPICS, PrepTopic
from roledex.kb.sections import Section, list_items, sections


@dataclass
class Notes:
    """The user's prep notes split by topic; sections under other headings are kept too."""

    intro: str = ""
    topics: dict[str, Section] = field(default_factory=dict)
    others: list[Section] = field(default_factory=list)

    def questions(self, topic: PrepTopic) -> list[str]:
        """The top-level items of a question topic's list, one question each; none for other topics."""
        section = self.topics.get(topic.heading)
        return list_items(section.body, top_level_only=True) if section and topic.questions else []


def _topic_of(title: str) -> str | None:
    lowered = title.lower()
    found = (topic for topic in reversed(PREP_TOPICS) if any(w in lowered for w in topic.words))
    return next((topic.heading for topic in found), None)


def _without_title(text: str) -> str:
    """Text less a leading H1: the prep page has its own title."""
    lines = text.split("\n")
    return "\n".join(lines[1:]).strip() if lines and lines[0].startswith("# ") else text


def _without_instructions(text: str) -> str:
    """Text less the lines `roledex new prep` writes to explain the file: they are not notes."""
    kept = [line for line in text.split("\n") if line.strip() not in PREP_INSTRUCTIONS]
    return "\n".join(kept).strip()


def read_notes(prep: Prep | None) -> Notes:
    """The notes of a prep file by topic; empty notes when there is no file."""
    if prep is None:
        return Notes()
    body = prep.doc.body
    found = [s for s in sections(body) if s.level > 1]
    top = min((s.level for s in found), default=2)
    before = body.split(f"{'#' * found[0].level} {found[0].title}", 1)[0] if found else body
    notes = Notes(intro=_without_instructions(_without_title(before.strip())))
    for section in (s for s in found if s.level == top and s.body.strip()):
        topic = _topic_of(section.title)
        if topic and topic not in notes.topics:
            notes.topics[topic] = section
        else:
            notes.others.append(section)
    return notes
