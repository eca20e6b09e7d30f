"""Pages without scaffolding: a heading with nothing under it is not on the page; the file keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, read_page
from roledex.web.empty_sections import without_empty_sections


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        (
            "## Overview\n\nWords.\n\n## Empty\n\n\n## Culture\n\nMore.\n",
            "## Overview\n\nWords.\n\n## Culture\n\nMore.\n",
        ),
        ("## A\n\n### B\n\ntext\n", "## A\n\n### B\n\ntext\n"),  # empty itself, not inside
        ("## A\n\n### B\n\n## C\n\nc\n", "## C\n\nc\n"),  # empty itself and inside
        ("## A\n<!-- to fill -->\n\n## B\nb\n", "## B\nb\n"),
        ("## Skills\n\n| Need | Proof |\n| --- | --- |\n\n## B\nb\n", "## B\nb\n"),  # a table of headers alone
        ("## Skills\n\n| Need | Proof |\n| --- | --- |\n| Python | 8 years |\n", None),  # a table with a row
        ("## Code\n\n```\n## not a heading\n```\n", None),
        ("## Last\n", ""),
        ("Intro only.\n", None),
    ],
)
def test_a_section_that_says_nothing_is_left_out(markdown: str, shown: str | None) -> None:
    assert without_empty_sections(markdown) == (markdown if shown is None else shown)


def test_a_new_company_page_shows_no_empty_headings_and_its_file_keeps_them(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert invoke("new", "company", "Acme Robotics", cwd=tmp_path).returncode == 0
    assert build_site(tmp_path).returncode == 0
    page = read_page(tmp_path, "companies/acme-robotics/")
    assert "Mission and values" not in page and "Culture notes" not in page
    assert "## Mission and values" in (tmp_path / "docs" / "companies" / "acme-robotics.md").read_text("utf-8")
