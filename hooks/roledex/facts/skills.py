"""Which of a posting's requirements the user's skills mapping covers.

The match is deliberately simple and explainable: two texts match when at least two thirds
of the content words of the mapping's requirement (stemmed, 'ML' read as 'machine learning')
appear in the posting's requirement. Each covered requirement names the evidence that covers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "this",
        "to",
        "with",
        "you",
        "your",
        "we",
        "will",
        "who",
        "what",
        "can",
        "all",
        "any",
        "other",
        "such",
        "using",
        "use",
        "well",
        "within",
        "across",
        "strong",
        "ability",
        "proven",
        "excellent",
        "experience",
        "experienced",
        "working",
        "work",
        "including",
        "include",
    ]
)
_SUFFIXES = ("erships", "ership", "ships", "ship", "ings", "ing", "ments", "ment", "ers", "er", "ed", "es", "s")
_EXPANSIONS = {
    "ml": ("machine", "learning"),
    "ai": ("artificial", "intelligence"),
    "llms": ("llm",),
    "a/b": ("ab",),
    "mle": ("machine", "learning", "engineer"),
    "mles": ("machine", "learning", "engineer"),
}


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of `text`, for matching."""
    words: list[str] = []
    for raw in re.findall(r"[a-z0-9/+#]+", text.lower()):
        words += _EXPANSIONS.get(raw, (raw.replace("/", ""),))
    return frozenset(_stem(w) for w in words if w not in _STOPWORDS and len(w) > 1)


@dataclass(frozen=True)
class Mapping:
    """One row of the user's skills mapping: a requirement and the evidence for it."""

    requirement: str
    evidence: str


@dataclass(frozen=True)
class Coverage:
    requirement: str
    evidence: tuple[Mapping, ...]

    @property
    def covered(self) -> bool:
        return bool(self.evidence)


def _matches(mapping: Mapping, requirement_words: frozenset[str]) -> bool:
    wanted = content_words(mapping.requirement)
    if not wanted:
        return False
    return len(wanted & requirement_words) * 3 >= len(wanted) * 2


def coverage(requirements: list[str], mappings: list[Mapping]) -> list[Coverage]:
    """Each requirement with the mapping rows whose requirement it answers."""
    return [Coverage(req, tuple(m for m in mappings if _matches(m, content_words(req)))) for req in requirements]
