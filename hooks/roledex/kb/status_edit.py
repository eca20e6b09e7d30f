"""Changing a few front-matter keys of a file in place, and nothing else.

`roledex status` must keep the file as the user wrote it: comments, key order, quoting,
line endings and body. So it edits lines, not a re-dumped structure: the YAML parser says
where each top-level value starts and ends, that span is replaced (a comment after it
kept), and a missing key goes after the value of the key that precedes it in the schema. A
list is written in brackets and a mapping one scalar per line, so a changed salary is
rewritten whole (its own comments with it) and every other key stays as it was.
What it cannot edit that way (a flow mapping, an indented mapping, front matter the parser
refuses) it refuses, and every edit is proved by parsing the result: the old mapping plus
exactly the changed keys, or no edit at all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from roledex.kb.scaffold import yaml_scalar
from roledex.kb.schema import APPLICATION, Kind
from roledex.kb.source import parse_yaml
from roledex.kb.text import parse_date


class CannotEdit(ValueError):
    """The file is not one `set_keys` can change safely; the message says why and what to do."""


@dataclass(frozen=True)
class _Span:
    """Where a top-level key's entry lies: its first line, the line after its value, and
    the text after the value on its last line (a comment to keep)."""

    start: int
    stop: int
    tail: str


def closing_fence(lines: list[str]) -> int:
    """The index of the closing fence; the opening one is line 0. A fence may end in spaces,
    as it may for the checker (`source.split_front_matter`)."""
    if not lines or lines[0].lstrip("\ufeff").rstrip() != "---":
        raise CannotEdit("the file does not start with front matter ('---' on line 1); add it first")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return index
        if lines[index].rstrip() == "...":
            raise CannotEdit(f"the front matter is closed with '...' on line {index + 1}; close it with '---'")
    raise CannotEdit("the front matter is never closed with '---'")


def _as_yaml(lines: list[str]) -> str:
    """Front-matter lines as the parser reads them: LF line ends, whatever the file uses."""
    return "".join(line.rstrip("\r\n") + "\n" for line in lines)


def _parsed(yaml_text: str) -> dict[str, Any]:
    data, _, problems = parse_yaml("front matter", yaml_text, 2)
    if problems:
        first = problems[0]
        raise CannotEdit(f"line {first.line}: {first.key}: {first.message}; fix it first (`roledex check` lists all)")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CannotEdit("the front matter is not a mapping of keys to values")
    return dict(data)


def _spans(yaml_text: str) -> dict[str, _Span]:
    """Each top-level key's span, in lines of the YAML text; refuses layouts it cannot edit."""
    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise CannotEdit("the front matter is a flow mapping ({...}); write one 'key: value' per line")
    lines = yaml_text.split("\n")
    spans: dict[str, _Span] = {}
    for key_node, value_node in root.value:
        if key_node.start_mark.column != 0:
            raise CannotEdit("the front matter's keys are indented; start each key at the left margin")
        start, end = key_node.start_mark.line, value_node.end_mark
        stop = end.line if end.column == 0 and end.line > start else end.line + 1
        stop = _without_trailing_notes(lines, start, stop, isinstance(value_node, yaml.ScalarNode))
        tail = lines[end.line][end.column :] if end.line == stop - 1 else ""
        spans[str(key_node.value)] = _Span(start, stop, tail if tail.lstrip().startswith("#") else "")
    return spans


def _without_trailing_notes(lines: list[str], start: int, stop: int, scalar: bool) -> int:
    """`stop` moved up past blank lines and comments that end a value's span but are not in it.

    A block list or mapping ends where the next key starts, so the comments and blank lines
    before that key fall inside its span; a text's lines may start with '#' when indented.
    """
    while stop - 1 > start:
        line = lines[stop - 1]
        comment = line.startswith("#") if scalar else line.lstrip().startswith("#")
        if line.strip() and not comment:
            break
        stop -= 1
    return stop


@dataclass(frozen=True)
class _ItemLayout:
    """How a block list writes its items: the column of each '-', the column of an item's keys,
    and whether the first key shares the dash's line (`- date:`) or starts below it."""

    dash: int = 2
    keys: int = 4
    same_line: bool = True


