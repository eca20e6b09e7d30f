"""`roledex check` as a user runs it: output lines, JSON, exit statuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DATA, SHIPPED_DOCS, build_site, invoke, make_site, run_roledex
from roledex.kb.markdown_limits import MAX_BLOCK_DEPTH

BROKEN = DATA / "broken" / "docs"


def test_shipped_docs_check_clean_without_a_warning() -> None:
    result = run_roledex("check")
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    assert result.stderr == "roledex check: 0 errors, 0 warnings in docs\n"


def test_broken_knowledge_base_reports_its_whole_problem_list() -> None:
    result = invoke("check", "tests/data/broken/docs")
    assert result.returncode == 1
    expected = (DATA / "broken" / "expected.txt").read_text(encoding="utf-8")
    assert result.stdout == expected
    assert "Traceback" not in result.stderr


def test_json_format_carries_the_same_problems() -> None:
    text = invoke("check", "tests/data/broken/docs")
    data = invoke("check", "tests/data/broken/docs", "--format", "json")
    assert data.returncode == 1
    problems = json.loads(data.stdout)
    assert len(problems) == len(text.stdout.splitlines())
    assert set(problems[0]) == {"path", "line", "key", "message", "severity"}
    assert {p["severity"] for p in problems} == {"error", "warning"}
    first = problems[0]
    prefix = "warning: " if first["severity"] == "warning" else ""
    assert text.stdout.splitlines()[0] == f"{first['path']}:{first['line']}: {first['key']}: {prefix}{first['message']}"


@pytest.mark.parametrize("args", [("check", "no/such/folder"), ("check", "--format", "xml"), ("bogus",), ()])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run_roledex(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


VALID_ALONE = {
    "companies/acme.md",
    "companies/bom-crlf.md",
    "postings/acme-dup-url-a.md",
    "postings/acme-dup-url-b.md",
    "postings/acme-headline.md",
}


def _broken_files() -> list[str]:
    names = sorted(p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*.md"))
    return [name for name in names if name not in VALID_ALONE]


@pytest.mark.parametrize("name", _broken_files())
def test_each_broken_file_alone_is_reported_at_its_path(name: str, tmp_path: Path) -> None:
    """Dropped alone into a copy of the shipped docs, each broken file is named, with no traceback."""
    docs = tmp_path / "docs"
    shutil.copytree(SHIPPED_DOCS, docs)
    shutil.copyfile(BROKEN / "companies" / "acme.md", docs / "companies" / "acme.md")
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BROKEN / name, docs / name)
    result = invoke("check", str(docs))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    reported = [line for line in result.stdout.splitlines() if "warning:" not in line]
    assert reported and all(line.startswith(f"{docs}/{name}:") for line in reported)


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "companies").mkdir(parents=True)
    shutil.copyfile(BROKEN / "companies" / "bom-crlf.md", docs / "companies" / "bom-crlf.md")
    result = invoke("check", str(docs))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


POSTING_HEAD = (
    "---\ncompany: acme\ntitle: Dev\nrole: software-engineer\nemployment: full-time\n"
    "locations: [Berlin]\nwork_mode: hybrid\nposted: 2026-01-01\n---\n"
)


def test_a_text_markdown_cannot_build_in_time_is_named_at_its_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "companies").mkdir(parents=True)
    (docs / "postings").mkdir()
    shutil.copyfile(BROKEN / "companies" / "acme.md", docs / "companies" / "acme.md")
    nested = "".join("    " * level + "- x\n" for level in range(MAX_BLOCK_DEPTH + 3))
    (docs / "postings" / "acme-deep.md").write_text(POSTING_HEAD + "Intro.\n\n" + nested, encoding="utf-8")
    (docs / "postings" / "acme-open.md").write_text(POSTING_HEAD + "[a(" * 1_000, encoding="utf-8")
    result = invoke("check", str(docs))
    deep_line = POSTING_HEAD.count("\n") + 3 + MAX_BLOCK_DEPTH + 1  # the first line one level too deep
    assert result.stdout.splitlines() == [
        f"{docs}/postings/acme-deep.md:{deep_line}: body: nests its lists or quotes more than {MAX_BLOCK_DEPTH} "
        "levels deep, which Markdown fails on; take some levels out",
        f"{docs}/postings/acme-open.md:{POSTING_HEAD.count(chr(10)) + 1}: body: warning: leaves brackets open "
        "across so much text that Markdown would read 1,501,500 characters to close them, and its page take "
        "minutes to build; close them, or write a `[` that opens nothing as `\\[`",
    ]
    assert result.returncode == 1


def test_a_build_stops_on_lists_nested_too_deep_with_the_checker_s_line(tmp_path: Path) -> None:
    nested = "".join("    " * level + "- x\n" for level in range(300))  # Markdown's own recursion fails here
    make_site(tmp_path, {"postings/etsy-deep.md": POSTING_HEAD.replace("acme", "etsy") + nested})
    result = build_site(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "postings/etsy-deep.md:" in result.stderr and "nests its lists or quotes more than" in result.stderr
