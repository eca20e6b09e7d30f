"""Pieces every page shares: escaping, links, money, tables and badges.

Everything from front matter passes through `text()` before it reaches Markdown: it becomes
character references, so a `|`, `<script>`, backtick or bracket is shown, never obeyed.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from babel.numbers import format_currency

from roledex.facts.salary import Annual, Band
from roledex.kb.model import Company, KnowledgeBase, Posting, Salary
from roledex.kb.schema import PERIODS

_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "|": "&#124;",
    "`": "&#96;",
    "[": "&#91;",
    "]": "&#93;",
    "*": "&#42;",
    "_": "&#95;",
    "\\": "&#92;",
    "#": "&#35;",
    "!": "&#33;",
    "~": "&#126;",
    "^": "&#94;",
    "{": "&#123;",
    "}": "&#125;",
}
_TABLE = str.maketrans(_ENTITIES)
PER_PERIOD = {"year": "a year", "month": "a month", "week": "a week", "day": "a day", "hour": "an hour"}
assert set(PER_PERIOD) == set(PERIODS)


SEARCH_EXCLUDE_ATTRIBUTE = ' data-search-exclude="true"'
"""Material's search mark as an HTML attribute: search skips the element, and Material takes the
attribute out of the published page."""

_BLOCK_START = re.compile(r"^(?:[-+=?:>]|\d(?=\d*[.)](?: |$)))")
"""A first character that can open a block (list, rule, setext heading, details, definition)."""


def text(value: object) -> str:
    """`value` as inert Markdown: every character Markdown or HTML would act on is a reference,
    and so is a first character that could open a block where the value starts a line."""
    return _inert(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=1 << 16)
def _inert(value: str) -> str:
    """The work of `text`, kept per string: the same names and titles fill many pages."""
    inert = " ".join(value.translate(_TABLE).split())
    return _BLOCK_START.sub(lambda start: f"&#{ord(start.group())};", inert)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 company', '3 companies'."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def page_url(src_uri: str) -> str:
    """The directory address of a page: 'postings/x.md' -> 'postings/x/', 'index.md' -> ''."""
    if src_uri == "index.md":
        return ""
    if src_uri.endswith("/index.md"):
        return src_uri[: -len("index.md")]
    return src_uri[: -len(".md")] + "/"


@cache
def _segments(src_uri: str) -> tuple[str, ...]:
    url = page_url(src_uri).strip("/")
    return tuple(url.split("/")) if url else ()


@lru_cache(maxsize=1 << 17)
def relative(from_uri: str, to_uri: str) -> str:
    """The relative address from the page at `from_uri` to the page at `to_uri` (source paths).

    Generated pages are raw HTML, which Markdown passes through untouched; that is what keeps
    a thousand-row index cheap to build, so their links are worked out here. Every address is
    a directory of plain segments, so the common prefix is all there is to it.
    """
    start, target = _segments(from_uri), _segments(to_uri)
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    parts = [".."] * (len(start) - common) + list(target[common:])
    return "/".join(parts) + "/" if parts else "./"


def link(label: str, from_uri: str, to_uri: str, css: str = "") -> str:
    """An HTML link whose label is escaped."""
    attribute = f' class="{css}"' if css else ""
    return f'<a href="{relative(from_uri, to_uri)}"{attribute}>{text(label)}</a>'


def external_link(label: str, url: str) -> str:
    """A link to an address from front matter (already checked to be http or https)."""
    return f'<a class="rdx-external" href="{html.escape(url.strip(), quote=True)}">{text(label)}</a>'


@cache
def _symbol(currency: str) -> str:
    sample = format_currency(1, currency, format="¤#,##0", locale="en_US", currency_digits=False)
    symbol = sample[:-1]
    return symbol + " " if symbol == currency else symbol


def money(value: float, currency: str) -> str:
    """A whole amount with its symbol, such as $226,000, €80,000 or ZAR 900,000."""
    return f"{_symbol(currency)}{value:,.0f}"


def money_range(low: float | None, high: float | None, currency: str) -> str:
    if low is not None and high is not None and low != high:
        return f"{money(low, currency)}–{money(high, currency)}"
    if high is not None and low is None:
        return f"up to {money(high, currency)}"
    if low is not None and high is None:
        return f"from {money(low, currency)}"
    return money(low if low is not None else high or 0, currency)


def stated_salary(salary: Salary | None) -> str:
    """The salary as posted, in plain words: '$226,000–$294,000 a year'."""
    if salary is None:
        return ""
    if salary.has_figures and salary.currency and salary.period:
        return f"{money_range(salary.min, salary.max, salary.currency)} {PER_PERIOD[salary.period]}"
    return salary.text or ""


def sortable(value: float | None, shown: str) -> str:
    """A table cell that sorts by `value` while showing `shown` (which must be escaped)."""
    if value is None:
        return shown
    return f'<span data-sort="{value:.0f}">{shown}</span>'


PAY_BASIS_MARKS = {
    "hour": ("hourly", "paid by the hour: a year here is hours_per_week × weeks_per_year of work, unpaid leave aside"),
    "day": ("daily", "paid by the day: a year here is days_per_week × weeks_per_year of work, unpaid leave aside"),
}
CONTRACT_EMPLOYMENT = frozenset({"contract", "temporary", "internship", "part-time"})


def pay_basis_mark(annual: Annual) -> str:
    """A badge when a year's pay is worked out from an hourly or daily rate, or the job is not
    a permanent full-time one: such a figure out-ranks salaries only on paper."""
    marks = []
    salary = annual.posting.salary
    if salary is not None and salary.period in PAY_BASIS_MARKS:
        label, why = PAY_BASIS_MARKS[salary.period]
        marks.append(badge(label, "basis", why))
    if annual.posting.employment in CONTRACT_EMPLOYMENT:
        marks.append(badge(annual.posting.employment or "", "basis", "not a permanent full-time job"))
    return " ".join(marks)


SALARIED_ONLY = (
    '<p class="rdx-filter"><label><input type="checkbox" class="rdx-salaried-only"> '
    "Salaried, permanent jobs only: hide hourly, daily and contract pay</label></p>\n"
)
"""A switch above a table with marked rows; the stylesheet hides those rows while it is on."""


def salaried_only_switch(annuals: Iterable[Annual | None]) -> str:
    """The switch, when any of these figures carries a pay-basis mark; '' otherwise."""
    return SALARIED_ONLY if any(a is not None and pay_basis_mark(a) for a in annuals) else ""


def annual_cell(annual: Annual | None) -> str:
    if annual is None:
        return sortable(-1, "not stated")
    shown = money_range(annual.low, annual.high, annual.currency)
    if not annual.converted:
        shown += f" ({text(annual.currency)}, no rate)"
    mark = pay_basis_mark(annual)
    return sortable(annual.mid if annual.converted else -1, f"{shown} {mark}" if mark else shown)


def band_text(found: Band | None, currency: str) -> str:
    if found is None:
        return "no salary stated"
    return money_range(found.lowest, found.highest, currency)


def date_cell(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], indexed: bool = True) -> str:
    """An HTML table as a raw block; cells must already be escaped or built by these helpers.
    A table that lists what has its own pages (postings) is left out of the search index
    (`indexed=False`), so each fact is found once, on its own page."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    opening = "<table>" if indexed else f"<table{SEARCH_EXCLUDE_ATTRIBUTE}>"
    return f"\n{opening}\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n\n"


