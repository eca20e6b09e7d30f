"""`roledex import`: raw postings (text, Markdown or HTML) into posting files."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.importer.limits import TooMuch, read_limited, read_regular_file
from roledex.importer.notes import Note
from roledex.kb.schema import WORK_MODES
from roledex.kb.text import is_slug, is_url, slugify

if TYPE_CHECKING:
    from roledex.importer.run import Outcome


def arguments(imports: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    imports.add_argument("files", nargs="+", metavar="FILE", help="files, folders, or - for standard input")
    imports.add_argument(
        "--company",
        metavar="SLUG",
        help="the company's slug, when the text does not name it; for a posting on record, corrects it",
    )
    imports.add_argument("--url", metavar="URL", help="the posting's address, when the text does not hold it")
    imports.add_argument(
        "--title",
        metavar="TEXT",
        help="the posting's title, in place of what is read; for one on record, corrects it (and its file name)",
    )
    imports.add_argument("--location", metavar="PLACE", help="where the job is, in place of what is read")
    imports.add_argument("--work-mode", choices=WORK_MODES, help="remote, hybrid or onsite, in place of what is read")
    imports.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    imports.add_argument("--config", default=None, help=argparse.SUPPRESS)  # mkdocs.yml, for a rename
    imports.add_argument("--force", action="store_true", help="overwrite, and import duplicates")
    imports.add_argument(
        "--update",
        action="store_true",
        help="bring postings already on record up to date with their addresses, keeping your own edits",
    )
    imports.add_argument("--dry-run", action="store_true", help="write nothing; show what would be written")
    imports.add_argument("--json", action="store_true", help="with --dry-run: print the extracted fields as JSON")
    imports.set_defaults(handler=run)


@dataclass(frozen=True)
class _Source:
    """One thing to import: a file's bytes, a web address, or why it cannot be read."""

    name: str
    raw: bytes | None = None
    problem: str = ""
    address: bool = False


def _import_sources(names: list[str]) -> list[_Source]:
    """Each file, folder, web address or '-' (standard input) to import, in the order given."""
    sources: list[_Source] = []
    for name in names:
        if name == "-":
            sources.append(_Source("<stdin>", read_limited(sys.stdin.buffer)))
            continue
        if is_url(name):
            sources.append(_Source(name.strip(), address=True))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            files = [path]
        for file in files:
            try:
                sources.append(_Source(str(file), read_regular_file(file)))
            except TooMuch as refused:
                sources.append(_Source(str(file), problem=str(refused)))
            except OSError as error:
                sources.append(_Source(str(file), problem=f"cannot be read: {error.strerror or error}"))
    return sources


def _said(name: str, outcome: Outcome, args: argparse.Namespace) -> tuple[bool, dict[str, Any] | None]:
    """Say what importing one posting did; return (success, dry-run JSON)."""
    report = outcome.report() if args.dry_run else None
    if outcome.failure is not None:
        err(f"roledex import: {name}: {outcome.failure}")
        for line in outcome.news:
            err(f"  {line}")
        return False, report
    if outcome.record is not None and args.json:  # the local site's preview reads it
        return True, {**(report or {}), "on_record": outcome.record, "news": list(outcome.news)}
    if outcome.record is not None:
        out(f"{name}: on record as {outcome.record}")
        for line in [*outcome.news, *outcome.written]:
            out(f"  {line}")
        return True, report
    assert outcome.found is not None and outcome.plan is not None
    if args.dry_run:
        if not args.json:
            out(outcome.plan.posting_text)
    else:
        if outcome.wrote_company:
            out(f"wrote {outcome.plan.company_path} (new company)")
        out(f"wrote {outcome.plan.posting_path}")
        for line in outcome.written:
            out(line)
    for line in [*outcome.found.warnings, *outcome.plan.warnings]:
        err(f"{name}: {'note' if isinstance(line, Note) else 'warning'}: {line}")
    return True, report


def _corrected(outcome: Outcome, args: argparse.Namespace) -> Outcome:
    """A posting on record with --title or --company: those set on it, its file renamed after
    them when the importer named it; what else changed at its address is still listed."""
    from roledex.importer.correct import Correction, correct

    assert outcome.record is not None
    done, stopped = correct(Path(args.docs), Path(args.config), outcome.record, Correction(args.title, args.company))
    if stopped:
        return replace(outcome, failure=stopped, written=(*outcome.written, *done))
    news = tuple(line for line in outcome.news if line != "up to date with its address")
    return replace(outcome, failure=None, news=news, written=(*outcome.written, *done))


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
    missing = [n for n in args.files if n != "-" and not is_url(n) and not Path(n).exists()]
    if missing:
        hint = "; a web address starts with https://" if "." in missing[0] and "/" in missing[0] else ""
        err(f"roledex import: no such file: {missing[0]}{hint}")
        return USAGE
    # the importer's libraries load only when importing
    from roledex.importer.fetch import client
    from roledex.importer.outcome import Outcome, Request
    from roledex.importer.run import import_address, import_posting
    from roledex.importer.write import KnownPostings

    kb = checked_knowledge_base(docs).kb
    known = KnownPostings(kb)
    sources = _import_sources(args.files)
    request = Request(
        docs,
        args.company,
        args.url,
        args.dry_run,
        args.force,
        args.title,
        args.location,
        update=args.update,
        work_mode=args.work_mode,
    )
    results, reports = [], []
    with client() as http:
        for index, source in enumerate(sources, 1):
            if len(sources) > 1:
                err(f"[{index}/{len(sources)}] {source.name}")
            if source.address:
                outcome = import_address(source.name, request, kb, known, http)
            elif source.raw is None:
                outcome = Outcome(failure=source.problem)
            else:
                stem = Path(source.name).stem if source.name != "<stdin>" else "pasted posting"
                outcome = import_posting(source.raw, request, kb, known, fallback_title=stem)
            if outcome.record is not None and not args.dry_run and (args.title or args.company):
                outcome = _corrected(outcome, args)
            ok, report = _said(source.name, outcome, args)
            results.append(ok)
            if report is not None:
                reports.append(report)
    if args.json:
        out(json.dumps(reports[0] if len(sources) == 1 and reports else reports, indent=2, ensure_ascii=False))
    if len(sources) > 1:
        err(f"roledex import: {sum(results)} of {len(sources)} imported, {len(results) - sum(results)} failed")
    return OK if all(results) else FAILED
