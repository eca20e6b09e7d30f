"""`roledex publish-check`: what a built site holds, and whether any private text is in it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from roledex.check.published import (
    Judgement,
    action_outputs,
    calendar_outputs,
    find_leaks,
    judge_privacy,
    private_folder_outputs,
    private_fragments,
    public_pages_text,
    published_pages,
    running_outputs,
    stray_private_fragments,
    symlinks,
)
from roledex.check.repository import NotARepository, tracked_private_files
from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out, settings_or_none
from roledex.cli.project import CONFIG, docs_of, find_root


def arguments(publish: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    publish.add_argument(
        "site", nargs="?", default=None, metavar="SITE_DIR", help="the built site (default: the project's)"
    )
    publish.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    publish.add_argument("--list", action="store_true", help="list every page's address")
    publish.add_argument(
        "--repository",
        metavar="PATH",
        help="judge what Git tracks in the repository at PATH instead of a built site: each private file, one a line",
    )
    seen_by = publish.add_mutually_exclusive_group()
    seen_by.add_argument(
        "--public", dest="visibility", action="store_const", const="public", help="the repository is public (fail)"
    )
    seen_by.add_argument(
        "--private", dest="visibility", action="store_const", const="private", help="it is private (report only)"
    )
    publish.set_defaults(handler=run, visibility=None)


def _say_what_it_holds(site: Path, every_page: bool) -> None:
    """The site's pages and files, by section (and each page, when asked)."""
    pages = published_pages(site)
    sections: dict[str, int] = {}
    for page in pages:
        section = page.strip("/").split("/")[0] or "(home)"
        sections[section] = sections.get(section, 0) + 1
    out(f"{site}: {len(pages)} pages, {sum(1 for p in site.rglob('*') if p.is_file())} files")
    for section, count in sorted(sections.items()):
        out(f"  {section}: {count}")
    if every_page:
        for page in pages:
            out(f"  {page}")


def run(args: argparse.Namespace) -> int:
    """List what a built site holds; fail if any private text is in any of its files."""
    if getattr(args, "repository", None):
        return run_repository(Path(args.repository), args.visibility)
    site, docs = Path(args.site), docs_dir(args.docs)
    if docs is None:
        return USAGE
    if not site.is_dir():
        err(f"roledex publish-check: {site}: no such folder; build the site first (mkdocs build)")
        return USAGE
    result = checked_knowledge_base(docs)
    view = judge_privacy(result.kb)
    _say_what_it_holds(site, args.list)
    hidden = sorted(view.hidden_paths)
    listed = ", ".join(hidden[:5]) + (", ..." if len(hidden) > 5 else "")
    out(f"left out as private: {len(hidden)} pages" + (f" ({listed})" if hidden else ""))
    fragments = private_fragments(result.kb, view, public_pages_text(docs, view))
    leaks = find_leaks(site, {**stray_private_fragments(docs, view), **fragments}) + private_folder_outputs(site, view)
    leaks += calendar_outputs(site)
    for leak in leaks:
        out(f"LEAK {site / leak.output}: text of {leak.source}: {leak.fragment[:80]!r}")
    running = running_outputs(site)
    for finding in running:
        out(f"SCRIPT {site / finding.output}: {finding.fragment}")
    acting = action_outputs(site)
    for finding in acting:
        out(f"ACTION {site / finding.output}: holds {finding.fragment!r}, which only `serve` may send")
    links = symlinks(site)
    for link in links:
        out(f"SYMLINK {site / link} -> {os.readlink(site / link)}")
    if links:
        err(
            f"roledex publish-check: {len(links)} symbolic link(s) in the site; do not publish "
            "(the upload would publish the file each points to, wherever it is)"
        )
    if leaks:
        files = len({leak.output for leak in leaks})
        err(f"roledex publish-check: private text found in {files} file(s); do not publish")
    if running:
        files = len({finding.output for finding in running})
        err(
            f"roledex publish-check: {len(running)} event handler(s) or running address(es) in {files} file(s); "
            "do not publish (a build with roledex never writes them: was the site built without it?)"
        )
    if acting:
        err(
            f"roledex publish-check: {len(acting)} file(s) hold the local site's actions; do not publish "
            "(build the site with `mkdocs build`, never save pages from `serve`)"
        )
    if leaks or running or links or acting:
        return FAILED
    out("no private text found in any file, and no script in content")
    return OK


WAYS_OUT = (
    "keep the knowledge base in a private repository and publish the site from it to a public one "
    "(README: Publish to GitHub Pages), or make this repository private, or stop tracking the files "
    "(git rm --cached FILE, then list them in .gitignore)"
)


def run_repository(path: Path, visibility: str | None) -> int:
    """Each private file Git tracks in the repository at `path`, one a line; exit 1 when the
    repository is public (`--public`, or `visibility: public` in its settings) and tracks any."""
    if not path.is_dir():
        err(f"roledex publish-check: {path}: no such folder")
        return USAGE
    root = find_root(path.resolve()) or path
    config = root / CONFIG
    docs = docs_of(config) if config.is_file() else root / "docs"
    if visibility is None and config.is_file():
        settings = settings_or_none("publish-check", str(config))
        if settings is None:
            return USAGE
        visibility = settings.visibility
    view = judge_privacy(checked_knowledge_base(docs).kb) if docs.is_dir() else Judgement(set(), set())
    try:
        _, private = tracked_private_files(docs, view)
    except NotARepository as error:
        err(f"roledex publish-check: {path}: not a Git repository ({error})")
        return USAGE
    for name in private:
        out(name)
    public = visibility != "private"
    if private and public:
        said = "is public" if visibility == "public" else "is taken as public (pass --private if it is not)"
        err(f"roledex publish-check: the repository {said} and Git tracks {len(private)} private file(s); {WAYS_OUT}")
        return FAILED
    if private:
        err(f"roledex publish-check: {len(private)} private file(s) tracked; fine while the repository stays private")
    return OK
