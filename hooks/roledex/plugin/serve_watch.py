"""How soon `mkdocs serve` notices a save.

MkDocs looks for changes by polling (it sees saves on network drives, Docker volumes and
Windows drives under WSL, where the operating system's notices do not come), every half a
second: on average a quarter of a second of every save's wait. Polling costs one listing of
the docs folder each time, a few milliseconds at hundreds of files; roledex polls as often as
keeps that cost under a twentieth of one core, never more than ten times a second. While a
build runs it does not look at all: a listing then only takes time from the build, and a save
made meanwhile is found by the first look after it.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from watchdog.utils.dirsnapshot import DirectorySnapshot

POLLING_SHARE = 0.05
"""The share of one core that looking for saves may take."""
FASTEST, SLOWEST = 0.1, 0.5
"""Seconds between looks: never more often than this, never less often than MkDocs does."""
QUIET = 0.03
"""Seconds without a further change before a rebuild starts. MkDocs waits a tenth of a second
to gather the changes of one save; one look at the folder reports all of them within
milliseconds, so a few hundredths gather them as well, and a save shows that much sooner."""
LONGEST_PAUSE = 60.0
"""Seconds a look waits for a build at most, so a build that never ends cannot stop the watch."""

_idle = threading.Event()
_idle.set()


def building() -> None:
    """A build has started: looks wait until it ends."""
    _idle.clear()


def built() -> None:
    """The build has ended (or failed): looks go on."""
    _idle.set()


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


def pause_while_building(server: Any) -> int:
    """Make each of `server`'s polling watchers wait for the build in progress before it
    lists its folder; returns how many watchers were changed now. Watchers of another shape,
    and ones changed already, are left as they are."""
    changed = 0
    for emitter in getattr(getattr(server, "observer", None), "emitters", ()):
        take = getattr(emitter, "_take_snapshot", None)
        if take is None or getattr(take, "waits_for_builds", False):
            continue
        emitter._take_snapshot = _after_build(take, getattr(emitter, "stopped_event", None))
        changed += 1
    return changed


def _after_build(take: Any, stopped: threading.Event | None) -> Any:
    def take_after_build() -> Any:
        waited = 0.0
        while not _idle.wait(0.05) and waited < LONGEST_PAUSE and not (stopped is not None and stopped.is_set()):
            waited += 0.05
        return take()

    take_after_build.waits_for_builds = True  # type: ignore[attr-defined]
    return take_after_build


def build_sooner(server: Any) -> bool:
    """Start a rebuild once the changes of a save have come in (see QUIET); False when the
    server has no such setting."""
    if not isinstance(getattr(server, "build_delay", None), (int, float)):
        return False
    server.build_delay = min(server.build_delay, QUIET)
    return True
