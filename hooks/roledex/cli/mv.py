"""`roledex mv`: rename a company or a posting, and every file and reference that names it.

Everything the rename touches is worked out first (`kb.rename`); a name already taken, or a
file that cannot be edited safely, stops it with nothing changed. Then new files are written
(never over another), references edited under their locks, and the old files removed last:
stopped halfway, the knowledge base holds both names, never neither.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.naming import meant
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.cli.status import why_not
from roledex.importer.snapshots import snapshot_folder
from roledex.kb.files import edit_in_place, record_lock, write_text_atomic
from roledex.kb.load import LoadResult
from roledex.kb.problems import errors_in
from roledex.kb.rename import Renaming, add_linking_pages, held_back_lines, plan_company, plan_posting, taken
from roledex.kb.status_edit import CannotEdit
from roledex.kb.text import slugify


def register(commands: argparse._SubParsersAction) -> None:
    mv = commands.add_parser("mv", help="rename a company or a posting, and every file and reference that names it")
    mv.add_argument("old", metavar="OLD", help="the company or posting: its slug, the start of it, or words of it")
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


def _plan(loaded: LoadResult, docs: Path, config: Path, kind: str, old: str, new: str) -> Renaming:
    kb = loaded.kb
    renaming = plan_company(kb, old, new) if kind == "company" else plan_posting(kb, old, new)
    if kind == "posting" and snapshot_folder(docs, old).is_dir():
        renaming.folders.append((snapshot_folder(docs, old), snapshot_folder(docs, new)))
    add_linking_pages(renaming, sorted(docs.rglob("*.md")))
    if config.is_file() and held_back_lines(config.read_text(encoding="utf-8"), renaming) != config.read_text(
        encoding="utf-8"
    ):
        renaming.config = config
    return renaming


def _dry_run(renaming: Renaming) -> None:
    for source, (target, keys) in renaming.files.items():
        what = f"move {source} to {target}" if source != target else f"edit {source}"
        out(what + f" ({', '.join(keys) or 'links'})" if keys or source == target else what)
    for source, target in renaming.folders:
        out(f"move {source}/ to {target}/")
    if renaming.config is not None:
        out(f"edit {renaming.config} (draft_docs)")


def _rehearse(renaming: Renaming) -> str:
    """Every change made in memory first: the first file that cannot be edited safely, or ''."""
    for source in renaming.files:
        try:
            renaming.change(source, source.read_text(encoding="utf-8"))
        except (CannotEdit, OSError, UnicodeDecodeError) as error:
            return f"{source}: {why_not(error)}"
    return ""


def _apply(renaming: Renaming, done: list[str]) -> None:
    """Write the new files, edit the others, move the snapshots, then remove the old files;
    each step said in `done` as it is made."""
    for source, target in renaming.moves:
        with record_lock(source):
            write_text_atomic(target, renaming.change(source, source.read_text(encoding="utf-8")))
        done.append(f"wrote {target}")
    for source, (target, _) in renaming.files.items():
        if source == target:
            edit_in_place(source, lambda text, source=source: renaming.change(source, text))  # type: ignore[misc]
            done.append(f"updated {source}")
    for old_folder, new_folder in renaming.folders:
        new_folder.parent.mkdir(parents=True, exist_ok=True)
        os.rename(old_folder, new_folder)
        done.append(f"moved {old_folder}/ to {new_folder}/")
    if renaming.config is not None:
        edit_in_place(renaming.config, lambda text: held_back_lines(text, renaming))
        done.append(f"updated {renaming.config}")
    for source, _ in renaming.moves:
        with record_lock(source):
            source.unlink()


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
    renaming = _plan(loaded, docs, config, kind, old, new)
    in_the_way = taken(renaming)
    if in_the_way:
        err(f"roledex mv: {in_the_way[0]} already exists; move it away or choose another name; nothing was changed")
        return FAILED
    if args.dry_run:
        _dry_run(renaming)
        return OK
    cannot = _rehearse(renaming)
    if cannot:
        err(f"roledex mv: {cannot}; nothing was changed")
        return FAILED
    done: list[str] = []
    try:
        _apply(renaming, done)
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
