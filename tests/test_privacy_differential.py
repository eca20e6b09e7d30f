"""A published site says nothing about private files: built with and without them, every file
is byte for byte the same (a link to a posting's public prep page stays a link whether or not
private notes for it exist)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import build_site, make_site
from roledex.facts.privacy import PRIVATE_FOLDERS

PRIVATE_FILES = {
    "prep/etsy-engineering-manager-ads-ml.md": (
        "---\nposting: etsy-engineering-manager-ads-ml\n---\n\n## Talking points\n\n- I led the ads ranking rewrite.\n"
    ),
    "contacts/jo-quietly.md": "---\nname: Jo Quietly\ncompany: etsy\n---\n\nMet at a meetup.\n",
    "stories/warehouse.md": "---\ntitle: Cutting warehouse cost\n---\n\n## Situation\n\nCosts were high.\n",
    "prep/notes.txt": "Things to ask about the team.\n",
}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("extra", [{}, PRIVATE_FILES], ids=["shipped", "shipped and more private files"])
def test_the_published_site_is_the_same_with_and_without_the_private_files(tmp_path: Path, extra: dict) -> None:
    with_private = tmp_path / "with"
    make_site(with_private, extra)
    without = tmp_path / "without"
    shutil.copytree(with_private, without)
    for folder in PRIVATE_FOLDERS:
        shutil.rmtree(without / "docs" / folder, ignore_errors=True)
    for root in (with_private, without):
        result = build_site(root)
        assert result.returncode == 0, result.stderr
    built, bare = _files(with_private / "site"), _files(without / "site")
    assert sorted(built) == sorted(bare)
    changed = [name for name in built if built[name] != bare[name]]
    assert changed == []
    page = (with_private / "site" / "postings" / "etsy-engineering-manager-ml-for-growth" / "index.html").read_text()
    assert 'href="../../prep/etsy-engineering-manager-ml-for-growth/"' in page
