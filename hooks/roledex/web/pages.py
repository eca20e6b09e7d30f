"""The site's pages: which are generated, and what each hand-written page gains.

The plugin asks two questions of this module, once per build and once per page; both answers
are Markdown. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from roledex.kb.problems import Problem
from roledex.kb.schema import APPLICATION, COMPANY, CONTACT, OFFER, POSTING, PREP
from roledex.web.application_page import application_page
from roledex.web.cards import company_header, company_postings, posting_header
from roledex.web.common import INDEX_URIS, SEARCH_EXCLUDE_ATTRIBUTE, WIDE_PAGE, prep_uri, role_uri, text
from roledex.web.contact_page import company_people, contact_page
from roledex.web.context import SiteContext
from roledex.web.empty_sections import without_empty_sections
from roledex.web.funnel_page import funnel_page
from roledex.web.home import home_page
from roledex.web.indexes import companies_index, postings_index, roles_index
from roledex.web.offers_page import HERE as OFFERS_URI
from roledex.web.offers_page import offer_page, offers_page
from roledex.web.own_lists import own_lists
from roledex.web.pipeline_page import pipeline_page
from roledex.web.prep_page import prep_page
from roledex.web.roles import role_page
from roledex.web.salaries import salaries_page

TAGS_PAGE = (
    "# Tags\n\nEvery tag of the companies and postings, with the pages that carry it.\n\n<!-- material/tags -->\n"
)
_LEADING_H1 = re.compile(r"\A\s*#\s+[^\n]*\n?")


def generated_pages(ctx: SiteContext, existing: set[str]) -> dict[str, str]:
    """Pages made from the knowledge base, by source path; `existing` are hand-written pages."""
    pages = {
        INDEX_URIS["home"]: home_page(ctx),
        INDEX_URIS["companies"]: WIDE_PAGE + companies_index(ctx),
        INDEX_URIS["postings"]: WIDE_PAGE + postings_index(ctx),
        INDEX_URIS["salaries"]: WIDE_PAGE + salaries_page(ctx),
        INDEX_URIS["roles"]: WIDE_PAGE + roles_index(ctx),
        INDEX_URIS["tags"]: TAGS_PAGE,
    }
    for role in ctx.kb.roles:
        pages[role_uri(role)] = WIDE_PAGE + role_page(ctx, role)
    for posting in ctx.kb.postings.values():
        if posting.slug not in ctx.kb.preps:
            pages[prep_uri(posting.slug)] = prep_page(ctx, posting)
    if ctx.includes_private:
        pages[INDEX_URIS["applications"]] = WIDE_PAGE + pipeline_page(ctx)
        pages[INDEX_URIS["funnel"]] = funnel_page(ctx)
        pages.update(own_lists(ctx))
        pages[OFFERS_URI] = offers_page(ctx)
    return {uri: markdown for uri, markdown in pages.items() if uri not in existing}


def page_title(markdown: str) -> str | None:
    """The page's first-line H1 as HTML-safe text, for the title MkDocs and Material print raw.

    Generated H1s hold character references; they are read back to plain text and escaped
    once, so `<script>` in a posting title is shown in `<title>`, never run.
    """
    heading = strip_leading_h1(strip_front_matter(markdown))[1]
    return html.escape(html.unescape(heading), quote=False) if heading else None


COMPANY_SEARCH_BOOST = 4
"""A search for a company's name finds its profile before the postings that name it."""


def page_meta(src_uri: str, meta: Mapping[str, Any], markdown: str) -> dict[str, Any]:
    """The front matter a page is shown with: escaped, its title from its H1, and a search
    boost for company profiles."""
    shown = dict(meta)
    if src_uri.startswith(f"{COMPANY.folder}/") and src_uri != INDEX_URIS["companies"]:
        shown.setdefault("search", {"boost": COMPANY_SEARCH_BOOST})
    shown = escaped_meta(shown)
    title = page_title(markdown)
    if title is not None:
        shown["title"] = title
    return shown


