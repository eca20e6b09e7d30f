"""Reading the Markdown bodies the user wrote: sections by heading, list items, tables.

Prep pages gather parts of other pages (a company's mission, a posting's qualifications, the
questions of other prep notes); this module finds those parts by their headings, so the
user keeps writing ordinary Markdown.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")

RESPONSIBILITY_WORDS = (
    "responsibilit",
    "day-to-day",
    "day to day",
    "what you'll do",
    "what you will do",
    "what you’ll do",
    "duties",
    "your role",
    "in this role you",
    "aufgaben",
    "deine rolle",
    "was dich erwartet",
    "das erwartet dich",
    "missions",
    "le poste",
    "responsabilidades",
    "funciones",
    "atividades",
    "o que você vai fazer",
    "wat ga je doen",
    "taken",
    "jouw rol",
    "cosa farai",
    "responsabilità",
    "mansioni",
    "obowiązki",
    "zakres obowiązków",
    "arbetsuppgifter",
)
"""Headings over what the job does, as postings write them in English and seven other languages."""
QUALIFICATION_WORDS = (
    "qualification",
    "requirement",
    "qualities",
    "what you bring",
    "what you'll need",
    "what you’ll need",
    "about you",
    "who you are",
    "must have",
    "nice to have",
    "you have",
    "skills",
    "experience you",
    "profil",
    "profiel",
    "perfil",
    "anforderungen",
    "qualifikation",
    "das bringst du mit",
    "was du mitbringst",
    "kompetenzen",
    "compétences",
    "ce que nous recherchons",
    "requisitos",
    "lo que buscamos",
    "o que procuramos",
    "requisiti",
    "cosa cerchiamo",
    "vereisten",
    "wat vragen wij",
    "wie ben jij",
    "functie-eisen",
    "wymagania",
    "krav",
)
"""Headings over what the job asks for, in the same languages."""


@dataclass(frozen=True)
class Section:
    """A heading and the Markdown below it, up to the next heading of the same or a higher level."""

    level: int
    title: str
    body: str


def sections(markdown: str) -> list[Section]:
    """Every heading of the body with its content (nested headings stay in their parent's body)."""
    lines = markdown.split("\n")
    heads: list[tuple[int, int, str]] = []
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            heads.append((index, len(match.group(1)), match.group(2).strip()))
    found = []
    for position, (index, level, title) in enumerate(heads):
        end = next((i for i, lvl, _ in heads[position + 1 :] if lvl <= level), len(lines))
        found.append(Section(level, title, "\n".join(lines[index + 1 : end]).strip("\n")))
    return found


def find_section(markdown: str, words: tuple[str, ...]) -> Section | None:
    """The first section whose heading contains any of `words` (case-insensitive)."""
    return next((s for s in sections(markdown) if any(w in s.title.lower() for w in words)), None)


def list_items(markdown: str, top_level_only: bool = False) -> list[str]:
    """List items with continuation lines joined and markers removed (nested ones too, unless
    `top_level_only`, when a nested item stays part of its parent's text)."""
    items: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _ITEM.match(line)
        nested = match is not None and len(match.group(1).expandtabs(4)) >= 2
        if match and not (nested and top_level_only):
            items.append(match.group(2).strip())
        elif items and line.strip() and not _HEADING.match(line) and line.startswith((" ", "\t")):
            items[-1] += " " + (match.group(2).strip() if match else line.strip())
    return [item for item in items if item]


def items_under(markdown: str, words: tuple[str, ...]) -> list[str]:
    """List items of every section whose heading holds one of `words`, in order, without repeats."""
    return list(_items_under(markdown, words))


@functools.lru_cache(maxsize=8192)
def _items_under(markdown: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """Kept for the same text: each build (each save under serve) asks again for every posting."""
    found: list[str] = []
    for section in sections(markdown):
        if any(w in section.title.lower() for w in words):
            found += [i for i in list_items(section.body) if i not in found]
    return tuple(found)


def table_rows(markdown: str) -> list[list[str]]:
    """The body rows of the first Markdown table in `markdown`, as stripped cell texts."""
    rows: list[list[str]] = []
    lines = [line for line in markdown.split("\n")]
    for index, line in enumerate(lines):
        if _TABLE_RULE.match(line) and index > 0 and "|" in lines[index - 1]:
            for row in lines[index + 1 :]:
                if "|" not in row:
                    break
                cells = [c.strip() for c in row.strip().strip("|").split("|")]
                rows.append(cells)
            break
    return rows


def demote(markdown: str, levels: int = 1) -> str:
    """Headings pushed down `levels` levels (at most h6), outside code fences."""
    out = []
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            depth = min(6, len(match.group(1)) + levels)
            line = f"{'#' * depth} {match.group(2)}"
        out.append(line)
    return "\n".join(out)
