"""`roledex import`: raw postings (text, Markdown or HTML) into posting files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.kb.text import is_slug, is_url, slugify

if TYPE_CHECKING:
    from roledex.importer.write import KnownPostings
    from roledex.kb.model import KnowledgeBase


def register(commands: argparse._SubParsersAction) -> None:
    imports = commands.add_parser("import", help="turn raw postings (text, Markdown or HTML) into posting files")
    imports.add_argument("files", nargs="+", metavar="FILE", help="files, folders, or - for standard input")
    imports.add_argument("--company", metavar="SLUG", help="the company's slug, when the text does not name it")
    imports.add_argument("--url", metavar="URL", help="the posting's address, when the text does not hold it")
    imports.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    imports.add_argument("--force", action="store_true", help="overwrite, and import duplicates")
    imports.add_argument("--dry-run", action="store_true", help="write nothing; show what would be written")
    imports.add_argument("--json", action="store_true", help="with --dry-run: print the extracted fields as JSON")
    imports.set_defaults(handler=run)


def _import_sources(names: list[str]) -> list[tuple[str, bytes | None, str]]:
    """(display name, bytes or None when unreadable, problem) for each file, folder or '-'."""
    sources: list[tuple[str, bytes | None, str]] = []
    for name in names:
        if name == "-":
            sources.append(("<stdin>", sys.stdin.buffer.read(), ""))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            files = [path]
        for file in files:
            try:
                sources.append((str(file), file.read_bytes(), ""))
            except OSError as error:
                sources.append((str(file), None, f"cannot be read: {error.strerror or error}"))
    return sources


def _import_one(
    name: str, raw: bytes, args: argparse.Namespace, kb: KnowledgeBase, known: KnownPostings
) -> tuple[bool, dict[str, Any] | None]:
    """Import one raw posting and say what happened; return (success, dry-run JSON)."""
    from roledex.importer.run import Request, import_posting

    request = Request(Path(args.docs), args.company, args.url, args.dry_run, args.force)
    stem = Path(name).stem if name != "<stdin>" else "pasted posting"
    outcome = import_posting(raw, request, kb, known, fallback_title=stem)
    report = outcome.report() if args.dry_run else None
    if outcome.failure is not None:
        err(f"roledex import: {name}: {outcome.failure}")
        return False, report
    assert outcome.found is not None and outcome.plan is not None
    if args.dry_run:
        if not args.json:
            out(outcome.plan.posting_text)
    else:
        if outcome.wrote_company:
            out(f"wrote {outcome.plan.company_path} (new company)")
        out(f"wrote {outcome.plan.posting_path}")
    for warning in outcome.found.warnings:
        err(f"{name}: warning: {warning}")
    return True, report


def run(args: argparse.Namespace) -> int:
    """Turn raw postings into posting files; every file is tried, failures are counted."""
    if args.json and not args.dry_run:
        err("roledex import: --json goes with --dry-run")
        return USAGE
    docs = Path(args.docs)
    if args.company is not None and not is_slug(args.company):
        err(f"roledex import: --company takes a slug such as {slugify(args.company) or 'acme'!r}, got {args.company!r}")
        return USAGE
    if args.url is not None and not is_url(args.url):
        err(f"roledex import: --url takes an address starting with https://, got {args.url!r}")
        return USAGE
    missing = [n for n in args.files if n != "-" and not Path(n).exists()]
    if missing:
        err(f"roledex import: no such file: {missing[0]}")
        return USAGE
    from roledex.importer.write import KnownPostings  # the importer's libraries load only when importing

    kb = checked_knowledge_base(docs).kb
    known = KnownPostings(kb)
    sources = _import_sources(args.files)
    results, reports = [], []
    for index, (name, raw, problem) in enumerate(sources, 1):
        if len(sources) > 1:
            err(f"[{index}/{len(sources)}] {name}")
        if raw is None:
            err(f"roledex import: {name}: {problem}")
            results.append(False)
            continue
        ok, report = _import_one(name, raw, args, kb, known)
        results.append(ok)
        if report is not None:
            reports.append(report)
    if args.json:
        out(json.dumps(reports[0] if len(sources) == 1 and reports else reports, indent=2, ensure_ascii=False))
    if len(sources) > 1:
        err(f"roledex import: {sum(results)} of {len(sources)} imported, {len(results) - sum(results)} failed")
    return OK if all(results) else FAILED
