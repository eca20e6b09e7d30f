"""Which record a name on the command line means: a slug, a unique start of one, or words of
its slug or title that fit one record only; several are listed, none gets a did-you-mean."""

from __future__ import annotations

import pytest
from conftest import invoke, make_site
from roledex.cli.naming import MAX_LISTED, Meant, meant, meant_first_among

POSTINGS = {
    "etsy-engineering-manager-ads-ml": "Engineering Manager, Ads ML",
    "etsy-engineering-manager-ml-for-growth": "Engineering Manager, Machine Learning for Growth",
    "etsy-machine-learning-engineer-growth": "Machine Learning Engineer, Growth",
    "monzo-staff-engineer": "Staff Engineer",
}


@pytest.mark.parametrize(
    ("given", "slug"),
    [
        ("monzo-staff-engineer", "monzo-staff-engineer"),  # the slug itself
        ("monzo", "monzo-staff-engineer"),  # a unique start
        ("Monzo Staff", "monzo-staff-engineer"),  # the start, as words
        ("etsy ads", "etsy-engineering-manager-ads-ml"),  # words that start words of the slug
        ("etsy machine learning engineer", "etsy-machine-learning-engineer-growth"),
        ("ads ml", "etsy-engineering-manager-ads-ml"),
        ("growth manager", "etsy-engineering-manager-ml-for-growth"),  # in any order
    ],
)
def test_a_name_that_fits_one_record_means_it(given: str, slug: str) -> None:
    assert meant(given, POSTINGS) == Meant(slug)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (
            "etsy",
            "; 'etsy' fits 3: etsy-engineering-manager-ads-ml, etsy-engineering-manager-ml-for-growth, "
            "etsy-machine-learning-engineer-growth; give more of the name",
        ),
        (
            "growth",
            "; 'growth' fits 2: etsy-engineering-manager-ml-for-growth, "
            "etsy-machine-learning-engineer-growth; give more of the name",
        ),
        ("monzo-staff-enginer", "; did you mean 'monzo-staff-engineer'?"),
        ("zebra", ""),
        ("!!!", ""),
    ],
)
def test_a_name_that_fits_several_lists_them_and_one_that_fits_none_suggests(given: str, said: str) -> None:
    assert meant(given, POSTINGS) == Meant(None, said)


def test_a_long_list_of_candidates_is_cut_short() -> None:
    many = {f"acme-role-{n:02}": f"Role {n}" for n in range(MAX_LISTED + 3)}
    found = meant("acme", many)
    assert found.slug is None and found.said.endswith(
        f"acme-role-{MAX_LISTED - 1:02} and 3 more; give more of the name"
    )


def test_a_word_given_many_times_is_looked_for_once() -> None:
    """Tried against each record once per word as typed, 50,000 words over 2,000 records asked
    for billions of comparisons: minutes before an answer. Nothing here times it."""
    many = {f"company-{n}-engineer": f"Engineer at Company {n}" for n in range(2_000)}
    found = meant("comp eng " * 50_000, many)  # every word fits every record
    assert found.slug is None and " fits 2000: company-0-engineer, " in found.said


def test_status_and_event_take_a_short_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path)
    moved = invoke("status", "etsy ads", "applied", "--date", "2026-12-01", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.startswith("wrote docs/applications/etsy-engineering-manager-ads-ml.md")
    noted = invoke("event", "ads ml", "note", "--date", "2026-12-02", "--note", "sent portfolio", cwd=tmp_path)
    assert noted.returncode == 0, noted.stderr
    assert noted.stdout == "updated docs/applications/etsy-engineering-manager-ads-ml.md: event 2026-12-02 note\n"
    several = invoke("status", "etsy", "applied", cwd=tmp_path)
    assert several.returncode == 1 and "'etsy' fits 4:" in several.stderr


def test_new_prep_takes_a_short_name_and_lists_several(tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path)
    (tmp_path / "docs" / "prep" / "etsy-engineering-manager-ads-ml.md").unlink(missing_ok=True)
    made = invoke("new", "prep", "etsy ads", cwd=tmp_path)
    assert (made.returncode, made.stdout) == (0, "wrote docs/prep/etsy-engineering-manager-ads-ml.md\n"), made.stderr
    several = invoke("new", "application", "etsy manager", cwd=tmp_path)
    assert several.returncode == 1 and "'etsy manager' fits 3:" in several.stderr


APPLIED = {s: POSTINGS[s] for s in ("etsy-engineering-manager-ml-for-growth", "etsy-engineering-manager-ads-ml")}


@pytest.mark.parametrize(
    ("given", "slug"),
    [
        ("etsy growth", "etsy-engineering-manager-ml-for-growth"),  # two fit; one applied to
        ("etsy-machine-learning-engineer-growth", "etsy-machine-learning-engineer-growth"),  # in full: that one
        ("monzo", "monzo-staff-engineer"),  # fits none applied to: all are asked
        ("etsy", None),  # fits several applied to: listed
    ],
)
def test_a_command_about_an_application_asks_the_postings_applied_to_first(given: str, slug: str | None) -> None:
    assert meant_first_among(given, APPLIED, POSTINGS).slug == slug


@pytest.mark.parametrize(
    ("status", "moved"),
    [("interviewing", True), ("rejected", True), ("applied", False), ("saved", False)],
)
def test_status_moving_an_application_on_prefers_the_one_applied_to(tmp_path, status: str, moved: bool) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path)
    assert invoke("status", "etsy manager growth", "applied", "--date", "2026-12-01", cwd=tmp_path).returncode == 0
    result = invoke("status", "etsy growth", status, "--date", "2026-12-02", cwd=tmp_path)
    assert (result.returncode == 0) is moved
    if not moved:
        assert "'etsy growth' fits 2" in result.stderr
