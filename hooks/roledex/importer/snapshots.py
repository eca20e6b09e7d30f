"""What a posting's address said, kept on record: dated snapshots and their sha256.

A posting changes or disappears after it is saved. Each reading of a posting's address is
kept as it was written (front matter and text) in `snapshots/postings/<slug>/<date>.md`
beside the docs folder, outside it, so no build of any engine can publish a snapshot; each
is listed with its sha256 in that folder's `SHA256SUMS` (`sha256sum -c SHA256SUMS` checks
them). The newest snapshot is what roledex last read from the address: the base that tells
the user's own edits of the posting file from the posting's changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roledex.kb.files import write_text_atomic
from roledex.kb.kept import SNAPSHOTS, kept_folder, kept_versions
from roledex.kb.schema import POSTING
from roledex.kb.source import read_document

SUMS = "SHA256SUMS"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_folder(docs: Path, slug: str) -> Path:
    """Where a posting's snapshots live: beside the docs folder, never inside it."""
    return kept_folder(docs, POSTING.folder, slug)


@dataclass(frozen=True)
class Snapshot:
    """One kept reading: its file, its sha256, its front matter and its text."""

    path: Path
    sha256: str
    meta: dict[str, Any]
    body: str


def _sums(folder: Path) -> dict[str, str]:
    """File name -> sha256, as SHA256SUMS lists them."""
    try:
        lines = (folder / SUMS).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    sums = {}
    for line in lines:
        digest, _, name = line.partition("  ")
        if digest and name:
            sums[name] = digest
    return sums


def latest(folder: Path) -> Snapshot | None:
    """The newest snapshot in `folder`, or None when the posting has none."""
    versions = kept_versions(folder)
    if not versions:
        return None
    path = versions[-1][1]
    raw = path.read_bytes()
    document, _ = read_document(str(path), SNAPSHOTS, path.stem, raw)
    meta = document.meta if document is not None else {}
    body = document.body if document is not None else ""
    return Snapshot(path, hashlib.sha256(raw).hexdigest(), meta, body)


def keep(folder: Path, content: str, day: dt.date) -> tuple[Path, str, bool]:
    """Keep `content` as the snapshot of `day`; (its file, its sha256, whether it is new).

    A content that is the newest snapshot already is not written again (an older one is: the
    newest is always the last reading). The file is written atomically, read back, and then
    listed in SHA256SUMS.
    """
    digest = sha256(content)
    newest = latest(folder)
    if newest is not None and newest.sha256 == digest:
        return newest.path, digest, False
    sums = _sums(folder)
    taken = {path.name for path in folder.iterdir()} if folder.is_dir() else set()
    number = 1
    while (name := day.isoformat() + (f"-{number}" if number > 1 else "") + ".md") in taken:
        number += 1
    path = folder / name
    write_text_atomic(path, content)
    if path.read_bytes() != content.encode("utf-8"):
        raise OSError(f"{path} does not hold what was written; check the disk and the file")
    listing = "".join(f"{known}  {known_name}\n" for known_name, known in {**sums, name: digest}.items())
    write_text_atomic(folder / SUMS, listing, overwrite=True)
    return path, digest, True
