"""Where the knowledge base is: found from any folder inside the project, as git finds its
root, so `roledex new` run inside `docs/postings/` writes where `roledex new` run at the top
would, never into `docs/docs/`.

The project is the nearest folder, from the working folder up, that holds `mkdocs.yml`; its
docs folder is the `docs_dir` that file names (`docs` by default). A path given on the command
line is taken as given, from the working folder.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"
DEFAULTS = {"docs": "docs", "config": CONFIG, "site": "site", "site_dir": "site"}
"""Each location option of the commands, as a path inside the project."""


def find_root(start: Path) -> Path | None:
    """The nearest folder from `start` up that holds mkdocs.yml, or None."""
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return folder
    return None


def docs_of(config: Path) -> Path:
    """The docs folder `config` names (`docs_dir`, default `docs`), beside it."""
    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        settings = None
    name = settings.get("docs_dir") if isinstance(settings, dict) else None
    return config.parent / (name if isinstance(name, str) and name else "docs")


def _shown(path: Path) -> str:
    """A path as short as it can be said from the working folder (problems print it)."""
    relative = os.path.relpath(path)
    return relative if len(relative) <= len(str(path)) else str(path)


def fill_locations(args: argparse.Namespace, cwd: Path | None = None) -> None:
    """Give each location option the user left out its place in the project found from the
    working folder; with no project found, the old defaults, from the working folder."""
    wanted = [name for name in DEFAULTS if getattr(args, name, "") is None]
    if not wanted:
        return
    root = find_root((cwd or Path.cwd()).resolve())
    for name in wanted:
        if root is None:
            value = DEFAULTS[name]
        elif name == "docs":
            value = _shown(docs_of(root / CONFIG))
        else:
            value = _shown(root / DEFAULTS[name])
        setattr(args, name, value)
