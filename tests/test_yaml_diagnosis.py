"""roledex's own words for unreadable YAML, the same from libyaml and from PyYAML's own parser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import DATA, invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex import source
from roledex.yaml_diagnosis import MAX_NESTING, forbidden_character, too_deep

LOADERS = {"pure-python": source.PURE_PYTHON_LOADERS}
if source.LIBYAML_LOADERS is not None:
    LOADERS["libyaml"] = source.LIBYAML_LOADERS


@pytest.fixture(params=sorted(LOADERS))
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test once with each YAML loader this machine has."""
    monkeypatch.setattr(source, "loaders", LOADERS[request.param])
    yield request.param


def _problems(yaml_text: str) -> list[tuple[int, str, str]]:
    _, _, problems = source.parse_yaml("p.md", yaml_text, 2)
    return [(p.line, p.key, p.message) for p in problems]


def _deep_block(levels: int) -> str:
    return "a:\n" + "".join("  " * depth + "-\n" for depth in range(1, levels + 1))


CASES = [
    # (name, YAML text, file line, the start of roledex's message)
    ("tab indent", "name: a\n\tindustry: b\n", 3, "a tab indents this line"),
    ("tab before list item", "name: a\nb:\n\t- x\n", 4, "a tab indents this line"),
    ("tab inside a block scalar", "a: 1\nd: |\n  \ttext\n", 4, "a tab indents this line"),
    ("tab after a colon", "name: a\nd:\tx\n", 3, "a tab separates the values on this line"),
    ("tab before a comment", "name: a\t# the name\n", 2, "a tab separates the values on this line"),
    ("text after a block indicator", "a: |x\n", 2, "a value starting with '|' or '>' is a block of text"),
    ("colon in value", "name: Acme: the robots\n", 2, "a value holds ': '"),
    ("value starts with @", "name: @acme\n", 2, "a value cannot start with '@'"),
    ("value starts with backtick", "name: `acme`\n", 2, "a value cannot start with '`'"),
    ("unclosed double quote", 'name: "Acme\nindustry: x\n', 2, "a quoted value is never closed"),
    ("unclosed single quote", "name: 'Acme\nindustry: x\n", 2, "a quoted value is never closed"),
    ("unclosed flow list", "name: a\ntags: [a, b\nindustry: x\n", 3, "a list in [ ] or a mapping in { } is not closed"),
    ("unclosed flow mapping", "salary: {min: 1\nname: x\n", 2, "a list in [ ] or a mapping in { } is not closed"),
    ("empty open list at the end", "name: a\ntags: [", 3, "a list in [ ] or a mapping in { } is not closed"),
    ("lone bracket on the last line", "name: \n[", 3, "a list in [ ] or a mapping in { } is not closed"),
    ("lone brace after a key", "name: a\n{", 3, "a list in [ ] or a mapping in { } is not closed"),
    ("open list in a list item", "tags:\n  - [", 3, "a list in [ ] or a mapping in { } is not closed"),
    ("list item under a mapping", "a: 1\n- b\n", 3, "this line is not indented like the lines around it"),
    ("list item out of line", "a:\n  - 1\n - 2\n", 4, "this line is not indented like the lines around it"),
    ("line without a colon", "a: 1\nb\nc: 2\n", 4, "this line is neither 'key: value' nor a list item"),
    ("second document", "a: 1\n---\nb: 2\n", 3, "the front matter holds a second YAML document"),
    ("directive", "%YAML 1.1\na: 1\n", 3, "the front matter holds a second YAML document"),
    ("undefined alias", "name: *x\n", 2, "YAML anchors and aliases"),
    ("python tag", "a: !!python/object:os.system x\n", 2, "YAML tags such as"),
    ("int tag on text", "employees: !!int many\n", 2, "'many' cannot be read as 'int'"),
    ("float tag on text", "a: !!float abc\n", 2, "'abc' cannot be read as 'float'"),
    ("bool tag on text", "a: !!bool maybe\n", 2, "'maybe' cannot be read as 'bool'"),
    ("timestamp tag on text", "a: !!timestamp soon\n", 2, "'soon' cannot be read as 'timestamp'"),
    ("5,000-digit number", "employees: " + "9" * 5000 + "\n", 2, "the number 9999"),
    ("bell character", "name: Ring\x07ing\n", 2, "holds the control character U+0007 (column 11)"),
    ("escape character on line 3", "a: 1\nb: 2\nc: \x1b[31m\n", 4, "holds the control character U+001B (column 4)"),
    ("non-character", "a: \ufffe\n", 2, "holds the control character U+FFFE"),
    ("deep flow, past libyaml's limit", "tags: " + "[" * 2000 + "\n", 2, "nests lists or mappings more than"),
    ("deep flow mapping", "a: " + "{b: " * 300 + "1" + "}" * 300 + "\n", 2, "nests lists or mappings more than"),
    ("deep block lists", _deep_block(40), MAX_NESTING + 2, "nests lists or mappings more than"),
]


