"""The company brief of a prep page: the parts of a company profile an interview needs, by topic."""

from __future__ import annotations

from roledex.kb.sections import Section, sections

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
