"""Shell completion: the installed `roledex` answers the shell's request (as argcomplete's
registered shell code makes it) with the commands, options, slugs, statuses and kinds that fit
the word being typed, from any folder of the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_site, run_roledex

P = "etsy-engineering-manager-ml-for-growth"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("completion")
    make_site(root, {"contacts/jo-park.md": '---\nname: "Jo Park"\n---\n'})
    return root


def _complete(line: str, cwd: Path, tmp_path: Path) -> list[str]:
    answer = tmp_path / "completions.txt"
    env = {
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_IFS": "\n",
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
    }
    result = run_roledex(cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return sorted(word.strip() for word in answer.read_text(encoding="utf-8").split("\n") if word.strip())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("roledex ev", ["event"]),
        ("roledex status etsy-engineering-manager-r", ["etsy-engineering-manager-recommendations-ranking"]),
        (f"roledex status {P} scr", ["screening"]),
        ("roledex event etsy", [P]),  # only postings with an application
        (f"roledex event {P} to", ["todo"]),
        (f"roledex event {P} round --round sys", ["system-design"]),
        (f"roledex event {P} round --outcome pa", ["passed"]),
        (f"roledex event {P} note --with j", ["jo-park"]),
        ("roledex mv ets", []),  # companies and postings: asserted below
        ("roledex new prep etsy-machine", ["etsy-machine-learning-engineer-growth"]),
        (f"roledex event {P} todo --do", ["--docs", "--done"]),
    ],
    ids=[
        "command",
        "posting",
        "status",
        "application",
        "kind",
        "round kind",
        "outcome",
        "contact",
        "mv",
        "new",
        "option",
    ],
)
def test_the_shell_is_offered_what_fits(site: Path, tmp_path: Path, line: str, expected: list[str]) -> None:
    found = _complete(line, site, tmp_path)
    if line.startswith("roledex mv"):
        assert "etsy" in found and P in found and all(word.startswith("ets") for word in found)
    else:
        assert found == expected


def test_completion_works_from_inside_the_docs_folder(site: Path, tmp_path: Path) -> None:
    assert _complete(f"roledex event {P[:-3]}", site / "docs" / "postings", tmp_path) == [P]
