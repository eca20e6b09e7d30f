"""Importing one raw posting: repair and read it, plan its files, refuse a duplicate, write.

The command line only says what happened; every decision is made here, in this order, so a
paste is never written twice and nothing on disk is overwritten unless forced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

import httpx

from roledex.importer.boards import board_for
from roledex.importer.extract import NO_WORK_MODE, Extraction, extract, overridden
from roledex.importer.fetch import FetchError, PostingGone, fetch
from roledex.importer.fields import work_mode_from_text
from roledex.importer.notes import Note
from roledex.importer.on_record import brought_up_to_date, taken_down
from roledex.importer.outcome import Outcome, Request
from roledex.importer.records import read_record
from roledex.importer.repair import Repaired, UnreadableInput, decode_input, repair_text
from roledex.importer.snapshots import keep, snapshot_folder
from roledex.importer.structured import Structured, read_structured
from roledex.importer.tables import table_as_labels
from roledex.importer.write import KnownPostings, plan
from roledex.kb.files import write_text_atomic
from roledex.kb.model import KnowledgeBase

MIN_OWN_TEXT = 20
"""Characters of text below which a page's structured description is a placeholder, not the posting
(schema.org asks for the whole description there, so anything longer is kept over the page)."""


def _own_text(repaired: Repaired, structured: Structured | None) -> Repaired:
    """With structured data that holds the posting's own text, that text as the body (a saved
    page's menus and footers stay out); otherwise the whole repaired page."""
    if structured is None or not structured.description:
        return repaired
    description = structured.description
    if "&lt;" in description and "<" not in description:
        description = html.unescape(description)
    try:
        own = repair_text(description, html=True)
    except UnreadableInput:
        return repaired
    if len(own.text) < MIN_OWN_TEXT and repaired.text:
        return repaired
    note = Note(f"kept the posting's own text from {structured.source} as the body")
    said = list(dict.fromkeys([*repaired.changes, *own.changes, note]))  # the page's and its data's, once each
    return Repaired(own.text, repaired.hints, said, own.body)


def read_posting(
    raw: bytes, company: str | None = None, url: str | None = None, today: dt.date | None = None
) -> Extraction:
    """The facts of a raw posting: its page's structured data first, then its words (a date such
    as '3 days ago' counted back from `today`)."""
    written = decode_input(raw)
    text = table_as_labels(written)  # before HTML in a cell ('<br>') is converted
    structured = read_structured(text) or read_record(text)
    try:
        repaired = repair_text(text)
    except UnreadableInput:
        if structured is None or not structured.description:
            raise
        repaired = Repaired("")  # a page whose words are all in its structured data
    found = extract(_own_text(repaired, structured), company=company, url=url, structured=structured, today=today)
    if text != written:  # a table row read by its columns: the body keeps the row as written
        with contextlib.suppress(UnreadableInput):
            as_written = repair_text(written)
            found.body = as_written.body or as_written.text
    return _mode_from_the_page(found, repaired) if structured is not None else found


def _mode_from_the_page(found: Extraction, page: Repaired) -> Extraction:
    """A work mode the structured data does not state, read from the page around it (a header's
    'Hybrid (3 days in office)'), when the posting's own text did not state one either."""
    if found.work_mode is not None or not page.text:
        return found
    mode = work_mode_from_text(page.text, found.locations)
    if mode is None:
        return found
    found.work_mode = mode.value
    found.warnings = [w for w in found.warnings if w != NO_WORK_MODE]
    found.warnings.append(Note(f"the work mode '{mode.value}' is read from the page around the posting's data"))
    return found


def read_address(
    address: str, http: httpx.Client, company: str | None = None, today: dt.date | None = None
) -> Extraction:
    """The facts of the posting at `address`: from its system's API when roledex knows the
    system, else from the page (its structured data first, then its words).

    Raises PostingGone for a posting that is not there any more, FetchError for an address
    that gives no posting for another reason (refused, no network).
    """
    board = board_for(address)
    if board is not None:
        try:
            answer = fetch(board.api_url, http)
            structured = board.read(answer.body if board.api_is_xml else answer.json(), board)
        except LookupError as gone:
            raise PostingGone(str(gone)) from None
        except PostingGone:
            raise
        except FetchError:
            structured = None  # the API is down or refused: the page itself may still say it all
        except (ValueError, AttributeError, TypeError, ElementTree.ParseError):
            structured = None
        if structured is not None and (structured.description or structured.title):
            text = structured.description or structured.title or ""
            repaired = _own_text(Repaired(""), structured) if structured.description else repair_text(text)
            return extract(repaired, company=company, url=structured.url or address, structured=structured, today=today)
    page = fetch(address, http)
    return read_posting(page.body, company=company, url=page.url, today=today)


