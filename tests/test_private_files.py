"""Private means private whatever the file: any name or extension in a private folder, and
hand-written pages whose privacy cannot be read safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site
from roledex.privacy import in_private_folder
from roledex.source import privacy_mark

SECRET = "Zanzibar-salary-notes-7731"

STRAY_FILES = [
    "applications/notes.txt",
    "applications/page.html",
    "applications/sub/deep.txt",
    "Applications/other.md",
]


@pytest.mark.parametrize(
    ("uri", "private"),
    [
        ("applications/x.md", True),
        ("applications/notes.txt", True),
        ("Applications/x.MD", True),
        ("applications/sub/x.html", True),
        ("applications.md", False),
        ("companies/applications.md", False),
        ("postings/x.md", False),
    ],
)
def test_every_file_below_a_private_folder_is_private(uri: str, private: bool) -> None:
    assert in_private_folder(uri) is private


@pytest.mark.parametrize(
    ("front", "hidden", "problem"),
    [
        ("private: true\n", True, None),
        ("private: false\n", False, None),
        ("title: Notes\n", False, None),
        ('private: "true"\n', True, "private"),
        ("private: 1\n", True, "private"),
        ("private: yes please\n", True, "private"),
        ("private: true\nprivate: true\n", True, "private"),
        ("title: [broken\nprivate: true\n", True, "front-matter"),
        ("title: [broken\n", False, None),
    ],
)
def test_a_page_says_private_safely_or_is_left_out(front: str, hidden: bool, problem: str | None) -> None:
    hide, problems = privacy_mark("notes.md", f"---\n{front}---\nText\n")
    assert hide is hidden
    assert [p.key for p in problems][:1] == ([problem] if problem else [])


def test_front_matter_closed_with_dots_still_hides_a_private_page() -> None:
    hide, problems = privacy_mark("notes.md", "---\nprivate: true\n...\nText\n")
    assert hide and problems


def test_stray_files_in_the_private_folder_are_not_published(tmp_path: Path) -> None:
    files = {name: f"{SECRET} in {name}\n" for name in STRAY_FILES}
    make_site(tmp_path, files)
    result = build_site(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix != ".gz":
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.mark.parametrize(
    "front",
    ['private: "true"\ntitle: Secret', "private: true\ntitle: Secret\ntitle: Twice", "private: true\n..."],
    ids=["quoted true", "duplicate key", "closed with dots"],
)
def test_a_broken_private_page_stops_the_published_build(tmp_path: Path, front: str) -> None:
    closing = "" if front.endswith("...") else "---\n"
    make_site(tmp_path, {"notes/secret.md": f"---\n{front}\n{closing}{SECRET}\n"})
    result = build_site(tmp_path)
    assert result.returncode != 0
    assert "notes/secret.md" in result.stderr
    site = tmp_path / "site"
    assert not site.exists() or all(
        SECRET not in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")
    )


@pytest.mark.parametrize(
    "name", ["applications/notes.markdown", "applications/x.MD", "companies/acme.Md", "prep/x.mkd", "postings/y.MDOWN"]
)
def test_a_misnamed_record_stops_the_build_with_its_line(tmp_path: Path, name: str) -> None:
    make_site(tmp_path, {name: f"---\nprivate: true\n---\n{SECRET}\n"})
    line = f"docs/{name}:1: file: {name.rpartition('/')[2]!r} is not read as a record"
    checked = invoke("check", cwd=tmp_path)
    assert checked.returncode == 1
    assert line in checked.stdout
    built = build_site(tmp_path)
    assert built.returncode == 1
    assert line in built.stderr
    assert not (tmp_path / "site").exists()


def test_publish_check_finds_stray_private_files_on_its_own(tmp_path: Path) -> None:
    """A build that copied the private folder's other files is caught from the sources alone."""
    make_site(tmp_path, {"applications/notes.txt": f"Call the recruiter about {SECRET} on Monday morning.\n"})
    assert build_site(tmp_path).returncode == 0
    site = tmp_path / "site"
    clean = invoke("publish-check", str(site), "--docs", str(tmp_path / "docs"))
    assert clean.returncode == 0, clean.stdout
    (site / "applications").mkdir()
    (site / "applications" / "notes.txt").write_text("copied\n", encoding="utf-8")
    (site / "search").mkdir(exist_ok=True)
    (site / "search" / "extra.json").write_text(f'["call the recruiter about {SECRET.lower()} on monday morning."]')
    leaky = invoke("publish-check", str(site), "--docs", str(tmp_path / "docs"))
    assert leaky.returncode == 1
    assert "applications/notes.txt" in leaky.stdout and "search/extra.json" in leaky.stdout
