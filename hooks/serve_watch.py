"""How soon `mkdocs serve` notices a save.

MkDocs looks for changes by polling (it sees saves on network drives, Docker volumes and
Windows drives under WSL, where the operating system's notices do not come), every half a
second: on average a quarter of a second of every save's wait. Polling costs one listing of
the docs folder each time, a few milliseconds at hundreds of files; roledex polls as often as
keeps that cost under a twentieth of one core, never more than ten times a second.
"""

from __future__ import annotations

import time
from typing import Any

from watchdog.utils.dirsnapshot import DirectorySnapshot

POLLING_SHARE = 0.05
"""The share of one core that looking for saves may take."""
FASTEST, SLOWEST = 0.1, 0.5
"""Seconds between looks: never more often than this, never less often than MkDocs does."""


def polling_interval(listing_seconds: float) -> float:
    """Seconds between looks when one listing of the folder takes `listing_seconds`."""
    return min(SLOWEST, max(FASTEST, listing_seconds / POLLING_SHARE))


def poll_sooner(server: Any, folder: str) -> float:
    """Time one listing of `folder` and make `server`'s watcher look that often; returns the
    interval. A watcher without the expected parts is left as it is."""
    started = time.perf_counter()
    DirectorySnapshot(folder, recursive=True)
    interval = polling_interval(time.perf_counter() - started)
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return SLOWEST
    observer._timeout = interval  # for what is watched from now on
    for emitter in getattr(observer, "emitters", ()):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = interval  # for the folders watched already
    return interval
