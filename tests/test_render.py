"""Renderers and salary normalisation, tested as plain functions without MkDocs."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown as python_markdown
import pytest
from conftest import build_site, make_site, read_page
from roledex.check.run import checked_knowledge_base
from roledex.facts.salary import annual_salary, band
from roledex.kb.settings import Settings
from roledex.web.chart import Bar, range_chart
from roledex.web.common import card, screen_only, self_contained, table, text
from roledex.web.context import SiteContext
from roledex.web.home import home_page
from roledex.web.indexes import companies_index, postings_index
from roledex.web.pages import generated_pages, lift_html_blocks, page_title, restore_html_blocks
from roledex.web.prep_page import nearest, nearest_in_role


def _context(tmp_path: Path, files: dict[str, str], today: dt.date = dt.date(2026, 11, 24)) -> SiteContext:
    docs = make_site(tmp_path, files, shipped=False)
    result = checked_knowledge_base(docs)
    assert [p for p in result.problems if p.severity == "error"] == []
    settings = Settings(base_currency="EUR", rates={"USD": 0.5})
    return SiteContext(result.kb, settings, today=today)


ACME = "---\nname: Acme | Co\nheadquarters: Berlin\n---\n"


def _posting(title: str, **extra: str) -> str:
    lines = "".join(f"{k}: {v}\n" for k, v in extra.items())
    return f"---\ncompany: acme\ntitle: '{title}'\n{lines}---\n"


def test_text_makes_markdown_and_html_inert() -> None:
    assert text("a|b <i>`c`</i> [d](e)") == "a&#124;b &lt;i&gt;&#96;c&#96;&lt;/i&gt; &#91;d&#93;(e)"


def test_annual_salary_converts_period_and_currency() -> None:
    from roledex.kb.model import Posting, Salary
    from roledex.kb.source import Document

    doc = Document("p.md", "postings", "p", {}, "", 1)
    hourly = Posting("p", doc, salary=Salary(min=50, max=60, currency="USD", period="hour"))
    annual = annual_salary(hourly, Settings(base_currency="EUR", rates={"USD": 0.5}))
    assert (annual.min, annual.max, annual.mid, annual.currency, annual.converted) == (52000, 62400, 57200, "EUR", True)
    unknown = Posting("q", doc, salary=Salary(max=1000, currency="ZAR", period="month"))
    annual = annual_salary(unknown, Settings())
    assert (annual.min, annual.max, annual.currency, annual.converted) == (None, 12000, "ZAR", False)
    assert band([annual]) is None


def test_company_index_rows_count_postings_and_band(tmp_path: Path) -> None:
    ctx = _context(
        tmp_path,
        {
            "companies/acme.md": ACME,
            "postings/acme-a.md": _posting("A", salary="{min: 100000, max: 200000, currency: USD, period: year}"),
            "postings/acme-b.md": _posting("B", salary="{min: 60000, max: 70000, currency: EUR, period: year}"),
        },
    )
    markdown = companies_index(ctx)
    assert '<tr><td><a href="acme/">Acme &#124; Co</a></td><td>Berlin</td><td></td><td></td><td>2</td>' in markdown
    assert "1 company." in markdown
    assert "€50,000–€100,000" in markdown


def test_postings_index_lists_newest_first_and_links_prep(tmp_path: Path) -> None:
    ctx = _context(
        tmp_path,
        {
            "companies/acme.md": ACME,
            "postings/acme-old.md": _posting("Old", posted="2026-01-01"),
            "postings/acme-new.md": _posting("New", posted="2026-06-01"),
            "postings/acme-undated.md": _posting("Undated"),
        },
    )
    rows = [line for line in postings_index(ctx).splitlines() if line.startswith("<tr><td>")]
    assert [row.split("/</a>")[0].split('">')[1].split("<")[0] for row in rows] == ["New", "Old", "Undated"]
    assert '<a href="../prep/acme-new/">Prep</a>' in rows[0]


def test_home_counts_and_closing_soon(tmp_path: Path) -> None:
    ctx = _context(
        tmp_path,
        {
            "companies/acme.md": ACME,
            "postings/acme-soon.md": _posting("Soon", closes="2026-11-30"),
            "postings/acme-later.md": _posting("Later", closes="2027-02-01"),
            "postings/acme-past.md": _posting("Past", closes="2026-11-01"),
        },
    )
    home = home_page(ctx)
    assert '<a class="rdx-stat" href="postings/"><strong>3</strong> Postings</a>' in home
    soon = home[home.index("## Closing") :]
    assert "Soon" in soon and "Later" not in soon and "Past" not in soon


def test_generated_pages_leave_hand_written_ones_alone(tmp_path: Path) -> None:
    ctx = _context(
        tmp_path,
        {
            "companies/acme.md": ACME,
            "postings/acme-a.md": _posting("A", role="data-scientist"),
            "postings/acme-b.md": _posting("B"),
            "prep/acme-a.md": "---\nposting: acme-a\n---\n\n## Talking points\n",
        },
    )
    pages = generated_pages(ctx, existing={"prep/acme-a.md"})
    assert {
        "index.md",
        "companies/index.md",
        "postings/index.md",
        "salaries/index.md",
        "roles/index.md",
        "roles/data-scientist.md",
        "prep/acme-b.md",
        "tags.md",
    } == set(pages)


def test_relative_addresses_between_directory_urls() -> None:
    from roledex.web.common import relative

    assert relative("index.md", "postings/index.md") == "postings/"
    assert relative("postings/index.md", "index.md") == "../"
    assert relative("postings/a.md", "companies/b.md") == "../../companies/b/"
    assert relative("roles/x.md", "roles/index.md") == "../"
    assert relative("tags.md", "tags.md") == "./"


def test_page_title_is_html_safe() -> None:
    assert page_title("# Prep: &lt;b&gt; &#124; x\n\nbody") == "Prep: &lt;b&gt; | x"
    assert page_title("no heading") is None


def _paid(title: str, low: int, currency: str = "EUR", **extra: str) -> str:
    salary = f"salary:\n  min: {low}\n  max: {low}\n  currency: {currency}\n  period: year\n"
    lines = "".join(f"{k}: {v}\n" for k, v in extra.items())
    return f"---\ncompany: acme\ntitle: '{title}'\n{salary}{lines}---\n"


def test_related_postings_are_the_nearest_in_pay_then_the_newest(tmp_path: Path) -> None:
    ctx = _context(
        tmp_path,
        {
            "companies/acme.md": ACME,
            "postings/acme-here.md": _paid("Here", 100000),
            "postings/acme-far.md": _paid("Far", 150000),
            "postings/acme-near.md": _paid("Near", 104000),
            "postings/acme-dollars.md": _paid("Dollars", 200000, "USD"),  # 100,000 EUR at 0.5
            "postings/acme-below.md": _paid("Below", 90000),
            "postings/acme-unpaid-old.md": _posting("Unpaid old", posted="2026-01-01"),
            "postings/acme-unpaid-new.md": _posting("Unpaid new", posted="2026-06-01"),
            "postings/acme-unpaid-undated.md": _posting("Unpaid undated"),
        },
    )
    here = ctx.kb.postings["acme-here"]
    others = [p for p in ctx.kb.postings.values() if p is not here]
    assert [p.slug for p in nearest(ctx, here, others)] == [
        "acme-dollars",
        "acme-near",
        "acme-below",
        "acme-far",
        "acme-unpaid-new",
        "acme-unpaid-old",
        "acme-unpaid-undated",
    ]
    assert [p.slug for p in nearest(ctx, here, others, 3)] == ["acme-dollars", "acme-near", "acme-below"]
    unpaid = ctx.kb.postings["acme-unpaid-old"]
    assert [p.slug for p in nearest(ctx, unpaid, [ctx.kb.postings[s] for s in ("acme-far", "acme-unpaid-new")])] == [
        "acme-unpaid-new",
        "acme-far",
    ]


class _FamilyContext:
    """What `nearest` and `nearest_in_role` read of a build: pay points, families, `once`."""

    def __init__(self, postings: list[SimpleNamespace], points: dict[str, tuple[float | None, str | None, int]]):
        self.pay_points = points
        self.kb = SimpleNamespace(postings_in_role=lambda role: [p for p in postings if p.role == role])
        self._once: dict[tuple[object, ...], object] = {}

    def once(self, key: tuple[object, ...], compute: Callable[[], object]) -> object:
        if key not in self._once:
            self._once[key] = compute()
        return self._once[key]


@pytest.mark.parametrize("seed", range(40))
def test_the_nearest_in_a_family_sorted_once_are_those_of_sorting_each_time(seed: int) -> None:
    """Ties in pay and in date, pay in other currencies or none, postings at the same company:
    the family sorted once per build gives the related postings that ordering it whole gives."""
    rng = random.Random(seed)
    postings = [
        SimpleNamespace(slug=f"p{i:02d}", company=f"c{rng.randrange(5)}", role=rng.choice(["a", "b", None]))
        for i in range(rng.randrange(1, 40))
    ]
    points: dict[str, tuple[float | None, str | None, int]] = {
        p.slug: (
            rng.choice([None, 90000.0, 100000.0, 100000.0, 104000.5, 96000.0, 150000.0]),
            rng.choice(["EUR", "EUR", "USD"]),
            -rng.choice([0, 738000, 738100]),
        )
        for p in postings
    }
    points = {
        slug: (mid, currency if mid is not None else None, newest) for slug, (mid, currency, newest) in points.items()
    }
    ctx: Any = _FamilyContext(postings, points)
    for posting in postings:
        family = (
            [p for p in postings if p.role == posting.role and p.company != posting.company] if posting.role else []
        )
        for limit in (1, 3, 5, 40):
            expected = [p.slug for p in nearest(ctx, posting, family, limit)]
            assert [p.slug for p in nearest_in_role(ctx, posting, limit)] == expected, (posting.slug, limit)


@pytest.mark.parametrize(
    "block",
    [
        table(["A"], [["1"]]),
        table(["A"], [["1"]], indexed=False),
        card(["<strong>Company:</strong> Acme"]),
        range_chart([Bar("A", 1, 2, 1.5)], "USD", "Ranges"),
    ],
)
def test_generated_html_blocks_are_kept_out_of_markdown_and_put_back_whole(block: str) -> None:
    markdown, blocks = lift_html_blocks(f"# Title\n\nIntro.\n{block}\nAfter.\n")
    assert blocks == [block.strip("\n")] and "<" not in markdown
    html = f"<h1>Title</h1>\n<p>Intro.</p>\n<p>{markdown.split(chr(10) * 2)[2]}</p>\n<p>After.</p>"
    assert restore_html_blocks(html, blocks).count(block.strip("\n")) == 1


@pytest.mark.parametrize(
    ("markdown", "alone"),
    [
        ("A paragraph with a [link](../postings/x.md) and *emphasis*.", True),
        ("- a list\n- of items\n    - nested", True),
        ("#hashtag is words, not a heading", True),
        ("    # four spaces: code, not a heading", True),
        ("Text that says C# and F#.", True),
        ("## A heading", False),
        ("   ### indented three spaces, still a heading", False),
        ("#", False),
        ("Setext heading\n===", False),
        ("Setext heading\n---", False),
        ("A rule\n\n---\n\nbelow", False),
        ("[ref]: https://example.com", False),
        ("A footnote[^1].", False),
        ("*[HTML]: Hyper Text Markup Language", False),
    ],
)
def test_a_block_is_self_contained_unless_its_meaning_reaches_past_it(markdown: str, alone: bool) -> None:
    assert self_contained(markdown) is alone


def _converted(block: str) -> str:
    return f"<div>{block.upper()}</div>"


def test_a_shared_block_found_whole_is_converted_by_the_hook_and_put_back() -> None:
    page = "# Title\n\n### Mission\n\nWe build things.\n\n### Stack\n\n- Python\n- Go\n\nThe end.\n"
    asked: list[str] = []

    def convert(block: str) -> str:
        asked.append(block)
        return _converted(block)

    markdown, blocks = lift_html_blocks(page, ["We build things.\n", "\n- Python\n- Go"], convert)
    assert asked == ["We build things.", "- Python\n- Go"]
    assert markdown == "# Title\n\n### Mission\n\nRDXBLOCK0X\n\n### Stack\n\nRDXBLOCK1X\n\nThe end.\n"
    html = "".join(f"<p>{chunk}</p>" for chunk in markdown.split("\n\n"))
    restored = restore_html_blocks(html, blocks)
    assert "<div>WE BUILD THINGS.</div>" in restored and "<div>- PYTHON\n- GO</div>" in restored


@pytest.mark.parametrize(
    "page",
    [
        "Intro. We build things.\n\nAfter.",  # inside a paragraph
        "We build things. And more.\n",  # the start of a longer block
        "- We build things.\n",  # a list item's words
        "Intro.\nWe build things.\n\nAfter.",  # a paragraph's second line
    ],
)
def test_a_shared_block_is_left_in_the_markdown_where_it_is_not_whole(page: str) -> None:
    markdown, blocks = lift_html_blocks(page, ["We build things."], _converted)
    assert (markdown, blocks) == (page, [])


def test_a_shared_block_is_found_whole_after_a_partial_match() -> None:
    page = "Intro. We build things.\n\nWe build things.\n"
    markdown, blocks = lift_html_blocks(page, ["We build things."], _converted)
    assert markdown == "Intro. We build things.\n\nRDXBLOCK0X\n" and blocks == ["<div>WE BUILD THINGS.</div>"]


def test_without_a_converter_shared_blocks_stay_markdown() -> None:
    page = "Intro.\n\nWe build things.\n"
    assert lift_html_blocks(page, ["We build things."]) == (page, [])


def _markdown_html(markdown: str) -> str:
    return python_markdown.markdown(markdown, extensions=["md_in_html", "attr_list", "toc", "tables"])


@pytest.mark.parametrize(
    "page",
    [
        "# Prep\n\n" + screen_only("## More questions\n\n- Why?\n- How?\n", searchable=False) + "\nAfter.\n",
        "Before.\n\n" + screen_only("### Mission\n\nWe *build*.\n\n### Stack\n\n| A |\n| - |\n| 1 |\n") + "\n",
        screen_only("One.\n") + "\n" + screen_only("## Two\n\nText.\n", searchable=False),
    ],
)
def test_a_generated_section_is_converted_in_place_as_md_in_html_would(page: str) -> None:
    markdown, blocks = lift_html_blocks(page)
    assert "<section" not in markdown
    assert restore_html_blocks(_markdown_html(markdown), blocks) == _markdown_html(page)


@pytest.mark.parametrize(
    ("page", "tokens"),
    [
        ("# Acme\n\n" + card(["<strong>Team:</strong> Ads"]) + "\n" + table(["A"], [["1"]]) + "\nAfter.\n", 1),
        (card(["One"]) + "\nBetween.\n\n" + card(["Two"]) + "\n" + card(["Three"]), 2),
        ("Intro.\n\n" + screen_only("Words.\n") + "\n" + card(["After"]) + "\n", 2),
        ("# Brief\n\nWe *build* things.\n\n" + card(["Facts"]) + "\n### Stack\n\n- Python\n- Go\n", 2),
    ],
    ids=["card-then-table", "split-by-words", "section-then-card", "shared-then-card"],
)
def test_blocks_one_after_another_share_a_token_and_give_the_same_html(page: str, tokens: int) -> None:
    shared = ["We *build* things.", "- Python\n- Go"]
    markdown, blocks = lift_html_blocks(page, shared, _markdown_html)
    assert len(blocks) == tokens and markdown.count("RDXBLOCK") == tokens
    restored = restore_html_blocks(_markdown_html(markdown), blocks)
    assert _lines(restored) == _lines(_markdown_html(page))  # Python-Markdown leaves blank lines between raw blocks


def _lines(html: str) -> str:
    return re.sub(r"\n+", "\n", html)


@pytest.mark.parametrize(
    "page",
    [
        screen_only("Text.\n") + "\n<section>\nTheirs.\n</section>\n",  # a section the user wrote
        screen_only("Text.\n").replace("\n\n</section>", "\n</section>"),  # its end not a block of its own
        "</section>\n\n" + screen_only("Text.\n"),  # an end before any start
    ],
)
def test_a_section_is_left_to_md_in_html_unless_every_section_tag_is_a_generated_block(page: str) -> None:
    assert lift_html_blocks(page)[0].count("section") == page.count("section")


def test_a_page_whose_words_look_like_a_token_is_left_whole() -> None:
    page = "# Title\n\nRDXBLOCK0X\n" + card(["<strong>Company:</strong> Acme"]) + "After.\n"
    assert lift_html_blocks(page, ["After."], _converted) == (page, [])


def test_a_token_written_in_a_profile_stays_words_and_the_generated_blocks_stay_in_place(tmp_path: Path) -> None:
    """The company page's facts card and table of postings are lifted out of Markdown as
    numbered tokens; the profile's own words hold the token of the table."""
    company = "---\nname: Acme\nheadquarters: Berlin\n---\n\n## Overview\n\nRDXBLOCK1X\n\nAnvils.\n"
    posting = "---\ncompany: acme\ntitle: Engineer\n---\n\n## The role\n\nBuild anvils.\n"
    make_site(tmp_path, {"companies/acme.md": company, "postings/acme-engineer.md": posting}, shipped=False)
    assert build_site(tmp_path).returncode == 0
    page = read_page(tmp_path, "companies/acme/")
    assert "<p>RDXBLOCK1X</p>" in page and page.count("<table") == 1
    # the postings come first, under the facts, then the profile's own words
    assert page.index("<table") < page.index("<p>RDXBLOCK1X</p>") < page.index("Anvils.")
