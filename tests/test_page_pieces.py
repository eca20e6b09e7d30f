"""The pieces every generated page shares, each at its boundaries: escaping, addresses,
money, cells, badges and labels, as exact HTML."""

from __future__ import annotations

import datetime as dt

import pytest
from roledex.facts.salary import Annual, Band
from roledex.kb.model import Company, KnowledgeBase, Posting, Salary
from roledex.kb.source import Document
from roledex.web import common

DOC = Document(path="postings/p.md", folder="postings", slug="p", meta={}, body="", body_line=1)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("Acme & Co", "Acme &amp; Co"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("a|b", "a&#124;b"),
        ("`code`", "&#96;code&#96;"),
        ("[x](y)", "&#91;x&#93;(y)"),
        ("*_em_*", "&#42;&#95;em&#95;&#42;"),
        ("C:\\x", "C:&#92;x"),
        ("#1", "&#35;1"),
        ("![i](u)", "&#33;&#91;i&#93;(u)"),
        ("~~s~~ ^sup^", "&#126;&#126;s&#126;&#126; &#94;sup&#94;"),
        ("{: .x}", "&#123;: .x&#125;"),
        ("  many   spaces\nand\tlines ", "many spaces and lines"),
        ("- item", "&#45; item"),
        ("+ item", "&#43; item"),
        ("= under", "&#61; under"),
        ("? details", "&#63; details"),
        (": definition", "&#58; definition"),
        ("> quote", "&gt; quote"),
        ("1. first", "&#49;. first"),
        ("12) twelfth", "&#49;2) twelfth"),
        ("2026 plans", "2026 plans"),
        ("Senior - Data", "Senior - Data"),
        (12.5, "12.5"),
        ("3.5 years", "3.5 years"),
        ("3.", "&#51;."),
        ("3) x", "&#51;) x"),
    ],
)
def test_text_leaves_nothing_markdown_or_html_would_act_on(value: object, shown: str) -> None:
    assert common.text(value) == shown


@pytest.mark.parametrize(
    ("count", "words", "said"),
    [
        (0, ("company", "companies"), "0 companies"),
        (1, ("company", "companies"), "1 company"),
        (2, ("posting",), "2 postings"),
    ],
)
def test_plural(count: int, words: tuple[str, ...], said: str) -> None:
    assert common.plural(count, *words) == said


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [("index.md", ""), ("postings/index.md", "postings/"), ("postings/x.md", "postings/x/"), ("tags.md", "tags/")],
)
def test_page_url(src_uri: str, url: str) -> None:
    assert common.page_url(src_uri) == url


@pytest.mark.parametrize(
    ("start", "target", "address"),
    [
        ("index.md", "postings/x.md", "postings/x/"),
        ("postings/x.md", "index.md", "../../"),
        ("postings/x.md", "postings/y.md", "../y/"),
        ("postings/x.md", "postings/x.md", "./"),
        ("postings/x.md", "postings/index.md", "../"),
        ("postings/index.md", "postings/x.md", "x/"),
        ("companies/a.md", "roles/b.md", "../../roles/b/"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative_addresses_between_pages(start: str, target: str, address: str) -> None:
    assert common.relative(start, target) == address


def test_links_escape_their_label_and_address() -> None:
    assert common.link("<x>", "index.md", "postings/p.md") == '<a href="postings/p/">&lt;x&gt;</a>'
    assert common.link("x", "index.md", "tags.md", "rdx-tag") == '<a href="tags/" class="rdx-tag">x</a>'
    assert common.external_link("Apply", ' https://a.example/?q="x"&r=1 ') == (
        '<a class="rdx-external" href="https://a.example/?q=&quot;x&quot;&amp;r=1">Apply</a>'
    )


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (226000, "USD", "$226,000"),
        (80000, "EUR", "€80,000"),
        (900000, "ZAR", "ZAR 900,000"),
        (55000.6, "GBP", "£55,001"),
        (0, "USD", "$0"),
    ],
)
def test_money(value: float, currency: str, shown: str) -> None:
    assert common.money(value, currency) == shown


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (100, 200, "$100–$200"),
        (100, 100, "$100"),
        (None, 200, "up to $200"),
        (100, None, "from $100"),
        (None, None, "$0"),
        (0, 200, "$0–$200"),
        (0, None, "from $0"),
    ],
)
def test_money_range(low: float | None, high: float | None, shown: str) -> None:
    assert common.money_range(low, high, "USD") == shown


