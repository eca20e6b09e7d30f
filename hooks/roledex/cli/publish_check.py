"""`roledex publish-check`: what a built site holds, and whether any private text is in it."""

from __future__ import annotations

import argparse
from pathlib import Path

from roledex.check.published import (
    calendar_outputs,
    find_leaks,
    judge_privacy,
    private_folder_outputs,
    private_fragments,
    public_pages_text,
    published_pages,
    running_outputs,
    stray_private_fragments,
)
from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out


def register(commands: argparse._SubParsersAction) -> None:
    publish = commands.add_parser("publish-check", help="list a built site and fail if it holds private text")
    publish.add_argument(
        "site", nargs="?", default=None, metavar="SITE_DIR", help="the built site (default: the project's)"
    )
    publish.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    publish.add_argument("--list", action="store_true", help="list every page's address")
    publish.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """List what a built site holds; fail if any private text is in any of its files."""
    site, docs = Path(args.site), docs_dir(args.docs)
    if docs is None:
        return USAGE
    if not site.is_dir():
        err(f"roledex publish-check: {site}: no such folder; build the site first (mkdocs build)")
        return USAGE
    result = checked_knowledge_base(docs)
    view = judge_privacy(result.kb)
    pages = published_pages(site)
    sections: dict[str, int] = {}
    for page in pages:
        section = page.strip("/").split("/")[0] or "(home)"
        sections[section] = sections.get(section, 0) + 1
    out(f"{site}: {len(pages)} pages, {sum(1 for p in site.rglob('*') if p.is_file())} files")
    for section, count in sorted(sections.items()):
        out(f"  {section}: {count}")
    if args.list:
        for page in pages:
            out(f"  {page}")
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
    if leaks:
        files = len({leak.output for leak in leaks})
        err(f"roledex publish-check: private text found in {files} file(s); do not publish")
    if running:
        files = len({finding.output for finding in running})
        err(
            f"roledex publish-check: {len(running)} event handler(s) or running address(es) in {files} file(s); "
            "do not publish (a build with roledex never writes them: was the site built without it?)"
        )
    if leaks or running:
        return FAILED
    out("no private text found in any file, and no script in content")
    return OK
