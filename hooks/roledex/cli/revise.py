"""`roledex revise`: keep an offer as it stands before its figures change (a counter-offer, the
answer to one), so the negotiation stays on record.

The offer file is kept, as written, in `snapshots/offers/<posting>/<date>.md` (outside the docs
folder: no build publishes it) with its sha256, and the application gets an event saying so; the
user then writes the new figures into the offer. The offer's page lists each kept version.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from roledex.check.run import checked_knowledge_base
from roledex.cli.completion import complete_with, slugs_of
from roledex.cli.naming import meant
from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.cli.status import why_not
from roledex.importer.snapshots import keep
from roledex.kb.files import edit_in_place, record_lock
from roledex.kb.kept import kept_folder
from roledex.kb.schema import OFFER
from roledex.kb.status_edit import CannotEdit, add_event


def arguments(revise: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    complete_with(
        revise.add_argument("posting", metavar="POSTING", help="the offer's posting: its slug, or words of it"),
        slugs_of(OFFER.folder),
    )
    revise.add_argument("--note", metavar="TEXT", help="what changed, such as 'countered at 220k' (on the application)")
    revise.add_argument("--date", help="the day (default: today)")
    revise.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    revise.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        err(f"roledex revise: --date takes a date as YYYY-MM-DD, got {args.date!r}")
        return USAGE
    docs = Path(args.docs)
    kb = checked_knowledge_base(docs).kb
    found = meant(
        args.posting,
        {slug: kb.postings[o.posting].title if o.posting in kb.postings else "" for slug, o in kb.offers.items()},
    )
    if found.slug is None:
        err(
            f"roledex revise: no offer {args.posting!r} in {docs / OFFER.folder}{found.said}; "
            "`roledex new offer POSTING` starts one"
        )
        return FAILED
    offer = kb.offers[found.slug]
    path = Path(offer.doc.path)
    try:
        with record_lock(path):
            kept, digest, new = keep(
                kept_folder(docs, OFFER.folder, offer.posting), path.read_text(encoding="utf-8"), day
            )
    except (OSError, UnicodeDecodeError) as error:
        err(f"roledex revise: {path}: {why_not(error)}; nothing was kept")
        return FAILED
    out(
        f"kept {path} as it stands in {kept} (sha256 {digest[:12]})"
        if new
        else f"{path} is kept as it stands already ({kept})"
    )
    application = kb.applications.get(offer.posting)
    if application is not None:
        entry: dict[str, object] = {
            "date": day,
            "kind": "note",
            "note": "offer revised" + (f": {args.note}" if args.note else ""),
        }
        target = Path(application.doc.path)
        try:
            edit_in_place(
                target,
                lambda text: add_event(text, entry),
            )
        except (CannotEdit, OSError, UnicodeDecodeError) as error:
            err(f"roledex revise: {target}: {why_not(error)}; the offer is kept, the event was not added")
            return FAILED
        out(f"updated {target}: event {day} note")
    out(f"now write the revised figures into {path}")
    return OK
