"""Which of the values the readers propose becomes a field, and how sure the importer is of it.

Each reader of a posting (its structured data, the paste's front matter, its labelled fields,
its title line, the block of short lines at its top, its first lines, its sentences) proposes a
`Candidate` for a field and says where it saw it. This module alone decides: a candidate's
confidence is the trust its source earns for that field (`TRUST`), lowered when the value fails
the field's test of shape (`_SHAPE_TESTS`: a title names a job, a place is one roledex knows);
the most confident candidate wins, and one below `BAR` is not taken: the field stays empty and
the posting's notes say what was seen. The table was set on the tuning part of the real
postings (`scripts/real_postings.py score --sources`) and is never adjusted on the held-out part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from roledex.importer.labels import is_empty_value, is_job_title
from roledex.importer.place_currency import is_known_place, names_a_place

BAR = 0.5
"""Below this a value is not taken: an empty field the user fills is better than a wrong one."""

TRUST: dict[str, dict[str, float]] = {
    "title": {
        "data": 0.95,
        "front matter": 0.9,
        "label": 0.85,
        "title line": 0.8,
        "top block": 0.7,
        "first line": 0.65,
        "sentence": 0.55,
    },
    "company": {
        "given": 1.0,
        "data": 0.95,
        "front matter": 0.9,
        "label": 0.85,
        "title line": 0.8,
        "first line": 0.75,
        "words": 0.65,
        "top block": 0.6,
        "after the role": 0.55,
    },
    "locations": {
        "data": 0.95,
        "front matter": 0.9,
        "label": 0.85,
        "title line": 0.8,
        "top block": 0.75,
        "lines at the top": 0.7,
        "sentence": 0.6,
    },
    "work_mode": {
        "data": 0.95,
        "places": 0.85,
        "label": 0.85,
        "title line": 0.8,
        "words": 0.65,
    },
    "salary": {
        "data": 0.95,
        "front matter": 0.9,
        "words": 0.7,
    },
}
"""Field -> source -> the confidence a value from that source starts with."""

NOT_A_JOB = 0.8
"""A title that names no job keeps this share of its confidence ('New Role', a company's name)."""
UNKNOWN_PLACE = 0.75
"""Places none of which roledex knows keep this share ('FLUENT IN ENGLISH' read as a place)."""
A_JOB_FIRST = 1.15
"""A first line that names a job is surer than the top block's pick (capped at the source above)."""


@dataclass(frozen=True)
class Candidate:
    """A value one reader proposes for a field, and where it saw it."""

    field: str
    value: Any
    source: str
    where: str = ""


@dataclass(frozen=True)
class Decision:
    """The value a field takes (None when no candidate reaches the bar), how sure, and why."""

    field: str
    value: Any
    confidence: float
    source: str | None
    below_bar: tuple[Candidate, ...] = ()
    """The most confident candidate not taken because it fell below the bar, if any."""

    def note(self) -> str | None:
        """What was seen and left out, for the posting's notes; None when nothing was."""
        if not self.below_bar:
            return None
        seen = self.below_bar[0]
        where = f" ({seen.where})" if seen.where else ""
        shown = _shown(seen.value)
        return f"{self.field}: {shown!r} was seen in the {seen.source}{where} but is too uncertain; left empty"


def _shown(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def _title_shape(candidate: Candidate) -> float:
    if is_job_title(str(candidate.value)):
        return A_JOB_FIRST if candidate.source == "first line" else 1.0
    return NOT_A_JOB


def _places_shape(candidate: Candidate) -> float:
    """Places roledex knows keep their trust, others a share; a role is no place ('JavaScript
    Developer' before '– Remote')."""
    places = [str(place) for place in candidate.value]
    if any(is_job_title(place) for place in places):
        return 0.0
    known = [place for place in places if _known(place)]
    return 1.0 if known else UNKNOWN_PLACE


def _known(place: str) -> bool:
    """A place roledex knows, or one that starts with one ('Melbourne VIC', 'Berlin, Germany')."""
    words = place.split(",")[0].split()
    return names_a_place(place) or any(is_known_place(" ".join(words[:n])) for n in range(len(words), 0, -1))


def _company_shape(candidate: Candidate) -> float:
    """A field a board left empty ('N/A') or a place ('Berlin, Germany') is no company; what the
    user gave is taken as given."""
    if candidate.source == "given":
        return 1.0
    value = str(candidate.value)
    return 0.0 if is_empty_value(value) or names_a_place(value) else 1.0


_SHAPE_TESTS: dict[str, Callable[[Candidate], float]] = {
    "title": _title_shape,
    "company": _company_shape,
    "locations": _places_shape,
}
"""Field -> the share of its source's trust a candidate keeps for its shape."""


def confidence(candidate: Candidate) -> float:
    """The candidate's confidence: its source's trust for the field, times its shape's share."""
    trust = TRUST[candidate.field][candidate.source]
    test = _SHAPE_TESTS.get(candidate.field)
    share = test(candidate) if test is not None else 1.0
    return round(min(trust * share, 1.0), 3)


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != ()


def decide(field: str, candidates: Iterable[Candidate]) -> Decision:
    """The most confident candidate for the field; the first proposed wins a tie. A field whose
    best candidate is below `BAR` stays empty, and the decision keeps that candidate for the note."""
    proposed = [c for c in candidates if _present(c.value)]
    if not proposed:
        return Decision(field, None, 0.0, None)
    best = max(proposed, key=lambda c: (confidence(c), -proposed.index(c)))
    sure = confidence(best)
    if sure < BAR:
        return Decision(field, None, sure, None, (best,))
    return Decision(field, best.value, sure, best.source)
