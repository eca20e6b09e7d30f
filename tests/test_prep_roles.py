"""Prep pages for every posting and a page per role family, public and private views."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_site, make_site, output_texts, read_page
from html_tools import tables
from roledex.web.common import unindexed

GROWTH = "etsy-engineering-manager-ml-for-growth"
OTHERS = [
    "etsy-machine-learning-engineer-growth",
    "etsy-engineering-manager-recommendations-ranking",
    "etsy-engineering-manager-ads-ml",
]
PRIVATE_FACTS = [
    "PepsiCo",
    "Penn Interactive",
    "Pocket Size Fund",
    "approximately 8 years",
    "Your application",
    "Readiness",
    "Cover letter points",
    "Personal connection",
]


def _section(page: str, heading_id: str) -> str:
    """The HTML from one h2 to the next."""
    start = page.index(f'<h2 id="{heading_id}"')
    end = page.find("<h2 ", start + 1)
    return page[start : end if end != -1 else len(page)]


def test_every_posting_has_a_prep_page_linking_back(shipped_site: Path) -> None:
    for slug in [GROWTH, *OTHERS]:
        page = read_page(shipped_site, f"prep/{slug}/")
        assert f'href="../../postings/{slug}/"' in page
        posting = read_page(shipped_site, f"postings/{slug}/")
        assert f'href="../../prep/{slug}/"' in posting


def test_growth_prep_page_carries_the_users_notes_in_the_private_view_only(
    private_shipped_site: Path, shipped_site: Path
) -> None:
    published = read_page(shipped_site, f"prep/{GROWTH}/")
    assert "Building and scaling a new ML team" not in published and "roadmap for LLM implementation" not in published
    page = read_page(private_shipped_site, f"prep/{GROWTH}/")
    analysis = _section(page, "role-analysis")
    assert "Building and scaling a new ML team" in analysis and "Success Factors" in analysis
    talking = _section(page, "talking-points")
    for group in (
        "Team Building and Leadership",
        "ML in Product Context",
        "Technical Leadership",
        "Cross-functional Collaboration",
    ):
        assert group in talking
    likely = _section(page, "likely-questions")
    assert likely.count("<li>") == 12 and "<ol>" in likely
    assert "How would you approach building a new ML team" in likely
    to_ask = _section(page, "questions-to-ask")
    assert to_ask.count("<li>") == 9 and "roadmap for LLM implementation" in to_ask


@pytest.mark.parametrize("slug", OTHERS)
def test_generated_prep_pages_have_brief_and_requirements(shipped_site: Path, slug: str) -> None:
    page = read_page(shipped_site, f"prep/{slug}/")
    brief = _section(page, "company-brief-etsy")
    for part in (
        "Mission and values",
        "Keep Commerce Human",
        "Recent developments",
        "Technology",
        "Engineering culture",
        "Competitors",
        "Amazon Handmade",
    ):
        assert part in brief, part
    asks = _section(page, "what-they-ask-for")
    assert asks.count('type="checkbox"') >= 10
    assert f"roledex new prep {slug}" in page
    more = _section(page, "more-questions")
    assert "suggested by Etsy" in more and ("The posting names" in more or "in its stack" in more)
    assert "connect to “Expansion of search and discovery capabilities using machine learning”?" in more


def test_related_postings_show_salary(shipped_site: Path) -> None:
    page = read_page(shipped_site, f"prep/{GROWTH}/")
    rows = tables(_section(page, "related-postings"))[0]
    assert len(rows) == 4 and all(row[2] == "same company" for row in rows[1:])
    assert any(row[3] == "$153,000–$199,000 a year" for row in rows)


def test_role_family_pages_show_their_band(shipped_site: Path) -> None:
    manager = read_page(shipped_site, "roles/engineering-manager-ml/")
    assert "lowest $197,000, median $227,000, highest $294,000" in manager
    assert 'class="rdx-chart-row"' in manager and len(tables(manager)[0]) == 4
    assert "likely questions to practise" not in manager  # they come from the user's private notes
    assert "In 3 of 3 postings:" in manager
    engineer = read_page(shipped_site, "roles/machine-learning-engineer/")
    assert "lowest $153,000, median $176,000, highest $199,000" in engineer
    roles = tables(read_page(shipped_site, "roles/"))[0]
    assert [row[:2] for row in roles[1:]] == [["Engineering Manager, ML", "3"], ["Machine Learning Engineer", "1"]]


def test_published_prep_pages_carry_nothing_from_applications(shipped_site: Path) -> None:
    for page in (shipped_site / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for fact in PRIVATE_FACTS:
            assert fact not in text, (page, fact)
    for name, text in output_texts(shipped_site / "site").items():
        assert "PepsiCo" not in text, name


def test_private_view_adds_the_application_and_readiness(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert build_site(tmp_path, private="include").returncode == 0
    page = read_page(tmp_path, f"prep/{GROWTH}/")
    application = _section(page, "your-application")
    assert "preparing" in application
    assert re.search(r"\d+ of 8 requirements mapped, \d+ with a story, 12 questions to practise", application)
    assert "PepsiCo" in application and "not yet covered" in application


SECOND_NOTES = (
    "## Likely questions\n\n- Why Etsy, twice?\n- What is your hiring bar?\n\n"
    "## Questions to ask\n\n- How big is the team?\n"
)


def _second_posting(root: Path, privacy: str) -> None:
    make_site(
        root,
        {
            "postings/etsy-second.md": "---\ncompany: etsy\ntitle: Second EM\nrole: engineering-manager-ml\n---\n",
            "prep/etsy-second.md": f"---\nposting: etsy-second\n{privacy}---\n\n{SECOND_NOTES}",
        },
    )


def test_prep_notes_of_a_role_family_are_gathered_on_its_other_prep_pages(tmp_path: Path) -> None:
    _second_posting(tmp_path, "private: false\n")
    assert build_site(tmp_path, private="include").returncode == 0
    growth = read_page(tmp_path, f"prep/{GROWTH}/")
    gathered = _section(growth, "more-questions")
    assert "Why Etsy, twice?" in gathered and "How big is the team?" in gathered
    second = read_page(tmp_path, "prep/etsy-second/")
    gathered_there = _section(second, "more-questions")
    assert "How have you measured the impact of ML initiatives" in gathered_there
    assert "focused on growth" not in gathered_there  # the Growth team's own question stays there
    assert _section(second, "likely-questions").count("<li>") == 2


@pytest.mark.parametrize("privacy", ["", "private: true\n", "private: yes\n"])
def test_prep_notes_are_private_unless_they_say_private_false(tmp_path: Path, privacy: str) -> None:
    """A prep note without `private: false` is the user's own: no published file holds it,
    not its posting's prep page, the other prep pages, the role page nor the search index;
    the private view gathers it as before."""
    _second_posting(tmp_path, privacy)
    result = build_site(tmp_path, strict=False)
    assert result.returncode == 0, result.stderr
    for path, text in output_texts(tmp_path / "site").items():
        assert "Why Etsy, twice?" not in text and "hiring bar" not in text, path
    assert "roledex new prep etsy-second" in read_page(tmp_path, "prep/etsy-second/")
    assert build_site(tmp_path, private="include", strict=False).returncode == 0
    assert "Why Etsy, twice?" in _section(read_page(tmp_path, f"prep/{GROWTH}/"), "more-questions")


def test_prep_and_role_pages_are_searchable_and_two_clicks_from_home(material_shipped_site: Path) -> None:
    import json

    index = json.loads((material_shipped_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for slug in [GROWTH, *OTHERS]:
        assert f"prep/{slug}/" in locations
    assert "roles/engineering-manager-ml/" in locations
    home = read_page(material_shipped_site, "")
    assert 'href="postings/"' in home and 'href="roles/"' in home
    assert f'href="../prep/{GROWTH}/"' in read_page(material_shipped_site, "postings/")
    assert 'href="engineering-manager-ml/"' in read_page(material_shipped_site, "roles/")


def test_a_fact_is_indexed_once_on_its_own_page(material_shipped_site: Path) -> None:
    index = json.loads((material_shipped_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    prep = [e for e in index["docs"] if e["location"].startswith("prep/")]
    assert prep and not any(
        e["title"].startswith(("Company brief", "What they ask for", "Related postings")) for e in prep
    )
    assert any(e["location"].startswith("companies/etsy/") for e in index["docs"])
    page = read_page(material_shipped_site, f"prep/{GROWTH}/")
    assert "data-search-exclude" not in page and 'id="company-brief-etsy"' in page


@pytest.mark.parametrize("slug", OTHERS)
def test_a_prep_page_without_notes_is_found_by_its_title_alone(material_shipped_site: Path, slug: str) -> None:
    """Its facts card repeats the posting's, its "no notes yet" words are on every such page:
    search finds both elsewhere, and the page by its title."""
    index = json.loads((material_shipped_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [e for e in index["docs"] if e["location"].startswith(f"prep/{slug}/")]
    assert [(e["location"], e["title"].startswith("Prep: "), e["text"]) for e in entries] == [
        (f"prep/{slug}/", True, "")
    ]
    page = read_page(material_shipped_site, f"prep/{slug}/")
    assert "No prep notes yet" in page and "<strong>Salary:</strong>" in page


def test_a_prep_page_with_notes_is_found_by_them(private_shipped_site: Path) -> None:
    search_index = private_shipped_site / "site" / "search" / "search_index.json"
    index = json.loads(search_index.read_text(encoding="utf-8"))
    entries = [e for e in index["docs"] if e["location"].startswith(f"prep/{GROWTH}/")]
    assert any(e["text"] for e in entries) and not any("Salary:" in e["text"] for e in entries)


@pytest.mark.parametrize("address", ["postings/", "salaries/", "roles/engineering-manager-ml/", "companies/etsy/"])
def test_lists_of_postings_are_shown_but_found_on_each_postings_own_page(
    material_shipped_site: Path, address: str
) -> None:
    index = json.loads((material_shipped_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    title = "Engineering Manager, Ads ML"
    assert any(e["location"] == "postings/etsy-engineering-manager-ads-ml/" for e in index["docs"])
    listed = [e for e in index["docs"] if e["location"].split("#")[0] == address]
    assert listed and not any(title in e["text"] for e in listed)
    page = read_page(material_shipped_site, address)
    assert title in page and "data-search-exclude" not in page


@pytest.mark.parametrize(
    ("markdown", "marked"),
    [
        ("## Brief\ntext", '## Brief { data-search-exclude="true" }\ntext'),
        ("### Q ##", '### Q { data-search-exclude="true" }'),
        ("```\n# code\n```", "```\n# code\n```"),
        ("#hashtag", "#hashtag"),
        ("## Kept { #anchor }", "## Kept { #anchor }"),
    ],
)
def test_headings_are_marked_for_search_to_leave_out(markdown: str, marked: str) -> None:
    assert unindexed(markdown) == marked


def test_gathered_questions_fit_this_posting_and_name_their_source_once(tmp_path: Path) -> None:
    notes = (
        "## Likely questions\n\n- How would you grow the Payments ML team?\n- How do you hire?\n"
        "- What is your hiring bar?\n"
    )
    make_site(
        tmp_path,
        {
            "postings/etsy-payments.md": (
                "---\ncompany: etsy\ntitle: Engineering Manager, Payments ML\nteam: Payments\n"
                "role: engineering-manager-ml\n---\n"
            ),
            "prep/etsy-payments.md": f"---\nposting: etsy-payments\nprivate: false\n---\n\n{notes}",
        },
    )
    assert build_site(tmp_path).returncode == 0
    gathered = _section(read_page(tmp_path, f"prep/{GROWTH}/"), "more-questions")
    assert "How do you hire?" in gathered and "What is your hiring bar?" in gathered
    assert "Payments ML team" not in gathered  # another team's question stays on its own page
    assert gathered.count("From your notes for") >= 1
    assert gathered.count("Engineering Manager, Payments ML</a>") == 1  # the source, said once


def test_the_stack_question_names_what_the_posting_itself_names(shipped_site: Path) -> None:
    gathered = _section(read_page(shipped_site, f"prep/{GROWTH}/"), "more-questions")
    assert "does the team use day to day" not in gathered
    assert re.search(r"The posting names [^:]+: what does the team build with them", gathered) or re.search(
        r"Etsy lists [^:]+ in its stack: what does this team", gathered
    )


def _brief_site(tmp_path: Path, mission: str, extra: dict[str, str] | None = None) -> None:
    posting = "---\ncompany: acme\ntitle: {title}\nrole: engineering-manager-ml\n---\n\n## Requirements\n\n- Python\n"
    make_site(
        tmp_path,
        {
            "companies/acme.md": f"---\nname: Acme\n---\n\n## Mission and values\n\n{mission}\n\n## About\n\nAnvils.\n",
            "postings/acme-a.md": posting.format(title="Engineer A"),
            "postings/acme-b.md": posting.format(title="Engineer B"),
            **(extra or {}),
        },
        shipped=False,
    )


def test_a_brief_shown_on_many_prep_pages_links_right_from_each(tmp_path: Path) -> None:
    """A company's brief is converted once for all its prep pages; its links still resolve from
    each page, including one to a prep page itself."""
    _brief_site(tmp_path, "See [the posting](../postings/acme-a.md) and [B's sheet](../prep/acme-b.md).")
    result = build_site(tmp_path)
    assert result.returncode == 0, result.stderr
    mission = {slug: _section(read_page(tmp_path, f"prep/acme-{slug}/"), "company-brief-acme") for slug in "ab"}
    for section in mission.values():
        assert '<a href="../../postings/acme-a/">the posting</a>' in section
    assert '<a href="../acme-b/">B\'s sheet</a>' in mission["a"]
    assert '<a href="./">B\'s sheet</a>' in mission["b"]
    assert "Anvils." in mission["a"] and "Anvils." in mission["b"]


@pytest.mark.parametrize(("anchor", "found"), [("acme-mission", True), ("nowhere", False)])
def test_an_anchor_in_a_shared_brief_counts_as_the_prep_pages_own(tmp_path: Path, anchor: str, found: bool) -> None:
    """MkDocs checks links to anchors: one held by the shared brief is found on the prep page."""
    _brief_site(
        tmp_path,
        "We make anvils.\n{ #acme-mission }",
        {"notes.md": f"# Notes\n\nRead [the mission](prep/acme-b.md#{anchor}).\n"},
    )
    _check_anchors(tmp_path)
    assert (build_site(tmp_path).returncode == 0) is found
    if found:
        assert 'id="acme-mission"' in read_page(tmp_path, "prep/acme-b/")


def _check_anchors(root: Path) -> None:
    """MkDocs warns of a link to a missing anchor (and `--strict` stops on it)."""
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8")
