"""Work reused across rebuilds under `mkdocs serve`: when a reused page may skip the plugins'
page events, and when its output file is written again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from roledex.plugin import serve_cache

HOOK = "roledex.plugin.plugin.RoledexPlugin"
OTHER_HOOK = "hooks/other.py"


def _plugin(qualified_name: str) -> Any:
    """An instance of a class named like a real plugin, with the page events MkDocs calls."""
    module, _, name = qualified_name.rpartition(".")
    methods = {"__module__": module, "on_page_context": lambda self: None, "on_post_page": lambda self: None}
    return type(name, (), methods)()


def _hook_event(module: str = OTHER_HOOK) -> Callable[[], None]:
    """An event of a hook: a module's function."""

    def on_post_page() -> None:
        return None

    on_post_page.__module__ = module
    return on_post_page


class _Plugins:
    """What MkDocs' PluginCollection keeps: each event's handlers, in order."""

    def __init__(self, page_context: list[Any], post_page: list[Any]) -> None:
        self.events = {"page_context": page_context, "post_page": post_page}


MATERIAL_SEARCH = "material.plugins.search.plugin.SearchPlugin"
MATERIAL_TAGS = "material.plugins.tags.plugin.TagsPlugin"
MKDOCS_SEARCH = "mkdocs.contrib.search.SearchPlugin"


@pytest.mark.parametrize(
    ("page_context", "post_page", "searches"),
    [
        ([MATERIAL_SEARCH, MATERIAL_TAGS], ["hook"], [MATERIAL_SEARCH]),
        ([MKDOCS_SEARCH], [], [MKDOCS_SEARCH]),
        ([MATERIAL_TAGS], ["hook"], []),
        ([], [], []),
        ([MATERIAL_SEARCH, "mkdocs_macros.plugin.MacrosPlugin"], ["hook"], None),
        (["material.plugins.search.plugin.SearchPluginCopy"], [], None),
        ([MATERIAL_SEARCH], ["hook", "mkdocs_minify_plugin.plugin.MinifyPlugin"], None),
        ([MATERIAL_SEARCH], ["other_hook"], None),
    ],
)
def test_a_reused_page_skips_the_page_events_only_when_every_plugin_there_is_known(
    page_context: list[str], post_page: list[str], searches: list[str] | None
) -> None:
    serve_cache.trust_plugin(HOOK)
    plugins = {name: _plugin(name) for name in page_context}
    handlers = [plugins[name].on_page_context for name in page_context]
    posts: list[Any] = []
    for name in post_page:
        if name == "hook":
            posts.append(_plugin(HOOK).on_post_page)
        elif name == "other_hook":
            other = _hook_event()
            other.__module__ = "hooks/other.py"
            posts.append(other)
        else:
            posts.append(_plugin(name).on_post_page)
    for plugin in plugins.values():
        if "Search" in type(plugin).__qualname__:
            plugin.search_index = []
    found = serve_cache.reusable_without_plugins(_Plugins(handlers, posts))
    if searches is None:
        assert found is None
    else:
        assert [f"{type(p).__module__}.{type(p).__qualname__}" for p in found] == searches


def test_a_reused_page_is_written_again_only_when_its_file_holds_something_else(tmp_path: Path) -> None:
    writes: list[tuple[bytes, str]] = []

    def write(output: bytes, path: str) -> None:
        writes.append((output, path))
        Path(path).write_bytes(output)

    def put(key: str, output: bytes, path: str) -> None:
        """What a reused page does: its key says what its file should hold."""
        serve_cache._produce(path, key, lambda: write(output, path))

    path = str(tmp_path / "page" / "index.html")
    Path(path).parent.mkdir()
    serve_cache._produced.clear()
    put("key-1", b"first", path)
    put("key-1", b"first", path)
    assert writes == [(b"first", path)]
    assert path in serve_cache._produced  # left in place, it is still this build's page
    Path(path).unlink()
    put("key-1", b"first", path)
    put("key-2", b"second", path)
    assert writes == [(b"first", path), (b"first", path), (b"second", path)]
    assert Path(path).read_bytes() == b"second"


class _Listing:
    def __init__(self, page: object) -> None:
        self.page = page


class _PluginMap(dict[str, Any]):
    """What MkDocs' PluginCollection is: the plugins by name, and each event's handlers."""

    def __init__(self, plugins: dict[str, Any], events: dict[str, list[Any]]) -> None:
        super().__init__(plugins)
        self.events = events


PAGE, OTHER_PAGE = object(), object()


@pytest.mark.parametrize(
    ("maker", "listings", "lists"),
    [
        (MATERIAL_TAGS, [_Listing(PAGE)], True),
        (MATERIAL_TAGS, [_Listing(OTHER_PAGE)], False),
        (MATERIAL_TAGS, None, False),
        (MATERIAL_TAGS, "missing", True),  # a tags plugin that cannot tell: the page may list tags
        (MATERIAL_TAGS, 42, True),
        ("other.plugin.TagsPlugin", [_Listing(PAGE)], False),
    ],
)
def test_a_page_that_lists_tags_gets_its_own_table_of_contents(maker: str, listings: object, lists: bool) -> None:
    plugin = _plugin(maker)
    if listings != "missing":
        plugin.listings = listings
    assert serve_cache._lists_tags(_PluginMap({"tags": plugin}, {}), PAGE) is lists


