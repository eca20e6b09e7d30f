"""Which record the user means: a slug typed in full, or the start of one, or a few of the
words of its slug or title (`monzo`, `etsy ads`), as long as exactly one record fits.

Slugs run to 80 characters; nobody types them. A name that fits several records lists them,
one that fits none suggests the nearest, and a command never guesses between two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from roledex.kb.text import did_you_mean, slugify

MAX_LISTED = 8
"""How many candidates a name that fits several records lists."""


@dataclass(frozen=True)
class Meant:
    """The slug the user meant, or why there is none (`said` completes "no posting 'x'...")."""

    slug: str | None
    said: str = ""


def _words(text: str) -> list[str]:
    return [word for word in slugify(text).split("-") if word]


def _fits(given: list[str], slug: str, title: str) -> bool:
    """True when each word given starts a word of the slug or the title."""
    words = _words(slug) + _words(title)
    return all(any(word.startswith(part) for word in words) for part in given)


def meant(given: str, records: Mapping[str, str]) -> Meant:
    """The record of `records` (slug: title) that `given` names: the slug itself, a unique start
    of one, or the only record whose slug or title words all the words given begin."""
    if given in records:
        return Meant(given)
    typed = slugify(given)
    if typed in records:
        return Meant(typed)
    if not typed:
        return Meant(None, did_you_mean(given, records))
    starting = sorted(slug for slug in records if slug.startswith(typed))
    words = list(dict.fromkeys(_words(given)))  # once each: 'a a a ...' asked 'a' of every record again
    fitting = starting or sorted(slug for slug, title in records.items() if _fits(words, slug, title))
    if len(fitting) == 1:
        return Meant(fitting[0])
    if fitting:
        listed = ", ".join(fitting[:MAX_LISTED]) + (
            f" and {len(fitting) - MAX_LISTED} more" if len(fitting) > MAX_LISTED else ""
        )
        return Meant(None, f"; {given!r} fits {len(fitting)}: {listed}; give more of the name")
    return Meant(None, did_you_mean(given, records))


def meant_first_among(given: str, preferred: Mapping[str, str], records: Mapping[str, str]) -> Meant:
    """`meant` among `preferred` first (the postings with an application, for a command about
    one), then among all `records`; a slug given in full is always that record."""
    if given in records or slugify(given) in records:
        return meant(given, records)
    first = meant(given, preferred)
    return first if first.slug is not None else meant(given, records)
