"""No lost write: commands that edit one record at once each land, in some order, and the file
stays one that `roledex check` accepts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from conftest import invoke, make_site
from roledex.kb.files import LockTimeout, edit_in_place, edit_or_create, record_lock, write_text_atomic

POSTING = "etsy-engineering-manager-ml-for-growth"
WRITERS = 8


def _roledex() -> list[str]:
    executable = shutil.which("roledex", path=str(Path(sys.executable).parent))
    return [executable] if executable else [sys.executable, "-m", "roledex.cli.main"]


def _events(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]).get("events") or []


def test_many_event_commands_at_once_each_keep_their_event(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    path = docs / "applications" / f"{POSTING}.md"
    before = len(_events(path))
    commands = [
        [*_roledex(), "event", POSTING, "note", "--date", "2026-12-01", "--note", f"writer {n}"] for n in range(WRITERS)
    ]
    running = [
        subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    results = [(process.wait(timeout=120), process.stderr.read() if process.stderr else "") for process in running]
    assert all(status == 0 for status, _ in results), results
    notes = [event.get("note") for event in _events(path)]
    assert len(notes) == before + WRITERS
    assert sorted(n for n in notes if str(n).startswith("writer")) == sorted(f"writer {n}" for n in range(WRITERS))
    assert invoke("check", cwd=tmp_path).returncode == 0


def test_two_status_commands_starting_one_application_both_land(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    env = {**os.environ}
    first = subprocess.Popen(
        [*_roledex(), "status", "etsy-engineering-manager-ads-ml", "applied", "--date", "2026-12-01"],
        cwd=tmp_path,
        env=env,
    )
    second = subprocess.Popen(
        [*_roledex(), "status", "etsy-engineering-manager-ads-ml", "applied", "--date", "2026-12-01"],
        cwd=tmp_path,
        env=env,
    )
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    text = (docs / "applications" / "etsy-engineering-manager-ads-ml.md").read_text(encoding="utf-8")
    assert text.count("  - date: 2026-12-01\n    status: applied\n") == 2  # neither replaced the other's file


def test_threads_editing_one_file_see_every_earlier_write(tmp_path: Path) -> None:
    path = tmp_path / "record.md"
    path.write_text("", encoding="utf-8")

    def add(line: str) -> None:
        edit_in_place(path, lambda text: text + line + "\n")

    threads = [threading.Thread(target=add, args=(f"line {n}",)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(path.read_text(encoding="utf-8").splitlines()) == sorted(f"line {n}" for n in range(40))


def test_a_file_made_while_waiting_is_edited_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    assert edit_or_create(path, lambda text: text + "first\n", "start\n") is True
    assert edit_or_create(path, lambda text: text + "second\n", "start\n") is False
    assert path.read_text(encoding="utf-8") == "start\nfirst\nsecond\n"


def test_a_link_and_its_target_share_one_lock(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("x", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with record_lock(target), pytest.raises(LockTimeout, match="held by another roledex command for 0.1 s"):  # noqa: SIM117
        with record_lock(link, wait=0.1):
            pass


def test_a_held_lock_makes_the_command_say_so_and_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = make_site(tmp_path)
    path = docs / "applications" / f"{POSTING}.md"
    before = path.read_bytes()
    monkeypatch.setattr("roledex.kb.files.LOCK_WAIT_SECONDS", 0.1)
    with record_lock(path):
        result = invoke("event", POSTING, "note", "--date", "2026-12-01", "--note", "x", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "held by another roledex command for 0.1 s; try again when it has finished; nothing was changed"
        in result.stderr
    )
    assert path.read_bytes() == before


def test_two_files_have_two_locks(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    with record_lock(first), record_lock(second, wait=0.1):
        pass  # a shared lock would have timed out here


def test_a_new_file_gets_the_usual_permissions_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.md", "x\n")
    finally:
        os.umask(old)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md"]


def test_the_temporary_file_is_made_beside_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    made: list[tuple[object, object, object]] = []
    real = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        made.append((kwargs.get("dir"), kwargs.get("prefix"), kwargs.get("suffix")))
        return real(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    write_text_atomic(tmp_path / "new.md", "x\n")
    assert made == [(tmp_path, ".new.md.", ".tmp")]  # a rename within one folder is atomic; the dot hides it


def test_an_existing_file_is_refused_by_name_without_overwrite(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError) as refused:
        write_text_atomic(tmp_path / "a.md", "theirs\n")
    assert refused.value.args == (tmp_path / "a.md",)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "mine\n"


def test_editing_what_is_not_a_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=f"^{tmp_path} is not a regular file$"):
        edit_in_place(tmp_path, lambda text: text)
    with pytest.raises(FileNotFoundError):
        edit_in_place(tmp_path / "missing.md", lambda text: text)
