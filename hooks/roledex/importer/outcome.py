"""What the user asked of one import, and what came of it: the words between the importer
and the command line, which only prints them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from roledex.importer.extract import Extraction
from roledex.importer.notes import notes_and_warnings
from roledex.importer.write import Plan


@dataclass(frozen=True)
class Request:
    """What the user asked for: where to write, what to assume, and how far to go."""

    docs: Path
    company: str | None = None
    url: str | None = None
    dry_run: bool = False
    force: bool = False
    title: str | None = None
    location: str | None = None
    update: bool = False
    """Bring a posting already on record up to date with its address."""
    work_mode: str | None = None
    today: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class Outcome:
    """What importing one posting found, planned and wrote, or why it stopped."""

    found: Extraction | None = None
    plan: Plan | None = None
    failure: str | None = None
    wrote_company: bool = False
    record: str | None = None
    """The posting file on record that the address was compared with."""
    news: tuple[str, ...] = ()
    """What changed since the posting was recorded, one line each."""
    written: tuple[str, ...] = ()
    """What was written, one line each."""

    def report(self) -> dict[str, object] | None:
        """The facts `--dry-run --json` prints, when the text could be read."""
        if self.found is None:
            return None
        report = self.found.as_json(self.plan.company_slug if self.plan else None)
        if self.plan is not None:
            notes, warnings = notes_and_warnings(self.plan.warnings)
            report["notes"] = [*report["notes"], *notes]
            report["warnings"] = [*report["warnings"], *warnings]
        return report
