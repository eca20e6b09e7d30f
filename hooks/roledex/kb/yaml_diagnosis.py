"""roledex's own words for YAML it cannot read, whichever YAML library reads it.

PyYAML's pure-Python loader, its libyaml loader and each libyaml release word their errors
differently and stop at different limits: libyaml 0.2.5 as bundled with PyYAML 6.0.4 gives
up at 1,000 nesting levels with a message of its own, the pure-Python loader runs out of
Python's recursion far earlier. So roledex looks at the text itself first (control
characters, nesting depth), and names the common syntax errors in its own words, keyed on
what it finds in the text around the loader's mark rather than on the loader's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

MAX_NESTING = 20
"""Front matter nests lists and mappings at most this deep; roledex's own needs three."""

# The characters YAML 1.1 forbids in a stream: C0 controls but tab and line ends, DEL,
# C1 controls but NEL, surrogates and the two non-characters at the end of the BMP.
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ALIASES_REFUSED = "YAML anchors and aliases ('&', '*', '<<') are not allowed in front matter"
TAGS_REFUSED = (
    "YAML tags such as '!!python/name', '!!binary' or '!custom' are not allowed in front matter; remove the tag"
)
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map")
)
"""The tags of plain values, written or implied; the loaders disagree on the rest (a bare '!')."""
_TAB_IN_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_LEADING_INDICATORS = re.compile(r"^[ ?-]*", re.MULTILINE)
_OPENERS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSERS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@dataclass(frozen=True)
class YamlTrouble:
    """What is wrong, on which 0-based line of the YAML text."""

    line: int
    message: str


def forbidden_character(yaml_text: str) -> YamlTrouble | None:
    """The first character YAML does not allow anywhere in a file, said in roledex's words."""
    found = _FORBIDDEN.search(yaml_text)
    if found is None:
        return None
    line = yaml_text.count("\n", 0, found.start())
    column = found.start() - (yaml_text.rfind("\n", 0, found.start()) + 1) + 1
    code = f"U+{ord(found.group()):04X}"
    message = (
        f"holds the control character {code} (column {column}), which YAML does not allow; "
        "delete it, or write it as an escape such as \\t inside double quotes"
    )
    return YamlTrouble(line, message)


def _nesting_bound(yaml_text: str) -> int:
    """A cheap upper bound of the nesting depth: every flow opener, plus the deepest indent.

    A block collection nested one level deeper starts at least one column further right
    (an indentless list under a key shares its key's column, and its items move right), so
    the widest run of leading spaces and list or key indicators bounds the block depth.
    """
    flow = yaml_text.count("[") + yaml_text.count("{")
    widest = max(map(len, _LEADING_INDICATORS.findall(yaml_text)))
    return flow + widest + 3


def too_deep(yaml_text: str) -> YamlTrouble | None:
    """Nesting beyond MAX_NESTING, found with PyYAML's pure-Python parser (a loop, no limit).

    Only text whose cheap bound exceeds the limit is parsed this way, so ordinary front
    matter costs two counts and one pass over its lines.
    """
    if _nesting_bound(yaml_text) <= MAX_NESTING:
        return None
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(event, _OPENERS):
                depth += 1
                if depth > MAX_NESTING:
                    message = (
                        f"nests lists or mappings more than {MAX_NESTING} levels deep; "
                        "roledex's keys need at most three"
                    )
                    return YamlTrouble(event.start_mark.line if event.start_mark else 0, message)
            elif isinstance(event, _CLOSERS):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: the loader reports it
    return None


def tab_indent(yaml_text: str) -> YamlTrouble | None:
    """The first line indented with a tab, which roledex refuses everywhere in front matter.

    The loaders disagree on tabs: libyaml refuses a tab after the indentation of a block
    scalar that PyYAML's own parser keeps as text. One rule of roledex's own settles it.
    """
    found = _TAB_IN_INDENT.search(yaml_text)
    if found is None:
        return None
    return YamlTrouble(yaml_text.count("\n", 0, found.start()), "a tab indents this line; indent with spaces, not tabs")


