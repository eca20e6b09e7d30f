"""The site as a folder of Markdown: every page a build shows, enriched and generated, for an
engine that runs no MkDocs plugin (Zensical).

The same steps as the plugin, in the same order: the knowledge base read and checked, the view
chosen (the public one unless asked), the files it leaves out left behind, each hand-written
page enriched and each generated page written, with the escaped title the plugin gives MkDocs.
Nothing private is copied, so no engine can publish it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from roledex.check.run import checked_knowledge_base
from roledex.facts.privacy import build_view
from roledex.kb.problems import Problem, errors_in
from roledex.kb.settings import Settings
from roledex.web.context import SiteContext
from roledex.web.links import HiddenAddresses, HiddenSources, unlink_hidden_html
from roledex.web.pages import enrich, generated_pages, page_meta, strip_front_matter

_INLINE_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
"""An inline link or image; either, to a left-out file, becomes its words (an image its alt text)."""


@dataclass
class Tree:
    """What was written: the pages by source path, the files left out, the problems found."""

    pages: list[str] = field(default_factory=list)
    left_out: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    """(the page's front matter, its Markdown); a page whose front matter does not read as a
    mapping keeps its text whole (the check reports records; other pages are the user's)."""
    body = strip_front_matter(text)
    if body is text:
        return {}, text
    try:
        meta = yaml.safe_load(text[4 : len(text) - len(body) - 5])
    except yaml.YAMLError:
        return {}, text
    return (meta, body) if isinstance(meta, dict) else ({}, text)


def _address(uri: str) -> str:
    """The directory address MkDocs and Zensical give a page (`prep/x.md` -> `prep/x/`)."""
    stem = uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _unlinked(markdown: str, uri: str, hidden: HiddenSources, addresses: HiddenAddresses) -> str:
    """The page without links to left-out files: inline Markdown links and raw anchors keep
    their words and lose their target, images become their alt text (as the plugin does)."""
    markdown = _INLINE_LINK.sub(
        lambda match: match.group(1) if hidden.named_by(uri, match.group(2)) else match.group(0), markdown
    )
    return unlink_hidden_html(markdown, (_address(uri), uri), addresses)


def _page(meta: dict[str, object], markdown: str) -> str:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    return f"---\n{head}---\n\n{markdown}" if head else markdown


def write_tree(docs: Path, out: Path, settings: Settings, include_private: bool = False) -> Tree:
    """Write the site's pages and files under `out` (an empty folder); nothing is written
    when the knowledge base has errors (they are in the result)."""
    tree = Tree()
    result = checked_knowledge_base(str(docs), settings)
    tree.problems = list(result.problems)
    if errors_in(result.problems):
        return tree
    files = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*")) if p.is_file()}
    pages = {uri for uri in files if uri.endswith(".md")}
    texts = {uri: files[uri].read_text(encoding="utf-8", errors="replace") for uri in pages}
    view, tree.left_out, problems = build_view(result.kb, include_private, set(files), pages, texts.__getitem__)
    tree.problems += problems
    if errors_in(problems):
        return tree
    hidden = HiddenSources(tree.left_out)
    addresses = HiddenAddresses({*tree.left_out, *(_address(u) for u in tree.left_out if u.endswith(".md"))})
    context = SiteContext(view.kb, settings, includes_private=include_private)
    kept = sorted(set(files) - tree.left_out)
    for uri in kept:
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if uri not in pages:
            target.write_bytes(files[uri].read_bytes())
            continue
        meta, markdown = _front_matter(texts[uri])
        markdown = enrich(context, uri, markdown) or markdown
        target.write_text(_page(page_meta(uri, meta, markdown), _unlinked(markdown, uri, hidden, addresses)), "utf-8")
        tree.pages.append(uri)
    for uri, generated in generated_pages(context, existing=set(kept)).items():
        meta, markdown = _front_matter(generated)  # a wide page says `hide: [toc]` in its own
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_page(page_meta(uri, meta, markdown), markdown), "utf-8")
        tree.pages.append(uri)
    tree.pages.sort(key=lambda uri: (posixpath.dirname(uri), uri))
    return tree