def _item(entry: dict[str, Any], layout: _ItemLayout, newline: str) -> str:
    """One entry of a list of mappings, in block style laid out as the list's own items are."""
    lines = [] if layout.same_line else [" " * layout.dash + "-" + newline]
    for position, (name, item) in enumerate(entry.items()):
        if position == 0 and layout.same_line:
            lead = " " * layout.dash + "-" + " " * (layout.keys - layout.dash - 1)
        else:
            lead = " " * layout.keys
        shown = "[" + ", ".join(yaml_scalar(i) for i in item) + "]" if isinstance(item, list) else yaml_scalar(item)
        lines.append(f"{lead}{name}: {shown}{newline}")
    return "".join(lines)


def _entry(key: str, value: object, tail: str, newline: str) -> str:
    """One key's lines: a scalar, a list in brackets, a list of mappings one entry after the
    other, or a mapping of scalars one per line."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return f"{key}:{tail}{newline}" + "".join(_item(item, _ItemLayout(), newline) for item in value)
    if isinstance(value, dict):
        inner = "".join(f"  {name}: {yaml_scalar(item)}{newline}" for name, item in value.items())
        return f"{key}:{tail}{newline}{inner}"
    if isinstance(value, list):
        return f"{key}: [{', '.join(yaml_scalar(item) for item in value)}]{tail}{newline}"
    return f"{key}: {yaml_scalar(value)}{tail}{newline}"


def _insert_after(key: str, order: list[str], spans: dict[str, _Span], end: int) -> int:
    """Where a missing key goes: after the value of the nearest key before it in the schema."""
    earlier = [k for k in order[: order.index(key)] if k in spans] if key in order else []
    return spans[earlier[-1]].stop if earlier else end


def _template(front: list[str], key: str) -> range | None:
    """The lines of `key`'s commented template as `roledex new` writes it (`# key:  # hint`,
    with its commented sub-keys below), or None."""
    opening = re.compile(rf"#\s?{re.escape(key)}:(\s|$)")
    for start, line in enumerate(front):
        if opening.match(line):
            stop = start + 1
            while stop < len(front) and re.match(r"#\s?(?:  |- )\S", front[stop]):
                stop += 1
            return range(start, stop)
    return None


def set_keys(text: str, values: dict[str, object], kind: Kind) -> str:
    """`text` with each key of `values` set and every other byte as it was; raises CannotEdit."""
    lines = text.splitlines(keepends=True)
    end = closing_fence(lines)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    before = _parsed(_as_yaml(lines[1:end]))
    front = lines[1:end]
    order = list(kind.field_names)
    for key, value in values.items():
        spans = _spans(_as_yaml(front))
        if key in spans:
            span = spans[key]
            front[span.start : span.stop] = [_entry(key, value, span.tail, newline)]
        else:
            template = _template(front, key)
            if template is not None:  # the scaffold's commented line for the key becomes the key
                front[template.start : template.stop] = [_entry(key, value, "", newline)]
            else:
                front.insert(_insert_after(key, order, spans, len(front)), _entry(key, value, "", newline))
    result = "".join([lines[0], *front, *lines[end:]])
    _verify(result, before, values)
    return result


def _verify(result: str, before: dict[str, Any], values: dict[str, object]) -> None:
    """The edited front matter must read as the old mapping plus exactly the new values."""
    lines = result.splitlines(keepends=True)
    end = closing_fence(lines)
    after = _parsed(_as_yaml(lines[1:end]))
    expected = {**before, **values}
    if after != expected:
        changed = sorted(k for k in set(after) | set(expected) if after.get(k) != expected.get(k))
        raise CannotEdit(f"the edit would not read back as written (keys {', '.join(changed)}); nothing was changed")


def _block_list_layout(yaml_text: str, key: str) -> _ItemLayout | None:
    """How the last item of `key` is laid out when `key` is a non-empty block list of mappings
    (a new item is written the same way), else None."""
    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    for key_node, value_node in root.value if isinstance(root, yaml.MappingNode) else []:
        if str(key_node.value) == key:
            if isinstance(value_node, yaml.SequenceNode) and not value_node.flow_style and value_node.value:
                last = value_node.value[-1]
                dash = _dash_before(yaml_text, last.start_mark.index)
                if dash is None or not isinstance(last, yaml.MappingNode):
                    return None
                dash_line, dash_column = dash
                return _ItemLayout(dash_column, int(last.start_mark.column), dash_line == last.start_mark.line)
            return None
    return None


def _dash_before(yaml_text: str, index: int) -> tuple[int, int] | None:
    """(line, column) of the '-' that opens the item starting at `index`, looking back over
    blank space and comments only."""
    position = index - 1
    while position >= 0:
        char = yaml_text[position]
        if char == "-":
            line = yaml_text.count("\n", 0, position)
            return line, position - (yaml_text.rfind("\n", 0, position) + 1)
        if char == "#" or not char.isspace():
            return None
        position -= 1
    return None


def append_entry(text: str, key: str, entry: dict[str, Any], kind: Kind, position: int | None = None) -> str:
    """`text` with `entry` added to the list under `key` before its item at `position` (from 0;
    None or past the end: after the last), every other byte kept.

    A block list gets the entry as a block item (comments in it stay); a missing, empty or
    bracketed list is written whole. Raises CannotEdit like `set_keys`.
    """
    lines = text.splitlines(keepends=True)
    end = closing_fence(lines)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    before = _parsed(_as_yaml(lines[1:end]))
    existing = before.get(key)
    if existing is not None and not isinstance(existing, list):
        raise CannotEdit(f"{key} is not a list; fix it first (`roledex check` lists it)")
    front = lines[1:end]
    layout = _block_list_layout(_as_yaml(front), key)
    items = list(existing or [])
    at = len(items) if position is None else max(0, min(position, len(items)))
    wanted = [*items[:at], entry, *items[at:]]
    if layout is None:
        return set_keys(text, {key: wanted}, kind)
    line = _spans(_as_yaml(front))[key].stop if at == len(items) else _item_line(_as_yaml(front), key, at)
    front.insert(line, _item(entry, layout, newline))
    result = "".join([lines[0], *front, *lines[end:]])
    _verify(result, before, {key: wanted})
    return result


def place_by_date(text: str, key: str, entry: dict[str, Any]) -> int | None:
    """Where `entry` goes in the list under `key` so the list stays in the order things
    happened: before the first item dated after it (one of the same day stays above it), or
    None for the end. Read from the text being edited, so a write another command made since
    the knowledge base was read is counted."""
    lines = text.splitlines(keepends=True)
    items = _parsed(_as_yaml(lines[1 : closing_fence(lines)])).get(key)
    day = parse_date(entry.get("date"))
    if not isinstance(items, list) or day is None:
        return None
    for index, item in enumerate(items):
        when = parse_date(item.get("date")) if isinstance(item, dict) else None
        if when is not None and when > day:
            return index
    return None


def add_event(text: str, entry: dict[str, Any]) -> str:
    """An application's text with `entry` among its `events`, where its date puts it."""
    return append_entry(text, "events", entry, APPLICATION, place_by_date(text, "events", entry))


