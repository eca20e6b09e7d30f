"""The `roledex` command line: argument parsing and exit statuses, nothing more.

Exit statuses: 0 success, 1 problems found or the command failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from roledex.check.published import (
    find_leaks,
    judge_privacy,
    private_folder_outputs,
    private_fragments,
    public_pages_text,
    published_pages,
    stray_private_fragments,
)
from roledex.check.run import checked_knowledge_base
from roledex.facts.applications import status_change
from roledex.facts.export import as_csv, export_rows
from roledex.facts.export import as_json as export_json
from roledex.facts.privacy import PrivacySettingError, full_view, include_private, public_view
from roledex.kb import scaffold
from roledex.kb.files import edit_in_place, write_text_atomic
from roledex.kb.json_schema import all_schemas, kind_schema
from roledex.kb.problems import Problem, as_json, errors_in
from roledex.kb.schema import APPLICATION, COMPANY, KINDS, POSTING, PREP, STATUSES
from roledex.kb.settings import SettingsError, read_settings
from roledex.kb.status_edit import CannotEdit, set_keys
from roledex.kb.text import did_you_mean, is_slug, is_url, slugify

OK, FAILED, USAGE = 0, 1, 2


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _docs_dir(value: str) -> Path | None:
    path = Path(value)
    if not path.is_dir():
        _err(f"roledex: {value}: no such folder; give the docs folder of a knowledge base")
        return None
    return path


def cmd_check(args: argparse.Namespace) -> int:
    """Print every problem; fail when any is an error."""
    docs = _docs_dir(args.docs)
    if docs is None:
        return USAGE
    problems = checked_knowledge_base(docs).problems + _settings_problems(Path(args.config))
    if args.format == "json":
        _out(as_json(problems))
    else:
        for problem in problems:
            _out(problem.format())
        errors = len(errors_in(problems))
        warnings = len(problems) - errors
        summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        _err(f"roledex check: {summary} in {docs}")
    return FAILED if errors_in(problems) else OK


def _settings_problems(config: Path) -> list[Problem]:
    try:
        read_settings(config)
    except SettingsError as error:
        return list(error.problems)
    return []


def cmd_schema(args: argparse.Namespace) -> int:
    """Print one kind's JSON Schema, or all of them keyed by kind."""
    if args.kind is None:
        _out(json.dumps(all_schemas(), indent=2))
        return OK
    if args.kind not in KINDS:
        hint = did_you_mean(args.kind, KINDS)
        _err(f"roledex schema: unknown kind {args.kind!r}{hint}; kinds: {', '.join(KINDS)}")
        return USAGE
    _out(json.dumps(kind_schema(KINDS[args.kind]), indent=2))
    return OK


def _write_new(path: Path, text: str, force: bool = False) -> bool:
    try:
        write_text_atomic(path, text, overwrite=force)
    except FileExistsError:
        _err(f"roledex new: {path} already exists; edit it, or remove it first")
        return False
    _out(f"wrote {path}")
    return True


def _existing_posting(docs: Path, posting: str) -> bool:
    if (docs / POSTING.folder / f"{posting}.md").is_file():
        return True
    known = sorted(p.stem for p in (docs / POSTING.folder).glob("*.md"))
    _err(f"roledex new: no posting {posting!r} in {docs / POSTING.folder}{did_you_mean(posting, known)}")
    return False


def cmd_new(args: argparse.Namespace) -> int:
    """Write a ready-to-edit file of one kind, never over an existing one."""
    docs = Path(args.docs)
    if args.kind == "company":
        slug = slugify(args.name)
        if not slug:
            _err(f"roledex new: cannot make a file name from {args.name!r}; use letters or digits")
            return FAILED
        return OK if _write_new(scaffold.target_path(docs, COMPANY, slug), scaffold.company_file(args.name)) else FAILED
    if args.kind == "posting":
        return _new_posting(docs, args.company, args.title)
    if not is_slug(args.posting):
        suggestion = slugify(Path(args.posting).name.removesuffix(".md"))
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        _err(
            f"roledex new {args.kind}: {args.posting!r} is not a posting's slug (its file name in "
            f"{docs / POSTING.folder} without '.md'){hint}"
        )
        return FAILED
    if not _existing_posting(docs, args.posting):
        return FAILED
    kind, text = (
        (PREP, scaffold.prep_file(args.posting))
        if args.kind == "prep"
        else (APPLICATION, scaffold.application_file(args.posting))
    )
    return OK if _write_new(scaffold.target_path(docs, kind, args.posting), text) else FAILED


