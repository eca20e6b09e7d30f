"""Pagefind's word index cut into pieces again, so that a query fetches the words it asks for
and not the heaviest words of the site beside them.

Pagefind sorts every word of the site and cuts the list into pieces of about 20,000 entries
(an entry is a page a word is on, or one place on it), closing a piece once a word has taken it
over that size. A word on every page many times ('team', 'experience'; in the generated
benchmark site 'experiment') holds a hundred thousand entries at 5,000 postings and closes
the piece of the words just before it: a query for 'engineer' fetched the ~100 KiB of
'experiment' with it. A query fetches one piece a word, so that is the price of most titles.

roledex cuts the same words again, at the same size, in the same order, otherwise in three ways:

- a piece is closed *before* a word that would take it over the size, so a heavy word is a piece
  of its own and its neighbours cost what they weigh;
- a heavy word keeps the words it begins ('data' and 'database'), as far as they fit beside it:
  Pagefind looks a word up in one piece and finds there the words it begins;
- of the places to close in a piece's second half, the one where the words on either side share
  the shortest beginning, so a word typed in part finds the words it begins in one piece, as far
  as size allows.

A heavy word, over the size by itself, also keeps only the first few places of each weight on
each page (KEPT_PLACES: its places in the title, in headings and in the text, each counted
apart). The rest cost a hundred kilobytes for a word on every posting many times over and change
little: the word still finds every page it is on, Pagefind ranks by a count of places that it
lets level off after the first few, and draws an excerpt and a page's sections from the places it
has. The places dropped are the last of each run, whose positions are written from the run's
start: the places kept are read back unchanged.

Each piece keeps Pagefind's own bounds (the shortest beginnings that tell neighbours apart, as
Pagefind computes them) and its words' bytes as Pagefind wrote them (a heavy word's with its last
places left out); otherwise only which words share a file changes, and the files' names, which
are their content's hash.

Guarded: the index format is Pagefind's own. The metadata must read back to its own bytes, and
each piece must be its words and nothing else, in the shapes this module knows, with its count
written as this module writes counts; anything else (a release that changed the format, a file
that is not Pagefind's) leaves the index as Pagefind wrote it, which costs bytes, never a result.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import cbor2

from roledex.check.published import PAGEFIND_MARK as MARK

log = logging.getLogger("mkdocs.plugins.roledex")

PIECE_SIZE = 20_000
"""Entries a piece holds at most (a heavier word is a piece alone): Pagefind's own size."""
KEPT_PLACES = 3
"""Places a heavy word keeps of each weight on each page: its first."""
ENTRY = "pagefind-entry.json"


class UnknownFormat(ValueError):
    """The index is not in the shape this module knows: it is left as Pagefind wrote it."""


@dataclass(frozen=True)
class Word:
    """One word of the index: its text, its bytes as Pagefind wrote them (moved into another piece
    as they are, unless the word is thinned) and its number of entries."""

    text: str
    raw: bytes
    entries: int


def _unpacked(path: Path) -> bytes:
    """A file of the index as its CBOR bytes."""
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        raise UnknownFormat(f"{path.name} is not gzip") from None
    if not raw.startswith(MARK):
        raise UnknownFormat(f"{path.name} does not start as Pagefind's files do")
    return raw[len(MARK) :]


def _packed(body: bytes) -> bytes:
    return gzip.compress(MARK + body, compresslevel=6, mtime=0)


def _array_head(count: int) -> bytes:
    """The start of a CBOR array of `count` items, in its shortest form (as Pagefind writes it):
    the integer's own encoding with the array's major type."""
    integer = cbor2.dumps(count)
    return bytes([0x80 | (integer[0] & 0x1F)]) + integer[1:]


def _read_meta(path: Path) -> list[Any]:
    """The metadata, [version, pages, pieces, ...], once it is known to encode back to its bytes."""
    body = _unpacked(path)
    try:
        meta = cbor2.loads(body)
    except (cbor2.CBORDecodeError, ValueError):
        raise UnknownFormat(f"{path.name} is not CBOR") from None
    if cbor2.dumps(meta) != body:
        raise UnknownFormat(f"{path.name} is written in a way this module would not write back")
    if not (isinstance(meta, list) and len(meta) >= 3 and isinstance(meta[0], str) and isinstance(meta[2], list)):
        raise UnknownFormat("the metadata is not [version, pages, pieces, ...]")
    if not all(isinstance(c, list) and len(c) == 3 and all(isinstance(s, str) for s in c) for c in meta[2]):
        raise UnknownFormat("a piece is not [from, to, name]")
    return meta