def numbered(entries: Iterable[str]) -> str:
    """A Markdown numbered list, one entry per line."""
    return "\n".join(f"{n}. {entry}" for n, entry in enumerate(entries, 1)) + "\n"


def card(items: Iterable[str], footer: str = "", indexed: bool = True) -> str:
    """The facts card that heads postings and prep pages: a list of labelled items. A card
    that repeats facts found on their own page (a prep page's posting facts) is left out of
    the search index (`indexed=False`)."""
    listed = "".join(f"<li>{item}</li>" for item in items if item)
    after = f"<p>{footer}</p>" if footer else ""
    mark = "" if indexed else SEARCH_EXCLUDE_ATTRIBUTE
    return f'\n<div class="rdx-card"{mark}><ul>{listed}</ul>{after}</div>\n\n'


def pointer(html_text: str) -> str:
    """A paragraph that points to another page ("The whole profile is on ..."), written as an
    HTML block: the plugin keeps it out of Python-Markdown (`pages.lift_html_blocks`). Its words
    must already be escaped or built by these helpers."""
    return f'\n<p class="rdx-pointer">{html_text}</p>\n\n'


def item(label: str, value: str) -> str:
    """One labelled fact; empty when there is no value, so the card skips it."""
    return f"<strong>{label}:</strong> {value}" if value else ""


def badge(label: str, kind: str, explanation: str = "") -> str:
    """A small labelled badge; the word carries the meaning, colour only repeats it."""
    title = f' title="{text(explanation)}"' if explanation else ""
    return f'<span class="rdx-badge rdx-{kind}"{title}>{text(label)}</span>'


