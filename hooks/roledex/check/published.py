"""Proof that a built site holds nothing private: every output file searched for private text.

The fragments searched for are the sentences and values of every page a published build
leaves out, less any that also stand in a published page (those are not secrets). Output
files are read as a reader's browser or a search engine would: HTML as text, JSON strings,
gzip unpacked whatever the file is called (Pagefind's search index is gzip under names of
its own).
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roledex.facts.privacy import PRIVATE_FOLDERS, hand_written, in_private_folder, is_calendar_file
from roledex.kb.inert import running_parts
from roledex.kb.model import KnowledgeBase, Prep
from roledex.kb.schema import KINDS, POSTING, PREP
from roledex.kb.source import Document, marked_private

MIN_FRAGMENT = 24
MIN_VALUE = 8
_TEXT_SUFFIXES = (".html", ".htm", ".json", ".xml", ".txt", ".csv", ".md", ".svg")
"""Files that carry content. Stylesheets and scripts are the theme's and roledex's own code."""


_PLAIN_PUNCTUATION = str.maketrans("’‘“”–—", "''\"\"--")


def normalise(text: str) -> str:
    """Text without markup, entities, typographic quotes or runs of white space, lowercased."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>|]+", " ", text)
    text = text.translate(_PLAIN_PUNCTUATION)
    return " ".join(text.split()).lower()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _sentences(body: str) -> Iterator[str]:
    for line in body.split("\n"):
        cleaned = normalise(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line))
        for sentence in re.split(r"(?<=[.!?])\s+", cleaned):
            if len(sentence) >= MIN_FRAGMENT:
                yield sentence


@dataclass(frozen=True)
class Judgement:
    """Which record files may be published, decided from their front matter alone.

    The build decides this with `privacy.public_view`; publish-check decides it again here,
    from the source files and in other words, so a mistake in either shows as a leak.
    """

    shown_paths: set[str]
    hidden_paths: set[str]


def _says_private(doc: Document) -> bool:
    """A file's own word: its `private` key, or its folder's default; anything but false hides."""
    default = next(kind.private_by_default for kind in KINDS.values() if kind.folder == doc.folder)
    return doc.meta.get("private", default) is not False


def judge_privacy(kb: KnowledgeBase) -> Judgement:
    """A record is private when its file says so, or when the record it belongs to (a
    posting's or a contact's company, a prep note's or an application's posting) is private
    or missing."""
    companies = {slug: _says_private(c.doc) for slug, c in kb.companies.items()}
    postings = {
        slug: _says_private(p.doc) or companies.get(str(p.doc.meta.get("company")), True)
        for slug, p in kb.postings.items()
    }
    hidden: set[str] = {c.doc.src_uri for slug, c in kb.companies.items() if companies[slug]}
    hidden |= {p.doc.src_uri for slug, p in kb.postings.items() if postings[slug]}
    for group in (kb.preps, kb.applications):
        for record in group.values():
            posting = str(record.doc.meta.get("posting", record.doc.slug))
            if _says_private(record.doc) or postings.get(posting, True):
                hidden.add(record.doc.src_uri)
    for contact in kb.contacts.values():
        company = contact.doc.meta.get("company")
        if _says_private(contact.doc) or (company is not None and companies.get(str(company), True)):
            hidden.add(contact.doc.src_uri)
    own: list[Any] = [*kb.stories.values(), *kb.questions.values()]  # the user's own, no record above them
    hidden |= {record.doc.src_uri for record in own if _says_private(record.doc)}
    every = {r.doc.src_uri for g in kb.groups().values() for r in g.values()}
    return Judgement(every - hidden, hidden)


def public_pages_text(docs: Path, view: Judgement) -> str:
    """The text of the hand-written pages a published build keeps, beyond the four folders."""
    texts = []
    uris = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    for uri in sorted(hand_written(uris, view.shown_paths | view.hidden_paths)):
        text = (docs / uri).read_text(encoding="utf-8", errors="replace")
        if not marked_private(text):
            texts.append(text)
    return "\n".join(texts)


def private_fragments(full: KnowledgeBase, view: Judgement, public_text: str = "") -> dict[str, str]:
    """Fragment -> the private file it comes from, for every record judged private.

    Text that also stands in a published page (its records, slugs, or `public_text`) is no
    secret and is not searched for.
    """
    groups = full.groups().values()
    shown = (
        " ".join(
            normalise(f"{r.slug} {r.doc.body} " + " ".join(_strings(r.doc.meta)))
            for group in groups
            for r in group.values()
            if r.doc.src_uri in view.shown_paths
        )
        + " "
        + normalise(public_text)
    )
    shown_postings = {slug for slug, p in full.postings.items() if p.doc.src_uri in view.shown_paths}
    fragments: dict[str, str] = {}
    for group in groups:
        for record in group.values():
            if record.doc.src_uri not in view.hidden_paths:
                continue
            replaced = isinstance(record, Prep) and record.posting in shown_postings
            if not replaced:  # a hidden prep file's address still holds the generated prep page
                fragments[(record.doc.src_uri[:-3] + "/").lower()] = record.doc.path
            values = (normalise(v) for v in _strings(record.doc.meta))
            for fragment in [*_sentences(record.doc.body), *(v for v in values if len(v) >= MIN_VALUE)]:
                if fragment not in shown:
                    fragments.setdefault(fragment, record.doc.path)
    return fragments


GZIP_MAGIC = b"\x1f\x8b"
PAGEFIND_MARK = b"pagefind_dcd"
"""What starts each of Pagefind's index files once unpacked: a page's fragment (JSON of its
title and text), the word index and the metadata (CBOR, whose strings are the words)."""


