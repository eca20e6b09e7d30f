"""Turning an extraction into a posting file (and a company stub), without losing anything.

Files are written atomically and never over an existing file unless forced; a posting whose
address or text is already in the knowledge base is reported instead of imported twice.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from roledex.importer.extract import Extraction
from roledex.importer.fields import company_name_of
from roledex.kb.model import KnowledgeBase
from roledex.kb.scaffold import commented, company_file, yaml_scalar
from roledex.kb.schema import COMPANY, POSTING
from roledex.kb.text import file_slug, normal_url, slugify


def fingerprint(text: str) -> str:
    """The text's letters and digits only, hashed: the same posting pasted twice matches."""
    return hashlib.sha256(re.sub(r"[^a-z0-9]+", "", text.lower()).encode()).hexdigest()


def company_slug_for(name: str, kb: KnowledgeBase) -> tuple[str, bool]:
    """(slug, exists): an existing company whose slug or name matches, case, accents and legal
    form aside ('ACME Inc.' is 'Acme'), else a new slug."""
    wanted = {slugify(name), slugify(company_name_of(name))}
    for company in kb.companies.values():
        if wanted & {company.slug, slugify(company.name), slugify(company_name_of(company.name))}:
            return company.slug, True
    return file_slug(company_name_of(name)) or file_slug(name), False


def near_company(slug: str, kb: KnowledgeBase) -> str | None:
    """An existing company's slug that a new one is probably a misspelling of."""
    close = difflib.get_close_matches(slug, list(kb.companies), n=1, cutoff=0.8)
    return close[0] if close else None


def posting_slug(company: str, title: str) -> str:
    return file_slug(f"{company} {title}") or company


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _line(key: str, value: str, why: str | None, indent: str = "") -> str:
    return f"{indent}{key}: {value}" + (f"  # {why}" if why else "")


def front_matter(found: Extraction, company_slug: str, title: str, title_why: str | None) -> str:
    """The posting's front matter in the schema's key order; inferred values carry a comment,
    and every key not found is there as a commented hint, as in a file `roledex new` writes."""
    written: dict[str, list[str]] = {
        "company": [_line("company", company_slug, None)],
        "title": [_line("title", yaml_scalar(title), title_why)],
    }
    for key, value in (("team", found.team), ("employment", found.employment)):
        if value:
            written[key] = [_line(key, yaml_scalar(value), found.inferred.get(key))]
    if found.locations:
        written["locations"] = ["locations: [" + ", ".join(yaml_scalar(p) for p in found.locations) + "]"]
    if found.work_mode:
        written["work_mode"] = [_line("work_mode", found.work_mode, found.inferred.get("work_mode"))]
    salary = found.salary
    if salary is not None:
        lines = ["salary:"]
        if salary.min is not None:
            lines.append(f"  min: {_number(salary.min)}")
        if salary.max is not None:
            lines.append(f"  max: {_number(salary.max)}")
        if salary.figures:
            lines.append(_line("currency", salary.currency or "", found.inferred.get("salary.currency"), "  "))
            lines.append(_line("period", salary.period or "", found.inferred.get("salary.period"), "  "))
        lines.append(f"  text: {yaml_scalar(salary.text)}")
        if found.headline is not None:
            lines.append(f"  headline: {_number(found.headline)}  # the job board's figure: min + max, not a salary")
            lines.append("  headline_is: sum")
        written["salary"] = lines
    for key, value in (("url", found.url), ("source", found.source)):
        if value:
            written[key] = [f"{key}: {yaml_scalar(value)}"]
    for key, day in (("posted", found.posted), ("closes", found.closes)):
        if day:
            written[key] = [_line(key, day.isoformat(), found.inferred.get(key))]
    lines = ["---"]
    for spec in POSTING.fields:
        lines += written.get(spec.name) or commented(spec)
    lines.append("---")
    return "\n".join(lines) + "\n"


@dataclass
class Plan:
    """What importing one posting will write."""

    company_slug: str
    posting_path: Path
    posting_text: str
    company_path: Path | None
    company_text: str | None
    warnings: list[str] = field(default_factory=list)
    """What the user should know about the files, such as a new company near an existing one."""


def plan(found: Extraction, docs: Path, kb: KnowledgeBase, fallback_title: str) -> Plan:
    """The files to write for an extraction whose company is known."""
    assert found.company is not None
    slug, exists = company_slug_for(found.company, kb)
    title, why = found.title, found.inferred.get("title")
    if not title:
        title, why = fallback_title, "not found in the text: the file name stands in, replace it"
    posting = docs / POSTING.folder / f"{posting_slug(slug, title)}.md"
    text = front_matter(found, slug, title, why) + "\n" + found.body
    company_path = None if exists else docs / COMPANY.folder / f"{slug}.md"
    company_text = None if exists else company_file(company_name_of(found.company), found.company_website)
    near = None if exists else near_company(slug, kb)
    warnings = [f"{slug!r} is a new company; did you mean {near!r}? pass --company {near}"] if near else []
    return Plan(slug, posting, text, company_path, company_text, warnings)


class KnownPostings:
    """Addresses and texts of the postings on record, to refuse importing one twice."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_url = {normal_url(p.url): p.doc.path for p in kb.postings.values() if p.url}
        self.by_text = {fingerprint(p.doc.body): p.doc.path for p in kb.postings.values()}

    def duplicate_of(self, found: Extraction) -> str | None:
        """The path of a posting already holding this address or this text, or None."""
        if found.url and normal_url(found.url) in self.by_url:
            return self.by_url[normal_url(found.url)]
        return self.by_text.get(fingerprint(found.body))

    def duplicate_of_address(self, address: str) -> str | None:
        """The path of a posting already holding this address, or None."""
        return self.by_url.get(normal_url(address))

    def add(self, found: Extraction, path: str) -> None:
        if found.url:
            self.by_url[normal_url(found.url)] = path
        self.by_text[fingerprint(found.body)] = path