def set_item_keys(text: str, key: str, index: int, values: dict[str, Any]) -> str:
    """`text` with `values` set in item `index` (from 0) of the block list of mappings under
    `key`: a key the item has gets its new value on its own line, one it lacks a line below
    its last, laid out as its other keys; every other byte kept. Raises CannotEdit."""
    lines = text.splitlines(keepends=True)
    end = closing_fence(lines)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    before = _parsed(_as_yaml(lines[1:end]))
    items = before.get(key)
    if not isinstance(items, list) or not 0 <= index < len(items) or not isinstance(items[index], dict):
        raise CannotEdit(f"{key} has no item {index + 1} to change")
    front = lines[1:end]
    item = _item_node(_as_yaml(front), key, index)
    column = int(item.value[-1][0].start_mark.column) if item.value else int(item.start_mark.column)
    for name, value in values.items():
        existing = next((pair for pair in item.value if str(pair[0].value) == name), None)
        if existing is not None:
            name_node, value_node = existing
            if not isinstance(value_node, yaml.ScalarNode) or value_node.end_mark.line != name_node.start_mark.line:
                raise CannotEdit(f"{key}.{index + 1}.{name} spans lines; change it by hand")
            row = name_node.start_mark.line
            tail = front[row][value_node.end_mark.column :].rstrip("\r\n")
            front[row] = front[row][: value_node.start_mark.column] + yaml_scalar(value) + tail + newline
        else:
            last = max(int(pair[1].end_mark.line) - (1 if pair[1].end_mark.column == 0 else 0) for pair in item.value)
            front.insert(last + 1, f"{' ' * column}{name}: {yaml_scalar(value)}{newline}")
        item = _item_node(_as_yaml(front), key, index)
    result = "".join([lines[0], *front, *lines[end:]])
    expected = [dict(entry) for entry in items]
    expected[index].update(values)
    _verify(result, before, {key: expected})
    return result


