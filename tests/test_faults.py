"""Faults of the machine, not of the files: a full disk, a read-only folder, a name too long for
the file system. Each is one line and a non-zero exit; nothing is half written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.kb.text import MAX_SLUG, file_slug

FAULTS = [
    (errno.ENOSPC, "No space left on device"),
    (errno.EACCES, "Permission denied"),
    (errno.EROFS, "Read-only file system"),
]


def _failing_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Every new file roledex makes fails as the disk would (running as root, a read-only folder
    cannot be made to refuse)."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("tempfile.mkstemp", refuse)


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("code", "words"), FAULTS)
def test_new_says_the_fault_in_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    docs = make_site(tmp_path)
    before = _files(docs)
    _failing_writes(monkeypatch, code)
    result = invoke("new", "company", "Acme Robotics", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"roledex new: cannot write docs/companies/acme-robotics.md: {words}; nothing was written\n"
    assert _files(docs) == before


@pytest.mark.parametrize(("code", "words"), FAULTS)
def test_import_says_the_fault_in_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    docs = make_site(tmp_path)
    paste = tmp_path / "posting.txt"
    paste.write_text("Data Engineer\n\nEtsy is hiring a data engineer in Brooklyn, NY. $150,000 a year.\n", "utf-8")
    before = _files(docs)
    _failing_writes(monkeypatch, code)
    result = invoke("import", str(paste), "--company", "etsy", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"cannot write: {words}; nothing was written" in result.stderr
    assert _files(docs) == before


@pytest.mark.parametrize(("code", "words"), FAULTS)
def test_status_says_the_fault_in_one_line_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    docs = make_site(tmp_path)
    path = docs / "applications" / "etsy-engineering-manager-ml-for-growth.md"
    before = path.read_bytes()
    _failing_writes(monkeypatch, code)
    result = invoke("status", "etsy-engineering-manager-ml-for-growth", "applied", "--date", "2026-12-01", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{words}; nothing was changed" in result.stderr
    assert path.read_bytes() == before


def test_a_fault_no_command_expected_is_still_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO), "docs/postings")

    monkeypatch.setattr("roledex.cli.check.run", refuse)
    result = invoke("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "roledex check: docs/postings: Input/output error; nothing more was done"
    ]


TITLE = "Staff Engineer, " + "Machine Learning Platform and Infrastructure " * 9


def test_a_title_too_long_for_a_file_name_gives_a_shortened_name_and_keeps_the_title(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    assert len(TITLE) > 380
    result = invoke("new", "posting", "etsy", TITLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = sorted((docs / "postings").glob("etsy-staff-engineer-machine*.md"))
    assert len(written) == 1 and len(written[0].stem) <= MAX_SLUG
    assert TITLE.strip() in written[0].read_text(encoding="utf-8")
    assert invoke("check", cwd=tmp_path).returncode == 0


def test_an_imported_title_too_long_for_a_file_name_is_kept_whole(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    paste = tmp_path / "long.txt"
    paste.write_text(f"{TITLE}\n\nEtsy is hiring in Brooklyn, NY. $150,000 a year.\n", encoding="utf-8")
    result = invoke("import", str(paste), "--company", "etsy", "--title", TITLE.strip(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = [p for p in (docs / "postings").glob("*.md") if "machine-learning-platform" in p.stem]
    assert len(written) == 1 and len(written[0].stem) <= MAX_SLUG
    assert TITLE.strip() in written[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "limit", "slug"),
    [
        ("short title", 80, "short-title"),
        ("a" * 81, 80, "a" * 80),
        ("alpha beta gamma", 11, "alpha-beta"),
        ("alpha beta gamma", 10, "alpha-beta"),
        ("alpha beta gamma", 9, "alpha"),
        ("alphabetagamma delta", 10, "alphabetag"),  # no hyphen in the second half: cut at the limit
        ("x" * 10, 10, "x" * 10),
    ],
)
def test_a_long_slug_is_cut_at_a_hyphen_near_its_limit(text: str, limit: int, slug: str) -> None:
    assert file_slug(text, limit) == slug
