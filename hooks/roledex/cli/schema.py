"""`roledex schema`: the JSON Schema of a kind, for editors and other checkers."""

from __future__ import annotations

import argparse
import json

from roledex.cli.output import OK, USAGE, err, out
from roledex.kb.json_schema import all_schemas, kind_schema
from roledex.kb.schema import KINDS
from roledex.kb.text import did_you_mean


def register(commands: argparse._SubParsersAction) -> None:
    schema = commands.add_parser("schema", help="print the JSON Schema of a kind, or of all kinds")
    schema.add_argument("kind", nargs="?", metavar="KIND", help="company, posting, prep or application")
    schema.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print one kind's JSON Schema, or all of them keyed by kind."""
    if args.kind is None:
        out(json.dumps(all_schemas(), indent=2))
        return OK
    if args.kind not in KINDS:
        hint = did_you_mean(args.kind, KINDS)
        err(f"roledex schema: unknown kind {args.kind!r}{hint}; kinds: {', '.join(KINDS)}")
        return USAGE
    out(json.dumps(kind_schema(KINDS[args.kind]), indent=2))
    return OK