def escaped_meta(value: Any) -> Any:
    """Front matter as Material's templates may print it: every text escaped for HTML.

    Material prints `description`, `tags`, `subtitle` and other values unescaped into the
    page, the tag index, `tags.json` and the search index; escaping them all, once, before any
    template or plugin reads them, keeps any value from becoming markup.
    """
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [escaped_meta(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped_meta(item) for key, item in value.items()}
    return value


def strip_front_matter(markdown: str) -> str:
    """Markdown without a leading front-matter block (generated pages may carry one)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[end + 5 :]
    return markdown


def strip_leading_h1(markdown: str) -> tuple[str, str | None]:
    """(body without its first-line H1, that H1's text or None)."""
    match = _LEADING_H1.match(markdown)
    if not match:
        return markdown, None
    return markdown[match.end() :], match.group(0).strip()[1:].strip()


def enrich(ctx: SiteContext, src_uri: str, markdown: str) -> str | None:
    """The Markdown a hand-written page is shown with, or None to leave it as written."""
    folder, _, name = src_uri.partition("/")
    slug = name[:-3] if name.endswith(".md") else ""
    if src_uri == INDEX_URIS["home"]:
        return home_page(ctx, intro=markdown)
    if folder == COMPANY.folder and slug in ctx.kb.companies:
        company = ctx.kb.companies[slug]
        body, heading = strip_leading_h1(without_empty_sections(markdown))
        return (  # its postings first: a profile runs to a dozen sections
            f"# {heading or text(company.name)}\n\n"
            + company_header(company)
            + company_postings(ctx, company).lstrip("\n")
            + "\n"
            + body.lstrip("\n")
            + company_people(ctx, company)
        )
    if folder == POSTING.folder and slug in ctx.kb.postings:
        return posting_header(ctx, ctx.kb.postings[slug]) + strip_leading_h1(markdown)[0].lstrip("\n")
    if folder == APPLICATION.folder and ctx.includes_private:
        application = next((a for a in ctx.kb.applications.values() if a.slug == slug), None)
        if application is not None:
            body, heading = strip_leading_h1(without_empty_sections(markdown))
            return application_page(ctx, application, body, heading)
    if folder == CONTACT.folder and slug in ctx.kb.contacts and ctx.includes_private:
        body, heading = strip_leading_h1(without_empty_sections(markdown))
        return contact_page(ctx, ctx.kb.contacts[slug], body, heading)
    if folder == OFFER.folder and ctx.includes_private:
        offer = next((o for o in ctx.kb.offers.values() if o.slug == slug), None)
        if offer is not None:
            body, heading = strip_leading_h1(markdown)
            return offer_page(ctx, offer, body, heading)
    if folder == PREP.folder:
        prep = ctx.kb.preps.get(slug)
        if prep is None or prep.slug != slug:
            prep = next((p for p in ctx.kb.preps.values() if p.slug == slug), None)
        if prep is not None and prep.posting in ctx.kb.postings:
            return prep_page(ctx, ctx.kb.postings[prep.posting])
    return None


PRIVATE_BANNER = (
    '<div class="rdx-private-banner" role="note"><strong>Private view</strong>: this build shows your private '
    "pages (applications, offers, contacts, prep notes, stories, questions and whatever says private). A published "
    "build leaves them out.</div>"
)


MAX_BANNER_PROBLEMS = 20


def problems_banner(problems: list[Problem]) -> str:
    """The problems of a build under `mkdocs serve`, on top of every page: the same lines as
    `roledex check`, escaped; the pages below are the last good build's."""
    if not problems:
        return ""
    shown = "".join(f"<li><code>{html.escape(p.format())}</code></li>" for p in problems[:MAX_BANNER_PROBLEMS])
    more = len(problems) - MAX_BANNER_PROBLEMS
    extra = f"<li>and {more} more: run <code>roledex check</code></li>" if more > 0 else ""
    return (
        '<div class="rdx-problems-banner" role="alert"><strong>roledex check found '
        f"{len(problems)} problem(s)</strong>; this page shows the last good build until they are fixed."
        f"<ul>{shown}{extra}</ul></div>"
    )


_LIFTABLE = (
    "<table>\n<thead>",
    f"<table{SEARCH_EXCLUDE_ATTRIBUTE}>\n<thead>",
    '<div class="rdx-',
    '<figure class="rdx-',
    '<p class="rdx-',
)
"""How the blocks the generators write begin (`table`, `card`, `pointer`, the charts)."""
_TOKEN = "RDXBLOCK{}X"
_TOKEN_START = _TOKEN.split("{", 1)[0]
_SHARED_TOKEN = _TOKEN_START + "S{}X"
"""Where a shared block stood until the page's blocks are numbered."""


def lift_html_blocks(
    markdown: str, shared: Sequence[str] = (), convert: Callable[[str], str] | None = None
) -> tuple[str, list[str]]:
    """The Markdown with each generated HTML block replaced by a token paragraph, and the blocks.

    Python-Markdown parses every raw HTML block tag by tag only to pass it through unchanged;
    for generated tables and cards that was a third of the build. The tokens go through
    Markdown as plain words and `restore_html_blocks` puts the blocks back in the HTML. Blocks
    that follow one another share a token (each paragraph costs Python-Markdown a pass of
    every inline pattern).
    Each of the `shared` blocks (Markdown that many pages show alike, `SiteContext.shared`)
    found whole on the page is replaced too, by what `convert` makes of it. A page whose own
    words hold what looks like a token is left whole, so that no word of it is taken for one.
    """
    blocks: list[str] = []
    if _TOKEN_START in markdown:
        return markdown, blocks
    converted: dict[str, str] = {}
    if convert is not None:
        for core in (fragment.strip("\n") for fragment in shared):
            at = _whole_block_at(markdown, core)
            if at is not None:
                placeholder = _SHARED_TOKEN.format(len(converted))
                markdown = f"{markdown[:at]}{placeholder}{markdown[at + len(core) :]}"
                converted[placeholder] = convert(core)
    chunks = markdown.split("\n\n")
    bare = [chunk.strip("\n") for chunk in chunks]  # other chunks keep their newlines: code counts them
    sections = _generated_sections(bare, markdown)
    kept: list[str] = []
    run: list[str] = []  # blocks lifted one after another: one token for them all
    blank: list[str] = []  # chunks of blank lines after the run, dropped if it goes on
    edges = ("", "")  # the newlines before the run's first chunk and after its last

    def end_run() -> None:
        if run:
            kept.append(edges[0] + _TOKEN.format(len(blocks)) + edges[1])
            blocks.append("\n".join(run))  # as Python-Markdown writes block after block
            run.clear()
        kept.extend(blank)
        blank.clear()

    for chunk, stripped in zip(chunks, bare, strict=True):
        if stripped in converted:
            lifted = converted[stripped]
        elif stripped.startswith(_LIFTABLE) and "\n\n" not in stripped:
            lifted = stripped
        elif sections and (stripped == "</section>" or _SECTION_START.fullmatch(stripped)):
            lifted = stripped.replace(' markdown="1"', "")  # its Markdown is converted in place
        elif run and not stripped:
            blank.append(chunk)
            continue
        else:
            end_run()
            kept.append(chunk)
            continue
        before, after = chunk[: len(chunk) - len(chunk.lstrip("\n"))], chunk[len(chunk.rstrip("\n")) :]
        edges = (edges[0] if run else before, after)
        run.append(lifted)
        blank.clear()
    end_run()
    return "\n\n".join(kept), blocks


_SECTION_START = re.compile(f'<section class="rdx-[a-z-]+"(?:{SEARCH_EXCLUDE_ATTRIBUTE})? markdown="1">')
"""How a section the generators write begins (`screen_only`)."""


def _generated_sections(bare: list[str], markdown: str) -> bool:
    """True when every section tag of the page stands alone as a block (`bare`: the page's
    blocks without their edge newlines), as the generators write them, each closed after it
    opens. The plugin then puts each tag back around the converted Markdown of its content,
    which gives the HTML md_in_html gives without its parser reading the section (most of a
    prep page's conversion)."""
    depth = starts = ends = 0
    for stripped in bare:
        if _SECTION_START.fullmatch(stripped):
            depth, starts = depth + 1, starts + 1
        elif stripped == "</section>":
            depth, ends = depth - 1, ends + 1
            if depth < 0:
                return False
    return depth == 0 and starts == markdown.count("<section") and ends == markdown.count("</section>")


def _whole_block_at(markdown: str, block: str) -> int | None:
    """Where `block` first stands as whole blocks of `markdown` (a blank line or the page's
    edge on either side), or None."""
    at = markdown.find(block) if block else -1
    while at >= 0:
        end = at + len(block)
        starts_block = at == 0 or markdown.endswith("\n\n", 0, at)
        ends_block = markdown.startswith("\n\n", end) or (len(markdown) - end <= 1 and markdown[end:] in ("", "\n"))
        if starts_block and ends_block:
            return at
        at = markdown.find(block, at + 1)
    return None


def restore_html_blocks(content: str, blocks: list[str]) -> str:
    """The rendered HTML with each token paragraph replaced by its block."""
    for index, block in enumerate(blocks):
        content = content.replace(f"<p>{_TOKEN.format(index)}</p>", block, 1)
    return content