def _read_words(path: Path) -> list[Word]:
    """A piece's words, [[word, ...]] with each word [text, [[page, [places...], ...], ...], ...]:
    each word's bytes found by reading it, and the piece known to be its words and nothing else."""
    body = _unpacked(path)
    ahead = _HEAD_LENGTHS.get(body[1] & 0x1F, 1) if len(body) > 1 and body[0] == 0x81 and body[1] >> 5 == 4 else 0
    if not ahead:
        raise UnknownFormat(f"{path.name} is not [words]")
    count = body[1] & 0x1F if ahead == 1 else int.from_bytes(body[2 : 1 + ahead], "big")
    if body[1 : 1 + ahead] != _array_head(count):
        raise UnknownFormat(f"{path.name} is written in a way this module would not write back")
    stream = io.BytesIO(body)
    stream.seek(1 + ahead)
    decoder = cbor2.CBORDecoder(stream)
    words = []
    for _ in range(count):
        start = stream.tell()
        try:
            packed = decoder.decode()
        except (cbor2.CBORDecodeError, ValueError):
            raise UnknownFormat(f"{path.name} is not CBOR") from None
        words.append(_word(packed, body[start : stream.tell()]))
    if stream.tell() != len(body):
        raise UnknownFormat(f"{path.name} holds more than its words")
    return words


_HEAD_LENGTHS = {24: 2, 25: 3, 26: 5, 27: 9}
"""Bytes of an array's start by its additional information (shorter lengths are in the first byte)."""


def _word(packed: Any, raw: bytes) -> Word:
    if not (
        isinstance(packed, list) and len(packed) >= 2 and isinstance(packed[0], str) and isinstance(packed[1], list)
    ):
        raise UnknownFormat("a word is not [text, pages, ...]")
    pages = packed[1]
    try:
        places = sum(map(len, map(itemgetter(1), pages)))
    except (TypeError, IndexError, KeyError):
        raise UnknownFormat(f"the pages of {packed[0]!r} are not [page, places, ...]") from None
    return Word(packed[0], raw, len(pages) + places)


def thinned(word: Word, keep: int) -> Word:
    """`word` with the first `keep` places of each run on each page and no more. A page is
    [page, places, ...]; its places are runs, each a weight (a negative number) and the positions
    that weight covers, the first from the run's start and each next from the one before, so a
    run's last places go without changing the others. A word this module would not write back
    as it was written is kept whole."""
    packed = cbor2.loads(word.raw)
    if cbor2.dumps(packed) != word.raw or not all(_is_places(page) for page in packed[1]):
        return word
    pages = [[page[0], _first_of_each_run(page[1], keep), *page[2:]] for page in packed[1]]
    thin = [packed[0], pages, *packed[2:]]
    return _word(thin, cbor2.dumps(thin))


def _is_places(page: Any) -> bool:
    return len(page) >= 2 and isinstance(page[1], list) and all(type(place) is int for place in page[1])


def _first_of_each_run(places: list[int], keep: int) -> list[int]:
    kept: list[int] = []
    in_run = 0
    for place in places:
        if place < 0:
            in_run = 0
        elif in_run >= keep:
            continue
        else:
            in_run += 1
        kept.append(place)
    return kept


def cut(entries: Sequence[int], words: Sequence[str], size: int = PIECE_SIZE) -> list[int]:
    """Where each piece after the first starts, for words in order with their entries: no piece
    over `size` but a heavy word's, which holds it alone with the words it begins ('data' and
    'database'); each piece closed where its last word and the next share the shortest
    beginning, of the places in its second half."""
    starts: list[int] = []
    start, count = 0, len(words)
    while start < count:
        end, total, heaviest = start + 1, entries[start], entries[start]
        while end < count and _joins(words, entries[end], start, end, total, heaviest, size):
            total += entries[end]
            heaviest = max(heaviest, entries[end])
            end += 1
        if end < count and end - start > 1:
            end = _quietest_close(entries, words, start, end, size)
        if end < count:
            starts.append(end)
        start = end
    return starts


def _joins(words: Sequence[str], entries: int, start: int, end: int, total: int, heaviest: int, size: int) -> bool:
    """Whether words[end] goes in the piece words[start:end]: when it fits, or when the piece is
    a heavy word's (over the size by itself), a word of the piece begins it, and the piece apart
    from the heavy word still fits. Pagefind looks a word up in one piece and finds there the
    words it begins, so 'data' finds 'database' only in the same piece."""
    if total + entries <= size:
        return True
    heavy = max(heaviest, entries)
    if heavy <= size or total + entries - heavy > size:
        return False
    return any(words[end].startswith(words[other]) for other in range(end - 1, start - 1, -1))


