"""Private pages, and everything derived from them, never reach a published build."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import build_site, hold_back, invoke, make_site, output_texts, read_page, run_roledex

APPLICATION = "applications/etsy-engineering-manager-ml-for-growth.md"
PRIVATE_FACTS = [
    "PepsiCo",
    "Penn Interactive",
    "Pocket Size Fund",
    "approximately 8 years",
    "Experience leading data science or ML teams",
    "Express excitement about building",
]


def _every_output(site: Path) -> str:
    return "\n".join(output_texts(site).values())


def test_published_build_holds_no_private_fact(shipped_site: Path) -> None:
    site = shipped_site / "site"
    everything = _every_output(site)
    for fact in PRIVATE_FACTS:
        assert fact not in everything
    assert not (site / "applications").exists()
    assert "applications/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    check = invoke("publish-check", str(site), "--docs", str(shipped_site / "docs"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no private text found" in check.stdout and "left out as private: 2 pages" in check.stdout


def test_private_view_has_the_pipeline_and_says_so_on_every_page(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert build_site(tmp_path, private="include").returncode == 0
    site = tmp_path / "site"
    pipeline = read_page(tmp_path, "applications/")
    assert "Engineering Manager, Machine Learning for Growth" in pipeline and "preparing" in pipeline
    assert "PepsiCo" in read_page(tmp_path, "applications/etsy-engineering-manager-ml-for-growth/")
    for page in site.rglob("index.html"):
        assert "rdx-private-banner" in page.read_text(encoding="utf-8"), page
    leak = invoke("publish-check", str(site), "--docs", str(tmp_path / "docs"))
    assert leak.returncode == 1 and "LEAK" in leak.stdout and "search_index.json" in leak.stdout


SECRET_COMPANY = (
    "---\nname: Hush Corp\nheadquarters: Nowhere\ntags: [hush-tag]\nprivate: true\n---\n\n"
    "# Hush Corp\n\nHushed profile text that must stay home.\n"
)
SECRET_POSTING = (
    "---\ncompany: hush\ntitle: Quiet Role\nrole: engineering-manager-ml\ntags: [whisper-tag]\n"
    "salary: {min: 999000, max: 999999, currency: USD, period: year}\n---\n\n"
    "Quiet posting body text that must stay home.\n"
)
SECRET_PREP = (
    "---\nposting: etsy-engineering-manager-ads-ml\nprivate: true\n---\n\n"
    "## Likely questions\n\n1. What secret question stays home?\n"
)
NOTES = (
    "# Notes\n\nSee [the hushed company](companies/hush.md) and [the quiet role](postings/hush-quiet-role.md) "
    "and [my diary](diary.md), and [Etsy](companies/etsy.md).\n"
)
DIARY = "---\nprivate: true\n---\n\n# Diary\n\nDiary entry text that must stay home.\n"


def test_every_place_a_private_page_could_leak(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "companies/hush.md": SECRET_COMPANY,
            "postings/hush-quiet-role.md": SECRET_POSTING,
            "prep/etsy-engineering-manager-ads-ml.md": SECRET_PREP,
            "notes.md": NOTES,
            "diary.md": DIARY,
        },
    )
    hold_back(tmp_path, "/companies/hush.md", "/postings/hush-*.md")
    result = build_site(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    everything = _every_output(site)
    for secret in (
        "Hush Corp",
        "Quiet Role",
        "hush-tag",
        "whisper-tag",
        "999,999",
        "$999",
        "Hushed profile text",
        "Quiet posting body text",
        "What secret question stays home",
        "Diary entry text",
        "hush-quiet-role",
        "companies/hush/",
        "diary/",
    ):
        assert secret not in everything, secret
    home = read_page(tmp_path, "")
    assert "<strong>1</strong> Companies" in home and "<strong>4</strong> Postings" in home
    notes = read_page(tmp_path, "notes/")
    assert "the hushed company" in notes and "the quiet role" in notes and "my diary" in notes
    assert 'href="../companies/etsy/"' in notes
    prep = read_page(tmp_path, "prep/etsy-engineering-manager-ads-ml/")
    assert "roledex new prep etsy-engineering-manager-ads-ml" in prep  # the private notes are gone
    export = invoke("export", str(tmp_path / "docs"), "--config", str(tmp_path / "mkdocs.yml"))
    assert "hush" not in export.stdout.lower() and export.stdout.count("\n") == 5
    check = invoke("publish-check", str(site), "--docs", str(tmp_path / "docs"))
    assert check.returncode == 0, check.stdout
    assert "left out as private: 5 pages" in check.stdout

    private = build_site(tmp_path, private="include")
    assert private.returncode == 0
    assert "Quiet Role" in read_page(tmp_path, "postings/") and "hush-tag" in _every_output(site)


def test_gh_deploy_to_a_local_remote_publishes_no_private_fact(tmp_path: Path) -> None:
    make_site(tmp_path)
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True)
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["commit", "-q", "-m", "knowledge base"],
        ["remote", "add", "pages", str(remote)],
    ):
        subprocess.run([*git, *command], cwd=tmp_path, check=True)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    env.pop("ROLEDEX_PRIVATE", None)
    deploy = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "pages", "--force", "--strict"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert deploy.returncode == 0, deploy.stderr
    listing = subprocess.run(
        ["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "index.html" in listing and "pagefind/pagefind-entry.json" in listing
    assert not [name for name in listing if name.startswith("applications/")]
    index = [name for name in listing if name.startswith("pagefind/fragment/")]
    assert len(index) == len([name for name in listing if name.endswith("index.html")])
    for name in ("sitemap.xml", "prep/etsy-engineering-manager-ml-for-growth/index.html", *index):
        shown = subprocess.run(
            ["git", "--git-dir", str(remote), "show", f"gh-pages:{name}"], capture_output=True, check=True
        ).stdout
        text = (gzip.decompress(shown) if shown.startswith(b"\x1f\x8b") else shown).decode("utf-8")
        for fact in PRIVATE_FACTS:
            assert fact not in text


def test_status_changes_only_its_keys_byte_for_byte(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    path = docs / APPLICATION
    original = (
        "---\r\n# where it stands\r\nposting: etsy-engineering-manager-ml-for-growth\r\n"
        "status: preparing   # changes often\r\ncontacts:\r\n  - jane-recruiter  # met at a meetup\r\n"
        "next_step: >\r\n  send the\r\n  resume\r\nprivate: true\r\n---\r\n\r\nBody, untouched.\r\n"
    )
    path.write_bytes(original.encode("utf-8"))
    (docs / "contacts").mkdir()
    (docs / "contacts" / "jane-recruiter.md").write_text("---\nname: Jane Recruiter\n---\n", encoding="utf-8")
    result = run_roledex(
        "status",
        "etsy-engineering-manager-ml-for-growth",
        "applied",
        "--date",
        "2026-11-20",
        "--next",
        "Recruiter screen: bring notes",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    expected = original.replace(
        "status: preparing   # changes often\r\n",
        "status: applied   # changes often\r\napplied: 2026-11-20\r\nupdated: 2026-11-20\r\n",
    )
    expected = expected.replace(
        "  - jane-recruiter  # met at a meetup\r\n",
        "  - jane-recruiter  # met at a meetup\r\nevents:\r\n  - date: 2026-11-20\r\n    status: applied\r\n",
    )
    expected = expected.replace(
        "next_step: >\r\n  send the\r\n  resume\r\n", 'next_step: "Recruiter screen: bring notes"\r\n'
    )
    assert path.read_bytes().decode("utf-8") == expected
    assert invoke("check", cwd=tmp_path).returncode == 0
    assert invoke("status", "etsy-engineering-manager-ml-for-growth", "pending", cwd=tmp_path).returncode == 1
    assert invoke("status", "no-such-posting", "applied", cwd=tmp_path).returncode == 1
    assert path.read_bytes().decode("utf-8") == expected


def test_stale_applications_are_flagged_by_check_and_on_the_pipeline(tmp_path: Path) -> None:
    applied = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    docs = make_site(tmp_path)
    (docs / APPLICATION).write_text(
        f"---\nposting: etsy-engineering-manager-ml-for-growth\nstatus: screening\napplied: {applied}\n---\n",
        encoding="utf-8",
    )
    check = invoke("check", cwd=tmp_path)
    assert check.returncode == 0
    stale = rf"{APPLICATION}:\d+: updated: reminder: stale: no change for 30 days since {applied}"
    assert re.search(stale, check.stdout)
    assert build_site(tmp_path, private="include").returncode == 0
    assert "stale: 30 days without change" in read_page(tmp_path, "applications/")
