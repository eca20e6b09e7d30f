"""Bounded work on hostile input: each limit holds at its edge, and what passes it is refused
with one line that names it, never a hang or a traceback."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import invoke, make_site, plain_id
from roledex.importer.fetch import FetchError, client, fetch
from roledex.importer.limits import (
    MAX_BYTES,
    MAX_HTML_DEPTH,
    MAX_JSON_DEPTH,
    MAX_STRUCTURED_BLOCKS,
    TooMuch,
    check_markdown,
    check_page,
    html_depth,
    json_depth,
    read_limited,
    read_regular_file,
)
from roledex.importer.repair import UnreadableInput, decode_input
from roledex.importer.run import read_posting
from roledex.kb.markdown_limits import (
    MAX_BLOCK_DEPTH,
    MAX_BRACKET_REACH,
    block_depth,
    bracket_reach,
    first_line_too_deep,
    reach_past_limit,
)

WORDS = "<p>Staff Engineer at Acme. Pay $100,000 - $120,000 a year. Remote.</p>"


def _nested(tag: str, depth: int) -> str:
    return f"<html><body>{f'<{tag}>' * depth}{WORDS}{f'</{tag}>' * depth}</body></html>"


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("<div><p>a<p>b<ul><li>x<li>y</ul></div><br><img src=x>", 2),
        ("<div><script>'<div><div><div>'</script></div>", 1),
        ("<div><!-- <div><div> --></div>", 1),
        ("<div/><div/>", 0),
        ("</div></div><div>", 1),
        ("plain text", 0),
    ],
)
def test_html_depth_counts_only_elements_that_nest(html: str, depth: int) -> None:
    assert html_depth(html) == depth


@pytest.mark.parametrize(
    ("text", "depth"),
    [('{"a": [1, {"b": "[[["}]}', 3), ("[]", 1), ('"{[{["', 0), ('{"a": "\\"{"}', 1), ("[[]][[[]]]", 3)],
)
def test_json_depth_skips_strings(text: str, depth: int) -> None:
    assert json_depth(text) == depth


@pytest.mark.parametrize("tag", ["div", "span", "section"])
def test_html_at_the_depth_limit_is_read_and_one_deeper_is_refused(tag: str) -> None:
    assert "Staff Engineer at Acme" in read_posting(_nested(tag, MAX_HTML_DEPTH - 2).encode()).body  # and html, body
    with pytest.raises(UnreadableInput, match=f"nests its HTML more than {MAX_HTML_DEPTH} elements deep"):
        read_posting(_nested(tag, MAX_HTML_DEPTH - 1).encode())


def test_json_at_the_depth_limit_passes_and_one_deeper_is_refused() -> None:
    check_page("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)
    with pytest.raises(TooMuch, match=f"nests its JSON more than {MAX_JSON_DEPTH} levels deep"):
        check_page("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))


def _json_ld_page(blocks: int) -> str:
    block = json.dumps({"@context": "https://schema.org", "@type": "JobPosting", "title": "Staff Engineer"})
    return "<html><head>" + f'<script type="application/ld+json">{block}</script>' * blocks + "</head></html>"


def test_a_page_may_hold_up_to_the_limit_of_json_ld_blocks() -> None:
    check_page(_json_ld_page(MAX_STRUCTURED_BLOCKS))
    with pytest.raises(TooMuch, match=f"holds {MAX_STRUCTURED_BLOCKS + 1} JSON-LD blocks, more than the"):
        check_page(_json_ld_page(MAX_STRUCTURED_BLOCKS + 1))


def test_json_ld_nested_too_deep_is_refused() -> None:
    deep = "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)
    page = f'<script type="application/ld+json">{{"@type": "JobPosting", "x": {deep}}}</script>{WORDS}'
    with pytest.raises(TooMuch, match="nests its JSON"):
        check_page(page)


@pytest.mark.parametrize(
    ("text", "reach"),
    [
        ("no brackets", 0),
        ("[a](https://x)", 2),  # from `[` to its `]`
        ("[a [b] c]", 8 + 2),  # the outer reads over the inner
        ("[a", 2),  # none closes it: to the paragraph's end
        ("[a\nb", 4),  # a paragraph runs over lines
        ("[a\n\nb", 2),  # and ends at a blank line
        ("[a\n  \t\n[b", 2 + 2),
        ("] [a]", 2),  # a `]` with nothing open closes nothing
        ("[[[", 3 + 2 + 1),
    ],
    ids=["none", "link", "nested", "open", "over lines", "blank line", "blank with spaces", "stray close", "run"],
)
def test_bracket_reach_is_what_markdown_reads_to_close_them(text: str, reach: int) -> None:
    assert bracket_reach(text) == reach


def test_brackets_within_the_reach_limit_pass_and_one_character_more_is_refused() -> None:
    check_markdown("[" + "x" * (MAX_BRACKET_REACH - 1))
    with pytest.raises(TooMuch, match=f"would read {MAX_BRACKET_REACH + 1:,} characters to close them"):
        check_markdown("[" + "x" * MAX_BRACKET_REACH)


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("plain\nlines", 0),
        ("- a\n    - b\n        - c", 2),
        ("   - three columns", 0),
        ("\t\t- tabs", 2),
        ("\t\t\t\t- four tabs", 4),  # a tab is four columns
        ("> a\n> > b", 2),
        ("> >     - quoted list", 3),
        (">>>", 3),
        ("a > b\nc", 0),  # a `>` inside a line is no quote
    ],
    ids=plain_id,
)
def test_block_depth_counts_quotes_and_indentation(text: str, depth: int) -> None:
    assert block_depth(text) == depth


def test_nesting_at_the_depth_limit_passes_and_one_level_more_is_refused() -> None:
    check_markdown("> " * MAX_BLOCK_DEPTH + "x")
    check_markdown("    " * MAX_BLOCK_DEPTH + "- x")
    with pytest.raises(TooMuch, match=f"nests its lists or quotes more than {MAX_BLOCK_DEPTH} levels deep"):
        check_markdown("> " * (MAX_BLOCK_DEPTH + 1) + "x")
    with pytest.raises(TooMuch, match="nests its lists or quotes"):
        check_markdown("    " * (MAX_BLOCK_DEPTH + 1) + "- x")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a\n" + "    " * MAX_BLOCK_DEPTH + "- x", None),
        ("a\n" + "    " * (MAX_BLOCK_DEPTH + 1) + "- x", 1),
        ("a\n\n" + "> " * (MAX_BLOCK_DEPTH + 1) + "x\n" + "> " * (MAX_BLOCK_DEPTH + 2), 2),
        (" " * (MAX_BLOCK_DEPTH + 1) + "x\n" + ">" * (MAX_BLOCK_DEPTH + 1), 1),  # long, but shallow: the next
        (">" * (MAX_BLOCK_DEPTH + 1), 0),
        ("\n" + ">" * (MAX_BLOCK_DEPTH + 1), 1),
    ],
    ids=["at the limit", "one deeper", "first of two", "long but shallow", "first line", "after a break"],
)
def test_the_first_line_nested_too_deep_is_found(text: str, line: int | None) -> None:
    assert first_line_too_deep(text) == line


def test_brackets_are_counted_only_when_they_could_reach_past_the_limit() -> None:
    assert reach_past_limit("[" + "x" * (MAX_BRACKET_REACH - 1)) is None
    assert reach_past_limit("[" + "x" * MAX_BRACKET_REACH) == MAX_BRACKET_REACH + 1
    assert reach_past_limit("[a] " * 1_000 + "x" * MAX_BRACKET_REACH) is None  # many, but each closes at once
    assert reach_past_limit("[" + "x" * (MAX_BRACKET_REACH - 1) + "]") is None  # at the limit, counted


def test_a_paste_of_open_brackets_is_refused_and_links_are_read() -> None:
    with pytest.raises(UnreadableInput, match="leaves brackets open across so much text"):
        read_posting(("Staff Engineer\n\n" + "[a(" * 2_000).encode())
    found = read_posting(("Staff Engineer at Acme\n\n" + "[apply](https://acme.example/jobs/1) " * 5_000).encode())
    assert found.body.count("](https://acme.example/jobs/1)") == 5_000


def test_input_at_the_size_limit_is_read_and_one_byte_more_is_refused() -> None:
    assert decode_input(b"x" * MAX_BYTES)
    with pytest.raises(UnreadableInput, match="is larger than 2 MB"):
        decode_input(b"x" * (MAX_BYTES + 1))


HOSTILE = {
    "nested divs": _nested("div", 60_000),
    "nested microdata": "<div itemscope itemtype='https://schema.org/JobPosting'>"
    + "<div itemscope itemprop='x'>" * 5_000
    + "</div>" * 5_001,
    "nested json objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "nested json arrays": "[" * 200_000 + "]" * 200_000,
    "json-ld blocks": _json_ld_page(3_000),
    "open brackets": "<p>Staff Engineer</p><p>" + "[a(" * 50_000 + "</p>",
    "nested lists": "Staff Engineer\n\n" + "".join("   " * i + "1. x\n" for i in range(1_000)),
    "nested quotes": "Staff Engineer\n\n" + "".join("> " * i + "x\n" for i in range(1_000)),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_input_is_one_line_from_the_command(tmp_path: Path, text: str) -> None:
    make_site(tmp_path)
    path = tmp_path / "hostile.html"
    path.write_text(text, encoding="utf-8")
    result = invoke("import", str(path), "--company", "etsy", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "more than" in result.stderr


def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    make_site(tmp_path)
    result = invoke("import", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 1
    assert "/dev/zero: is a device or socket, not a file; save the posting as a file and import that" in result.stderr


def test_a_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    make_site(tmp_path)
    fifo = tmp_path / "posting.fifo"
    os.mkfifo(fifo)
    result = invoke("import", str(fifo), cwd=tmp_path)  # opening a pipe with no writer would wait forever
    assert result.returncode == 1 and "is a pipe, not a file" in result.stderr


def test_standard_input_is_read_only_to_the_limit(tmp_path: Path) -> None:
    make_site(tmp_path)
    result = invoke("import", "-", "--company", "etsy", cwd=tmp_path, stdin="x" * (MAX_BYTES + 10))
    assert result.returncode == 1 and "is larger than 2 MB" in result.stderr


class _Drip(httpx.SyncByteStream):
    """A server that sends a few bytes, then keeps the connection open and sends no more."""

    def __init__(self, release: threading.Event) -> None:
        self.release = release

    def __iter__(self) -> Iterator[bytes]:
        yield b"<html><body>"
        self.release.wait()
        yield b"</body></html>"


def test_a_download_ends_at_its_deadline_however_slowly_the_server_sends() -> None:
    release = threading.Event()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=_Drip(release)))
    try:
        with client(transport) as http, pytest.raises(FetchError, match=r"no whole answer within 0\.2 s"):
            fetch("https://slow.example/job", http, seconds=0.2)
    finally:
        release.set()


def test_a_download_within_its_deadline_is_whole() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"<p>posting</p>"))
    with client(transport) as http:
        assert fetch("https://fast.example/job", http).body == b"<p>posting</p>"


def test_json_nested_too_deep_from_an_api_is_one_line() -> None:
    deep = b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=deep))
    with client(transport) as http, pytest.raises(FetchError, match="nests its JSON more than"):
        fetch("https://api.example/job", http).json()


def test_a_stream_is_read_only_one_byte_past_the_limit() -> None:
    import io

    stream = io.BytesIO(b"x" * (MAX_BYTES + 100))
    assert len(read_limited(stream)) == MAX_BYTES + 1
    assert stream.tell() == MAX_BYTES + 1


def test_a_folder_given_as_a_file_is_named_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(TooMuch, match="^is a folder, not a file; save the posting as a file and import that$"):
        read_regular_file(tmp_path)


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_bytes(b"Staff Engineer\n")
    assert read_regular_file(path) == b"Staff Engineer\n"


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("<div><div></div><div><div></div></div></div>", 3),
        ("<div></div><div></div><div></div>", 1),
        ("<section><div></div><div></div><div><span>x</span></div></section>", 3),
    ],
)
def test_each_end_tag_closes_one_element(html: str, depth: int) -> None:
    assert html_depth(html) == depth


@pytest.mark.parametrize(("text", "depth"), [("[[][[]]]", 3), ('{"a": {}, "b": {"c": [1]}}', 3), ("[][][]", 1)])
def test_each_closing_bracket_closes_one_level(text: str, depth: int) -> None:
    assert json_depth(text) == depth
