"""The knowledge base under a docs folder, read and then judged as a whole: the one way in
for the command line, the MkDocs hook and the tests, so a build stops on exactly the
problems `roledex check` prints."""

from __future__ import annotations

from pathlib import Path

from roledex.check.records import check_record, check_references
from roledex.kb.load import LoadResult, read_knowledge_base
from roledex.kb.problems import sort_problems
from roledex.kb.schema import KINDS
from roledex.kb.settings import Settings


def checked_knowledge_base(docs_dir: str | Path, settings: Settings | None = None) -> LoadResult:
    """Every record under `docs_dir`, and every problem of its files, records and references;
    `settings` give the reminders' numbers (their defaults without)."""
    loaded = read_knowledge_base(docs_dir)
    kb, problems = loaded.kb, list(loaded.problems)
    for kind, group in kb.groups().items():
        for record in group.values():
            problems += check_record(KINDS[kind], record, settings=settings)
    problems += check_references(kb)
    return LoadResult(kb, sort_problems(problems))
