"""A re-import that corrects what the first one read wrongly: `--title` and `--company` given
for a posting already on record set those keys on its file, and a file the importer named
after the wrong words (`monzo-monzo.md`) is renamed after the right ones, with every reference
to it (`kb.rename`), unless that name is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from roledex.importer.snapshots import snapshot_folder
from roledex.importer.write import company_slug_for, posting_slug
from roledex.kb.files import edit_in_place, write_text_atomic
from roledex.kb.load import read_knowledge_base
from roledex.kb.model import Posting
from roledex.kb.rename import apply, plan, rehearse, taken
from roledex.kb.scaffold import company_file
from roledex.kb.schema import COMPANY, POSTING
from roledex.kb.status_edit import CannotEdit, set_keys


@dataclass(frozen=True)
class Correction:
    """What the user said the posting is: its title, its company's slug or name."""

    title: str | None
    company: str | None

    def wanted(self) -> bool:
        return bool(self.title or self.company)


def _on_record(docs: Path, path: str) -> Posting | None:
    wanted = Path(path).resolve()
    kb = read_knowledge_base(docs).kb
    return next((p for p in kb.postings.values() if Path(p.doc.path).resolve() == wanted), None)


def correct(docs: Path, config: Path, path: str, correction: Correction) -> tuple[list[str], str]:
    """(what was done, one line each; why it stopped, or '')."""
    posting = _on_record(docs, path)
    if posting is None:
        return [], f"{path} is not a posting roledex can read; fix it first (`roledex check` lists why)"
    kb = read_knowledge_base(docs).kb
    done: list[str] = []
    values: dict[str, object] = {}
    if correction.title and correction.title != posting.title:
        values["title"] = correction.title
    company = posting.company
    if correction.company:
        company, exists = company_slug_for(correction.company, kb)
        if not exists:
            target = docs / COMPANY.folder / f"{company}.md"
            write_text_atomic(target, company_file(correction.company))
            done.append(f"wrote {target} (new company)")
        if company != posting.company:
            values["company"] = company
    if values:
        try:
            edit_in_place(Path(path), lambda text: set_keys(text, values, POSTING))
        except CannotEdit as problem:
            return done, f"{path} cannot be corrected: {problem}"
        done.append(f"corrected {path}: " + ", ".join(f"{key} {value!r}" for key, value in values.items()))
    return done + _renamed(docs, config, posting, company, correction.title or posting.title), ""


def _renamed(docs: Path, config: Path, posting: Posting, company: str, title: str) -> list[str]:
    """The file renamed after the corrected words, when the importer named it after the old
    ones and the new name is free; else a line saying why it keeps its name."""
    old, new = posting.slug, posting_slug(company, title)
    if old == new:
        return []
    if old != posting_slug(posting.company, posting.title):
        return [f"{posting.doc.path} keeps its name, which you chose; `roledex mv {old} {new}` renames it"]
    kb = read_knowledge_base(docs).kb
    renaming = plan(kb, docs, config, "posting", old, new, [(snapshot_folder(docs, old), snapshot_folder(docs, new))])
    in_the_way = taken(renaming) or ([docs / POSTING.folder] if new in kb.postings else [])
    cannot = rehearse(renaming)
    if in_the_way or cannot:
        return [f"{posting.doc.path} keeps its name: {cannot or f'{in_the_way[0]} is taken'}"]
    done: list[str] = []
    try:
        apply(renaming, done)
    except (CannotEdit, OSError) as error:
        return [*done, f"renaming stopped: {error}; run `roledex check`"]
    return [*done, f"renamed posting {old} to {new}"]
