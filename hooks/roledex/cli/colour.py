"""Colour on a terminal, so errors and warnings read apart at a glance; plain text anywhere
else (a pipe, a file, CI logs) and wherever NO_COLOR is set (https://no-color.org)."""

from __future__ import annotations

import os
from typing import TextIO

from roledex.kb.problems import REMINDER, WARNING, Problem

BOLD, RED, YELLOW, GREEN, CYAN, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[32m", "\033[36m", "\033[0m"


def wanted(stream: TextIO) -> bool:
    """Colour for `stream`: never with NO_COLOR set (to anything), always with FORCE_COLOR,
    else on a terminal that is not 'dumb'."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def paint(text: str, colour: str, on: bool) -> str:
    return f"{colour}{text}{RESET}" if on else text


def problem_line(problem: Problem, on: bool) -> str:
    """The problem's one line, its place in bold and its message red (an error) or yellow (a
    warning); the same characters as `Problem.format` once the colour codes are taken out."""
    if not on:
        return problem.format()
    place = paint(f"{problem.path}:{problem.line}:", BOLD, on)
    if problem.severity == WARNING:
        return f"{place} {problem.key}: {paint('warning:', YELLOW, on)} {problem.message}"
    if problem.severity == REMINDER:
        return f"{place} {problem.key}: {paint('reminder:', CYAN, on)} {problem.message}"
    return f"{place} {problem.key}: {paint(problem.message, RED, on)}"
