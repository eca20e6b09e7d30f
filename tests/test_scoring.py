"""The scoring table: which proposed value becomes a field, how sure, and what is left out."""

from __future__ import annotations

import pytest
from roledex.importer.run import read_posting
from roledex.importer.scoring import A_JOB_FIRST, BAR, NOT_A_JOB, TRUST, UNKNOWN_PLACE, Candidate, confidence, decide


def test_every_source_starts_between_the_bar_and_certainty() -> None:
    for field, sources in TRUST.items():
        for source, trust in sources.items():
            assert BAR <= trust <= 1.0, (field, source)


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        # a title that names a job keeps its source's trust; one that names none keeps a share
        (Candidate("title", "Senior Data Engineer", "label"), TRUST["title"]["label"]),
        (Candidate("title", "New Role", "label"), round(TRUST["title"]["label"] * NOT_A_JOB, 3)),
        # a first line that names a job is surer than the top block's pick
        (Candidate("title", "Data Engineer", "first line"), round(TRUST["title"]["first line"] * A_JOB_FIRST, 3)),
        # places: one roledex knows, or one that starts with one, keeps its trust
        (Candidate("locations", ["Berlin"], "label"), TRUST["locations"]["label"]),
        (Candidate("locations", ["Melbourne VIC"], "label"), TRUST["locations"]["label"]),
        (Candidate("locations", ["Berlin, Germany"], "label"), TRUST["locations"]["label"]),
        (
            Candidate("locations", ["Springfield"], "label"),
            round(TRUST["locations"]["label"] * UNKNOWN_PLACE, 3),
        ),
        # a company that is a place or an empty field is none; what the user gave is taken
        (Candidate("company", "Acme", "label"), TRUST["company"]["label"]),
        (Candidate("company", "Berlin, Germany", "title line"), 0.0),
        (Candidate("company", "N/A", "label"), 0.0),
        (Candidate("company", "Berlin, Germany", "given"), 1.0),
        # a field with no shape test keeps its source's trust
        (Candidate("work_mode", "remote", "words"), TRUST["work_mode"]["words"]),
    ],
)
def test_confidence(candidate: Candidate, expected: float) -> None:
    assert confidence(candidate) == pytest.approx(expected)


def test_a_first_line_naming_a_job_beats_the_top_block_and_one_naming_none_does_not() -> None:
    block = Candidate("title", "Data Engineer", "top block")
    assert decide("title", [block, Candidate("title", "Senior Data Engineer", "first line")]).source == "first line"
    assert decide("title", [block, Candidate("title", "Acme Corp", "first line")]).source == "top block"
    assert decide("title", [Candidate("title", "Acme Corp", "first line")]).value == "Acme Corp"
    assert decide("title", [Candidate("title", "Acme Corp", "sentence")]).value is None


def test_the_most_trusted_source_wins() -> None:
    decision = decide(
        "title",
        [Candidate("title", "Engineer", "first line"), Candidate("title", "Staff Engineer", "label")],
    )
    assert (decision.value, decision.source, decision.confidence) == ("Staff Engineer", "label", 0.85)
    assert decision.note() is None


def test_a_tie_goes_to_the_first_proposed() -> None:
    decision = decide(
        "work_mode", [Candidate("work_mode", "remote", "label"), Candidate("work_mode", "hybrid", "places")]
    )
    assert decision.value == "remote"


def test_empty_proposals_are_no_candidates() -> None:
    decision = decide(
        "locations",
        [
            Candidate("locations", [], "data"),
            Candidate("locations", None, "label"),
            Candidate("locations", ["Oslo"], "sentence"),
        ],
    )
    assert (decision.value, decision.source) == (["Oslo"], "sentence")
    assert decide("title", [Candidate("title", "", "label")]).value is None


def test_a_value_below_the_bar_is_left_out_and_said() -> None:
    decision = decide("locations", [Candidate("locations", ["Springfield"], "sentence", "'based in'")])
    assert decision.value is None and decision.source is None
    assert decision.confidence < BAR
    assert decision.note() == (
        "locations: 'Springfield' was seen in the sentence ('based in') but is too uncertain; left empty"
    )


def test_a_lower_candidate_above_the_bar_wins_over_a_higher_one_that_fails_its_shape() -> None:
    decision = decide(
        "company",
        [Candidate("company", "Berlin, Germany", "title line"), Candidate("company", "Globex", "words")],
    )
    assert decision.value == "Globex"


def test_the_posting_says_what_it_left_out() -> None:
    found = read_posting(b"We are hiring.\n\nThe team welcomes candidates based in Springfield.\n")
    assert found.locations == []
    assert found.left_out["locations"].value == ["Springfield"]
    assert any("'Springfield' was seen in the sentence" in note for note in found.as_json()["notes"])


def test_the_preview_shows_how_sure_and_from_where() -> None:
    shown = read_posting(b"Company: Acme\nTitle: Data Engineer\nLocation: Berlin\n\nWe build things.\n").as_json()
    assert shown["sources"] == {"title": "label", "company": "label", "locations": "label"}
    assert shown["confidence"] == {"title": 0.85, "company": 0.85, "locations": 0.85}


@pytest.mark.parametrize(
    ("candidate", "shown"),
    [
        (Candidate("locations", ["Springfield", "Shelbyville"], "sentence"), "'Springfield, Shelbyville'"),
        (Candidate("title", "Acme Corp", "sentence"), "'Acme Corp'"),
    ],
)
def test_the_note_shows_what_was_seen_as_written(candidate: Candidate, shown: str) -> None:
    note = decide(candidate.field, [candidate]).note()
    assert note is not None and note.startswith(f"{candidate.field}: {shown} was seen")
