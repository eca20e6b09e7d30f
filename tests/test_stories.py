"""The story bank: STAR stories matched to a posting's requirements by a rule a person can
check, shown on the prep page in the private view only."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, output_texts, read_page
from roledex.check.run import checked_knowledge_base
from roledex.facts.stories import names, stories_for
from roledex.kb.model import Story
from roledex.kb.source import Document

GROWTH = "etsy-engineering-manager-ml-for-growth"
STORY = """---
title: "Cut warehouse cost 35%"
skills: [Machine Learning, cross-functional]
proves: [mentoring]
used: [etsy-engineering-manager-ml-for-growth]
---

## Situation

Warehouse routing cost rose 20% a year at my current job.

## Action

Built a forecasting model with the operations team.

## Result

Cost fell 35% in two quarters.
"""


@pytest.mark.parametrize(
    ("requirement", "phrase", "named"),
    [
        ("5 years of Python in production", "python", True),
        ("Pythonic code reviews", "Python", False),
        ("hands-on machine   learning", "Machine Learning", True),
        ("machine-learning platforms", "machine learning", False),
        ("Modern C++ (17 or later)", "C++", True),
        ("C# and .NET", "C", False),
        ("experience with C and Rust", "C", True),
        ("A/B testing at scale", "A/B testing", True),
        ("anything", "   ", False),
        ("Apache\n  Spark pipelines", "apache SPARK", True),
        ("Erfahrung mit PYTHON und Käse", "python", True),
        ("ſpark jobs", "Spark", True),  # a case-blind match takes the long s for an s
        ("Spark jobs", "ſpark", True),
        ("Go, Rust", "rust", True),
        ("Go, Rus", "rust", False),
    ],
)
def test_a_requirement_names_a_phrase_only_as_whole_words(requirement: str, phrase: str, named: bool) -> None:
    assert names(requirement, phrase) is named


def _story(slug: str, title: str, skills: list[str], proves: list[str] | None = None) -> Story:
    doc = Document(path=f"docs/stories/{slug}.md", folder="stories", slug=slug, meta={}, body="", body_line=1)
    return Story(slug=slug, doc=doc, title=title, skills=skills, proves=proves or [])


def test_each_story_is_listed_once_with_the_phrase_that_matched_by_title() -> None:
    stories = [
        _story("b", "Budget", ["hiring"], ["mentoring"]),
        _story("a", "Apprentices", ["mentoring", "coaching"]),
        _story("c", "Cloud", ["AWS"]),
    ]
    found = stories_for("Coaching and mentoring engineers; hiring a team", stories)
    assert [(m.story.slug, m.phrase) for m in found] == [("a", "mentoring"), ("b", "hiring")]


def test_the_check_holds_a_story_to_its_sections_and_its_postings(tmp_path: Path) -> None:
    broken = STORY.replace("## Result\n\nCost fell 35% in two quarters.\n", "## Result\n\n").replace(
        "used: [etsy-engineering-manager-ml-for-growth]", "used: [etsy-engineering-manager-ml-for-grwoth]"
    )
    make_site(tmp_path, {"stories/warehouse.md": broken})
    problems = {(p.key, p.severity, p.message) for p in checked_knowledge_base(tmp_path / "docs").problems}
    assert ("body", "reminder", "the story has nothing under '## Result' yet; a story to tell needs each") in problems
    assert any(
        key == "used" and "did you mean 'etsy-engineering-manager-ml-for-growth'?" in m for key, _, m in problems
    )


def test_new_story_writes_a_file_the_check_accepts(docs_copy: Path) -> None:
    result = invoke("new", "story", "Cut warehouse cost 35%", cwd=docs_copy.parent)
    assert result.returncode == 0, result.stderr
    text = (docs_copy / "stories" / "cut-warehouse-cost-35.md").read_text(encoding="utf-8")
    assert "## Situation" in text and "## Reflection" in text and "(default: private)" in text
    assert invoke("check", cwd=docs_copy.parent).returncode == 0  # a reminder only: a story yet to write


def test_the_prep_page_shows_which_story_proves_which_requirement_in_the_private_view(tmp_path: Path) -> None:
    make_site(tmp_path, {"stories/warehouse.md": STORY})
    assert build_site(tmp_path, private="include").returncode == 0
    page = read_page(tmp_path, f"prep/{GROWTH}/")
    section = page.split('id="your-stories"', 1)[1].split("<h2", 1)[0]
    assert "4 of 8 requirements have a story" in section
    assert "(names “Machine Learning”)" in section and "(names “mentoring”)" in section
    assert section.count("no story yet") == 4
    assert "whole, in any case" in section  # the rule is said on the page
    assert "4 with a story" in page


@pytest.mark.parametrize("privacy", ["", "private: true\n"])
def test_a_story_is_in_no_published_file(tmp_path: Path, privacy: str) -> None:
    make_site(tmp_path, {"stories/warehouse.md": STORY.replace("---\ntitle", f"---\n{privacy}title", 1)})
    assert build_site(tmp_path).returncode == 0
    for path, text in output_texts(tmp_path / "site").items():
        assert "warehouse" not in text.lower() and "Your stories" not in text, path
    assert invoke("publish-check", "site", cwd=tmp_path).returncode == 0


def test_a_story_that_says_private_false_is_published_as_its_own_page(tmp_path: Path) -> None:
    make_site(tmp_path, {"stories/warehouse.md": STORY.replace("---\ntitle", "---\nprivate: false\ntitle", 1)})
    assert build_site(tmp_path).returncode == 0
    assert "Cost fell 35% in two quarters." in read_page(tmp_path, "stories/warehouse/")
    assert "Your stories" not in read_page(tmp_path, f"prep/{GROWTH}/")  # the sheet's table is private


def test_coverage_lists_every_requirement_with_its_stories_or_none() -> None:
    from roledex.facts.stories import story_coverage

    stories = [_story("a", "apprentices", ["mentoring"]), _story("b", "Budget", ["budget"])]
    covered = story_coverage(["Mentoring engineers", "Owning a budget", "Kubernetes"], iter(stories))
    assert [(req, [m.story.slug for m in found]) for req, found in covered] == [
        ("Mentoring engineers", ["a"]),
        ("Owning a budget", ["b"]),
        ("Kubernetes", []),
    ]


def test_stories_are_listed_by_title_whatever_its_case() -> None:
    stories = [_story("z", "zebra", ["python"]), _story("y", "Apple", ["python"]), _story("x", "banana", ["python"])]
    assert [m.story.slug for m in stories_for("Python", stories)] == ["y", "x", "z"]
