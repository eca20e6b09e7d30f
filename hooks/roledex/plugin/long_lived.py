"""Python's cyclic garbage collector, told what lasts for as long as `serve` runs.

A server keeps its caches (every page's HTML, its search entries, its written bytes) between
builds, and every full collection walks all of them again: at 1,000 postings that was up to a
third of a rebuild. Once the first build is done and its leftovers collected, everything alive
is set aside (`gc.freeze`); later builds' objects are collected as before. Set-aside objects are
still freed when nothing refers to them; only a cycle among them, of the first build, outlives
its use, and only once.
"""

from __future__ import annotations

import gc


def set_aside() -> int:
    """Collect the first build's garbage, then leave what is alive out of later collections;
    how many objects were set aside."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def take_back() -> None:
    """Let the collector walk every object again (a process that stops serving)."""
    gc.unfreeze()
