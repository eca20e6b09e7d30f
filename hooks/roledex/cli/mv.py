"""`roledex mv`: rename a company or a posting, and every file and reference that names it.

Everything the rename touches is worked out and rehearsed first (`kb.rename`); a name already
taken, or a file that cannot be edited safely, stops it with nothing changed. Then new files
are written, references edited, the old files removed last: stopped halfway, the knowledge
base holds both names, never neither.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.completion import complete_with, slugs_of
from roledex.cli.naming import meant
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.cli.status import why_not
from roledex.importer.snapshots import snapshot_folder
from roledex.kb.load import LoadResult
from roledex.kb.problems import errors_in
from roledex.kb.rename import Renaming, apply, plan, rehearse, taken
from roledex.kb.schema import COMPANY, POSTING
from roledex.kb.status_edit import CannotEdit
from roledex.kb.text import slugify


def arguments(mv: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    complete_with(
        mv.add_argument("old", metavar="OLD", help="the company or posting: its slug, the start of it, or words of it"),
        slugs_of(COMPANY.folder, POSTING.folder),
    )
    mv.add_argument("new", metavar="NEW", help="its new slug (words are made into one: 'Monzo Bank' is monzo-bank)")
    mv.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    mv.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    mv.add_argument("--config", default=None, help="mkdocs.yml (default: the project's)")
    mv.set_defaults(handler=run)


def _which(loaded: LoadResult, given: str) -> tuple[str, str] | str:
    """(kind, slug) of the record `given` names, or why there is none."""
    kb = loaded.kb
    records = {**{s: c.name for s, c in kb.companies.items()}, **{s: p.title for s, p in kb.postings.items()}}
    if given in kb.companies:
        return "company", given
    if given in kb.postings:
        return "posting", given
    found = meant(given, records)
    if found.slug is None:
        return f"no company or posting {given!r}{found.said}"
    return ("company" if found.slug in kb.companies else "posting"), found.slug


def _dry_run(renaming: Renaming) -> None:
    for source, (target, keys) in renaming.files.items():
        if source != target:
            out(f"move {source} to {target}" + (f" ({', '.join(keys)})" if keys else ""))
        else:
            out(f"edit {source} ({', '.join(keys) or 'links'})")
    for source, target in renaming.folders:
        out(f"move {source}/ to {target}/")
    if renaming.config is not None:
        out(f"edit {renaming.config} (draft_docs)")


def run(args: argparse.Namespace) -> int:
    new = slugify(args.new)
    if not new:
        err(f"roledex mv: {args.new!r} makes no slug; give letters or digits")
        return USAGE
    docs, config = Path(args.docs), Path(args.config)
    loaded = checked_knowledge_base(docs)
    if errors_in(loaded.problems):
        err(f"roledex mv: {docs} has errors; `roledex check` lists them; fix them first, so no reference is missed")
        return FAILED
    found = _which(loaded, args.old)
    if isinstance(found, str):
        err(f"roledex mv: {found}")
        return FAILED
    kind, old = found
    if old == new:
        err(f"roledex mv: the {kind} is already {new!r}; nothing to do")
        return OK
    if new in (loaded.kb.companies if kind == "company" else loaded.kb.postings):
        err(f"roledex mv: there is already a {kind} {new!r}; choose another name")
        return FAILED
    folders = [(snapshot_folder(docs, old), snapshot_folder(docs, new))] if kind == "posting" else []
    renaming = plan(loaded.kb, docs, config, kind, old, new, folders)
    in_the_way = taken(renaming)
    if in_the_way:
        err(f"roledex mv: {in_the_way[0]} already exists; move it away or choose another name; nothing was changed")
        return FAILED
    if args.dry_run:
        _dry_run(renaming)
        return OK
    cannot = rehearse(renaming)
    if cannot:
        err(f"roledex mv: {cannot}; nothing was changed")
        return FAILED
    done: list[str] = []
    try:
        apply(renaming, done)
    except (CannotEdit, OSError, UnicodeDecodeError) as error:
        err(f"roledex mv: stopped: {why_not(error)}; done so far: {'; '.join(done) or 'nothing'}; run `roledex check`")
        return FAILED
    for line in done:
        out(line)
    out(f"renamed {kind} {old} to {new}" + _postings_note(loaded, kind, old))
    return OK


def _postings_note(loaded: LoadResult, kind: str, old: str) -> str:
    named = [p.slug for p in loaded.kb.postings_of(old) if p.slug.startswith(f"{old}-")] if kind == "company" else []
    if not named:
        return ""
    return f"; its postings keep their slugs ({named[0]}...): `roledex mv POSTING NEW` renames one"
