"""Which records a build may show: private pages, and everything derived from them.

The published site is made from `public_view(kb)`, so a generated page cannot show what
the view does not hold: privacy holds by construction, not by each renderer's care.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from roledex.kb.kept import SNAPSHOTS
from roledex.kb.model import KnowledgeBase
from roledex.kb.problems import Problem
from roledex.kb.schema import KINDS
from roledex.kb.source import privacy_mark

PRIVATE_FOLDERS = frozenset(kind.folder for kind in KINDS.values() if kind.private_by_default)
"""Folders whose files are private unless a record there says otherwise."""

ENV_VARIABLE = "ROLEDEX_PRIVATE"
CHOICES = ("include", "exclude")


class PrivacySettingError(ValueError):
    """ROLEDEX_PRIVATE holds something other than include or exclude."""


def include_private(command: str | None, environ: Mapping[str, str]) -> bool:
    """True under `mkdocs serve`; ROLEDEX_PRIVATE=include|exclude overrides for any command."""
    override = environ.get(ENV_VARIABLE, "").strip().lower()
    if override:
        if override not in CHOICES:
            raise PrivacySettingError(f"{ENV_VARIABLE}={override!r}: expected include or exclude")
        return override == "include"
    return command == "serve"


@dataclass
class View:
    """The records a build shows, and the source paths of those it leaves out."""

    kb: KnowledgeBase
    hidden_paths: set[str]
    """Source paths below the docs folder (`applications/x.md`) of the records left out."""
    shown_paths: set[str]
    """Source paths of the records shown."""
    includes_private: bool


def public_view(kb: KnowledgeBase) -> View:
    """The knowledge base less private records and the records that depend on them.

    A posting of a private company is hidden with it; prep notes and applications of a
    hidden posting are hidden too, and so is a contact at a hidden company.
    """
    view = KnowledgeBase()
    view.companies = {s: c for s, c in kb.companies.items() if not c.private}
    view.postings = {s: p for s, p in kb.postings.items() if not p.private and p.company in view.companies}
    view.preps = {s: p for s, p in kb.preps.items() if not p.private and p.posting in view.postings}
    view.applications = {s: a for s, a in kb.applications.items() if not a.private and a.posting in view.postings}
    view.contacts = {
        s: c for s, c in kb.contacts.items() if not c.private and (not c.company or c.company in view.companies)
    }
    view.stories = {s: story for s, story in kb.stories.items() if not story.private}
    view.questions = {s: question for s, question in kb.questions.items() if not question.private}
    shown = {r.doc.src_uri for group in view.groups().values() for r in group.values()}
    return View(view, _all_paths(kb) - shown, shown, includes_private=False)


def _all_paths(kb: KnowledgeBase) -> set[str]:
    return {r.doc.src_uri for group in kb.groups().values() for r in group.values()}


def full_view(kb: KnowledgeBase) -> View:
    return View(kb, set(), _all_paths(kb), includes_private=True)


CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar", ".ifb", ".vcs")
"""Calendar files: `roledex calendar` writes the user's interviews into one, so wherever one
lies in the docs folder it is private material."""


def is_calendar_file(uri: str) -> bool:
    return uri.lower().endswith(CALENDAR_SUFFIXES)


IGNORE_HEADING = "# roledex: what you write about yourself stays out of Git (README: Publish to GitHub Pages)"


def ignore_lines(docs_folder: str) -> list[str]:
    """The `.gitignore` lines, beside the docs folder named `docs_folder`, that keep every private
    folder and every calendar file out of Git: the layout a public repository is safe in."""
    folders = [f"/{docs_folder}/{folder}/" for folder in sorted(PRIVATE_FOLDERS)]
    kept = [f"/{SNAPSHOTS}/{folder}/" for folder in sorted(PRIVATE_FOLDERS)]
    return [IGNORE_HEADING, *folders, *kept, *(f"*{suffix}" for suffix in CALENDAR_SUFFIXES)]


def kept_privately(path: str) -> bool:
    """True for a kept version of a private record (`snapshots/offers/...`), beside the docs folder."""
    parts = path.split("/")
    return len(parts) > 2 and parts[0] == SNAPSHOTS and parts[1].lower() in PRIVATE_FOLDERS


def in_private_folder(uri: str) -> bool:
    """True for every file below a private folder, whatever its name, extension or case."""
    folder, _, rest = uri.partition("/")
    return bool(rest) and folder.lower() in PRIVATE_FOLDERS


def privately_marked(pages: dict[str, str]) -> tuple[set[str], list[Problem]]:
    """The source paths of hand-written pages (outside the four folders) a build must leave
    out, and the problems of those whose privacy cannot be read safely."""
    hidden: set[str] = set()
    problems: list[Problem] = []
    for uri, text in sorted(pages.items()):
        hide, found = privacy_mark(uri, text)
        if hide:
            hidden.add(uri)
        problems += found
    return hidden, problems


def hand_written(uris: Iterable[str], record_paths: set[str]) -> set[str]:
    """The pages that are no record and live outside the private folders: such a page is
    private only when its own front matter says so."""
    return {uri for uri in uris if uri not in record_paths and not in_private_folder(uri)}


def left_out(
    uris: set[str], page_uris: set[str], view: View, read: Callable[[str], str]
) -> tuple[set[str], list[Problem]]:
    """Every file a published build leaves out: hidden records, any other file in a private
    folder, any calendar file, and hand-written pages marked private (with the problems that make them so).
    `read` gives the text of one of the Markdown pages `page_uris`."""
    pages = {uri: read(uri) for uri in sorted(hand_written(page_uris, view.shown_paths | view.hidden_paths))}
    marked, problems = privately_marked(pages)
    in_folders = {uri for uri in uris if in_private_folder(uri) and uri not in view.shown_paths}
    in_folders |= {uri for uri in uris if is_calendar_file(uri)}
    return view.hidden_paths | in_folders | marked, problems


def build_view(
    kb: KnowledgeBase, include_private: bool, uris: set[str], page_uris: set[str], read: Callable[[str], str]
) -> tuple[View, set[str], list[Problem]]:
    """What a build shows: the view, every file it leaves out (none in the private view) and
    the problems of pages whose privacy cannot be read safely. The MkDocs plugin and the pages
    written for other engines both start here."""
    if include_private:
        return full_view(kb), set(), []
    view = public_view(kb)
    hidden, problems = left_out(uris, page_uris, view, read)
    return view, hidden, problems


def private_page_outside_nav(kb: KnowledgeBase, include_private: bool) -> Callable[[str], bool]:
    """Which of the files still in a build that `draft_docs` holds back (so a build without
    roledex leaves them out) roledex shows, outside the navigation: a file of a private folder
    (a published build has left out every private one already, so what remains says
    `private: false`), and in the private view every record the public view hides."""
    hidden = public_view(kb).hidden_paths if include_private else set()
    return lambda uri: in_private_folder(uri) or uri in hidden
