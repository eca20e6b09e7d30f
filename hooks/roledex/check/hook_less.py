"""Private records that a build without roledex's hook would publish.

MkDocs with roledex's hook decides privacy file by file. Another engine reading mkdocs.yml
(Zensical, or MkDocs with roledex taken out) knows only `draft_docs` and `exclude_docs`: the
private folders are listed there, but a company or posting that says `private: true` (and the
postings of a private company) must be too, or such a build publishes it.
"""

from __future__ import annotations

from pathspec import GitIgnoreSpec

from roledex.facts.privacy import in_private_folder
from roledex.kb.model import KnowledgeBase, Posting
from roledex.kb.problems import Problem


def unguarded_private(kb: KnowledgeBase, held_back: tuple[str, ...]) -> list[Problem]:
    """One problem per private record outside the private folders that no `draft_docs` or
    `exclude_docs` pattern covers, at its `private` key (or the `company` key that makes it private)."""
    spec = GitIgnoreSpec.from_lines(held_back)
    problems = []
    for group in kb.groups().values():
        for record in group.values():
            uri = record.doc.src_uri
            if in_private_folder(uri) or spec.match_file(uri):
                continue
            company = kb.companies.get(record.company) if isinstance(record, Posting) else None
            if record.private:
                key, why = "private", "is private"
            elif company is not None and company.private:
                key, why = "company", "is private with its company"
            else:
                continue  # public, or hidden for a broken reference the check reports on its own
            problems.append(
                Problem(
                    record.doc.path,
                    record.doc.line_of(key),
                    key,
                    f"{why}, but mkdocs.yml does not hold it back from engines that run no hook "
                    f"(zensical build would publish it); hint: add the line `/{uri}` under draft_docs",
                )
            )
    return problems
