"""The knowledge base under a docs folder, read and then judged as a whole: the one way in
for the command line, the MkDocs hook and the tests, so a build stops on exactly the
problems `roledex check` prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roledex.check.records import check_record, check_references
from roledex.kb.load import LoadResult, read_knowledge_base
from roledex.kb.problems import sort_problems
from roledex.kb.schema import KINDS


def checked_knowledge_base(docs_dir: str | Path) -> LoadResult:
    """Every record under `docs_dir`, and every problem of its files, records and references."""
    loaded = read_knowledge_base(docs_dir)
    kb, problems = loaded.kb, list(loaded.problems)
    records: list[tuple[str, Any]] = [
        *(("company", record) for record in kb.companies.values()),
        *(("posting", record) for record in kb.postings.values()),
        *(("prep", record) for record in kb.preps.values()),
        *(("application", record) for record in kb.applications.values()),
    ]
    for kind, record in records:
        problems += check_record(KINDS[kind], record)
    problems += check_references(kb)
    return LoadResult(kb, sort_problems(problems))