# Causes roledex names in its own words, each recognised by the words PyYAML's own parser
# and libyaml use for it (they differ), as (fragments of the loader's problem, message).
# A collection left open is reported where it opens, not where the loader gave up.
_OPEN_COLLECTION = (
    "a list in [ ] or a mapping in { } is not closed, or holds an unquoted ':' or ','; close it or quote the value"
)
_CAUSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("mapping values are not allowed",),
        "a value holds ': ' where YAML expects a new key; put the whole value in quotes",
    ),
    (
        ("expected <block end>", "did not find expected key", "did not find expected '-' indicator"),
        "this line is not indented like the lines around it; line up the keys of one mapping and the items of one list",
    ),
    (("',' or ']'", "',' or '}'"), _OPEN_COLLECTION),
    (
        ("could not find expected ':'",),
        "this line is neither 'key: value' nor a list item ('- value'); add ': ' after the key or quote the text",
    ),
    (("document",), "the front matter holds a second YAML document or a directive; keep one mapping of keys"),
    (("undefined alias",), ALIASES_REFUSED),
    (
        ("scanning a block scalar",),
        "a value starting with '|' or '>' is a block of text, whose first line holds nothing else; "
        "put a value that starts with '|' or '>' in quotes",
    ),
    (("could not determine a constructor", "scanning a tag", "parsing a tag"), TAGS_REFUSED),
)


def _unclosed_flow(yaml_text: str) -> int | None:
    """The line of the first '[' or '{' that the text never closes, read by PyYAML's own scanner.

    The loaders give up on an open collection with different words at different places
    (libyaml may read a lone '[' as the start of a key), so the tokens decide, not the words.
    """
    opened: list[int] = []
    try:
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                opened.append(token.start_mark.line)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and opened:
                opened.pop()
    except yaml.YAMLError:
        return None
    return opened[0] if opened else None


_KEY_AT_MARGIN = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)", re.M)


def _runaway_quote(yaml_text: str) -> int | None:
    """The line of a quoted value whose quote is not closed on its line, so that it ran on over
    the keys below it (`title: "Staff Engineer` then `role: ...`) until a later quote closed it:
    the loaders report the damage lines later, as indentation."""
    try:
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                inside = yaml_text[token.start_mark.index : token.end_mark.index]
                if "\n" in inside and _KEY_AT_MARGIN.search(inside.split("\n", 1)[1]):
                    return int(token.start_mark.line)
    except yaml.YAMLError:
        return None
    return None


def syntax_error(yaml_text: str, error: yaml.YAMLError) -> YamlTrouble:
    """A loader's error, said in roledex's words where roledex knows the cause."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    # At the end of the text libyaml's mark sits a line below PyYAML's: both mean the last line.
    last_line = max(len(yaml_text.rstrip().split("\n")) - 1, 0)
    line = min(mark.line, last_line) if mark is not None else 0
    runaway = _runaway_quote(yaml_text)
    if runaway is not None and runaway <= line:
        return YamlTrouble(
            runaway, "the quote on this line is not closed on it, so the value runs on into the keys below; close it"
        )
    unclosed = _unclosed_flow(yaml_text)
    if unclosed is not None and unclosed <= line:
        return YamlTrouble(unclosed, _OPEN_COLLECTION)
    problem = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    context = str(getattr(error, "context", None) or "")
    if "quoted scalar" in context and "end of stream" in problem:
        start = getattr(error, "context_mark", None)
        return YamlTrouble(start.line if start else line, "a quoted value is never closed; add the closing quote")
    if problem.startswith("found character") and "cannot start any token" in problem and mark is not None:
        start = yaml_text.split("\n")[line][mark.column : mark.column + 1]  # line <= last_line
        if start == "\t":
            message = "a tab separates the values on this line; use spaces (a tab may appear only inside quotes)"
            return YamlTrouble(line, message)
        return YamlTrouble(line, f"a value cannot start with {start!r} in YAML; put the whole value in quotes")
    for fragments, message in _CAUSES:
        if any(fragment in f"{problem} ({context})" for fragment in fragments):
            opened = getattr(error, "context_mark", None) if message is _OPEN_COLLECTION else None
            return YamlTrouble(opened.line if opened is not None else line, message)
    return YamlTrouble(line, f"YAML syntax error: {problem}")


def unconstructable(tag: str, value: str) -> str:
    """roledex's words for a scalar that its tag (written or implied) cannot turn into a value."""
    kind = tag.rpartition(":")[2] or tag
    shown = value if len(value) <= 40 else f"{value[:20]}...{value[-10:]} ({len(value)} characters)"
    if kind == "int" and value.lstrip("+-").isdigit():
        return f"the number {shown} has too many digits to read; write a plain figure such as 197000"
    return f"{shown!r} cannot be read as {kind!r}, as its tag says; remove the tag or correct the value"
