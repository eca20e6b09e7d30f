"""Fetching an address, in process against httpx's mock transport: what each answer becomes,
one line in roledex's words for each failure, and a body always handed on as UTF-8."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import httpx
import pytest
from conftest import plain_id
from roledex.importer import fetch as fetching
from roledex.importer.fetch import USER_AGENT, Fetched, FetchError, PostingGone, as_utf8, client, fetch
from roledex.importer.limits import MAX_BYTES

URL = "https://jobs.example/posting/7"


def _fetched(handler: Callable[[httpx.Request], httpx.Response]) -> Fetched:
    with client(httpx.MockTransport(handler)) as http:
        return fetch(URL, http)


def _failure(handler: Callable[[httpx.Request], httpx.Response]) -> FetchError:
    with pytest.raises(FetchError) as raised:
        _fetched(handler)
    return raised.value


@pytest.mark.parametrize(
    ("status", "kind", "message"),
    [
        (404, PostingGone, "the posting is not there (HTTP 404); it may have closed or moved"),
        (410, PostingGone, "the posting is not there (HTTP 410); it may have closed or moved"),
        (
            401,
            FetchError,
            "the site refused the request (HTTP 401); save the page from your browser and import the file",
        ),
        (
            403,
            FetchError,
            "the site refused the request (HTTP 403); save the page from your browser and import the file",
        ),
        (429, FetchError, "the site asks to slow down (HTTP 429); try again later"),
        (400, FetchError, "the site answered HTTP 400"),
        (500, FetchError, "the site answered HTTP 500"),
    ],
    ids=plain_id,
)
def test_a_status_that_is_no_posting_is_one_line(status: int, kind: type, message: str) -> None:
    failure = _failure(lambda request: httpx.Response(status, content=b"<p>a page</p>"))
    assert type(failure) is kind and str(failure) == message


def test_a_page_of_the_last_status_before_failures_is_read() -> None:
    assert _fetched(lambda request: httpx.Response(399, content=b"<p>posting</p>")).body == b"<p>posting</p>"


def test_the_request_says_who_asks_and_what_it_takes() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"ok")

    _fetched(handler)
    assert seen[0].headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("roledex/")
    assert seen[0].headers["accept"] == "text/html,application/json;q=0.9,*/*;q=0.8"
    assert seen[0].method == "GET" and str(seen[0].url) == URL


def test_the_address_after_redirects_is_the_one_kept() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/posting/7":
            return httpx.Response(301, headers={"location": "https://jobs.example/p/7"})
        return httpx.Response(200, content=b"moved here")

    fetched = _fetched(handler)
    assert (fetched.url, fetched.body) == ("https://jobs.example/p/7", b"moved here")


@pytest.mark.parametrize(("hops", "fails"), [(5, False), (6, True)])
def test_no_more_than_five_redirects_are_followed(hops: int, fails: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("step", "0"))
        if step < hops:
            return httpx.Response(302, headers={"location": f"https://jobs.example/r?step={step + 1}"})
        return httpx.Response(200, content=b"arrived")

    if fails:
        assert str(_failure(handler)) == "more than 5 redirects; open the address in a browser"
    else:
        assert _fetched(handler).body == b"arrived"


@pytest.mark.parametrize(
    ("declared", "fails"), [(MAX_BYTES, False), (MAX_BYTES + 1, True)], ids=["the limit", "a byte over"]
)
def test_a_page_declared_larger_than_the_limit_is_refused_before_it_is_read(declared: int, fails: bool) -> None:
    streamed: list[bool] = []

    def body() -> Iterator[bytes]:
        streamed.append(True)
        yield b"x"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-length": str(declared)}, content=body())

    if fails:
        assert str(_failure(handler)) == f"the page is {declared / 2**20:.1f} MB; a posting is a few kilobytes"
        assert not streamed
    else:
        assert _fetched(handler).body == b"x"


@pytest.mark.parametrize(
    ("size", "fails"), [(MAX_BYTES, False), (MAX_BYTES + 1, True)], ids=["the limit", "a byte over"]
)
def test_a_page_that_grows_past_the_limit_as_it_comes_is_refused(size: int, fails: bool) -> None:
    def body() -> Iterator[bytes]:
        yield b"a" * (size - 1)
        yield b"b"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body())

    if fails:
        assert str(_failure(handler)) == "the page is larger than 2 MB; a posting is a few kilobytes"
    else:
        assert len(_fetched(handler).body) == size


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (httpx.ConnectTimeout("slow"), "no answer in time; try again, or save the page and import the file"),
        (httpx.ReadTimeout("slow"), "no answer in time; try again, or save the page and import the file"),
        (httpx.ConnectError("no route"), "cannot connect (no network, or the host does not exist)"),
        (httpx.RemoteProtocolError("broken"), "the request failed (RemoteProtocolError)"),
        (httpx.InvalidURL("bad"), "is not an address roledex can fetch"),
    ],
    ids=["connect timeout", "read timeout", "no connection", "a broken answer", "a bad address"],
)
def test_a_failed_request_is_one_line(error: Exception, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    assert str(_failure(handler)) == message


def test_an_answer_not_whole_by_the_deadline_is_one_line_and_nothing_waits_for_it() -> None:
    release = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        release.wait()
        return httpx.Response(200, content=b"too late")

    with client(httpx.MockTransport(handler)) as http, pytest.raises(FetchError) as raised:
        fetch(URL, http, seconds=0)
    release.set()
    assert str(raised.value) == "no whole answer within 0 s; try again, or save the page and import the file"


def test_a_download_that_outlasts_its_deadline_stops_at_its_next_read() -> None:
    answer: list[Fetched | BaseException] = []
    with client(httpx.MockTransport(lambda request: httpx.Response(200, content=b"slow bytes"))) as http:
        fetching._fetch_into(URL, http, float("-inf"), answer)
    assert isinstance(answer[0], FetchError) and str(answer[0]) == "the download outlasted its deadline"


def test_a_download_within_its_deadline_is_whole() -> None:
    answer: list[Fetched | BaseException] = []
    with client(httpx.MockTransport(lambda request: httpx.Response(200, content=b"on time"))) as http:
        fetching._fetch_into(URL, http, float("inf"), answer)
    assert answer == [Fetched(URL, b"on time")]


@pytest.mark.parametrize(
    ("body", "charset", "text"),
    [
        ("café".encode(), None, "café"),  # UTF-8 as it is
        ("café".encode(), "latin-1", "café"),  # UTF-8 whatever the server says
        ("café".encode("latin-1"), "latin-1", "café"),
        ("Łódź".encode("iso-8859-2"), "iso-8859-2", "Łódź"),
        ('<meta charset="iso-8859-2"><p>Łódź'.encode("iso-8859-2"), None, '<meta charset="iso-8859-2"><p>Łódź'),
        (
            "<meta http-equiv='content-type' content='text/html; charset=koi8-r'><p>Москва".encode("koi8-r"),
            None,
            "<meta http-equiv='content-type' content='text/html; charset=koi8-r'><p>Москва",
        ),
        ("naïve – “quoted”".encode("cp1252"), None, "naïve – “quoted”"),  # no word on it: Windows' Latin
    ],
    ids=plain_id,
)
def test_a_body_is_handed_on_in_utf8(body: bytes, charset: str | None, text: str) -> None:
    assert as_utf8(body, charset).decode("utf-8") == text


@pytest.mark.parametrize(
    ("body", "charset"),
    [(b"caf\xe9", "no-such-charset"), (b"\x81\x8d\x8f", None)],
    ids=["a charset no one knows", "bytes not even Windows' Latin"],
)
def test_a_body_no_charset_reads_is_handed_on_as_it_came(body: bytes, charset: str | None) -> None:
    assert as_utf8(body, charset) == body


def test_the_servers_charset_reaches_the_body() -> None:
    fetched = _fetched(
        lambda request: httpx.Response(
            200, headers={"content-type": "text/html; charset=iso-8859-2"}, content="Łódź".encode("iso-8859-2")
        )
    )
    assert fetched.body.decode("utf-8") == "Łódź"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>not json</html>", f"{URL} did not answer with JSON"),
        (b"\xff\xfe{}", f"{URL} did not answer with JSON"),
        (b"[" * 200 + b"]" * 200, f"{URL} nests its JSON more than"),
    ],
    ids=["a page", "not UTF-8", "nested too deep"],
)
def test_an_answer_that_is_not_usable_json_is_one_line(body: bytes, message: str) -> None:
    with pytest.raises(FetchError) as raised:
        Fetched(URL, body).json()
    assert str(raised.value).startswith(message)


def test_json_is_read() -> None:
    assert Fetched(URL, b'{"title": "Engineer", "pay": [1, 2]}').json() == {"title": "Engineer", "pay": [1, 2]}


def test_each_read_and_connection_has_its_own_timeout() -> None:
    with client() as http:
        assert http.timeout == httpx.Timeout(15.0, connect=10.0)


def test_a_fetch_given_up_leaves_no_thread_that_keeps_the_command_running() -> None:
    release = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        release.wait()
        return httpx.Response(200, content=b"too late")

    before = set(threading.enumerate())
    with client(httpx.MockTransport(handler)) as http, pytest.raises(FetchError):
        fetch(URL, http, seconds=0)
    started = set(threading.enumerate()) - before
    release.set()
    assert started and all(thread.daemon for thread in started)


@pytest.mark.parametrize(("end", "read"), [(4095, True), (4096, False)], ids=["within 4 KiB", "past 4 KiB"])
def test_a_pages_charset_is_looked_for_in_its_first_4_kib(end: int, read: bool) -> None:
    declaration = b'<meta charset="iso-8859-2">'
    before = end - declaration.index(b'2"')
    body = b" " * before + declaration + "<p>Łódź".encode("iso-8859-2")
    assert body.index(b'2"') == end
    assert (as_utf8(body, None).decode("utf-8", "replace").endswith("Łódź")) is read
