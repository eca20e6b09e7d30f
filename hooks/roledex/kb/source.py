"""Reading one file into its front matter, body and the line of every key.

YAML loaders are silent where a checker must speak: they keep the last of two duplicate
keys, drop a list where a mapping was meant, and give no line numbers once loaded. This
module parses front matter with a loader that records each key's line, reports duplicate
keys, refuses anchors and aliases (an alias bomb is refused before it is expanded) and
keeps impossible dates as text so that the checker can quote them.

Most front matter needs none of that: plain keys and values, read right the first time. Such
text is read by the C parser with a lean construction (`read_yaml`), at about the bare
parser's cost, and its key lines are read with the lined loader only when a problem asks for
one; anything the lined loaders look at, and any error, is read by them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from roledex.kb.problems import Problem
from roledex.kb.yaml_diagnosis import (
    ALIASES_REFUSED,
    PLAIN_TAGS,
    TAGS_REFUSED,
    forbidden_character,
    syntax_error,
    tab_indent,
    too_deep,
    unconstructable,
)

FENCE = "---"
FRONT_MATTER_LINE = 2
"""The file line of the front matter's first line, after the opening fence."""
MAP_TAG_ON_SCALAR = "'!!map' marks a mapping, but the value is not one; remove the tag"
_MULTIMARKDOWN_META = re.compile(r"^[A-Za-z][\w -]*:\s")
_CLOSING_FENCE = re.compile(r"^(---|\.\.\.)[^\S\n]*$", re.MULTILINE)
"""The line that closes front matter: '---', or '...' (which roledex asks to be '---')."""
_COLON_BEFORE_FLOW_END = re.compile(r":[,\]}]")
"""A key with no value closing a flow collection (`{a:}`, `[a:, b]`): libyaml refuses it,
PyYAML's own parser (and MkDocs, which uses it) reads it as a key without a value."""


class LinedDict(dict):
    """A mapping that remembers the 0-based YAML line of each of its keys."""

    __slots__ = ("key_lines",)

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}


class _Refused(Exception):
    """A node roledex will not construct: `_Refused(0-based line, roledex's message)`."""

    @property
    def line(self) -> int:
        return int(self.args[0])

    @property
    def message(self) -> str:
        return str(self.args[1])


# What PyYAML's constructors raise, besides YAMLError, for a scalar its tag cannot read:
# int('abc'), a 5,000-digit int, bool_values['maybe'], a timestamp that does not match.
_CONSTRUCTION_ERRORS = (ValueError, TypeError, OverflowError, KeyError, AttributeError)


class _LinedConstruction:
    """What roledex adds to a safe loader: key lines, duplicate keys, refused tags and
    values that cannot be constructed, and impossible dates kept as text.

    Defined once, at the top level, and mixed into libyaml's and PyYAML's own loader.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.duplicates: list[tuple[str, int, int]] = []

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # libyaml calls an empty value after a bare '!' not plain (text), PyYAML's own
        # parser plain (null); roledex reads it as PyYAML's parser does.
        if value == "" and implicit == (False, False):
            implicit = (True, False)
        return super().resolve(kind, value, implicit)  # type: ignore[misc]

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node.tag not in PLAIN_TAGS:
            raise _Refused(node.start_mark.line, TAGS_REFUSED)
        try:
            return super().construct_object(node, deep=deep)  # type: ignore[misc]
        except _CONSTRUCTION_ERRORS as error:
            value = node.value if isinstance(node.value, str) else ""
            raise _Refused(node.start_mark.line, unconstructable(node.tag, value)) from error

    def construct_lined_mapping(self, node: Any) -> LinedDict:
        if not isinstance(node, MappingNode):
            raise _Refused(node.start_mark.line, MAP_TAG_ON_SCALAR)
        mapping = LinedDict()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_node.start_mark.line, ALIASES_REFUSED)
            key = self.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            line = key_node.start_mark.line
            if key in mapping:
                self.duplicates.append((key, line, mapping.key_lines[key]))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
        return mapping

    def construct_lenient_timestamp(self, node: Any) -> Any:
        """A date, or the text as written when it is no real date (2026-02-30)."""
        try:
            return self.construct_yaml_timestamp(node)  # type: ignore[attr-defined]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[attr-defined]


class _AliasRefusal:
    """Refusing every alias: for text that holds a '*' at all.

    A node met a second time is an alias; refusing it before construction makes an alias
    bomb cost no more than its text. Text without a '*' has no aliases, and
    skips this per-node check.
    """

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:  # type: ignore[attr-defined]
            raise _Refused(node.start_mark.line, ALIASES_REFUSED)
        return super().construct_object(node, deep=deep)  # type: ignore[misc]


class _PurePythonLoader(_LinedConstruction, yaml.SafeLoader):
    """PyYAML's own parser: slower, and present wherever PyYAML is."""


