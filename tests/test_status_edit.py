"""`roledex status` edits an application in place: only the keys it sets, or nothing at all."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

import pytest
from conftest import invoke, make_site
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.kb import status_edit
from roledex.kb.scaffold import application_file
from roledex.kb.schema import APPLICATION
from roledex.kb.source import parse_yaml
from roledex.kb.status_edit import CannotEdit, set_keys

POSTING = "etsy-engineering-manager-ml-for-growth"
DAY = dt.date(2026, 11, 20)


def _front(text: str) -> dict:
    lines = text.split("\n")
    end = lines.index("---", 1)
    data, _, problems = parse_yaml("t", "\n".join(lines[1:end]) + "\n", 2)
    assert problems == []
    return dict(data)


LAYOUTS = [
    # (name, front matter lines, values to set)
    ("plain", "posting: p\nstatus: saved\n", {"status": "applied"}),
    ("comment after the value", "posting: p\nstatus: saved  # since May\n", {"status": "applied"}),
    (
        "quoted hash is not a comment",
        'posting: p\nnext_step: "call #2 with Jo"  # from recruiter\n',
        {"next_step": "email Jo"},
    ),
    (
        "indented comment line kept",
        "posting: p\nstatus: saved\n  # a note on the status\nnotes: x\n",
        {"status": "offer"},
    ),
    (
        "block scalar with a blank line",
        "posting: p\nnext_step: |\n  call Jo\n\n  then email\nstatus: saved\n",
        {"next_step": "done"},
    ),
    ("folded scalar", "posting: p\nnext_step: >-\n  one\n  two\n# kept\nstatus: saved\n", {"next_step": "x"}),
    (
        "quoted continuation that looks like a key",
        'posting: p\nnext_step: "call Jo\n  status: later"\nstatus: saved\n',
        {"status": "applied", "next_step": "n"},
    ),
    ("empty value with a comment", "posting: p\nnext_step:   # to decide\nstatus: saved\n", {"next_step": "call"}),
    (
        "list before the key",
        "posting: p\ncontacts:\n- Jo\n- Al\n\n# status below\nstatus: saved\n",
        {"status": "applied"},
    ),
    ("missing key goes after its schema neighbour", "posting: p\nstatus: saved\n# end\n", {"applied": DAY}),
    ("missing key with nothing before it", "# only a comment\nnotes: x\n", {"status": "saved"}),
    ("value needing quotes", "posting: p\nstatus: saved\n", {"next_step": "Call: Jo #2, 'then' \"wait\""}),
    ("tab-free CRLF", "posting: p\r\nstatus: saved\r\n", {"status": "applied"}),
    ("blank line after the value", "posting: p\nstatus: saved\n\nnotes: x\n", {"status": "applied"}),
    (
        "text whose lines start with '#'",
        "posting: p\nnext_step: |\n  # not a comment\n  call\n# a comment\nstatus: saved\n",
        {"next_step": "x"},
    ),
    ("missing key between two", "posting: p\nstatus: saved\nnotes: x\n", {"next_step": "call"}),
    ("list replaced", "posting: p\ncontacts:\n  - Jo\n  # indented\nstatus: saved\n", {"contacts": "Al"}),
    (
        "text whose last line starts with '#'",
        "posting: p\nnext_step: |\n  call\n  # not a comment\nstatus: saved\n",
        {"next_step": "x"},
    ),
    ("spaces after the value", "posting: p\nstatus: saved   \nnotes: x\n", {"status": "applied"}),
    ("a key the schema does not know", "posting: p\nstatus: saved\n", {"custom": "x"}),
    (
        "mapping rewritten whole",
        "title: t\nsalary:\n  min: 1  # low\n  max: 2\nurl: u\n",
        {"salary": {"min": 1, "max": 3, "text": "1-3 k"}},
    ),
    ("missing mapping added", "posting: p\nstatus: saved\n", {"salary": {"min": 5}}),
    (
        "list written in brackets",
        "title: t\nlocations:\n  - Berlin\n  - Paris\nwork_mode: remote\n",
        {"locations": ["Berlin, Germany", "remote-eu"]},
    ),
]


EDITED = {
    "plain": "posting: p\nstatus: applied\n",
    "comment after the value": "posting: p\nstatus: applied  # since May\n",
    "quoted hash is not a comment": 'posting: p\nnext_step: "email Jo"  # from recruiter\n',
    "indented comment line kept": "posting: p\nstatus: offer\n  # a note on the status\nnotes: x\n",
    "block scalar with a blank line": "posting: p\nnext_step: done\nstatus: saved\n",
    "folded scalar": "posting: p\nnext_step: x\n# kept\nstatus: saved\n",
    "quoted continuation that looks like a key": 'posting: p\nnext_step: "n"\nstatus: applied\n',
    "empty value with a comment": "posting: p\nnext_step: call   # to decide\nstatus: saved\n",
    "list before the key": "posting: p\ncontacts:\n- Jo\n- Al\n\n# status below\nstatus: applied\n",
    "missing key goes after its schema neighbour": "posting: p\nstatus: saved\napplied: 2026-11-20\n# end\n",
    "missing key with nothing before it": "# only a comment\nnotes: x\nstatus: saved\n",
    "value needing quotes": 'posting: p\nstatus: saved\nnext_step: "Call: Jo #2, \'then\' \\"wait\\""\n',
    "tab-free CRLF": "posting: p\r\nstatus: applied\r\n",
    "blank line after the value": "posting: p\nstatus: applied\n\nnotes: x\n",
    "text whose lines start with '#'": "posting: p\nnext_step: x\n# a comment\nstatus: saved\n",
    "missing key between two": "posting: p\nstatus: saved\nnext_step: call\nnotes: x\n",
    "list replaced": 'posting: p\ncontacts: "Al"\n  # indented\nstatus: saved\n',
    "text whose last line starts with '#'": "posting: p\nnext_step: x\nstatus: saved\n",
    "spaces after the value": "posting: p\nstatus: applied\nnotes: x\n",
    "a key the schema does not know": "posting: p\nstatus: saved\ncustom: x\n",
    "mapping rewritten whole": 'title: t\nsalary:\n  min: 1\n  max: 3\n  text: "1-3 k"\nurl: u\n',
    "missing mapping added": "posting: p\nstatus: saved\nsalary:\n  min: 5\n",
    "list written in brackets": 'title: t\nlocations: ["Berlin, Germany", remote-eu]\nwork_mode: remote\n',
}
"""Each layout's front matter after the edit, byte for byte."""