def _new_posting(docs: Path, company: str, title: str) -> int:
    company_slug = company if is_slug(company) else slugify(company)
    slug = slugify(f"{company_slug} {title}")
    if not company_slug or not slugify(title):
        _err("roledex new: company and title need letters or digits")
        return FAILED
    path = scaffold.target_path(docs, POSTING, slug)
    if path.exists():
        _err(f"roledex new: {path} already exists; edit it, or remove it first")
        return FAILED
    company_path = scaffold.target_path(docs, COMPANY, company_slug)
    if not company_path.exists():
        name = company if company != company_slug else company.replace("-", " ").title()
        if not _write_new(company_path, scaffold.company_file(name)):
            return FAILED
    return OK if _write_new(path, scaffold.posting_file(company_slug, title)) else FAILED


def cmd_export(args: argparse.Namespace) -> int:
    """Print every posting with its annual salary in the base currency."""
    docs = _docs_dir(args.docs)
    if docs is None:
        return USAGE
    try:
        settings = read_settings(Path(args.config))
        include = include_private(None, os.environ)
    except PrivacySettingError as error:
        _err(f"roledex export: {error}")
        return USAGE
    except SettingsError as error:
        for problem in error.problems:
            _err(problem.format())
        _err(f"roledex export: {args.config} has {len(error.problems)} problem(s) in extra.roledex; fix them first")
        return USAGE
    result = checked_knowledge_base(docs)
    if errors_in(result.problems):
        _err(f"roledex export: {docs} has problems; run `roledex check {docs}` and fix them first")
        return FAILED
    view = full_view(result.kb) if include else public_view(result.kb)
    rows = export_rows(view.kb, settings)
    if args.format == "csv":
        sys.stdout.write(as_csv(rows))
    else:
        _out(export_json(rows, settings))
    return OK


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


def _import_one(name: str, raw: bytes, args: argparse.Namespace, kb: Any, known: Any) -> tuple[bool, dict | None]:
    """Import one raw posting and say what happened; return (success, dry-run JSON)."""
    from roledex.importer.run import Request, import_posting

    request = Request(Path(args.docs), args.company, args.url, args.dry_run, args.force)
    stem = Path(name).stem if name != "<stdin>" else "pasted posting"
    outcome = import_posting(raw, request, kb, known, fallback_title=stem)
    report = outcome.report() if args.dry_run else None
    if outcome.failure is not None:
        _err(f"roledex import: {name}: {outcome.failure}")
        return False, report
    assert outcome.found is not None and outcome.plan is not None
    if args.dry_run:
        if not args.json:
            _out(outcome.plan.posting_text)
    else:
        if outcome.wrote_company:
            _out(f"wrote {outcome.plan.company_path} (new company)")
        _out(f"wrote {outcome.plan.posting_path}")
    for warning in outcome.found.warnings:
        _err(f"{name}: warning: {warning}")
    return True, report


