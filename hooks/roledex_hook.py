"""roledex as a MkDocs hook (`hooks: - hooks/roledex_hook.py`), for a mkdocs.yml written before
roledex was a plugin: each event goes to the plugin (`plugins: - roledex` does the same)."""

from __future__ import annotations

from roledex.plugin.plugin import RoledexPlugin

_plugin = RoledexPlugin()
_plugin.load_config({})

on_startup = _plugin.on_startup
on_config = _plugin.on_config
on_files = _plugin.on_files
on_nav = _plugin.on_nav
on_env = _plugin.on_env
on_page_markdown = _plugin.on_page_markdown
on_page_content = _plugin.on_page_content
on_post_page = _plugin.on_post_page
on_serve = _plugin.on_serve
on_build_error = _plugin.on_build_error
on_post_build = _plugin.on_post_build
