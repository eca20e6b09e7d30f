"""Reading one file: lines of keys, the traps of YAML, and input that must never crash."""

from __future__ import annotations

import datetime as dt

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
    assert "also set on line 2" in problems[0].message


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
