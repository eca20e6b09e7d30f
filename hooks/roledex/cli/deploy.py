"""`roledex deploy`: push a checked site to the branch a public repository's Pages serve.

The free way to keep a knowledge base private and its site public: the source lives in a
private repository, and only the built, publish-checked site is pushed to a public one
(`OWNER.github.io`, or any repository whose Pages serve a branch). The site is committed as it
is, as the one commit of a throwaway repository made for the push (never a branch of the
source repository, whose history would go along), so the public repository holds the checked
files and nothing else, in any of its commits.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from roledex.cli import publish_check
from roledex.cli.output import FAILED, OK, USAGE, err, out


def arguments(deploy: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser `main` made for it."""
    deploy.add_argument(
        "site", nargs="?", default=None, metavar="SITE_DIR", help="the built site (default: the project's)"
    )
    deploy.add_argument("--docs", default=None, help="the docs folder (default: the project's)")
    deploy.add_argument(
        "--remote", required=True, metavar="URL", help="the repository to push to (an address or a remote's name)"
    )
    deploy.add_argument("--branch", default="gh-pages", help="the branch its Pages serve (default: gh-pages)")
    deploy.add_argument("--message", default="Publish the site", help="the commit message")
    deploy.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check the site as `publish-check` does; push it only when it passes."""
    site = Path(args.site)
    if not site.is_dir():
        err(f"roledex deploy: {site}: no such folder; build the site first (roledex build)")
        return USAGE
    checked = publish_check.run(argparse.Namespace(site=str(site), docs=args.docs, list=False, repository=None))
    if checked != OK:
        err("roledex deploy: the site did not pass publish-check; nothing was pushed")
        return FAILED
    try:
        _push(site, args.remote, args.branch, args.message)
    except (subprocess.CalledProcessError, OSError) as error:
        said = (getattr(error, "stderr", "") or str(error)).strip().splitlines() or [type(error).__name__]
        err(f"roledex deploy: could not push to {args.remote} {args.branch}: {said[-1]}")
        return FAILED
    out(f"roledex deploy: pushed {site} to {args.remote} ({args.branch})")
    return OK


def _push(site: Path, remote: str, branch: str, message: str) -> None:
    """Commit exactly the files of `site` in a new repository of their own and force-push that
    one commit to `branch` of `remote`: Pages needs no history, and a new repository has none."""
    with tempfile.TemporaryDirectory(prefix="roledex-deploy-") as folder:
        work = Path(folder) / "site"
        shutil.copytree(site, work, symlinks=True)
        (work / ".nojekyll").touch()  # Pages serves the files as they are, folders starting with _ too

        def git(*args: str) -> None:
            subprocess.run(["git", "-C", str(work), *args], check=True, capture_output=True, text=True, timeout=300)

        git("init", "-q")
        git("add", "-A")
        identity = ["-c", "user.name=roledex", "-c", "user.email=roledex@localhost"]
        git(*identity, "commit", "-q", "-m", message)
        git("push", "-q", "--force", remote, f"HEAD:refs/heads/{branch}")
