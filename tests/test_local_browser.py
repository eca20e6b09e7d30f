"""The local site's actions in Chromium, against `mkdocs serve` of a copy of the shipped knowledge
base: a card moved on the pipeline changes the file as `roledex status` does, the bookmarklet on a
careers page of another loopback port saves the posting after the preview's Save, and a page of
another origin that tries every way to post changes no file."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import invoke, make_site, serving
from roledex.kb.load import read_knowledge_base
from screenshots import serve

P = "etsy-engineering-manager-ml-for-growth"
JOB = """<!doctype html><html><head><title>Staff Data Engineer - Globex</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
"title": "Staff Data Engineer", "hiringOrganization": {"@type": "Organization", "name": "Globex"},
"jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Amsterdam",
"addressCountry": "NL"}}, "datePosted": "2026-12-01",
"description": "<p>Build our data platform.</p><h3>Requirements</h3><ul><li>Python</li></ul>"}</script>
</head><body><h1>Staff Data Engineer</h1><p>Globex, Amsterdam</p><script>window.x = 1</script></body></html>
"""
ATTACK = """<!doctype html><html><body>
<iframe name="sink" style="display:none"></iframe>
<form id="text" method="post" enctype="text/plain" target="sink" action="{base}_roledex/api/move">
<input name='{{"posting":"{p}","status":"rejected","x":"' value='"}}'></form>
<form id="form" method="post" target="sink" action="{base}_roledex/api/move">
<input name="posting" value="{p}"><input name="status" value="rejected"></form>
<script>
const body = JSON.stringify({{posting: "{p}", status: "rejected"}});
const tries = [
  fetch("{base}_roledex/api/move", {{method: "POST", mode: "no-cors", body}}).catch(() => 0),
  fetch("{base}_roledex/api/move", {{method: "POST", headers: {{"Content-Type": "application/json",
    "X-Roledex-Token": "guess"}}, body}}).catch(() => 0),
  fetch("{base}_roledex/api/state?page=applications/").then(r => r.text()).then(t => document.body.dataset.read = t,
    () => 0),
  new Promise(done => {{ const image = new Image(); image.onload = image.onerror = done;
    image.src = "{base}_roledex/api/move?posting={p}&status=rejected"; }}),
];
document.getElementById("text").submit();
document.getElementById("form").submit();
Promise.all(tries).then(() => {{ document.title = "tried"; }});
</script></body></html>
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    make_site(tmp_path)
    with serving(tmp_path) as (base, said):
        assert any("the private view acts here" in line for line in said), said
        yield tmp_path, base


def _status(root: Path) -> str | None:
    return read_knowledge_base(root / "docs").kb.applications[P].status


def test_a_card_moved_on_the_pipeline_changes_the_file_as_roledex_status_does(
    browser: object, served: tuple[Path, str]
) -> None:
    root, base = served
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base + "applications/")
    card = page.locator(f'[data-rdx-application="{P}"]')
    card.get_by_role("button", name="Move…").click()
    card.locator("select[name=status]").select_option("applied")
    card.locator("input[name=next]").fill("Call Jo")
    with page.expect_response(lambda r: r.url.endswith("/_roledex/api/move")) as answer:
        card.get_by_role("button", name="Move", exact=True).click()
    assert answer.value.ok, answer.value.text()
    application = read_knowledge_base(root / "docs").kb.applications[P]
    assert application.status == "applied" and application.next_step == "Call Jo"
    assert [e.status for e in application.events][-1] == "applied"
    assert invoke("check", cwd=root).returncode == 0


def test_the_bookmarklet_saves_a_posting_after_the_previews_save(browser: object, served: tuple[Path, str]) -> None:
    root, base = served
    careers = root / "careers"
    careers.mkdir()
    (careers / "job.html").write_text(JOB, encoding="utf-8")
    context = browser.new_context()  # type: ignore[attr-defined]
    home = context.new_page()
    home.goto(base)
    code = home.locator(".rdx-bookmarklet").get_attribute("href")
    assert code.startswith("javascript:")
    with serve(careers) as elsewhere:
        job = context.new_page()
        job.goto(elsewhere + "job.html")
        with context.expect_page() as opened:
            job.evaluate(code[len("javascript:") :])
        preview = opened.value
        preview.wait_for_selector("input[name=title]")
        assert preview.locator("input[name=title]").input_value() == "Staff Data Engineer"
        assert "Title (data, 95%)" in preview.locator(".rdx-act-preview").inner_text()  # where, how sure
        assert not (root / "docs" / "postings" / "globex-staff-data-engineer.md").exists()  # not before Save
        with preview.expect_response(lambda r: r.url.endswith("/_roledex/api/save")) as answer:
            preview.get_by_role("button", name="Save").click()
        assert answer.value.ok, answer.value.text()
    saved = read_knowledge_base(root / "docs").kb.postings["globex-staff-data-engineer"]
    assert saved.title == "Staff Data Engineer" and "Amsterdam" in " ".join(saved.locations)
    assert "window.x" not in saved.doc.body


def test_a_page_of_another_origin_changes_no_file_however_it_posts(browser: object, served: tuple[Path, str]) -> None:
    root, base = served
    attacker = root / "attacker"
    attacker.mkdir()
    (attacker / "index.html").write_text(ATTACK.format(base=base, p=P), encoding="utf-8")
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    with serve(attacker) as elsewhere:
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(elsewhere)
        page.wait_for_function("document.title === 'tried'")
        assert P not in (page.evaluate("document.body.dataset.read") or "")
    request = urllib.request.Request(base, headers={"Host": "rebound.attacker.test"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)  # noqa: S310 - loopback only
    assert refused.value.code == 421
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == before
    assert _status(root) == "preparing"


def test_the_log_form_shows_the_fields_of_the_kind_chosen(browser: object, served: tuple[Path, str]) -> None:
    root, base = served
    assert invoke("status", P, "applied", "--date", "2026-12-01", cwd=root).returncode == 0
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base + f"applications/{P}/")
    log = page.locator(".rdx-act-form").nth(1)
    log.wait_for()
    assert not log.locator("select[name=round]").is_visible() and not log.locator("input[name=due]").is_visible()
    log.locator("select[name=kind]").select_option("round")
    assert log.locator("select[name=round]").is_visible() and log.locator("input[name=time]").is_visible()
    log.locator("select[name=kind]").select_option("todo")
    assert log.locator("input[name=due]").is_visible() and not log.locator("select[name=round]").is_visible()
