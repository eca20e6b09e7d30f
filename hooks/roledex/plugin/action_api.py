"""What each action of the local site does: the command line's own commands, run in this process.

An action is a `roledex status`, `roledex event` or `roledex import` with the values of a form:
the same checks, the same lock, the same atomic write and read-back. What the command prints is
captured for this thread alone and shown in the page: an error in the checker's own words. Each
form's values become options written `--name=value`, so no value can pass for another option.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roledex.cli.output import captured
from roledex.kb.schema import (
    APPLICATION,
    LOGGED_EVENT_KINDS,
    POSTING,
    ROUND_KINDS,
    ROUND_OUTCOMES,
    STATUSES,
    WORK_MODES,
)
from roledex.kb.source import read_document
from roledex.kb.status_edit import version
from roledex.kb.text import is_slug, is_url, slugify

ONE_AT_A_TIME = threading.Lock()
"""Actions run one after another: each reads the knowledge base whole, as its command does."""


@dataclass(frozen=True)
class Answer:
    """What an action did: success, what its command said, and data for the page."""

    ok: bool
    said: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    printed: str = ""
    """The command's standard output alone (the JSON of a preview)."""


class Refused(ValueError):
    """The form's values are not ones the action takes; the message says which."""


def run_command(argv: list[str]) -> Answer:
    """`roledex ARGV` in this process, what it prints captured. The command line is imported
    on the first action, not when MkDocs loads the plugin for every build."""
    from roledex.cli.main import main

    with ONE_AT_A_TIME, captured() as (printed, errors):
        try:
            status = main(argv)
        except SystemExit as stop:  # argparse refusing a value: say it in roledex's words
            status = stop.code if isinstance(stop.code, int) else 2
            errors.write(f"roledex {argv[0]}: the form's values were not understood; check each field\n")
    said = "\n".join(line for line in (printed.getvalue() + errors.getvalue()).splitlines() if line.strip())
    return Answer(status == 0, said, printed=printed.getvalue())


def _text(payload: dict[str, Any], key: str, limit: int = 2000) -> str | None:
    value = payload.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise Refused(f"{key}: expected a line of text of at most {limit} characters")
    return value.strip() or None


def _choice(payload: dict[str, Any], key: str, choices: tuple[str, ...], required: bool = False) -> str | None:
    value = _text(payload, key, 40)
    if value is None and required:
        raise Refused(f"{key}: required, one of {', '.join(choices)}")
    if value is not None and value not in choices:
        raise Refused(f"{key}: {value!r} is not one of {', '.join(choices)}")
    return value


def _slug(payload: dict[str, Any], key: str) -> str:
    value = _text(payload, key, 200)
    if value is None or not is_slug(value):
        raise Refused(f"{key}: expected a posting's slug")
    return value


def _options(payload: dict[str, Any], names: dict[str, str]) -> list[str]:
    """`--option=value` for each form field given (names: field -> option)."""
    return [f"--{option}={value}" for key, option in names.items() if (value := _text(payload, key)) is not None]


def move(docs: Path, payload: dict[str, Any]) -> Answer:
    """`roledex status POSTING STATUS` with the date, the next step and the version the page saw."""
    argv = ["status", _slug(payload, "posting"), _choice(payload, "status", STATUSES, required=True) or ""]
    argv += _options(payload, {"date": "date", "next": "next", "next_date": "next-date", "note": "note"})
    argv += _options(payload, {"version": "as-seen"}) + [f"--docs={docs}"]
    return run_command(argv)


def log_event(docs: Path, payload: dict[str, Any]) -> Answer:
    """`roledex event POSTING KIND` with the form's fields and the version the page saw."""
    kind = _choice(payload, "kind", LOGGED_EVENT_KINDS, required=True) or ""
    argv = ["event", _slug(payload, "posting"), kind]
    _choice(payload, "round", ROUND_KINDS)
    _choice(payload, "outcome", ROUND_OUTCOMES)
    names = {"date": "date", "round": "round", "time": "time", "minutes": "minutes", "outcome": "outcome"}
    argv += _options(payload, {**names, "note": "note", "due": "due", "number": "number", "with": "with"})
    if payload.get("done") is True:
        argv.append("--done")
    argv += _options(payload, {"version": "as-seen"}) + [f"--docs={docs}"]
    return run_command(argv)


def _source(payload: dict[str, Any], folder: Path) -> tuple[str, list[str]]:
    """The address or the file to import, and the options that go with it."""
    address = _text(payload, "url", 4000)
    body = payload.get("html") or payload.get("text")
    if body is None:
        if address is None or not is_url(address):
            raise Refused("url: give the posting's address (https://...), or paste its text")
        return address, []
    if not isinstance(body, str) or not body.strip():
        raise Refused("text: the pasted posting is empty")
    name = "posting.html" if payload.get("html") else "posting.txt"
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return str(path), ([f"--url={address}"] if address and is_url(address) else [])