def _finish(
    found: Extraction,
    request: Request,
    kb: KnowledgeBase,
    known: KnownPostings,
    fallback_title: str,
    address: bool = False,
) -> Outcome:
    """Plan the files of what was read; a duplicate or an existing file stops it unless forced."""
    found = overridden(found, request.title, request.location, request.work_mode)
    if not found.company:
        return Outcome(found, failure="no company found in the text; pass --company SLUG")
    planned = plan(found, request.docs, kb, fallback_title=fallback_title)
    duplicate = known.duplicate_of(found)
    if duplicate and not request.force:  # a page saved again: what changed, and --update to apply it
        compared = replace(brought_up_to_date(found, duplicate, request), plan=planned)
        if compared.failure == f"already imported as {duplicate}":  # and nothing changed
            return replace(compared, failure=f"{compared.failure} (same address or text); --force imports it anyway")
        return compared
    if request.dry_run:
        return Outcome(found, planned)
    wrote_posting = wrote_company = False
    try:
        write_text_atomic(planned.posting_path, planned.posting_text, overwrite=request.force)
        wrote_posting = True
        if planned.company_path is not None and not planned.company_path.exists():
            write_text_atomic(planned.company_path, planned.company_text or "")
            wrote_company = True
    except OSError as error:
        if isinstance(error, FileExistsError) and not wrote_posting and planned.posting_path.is_file():
            return Outcome(found, planned, failure=f"{planned.posting_path} already exists; --force overwrites it")
        # a file where a folder should be, a full disk, no permission: said as it is
        done = (
            f"{planned.posting_path} was written, its company's file was not"
            if wrote_posting
            else "nothing was written"
        )
        return Outcome(found, planned, failure=f"cannot write: {error.strerror or error}; {done}")
    known.add(found, str(planned.posting_path))
    written: tuple[str, ...] = ()
    if address:
        folder = snapshot_folder(request.docs, planned.posting_path.stem)
        try:
            snapshot, digest, _ = keep(folder, planned.posting_text, request.today)
        except OSError as error:
            written = (f"wrote the posting, but could not keep a snapshot in {folder}: {error.strerror or error}",)
        else:
            written = (f"kept the posting as read in {snapshot} (sha256 {digest[:12]})",)
    return Outcome(found, planned, wrote_company=wrote_company, written=written)


def import_posting(
    raw: bytes, request: Request, kb: KnowledgeBase, known: KnownPostings, fallback_title: str
) -> Outcome:
    """Import `raw` as `request` says."""
    try:
        found = read_posting(raw, company=request.company, url=request.url, today=request.today)
    except UnreadableInput as problem:
        return Outcome(failure=str(problem))
    return _finish(found, request, kb, known, fallback_title)


def import_address(
    address: str, request: Request, kb: KnowledgeBase, known: KnownPostings, http: httpx.Client
) -> Outcome:
    """Import the posting at `address`; one already on record is compared with what the
    address says now, and brought up to date when the request says so."""
    on_record = None if request.force else known.duplicate_of_address(address)
    try:
        found = read_address(address, http, company=request.company, today=request.today)
    except PostingGone as gone:
        return taken_down(on_record, str(gone), request) if on_record else Outcome(failure=str(gone))
    except (FetchError, UnreadableInput) as problem:
        return Outcome(failure=str(problem))
    if on_record is None and found.url and not request.force:
        on_record = known.duplicate_of_address(found.url)
    if on_record is not None:
        return brought_up_to_date(
            overridden(found, request.title, request.location, request.work_mode), on_record, request
        )
    return _finish(found, request, kb, known, fallback_title="posting", address=True)