@pytest.mark.parametrize(("name", "front", "values"), LAYOUTS, ids=[layout[0] for layout in LAYOUTS])
def test_each_layout_reads_back_as_the_old_mapping_plus_the_change(name: str, front: str, values: dict) -> None:
    newline = "\r\n" if "\r\n" in front else "\n"
    text = f"---{newline}{front}---{newline}Body stays.{newline}"
    updated = set_keys(text, values, APPLICATION)
    assert updated == f"---{newline}{EDITED[name]}---{newline}Body stays.{newline}"
    normalised = updated.replace("\r\n", "\n")
    assert _front(normalised) == {**_front(text.replace("\r\n", "\n")), **values}


def test_a_comment_after_a_replaced_value_stays_on_its_line() -> None:
    text = '---\nposting: p\nnext_step: "call #2 with Jo"  # from recruiter\n---\n'
    assert 'next_step: "email Jo"  # from recruiter\n' in set_keys(text, {"next_step": "email Jo"}, APPLICATION)


FIX_FIRST = "; fix it first (`roledex check` lists all)"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "---\n{posting: p, status: saved}\n---\n",
            "the front matter is a flow mapping ({...}); write one 'key: value' per line",
        ),
        (
            "---\n  posting: p\n  status: saved\n---\n",
            "the front matter's keys are indented; start each key at the left margin",
        ),
        (
            "---\nposting: p\nstatus: saved\n...\n",
            "the front matter is closed with '...' on line 4; close it with '---'",
        ),
        (
            "---\nposting: p\nstatus: [saved\n---\n",
            "line 3: front-matter: a list in [ ] or a mapping in { } is not closed, or holds an unquoted ':' or ','; "
            "close it or quote the value" + FIX_FIRST,
        ),
        (
            "---\nposting: p\nposting: q\n---\n",
            "line 3: posting: duplicate key: 'posting' is also set on line 2; YAML keeps only the last, remove one"
            + FIX_FIRST,
        ),
        ("posting: p\n", "the file does not start with front matter ('---' on line 1); add it first"),
        ("", "the file does not start with front matter ('---' on line 1); add it first"),
        ("---\nposting: p\n", "the front matter is never closed with '---'"),
        ("---\n- posting\n---\n", "the front matter is not a mapping of keys to values"),
    ],
)
def test_what_cannot_be_edited_safely_is_refused(text: str, reason: str) -> None:
    with pytest.raises(CannotEdit) as refused:
        set_keys(text, {"status": "applied"}, APPLICATION)
    assert str(refused.value) == reason


