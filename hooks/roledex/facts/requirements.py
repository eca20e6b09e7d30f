"""What a posting asks for, and the evidence the user mapped to it in an application: read
from the bodies as written, for the prep page's checklist and its coverage."""

from __future__ import annotations

from roledex.facts.skills import Mapping
from roledex.kb.model import Application, Posting
from roledex.kb.sections import QUALIFICATION_WORDS, RESPONSIBILITY_WORDS, find_section, items_under, table_rows


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
