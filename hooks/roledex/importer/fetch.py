"""Fetching a posting's page or its board's API: a real HTTP client with limits.

Timeouts, a size limit, a bounded number of redirects and a User-Agent that says who asks.
Every failure is one `FetchError` line in roledex's words (a closed posting, no network, a
page too large), never a traceback.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from roledex import __version__
from roledex.importer.limits import DOWNLOAD_SECONDS, MAX_BYTES, TooMuch, check_json

USER_AGENT = f"roledex/{__version__} (a job seeker's own knowledge base; one request per posting)"
TIMEOUT = httpx.Timeout(15.0, connect=10.0)
MAX_REDIRECTS = 5


class FetchError(Exception):
    """An address that gave no posting: the reason as one line."""


class PostingGone(FetchError):
    """The address answered that the posting is not there any more (HTTP 404 or 410, or its
    board no longer lists it): for a posting on record, a fact to record, not only a failure."""


@dataclass(frozen=True)
class Fetched:
    """What an address answered: the address after redirects, and its bytes in UTF-8."""

    url: str
    body: bytes

    def json(self) -> Any:
        try:
            text = self.body.decode("utf-8")
            check_json(text)
            return json.loads(text)
        except TooMuch as error:
            raise FetchError(f"{self.url} {error}") from None
        except ValueError:
            raise FetchError(f"{self.url} did not answer with JSON") from None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)


def as_utf8(body: bytes, charset: str | None) -> bytes:
    """The body in UTF-8: as the server or the page's own <meta> declares it, when not UTF-8."""
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    declared = charset or (match.group(1).decode() if (match := _META_CHARSET.search(body[:4096])) else None)
    try:
        return body.decode(declared or "cp1252").encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return body


def client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The client every fetch uses; tests pass a transport that never touches the network."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/json;q=0.9,*/*;q=0.8"},
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
    )


def _status_problem(status: int) -> str:
    if status in (404, 410):
        return f"the posting is not there (HTTP {status}); it may have closed or moved"
    if status in (401, 403):
        return f"the site refused the request (HTTP {status}); save the page from your browser and import the file"
    if status == 429:
        return "the site asks to slow down (HTTP 429); try again later"
    return f"the site answered HTTP {status}"


def fetch(url: str, http: httpx.Client, seconds: float | None = None) -> Fetched:
    """The answer of `url`, or FetchError saying why there is none; never later than
    DOWNLOAD_SECONDS, however slowly the server sends (each read has its own timeout too, but
    a server can keep every read short and never finish)."""
    seconds = DOWNLOAD_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    answer: list[Fetched | BaseException] = []
    worker = threading.Thread(target=_fetch_into, args=(url, http, deadline, answer), daemon=True)
    worker.start()
    worker.join(seconds)
    if not answer:  # the worker stops at its next read; nothing waits for it
        raise FetchError(f"no whole answer within {seconds:g} s; try again, or save the page and import the file")
    result = answer[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch_into(url: str, http: httpx.Client, deadline: float, answer: list[Fetched | BaseException]) -> None:
    try:
        answer.append(_fetch_now(url, http, deadline))
    except BaseException as error:  # handed to the caller's thread, which raises it
        answer.append(error)


def _fetch_now(url: str, http: httpx.Client, deadline: float) -> Fetched:
    try:
        with http.stream("GET", url) as response:
            if response.status_code in (404, 410):
                raise PostingGone(_status_problem(response.status_code))
            if response.status_code >= 400:
                raise FetchError(_status_problem(response.status_code))
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise FetchError(f"the page is {int(declared) / 2**20:.1f} MB; a posting is a few kilobytes")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"the page is larger than {MAX_BYTES // 2**20} MB; a posting is a few kilobytes")
                if time.monotonic() > deadline:
                    raise FetchError("the download outlasted its deadline")
                chunks.append(chunk)
            body = b"".join(chunks)
            return Fetched(str(response.url), as_utf8(body, response.charset_encoding))
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects; open the address in a browser") from None
    except httpx.TimeoutException:
        raise FetchError("no answer in time; try again, or save the page and import the file") from None
    except httpx.ConnectError:
        raise FetchError("cannot connect (no network, or the host does not exist)") from None
    except (httpx.InvalidURL, ValueError):
        raise FetchError("is not an address roledex can fetch") from None
    except httpx.HTTPError as error:
        raise FetchError(f"the request failed ({type(error).__name__})") from None
