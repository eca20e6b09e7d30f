"""Reading one file: lines of keys, the traps of YAML, and input that must never crash."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.load import build_record
from roledex.schema import KINDS
from roledex.source import read_document
from roledex.validate import check_front_matter


def _read(text: str | bytes):
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    return read_document("p.md", "postings", "p", raw)


def test_key_lines_count_from_the_top_of_the_file_including_nested_keys() -> None:
    doc, problems = _read("---\ncompany: acme\ntitle: T\nsalary:\n  min: 1\n  max: 2\n---\nbody\n")
    assert problems == []
    assert doc.key_lines == {"company": 2, "title": 3, "salary": 4, "salary.min": 5, "salary.max": 6}
    assert doc.body_line == 8 and doc.body == "body\n"


def test_duplicate_keys_are_reported_not_silently_dropped() -> None:
    doc, problems = _read("---\ntitle: A\ncompany: x\ntitle: B\n---\n")
    assert [(p.line, p.key) for p in problems] == [(4, "title")]
    assert problems[0].message == "duplicate key: 'title' is also set on line 2; YAML keeps only the last, remove one"


def test_alias_bomb_is_refused_before_it_is_expanded() -> None:
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index in range(1, 20):
        prev, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    doc, problems = _read("---\n" + "\n".join(levels) + "\n---\n")
    assert [p.key for p in problems] == ["front-matter"]
    assert "anchors and aliases" in problems[0].message
    assert not doc.readable


def test_impossible_dates_stay_text_so_the_checker_can_quote_them() -> None:
    doc, problems = _read("---\ncompany: a\ntitle: t\nposted: 2026-02-30\ncloses: 2026-03-05\n---\n")
    assert problems == []
    assert doc.meta["posted"] == "2026-02-30"
    assert doc.meta["closes"] == dt.date(2026, 3, 5)


def test_byte_order_mark_and_crlf_are_read_like_plain_utf8() -> None:
    doc, problems = _read(b"\xef\xbb\xbf---\r\ncompany: a\r\ntitle: t\r\n---\r\nText\r\n")
    assert problems == [] and doc.meta == {"company": "a", "title": "t"} and doc.body == "Text\n"


def test_yes_no_are_booleans_and_private_as_text_is_an_error() -> None:
    doc, _ = _read('---\ncompany: a\ntitle: t\nprivate: "no"\n---\n')
    problems = check_front_matter(doc, KINDS["posting"])
    assert [(p.key, p.line) for p in problems] == [("private", 4)]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_after_a_fence_never_raises(text: str) -> None:
    for kind in KINDS.values():
        doc, _ = _read("---\n" + text)
        if doc is not None and doc.readable:
            problems = check_front_matter(doc, kind)
            build_record(doc, kind, {p.key for p in problems})


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_never_raise(raw: bytes) -> None:
    _read(raw)


ALIASES = "YAML anchors and aliases ('&', '*', '<<') are not allowed in front matter"
NOT_A_MAPPING = "front matter must be a mapping of keys to values, got "


@pytest.mark.parametrize(
    ("raw", "readable", "problems"),
    [
        (b"---\na: 1\n---\nText\n", True, []),
        (b"---\n- a\n- b\n---\n", False, [(2, "front-matter", NOT_A_MAPPING + "a list")]),
        (b"---\njust text\n---\n", False, [(2, "front-matter", NOT_A_MAPPING + "str 'just text'")]),
        (b"---\n42\n---\n", False, [(2, "front-matter", NOT_A_MAPPING + "int 42")]),
        (b"---\n# a comment\n---\n", False, [(1, "front-matter", "front matter holds only comments; it is empty")]),
        (b"---\n\n---\n", True, [(1, "front-matter", "front matter is empty")]),
        (b"Text\n", False, [(1, "front-matter", "no front matter: the file must start with a line '---'")]),
        (
            b"Title: Notes\n",
            False,
            [
                (
                    1,
                    "front-matter",
                    "no front matter: the file must start with a line '---' "
                    "(a first line like 'Title: Notes' is read by MkDocs as metadata)",
                )
            ],
        ),
        (
            b"---\na: 1\n",
            False,
            [(1, "front-matter", "front matter opened with '---' on line 1 is never closed with '---'")],
        ),
        (
            b"---\na: 1\n...\nText\n",
            True,
            [(3, "front-matter", "close the front matter with '---', not '...' (other tools miss '...')")],
        ),
        (b"---\na: [1\n---\n", False, [(2, "front-matter", "a list in [ ] or a mapping in { } is not closed")]),
        (b"---\na: !!int abc\n---\n", False, [(2, "front-matter", "'abc' cannot be read as 'int'")]),
        (b"---\na: !python/name:os.system\n---\n", False, [(2, "front-matter", "YAML tags such as")]),
        (b"---\na: &x 1\nb: *x\n---\n", False, [(2, "front-matter", ALIASES)]),
        (b"---\n<<: {a: 1}\n---\n", False, [(2, "front-matter", ALIASES)]),
        (b"x\x00y", None, [(1, "file", "is binary, not a Markdown text file")]),
        (
            b"---\na: 1\nb: \xff\n---\n",
            None,
            [(3, "file", "is not UTF-8 (byte 0xff cannot be decoded); save the file as UTF-8")],
        ),
    ],
    ids=[
        "a mapping",
        "a list",
        "a text",
        "a number",
        "only comments",
        "empty",
        "no fence",
        "metadata line",
        "never closed",
        "closed with dots",
        "syntax error",
        "unconstructable",
        "refused tag",
        "alias",
        "merge key",
        "binary",
        "not UTF-8",
    ],
)
def test_what_a_file_reads_as_and_what_is_said_about_it(
    raw: bytes, readable: bool | None, problems: list[tuple[int, str, str]]
) -> None:
    doc, found = _read(raw)
    assert (doc.readable if doc else None) is readable
    assert [(p.path, p.line, p.key) for p in found] == [("p.md", line, key) for line, key, _ in problems]
    for problem, (_, _, message) in zip(found, problems, strict=True):
        assert problem.message.startswith(message)
        assert problem.message


def test_every_key_of_a_nested_mapping_has_its_line_and_the_body_its_first_line() -> None:
    doc, _ = _read("---\n# note\nsalary:\n  min: 1\n  range:\n    low: 2\n---\n\nBody\n")
    assert doc.key_lines == {"salary": 3, "salary.min": 4, "salary.range": 5, "salary.range.low": 6}
    assert doc.body_line == 8 and doc.body == "\nBody\n"
    assert doc.line_of("salary.range.low") == 6
    assert doc.line_of("salary.max") == 3
    assert doc.line_of("title") == 1
