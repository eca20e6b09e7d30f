"""The knowledge base under a docs folder, read and then judged as a whole: the one way in
for the command line, the MkDocs plugin and the tests, so a build stops on exactly the
problems `roledex check` prints."""

from __future__ import annotations

from pathlib import Path

from roledex.check.hook_less import unguarded_private
from roledex.check.offers import offer_findings
from roledex.check.records import check_record, check_references
from roledex.kb.load import LoadResult, read_knowledge_base
from roledex.kb.problems import Problem, sort_problems
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
    for offer in kb.offers.values():
        for key, message, severity in offer_findings(offer, kb, settings or Settings()):
            problems.append(Problem(offer.doc.path, offer.doc.line_of(key), key, message, severity))
    if settings is not None and settings.held_back is not None:
        problems += unguarded_private(kb, settings.held_back)
    return LoadResult(kb, sort_problems(problems))
