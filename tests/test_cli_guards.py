"""The command line's own guards, before it writes: each refusal's exit status and its exact
line, with the file left byte for byte; each warning; and what an accepted change writes.
The clock is set, so "in the future" means the same on any day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from conftest import invoke, make_site
from roledex.cli.status import refused_unreadable
from roledex.kb.load import LoadResult
from roledex.kb.model import KnowledgeBase
from roledex.kb.problems import Problem

P = "etsy-engineering-manager-ml-for-growth"
TODAY = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
STATUSES = "saved, preparing, applied, screening, interviewing, offer, accepted, rejected, withdrawn, closed"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    docs = make_site(tmp_path)
    application = docs / "applications" / f"{P}.md"
    text = application.read_text(encoding="utf-8").replace(
        "status: preparing\n",
        "status: applied\napplied: 2026-11-20\nnext_step: call Jo\nnext_date: 2026-11-25\n"
        "events:\n  - date: 2026-11-20\n    status: applied\n",
    )
    application.write_text(text, encoding="utf-8")
    return tmp_path, application


REFUSALS = [
    (
        ["status", P, "pending"],
        1,
        f"roledex status: 'pending' is not a status; did you mean 'preparing'?; statuses: {STATUSES}",
    ),
    (
        ["status", P, "screening", "--date", "2026-13-01"],
        2,
        "roledex status: --date takes a date as YYYY-MM-DD, got '2026-13-01'",
    ),
    (
        ["status", P, "screening", "--next-date", "tomorrow"],
        2,
        "roledex status: --next-date takes a date as YYYY-MM-DD, got 'tomorrow'",
    ),
    (["status", "etsy-nope", "screening"], 1, "roledex status: no posting 'etsy-nope' in docs/postings"),
    (
        ["status", "etsy-engineering-manager-ml-for-grwoth", "screening"],
        1,
        "roledex status: no posting 'etsy-engineering-manager-ml-for-grwoth' in docs/postings; "
        "did you mean 'etsy-engineering-manager-ml-for-growth'?",
    ),
    (
        ["status", P, "screening", "--date", "2026-11-19"],
        1,
        f"roledex status: 2026-11-19 is before the last change of status of {P} (2026-11-20, events.1, applied); "
        "the status is the latest change's: pass --force to record it anyway",
    ),
    (
        ["event", P, "status"],
        2,
        "roledex event: 'status' is not a kind of event; a change of status goes through `roledex status`; "
        "kinds: round, follow-up, reply, note, todo",
    ),
    (
        ["event", P, "rond"],
        2,
        "roledex event: 'rond' is not a kind of event; did you mean 'round'?; "
        "kinds: round, follow-up, reply, note, todo",
    ),
    (
        ["event", P, "note", "--date", "12/01/2026"],
        2,
        "roledex event: --date takes a date as YYYY-MM-DD, got '12/01/2026'",
    ),
    (
        ["event", "etsy-machine-learning-engineer-growth", "note"],
        1,
        "roledex event: no application for 'etsy-machine-learning-engineer-growth'; "
        "`roledex status POSTING applied` starts one",
    ),
    (
        ["event", P, "round"],
        2,
        "roledex event: --round: a round needs --round (one of recruiter-screen, hiring-manager, technical, "
        "system-design, behavioural, onsite, final, other)",
    ),
    (
        ["event", P, "note", "--with", "jo-nobody"],
        2,
        "roledex event: --with: no contact 'jo-nobody' in contacts/; `roledex new contact NAME` adds one",
    ),
]


@pytest.mark.parametrize(("args", "status", "line"), REFUSALS, ids=[" ".join(a[2:] or a[:1]) for a, _, _ in REFUSALS])
def test_a_refusal_is_its_own_line_and_changes_nothing(
    site: tuple[Path, Path], args: list[str], status: int, line: str
) -> None:
    root, application = site
    before = application.read_bytes()
    with time_machine.travel(TODAY, tick=False):
        result = invoke(*args, cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (status, "", line + "\n")
    assert application.read_bytes() == before


@pytest.mark.parametrize(("day", "warned"), [("2026-12-06", False), ("2026-12-07", True)], ids=["today", "tomorrow"])
def test_only_a_day_after_today_is_warned_of_as_the_future(site: tuple[Path, Path], day: str, warned: bool) -> None:
    root, _ = site
    with time_machine.travel(TODAY, tick=False):
        status = invoke("status", P, "screening", "--date", day, cwd=root)
        event = invoke("event", P, "note", "--date", day, "--note", "x", cwd=root)
    assert status.returncode == 0 and event.returncode == 0
    future = f"roledex status: warning: {day} is in the future; the event is recorded as planned\n"
    assert status.stderr == (future if warned else "")
    assert event.stderr == (f"roledex event: warning: {day} is in the future\n" if warned else "")


def test_an_accepted_change_writes_every_option_and_says_what_it_did(site: tuple[Path, Path]) -> None:
    root, application = site
    with time_machine.travel(TODAY, tick=False):
        result = invoke(
            "status", P, "screening", "--date", "2026-11-26", "--next", "Prepare the take-home",
            "--next-date", "2026-12-01", "--note", "recruiter called", cwd=root,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"updated docs/applications/{P}.md: status: screening, updated: 2026-11-26, "
        "next_step: Prepare the take-home, next_date: 2026-12-01; event 2026-11-26 screening\n"
    )
    text = application.read_text(encoding="utf-8")
    assert 'next_step: "Prepare the take-home"\nnext_date: 2026-12-01\n' in text
    assert '  - date: 2026-11-26\n    status: screening\n    note: "recruiter called"\n' in text


def test_a_passed_next_step_is_cleared_and_said_once(site: tuple[Path, Path]) -> None:
    root, application = site
    with time_machine.travel(TODAY, tick=False):
        result = invoke("status", P, "screening", "--date", "2026-11-26", cwd=root)
        again = invoke("status", P, "interviewing", "--date", "2026-11-27", cwd=root)
    assert result.stdout.splitlines()[1:] == [
        "  cleared the next step 'call Jo' (due 2026-11-25), which this change passed; set a new one with --next"
    ]
    assert "next_step" not in application.read_text(encoding="utf-8").split("---")[1].replace("# next_step", "")
    assert len(again.stdout.splitlines()) == 1  # nothing left to clear


def test_a_new_application_is_said_to_be_written(tmp_path: Path) -> None:
    make_site(tmp_path)
    with time_machine.travel(TODAY, tick=False):
        result = invoke("status", "etsy-machine-learning-engineer-growth", "applied", cwd=tmp_path)
    assert result.stdout.startswith(
        "wrote docs/applications/etsy-machine-learning-engineer-growth.md: status: applied, updated: 2026-12-06"
    )


def test_an_application_that_is_not_utf8_is_named_and_left_alone(site: tuple[Path, Path]) -> None:
    root, application = site
    application.write_bytes(application.read_bytes().replace(b"Body", b"Bo\xffdy") + b"\xff\n")
    before = application.read_bytes()
    result = invoke("event", P, "note", "--date", "2026-11-26", cwd=root)
    assert result.returncode == 1 and application.read_bytes() == before
    assert result.stderr == (
        f"roledex event: docs/applications/{P}.md exists but is not a readable application; nothing was "
        "changed. Run `roledex check` and fix what it reports first\n"
    )


@pytest.mark.parametrize(
    ("there_when_read", "refused"),
    [(True, True), (False, False)],
    ids=["unreadable-when-read", "created-since-by-another-command"],
)
def test_only_a_file_that_could_not_be_read_is_refused_not_one_started_since(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], there_when_read: bool, refused: bool
) -> None:
    target = tmp_path / "applications" / f"{P}.md"
    target.parent.mkdir()
    target.write_text("---\nstatus: applied\n---\n", encoding="utf-8")
    problems = [Problem(str(target), 1, "file", "is not UTF-8 text")] if there_when_read else []
    assert refused_unreadable("status", target, None, LoadResult(KnowledgeBase(), problems)) is refused
    assert ("not a readable application" in capsys.readouterr().err) is refused


@pytest.mark.parametrize("command", [["status", P, "applied"], ["event", P, "note"]])
def test_a_file_that_is_another_postings_application_is_named_and_left_alone(
    site: tuple[Path, Path], command: list[str]
) -> None:
    root, application = site
    application.write_text(
        application.read_text(encoding="utf-8").replace(f"posting: {P}", "posting: etsy-engineering-manager-ads-ml")
    )
    before = application.read_bytes()
    result = invoke(*command, "--date", "2026-11-26", cwd=root)
    assert (result.returncode, application.read_bytes()) == (1, before)
    assert result.stderr == (
        f"roledex {command[0]}: docs/applications/{P}.md is the application of 'etsy-engineering-manager-ads-ml' "
        "(its posting key); nothing was changed. Give the file its posting's name, or fix its posting key, first\n"
    )


@pytest.mark.parametrize(
    ("args", "path", "words"),
    [
        (["company", "Globex Corp"], "companies/globex-corp.md", 'name: "Globex Corp"'),
        (["story", "Cut warehouse cost 35%"], "stories/cut-warehouse-cost-35.md", "Cut warehouse cost 35%"),
        (
            ["question", "Tell me about a time you disagreed with your manager and how it ended"],
            "questions/tell-me-about-a-time-you-disagreed-with-your-manager-and-how.md",  # 60 characters at most
            "Tell me about a time you disagreed with your manager and how it ended",
        ),
        (["contact", "Jo Quietly", "--company", "etsy"], "contacts/jo-quietly.md", "company: etsy"),
        (["contact", "Jo Loud"], "contacts/jo-loud.md", 'name: "Jo Loud"'),
    ],
)
def test_new_writes_each_kind_under_its_name_with_its_words(
    tmp_path: Path, args: list[str], path: str, words: str
) -> None:
    docs = make_site(tmp_path)
    result = invoke("new", *args, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"wrote docs/{path}\n"), result.stderr
    assert words in (docs / path).read_text(encoding="utf-8")
    assert invoke("check", cwd=tmp_path).returncode == 0
    again = invoke("new", *args, cwd=tmp_path)
    assert (again.returncode, again.stderr) == (
        1,
        f"roledex new: docs/{path} already exists; edit it, or remove it first\n",
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["company", "!!!"], "roledex new: cannot make a file name from '!!!'; use letters or digits"),
        (["contact", "???"], "roledex new: cannot make a file name from '???'; use letters or digits"),
        (
            ["prep", "postings/etsy-engineering-manager-ads-ml.md"],
            "roledex new prep: 'postings/etsy-engineering-manager-ads-ml.md' is not a posting's slug (its file name "
            "in docs/postings without '.md'); did you mean 'etsy-engineering-manager-ads-ml'?",
        ),
        (
            ["application", "etsy-nope"],
            "roledex new: no posting 'etsy-nope' in docs/postings",
        ),
        (["contact", "Jo", "--company", "globex"], "roledex new: no company 'globex' in docs/companies"),
        (["posting", "etsy", "!!!"], "roledex new: company and title need letters or digits"),
    ],
)
def test_new_refuses_in_one_line(tmp_path: Path, args: list[str], line: str) -> None:
    make_site(tmp_path)
    result = invoke("new", *args, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, line + "\n")
