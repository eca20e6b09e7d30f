"""Private means private whatever the file: any name or extension in a private folder, and
hand-written pages whose privacy cannot be read safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site
from roledex.facts.privacy import in_private_folder
from roledex.kb.source import marked_private, privacy_mark

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
        ("prep/x.md", True),
        ("Prep/notes.txt", True),
        ("contacts/x.md", True),
    ],
)
def test_every_file_below_a_private_folder_is_private(uri: str, private: bool) -> None:
    assert in_private_folder(uri) is private


UNCLOSED = "a list in [ ] or a mapping in { } is not closed"
NOT_TRUE_OR_FALSE = "expected true or false, got {!r}; the page is left out until it says true or false"


@pytest.mark.parametrize(
    ("text", "hidden", "problems"),
    [
        ("---\nprivate: true\n---\nText\n", True, []),
        ("---\nprivate: false\n---\nText\n", False, []),
        ("---\ntitle: Notes\n---\nText\n", False, []),
        ("No front matter, private: true\n", False, []),
        ("X---\nprivate: true\n---\n", False, []),
        ("---\n---\nText\n", False, []),
        ("---\n- private\n- true\n---\n", False, []),
        ("\ufeff---\nprivate: true\n---\n", True, []),
        ("---\r\nprivate: true\r\n---\r\n", True, []),
        ('---\ntitle: Notes\nprivate: "true"\n---\n', True, [(3, "private", NOT_TRUE_OR_FALSE.format("true"))]),
        ("---\nprivate: 1\n---\n", True, [(2, "private", NOT_TRUE_OR_FALSE.format(1))]),
        ("---\nprivate: yes please\n---\n", True, [(2, "private", NOT_TRUE_OR_FALSE.format("yes please"))]),
        ("---\nprivate: true\nprivate: true\n---\n", True, [(3, "private", "duplicate key")]),
        ("---\ntitle: [broken\nprivate: true\n---\n", True, [(2, "front-matter", UNCLOSED)]),
        ("---\n'private': true\ntitle: [broken\n---\n", True, [(3, "front-matter", UNCLOSED)]),
        ("---\ntitle: [broken\n---\n", False, []),
        ("---\nprivate: true\n...\nText\n", True, [(3, "front-matter", "close the front matter with '---'")]),
        ("---\ntitle: x\n...\nText\n", False, []),
    ],
    ids=[
        "true",
        "false",
        "unset",
        "no front matter",
        "a first line that is not a fence",
        "empty front matter",
        "a list",
        "byte-order mark",
        "CRLF",
        "quoted true",
        "a number",
        "text",
        "duplicate key",
        "YAML error after private",
        "YAML error, quoted key",
        "YAML error, no private",
        "closed with dots",
        "closed with dots, no private",
    ],
)
def test_a_page_says_private_safely_or_is_left_out(
    text: str, hidden: bool, problems: list[tuple[int, str, str]]
) -> None:
    hide, found = privacy_mark("notes.md", text)
    assert hide is hidden
    assert [(p.path, p.line, p.key) for p in found] == [("notes.md", line, key) for line, key, _ in problems]
    for problem, (_, _, message) in zip(found, problems, strict=True):
        assert problem.message.startswith(message)
    assert marked_private(text) is hidden


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