@pytest.mark.parametrize(
    ("handlers", "known"),
    [
        ({"page_context": [MATERIAL_SEARCH, MATERIAL_TAGS], "env": [MATERIAL_TAGS], "post_page": ["hook"]}, True),
        ({"page_content": ["hook"]}, True),
        ({}, True),
        ({"env": ["mkdocs_macros.plugin.MacrosPlugin"]}, False),
        ({"page_content": ["hook", "some.plugin.TocPlugin"]}, False),
        ({"post_page": ["other_hook"]}, False),
    ],
)
def test_a_table_of_contents_is_shared_only_when_every_later_plugin_is_known(
    handlers: dict[str, list[str]], known: bool
) -> None:
    serve_cache.trust_plugin(HOOK)
    events: dict[str, list[Any]] = {}
    for event, names in handlers.items():
        for name in names:
            if name == "hook":
                handler = _plugin(HOOK).on_post_page
            elif name == "other_hook":
                handler = _hook_event()
            else:
                handler = _plugin(name).on_page_context
            events.setdefault(event, []).append(handler)
    assert serve_cache._only_known(_PluginMap({}, events), serve_cache.TOC_READERS) is known


class _Theme:
    def __init__(self, dirs: list[str], custom_dir: str | None = None) -> None:
        self.dirs, self.locale, self.custom_dir = dirs, "en", custom_dir


def test_each_set_of_template_folders_keeps_its_environment(tmp_path: Path) -> None:
    """A build asks for the theme's environment with two sets of folders (a plugin asks before
    roledex adds its own); each keeps its compiled templates from save to save, and an edit
    of the user's overrides has every template read again."""
    from jinja2 import DictLoader, Environment

    made: list[Environment] = []

    def get_env(theme: _Theme) -> Environment:
        made.append(Environment(loader=DictLoader({"page.html": "x"}), auto_reload=True))
        return made[-1]

    serve_cache._environments.clear()
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("one", encoding="utf-8")
    shared = serve_cache.shared_environment(get_env)
    first, second = _Theme(["a", "b"]), _Theme([str(overrides), "a", "b"], str(overrides))
    for _ in range(3):
        assert shared(first) is made[0] and shared(second) is made[1]
    assert len(made) == 2 and not made[0].auto_reload
    made[1].get_template("page.html")
    assert made[1].cache and len(made[1].cache) == 1
    (overrides / "main.html").write_text("two, longer", encoding="utf-8")
    assert shared(second) is made[1] and len(made[1].cache) == 0
    serve_cache._environments.clear()


@pytest.mark.parametrize(
    ("second", "reused"),
    [
        (("signature", "/p/", "# Markdown", ("shared",)), True),
        (("signature", "/p/", "# Markdown edited", ("shared",)), False),  # the page's own words
        (("signature", "/moved/", "# Markdown", ("shared",)), False),  # its address
        (("signature", "/p/", "# Markdown", ("shared", "another")), False),  # the blocks it shares
        (("another signature", "/p/", "# Markdown", ("shared",)), False),  # the build's files or settings
    ],
    ids=["the same", "its words", "its address", "its shared blocks", "the build"],
)
def test_a_pages_lifted_blocks_are_reused_only_for_what_they_were_made_from(
    second: tuple[object, ...], reused: bool
) -> None:
    made: list[int] = []

    def lift() -> serve_cache.Lifted:
        made.append(1)
        return f"lifted {len(made)}", [f"<table>{len(made)}</table>"], [{f"anchor-{len(made)}"}]

    serve_cache.forget_unused()
    first = serve_cache.lifted_once("postings/a.md", ("signature", "/p/", "# Markdown", ("shared",)), lift)
    serve_cache.forget_unused()
    again = serve_cache.lifted_once("postings/a.md", second, lift)
    assert first == ("lifted 1", ["<table>1</table>"], [{"anchor-1"}])
    assert (again == first) is reused and len(made) == (1 if reused else 2)
    assert serve_cache.hits["lift"] == (1 if reused else 0)
    serve_cache.forget_unused()


def test_a_page_not_built_again_is_forgotten() -> None:
    made: list[str] = []

    def lift() -> serve_cache.Lifted:
        made.append("lifted")
        return "lifted", [], []

    given = ("signature", "/p/", "# Markdown", ())
    serve_cache.forget_unused()
    serve_cache.lifted_once("postings/a.md", given, lift)
    serve_cache.forget_unused()  # a build that did not have the page (deleted)
    serve_cache.forget_unused()
    serve_cache.lifted_once("postings/a.md", given, lift)
    assert made == ["lifted", "lifted"]
    serve_cache.forget_unused()
