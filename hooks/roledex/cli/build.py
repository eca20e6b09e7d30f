"""`roledex build`: the site built by MkDocs, ProperDocs or Zensical, then checked for private text.

MkDocs and ProperDocs (MkDocs 1.x continued) run roledex's plugin from mkdocs.yml. Zensical
reads mkdocs.yml but runs no plugin, so roledex writes the pages first (`web/markdown_tree.py`,
the public view unless `--private`) into a temporary folder with a copy of the settings that
points at it, and Zensical builds that. Whatever the engine, `roledex publish-check` then
reads the output; a published site is only ever one that passed it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from roledex.cli import publish_check
from roledex.cli.colour import problem_line, wanted
from roledex.cli.output import FAILED, OK, USAGE, docs_dir, err, out, settings_or_none
from roledex.cli.project import docs_of
from roledex.cli.serve import QUIET_NOTICE
from roledex.facts.privacy import ENV_VARIABLE
from roledex.kb.problems import errors_in
from roledex.web.inert_content import inert_page
from roledex.web.markdown_tree import write_tree

ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs", "zensical": "zensical"}
"""Each engine by the Python module that runs it."""
ZENSICAL_LEAVES_OUT = ("hooks", "draft_docs")
"""Settings the Zensical copy drops: it runs no hook or roledex plugin, and the pages written are
already the ones to show (a prep page lives in the folder draft_docs holds back from builds
without roledex)."""


def _without_roledex(plugins: Any) -> Any:
    """The plugin list with roledex's entry (`roledex`, or `{roledex: {...}}`) taken out."""
    if not isinstance(plugins, list):
        return plugins
    return [p for p in plugins if p != "roledex" and not (isinstance(p, dict) and set(p) == {"roledex"})]


def arguments(build: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    build.add_argument(
        "--engine", choices=tuple(ENGINES), default="mkdocs", help="what builds the site (default: mkdocs)"
    )
    build.add_argument("--config", default=None, help="the site's settings (default: the project's mkdocs.yml)")
    build.add_argument("--site-dir", default=None, help="where the site is written (default: the project's site)")
    build.add_argument(
        "--private", action="store_true", help="the private view, for your own eyes: never publish it (no check)"
    )
    build.set_defaults(handler=run)


def _plain(value: Any) -> Any:
    """Settings as another engine reads them: dates as the text they were written as."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def zensical_config(config: Path, site: str) -> dict[str, Any] | None:
    """The settings of `config` for Zensical building the written pages in `docs` beside
    them into `site` (beside them too: Zensical writes only inside its project), or None (and
    a line saying why) when they cannot be read safely."""
    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        err(f"roledex build: {config}: cannot read it ({error})")
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        err(
            f"roledex build: {config}{line}: expected plain YAML for Zensical "
            f"({getattr(error, 'problem', None) or 'unreadable'}); hint: build with --engine mkdocs"
        )
        return None
    if not isinstance(settings, dict):
        err(f"roledex build: {config}: expected a mapping of settings")
        return None
    settings = {key: value for key, value in _plain(settings).items() if key not in ZENSICAL_LEAVES_OUT}
    if "plugins" in settings:
        settings["plugins"] = _without_roledex(settings["plugins"])
    settings.update(docs_dir="docs", site_dir=site)
    return settings


def _engine_missing(engine: str) -> bool:
    if importlib.util.find_spec(ENGINES[engine]) is not None:
        return False
    err(f"roledex build: {engine} is not installed; hint: pip install {engine} (or pip install -e '.[engines]')")
    return True


def _run(command: list[str], cwd: Path, private: bool) -> int:
    env = {**os.environ, ENV_VARIABLE: "include" if private else "exclude", **QUIET_NOTICE}
    return subprocess.run(command, cwd=cwd, env=env, check=False).returncode


def _build_with_zensical(args: argparse.Namespace, config: Path, site: Path) -> int:
    settings = settings_or_none("build", str(config))
    docs = docs_dir(str(docs_of(config)))
    if settings is None or docs is None:
        return USAGE
    with tempfile.TemporaryDirectory(prefix="roledex-zensical-") as folder:
        work = Path(folder)
        tree = write_tree(docs, work / "docs", settings, include_private=args.private)
        for problem in tree.problems:
            stream, say = (sys.stderr, err) if problem.severity == "error" else (sys.stdout, out)
            say(problem_line(problem, wanted(stream)))
        if errors_in(tree.problems):
            err("roledex build: the knowledge base has problems; fix them and build again (`roledex check`)")
            return FAILED
        zensical = zensical_config(config, "site")
        if zensical is None:
            return USAGE
        (work / "mkdocs.yml").write_text(yaml.safe_dump(zensical, sort_keys=False, allow_unicode=True), "utf-8")
        out(f"roledex build: {len(tree.pages)} pages written for Zensical, {len(tree.left_out)} files left out")
        status = _run([sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"], work, args.private)
        if status == OK:
            _make_pages_inert(work / "site")
            if site.exists():
                shutil.rmtree(site)
            shutil.copytree(work / "site", site)
        return status


def _make_pages_inert(site: Path) -> None:
    """What the plugin does for MkDocs and ProperDocs, done to Zensical's pages after its build."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        inert = inert_page(text)
        if inert != text:
            page.write_text(inert, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Build the site with the chosen engine, then check the output holds nothing private."""
    config, site = Path(args.config), Path(args.site_dir)
    if not config.is_file():
        err(f"roledex build: {config}: no such file; run it where mkdocs.yml is, or give --config")
        return USAGE
    if _engine_missing(args.engine):
        return USAGE
    if site.resolve() in (config.parent.resolve(), docs_of(config).resolve()) or docs_of(
        config
    ).resolve().is_relative_to(site.resolve()):
        err(f"roledex build: {site}: the site folder would hold your sources; give another --site-dir")
        return USAGE
    if args.engine == "zensical":
        status = _build_with_zensical(args, config, site)
    else:
        command = [sys.executable, "-m", args.engine, "build", "--strict", "-f", config.name, "-d", str(site.resolve())]
        status = _run(command, config.parent.resolve(), args.private)
    if status != OK:
        err(f"roledex build: {args.engine} stopped (exit status {status}); nothing to publish")
        return FAILED
    if args.private:
        out(f"roledex build: {site} holds your private pages: look, never publish")
        return OK
    return int(publish_check.run(argparse.Namespace(site=str(site), docs=str(docs_of(config)), list=False)))