def _corrections(payload: dict[str, Any]) -> list[str]:
    argv = _options(payload, {"title": "title", "location": "location"})
    company = _text(payload, "company", 200)
    if company is not None:
        argv.append(f"--company={company if is_slug(company) else slugify(company)}")
    mode = _choice(payload, "work_mode", WORK_MODES)
    return argv + ([f"--work-mode={mode}"] if mode else [])


def preview(docs: Path, payload: dict[str, Any]) -> Answer:
    """What `roledex import --dry-run --json` reads from the address, the paste or the page sent."""
    with tempfile.TemporaryDirectory(prefix="roledex-capture-") as folder:
        source, options = _source(payload, Path(folder))
        answer = run_command(
            ["import", source, *options, *_corrections(payload), "--dry-run", "--json", f"--docs={docs}"]
        )
    try:
        report = json.loads(answer.printed) if answer.printed.strip() else {}
    except ValueError:
        return Answer(False, answer.said)
    # what was read is shown even when it could not be written as it is (no company found):
    # the preview is where the user supplies it, and its warnings say what is missing
    return Answer(bool(report), "" if report else answer.said, report)


def save(docs: Path, config: Path, payload: dict[str, Any]) -> Answer:
    """`roledex import` of what the preview showed, with the user's corrections (and `--update`
    for an address already on record, when asked)."""
    with tempfile.TemporaryDirectory(prefix="roledex-capture-") as folder:
        source, options = _source(payload, Path(folder))
        update = ["--update"] if payload.get("update") is True else []
        argv = ["import", source, *options, *_corrections(payload), *update, f"--docs={docs}", f"--config={config}"]
        answer = run_command(argv)
    written = re.search(r"(?:wrote|updated|on record as) (\S+/postings/([^/\s]+)\.md)", answer.said)
    return Answer(answer.ok, answer.said, {"posting": written.group(2)} if written else {})


_PAGE = re.compile(r"^(?:(?P<folder>applications|postings)/(?P<slug>[a-z0-9-]+)/?(?:index\.html)?)?$")


def _application_file(docs: Path, posting: str) -> Path | None:
    """The application of `posting`: the file bearing its name (what `roledex status` writes)."""
    path = docs / APPLICATION.folder / f"{posting}.md"
    return path if path.is_file() else None


def _record(path: Path | None, slug: str = "") -> tuple[str, str]:
    """(the posting an application is of, the version of its file), from one read of it: its
    `posting` key or its file name; the version of no file, or 'unreadable'."""
    if path is None:
        return slug, version(None)
    try:
        raw = path.read_bytes()
        seen = version(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return path.stem, "unreadable"
    document, _ = read_document(str(path), APPLICATION.folder, path.stem, raw)
    value = document.meta.get("posting") if document is not None else None
    return (value if isinstance(value, str) and is_slug(value) else path.stem), seen


def state(docs: Path, page: str) -> dict[str, Any]:
    """What the page at `page` (its path inside the site) can act on, and each record's version
    as of now: an action refuses a record changed since."""
    words = {"statuses": list(STATUSES), "kinds": list(LOGGED_EVENT_KINDS), "rounds": list(ROUND_KINDS)}
    words |= {"outcomes": list(ROUND_OUTCOMES), "modes": list(WORK_MODES)}
    match = _PAGE.match(page.strip("/") + ("/" if page.strip("/") else ""))
    if page.strip("/") in ("applications", "applications/index.html"):
        files = sorted((docs / APPLICATION.folder).glob("*.md"))
        cards = {}
        for path in files:
            posting, seen = _record(path)
            cards[path.stem] = {"posting": posting, "version": seen}
        return {"page": "pipeline", "applications": cards, **words}
    if match is None or match.group("folder") is None:
        return {"page": "home" if page.strip("/") in ("", "index.html") else "other", **words}
    slug = match.group("slug")
    if match.group("folder") == "applications":
        path = docs / APPLICATION.folder / f"{slug}.md"
        if not path.is_file():
            return {"page": "other", **words}
        posting, seen = _record(path)
        return {"page": "application", "posting": posting, "version": seen, **words}
    if not (docs / POSTING.folder / f"{slug}.md").is_file():
        return {"page": "other", **words}
    application = _application_file(docs, slug)
    return {
        "page": "posting",
        "posting": slug,
        "applied": application is not None,
        "version": _record(application, slug)[1],
        **words,
    }