@pytest.mark.parametrize(
    ("salary", "shown"),
    [
        (None, ""),
        (Salary(100, 200, "USD", "year"), "$100–$200 a year"),
        (Salary(30, None, "EUR", "hour"), "from €30 an hour"),
        (Salary(100, 200, None, "year", text="Competitive"), "Competitive"),
        (Salary(100, 200, "USD", None), ""),
        (Salary(None, None, "USD", "year", text="DOE"), "DOE"),
    ],
)
def test_stated_salary(salary: Salary | None, shown: str) -> None:
    assert common.stated_salary(salary) == shown


def _annual(low: float, high: float, converted: bool, currency: str = "USD") -> Annual:
    posting = Posting(slug="p", doc=DOC, company="acme", title="T")
    return Annual(posting=posting, min=low, max=high, currency=currency, converted=converted)


def test_cells_sort_by_value_and_show_words() -> None:
    assert common.sortable(None, "x") == "x"
    assert common.sortable(1234.5, "x") == '<span data-sort="1234">x</span>'
    assert common.annual_cell(None) == '<span data-sort="-1">not stated</span>'
    assert common.annual_cell(_annual(100, 300, True)) == '<span data-sort="200">$100–$300</span>'
    assert (
        common.annual_cell(_annual(100, 300, False, "XAU"))
        == '<span data-sort="-1">XAU 100–XAU 300 (XAU, no rate)</span>'
    )
    assert common.date_cell(None) == "" and common.date_cell(dt.date(2026, 3, 1)) == "2026-03-01"
    assert common.band_text(None, "USD") == "no salary stated"
    band = Band(lowest=10, median=20, highest=30, count=3)
    assert common.band_text(band, "USD") == "$10–$30"


def test_tables_cards_items_and_badges() -> None:
    assert common.table(["A", "B"], [["1", "2"], ["3", "4"]]) == (
        '\n<table>\n<thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>\n'
        "<tbody>\n<tr><td>1</td><td>2</td></tr>\n<tr><td>3</td><td>4</td></tr>\n</tbody>\n</table>\n\n"
    )
    assert common.card(["a", "", "b"]) == '\n<div class="rdx-card"><ul><li>a</li><li>b</li></ul></div>\n\n'
    assert common.card(["a"], "f") == '\n<div class="rdx-card"><ul><li>a</li></ul><p>f</p></div>\n\n'
    assert common.item("Pay", "") == ""
    assert common.item("Pay", "$1") == "<strong>Pay:</strong> $1"
    assert common.badge("<new>", "flag") == '<span class="rdx-badge rdx-flag">&lt;new&gt;</span>'
    assert common.badge("x", "flag", 'say "why"') == (
        '<span class="rdx-badge rdx-flag" title="say &quot;why&quot;">x</span>'
    )
    assert common.work_mode_badge(None) == ""
    assert common.work_mode_badge("remote") == '<span class="rdx-badge rdx-mode-remote">remote</span>'


@pytest.mark.parametrize(
    ("salary", "flagged"),
    [
        (None, ""),
        (Salary(100000, 200000, "USD", "year"), ""),
        (
            Salary(100000, 200000, "USD", "year", headline=300000),
            '<span class="rdx-badge rdx-flag" title="The job board&#95;s single figure'
            ' is the sum of the range&#95;s ends, not a salary">headline 300,000 = min + max</span>',
        ),
    ],
)
def test_a_headline_that_is_a_sum_is_flagged(salary: Salary | None, flagged: str) -> None:
    assert common.flag_headline(salary) == flagged.replace("&#95;s", "'s")


@pytest.mark.parametrize(
    ("role", "label"),
    [
        ("engineering-manager-ml", "Engineering manager ML"),
        ("ml-engineer", "ML engineer"),
        ("data", "Data"),
        ("vp-of-ai", "VP of AI"),
        ("head-of-ux-and-ai", "Head of UX and AI"),
        ("a-team-lead", "A team lead"),
    ],
)
def test_role_label(role: str, label: str) -> None:
    assert common.role_label(role) == label


def test_addresses_and_company_names() -> None:
    posting = Posting(slug="p", doc=DOC, company="acme", title="T")
    stray = Posting(slug="q", doc=DOC, company="nobody", title="T")
    kb = KnowledgeBase()
    kb.companies["acme"] = Company(slug="acme", doc=DOC, name="Acme Inc")
    assert common.company_of(kb, posting) is kb.companies["acme"]
    assert common.company_name(kb, posting) == "Acme Inc"
    assert common.company_name(kb, stray) == "nobody"
    assert common.posting_uri(posting) == "postings/p.md"
    assert (common.company_uri("a"), common.prep_uri("b"), common.role_uri("c")) == (
        "companies/a.md",
        "prep/b.md",
        "roles/c.md",
    )
