"""An address whose posting is already on record: what changed, and `--update` to apply it.

Without `--update` nothing is written: the changes are listed and the posting counts as not
imported. With it, the file as it stood is kept as a snapshot first, the facts that follow
the posting are set in place (every other byte of the front matter as the user left it),
the text is replaced unless the user edited it, and the new reading becomes the newest
snapshot. A posting taken down gets `closes` set to the day it was found gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roledex.importer.extract import Extraction
from roledex.importer.outcome import Outcome, Request
from roledex.importer.snapshots import Snapshot, keep, latest, snapshot_folder
from roledex.importer.update import applied_values, changes, closing, text_change, with_body
from roledex.importer.write import fingerprint, front_matter
from roledex.kb.files import edit_in_place
from roledex.kb.schema import POSTING
from roledex.kb.source import Document, read_document
from roledex.kb.status_edit import CannotEdit, set_keys


class _Unreadable(Exception):
    """The posting file on record cannot be compared; the message says why."""


def _read(path: str) -> tuple[str, Document]:
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise _Unreadable(f"cannot be read ({error.strerror or error})") from None
    document, problems = read_document(path, POSTING.folder, file.stem, raw)
    if document is None or not document.readable or problems:
        raise _Unreadable("has front matter problems; fix them first (`roledex check` lists them)")
    return raw.decode("utf-8-sig"), document


def _reading(found: Extraction, record: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The posting file a fresh import would write (the company kept), and its front matter."""
    company = str(record.get("company") or "")
    title = found.title or str(record.get("title") or "")
    text = front_matter(found, company, title, found.inferred.get("title")) + "\n" + found.body
    document, _ = read_document("reading", POSTING.folder, "reading", text.encode("utf-8"))
    return text, dict(document.meta) if document is not None else {}


def _news(
    found: Extraction, document: Document, base: Snapshot | None, fresh: dict[str, Any]
) -> tuple[list, Any, bool]:
    facts = changes(document.meta, base.meta if base is not None else None, fresh)
    text = text_change(document.body, found.body)
    edited_text = base is not None and fingerprint(document.body) != fingerprint(base.body)
    return facts, text, edited_text


def brought_up_to_date(found: Extraction, path: str, request: Request) -> Outcome:
    """Compare the posting file at `path` with what its address says now; apply on request."""
    try:
        text, document = _read(path)
    except _Unreadable as problem:
        return Outcome(found, failure=f"already imported as {path}, which {problem}", record=path)
    folder = snapshot_folder(request.docs, Path(path).stem)
    base = latest(folder)
    reading, fresh = _reading(found, document.meta)
    facts, text_diff, edited_text = _news(found, document, base, fresh)
    news = [fact.describe() for fact in facts]
    if text_diff is not None:
        news += text_diff.describe()
        if edited_text:
            news.append("text: you edited it, so yours stays; the posting's text goes to the snapshot")
    if not news:
        news = ["up to date with its address"]
    if request.dry_run or not request.update:
        if request.dry_run:
            return Outcome(found, record=path, news=tuple(news))
        hint = "; --update applies the changes" if facts or text_diff else ""
        return Outcome(found, failure=f"already imported as {path}{hint}", record=path, news=tuple(news))
    values = applied_values(document.meta, facts)
    body = found.body if text_diff is not None and not edited_text else None
    try:
        updated = _updated(text, values, body)
    except CannotEdit as problem:
        return Outcome(found, failure=f"{path} cannot be updated: {problem}", record=path, news=tuple(news))
    written = []
    if updated != text:
        old, digest, _ = keep(folder, text, request.today)
        written.append(f"kept the file as it was in {old} (sha256 {digest[:12]})")
        edit_in_place(Path(path), lambda current: _updated(current, values, body))
        written.append(f"updated {path}")
    snapshot, digest, new = keep(folder, reading, request.today)
    if new:
        written.append(f"kept the posting as read in {snapshot} (sha256 {digest[:12]})")
    return Outcome(found, record=path, news=tuple(news), written=tuple(written))


def _updated(text: str, values: dict[str, Any], body: str | None) -> str:
    edited = set_keys(text, values, POSTING) if values else text
    return with_body(edited, body) if body is not None else edited


def taken_down(path: str, reason: str, request: Request) -> Outcome:
    """The address of a posting on record says it is gone: record that it closed, on request."""
    try:
        text, document = _read(path)
    except _Unreadable as problem:
        return Outcome(failure=f"{reason}; on record as {path}, which {problem}", record=path)
    values = closing(document.meta, request.today)
    gone = f"taken down: {reason}"
    if values:
        news = (gone, f"closes: {document.meta.get('closes') or '(none)'} -> {request.today}")
    else:
        news = (gone, f"closes: already {document.meta['closes']}")
    if request.dry_run:
        return Outcome(record=path, news=news)
    if not request.update:
        hint = "; --update records that it closed" if values else ""
        return Outcome(failure=f"already imported as {path}{hint}", record=path, news=news)
    if not values:
        return Outcome(record=path, news=news)
    try:
        edit_in_place(Path(path), lambda current: set_keys(current, values, POSTING))
    except CannotEdit as problem:
        return Outcome(failure=f"{path} cannot be updated: {problem}", record=path, news=news)
    return Outcome(record=path, news=news, written=(f"updated {path}",))
