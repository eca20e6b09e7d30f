"""Entries of the docs folder that no build can read: one line each, before MkDocs opens them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site
from roledex.kb.tree import misnamed_record, tree_problems


def _fifo(docs: Path) -> str:
    os.mkfifo(docs / "companies" / "pipe.md")
    return "companies/pipe.md:1: file: is a named pipe, not a file"


def _fifo_elsewhere(docs: Path) -> str:
    (docs / "notes").mkdir()
    os.mkfifo(docs / "notes" / "pipe.txt")
    return "notes/pipe.txt:1: file: is a named pipe, not a file"


def _broken_link(docs: Path) -> str:
    (docs / "postings" / "gone.md").symlink_to("nowhere.md")
    return "postings/gone.md:1: file: is a link to 'nowhere.md', which does not exist"


def _link_loop(docs: Path) -> str:
    (docs / "prep" / "loop.md").symlink_to("loop.md")
    return "prep/loop.md:1: file: is a link that leads back to itself (a link loop)"


def _link_pair(docs: Path) -> str:
    (docs / "prep" / "a.md").symlink_to("b.md")
    (docs / "prep" / "b.md").symlink_to("a.md")  # named too, as the second line
    return "prep/a.md:1: file: is a link that leads back to itself (a link loop)"


def _folder_loop(docs: Path) -> str:
    (docs / "companies" / "up").symlink_to("..")
    return "companies/up:1: file: is a link to a folder that holds it"


def _loop_in_linked_folder(docs: Path) -> str:
    outside = docs.parent / "outside"
    outside.mkdir()
    (outside / "again").symlink_to(outside)
    (docs / "extra").symlink_to(outside)
    return "extra/again:1: file: is a link to a folder that holds it"


def _upper_case(docs: Path) -> str:
    (docs / "companies" / "acme.MD").write_text("---\nname: Acme\n---\n", encoding="utf-8")
    return "companies/acme.MD:1: file: 'acme.MD' is not read as a record: records end in lower-case '.md'"


BROKEN: list[Callable[[Path], str]] = [
    _fifo,
    _fifo_elsewhere,
    _broken_link,
    _link_loop,
    _link_pair,
    _folder_loop,
    _loop_in_linked_folder,
    _upper_case,
]


@pytest.mark.parametrize("make", BROKEN, ids=[make.__name__.strip("_") for make in BROKEN])
def test_each_unreadable_entry_is_one_line(tmp_path: Path, make: Callable[[Path], str]) -> None:
    docs = make_site(tmp_path)
    expected = make(docs)
    lines = [p.format().removeprefix(str(docs) + "/") for p in tree_problems(docs)]
    assert lines and lines[0].startswith(expected), lines
    assert all(": file: " in line for line in lines)


@pytest.mark.parametrize("make", [_fifo, _link_loop, _broken_link, _upper_case], ids=["fifo", "loop", "broken", "MD"])
def test_check_and_build_stop_on_it_with_the_same_line(tmp_path: Path, make: Callable[[Path], str]) -> None:
    docs = make_site(tmp_path)
    expected = f"docs/{make(docs)}"
    checked = invoke("check", cwd=tmp_path)
    assert checked.returncode == 1
    assert expected in checked.stdout
    assert "Traceback" not in checked.stderr
    built = build_site(tmp_path)
    assert built.returncode == 1
    assert expected in built.stderr
    assert "Traceback" not in built.stderr


def test_good_links_and_other_files_pass(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "shared").symlink_to(elsewhere)
    (docs / "companies" / "etsy-again.md").symlink_to("etsy.md")
    (docs / "notes.MD").write_text("not a record folder\n", encoding="utf-8")
    (docs / "companies" / "logo.png").write_bytes(b"\x89PNG")
    assert tree_problems(docs) == []


@pytest.mark.parametrize(
    ("relative", "misnamed"),
    [
        ("companies/acme.md", False),
        ("companies/acme.MD", True),
        ("applications/x.Md", True),
        ("prep/x.markdown", True),
        ("postings/x.mkd", True),
        ("postings/x.txt", False),
        ("postings/sub/x.MD", False),
        ("notes/x.MD", False),
        ("x.MD", False),
    ],
)
def test_only_markdown_in_a_record_folder_must_end_in_lower_case_md(relative: str, misnamed: bool) -> None:
    assert (misnamed_record(relative) is not None) is misnamed
