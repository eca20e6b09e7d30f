"""`roledex schema`: the JSON Schema of a kind, for editors and other checkers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from roledex.cli.output import FAILED, OK, USAGE, err, out
from roledex.kb.files import write_text_atomic
from roledex.kb.json_schema import all_schemas, kind_schema
from roledex.kb.schema import KINDS
from roledex.kb.text import did_you_mean


def arguments(schema: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    schema.add_argument("kind", nargs="?", metavar="KIND", help=", ".join(KINDS))
    schema.add_argument(
        "--output",
        metavar="PATH",
        help="write to this file (folders made as needed); a folder (ending in /) gets one KIND.json per kind",
    )
    schema.add_argument("--force", action="store_true", help="replace a file that holds something else")
    schema.set_defaults(handler=run)


def _text(value: object) -> str:
    return json.dumps(value, indent=2) + "\n"


def _write(path: Path, text: str, force: bool) -> bool:
    """Write one schema file atomically and read it back; an identical file is left as it is."""
    if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
        out(f"{path}: unchanged")
        return True
    if path.exists() and not force:
        err(f"roledex schema: {path} already exists and holds something else; hint: --force replaces it")
        return False
    try:
        write_text_atomic(path, text, overwrite=force)
        if path.read_text(encoding="utf-8") != text:
            raise OSError(f"{path} does not hold what was written")
    except OSError as error:
        err(f"roledex schema: {path}: cannot write it ({getattr(error, 'strerror', None) or error})")
        return False
    out(f"{path}: written")
    return True


def run(args: argparse.Namespace) -> int:
    """Print (or write) one kind's JSON Schema, or all of them keyed by kind."""
    if args.kind is not None and args.kind not in KINDS:
        hint = did_you_mean(args.kind, KINDS)
        err(f"roledex schema: unknown kind {args.kind!r}{hint}; kinds: {', '.join(KINDS)}")
        return USAGE
    schema = all_schemas() if args.kind is None else kind_schema(KINDS[args.kind])
    if args.output is None:
        out(_text(schema).rstrip("\n"))
        return OK
    target = Path(args.output)
    if args.output.endswith(("/", "\\")) or target.is_dir():
        kinds = list(KINDS) if args.kind is None else [args.kind]
        written = [_write(target / f"{kind}.json", _text(kind_schema(KINDS[kind])), args.force) for kind in kinds]
        return OK if all(written) else FAILED
    return OK if _write(target, _text(schema), args.force) else FAILED