def cmd_import(args: argparse.Namespace) -> int:
    """Turn raw postings into posting files; every file is tried, failures are counted."""
    if args.json and not args.dry_run:
        _err("roledex import: --json goes with --dry-run")
        return USAGE
    docs = Path(args.docs)
    if args.company is not None and not is_slug(args.company):
        _err(
            f"roledex import: --company takes a slug such as {slugify(args.company) or 'acme'!r}, got {args.company!r}"
        )
        return USAGE
    if args.url is not None and not is_url(args.url):
        _err(f"roledex import: --url takes an address starting with https://, got {args.url!r}")
        return USAGE
    missing = [n for n in args.files if n != "-" and not Path(n).exists()]
    if missing:
        _err(f"roledex import: no such file: {missing[0]}")
        return USAGE
    from roledex.importer.write import KnownPostings  # the importer's libraries load only when importing

    kb = checked_knowledge_base(docs).kb
    known = KnownPostings(kb)
    sources = _import_sources(args.files)
    results, reports = [], []
    for index, (name, raw, problem) in enumerate(sources, 1):
        if len(sources) > 1:
            _err(f"[{index}/{len(sources)}] {name}")
        if raw is None:
            _err(f"roledex import: {name}: {problem}")
            results.append(False)
            continue
        ok, report = _import_one(name, raw, args, kb, known)
        results.append(ok)
        if report is not None:
            reports.append(report)
    if args.json:
        _out(json.dumps(reports[0] if len(sources) == 1 and reports else reports, indent=2, ensure_ascii=False))
    if len(sources) > 1:
        _err(f"roledex import: {sum(results)} of {len(sources)} imported, {len(results) - sum(results)} failed")
    return OK if all(results) else FAILED


def _date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} takes a date as YYYY-MM-DD, got {value!r}") from None


def _why(error: Exception) -> str:
    """An error as one phrase for the user: roledex's own words, or what the system said."""
    if isinstance(error, UnicodeDecodeError):
        return "is not UTF-8 text"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def cmd_status(args: argparse.Namespace) -> int:
    """Set an application's status (and dates, next step) in place, keeping the file as written."""
    docs = Path(args.docs)
    if args.status not in STATUSES:
        _err(
            f"roledex status: {args.status!r} is not a status{did_you_mean(args.status, STATUSES)}; "
            f"statuses: {', '.join(STATUSES)}"
        )
        return FAILED
    try:
        day = _date_option(args.date, "--date") or dt.date.today()
        next_day = _date_option(args.next_date, "--next-date")
    except ValueError as error:
        _err(f"roledex status: {error}")
        return USAGE
    kb = checked_knowledge_base(docs).kb
    if args.posting not in kb.postings:
        _err(
            f"roledex status: no posting {args.posting!r} in {docs / POSTING.folder}"
            f"{did_you_mean(args.posting, kb.postings)}"
        )
        return FAILED
    application = kb.applications.get(args.posting)
    values = status_change(application, args.status, day, args.next, next_day)
    target = scaffold.target_path(docs, APPLICATION, args.posting)
    if application is None and (target.exists() or target.is_symlink()):
        _err(
            f"roledex status: {target} exists but is not a readable application of {args.posting!r}; "
            "nothing was changed. Run `roledex check` and fix what it reports first"
        )
        return FAILED
    path = Path(application.doc.path) if application else target
    try:
        if application is None:
            write_text_atomic(path, set_keys(scaffold.application_file(args.posting), values, APPLICATION))
        else:
            edit_in_place(path, lambda text: set_keys(text, values, APPLICATION))
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        _err(f"roledex status: {path}: {_why(error)}; nothing was changed")
        return FAILED
    changed = ", ".join(f"{k}: {v}" for k, v in values.items())
    _out(f"{'updated' if application else 'wrote'} {path}: {changed}")
    return OK