@pytest.mark.parametrize(
    ("text", "edited"),
    [
        ("\ufeff---\nposting: p\n---\n", "\ufeff---\nposting: p\nstatus: applied\n---\n"),
        ("---\n---\nBody\n", "---\nstatus: applied\n---\nBody\n"),
        ("---\n# nothing yet\n---\n", "---\n# nothing yet\nstatus: applied\n---\n"),
        ("---\nposting: p\n---\n---\n", "---\nposting: p\nstatus: applied\n---\n---\n"),
        ("---  \nposting: p\n--- \n", "---  \nposting: p\nstatus: applied\n--- \n"),
        ("---\nposting: p\r\n---\n", "---\nposting: p\r\nstatus: applied\n---\n"),
    ],
    ids=["byte-order mark", "empty", "only a comment", "a rule in the body", "fences with spaces", "mixed line ends"],
)
def test_edges_of_the_front_matter(text: str, edited: str) -> None:
    assert set_keys(text, {"status": "applied"}, APPLICATION) == edited


@pytest.fixture
def application(docs_copy: Path) -> Path:
    return docs_copy / "applications" / f"{POSTING}.md"


def _status(docs: Path, *args: str):
    return invoke("status", POSTING, *args, "--docs", str(docs))


@pytest.mark.parametrize(
    "content",
    [
        b"---\nposting: etsy-engineering-manager-ml-for-growth\nstatus: saved\nnotes: caf\xe9\n---\nMy notes.\n",
        b"---\nposting: etsy-engineering-manager-ml-for-growth\nstatus: saved\n---\nMy\x00notes.\n",
        b"---\nposting: etsy-engineering-manager-ads-ml\nstatus: saved\n---\nNotes of another posting.\n",
        b"---\n{posting: etsy-engineering-manager-ml-for-growth, status: saved}\n---\nMy notes.\n",
        b"---\n  posting: etsy-engineering-manager-ml-for-growth\n  status: saved\n---\nMy notes.\n",
    ],
    ids=["not UTF-8", "NUL byte", "names another posting", "flow mapping", "indented mapping"],
)
def test_a_file_status_cannot_edit_is_left_byte_for_byte(application: Path, content: bytes) -> None:
    application.write_bytes(content)
    result = _status(application.parents[1], "applied", "--date", "2026-11-20")
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr
    assert application.read_bytes() == content


def test_a_read_only_file_keeps_its_mode_and_a_link_stays_a_link(application: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.md"
    real.write_bytes(application.read_bytes())
    application.unlink()
    application.symlink_to(real)
    real.chmod(0o440)
    result = _status(application.parents[1], "applied", "--date", "2026-11-20")
    assert result.returncode == 0, result.stderr
    assert application.is_symlink() and os.readlink(application) == str(real)
    assert stat.S_IMODE(real.stat().st_mode) == 0o440
    assert "status: applied" in real.read_text(encoding="utf-8")


def test_a_broken_link_is_not_replaced(application: Path, tmp_path: Path) -> None:
    application.unlink()
    application.symlink_to(tmp_path / "gone.md")
    result = _status(application.parents[1], "applied")
    assert result.returncode == 1
    assert application.is_symlink() and not (tmp_path / "gone.md").exists()


# Front matter of an application in many YAML layouts, for the property below.
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
_SCALAR = st.one_of(
    _TEXT.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    _TEXT.map(lambda t: "'" + t.replace("'", "''") + "'"),
    st.from_regex(r"[a-z][a-z0-9 ]{0,12}[a-z0-9]", fullmatch=True),
    st.just(""),
    st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=3).map(
        lambda words: "|\n" + "".join(f"  {w}\n\n" for w in words).rstrip("\n")
    ),
    st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=3).map(
        lambda words: "\n" + "\n".join(f"- {w}" for w in words)
    ),
)
_COMMENT = st.sampled_from(["", "  # a note", "  # 'quoted' #2"])
_EXTRA = st.sampled_from(["", "# a comment line\n", "  # an indented comment\n", "\n"])
_KEYS = ["posting", "status", "applied", "next_step", "next_date", "contacts", "notes"]


