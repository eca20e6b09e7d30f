"""Importing one raw posting: repair and read it, plan its files, refuse a duplicate, write.

The command line only says what happened; every decision is made here, in this order, so a
paste is never written twice and nothing on disk is overwritten unless forced.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from roledex.importer.extract import Extraction, extract
from roledex.importer.repair import Repaired, UnreadableInput, decode_input, repair_text
from roledex.importer.structured import read_structured
from roledex.importer.write import KnownPostings, Plan, plan
from roledex.kb.files import write_text_atomic
from roledex.kb.model import KnowledgeBase


@dataclass(frozen=True)
class Request:
    """What the user asked for: where to write, what to assume, and how far to go."""

    docs: Path
    company: str | None = None
    url: str | None = None
    dry_run: bool = False
    force: bool = False


@dataclass(frozen=True)
class Outcome:
    """What importing one posting found, planned and wrote, or why it stopped."""

    found: Extraction | None = None
    plan: Plan | None = None
    failure: str | None = None
    wrote_company: bool = False

    def report(self) -> dict[str, object] | None:
        """The facts `--dry-run --json` prints, when the text could be read."""
        if self.found is None:
            return None
        return self.found.as_json(self.plan.company_slug if self.plan else None)


def read_posting(raw: bytes, company: str | None = None, url: str | None = None) -> Extraction:
    """The facts of a raw posting: its page's structured data first, then its words.

    With structured data that holds the posting's own text, that text is the body (a saved
    page's menus and footers stay out); otherwise the whole repaired page is.
    """
    text = decode_input(raw)
    structured = read_structured(text)
    repaired = repair_text(text)
    if structured is not None and structured.description:
        description = structured.description
        if "&lt;" in description and "<" not in description:
            description = html.unescape(description)
        try:
            own = repair_text(description)
        except UnreadableInput:
            own = None
        if own is not None and len(own.text) >= 200:
            repaired = Repaired(
                own.text,
                repaired.hints,
                [*repaired.changes, "kept the posting's own text from the page's data as the body"],
                own.body,
            )
    return extract(repaired, company=company, url=url, structured=structured)


def import_posting(
    raw: bytes, request: Request, kb: KnowledgeBase, known: KnownPostings, fallback_title: str
) -> Outcome:
    """Import `raw` as `request` says; a duplicate or an existing file stops it unless forced."""
    try:
        found = read_posting(raw, company=request.company, url=request.url)
    except UnreadableInput as problem:
        return Outcome(failure=str(problem))
    if not found.company:
        return Outcome(found, failure="no company found in the text; pass --company SLUG")
    planned = plan(found, request.docs, kb, fallback_title=fallback_title)
    if request.dry_run:
        return Outcome(found, planned)
    duplicate = known.duplicate_of(found)
    if duplicate and not request.force:
        return Outcome(
            found, planned, failure=f"already imported as {duplicate} (same address or text); --force imports it anyway"
        )
    wrote_company = False
    try:
        write_text_atomic(planned.posting_path, planned.posting_text, overwrite=request.force)
        if planned.company_path is not None and not planned.company_path.exists():
            write_text_atomic(planned.company_path, planned.company_text or "")
            wrote_company = True
    except FileExistsError:
        return Outcome(found, planned, failure=f"{planned.posting_path} already exists; --force overwrites it")
    known.add(found, str(planned.posting_path))
    return Outcome(found, planned, wrote_company=wrote_company)
