"""Pasted text with long runs of spaces or separators is read, not stalled on.

Each case holds a run long enough that a pattern whose work grows with the square of the run
(a leading `\\s*` tried from every space of it) would keep this test running for minutes, where
a reading that grows with the length takes a fraction of a second. Nothing here times it: the
suite's own limit is what such a stall meets.
"""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.run import read_posting

RUN = 10_000


@pytest.mark.parametrize(
    "text",
    [
        "| a | b |\n|" + " " * RUN + "x\n",  # a table's rule that never ends
        "Data Engineer\n" + " " * RUN + "x\n",
        "Data Engineer " + " " * RUN + "x\n",
        "Data Engineer\nLocation: " + " " * RUN + "x\n",
        "Data Engineer\nLocation: Berlin" + " " * RUN + "only\n",
        "Data Engineer\nLocation: Remote" + " " * RUN + ", CET\n",
        "Data Engineer - Acme" + " " * RUN + "GmbH\n",
        "Data Engineer\nSalary: $100,000 " + "+ a " * (RUN // 4) + "!\n",
        "Data Engineer\nSalary: $100,000 " + "and " * (RUN // 4) + "!\n",
        "Data Engineer 1" + " " * RUN + "$\n",
        "1," * RUN + "x\n",  # a figure read from each of its digits
        "1 " * RUN + "x\n",  # thousands of figures, each reading its whole line
        "$1 " * RUN + "\n",
        "Data Engineer\n" + "-\n" * RUN + "x\n",  # a label's leading marks read across lines
        "Data Engineer\nAbout us\n" + "-\n" * RUN + "Acme is a company\n",
        "Why " + "Acme " * RUN + "x\n",  # a name read again from each capitalised word
        "Data Engineer\n" + "Acme " * RUN + "is hiring\n",
        "Data Engineer\n" + "](" * RUN + "\n",  # a link's address read from each `](` to the end
        "Salary: " + "Acme-" * RUN + "x\n",  # one word of thousands of parts
        "P1 " * 40 + "x\n",  # levels one after another: each way to split the spaces was tried
        "Data Engineer - " + "senior / " * 40 + "x\n",
    ],
    ids=plain_id,
)
def test_a_long_run_is_read(text: str) -> None:
    found = read_posting(text.encode())
    assert found.title is None or len(found.title) < 200  # read, and no run taken for a title
