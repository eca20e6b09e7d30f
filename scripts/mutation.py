"""Mutation testing of roledex's core rules with mutmut, and the score of each module.

mutmut changes one thing at a time in the code (a `<` to `<=`, a constant, a dropped
call) and runs the tests that reach it; a change no test notices is a gap in the tests.
mutmut finds a package only at the top of a project or under `src/`, so this script
stages a copy with `hooks/roledex` as `src/roledex`, runs mutmut there and prints the share
of mutants killed per module. Nothing in the checkout changes.

    pip install -c constraints.txt -e ".[test,mutation]"
    python scripts/mutation.py                      # the core modules (tens of minutes)
    python scripts/mutation.py --module facts/salary.py   # one module
    python scripts/mutation.py --module importer/money.py --tests tests/test_pay_reading.py  # its tests only
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORE = (
    "facts/salary.py",
    "facts/privacy.py",
    "check/published.py",
    "check/hook_less.py",
    "facts/stories.py",
    "facts/question_bank.py",
    "kb/source.py",
    "kb/yaml_diagnosis.py",
    "kb/status_edit.py",
    "web/common.py",
    "web/links.py",
    "facts/export.py",
    "kb/key_checks.py",
    "kb/text.py",
    "check/records.py",
    "kb/tree.py",
    "facts/applications.py",
    "facts/skills.py",
    "kb/settings.py",
    "kb/inert.py",
    "kb/files.py",
    "importer/limits.py",
    "importer/sanitize.py",
    "cli/status.py",
    "cli/event.py",
    "cli/new.py",
    "cli/import_.py",
    "facts/offers.py",
    "check/offers.py",
    "kb/rename.py",
    "importer/records.py",
    "importer/title_line.py",
    "importer/scoring.py",
    "importer/places.py",
    "plugin/local_actions.py",
)
"""Salary, privacy, source reading, the status editor, escaping, the checker's rules, what
can run, the locked writes, the importer's limits, the command line's own guards, offers,
renaming, structured records and the local site's guards."""
FAST_TESTS = (
    "tests/test_rules.py",
    "tests/test_values.py",
    "tests/test_tree.py",
    "tests/test_links.py",
    "tests/test_escaping.py",
    "tests/test_export.py",
    "tests/test_privacy_rules.py",
    "tests/test_private_files.py",
    "tests/test_hook_less.py",
    "tests/test_markdown_tree.py",
    "tests/test_stories.py",
    "tests/test_question_bank.py",
    "tests/test_status_edit.py",
    "tests/test_yaml_diagnosis.py",
    "tests/test_source.py",
    "tests/test_check_cli.py",
    "tests/test_render.py",
    "tests/test_search_view.py",
    "tests/test_key_checks.py",
    "tests/test_text.py",
    "tests/test_page_pieces.py",
    "tests/test_leak_finder.py",
    "tests/test_pipeline_rules.py",
    "tests/test_settings.py",
    "tests/test_one_home.py",
    "tests/test_places.py",
    "tests/test_labels.py",
    "tests/test_structured.py",
    "tests/test_boards.py",
    "tests/test_pay_reading.py",
    "tests/test_plain_text.py",
    "tests/test_dates.py",
    "tests/test_import.py",
    "tests/test_update.py",
    "tests/test_reminders.py",
    "tests/test_funnel.py",
    "tests/test_calendar.py",
    "tests/test_timeline.py",
    "tests/test_inert.py",
    "tests/test_limits.py",
    "tests/test_out_of_range.py",
    "tests/test_faults.py",
    "tests/test_concurrent_writes.py",
    "tests/test_new.py",
    "tests/test_cli_guards.py",
    "tests/test_rule_edges.py",
    "tests/test_week_of_use.py",
    "tests/test_offers.py",
    "tests/test_mv.py",
    "tests/test_records.py",
    "tests/test_title_line.py",
    "tests/test_scoring.py",
    "tests/test_todos.py",
    "tests/test_local_actions.py",
)
"""The in-process tests of those rules; the browser and install tests add nothing here."""
PROPERTY_EXAMPLES = 20
"""Examples per property-based test under mutation (the suite itself runs hundreds)."""