def cmd_publish_check(args: argparse.Namespace) -> int:
    """List what a built site holds; fail if any private text is in any of its files."""
    site, docs = Path(args.site), _docs_dir(args.docs)
    if docs is None:
        return USAGE
    if not site.is_dir():
        _err(f"roledex publish-check: {site}: no such folder; build the site first (mkdocs build)")
        return USAGE
    result = checked_knowledge_base(docs)
    view = judge_privacy(result.kb)
    pages = published_pages(site)
    sections: dict[str, int] = {}
    for page in pages:
        section = page.strip("/").split("/")[0] or "(home)"
        sections[section] = sections.get(section, 0) + 1
    _out(f"{site}: {len(pages)} pages, {sum(1 for p in site.rglob('*') if p.is_file())} files")
    for section, count in sorted(sections.items()):
        _out(f"  {section}: {count}")
    if args.list:
        for page in pages:
            _out(f"  {page}")
    hidden = sorted(view.hidden_paths)
    listed = ", ".join(hidden[:5]) + (", ..." if len(hidden) > 5 else "")
    _out(f"left out as private: {len(hidden)} pages" + (f" ({listed})" if hidden else ""))
    fragments = private_fragments(result.kb, view, public_pages_text(docs, view))
    leaks = find_leaks(site, {**stray_private_fragments(docs, view), **fragments}) + private_folder_outputs(site, view)
    for leak in leaks:
        _out(f"LEAK {site / leak.output}: text of {leak.source}: {leak.fragment[:80]!r}")
    if leaks:
        files = len({leak.output for leak in leaks})
        _err(f"roledex publish-check: private text found in {files} file(s); do not publish")
        return FAILED
    _out("no private text found in any file")
    return OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roledex", description="A job-search knowledge base: check, create and publish its files."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check every file of the knowledge base")
    check.add_argument("docs", nargs="?", default="docs", metavar="DOCS", help="the docs folder (default: docs)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument("--config", default="mkdocs.yml", help="where extra.roledex is read (default: mkdocs.yml)")
    check.set_defaults(handler=cmd_check)

    schema = commands.add_parser("schema", help="print the JSON Schema of a kind, or of all kinds")
    schema.add_argument("kind", nargs="?", metavar="KIND", help="company, posting, prep or application")
    schema.set_defaults(handler=cmd_schema)

    new = commands.add_parser("new", help="write a ready-to-edit file")
    new.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    kinds.add_parser("company", help="a company profile").add_argument("name", metavar="NAME")
    posting = kinds.add_parser("posting", help="a job posting")
    posting.add_argument("company", metavar="COMPANY", help="the company's slug or name")
    posting.add_argument("title", metavar="TITLE")
    kinds.add_parser("prep", help="prep notes for a posting").add_argument("posting", metavar="POSTING")
    kinds.add_parser("application", help="an application for a posting").add_argument("posting", metavar="POSTING")
    new.set_defaults(handler=cmd_new)
    imports = commands.add_parser("import", help="turn raw postings (text, Markdown or HTML) into posting files")
    imports.add_argument("files", nargs="+", metavar="FILE", help="files, folders, or - for standard input")
    imports.add_argument("--company", metavar="SLUG", help="the company's slug, when the text does not name it")
    imports.add_argument("--url", metavar="URL", help="the posting's address, when the text does not hold it")
    imports.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    imports.add_argument("--force", action="store_true", help="overwrite, and import duplicates")
    imports.add_argument("--dry-run", action="store_true", help="write nothing; show what would be written")
    imports.add_argument("--json", action="store_true", help="with --dry-run: print the extracted fields as JSON")
    imports.set_defaults(handler=cmd_import)

    status = commands.add_parser("status", help="set an application's status, keeping the file as written")
    status.add_argument("posting", metavar="POSTING", help="the posting's slug")
    status.add_argument("status", metavar="STATUS", help=", ".join(STATUSES))
    status.add_argument("--date", help="the day of the change (default: today)")
    status.add_argument("--next", metavar="TEXT", help="the next step")
    status.add_argument("--next-date", metavar="DATE", help="when the next step is due")
    status.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    status.set_defaults(handler=cmd_status)

    publish = commands.add_parser("publish-check", help="list a built site and fail if it holds private text")
    publish.add_argument("site", nargs="?", default="site", metavar="SITE_DIR", help="the built site (default: site)")
    publish.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    publish.add_argument("--list", action="store_true", help="list every page's address")
    publish.set_defaults(handler=cmd_publish_check)

    export = commands.add_parser("export", help="every posting with its salary as a year's pay in the base currency")
    export.add_argument("docs", nargs="?", default="docs", metavar="DOCS", help="the docs folder (default: docs)")
    export.add_argument("--format", choices=("csv", "json"), default="csv", help="output format (default: csv)")
    export.add_argument("--config", default="mkdocs.yml", help="where extra.roledex is read (default: mkdocs.yml)")
    export.set_defaults(handler=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never let a traceback reach the user for bad input."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
