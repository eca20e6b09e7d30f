"""What a page's Markdown may ask of Python-Markdown before its build takes minutes or fails.

Python-Markdown reads a list or a quote by calling itself for each level, and reads from each
`[` to its `]` (to the paragraph's end when none closes it). Both are measured here, each in
one pass: the importer refuses a text past them, and the checker names the file and line that is.
"""

from __future__ import annotations

import re

MAX_BRACKET_REACH = 1_000_000
"""How far Markdown may have to read from the `[`s of a page's text to find where each one
closes: it reads from each to its `]`, or to the paragraph's end when none closes it. Real
postings ask for a few thousand characters; a body of thousands of open `[` asked for
hundreds of millions, and its page took minutes to build."""

MAX_BLOCK_DEPTH = 100
"""How deep a page's text may nest its lists and quotes. Markdown reads each level by calling
itself: past a few hundred levels a page's build fails, and lines nested one deeper each (a
thousand of them) took it a minute. A posting uses a few."""
TOO_DEEP = f"nests its lists or quotes more than {MAX_BLOCK_DEPTH} levels deep"
"""What a text past MAX_BLOCK_DEPTH does, as the checker, the build and the importer say it."""


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"[\[\]]")


def bracket_reach(text: str) -> int:
    """How many characters Markdown reads to close the `[`s of `text`: from each to its `]`,
    or to the end of its paragraph (counted whole, code and escapes too: an estimate from above)."""
    reach = 0
    for block in _BLOCK_BREAK.split(text):
        if "[" not in block:
            continue
        opened: list[int] = []
        for match in _BRACKET.finditer(block):
            if match.group() == "[":
                opened.append(match.start())
            elif opened:
                reach += match.start() - opened.pop()
        reach += sum(len(block) - start for start in opened)
    return reach


_LEADING = re.compile(r"^[ \t>]*", re.M)


def block_depth(text: str) -> int:
    """How deep the lines of `text` nest as Markdown reads them: a level for each `>` that
    starts a line, and for each four columns of indentation after the last one."""
    deepest = 0
    for match in _LEADING.finditer(text):
        lead = match.group().expandtabs(4)
        last_quote = lead.rfind(">")
        deepest = max(deepest, lead.count(">") + (len(lead) - last_quote - 1) // 4)
    return deepest


_LONG_LEAD = re.compile(rf"[ \t>]{{{MAX_BLOCK_DEPTH + 1}}}")
"""What starts a line that may nest too deep: each level takes a character before the text.
Looked for after a line break (a search for a plain character is many times faster than one
for every line's start: the check reads every file on every build)."""
_LONG_LEAD_AFTER_BREAK = re.compile(rf"\n{_LONG_LEAD.pattern}")


def first_line_too_deep(text: str) -> int | None:
    """The number (from 0) of the first line of `text` nested deeper than MAX_BLOCK_DEPTH, or None."""
    if _LONG_LEAD.match(text):
        start = 0
    else:
        after_break = _LONG_LEAD_AFTER_BREAK.search(text)
        if after_break is None:
            return None
        start = after_break.start() + 1
    first = text.count("\n", 0, start)
    for number, line in enumerate(text[start:].split("\n"), start=first):
        if block_depth(line) > MAX_BLOCK_DEPTH:
            return number
    return None


def reach_past_limit(text: str) -> int | None:
    """`bracket_reach(text)` when it passes MAX_BRACKET_REACH, else None (most texts hold too
    few brackets to need counting: none reaches further than the whole text)."""
    if text.count("[") * len(text) <= MAX_BRACKET_REACH:
        return None
    reach = bracket_reach(text)
    return reach if reach > MAX_BRACKET_REACH else None
