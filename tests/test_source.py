"""Reading one file: lines of keys, the traps of YAML, and input that must never crash."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.kb import source
from roledex.kb.key_checks import check_front_matter
from roledex.kb.load import build_record
from roledex.kb.schema import KINDS
from roledex.kb.source import read_document


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


LOADER_PAIRS = {"pure-python": source.PURE_PYTHON_LOADERS, "libyaml": source.loaders}


@pytest.fixture(params=list(LOADER_PAIRS))
def each_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(source, "loaders", LOADER_PAIRS[request.param])
    return str(request.param)


@pytest.mark.parametrize(
    ("yaml_text", "data"),
    [
        ("a: !\n", {"a": None}),
        ("a: !!str\n", {"a": ""}),
        ("1: x\ntrue: y\n2026-01-02: z\n", {"1": "x", "True": "y", "2026-01-02": "z"}),
        ("? [a, b]\n: x\n", {"['a', 'b']": "x"}),
        ("a: &x [1]\n", {"a": [1]}),
        ("a: '*bold*'\n", {"a": "*bold*"}),
        ("a:\n  b:\n    - [1, 2]\n", {"a": {"b": [[1, 2]]}}),
    ],
)
def test_keys_are_text_and_values_read_alike_with_every_loader(each_loader: str, yaml_text: str, data: dict) -> None:
    found, _, problems = source.parse_yaml("p.md", yaml_text, 2)
    assert (found, problems) == (data, [])


@pytest.mark.parametrize(
    ("yaml_text", "line", "message"),
    [
        ("a: !!map text\n", 2, source.MAP_TAG_ON_SCALAR),
        ("b: 1\na: &x 1\nc: *x\n", 3, ALIASES),
        (
            "a: 1\nb: !!float abc\n",
            3,
            "'abc' cannot be read as 'float', as its tag says; remove the tag or correct the value",
        ),
    ],
)
def test_what_no_loader_constructs(each_loader: str, yaml_text: str, line: int, message: str) -> None:
    data, lines, problems = source.parse_yaml("p.md", yaml_text, 2)
    assert (data, lines) == (None, {})
    assert [(p.line, p.key, p.message) for p in problems] == [(line, "front-matter", message)]


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("---\na: 1\n---\nBody\n", ("a: 1", "Body\n", 4, [])),
        ("---\na: 1\nb: 2\n...\nBody\nmore", ("a: 1\nb: 2", "Body\nmore", 5, [(4, "close the front matter")])),
        ("Body only\n", (None, "Body only\n", 1, [(1, "no front matter")])),
        ("---\na: 1\n", (None, "---\na: 1\n", 1, [(1, "front matter opened")])),
        ("---  \na: 1\n---\t\n\nBody", ("a: 1", "\nBody", 4, [])),
    ],
)
def test_front_matter_and_body_are_split_at_the_fence(text: str, split: tuple) -> None:
    yaml_text, body, body_line, problems = source.split_front_matter("p.md", text)
    assert (yaml_text, body, body_line) == split[:3]
    assert [(p.line, p.message[: len(m)]) for p, (_, m) in zip(problems, split[3], strict=True)] == split[3]


def test_a_long_metadata_line_is_quoted_to_forty_characters() -> None:
    first = "Title: " + "x" * 60
    (problem,) = source.split_front_matter("p.md", first + "\n")[3]
    assert f"(a first line like {first[:40]!r} is read by MkDocs as metadata)" in problem.message


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        (b"\xef\xbb\xbfa", "a"),
        (b"caf\xc3\xa9", "café"),
    ],
)
def test_every_line_end_reads_as_a_newline(raw: bytes, text: str) -> None:
    assert source.decode("p.md", raw) == (text, [])


def test_keys_inside_a_list_of_entries_have_their_own_lines() -> None:
    text = (
        b"---\nstatus: applied\nevents:\n  - date: 2026-11-01\n    status: applied\n"
        b"  - date: 2026-11-05\n\n    note: x\n---\n"
    )
    doc, problems = read_document("a.md", "applications", "a", text)
    assert problems == [] and doc is not None
    assert {k: v for k, v in doc.key_lines.items() if k.startswith("events")} == {
        "events": 3,
        "events.1": 4,
        "events.1.date": 4,
        "events.1.status": 5,
        "events.2": 6,
        "events.2.date": 6,
        "events.2.note": 8,
    }


def test_a_knowledge_base_read_again_sees_each_edit_and_names_each_file(tmp_path) -> None:
    """Unchanged files are not parsed again between reads; what a read says follows the bytes
    and the name of each file all the same."""
    from roledex.kb.load import read_knowledge_base

    companies = tmp_path / "companies"
    companies.mkdir()
    (companies / "acme.md").write_text("---\nname: Acme\n---\n", encoding="utf-8")
    (companies / "beta.md").write_text("---\nname: Beta\nfounded: soon\n---\n", encoding="utf-8")
    first = read_knowledge_base(tmp_path)
    assert first.kb.companies["acme"].name == "Acme"
    assert [(p.path.split("/")[-1], p.key) for p in first.problems] == [("beta.md", "founded")]
    (companies / "acme.md").write_text("---\nname: Acme Inc\nfounded: soon\n---\n", encoding="utf-8")
    (companies / "beta.md").write_text("---\nname: Beta\n---\n", encoding="utf-8")
    second = read_knowledge_base(tmp_path)
    assert second.kb.companies["acme"].name == "Acme Inc" and second.kb.companies["beta"].name == "Beta"
    assert [(p.path.split("/")[-1], p.key) for p in second.problems] == [("acme.md", "founded")]
    (companies / "gamma.md").write_text("---\nname: Acme Inc\nfounded: soon\n---\n", encoding="utf-8")
    third = read_knowledge_base(tmp_path)
    assert sorted(p.path.split("/")[-1] for p in third.problems) == ["acme.md", "gamma.md"]
    assert third.kb.companies["gamma"].slug == "gamma"


# The bare parse (read_yaml's fast reading) must give what the lined loaders give, or leave
# the text to them: each case says which way it goes.
BARE_OR_LINED = [
    ("company: etsy\ntitle: Staff Engineer\nsalary: {min: 1, max: 2, currency: USD}\n", True),
    ("a: 2026-01-02\nb: 2026-01-02 10:00:00+02:00\nc: [1, 2.5, .inf, 0o17, 1_000, null, yes]\n", True),
    ("a:\n  - {x: 1}\n  - y: [a, b]\n", True),
    ("a: 'quoted: text'\nb: \"with \\u00e9\"\nc: |\n  block\n  text\n", True),
    ("a: 1\na: 2\n", False),
    ("1: x\ntrue: y\n", False),
    ("2026-01-02: z\n", False),
    ("? [a, b]\n: x\n", False),
    ("a: 2026-02-30\n", False),
    ("<<: {a: 1}\nb: 2\n", False),
    ("a: =\n", False),
    ("=: x\n", False),
    ("url: https://example.com/jobs?id=7&ref=a\nnote: a = b is fine\n", False),
    ("url: https://example.com/jobs?id=7&ref=a\n", True),
    ("a: !\n", False),
    ("a: !!str 1\n", False),
    ("a: &x 1\nb: *x\n", False),
    ("{a:}\n", False),
    ("a:\tb\n", False),
    ("a: [1, 2\n", False),
    ("a: b: c\n", False),
    ("a: 99999999999999999999999999999999999999999999999999999\n", True),
    ("a: &x [1]\nb: 1:30\nc: ~\nd: 0x1F\n", True),
    ("- a\n- {b: c}\n", True),
    ("just text\n", True),
]


@pytest.mark.parametrize(("yaml_text", "bare"), BARE_OR_LINED, ids=[str(n) for n in range(len(BARE_OR_LINED))])
def test_the_bare_parse_reads_what_the_lined_loaders_read_or_leaves_it_to_them(yaml_text: str, bare: bool) -> None:
    assert source._plain_data(yaml_text)[0] is bare
    lined, _, lined_problems = source.parse_yaml("p.md", yaml_text, 2)
    assert source.read_yaml("p.md", yaml_text, 2) == (lined, lined_problems)


YAML_PIECES = st.sampled_from(
    [
        "a",
        "b",
        "1",
        "2026-01-02",
        "2026-02-30",
        ": ",
        ":",
        "- ",
        "\n",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "'",
        '"',
        "#",
        "?",
        "!",
        "&x",
        "*x",
        "<<",
        "|",
        ">",
        "\t",
        "=",
        "yes",
        "~",
        "é",
        ".5",
        "0x1F",
    ]  # fmt: skip
)


@settings(max_examples=600, deadline=None)
@given(st.lists(YAML_PIECES, max_size=30).map("".join))
def test_any_front_matter_reads_alike_either_way(yaml_text: str) -> None:
    lined, key_lines, problems = source.parse_yaml("p.md", yaml_text, 2)
    assert source.read_yaml("p.md", yaml_text, 2) == (lined, problems)
    doc, _ = _read(f"---\n{yaml_text}\n---\n")
    if doc is not None and doc.readable and isinstance(lined, dict):
        assert doc.key_lines == key_lines


def test_a_document_read_by_the_bare_parse_finds_its_key_lines_when_asked() -> None:
    doc, problems = _read("---\ncompany: etsy\n\nsalary:\n  min: 1\n  max: 2\n---\nBody\n")
    assert problems == [] and doc is not None and doc._key_lines is None
    assert doc.line_of("salary.max") == 6 and doc.key_lines["company"] == 2