def work_mode_badge(mode: str | None) -> str:
    return badge(mode, f"mode-{mode}") if mode else ""


def flag_headline(salary: Salary | None) -> str:
    if salary is not None and salary.headline_is_sum:
        return badge(
            f"headline {salary.headline:,.0f} = min + max",
            "flag",
            "The job board's single figure is the sum of the range's ends, not a salary",
        )
    return ""


def company_of(kb: KnowledgeBase, posting: Posting) -> Company | None:
    return kb.companies.get(posting.company)


def company_name(kb: KnowledgeBase, posting: Posting) -> str:
    company = company_of(kb, posting)
    return company.name if company else posting.company


_SMALL_WORDS = frozenset({"a", "an", "at", "by", "in", "of", "on", "or", "to", "and", "for", "the"})
"""Short words of a role name that are words, not initials such as ML, AI or UX."""


def role_label(role: str) -> str:
    """A role family's slug in words: engineering-manager-ml -> Engineering manager ML."""
    words = role.split("-")
    shown = [w.upper() if len(w) <= 2 and w not in _SMALL_WORDS else w for w in words]
    sentence = " ".join(shown)
    return sentence[:1].upper() + sentence[1:]


def posting_uri(posting: Posting) -> str:
    return posting.doc.src_uri


def company_uri(slug: str) -> str:
    return f"companies/{slug}.md"


def prep_uri(posting_slug: str) -> str:
    return f"prep/{posting_slug}.md"


def role_uri(role: str) -> str:
    return f"roles/{role}.md"


def story_uri(story_slug: str) -> str:
    return f"stories/{story_slug}.md"


def question_uri(question_slug: str) -> str:
    return f"questions/{question_slug}.md"


WIDE_PAGE = "---\nhide:\n  - toc\n---\n\n"
"""Front matter of generated pages whose tables need the width of the table of contents."""

INDEX_URIS = {
    "home": "index.md",
    "companies": "companies/index.md",
    "postings": "postings/index.md",
    "salaries": "salaries/index.md",
    "roles": "roles/index.md",
    "tags": "tags.md",
    "applications": "applications/index.md",
    "funnel": "applications/funnel.md",
}


_ATX_HEADING = re.compile(r"^(#{1,6}[ \t]+.*?)[ \t]*$")
_FENCE_LINE = re.compile(r"^\s*(```|~~~)")
SEARCH_EXCLUDE = ' { data-search-exclude="true" }'
"""Material's search mark, as attribute-list Markdown for a heading: search leaves out the
heading and everything under it."""

_PAGE_WIDE = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|\[[^\]\n]+\]:|\*\[)|\[\^", re.MULTILINE)
"""Markdown whose meaning reaches past its own block: a heading (the page's ids and table of
contents; a setext underline, or a rule that looks like one), a reference or abbreviation
definition (the whole page reads it) and a footnote (numbered and listed for the whole page)."""


def self_contained(markdown: str) -> bool:
    """True when `markdown` converts to the same HTML alone as inside any page of its folder:
    such a block, shown alike on many pages, can be converted once for all of them."""
    return _PAGE_WIDE.search(markdown) is None


SCREEN_ONLY_CLASS = "rdx-screen-only"


def screen_only(markdown: str, searchable: bool = True) -> str:
    """`markdown` shown on screen and left out of print: what a printed sheet can do without
    (the whole profile, other pages' questions, related postings), one click away on screen.
    Not `searchable`: the whole section is marked for search to leave out, so search reads
    none of it (its headings say so already; a mark on the element lets it be cut whole)."""
    if not markdown.strip():
        return ""
    mark = "" if searchable else SEARCH_EXCLUDE_ATTRIBUTE
    return f'<section class="{SCREEN_ONLY_CLASS}"{mark} markdown="1">\n\n{markdown.strip()}\n\n</section>\n'


@lru_cache(maxsize=8192)
def unindexed(markdown: str) -> str:
    """`markdown` with each of its headings (outside code) marked for Material's search to
    leave out: for content that is indexed on its own page already (a company's brief, a
    posting's requirements, other pages' questions), so each fact is indexed once. Kept for
    the same text: a company's brief comes again on each of its postings' prep pages."""
    lines, fenced = [], False
    for line in markdown.split("\n"):
        if _FENCE_LINE.match(line):
            fenced = not fenced
        match = None if fenced else _ATX_HEADING.match(line)
        if match and not match.group(1).rstrip().endswith("}"):
            line = match.group(1).rstrip(" #") + SEARCH_EXCLUDE
        lines.append(line)
    return "\n".join(lines)
