"""A posting on record, imported again from its address: what changed, and `--update`.

The rules are tested one by one on facts; the whole loop (import, the posting changes, the
user edits, import again, `--update`, taken down) on a small knowledge base with a fake
transport, and once through the command line against a page served on loopback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import invoke, make_site
from roledex.check.run import checked_knowledge_base
from roledex.importer.fetch import client
from roledex.importer.on_record import brought_up_to_date, taken_down
from roledex.importer.outcome import Outcome, Request
from roledex.importer.run import import_address
from roledex.importer.snapshots import SUMS, keep, latest, snapshot_folder
from roledex.importer.update import (
    MAX_DIFF_LINES,
    MAX_LINE,
    Change,
    TextChange,
    applied_values,
    changes,
    closing,
    text_change,
    with_body,
)
from roledex.importer.write import KnownPostings

DAY = dt.date(2026, 11, 25)
LATER = dt.date(2026, 12, 2)


# --- the rules, fact by fact ---


@pytest.mark.parametrize(
    ("record", "base", "fresh", "expected"),
    [
        pytest.param(
            {"title": "A"}, {"title": "A"}, {"title": "B"}, [Change("title", "A", "B")], id="untouched follows"
        ),
        pytest.param(
            {"title": "Mine"}, {"title": "A"}, {"title": "B"}, [Change("title", "Mine", "B", kept=True)], id="edit kept"
        ),
        pytest.param({"title": "Mine"}, {"title": "A"}, {"title": "A"}, [], id="edit, posting unchanged: quiet"),
        pytest.param({"title": "A"}, None, {"title": "B"}, [Change("title", "A", "B")], id="no base follows"),
        pytest.param({"title": "A"}, {"title": "A"}, {"title": "A"}, [], id="same"),
        pytest.param({"team": "Ads"}, {"team": "Ads"}, {}, [Change("team", "Ads", None, kept=True)], id="no longer"),
        pytest.param({"team": "Ads"}, {}, {}, [], id="the user's own addition is no news"),
        pytest.param({"team": "Ads"}, None, {}, [], id="no base, not stated: quiet"),
        pytest.param({}, {}, {"team": "Ads"}, [Change("team", None, "Ads")], id="newly stated"),
        pytest.param({"posted": DAY}, {"posted": DAY}, {"posted": LATER}, [], id="posted stays once set"),
        pytest.param({}, None, {"posted": DAY}, [Change("posted", None, DAY)], id="posted filled in"),
        pytest.param(
            {"salary": {"min": 1, "max": 2, "note": "bonus"}},
            {"salary": {"min": 1, "max": 2}},
            {"salary": {"min": 1, "max": 3}},
            [Change("salary.max", 2, 3)],
            id="salary part by part",
        ),
        pytest.param(
            {"locations": ["Berlin"]},
            {"locations": ["Berlin"]},
            {"locations": ["Berlin", "Paris"]},
            [Change("locations", ["Berlin"], ["Berlin", "Paris"])],
            id="a list as one fact",
        ),
        pytest.param({"tags": ["x"], "role": "r"}, {}, {"tags": ["y"]}, [], id="keys the importer never writes"),
        pytest.param({"title": ""}, None, {"title": "B"}, [Change("title", None, "B")], id="empty is absent"),
        pytest.param(
            {},
            {"team": "Ads"},
            {"team": "Growth"},
            [Change("team", None, "Growth", kept=True)],
            id="removed stays removed",
        ),
    ],
)
def test_which_facts_follow_the_posting(
    record: dict[str, Any], base: dict[str, Any] | None, fresh: dict[str, Any], expected: list[Change]
) -> None:
    assert changes(record, base, fresh) == expected


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (Change("salary.max", 150000, 160000), "salary.max: 150000 -> 160000"),
        (Change("title", "Mine", "New title", kept=True), 'title: the posting now says "New title"; kept your "Mine"'),
        (Change("team", "ads", None, kept=True), "team: ads, no longer stated by the posting; kept"),
        (Change("locations", None, ["Berlin, DE"]), 'locations: (none) -> ["Berlin, DE"]'),
    ],
)
def test_each_change_is_one_line(change: Change, line: str) -> None:
    assert change.describe() == line


def test_only_changes_that_follow_the_posting_are_applied_and_a_salary_keeps_its_other_parts() -> None:
    record = {"title": "Mine", "salary": {"min": 1, "max": 2, "note": "bonus"}}
    found = [
        Change("title", "Mine", "B", kept=True),
        Change("salary.max", 2, 3),
        Change("salary.currency", None, "EUR"),
    ]
    assert applied_values(record, found) == {"salary": {"min": 1, "max": 3, "note": "bonus", "currency": "EUR"}}
    assert record["salary"]["max"] == 2  # the record itself is not changed


def test_text_that_differs_only_in_spacing_is_the_same_text() -> None:
    assert text_change("Build things.\n\n- Go\n", "Build   things.\n- Go") is None


def test_a_changed_text_is_counted_and_its_first_lines_shown() -> None:
    old = "Intro\n" + "".join(f"line {n}\n" for n in range(20))
    new = "Intro\n" + "".join(f"line {n} changed\n" for n in range(20)) + "x" * 300
    change = text_change(old, new)
    assert change is not None
    assert (change.added, change.removed) == (21, 20)
    assert len(change.lines) == MAX_DIFF_LINES
    assert change.lines[0] == "-line 0"
    described = change.describe()
    assert described[0] == "text: 21 line(s) added, 20 removed"
    assert described[-1] == f"  ... and {41 - MAX_DIFF_LINES} more"
    long = text_change("a\n", "b" * 300)
    assert long is not None and long.lines[-1] == "+" + "b" * (MAX_LINE - 4) + "..."


@pytest.mark.parametrize(
    ("closes", "expected"),
    [(None, {"closes": DAY}), (LATER, {"closes": DAY}), (DAY, {}), (dt.date(2026, 1, 1), {})],
)
def test_a_posting_taken_down_closes_today_unless_it_closed_already(closes: Any, expected: dict) -> None:
    assert closing({"closes": closes} if closes else {}, DAY) == expected


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_body_is_replaced_and_the_front_matter_kept(newline: str) -> None:
    text = f"---{newline}title: t  # mine{newline}---{newline}{newline}Old text{newline}"
    assert (
        with_body(text, "New\ntext\n")
        == f"---{newline}title: t  # mine{newline}---{newline}{newline}New{newline}text{newline}"
    )


def test_snapshots_are_dated_numbered_listed_with_their_sha256_and_kept_outside_the_docs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    folder = snapshot_folder(docs, "acme-engineer")
    assert folder == tmp_path / "snapshots" / "postings" / "acme-engineer"
    first, digest, new = keep(folder, "one", DAY)
    assert (first.name, new) == ("2026-11-25.md", True)
    assert keep(folder, "one", DAY) == (first, digest, False)  # the newest already
    second, _, _ = keep(folder, "two", DAY)
    third, _, new = keep(folder, "one", DAY)  # older content again becomes the newest
    assert (second.name, third.name, new) == ("2026-11-25-2.md", "2026-11-25-3.md", True)
    newest = latest(folder)
    assert newest is not None and newest.path == third
    listed = dict(line.split("  ")[::-1] for line in (folder / SUMS).read_text().splitlines())
    assert listed == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.md")}
    assert snapshot_folder(Path("."), "x").parent.parent.parent == Path.cwd().parent
    assert snapshot_folder(Path("docs"), "x") == Path("snapshots/postings/x")
    assert snapshot_folder(Path("kb/.."), "x") == Path.cwd().parent / "snapshots" / "postings" / "x"


def test_a_snapshot_that_cannot_be_read_gives_no_facts(tmp_path: Path) -> None:
    folder = tmp_path / "snapshots" / "postings" / "x"
    folder.mkdir(parents=True)
    (folder / "2026-11-25.md").write_bytes(b"---\ntitle: \xff\n---\nx\n")
    (folder / "notes.txt").write_text("not a snapshot")
    newest = latest(folder)
    assert newest is not None and (newest.meta, newest.body) == ({}, "")
    assert latest(tmp_path / "nothing") is None


# --- the whole loop ---

ADDRESS = "https://careers.acme.example/jobs/42"
TEXT = (
    "<p>We build the payments platform.</p><h2>Requirements</h2><ul><li>Five years of Go</li>"
    "<li>Experience with distributed systems</li></ul>"
)


def _page(maximum: int, description: str = TEXT, title: str = "Platform Engineer") -> str:
    posting = {
        "@type": "JobPosting",
        "title": title,
        "hiringOrganization": {"name": "Acme"},
        "jobLocation": {"address": {"addressLocality": "Austin", "addressRegion": "TX", "addressCountry": "US"}},
        "baseSalary": {"currency": "USD", "value": {"minValue": 150000, "maxValue": maximum, "unitText": "YEAR"}},
        "datePosted": "2026-11-01",
        "description": description,
    }
    return f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head></html>'


class Board:
    """A careers site whose one posting the test changes, and the docs it is imported into."""

    def __init__(self, tmp_path: Path) -> None:
        self.docs = make_site(tmp_path, shipped=False)
        self.page: str | None = _page(180000)
        self.posting = self.docs / "postings" / "acme-platform-engineer.md"
        self.snapshots = snapshot_folder(self.docs, "acme-platform-engineer")

    def answer(self, request: httpx.Request) -> httpx.Response:
        if self.page is None:
            return httpx.Response(404)
        return httpx.Response(200, text=self.page, headers={"content-type": "text/html"})

    def imported(self, **asked: Any) -> Outcome:
        kb = checked_knowledge_base(self.docs).kb
        request = Request(self.docs, today=asked.pop("today", DAY), **asked)
        with client(httpx.MockTransport(self.answer)) as http:
            return import_address(ADDRESS, request, kb, KnownPostings(kb), http)


@pytest.fixture
def board(tmp_path: Path) -> Board:
    board = Board(tmp_path)
    first = board.imported()
    assert first.failure is None and board.posting.is_file()
    assert first.written == (
        f"kept the posting as read in {board.snapshots / '2026-11-25.md'} (sha256 "
        f"{hashlib.sha256(board.posting.read_bytes()).hexdigest()[:12]})",
    )
    return board


def test_an_unchanged_posting_is_reported_up_to_date_and_not_imported_twice(board: Board) -> None:
    before = board.posting.read_bytes()
    again = board.imported(today=LATER)
    assert again.failure == f"already imported as {board.posting}"
    assert again.news == ("up to date with its address",)
    updated = board.imported(update=True, today=LATER)
    assert (updated.failure, updated.news, updated.written) == (None, ("up to date with its address",), ())
    assert board.posting.read_bytes() == before
    assert [p.name for p in sorted(board.snapshots.glob("*.md"))] == ["2026-11-25.md"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_changes_are_shown_then_applied_keeping_the_users_own_edits(board: Board) -> None:
    _edit(board.posting, 'title: "Platform Engineer"', "title: Platform Engineer (payments)  # my words\ntags: [go]")
    mine = board.posting.read_text(encoding="utf-8")
    board.page = _page(190000, TEXT.replace("Five years of Go", "Six years of Go"), title="Senior Platform Engineer")

    shown = board.imported(today=LATER)
    assert shown.failure == f"already imported as {board.posting}; --update applies the changes"
    assert shown.news[:2] == (
        'title: the posting now says "Senior Platform Engineer"; kept your "Platform Engineer (payments)"',
        "salary.max: 180000 -> 190000",
    )
    assert "text: 1 line(s) added, 1 removed" in shown.news
    assert "  +- Six years of Go" in shown.news
    assert board.posting.read_text(encoding="utf-8") == mine  # nothing written without --update

    updated = board.imported(update=True, today=LATER)
    assert updated.failure is None
    text = board.posting.read_text(encoding="utf-8")
    assert "title: Platform Engineer (payments)  # my words\ntags: [go]\n" in text
    assert "  max: 190000\n" in text and "Six years of Go" in text and "Five years" not in text
    kept = board.snapshots / "2026-12-02.md"
    assert kept.read_text(encoding="utf-8") == mine  # the file as it stood, byte for byte
    newest = latest(board.snapshots)
    assert (
        newest is not None
        and newest.path.name == "2026-12-02-2.md"
        and newest.meta["title"] == "Senior Platform Engineer"
    )
    assert updated.written == (
        f"kept the file as it was in {kept} (sha256 {hashlib.sha256(mine.encode()).hexdigest()[:12]})",
        f"updated {board.posting}",
        f"kept the posting as read in {newest.path} (sha256 {newest.sha256[:12]})",
    )
    assert (updated.record, shown.record) == (str(board.posting), str(board.posting))
    assert updated.found is not None and shown.found is not None
    again = board.imported(update=True, today=LATER)  # the edit is known now: no news
    assert again.news == ("up to date with its address",)
    assert again.written == ()
    assert checked_knowledge_base(board.docs).problems == []


def test_a_text_the_user_edited_stays_and_the_postings_goes_to_the_snapshot(board: Board) -> None:
    _edit(
        board.posting, "We build the payments platform.", "We build the payments platform. MY NOTE: ask about on-call."
    )
    board.page = _page(180000, TEXT + "<p>Now hiring in Denver too.</p>")
    updated = board.imported(update=True, today=LATER)
    assert "text: you edited it, so yours stays; the posting's text goes to the snapshot" in updated.news
    text = board.posting.read_text(encoding="utf-8")
    assert "MY NOTE" in text and "Denver" not in text
    newest = latest(board.snapshots)
    assert newest is not None and "Denver" in newest.body


def test_a_posting_imported_before_snapshots_follows_its_address_and_its_old_file_is_kept(board: Board) -> None:
    for path in board.snapshots.iterdir():
        path.unlink()
    old = board.posting.read_text(encoding="utf-8")
    board.page = _page(200000)
    updated = board.imported(update=True, today=LATER)
    assert updated.news == (
        "salary.max: 180000 -> 200000",
        'salary.text: "150,000–180,000 USD per year (the page\'s data)"'
        ' -> "150,000–200,000 USD per year (the page\'s data)"',
    )
    assert (board.snapshots / "2026-12-02.md").read_text(encoding="utf-8") == old
    assert "  max: 200000\n" in board.posting.read_text(encoding="utf-8")


def test_a_posting_taken_down_is_reported_and_closed_on_update(board: Board) -> None:
    board.page = None
    gone = board.imported(today=LATER)
    assert gone.failure == f"already imported as {board.posting}; --update records that it closed"
    assert gone.news == (
        "taken down: the posting is not there (HTTP 404); it may have closed or moved",
        "closes: (none) -> 2026-12-02",
    )
    assert "\ncloses:" not in board.posting.read_text(encoding="utf-8")  # only its commented hint
    closed = board.imported(update=True, today=LATER)
    assert (closed.failure, closed.written) == (None, (f"updated {board.posting}",))
    text = board.posting.read_text(encoding="utf-8")
    assert "\ncloses: 2026-12-02\n" in text and "# closes:" not in text  # the hint became the key
    again = board.imported(update=True, today=dt.date(2026, 12, 9))
    assert again.news[1] == "closes: already 2026-12-02" and again.written == ()


def test_a_dry_run_shows_the_changes_and_writes_nothing(board: Board) -> None:
    board.page = _page(190000)
    before = {p: p.read_bytes() for p in [board.posting, *board.snapshots.iterdir()]}
    shown = board.imported(update=True, dry_run=True, today=LATER)
    assert shown.failure is None and shown.news[0] == "salary.max: 180000 -> 190000"
    assert {p: p.read_bytes() for p in [board.posting, *board.snapshots.iterdir()]} == before


def test_a_posting_file_with_front_matter_problems_is_not_touched(board: Board) -> None:
    _edit(board.posting, "company: acme\n", "company: acme\ncompany: acme\n")
    broken = board.posting.read_bytes()
    board.page = _page(190000)
    outcome = board.imported(update=True, today=LATER)
    assert outcome.failure == (
        f"already imported as {board.posting}, which has front matter problems; "
        "fix them first (`roledex check` lists them)"
    )
    assert board.posting.read_bytes() == broken


def test_force_imports_the_address_again_as_a_new_file(board: Board) -> None:
    board.page = _page(190000, title="Staff Platform Engineer")
    forced = board.imported(force=True, today=LATER)
    assert forced.failure is None and forced.plan is not None
    assert forced.plan.posting_path.name == "acme-staff-platform-engineer.md"


def test_roledex_import_update_on_a_page_served_on_loopback(
    tmp_path: Path, loopback: Callable[[str, bytes], str]
) -> None:
    docs = make_site(tmp_path, shipped=False)
    url = loopback("/job.html", _page(180000).encode())
    assert invoke("import", url, "--docs", str(docs)).returncode == 0
    loopback("/job.html", _page(175000).encode())
    shown = invoke("import", url, "--docs", str(docs))
    assert shown.returncode == 1
    assert "--update applies the changes" in shown.stderr and "  salary.max: 180000 -> 175000" in shown.stderr
    updated = invoke("import", url, "--docs", str(docs), "--update")
    assert updated.returncode == 0, updated.stderr
    assert f"{url}: on record as" in updated.stdout and "  salary.max: 180000 -> 175000" in updated.stdout
    assert invoke("check", str(docs)).returncode == 0


def test_a_front_matter_the_editor_cannot_change_safely_is_left_as_it_is(board: Board) -> None:
    text = board.posting.read_text(encoding="utf-8")
    fence = text.index("---", 3)
    flow = "---\n{company: acme, title: Platform Engineer, url: '" + ADDRESS + "'}\n" + text[fence:]
    board.posting.write_text(flow, encoding="utf-8")
    for path in board.snapshots.iterdir():
        path.unlink()  # no earlier reading: every fact follows the posting
    board.page = _page(190000)
    outcome = board.imported(update=True, today=LATER)
    assert outcome.failure is not None
    assert outcome.failure.startswith(f"{board.posting} cannot be updated: the front matter is a flow mapping")
    assert (outcome.record, outcome.found is not None) == (str(board.posting), True)
    assert "salary.max: (none) -> 190000" in outcome.news
    assert board.posting.read_text(encoding="utf-8") == flow


def test_a_posting_taken_down_whose_file_has_problems_says_both(board: Board) -> None:
    _edit(board.posting, "company: acme\n", "company: acme\ncompany: acme\n")
    board.page = None
    outcome = board.imported(update=True, today=LATER)
    assert outcome.failure == (
        "the posting is not there (HTTP 404); it may have closed or moved; on record as "
        f"{board.posting}, which has front matter problems; fix them first (`roledex check` lists them)"
    )
    assert outcome.record == str(board.posting)


def test_a_closing_date_still_ahead_is_brought_forward(board: Board) -> None:
    _edit(board.posting, "posted: 2026-11-01\n", "posted: 2026-11-01\ncloses: 2026-12-31\n")
    board.page = None
    closed = board.imported(update=True, today=LATER)
    assert closed.news[1] == "closes: 2026-12-31 -> 2026-12-02"
    assert "closes: 2026-12-02\n" in board.posting.read_text(encoding="utf-8")


def test_a_page_that_no_longer_names_the_title_keeps_the_one_on_record(board: Board) -> None:
    board.page = _page(180000, title="")
    outcome = board.imported(update=True, today=LATER)
    assert not any(line.startswith("title") for line in outcome.news)
    assert 'title: "Platform Engineer"' in board.posting.read_text(encoding="utf-8")


def test_every_fact_is_weighed_not_only_those_before_a_quiet_one() -> None:
    record = {"title": "A", "team": "Mine", "posted": DAY, "work_mode": "remote", "employment": "full-time"}
    base = {"title": "A", "team": "Ads", "posted": DAY, "work_mode": "remote", "employment": "full-time"}
    fresh = {"title": "A", "team": "Ads", "posted": LATER, "work_mode": "hybrid"}
    assert changes(record, base, fresh) == [
        Change("employment", "full-time", None, kept=True),
        Change("work_mode", "remote", "hybrid"),
    ]
    assert applied_values(record, changes(record, base, fresh)) == {"work_mode": "hybrid"}


def test_a_salary_part_left_empty_is_no_fact() -> None:
    assert changes({"salary": {"text": "", "min": 1}}, None, {"salary": {"text": "1 USD", "min": 1}}) == [
        Change("salary.text", None, "1 USD")
    ]


@pytest.mark.parametrize(
    ("change", "lines"),
    [
        (TextChange(1, 0, ["+x"]), ["text: 1 line(s) added, 0 removed", "  +x"]),
        (TextChange(1, 1, ["+x"]), ["text: 1 line(s) added, 1 removed", "  +x", "  ... and 1 more"]),
    ],
)
def test_a_text_change_says_how_many_lines_it_leaves_out(change: TextChange, lines: list[str]) -> None:
    assert change.describe() == lines


def test_a_line_of_the_longest_length_is_shown_whole() -> None:
    change = text_change("a\n", "b" * (MAX_LINE - 1))
    assert change is not None and change.lines[-1] == "+" + "b" * (MAX_LINE - 1)


def test_a_list_is_shown_in_brackets() -> None:
    assert (
        Change("locations", ["Berlin"], ["Berlin", "Paris"]).describe()
        == 'locations: ["Berlin"] -> ["Berlin", "Paris"]'
    )


def test_the_body_follows_even_an_empty_front_matter() -> None:
    assert with_body("---\n---\nold\n", "new\n") == "---\n---\n\nnew\n"
    assert with_body("---\r\ntitle: t\n---\nold\n", "new\n") == "---\r\ntitle: t\n---\n\r\nnew\r\n"


def test_a_changed_text_alone_is_applied_and_the_old_file_kept(board: Board) -> None:
    old = board.posting.read_text(encoding="utf-8")
    board.page = _page(180000, TEXT + "<p>Now hiring in Denver too.</p>")
    updated = board.imported(update=True, today=LATER)
    assert (updated.failure, updated.record) == (None, str(board.posting))
    # the file as it was is the reading of the first import, kept already
    assert updated.written[0].startswith(f"kept the file as it was in {board.snapshots / '2026-11-25.md'}")
    assert updated.written[1] == f"updated {board.posting}"
    assert "Denver" in board.posting.read_text(encoding="utf-8")
    assert (board.snapshots / "2026-11-25.md").read_text(encoding="utf-8") == old


def test_what_an_import_on_record_answers_names_the_file_and_what_was_read(board: Board) -> None:
    board.page = _page(190000)
    shown = board.imported(update=True, dry_run=True, today=LATER)
    assert shown.record == str(board.posting) and shown.found is not None and shown.found.title == "Platform Engineer"
    _edit(board.posting, "company: acme\n", "company: acme\ncompany: acme\n")
    broken = board.imported(update=True, today=LATER)
    assert broken.record == str(board.posting) and broken.found is not None and broken.found.company == "Acme"


def test_a_file_on_record_that_cannot_be_read_says_why(board: Board, tmp_path: Path) -> None:
    found = board.imported(dry_run=True, force=True, today=LATER).found
    assert found is not None
    missing = tmp_path / "gone.md"
    outcome = brought_up_to_date(found, str(missing), Request(board.docs, update=True, today=LATER))
    assert outcome.failure == f"already imported as {missing}, which cannot be read (No such file or directory)"
    assert (outcome.record, outcome.found) == (str(missing), found)
    gone = taken_down(str(missing), "the posting is not there (HTTP 404)", Request(board.docs, today=LATER))
    assert gone.failure == (
        f"the posting is not there (HTTP 404); on record as {missing}, which cannot be read (No such file or directory)"
    )


@pytest.mark.parametrize(
    ("asked", "failure", "written"),
    [
        ({"dry_run": True}, None, ()),
        ({}, "already imported as {path}", ()),  # closed already: no hint to update
        ({"update": True}, None, ()),
    ],
    ids=["dry run", "without update", "with update"],
)
def test_a_posting_taken_down_that_closed_already_names_its_file(
    board: Board, asked: dict[str, Any], failure: str | None, written: tuple[str, ...]
) -> None:
    _edit(board.posting, "posted: 2026-11-01\n", "posted: 2026-11-01\ncloses: 2026-11-30\n")
    board.page = None
    before = board.posting.read_bytes()
    outcome = board.imported(today=LATER, **asked)
    assert outcome.failure == (failure.format(path=board.posting) if failure else None)
    assert (outcome.record, outcome.written) == (str(board.posting), written)
    assert outcome.news == (
        "taken down: the posting is not there (HTTP 404); it may have closed or moved",
        "closes: already 2026-11-30",
    )
    assert board.posting.read_bytes() == before


def test_a_posting_taken_down_shown_in_a_dry_run_is_not_closed(board: Board) -> None:
    before = board.posting.read_bytes()
    board.page = None
    outcome = board.imported(update=True, dry_run=True, today=LATER)
    assert (outcome.failure, outcome.record, outcome.written) == (None, str(board.posting), ())
    assert outcome.news[1] == "closes: (none) -> 2026-12-02"
    assert board.posting.read_bytes() == before


def test_a_posting_taken_down_whose_front_matter_cannot_be_changed_safely_says_so(board: Board) -> None:
    text = board.posting.read_text(encoding="utf-8")
    fence = text.index("---", 3)
    flow = "---\n{company: acme, title: Platform Engineer, url: '" + ADDRESS + "'}\n" + text[fence:]
    board.posting.write_text(flow, encoding="utf-8")
    board.page = None
    outcome = board.imported(update=True, today=LATER)
    assert outcome.failure is not None
    assert outcome.failure.startswith(f"{board.posting} cannot be updated: the front matter is a flow mapping")
    assert outcome.record == str(board.posting) and outcome.news[1] == "closes: (none) -> 2026-12-02"
    assert board.posting.read_text(encoding="utf-8") == flow


def test_a_posting_taken_down_and_closed_names_its_file(board: Board) -> None:
    board.page = None
    closed = board.imported(update=True, today=LATER)
    assert (closed.record, closed.written) == (str(board.posting), (f"updated {board.posting}",))
    assert closed.news[0].startswith("taken down: ")


def test_an_address_read_again_with_what_was_asked_is_compared_as_asked(board: Board) -> None:
    shown = board.imported(
        update=True,
        dry_run=True,
        title="Staff Platform Engineer",
        location="Denver, CO",
        work_mode="onsite",
        today=LATER,
    )
    assert shown.news == (
        'title: "Platform Engineer" -> "Staff Platform Engineer"',
        'locations: ["Austin, TX, United States"] -> ["Denver, CO"]',
        "work_mode: (none) -> onsite",
    )


def test_a_page_that_names_no_title_is_filed_as_a_posting(tmp_path: Path) -> None:
    board = Board(tmp_path)
    board.page = _page(180000, title="")
    outcome = board.imported()
    assert outcome.failure is None and outcome.plan is not None
    assert outcome.plan.posting_path.name == "acme-posting.md"


def test_a_description_escaped_twice_is_read_as_the_html_it_holds(tmp_path: Path) -> None:
    board = Board(tmp_path)
    board.page = _page(180000, description="&lt;p&gt;We build &lt;b&gt;payments&lt;/b&gt;.&lt;/p&gt;")
    assert board.imported().failure is None
    assert board.posting.read_text(encoding="utf-8").endswith("---\n\nWe build **payments**.\n")


def test_a_page_that_names_no_address_of_its_own_is_filed_under_the_one_asked(board: Board) -> None:
    assert f'\nurl: "{ADDRESS}"\n' in board.posting.read_text(encoding="utf-8")


def test_a_company_given_for_an_address_is_the_postings(tmp_path: Path) -> None:
    outcome = Board(tmp_path).imported(company="globex")
    assert outcome.plan is not None and outcome.plan.company_slug == "globex"
    assert outcome.plan.posting_path.name == "globex-platform-engineer.md"
