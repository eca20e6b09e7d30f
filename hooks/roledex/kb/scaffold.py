"""Ready-to-edit files for `roledex new`: filled where known, every other key a comment.

The commented keys come from `schema`, so a new key appears in every scaffold at once.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from roledex.kb.schema import (
    APPLICATION,
    COMPANY,
    COMPANY_SECTIONS,
    CONTACT,
    OFFER,
    POSTING,
    PREP,
    PREP_HEADINGS,
    QUESTION,
    STORY,
    STORY_SECTIONS,
    Field,
    Kind,
)
from roledex.kb.text import is_slug


def yaml_scalar(value: Any) -> str:
    """`value` as a YAML scalar that reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if is_slug(str(value)) and str(value).lower() not in _YAML_WORDS and not str(value)[0].isdigit():
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n", "null"}


def _hint(spec: Field) -> str:
    if spec.choices:
        return " | ".join(spec.choices)
    return spec.description


def commented(spec: Field, indent: str = "") -> list[str]:
    """A key as a commented hint (`# key:  # what it holds`), with its sub-keys below."""
    if spec.type == "mapping_list":
        label = f"{indent}{spec.name}:"
        lines = [f"# {label:<15}# {spec.description}"]
        for position, sub in enumerate(spec.fields):
            marker = "- " if position == 0 else "  "
            lines += [line.replace(f"# {indent}  ", f"# {indent}{marker}", 1) for line in commented(sub, indent + "  ")]
        return lines
    if spec.type == "mapping":
        label = f"{indent}{spec.name}:"
        lines = [f"# {label:<15}# {spec.description}"]
        for sub in spec.fields:
            lines += commented(sub, indent + "  ")
        return lines
    label = f"{indent}{spec.name}:"
    return [f"# {label:<15}# {_hint(spec)}"]


def front_matter(kind: Kind, values: dict[str, Any]) -> str:
    """The front-matter block: given values set, the other keys commented with a hint."""
    lines = ["---"]
    for spec in kind.fields:
        if spec.name in values and isinstance(values[spec.name], dict):
            lines.append(
                f"{spec.name}: {{" + ", ".join(f"{k}: {yaml_scalar(v)}" for k, v in values[spec.name].items()) + "}"
            )
        elif spec.name in values:
            lines.append(f"{spec.name}: {yaml_scalar(values[spec.name])}")
        else:
            lines += commented(spec)
    lines.append("---")
    return "\n".join(lines) + "\n"


def _sections(headings: tuple[str, ...]) -> str:
    return "".join(f"\n## {heading}\n\n" for heading in headings)


def company_file(name: str, website: str | None = None) -> str:
    """A new company profile with the brief's headings ready to fill."""
    values: dict[str, Any] = {"name": name, "updated": dt.date.today()}
    if website:
        values["website"] = website
    return front_matter(COMPANY, values) + f"\n# {name}\n" + _sections(COMPANY_SECTIONS)


def posting_file(company: str, title: str) -> str:
    """A new posting: the text as posted goes in the body, the facts in front matter."""
    values = {"company": company, "title": title, "posted": dt.date.today()}
    body = "\nPaste the posting's whole text here, so it stays on record after it is taken down.\n"
    return front_matter(POSTING, values) + body


PREP_INSTRUCTIONS = (
    "Notes for the interview: number your questions so the prep page can count them.",
    "They are private: a published build leaves them out. Set `private: false` above only if",
    "they hold nothing about you (where you interview, your talking points).",
)
"""The lines a new prep file starts with; the prep page leaves them out wherever they stay."""


def prep_file(posting: str) -> str:
    """Prep notes with the headings the prep page gathers."""
    intro = "\n" + "\n".join(PREP_INSTRUCTIONS) + "\n"
    return front_matter(PREP, {"posting": posting}) + intro + _sections(PREP_HEADINGS)


def application_file(posting: str) -> str:
    """An application record, private unless `private: false` is set."""
    values = {"posting": posting, "status": "saved", "updated": dt.date.today()}
    sections = ("Personal connection", "Resume notes", "Cover letter notes")
    table = "\n## Skills mapping\n\n| Job requirement | Relevant experience |\n| --- | --- |\n"
    return front_matter(APPLICATION, values) + _sections(sections) + table


def story_file(title: str) -> str:
    """A story with its STAR headings ready to fill, private unless `private: false` is set."""
    intro = "\nWhat happened, what you did and how it ended, in a few lines each. Name in `skills` the\n"
    intro += "skills it shows as postings name them: the prep page matches them to requirements.\n"
    return front_matter(STORY, {"title": title}) + intro + _sections(STORY_SECTIONS)


def question_file(question: str) -> str:
    """A question of the bank: your answer goes in the body, private unless `private: false`."""
    body = "\nYour answer, as you would say it: a sentence of context, what you did, the result.\n"
    return front_matter(QUESTION, {"question": question}) + body


def contact_file(name: str, company: str | None = None) -> str:
    """A person of the search, private unless `private: false` is set."""
    values: dict[str, object] = {"name": name}
    if company:
        values["company"] = company
    return front_matter(CONTACT, values) + f"\n# {name}\n\nHow you met, what you talked about, what you promised.\n"


def offer_file(posting: str, base: dict[str, Any]) -> str:
    """An offer to fill in from the offer letter, private unless `private: false` is set; its
    base pay starts as the posting states it (or at 0), to correct."""
    values = {"posting": posting, "status": "open", "received": dt.date.today(), "base": base}
    body = (
        "\nThe offer as it came, and what you asked and were answered. Before a revision, copy the\n"
        "figures as they stood under a heading with the day (`## 2026-12-01: first offer`).\n"
    )
    return front_matter(OFFER, values) + body


def target_path(docs: Path, kind: Kind, slug: str) -> Path:
    return docs / kind.folder / f"{slug}.md"
