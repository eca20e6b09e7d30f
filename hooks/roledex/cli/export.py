"""`roledex export`: every posting with its salary as a year's pay, for a spreadsheet."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from roledex.check.run import checked_knowledge_base
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out, settings_or_none
from roledex.facts.export import HISTORY_COLUMNS, OFFER_COLUMNS, as_csv, export_rows, history_rows, offer_rows
from roledex.facts.export import as_json as export_json
from roledex.facts.privacy import PrivacySettingError, full_view, include_private, public_view
from roledex.facts.timeline import story
from roledex.kb.problems import errors_in


def arguments(export: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    export.add_argument(
        "docs",
        nargs="?",
        default=None,
        metavar="DOCS",
        help="the docs folder (default: the project's)",
    )
    export.add_argument("--format", choices=("csv", "json"), default="csv", help="output format (default: csv)")
    export.add_argument("--config", default=None, help="where extra.roledex is read (default: the project's)")
    export.add_argument(
        "--history", action="store_true", help="one row per event of every application instead (private material)"
    )
    export.add_argument(
        "--offers",
        action="store_true",
        help="each offer's yearly figures and total in the base currency instead (private material)",
    )
    export.set_defaults(handler=run)


def _print(rows: list[dict[str, Any]], columns: tuple[str, ...], name: str, format: str) -> int:
    """Rows as CSV with these columns, or as JSON under `name`."""
    if format == "csv":
        sys.stdout.write(as_csv(rows, columns))
    else:
        out(json.dumps({name: rows}, indent=2, ensure_ascii=False))
    return OK


def run(args: argparse.Namespace) -> int:
    """Print every posting with its annual salary in the base currency."""
    docs = docs_dir(args.docs)
    if docs is None:
        return USAGE
    settings = settings_or_none("export", args.config)
    if settings is None:
        return USAGE
    try:
        include = include_private(None, os.environ)
    except PrivacySettingError as error:
        err(f"roledex export: {error}")
        return USAGE
    result = checked_knowledge_base(docs)
    if errors_in(result.problems):
        err(f"roledex export: {docs} has problems; run `roledex check {docs}` and fix them first")
        return FAILED
    view = full_view(result.kb) if include or args.history or args.offers else public_view(result.kb)
    if args.offers:
        return _print(offer_rows(view.kb, settings), OFFER_COLUMNS, "offers", args.format)
    if args.history:
        return _print(history_rows(view.kb, story), HISTORY_COLUMNS, "events", args.format)
    rows = export_rows(view.kb, settings, story if view.includes_private else None)
    if args.format == "csv":
        sys.stdout.write(as_csv(rows))
    else:
        out(export_json(rows, settings))
    return OK