@pytest.mark.parametrize(("name", "yaml_text", "line", "message"), CASES, ids=[case[0] for case in CASES])
def test_each_cause_is_named_in_roledexs_words(loader: str, name: str, yaml_text: str, line: int, message: str) -> None:
    problems = _problems(yaml_text)
    assert len(problems) == 1, problems
    assert problems[0][:2] == (line, "front-matter")
    assert problems[0][2].startswith(message)


@pytest.mark.parametrize(
    "yaml_text",
    [
        "tags: [a, [b, [c]]]\nname: x\n",
        "a: {b: {c: {d: 1}}}\n",
        _deep_block(MAX_NESTING - 1),
        "tags: [" + ", ".join(f"[{i}]" for i in range(60)) + "]\n",  # many brackets, shallow
        "a: !!str 123\nb: !!float 1e3\nc: '\t tab inside quotes'\nd: \"tab\\tescaped\"\n",
    ],
)
def test_valid_yaml_is_read_alike_by_both_loaders(yaml_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    results = []
    for pair in LOADERS.values():
        monkeypatch.setattr(source, "loaders", pair)
        data, key_lines, problems = source.parse_yaml("p.md", yaml_text, 2)
        assert problems == []
        results.append((data, key_lines))
    assert all(result == results[0] for result in results)


def test_nesting_at_the_limit_is_fine_and_one_more_is_not() -> None:
    assert too_deep(_deep_block(MAX_NESTING - 1)) is None  # the key's mapping is one more level
    trouble = too_deep(_deep_block(MAX_NESTING))
    assert trouble is not None and trouble.line == MAX_NESTING


@pytest.mark.parametrize("character", ["\t", "\n", "\r", "\x85", "\xa0", "é", "\U0001f4b0"])
def test_characters_yaml_allows_are_not_flagged(character: str) -> None:
    assert forbidden_character(f"a: '{character}'\n") is None


FORBIDDEN = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x80", "\x9f", "\uffff"]


@pytest.mark.parametrize("character", FORBIDDEN)
def test_characters_yaml_forbids_are_flagged_where_they_are(character: str) -> None:
    trouble = forbidden_character(f"a: 1\nb: x{character}\n")
    assert trouble is not None and trouble.line == 1
    assert f"U+{ord(character):04X} (column 5)" in trouble.message


def test_broken_knowledge_base_gives_the_same_problem_list_with_either_loader(loader: str) -> None:
    result = invoke("check", "tests/data/broken/docs")
    assert result.returncode == 1
    assert result.stdout == (DATA / "broken" / "expected.txt").read_text(encoding="utf-8")


# Front-matter-like lines: indentation, list dashes, keys and values from characters that
# matter to YAML. Left out, where the loaders themselves disagree on what is valid and no
# roledex value is written that way: '?' inside flow collections ('[a?]'), a comment
# straight after a block indicator ('|#') and malformed tags ('![', '!#'); CASES above
# hold the tags and block values people do write.
_VALUE = st.lists(st.sampled_from(list("ab1 :#'\"[]{},-\t\\é") + ["\x07", ": ", " #"]), max_size=8).map("".join)
_LINE = st.tuples(
    st.sampled_from(["", "  ", "    ", "\t"]),
    st.sampled_from(["", "- "]),
    st.sampled_from(["", "name: ", "tags: ", "a b: "]),
    _VALUE,
).map("".join)
FRONT_MATTER_LIKE = st.lists(_LINE, max_size=6).map("\n".join)


def _comparable(result: tuple) -> tuple:
    """Data, key lines and problems, less the loader's own sentence where roledex passes one on."""
    data, key_lines, problems = result
    said = [
        (p.line, p.key, "YAML syntax error" if p.message.startswith("YAML syntax error:") else p.message)
        for p in problems
    ]
    return data, key_lines, said


@settings(max_examples=300, deadline=None)
@given(FRONT_MATTER_LIKE)
def test_any_text_reads_alike_with_either_loader(yaml_text: str) -> None:
    """Whatever the text, every loader gives the same data, the same lines and roledex's same words."""
    results = []
    for pair in LOADERS.values():
        saved, source.loaders = source.loaders, pair
        try:
            results.append(_comparable(source.parse_yaml("p.md", yaml_text, 2)))
        finally:
            source.loaders = saved
    assert all(result == results[0] for result in results)
