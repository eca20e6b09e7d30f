"""`roledex new`: a ready-to-edit file of one kind, never over an existing one."""

from __future__ import annotations

import argparse
from pathlib import Path

from roledex.cli.completion import complete_with, slugs_of
from roledex.cli.naming import meant
from roledex.cli.output import FAILED, OK, err, out, settings_or_none
from roledex.cli.project import CONFIG
from roledex.cli.status import why_not
from roledex.facts.privacy import PRIVATE_FOLDERS, ignore_lines
from roledex.kb import scaffold
from roledex.kb.files import edit_or_create, write_text_atomic
from roledex.kb.schema import APPLICATION, COMPANY, CONTACT, OFFER, POSTING, PREP, QUESTION, STORY, Kind
from roledex.kb.source import read_document
from roledex.kb.text import did_you_mean, file_slug, is_slug, slugify


def arguments(new: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    new.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    kinds.add_parser("company", help="a company profile").add_argument("name", metavar="NAME")
    posting = kinds.add_parser("posting", help="a job posting")
    complete_with(
        posting.add_argument("company", metavar="COMPANY", help="the company's slug or name"),
        slugs_of(COMPANY.folder),
    )
    posting.add_argument("title", metavar="TITLE")
    posting.add_argument(
        "--new-company", action="store_true", help="add a profile for COMPANY even when one is named much like it"
    )
    for kind, what in (
        ("prep", "prep notes for a posting"),
        ("application", "an application for a posting"),
        ("offer", "an offer for a posting"),
    ):
        complete_with(
            kinds.add_parser(kind, help=what).add_argument("posting", metavar="POSTING"), slugs_of(POSTING.folder)
        )
    kinds.add_parser("story", help="a STAR story from your own experience").add_argument("title", metavar="TITLE")
    kinds.add_parser("question", help="a question for your question bank").add_argument("text", metavar="QUESTION")
    contact = kinds.add_parser("contact", help="a person: recruiter, hiring manager, referrer or peer")
    contact.add_argument("name", metavar="NAME")
    complete_with(
        contact.add_argument("--company", metavar="SLUG", help="the slug of their company's file"),
        slugs_of(COMPANY.folder),
    )
    new.set_defaults(handler=run)


def _write_new(path: Path, text: str, force: bool = False) -> bool:
    try:
        write_text_atomic(path, text, overwrite=force)
    except FileExistsError:
        err(f"roledex new: {path} already exists; edit it, or remove it first")
        return False
    except OSError as error:
        err(f"roledex new: cannot write {path}: {error.strerror or error}; nothing was written")
        return False
    out(f"wrote {path}")
    return True


MAX_QUESTION_SLUG = 60
"""A question's file name is its first words: a whole sentence makes an unwieldy name."""


def _new_named(docs: Path, kind: Kind, name: str, text: str, slug: str | None = None) -> int:
    """A new file of `kind` named after `name` (its slug, unless one is given), or one line
    saying no file name can be made from it."""
    slug = file_slug(name) if slug is None else slug
    if not slug:
        err(f"roledex new: cannot make a file name from {name!r}; use letters or digits")
        return FAILED
    return OK if _write_new(scaffold.target_path(docs, kind, slug), text) else FAILED


def _known(docs: Path, kind: Kind) -> list[str]:
    """The slugs of the files of `kind`, for a did-you-mean."""
    return sorted(p.stem for p in (docs / kind.folder).glob("*.md"))


def _existing_posting(docs: Path, posting: str) -> bool:
    if (docs / POSTING.folder / f"{posting}.md").is_file():
        return True
    known = _known(docs, POSTING)
    err(f"roledex new: no posting {posting!r} in {docs / POSTING.folder}{did_you_mean(posting, known)}")
    return False


def _start_knowledge_base(docs: Path) -> bool:
    """Lay out a knowledge base that does not exist yet so it is safe in a public repository,
    and say which layout it has: private folders and calendar files in `.gitignore`, unless the
    settings beside it say the repository is private. False after one line when it cannot."""
    config = docs.parent / CONFIG
    settings = settings_or_none("new", str(config)) if config.is_file() else None
    if config.is_file() and settings is None:
        return False
    folders = ", ".join(f"{folder}/" for folder in sorted(PRIVATE_FOLDERS))
    if settings is not None and settings.visibility == "private":
        out(
            f"roledex new: a new knowledge base in {docs}, for a private repository ({config}: "
            f"visibility: private): Git keeps {folders} with the rest; publish the site to a public "
            "repository with `roledex deploy` (README: A private repository and a public site)"
        )
        return True
    ignore = docs.parent / ".gitignore"
    wanted = ignore_lines(docs.name)

    def with_lines(text: str) -> str:
        missing = [line for line in wanted if line not in text.splitlines()]
        joiner = "" if not text or text.endswith("\n") else "\n"
        return text + joiner + "".join(f"{line}\n" for line in missing) if missing else text

    try:
        edit_or_create(ignore, with_lines, "")
    except (OSError, UnicodeDecodeError) as error:
        err(f"roledex new: cannot write {ignore}: {why_not(error)}; nothing was written")
        return False
    out(
        f"roledex new: a new knowledge base in {docs}, laid out for a public repository: {ignore} keeps "
        f"{folders} and calendar files out of Git, so no push shows them; back them up elsewhere, or "
        f"keep the knowledge base in a private repository and set visibility: private in {CONFIG}"
    )
    return True


def run(args: argparse.Namespace) -> int:
    """Write a ready-to-edit file of one kind, never over an existing one."""
    docs = Path(args.docs)
    if not docs.exists() and not _start_knowledge_base(docs):
        return FAILED
    if args.kind == "company":
        return _new_named(docs, COMPANY, args.name, scaffold.company_file(args.name))
    if args.kind == "posting":
        return _new_posting(docs, args.company, args.title, args.new_company)
    if args.kind == "contact":
        return _new_contact(docs, args.name, args.company)
    if args.kind == "question":
        slug = file_slug(args.text, MAX_QUESTION_SLUG)
        return _new_named(docs, QUESTION, args.text, scaffold.question_file(args.text), slug)
    if args.kind == "story":
        return _new_named(docs, STORY, args.title, scaffold.story_file(args.title))
    found = meant(args.posting, {slug: "" for slug in _known(docs, POSTING)})
    if found.slug is not None:
        args.posting = found.slug
    elif found.said.endswith("give more of the name"):
        err(f"roledex new {args.kind}: no single posting is {args.posting!r}{found.said}")
        return FAILED
    if not is_slug(args.posting):
        suggestion = slugify(Path(args.posting).name.removesuffix(".md"))
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        err(
            f"roledex new {args.kind}: {args.posting!r} is not a posting's slug (its file name in "
            f"{docs / POSTING.folder} without '.md'){hint}"
        )
        return FAILED
    if not _existing_posting(docs, args.posting):
        return FAILED
    if args.kind == "offer":
        kind, text = OFFER, scaffold.offer_file(args.posting, _stated_base(docs, args.posting))
    elif args.kind == "prep":
        kind, text = PREP, scaffold.prep_file(args.posting)
    else:
        kind, text = APPLICATION, scaffold.application_file(args.posting)
    return OK if _write_new(scaffold.target_path(docs, kind, args.posting), text) else FAILED


def _stated_base(docs: Path, posting: str) -> dict[str, object]:
    """The base pay an offer starts from: the top of the posting's stated range, else 0."""
    path = scaffold.target_path(docs, POSTING, posting)
    try:
        document, _ = read_document(str(path), POSTING.folder, posting, path.read_bytes())
    except OSError:
        document = None
    salary = document.meta.get("salary") if document is not None else None
    if isinstance(salary, dict) and salary.get("currency") and (salary.get("max") or salary.get("min")):
        return {
            "amount": salary.get("max") or salary.get("min"),
            "currency": salary["currency"],
            "period": salary.get("period") or "year",
        }
    return {"amount": 0, "currency": "USD", "period": "year"}


def _new_posting(docs: Path, company: str, title: str, new_company: bool = False) -> int:
    company_slug = company if is_slug(company) else file_slug(company)
    slug = file_slug(f"{company_slug} {title}")
    if not company_slug or not slugify(title):
        err("roledex new: company and title need letters or digits")
        return FAILED
    path = scaffold.target_path(docs, POSTING, slug)
    if path.exists():
        err(f"roledex new: {path} already exists; edit it, or remove it first")
        return FAILED
    company_path = scaffold.target_path(docs, COMPANY, company_slug)
    if not company_path.exists() and not new_company:
        suggestion = did_you_mean(company_slug, _known(docs, COMPANY))
        if suggestion:
            err(
                f"roledex new: no company {company_slug!r} in {docs / COMPANY.folder}{suggestion} "
                f"(--new-company adds a profile for {company!r})"
            )
            return FAILED
    if not company_path.exists():
        name = company if company != company_slug else company.replace("-", " ").title()
        if not _write_new(company_path, scaffold.company_file(name)):
            return FAILED
    return OK if _write_new(path, scaffold.posting_file(company_slug, title)) else FAILED


def _new_contact(docs: Path, name: str, company: str | None) -> int:
    slug = file_slug(name)
    if not slug:
        err(f"roledex new: cannot make a file name from {name!r}; use letters or digits")
        return FAILED
    if company is not None and not (docs / COMPANY.folder / f"{company}.md").is_file():
        known = _known(docs, COMPANY)
        err(f"roledex new: no company {company!r} in {docs / COMPANY.folder}{did_you_mean(company, known)}")
        return FAILED
    return OK if _write_new(scaffold.target_path(docs, CONTACT, slug), scaffold.contact_file(name, company)) else FAILED
