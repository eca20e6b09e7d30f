"""What renaming a company or a posting touches: its file, the files named after it (a posting's
prep notes and application), every key that names it (a posting's `company`, a contact's
`company`, a question's tags, a story's `used`, the `posting` of prep notes and applications),
links to its pages in any page's text, its snapshots, and the lines of `mkdocs.yml` that hold it
back. Worked out in full before anything is written, so a name already taken is refused with
nothing changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from roledex.kb.files import edit_in_place, record_lock, write_text_atomic
from roledex.kb.model import KnowledgeBase
from roledex.kb.schema import APPLICATION, COMPANY, POSTING, PREP
from roledex.kb.status_edit import CannotEdit, closing_fence, rename_slug

FOLDERS_NAMED_AFTER = {"company": (COMPANY.folder,), "posting": (POSTING.folder, PREP.folder, APPLICATION.folder)}
"""The folders whose pages are addressed by the slug: links to them change with it."""


@dataclass
class Renaming:
    """Every change one rename makes; `files` maps each file to change (at its old path) to the
    path it ends at (the same, for a file only edited) and the keys to rename in it."""

    kind: str
    old: str
    new: str
    files: dict[Path, tuple[Path, tuple[str, ...]]] = field(default_factory=dict)
    folders: list[tuple[Path, Path]] = field(default_factory=list)
    config: Path | None = None

    def add(self, path: str | Path, keys: Iterable[str] = (), to: Path | None = None) -> None:
        source = Path(path)
        target, known = self.files.get(source, (source, ()))
        self.files[source] = (to or target, tuple(dict.fromkeys([*known, *keys])))

    @property
    def moves(self) -> list[tuple[Path, Path]]:
        return [(source, target) for source, (target, _) in self.files.items() if source != target]

    def change(self, source: Path, text: str) -> str:
        """The new text of one file: its keys renamed, its links to the old pages relinked."""
        keys = self.files[source][1]
        if keys:
            text = rename_slug(text, list(keys), self.old, self.new)
        return relink(text, FOLDERS_NAMED_AFTER[self.kind], self.old, self.new)


def _links(folders: tuple[str, ...], slug: str) -> re.Pattern[str]:
    """`postings/<slug>.md`, `postings/<slug>/` and `postings/<slug>#...` in any relative link."""
    names = "|".join(re.escape(folder) for folder in folders)
    return re.compile(rf"(?<![\w-])((?:{names})/){re.escape(slug)}(?=\.md\b|/|#|\)|$)", re.MULTILINE)


def relink(text: str, folders: tuple[str, ...], old: str, new: str) -> str:
    """`text` with its body's links to the old pages pointing at the new ones."""
    lines = text.splitlines(keepends=True)
    try:
        start = closing_fence(lines) + 1
    except ValueError:
        start = 0
    head, body = "".join(lines[:start]), "".join(lines[start:])
    return head + _links(folders, old).sub(lambda m: m.group(1) + new, body)


def links_to(text: str, kind: str, slug: str) -> bool:
    return _links(FOLDERS_NAMED_AFTER[kind], slug).search(text) is not None


def _named_after(renaming: Renaming, path: str, folder: str, key: str) -> None:
    """A record of a posting (prep notes, an application): moved with it when its file bears
    the posting's slug, its `posting` key renamed wherever it is."""
    source = Path(path)
    moved = source.stem == renaming.old and source.parent.name == folder
    renaming.add(source, [key], to=source.with_name(f"{renaming.new}{source.suffix}") if moved else None)


def plan_posting(kb: KnowledgeBase, old: str, new: str) -> Renaming:
    renaming = Renaming("posting", old, new)
    posting = kb.postings[old]
    source = Path(posting.doc.path)
    renaming.add(source, to=source.with_name(f"{new}{source.suffix}"))
    if old in kb.preps:
        _named_after(renaming, kb.preps[old].doc.path, PREP.folder, "posting")
    if old in kb.applications:
        _named_after(renaming, kb.applications[old].doc.path, APPLICATION.folder, "posting")
    for story in kb.stories.values():
        if old in story.used:
            renaming.add(story.doc.path, ["used"])
    return renaming


def plan_company(kb: KnowledgeBase, old: str, new: str) -> Renaming:
    renaming = Renaming("company", old, new)
    source = Path(kb.companies[old].doc.path)
    renaming.add(source, to=source.with_name(f"{new}{source.suffix}"))
    for posting in kb.postings_of(old):
        renaming.add(posting.doc.path, ["company"])
    for contact in kb.contacts_at(old):
        renaming.add(contact.doc.path, ["company"])
    for question in kb.questions.values():
        if old in question.tags:
            renaming.add(question.doc.path, ["tags"])
    return renaming


def add_linking_pages(renaming: Renaming, pages: Iterable[Path]) -> None:
    """Every page whose text links to the renamed pages changes with them."""
    for page in pages:
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if links_to(text, renaming.kind, renaming.old):
            renaming.add(page)


def held_back_lines(config_text: str, renaming: Renaming) -> str:
    """`mkdocs.yml` with each `/<folder>/<old>.md` it lists (under draft_docs) renamed."""
    return _links(FOLDERS_NAMED_AFTER[renaming.kind], renaming.old).sub(
        lambda m: m.group(1) + renaming.new, config_text
    )


def taken(renaming: Renaming) -> list[Path]:
    """The places the rename would write that already hold something."""
    places = [target for _, target in renaming.moves] + [target for _, target in renaming.folders]
    return [place for place in places if place.exists() or place.is_symlink()]


def plan(
    kb: KnowledgeBase,
    docs: Path,
    config: Path,
    kind: str,
    old: str,
    new: str,
    folders: Iterable[tuple[Path, Path]] = (),
) -> Renaming:
    """The whole rename: the records, the pages that link to them, `folders` to move with them
    (a posting's snapshots), and `config` when it holds them back."""
    renaming = plan_company(kb, old, new) if kind == "company" else plan_posting(kb, old, new)
    renaming.folders += [(source, target) for source, target in folders if source.is_dir()]
    add_linking_pages(renaming, sorted(docs.rglob("*.md")))
    if config.is_file():
        text = config.read_text(encoding="utf-8")
        if held_back_lines(text, renaming) != text:
            renaming.config = config
    return renaming


def rehearse(renaming: Renaming) -> str:
    """Every change made in memory first: why the first file cannot be edited safely, or ''."""
    for source in renaming.files:
        try:
            renaming.change(source, source.read_text(encoding="utf-8"))
        except CannotEdit as error:
            return f"{source}: {error}"
        except UnicodeDecodeError:
            return f"{source}: is not UTF-8 text"
        except OSError as error:
            return f"{source}: {error.strerror or error}"
    return ""


def apply(renaming: Renaming, done: list[str]) -> None:
    """Write the new files (never over another), edit the others under their locks, move the
    folders, then remove the old files; each step said in `done` as it is made. Raises
    CannotEdit or OSError where it stops: the old files are still there."""
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