def _item_node(yaml_text: str, key: str, index: int) -> yaml.MappingNode:
    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    for key_node, value_node in root.value if isinstance(root, yaml.MappingNode) else []:
        if str(key_node.value) == key and isinstance(value_node, yaml.SequenceNode) and not value_node.flow_style:
            item = value_node.value[index]
            if isinstance(item, yaml.MappingNode) and not item.flow_style:
                return item
    raise CannotEdit(f"item {index + 1} of {key} is not written as a block of keys; change it by hand")


def _item_line(yaml_text: str, key: str, index: int) -> int:
    """The line of the '-' that opens item `index` of the block list under `key`."""
    root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    for key_node, value_node in root.value if isinstance(root, yaml.MappingNode) else []:
        if str(key_node.value) == key and isinstance(value_node, yaml.SequenceNode):
            dash = _dash_before(yaml_text, value_node.value[index].start_mark.index)
            if dash is not None:
                return dash[0]
    raise CannotEdit(f"cannot find where item {index + 1} of {key} starts; fix the list first")


def remove_keys(text: str, keys: list[str]) -> str:
    """`text` without the entries of `keys` (comments on their lines go with them)."""
    lines = text.splitlines(keepends=True)
    end = closing_fence(lines)
    before = _parsed(_as_yaml(lines[1:end]))
    front = lines[1:end]
    for key in keys:
        spans = _spans(_as_yaml(front))
        if key in spans:
            del front[spans[key].start : spans[key].stop]
    result = "".join([lines[0], *front, *lines[end:]])
    result_lines = result.splitlines(keepends=True)
    after = _parsed(_as_yaml(result_lines[1 : closing_fence(result_lines)]))
    if after != {k: v for k, v in before.items() if k not in keys}:
        raise CannotEdit(f"removing {', '.join(keys)} would not read back as written; nothing was changed")
    return result


def _slug_token(slug: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(slug)}(?![\w-])")


def _renamed(value: Any, old: str, new: str) -> Any:
    if value == old:
        return new
    if isinstance(value, list):
        return [new if item == old else item for item in value]
    return value


def rename_slug(text: str, keys: list[str], old: str, new: str) -> str:
    """`text` with the slug `old` changed to `new` in the values of `keys` (a slug, or a list of
    them), every other byte kept: the same proof as `set_keys`, the old mapping with exactly
    those values renamed. Raises CannotEdit."""
    lines = text.splitlines(keepends=True)
    end = closing_fence(lines)
    front = lines[1:end]
    before = _parsed(_as_yaml(front))
    spans = _spans(_as_yaml(front))
    token = _slug_token(old)
    for key in keys:
        if key in spans and _renamed(before.get(key), old, new) != before.get(key):
            span = spans[key]
            front[span.start : span.stop] = [token.sub(new, line) for line in front[span.start : span.stop]]
    result = "".join([lines[0], *front, *lines[end:]])
    result_lines = result.splitlines(keepends=True)
    after = _parsed(_as_yaml(result_lines[1 : closing_fence(result_lines)]))
    expected = {k: (_renamed(v, old, new) if k in keys else v) for k, v in before.items()}
    if after != expected:
        raise CannotEdit(f"renaming {old!r} in {', '.join(keys)} would not read back as written; change it by hand")
    return result


ABSENT = "absent"
"""The version of a record that has no file yet."""


def version(text: str | None) -> str:
    """A record's version as a page saw it: the sha256 of its text, or ABSENT."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else ABSENT


def as_seen(change: Callable[[str], str], expected: str | None, initial: str | None = None) -> Callable[[str], str]:
    """`change`, refusing (CannotEdit) a file that is not the version `expected` (None: any):
    an action of the local site on a file an editor or a command changed since the page was
    loaded. Run inside the record's lock, the comparison and the write are one step. `initial`
    is the text a file made now starts from, when `expected` is ABSENT."""

    def changed(text: str) -> str:
        seen = ABSENT if expected == ABSENT and initial is not None and text == initial else version(text)
        if expected is not None and seen != expected:
            raise CannotEdit("changed since you loaded it; reload")
        return change(text)

    return changed
