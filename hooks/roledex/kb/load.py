"""Loading a docs folder into a `KnowledgeBase` and every problem found on the way.

Read every file, check each value against its key in the schema, and build the records
from what passed. The rules about meaning and references run afterwards on the whole
knowledge base (`roledex.check.run`), the one way in for the command line and the plugin.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from roledex.kb.key_checks import check_front_matter
from roledex.kb.model import (
    Application,
    Company,
    Contact,
    Event,
    KnowledgeBase,
    Offer,
    Posting,
    Prep,
    Question,
    Salary,
    Story,
    event_kind,
)
from roledex.kb.problems import Problem, sort_problems
from roledex.kb.schema import KINDS, RESERVED_SLUGS, Kind
from roledex.kb.source import Document, read_document
from roledex.kb.text import is_slug, parse_date, slugify
from roledex.kb.tree import entry_problem, tree_problems

RECORD_TYPES: dict[str, type] = {
    "company": Company,
    "posting": Posting,
    "prep": Prep,
    "application": Application,
    "contact": Contact,
    "story": Story,
    "question": Question,
    "offer": Offer,
}


@dataclass
class LoadResult:
    """The knowledge base built from the files, and every problem found."""

    kb: KnowledgeBase
    problems: list[Problem]


def display_path(docs_dir: Path, folder: str, name: str) -> str:
    """The path as the user typed the docs folder, so messages are clickable."""
    return os.path.join(str(docs_dir), folder, name)


def _name_problems(doc_path: str, stem: str) -> list[Problem]:
    if stem in RESERVED_SLUGS:
        return [Problem(doc_path, 1, "file", f"'{stem}.md' is reserved for the generated index; rename the file")]
    if not is_slug(stem):
        suggestion = slugify(stem) or "a-name"
        message = (
            f"file name {stem!r} is not a slug (lowercase letters, digits and hyphens); did you mean '{suggestion}.md'?"
        )
        return [Problem(doc_path, 1, "file", message)]
    return []


def _nested_problems(docs_dir: Path, kind: Kind, folder: Path) -> list[Problem]:
    """Markdown files in a subfolder: not read as records, so each is named as a problem."""
    problems = []
    found = (Path(top, name) for top, _, names in os.walk(folder) for name in names if name.endswith(".md"))
    for path in sorted(found):
        shown = os.path.join(str(docs_dir), path.relative_to(docs_dir).as_posix())
        message = (
            f"{kind.name} files live directly in {kind.folder}/ (the file name is the slug); "
            f"move it to {kind.folder}/{path.name}"
        )
        problems.append(Problem(shown, 1, "file", message))
    return problems


def _valid_values(doc: Document, kind: Kind, bad_keys: set[str]) -> dict[str, Any]:
    """The front-matter values that passed their checks, with dates as dates."""
    values: dict[str, Any] = {}
    for spec in kind.fields:
        if spec.name not in doc.meta or spec.name in bad_keys:
            continue
        value = doc.meta[spec.name]
        if spec.type == "date":
            value = parse_date(value)
        elif spec.type == "mapping":
            value = {k: v for k, v in value.items() if f"{spec.name}.{k}" not in bad_keys}
        elif spec.type == "mapping_list":
            value = _entries(spec.name, value, bad_keys)
        elif spec.type == "number_or_text":
            value = str(value)
        values[spec.name] = value
    return values


def _entries(key: str, value: list[Any], bad_keys: set[str]) -> list[Event]:
    """The events whose date passed its check, each without its invalid values, in the order
    they happened: by date, and in the order written on one day (a round planned ahead and
    written before a note of yesterday still comes after it)."""
    events = []
    for number, item in enumerate(value, 1):
        prefix = f"{key}.{number}"
        if not isinstance(item, dict) or prefix in bad_keys or f"{prefix}.date" in bad_keys:
            continue
        kept = {k: v for k, v in item.items() if f"{prefix}.{k}" not in bad_keys}
        date = parse_date(kept.get("date"))
        if date is None:
            continue
        minutes = kept.get("minutes")
        events.append(
            Event(
                date=date,
                kind=event_kind(kept),
                status=kept.get("status"),
                round=kept.get("round"),
                time=kept.get("time"),
                minutes=minutes if isinstance(minutes, int) else None,
                contacts=tuple(kept.get("contacts") or ()),
                outcome=kept.get("outcome"),
                note=kept.get("note"),
                due=parse_date(kept.get("due")),
                done=parse_date(kept.get("done")),
                number=number,
            )
        )
    return sorted(events, key=lambda event: (event.date, event.number))


def build_record(doc: Document, kind: Kind, bad_keys: set[str]) -> Any:
    """The typed record of one document, its invalid values left at their defaults."""
    values = _valid_values(doc, kind, bad_keys)
    if kind.name == "posting" and "salary" in values:
        values["salary"] = Salary(**values["salary"])
    if kind.references and "posting" not in values:
        values["posting"] = doc.slug
    record_type = RECORD_TYPES[kind.name]
    known = _field_names(record_type)
    return record_type(slug=doc.slug, doc=doc, **{k: v for k, v in values.items() if k in known})


@functools.cache
def _field_names(record_type: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(record_type))


_Reading = tuple[Document | None, tuple[Problem, ...], tuple[Problem, ...]]
_ReadingKey = tuple[str, str, bytes, int]
_readings: dict[_ReadingKey, _Reading] = {}
"""What the last read of each file gave (the document, its reading problems, its key
problems), by path, kind, bytes and year (a check of dates looks at the current year).
`mkdocs serve` reads the whole knowledge base on every save, and parsing the files that did
not change is most of that; an edited file has new bytes, so it is read afresh. Only the files
of the last read are kept."""


def _reading(path: str, kind: Kind, stem: str, raw: bytes, now: dict[_ReadingKey, _Reading]) -> _Reading:
    key = (path, kind.name, raw, dt.date.today().year)
    found = _readings.get(key)
    if found is None:
        doc, read_problems = read_document(path, kind.folder, stem, raw)
        key_problems = check_front_matter(doc, kind) if doc is not None and doc.readable else []
        found = (doc, tuple(read_problems), tuple(key_problems))
    now[key] = found
    return found


def _read_folder(
    docs_dir: Path, kind: Kind, now: dict[_ReadingKey, _Reading]
) -> tuple[list[tuple[Document, tuple[Problem, ...]]], list[Problem]]:
    """The readable documents of one kind's folder, each with the problems of its keys."""
    folder = docs_dir / kind.folder
    documents: list[tuple[Document, tuple[Problem, ...]]] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return documents, problems
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry_problem(entry, str(folder)) is not None:
            continue  # tree_problems names it
        if entry.is_dir():
            problems += _nested_problems(docs_dir, kind, Path(entry.path))
            continue
        if not entry.name.endswith(".md") or not entry.is_file():
            continue
        stem = entry.name[:-3]
        path = display_path(docs_dir, kind.folder, entry.name)
        problems += _name_problems(path, stem)
        with open(entry.path, "rb") as handle:
            doc, read_problems, key_problems = _reading(path, kind, stem, handle.read(), now)
        problems += read_problems
        if doc is not None:
            documents.append((doc, key_problems))
    return documents, problems


