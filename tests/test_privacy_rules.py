"""The privacy rule for every kind of record, judged twice: by the build's `public_view` and,
on its own, by publish-check's `judge_privacy`. Each is held to the same table."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import build_site, hold_back, invoke, make_site
from roledex.check.published import judge_privacy
from roledex.check.run import checked_knowledge_base
from roledex.cli import export as export_command
from roledex.facts import privacy
from roledex.kb.schema import KINDS

PREP_NOTES = "Ask them about the quarterly planning cadence for machine learning teams."


def _files(company: str | None, posting: str | None, prep: str | None, application: str | None) -> dict[str, str]:
    """A company, its posting, a prep note and an application, each with `private:` as given
    (None leaves the key out, so the folder's default holds)."""

    def front(lines: str, private: str | None) -> str:
        return f"---\n{lines}" + (f"private: {private}\n" if private is not None else "") + "---\n"

    return {
        "companies/acme.md": front("name: Acme\n", company) + "Acme makes anvils.\n",
        "postings/acme-smith.md": front("company: acme\ntitle: Smith\nrole: smith\n", posting) + "Forge things.\n",
        "prep/acme-smith.md": front("posting: acme-smith\n", prep) + f"## Notes\n\n{PREP_NOTES}\n",
        "applications/acme-smith.md": front("posting: acme-smith\nstatus: applied\n", application) + "Sent.\n",
    }


FLAGS = [None, "true", "false"]
CASES = list(itertools.product(FLAGS, FLAGS, FLAGS, FLAGS))


def _expected_hidden(company: str | None, posting: str | None, prep: str | None, application: str | None) -> set[str]:
    """The rule written out: a file's `private` key, or its kind's default when it has none
    (the schema's declared defaults), and hidden with whatever it belongs to."""

    def says(flag: str | None, kind: str) -> bool:
        return KINDS[kind].private_by_default if flag is None else flag == "true"

    company_hidden = says(company, "company")
    posting_hidden = says(posting, "posting") or company_hidden
    hidden = {"companies/acme.md"} if company_hidden else set()
    if posting_hidden:
        hidden.add("postings/acme-smith.md")
    if says(prep, "prep") or posting_hidden:
        hidden.add("prep/acme-smith.md")
    if says(application, "application") or posting_hidden:
        hidden.add("applications/acme-smith.md")
    return hidden


@pytest.mark.parametrize(("company", "posting", "prep", "application"), CASES)
def test_both_judges_hide_exactly_what_the_rule_says(
    tmp_path: Path, company: str | None, posting: str | None, prep: str | None, application: str | None
) -> None:
    docs = make_site(tmp_path, _files(company, posting, prep, application), shipped=False)
    kb = checked_knowledge_base(docs).kb
    expected = _expected_hidden(company, posting, prep, application)
    assert privacy.public_view(kb).hidden_paths == expected
    assert judge_privacy(kb).hidden_paths == expected
    assert judge_privacy(kb).shown_paths == privacy.public_view(kb).shown_paths


def test_a_record_whose_parent_is_missing_is_hidden_by_publish_check(tmp_path: Path) -> None:
    docs = make_site(tmp_path, _files(None, None, "false", "false"), shipped=False)
    kb = checked_knowledge_base(docs).kb
    del kb.postings["acme-smith"]
    assert judge_privacy(kb).hidden_paths == {"prep/acme-smith.md", "applications/acme-smith.md"}


def test_publish_check_catches_a_build_that_kept_a_public_prep_of_a_private_posting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the build's rule went wrong, publish-check, judging on its own, still finds the leak."""
    make_site(tmp_path, _files(None, "true", "false", None), shipped=False)
    hold_back(tmp_path, "/postings/acme-smith.md")
    assert build_site(tmp_path).returncode == 0
    site = tmp_path / "site"
    leaked = site / "prep" / "acme-smith" / "index.html"
    leaked.parent.mkdir(parents=True, exist_ok=True)
    leaked.write_text(f"<html><body><p>{PREP_NOTES}</p></body></html>", encoding="utf-8")

    def keeps_public_prep(kb: privacy.KnowledgeBase) -> privacy.View:
        view = privacy.full_view(kb)
        view.hidden_paths = {"postings/acme-smith.md"}
        return view

    monkeypatch.setattr(privacy, "public_view", keeps_public_prep)
    monkeypatch.setattr(export_command, "public_view", keeps_public_prep)
    result = invoke("publish-check", str(site), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 1
    assert "prep/acme-smith/index.html" in result.stdout and "acme-smith.md" in result.stdout


@pytest.mark.parametrize(
    ("command", "setting", "included"),
    [
        ("serve", None, True),
        ("build", None, False),
        ("gh-deploy", None, False),
        (None, None, False),
        ("build", "include", True),
        ("build", " Include ", True),
        ("serve", "exclude", False),
        ("serve", "", True),
    ],
)
def test_only_serve_or_an_explicit_setting_includes_private_pages(
    command: str | None, setting: str | None, included: bool
) -> None:
    environ = {} if setting is None else {privacy.ENV_VARIABLE: setting}
    assert privacy.include_private(command, environ) is included


@pytest.mark.parametrize("setting", ["yes", "true", "1", "includes"])
def test_any_other_privacy_setting_is_refused(setting: str) -> None:
    with pytest.raises(privacy.PrivacySettingError, match="expected include or exclude"):
        privacy.include_private("build", {privacy.ENV_VARIABLE: setting})


def test_the_full_view_hides_nothing(tmp_path: Path) -> None:
    docs = make_site(tmp_path, _files("true", "true", "true", "true"), shipped=False)
    kb = checked_knowledge_base(docs).kb
    view = privacy.full_view(kb)
    assert view.hidden_paths == set() and view.includes_private
    assert view.shown_paths == {
        "companies/acme.md",
        "postings/acme-smith.md",
        "prep/acme-smith.md",
        "applications/acme-smith.md",
    }


def test_left_out_joins_hidden_records_stray_private_files_and_marked_pages(tmp_path: Path) -> None:
    docs = make_site(tmp_path, _files(None, None, None, "false"), shipped=False)
    view = privacy.public_view(checked_knowledge_base(docs).kb)
    uris = {
        "applications/acme-smith.md",
        "applications/notes.txt",
        "APPLICATIONS/x.md",
        "notes.md",
        "diary.md",
        "about.md",
    }
    pages = {
        "notes.md": "# Notes\n",
        "diary.md": "---\nprivate: true\n---\n",
        "about.md": '---\nprivate: "true"\n---\n',
    }
    page_uris = {"applications/acme-smith.md", "APPLICATIONS/x.md", *view.shown_paths, *pages}
    hidden, problems = privacy.left_out(uris, page_uris, view, pages.__getitem__)  # reads hand-written pages only
    assert hidden == view.hidden_paths | {"applications/notes.txt", "APPLICATIONS/x.md", "diary.md", "about.md"}
    assert [(p.path, p.key) for p in problems] == [("about.md", "private")]


@pytest.mark.parametrize(
    ("uri", "include_private", "shown"),
    [
        ("stories/warehouse.md", False, True),  # still in a published build: it says private: false
        ("prep/notes.txt", True, True),
        ("companies/hush.md", True, True),  # private: true, held back by name in draft_docs
        ("companies/hush.md", False, False),
        ("companies/etsy.md", True, False),  # a draft the user made: stays a draft
        ("drafts/idea.md", False, False),
    ],
)
def test_what_draft_docs_holds_back_is_shown_outside_the_navigation_only_where_the_view_has_it(
    tmp_path: Path, uri: str, include_private: bool, shown: bool
) -> None:
    docs = make_site(tmp_path, {"companies/hush.md": "---\nname: Hush\nprivate: true\n---\n"})
    kb = checked_knowledge_base(docs).kb
    assert privacy.private_page_outside_nav(kb, include_private)(uri) is shown
