"""Pages handed to Pagefind while MkDocs is still writing the others, so indexing costs the
build next to nothing on a machine with a second core.

Pagefind's indexer runs on one core; MkDocs renders on one core. Run one after the other, the
indexer adds a tenth to a cold build (7 to 10 s at 5,000 postings); run side by side, it
indexes each page as it is written and the build waits only for the index files at the end.
Pagefind's indexer answers its own Python and Node packages over its standard input and output
(`pagefind --service`: base64 JSON messages, each ended by a comma); this module speaks that
protocol directly, because the Python package reads one answer a tenth of a second, which for
thousands of pages is minutes.

Guarded: should Pagefind answer anything unexpected (a release that changed the protocol, a
page it refused, a process that died), the stream gives up, and the build indexes the written
site with Pagefind's command line instead, as it would without this module: a new release costs
speed, never the index.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("mkdocs.plugins.roledex")

ANSWER_TIMEOUT = 600
"""Seconds to wait for the index files at the end of a build (and for the index to open)."""


class StreamFailed(RuntimeError):
    """Pagefind's service did not do what was asked: the caller indexes another way."""


def _executable() -> Path:
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise StreamFailed("no Pagefind binary")
    return Path(found)


def _write_bundle(output: Path, files: list[Any]) -> None:
    """Pagefind's index files, written here one by one. Its own writer answers before its last
    writes land, and its service exits as soon as it is told to end: a file cut short (a
    WebAssembly file of 64 of its 66 KiB) was published that way."""
    for file in files:
        path, content = (file.get("path"), file.get("content")) if isinstance(file, dict) else (None, None)
        relative = Path(path) if isinstance(path, str) else None
        if relative is None or relative.is_absolute() or ".." in relative.parts or not isinstance(content, str):
            raise StreamFailed(f"Pagefind named a file outside its bundle ({path!r})")
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            data = base64.b64decode(content, validate=True)
        except ValueError:
            raise StreamFailed(f"Pagefind gave {path!r} in a form that could not be read") from None
        target.write_bytes(data)


class PagefindStream:
    """One Pagefind index, fed page by page; `finish` writes its files."""

    def __init__(self, config: dict[str, Any]) -> None:
        self._process = subprocess.Popen(
            [str(_executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._lock = threading.Lock()
        self._answers: dict[int, dict[str, Any]] = {}
        self._answered = threading.Condition(self._lock)
        self._sent = 0
        self._indexed = 0
        self.failure: str | None = None
        assert self._process.stdout is not None
        threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True).start()
        try:
            opened = self._ask({"type": "NewIndex", "config": config})
            if opened.get("type") != "NewIndex" or not isinstance(opened.get("index_id"), int):
                raise StreamFailed(f"Pagefind opened no index ({opened.get('type')})")
        except StreamFailed:
            self.close()
            raise
        self._index = int(opened["index_id"])

    def _read(self, stdout: IO[bytes]) -> None:
        """Every answer, kept by its message number; an error ends the stream."""
        buffer = bytearray()  # the index's files come back as one answer of megabytes: kept, not copied
        while chunk := stdout.read1(1 << 16):  # type: ignore[attr-defined]
            searched = len(buffer)
            buffer += chunk
            if buffer.find(b",", searched) == -1:
                continue
            *messages, rest = bytes(buffer).split(b",")
            buffer = bytearray(rest)
            for message in messages:
                try:
                    answer = json.loads(base64.b64decode(message))
                    number, payload = answer.get("message_id"), answer["payload"]
                except (ValueError, KeyError, TypeError, AttributeError):
                    self._fail("an answer that could not be read")
                    continue
                if payload.get("type") == "Error":
                    self._fail(f"Pagefind: {payload.get('message')}")
                with self._lock:
                    if payload.get("type") == "IndexedFile":
                        self._indexed += 1  # an added page's answer: counted, not kept
                    else:
                        self._answers[number if isinstance(number, int) else -1] = payload
                    self._answered.notify_all()
        self._fail("Pagefind's service stopped")

    def _fail(self, why: str) -> None:
        with self._lock:
            if self.failure is None:
                self.failure = why
            self._answered.notify_all()

    def _send(self, payload: dict[str, Any]) -> int:
        with self._lock:
            if self.failure is not None:
                raise StreamFailed(self.failure)
            self._sent += 1
            number = self._sent
        message = json.dumps({"message_id": number, "payload": payload}).encode("utf-8")
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            self._process.stdin.flush()
        except OSError as error:
            self._fail(f"Pagefind's service could not be written to ({error})")
            raise StreamFailed(str(error)) from None
        return number

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        number = self._send(payload)
        with self._lock:
            waited = self._answered.wait_for(
                lambda: number in self._answers or self.failure is not None, timeout=ANSWER_TIMEOUT
            )
            if self.failure is not None or not waited:
                raise StreamFailed(self.failure or "Pagefind did not answer")
            return self._answers.pop(number)

    def add(self, url: str, html: str) -> None:
        """Hand over one written page (its address as the site serves it, and its HTML)."""
        self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_contents": html})

    def finish(self, output: Path) -> int:
        """Write the index files to `output` once every page is indexed; the number of pages."""
        pages = self._sent - 1
        try:
            started = time.perf_counter()
            with self._lock:
                self._answered.wait_for(
                    lambda: self._indexed >= pages or self.failure is not None, timeout=ANSWER_TIMEOUT
                )
            log.debug("roledex: Pagefind had %.2f s of pages left to index", time.perf_counter() - started)
            with self._lock:
                if self.failure is not None or self._indexed != pages:
                    raise StreamFailed(self.failure or f"Pagefind indexed {self._indexed} of {pages} pages")
            started = time.perf_counter()
            answer = self._ask({"type": "GetFiles", "index_id": self._index})
            if answer.get("type") != "GetFiles" or not isinstance(answer.get("files"), list):
                raise StreamFailed(f"Pagefind gave no index ({answer.get('type')})")
            _write_bundle(output, answer["files"])
            log.debug("roledex: Pagefind's index built and written in %.2f s", time.perf_counter() - started)
            return pages
        finally:
            self.close()

    def close(self) -> None:
        """End the service, whatever state it is in."""
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