PRISTINE_SUBPROCESSES = """

# Added by scripts/mutation.py: commands and builds run in a subprocess use the unchanged
# package (mutmut's mutants work in its own process only), so only in-process tests kill.
import subprocess as _subprocess

_popen_init = _subprocess.Popen.__init__


def _pristine_popen_init(self, *args, **kwargs):
    in_a_test = "PYTEST_CURRENT_TEST" in os.environ  # pytest itself starts processes too (platform)
    if in_a_test and "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        # The change under test cannot reach a subprocess: the rest of the test adds time only.
        import pytest

        pytest.skip("a subprocess runs the unchanged package")
    env = dict(kwargs.get("env") or os.environ)
    env["PYTHONPATH"] = {pristine!r}
    env.pop("MUTANT_UNDER_TEST", None)
    _popen_init(self, *args, **{{**kwargs, "env": env}})


_subprocess.Popen.__init__ = _pristine_popen_init
"""


def stage(target: Path) -> None:
    """A copy of the project with the package under src/, as mutmut expects it."""
    package = REPO / "hooks" / "roledex"
    shutil.copytree(package, target / "src" / "roledex", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(package, target / "pristine" / "roledex", ignore=shutil.ignore_patterns("__pycache__"))
    (target / "hooks").mkdir()
    for hook_module in (REPO / "hooks").glob("*.py"):
        shutil.copy2(hook_module, target / "hooks" / hook_module.name)
    for name in ("tests", "docs", "scripts"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for test in (target / "tests").glob("test_*.py"):
        # Each mutant reruns the property tests: a few examples each find what the tables miss.
        source = test.read_text(encoding="utf-8")
        test.write_text(re.sub(r"max_examples=\d+", f"max_examples={PROPERTY_EXAMPLES}", source), encoding="utf-8")
    conftest = target / "tests" / "conftest.py"
    pristine = str(target / "pristine")
    conftest.write_text(conftest.read_text(encoding="utf-8") + PRISTINE_SUBPROCESSES.format(pristine=pristine))


def configure(target: Path, modules: list[str], tests: list[str]) -> None:
    sources = ", ".join(f'"src/roledex/{module}"' for module in modules)
    selection = ", ".join(f'"{test}"' for test in tests)
    (target / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'addopts = "-p no:cacheprovider"\n'
        'pythonpath = ["scripts"]\n'
        "[tool.mutmut]\n"
        f"source_paths = [{sources}]\n"
        f"pytest_add_cli_args_test_selection = [{selection}]\n"
        'also_copy = ["tests/", "docs/", "scripts/", "mkdocs.yml", "hooks/", "src/"]\n',
        encoding="utf-8",
    )


def scores(target: Path) -> dict[str, collections.Counter[str]]:
    """Mutants per module by outcome, from `mutmut results --all true`."""
    result = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=target,
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in result.stdout.splitlines():
        match = re.match(r"roledex\.([\w.]+?)\.x\S*__mutmut_\d+: (.+)$", line.strip())
        if match:
            found[match.group(1)][match.group(2).strip()] += 1
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", help="a module under hooks/roledex (default: the core rules)")
    parser.add_argument("--keep", type=Path, help="stage in this folder and keep it (for `mutmut browse`)")
    parser.add_argument(
        "--tests", action="append", help="a test file to run (default: the in-process tests of the core rules)"
    )
    args = parser.parse_args()
    modules = args.module or list(CORE)
    target = args.keep or Path(tempfile.mkdtemp(prefix="roledex-mutation-"))
    if target.exists() and any(target.iterdir()):
        shutil.rmtree(target)
    target.mkdir(parents=True, exist_ok=True)
    stage(target)
    configure(target, modules, args.tests or list(FAST_TESTS))
    # The folder must exist before Python starts, or the import system caches its absence.
    (target / "mutants" / "src").mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(target / "mutants" / "src")}
    run = subprocess.run([sys.executable, "-m", "mutmut", "run"], cwd=target, env=environment, check=False)
    if run.returncode != 0:
        print(f"mutmut run exited with {run.returncode}", file=sys.stderr)
    table = scores(target)
    total = collections.Counter[str]()
    print(f"\n{'module':<22} {'mutants':>8} {'killed':>8} {'score':>7}")
    for module, counts in sorted(table.items()):
        mutants = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        total.update(counts)
        print(f"{module:<22} {mutants:>8} {killed:>8} {killed / mutants:>7.0%}")
    mutants = sum(total.values())
    if mutants:
        killed = total["killed"] + total["timeout"]
        print(f"{'all':<22} {mutants:>8} {killed:>8} {killed / mutants:>7.0%}")
    if not args.keep:
        shutil.rmtree(target, ignore_errors=True)
    return 0 if mutants else 1


if __name__ == "__main__":
    sys.exit(main())
