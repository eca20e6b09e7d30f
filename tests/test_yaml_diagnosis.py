"""roledex's own words for unreadable YAML, the same from libyaml and from PyYAML's own parser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from conftest import DATA, invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.kb import source
from roledex.kb.yaml_diagnosis import (
    MAX_NESTING,
    YamlTrouble,
    forbidden_character,
    syntax_error,
    too_deep,
    unconstructable,
)

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


TAB_INDENT = "a tab indents this line; indent with spaces, not tabs"
TAB_BETWEEN = "a tab separates the values on this line; use spaces (a tab may appear only inside quotes)"
BLOCK_TEXT = (
    "a value starting with '|' or '>' is a block of text, whose first line holds nothing else; "
    "put a value that starts with '|' or '>' in quotes"
)
COLON = "a value holds ': ' where YAML expects a new key; put the whole value in quotes"
UNCLOSED_QUOTE = "a quoted value is never closed; add the closing quote"
UNCLOSED = (
    "a list in [ ] or a mapping in { } is not closed, or holds an unquoted ':' or ','; close it or quote the value"
)
INDENT = "this line is not indented like the lines around it; line up the keys of one mapping and the items of one list"
NO_COLON = "this line is neither 'key: value' nor a list item ('- value'); add ': ' after the key or quote the text"
DOCUMENT = "the front matter holds a second YAML document or a directive; keep one mapping of keys"
ALIASES = "YAML anchors and aliases ('&', '*', '<<') are not allowed in front matter"
TAGS = "YAML tags such as '!!python/name', '!!binary' or '!custom' are not allowed in front matter; remove the tag"
TOO_DEEP = f"nests lists or mappings more than {MAX_NESTING} levels deep; roledex's keys need at most three"


def cannot_start(character: str) -> str:
    return f"a value cannot start with {character!r} in YAML; put the whole value in quotes"


def control(code: str, column: int) -> str:
    return (
        f"holds the control character {code} (column {column}), which YAML does not allow; "
        "delete it, or write it as an escape such as \\t inside double quotes"
    )


def untagged(value: str, kind: str) -> str:
    return f"{value!r} cannot be read as {kind!r}, as its tag says; remove the tag or correct the value"


def too_many_digits(shown: str) -> str:
    return f"the number {shown} has too many digits to read; write a plain figure such as 197000"


CASES = [
    # (name, YAML text, file line, roledex's message)
    ("tab indent", "name: a\n\tindustry: b\n", 3, TAB_INDENT),
    ("tab before list item", "name: a\nb:\n\t- x\n", 4, TAB_INDENT),
    ("tab inside a block scalar", "a: 1\nd: |\n  \ttext\n", 4, TAB_INDENT),
    ("tab after a colon", "name: a\nd:\tx\n", 3, TAB_BETWEEN),
    ("tab before a comment", "name: a\t# the name\n", 2, TAB_BETWEEN),
    ("text after a block indicator", "a: |x\n", 2, BLOCK_TEXT),
    ("colon in value", "name: Acme: the robots\n", 2, COLON),
    ("value starts with @", "name: @acme\n", 2, cannot_start("@")),
    ("value starts with backtick", "name: `acme`\n", 2, cannot_start("`")),
    ("backtick on a later line", "a: 1\nb: 2\nname: `acme`\n", 4, cannot_start("`")),
    ("unclosed double quote", 'name: "Acme\nindustry: x\n', 2, UNCLOSED_QUOTE),
    ("unclosed single quote", "name: 'Acme\nindustry: x\n", 2, UNCLOSED_QUOTE),
    ("unclosed quote on a later line", "a: 1\nname: 'Acme\nindustry: x\n", 3, UNCLOSED_QUOTE),
    ("unclosed flow list", "name: a\ntags: [a, b\nindustry: x\n", 3, UNCLOSED),
    ("unclosed flow mapping", "salary: {min: 1\nname: x\n", 2, UNCLOSED),
    ("empty open list at the end", "name: a\ntags: [", 3, UNCLOSED),
    ("lone bracket on the last line", "name: \n[", 3, UNCLOSED),
    ("lone brace after a key", "name: a\n{", 3, UNCLOSED),
    ("open list in a list item", "tags:\n  - [", 3, UNCLOSED),
    ("list item under a mapping", "a: 1\n- b\n", 3, INDENT),
    ("list item out of line", "a:\n  - 1\n - 2\n", 4, INDENT),
    ("line without a colon", "a: 1\nb\nc: 2\n", 4, NO_COLON),
    ("second document", "a: 1\n---\nb: 2\n", 3, DOCUMENT),
    ("directive", "%YAML 1.1\na: 1\n", 3, DOCUMENT),
    ("undefined alias", "name: *x\n", 2, ALIASES),
    ("python tag", "a: !!python/object:os.system x\n", 2, TAGS),
    ("int tag on text", "employees: !!int many\n", 2, untagged("many", "int")),
    ("float tag on text", "a: !!float abc\n", 2, untagged("abc", "float")),
    ("bool tag on text", "a: !!bool maybe\n", 2, untagged("maybe", "bool")),
    ("timestamp tag on text", "a: !!timestamp soon\n", 2, untagged("soon", "timestamp")),
    (
        "5,000-digit number",
        "employees: " + "9" * 5000 + "\n",
        2,
        too_many_digits("9" * 20 + "..." + "9" * 10 + " (5000 characters)"),
    ),
    ("bell character", "name: Ring\x07ing\n", 2, control("U+0007", 11)),
    ("escape character on line 3", "a: 1\nb: 2\nc: \x1b[31m\n", 4, control("U+001B", 4)),
    ("non-character", "a: \ufffe\n", 2, control("U+FFFE", 4)),
    ("deep flow, past libyaml's limit", "tags: " + "[" * 2000 + "\n", 2, TOO_DEEP),
    ("deep flow mapping", "a: " + "{b: " * 300 + "1" + "}" * 300 + "\n", 2, TOO_DEEP),
    ("deep block lists", _deep_block(40), MAX_NESTING + 2, TOO_DEEP),
    ("one level too deep in flow", "a: " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n", 2, TOO_DEEP),
]


@pytest.mark.parametrize(("name", "yaml_text", "line", "message"), CASES, ids=[case[0] for case in CASES])
def test_each_cause_is_named_in_roledexs_words(loader: str, name: str, yaml_text: str, line: int, message: str) -> None:
    problems = _problems(yaml_text)
    assert len(problems) == 1, problems
    assert problems[0] == (line, "front-matter", message)


@pytest.mark.parametrize(
    "yaml_text",
    [
        "tags: [a, [b, [c]]]\nname: x\n",
        "a: {b: {c: {d: 1}}}\n",
        _deep_block(MAX_NESTING - 1),
        "tags: [" + ", ".join(f"[{i}]" for i in range(60)) + "]\n",  # many brackets, shallow
        "a: !!str 123\nb: !!float 1e3\nc: '\t tab inside quotes'\nd: \"tab\\tescaped\"\n",
        "links: {a:}\ntags: [b:, c]\n",  # a key without a value closing a flow collection
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


@pytest.mark.parametrize(
    ("yaml_text", "line", "column"),
    [("\x07", 0, 1), ("\n\x07", 1, 1), ("a\n\nbc\x07", 2, 3), ("\x07\n\x08", 0, 1)],
)
def test_a_forbidden_character_is_placed_by_line_and_column(yaml_text: str, line: int, column: int) -> None:
    assert forbidden_character(yaml_text) == YamlTrouble(line, control("U+0007", column))


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


def _mark(line: int, column: int = 0) -> yaml.Mark:
    return yaml.Mark("p.md", 0, line, column, None, None)


FOUR_LINES = "a: 1\nb: 2\nc: 3\nd: 4\n"


@pytest.mark.parametrize(
    ("yaml_text", "error", "trouble"),
    [
        (FOUR_LINES, yaml.YAMLError("it broke\nat length"), YamlTrouble(0, "YAML syntax error: it broke")),
        (
            FOUR_LINES,
            yaml.MarkedYAMLError(problem="odd", problem_mark=_mark(2)),
            YamlTrouble(2, "YAML syntax error: odd"),
        ),
        (
            FOUR_LINES,
            yaml.MarkedYAMLError(context_mark=_mark(1), problem="odd"),
            YamlTrouble(1, "YAML syntax error: odd"),
        ),
        (  # the loader's own mark wins over where its context began
            FOUR_LINES,
            yaml.MarkedYAMLError(context_mark=_mark(1), problem="odd", problem_mark=_mark(3)),
            YamlTrouble(3, "YAML syntax error: odd"),
        ),
        (  # a mark past the text means its last line
            FOUR_LINES + "\n\n",
            yaml.MarkedYAMLError(problem="odd", problem_mark=_mark(5)),
            YamlTrouble(3, "YAML syntax error: odd"),
        ),
        ("", yaml.MarkedYAMLError(problem="odd", problem_mark=_mark(3)), YamlTrouble(0, "YAML syntax error: odd")),
        (  # a quoted scalar with another problem than the end of the text: the loader's words
            FOUR_LINES,
            yaml.MarkedYAMLError(
                "while scanning a quoted scalar", _mark(1), "found unknown escape character", _mark(2)
            ),
            YamlTrouble(2, "YAML syntax error: found unknown escape character"),
        ),
        (
            FOUR_LINES,
            yaml.MarkedYAMLError(
                "while scanning a quoted scalar", _mark(1), "found unexpected end of stream", _mark(3)
            ),
            YamlTrouble(1, UNCLOSED_QUOTE),
        ),
        (
            FOUR_LINES,
            yaml.MarkedYAMLError(problem="found character that is odd", problem_mark=_mark(2)),
            YamlTrouble(2, "YAML syntax error: found character that is odd"),
        ),
        (
            FOUR_LINES,
            yaml.MarkedYAMLError(problem="found character '@' that cannot start any token", problem_mark=_mark(2, 3)),
            YamlTrouble(2, cannot_start("3")),
        ),
        (  # an open collection is reported where it opened
            FOUR_LINES,
            yaml.MarkedYAMLError(
                "while parsing a flow sequence", _mark(1), "expected ',' or ']', but got ':'", _mark(3)
            ),
            YamlTrouble(1, UNCLOSED),
        ),
        (  # any other cause where the loader stopped, even when it names where a context began
            FOUR_LINES,
            yaml.MarkedYAMLError("while parsing a block mapping", _mark(1), "expected <block end>", _mark(3)),
            YamlTrouble(3, INDENT),
        ),
        (
            FOUR_LINES,
            yaml.MarkedYAMLError(problem="mapping values are not allowed here", problem_mark=_mark(2)),
            YamlTrouble(2, COLON),
        ),
    ],
)
def test_a_loader_error_becomes_roledexs_words_at_the_right_line(
    yaml_text: str, error: yaml.YAMLError, trouble: YamlTrouble
) -> None:
    assert syntax_error(yaml_text, error) == trouble


@pytest.mark.parametrize(
    ("tag", "value", "message"),
    [
        ("tag:yaml.org,2002:int", "many", untagged("many", "int")),
        ("!odd", "x", untagged("x", "!odd")),
        ("tag:yaml.org,2002:int", "9" * 40, too_many_digits("9" * 40)),
        (
            "tag:yaml.org,2002:int",
            "1" * 20 + "2" * 11 + "3" * 10,
            too_many_digits("1" * 20 + "...3333333333 (41 characters)"),
        ),
        ("tag:yaml.org,2002:int", "-" + "9" * 50, too_many_digits("-" + "9" * 19 + "...9999999999 (51 characters)")),
        ("tag:yaml.org,2002:int", "+" + "9" * 50, too_many_digits("+" + "9" * 19 + "...9999999999 (51 characters)")),
        ("tag:yaml.org,2002:int", "9" * 50 + "-", untagged("9" * 20 + "...999999999- (51 characters)", "int")),
        ("tag:yaml.org,2002:float", "a" * 41, untagged("a" * 20 + "...aaaaaaaaaa (41 characters)", "float")),
    ],
)
def test_a_value_its_tag_cannot_read_is_named_and_shortened(tag: str, value: str, message: str) -> None:
    assert unconstructable(tag, value) == message
