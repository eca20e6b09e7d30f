"""roledex as a MkDocs plugin: named in `plugins:` or as the old hook, the same site; options
MkDocs validates; nothing of one build left in the next; each replacement of MkDocs' internals
stepping aside, with one line, when what it replaces is not what it expects."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, build_site, make_site, output_texts, set_plugin_options, without_roledex
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from roledex.plugin import speedups
from roledex.plugin.build_state import BuildState
from roledex.plugin.plugin import RoledexPlugin

HOOK = str(REPO / "hooks" / "roledex_hook.py")


def _as_hook(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(without_roledex(config.read_text(encoding="utf-8")) + f"\nhooks:\n  - {HOOK}\n", "utf-8")


def test_the_plugin_and_the_hook_build_the_same_site(tmp_path: Path) -> None:
    plugin_root, hook_root = tmp_path / "plugin", tmp_path / "hook"
    make_site(plugin_root)
    make_site(hook_root)
    _as_hook(hook_root)
    for root in (plugin_root, hook_root):
        result = build_site(root)
        assert result.returncode == 0, result.stderr
    plugin_site, hook_site = output_texts(plugin_root / "site"), output_texts(hook_root / "site")
    assert len(plugin_site) > 30 and plugin_site.keys() == hook_site.keys()
    assert [path for path in plugin_site if plugin_site[path] != hook_site[path]] == []


def test_naming_roledex_twice_stops_the_build_with_one_line(tmp_path: Path) -> None:
    make_site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nhooks:\n  - {HOOK}\n", "utf-8")
    result = build_site(tmp_path)
    assert result.returncode == 1
    assert "roledex: mkdocs.yml names roledex both as a plugin and as a hook (roledex_hook.py); keep the plugin" in (
        result.stderr
    )


def test_the_plugins_options_are_validated_by_mkdocs(tmp_path: Path) -> None:
    make_site(tmp_path)
    set_plugin_options(tmp_path, "speedups: maybe")
    result = build_site(tmp_path)
    assert result.returncode == 1 and "speedups" in result.stderr


def _non_default(value: Any) -> Any:
    """Something other than a fresh field's value, of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, (set, frozenset)):
        return type(value)({"left-over"})
    if isinstance(value, (list, dict)):
        return type(value)({"left-over": 1}) if isinstance(value, dict) else ["left-over"]
    return "left-over"


def test_nothing_of_one_build_is_left_in_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROLEDEX_PRIVATE", raising=False)
    plugin = RoledexPlugin()
    plugin.load_config({"speedups": False})
    plugin.on_startup(command="build", dirty=False)
    fresh = BuildState()
    planted = {field.name: _non_default(getattr(fresh, field.name)) for field in dataclasses.fields(BuildState)}
    for name, value in planted.items():
        setattr(plugin.build, name, value)
    plugin.on_config(load_config(str(tmp_path / "mkdocs.yml")))
    derived = {"pagefind": True}  # from this build's settings and command, whatever the last build had
    for name, value in planted.items():
        now = getattr(plugin.build, name)
        if name in derived:
            assert now == derived[name], name
            continue
        assert now is not value and now != value, name
        if name not in {"include_private", "settings"} and type(now).__eq__ is not object.__eq__:
            assert now == getattr(fresh, name), name
    assert plugin.build.include_private is False


def test_a_replacement_steps_aside_when_mkdocs_changed_what_it_replaces(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def render(self: Page, config: Any, files: Any, *, anchors: bool = True) -> None:  # a new parameter
        return None

    monkeypatch.setattr(Page, "render", render)
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.roledex"):
            installed = speedups.for_serve()
        assert Page.render is render and installed == 7
        said = [record.getMessage() for record in caplog.records]
        assert len(said) == 1 and said[0].startswith("roledex: Page.render is not what roledex expects")
    finally:
        speedups.restore()
    from mkdocs import utils

    assert not hasattr(utils.write_file, "__wrapped__")  # restore put back every original


def test_every_replacement_finds_what_it_expects_in_the_installed_mkdocs() -> None:
    assert [r.name for r in speedups._serve_replacements() if not r.expected()] == []


def test_strict_fails_on_a_roledex_warning_and_not_on_a_reminder(tmp_path: Path) -> None:
    posting = "etsy-engineering-manager-ads-ml.md"
    warned, reminded = tmp_path / "warned", tmp_path / "reminded"
    docs = make_site(warned)
    path = docs / "postings" / posting
    path.write_text(path.read_text(encoding="utf-8").replace("  headline_is: sum\n", ""), encoding="utf-8")
    result = build_site(warned)
    assert result.returncode == 1
    assert f"WARNING -  roledex: docs/postings/{posting}:17: salary.headline: warning: headline 454000" in result.stderr
    docs = make_site(reminded, {"stories/half-told.md": "---\ntitle: Half told\n---\n\n## Situation\n\nBusy.\n"})
    result = build_site(reminded, private="include")
    assert result.returncode == 0, result.stderr
    assert (
        "INFO    -  roledex: docs/stories/half-told.md:4: body: reminder: the story has nothing under" in result.stderr
    )


NESTED_TOO_DEEP = "Notes\n" + "".join("    " * level + "- x\n" for level in range(300))


def test_a_page_markdown_would_fail_on_stops_a_build_with_one_line(tmp_path: Path) -> None:
    make_site(tmp_path, {"notes.md": NESTED_TOO_DEEP})  # no record: the checker does not read it
    result = build_site(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "roledex: notes.md: line 103 of its text nests its lists or quotes more than 100 levels" in result.stderr


@pytest.mark.parametrize("command", ["serve", "build"])
def test_under_serve_such_a_page_says_why_it_is_not_shown(command: str) -> None:
    plugin = RoledexPlugin()
    plugin.memory.command = command
    assert plugin._buildable("- a list\n    - nested once\n", "notes.md") == "- a list\n    - nested once\n"
    if command == "build":
        with pytest.raises(PluginError, match="^roledex: notes.md: line 103 of its text nests"):
            plugin._buildable(NESTED_TOO_DEEP, "notes.md")
        return
    shown = plugin._buildable(NESTED_TOO_DEEP, "notes.md")
    assert shown.startswith("This page is not shown: ") and "100 levels deep" in shown and "    -" not in shown