@st.composite
def _front_matter(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """(key, its entry's lines, the comment or blank line after it), for each key drawn."""
    keys = draw(st.lists(st.sampled_from(_KEYS), unique=True, max_size=len(_KEYS)))
    parts = []
    for key in keys:
        value = draw(_SCALAR)
        comment = draw(_COMMENT) if "\n" not in value else ""
        entry = f"{key}: {value}{comment}\n" if value else f"{key}:{comment}\n"
        extra = draw(_EXTRA)
        if value.startswith("|") and extra.startswith(" "):
            extra = ""  # an indented line after a block of text is more of the text
        parts.append((key, entry, extra))
    return parts


def _is_subsequence(wanted: list[str], lines: list[str]) -> bool:
    remaining = iter(lines)
    return all(any(line == candidate for candidate in remaining) for line in wanted)


@settings(max_examples=150, deadline=None)
@given(
    _front_matter(),
    st.fixed_dictionaries(
        {"status": st.sampled_from(["applied", "offer"])},
        optional={"next_step": _TEXT, "next_date": st.dates(), "updated": st.dates()},
    ),
)
def test_any_layout_changes_exactly_the_keys_set(parts: list[tuple[str, str, str]], values: dict) -> None:
    front = "".join(entry + extra for _, entry, extra in parts)
    text = f"---\n{front}---\nBody.\n"
    data, _, problems = parse_yaml("t", front, 2)
    if problems:
        with pytest.raises(CannotEdit):
            set_keys(text, values, APPLICATION)
        return
    try:
        updated = set_keys(text, values, APPLICATION)
    except CannotEdit as refused:
        pytest.fail(f"refused an editable file: {refused}")
    assert _front(updated) == {**(data or {}), **values}
    kept = ["---\n"]
    for key, entry, extra in parts:
        kept += ([] if key in values else entry.splitlines(keepends=True)) + extra.splitlines(keepends=True)
    kept += ["---\n", "Body.\n"]
    assert _is_subsequence(kept, updated.splitlines(keepends=True))
    for key, entry, _ in parts:
        comment = entry.rstrip("\n").partition("  #")[2]
        if key in values and comment and "\n" not in entry.rstrip("\n"):
            assert any(
                line.startswith(f"{key}:") and line.endswith(f"  #{comment}\n") for line in updated.splitlines(True)
            )


def test_an_edit_that_would_not_read_back_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last guard: whatever goes wrong in the line edit, the result is parsed and compared."""
    monkeypatch.setattr(status_edit, "_entry", lambda key, value, tail, newline: f"{key}: [unclosed{newline}")
    with pytest.raises(CannotEdit):
        set_keys("---\nposting: p\nstatus: saved\n---\n", {"status": "applied"}, APPLICATION)
    monkeypatch.setattr(status_edit, "_entry", lambda key, value, tail, newline: f"{key}: other{newline}")
    with pytest.raises(CannotEdit, match="would not read back"):
        set_keys("---\nposting: p\nstatus: saved\n---\n", {"status": "applied"}, APPLICATION)


def test_the_refusal_names_every_key_that_would_read_back_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(status_edit, "_entry", lambda key, value, tail, newline: f"{key}_x: 1{newline}")
    with pytest.raises(CannotEdit) as refused:
        set_keys("---\nposting: p\nstatus: saved\n---\n", {"status": "applied"}, APPLICATION)
    assert str(refused.value) == (
        "the edit would not read back as written (keys status, status_x); nothing was changed"
    )


@pytest.mark.parametrize(
    ("values", "gone"),
    [
        ({"next_step": "recruiter call"}, "# next_step:"),
        ({"next_date": dt.date(2026, 12, 1)}, "# next_date:"),
        ({"contacts": ["sam-lee"]}, "# contacts:"),
        ({"events": [{"date": dt.date(2026, 11, 20), "status": "applied"}]}, "# events:"),
    ],
)
def test_a_key_set_on_a_new_file_takes_the_place_of_its_commented_line(values: dict, gone: str) -> None:
    text = application_file("etsy-engineering-manager-ads-ml")
    edited = set_keys(text, values, APPLICATION)
    key = next(iter(values))
    assert gone not in edited
    assert [line for line in edited.splitlines() if re.match(rf"(# ?)?{key}:", line)] == [
        line for line in edited.splitlines() if line.startswith(f"{key}:")
    ]
    assert "# private:" in edited and "# source:" in edited  # the other templates stay
    if key == "events":
        assert "#   kind:" not in edited and "# - date:" not in edited  # the template's sub-keys too


def test_status_on_a_new_application_writes_each_key_once(docs_copy: Path) -> None:
    root = docs_copy.parent
    assert invoke("new", "application", "etsy-engineering-manager-ads-ml", cwd=root).returncode == 0
    result = invoke("status", "etsy-engineering-manager-ads-ml", "applied", "--next", "recruiter call", cwd=root)
    assert result.returncode == 0, result.stderr
    text = (docs_copy / "applications" / "etsy-engineering-manager-ads-ml.md").read_text()
    for key in ("status", "applied", "updated", "next_step", "events"):
        assert len([line for line in text.splitlines() if re.match(rf"(# ?)?{key}:", line)]) == 1, key
    assert invoke("check", cwd=root).returncode == 0


def test_a_day_before_what_the_file_records_is_refused_without_force(docs_copy: Path) -> None:
    root = docs_copy.parent
    assert invoke("new", "application", "etsy-engineering-manager-ads-ml", cwd=root).returncode == 0
    path = docs_copy / "applications" / "etsy-engineering-manager-ads-ml.md"
    before = path.read_bytes()
    earlier = (dt.date.today() - dt.timedelta(days=6)).isoformat()
    refused = invoke("status", "etsy-engineering-manager-ads-ml", "applied", "--date", earlier, cwd=root)
    assert refused.returncode == 1 and "is before the change the file records" in refused.stderr
    assert path.read_bytes() == before


LIST_LAYOUTS = {
    "two spaces": ("  - date: 2026-11-20\n    status: applied\n", "  - date: 2026-11-26\n    kind: note\n"),
    "four spaces": ("    - date: 2026-11-20\n      status: applied\n", "    - date: 2026-11-26\n      kind: note\n"),
    "flush": ("- date: 2026-11-20\n  status: applied\n", "- date: 2026-11-26\n  kind: note\n"),
    "wide dash": (
        "    -   date: 2026-11-20\n        status: applied\n",
        "    -   date: 2026-11-26\n        kind: note\n",
    ),
    "dash alone": ("  -\n    date: 2026-11-20\n    status: applied\n", "  -\n    date: 2026-11-26\n    kind: note\n"),
    "dash alone, deep": (
        "    -\n        date: 2026-11-20\n        status: applied\n",
        "    -\n        date: 2026-11-26\n        kind: note\n",
    ),
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize(("items", "added"), LIST_LAYOUTS.values(), ids=list(LIST_LAYOUTS))
def test_an_event_is_added_in_the_lists_own_layout_and_line_ends(
    tmp_path: Path, items: str, added: str, newline: str
) -> None:
    docs = make_site(tmp_path)
    path = docs / "applications" / "etsy-machine-learning-engineer-growth.md"
    head = "---\nposting: etsy-machine-learning-engineer-growth\nstatus: applied\napplied: 2026-11-20\n"
    front = f"{head}events:\n{items}---\n"
    path.write_bytes((front + "\nBody.\n").replace("\n", newline).encode("utf-8"))
    assert invoke("check", cwd=tmp_path).returncode == 0
    result = invoke("event", "etsy-machine-learning-engineer-growth", "note", "--date", "2026-11-26", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = front.replace(items, items + added) + "\nBody.\n"
    assert path.read_bytes().decode("utf-8") == expected.replace("\n", newline)
    assert invoke("check", cwd=tmp_path).returncode == 0