def _quietest_close(entries: Sequence[int], words: Sequence[str], start: int, end: int, size: int) -> int:
    """Of the places to close the piece words[start:end] once it holds half its size, the one whose
    neighbours share the shortest beginning (the last of equals, for fewer pieces)."""
    best, best_shared, held = end, None, 0
    for close in range(start + 1, end + 1):
        held += entries[close - 1]
        if held * 2 < size:
            continue
        shared = len(os.path.commonprefix((words[close - 1], words[close])))
        if best_shared is None or shared <= best_shared:
            best, best_shared = close, shared
    return best


def bounds(last: str, first: str) -> tuple[str, str]:
    """A piece's end and the next piece's start as Pagefind writes them: each word cut to one
    character past what the two share."""
    shared = len(os.path.commonprefix((last, first)))
    return last[: shared + 1], first[: shared + 1]


def recut(bundle: Path, size: int | None = None, keep: int | None = KEPT_PLACES) -> bool:
    """Cut the word index of each language in Pagefind's `bundle` again, in pieces of `size`
    entries (PIECE_SIZE unless said), a heavy word thinned to the first `keep` places of each
    weight on a page (every place with None); False (and the bundle as it was) when it is not in
    the format this module knows."""
    size = size or PIECE_SIZE
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
        plans = [_plan(bundle, code, language["hash"], size, keep) for code, language in languages.items()]
    except (OSError, ValueError, KeyError, TypeError, UnknownFormat) as error:
        log.debug("roledex: Pagefind's index is left as it was written (%s)", error)
        return False
    for code, plan in plans:
        languages[code]["hash"] = plan.write(bundle)
    temporary = entry_path.with_name(ENTRY + ".new")
    temporary.write_text(json.dumps(entry), encoding="ascii")  # escaped: read right whatever the charset served
    os.replace(temporary, entry_path)
    for _, plan in plans:
        plan.remove_old(bundle)
    return True


@dataclass
class _Plan:
    """One language's index cut again: the new pieces and metadata, and the files they replace."""

    meta: list[Any]
    pieces: list[list[Word]]
    old_files: set[str]
    language: str
    given: set[str] = field(default_factory=set)

    def write(self, bundle: Path) -> str:
        """Write the new pieces and metadata; the metadata's name (for the entry file)."""
        chunks = [[piece[0].text, piece[-1].text, ""] for piece in self.pieces]
        for before, after in zip(chunks, chunks[1:], strict=False):
            before[1], after[0] = bounds(before[1], after[0])
        for chunk, piece in zip(chunks, self.pieces, strict=True):
            content = _packed(b"\x81" + _array_head(len(piece)) + b"".join(word.raw for word in piece))
            chunk[2] = self._write(bundle, "index/{}.pf_index", content, 7)
        self.meta[2] = chunks
        return self._write(bundle, "pagefind.{}.pf_meta", _packed(cbor2.dumps(self.meta)), 10)

    def _write(self, bundle: Path, where: str, content: bytes, length: int) -> str:
        """Write `content` under a name of its hash, as long as it takes to be no other file's
        (an old file of the same content is kept: an index cut twice is cut once)."""
        digest = hashlib.sha256(content).hexdigest()
        while True:
            name = f"{self.language}_{digest[:length]}"
            path = where.format(name)
            if name not in self.given and (path not in self.old_files or (bundle / path).read_bytes() == content):
                break
            length += 1
        self.given.add(name)
        self.old_files.discard(path)
        (bundle / path).write_bytes(content)
        return name

    def remove_old(self, bundle: Path) -> None:
        for old in self.old_files:
            (bundle / old).unlink(missing_ok=True)


def _plan(bundle: Path, code: str, meta_name: str, size: int, keep: int | None) -> tuple[str, _Plan]:
    """Read one language's index, thin its heavy words and cut it again, writing nothing yet."""
    meta_file = f"pagefind.{meta_name}.pf_meta"
    meta = _read_meta(bundle / meta_file)
    chunks = meta[2]
    words = [word for chunk in chunks for word in _read_words(bundle / "index" / f"{chunk[2]}.pf_index")]
    texts = [word.text for word in words]
    if any(a >= b for a, b in zip(texts, texts[1:], strict=False)):
        raise UnknownFormat("the words are not each once and in order")
    if keep is not None:
        words = [thinned(word, keep) if word.entries > size else word for word in words]
    starts = [0, *cut([word.entries for word in words], texts, size), len(words)]
    pieces = [words[a:b] for a, b in zip(starts, starts[1:], strict=False) if b > a]
    old = {meta_file, *(f"index/{chunk[2]}.pf_index" for chunk in chunks)}
    return code, _Plan(meta, pieces, old, meta_name.split("_", 1)[0])
