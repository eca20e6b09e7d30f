"""Which of the user's stories prove which requirement of a posting, and why.

A story proves a requirement when the requirement names one of the story's `skills` or
`proves` phrases as whole words, in any case ("Python" in "5 years of Python", not in
"Pythonic"). The rule is one a person can check by reading the two lines, so the prep page
says which phrase matched; nothing is guessed from overlapping words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from roledex.kb.model import Story


@dataclass(frozen=True)
class Match:
    story: Story
    phrase: str
    """The story's skill or phrase the requirement names, as the story writes it."""


@functools.lru_cache(maxsize=4096)
def _whole_words(phrase: str) -> re.Pattern[str] | None:
    """The phrase as a pattern of whole words, compiled once (every prep page asks again)."""
    words = phrase.split()
    if not words:
        return None
    return re.compile(r"(?<![\w+#])" + r"\s+".join(re.escape(word) for word in words) + r"(?![\w+#])", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def names(requirement: str, phrase: str) -> bool:
    """True when `requirement` names `phrase` as whole words, in any case. Kept for the same
    texts: every build (every save under serve) asks again about each posting's text."""
    pattern = _whole_words(phrase)
    if pattern is None:
        return False
    if requirement.isascii() and phrase.isascii() and phrase.split()[0].lower() not in requirement.lower():
        return False  # in plain ASCII a word absent in any case cannot match; far cheaper than the pattern
    return pattern.search(requirement) is not None


def stories_for(requirement: str, stories: Iterable[Story]) -> list[Match]:
    """The stories that prove `requirement`, each with the first phrase that matched, by title."""
    found = []
    for story in stories:
        phrase = next((p for p in [*story.skills, *story.proves] if names(requirement, p)), None)
        if phrase is not None:
            found.append(Match(story, phrase))
    return sorted(found, key=lambda match: (match.story.title.lower(), match.story.slug))


def story_coverage(requirements: Iterable[str], stories: Iterable[Story]) -> list[tuple[str, list[Match]]]:
    """Each requirement with the stories that prove it (none: a gap to fill before the interview)."""
    kept = list(stories)
    return [(requirement, stories_for(requirement, kept)) for requirement in requirements]