def _unpacked(raw: bytes) -> bytes | None:
    """`raw` with gzip undone, as a browser undoes it whatever the file is called; None when it
    is not gzip after all."""
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError):
        return None


def _read_output(path: Path) -> str | None:
    """The text a reader could get from an output file: gzip unpacked (by its content, not its
    name: Pagefind's index is gzip under names of its own), JSON as its strings."""
    raw = path.read_bytes()
    packed = raw.startswith(GZIP_MAGIC)
    if packed:
        unpacked = _unpacked(raw)
        if unpacked is None:
            return None
        raw = unpacked
    elif path.suffix not in _TEXT_SUFFIXES:
        return None
    if raw.startswith(PAGEFIND_MARK):
        raw = raw[len(PAGEFIND_MARK) :]
    text = raw.decode("utf-8", errors="replace")
    if raw[:1] in (b"{", b"[") or path.suffix == ".json" or path.name.endswith(".json.gz"):
        try:
            return normalise(" ".join(_strings(json.loads(text))))
        except ValueError:
            pass
    return normalise(text)


@dataclass(frozen=True)
class Leak:
    output: str
    fragment: str
    source: str


def find_leaks(site: Path, fragments: dict[str, str]) -> list[Leak]:
    """Every output file that holds a private fragment (one finding per file and source)."""
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = _read_output(path)
        if text is None:
            continue
        seen: set[str] = set()
        for fragment, source in fragments.items():
            if source not in seen and fragment in text:
                seen.add(source)
                leaks.append(Leak(str(path.relative_to(site)), fragment, source))
    return leaks


def stray_private_fragments(docs: Path, view: Judgement) -> dict[str, str]:
    """Fragment -> file, for every file in a private folder that is not a record (notes.txt,
    x.MD, page.html): none of them may be published, whatever the build did with them."""
    fragments: dict[str, str] = {}
    records = view.shown_paths | view.hidden_paths
    for folder in sorted(PRIVATE_FOLDERS):
        for path in sorted((docs / folder).rglob("*")) if (docs / folder).is_dir() else []:
            if path.is_file() and path.relative_to(docs).as_posix() not in records:
                text = path.read_bytes().decode("utf-8", errors="replace")
                for fragment in _sentences(text):
                    fragments.setdefault(fragment, str(path))
    return fragments


def private_folder_outputs(site: Path, view: Judgement) -> list[Leak]:
    """Files of the built site inside a private folder, but the pages of records shown and
    the prep page every published posting has (its notes judged on their own)."""
    allowed = {uri[: -len(".md")] + "/index.html" for uri in view.shown_paths}
    postings = f"{POSTING.folder}/"
    allowed |= {
        f"{PREP.folder}/{uri[len(postings) : -len('.md')]}/index.html"
        for uri in view.shown_paths
        if uri.startswith(postings)
    }
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        output = path.relative_to(site).as_posix()
        if in_private_folder(output) and output not in allowed:
            leaks.append(Leak(output, "a file in a private folder", output))
    return leaks


def calendar_outputs(site: Path) -> list[Leak]:
    """Calendar files in the built site, by name or by content: the user's interviews."""
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
        if is_calendar_file(path.name) or head.startswith(b"BEGIN:VCALENDAR"):
            output = path.relative_to(site).as_posix()
            leaks.append(Leak(output, "a calendar file", output))
    return leaks


ACTION_MARKS = (b"/_roledex/", b"data-roledex-token")
"""What only the local site's actions hold (their addresses, their script): never a built file."""


def action_outputs(site: Path) -> list[Leak]:
    """Files of the built site that hold the local site's actions: markup, script or an address
    of them (a page saved from `serve`, or a build made some other way)."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
        content = path.read_bytes()
        mark = next((m for m in ACTION_MARKS if m in content), None)
        if mark is not None:
            output = path.relative_to(site).as_posix()
            found.append(Leak(output, mark.decode(), "the local site's actions"))
    return found


def published_pages(site: Path) -> list[str]:
    """The address of every page in the built site."""
    addresses = []
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site).as_posix()
        addresses.append("/" if folder == "." else f"/{folder}/")
    return sorted(addresses)


_MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".svg", ".xml")


def _markup_of(path: Path) -> list[str]:
    """The markup a browser may render from an output file: the file itself, or each string of
    a JSON file (Material's search shows the text of its index as HTML)."""
    if path.suffix.lower() in _MARKUP_SUFFIXES:
        return [path.read_bytes().decode("utf-8", errors="replace")]
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
        except ValueError:
            return []
        return [text for text in _strings(data) if "<" in text]
    return []


def running_outputs(site: Path) -> list[Leak]:
    """Every event handler or running address (javascript:, vbscript:, data:) in the built
    site's pages and search data: content made to run script, which no build may publish."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
        output = path.relative_to(site).as_posix()
        for markup in _markup_of(path):
            for part in running_parts(markup, elements=False):
                found.append(Leak(output, f"line {part.line}: {part.what}", "script in content"))
    return found


def symlinks(site: Path) -> list[str]:
    """Every symbolic link in the built site, files and folders alike: GitHub's Pages upload
    archives the file a link points to, wherever it is, so a published site holds none."""
    found = []
    for folder, folders, files in os.walk(site, followlinks=False):
        for name in sorted([*folders, *files]):
            path = Path(folder) / name
            if path.is_symlink():
                found.append(path.relative_to(site).as_posix())
    return sorted(found)