class _GuardedPurePythonLoader(_AliasRefusal, _PurePythonLoader):
    pass


class _LibyamlLoader(_LinedConstruction, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser, when PyYAML was built with it (PyYAML's own otherwise)."""


class _GuardedLibyamlLoader(_AliasRefusal, _LibyamlLoader):
    pass


_loader: Any
for _loader in (_PurePythonLoader, _LibyamlLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _LinedConstruction.construct_lined_mapping)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _LinedConstruction.construct_lenient_timestamp)

PURE_PYTHON_LOADERS: tuple[type, type] = (_PurePythonLoader, _GuardedPurePythonLoader)
loaders: tuple[type, type] = (_LibyamlLoader, _GuardedLibyamlLoader)
"""The pair `parse_yaml` uses; both give the same data and the same problems."""
LIBYAML_LOADERS = loaders if hasattr(yaml, "CSafeLoader") else None
"""The same pair when it is libyaml's, None when PyYAML was built without libyaml."""


class _NotPlain(Exception):
    """The fast reading met something only the lined loaders judge: read the text again with them."""


class _PlainLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader's parser with a lean construction of plain front matter (none of `_lined_only`):
    mappings whose keys are distinct text, lists, and scalars by the safe loader's own
    constructors. It gives the data the lined loaders give, without their line numbers or
    the safe constructor's bookkeeping (anchors, recursion, deferred filling), which plain
    text never needs; anything else raises `_NotPlain`, and the lined loaders read the text."""

    def construct_document(self, node: Any) -> Any:
        return self._plain(node)

    def _plain(self, node: Any) -> Any:
        kind = node.__class__
        if kind is ScalarNode:
            if node.tag == _STR:
                return node.value
            return self.yaml_constructors[node.tag](self, node)
        if kind is SequenceNode and node.tag == _SEQ:
            return [self._plain(item) for item in node.value]
        if kind is not MappingNode or node.tag != _MAP:
            raise _NotPlain
        mapping = {}
        for key_node, value_node in node.value:
            key = self._plain(key_node)
            if type(key) is not str or key in mapping:
                raise _NotPlain
            mapping[key] = self._plain(value_node)
        return mapping


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))


_LONE_EQUALS = re.compile(r"(?:^|[\s\[{,:?-])=(?=$|[\s\]},:#])", re.MULTILINE)
"""'=' standing alone: YAML 1.1's value key, which the bare loader quietly reads as text."""


def _lined_only(yaml_text: str) -> bool:
    """True when the text holds what only the lined loaders read as roledex means it: a tag
    (and a bare '!'), an alias, a tab (libyaml and PyYAML's own parser differ on it), a merge
    key, a key without a value closing a flow collection, or '=' standing alone."""
    return (
        "!" in yaml_text
        or "*" in yaml_text
        or "\t" in yaml_text
        or "<<" in yaml_text
        or _COLON_BEFORE_FLOW_END.search(yaml_text) is not None
        or ("=" in yaml_text and _LONE_EQUALS.search(yaml_text) is not None)
    )


def _plain_data(yaml_text: str) -> tuple[bool, Any]:
    """(True, the data) when the bare parse reads `yaml_text` as the lined loaders would,
    (False, None) when they must: anything they look at, or any error (they word it)."""
    if _lined_only(yaml_text):
        return False, None
    loader = _PlainLoader(yaml_text)
    try:
        return True, loader.get_single_data()
    except (_NotPlain, yaml.YAMLError, *_CONSTRUCTION_ERRORS):
        return False, None
    finally:
        loader.dispose()


@dataclass
class Document:
    """One file of the knowledge base as written: front matter, body and key lines."""

    path: str
    """The path as the user knows it, used in every message."""
    folder: str
    slug: str
    meta: dict[str, Any]
    body: str
    body_line: int
    front: str = ""
    """The front matter's YAML text: its key lines are read from it when a problem needs one."""
    readable: bool = True
    """False when the front matter could not be read; its keys are then not checked."""
    _key_lines: dict[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def key_lines(self) -> dict[str, int]:
        """1-based file line of each key; nested keys are dotted (`salary.min`).

        Read again, with the lined loader, the first time a problem asks: a file without
        problems costs only the bare parse."""
        if self._key_lines is None:
            self._key_lines = key_lines_of(self.front, FRONT_MATTER_LINE) if self.front else {}
        return self._key_lines

    @property
    def src_uri(self) -> str:
        """The path below the docs folder, as MkDocs names the page."""
        return f"{self.folder}/{self.slug}.md"

    def line_of(self, key: str) -> int:
        """The line of `key`, or of its parent key, or of the opening fence."""
        while key:
            if key in self.key_lines:
                return self.key_lines[key]
            key = key.rpartition(".")[0]
        return 1


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text as UTF-8 (a byte-order mark and CRLF line ends are fine)."""
    if b"\x00" in raw[:8192]:
        return None, [Problem(path, 1, "file", "is binary, not a Markdown text file")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        bad = raw[error.start : error.start + 1].hex()
        message = f"is not UTF-8 (byte 0x{bad} cannot be decoded); save the file as UTF-8"
        return None, [Problem(path, line, "file", message)]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def split_front_matter(path: str, text: str) -> tuple[str | None, str, int, list[Problem]]:
    """(YAML text, body, first body line, problems); the YAML is None when there is none."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != FENCE:
        hint = ""
        if _MULTIMARKDOWN_META.match(first):
            hint = f" (a first line like {first[:40]!r} is read by MkDocs as metadata)"
        message = f"no front matter: the file must start with a line '---'{hint}"
        return None, text, 1, [Problem(path, 1, "front-matter", message)]
    closing = None if first_end < 0 else _CLOSING_FENCE.search(text, first_end + 1)
    if closing is None:
        message = "front matter opened with '---' on line 1 is never closed with '---'"
        return None, text, 1, [Problem(path, 1, "front-matter", message)]
    index = text.count("\n", 0, closing.start())
    yaml_text = text[first_end + 1 : max(first_end + 1, closing.start() - 1)]
    line_end = text.find("\n", closing.start())
    body = "" if line_end < 0 else text[line_end + 1 :]
    if closing.group(1) == FENCE:
        return yaml_text, body, index + 2, []
    message = "close the front matter with '---', not '...' (other tools miss '...')"
    return yaml_text, body, index + 2, [Problem(path, index + 1, "front-matter", message)]


def _lined(path: str, yaml_text: str, first_line: int) -> tuple[Any, list[Problem]]:
    """The data as the lined loaders read it (a `LinedDict` for each mapping), and every problem."""
    trouble = forbidden_character(yaml_text) or tab_indent(yaml_text) or too_deep(yaml_text)
    if trouble is not None:
        return None, [Problem(path, trouble.line + first_line, "front-matter", trouble.message)]
    # libyaml takes a tab between tokens that PyYAML's own parser refuses, and refuses a key
    # without a value just before a flow collection closes: such text is read by PyYAML's own
    # parser, so what passes the check reads alike with every loader, and as MkDocs reads it.
    own_parser = "\t" in yaml_text or _COLON_BEFORE_FLOW_END.search(yaml_text)
    plain, guarded = PURE_PYTHON_LOADERS if own_parser else loaders
    loader = (guarded if "*" in yaml_text else plain)(yaml_text)
    try:
        data = loader.get_single_data()
    except _Refused as refused:
        return None, [Problem(path, refused.line + first_line, "front-matter", refused.message)]
    except yaml.YAMLError as error:
        trouble = syntax_error(yaml_text, error)
        return None, [Problem(path, trouble.line + first_line, "front-matter", trouble.message)]
    finally:
        loader.dispose()
    problems = [
        Problem(
            path,
            line + first_line,
            key,
            f"duplicate key: {key!r} is also set on line {first + first_line}; YAML keeps only the last, remove one",
        )
        for key, line, first in loader.duplicates
    ]
    return data, problems


def parse_yaml(path: str, yaml_text: str, first_line: int) -> tuple[Any, dict[str, int], list[Problem]]:
    """Load front matter; return (data, dotted key -> file line, problems)."""
    data, problems = _lined(path, yaml_text, first_line)
    return data, _key_lines(data, first_line), problems


def read_yaml(path: str, yaml_text: str, first_line: int) -> tuple[Any, list[Problem]]:
    """Load front matter as `parse_yaml` does, without its key lines: at the bare parser's
    cost when the text is plain and right, through the lined loaders otherwise."""
    if forbidden_character(yaml_text) is None and too_deep(yaml_text) is None:
        plain, data = _plain_data(yaml_text)
        if plain:
            return data, []
    return _lined(path, yaml_text, first_line)


def key_lines_of(yaml_text: str, first_line: int) -> dict[str, int]:
    """The file line of each key of front matter starting at `first_line` (none when it cannot be read)."""
    data, _ = _lined("front matter", yaml_text, first_line)
    return _key_lines(data, first_line)


def _key_lines(data: Any, first_line: int, prefix: str = "") -> dict[str, int]:
    if not isinstance(data, LinedDict):
        return {}
    lines: dict[str, int] = {}
    for key, line in data.key_lines.items():
        lines[prefix + key] = line + first_line
        value = data[key]
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items, 1):
            inner = f"{prefix}{key}.{index}." if isinstance(value, list) else f"{prefix}{key}."
            nested = _key_lines(item, first_line, inner)
            if nested and isinstance(value, list):
                lines[inner[:-1]] = min(nested.values())
            lines.update(nested)
    return lines


def _describe(value: Any) -> str:
    return "a list" if isinstance(value, list) else f"{type(value).__name__} {value!r}"


def read_document(path: str, folder: str, slug: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file; the document is None only when its text cannot be read at all."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    yaml_text, body, body_line, problems = split_front_matter(path, text)
    meta: dict[str, Any] = {}
    unreadable = bool(problems) and yaml_text is None
    if yaml_text is not None and not yaml_text.strip():
        problems.append(Problem(path, 1, "front-matter", "front matter is empty"))
    elif yaml_text is not None:
        data, yaml_problems = read_yaml(path, yaml_text, FRONT_MATTER_LINE)
        problems += yaml_problems
        if isinstance(data, dict):
            meta = dict(data)
        elif data is None and not yaml_problems:
            unreadable = True
            problems.append(Problem(path, 1, "front-matter", "front matter holds only comments; it is empty"))
        else:
            unreadable = True
            if data is not None or not yaml_problems:
                message = f"front matter must be a mapping of keys to values, got {_describe(data)}"
                problems.append(Problem(path, 2, "front-matter", message))
    return Document(path, folder, slug, meta, body, body_line, yaml_text or "", not unreadable), problems


_PRIVATE_LINE = re.compile(r"^\s*['\"]?private['\"]?\s*:", re.MULTILINE)


def privacy_mark(path: str, text: str) -> tuple[bool, list[Problem]]:
    """Whether a hand-written page must be left out of a published build, and why not safely.

    Fails safe: a page whose front matter mentions `private` but cannot be read, or says
    anything other than true or false, is left out and its problem reported, so a broken
    private page stops the build instead of being published.
    """
    yaml_text, _, _, problems = split_front_matter(path, text.lstrip("\ufeff"))
    if yaml_text is None or not yaml_text.strip():
        return False, []
    data, key_lines, yaml_problems = parse_yaml(path, yaml_text, 2)
    problems += yaml_problems
    mentions = _PRIVATE_LINE.search(yaml_text) is not None
    if problems:
        return mentions, problems if mentions else []
    value = data.get("private", False) if isinstance(data, dict) else False
    if isinstance(value, bool):
        return value, []
    message = f"expected true or false, got {value!r}; the page is left out until it says true or false"
    return True, [Problem(path, key_lines["private"], "private", message)]


def marked_private(text: str) -> bool:
    """True when a page's front matter says `private: true`, or may mean it (see privacy_mark)."""
    return privacy_mark("page", text)[0]