def _store(kb: KnowledgeBase, kind: Kind, record: Any) -> list[Problem]:
    """Add `record` under its slug, or a prep note or application under its posting's slug;
    a second one of one posting stays out, named."""
    key = record.posting if kind.references else record.slug
    existing = kb.groups()[kind.name].setdefault(key, record)
    if existing is record:
        return []
    message = f"{existing.doc.path} is already the {kind.name} for posting {record.posting!r}; "
    message += "keep one file per posting"
    return [Problem(record.doc.path, record.doc.line_of("posting"), "posting", message)]


def read_knowledge_base(docs_dir: str | Path) -> LoadResult:
    """Every file under `docs_dir` read into records, each value checked against its key;
    the rules that judge records and their references run after, on the whole (check/)."""
    docs_dir = Path(docs_dir)
    kb = KnowledgeBase()
    problems: list[Problem] = tree_problems(docs_dir)
    now: dict[_ReadingKey, _Reading] = {}
    for kind in KINDS.values():
        documents, read_problems = _read_folder(docs_dir, kind, now)
        problems += read_problems
        for doc, key_problems in documents:
            problems += key_problems
            record = build_record(doc, kind, {p.key for p in key_problems})
            problems += _store(kb, kind, record)
    _readings.clear()
    _readings.update(now)
    return LoadResult(kb, sort_problems(problems))
