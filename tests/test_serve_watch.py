"""`mkdocs serve` looks for saves as often as stays cheap."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from roledex.plugin import serve_watch


@pytest.mark.parametrize(
    ("listing", "interval"),
    [(0.0, 0.1), (0.004, 0.1), (0.005, 0.1), (0.008, 0.16), (0.02, 0.4), (0.025, 0.5), (1.0, 0.5)],
)
def test_the_interval_keeps_polling_under_a_twentieth_of_a_core(listing: float, interval: float) -> None:
    assert serve_watch.polling_interval(listing) == pytest.approx(interval)


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_mkdocs_watcher_takes_the_interval_for_what_it_watches_and_will_watch(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=_port(), root=str(tmp_path / "site"))
    try:
        server.watch(str(tmp_path / "docs"))
        interval = serve_watch.poll_sooner(server, str(tmp_path / "docs"))
        assert interval == serve_watch.FASTEST  # one file: as often as allowed
        server.watch(str(tmp_path / "mkdocs.yml"))
        assert {emitter.timeout for emitter in server.observer.emitters} == {interval}
        assert len(server.observer.emitters) == 2
    finally:
        server.server_close()


def test_a_watcher_of_another_shape_is_left_alone(tmp_path: Path) -> None:
    class Other:
        observer = object()

    assert serve_watch.poll_sooner(Other(), str(tmp_path)) == serve_watch.SLOWEST


class _Emitter:
    """A polling watcher as watchdog makes it: it lists its folder through `_take_snapshot`."""

    def __init__(self) -> None:
        self.stopped_event = threading.Event()
        self.looks = 0

    def _take_snapshot(self) -> str:
        self.looks += 1
        return "listing"


class _Server:
    def __init__(self, *emitters: object) -> None:
        self.observer = type("Observer", (), {"emitters": set(emitters)})()


def _look_in_background(emitter: _Emitter) -> tuple[threading.Thread, list[str]]:
    seen: list[str] = []
    thread = threading.Thread(target=lambda: seen.append(emitter._take_snapshot()), daemon=True)
    thread.start()
    return thread, seen


def test_no_look_at_the_folder_while_a_build_runs() -> None:
    emitter = _Emitter()
    assert serve_watch.pause_while_building(_Server(emitter)) == 1
    serve_watch.building()
    try:
        thread, seen = _look_in_background(emitter)
        thread.join(0.3)
        assert thread.is_alive() and emitter.looks == 0
    finally:
        serve_watch.built()
    thread.join(2)
    assert seen == ["listing"] and emitter.looks == 1
    thread, seen = _look_in_background(emitter)
    thread.join(0.3)
    assert not thread.is_alive() and seen == ["listing"]  # no build: it looks at once


def test_a_stopped_watcher_does_not_wait_for_the_build() -> None:
    emitter = _Emitter()
    serve_watch.pause_while_building(_Server(emitter))
    serve_watch.building()
    try:
        emitter.stopped_event.set()
        thread, seen = _look_in_background(emitter)
        thread.join(1)
        assert seen == ["listing"]
    finally:
        serve_watch.built()


def test_each_watcher_is_changed_once_and_others_are_left_alone(tmp_path: Path) -> None:
    emitter = _Emitter()
    server = _Server(emitter, object())
    assert serve_watch.pause_while_building(server) == 1
    assert serve_watch.pause_while_building(server) == 0
    assert serve_watch.pause_while_building(object()) == 0
    live = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=_port(), root=str(tmp_path / "site"))
    try:
        live.watch(str(tmp_path))
        assert serve_watch.pause_while_building(live) == 1
        assert all(emitter._take_snapshot().paths is not None for emitter in live.observer.emitters)
    finally:
        live.server_close()


def test_a_rebuild_starts_once_the_changes_of_a_save_are_in(tmp_path: Path) -> None:
    live = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=_port(), root=str(tmp_path / "site"))
    try:
        assert live.build_delay > serve_watch.QUIET
        assert serve_watch.build_sooner(live) is True
        assert live.build_delay == serve_watch.QUIET
    finally:
        live.server_close()
    eager = type("Server", (), {"build_delay": 0.01})()
    assert serve_watch.build_sooner(eager) is True and eager.build_delay == 0.01  # never later than it was
    assert serve_watch.build_sooner(object()) is False
